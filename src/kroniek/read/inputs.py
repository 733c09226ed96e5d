"""A batch of inputs (text, HTML and JSON Lines files, folders, stdin) read to Documents.

`read_inputs` yields an InputError for each input it cannot read, instead of raising, so that
the caller reports it on one line and the batch goes on. Every document of a batch gets its own
doc_id (ids.py): nothing read is silently replaced by another document.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import BinaryIO

from kroniek.errors import Errors, InputError, KroniekError, Warnings, warning_line
from kroniek.model import Document
from kroniek.read.dates import parse_date
from kroniek.read.detect import UNDETERMINED, detect_language, normalise_lang
from kroniek.read.html import page_from_bytes
from kroniek.read.ids import BatchIds
from kroniek.read.jsonl import read_jsonl_lines, split_lines
from kroniek.read.paths import (
    DEFAULT_MAX_BYTES,
    SNIFF_BYTES,
    STDIN_NAME,
    Source,
    lines,
    plan_sources,
    read_bytes,
    sniff_kind,
    stdin_stream,
)
from kroniek.read.text import read_text


def _repair_warnings(repaired: str | None, where: str) -> tuple[str, ...]:
    return (warning_line(Warnings.W001, where, detail=repaired),) if repaired else ()


def _jsonl(stream: BinaryIO, head: bytes, where: str, max_bytes: int, ids: BatchIds
           ) -> Iterator[Document | InputError]:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 JSON Lines: held whole, then split
        numbered = split_lines(head + stream.read())
    else:
        numbered = lines(stream, max_bytes, head)
    for line, doc in read_jsonl_lines(numbered, where, max_bytes, numbered=True):
        yield doc if isinstance(doc, InputError) else ids.article(doc, where, line)


def _open(source: Source) -> contextlib.AbstractContextManager[BinaryIO]:
    if source.path is None:
        return contextlib.nullcontext(stdin_stream())
    return source.path.open("rb")


def _documents(source: Source, max_bytes: int, ids: BatchIds) -> Iterator[Document | InputError]:
    """The documents of one source with their batch ids, before language and default date are settled."""
    where = STDIN_NAME if source.path is None else source.name
    try:
        if source.kind == "jsonl" or source.kind is None:
            with _open(source) as stream:
                head = stream.read(SNIFF_BYTES)
                kind = source.kind or sniff_kind(head)
                if kind == "jsonl":
                    yield from _jsonl(stream, head, where, max_bytes, ids)
                    return
                data = read_bytes(source, max_bytes, head, stream)
        else:
            kind = source.kind
            data = read_bytes(source, max_bytes)
        if kind == "html":
            page = page_from_bytes(data, where)
            doc = Document(doc_id=source.doc_id, text=page.text, date=page.date, title=page.title, url=page.url,
                           source=source.name, warnings=_repair_warnings(page.repaired, where))
        else:
            decoded = read_text(data, where)
            doc = Document(doc_id=source.doc_id, text=decoded.text, source=source.name,
                           warnings=_repair_warnings(decoded.repaired, where))
        yield ids.file(doc, source)
    except InputError as err:
        yield err
    except OSError as err:
        yield InputError(Errors.E002, where, reason=err.strerror or str(err))


def _language(doc: Document, lang: str) -> Document | InputError:
    """The document's own language wins; then the batch's (--lang); detection last."""
    if doc.lang:
        return doc
    if lang != "auto":
        return replace(doc, lang=lang)
    found = detect_language(doc.text)
    if found == UNDETERMINED:
        return InputError(Errors.E019, _where(doc), reason="too little text in letters")
    return replace(doc, lang=found)


def _where(doc: Document) -> str:
    return STDIN_NAME if doc.source == "-" else (doc.source or doc.doc_id)


def _read(
    paths: Sequence[str], lang: str, date: str | None, max_bytes: int
) -> Iterator[Document | InputError]:
    ids = BatchIds()
    for source in plan_sources(paths):
        if isinstance(source, InputError):
            yield source
            continue
        for doc in _documents(source, max_bytes, ids):
            yield _settled(doc, lang, date)


def _settled(doc: Document | InputError, lang: str, date: str | None) -> Document | InputError:
    """A document with its language decided (or the error that it cannot be) and the batch's date
    where it has none of its own; an error passes through."""
    if not isinstance(doc, InputError):
        doc = _language(doc, lang)
    if isinstance(doc, InputError):
        return doc
    return replace(doc, date=doc.date or date)


def settle_documents(
    items: Iterable[Document | InputError], lang: str = "auto", date: str | None = None
) -> Iterator[Document | InputError]:
    """Documents read elsewhere (web pages, feed items) with their language and default date settled
    as read_inputs settles them; errors pass through. `lang` and `date` as read_inputs takes them."""
    date = parse_date(date) if date is not None else None
    batch_lang = normalise_lang(lang) or "auto"
    for doc in items:
        yield _settled(doc, batch_lang, date)


def read_inputs(
    paths: Sequence[str],
    lang: str = "auto",
    date: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Document | InputError]:
    """Documents from files, folders (recursive, sorted; .txt/.html/.htm/.jsonl) and "-" (stdin).

    Yields one InputError per input that fails (per file, per bad JSON line, per duplicate id) and
    goes on. `lang` ("auto" to detect; "nl-NL" counts as "nl") and `date` (YYYY-MM-DD, YYYY-MM, YYYY or
    an ISO timestamp) apply to documents that lack their own. A document's `warnings` say what was
    repaired in reading it. `max_bytes` limits each document (a JSON Lines line, not its file).
    Raises KroniekError E009 at once for a malformed `date`, E022 for an unknown `lang`, ValueError
    for a non-positive `max_bytes`.
    """
    if date is not None:
        date = parse_date(date)
    if max_bytes < 1:
        raise ValueError(f"max_bytes must be positive, got {max_bytes}")
    batch_lang = normalise_lang(lang) or "auto"
    if batch_lang not in ("auto", "nl", "en") and not (len(batch_lang) == 2 and batch_lang.isalpha()):
        raise KroniekError(Errors.E022, lang=lang)
    return _read(list(paths), batch_lang, date, max_bytes)


def count_documents(paths: Sequence[str]) -> int | None:
    """How many documents the paths hold (a JSON Lines file counts its non-blank lines), for a
    progress bar's total; None when standard input is among them (its size is not known ahead)."""
    total = 0
    for source in plan_sources(paths):
        if isinstance(source, InputError):
            total += 1
        elif source.path is None:
            return None
        elif source.kind == "jsonl":
            total += _count_lines(source)
        else:
            total += 1
    return total


def _count_lines(source: Source) -> int:
    """The lines of a JSON Lines file, counted in chunks (a line may be of any length)."""
    count, last = 0, b"\n"
    try:
        with source.path.open("rb") as handle:  # type: ignore[union-attr]
            while chunk := handle.read(1 << 20):
                count += chunk.count(b"\n")
                last = chunk[-1:]
    except OSError:
        return 1
    return count + (last != b"\n")
