"""JSON Lines: one article per line, {"id", "text", "date"?, "title"?, "url"?, "lang"?}.

Each line is a document of its own: the size limit, the encoding (repaired per line) and every
error are per line, and a file of any size is read line by line.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from kroniek.errors import Errors, InputError, Warnings, warning_line
from kroniek.model import Document
from kroniek.read.dates import normalise_date
from kroniek.read.detect import normalise_lang
from kroniek.read.text import decode_document, normalise_newlines

_OPTIONAL = ("title", "url", "lang")
# A JSON escape such as "\ud800" without its pair decodes to a lone surrogate: no Unicode text, which
# the language detector, the parser and the store cannot take. The line is refused, not the batch.
_SURROGATE = re.compile("[\ud800-\udfff]")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _decode_line(raw: bytes, number: int, where: str) -> tuple[str, str | None] | InputError:
    """The line's text and, when it was not clean UTF-8, the warning saying how it was read."""
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    try:
        decoded = decode_document(raw, where)
    except InputError:
        return InputError(Errors.E006, where, line=number, reason="not UTF-8")
    detail = decoded.repaired or f"not UTF-8, read as {decoded.encoding}"
    return decoded.text, warning_line(Warnings.W001, f"{where}: line {number}", detail=detail)


def _article(record: Any, line: int, where: str, warning: str | None) -> Document | InputError:
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
    if date is not None:
        date = normalise_date(date)
        if date is None:
            return InputError(Errors.E009, f"{where}: line {line}", value=record.get("date"))
    optional: dict[str, str | None] = {}
    for name in _OPTIONAL:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return InputError(Errors.E007, where, line=line, field=f'"{name}" as a string')
        optional[name] = (value.strip() or None) if value is not None else None
    for name, value in (("id", doc_id), ("text", text), *optional.items()):
        lone = _SURROGATE.search(value or "")
        if lone:
            reason = f'"{name}" holds an unpaired surrogate {lone.group()!a}'
            return InputError(Errors.E006, where, line=line, reason=reason)
    return Document(
        doc_id=doc_id,
        text=normalise_newlines(text),
        date=date,
        lang=normalise_lang(optional["lang"]),
        title=optional["title"],
        url=optional["url"],
        source=where,
        warnings=(warning,) if warning else (),
    )


def read_jsonl_lines(
    lines: Iterable[tuple[int, bytes | None, int]], where: str, max_bytes: int, numbered: bool = False
) -> Iterator[Any]:
    """One Document per good line and one InputError per bad one (E006, E007, E009, E021); blank
    lines skipped. `lines` gives (number, bytes or None when over the limit, size) as paths.lines does.

    A Document's `lang` is the line's own (None when absent) and `date` likewise: the caller fills
    in detection and defaults. With `numbered`, each item is (line number, Document or InputError).
    """
    for number, item in _parsed(lines, where, max_bytes):
        yield (number, item) if numbered else item


def _parsed(lines: Iterable[tuple[int, bytes | None, int]], where: str, max_bytes: int
            ) -> Iterator[tuple[int, Document | InputError]]:
    for number, raw, size in lines:
        if raw is None or len(raw.rstrip(b"\r\n")) > max_bytes:
            yield number, InputError(Errors.E021, where, line=number, size=size, limit=max_bytes)
            continue
        if number == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        decoded = _decode_line(raw, number, where)
        if isinstance(decoded, InputError):
            yield number, decoded
            continue
        line, warning = decoded
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield number, InputError(Errors.E006, where, line=number, reason=f"{err.msg} at column {err.colno}")
            continue
        yield number, _article(record, number, where, warning)


def split_lines(data: bytes) -> Iterator[tuple[int, bytes | None, int]]:
    """(number, line, size) for the lines of bytes held in memory; UTF-16 (with a BOM, as Windows
    tools write JSON) is re-encoded as UTF-8 first."""
    for bom in _UTF16_BOMS:
        if data.startswith(bom):
            data = data.decode("utf-16", errors="replace").encode("utf-8")
            break
    for number, raw in enumerate(data.split(b"\n"), start=1):
        yield number, raw, len(raw)


def read_jsonl(data: bytes, where: str, max_bytes: int | None = None) -> Iterator[Document | InputError]:
    """read_jsonl_lines over bytes held in memory (each line within `max_bytes` when given)."""
    return read_jsonl_lines(split_lines(data), where, max_bytes if max_bytes is not None else len(data) + 1)
