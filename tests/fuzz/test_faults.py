"""Faults in real processes on real DuckDB files: `kroniek ingest` killed with SIGKILL (kill -9) at
random points and run again, compared with a clean run each time; two writers and four readers on one
file at once. Nothing may be lost, stored twice, stored in part or changed, and no reader may fail.

The kill loop and the two real ingests are slow (each round starts kroniek's pipelines); the
concurrency test with writers through kroniek.Store runs by default.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import duckdb
import pytest
from corpus import coded, write_corpus
from snapshot import Snapshot, compare, snapshot

from kroniek.store import Store

KRONIEK = Path(sys.executable).with_name("kroniek")
WORKERS = Path(__file__).with_name("workers.py")
DOCUMENTS = 1000  # the ingest's corpus
DATE = "2024-03-15"  # --date, for the corpus's undated .txt files
ROUNDS = int(os.environ.get("KRONIEK_FAULT_ROUNDS", "10"))  # rounds of the kill loop
OUTCOME = re.compile(r"(\d+) added, (\d+) replaced, (\d+) unchanged")


def _ingest(paths: list[str], db: Path, cwd: Path) -> subprocess.Popen:
    return subprocess.Popen([str(KRONIEK), "ingest", *paths, "--db", str(db), "--date", DATE], cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip


def _outcome(stderr: str) -> tuple[int, int, int]:
    """(added, replaced, unchanged) from an ingest's last line."""
    found = OUTCOME.search(stderr)
    assert found, stderr[-2000:]
    added, replaced, unchanged = (int(n) for n in found.groups())
    return added, replaced, unchanged


def _finished(proc: subprocess.Popen, timeout: float = 900) -> str:
    """Wait for an ingest that must succeed: exit status 0, no traceback; its stderr."""
    _, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0 and "Traceback" not in err, err[-3000:]
    return err


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], Snapshot]:
    """The generated corpus and the store a clean, uninterrupted ingest of it gives."""
    folder = tmp_path_factory.mktemp("faults")
    paths = write_corpus(folder / "corpus", DOCUMENTS)
    db = folder / "clean.duckdb"
    err = _finished(_ingest(paths, db, folder))
    assert _outcome(err) == (DOCUMENTS, 0, 0)
    snap = snapshot(db)
    assert len(snap.documents) == DOCUMENTS and sum(snap.texts.values()) == DOCUMENTS
    return paths, snap


# -- kill -9 -----------------------------------------------------------------------------------------


def _stored(db: Path) -> int | None:
    """How many documents the store holds, or None while it cannot be read (not there yet, or a
    batch is being written)."""
    if not db.exists():
        return None
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return None
    try:
        return int(con.execute("SELECT count(*) FROM documents").fetchone()[0])  # type: ignore[index]
    except duckdb.Error:
        return None  # created, its tables not yet
    finally:
        con.close()


def _kill_at_random(proc: subprocess.Popen, db: Path, rng: random.Random) -> str | None:
    """SIGKILL the ingest at a random point; returns where it was killed, None when it ended first:
    "starting" (a random moment of its first seconds: loading its pipelines, opening the store),
    "writing" (once the store holds a random number of documents, the moment DuckDB's write-ahead
    log appears: a batch is being written) or "coding" (a random moment after the store holds a
    random number of documents: coding the next batch, or writing one)."""
    where = rng.choice(("starting", "writing", "writing", "coding", "coding"))
    if where == "starting":
        time.sleep(rng.uniform(0, 8))
    else:
        target = rng.randrange(0, DOCUMENTS - 100)
        while proc.poll() is None and (_stored(db) or 0) < target:
            time.sleep(0.05)
        if where == "writing":
            wal = db.with_name(db.name + ".wal")
            while proc.poll() is None and not wal.exists():
                time.sleep(0.001)
        else:
            time.sleep(rng.uniform(0, 1.5))
    if proc.poll() is not None:
        proc.communicate()
        return None
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    return where


@pytest.mark.slow
def test_an_ingest_killed_at_random_points_and_run_again_stores_what_a_clean_run_stores(clean, tmp_path, tally):
    """ROUNDS times: ingest the 1,000 documents into a new store, kill -9 it at a random point (in one
    round of two, the run after it too), check what the killed run left (whole documents only, each as
    the clean run stores it), then ingest again to the end: the store must equal the clean run's."""
    paths, reference = clean
    part = tally["faults: kill -9"]
    rng = random.Random(15)
    held = []  # documents in the store at each kill
    for round_ in range(ROUNDS):
        db = tmp_path / f"round{round_}.duckdb"
        for _ in range(rng.choice((1, 2))):
            where = _kill_at_random(_ingest(paths, db, tmp_path), db, rng)
            if where is None:
                part["ended before the kill"] += 1
                continue
            part["kills"] += 1
            part[f"killed {where}"] += 1
            part["kills that left a write-ahead log"] += db.with_name(db.name + ".wal").exists()
            if db.exists():  # what the killed ingest left must open and hold whole documents only
                left = snapshot(db)
                difference = compare(left, reference)
                part["partial"] += len(difference.changed)
                part["duplicates"] += difference.duplicates
                assert not (difference.changed or difference.extra or difference.duplicates or difference.orphans), \
                    (round_, difference)  # fmt: skip
                held.append(len(left.documents))
            else:
                held.append(0)
        before = len(snapshot(db).documents) if db.exists() else 0
        err = _finished(_ingest(paths, db, tmp_path))
        part["rounds"] += 1
        part["inputs"] += DOCUMENTS
        assert _outcome(err) == (DOCUMENTS - before, 0, before), err[-500:]
        difference = compare(snapshot(db), reference)
        part["lost"] += len(difference.lost)
        part["duplicates"] += difference.duplicates
        part["changed"] += len(difference.changed) + len(difference.extra) + difference.orphans
        assert not difference, (round_, difference)
    if held:
        part["fewest documents stored at a kill"] = min(held)
        part["most documents stored at a kill"] = max(held)
    assert part["kills"] >= ROUNDS  # most kills land: the test did what it says


# -- two writers, four readers ---------------------------------------------------------------------


def _worker(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(WORKERS), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)  # fmt: skip


def _report(proc: subprocess.Popen, timeout: float = 900) -> dict:
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0 and out.strip(), err[-3000:]
    return json.loads(out.strip().splitlines()[-1])


def _readers(db: Path, stop: Path, expected: Path) -> list[subprocess.Popen]:
    """Four readers: two through kroniek.Store, one plain read-only DuckDB connection, one `kroniek events`."""
    return [_worker("store-reader", str(db), str(stop)), _worker("store-reader", str(db), str(stop)),
            _worker("raw-reader", str(db), str(stop), str(expected)),
            _worker("cli-reader", str(db), str(stop))]  # fmt: skip


def _check_readers(readers: list[subprocess.Popen], part: Counter) -> list[dict]:
    reports = [_report(r) for r in readers]
    for report in reports:
        part["reads"] += report["reads"]
        part["crashes"] += report["failed"]
        part["partial"] += report.get("partial", 0) + report.get("orphans", 0)
        part["refused plain connections"] += report.get("refused", 0)
    for report in reports:
        assert report["failed"] == 0 and report.get("decreased", 0) == 0, report
        assert report.get("partial", 0) == 0 and report.get("orphans", 0) == 0, report
    return reports


def _check_store(db: Path, reference: Snapshot, part: Counter) -> None:
    difference = compare(snapshot(db), reference)
    part["lost"] += len(difference.lost)
    part["duplicates"] += difference.duplicates
    part["changed"] += len(difference.changed) + len(difference.extra) + difference.orphans
    assert not difference, difference


def test_two_writers_and_four_readers_on_one_file(tmp_path, tally):
    """Two processes write 200 generated documents through kroniek.Store, 40 of them both (batches of
    20, one transaction each), while four read: every read answers, sees whole batches only and never
    fewer documents than before; the store ends as one writer alone makes it, each document once."""
    part = tally["faults: 2 writers, 4 readers"]
    with Store(tmp_path / "reference.duckdb") as store:  # what one writer alone stores
        store.ingest_many([coded(i) for i in range(200)])
    reference = snapshot(tmp_path / "reference.duckdb")
    expected = tmp_path / "expected.json"
    expected.write_text(json.dumps(reference.row_counts()), encoding="utf-8")
    db, stop = tmp_path / "shared.duckdb", tmp_path / "stop"
    Store(db).close()
    readers = _readers(db, stop, expected)
    writers = [_worker("store-writer", str(db), "0", "120", "20"), _worker("store-writer", str(db), "80", "200", "20")]
    try:
        reports = [_report(w) for w in writers]
    finally:
        stop.touch()
        reader_reports = _check_readers(readers, part)
    outcomes = Counter()
    for report in reports:
        outcomes.update(report["outcomes"])
        longest = round(1000 * report["batch seconds"][-1])
        part["longest batch write, ms"] = max(part["longest batch write, ms"], longest)
        part["crashes"] += len(report["failures"])
        assert report["failures"] == [], report
    part["inputs"] += 240
    assert outcomes == {"added": 200, "unchanged": 40}, outcomes  # the 40 both wrote: once each
    _check_store(db, reference, part)
    assert all(r["reads"] >= 2 for r in reader_reports), reader_reports


@pytest.mark.slow
def test_two_ingests_and_four_readers_on_one_file(clean, tmp_path, tally):
    """Two `kroniek ingest` of the same 1,000 documents into one store at once (its paths in other orders),
    while four read: each document is added by one of them and found unchanged by the other, every
    read answers and sees whole documents only, and the store equals the clean run's."""
    paths, reference = clean
    part = tally["faults: 2 ingests, 4 readers"]
    expected = tmp_path / "expected.json"
    expected.write_text(json.dumps(reference.row_counts()), encoding="utf-8")
    db, stop = tmp_path / "shared.duckdb", tmp_path / "stop"
    Store(db).close()
    readers = _readers(db, stop, expected)
    writers = [_ingest(paths, db, tmp_path), _ingest(paths[::-1], db, tmp_path)]
    try:
        outcomes = [_outcome(_finished(w)) for w in writers]
    finally:
        stop.touch()
        _check_readers(readers, part)
    part["inputs"] += 2 * DOCUMENTS
    assert sum(o[0] for o in outcomes) == DOCUMENTS and sum(o[2] for o in outcomes) == DOCUMENTS, outcomes
    assert all(o[1] == 0 for o in outcomes), outcomes
    _check_store(db, reference, part)
