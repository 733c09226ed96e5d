"""The date argument and JSON Lines dates."""

from __future__ import annotations

import pytest

from kroniek.errors import Errors, KroniekError
from kroniek.read import read_inputs
from kroniek.read.dates import date_precision, parse_date


def test_valid_date_passes_through() -> None:
    assert parse_date("2020-08-12") == "2020-08-12"
    assert parse_date(" 2020-08-12\n") == "2020-08-12"


BAD_DATES = ["12-08-2020", "2020-8-12", "2020-02-30", "2020-13-45", "2020-13", "2020-08-12T25:00", "0000",
             "gisteren", ""]


@pytest.mark.parametrize("value", BAD_DATES)
def test_invalid_dates_raise_e009(value: str) -> None:
    with pytest.raises(KroniekError) as caught:
        parse_date(value, where="--date")
    assert caught.value.error is Errors.E009
    assert str(caught.value) == (
        f"--date: invalid date {value!r}: use YYYY-MM-DD (or YYYY-MM, YYYY, an ISO timestamp) [E009]")


def test_read_inputs_rejects_a_bad_date_argument_at_once() -> None:
    with pytest.raises(KroniekError):
        read_inputs(["does-not-matter"], date="12/08/2020")


@pytest.mark.parametrize(("value", "expected", "precision"), [
    ("2018-06", "2018-06", "month"),
    ("2018", "2018", "year"),
    ("2020-08-12T10:00:00Z", "2020-08-12", "day"),
    ("2020-08-12 10:00", "2020-08-12", "day"),
    ("2020-08-12T23:30:00-05:00", "2020-08-12", "day"),  # the publisher's own calendar day
    ("2020-08-12T10:00:00.123+0200", "2020-08-12", "day"),
])  # fmt: skip
def test_common_date_forms_are_accepted_at_their_precision(value, expected, precision):
    assert parse_date(value) == expected
    assert date_precision(parse_date(value)) == precision


def test_jsonl_articles_with_month_only_and_timestamp_dates_are_read(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(
        '{"id": "maand", "text": "Rusland annexeerde de Krim.", "date": "2018-06"}\n'
        '{"id": "tijd", "text": "Rusland annexeerde de Krim.", "date": "2020-08-12T10:00:00Z"}\n'
        '{"id": "spatie", "text": "Rusland annexeerde de Krim.", "date": "2020-08-12 10:00"}\n',
        encoding="utf-8",
    )
    docs = list(read_inputs([str(path)]))
    assert [(d.doc_id, d.date, d.date_precision) for d in docs] == [
        ("maand", "2018-06", "month"), ("tijd", "2020-08-12", "day"), ("spatie", "2020-08-12", "day")]


def test_the_date_argument_takes_the_same_forms():
    assert read_inputs([], date="2020-08") is not None
    assert parse_date("2020-08-12T10:00Z", where="--date") == "2020-08-12"


@pytest.mark.parametrize("value", ["２０２０", "2020-0８", "٢٠٢٠-08-12", "2020-08-1２T10:00"])
def test_digits_of_other_scripts_are_no_date(value):
    """Python's \\d and int() take fullwidth and Arabic-Indic digits: "２０２０" passed as a year and was
    stored, where it sorts and compares apart from every other date (found by the fuzz suite)."""
    with pytest.raises(KroniekError) as caught:
        parse_date(value)
    assert caught.value.error is Errors.E009
