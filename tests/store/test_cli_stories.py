"""The bar of issue 17 item 4: on our own reprints, coded by the pipeline, every story is one event
with the right counts; `--mentions` gives each mention; the GDELT export carries the counts."""

from __future__ import annotations

import csv
import json

import pytest
from reprints import REPRINTS
from typer.testing import CliRunner

from kroniek.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reprints")
    articles = folder / "reprints.jsonl"
    articles.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in REPRINTS), encoding="utf-8")
    path = folder / "k.duckdb"
    result = runner.invoke(app, ["ingest", str(articles), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def _events(db, *args: str) -> list[dict]:
    result = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_every_story_is_one_event_with_the_right_counts(db):
    found = {(e["story_id"], e["source"]["code"], e["target"]["code"], e["cameo"]):
             (e["num_mentions"], e["num_sources"], e["num_articles"]) for e in _events(db)}
    assert found == {
        ("herald-asylum", "LTU", "BLROPP", "075"): (4, 3, 4),  # herald, courier twice, daily
        ("herald-poland", "POL", "BLROPP", "075"): (1, 1, 1),  # another story on the same topic
        ("nos-asiel", "LTU", "BLROPP", "075"): (1, 1, 1),  # the translation
    }


def test_each_mention_is_traced_to_its_document_and_evidence(db):
    (story,) = [e for e in _events(db) if e["story_id"] == "herald-asylum"]
    texts = {r["id"]: r["text"] for r in REPRINTS}
    assert sorted(m["doc_id"] for m in story["mentions"]) == [
        "courier-asylum", "courier-asylum-update", "daily-asylum", "herald-asylum"]
    for mention in story["mentions"]:
        span = texts[mention["doc_id"]][mention["evidence"]["start"] : mention["evidence"]["end"]]
        assert "granted asylum" in span


def test_mentions_are_the_raw_events(db):
    raw = _events(db, "--mentions")
    assert len(raw) == 6 and all("num_mentions" not in e for e in raw)


def test_the_gdelt_export_fills_the_three_counts(db):
    result = runner.invoke(app, ["events", "--db", str(db), "--format", "gdelt"])
    rows = list(csv.DictReader(result.stdout.splitlines(), delimiter="\t"))
    counts = sorted((r["NumMentions"], r["NumSources"], r["NumArticles"]) for r in rows)
    assert counts == [("1", "1", "1"), ("1", "1", "1"), ("4", "3", "4")]
