"""Who acts on whom: weighted directed edges between actors, the most active actors and dyads, and
the mix of event types, each one aggregate query in DuckDB SQL over the events a Filters selects.

level="country" groups an actor code to its first three letters when they are a country, territory
or region code of the knowledge base (BLRGOV, BLROPP -> BLR); other codes (IGOEUREEC, NGO...) stay
whole. Events without a target have no edge and no dyad; they count for their source in top_actors.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from kroniek.actors.kb import DATA_DIR
from kroniek.analysis.query import Filters, connect
from kroniek.errors import Errors, KroniekError
from kroniek.events.ontology import default_ontology
from kroniek.store.duckdb import Store

LEVELS = ("actor", "country")
Db = Store | str | Path
Codes = Sequence[str] | str | None
Status = Sequence[str] | str | None

_EDGE_FIGURES = """count(*) AS events,
    round(coalesce(sum(goldstein), 0), 6) AS goldstein_sum, round(avg(goldstein), 6) AS goldstein_mean,
    count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperative,
    count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflictual"""


@lru_cache(maxsize=1)
def country_codes() -> tuple[str, ...]:
    """The three-letter codes that stand for a country, territory or region (countries.tsv)."""
    with (DATA_DIR / "countries.tsv").open(encoding="utf-8", newline="") as f:
        return tuple(sorted(row["iso3"] for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)))


def _grouped(column: str, level: str) -> tuple[str, list[Any]]:
    """The SQL expression of an actor code at `level`, and its parameters."""
    if level not in LEVELS:
        raise KroniekError(Errors.E023, name="level", value=level, reason=f"use one of {', '.join(LEVELS)}")
    if level == "actor":
        return column, []
    return (f"CASE WHEN list_contains(CAST(? AS VARCHAR[]), substr({column}, 1, 3)) THEN substr({column}, 1, 3)"
            f" ELSE {column} END"), [list(country_codes())]  # fmt: skip


def _edges(db: Db, filters: Filters, level: str, directed: bool, limit: int | None) -> pd.DataFrame:
    where, params = filters.where()
    source, source_params = _grouped("source_code", level)
    target, target_params = _grouped("target_code", level)
    pair = "source, target" if directed else "least(source, target) AS source, greatest(source, target) AS target"
    sql = f"""
        WITH edges AS (
            SELECT {source} AS source, {target} AS target, goldstein, quad_class
            FROM events WHERE target_code IS NOT NULL AND {where}
        ), pairs AS (SELECT {pair}, goldstein, quad_class FROM edges)
        SELECT source, target, {_EDGE_FIGURES}
        FROM pairs GROUP BY source, target ORDER BY events DESC, source, target
    """
    found = [*source_params, *target_params, *params]
    if limit is not None:
        sql += " LIMIT ?"
        found.append(_count(limit))
    with connect(db) as con:
        return con.execute(sql, found).df()


def network(db: Db, *, since: str | None = None, until: str | None = None, codes: Codes = None,
            level: str = "actor", status: Status = ("asserted",), actor: str | None = None) -> pd.DataFrame:
    """Weighted directed edges (source, target, events, goldstein_sum, goldstein_mean, cooperative,
    conflictual), heaviest first. actor: only events with a side whose code starts with it."""
    filters = Filters(actor, None, False, codes, since, until, status)
    return _edges(db, filters, level, directed=True, limit=None)


def top_dyads(db: Db, n: int = 20, *, since: str | None = None, until: str | None = None, directed: bool = True,
              codes: Codes = None, level: str = "actor", status: Status = ("asserted",)) -> pd.DataFrame:
    """The n dyads with the most events (source, target, events, goldstein_sum, goldstein_mean,
    cooperative, conflictual); undirected: each pair once, its codes in alphabetical order."""
    return _edges(db, Filters(None, None, True, codes, since, until, status), level, directed, limit=n)


def top_actors(db: Db, n: int = 20, *, since: str | None = None, until: str | None = None, codes: Codes = None,
               level: str = "actor", status: Status = ("asserted",)) -> pd.DataFrame:
    """The n actors in the most events: actor, as_source, as_target, events (an event of an actor
    with itself counts once), goldstein_sum."""
    where, params = Filters(None, None, True, codes, since, until, status).where()
    source, source_params = _grouped("source_code", level)
    target, target_params = _grouped("target_code", level)
    sql = f"""
        WITH matched AS (
            SELECT doc_id || '#' || event_index AS event, {source} AS source, {target} AS target, goldstein
            FROM events WHERE {where}
        ), sides AS (
            SELECT event, source AS actor, 1 AS as_source, 0 AS as_target, goldstein FROM matched
            UNION ALL
            SELECT event, target, 0, 1, goldstein FROM matched WHERE target IS NOT NULL
        ), per_event AS (
            SELECT actor, event, max(as_source) AS as_source, max(as_target) AS as_target, any_value(goldstein) AS g
            FROM sides WHERE actor IS NOT NULL GROUP BY actor, event
        )
        SELECT actor, CAST(sum(as_source) AS BIGINT) AS as_source, CAST(sum(as_target) AS BIGINT) AS as_target,
               count(*) AS events, round(coalesce(sum(g), 0), 6) AS goldstein_sum
        FROM per_event GROUP BY actor ORDER BY events DESC, actor LIMIT ?
    """
    with connect(db) as con:
        return con.execute(sql, [*source_params, *target_params, *params, _count(n)]).df()


def event_mix(db: Db, *, source: str | None = None, target: str | None = None, directed: bool = True,
              since: str | None = None, until: str | None = None, codes: Codes = None,
              status: Status = ("asserted",)) -> pd.DataFrame:
    """Events by CAMEO root: root, cameo_name (the root's name), quad_class, events, share (of all
    the events selected), goldstein_sum; by root."""
    where, params = Filters(source, target, directed, codes, since, until, status).where()
    sql = f"""
        SELECT root, min(quad_class) AS quad_class, count(*) AS events,
               round(count(*) / sum(count(*)) OVER (), 6) AS share,
               round(coalesce(sum(goldstein), 0), 6) AS goldstein_sum
        FROM events WHERE {where} GROUP BY root ORDER BY root
    """
    with connect(db) as con:
        frame = con.execute(sql, params).df()
    ontology = default_ontology()
    names = {code.code: code.name_en for code in ontology.codes() if len(code.code) == 2}
    frame.insert(1, "cameo_name", [names.get(root) for root in frame["root"]])
    return frame


def _count(n: int) -> int:
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise KroniekError(Errors.E023, name="number", value=n, reason="use a whole number, 1 or more")
    return n
