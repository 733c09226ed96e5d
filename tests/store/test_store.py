"""The DuckDB store on real database files: idempotent ingest, atomic writes, queries, exports."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

import kroniek.store.duckdb as store_module
from kroniek.errors import Errors, KroniekError
from kroniek.export.formats import COLUMNS, EXTRA_COLUMNS
from kroniek.model import Document
from kroniek.store import Store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "kroniek.duckdb"


def test_ingest_twice_is_unchanged(db, doc, actors, events):
    with Store(db, coder_version="1") as store:
        assert store.ingest(doc, actors, events) == "added"
        first = store.counts()
        assert store.ingest(doc, actors, events) == "unchanged"
        assert store.counts() == first == {"documents": 1, "mentions": 3, "events": 3}


def test_store_persists_across_connections(db, doc, actors, events):
    with Store(db) as store:
        store.ingest(doc, actors, events)
    with Store(db, read_only=True) as store:
        assert store.counts()["events"] == 3
        assert store.documents()[0]["url"] == "https://example.org/belarus"
    assert duckdb.connect(str(db)).execute("SELECT version FROM schema_version").fetchall() == [(1,)]


def test_new_coder_version_recodes(db, doc, actors, events):
    with Store(db, coder_version="1") as store:
        store.ingest(doc, actors, events)
    with Store(db, coder_version="2") as store:
        assert store.ingest(doc, actors, events) == "replaced"
        assert store.counts() == {"documents": 1, "mentions": 3, "events": 3}


def test_changed_text_replaces_old_events(db, doc, actors, events, make_event):
    with Store(db) as store:
        store.ingest(doc, actors, events)
        changed = dataclasses.replace(doc, text=doc.text + " Meer tekst.")
        new = make_event(cameo="042", cameo_name="Make a visit", root="04", quad_class=1, goldstein=1.9)
        assert store.ingest(changed, actors[:1], [new]) == "replaced"
        assert store.counts() == {"documents": 1, "mentions": 1, "events": 1}
        assert store.events(status=None) == [new.record()]
        assert store.documents(include_text=True)[0]["text"] == changed.text


def _state(store: Store) -> tuple:
    return store.counts(), store.events(status=None), store.mentions(), store.documents(include_text=True)


def test_failed_insert_leaves_earlier_state(db, doc, actors, events, make_event):
    with Store(db) as store:
        store.ingest(doc, actors, events)
        before = _state(store)
        broken = make_event(quad_class="not a number")  # DuckDB cannot cast it: the insert fails
        changed = dataclasses.replace(doc, text=doc.text + " Anders.")
        with pytest.raises(duckdb.Error):
            store.ingest(changed, actors, [make_event(), broken])
        assert _state(store) == before
        other = Document(doc_id="other", text="Iets anders.", date="2021-01-01")
        with pytest.raises(duckdb.Error):
            store.ingest(other, [], [make_event(doc_id="other", quad_class="x")])
        assert _state(store) == before


def test_exception_mid_transaction_rolls_back(db, doc, actors, events, monkeypatch):
    with Store(db) as store:
        store.ingest(doc, actors, events)
        before = _state(store)

        def explode(*args, **kwargs):
            raise RuntimeError("coder crashed")

        # Documents and mentions are already written (and the old rows deleted) when this raises.
        monkeypatch.setattr(store_module, "_event_row", explode)
        with pytest.raises(RuntimeError):
            store.ingest(dataclasses.replace(doc, text="Nieuw."), actors, events)
        assert _state(store) == before
        monkeypatch.undo()
        assert store.ingest(dataclasses.replace(doc, text="Nieuw."), actors, events) == "replaced"


def test_event_of_another_document_is_refused(db, doc, actors, make_event):
    with Store(db) as store:
        with pytest.raises(ValueError, match="other"):
            store.ingest(doc, actors, [make_event(doc_id="other")])
        assert store.counts() == {"documents": 0, "mentions": 0, "events": 0}


def test_records_round_trip_to_event_record(db, doc, actors, events):
    with Store(db) as store:
        store.ingest(doc, actors, events)
        got = store.events(status=None, doc_id="belarus_nl")
    # The negated event has no date of its own and sorts by the publication date (2020-08-12).
    assert got == [events[0].record(), events[2].record(), events[1].record()]
    assert got[1]["note"] == "Cichanoŭskaja" and got[1]["target"] is None
    assert got[2]["location"] is None


def test_mentions(db, doc, actors, events):
    with Store(db) as store:
        store.ingest(doc, actors, events)
        mentions = store.mentions("belarus_nl")
        assert store.mentions("absent") == []
    assert [m["text"] for m in mentions] == [a.text for a in actors]
    assert mentions[2] == {"doc_id": "belarus_nl", "text": "Onbekende Naam", "start": 70, "end": 84,
                           "code": None, "name": None, "country": None, "wikidata": None,
                           "label": "PER", "rule": None}  # fmt: skip


@pytest.fixture
def filled(db, doc, actors, events, make_event, make_actor) -> Iterator[Store]:
    store = Store(db)
    store.ingest(doc, actors, events)
    later = Document(doc_id="later", text="EU en VS.", date="2021-03-01")
    store.ingest(later, [], [
        make_event(doc_id="later", doc_date="2021-03-01", date="2021-02", date_precision="month",
                   source=make_actor("IGOEUREEC", "European Union", None, "EU", 0),
                   target=make_actor("USAGOV", "United States", "USA", "VS", 6)),
        make_event(doc_id="later", doc_date="2021-03-01", date=None, status="hypothetical",
                   source=make_actor("USAGOV", "United States", "USA", "VS", 6),
                   target=make_actor("BLRGOV", "Belarus", "BLR", "Wit-Rusland", 0)),
    ])  # fmt: skip
    yield store
    store.close()


def _codes(records: list[dict]) -> list[tuple[str, str | None]]:
    return [(r["source"]["code"], r["target"]["code"] if r["target"] else None) for r in records]


def test_status_filter_defaults_to_asserted(filled):
    assert {r["status"] for r in filled.events()} == {"asserted"}
    assert len(filled.events()) == 3
    assert len(filled.events(status=None)) == 5
    assert len(filled.events(status=["negated", "hypothetical"])) == 2
    assert len(filled.events(status="negated")) == 1
    assert filled.events(status=[]) == []


def test_actor_filter_matches_code_prefix_on_either_side(filled):
    assert _codes(filled.events(actor="BLR", status=None)) == [
        ("LTUGOV", "BLROPP"), ("BLRGOV", "LTUGOV"), ("USAGOV", "BLRGOV")]  # fmt: skip
    assert _codes(filled.events(actor="BLRGOV", status=None)) == [("BLRGOV", "LTUGOV"), ("USAGOV", "BLRGOV")]
    assert filled.events(actor="IGO") and filled.events(actor="XYZ") == []


def test_dyad_filter_is_undirected(filled):
    both_ways = [("LTUGOV", "BLROPP"), ("BLRGOV", "LTUGOV")]
    assert _codes(filled.events(dyad=("LTU", "BLR"), status=None)) == both_ways
    assert filled.events(dyad=("BLR", "LTU"), status=None) == filled.events(dyad=("LTU", "BLR"), status=None)
    assert _codes(filled.events(dyad=("USA", "IGOEUREEC"))) == [("IGOEUREEC", "USAGOV")]


def test_since_until_use_event_date_then_publication_date(filled):
    everything = filled.events(status=None)
    assert [r["date"] or r["doc_date"] for r in everything] == [
        "2020-08-11", "2020-08-11", "2020-08-12", "2021-02", "2021-03-01"]  # fmt: skip
    assert len(filled.events(since="2020-08-12", status=None)) == 3
    assert len(filled.events(until="2020-08-11", status=None)) == 2
    # "2021-02" is all of February: it overlaps a range that starts in the middle of it
    assert len(filled.events(since="2021-02-15", status=None)) == 2
    assert len(filled.events(until="2021-02-15", status=None)) == 4
    assert len(filled.events(since="2021", until="2021-02", status=None)) == 1
    assert len(filled.events(until="2020", status=None)) == 3


def test_limit_and_bad_dates(filled):
    assert len(filled.events(status=None, limit=2)) == 2
    with pytest.raises(KroniekError) as info:
        filled.events(since="12-08-2020")
    assert info.value.error is Errors.E009
    with pytest.raises(KroniekError):
        filled.events(until="2020-13-01")


def test_export_parquet_readable_by_duckdb(filled, tmp_path):
    out = tmp_path / "events.parquet"
    assert filled.export_parquet(out, actor="BLR", status=None) == 3
    con = duckdb.connect()
    rel = con.execute("SELECT * FROM read_parquet(?)", [str(out)])
    # the contract's columns, kroniek's own fields, then any other field a record carries ("note")
    assert tuple(d[0] for d in rel.description) == COLUMNS + EXTRA_COLUMNS + ("note",)
    rows = rel.fetchall()
    assert [(r[COLUMNS.index("source_code")], r[COLUMNS.index("target_code")]) for r in rows] == [
        ("LTUGOV", "BLROPP"), ("BLRGOV", "LTUGOV"), ("USAGOV", "BLRGOV")]  # fmt: skip


def test_garbage_file_is_a_one_line_error_naming_the_path(tmp_path):
    garbage = tmp_path / "notes.duckdb"
    garbage.write_bytes(b"this is not a database\n" * 400)
    with pytest.raises(KroniekError) as info:
        Store(garbage)
    message = str(info.value)
    assert str(garbage) in message and "\n" not in message and info.value.error is Errors.E014


def test_missing_database_read_only_is_an_error(tmp_path):
    with pytest.raises(KroniekError, match="absent.duckdb"):
        Store(tmp_path / "absent.duckdb", read_only=True)


def test_foreign_duckdb_file_is_refused(tmp_path):
    path = tmp_path / "other.duckdb"
    duckdb.connect(str(path)).execute("CREATE TABLE events (x INTEGER)").close()
    with pytest.raises(KroniekError, match="not a kroniek database"):
        Store(path)


def test_locked_file_is_a_one_line_error(db):
    Store(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); sys.stdin.read()",
         str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(KroniekError) as info:
            Store(db, timeout=0.3)
        assert str(db) in str(info.value) and "locked" in str(info.value) and "waited 0.3 s" in str(info.value)
    finally:
        holder.communicate("", timeout=30)
