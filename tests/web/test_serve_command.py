"""`kroniek serve` as a user runs it: the installed command, a real port, one line for each failure."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
from pathlib import Path

import httpx

KRONIEK = Path(sys.executable).with_name("kroniek")


def test_serve_answers_on_localhost_until_stopped(web_db: Path, tmp_path: Path) -> None:
    proc = subprocess.Popen([str(KRONIEK), "serve", "--db", str(web_db), "--port", "0", "--no-preload"],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            cwd=tmp_path)  # fmt: skip
    try:
        line = proc.stderr.readline() if proc.stderr else ""
        found = re.search(r"at http://127\.0\.0\.1:(\d+)/ \(API under /api/, docs at /docs\)", line)
        assert found, line
        base = f"http://127.0.0.1:{found.group(1)}"
        body = httpx.get(base + "/api/events", params={"limit": 2}, timeout=30).json()
        assert len(body["events"]) == 2 and body["total"] > 2
        assert httpx.get(base + "/docs", timeout=30).status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_serve_refuses_a_missing_database_on_one_line(tmp_path: Path) -> None:
    proc = subprocess.run([str(KRONIEK), "serve", "--db", str(tmp_path / "geen.duckdb")], capture_output=True,
                          text=True, timeout=60, cwd=tmp_path)  # fmt: skip
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        f"kroniek: database {tmp_path / 'geen.duckdb'}: not found (run kroniek ingest first, or pass --db)"]


def test_serve_refuses_a_taken_port_on_one_line(web_db: Path, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        proc = subprocess.run([str(KRONIEK), "serve", "--db", str(web_db), "--port", str(port), "--no-preload"],
                              capture_output=True, text=True, timeout=60, cwd=tmp_path)  # fmt: skip
    assert proc.returncode == 2
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"kroniek: cannot listen on 127.0.0.1:{port}: "), lines
    assert "choose another --port" in lines[0]
