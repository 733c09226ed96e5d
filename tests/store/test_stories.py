"""Story clusters: reprints grouped by their text, events aggregated with GDELT's counts."""

from __future__ import annotations

from dataclasses import replace

import duckdb
import pytest
from reprints import REPRINTS

from kroniek.export.gdelt import gdelt_row
from kroniek.model import Document
from kroniek.store import Store
from kroniek.store.stories import aggregate, outlet, shingle_sample, text_hash

BY_ID = {r["id"]: r for r in REPRINTS}


def _doc(doc_id: str, text: str | None = None, url: str | None = None) -> Document:
    r = BY_ID.get(doc_id, {})
    return Document(doc_id=doc_id, text=text or r["text"], date="2020-08-12", lang=r.get("lang", "en"),
                    title=r.get("title"), url=url if url is not None else r.get("url"))


def _stories(path) -> dict[str, str]:
    with duckdb.connect(str(path), read_only=True) as con:
        return dict(con.execute("SELECT doc_id, story_id FROM stories").fetchall())


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "k.duckdb") as store:
        yield store


def test_the_hash_ignores_case_punctuation_and_spacing():
    assert text_hash("Lithuania granted asylum, on Tuesday.") == text_hash("lithuania  granted asylum on\nTuesday")
    assert text_hash("Lithuania granted asylum") != text_hash("Latvia granted asylum")


def test_a_reprint_under_another_headline_a_shortened_and_an_updated_version_join_the_story(store):
    for doc_id in ("herald-asylum", "courier-asylum", "daily-asylum", "courier-asylum-update"):
        store.ingest(_doc(doc_id), [], [])
    assert set(_stories(store.path).values()) == {"herald-asylum"}


def test_a_translation_and_another_story_on_the_same_topic_stay_apart(store):
    for doc_id in ("herald-asylum", "herald-poland", "nos-asiel"):
        store.ingest(_doc(doc_id), [], [])
    assert _stories(store.path) == {d: d for d in ("herald-asylum", "herald-poland", "nos-asiel")}


def test_a_shared_paragraph_is_not_a_reprint(store):
    """Two stories that share a stock closing paragraph but little else are two stories."""
    tail = "\n\n" + REPRINTS[0]["text"].split("\n\n")[-1]
    store.ingest(_doc("herald-poland", REPRINTS[4]["text"] + tail), [], [])
    store.ingest(_doc("herald-asylum"), [], [])
    assert _stories(store.path)["herald-asylum"] == "herald-asylum"


def test_a_shortened_version_stored_first_takes_in_the_longer_one(store):
    store.ingest(_doc("daily-asylum"), [], [])
    store.ingest(_doc("herald-asylum"), [], [])
    assert _stories(store.path)["herald-asylum"] == "daily-asylum"


def test_a_replaced_document_is_grouped_again(store):
    store.ingest(_doc("herald-asylum"), [], [])
    store.ingest(_doc("courier-asylum"), [], [])
    store.ingest(_doc("courier-asylum", REPRINTS[4]["text"]), [], [])  # courier's page now holds another story
    assert _stories(store.path)["courier-asylum"] == "courier-asylum"


def test_a_database_from_before_stories_is_grouped_when_opened_for_writing(tmp_path, make_event):
    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        for doc_id in ("herald-asylum", "courier-asylum"):
            store.ingest(_doc(doc_id), [], [make_event(doc_id=doc_id)])
    with duckdb.connect(str(path)) as con:
        con.execute("DROP TABLE stories")
        con.execute("DROP TABLE shingles")
    with Store(path, read_only=True) as old:  # read-only: every document its own story
        assert [e["story_id"] for e in old.story_events()] == ["courier-asylum", "herald-asylum"]
    with Store(path) as store:
        assert [e["num_articles"] for e in store.story_events()] == [2]
    assert _stories(path) == {"herald-asylum": "herald-asylum", "courier-asylum": "herald-asylum"}


def test_short_texts_have_few_sampled_shingles_and_never_match_on_them_alone():
    assert len(shingle_sample("Lithuania granted asylum.")) == 0


def test_outlets_are_hosts_without_www():
    assert outlet("https://www.herald.example/world/x") == "herald.example"
    assert outlet("http://courier.example:8080/a") == "courier.example"
    assert outlet(None) is None


def _mention(make_event, doc_id: str, sentence: int = 0, **changes):
    return make_event(doc_id=doc_id, sentence_index=sentence, **changes)


def test_events_of_a_story_are_one_event_with_gdelt_s_counts(store, make_event):
    """Four articles from three outlets, one of which names the event twice: 5 mentions."""
    store.ingest(_doc("herald-asylum"), [], [_mention(make_event, "herald-asylum"),
                                             _mention(make_event, "herald-asylum", 3)])
    for doc_id in ("courier-asylum", "daily-asylum", "courier-asylum-update"):
        store.ingest(_doc(doc_id), [], [_mention(make_event, doc_id)])
    store.ingest(_doc("nos-asiel"), [], [_mention(make_event, "nos-asiel")])
    events = store.story_events()
    assert [(e["story_id"], e["num_mentions"], e["num_sources"], e["num_articles"]) for e in events] == [
        ("herald-asylum", 5, 3, 4), ("nos-asiel", 1, 1, 1)]
    traced = events[0]["mentions"]
    assert [(m["doc_id"], m["sentence_index"]) for m in traced] == [
        ("courier-asylum", 0), ("courier-asylum-update", 0), ("daily-asylum", 0),
        ("herald-asylum", 0), ("herald-asylum", 3)]
    assert all(m["evidence"]["rule"] == "nl:onderdak_bieden" for m in traced)
    assert len(store.events()) == 6  # the mentions themselves, unchanged


def test_other_codes_actors_dates_or_statuses_are_other_events(store, make_event, make_actor):
    store.ingest(_doc("herald-asylum"), [], [_mention(make_event, "herald-asylum")])
    store.ingest(_doc("courier-asylum"), [], [
        _mention(make_event, "courier-asylum", 0),
        _mention(make_event, "courier-asylum", 1, cameo="042", root="04"),
        _mention(make_event, "courier-asylum", 2, date="2020-08-10"),
        _mention(make_event, "courier-asylum", 3, status="reported"),
        _mention(make_event, "courier-asylum", 4, source=make_actor("POLGOV", "Poland", "POL", "Polen", 0)),
    ])
    counts = [e["num_mentions"] for e in store.story_events(status=None)]
    assert sorted(counts) == [1, 1, 1, 1, 2]
    assert len(store.story_events()) == 4  # asserted only by default
    assert len(store.story_events(limit=2)) == 2


def test_the_gdelt_row_carries_the_counts(make_event):
    record = aggregate([make_event(doc_id="a").record(), make_event(doc_id="b").record()],
                       {"a": ("a", "herald.example"), "b": ("a", "courier.example")})[0]
    row = gdelt_row(record)
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("2", "2", "2")
    single = gdelt_row(make_event().record())
    assert (single["NumMentions"], single["NumSources"], single["NumArticles"]) == ("1", "1", "1")


def test_documents_without_url_are_each_their_own_source(store, make_event):
    store.ingest(replace(_doc("herald-asylum"), url=None), [], [_mention(make_event, "herald-asylum")])
    store.ingest(replace(_doc("courier-asylum"), url=None), [], [_mention(make_event, "courier-asylum")])
    (event,) = store.story_events()
    assert (event["num_sources"], event["num_articles"]) == (2, 2)
