"""Which inputs the path arguments of a batch stand for, their doc_ids, and reading their bytes
within a limit (per document: a JSON Lines file is read line by line)."""

from __future__ import annotations

import io
import os
import re
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from kroniek.errors import Errors, InputError

# Input documents larger than this are refused (E008, E021) unless the caller raises it.
DEFAULT_MAX_BYTES = 20_000_000

KINDS = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
STDIN = "-"
STDIN_NAME = "<stdin>"  # how error messages name standard input
STDIN_DOC_ID = "stdin"  # standard input's doc_id is this plus a hash of its text
SNIFF_BYTES = 4096  # how much of standard input decides whether it is JSON Lines, HTML or text
_HTML_START = re.compile(r"(<\?xml[^>]*>\s*)?<(?:(?:!doctype\s+html|html|head|body|meta|title)\b|!--)", re.IGNORECASE)


@dataclass(frozen=True)
class Source:
    """One input to read: a file (path set) or standard input (path None)."""

    name: str  # the path as the user will recognise it, for Document.source and error messages
    doc_id: str
    kind: str | None  # "text", "html" or "jsonl"; None for stdin, sniffed from its content
    path: Path | None = None
    # True when another input of the batch has the same relative id: then the doc_id is the
    # path as given, and the page's URL where it has one
    collides: bool = False


def _walk(top: Path) -> list[Path]:
    """Files under `top` with a known suffix, sorted by relative path; hidden files and folders skipped."""
    found: list[Path] = []
    for folder, dirnames, filenames in os.walk(top):
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        found.extend(
            Path(folder, name)
            for name in filenames
            if not name.startswith(".") and Path(name).suffix.lower() in KINDS
        )
    return sorted(found, key=lambda path: path.relative_to(top).parts)


def sources(argument: str) -> Iterator[Source | InputError]:
    """The inputs one command-line argument names: a file, a folder (recursively), or "-"."""
    if argument == STDIN:
        yield Source(name=STDIN, doc_id=STDIN_DOC_ID, kind=None)
        return
    top = Path(argument)
    if top.is_dir():
        for path in _walk(top):
            doc_id = path.relative_to(top).with_suffix("").as_posix()
            yield Source(name=str(path), doc_id=doc_id, kind=KINDS[path.suffix.lower()], path=path)
    elif not top.exists():
        yield InputError(Errors.E001, argument)
    elif top.suffix.lower() not in KINDS:
        yield InputError(Errors.E013, argument, suffix=top.suffix)
    else:
        yield Source(name=argument, doc_id=top.stem, kind=KINDS[top.suffix.lower()], path=top)


def _identity(source: Source) -> object:
    """What makes two sources the same input: the file itself (however it was named), or stdin."""
    if source.path is None:
        return STDIN
    try:
        stat = source.path.stat()
    except OSError:
        return source.path.resolve()
    return stat.st_dev, stat.st_ino


def _as_given(source: Source) -> str:
    """The path as the arguments spell it, without the extension: "coll/nos/artikel"."""
    return Path(source.name).with_suffix("").as_posix()


def plan_sources(arguments: Sequence[str]) -> list[Source | InputError]:
    """Every input of a batch, each file once, with doc_ids that do not collide.

    A file's doc_id is its path relative to its argument (CONTRACT.md); where two files of the batch
    would share one (`coll/nos/artikel.html`, `coll/nu/artikel.html`), each takes its path as given
    instead ("coll/nos/artikel"), so that neither replaces the other.
    """
    planned: list[Source | InputError] = []
    seen: set[object] = set()
    for argument in arguments:
        for source in sources(argument):
            if isinstance(source, Source):
                identity = _identity(source)
                if identity in seen:
                    continue  # the same file named twice is read once
                seen.add(identity)
            planned.append(source)
    ids = Counter(s.doc_id for s in planned if isinstance(s, Source) and s.kind in ("text", "html"))
    return [
        replace(s, doc_id=_as_given(s), collides=True)
        if isinstance(s, Source) and s.kind in ("text", "html") and ids[s.doc_id] > 1
        else s
        for s in planned
    ]


def read_bytes(source: Source, max_bytes: int, head: bytes = b"", stream: BinaryIO | None = None) -> bytes:
    """The bytes of a source; InputError E008 above `max_bytes` (checked first), E002 if unreadable.

    For standard input, `head` is what was already read of `stream` to sniff its kind.
    """
    where = STDIN_NAME if source.path is None else source.name
    try:
        if source.path is None:
            rest = stream.read(max_bytes + 1 - len(head)) if stream is not None and len(head) <= max_bytes else b""
            data = head + rest
            size = len(data)
        else:
            size = source.path.stat().st_size
            if size <= max_bytes:
                with source.path.open("rb") as handle:
                    data = handle.read(max_bytes + 1)
                size = max(size, len(data))  # files that grow, and special files that report 0
    except OSError as err:
        raise InputError(Errors.E002, where, reason=err.strerror or str(err)) from err
    if size > max_bytes:
        shown = f"more than {max_bytes}" if source.path is None else str(size)
        raise InputError(Errors.E008, where, size=shown, limit=max_bytes)
    return data


def stdin_stream() -> BinaryIO:
    """Standard input as bytes (a text-only stream, as an embedding application or a test gives, is encoded)."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is not None:
        return stream
    text = sys.stdin.read()
    try:  # bytes that Python's text layer could not decode come as surrogate escapes: restore them
        return io.BytesIO(text.encode("utf-8", errors="surrogateescape"))
    except UnicodeEncodeError:  # other lone surrogates are no text at all
        return io.BytesIO(text.encode("utf-8", errors="replace"))


class _Chained(io.RawIOBase):
    """Bytes already read (`head`), then the rest of `stream`: one stream to read lines from."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = head
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def lines(stream: BinaryIO, max_bytes: int, head: bytes = b"") -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, the line's bytes or None when longer than `max_bytes`, its size) for each line.

    A line is read in one piece only up to the limit, so a JSON Lines file of any size is read with
    the memory of its largest document.
    """
    reader = io.BufferedReader(_Chained(head, stream)) if head else stream
    number = 0
    while True:
        line = reader.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        size = len(line)
        if size > max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the long line
                line = reader.readline(1 << 20)
                size += len(line)
            yield number, None, size - (1 if line.endswith(b"\n") else 0)
            continue
        yield number, line, size


def sniff_kind(data: bytes) -> str:
    """The kind of content on stdin: "jsonl" if the first non-blank line starts with "{", "html" if it
    starts with an HTML tag (a doctype, <html>, <head>, <body>, <meta>, <title> or a comment, after an XML
    declaration), else "text": "<<<<>>>> not <html" is text, not a page."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = data[:SNIFF_BYTES].decode("utf-16", errors="ignore")
    else:
        head = data[:SNIFF_BYTES].decode("utf-8", errors="ignore")
    head = head.lstrip("\ufeff \t\r\n")
    if head.startswith("{"):
        return "jsonl"
    if _HTML_START.match(head):
        return "html"
    return "text"
