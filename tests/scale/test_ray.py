"""`kroniek ingest --ray ADDRESS` against a real two-node Ray cluster on this machine (slow: starting
the cluster and loading a pipeline in each actor takes a minute)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from scale_corpus import news_items, stored, write_corpus  # noqa: E402

pytestmark = pytest.mark.slow

SRC = Path(__file__).resolve().parents[2] / "src"
BIN = Path(sys.executable).parent
ADDRESS = "127.0.0.1:6379"


def _env() -> dict[str, str]:
    # the cluster's workers import this kroniek, as they would an installed one on a real cluster
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))}


def _ray(*args: str) -> None:
    subprocess.run([str(BIN / "ray"), *args], check=True, env=_env(), capture_output=True, timeout=180)


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A head node and a second node of one CPU each, bound to 127.0.0.1; stopped afterwards."""
    if not (BIN / "ray").exists() or shutil.which("ray", path=str(BIN)) is None:
        pytest.skip("ray is not installed (pip install 'kroniek[ray]')")
    _ray("start", "--head", "--num-cpus=1", "--disable-usage-stats", "--node-ip-address=127.0.0.1",
         "--port=6379", "--include-dashboard=false")
    try:
        _ray("start", f"--address={ADDRESS}", "--num-cpus=1", "--node-ip-address=127.0.0.1")
        yield ADDRESS
    finally:
        _ray("stop")


def _ingest(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "kroniek"), "ingest", *args], env=_env(), capture_output=True, text=True,
                          timeout=900)


def test_a_two_node_cluster_stores_the_same_events_as_one_process(cluster: str, tmp_path: Path) -> None:
    items = news_items(48)
    items.insert(30, {"id": "duits", "lang": "de", "text": "Russland verhängte Sanktionen gegen die Ukraine."})
    corpus = write_corpus(tmp_path / "corpus", items)
    alone = _ingest(str(corpus), "--db", str(tmp_path / "one.duckdb"), "--workers", "1")
    on_ray = _ingest(str(corpus), "--db", str(tmp_path / "ray.duckdb"), "--ray", cluster)
    for result in (alone, on_ray):
        assert result.returncode == 1, result.stderr  # the German document, on one line
        assert "Traceback" not in result.stderr
        assert "48 added, 0 replaced, 0 unchanged" in result.stderr
        assert [line for line in result.stderr.splitlines() if "[E" in line][0].endswith("[E010]")
    assert stored(tmp_path / "ray.duckdb") == stored(tmp_path / "one.duckdb")
    again = _ingest(str(corpus), "--db", str(tmp_path / "ray.duckdb"), "--ray", cluster)
    assert "0 added, 0 replaced, 48 unchanged" in again.stderr


def test_more_workers_than_the_cluster_has_cpus_is_one_line(cluster: str, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", news_items(2))
    result = _ingest(str(corpus), "--db", str(tmp_path / "k.duckdb"), "--ray", cluster, "--workers", "3")
    assert result.returncode == 2
    assert result.stderr.strip() == (f"kroniek: Ray cluster {cluster}: 3 workers asked, but the cluster has 2 CPU(s) "
                                     "(one per worker) [E033]")


def test_an_address_with_no_cluster_is_one_line(tmp_path: Path) -> None:
    if not (BIN / "ray").exists():
        pytest.skip("ray is not installed (pip install 'kroniek[ray]')")
    corpus = write_corpus(tmp_path / "corpus", news_items(2))
    result = _ingest(str(corpus), "--db", str(tmp_path / "k.duckdb"), "--ray", "127.0.0.1:1")
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("kroniek: Ray cluster 127.0.0.1:1: nothing answers there") and line.endswith("[E033]")
