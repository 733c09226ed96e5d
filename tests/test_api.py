"""The Python API as users call it: kroniek.analyze, kroniek.load_pipeline, kroniek.Store."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from spacy.language import Language
from typer.testing import CliRunner

import kroniek
from kroniek.cli import app
from kroniek.errors import KroniekError

SANCTIES = "De Europese Unie heeft maandag nieuwe sancties opgelegd aan Rusland."
NIEUWS = Path(__file__).parent / "resources" / "nieuws"
EVENT_FIELDS = {
    "doc_id", "doc_date", "sentence_index", "sentence", "source", "target", "cameo", "cameo_name",
    "root", "quad_class", "goldstein", "plover", "date", "date_precision", "location", "status",
    "evidence", "confidence",
}  # fmt: skip


def test_analyze_returns_contract_records() -> None:
    text = "Het was een drukke week in Brussel. " + SANCTIES
    events = kroniek.analyze(text, lang="nl", date="2014-04-28")
    assert isinstance(events, list) and len(events) == 1
    [event] = events
    assert set(event) >= EVENT_FIELDS
    assert event["doc_id"] == "text" and event["doc_date"] == "2014-04-28"
    assert event["sentence_index"] == 1 and event["sentence"] == SANCTIES
    assert (event["source"]["code"], event["cameo"], event["target"]["code"]) == ("IGOEUREEC", "163", "RUS")
    assert (event["root"], event["quad_class"], event["status"]) == ("16", 4, "asserted")
    assert (event["date"], event["date_precision"]) == ("2014-04-28", "day")
    for actor in (event["source"], event["target"]):
        assert text[actor["start"] : actor["end"]] == actor["text"]
    assert 0 <= event["evidence"]["start"] < event["evidence"]["end"] <= len(text)


def test_analyze_without_a_date_has_null_doc_date() -> None:
    [event] = kroniek.analyze("Rusland annexeerde de Krim.")
    assert event["doc_date"] is None
    assert (event["source"]["code"], event["root"], event["target"]["code"]) == ("RUS", "19", "UKR")


def test_analyze_keeps_negated_events_out_unless_asked() -> None:
    text = "Rusland heeft Oekraïne niet aangevallen."
    assert kroniek.analyze(text, lang="nl") == []
    [event] = kroniek.analyze(text, lang="nl", include_all=True)
    assert event["status"] == "negated" and event["root"] == "19"


def test_analyze_a_text_without_events_is_empty() -> None:
    assert kroniek.analyze("Het regent vandaag in Utrecht.", lang="nl") == []


def test_analyze_an_unsupported_language_raises_a_kroniek_error() -> None:
    with pytest.raises(KroniekError, match=r"no pipeline for language 'de'.*\[E010\]"):
        kroniek.analyze("Russland hat die Krim annektiert.", lang="de")


def test_load_pipeline_returns_a_spacy_language_with_a_parser() -> None:
    nlp = kroniek.load_pipeline("nl")
    assert isinstance(nlp, Language)
    assert nlp.lang == "nl" and "parser" in nlp.pipe_names
    assert kroniek.load_pipeline("nl") is nlp  # loaded once per process
    doc = nlp(SANCTIES)
    assert doc.has_annotation("DEP") and len(list(doc.sents)) == 1


def test_store_is_a_context_manager(tmp_path: Path) -> None:
    path = tmp_path / "api.duckdb"
    with kroniek.Store(path) as store:
        assert store.counts() == {"documents": 0, "mentions": 0, "events": 0}
    assert path.exists()
    with pytest.raises(KroniekError, match=r"the store is closed \[E014\]"):  # closed on leaving the block
        store.counts()


def test_store_reads_what_the_cli_ingested(tmp_path: Path) -> None:
    path = tmp_path / "gedeeld.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(NIEUWS), "--db", str(path)])
    assert result.exit_code == 0, result.output
    with kroniek.Store(path, read_only=True) as store:
        assert store.counts()["documents"] == 4
        events = store.events(dyad=("IGOEUREEC", "RUS"))
        assert ("sancties", "163") in {(e["doc_id"], e["cameo"]) for e in events}
        assert all(set(e) >= EVENT_FIELDS for e in events)
        assert {d["doc_id"] for d in store.documents()} == {
            "sancties", "buitenland/belarus", "krim-2014", "iran-sancties",
        }  # fmt: skip


@pytest.mark.parametrize("date", ["2020-13-45", "gisteren", "12-08-2020"])
def test_analyze_refuses_an_impossible_date_on_one_line(date: str) -> None:
    with pytest.raises(KroniekError) as info:
        kroniek.analyze(SANCTIES, date=date)
    assert str(info.value) == (f"kroniek.analyze: date: invalid date {date!r}: use YYYY-MM-DD (or YYYY-MM, YYYY, "
                               "an ISO timestamp) [E009]")  # fmt: skip


@pytest.mark.parametrize(("args", "kwargs", "message"), [
    ((5,), {}, "kroniek.analyze: text must be a str, got int 5"),
    ((b"Rusland",), {}, "kroniek.analyze: text must be a str, got bytes b'Rusland'"),
    ((SANCTIES,), {"date": 20200812}, "kroniek.analyze: date must be a str (YYYY-MM-DD) or None, got int 20200812"),
    ((SANCTIES,), {"lang": None}, "kroniek.analyze: lang must be a str such as 'nl' or 'en', got NoneType None"),
])  # fmt: skip
def test_analyze_says_which_argument_has_the_wrong_type(args, kwargs, message) -> None:
    with pytest.raises(TypeError) as info:
        kroniek.analyze(*args, **kwargs)
    assert str(info.value) == message


def test_analyze_takes_the_common_date_forms_and_language_tags() -> None:
    [event] = kroniek.analyze("Rusland annexeerde de Krim.", lang="nl-NL", date="2014-03")
    assert (event["doc_date"], event["date"], event["date_precision"]) == ("2014-03", "2014-03", "month")
    [event] = kroniek.analyze(SANCTIES, lang="auto", date="2014-04-28T10:00:00+02:00")
    assert (event["doc_date"], event["cameo"]) == ("2014-04-28", "163")


def test_analyze_of_markup_says_it_cannot_tell_the_language() -> None:
    with pytest.raises(KroniekError, match=r"cannot tell the language.*\[E019\]"):
        kroniek.analyze("<<<<>>>> not <html", lang="auto")
    assert kroniek.analyze("   ", lang="auto") == []


def test_store_opened_as_the_readme_shows_holds_no_lock(tmp_path: Path) -> None:
    path = tmp_path / "open.duckdb"
    with kroniek.Store(path) as store:
        store.events(dyad=("IGOEUREEC", "BLR"))
        con = duckdb.connect(str(path))  # another writer gets the file while the store is open
        con.execute("SELECT count(*) FROM events").fetchall()
        con.close()
        assert store.counts()["events"] == 0
