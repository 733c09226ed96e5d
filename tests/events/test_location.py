"""Where an act happened: the place a locative phrase names, located by the offline gazetteer."""

from __future__ import annotations

import pytest

from kroniek.places import gazetteer


def test_the_place_of_an_act_comes_from_a_locative_phrase() -> None:
    from kroniek.model import Document
    from kroniek.pipeline import default_analyzer

    text = "In Minsk arresteerde de politie zaterdag honderden demonstranten."
    (result,) = default_analyzer().analyze([Document("plaats", text, "2024-03-16", "nl")])
    (event,) = [e for e in result.events if e.location]
    assert event.location["name"] == "Minsk" and event.location["country"] == "BLR"
    assert event.location["lat"] == pytest.approx(53.9, abs=0.05)
    assert event.location["lon"] == pytest.approx(27.57, abs=0.05)
    assert event.extra["location_source"] == "geonames:625144"


@pytest.mark.parametrize(
    ("name", "country", "expected"),
    [
        ("Moskou", None, ("RUS", 55.75, 37.62)),  # Dutch exonym; Moscow, Idaho is far smaller
        ("Moscow", None, ("RUS", 55.75, 37.62)),
        ("Kiëv", None, ("UKR", 50.45, 30.52)),  # accents folded
        ("Den Haag", None, ("NLD", 52.08, 4.30)),
        ("Washington", "USA", ("USA", 38.90, -77.04)),
        ("Moskou", "USA", ("USA", 46.73, -117.0)),  # the country given wins over size
    ],
)
def test_cities_are_found_by_any_latin_name(name: str, country: str | None, expected: tuple) -> None:
    place = gazetteer().city(name, country)
    assert place is not None and place.source.startswith("geonames:")
    assert (place.country, round(place.lat, 2), round(place.lon, 2)) == pytest.approx(expected, abs=0.02)


def test_unknown_places_and_scripts_are_not_guessed() -> None:
    assert gazetteer().city("Sheikh Jarrah") is None  # a neighbourhood, below the gazetteer's size
    assert gazetteer().city("jia sha cheng") is None  # lower-case transliterations are not indexed
    assert gazetteer().city("Москва") is None  # nor non-Latin scripts


def test_countries_are_located_by_their_centroid() -> None:
    place = gazetteer().country("BLR")
    assert place is not None and place.source == "country"
    assert 51 < place.lat < 56 and 23 < place.lon < 33  # inside Belarus' bounding box
    assert gazetteer().country("XXX") is None
