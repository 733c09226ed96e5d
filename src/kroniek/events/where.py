"""Where an act took place: a place name in a locative phrase of its clause, with its country and
coordinates from the offline gazetteer (kroniek/places.py)."""

from __future__ import annotations

from spacy.tokens import Token

from kroniek.actors.resolve import DocActors
from kroniek.events import clause
from kroniek.events.reading import ClauseReading
from kroniek.places import Place, entity_at, gazetteer


def located(name: str, country: str | None, place: Place | None) -> tuple[dict, str | None]:
    """The event record's location and where its coordinates come from."""
    return (
        {"name": name, "country": country, "lat": place.lat if place else None, "lon": place.lon if place else None},
        place.source if place else None,
    )



class Placing(ClauseReading):
    """Mixin of the EventCoder (events/code.py)."""

    def _location(self, anchor: Token, is_noun: bool, actors: DocActors) -> tuple[dict | None, str | None]:
        """Where the clause says the act took place: a place name in a locative phrase ("in Minsk",
        "in de Gazastrook"), with its country and coordinates from the offline gazetteer; the second
        value says where the coordinates come from (`geonames:ID`, `country`, or None: not found)."""
        phrases = list(clause.phrases(anchor))
        if not is_noun:
            phrases += [(clause.preposition(t), t) for t in self._phrases_after(anchor, actors)]
        for prep, head in phrases:
            if prep not in self.grammar.locative_preps:
                continue
            actor = actors.at(head)
            if actor is not None and actor.place_kind:
                country = actor.code[:3] if not actor.code.startswith("IGO") else None
                if actor.place_kind == "country":
                    place = gazetteer().country(country) if country else None
                else:
                    place = gazetteer().city(actor.text, country) or gazetteer().city(actor.name or "", country)
                return located(actor.text, country, place)
            entity = entity_at(head)
            # a name in a locative phrase: a place when the NER says so or the gazetteer knows it
            # (pipelines without NER label proper-noun runs PER or MISC: "in San Francisco")
            place = gazetteer().city(entity.text) if entity is not None else None
            if entity is not None and (place is not None or entity.label_ == "LOC"):
                return located(entity.text, place.country if place else None, place)
        return None, None
