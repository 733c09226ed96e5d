"""The yo-yo measured on a finished series: regimes of one sign of the cooperation–conflict balance
(or of the Goldstein sum), the turning points between them, the cycles they make, and the volatility.

All in DuckDB SQL (window functions) over the series' rows; definitions and formulas in the
README's Analysis section. In short, with s_t the sign of period t's measure (`on`: the balance,
cooperative minus conflictual events, by default; or goldstein_sum):
- a *run* is a maximal stretch of periods whose non-zero signs are equal (periods where the measure
  is 0, or with no events, neither extend nor break it); a run is *held* when it has at least
  `min_run` periods of its sign;
- a *regime* is a stretch of held runs of one sign (a shorter run of the other sign between them is
  a blip that does not end it); a *turning point* is the first period of each regime after the first;
- with turning points t_1 < ... < t_T: cycles = floor(T / 2) (a swing away and back); phase lengths
  t_{i+1} - t_i; cycle lengths t_{i+2} - t_i (from entering a sign to entering it again);
- volatility = the mean of |b_t - b_t'| over consecutive periods with events t' < t, where
  b = measure / events: the balance share (-1, all conflict, to +1, all cooperation), or the
  Goldstein mean (-10 to +10).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import duckdb
import pandas as pd

from kroniek.errors import Errors, KroniekError

MEASURES = ("balance", "goldstein_sum")
"""The series columns whose sign can make the regimes."""

_RUNS = """
    WITH signs AS (
        SELECT idx, period, CAST(sign(measure) AS INTEGER) AS sign FROM series
    ), islands AS (  -- consecutive non-zero periods of one sign share (row number - row number within the sign)
        SELECT *, row_number() OVER (ORDER BY idx) - row_number() OVER (PARTITION BY sign ORDER BY idx) AS island
        FROM signs WHERE sign <> 0
    ), runs AS (
        SELECT sign, min(idx) AS first, max(idx) AS last, count(*) AS held,
               arg_min(period, idx) AS first_period, arg_max(period, idx) AS last_period
        FROM islands GROUP BY sign, island
    ), kept AS (
        SELECT *, lag(sign) OVER (ORDER BY first) AS before FROM runs WHERE held >= ?
    ), numbered AS (
        SELECT *, sum(CASE WHEN before = sign THEN 0 ELSE 1 END) OVER (ORDER BY first) AS regime FROM kept
    )
"""
_REGIMES = _RUNS + """
    SELECT regime, any_value(sign) AS sign, min(first) AS first, max(last) AS last, sum(held) AS held,
           arg_min(first_period, first) AS first_period, arg_max(last_period, last) AS last_period
    FROM numbered GROUP BY regime ORDER BY regime
"""
_TURNS = f"""
    WITH regimes AS ({_REGIMES}), turns AS (
        SELECT first_period AS period, first AS idx, lag(sign) OVER (ORDER BY regime) AS from_sign, sign AS to_sign
        FROM regimes
    )
    SELECT period, idx, from_sign, to_sign,
           lead(idx) OVER (ORDER BY idx) - idx AS phase, lead(idx, 2) OVER (ORDER BY idx) - idx AS cycle
    FROM turns WHERE from_sign IS NOT NULL ORDER BY idx
"""
_FIGURES = """
    WITH signs AS (
        SELECT idx, CAST(sign(measure) AS INTEGER) AS sign FROM series WHERE measure <> 0
    ), shares AS (
        SELECT idx, CAST(measure AS DOUBLE) / events AS share FROM series WHERE events > 0
    )
    SELECT (SELECT count(*) FROM series), (SELECT count(*) FROM shares),
           (SELECT count(*) FROM (SELECT sign <> lag(sign) OVER (ORDER BY idx) AS changed FROM signs) WHERE changed),
           (SELECT avg(abs(share - before))
            FROM (SELECT share, lag(share) OVER (ORDER BY idx) AS before FROM shares) WHERE before IS NOT NULL)
"""


def turning_points(frame: pd.DataFrame, min_run: int = 2, *, on: str = "balance") -> pd.DataFrame:
    """The periods where the balance (or `on`: goldstein_sum) turns and holds its new sign (columns
    period, index (the period's row in `frame`), from_sign, to_sign: -1 conflictual, +1 cooperative)."""
    with _connection(frame, min_run, on) as con:
        turns = con.execute(_TURNS, [min_run]).df()
    return turns[["period", "idx", "from_sign", "to_sign"]].rename(columns={"idx": "index"}).astype(
        {"index": "int64", "from_sign": "int64", "to_sign": "int64"})


def yoyo(frame: pd.DataFrame, min_run: int = 2, *, on: str = "balance") -> dict[str, Any]:
    """The yo-yo figures of a series (as series() gives it: rows in period order with period,
    events and balance), JSON-ready; None where a figure is undefined (too few turning points).
    on: the measure whose sign makes the regimes, balance or goldstein_sum."""
    with _connection(frame, min_run, on) as con:
        turns = con.execute(_TURNS, [min_run]).fetchall()
        regimes = con.execute(_REGIMES, [min_run]).fetchall()
        periods, active, changes, volatility = con.execute(_FIGURES).fetchone() or (0, 0, 0, None)
    phases = [int(row[4]) for row in turns if row[4] is not None]
    cycles = [int(row[5]) for row in turns if row[5] is not None]
    return {
        "on": on,
        "min_run": min_run,
        "periods": int(periods),
        "active_periods": int(active),
        "sign_changes": int(changes),
        "turning_points": [row[0] for row in turns],
        "turns": [{"period": row[0], "from_sign": int(row[2]), "to_sign": int(row[3])} for row in turns],
        "regimes": [{"sign": int(r[1]), "start": r[5], "end": r[6], "periods": int(r[3] - r[2] + 1),
                     "held": int(r[4])} for r in regimes],  # fmt: skip
        "cycles": len(turns) // 2,
        "phase_periods": phases,
        "mean_phase_periods": _mean(phases),
        "cycle_periods": cycles,
        "mean_cycle_periods": _mean(cycles),
        "volatility": None if volatility is None else round(float(volatility), 6),
    }


def _mean(values: list[int]) -> float | None:
    return round(sum(values) / len(values), 6) if values else None


@contextmanager
def _connection(frame: pd.DataFrame, min_run: int, on: str) -> Iterator[duckdb.DuckDBPyConnection]:
    """An in-memory DuckDB holding the series' period, events and measure (the column `on`) as the
    table `series`, each row's position in `frame` as idx."""
    if isinstance(min_run, bool) or not isinstance(min_run, int) or min_run < 1:
        raise KroniekError(Errors.E023, name="min_run", value=min_run,
                           reason="use a whole number of periods, 1 or more")
    if on not in MEASURES:
        raise KroniekError(Errors.E023, name="measure", value=on, reason=f"use one of {', '.join(MEASURES)}")
    missing = {"period", "events", on} - set(frame.columns)
    if missing:
        raise KroniekError(Errors.E023, name="series", value=", ".join(map(str, frame.columns)),
                           reason=f"needs the columns {', '.join(sorted(missing))} (as series() gives them)")
    rows = pd.DataFrame({"idx": range(len(frame)), "period": frame["period"].astype(str).to_numpy(),
                         "events": frame["events"].to_numpy(), "measure": frame[on].to_numpy()})
    con = duckdb.connect()
    try:
        con.register("series", rows)
        yield con
    finally:
        con.close()
