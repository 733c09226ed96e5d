"""Hand-built documents, actors and events for the store tests (model.py dataclasses only)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kroniek.model import Actor, Document, Event

TEXT = (
    "Litouwen biedt oppositieleider Tichanovskaja onderdak aan. "
    "De Wit-Russische regering veroordeelt de Litouwse leiders niet."
)


def actor(code: str | None, name: str | None, country: str | None, text: str, start: int) -> Actor:
    """An actor mention with offsets computed from its text."""
    return Actor(text=text, start=start, end=start + len(text), code=code, name=name, country=country,
                 wikidata=None if code is None else "Q37", label="PER" if code is None else None)  # fmt: skip


def event(doc_id: str = "belarus_nl", **changes: Any) -> Event:
    """An asserted 075 event LTUGOV -> BLROPP; keyword arguments override fields."""
    fields: dict[str, Any] = dict(
        doc_id=doc_id, doc_date="2020-08-12", sentence_index=0, sentence=TEXT.split(". ")[0] + ".",
        source=actor("LTUGOV", "Lithuania", "LTU", "Litouwen", 0),
        target=actor("BLROPP", "Svetlana Tichanovskaja", "BLR", "oppositieleider Tichanovskaja", 15),
        cameo="075", cameo_name="Grant asylum", root="07", quad_class=2, goldstein=7.0,
        plover={"event_type": "AID", "mode": "asylum"}, date="2020-08-11", date_precision="day",
        location={"name": "Vilnius", "country": "LTU", "lat": 54.69, "lon": 25.28},
        status="asserted", evidence={"start": 0, "end": 58, "rule": "nl:onderdak_bieden"},
        confidence=0.82,
    )  # fmt: skip
    fields.update(changes)
    return Event(**fields)


@pytest.fixture
def make_event() -> Callable[..., Event]:
    """The event builder, for tests that need events of their own."""
    return event


@pytest.fixture
def make_actor() -> Callable[..., Actor]:
    """The actor builder."""
    return actor


@pytest.fixture
def doc() -> Document:
    return Document(doc_id="belarus_nl", text=TEXT, date="2020-08-12", lang="nl", title="Belarus",
                    url="https://example.org/belarus", source="belarus_nl.txt")  # fmt: skip


@pytest.fixture
def actors() -> list[Actor]:
    return [
        actor("LTUGOV", "Lithuania", "LTU", "Litouwen", 0),
        actor("BLROPP", "Svetlana Tichanovskaja", "BLR", "oppositieleider Tichanovskaja", 15),
        actor(None, None, None, "Onbekende Naam", 70),
    ]


@pytest.fixture
def events() -> list[Event]:
    negated = event(
        sentence_index=1, sentence=TEXT.split(". ")[1],
        source=actor("BLRGOV", "Belarus", "BLR", "De Wit-Russische regering", 59),
        target=actor("LTUGOV", "Lithuania", "LTU", "de Litouwse leiders", 101),
        cameo="122", cameo_name="Criticize or denounce", root="12", quad_class=3, goldstein=-2.0,
        plover={"event_type": "ACCUSE", "mode": None}, date=None, date_precision=None, location=None,
        status="negated", evidence={"start": 59, "end": 121, "rule": "nl:veroordelen"}, confidence=0.6,
    )  # fmt: skip
    no_target = event(target=None, cameo="010", cameo_name="Make statement", root="01", quad_class=1,
                      goldstein=0.0, extra={"note": "Cichanoŭskaja"})  # fmt: skip
    return [event(), negated, no_target]
