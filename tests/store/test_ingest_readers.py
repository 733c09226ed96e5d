"""`kroniek ingest` beside its readers, end to end in real processes (slow: it codes 300 articles)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

import kroniek

KRONIEK = Path(sys.executable).with_name("kroniek")
SENTENCES = (
    "De Europese Unie heeft maandag nieuwe sancties opgelegd aan Rusland.",
    "De NAVO veroordeelde Rusland.",
    "Litouwen heeft dinsdag de Belarussische oppositieleider opgevangen.",
    "De Verenigde Staten hebben sancties opgelegd aan Iran.",
)
ARTICLES = 300


def _corpus(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for i in range(ARTICLES):
            text = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(6))
            out.write(json.dumps({"id": f"a{i}", "text": text, "date": f"2020-08-{1 + i % 28:02d}"}) + "\n")
    return path


@pytest.mark.slow
def test_events_a_read_only_connection_and_a_store_all_work_while_ingest_runs(tmp_path):
    db = tmp_path / "kroniek.duckdb"
    ingest = subprocess.Popen([str(KRONIEK), "ingest", str(_corpus(tmp_path / "c.jsonl")), "--db", str(db)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    events_runs, raw, stored = [], [], []
    try:
        with kroniek.Store(db, timeout=120) as store:  # held open all along, as the README shows
            while ingest.poll() is None:
                proc = subprocess.run([str(KRONIEK), "events", "--db", str(db), "--limit", "1", "--format", "jsonl"],
                                      capture_output=True, text=True, timeout=120)  # fmt: skip
                events_runs.append((proc.returncode, proc.stderr))
                try:
                    con = duckdb.connect(str(db), read_only=True)
                    raw.append(con.execute("SELECT count(*) FROM documents").fetchone()[0])
                    con.close()
                except duckdb.Error:
                    pass  # the moment a batch is written: a plain connection does not wait
                stored.append(store.counts()["documents"])
                time.sleep(0.2)
    finally:
        out, err = ingest.communicate(timeout=600)
    assert ingest.returncode == 0, err
    assert f"{ARTICLES} added" in err
    assert events_runs and all(code == 0 and message == "" for code, message in events_runs), events_runs
    assert any(0 < n < ARTICLES for n in stored), stored  # read mid-ingest, through kroniek.Store
    assert any(0 < n < ARTICLES for n in raw), raw  # and through a plain read-only connection
