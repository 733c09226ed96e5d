"""kroniek series, network and top on the hand-written store of conftest.py, run in-process."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from kroniek.cli import app

runner = CliRunner()


def kroniek(*args: object):
    return runner.invoke(app, [str(a) for a in args])


def test_series_csv_has_one_row_per_year_with_zeros_for_gaps(store):
    result = kroniek("series", "--db", store.path, "--dyad", "IGOEUR", "BLR", "--freq", "year", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["period"], r["events"], r["goldstein_sum"], r["balance"]) for r in rows] == [
        ("2004", "2", "-13.0", "-2"), ("2005", "0", "0.0", "0"), ("2006", "3", "17.0", "3"),
        ("2007", "1", "-2.0", "-1")]
    assert rows[1]["goldstein_mean"] == "" and rows[1]["period_start"] == "2005-01-01"
    assert result.stderr == ("kroniek: warning: 1 event(s) without any date (neither their own nor a publication "
                             "date) left out of the series [W005]\n")  # fmt: skip


def test_series_json_carries_the_yoyo_figures(store):
    result = kroniek("series", "--db", store.path, "--dyad", "IGOEUR", "BLR", "--freq", "year", "--undirected",
                     "--min-run", "1", "--format", "json")  # fmt: skip
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert [row["events"] for row in found["series"]] == [3, 0, 3, 1]
    assert found["series"][1]["goldstein_mean"] is None
    assert found["yoyo"]["turning_points"] == ["2006", "2007"] and found["yoyo"]["cycles"] == 1
    assert found["query"]["directed"] is False and found["left_out"] == {"coarser": 0, "undated": 1}


def test_series_table_marks_turning_points_and_prints_the_yoyo(store):
    result = kroniek("series", "--db", store.path, "--dyad", "IGOEUR", "BLR", "--freq", "month", "--min-run", "1",
                     "--code", "16", "--code", "05")  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split()[:2] == ["period", "events"]
    assert any(line.startswith("2006-02") and line.endswith("to cooperation") for line in lines)
    assert "  turning points: 2006-02 (to cooperation)" in lines
    assert result.stderr == ""  # e1 (163, May 2004) and e5 (057, the week of 27 February 2006) only
    assert "regimes: conflict 2004-05..2004-05, cooperation 2006-02..2006-02" in result.stdout


def test_series_plot_writes_a_figure(store, tmp_path):
    for name in ("s.png", "s.svg"):
        result = kroniek("series", "--db", store.path, "--dyad", "IGOEUR", "BLR", "--freq", "year", "--format", "csv",
                         "--plot", tmp_path / name)  # fmt: skip
        assert result.exit_code == 0, result.output
        assert f"figure written to {tmp_path / name}" in result.stderr
    assert (tmp_path / "s.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "<svg" in (tmp_path / "s.svg").read_text()[:1000]


@pytest.mark.parametrize(("args", "text"), [
    (["--db", "{missing}"], "not found"),
    (["--dyad", "IGOEUR", "XYZ"], "invalid actor code 'XYZ': no stored event"),
    (["--dyad", "igoeur", "BLR"], "invalid actor code 'igoeur'"),
    (["--freq", "quarter"], "invalid frequency 'quarter'"),
    (["--format", "xml"], "invalid --format 'xml'"),
    (["--plot", "x.gif"], "invalid plot file 'x.gif'"),
    (["--since", "2020-14"], "invalid date '2020-14'"),
])  # fmt: skip
def test_series_usage_errors_are_one_line_and_exit_2(store, tmp_path, args, text):
    args = [a.format(missing=tmp_path / "none.duckdb") for a in args]
    db = [] if "--db" in args else ["--db", store.path]
    result = kroniek("series", *db, *args)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.stderr.count("\n") == 1 and text in result.stderr, result.stderr


def test_network_and_top(store):
    edges = kroniek("network", "--db", store.path, "--level", "country", "--format", "json")
    assert edges.exit_code == 0, edges.output
    assert json.loads(edges.stdout)[0] == {"source": "IGOEUREEC", "target": "BLR", "events": 6, "goldstein_sum": -5.0,
                                           "goldstein_mean": pytest.approx(-5 / 6), "cooperative": 2,
                                           "conflictual": 4}  # fmt: skip
    actors = kroniek("top", "--db", store.path, "-n", "2")
    assert actors.exit_code == 0 and actors.stdout.split("\n")[1].split() == ["BLRGOV", "1", "7", "8", "1.00"]
    dyads = kroniek("top", "--db", store.path, "--dyads", "--undirected", "-n", "1", "--format", "csv")
    assert dyads.stdout.splitlines()[1].startswith("BLRGOV,IGOEUREEC,6,-2.0")
    mix = kroniek("top", "--db", store.path, "--mix", "--dyad", "IGOEUR", "BLR", "--format", "csv")
    assert [line.split(",")[0] for line in mix.stdout.splitlines()[1:]] == ["03", "05", "08", "11", "16", "17"]
    bad = kroniek("network", "--db", store.path, "--level", "region")
    assert bad.exit_code == 2 and bad.stderr.count("\n") == 1
