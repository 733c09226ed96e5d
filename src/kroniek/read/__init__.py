"""Readers: sources (text, HTML and JSON Lines files, folders, stdin) to Documents.

`read_inputs` yields an InputError for each input it cannot read, instead of raising, so that
the caller reports it on one line and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from kroniek.errors import InputError
from kroniek.model import Document
from kroniek.read.dates import parse_date
from kroniek.read.detect import detect_language
from kroniek.read.html import page_from_bytes
from kroniek.read.jsonl import read_jsonl
from kroniek.read.paths import DEFAULT_MAX_BYTES, STDIN_NAME, Source, read_bytes, sniff_kind, sources
from kroniek.read.text import text_from_bytes

__all__ = ["read_inputs", "parse_date", "detect_language"]



def _documents(source: Source, max_bytes: int) -> Iterator[Document | InputError]:
    """The documents of one source, before language and default date are filled in."""
    where = STDIN_NAME if source.path is None else source.name
    try:
        data = read_bytes(source, max_bytes)
        kind = source.kind or sniff_kind(data)
        if kind == "jsonl":
            yield from read_jsonl(data, where)
        elif kind == "html":
            page = page_from_bytes(data, where)
            yield Document(
                doc_id=source.doc_id,
                text=page.text,
                date=page.date,
                title=page.title,
                url=page.url,
                source=source.name,
            )
        else:
            yield Document(doc_id=source.doc_id, text=text_from_bytes(data, where), source=source.name)
    except InputError as err:
        yield err


def _read(
    paths: Sequence[str], lang: str, date: str | None, max_bytes: int
) -> Iterator[Document | InputError]:
    for argument in paths:
        for source in sources(argument):
            if isinstance(source, InputError):
                yield source
                continue
            for doc in _documents(source, max_bytes):
                if isinstance(doc, InputError):
                    yield doc
                    continue
                # The document's own language and date win; then --lang; detection last.
                doc_lang = doc.lang or (lang if lang != "auto" else detect_language(doc.text))
                yield replace(doc, lang=doc_lang, date=doc.date or date)


def read_inputs(
    paths: Sequence[str],
    lang: str = "auto",
    date: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Document | InputError]:
    """Documents from files, folders (recursive, sorted; .txt/.html/.htm/.jsonl) and "-" (stdin).

    Yields one InputError per input that fails (per file, per bad JSON line) and goes on.
    `lang` ("auto" to detect) and `date` (YYYY-MM-DD) apply to documents that lack their own.
    Raises KroniekError E009 at once for a malformed `date`, ValueError for a non-positive `max_bytes`.
    """
    if date is not None:
        date = parse_date(date)
    if max_bytes < 1:
        raise ValueError(f"max_bytes must be positive, got {max_bytes}")
    return _read(list(paths), (lang or "auto").strip().lower(), date, max_bytes)
