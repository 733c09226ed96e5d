"""Property-based tests of the store (src/kroniek/store) on real DuckDB files, through `kroniek.Store`.

Random event records — every field, odd strings (quotes, NUL, SQL, JSON, emoji, combining marks,
long), nulls, extreme numbers, NaN and infinities, dates of every precision (year, month, week, day,
none) — written in random batches and read back: nothing lost, nothing duplicated, nothing silently
changed. Re-ingesting a document adds nothing; a changed one replaces its mentions and events and
leaves the others alone; a batch that cannot be written leaves nothing of itself behind. Queries
(actor, dyad, since/until in any form, status, code, quad, limit) return exactly what a plain Python
reading of the README says, in its order.
"""

from __future__ import annotations

import json
import math
import tempfile
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pytest
from fuzzkit import fuzz_tests
from hypothesis import strategies as st

from kroniek.errors import Errors, KroniekError
from kroniek.export.formats import EXTRA_COLUMNS
from kroniek.model import STATUSES, Actor, Document, Event
from kroniek.read.dates import first_day, last_day, normalise_date
from kroniek.store import Store
from kroniek.store.duckdb import content_hash

UTF8 = st.characters(codec="utf-8")  # any Unicode text (no lone surrogates), NUL and controls included
ODD = ("", " ", "'", '"', "\\", "\x00", "a\x00b", "NULL", "null", "None", "'; DROP TABLE events; --", '{"a": 1}',
       "[1, 2]", "😀", "\u202eRTL", "e\u0301", "ﬁ", "İ", "ß", "\n", "\r\n", "\t", "%", "_", "?", "$1", "\\N",
       "Oekraïne", "Ελλάδα", "Россия", "中国")  # fmt: skip
STRING = st.one_of(st.text(UTF8, max_size=12), st.sampled_from(ODD), st.text(UTF8, min_size=200, max_size=2000))
SHORT = st.one_of(st.text(UTF8, max_size=8), st.sampled_from(ODD))
OPTIONAL = st.one_of(st.none(), SHORT)
INT32 = st.integers(-(2**31), 2**31 - 1)
FLOAT = st.floats(allow_nan=True, allow_infinity=True)
CODES = st.one_of(st.none(), st.sampled_from(("RUS", "RUSGOV", "UKR", "UKRMIL", "BLR", "BLROPP", "IGOEUREEC", "USA",
                                              "R", "")), SHORT)  # fmt: skip
CAMEO = st.one_of(st.sampled_from(("010", "020", "036", "075", "1", "12", "122", "19", "190", "193", "0256", "")),
                  SHORT)  # fmt: skip
DAYS = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 24))


@st.composite
def when(draw: st.DrawFn) -> tuple[str | None, str | None]:
    """(date, date_precision) of every precision an event carries: none, year, month, week, day."""
    day = draw(DAYS)
    form = draw(st.sampled_from((None, "year", "month", "week", "day")))
    if form is None:
        return None, None
    if form == "year":
        return day.isoformat()[:4], "year"
    if form == "month":
        return day.isoformat()[:7], "month"
    if form == "week":  # a week is dated by its Monday
        return (day - timedelta(days=day.weekday())).isoformat(), "week"
    return day.isoformat(), "day"


PUBLISHED = st.one_of(st.none(), DAYS.map(date.isoformat), DAYS.map(lambda d: d.isoformat()[:7]),
                      DAYS.map(lambda d: d.isoformat()[:4]))  # fmt: skip
RECORD_KEYS = {"doc_id", "doc_date", "sentence_index", "sentence", "source", "target", "cameo", "cameo_name", "root",
               "quad_class", "goldstein", "plover", "date", "date_precision", "location", "status", "evidence",
               "confidence"}  # fmt: skip
JSON_VALUE = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), FLOAT, SHORT),
                          lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                  st.dictionaries(SHORT, inner, max_size=3)),
                          max_leaves=5)  # fmt: skip
EXTRA_KEYS = st.one_of(st.sampled_from(EXTRA_COLUMNS), SHORT).filter(lambda k: k not in RECORD_KEYS)
ACTOR = st.builds(Actor, text=STRING, start=INT32, end=INT32, code=CODES, name=OPTIONAL, country=OPTIONAL,
                  wikidata=OPTIONAL, label=OPTIONAL, rule=OPTIONAL)  # fmt: skip


@st.composite
def event(draw: st.DrawFn, doc_id: str) -> Event:
    day, precision = draw(when())
    location = draw(st.one_of(st.none(), st.fixed_dictionaries(
        {"name": STRING, "country": OPTIONAL, "lat": st.one_of(st.none(), FLOAT), "lon": st.one_of(st.none(), FLOAT)})))
    return Event(
        doc_id=doc_id, doc_date=draw(PUBLISHED), sentence_index=draw(INT32), sentence=draw(STRING),
        source=draw(ACTOR), target=draw(st.one_of(st.none(), ACTOR)), cameo=draw(CAMEO), cameo_name=draw(SHORT),
        root=draw(SHORT), quad_class=draw(st.one_of(st.integers(1, 4), INT32)), goldstein=draw(FLOAT),
        plover={"event_type": draw(OPTIONAL), "mode": draw(OPTIONAL)}, date=day, date_precision=precision,
        location=location, status=draw(st.one_of(st.sampled_from(STATUSES), SHORT)),
        evidence={"start": draw(INT32), "end": draw(INT32), "rule": draw(OPTIONAL)}, confidence=draw(FLOAT),
        extra=draw(st.dictionaries(EXTRA_KEYS, JSON_VALUE, max_size=3)),
    )  # fmt: skip


@st.composite
def coded_document(draw: st.DrawFn, doc_id: str) -> tuple[Document, list[Actor], list[Event]]:
    doc = Document(doc_id=doc_id, text=draw(STRING), date=draw(PUBLISHED), lang=draw(OPTIONAL), title=draw(OPTIONAL),
                   url=draw(OPTIONAL), source=draw(OPTIONAL))  # fmt: skip
    return doc, draw(st.lists(ACTOR, max_size=3)), draw(st.lists(event(doc_id), max_size=4))


@st.composite
def corpus(draw: st.DrawFn, min_size: int = 1, max_size: int = 6) -> list[tuple[Document, list[Actor], list[Event]]]:
    ids = draw(st.lists(STRING, min_size=min_size, max_size=max_size, unique=True))
    return [draw(coded_document(doc_id)) for doc_id in ids]


# -- what the store must hold ------------------------------------------------------------------------


def canon(value: object) -> str:
    """A value as comparable text: JSON with sorted keys (NaN, infinities and -0.0 kept as written)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _mention(doc_id: str, actor: Actor) -> dict:
    return {"doc_id": doc_id, "text": actor.text, "start": actor.start, "end": actor.end, "code": actor.code,
            "name": actor.name, "country": actor.country, "wikidata": actor.wikidata, "label": actor.label,
            "rule": actor.rule}  # fmt: skip


def _document(doc: Document, coder: str) -> dict:
    return {"doc_id": doc.doc_id, "content_hash": content_hash(doc, coder), "coder_version": coder, "date": doc.date,
            "lang": doc.lang, "title": doc.title, "url": doc.url, "source": doc.source, "text": doc.text}  # fmt: skip


def check_holds(store: Store, expected: dict[str, tuple[Document, list[Actor], list[Event]]], part: Counter) -> None:
    """The store holds exactly `expected` (doc_id -> coded document): documents, mentions and events,
    every field as written. Counts what is lost and duplicated before asserting."""
    coder = store.coder_version
    stored_docs = store.documents(include_text=True)
    for row in stored_docs:
        row.pop("ingested_at")
    want_docs = [_document(doc, coder) for doc, _, _ in expected.values()]
    want_mentions = [_mention(doc.doc_id, a) for doc, actors, _ in expected.values() for a in actors]
    want_events = [e.record() for _, _, events in expected.values() for e in events]
    got_events = store.events(status=None)
    for got, want in ((stored_docs, want_docs), (store.mentions(), want_mentions), (got_events, want_events)):
        got_c, want_c = Counter(map(canon, got)), Counter(map(canon, want))
        part["lost"] += sum((want_c - got_c).values())
        part["duplicates"] += sum((got_c - want_c).values())
        assert got_c == want_c, (sorted(want_c - got_c)[:3], sorted(got_c - want_c)[:3])
    assert store.counts() == {"documents": len(want_docs), "mentions": len(want_mentions), "events": len(want_events)}
    with store.writing():  # (one connection for the documents' own queries)
        for doc, actors, _ in expected.values():  # each document's own, in its own order
            mine = store.mentions(doc_id=doc.doc_id)
            assert [canon(m) for m in mine] == [canon(_mention(doc.doc_id, a)) for a in actors]


def _fresh(tmp: str, name: str = "fuzz.duckdb") -> Store:
    return Store(Path(tmp, name), coder_version="fuzz-1")


# -- the properties --------------------------------------------------------------------------------


def _round_trip(tally, docs, splits, again):
    """Documents written in random batches (ingest, ingest_many, inside writing()) come back whole;
    written again they are all "unchanged" and nothing moves; the Parquet export has every event."""
    part = tally["store"]
    part["inputs"] += len(docs) + sum(len(events) for _, _, events in docs)
    with tempfile.TemporaryDirectory() as tmp, _fresh(tmp) as store:
        batches, start = [], 0
        for size in splits:
            if start < len(docs):
                batches.append(docs[start : start + size])
                start += size
        batches.append(docs[start:])
        outcomes = []
        try:
            for i, batch in enumerate(b for b in batches if b):
                if len(batch) == 1 and i % 2:
                    outcomes.append(store.ingest(*batch[0]))
                elif i % 3 == 2:
                    with store.writing():
                        outcomes += store.ingest_many(batch)
                else:
                    outcomes += store.ingest_many(batch)
        except Exception:
            part["crashes"] += 1
            raise
        assert outcomes == ["added"] * len(docs)
        expected = {doc.doc_id: (doc, actors, events) for doc, actors, events in docs}
        check_holds(store, expected, part)
        if again:  # the same documents again, even with other events: unchanged (the hash is the text's)
            assert store.ingest_many([(d, a[::-1], e[:1]) for d, a, e in docs]) == ["unchanged"] * len(docs)
            check_holds(store, expected, part)
        target = Path(tmp, "events.parquet")
        written = store.export_parquet(target, status=None)
        assert written == sum(len(e) for _, _, e in docs)
        con = duckdb.connect()
        try:
            rows = con.execute("SELECT doc_id, count(*) FROM read_parquet(?) GROUP BY doc_id", [str(target)]).fetchall()
        finally:
            con.close()
        assert dict(rows) == {d.doc_id: len(e) for d, _, e in docs if e}


test_round_trip, test_round_trip_thorough = fuzz_tests(
    6, 200, docs=corpus(), splits=st.lists(st.integers(1, 4), max_size=4), again=st.booleans(),
)(_round_trip)


def _replace(tally, docs, changes, bad):
    """A changed document replaces its mentions and events, the others stay; a batch that fails
    (a duplicate id, an event of another document, a value its column cannot hold) leaves nothing."""
    part = tally["store"]
    part["inputs"] += len(docs) + len(changes)
    with tempfile.TemporaryDirectory() as tmp, _fresh(tmp) as store:
        store.ingest_many(docs)
        expected = {doc.doc_id: (doc, actors, events) for doc, actors, events in docs}
        batch, want = [], []
        for (doc, _, _), (text, actors, events) in zip(docs, changes, strict=False):
            changed = Document(doc_id=doc.doc_id, text=doc.text + text, date=doc.date, lang=doc.lang)
            events = [Event(**{**e.__dict__, "doc_id": doc.doc_id}) for e in events]
            batch.append((changed, actors, events))
            want.append("replaced" if text else "unchanged")
            if text:
                expected[doc.doc_id] = (changed, actors, events)
        if bad is not None and docs:
            poisoned = _poison(bad, docs[0])
            with pytest.raises((ValueError, duckdb.Error, KroniekError)):
                store.ingest_many([*batch, poisoned] if bad != "duplicate" else [*batch, docs[0], docs[0]])
            check_holds(store, {d.doc_id: (d, a, e) for d, a, e in docs}, part)  # nothing of it written
        assert store.ingest_many(batch) == want
        check_holds(store, expected, part)


def _poison(kind: str, coded: tuple[Document, list[Actor], list[Event]]) -> tuple[Document, list[Actor], list[Event]]:
    doc, actors, events = coded
    other = Document(doc_id=doc.doc_id + "\x00other", text="x")
    if kind == "foreign event" and events:
        return other, [], [Event(**{**events[0].__dict__, "doc_id": doc.doc_id})]
    if kind == "too large" and events:
        return other, [], [Event(**{**events[0].__dict__, "doc_id": other.doc_id, "sentence_index": 2**40})]
    return other, [Actor(text="x", start=2**40, end=0)], []


CHANGE = st.tuples(st.one_of(st.just(""), STRING.filter(bool)), st.lists(ACTOR, max_size=2),
                   st.lists(event("placeholder"), max_size=3))  # fmt: skip
test_replace, test_replace_thorough = fuzz_tests(
    5, 150, docs=corpus(), changes=st.lists(CHANGE, max_size=6),
    bad=st.sampled_from((None, "duplicate", "foreign event", "too large")),
)(_replace)


# -- queries against a plain reading of the README -------------------------------------------------


def _period(record: dict) -> tuple[str, str] | None:
    """The first and last day an event stands for: its date, else the publication date; a year, a
    month, a week (from its Monday) or a day."""
    value = record["date"] or record["doc_date"]
    if value is None:
        return None
    if record["date"] is not None and record["date_precision"] == "week":
        return value, (date.fromisoformat(value) + timedelta(days=6)).isoformat()
    return first_day(value), last_day(value)


def _oracle(records: list[dict], filters: dict) -> list[dict]:
    def starts(value: str | None, prefix: str) -> bool:
        return value is not None and value.startswith(prefix)

    out = []
    for r in records:
        source, target = r["source"]["code"], (r["target"] or {}).get("code")
        if "actor" in filters and not (starts(source, filters["actor"]) or starts(target, filters["actor"])):
            continue
        if "dyad" in filters:
            a, b = filters["dyad"]
            if not ((starts(source, a) and starts(target, b)) or (starts(source, b) and starts(target, a))):
                continue
        period = _period(r)
        if "since" in filters and (period is None or period[1] < first_day(normalise_date(filters["since"]))):
            continue
        if "until" in filters and (period is None or period[0] > last_day(normalise_date(filters["until"]))):
            continue
        status = filters.get("status", ("asserted",))
        if status is not None and r["status"] not in ([status] if isinstance(status, str) else status):
            continue
        if "code" in filters and not starts(r["cameo"], filters["code"]):
            continue
        quad = filters.get("quad")
        if quad is not None and r["quad_class"] not in ([quad] if isinstance(quad, int) else quad):
            continue
        out.append(r)
    return out


BOUND = st.one_of(DAYS.map(date.isoformat), DAYS.map(lambda d: d.isoformat()[:7]),
                  DAYS.map(lambda d: d.isoformat()[:4]), DAYS.map(lambda d: d.isoformat() + "T10:00:00+02:00"),
                  st.text(UTF8, max_size=12),
                  st.sampled_from(("2020-13-45", "12-08-2020", "２０２０", "")))  # fmt: skip
PREFIX = st.one_of(st.sampled_from(("R", "RUS", "RUSGOV", "UKR", "BLR", "IGO", "", "'", "%")), SHORT)
FILTERS = st.fixed_dictionaries({}, optional={
    "actor": PREFIX, "dyad": st.tuples(PREFIX, PREFIX), "since": BOUND, "until": BOUND,
    "status": st.one_of(st.none(), st.sampled_from(STATUSES), st.lists(st.sampled_from(STATUSES), max_size=3)),
    "code": st.one_of(st.sampled_from(("0", "1", "12", "19", "190")), SHORT),
    "quad": st.one_of(st.integers(1, 4), st.lists(st.integers(1, 4), max_size=3)), "limit": st.integers(0, 20),
})  # fmt: skip


def _queries(tally, docs, queries):
    """Store.events with random filters returns exactly the events the README's rules select, in
    date order (first day of the period, undated last, then document and event order); a bound that
    is no date is refused with E009 on one line; undated() counts what a date range leaves out."""
    part = tally["store"]
    with tempfile.TemporaryDirectory() as tmp, _fresh(tmp) as store:
        store.ingest_many(docs)
        records = [(e.record(), (d.doc_id, i)) for d, _, events in docs for i, e in enumerate(events)]
        for filters in queries:
            part["inputs"] += 1
            bad = [k for k in ("since", "until") if k in filters and normalise_date(filters[k]) is None]
            try:
                got = store.events(**filters)
                undated = store.undated(**filters)
            except KroniekError as err:
                assert bad and err.error is Errors.E009 and "\n" not in str(err), (filters, err)
                continue
            except Exception:
                part["crashes"] += 1
                raise
            assert not bad, filters
            chosen = _oracle([r for r, _ in records], {k: v for k, v in filters.items() if k != "limit"})
            keys = {id(r): key for r, key in records}
            chosen.sort(key=lambda r: (_period(r) is None, (_period(r) or ("",))[0], keys[id(r)]))
            if "limit" in filters:
                chosen = chosen[: filters["limit"]]
            assert [canon(r) for r in got] == [canon(r) for r in chosen], filters
            no_range = {k: v for k, v in filters.items() if k not in ("since", "until", "limit")}
            assert undated == sum(1 for r in _oracle([r for r, _ in records], no_range) if _period(r) is None)


test_queries, test_queries_thorough = fuzz_tests(
    6, 200, docs=corpus(max_size=5), queries=st.lists(FILTERS, min_size=1, max_size=6),
)(_queries)


def test_not_a_number_is_kept_as_written(tmp_path, tally):
    """NaN and infinities in a record's numbers come back as they went in (the comparisons above
    compare JSON text, where NaN equals NaN): checked here by value."""
    doc = Document(doc_id="n", text="t")
    actor = Actor(text="Rusland", start=0, end=7, code="RUS")
    ev = Event(doc_id="n", doc_date=None, sentence_index=0, sentence="s", source=actor, target=None, cameo="190",
               cameo_name="x", root="19", quad_class=4, goldstein=float("nan"), plover={}, date=None,
               date_precision=None, location={"name": "x", "country": None, "lat": float("inf"), "lon": -0.0},
               status="asserted", evidence={"start": 0, "end": 1, "rule": None}, confidence=float("-inf"))  # fmt: skip
    with Store(tmp_path / "nan.duckdb") as store:
        store.ingest(doc, [actor], [ev])
        (record,) = store.events()
    assert math.isnan(record["goldstein"]) and record["confidence"] == float("-inf")
    assert record["location"]["lat"] == float("inf") and math.copysign(1, record["location"]["lon"]) == -1
    tally["store"]["inputs"] += 1
