"""Event records as a GDELT 1.0 event table (tab-separated, the 58 columns of the daily files).

Columns the record has no value for (tone, mention counts beyond one article, actor geography,
FIPS country codes of places, ethnic and religion codes) are left empty, so GDELT readers load the
file unchanged. Text cells lose their tabs and line breaks: GDELT files have no quoting.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from datetime import date as Date
from typing import Any, TextIO

_ACTOR = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
    "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long", "FeatureID")

COLUMNS: tuple[str, ...] = (
    ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{c}" for c in _ACTOR)
    + tuple(f"Actor2{c}" for c in _ACTOR)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"Actor1Geo_{c}" for c in _GEO)
    + tuple(f"Actor2Geo_{c}" for c in _GEO)
    + tuple(f"ActionGeo_{c}" for c in _GEO)
    + ("DATEADDED", "SOURCEURL")
)  # fmt: skip
"""GDELT 1.0 event columns, in the order of the daily files."""


def event_id(record: Mapping[str, Any]) -> int:
    """A stable 53-bit id (exact in float64 readers) from the document and the event's own spans.

    Derived from what identifies the event within its document (sentence, evidence span, code,
    actor offsets) rather than its position in a stream, so a filtered export keeps the same ids.
    """
    source = record.get("source") or {}
    target = record.get("target") or {}
    evidence = record.get("evidence") or {}
    key = "\t".join(
        str(v)
        for v in (
            record.get("doc_id"), record.get("sentence_index"), evidence.get("start"),
            evidence.get("end"), record.get("cameo"), source.get("start"), target.get("start"),
        )
    )  # fmt: skip
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big") >> 11


def gdelt_row(record: Mapping[str, Any], url: str | None = None) -> dict[str, str]:
    """One record as a GDELT 1.0 row (column -> cell text); `url` fills SOURCEURL, else the doc_id."""
    row = dict.fromkeys(COLUMNS, "")
    row["GLOBALEVENTID"] = str(event_id(record))
    when = _day(record.get("date") or record.get("doc_date"))
    if when:
        row["SQLDATE"] = when.strftime("%Y%m%d")
        row["MonthYear"] = when.strftime("%Y%m")
        row["Year"] = str(when.year)
        row["FractionDate"] = f"{when.year + when.timetuple().tm_yday / 365:.4f}"
    for prefix, actor in (("Actor1", record.get("source")), ("Actor2", record.get("target"))):
        if actor:
            row.update({f"{prefix}{k}": v for k, v in _actor_cells(actor).items()})
    cameo = record.get("cameo") or ""
    row["IsRootEvent"] = "1" if record.get("sentence_index") == 0 else "0"
    row["EventCode"] = cameo
    row["EventBaseCode"] = cameo[:3]
    row["EventRootCode"] = record.get("root") or cameo[:2]
    row["QuadClass"] = _cell(record.get("quad_class"))
    row["GoldsteinScale"] = _cell(record.get("goldstein"))
    row["NumMentions"] = row["NumSources"] = row["NumArticles"] = "1"
    place = record.get("location")
    if place:
        # GDELT's geo country codes are FIPS 10-4; ours are ISO alpha-3, so that cell stays empty.
        # GDELT's types: 1 country, 3 US city, 4 world city; its feature ids are GNS/GNIS ones,
        # ours GeoNames ids (from the event's location_source, "geonames:ID").
        source = record.get("location_source") or ""
        if source == "country":
            row["ActionGeo_Type"] = "1"
        elif place.get("name"):
            row["ActionGeo_Type"] = "3" if place.get("country") == "USA" else "4"
        if source.startswith("geonames:"):
            row["ActionGeo_FeatureID"] = source.split(":", 1)[1]
        row["ActionGeo_FullName"] = _cell(place.get("name"))
        row["ActionGeo_Lat"] = _cell(place.get("lat"))
        row["ActionGeo_Long"] = _cell(place.get("lon"))
    row["SOURCEURL"] = _cell(url or record.get("doc_id"))
    return row


def write_gdelt(
    records: Iterable[Mapping[str, Any]],
    out: TextIO,
    urls: Mapping[str, str | None] | None = None,
    header: bool = True,
) -> int:
    """Write records as GDELT 1.0 TSV (with a header row unless `header=False`); return the row count.

    `urls` maps doc_id to the article URL for SOURCEURL (e.g. from Store.documents()).
    """
    if header:
        out.write("\t".join(COLUMNS) + "\n")
    n = 0
    for record in records:
        row = gdelt_row(record, (urls or {}).get(record.get("doc_id") or ""))
        out.write("\t".join(row[c] for c in COLUMNS) + "\n")
        n += 1
    return n


def _actor_cells(actor: Mapping[str, Any]) -> dict[str, str]:
    """Code, name, country and the role codes that follow the country in a CAMEO actor code."""
    code = actor.get("code") or ""
    country = actor.get("country") or ""
    cells = {"Code": code, "Name": _cell(actor.get("name") or actor.get("text")), "CountryCode": country}
    if code.startswith("IGO"):
        cells["KnownGroupCode"] = code[-3:]
    elif country and code.startswith(country):
        roles = [code[i : i + 3] for i in range(len(country), len(code), 3)]
        for i, role in enumerate(roles[:3], start=1):
            cells[f"Type{i}Code"] = role
    return cells


def _day(value: str | None) -> Date | None:
    """A date from YYYY-MM-DD, YYYY-MM or YYYY (partial dates fall on the first day)."""
    if not value:
        return None
    parts = value.split("-") + ["01", "01"]
    try:
        return Date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


def _cell(value: Any) -> str:
    """Cell text without tabs or line breaks; null is empty."""
    if value is None:
        return ""
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)
