"""Turning points, regimes, cycles and volatility on series worked out by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from kroniek.analysis import series, turning_points, yoyo
from kroniek.errors import KroniekError

# period P0..P11: (events, balance). Signs - - 0 + - - + + 0 + - - (P2 has no events, P8 is balanced).
# Runs of one sign, zeros skipped: P0-P1 (-, 2 periods), P3 (+, 1), P4-P5 (-, 2), P6-P9 (+, 3), P10-P11 (-, 2).
ROWS = [(2, -2), (3, -1), (0, 0), (1, 1), (1, -1), (3, -3), (2, 2), (3, 1), (2, 0), (3, 3), (1, -1), (2, -2)]


@pytest.fixture
def frame() -> pd.DataFrame:
    return pd.DataFrame({"period": [f"P{i}" for i in range(len(ROWS))],
                         "events": [e for e, _ in ROWS], "balance": [b for _, b in ROWS]})  # fmt: skip


def test_a_run_shorter_than_min_run_is_a_blip_inside_a_regime(frame):
    # held runs (2+ periods): P0-P1 -, P4-P5 -, P6-P9 +, P10-P11 -; P3 (+) is a blip inside the first
    turns = turning_points(frame, min_run=2)
    assert list(turns["period"]) == ["P6", "P10"]
    assert list(turns["index"]) == [6, 10]
    assert list(turns["from_sign"]) == [-1, 1] and list(turns["to_sign"]) == [1, -1]
    figures = yoyo(frame, min_run=2)
    assert figures["regimes"] == [
        {"sign": -1, "start": "P0", "end": "P5", "periods": 6, "held": 4},
        {"sign": 1, "start": "P6", "end": "P9", "periods": 4, "held": 3},
        {"sign": -1, "start": "P10", "end": "P11", "periods": 2, "held": 2},
    ]
    assert figures["turning_points"] == ["P6", "P10"]
    assert figures["cycles"] == 1  # away from conflict and back
    assert figures["phase_periods"] == [4] and figures["mean_phase_periods"] == 4.0
    assert figures["cycle_periods"] == [] and figures["mean_cycle_periods"] is None


def test_min_run_one_turns_at_every_sign_change(frame):
    figures = yoyo(frame, min_run=1)
    assert figures["turning_points"] == ["P3", "P4", "P6", "P10"]
    assert figures["cycles"] == 2
    assert figures["phase_periods"] == [1, 2, 4] and figures["mean_phase_periods"] == pytest.approx(7 / 3)
    assert figures["cycle_periods"] == [3, 6] and figures["mean_cycle_periods"] == 4.5
    assert figures["sign_changes"] == 4


def test_min_run_longer_than_every_opposite_run_leaves_one_regime(frame):
    figures = yoyo(frame, min_run=3)
    assert figures["turning_points"] == [] and figures["cycles"] == 0
    assert figures["regimes"] == [{"sign": 1, "start": "P6", "end": "P9", "periods": 4, "held": 3}]


def test_volatility_is_the_mean_change_of_the_balance_share_between_periods_with_events(frame):
    # shares over the 11 periods with events: -1, -1/3, 1, -1, -1, 1, 1/3, 0, 1, -1, -1;
    # |changes|: 2/3, 4/3, 2, 0, 2, 2/3, 1/3, 1, 2, 0 -> 10 / 10
    figures = yoyo(frame)
    assert figures["volatility"] == pytest.approx(1.0)
    assert figures["periods"] == 12 and figures["active_periods"] == 11 and figures["sign_changes"] == 4


def test_yoyo_of_a_stored_series(store):
    # yearly IGOEUR -> BLR: balance -2, 0, +3, -1 (2004-2007), shares -1, +1, -1
    frame = series(store, "IGOEUR", "BLR", freq="year")
    assert yoyo(frame)["turning_points"] == []  # no sign holds two periods
    figures = yoyo(frame, min_run=1)
    assert figures["turning_points"] == ["2006", "2007"] and figures["cycles"] == 1
    assert figures["volatility"] == pytest.approx(2.0)


def test_an_empty_series_has_no_figures(store):
    frame = series(store, "USA", "BLR", freq="year")
    assert turning_points(frame).empty
    figures = yoyo(frame)
    assert figures["periods"] == 0 and figures["volatility"] is None and figures["cycles"] == 0


@pytest.mark.parametrize("min_run", [0, -1, 1.5, True])
def test_min_run_must_be_a_whole_number_of_periods(frame, min_run):
    with pytest.raises(KroniekError, match="E023"):
        yoyo(frame, min_run=min_run)


def test_a_frame_without_a_balance_is_refused_on_one_line():
    with pytest.raises(KroniekError, match="needs the columns balance"):
        turning_points(pd.DataFrame({"period": ["2020"], "events": [1]}))


def test_the_goldstein_sum_can_make_the_regimes_instead_of_the_balance():
    # four periods of (events, balance, goldstein_sum): critical statements count as verbal cooperation
    # in CAMEO's QuadClass but weigh negative on the Goldstein scale
    frame = pd.DataFrame({"period": ["P0", "P1", "P2", "P3"], "events": [2, 2, 1, 2], "balance": [2, 0, 1, 2],
                          "goldstein_sum": [-4.0, -2.0, 3.0, 6.0]})  # fmt: skip
    assert yoyo(frame, min_run=1)["turning_points"] == []
    assert yoyo(frame, min_run=1)["volatility"] == pytest.approx(2 / 3)  # shares 1, 0, 1, 1
    figures = yoyo(frame, min_run=1, on="goldstein_sum")
    assert figures["turning_points"] == ["P2"] and figures["on"] == "goldstein_sum"
    assert figures["volatility"] == pytest.approx(5 / 3)  # Goldstein means -2, -1, 3, 3
    assert turning_points(frame, 2, on="goldstein_sum")[["period", "from_sign", "to_sign"]].values.tolist() == [
        ["P2", -1, 1]]
    with pytest.raises(KroniekError, match="invalid measure 'events'"):
        yoyo(frame, on="events")
