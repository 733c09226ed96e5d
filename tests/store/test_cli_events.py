"""`kroniek events` over a real DuckDB file: filters, formats that keep every field, Parquet files
that are never overwritten silently, and one-line errors where a write cannot work."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from kroniek.cli import app
from kroniek.model import Document
from kroniek.store import Store

KRONIEK = Path(sys.executable).with_name("kroniek")
runner = CliRunner()


def kroniek(*args: object) -> Result:
    return runner.invoke(app, [str(a) for a in args])


def records(result: Result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


@pytest.fixture
def db(tmp_path: Path, make_event, make_actor) -> Path:
    path = tmp_path / "k.duckdb"
    moskou = {"name": "Moskou", "country": "RUS", "lat": 55.75, "lon": 37.62}
    extra = {"date_source": "text", "status_reason": "", "location_source": "geonames:524901"}
    with Store(path) as store:
        store.ingest(Document(doc_id="nos", text="Tekst.", date="2020-08-12", url="https://nos.nl/artikel/1"), [],
                     [make_event(doc_id="nos", location=moskou, extra=extra),
                      make_event(doc_id="nos", sentence_index=1, cameo="193", root="19", quad_class=4,
                                 goldstein=-10.0, extra=extra)])  # fmt: skip
        store.ingest(Document(doc_id="kop", text="Tekst.", date="2018-06"), [],
                     [make_event(doc_id="kop", doc_date="2018-06", date="2018-06", date_precision="month",
                                 cameo="111", root="11", quad_class=3)])  # fmt: skip
        store.ingest(Document(doc_id="zonder", text="Tekst."), [],
                     [make_event(doc_id="zonder", doc_date=None, date=None, date_precision=None, cameo="190",
                                 root="19", quad_class=4)])  # fmt: skip
    return path


def test_code_quad_and_limit_filter(db):
    assert {r["cameo"] for r in records(kroniek("events", "--db", db, "--code", "19", "--format", "jsonl"))} == {
        "193", "190"}  # fmt: skip
    assert {r["cameo"] for r in records(kroniek("events", "--db", db, "--quad", "2", "--quad", "3",
                                                "--format", "jsonl"))} == {"075", "111"}  # fmt: skip
    assert len(records(kroniek("events", "--db", db, "--limit", "2", "--format", "jsonl"))) == 2
    bad = kroniek("events", "--db", db, "--quad", "5")
    assert bad.exit_code == 2 and "Traceback" not in bad.output


def test_a_month_event_matches_a_range_inside_its_month_and_undated_events_are_counted(db):
    result = kroniek("events", "--db", db, "--since", "2018-06-10", "--until", "2018-06-20", "--format", "jsonl")
    assert result.exit_code == 0
    assert [r["doc_id"] for r in records(result)] == ["kop"]
    assert result.stderr == "kroniek: warning: 1 undated event(s) left out by --since/--until [W003]\n"


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_csv_and_tsv_keep_kroniek_s_own_fields(db, fmt):
    result = kroniek("events", "--db", db, "--format", fmt, "--code", "075")
    rows = list(csv.DictReader(io.StringIO(result.stdout), delimiter="," if fmt == "csv" else "\t"))
    assert [(r["date_source"], r["location_source"]) for r in rows] == [("text", "geonames:524901")]


def test_gdelt_from_the_store_has_the_url_the_day_added_and_english_places(db):
    result = kroniek("events", "--db", db, "--format", "gdelt", "--code", "075")
    [row] = list(csv.DictReader(io.StringIO(result.stdout), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert row["SOURCEURL"] == "https://nos.nl/artikel/1"
    assert row["DATEADDED"] == datetime.now(UTC).strftime("%Y%m%d")
    assert (row["ActionGeo_FullName"], row["ActionGeo_CountryCode"]) == ("Moscow, Russia", "RS")


def test_icews_from_the_store(db):
    result = kroniek("events", "--db", db, "--format", "icews", "--all")
    rows = list(csv.DictReader(io.StringIO(result.stdout), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert {(r["Story ID"], r["Event Date"], r["Date Precision"]) for r in rows} == {
        ("nos", "2020-08-11", "day"), ("kop", "2018-06", "month"), ("zonder", "", "")}  # fmt: skip
    assert {r["Publisher"] for r in rows if r["Story ID"] == "nos"} == {"nos.nl"}


def _one_line_error(result: Result, code: int, text: str) -> None:
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output and result.exc_info[0] is SystemExit
    assert result.stderr.count("\n") == 1 and text in result.stderr, result.stderr


def test_parquet_is_written_once_and_not_overwritten_silently(db, tmp_path):
    out = tmp_path / "e.parquet"
    first = kroniek("events", "--db", db, "--parquet", out)
    assert first.exit_code == 0 and first.stderr == f"4 events written to {out}\n"
    before = out.read_bytes()
    _one_line_error(kroniek("events", "--db", db, "--parquet", out, "--code", "19"), 2, "exists; pass --overwrite")
    assert out.read_bytes() == before
    again = kroniek("events", "--db", db, "--parquet", out, "--code", "19", "--overwrite")
    assert again.exit_code == 0 and again.stderr == f"2 events written to {out}\n"


def test_parquet_to_a_missing_folder_a_folder_or_the_database_is_one_line(db, tmp_path):
    _one_line_error(kroniek("events", "--db", db, "--parquet", tmp_path / "weg" / "e.parquet"), 2,
                    f"folder {tmp_path / 'weg'} does not exist")  # fmt: skip
    _one_line_error(kroniek("events", "--db", db, "--parquet", tmp_path), 2, "is a folder; give a file name")
    _one_line_error(kroniek("events", "--db", db, "--parquet", db, "--overwrite"), 2, "is the database itself")
    assert records(kroniek("events", "--db", db, "--format", "jsonl"))  # the database is whole


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux) to stand for a full disk")
def test_a_full_disk_is_one_line_for_parquet_and_for_standard_output(db):
    _one_line_error(kroniek("events", "--db", db, "--parquet", "/dev/full", "--overwrite"), 1,
                    "cannot write /dev/full: no space left on device (the disk is full) [E020]")  # fmt: skip
    with open("/dev/full", "w") as full:
        proc = subprocess.run([str(KRONIEK), "events", "--db", str(db), "--format", "jsonl"], stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=120)  # fmt: skip
    assert proc.returncode == 1
    assert proc.stderr == ("kroniek: cannot write standard output: no space left on device (the disk is full) "
                           "[E020]\n")  # fmt: skip


def test_a_closed_pipe_ends_quietly(db):
    proc = subprocess.run(f"'{KRONIEK}' events --db '{db}' --all --format jsonl | head -c 10", shell=True,
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert len(proc.stdout) == 10 and "Traceback" not in proc.stderr and "Exception" not in proc.stderr
