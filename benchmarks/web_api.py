"""How fast the REST API answers filtered event queries on 10,000 stored events (the bar: under 200 ms).

The store: 2,000 made-up documents of 5 events each (actors, CAMEO codes and dates drawn with a fixed
seed from small lists; no language pipeline needed), in a DuckDB file in a temporary folder. The server:
`kroniek serve`'s app under uvicorn on 127.0.0.1. Each query is asked REPEAT times over HTTP; reported
are the median and the 95th percentile, beside the baseline measured in the same run: the same query
through `Store.page` in this process, without HTTP and JSON (what the web layer adds is the difference).

Usage: python benchmarks/web_api.py [--events N] [--repeat N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from kroniek.model import Actor, Document, Event
from kroniek.store.duckdb import Store
from kroniek.web import create_app
from kroniek.web.api import event_filters
from kroniek.web.serve import ServerThread

ACTORS = [("IGOEUREEC", "European Union", None), ("BLR", "Belarus", "BLR"), ("BLRGOV", "Belarus", "BLR"),
          ("LTU", "Lithuania", "LTU"), ("POLGOV", "Poland", "POL"), ("RUS", "Russia", "RUS"),
          ("USAGOV", "United States", "USA"), ("DEU", "Germany", "DEU"), ("NLDGOV", "Netherlands", "NLD"),
          ("UKR", "Ukraine", "UKR")]  # fmt: skip
CODES = [("163", "Impose embargo, boycott, or sanctions", 4, -8.0), ("111", "Criticize or denounce", 3, -2.0),
         ("051", "Praise or endorse", 1, 3.4), ("085", "Ease economic sanctions", 2, 7.0),
         ("036", "Express intent to meet or negotiate", 1, 4.0), ("173", "Arrest, detain", 4, -5.0),
         ("0256", "Accede to demands for change in policy", 1, 3.0),
         ("190", "Use conventional military force", 4, -10.0)]  # fmt: skip
STATUSES = ["asserted"] * 8 + ["negated", "reported"]
# (what it asks, query parameters): the filters of `kroniek events` in combinations a user makes
QUERIES = [
    ("first page, no filter", {"limit": 100}),
    ("dyad and years", {"dyad": "IGOEUR,BLR", "since": "2010", "until": "2015", "limit": 100}),
    ("actor, code, quad", {"actor": "BLR", "code": "1", "quad": [3, 4], "limit": 100}),
    ("actor, month, every status", {"actor": "LTU", "since": "2020-08", "until": "2020-08", "status": "all"}),
    ("deep page", {"actor": "RUS", "limit": 100, "offset": 500}),
]
BAR_MS = 200.0


def build(path: Path, events: int, seed: int = 16) -> None:
    """A store of `events` made-up events, five to a document."""
    rng = random.Random(seed)
    text = "Tekst zonder betekenis, alleen voor de maat. " * 10
    batch = []
    for d in range(events // 5):
        day = f"{rng.randint(2004, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        doc = Document(doc_id=f"doc{d:05d}", text=text, date=day, lang="nl", title=f"Document {d}")
        coded = []
        for i in range(5):
            (s, s_name, s_country), (t, t_name, t_country) = rng.sample(ACTORS, 2)
            cameo, name, quad, goldstein = rng.choice(CODES)
            coded.append(Event(
                doc_id=doc.doc_id, doc_date=day, sentence_index=i, sentence=text[:46],
                source=Actor(s_name, 0, 5, s, s_name, s_country), target=Actor(t_name, 6, 10, t, t_name, t_country),
                cameo=cameo, cameo_name=name, root=cameo[:2], quad_class=quad, goldstein=goldstein,
                plover={"event_type": None, "mode": None}, date=day, date_precision="day", location=None,
                status=rng.choice(STATUSES), evidence={"start": 0, "end": 46, "rule": "bench"},
                confidence=0.8))  # fmt: skip
        batch.append((doc, [], coded))
    with Store(path) as store, store.writing():
        for start in range(0, len(batch), 500):
            store.ingest_many(batch[start : start + 500])


def timed(call: Callable[[], object], repeat: int) -> list[float]:
    call()  # warm: the first call reads the file's metadata
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return times


def store_filters(params: dict) -> dict:
    """The query parameters as Store.page takes them (the API's own conversion, minus HTTP)."""
    return event_filters(params.get("since"), params.get("until"), params.get("actor"), params.get("dyad"),
                         params.get("code"), params.get("quad"), [params["status"]] if "status" in params else None)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.duckdb"
        start = time.perf_counter()
        build(path, args.events)
        store = Store(path, read_only=True)
        built = time.perf_counter() - start
        print(f"store: {store.counts()['events']:,} events in {path.name}, built in {built:.1f} s")
        print(f"{'query':<28}{'matches':>9}{'rows':>6}{'HTTP median':>13}{'p95':>8}{'Store.page median':>19}"
              f"{'web adds':>10}")
        worst = 0.0
        with ServerThread(create_app(path)) as server, httpx.Client(base_url=server.url) as http:
            for name, params in QUERIES:
                body = http.get("/api/events", params=params).json()
                over_http = timed(lambda p=params: http.get("/api/events", params=p).raise_for_status(), args.repeat)
                filters = store_filters(params)
                direct = timed(lambda p=params, f=filters: store.page(p.get("limit", 100), p.get("offset", 0), **f),
                               args.repeat)  # fmt: skip
                median, p95 = statistics.median(over_http), statistics.quantiles(over_http, n=20)[-1]
                base = statistics.median(direct)
                worst = max(worst, median)
                print(f"{name:<28}{body['total']:>9,}{len(body['events']):>6}{median:>10.1f} ms{p95:>5.0f} ms"
                      f"{base:>16.1f} ms{median - base:>7.1f} ms")
    verdict = "under" if worst < BAR_MS else "OVER"
    print(f"slowest median {worst:.1f} ms: {verdict} the {BAR_MS:.0f} ms bar")
    sys.exit(0 if worst < BAR_MS else 1)


if __name__ == "__main__":
    main()
