"""Event records as an ICEWS-style event table: the 20 tab-separated columns of the ICEWS coded event
data files (Harvard Dataverse), in their order, plus one: "Date Precision".

ICEWS writes one row per event with English names: the actors' names and sectors ("Government",
"Police") and countries, the CAMEO code and its name ("Event Text"), the Goldstein-scale
"Intensity", the story and sentence it came from, and the place. kroniek fills them from the
record: a country's role actor is named as ICEWS names one ("Government (Lithuania)"), "Story ID"
is the doc_id, "Sentence Number" counts from 1, "Publisher" is the host of the article's URL.
"Event Date" keeps the event's precision (YYYY-MM-DD, YYYY-MM or YYYY), said in "Date Precision".
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import urlsplit

from kroniek.export.gdelt import event_id
from kroniek.export.geo import country_name, english_place
from kroniek.read.dates import date_precision

COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude",
    "Date Precision",
)  # fmt: skip
"""The ICEWS event columns, then kroniek's "Date Precision"."""

_SECTORS = Path(__file__).parent / "data" / "sectors.tsv"


@cache
def sectors() -> dict[str, str]:
    """CAMEO role code -> sector name (export/data/sectors.tsv)."""
    with _SECTORS.open(encoding="utf-8") as handle:
        rows = csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t")
        next(rows)
        return {role: sector for role, sector in rows}


def _roles(actor: Mapping[str, Any]) -> list[str]:
    """The role codes after the country (or the IGO prefix) of a CAMEO actor code."""
    code = actor.get("code") or ""
    if code.startswith("IGO"):
        return ["IGO"]
    country = actor.get("country") or ""
    start = len(country) if country and code.startswith(country) else 3
    return [code[i : i + 3] for i in range(start, len(code), 3)]


def _actor_cells(actor: Mapping[str, Any] | None) -> tuple[str, str, str]:
    """(name, sectors, country) of an event's source or target, ICEWS style."""
    if not actor:
        return "", "", ""
    names = [sectors()[role] for role in _roles(actor) if role in sectors()]
    country = country_name(actor.get("country")) or ""
    name = actor.get("name") or actor.get("text") or ""
    if names and names[0] != "International Government Organizations" and (not name or name in (
            country, actor.get("country"))):
        name = f"{names[0]} ({country or name})"
    return name, ",".join(names), country


def icews_row(record: Mapping[str, Any], url: str | None = None) -> dict[str, str]:
    """One record as an ICEWS-style row (column -> cell text)."""
    when = record.get("date") or record.get("doc_date") or ""
    precision = record.get("date_precision") if record.get("date") else date_precision(when or None)
    source = _actor_cells(record.get("source"))
    target = _actor_cells(record.get("target"))
    row = {
        "Event ID": str(event_id(record)), "Event Date": when, "Source Name": source[0],
        "Source Sectors": source[1], "Source Country": source[2], "Event Text": record.get("cameo_name") or "",
        "CAMEO Code": record.get("cameo") or "", "Intensity": _text(record.get("goldstein")),
        "Target Name": target[0], "Target Sectors": target[1], "Target Country": target[2],
        "Story ID": record.get("doc_id") or "", "Sentence Number": _text(_plus_one(record.get("sentence_index"))),
        "Publisher": urlsplit(url).hostname or "" if url else "", "Date Precision": precision or "",
    }  # fmt: skip
    row.update(_place(record))
    return {column: _text(row.get(column)) for column in COLUMNS}


def _place(record: Mapping[str, Any]) -> dict[str, str]:
    place = record.get("location")
    if not place:
        return {}
    source = record.get("location_source")
    name, country = english_place(place, source)
    return {"City": name if source != "country" and name else "", "Country": country or "",
            "Latitude": _text(place.get("lat")), "Longitude": _text(place.get("lon"))}


def write_icews(records: Iterable[Mapping[str, Any]], out: TextIO, urls: Mapping[str, str | None] | None = None,
                header: bool = True) -> int:
    """Write records as ICEWS-style TSV (with a header row unless `header=False`); return the row count.

    `urls` maps doc_id to the article URL (for "Publisher").
    """
    if header:
        out.write("\t".join(COLUMNS) + "\n")
    n = 0
    for record in records:
        row = icews_row(record, (urls or {}).get(record.get("doc_id") or ""))
        out.write("\t".join(row[c] for c in COLUMNS) + "\n")
        n += 1
    return n


def _plus_one(value: Any) -> Any:
    return value + 1 if isinstance(value, int) else value


def _text(value: Any) -> str:
    """Cell text without tabs or line breaks (the files have no quoting); null is empty."""
    if value is None:
        return ""
    return " ".join(str(value).split())
