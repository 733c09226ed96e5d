"""Turns at a database file (store/turns.py): a waiting writer goes first, a killed one blocks nobody,
and a process never waits for its own turn."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from kroniek.errors import KroniekError
from kroniek.model import Document
from kroniek.store import Store
from kroniek.store.turns import turn_file, wait_turn, writer_turn

HOLDER = """
import sys, time
from kroniek.store import Store
with Store(sys.argv[1]).writing():
    print("holding", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def _holder(db, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "holding"
    return proc


def test_a_reader_waits_at_the_turn_of_a_writer(tmp_path):
    db = tmp_path / "a.duckdb"
    holder = _holder(db, 1.0)
    try:
        started = time.monotonic()
        wait_turn(db, time.monotonic() + 30)
        assert time.monotonic() - started > 0.5  # it waited for the writer's turn to end
    finally:
        holder.communicate(timeout=30)
    assert turn_file(db).name == ".a.duckdb.turn"


def test_the_turn_of_a_killed_writer_blocks_nobody(tmp_path):
    db = tmp_path / "b.duckdb"
    holder = _holder(db, 60)
    os.kill(holder.pid, signal.SIGKILL)
    holder.communicate(timeout=30)
    started = time.monotonic()
    with Store(db, timeout=5) as store:
        store.ingest(Document(doc_id="na", text="Tekst."), [], [])
        assert store.counts()["documents"] == 1
    assert time.monotonic() - started < 3


def test_a_writer_that_cannot_get_the_turn_in_time_says_the_file_is_locked(tmp_path):
    db = tmp_path / "c.duckdb"
    Store(db).close()
    holder = _holder(db, 3)
    try:
        with writer_turn(db, time.monotonic() + 0.3) as turn:
            assert turn is False
        with pytest.raises(KroniekError) as info:
            Store(db, timeout=0.3)
    finally:
        holder.communicate(timeout=30)
    assert str(info.value) == (f"database {db}: locked by another process (close it, or use another --db) "
                               "(waited 0.3 s; KRONIEK_LOCK_TIMEOUT sets how long) [E014]")  # fmt: skip


def test_a_process_reads_and_writes_inside_its_own_turn(tmp_path):
    db = tmp_path / "d.duckdb"
    writer, reader = Store(db, timeout=2), Store(db, timeout=2)
    with writer.writing():  # holds the turn: this process's other Stores must not wait for it
        writer.ingest(Document(doc_id="a", text="Tekst."), [], [])
        assert reader.counts()["documents"] == 1
        reader.ingest(Document(doc_id="b", text="Tekst."), [], [])
    assert writer.counts()["documents"] == 2
