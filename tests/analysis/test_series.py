"""The dyad series on the hand-written store of conftest.py, every figure worked out by hand."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from kroniek.analysis import series
from kroniek.errors import KroniekError

# period: (events, documents, verbal_coop, material_coop, verbal_conflict, material_conflict,
#          cooperative, conflictual, goldstein_sum, goldstein_mean, balance)
COUNTS = ["events", "documents", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict",
          "cooperative", "conflictual", "goldstein_sum", "goldstein_mean", "balance"]  # fmt: skip
NAN = math.nan


def _rows(frame) -> dict[str, tuple]:
    return {row.period: tuple(getattr(row, c) for c in COUNTS) for row in frame.itertuples()}


def _same(found: dict[str, tuple], expected: dict[str, tuple]) -> None:
    assert list(found) == list(expected)
    for period, values in expected.items():
        assert found[period] == pytest.approx(values, nan_ok=True), period


def test_yearly_directed_series_counts_by_quad_class_with_gaps_as_zeros(store):
    # 2004: e1 (163, -8) and e2 (172, -5), one document; 2006: e4 (036, +4), e5 (057, +8) in document c
    # and e6 (081, +5, IGOEUREECLEG) in d; 2007: e11 dated by its publication. Left out: e3 (the
    # other direction), e7 (negated), e8 (LTU), e9 (RUS), e10 (no date at all).
    frame = series(store, "IGOEUR", "BLR", freq="year")
    _same(_rows(frame), {
        "2004": (2, 1, 0, 0, 0, 2, 0, 2, -13.0, -6.5, -2),
        "2005": (0, 0, 0, 0, 0, 0, 0, 0, 0.0, NAN, 0),
        "2006": (3, 2, 2, 1, 0, 0, 3, 0, 17.0, 17 / 3, 3),
        "2007": (1, 1, 0, 0, 1, 0, 0, 1, -2.0, -2.0, -1),
    })  # fmt: skip
    assert list(frame["period_start"]) == [dt.date(2004, 1, 1), dt.date(2005, 1, 1), dt.date(2006, 1, 1),
                                           dt.date(2007, 1, 1)]  # fmt: skip
    assert list(frame["balance_share"].fillna(9)) == [-1.0, 9, 1.0, -1.0]
    assert frame.attrs["undated"] == 1 and frame.attrs["coarser"] == 0


def test_undirected_series_adds_the_other_direction(store):
    frame = series(store, "IGOEUR", "BLR", freq="year", directed=False)
    assert _rows(frame)["2004"] == pytest.approx((3, 2, 0, 0, 1, 2, 0, 3, -15.0, -5.0, -3))
    assert list(frame["events"]) == [3, 0, 3, 1]


def test_a_path_opens_the_database_read_only(store):
    assert series(str(store.path), "IGOEUR", "BLR", freq="year").equals(series(store, "IGOEUR", "BLR", freq="year"))


def test_monthly_series_leaves_out_a_year_dated_event_and_puts_a_week_in_its_mondays_month(store):
    frame = series(store, "IGOEUR", "BLR", freq="month")
    assert len(frame) == 8 + 12 + 12 + 2  # May 2004 to February 2007
    assert frame["period"].iloc[0] == "2004-05" and frame["period"].iloc[-1] == "2007-02"
    busy = frame[frame["events"] > 0]
    assert dict(zip(busy["period"], busy["goldstein_sum"], strict=True)) == {
        "2004-05": -8.0, "2004-11": -5.0, "2006-02": 8.0, "2006-07": 5.0, "2007-02": -2.0}  # fmt: skip
    assert frame["events"].sum() == 5
    assert frame.attrs["coarser"] == 1  # e4, dated 2006 only


def test_weekly_series_labels_iso_weeks_and_leaves_out_month_and_year_dates(store):
    frame = series(store, "IGOEUR", "BLR", freq="week")
    assert frame["period"].iloc[0] == "2004-W20" and frame["period_start"].iloc[0] == dt.date(2004, 5, 10)
    assert frame["period"].iloc[-1] == "2007-W05" and frame["period_start"].iloc[-1] == dt.date(2007, 1, 29)
    week = frame[frame["period"] == "2006-W09"]
    assert list(week["events"]) == [1] and list(week["period_start"]) == [dt.date(2006, 2, 27)]
    assert frame.attrs["coarser"] == 2  # e2 (a month) and e4 (a year)
    assert frame["events"].sum() == 4


def test_daily_series_leaves_out_week_dated_events_too(store):
    frame = series(store, "IGOEUR", "BLR", freq="day")
    assert frame["period"].iloc[0] == "2004-05-10" and frame["period"].iloc[-1] == "2007-02-03"
    assert len(frame) == (dt.date(2007, 2, 3) - dt.date(2004, 5, 10)).days + 1
    assert frame.attrs["coarser"] == 3 and frame["events"].sum() == 3


def test_iso_week_label_at_the_turn_of_the_year(tmp_path, make_store):
    row = ("x", "2021-01-04", "IGOEUREEC", "BLRGOV", "163", 4, -8.0, "2021-01-03", "day", "asserted")
    with make_store(tmp_path / "week.duckdb", [row]) as store:
        frame = series(store, "IGOEUR", "BLR", freq="week")
    assert list(frame["period"]) == ["2020-W53"] and list(frame["period_start"]) == [dt.date(2020, 12, 28)]


def test_status_option_counts_other_statuses(store):
    frame = series(store, "IGOEUR", "BLR", freq="year", status=None)
    assert _rows(frame)["2006"] == pytest.approx((4, 2, 2, 1, 0, 1, 3, 1, 9.0, 2.25, 2))
    negated = series(store, "IGOEUR", "BLR", freq="year", status=["negated"])
    assert list(negated["period"]) == ["2006"] and list(negated["events"]) == [1]


def test_code_prefixes_keep_only_those_events(store):
    frame = series(store, "IGOEUR", "BLR", freq="year", codes=["16", "17"])
    assert list(frame["period"]) == ["2004"] and list(frame["material_conflict"]) == [2]
    assert list(series(store, "IGOEUR", "BLR", freq="year", codes="057")["events"]) == [1]


def test_since_and_until_set_the_periods_and_bound_the_anchor_day(store):
    frame = series(store, "IGOEUR", "BLR", freq="year", since="2005", until="2006")
    assert list(frame["period"]) == ["2005", "2006"] and list(frame["events"]) == [0, 3]
    months = series(store, "IGOEUR", "BLR", freq="month", since="2004-06-01", until="2004-12-31")
    assert list(months["period"]) == [f"2004-{m:02d}" for m in range(6, 13)]
    assert months["events"].sum() == 1  # e2 (November); e1 (10 May) is before since
    wide = series(store, "IGOEUR", "BLR", freq="year", since="2003", until="2008")
    assert list(wide["events"]) == [0, 2, 0, 3, 1, 0]


def test_one_side_or_none(store):
    assert list(series(store, "BLR", freq="year")["events"]) == [1]  # e3 only: BLR as source
    assert list(series(store, "BLR", freq="year", directed=False)["events"]) == [3, 0, 4, 1]
    assert list(series(store, freq="year")["events"]) == [3, 0, 5, 1]


def test_no_matching_events_gives_an_empty_frame_with_the_columns(store):
    frame = series(store, "USA", "BLR", freq="year")
    assert frame.empty and {"period", "period_start", "events", "goldstein_sum", "balance"} <= set(frame.columns)


@pytest.mark.parametrize(("kwargs", "code"), [
    ({"freq": "quarter"}, "E023"),
    ({"source": "blr"}, "E023"),
    ({"codes": ["x1"]}, "E023"),
    ({"since": "gisteren"}, "E009"),
])  # fmt: skip
def test_bad_arguments_raise_one_line_errors(store, kwargs, code):
    with pytest.raises(KroniekError) as err:
        series(store, **kwargs)
    assert err.value.error.name == code and "\n" not in str(err.value)


def test_a_missing_database_is_an_error_not_a_new_file(tmp_path):
    with pytest.raises(KroniekError, match="E014"):
        series(tmp_path / "none.duckdb")
    assert not (tmp_path / "none.duckdb").exists()



def test_a_yearly_series_counts_what_kroniek_events_returns_with_a_date(store):
    dated = [e for e in store.events(dyad=("IGOEUR", "BLR")) if e["date"] or e["doc_date"]]
    assert series(store, "IGOEUR", "BLR", freq="year", directed=False)["events"].sum() == len(dated) == 7
