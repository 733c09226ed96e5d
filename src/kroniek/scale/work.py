"""The work of one worker, the same in this process, a worker process or a Ray actor: code a chunk
of documents with a loaded Analyzer. A document that fails is one error and the chunk goes on."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TypeVar

from kroniek.errors import Errors, InputError, KroniekError
from kroniek.model import Document
from kroniek.pipeline import Analysis, Analyzer

T = TypeVar("T")


def code_chunk(analyzer: Analyzer, documents: list[Document]) -> list[Analysis | KroniekError]:
    """Each document's Analysis (actors and events only: what the store keeps and a worker sends
    back) or its error. Should the chunk fail as a whole, each document is coded on its own, so the
    error names the one at fault."""
    try:
        return [_kept(result) for result in analyzer.analyze(documents)]
    except Exception:  # noqa: BLE001 - find the document at fault one by one
        return [_code_one(analyzer, document) for document in documents]


def _code_one(analyzer: Analyzer, document: Document) -> Analysis | KroniekError:
    try:
        return [_kept(result) for result in analyzer.analyze([document])][0]
    except Exception as err:  # noqa: BLE001 - one document's failure, said on one line
        reason = (str(err).splitlines() or [type(err).__name__])[0]
        where = document.doc_id if not document.source or document.source == document.doc_id \
            else f"{document.source} ({document.doc_id})"
        return InputError(Errors.E030, where, reason=reason)


def _kept(result: Analysis | KroniekError) -> Analysis | KroniekError:
    if isinstance(result, KroniekError):
        return result
    return Analysis(result.document, result.actors, result.events)


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of `size` items (the last may be shorter), read lazily."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


@dataclass(frozen=True)
class Usage:
    """A worker process's peak resident memory (MB) and CPU time (s, user + system) so far."""

    pid: int
    peak_rss_mb: float
    cpu_seconds: float


def usage() -> Usage:
    """This process's Usage (zero memory and CPU where the platform does not tell)."""
    try:
        import resource
    except ImportError:  # Windows
        return Usage(os.getpid(), 0.0, 0.0)
    own = resource.getrusage(resource.RUSAGE_SELF)
    peak = own.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)  # bytes on macOS, KB on Linux
    return Usage(os.getpid(), peak, own.ru_utime + own.ru_stime)


class Stopped(Exception):
    """A runner that cannot go on (a worker died, a chunk could not come back): carries the one-line
    error the batch ends with; the documents coded before it are stored."""

    def __init__(self, error: KroniekError) -> None:
        super().__init__(str(error))
        self.error = error


def first_line(err: BaseException) -> str:
    """An exception's first line, or its type's name when it has no message."""
    return (str(err).strip().splitlines() or [type(err).__name__])[0]
