"""JSON Lines: one article per line, {"id", "text", "date"?, "title"?, "url"?, "lang"?}."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import Any

from kroniek.errors import Errors, InputError
from kroniek.model import Document
from kroniek.read.dates import is_valid_date
from kroniek.read.text import normalise_newlines

_OPTIONAL = ("title", "url", "lang")


def _lines(data: bytes) -> Iterator[tuple[int, str | None]]:
    """(line number, text) for each line; text None when the line is not UTF-8."""
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):  # JSON should be UTF-8, but Windows tools write UTF-16 with a BOM
            yield from enumerate(data.decode(encoding, errors="replace").split("\n"), start=1)
            return
    data = data.removeprefix(codecs.BOM_UTF8)
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            yield number, raw.decode("utf-8")
        except UnicodeDecodeError:
            yield number, None


def _article(record: Any, line: int, where: str) -> Document | InputError:
    if not isinstance(record, dict):
        reason = f"expected an object, got {type(record).__name__}"
        return InputError(Errors.E006, where, line=line, reason=reason)
    doc_id = record.get("id")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str) or not doc_id.strip():
        return InputError(Errors.E007, where, line=line, field='"id" (a non-empty string)')
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return InputError(Errors.E007, where, line=line, field='"text" (a non-empty string)')
    date = record.get("date")
    if date is not None and not is_valid_date(date):
        return InputError(Errors.E009, f"{where}: line {line}", value=date)
    optional: dict[str, str | None] = {}
    for name in _OPTIONAL:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return InputError(Errors.E007, where, line=line, field=f'"{name}" as a string')
        optional[name] = (value.strip() or None) if value is not None else None
    lang = optional["lang"].lower() if optional["lang"] else None
    return Document(
        doc_id=doc_id,
        text=normalise_newlines(text),
        date=date,
        lang=None if lang == "auto" else lang,
        title=optional["title"],
        url=optional["url"],
        source=where,
    )


def read_jsonl(data: bytes, where: str) -> Iterator[Document | InputError]:
    """One Document per good line and one InputError per bad one (E006, E007, E009); blank lines skipped.

    A Document's `lang` is the line's own (None when absent) and `date` likewise: the caller fills
    in detection and defaults.
    """
    for number, line in _lines(data):
        if line is None:
            yield InputError(Errors.E006, where, line=number, reason="not UTF-8")
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield InputError(Errors.E006, where, line=number, reason=f"{err.msg} at column {err.colno}")
            continue
        yield _article(record, number, where)
