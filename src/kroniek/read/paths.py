"""Which inputs a path argument stands for, their doc_ids, and reading their bytes within a limit."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kroniek.errors import Errors, InputError

# Input files larger than this are refused (E008) unless the caller raises it.
DEFAULT_MAX_BYTES = 20_000_000

KINDS = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
STDIN = "-"
STDIN_NAME = "<stdin>"  # how error messages name standard input
STDIN_DOC_ID = "stdin"
_HTML_START = re.compile(r"<(!doctype\s+html|html|head|body|meta|title|!--)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Source:
    """One input to read: a file (path set) or standard input (path None)."""

    name: str  # the path as the user will recognise it, for Document.source and error messages
    doc_id: str
    kind: str | None  # "text", "html" or "jsonl"; None for stdin, sniffed from its content
    path: Path | None = None


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


def read_bytes(source: Source, max_bytes: int) -> bytes:
    """The bytes of a source; InputError E008 above `max_bytes` (checked first), E002 if unreadable."""
    where = STDIN_NAME if source.path is None else source.name
    try:
        if source.path is None:
            stream = getattr(sys.stdin, "buffer", None)
            if stream is not None:
                data = stream.read(max_bytes + 1)
            else:  # a text-only stream (an embedding application, a test)
                data = sys.stdin.read(max_bytes + 1).encode("utf-8")
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


def sniff_kind(data: bytes) -> str:
    """The kind of content on stdin: "jsonl" if the first non-blank line starts with "{", "html" or "text"."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = data[:4096].decode("utf-16", errors="ignore")
    else:
        head = data[:4096].decode("utf-8", errors="ignore")
    head = head.lstrip("\ufeff \t\r\n")
    if head.startswith("{"):
        return "jsonl"
    if _HTML_START.match(head) or "<html" in head.lower():
        return "html"
    return "text"
