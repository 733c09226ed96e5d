"""Event records as a GDELT 1.0 event table (tab-separated, the 58 columns of the daily files).

Filled as GDELT 1.0's codebook defines them: the dates to the precision the event has (SQLDATE for
a day, MonthYear for a month, Year for a year: a month-only event has no SQLDATE rather than a
made-up first day), the action's place in English with its FIPS 10-4 country code, DATEADDED the
day the document was stored (or coded), SOURCEURL the article's URL (its doc_id when it has none).
NumMentions, NumSources and NumArticles are an aggregated event's counts across the articles of its
story (store/stories.py), 1 for a single mention. Columns the record has no value for (tone, actor geography,
a city's ADM1 code, ethnic and religion codes) are left empty, so GDELT readers load the file
unchanged. Text cells lose their tabs and line breaks: GDELT files have no quoting.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from datetime import date as Date
from typing import Any, TextIO

from kroniek.export.geo import english_place, fips_code
from kroniek.read.dates import date_precision

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


def gdelt_row(record: Mapping[str, Any], url: str | None = None, added: str | None = None) -> dict[str, str]:
    """One record as a GDELT 1.0 row (column -> cell text); `url` fills SOURCEURL, else the doc_id;
    `added` (YYYYMMDD) fills DATEADDED."""
    row = dict.fromkeys(COLUMNS, "")
    row["GLOBALEVENTID"] = str(event_id(record))
    row.update(_date_cells(record))
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
    # an aggregated event (Store.story_events) carries its story's counts; a single mention is one of each
    row["NumMentions"] = str(record.get("num_mentions") or 1)
    row["NumSources"] = str(record.get("num_sources") or 1)
    row["NumArticles"] = str(record.get("num_articles") or 1)
    place = record.get("location")
    if place:
        row.update(_place_cells(place, record.get("location_source") or ""))
    row["DATEADDED"] = added or ""
    row["SOURCEURL"] = _cell(url or record.get("doc_id"))
    return row


def _place_cells(place: Mapping[str, Any], source: str) -> dict[str, str]:
    """ActionGeo_*: GDELT's types are 1 country, 3 US city, 4 world city; its country codes FIPS 10-4
    (a country's ADM1Code is its country code); its names English ("Moscow, Russia"); its feature
    ids GNS/GNIS ones, ours GeoNames ids (from the event's location_source, "geonames:ID")."""
    cells: dict[str, str] = {}
    if source == "country":
        cells["ActionGeo_Type"] = "1"
    elif place.get("name"):
        cells["ActionGeo_Type"] = "3" if place.get("country") == "USA" else "4"
    if source.startswith("geonames:"):
        cells["ActionGeo_FeatureID"] = source.split(":", 1)[1]
    name, country = english_place(place, source or None)
    full = name if source == "country" or not country or name == country else f"{name}, {country}"
    cells["ActionGeo_FullName"] = _cell(full)
    fips = fips_code(place.get("country")) or ""
    cells["ActionGeo_CountryCode"] = fips
    if source == "country":
        cells["ActionGeo_ADM1Code"] = fips
    cells["ActionGeo_Lat"] = _cell(place.get("lat"))
    cells["ActionGeo_Long"] = _cell(place.get("lon"))
    return cells


def _date_cells(record: Mapping[str, Any]) -> dict[str, str]:
    """SQLDATE, MonthYear, Year and FractionDate to the precision of the event's date (else the
    publication date's): each column only where the date says that much."""
    value = record.get("date")
    precision = record.get("date_precision") if value else None
    if not value:
        value = record.get("doc_date")
        precision = date_precision(value)
    first = _day(value)
    if first is None:
        return {}
    cells = {"Year": str(first.year)}
    if precision == "week":
        last = first + timedelta(days=6)
        if last.month == first.month:
            cells["MonthYear"] = first.strftime("%Y%m")
        if last.year != first.year:
            cells.pop("Year")
    elif precision in ("day", "month"):
        cells["MonthYear"] = first.strftime("%Y%m")
    if precision == "day":
        cells["SQLDATE"] = first.strftime("%Y%m%d")
        cells["FractionDate"] = f"{first.year + first.timetuple().tm_yday / 365:.4f}"
    return cells


def write_gdelt(
    records: Iterable[Mapping[str, Any]],
    out: TextIO,
    urls: Mapping[str, str | None] | None = None,
    header: bool = True,
    added: Mapping[str, str] | None = None,
) -> int:
    """Write records as GDELT 1.0 TSV (with a header row unless `header=False`); return the row count.

    `urls` maps doc_id to the article URL for SOURCEURL, `added` doc_id to the day (YYYYMMDD) it was
    stored for DATEADDED (both from Store.documents()); DATEADDED is today (UTC) for a document
    `added` does not name.
    """
    if header:
        out.write("\t".join(COLUMNS) + "\n")
    today = datetime.now(UTC).strftime("%Y%m%d")
    n = 0
    for record in records:
        doc_id = record.get("doc_id") or ""
        row = gdelt_row(record, (urls or {}).get(doc_id), (added or {}).get(doc_id) or today)
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
