"""All cores of one machine: worker processes, each loading the Analyzer once, fed chunks of
documents with a bounded number of chunks in flight, so memory stays flat however long the input.
Results come back to the calling process, the one writer of the store.

Workers are spawned (not forked): a fork would copy the parent's DuckDB connection, threads and
locks, and spawn works the same on Linux, macOS and Windows.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from kroniek.errors import Errors, KroniekError
from kroniek.model import Document
from kroniek.pipeline import Analysis, Analyzer
from kroniek.scale.work import Stopped, Usage, chunks, code_chunk, first_line, usage

CHUNKS_IN_FLIGHT = 2  # per worker: one being coded and one waiting, so no worker idles between chunks

_analyzer: Analyzer | None = None  # the worker process's own, loaded once by _load


def _load(pipelines: dict[str, str] | None) -> None:
    global _analyzer
    _analyzer = Analyzer(pipelines=pipelines)


def _code(documents: list[Document]) -> tuple[list[Analysis | KroniekError], Usage]:
    assert _analyzer is not None, "worker started without _load"
    results = code_chunk(_analyzer, documents)
    return results, usage()


class ProcessRunner:
    """`workers` spawned processes coding chunks of `chunk` documents."""

    def __init__(self, workers: int, pipelines: dict[str, str] | None = None, chunk: int = 16) -> None:
        self.workers = workers
        self.pipelines = pipelines
        self.chunk = chunk
        self.usage: dict[int, Usage] = {}  # each worker's, by process id

    def code(self, documents: Iterable[Document]) -> Iterator[Analysis | KroniekError]:
        """Each document's Analysis or error, in the order chunks finish (not input order)."""
        # one BLAS thread per worker: the workers are the parallelism (kept when the user set it)
        os.environ.setdefault("OMP_NUM_THREADS", "1")
        pool: ProcessPoolExecutor | None = None
        pending: set[Future] = set()
        try:
            for chunk in chunks(documents, self.chunk):
                if pool is None:  # started with the first chunk: nothing is loaded when nothing changed
                    pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                               initializer=_load, initargs=(self.pipelines,))
                if len(pending) >= self.workers * CHUNKS_IN_FLIGHT:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    yield from self._results(done)
                pending.add(pool.submit(_code, chunk))
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from self._results(done)
        except Stopped as stop:
            yield stop.error
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)

    def _results(self, done: set[Future]) -> Iterator[Analysis | KroniekError]:
        for future in done:
            try:
                results, used = future.result()
            except BrokenProcessPool:
                raise Stopped(KroniekError(Errors.E031, runner="worker pool", reason=(
                    "a worker process died (out of memory?); the documents coded so far are stored"))) from None
            except Exception as err:  # noqa: BLE001 - a chunk that could not be sent or returned
                raise Stopped(KroniekError(Errors.E031, runner="worker pool",
                                            reason=first_line(err))) from None
            self.usage[used.pid] = used
            yield from results
