"""Turns at a database file between kroniek processes: a writer that waits for the file goes first.

DuckDB lets one process write a file, or any number read it, and gives the file to whoever asks while
it is free. Readers whose short reads overlap one another never leave it free, so a writer waiting for
them starved: three `kroniek.Store` readers in a loop kept an ingest's batch out past its timeout, and
the batch was refused. So a kroniek writer first takes the file's turn, an exclusive lock on a small
file beside it (`.NAME.turn`), and keeps it until its write ends; a kroniek reader passes through the
turn before it connects. While a writer waits or writes, new readers wait for it; the readers already
in finish their reads and leave, and the writer gets the file.

The lock is the operating system's (flock): it ends with the process that holds it, also one killed
with kill -9, so a stale turn never blocks anyone. Where there is no flock (Windows) or the turn file
cannot be made (a read-only folder), readers and writers go on without turns, as DuckDB alone has it.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no flock
    fcntl = None  # type: ignore[assignment]

PAUSE = 0.01  # seconds between tries for a turn
_HELD: dict[str, int] = {}  # turn files this process holds, and how often: its own readers pass
_GUARD = threading.Lock()


def turn_file(db: Path) -> Path:
    """The turn file of database file `db`: hidden, beside it."""
    return db.with_name(f".{db.name}.turn")


def _key(path: Path) -> str:
    return os.path.abspath(path)


@contextmanager
def writer_turn(db: Path, deadline: float) -> Iterator[bool]:
    """Hold the turn at `db` for a write; yields False when another writer held it past `deadline`
    (the caller reports the file as locked), True otherwise (also where there are no turns)."""
    path = turn_file(db)
    key = _key(path)
    with _GUARD:
        mine = key in _HELD  # another Store of this process holds it: DuckDB shares the file within a process
        if mine:
            _HELD[key] += 1
    if mine:
        try:
            yield True
        finally:
            _release(key)
        return
    fd = _open(path)
    if fd is None:
        yield True
        return
    try:
        if not _lock(fd, fcntl.LOCK_EX, deadline):
            yield False
            return
        with _GUARD:
            _HELD[key] = _HELD.get(key, 0) + 1
        try:
            yield True
        finally:
            _release(key)
    finally:
        os.close(fd)  # closing the file ends its lock


def _release(key: str) -> None:
    with _GUARD:
        _HELD[key] -= 1
        if not _HELD[key]:
            del _HELD[key]


def wait_turn(db: Path, deadline: float) -> None:
    """Wait while a writer holds or waits for the turn at `db` (until `deadline` at most: then the
    reader goes on and finds the file as DuckDB has it)."""
    path = turn_file(db)
    with _GUARD:
        if fcntl is None or _key(path) in _HELD:
            return
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # no turn file: no kroniek writer has come yet
        return
    try:
        if _lock(fd, fcntl.LOCK_SH, deadline):
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _open(path: Path) -> int | None:
    """The turn file opened (made when absent), or None where there are no turns."""
    if fcntl is None:
        return None
    for flags in (os.O_RDWR | os.O_CREAT, os.O_RDONLY):  # flock needs no write access to a file
        try:
            return os.open(path, flags, 0o644)
        except OSError:
            continue
    return None


def _lock(fd: int, kind: int, deadline: float) -> bool:
    """Take a flock of `kind` on `fd`, trying until `deadline`; whether it was taken."""
    while True:
        try:
            fcntl.flock(fd, kind | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(PAUSE)
        except OSError:  # a file system without locks: no turns
            return True
