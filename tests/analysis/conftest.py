"""A small real DuckDB store of hand-written EU–Belarus events, whose series and yo-yo figures the
tests work out by hand. Each row: (doc_id, publication date, source, target, CAMEO code, QuadClass,
Goldstein, event date, its precision, status)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kroniek.model import Actor, Document, Event
from kroniek.store import Store

EVENTS = [
    ("a", "2004-12-15", "IGOEUREEC", "BLRGOV", "163", 4, -8.0, "2004-05-10", "day", "asserted"),     # e1
    ("a", "2004-12-15", "IGOEUREEC", "BLR", "172", 4, -5.0, "2004-11", "month", "asserted"),         # e2
    ("b", "2004-12-20", "BLRGOV", "IGOEUREEC", "111", 3, -2.0, "2004-12-01", "day", "asserted"),     # e3
    ("c", "2006-09-01", "IGOEUREEC", "BLRGOV", "036", 1, 4.0, "2006", "year", "asserted"),           # e4
    ("c", "2006-09-01", "IGOEUREEC", "BLRGOV", "057", 1, 8.0, "2006-02-27", "week", "asserted"),     # e5
    ("d", "2006-07-20", "IGOEUREECLEG", "BLRGOV", "081", 2, 5.0, "2006-07-14", "day", "asserted"),   # e6
    ("d", "2006-07-20", "IGOEUREEC", "BLRGOV", "163", 4, -8.0, "2006-08-01", "day", "negated"),      # e7
    ("d", "2006-07-20", "LTUGOV", "BLRGOV", "111", 3, -2.0, "2006-07-14", "day", "asserted"),        # e8
    ("d", "2006-07-20", "IGOEUREEC", "RUSGOV", "111", 3, -2.0, "2006-07-14", "day", "asserted"),     # e9
    ("e", None, "IGOEUREEC", "BLRGOV", "111", 3, -2.0, None, None, "asserted"),                      # e10: undated
    ("f", "2007-02-03", "IGOEUREEC", "BLRGOV", "112", 3, -2.0, None, None, "asserted"),              # e11
]  # fmt: skip


def _actor(code: str, start: int) -> Actor:
    return Actor(text=code, start=start, end=start + len(code), code=code, name=code, country=code[:3])


def make_event(doc_id: str, published: str | None, source: str, target: str | None, cameo: str, quad: int,
               goldstein: float, date: str | None, precision: str | None, status: str, index: int = 0) -> Event:
    """An event record as the coder writes it, with the fields an analysis reads set by hand."""
    return Event(
        doc_id=doc_id, doc_date=published, sentence_index=index, sentence="Een zin.",
        source=_actor(source, 0), target=_actor(target, 20) if target else None,
        cameo=cameo, cameo_name=f"code {cameo}", root=cameo[:2], quad_class=quad, goldstein=goldstein,
        plover={"event_type": None, "mode": None}, date=date, date_precision=precision, location=None,
        status=status, evidence={"start": 0, "end": 8, "rule": "test"}, confidence=0.9,
    )  # fmt: skip


def build_store(path: Path, rows: list[tuple[Any, ...]]) -> Store:
    """A store holding `rows` (as EVENTS), one document per doc_id."""
    store = Store(path)
    docs: dict[str, list[tuple[Any, ...]]] = {}
    for row in rows:
        docs.setdefault(row[0], []).append(row)
    for doc_id, found in docs.items():
        events = [make_event(*row, index=i) for i, row in enumerate(found)]
        store.ingest(Document(doc_id=doc_id, text="Een zin.", date=found[0][1]), [], events)
    return store


@pytest.fixture
def make_store() -> Callable[[Path, list[tuple[Any, ...]]], Store]:
    """The store builder, for tests that need events of their own."""
    return build_store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with build_store(tmp_path_factory.mktemp("analysis") / "events.duckdb", EVENTS) as store:
        yield store
