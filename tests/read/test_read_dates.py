"""The date argument and JSON Lines dates."""

from __future__ import annotations

import pytest

from kroniek.errors import Errors, KroniekError
from kroniek.read import read_inputs
from kroniek.read.dates import parse_date


def test_valid_date_passes_through() -> None:
    assert parse_date("2020-08-12") == "2020-08-12"
    assert parse_date(" 2020-08-12\n") == "2020-08-12"


BAD_DATES = ["12-08-2020", "2020-8-12", "2020-02-30", "2020-08-12T10:00", "gisteren", ""]


@pytest.mark.parametrize("value", BAD_DATES)
def test_invalid_dates_raise_e009(value: str) -> None:
    with pytest.raises(KroniekError) as caught:
        parse_date(value, where="--date")
    assert caught.value.error is Errors.E009
    assert str(caught.value) == f"--date: invalid date {value!r}: use YYYY-MM-DD [E009]"


def test_read_inputs_rejects_a_bad_date_argument_at_once() -> None:
    with pytest.raises(KroniekError):
        read_inputs(["does-not-matter"], date="12/08/2020")
