"""The processes of the concurrency tests, each run as `python workers.py ROLE DB ...` and printing one
JSON line of what it did and what went wrong:

  store-writer DB FIRST LAST BATCH   writes generated documents FIRST..LAST-1 through kroniek.Store, BATCH
                                     at a time (one transaction each), pausing between batches as a coder would
  store-reader DB STOP               kroniek.Store counts and queries until the file STOP exists
  raw-reader DB STOP EXPECTED        a plain read-only DuckDB connection: every document it sees must have
                                     all its rows (EXPECTED: JSON doc_id -> rows), none in part
  cli-reader DB STOP                 `kroniek events` until STOP exists: exit status 0, no message, JSON lines

A reader that finds STOP reads once more and ends.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import duckdb
from corpus import coded
from snapshot import read_store

from kroniek.store import Store

KRONIEK = Path(sys.executable).with_name("kroniek")
PAUSE = 0.05  # seconds between a writer's batches (its coding) and between a reader's reads


def store_writer(db: str, first: str, last: str, batch: str) -> dict:
    outcomes: Counter = Counter()
    failures, waits = [], []
    store = Store(db, timeout=120)
    for start in range(int(first), int(last), int(batch)):
        items = [coded(i) for i in range(start, min(start + int(batch), int(last)))]
        began = time.monotonic()
        try:
            outcomes.update(store.ingest_many(items))
        except Exception as err:  # noqa: BLE001 - reported to the test, which fails on it
            failures.append(f"{type(err).__name__}: {err}")
        waits.append(time.monotonic() - began)
        time.sleep(PAUSE)
    return {"outcomes": dict(outcomes), "failures": failures, "batch seconds": sorted(waits)}


def _until_stopped(stop: str, read) -> dict:
    """Call read() until the file `stop` exists, and once more after: reads, failures (first five)."""
    reads, failures = 0, []
    while True:
        last = Path(stop).exists()
        try:
            read()
        except Exception as err:  # noqa: BLE001 - reported to the test, which fails on it
            failures.append(f"{type(err).__name__}: {str(err).splitlines()[0] if str(err) else ''}")
        reads += 1
        if last:
            return {"reads": reads, "failed": len(failures), "failures": failures[:5]}
        time.sleep(PAUSE)


def store_reader(db: str, stop: str) -> dict:
    seen: list[int] = []

    def read() -> None:
        with Store(db, read_only=True, timeout=120) as store:
            counts = store.counts()
            store.events(status=None, limit=5)
        seen.append(counts["documents"])

    result = _until_stopped(stop, read)
    result["decreased"] = sum(1 for a, b in zip(seen, seen[1:], strict=False) if b < a)
    result["last"] = seen[-1] if seen else None
    return result


def raw_reader(db: str, stop: str, expected: str) -> dict:
    rows = json.loads(Path(expected).read_text(encoding="utf-8"))
    tally = Counter()

    def read() -> None:
        try:
            con = duckdb.connect(db, read_only=True)
        except duckdb.Error as err:
            if "lock" not in str(err).lower():
                raise
            tally["refused"] += 1  # a batch was being written: a plain connection does not wait (README)
            return
        try:
            snap = read_store(con)
        finally:
            con.close()
        tally["documents seen"] += len(snap.documents)
        tally["partial"] += sum(1 for d in snap.documents if sum(snap.rows.get(d, Counter()).values()) != rows.get(d))
        tally["orphans"] += sum(1 for d in snap.rows if d not in snap.documents)

    result = _until_stopped(stop, read)
    return {**result, **tally}


def cli_reader(db: str, stop: str) -> dict:
    def read() -> None:
        proc = subprocess.run([str(KRONIEK), "events", "--db", db, "--all", "--format", "jsonl", "--limit", "5"],
                              capture_output=True, text=True, timeout=300)  # fmt: skip
        if proc.returncode != 0 or proc.stderr:
            raise RuntimeError(f"exit {proc.returncode}: {proc.stderr.strip()[:200]}")
        for line in proc.stdout.splitlines():
            json.loads(line)

    return _until_stopped(stop, read)


ROLES = {"store-writer": store_writer, "store-reader": store_reader, "raw-reader": raw_reader,
         "cli-reader": cli_reader}  # fmt: skip

if __name__ == "__main__":
    print(json.dumps({"role": sys.argv[1], **ROLES[sys.argv[1]](*sys.argv[2:])}), flush=True)
