"""What `kroniek analyze` and `kroniek ingest` make of awkward inputs, end to end: ids that never
collide, dates in their common forms, mixed encodings, short headlines, language tags, limits."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from kroniek.cli import app
from kroniek.read.ids import text_hash
from kroniek.store import Store

runner = CliRunner()
ISRAEL = "Het Israëlische leger heeft dinsdag Gaza gebombardeerd, meldde een “woordvoerder” van Hamas.\n"
SANCTIES = "De Europese Unie heeft maandag nieuwe sancties opgelegd aan Rusland.\n"


def kroniek(*args: object, input: str | bytes | None = None) -> Result:
    return runner.invoke(app, [str(a) for a in args], input=input)


def records(result: Result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def errors(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def test_ingest_of_two_folders_with_the_same_file_names_keeps_both(tmp_path):
    for site, actor in (("nos", "De Europese Unie"), ("nu", "De NAVO")):
        (tmp_path / "coll" / site).mkdir(parents=True)
        (tmp_path / "coll" / site / "artikel.txt").write_text(f"{actor} veroordeelde Rusland.\n", encoding="utf-8")
    db = tmp_path / "k.duckdb"
    result = kroniek("ingest", tmp_path / "coll" / "nos", tmp_path / "coll" / "nu", "--db", db, "--date", "2024-03-15")
    assert result.exit_code == 0, result.output
    assert "2 added, 0 replaced" in result.stderr
    with Store(db, read_only=True) as store:
        ids = {d["doc_id"] for d in store.documents()}
        assert ids == {f"{tmp_path}/coll/nos/artikel", f"{tmp_path}/coll/nu/artikel"}
        assert {e["source"]["code"] for e in store.events()} == {"IGOEUREEC", "IGOWSTNAT"}


def test_two_stdin_ingests_of_different_texts_both_stay(tmp_path):
    db = tmp_path / "k.duckdb"
    for text in (SANCTIES, "De NAVO veroordeelde Rusland.\n"):
        assert kroniek("ingest", "-", "--db", db, "--date", "2024-03-15", input=text).exit_code == 0
    with Store(db, read_only=True) as store:
        assert [d["doc_id"] for d in store.documents()] == sorted(
            [f"stdin-{text_hash(SANCTIES)}", f"stdin-{text_hash('De NAVO veroordeelde Rusland.' + chr(10))}"])


def test_a_repeated_jsonl_id_is_an_error_line_and_the_first_article_stays(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "x", "text": SANCTIES, "date": "2024-03-15"}) + "\n"
                    + json.dumps({"id": "x", "text": "De NAVO veroordeelde Rusland.", "date": "2024-03-15"}) + "\n",
                    encoding="utf-8")  # fmt: skip
    result = kroniek("analyze", path, "--format", "jsonl")
    assert result.exit_code == 1
    assert errors(result) == [f"kroniek: {path}: line 2: duplicate id 'x' (already read from {path} line 1); "
                              "ids must be unique in a batch [E018]"]  # fmt: skip
    assert {r["source"]["code"] for r in records(result)} == {"IGOEUREEC"}


def test_month_only_and_timestamp_dates_are_coded_not_skipped(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "maand", "text": "Rusland annexeerde de Krim.", "date": "2014-03"}) + "\n"
                    + json.dumps({"id": "tijd", "text": SANCTIES, "date": "2014-04-28T10:00:00Z"}) + "\n",
                    encoding="utf-8")  # fmt: skip
    result = kroniek("analyze", path, "--format", "jsonl")
    assert result.exit_code == 0 and result.stderr == "", result.output
    dates = {r["doc_id"]: (r["doc_date"], r["date"], r["date_precision"]) for r in records(result)}
    assert dates == {"maand": ("2014-03", "2014-03", "month"), "tijd": ("2014-04-28", "2014-04-28", "day")}


def test_undated_documents_are_warned_about_once_per_batch(tmp_path):
    for name in ("a", "b", "c", "d"):
        (tmp_path / f"{name}.txt").write_text(SANCTIES, encoding="utf-8")
    result = kroniek("ingest", tmp_path, "--db", tmp_path / "k.duckdb")
    assert result.exit_code == 0
    warnings = [line for line in errors(result) if "warning" in line]
    assert warnings == ["kroniek: warning: 4 document(s) without a date (a, b, c, ...): their events are undated "
                        "and left out by --since/--until; pass --date [W002]"]  # fmt: skip
    assert "warning" not in kroniek("analyze", tmp_path, "--date", "2024-03").stderr


def test_a_mixed_encoding_file_is_repaired_with_a_warning_and_codes_as_the_clean_one(tmp_path):
    clean, mixed = tmp_path / "schoon.txt", tmp_path / "gemengd.txt"
    clean.write_text(ISRAEL, encoding="utf-8")
    before, quoted, after = re.split("(“woordvoerder”)", ISRAEL)
    mixed.write_bytes(before.encode() + quoted.encode("cp1252") + after.encode())
    result = kroniek("analyze", clean, mixed, "--format", "jsonl", "--date", "2024-03-15")
    assert result.exit_code == 0
    assert errors(result) == [f"kroniek: warning: {mixed}: encoding repaired: UTF-8 with 2 Windows-1252 byte(s) [W001]"]
    by_doc: dict[str, list] = {}
    for r in records(result):
        by_doc.setdefault(r["doc_id"], []).append((r["source"]["code"], r["cameo"], r["sentence"]))
    assert by_doc["gemengd"] == by_doc["schoon"] and by_doc["schoon"][0][0] == "ISRMIL"


def test_a_short_headline_is_coded_not_refused():
    result = kroniek("analyze", "-", "--format", "jsonl", "--date", "2024-03-15", input="Biden belt Xi\n")
    assert result.exit_code == 0 and result.stderr == "", result.output


def test_a_region_tag_is_a_language(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "a", "text": SANCTIES, "lang": "nl-NL", "date": "2024-03-15"}) + "\n",
                    encoding="utf-8")  # fmt: skip
    result = kroniek("analyze", path, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert [r["cameo"] for r in records(result)] == ["163"]
    assert kroniek("analyze", path, "--format", "jsonl", "--lang", "nl-NL").exit_code == 0


def test_markup_lookalike_is_refused_not_stored_as_english(tmp_path):
    db = tmp_path / "k.duckdb"
    result = kroniek("ingest", "-", "--db", db, input="<<<<>>>> not <html")
    assert result.exit_code == 1
    assert [line for line in errors(result) if "E019" in line] == [
        "kroniek: <stdin>: cannot tell the language (too little text in letters); name it: nl or en (--lang, lang=) "
        "[E019]"]  # fmt: skip
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == 0


def test_the_size_limit_applies_to_each_jsonl_article(tmp_path):
    path = tmp_path / "veel.jsonl"
    articles = [{"id": f"a{i}", "text": "De NAVO veroordeelde Rusland.", "date": "2024-03-15"} for i in range(40)]
    path.write_text("\n".join(json.dumps(a) for a in articles) + "\n", encoding="utf-8")
    assert path.stat().st_size > 2000
    result = kroniek("analyze", path, "--format", "jsonl", "--max-bytes", "200")
    assert result.exit_code == 0, result.output
    assert {r["doc_id"] for r in records(result)} == {f"a{i}" for i in range(40)}


@pytest.mark.parametrize("value", ["2020-13-45", "gisteren"])
def test_a_bad_date_is_one_line_and_no_traceback(value):
    result = kroniek("ingest", "-", "--db", "nergens.duckdb", "--date", value, input=SANCTIES)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert errors(result) == [f"kroniek: invalid date {value!r}: use YYYY-MM-DD (or YYYY-MM, YYYY, an ISO "
                              "timestamp) [E009]"]  # fmt: skip
    assert not Path("nergens.duckdb").exists()

