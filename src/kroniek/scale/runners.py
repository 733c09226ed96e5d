"""Where documents are coded: this process, worker processes, or Ray actors; picked by make_runner."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Protocol

from kroniek.errors import KroniekError
from kroniek.model import Document
from kroniek.pipeline import Analysis, Analyzer
from kroniek.scale.work import Usage, chunks, code_chunk, usage

CHUNK_DOCUMENTS = 16  # documents sent to a worker at a time (one spaCy batch)


class Runner(Protocol):
    """Codes a stream of documents; `usage` holds each worker's memory and CPU time (by process id)."""

    workers: int
    usage: dict[int, Usage]

    def code(self, documents: Iterable[Document]) -> Iterator[Analysis | KroniekError]: ...


class LocalRunner:
    """One worker: this process, with the Analyzer loaded on the first document."""

    def __init__(self, pipelines: dict[str, str] | None = None) -> None:
        self.pipelines = pipelines
        self.workers = 1
        self.usage: dict[int, Usage] = {}

    def code(self, documents: Iterable[Document]) -> Iterator[Analysis | KroniekError]:
        analyzer: Analyzer | None = None
        for chunk in chunks(documents, CHUNK_DOCUMENTS * 4):
            analyzer = analyzer or Analyzer(pipelines=self.pipelines)  # nothing loaded when nothing changed
            yield from code_chunk(analyzer, chunk)
        self.usage[os.getpid()] = usage()  # this process's: the writer's share included


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def make_runner(workers: int | None = None, ray: str | None = None, pipelines: dict[str, str] | None = None,
                documents: int | None = None) -> Runner:
    """A runner for `workers` processes (None: one per core, but no more than the `documents` expected
    fill chunks for), or, with `ray` (an address, or "auto"), for that many Ray actors (None: one per
    CPU of the cluster). Raises KroniekError when Ray is missing or its cluster cannot be reached."""
    if ray is not None:
        from kroniek.scale.cluster import RayRunner

        return RayRunner(ray, workers, pipelines, CHUNK_DOCUMENTS)
    if workers is None:
        workers = default_workers()
        if documents is not None:  # a few documents are coded sooner here than a worker process loads
            workers = min(workers, -(-documents // CHUNK_DOCUMENTS))
    if workers <= 1:
        return LocalRunner(pipelines)
    from kroniek.scale.pool import ProcessRunner

    return ProcessRunner(workers, pipelines, CHUNK_DOCUMENTS)
