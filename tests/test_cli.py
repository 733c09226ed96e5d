"""End-to-end tests of the `kroniek` command, run as users run it (docs/CONTRACT.md).

Most tests run the Typer app in-process with CliRunner, so the spaCy pipeline loads once per
session; two tests run the installed console script to prove the entry point and exit statuses.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from kroniek.cli import app
from kroniek.read import read_inputs
from kroniek.read.ids import text_hash

RESOURCES = Path(__file__).parent / "resources"
NIEUWS = RESOURCES / "nieuws"  # sancties.txt, buitenland/belarus.html, artikelen.jsonl
KRONIEK = Path(sys.executable).with_name("kroniek")

EVENT_FIELDS = {
    "doc_id", "doc_date", "sentence_index", "sentence", "source", "target", "cameo", "cameo_name",
    "root", "quad_class", "goldstein", "plover", "date", "date_precision", "location", "status",
    "evidence", "confidence",
}  # fmt: skip
ACTOR_FIELDS = {"code", "name", "country", "wikidata", "text", "start", "end"}
STATUSES = {"asserted", "negated", "hypothetical", "demanded", "reported"}
SUMMARY = re.compile(
    r"(\d+) added, (\d+) replaced, (\d+) unchanged; store .*: (\d+) documents, (\d+) actor mentions, (\d+) events"
)

# Click >= 8.2 always keeps stderr apart: result.stdout, result.stderr; result.output mixes both.
runner = CliRunner()


def kroniek(*args: str, input: str | bytes | None = None, env: dict[str, str] | None = None) -> Result:
    return runner.invoke(app, [str(a) for a in args], input=input, env=env)


def jsonl(result: Result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def stderr_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def assert_no_traceback(result: Result) -> None:
    assert "Traceback" not in result.output
    assert result.exc_info is None or result.exc_info[0] is SystemExit, result.exc_info


def key(record: dict) -> tuple:
    target = record["target"]["code"] if record["target"] else None
    return record["doc_id"], record["source"]["code"], record["cameo"], target


def document_texts(*paths: Path) -> dict[str, str]:
    """doc_id -> the document text the offsets index (after HTML extraction)."""
    return {d.doc_id: d.text for d in read_inputs([str(p) for p in paths])}


def assert_actor(actor: dict, text: str) -> None:
    assert set(actor) >= ACTOR_FIELDS
    assert actor["code"] is None or isinstance(actor["code"], str)
    for name in ("name", "country", "wikidata"):
        assert actor[name] is None or isinstance(actor[name], str)
    assert isinstance(actor["start"], int) and isinstance(actor["end"], int)
    assert text[actor["start"] : actor["end"]] == actor["text"]


def assert_event_record(record: dict, text: str) -> None:
    """One event record has every contract field, with the contract's types and offsets."""
    assert set(record) >= EVENT_FIELDS
    assert isinstance(record["doc_id"], str) and record["doc_id"]
    assert record["doc_date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", record["doc_date"])
    assert isinstance(record["sentence_index"], int) and record["sentence_index"] >= 0
    assert isinstance(record["sentence"], str) and record["sentence"] in text
    assert_actor(record["source"], text)
    assert record["target"] is None or assert_actor(record["target"], text) is None
    assert re.fullmatch(r"\d{3,4}", record["cameo"]) and record["cameo"].startswith(record["root"])
    assert isinstance(record["cameo_name"], str) and record["cameo_name"]
    assert re.fullmatch(r"\d{2}", record["root"])
    assert record["quad_class"] in (1, 2, 3, 4)
    assert isinstance(record["goldstein"], int | float) and -10 <= record["goldstein"] <= 10
    assert set(record["plover"]) >= {"event_type", "mode"}
    assert record["date"] is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", record["date"])
    assert record["date_precision"] in ({None} if record["date"] is None else {"day", "month", "year"})
    assert record["location"] is None or isinstance(record["location"], dict)
    assert record["status"] in STATUSES
    evidence = record["evidence"]
    assert set(evidence) >= {"start", "end", "rule"}
    assert 0 <= evidence["start"] < evidence["end"] <= len(text)
    assert isinstance(evidence["rule"], str) and evidence["rule"]
    assert isinstance(record["confidence"], float) and 0 <= record["confidence"] <= 1


@pytest.fixture(scope="module")
def analyzed_all() -> Result:
    """`kroniek analyze` on the resource folder, every status, with a default date."""
    return kroniek("analyze", NIEUWS, "--format", "jsonl", "--all", "--date", "2021-01-01")


@pytest.fixture(scope="module")
def analyzed() -> Result:
    return kroniek("analyze", NIEUWS, "--format", "jsonl")


# -- analyze: formats ----------------------------------------------------------------------------


def test_analyze_folder_jsonl_records_follow_the_contract(analyzed_all: Result) -> None:
    assert analyzed_all.exit_code == 0, analyzed_all.output
    records = jsonl(analyzed_all)
    texts = document_texts(NIEUWS)
    for record in records:
        assert_event_record(record, texts[record["doc_id"]])
    found = {key(r) for r in records}
    assert ("sancties", "IGOEUREEC", "163", "RUS") in found
    assert ("krim-2014", "RUS", "192", "UKR") in found
    assert ("buitenland/belarus", "LTU", "075", "BLROPP") in found
    assert ("iran-sancties", "USA", "163", "IRN") in found


def test_analyze_every_jsonl_line_parses(analyzed: Result) -> None:
    assert analyzed.exit_code == 0
    lines = [line for line in analyzed.stdout.splitlines() if line.strip()]
    assert lines and all(isinstance(json.loads(line), dict) for line in lines)
    # the two documents without a date are named in one warning; nothing else is said
    assert stderr_lines(analyzed) == [
        "kroniek: warning: 2 document(s) without a date (iran-sancties, sancties): their events are undated "
        "and left out by --since/--until; pass --date [W002]"]


def test_doc_ids_are_relative_paths_without_extension_and_jsonl_ids(analyzed_all: Result) -> None:
    assert {r["doc_id"] for r in jsonl(analyzed_all)} == {
        "sancties", "buitenland/belarus", "krim-2014", "iran-sancties",
    }  # fmt: skip


def test_a_file_named_directly_has_its_stem_as_doc_id() -> None:
    result = kroniek("analyze", NIEUWS / "buitenland" / "belarus.html", "--format", "jsonl")
    assert result.exit_code == 0
    assert {r["doc_id"] for r in jsonl(result)} == {"belarus"}


def test_date_option_fills_in_only_documents_without_a_date(analyzed_all: Result) -> None:
    doc_dates = {r["doc_id"]: r["doc_date"] for r in jsonl(analyzed_all)}
    assert doc_dates["sancties"] == "2021-01-01"  # plain text has no date of its own
    assert doc_dates["iran-sancties"] == "2021-01-01"  # JSON Lines article without "date"
    assert doc_dates["krim-2014"] == "2014-03-18"  # the article's own date wins
    assert doc_dates["buitenland/belarus"] == "2020-08-14"  # the HTML page's date wins


def test_without_date_plain_text_has_null_doc_date(analyzed: Result) -> None:
    doc_dates = {r["doc_id"]: r["doc_date"] for r in jsonl(analyzed)}
    assert doc_dates["sancties"] is None


def test_only_asserted_events_by_default_others_with_all(analyzed: Result, analyzed_all: Result) -> None:
    default = jsonl(analyzed)
    everything = jsonl(analyzed_all)
    assert {r["status"] for r in default} == {"asserted"}
    negated = [r for r in everything if r["status"] == "negated"]
    assert [key(r) for r in negated] == [("buitenland/belarus", "RUS", "190", "UKR")]
    assert "Rusland heeft Oekraïne niet aangevallen." in negated[0]["sentence"]
    assert ("buitenland/belarus", "RUS", "190", "UKR") not in {key(r) for r in default}
    assert {key(r) for r in default} <= {key(r) for r in everything}


def test_negation_by_geen_on_the_object_is_negated() -> None:
    result = kroniek("analyze", "-", "--all", "--format", "jsonl", "--lang", "nl",
                     input="Rusland heeft geen sancties opgelegd aan Oekraïne.\n")  # fmt: skip
    assert result.exit_code == 0
    statuses = [r["status"] for r in jsonl(result)]
    assert statuses == ["negated"], statuses
    assert kroniek("analyze", "-", "--format", "jsonl", "--lang", "nl",
                   input="Rusland heeft geen sancties opgelegd aan Oekraïne.\n").stdout == ""  # fmt: skip


def test_explain_names_the_negating_word() -> None:
    result = kroniek("explain", "-", "--lang", "nl", input="Rusland heeft geen sancties opgelegd aan Oekraïne.\n")
    assert result.exit_code == 0
    assert "[negated: negated by 'geen']" in result.stdout


def test_sentences_on_separate_lines_are_separate_sentences(tmp_path: Path) -> None:
    (tmp_path / "regels.txt").write_text(
        "De Europese Unie heeft maandag nieuwe sancties opgelegd aan Rusland.\nRusland annexeerde de Krim.\n",
        encoding="utf-8",
    )
    records = jsonl(kroniek("analyze", tmp_path, "--format", "jsonl"))
    assert {(r["sentence_index"], r["source"]["code"], r["root"]) for r in records} == {
        (0, "IGOEUREEC", "16"), (1, "RUS", "19"),
    }  # fmt: skip


@pytest.mark.parametrize("fmt,delimiter", [("csv", ","), ("tsv", "\t")])
def test_analyze_csv_and_tsv_have_a_header_and_flat_rows(fmt: str, delimiter: str, analyzed: Result) -> None:
    result = kroniek("analyze", NIEUWS, "--format", fmt)
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout), delimiter=delimiter))
    header = result.stdout.splitlines()[0].split(delimiter)
    assert header[0] == "doc_id"
    assert {"source_code", "source_name", "target_code", "cameo", "status", "evidence_rule", "confidence"} <= set(
        header
    )
    records = jsonl(analyzed)
    assert len(rows) == len(records)
    for row, record in zip(rows, records, strict=True):
        assert row["doc_id"] == record["doc_id"]
        assert row["source_code"] == record["source"]["code"]
        assert row["cameo"] == record["cameo"]
        assert int(row["source_start"]) == record["source"]["start"]
        assert row["sentence"] == record["sentence"]


def test_analyze_table_has_a_header_and_status_column_only_with_all() -> None:
    plain = kroniek("analyze", NIEUWS)
    everything = kroniek("analyze", NIEUWS, "--all", "--format", "table")
    assert plain.exit_code == everything.exit_code == 0
    header = plain.stdout.splitlines()[0].split()
    assert {"SOURCE", "EVENT", "TARGET"} <= set(header) and "STATUS" not in header
    assert "STATUS" in everything.stdout.splitlines()[0].split()
    assert "IGOEUREEC" in plain.stdout and "negated" not in plain.stdout
    assert "negated" in everything.stdout


def test_stdin_dash_reads_text_and_uses_the_date() -> None:
    result = kroniek("analyze", "-", "--format", "jsonl", "--date", "2014-04-28",
                     input="De Europese Unie heeft maandag nieuwe sancties opgelegd aan Rusland.\n")  # fmt: skip
    assert result.exit_code == 0, result.output
    records = jsonl(result)
    text = "De Europese Unie heeft maandag nieuwe sancties opgelegd aan Rusland.\n"
    assert [key(r) for r in records] == [(f"stdin-{text_hash(text)}", "IGOEUREEC", "163", "RUS")]
    assert records[0]["doc_date"] == "2014-04-28"
    assert records[0]["date"] == "2014-04-28"  # "maandag" is the Monday of the publication week
    assert_event_record(records[0], "De Europese Unie heeft maandag nieuwe sancties opgelegd aan Rusland.\n")


def test_stdin_dash_reads_json_lines() -> None:
    line = json.dumps({"id": "uit-stdin", "text": "De NAVO veroordeelde Rusland.", "date": "2014-03-18"})
    result = kroniek("analyze", "-", "--format", "jsonl", input=line + "\n")
    assert result.exit_code == 0, result.output
    assert [key(r) for r in jsonl(result)] == [("uit-stdin", "IGOWSTNAT", "111", "RUS")]


# -- analyze: bad input --------------------------------------------------------------------------


@pytest.fixture
def bad_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "invoer"
    folder.mkdir()
    (folder / "goed.txt").write_text("Rusland annexeerde de Krim.\n", encoding="utf-8")
    (folder / "binair.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00" + bytes(range(256)))
    (folder / "leeg.txt").write_bytes(b"")
    (folder / "kapot.txt").write_bytes(b"\xef\xbb\xbfDe Europese Unie heeft \xc3\x28 sancties \xff opgelegd.")
    (folder / "gemengd.jsonl").write_text(
        json.dumps({"id": "goed-1", "text": "De NAVO veroordeelde Rusland."}) + "\n"
        + '{"id": "stuk", "text": \n'
        + json.dumps({"id": "goed-2", "text": "De Verenigde Staten hebben sancties opgelegd aan Iran."}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    return folder


def test_bad_inputs_fail_one_line_each_and_the_batch_goes_on(bad_folder: Path) -> None:
    missing = bad_folder.parent / "bestaat-niet.txt"
    result = kroniek("analyze", bad_folder, missing, "--format", "jsonl", "--date", "2024-03-15")
    assert result.exit_code == 1
    assert_no_traceback(result)
    errors = stderr_lines(result)
    assert len(errors) == 5, errors
    expected = {
        "binair.txt": "E003", "leeg.txt": "E004", "kapot.txt": "E005", "gemengd.jsonl": "E006",
        "bestaat-niet.txt": "E001",
    }  # fmt: skip
    for name, code in expected.items():
        [line] = [e for e in errors if name in e]
        assert line.startswith("kroniek: ") and code in line
    assert "line 2" in next(e for e in errors if "gemengd.jsonl" in e)
    assert {r["doc_id"] for r in jsonl(result)} == {"goed", "goed-1", "goed-2"}


def test_bad_date_is_a_usage_error() -> None:
    result = kroniek("analyze", NIEUWS, "--date", "2020-13-45")
    assert result.exit_code == 2
    assert_no_traceback(result)
    assert stderr_lines(result) == [
        "kroniek: invalid date '2020-13-45': use YYYY-MM-DD (or YYYY-MM, YYYY, an ISO timestamp) [E009]"]
    assert result.stdout == ""


def test_unsupported_lang_option_is_a_usage_error() -> None:
    result = kroniek("analyze", NIEUWS, "--lang", "de")
    assert result.exit_code == 2
    assert_no_traceback(result)
    assert "--lang" in result.stderr and "'de'" in result.stderr


def test_a_german_document_fails_on_one_line_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "duits.txt").write_text(
        "Die Europäische Union hat am Montag neue Sanktionen gegen Russland verhängt. "
        "Die Regierung in Moskau kritisierte die Entscheidung scharf.\n",
        encoding="utf-8",
    )
    (tmp_path / "nederlands.txt").write_text("Rusland annexeerde de Krim.\n", encoding="utf-8")
    result = kroniek("analyze", tmp_path, "--format", "jsonl", "--date", "2014-03-18")
    assert result.exit_code == 1
    assert_no_traceback(result)
    [error] = stderr_lines(result)
    assert "duits.txt" in error and "'de'" in error and "E010" in error
    assert [key(r) for r in jsonl(result)] == [("nederlands", "RUS", "192", "UKR")]


# -- ingest and events ---------------------------------------------------------------------------


def summary(result: Result) -> dict[str, int]:
    match = SUMMARY.search(result.stderr)
    assert match, result.stderr
    names = ("added", "replaced", "unchanged", "documents", "mentions", "events")
    return dict(zip(names, map(int, match.groups()), strict=True))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[dict]]:
    """A corpus copy ingested twice into a DuckDB file; (corpus, db, the two summaries)."""
    root = tmp_path_factory.mktemp("store")
    corpus = root / "nieuws"
    shutil.copytree(NIEUWS, corpus)
    db = root / "kroniek-test.duckdb"
    runs = []
    for _ in range(2):
        result = kroniek("ingest", corpus, "--db", db)
        assert result.exit_code == 0, result.output
        runs.append(summary(result))
    return corpus, db, runs


def test_ingest_twice_adds_nothing_the_second_time(store: tuple) -> None:
    _, db, (first, second) = store
    assert db.exists()
    assert first["added"] == first["documents"] == 4 and first["events"] > 0
    assert second == {**first, "added": 0, "unchanged": 4}


def test_events_from_the_store_follow_the_contract(store: tuple) -> None:
    corpus, db, (first, _) = store
    result = kroniek("events", "--db", db, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    records = jsonl(result)
    texts = document_texts(corpus)
    for record in records:
        assert_event_record(record, texts[record["doc_id"]])
        assert record["status"] == "asserted"
    everything = jsonl(kroniek("events", "--db", db, "--format", "jsonl", "--all"))
    assert len(everything) == first["events"]
    assert any(r["status"] == "negated" for r in everything)
    analyzed = jsonl(kroniek("analyze", corpus, "--format", "jsonl"))
    assert sorted(map(key, records)) == sorted(map(key, analyzed))


def test_events_dyad_is_undirected_and_matches_by_prefix(store: tuple) -> None:
    _, db, _ = store
    records = jsonl(kroniek("events", "--db", db, "--dyad", "IGOEUREEC", "RUS", "--format", "jsonl"))
    assert ("sancties", "IGOEUREEC", "163", "RUS") in {key(r) for r in records}
    for r in records:
        assert {r["source"]["code"][:3], r["target"]["code"][:3]} == {"IGO", "RUS"}
    reverse = jsonl(kroniek("events", "--db", db, "--dyad", "RUS", "IGOEUREEC", "--format", "jsonl"))
    assert reverse == records


def test_events_actor_filter(store: tuple) -> None:
    _, db, _ = store
    records = jsonl(kroniek("events", "--db", db, "--actor", "RUS", "--format", "jsonl"))
    assert len({r["doc_id"] for r in records}) >= 2
    for r in records:
        codes = [r["source"]["code"], r["target"]["code"] if r["target"] else ""]
        assert any(code.startswith("RUS") for code in codes)
    assert ("iran-sancties", "USA", "163", "IRN") not in {key(r) for r in records}


def test_events_since_until(store: tuple) -> None:
    _, db, _ = store
    records = jsonl(kroniek("events", "--db", db, "--since", "2014-01-01", "--until", "2014-12-31",
                            "--format", "jsonl"))  # fmt: skip
    assert records and {r["doc_id"] for r in records} == {"krim-2014"}
    later = jsonl(kroniek("events", "--db", db, "--since", "2020-08-01", "--format", "jsonl"))
    assert later and all((r["date"] or r["doc_date"]) >= "2020-08-01" for r in later)


def test_events_on_a_missing_database_is_a_usage_error(tmp_path: Path) -> None:
    missing = tmp_path / "nergens.duckdb"
    result = kroniek("events", "--db", missing)
    assert result.exit_code == 2
    assert_no_traceback(result)
    [line] = stderr_lines(result)
    assert str(missing) in line and "not found" in line
    assert not missing.exists()


def test_kroniek_db_environment_variable_is_honoured(store: tuple) -> None:
    _, db, _ = store
    by_option = kroniek("events", "--db", db, "--format", "jsonl")
    by_env = kroniek("events", "--format", "jsonl", env={"KRONIEK_DB": str(db)})
    assert by_env.exit_code == 0, by_env.output
    assert by_env.stdout == by_option.stdout != ""


def test_ingest_replaces_a_changed_document_without_duplicates(tmp_path: Path) -> None:
    corpus = tmp_path / "nieuws"
    shutil.copytree(NIEUWS, corpus)
    db = tmp_path / "env.duckdb"
    env = {"KRONIEK_DB": str(db)}
    assert kroniek("ingest", corpus, env=env).exit_code == 0  # the store named by KRONIEK_DB
    assert db.exists()
    (corpus / "sancties.txt").write_text(
        "De Europese Unie heeft maandag nieuwe sancties opgelegd aan Rusland. De NAVO veroordeelde Rusland.\n",
        encoding="utf-8",
    )
    result = kroniek("ingest", corpus, "--db", db)
    assert result.exit_code == 0, result.output
    counts = summary(result)
    assert (counts["added"], counts["replaced"], counts["unchanged"], counts["documents"]) == (0, 1, 3, 4)
    records = jsonl(kroniek("events", "--db", db, "--all", "--format", "jsonl"))
    assert len(records) == counts["events"]
    ids = [(r["doc_id"], r["sentence_index"], r["evidence"]["start"], r["cameo"]) for r in records]
    assert len(ids) == len(set(ids))
    sancties = {key(r) for r in records if r["doc_id"] == "sancties"}
    assert sancties == {("sancties", "IGOEUREEC", "163", "RUS"), ("sancties", "IGOWSTNAT", "111", "RUS")}


def test_ingest_defaults_to_kroniek_duckdb_in_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KRONIEK_DB", raising=False)
    result = kroniek("ingest", NIEUWS / "artikelen.jsonl")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "kroniek.duckdb").exists()
    assert summary(result)["documents"] == 2


# -- actors and actor ----------------------------------------------------------------------------


def test_actors_jsonl_fields_and_offsets() -> None:
    result = kroniek("actors", NIEUWS, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = jsonl(result)
    texts = document_texts(NIEUWS)
    for row in rows:
        assert set(row) - {"label"} == ACTOR_FIELDS | {"doc_id"}
        assert_actor(row, texts[row["doc_id"]])
        if row["code"] is None:
            assert isinstance(row["label"], str)
    found = {(r["doc_id"], r["text"], r["code"]) for r in rows}
    assert ("buitenland/belarus", "oppositieleider Tichanovskaja", "BLROPP") in found
    assert ("krim-2014", "NAVO", "IGOWSTNAT") in found


def test_actors_table_has_a_header() -> None:
    result = kroniek("actors", NIEUWS / "sancties.txt")
    assert result.exit_code == 0
    assert {"TEXT", "CODE"} <= set(result.stdout.splitlines()[0].split())
    assert "IGOEUREEC" in result.stdout


def test_actor_lookup_by_name_and_date() -> None:
    result = kroniek("actor", "Loekasjenko", "--date", "2020-08-12")
    assert result.exit_code == 0, result.output
    rows = jsonl(result)
    assert rows and rows[0]["code"] == "BLRGOV"


def test_actor_lookup_of_an_unknown_name_fails() -> None:
    result = kroniek("actor", "Xqzwrvlaan")
    assert result.exit_code == 1
    assert_no_traceback(result)
    assert stderr_lines(result) == ["kroniek: 'Xqzwrvlaan' is not in the knowledge base"]
    assert result.stdout == ""


# -- evaluate and explain ------------------------------------------------------------------------


def test_evaluate_json_on_a_tiny_gold_folder(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    article = {
        "id": "krim", "url": None, "date": "2014-03-18", "lang": "nl", "title": "Krim",
        "text": "Rusland annexeerde de Krim. De NAVO veroordeelde Rusland.",
        "events": [
            {"anchor": "Rusland annexeerde de Krim", "source": ["RUS"], "source_role": None,
             "target": ["UKR"], "target_role": None, "root": ["19"], "cameo": "192", "date": None,
             "optional": False, "note": ""},
            {"anchor": "De NAVO veroordeelde Rusland", "source": ["IGONAT"], "source_role": None,
             "target": ["RUS"], "target_role": None, "root": ["11"], "cameo": "111", "date": None,
             "optional": False, "note": ""},
        ],
        "non_events": [],
    }  # fmt: skip
    (gold / "krim.json").write_text(json.dumps(article, ensure_ascii=False), encoding="utf-8")
    result = kroniek("evaluate", gold, "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report["levels"]) == {"root", "quad", "dyad"}
    for level in report["levels"].values():
        assert {"tp", "fp", "fn", "precision", "recall", "f1"} <= set(level)
        assert level["tp"] + level["fn"] == 2
    assert report["levels"]["dyad"]["tp"] >= 1


def test_evaluate_on_a_missing_gold_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = kroniek("evaluate", tmp_path / "geen-goud")
    assert result.exit_code == 2
    assert_no_traceback(result)
    assert "E015" in result.stderr


def test_evaluate_on_the_shared_dev_set_prints_three_levels(shared_dir: Path) -> None:
    result = kroniek("evaluate", shared_dir / "eval" / "dev")
    assert result.exit_code == 0, result.output
    levels = {line.split()[0] for line in result.stdout.splitlines() if line.strip()}
    assert {"root", "quad", "dyad"} <= levels


def test_explain_shows_actors_and_fired_and_blocked_patterns() -> None:
    text = "De Europese Unie heeft maandag nieuwe sancties opgelegd aan Rusland. De NAVO veroordeelde het geweld.\n"
    result = kroniek("explain", "-", "--lang", "nl", input=text)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("== stdin")
    assert "[0] De Europese Unie heeft maandag nieuwe sancties opgelegd aan Rusland." in out
    assert re.search(r"actor\s+'Europese Unie'\s+-> IGOEUREEC", out)
    assert re.search(r"fired\s+nl:sancties-opleggen\s+on 'opgelegd': IGOEUREEC 163 .* -> RUS \[asserted\]", out)
    assert re.search(r"blocked\s+\S+\s+on 'veroordeelde': no target actor", out)


def test_explain_shows_where_an_event_took_place() -> None:
    text = "In Moskou arresteerde de politie zaterdag honderden demonstranten.\n"
    out = kroniek("explain", "-", "--lang", "nl", input=text).stdout
    assert re.search(r"fired\s+\S+\s+on 'arresteerde': .*\[asserted\] in Moskou \(55\.75, 37\.62\)", out), out


# -- the installed console script ----------------------------------------------------------------


def test_console_script_prints_events_and_exits_1_on_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "weg.txt"
    proc = subprocess.run(
        [str(KRONIEK), "analyze", str(NIEUWS / "sancties.txt"), str(missing), "--format", "jsonl",
         "--date", "2014-04-28"],
        capture_output=True, text=True, timeout=300, cwd=tmp_path,
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.splitlines() == [f"kroniek: {missing}: file not found [E001]"]
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert ("sancties", "IGOEUREEC", "163", "RUS") in {key(r) for r in records}


def test_console_script_exits_2_on_a_usage_error(tmp_path: Path) -> None:
    proc = subprocess.run([str(KRONIEK), "analyze", str(NIEUWS), "--date", "gisteren"],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)  # fmt: skip
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        "kroniek: invalid date 'gisteren': use YYYY-MM-DD (or YYYY-MM, YYYY, an ISO timestamp) [E009]"]
    assert "Traceback" not in proc.stderr


def test_a_50_megabyte_text_is_refused_on_one_line_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "groot.txt").write_bytes(b"Rusland annexeerde de Krim. " * 1_800_000)  # about 50 MB
    (tmp_path / "klein.txt").write_text("De Europese Unie veroordeelde Belarus.\n", encoding="utf-8")
    result = kroniek("analyze", tmp_path, "--format", "jsonl", "--date", "2024-03-15")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and "groot.txt" in errors[0] and "too large" in errors[0]
    assert "Traceback" not in result.stderr
    assert [r["doc_id"] for r in jsonl(result)] == ["klein"]


def test_a_text_too_long_for_one_document_gets_its_own_error(tmp_path: Path) -> None:
    (tmp_path / "lang.txt").write_text("Rusland annexeerde de Krim. " * 40_000, encoding="utf-8")  # 1.1 M chars
    result = kroniek("analyze", tmp_path, "--format", "jsonl")
    assert result.exit_code == 1
    assert "too long for one document" in result.stderr and "[E016]" in result.stderr


# -- progress and the demo table -----------------------------------------------------------------


def test_ingest_progress_bar_shows_the_total_and_an_eta(tmp_path: Path) -> None:
    """On a terminal (a pseudo-terminal here) the bar counts documents against their total."""
    import fcntl
    import os
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))  # a terminal 120 wide
    proc = subprocess.Popen([str(KRONIEK), "ingest", str(NIEUWS), "--db", str(tmp_path / "k.duckdb"),
                             "--date", "2024-03-15"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=slave, cwd=tmp_path)  # fmt: skip
    os.close(slave)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the other end closed: the process is done
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    assert proc.wait(timeout=300) == 0, shown
    text = shown.decode("utf-8", "replace")
    assert "4/4" in text, text  # the total is known before the first document is coded
    assert re.search(r"\[\d\d:\d\d<\d\d:\d\d", text), text  # elapsed<remaining: the ETA


def test_the_table_has_a_document_column() -> None:
    result = kroniek("analyze", NIEUWS, "--date", "2024-03-15")
    header, *rows = result.stdout.splitlines()
    assert header.split()[:3] == ["DATE", "DOCUMENT", "SOURCE"]
    assert {row.split()[1] for row in rows} >= {"sancties", "buitenland/belarus", "krim-2014"}
