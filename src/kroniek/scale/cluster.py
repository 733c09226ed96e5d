"""Beyond one machine: Ray actors, each holding a loaded Analyzer, coding chunks of documents the
calling process streams to them. At most CHUNKS_IN_FLIGHT chunks wait per actor (back-pressure: the
input is read no faster than the cluster codes it), and the results come back to the caller, the
one writer of the store.

Every node needs kroniek installed (pip install 'kroniek[ray]'); a --pipeline path must exist on
every node. An actor asks for one CPU and nothing else asks for any, so a node of one CPU holds one
actor, and the default is one actor per CPU of the cluster.
"""

from __future__ import annotations

import logging
import os
import socket
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from kroniek.errors import Errors, KroniekError
from kroniek.model import Document
from kroniek.pipeline import Analysis, Analyzer
from kroniek.scale.work import Stopped, Usage, chunks, code_chunk, first_line, usage

CHUNKS_IN_FLIGHT = 2  # per actor: one being coded and one waiting beside it
CONNECT_SECONDS = 5.0  # how long the head node's address may take to answer


class _Coder:
    """A Ray actor's state: the loaded pipeline."""

    def __init__(self, pipelines: dict[str, str] | None) -> None:
        os.environ.setdefault("OMP_NUM_THREADS", "1")
        self.analyzer = Analyzer(pipelines=pipelines)

    def code(self, documents: list[Document]) -> tuple[list[Analysis | KroniekError], Usage]:
        results = code_chunk(self.analyzer, documents)
        return results, usage()


def _ray() -> Any:
    try:
        import ray
    except ImportError:
        raise KroniekError(Errors.E032) from None
    return ray


def _unreachable(address: str) -> str | None:
    """Why nothing can answer at a host:port address (None when something does, or for "auto" and
    ray:// addresses, which Ray resolves itself)."""
    if address == "auto" or "://" in address:
        return None
    host, _, port = address.rpartition(":")
    if not host or not port.isdigit():
        return "not an address: give host:port (the head node's, 6379 by default) or auto"
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=CONNECT_SECONDS).close()
    except OSError as err:
        return f"nothing answers there ({err.strerror or type(err).__name__}); is the head node started?"
    return None


class RayRunner:
    """Codes on `workers` actors of the Ray cluster at `address` ("auto": the one this machine
    belongs to, or RAY_ADDRESS); None actors: one per CPU the cluster has."""

    def __init__(self, address: str, workers: int | None = None, pipelines: dict[str, str] | None = None,
                 chunk: int = 16) -> None:
        self.ray = _ray()
        self.address = address
        self.pipelines = pipelines
        self.chunk = chunk
        self.usage: dict[int, Usage] = {}  # each actor's, by process id
        unreachable = _unreachable(address)
        if unreachable:  # ray.init would retry for minutes
            raise KroniekError(Errors.E033, address=address, reason=unreachable)
        try:
            self.ray.init(address=address, logging_level=logging.ERROR, log_to_driver=False,
                          ignore_reinit_error=True)
        except Exception as err:  # noqa: BLE001 - ConnectionError, ValueError for a malformed address, ...
            raise KroniekError(Errors.E033, address=address, reason=first_line(err)) from None
        cpus = int(self.ray.cluster_resources().get("CPU", 0))
        self.workers = workers or max(1, cpus)
        if self.workers > cpus:
            self.ray.shutdown()
            raise KroniekError(Errors.E033, address=address, reason=(
                f"{self.workers} workers asked, but the cluster has {cpus} CPU(s) (one per worker)"))

    def code(self, documents: Iterable[Document]) -> Iterator[Analysis | KroniekError]:
        """Each document's Analysis or error, in the order chunks finish (not input order)."""
        ray = self.ray
        actors: list[Any] = []
        free: deque = deque()
        in_flight: dict[Any, Any] = {}
        try:
            for chunk in chunks(documents, self.chunk):
                if not actors:  # started with the first chunk: nothing is loaded when nothing changed
                    coder = ray.remote(num_cpus=1)(_Coder)
                    actors = [coder.remote(self.pipelines) for _ in range(self.workers)]
                    free.extend(actor for actor in actors for _ in range(CHUNKS_IN_FLIGHT))
                if not free:
                    yield from self._collect(in_flight, free)
                actor = free.popleft()
                in_flight[actor.code.remote(chunk)] = actor
            while in_flight:
                yield from self._collect(in_flight, free)
        except Stopped as stop:
            yield stop.error
        finally:
            for actor in actors:
                ray.kill(actor)
            ray.shutdown()

    def _collect(self, in_flight: dict[Any, Any], free: deque) -> Iterator[Analysis | KroniekError]:
        """Wait for one chunk at least; yield what every finished chunk holds."""
        ready, _ = self.ray.wait(list(in_flight), num_returns=1)
        for ref in ready:
            free.append(in_flight.pop(ref))
            try:
                results, used = self.ray.get(ref)
            except Exception as err:  # noqa: BLE001 - an actor that died or could not start
                raise Stopped(KroniekError(Errors.E031, runner=f"Ray cluster {self.address}", reason=(
                    f"{first_line(err)} (is kroniek installed on every node?)"))) from None
            self.usage[used.pid] = used
            yield from results
