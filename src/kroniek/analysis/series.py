"""A dyad's event series: one row per period (day, week, month or year), counted in DuckDB SQL.

Each event counts in the period of its anchor day (the first day of its date, its own else the
publication's). An event dated less precisely than the frequency asks (a month-dated event in a
weekly or daily series, a year-dated one in a monthly series) is left out of that series and
counted in `frame.attrs["coarser"]`; a week-dated event counts in the month and year of its Monday.
Events with no date at all are counted in `frame.attrs["undated"]`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from kroniek.analysis.query import ANCHOR, FREQS, PRECISION, Filters, check_freq, connect
from kroniek.store.duckdb import Store

# the strftime pattern of each frequency's period label
_LABELS = {"day": "%Y-%m-%d", "week": "%G-W%V", "month": "%Y-%m", "year": "%Y"}

COLUMNS = ("period", "period_start", "events", "documents", "verbal_coop", "material_coop",
           "verbal_conflict", "material_conflict", "cooperative", "conflictual", "goldstein_sum",
           "goldstein_mean", "balance", "balance_share")  # fmt: skip
"""The series' columns: see the README's Analysis section."""


def series(
    db: Store | str | Path,
    source: str | None = None,
    target: str | None = None,
    *,
    freq: str = "month",
    directed: bool = True,
    codes: Sequence[str] | str | None = None,
    since: str | None = None,
    until: str | None = None,
    status: Sequence[str] | str | None = ("asserted",),
) -> pd.DataFrame:
    """Events from `source` to `target` (actor code prefixes; both directions when not `directed`)
    per period, from the first period with an event to the last (or from since to until), periods
    without events as zeros (goldstein_mean and balance_share NaN there).

    codes: CAMEO code prefixes to keep. status: the statuses counted (None: all).
    Raises KroniekError: E014 for a missing or foreign database, E009 for a bad date, E023 for a
    bad frequency, actor code or CAMEO code.
    """
    unit = check_freq(freq)
    filters = Filters(source, target, directed, codes, since, until, status)
    where, params = filters.where()
    low, high = filters.bounds()
    sql = f"""
        WITH matched AS (
            SELECT {ANCHOR} AS anchor, {PRECISION} AS precision, doc_id, quad_class, goldstein
            FROM events WHERE {where}
        ), counted AS (
            SELECT CAST(date_trunc('{unit}', anchor) AS DATE) AS period_start, doc_id, quad_class, goldstein
            FROM matched WHERE anchor IS NOT NULL AND precision <= {FREQS.index(unit)}
        ), bounds AS (
            SELECT coalesce(CAST(date_trunc('{unit}', CAST(? AS DATE)) AS DATE), min(period_start)) AS low,
                   coalesce(CAST(date_trunc('{unit}', CAST(? AS DATE)) AS DATE), max(period_start)) AS high
            FROM counted
        ), periods AS (
            SELECT CAST(unnest(generate_series(low, high, INTERVAL 1 {unit})) AS DATE) AS period_start
            FROM bounds WHERE low <= high
        )
        SELECT strftime(p.period_start, '{_LABELS[unit]}') AS period, p.period_start,
            count(c.period_start) AS events,
            count(DISTINCT c.doc_id) AS documents,
            count(*) FILTER (WHERE c.quad_class = 1) AS verbal_coop,
            count(*) FILTER (WHERE c.quad_class = 2) AS material_coop,
            count(*) FILTER (WHERE c.quad_class = 3) AS verbal_conflict,
            count(*) FILTER (WHERE c.quad_class = 4) AS material_conflict,
            count(*) FILTER (WHERE c.quad_class IN (1, 2)) AS cooperative,
            count(*) FILTER (WHERE c.quad_class IN (3, 4)) AS conflictual,
            round(coalesce(sum(c.goldstein), 0), 6) AS goldstein_sum,
            round(avg(c.goldstein), 6) AS goldstein_mean,
            cooperative - conflictual AS balance,
            round(CAST(balance AS DOUBLE) / nullif(events, 0), 6) AS balance_share
        FROM periods p LEFT JOIN counted c ON c.period_start = p.period_start
        GROUP BY p.period_start ORDER BY p.period_start
    """
    left_out = f"""
        SELECT count(*) FILTER (WHERE anchor IS NOT NULL AND precision > {FREQS.index(unit)}),
               count(*) FILTER (WHERE anchor IS NULL)
        FROM (SELECT {ANCHOR} AS anchor, {PRECISION} AS precision FROM events WHERE {where})
    """
    with connect(db) as con:
        frame = con.execute(sql, [*params, low, high]).df()
        coarser, undated = con.execute(left_out, params).fetchone() or (0, 0)
    frame = frame.astype({c: "int64" for c in COLUMNS[2:10]} | {"balance": "int64"})
    frame["period_start"] = [ts.date() for ts in pd.to_datetime(frame["period_start"])]
    frame.attrs.update(freq=unit, source=source, target=target, directed=directed, coarser=int(coarser),
                       undated=int(undated))  # fmt: skip
    return frame[list(COLUMNS)]
