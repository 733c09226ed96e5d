"""Throughput of `kroniek ingest` on one worker against two (or more), on the same documents, in one run.

Texts: the CoNLL-2002 Dutch news articles in ../shared/data (as benchmarks/bench.py reads them).
Each measurement runs in a fresh process, as `kroniek ingest --workers N` would: read the documents,
skip the unchanged, code them on N workers (in this process for N = 1, spawned worker processes
otherwise, or N Ray actors with --ray), and write them to a new DuckDB store from the one main
process. The time includes loading the pipeline in every worker. Reported: documents and words per
second, the ratio to one worker (the baseline, measured in the same run), each worker's peak resident
memory, and a re-ingest of the unchanged store against the first ingest. The load average before and
after says how much else the machine was doing.

Usage: python benchmarks/bench_workers.py [SHARED_DATA_DIR] [--limit N] [--workers 1 2] [--ray ADDRESS]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import articles

ROOT = Path(__file__).resolve().parents[1]
FLUSH_DOCUMENTS = 64  # as kroniek ingest writes


def measure(corpus: Path, db: Path, workers: int, ray: str | None) -> dict:
    """One ingest of the corpus into `db` in this process: seconds, outcomes, worker memory and CPU time."""
    from kroniek.pipeline import CODER_VERSION
    from kroniek.read import read_inputs
    from kroniek.scale.runners import make_runner
    from kroniek.scale.unchanged import changed_documents
    from kroniek.scale.work import usage
    from kroniek.store.duckdb import Store

    start = time.perf_counter()
    unchanged: list[str] = []
    outcomes = {"added": 0, "replaced": 0, "unchanged": 0, "failed": 0}
    writing = 0.0

    def write(pending: list) -> None:
        nonlocal writing
        began = time.perf_counter()
        for outcome in store.ingest_many(pending):
            outcomes[outcome] += 1
        writing += time.perf_counter() - began

    with Store(db, coder_version=CODER_VERSION) as store:
        runner = make_runner(workers, ray)
        documents = (d for d in read_inputs([str(corpus)], lang="nl") if not isinstance(d, Exception))
        pending: list = []
        arrivals: list[float] = []  # when each result came back
        for result in runner.code(changed_documents(documents, store, lambda d: unchanged.append(d.doc_id))):
            arrivals.append(time.perf_counter())
            if isinstance(result, Exception):
                outcomes["failed"] += 1
                continue
            pending.append((result.document, result.actors, result.events))
            if len(pending) >= FLUSH_DOCUMENTS:
                write(pending)
                pending = []
        if pending:
            write(pending)
        events = store.counts()["events"]
    outcomes["unchanged"] += len(unchanged)
    own = usage()
    workers_usage = [u for pid, u in runner.usage.items() if pid != own.pid]
    startup, steady = after_startup(arrivals)
    return {"seconds": time.perf_counter() - start, "startup_s": startup - start, "steady_docs_s": steady,
            "outcomes": outcomes, "events": events, "write_seconds": writing,
            "workers": runner.workers, "worker_rss_mb": sorted(u.peak_rss_mb for u in workers_usage),
            "worker_cpu_s": sum(u.cpu_seconds for u in workers_usage), "main_rss_mb": own.peak_rss_mb,
            "main_cpu_s": own.cpu_seconds}


def after_startup(arrivals: list[float], burst: float = 0.05) -> tuple[float, float]:
    """When the first chunk came back, and the documents per second after it: the first chunk's
    results (those within `burst` seconds of the first) were coded before, so they are not counted."""
    if not arrivals:
        return 0.0, 0.0
    first = arrivals[0]
    later = [t for t in arrivals if t - first > burst]
    return first, len(later) / (arrivals[-1] - first) if later else 0.0


def _spin(loops: int) -> float:
    began = time.perf_counter()
    total = 0
    for i in range(loops):
        total += i * i
    return time.perf_counter() - began


def ceiling(workers: int, loops: int = 20_000_000) -> float:
    """How much faster `workers` processes finish `workers` times a pure-Python loop than one process
    finishes it once: the most any parallel speed-up can be on this machine right now (near `workers`
    on an idle machine, lower while other processes take the cores)."""
    import multiprocessing

    one = _spin(loops)
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        pool.map(_spin, [1000] * workers)  # the processes started before timing
        began = time.perf_counter()
        pool.map(_spin, [loops] * workers, chunksize=1)
        many = time.perf_counter() - began
    return workers * one / many


def run_fresh(corpus: Path, db: Path, workers: int, ray: str | None) -> dict:
    """measure() in a new Python process, so that nothing loaded by an earlier measurement helps it."""
    command = [sys.executable, __file__, "--measure", str(corpus), str(db), str(workers)]
    command += ["--ray", ray] if ray else []
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT / "benchmarks"),
                                                        os.environ.get("PYTHONPATH", "")])}
    out = subprocess.run(command, check=True, capture_output=True, text=True, env=env).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data", nargs="?", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2],
                        help="worker counts; the first is the baseline")
    parser.add_argument("--ray", help="a Ray cluster's address: workers are Ray actors there")
    parser.add_argument("--measure", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        corpus, db, workers = args.measure
        print(json.dumps(measure(Path(corpus), Path(db), int(workers), args.ray)))
        return
    texts = articles(Path(args.data))[: args.limit or None]
    words = sum(len(t.split()) for t in texts)
    rows = [("documents", f"{len(texts)} CoNLL-2002 Dutch articles, {words} words"),
            ("where", f"Ray cluster {args.ray}" if args.ray else f"this machine, {os.cpu_count()} cores"),
            ("load average before", " ".join(f"{x:.2f}" for x in os.getloadavg()))]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "articles.jsonl"
        corpus.write_text("".join(json.dumps({"id": f"conll-{i}", "date": "2000-06-01", "text": t}) + "\n"
                                  for i, t in enumerate(texts)), encoding="utf-8")
        most = max(args.workers)
        ceilings = [ceiling(most)]
        runs = {}
        for workers in args.workers:
            runs[workers] = run_fresh(corpus, Path(tmp) / f"w{workers}.duckdb", workers, args.ray)
        ceilings.append(ceiling(most))
        again = run_fresh(corpus, Path(tmp) / f"w{args.workers[0]}.duckdb", args.workers[0], args.ray)
    base = runs[args.workers[0]]
    for workers, run in runs.items():
        label = f"{workers} worker{'s' if workers > 1 else ''}" + (" (Ray actors)" if args.ray else "")
        rate = len(texts) / run["seconds"]
        rss = ", ".join(f"{m:,.0f}" for m in run["worker_rss_mb"]) or "- (coded in the main process)"
        cpu = run["worker_cpu_s"] + run["main_cpu_s"]
        rows += [(label, f"{run['seconds']:.1f} s, {rate:.1f} docs/s, {words / run['seconds']:,.0f} words/s, "
                         f"{base['seconds'] / run['seconds']:.2f}x {args.workers[0]} worker, {run['events']} events"),
                 ("  after start-up", f"first documents back after {run['startup_s']:.1f} s, then "
                                      f"{run['steady_docs_s']:.1f} docs/s, "
                                      f"{run['steady_docs_s'] / base['steady_docs_s']:.2f}x {args.workers[0]} worker"),
                 ("  peak memory per worker (MB)", f"{rss}; main process {run['main_rss_mb']:,.0f}"),
                 ("  CPU time (s)", f"{cpu:.1f} ({cpu / len(texts) * 1000:.0f} ms a document; main process "
                                    f"{run['main_cpu_s']:.1f}, of which writing the store {run['write_seconds']:.1f} s "
                                    "wall); CPU got / wall time "
                                    f"{cpu / run['seconds']:.2f} of {os.cpu_count()} cores")]
    best = base["seconds"] / runs[most]["seconds"]
    rows += [(f"machine's ceiling, {most} processes", f"{ceilings[0]:.2f}x before, {ceilings[1]:.2f}x after "
              f"(a CPU loop in {most} processes against 1; {most:.2f}x on idle cores)"),
             (f"{most} workers against the ceiling", f"{best / (sum(ceilings) / 2):.0%} of what the machine gave")]
    same = len({run["events"] for run in runs.values()}) == 1
    rows += [("same number of events stored", "yes" if same else "NO"),
             ("re-ingest, all unchanged", f"{again['seconds']:.1f} s ({again['outcomes']['unchanged']} unchanged, "
                                          f"{again['outcomes']['added']} coded): "
                                          f"{again['seconds'] / base['seconds']:.1%} of the first ingest"),
             ("load average after", " ".join(f"{x:.2f}" for x in os.getloadavg()))]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    sys.exit(main())
