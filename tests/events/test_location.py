"""Where an act happened: the place a locative phrase names."""

from __future__ import annotations


def test_the_place_of_an_act_comes_from_a_locative_phrase() -> None:
    from kroniek.model import Document
    from kroniek.pipeline import default_analyzer

    text = "In Minsk arresteerde de politie zaterdag honderden demonstranten."
    (result,) = default_analyzer().analyze([Document("plaats", text, "2024-03-16", "nl")])
    places = [e.location for e in result.events]
    assert {"name": "Minsk", "country": "BLR", "lat": None, "lon": None} in places, places
