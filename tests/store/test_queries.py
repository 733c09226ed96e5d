"""Queries by date period, CAMEO code, QuadClass and count, on a real DuckDB file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kroniek.model import Document
from kroniek.store import Store

# (doc_id, publication date, event date, its precision, CAMEO code, QuadClass)
DATED = [
    ("dag", "2020-08-12", "2020-08-11", "day", "075", 2),
    ("week", "2020-08-14", "2020-08-10", "week", "0256", 1),
    ("maand", "2020-09-01", "2020-06", "month", "193", 4),
    ("jaar", "2021-01-05", "2014", "year", "192", 4),
    ("kop-maand", "2018-06", None, None, "111", 3),  # no date of its own, a month-only publication date
    ("zonder", None, None, None, "190", 4),  # no date at all
]


@pytest.fixture
def store(tmp_path: Path, make_event) -> Iterator[Store]:
    with Store(tmp_path / "periods.duckdb") as store:
        for doc_id, published, date, precision, cameo, quad in DATED:
            event = make_event(doc_id=doc_id, doc_date=published, date=date, date_precision=precision, cameo=cameo,
                               root=cameo[:2], quad_class=quad)  # fmt: skip
            store.ingest(Document(doc_id=doc_id, text="Tekst.", date=published), [], [event])
        yield store


def _ids(records: list[dict]) -> set[str]:
    return {r["doc_id"] for r in records}


@pytest.mark.parametrize(("since", "until", "expected"), [
    ("2020-06-15", "2020-06-20", {"maand"}),  # inside June
    ("2014-05-01", "2014-05-31", {"jaar"}),  # inside 2014
    ("2020-08-16", "2020-08-16", {"week"}),  # the Sunday of the week of Monday 10 August
    ("2020-08-17", None, set()),
    (None, "2018-06-01", {"jaar", "kop-maand"}),  # June 2018 starts on the bound
    ("2018-06-30", "2018-07-01", {"kop-maand"}),
    ("2020", "2020", {"dag", "week", "maand"}),
    ("2020-08", None, {"dag", "week"}),
])  # fmt: skip
def test_a_week_month_or_year_matches_every_range_it_overlaps(store, since, until, expected):
    assert _ids(store.events(since=since, until=until)) == expected


def test_an_event_without_any_date_is_counted_not_silently_lost(store):
    assert "zonder" not in _ids(store.events(since="1900"))
    assert "zonder" in _ids(store.events())
    assert store.undated() == 1
    assert store.undated(code="19") == 1 and store.undated(code="07") == 0


def test_periods_sort_by_their_first_day(store):
    assert [r["doc_id"] for r in store.events()] == ["jaar", "kop-maand", "maand", "week", "dag", "zonder"]


def test_timestamps_are_accepted_as_bounds(store):
    assert _ids(store.events(since="2020-08-11T23:00:00+02:00", until="2020-08-11 08:00")) == {"dag", "week"}


def test_code_prefix_quad_and_limit(store):
    assert _ids(store.events(code="19")) == {"maand", "jaar", "zonder"}
    assert _ids(store.events(code="0256")) == {"week"}
    assert _ids(store.events(code="025")) == {"week"} and store.events(code="0257") == []
    assert _ids(store.events(quad=4)) == {"maand", "jaar", "zonder"}
    assert _ids(store.events(quad=[1, 2])) == {"dag", "week"}
    assert _ids(store.events(code="19", quad=4, since="2015")) == {"maand"}
    assert len(store.events(limit=2)) == 2 and store.events(limit=0) == []


def test_offset_pages_through_the_date_order(store):
    order = [r["doc_id"] for r in store.events()]
    assert [r["doc_id"] for r in store.events(limit=2, offset=2)] == order[2:4]
    assert [r["doc_id"] for r in store.events(offset=4)] == order[4:]
    assert store.events(limit=3, offset=10) == []


def test_a_page_tells_how_many_match_beside_its_events(store):
    total, records = store.page(2, 0, quad=4)
    assert total == 3 and [r["doc_id"] for r in records] == ["jaar", "maand"]
    total, records = store.page(2, 2, quad=4)
    assert total == 3 and [r["doc_id"] for r in records] == ["zonder"]
    assert store.page(10, 0, code="0256") == (1, store.events(code="0256"))
    assert store.page(5, 50) == (6, [])
    assert store.count() == 6 and store.count(quad=4, since="2015") == 1 and store.count(limit=1) == 6


def test_query_runs_sql_over_the_matching_events(store):
    rows = store.query("SELECT doc_id, period_start FROM matched ORDER BY period_start", quad=4)
    assert rows == [{"doc_id": "jaar", "period_start": "2014-01-01"}, {"doc_id": "maand", "period_start": "2020-06-01"},
                    {"doc_id": "zonder", "period_start": None}]  # fmt: skip
    counted = store.query("SELECT count(*) AS n FROM matched WHERE cameo = ?", ["193"], since="2020")
    assert counted == [{"n": 1}]
