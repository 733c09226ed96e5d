"""Reprints written for the story tests (ours): one wire story as four outlets carry it (the same text
under another headline, a shortened version, an updated version), another story on the same topic,
and a Dutch translation of the first. Each is coded to one asserted event (LTU -> BLROPP 075,
POL -> BLROPP 075, LTU -> BLROPP 075)."""

from __future__ import annotations

# the wire story as the first outlet carries it; the second carries it word for word under its own headline
WIRE = (
    "Lithuania granted asylum to the Belarusian opposition leader Svetlana Tikhanovskaya on "
    "Tuesday, officials in Vilnius said.\n\n"
    "She left Minsk with her two children late on Monday evening, hours after the count of the "
    "presidential vote had ended.\n\n"
    "Her campaign team said she was safe and that she would speak to her supporters later this "
    "week.\n\n"
    "The vote has divided the country, and crowds gathered in the capital for a third night."
)

REPRINTS: list[dict[str, str]] = [
    {
        "id": "herald-asylum",
        "url": "https://www.herald.example/world/asylum",
        "date": "2020-08-12",
        "lang": "en",
        "title": "Lithuania shelters Tikhanovskaya",
        "text": WIRE,
    },
    {
        "id": "courier-asylum",
        "url": "https://courier.example/2020/08/12/vilnius",
        "date": "2020-08-12",
        "lang": "en",
        "title": "Opposition leader finds refuge in Vilnius",
        "text": WIRE,
    },
    {
        "id": "daily-asylum",
        "url": "https://daily.example/news/4411",
        "date": "2020-08-12",
        "lang": "en",
        "title": "Tikhanovskaya in Lithuania",
        "text": (
            "Lithuania granted asylum to the Belarusian opposition leader Svetlana Tikhanovskaya on "
            "Tuesday, officials in Vilnius said.\n\n"
            "She left Minsk with her two children late on Monday evening, hours after the count of the "
            "presidential vote had ended."
        ),
    },
    {
        "id": "courier-asylum-update",
        "url": "https://courier.example/2020/08/12/vilnius-update",
        "date": "2020-08-12",
        "lang": "en",
        "title": "Update: opposition leader in Vilnius",
        "text": (
            "Lithuania granted asylum to the Belarusian opposition leader Svetlana Tikhanovskaya on "
            "Tuesday, officials in Vilnius said.\n\n"
            "She left Minsk with her two children late on Monday evening, hours after the count of the "
            "presidential vote had ended.\n\n"
            "Her campaign team said she was safe and that she would speak to her supporters later this "
            "week. A video message is expected on Thursday."
        ),
    },
    {
        "id": "herald-poland",
        "url": "https://www.herald.example/world/poland",
        "date": "2020-08-12",
        "lang": "en",
        "title": "Poland opens its border",
        "text": (
            "Poland offered shelter to Belarusian opposition activists on Wednesday, the government in "
            "Warsaw said.\n\n"
            "The activists can apply for visas at the consulate in Grodno, a spokesman said, and "
            "several hundred have done so.\n\n"
            "The measure follows days of unrest after the presidential vote in Belarus."
        ),
    },
    {
        "id": "nos-asiel",
        "url": "https://nieuws.example/artikel/1",
        "date": "2020-08-12",
        "lang": "nl",
        "title": "Litouwen geeft Tichanovskaja asiel",
        "text": (
            "Litouwen heeft de Wit-Russische oppositieleider Svetlana Tichanovskaja dinsdag asiel "
            "verleend. De regering in Vilnius zei dat zij veilig was.\n\n"
            "Zij verliet Minsk maandagavond laat met haar twee kinderen, uren nadat de telling van de "
            "presidentsverkiezing was afgelopen."
        ),
    },
]
