"""Readers beside a writer, in real processes on a real DuckDB file: a Store holds the file only
while a call runs, a writer in short batches, so readers and writers take turns instead of failing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb

import kroniek
from kroniek.model import Document
from kroniek.store import Store

KRONIEK = Path(sys.executable).with_name("kroniek")

# A writer as `kroniek ingest` writes: batches of documents, each batch one short hold of the file,
# with the (here simulated) coding of the next batch in between.
WRITER = """
import sys, time
sys.path.insert(0, sys.argv[3])
from conftest import event
from kroniek.model import Document
from kroniek.store import Store
store = Store(sys.argv[1], timeout=30)
n = int(sys.argv[2])
for start in range(0, n, 10):
    batch = []
    for i in range(start, min(start + 10, n)):
        doc = Document(doc_id=f"d{i}", text=f"Tekst {i}.", date="2020-08-12")
        batch.append((doc, [], [event(doc_id=f"d{i}")]))
    with store.writing():
        store.ingest_many(batch)
    time.sleep(0.1)
print("done", flush=True)
"""


def _writer(db: Path, documents: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(documents), str(Path(__file__).parent)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip


def _raw_count(db: Path) -> int | None:
    """The events a plain read-only DuckDB connection sees, or None when the writer holds the file."""
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return None
    try:
        return int(con.execute("SELECT count(*) FROM events").fetchone()[0])
    finally:
        con.close()


def test_readers_work_while_a_writer_writes_in_batches(tmp_path):
    db = tmp_path / "busy.duckdb"
    Store(db).close()
    writer = _writer(db, 150)
    seen_by_store, seen_raw = [], []
    try:
        while writer.poll() is None:
            with Store(db, read_only=True, timeout=10) as store:
                seen_by_store.append(store.counts()["events"])
            count = _raw_count(db)
            if count is not None:
                seen_raw.append(count)
            time.sleep(0.05)
    finally:
        out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0 and out.strip() == "done", err
    # read while the writer was still at work: counts between none and all of it
    assert any(0 < n < 150 for n in seen_by_store), seen_by_store
    assert any(0 < n < 150 for n in seen_raw), seen_raw
    assert seen_by_store == sorted(seen_by_store)  # each read saw whole batches, never a partial one
    assert all(n % 10 == 0 for n in seen_by_store + seen_raw)
    with Store(db, read_only=True) as store:
        assert store.counts() == {"documents": 150, "mentions": 0, "events": 150}


def test_kroniek_events_answers_while_a_writer_writes(tmp_path):
    db = tmp_path / "busy.duckdb"
    Store(db).close()
    writer = _writer(db, 400)
    try:
        time.sleep(0.5)
        proc = subprocess.run([str(KRONIEK), "events", "--db", str(db), "--format", "jsonl", "--limit", "3"],
                              capture_output=True, text=True, timeout=60)  # fmt: skip
        still_writing = writer.poll() is None
    finally:
        writer.kill()  # it has done its part: be busy while the query ran
        writer.communicate(timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == "" and len([json.loads(line) for line in proc.stdout.splitlines()]) <= 3
    assert still_writing  # the query did not wait for the writer to finish


def test_a_store_opened_as_the_readme_shows_does_not_block_a_writer(tmp_path):
    db = tmp_path / "gedeeld.duckdb"
    with kroniek.Store(db) as store:  # open for the whole block, as a notebook would keep it
        assert store.events(dyad=("IGOEUREEC", "BLR")) == []
        writer = _writer(db, 20)
        out, err = writer.communicate(timeout=60)
        assert writer.returncode == 0 and out.strip() == "done", err
        assert store.counts()["events"] == 20  # and it sees what the writer wrote


def test_a_reader_waits_for_a_writer_s_batch_instead_of_failing(tmp_path, doc):
    db = tmp_path / "wacht.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from kroniek.store import Store\n"
         "s = Store(sys.argv[1])\n"
         "with s.writing():\n    print('holding', flush=True); time.sleep(1.5)\n",
         str(db)],
        stdout=subprocess.PIPE, text=True, env={**os.environ, "KRONIEK_LOCK_TIMEOUT": "30"},
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        started = time.monotonic()
        with Store(db, timeout=20) as store:
            store.ingest(Document(doc_id="later", text="Tekst.", date="2020-08-12"), [], [])
            assert store.counts()["documents"] == 1
        assert time.monotonic() - started > 0.5  # it waited for the batch, then went on
    finally:
        holder.communicate(timeout=30)


# Readers that never pause: one kroniek.Store read after another, until the file STOP exists.
BUSY_READER = """
import sys, time
from pathlib import Path
from kroniek.store import Store
print("reading", flush=True)
while not Path(sys.argv[2]).exists():
    with Store(sys.argv[1], read_only=True, timeout=60) as store:
        store.counts()
"""


def test_a_writer_is_not_kept_out_by_readers_that_keep_the_file_busy(tmp_path):
    """Readers whose reads overlap never left the file free: a writer waited for seconds per batch and
    past a short timeout was refused. A writer that waits now goes first (store/turns.py)."""
    db, stop = tmp_path / "druk.duckdb", tmp_path / "stop"
    Store(db).close()
    readers = [subprocess.Popen([sys.executable, "-c", BUSY_READER, str(db), str(stop)], stdout=subprocess.PIPE,
                                text=True) for _ in range(4)]  # fmt: skip
    try:
        for reader in readers:
            assert reader.stdout is not None and reader.stdout.readline().strip() == "reading"
        time.sleep(0.5)
        store = Store(db, timeout=3)
        for batch in range(8):
            store.ingest_many([(Document(doc_id=f"d{batch}-{i}", text="Tekst."), [], []) for i in range(10)])
        assert store.counts()["documents"] == 80
    finally:
        stop.touch()
        for reader in readers:
            reader.communicate(timeout=60)
    assert all(reader.returncode == 0 for reader in readers)
