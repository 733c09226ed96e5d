"""Event records as JSON Lines, CSV and TSV; the one mapping between the nested record and flat columns.

The flat columns are shared by CSV/TSV, the DuckDB events table and its Parquet export, so a
spreadsheet, a Parquet file and a SQL query all see the same names in the same order: the
contract's columns (COLUMNS), then kroniek's own fields (EXTRA_COLUMNS: date_source,
status_reason, location_source), then any further field a record carries. No field is dropped.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TextIO

ACTOR_FIELDS = ("code", "name", "country", "wikidata", "text", "start", "end")
PLOVER_FIELDS = ("event_type", "mode")
LOCATION_FIELDS = ("name", "country", "lat", "lon")
EVIDENCE_FIELDS = ("start", "end", "rule")

# Nested fields of the record and the keys they flatten from, in record order.
_NESTED: dict[str, tuple[str, ...]] = {
    "source": ACTOR_FIELDS,
    "target": ACTOR_FIELDS,
    "plover": PLOVER_FIELDS,
    "location": LOCATION_FIELDS,
    "evidence": EVIDENCE_FIELDS,
}
# The contract record's keys in order; nested ones expand to "<key>_<field>".
_RECORD_KEYS = (
    "doc_id", "doc_date", "sentence_index", "sentence", "source", "target",
    "cameo", "cameo_name", "root", "quad_class", "goldstein", "plover",
    "date", "date_precision", "location", "status", "evidence", "confidence",
)  # fmt: skip
# Nested values that are null as a whole (rather than a dict of nulls) when every field is null.
_NULLABLE = ("target", "location")

COLUMNS: tuple[str, ...] = tuple(
    col
    for key in _RECORD_KEYS
    for col in ([f"{key}_{sub}" for sub in _NESTED[key]] if key in _NESTED else [key])
)
"""The flat column order of CSV, TSV and Parquet exports (defined here only)."""

EXTRA_COLUMNS: tuple[str, ...] = ("date_source", "status_reason", "location_source")
"""kroniek's own fields of every event record (README), after the contract's columns."""

FORMATS = ("jsonl", "csv", "tsv", "gdelt", "icews")


def flatten(record: dict[str, Any]) -> dict[str, Any]:
    """The record as flat columns (COLUMNS order); keys outside the contract are left out."""
    flat: dict[str, Any] = {}
    for key in _RECORD_KEYS:
        if key in _NESTED:
            value = record.get(key) or {}
            for sub in _NESTED[key]:
                flat[f"{key}_{sub}"] = value.get(sub)
        else:
            flat[key] = record.get(key)
    return flat


def unflatten(flat: dict[str, Any]) -> dict[str, Any]:
    """The contract record from flat columns; target and location are null when all their columns are."""
    record: dict[str, Any] = {}
    for key in _RECORD_KEYS:
        if key in _NESTED:
            value = {sub: flat.get(f"{key}_{sub}") for sub in _NESTED[key]}
            if key in _NULLABLE and all(v is None for v in value.values()):
                record[key] = None
            else:
                record[key] = value
        else:
            record[key] = flat.get(key)
    return record


def export_columns(records: Iterable[dict[str, Any]]) -> tuple[str, ...]:
    """The flat columns for these records: COLUMNS, EXTRA_COLUMNS, then any other field they carry
    (in the order first met)."""
    known = set(_RECORD_KEYS) | set(EXTRA_COLUMNS)
    others: dict[str, None] = {}
    for record in records:
        others.update((key, None) for key in record if key not in known)
    return (*COLUMNS, *EXTRA_COLUMNS, *others)


def flat_row(record: dict[str, Any], columns: Sequence[str]) -> dict[str, Any]:
    """The record as `columns` (from export_columns): contract fields flattened, nested extra values
    as JSON text."""
    flat = flatten(record)
    for column in columns[len(COLUMNS) :]:
        value = record.get(column)
        flat[column] = json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else value
    return flat


def write_records(records: Iterable[dict[str, Any]], fmt: str, out: TextIO, **context: Any) -> int:
    """Write event records to `out` as jsonl, csv, tsv, gdelt or icews; return how many were written.

    `context` goes to the GDELT and ICEWS writers (the documents' URLs and when they were added).
    """
    if fmt == "jsonl":
        n = 0
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
        return n
    if fmt in ("csv", "tsv"):
        records = list(records)
        columns = export_columns(records)
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(columns)
        for row in _flat_rows(records, columns):
            writer.writerow(row)
        return len(records)
    if fmt == "gdelt":
        from kroniek.export.gdelt import write_gdelt

        return write_gdelt(records, out, **context)
    if fmt == "icews":
        from kroniek.export.icews import write_icews

        return write_icews(records, out, urls=context.get("urls"))
    raise ValueError(f"unknown format {fmt!r} (use {', '.join(FORMATS)})")


def _flat_rows(records: Iterable[dict[str, Any]], columns: Sequence[str]) -> Iterator[list[Any]]:
    """CSV cells in `columns` order; null becomes the empty cell."""
    for record in records:
        flat = flat_row(record, columns)
        yield ["" if flat[col] is None else flat[col] for col in columns]
