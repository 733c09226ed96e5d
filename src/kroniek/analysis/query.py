"""What the analyses share: opening the store, placing an event in time, and the parameterised
WHERE clause over the events table for actors, CAMEO codes, status and dates.

An event's date is its own, else its publication date (as `kroniek events` has it). Its *anchor
day* is the first day of that date's period (a year's 1 January, a month's 1st, a week's Monday),
and its *precision* is the size of that period: day, week, month or year. since/until bound the
anchor day; events with no date at all are left out whenever periods or bounds are asked for.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from kroniek.errors import Errors, KroniekError
from kroniek.read.dates import first_day, last_day
from kroniek.store.duckdb import _WHEN, _WHEN_START, Store, _checked_date

FREQS = ("day", "week", "month", "year")
"""The series frequencies, finest first: an event counts at a frequency no finer than its precision."""

ANCHOR = f"try_cast(({_WHEN_START}) AS DATE)"
# 0 day, 1 week, 2 month, 3 year: the index in FREQS of the period an event's date names
PRECISION = (
    f"CASE length({_WHEN}) WHEN 4 THEN 3 WHEN 7 THEN 2"
    " ELSE CASE WHEN date IS NOT NULL AND date_precision = 'week' THEN 1 ELSE 0 END END"
)
_ACTOR_PREFIX = re.compile(r"[A-Z][A-Z0-9]{2,}")
_CODE_PREFIX = re.compile(r"(0[1-9]|1[0-9]|20)[0-9]{0,2}|[0-2]")


@contextmanager
def connect(db: Store | str | Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to a Store, or to the kroniek DuckDB file at a path (E014 when it
    is missing or not a kroniek database)."""
    store = db if isinstance(db, Store) else Store(db, read_only=True)
    with store.reading() as con:
        yield con


def check_freq(freq: str) -> str:
    if freq not in FREQS:
        raise KroniekError(Errors.E023, name="frequency", value=freq, reason=f"use one of {', '.join(FREQS)}")
    return freq


def check_actor(prefix: str) -> str:
    """An actor code prefix: upper-case letters (then letters or digits), at least three ('BLR', 'IGOEUR')."""
    if not isinstance(prefix, str) or not _ACTOR_PREFIX.fullmatch(prefix):
        raise KroniekError(Errors.E023, name="actor code", value=prefix,
                           reason="use an upper-case CAMEO actor code or its first letters (BLR, IGOEUR)")
    return prefix


def check_codes(codes: Sequence[str] | str | None) -> list[str]:
    """CAMEO event-code prefixes ('19', '0256'); one string or several."""
    found = [codes] if isinstance(codes, str) else list(codes or ())
    for code in found:
        if not isinstance(code, str) or not _CODE_PREFIX.fullmatch(code):
            raise KroniekError(Errors.E023, name="CAMEO code", value=code,
                               reason="use a CAMEO event code or its first digits (19, 0256)")
    return found


@dataclass(frozen=True)
class Filters:
    """Which events an analysis reads; `where()` gives the SQL condition and its parameters."""

    source: str | None = None
    target: str | None = None
    directed: bool = True
    codes: Sequence[str] | str | None = None
    since: str | None = None
    until: str | None = None
    status: Sequence[str] | str | None = ("asserted",)

    def bounds(self) -> tuple[str | None, str | None]:
        """since/until as days (YYYY-MM-DD): the first day of since, the last day of until (E009)."""
        low = first_day(_checked_date(self.since)) if self.since is not None else None
        high = last_day(_checked_date(self.until)) if self.until is not None else None
        return low, high

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        source = check_actor(self.source) if self.source is not None else None
        target = check_actor(self.target) if self.target is not None else None
        if source is not None or target is not None:
            clause, found = _sides(source, target)
            if not self.directed:
                reverse, more = _sides(target, source)
                clause, found = f"({clause} OR {reverse})", found + more
            clauses.append(clause)
            params += found
        codes = check_codes(self.codes)
        if codes:
            clauses.append("(" + " OR ".join("starts_with(cameo, ?)" for _ in codes) + ")")
            params += codes
        if self.status is not None:
            statuses = [self.status] if isinstance(self.status, str) else list(self.status)
            clauses.append(f"status IN ({', '.join('?' for _ in statuses)})" if statuses else "FALSE")
            params += statuses
        low, high = self.bounds()
        if low is not None:
            clauses.append(f"{ANCHOR} >= CAST(? AS DATE)")
            params.append(low)
        if high is not None:
            clauses.append(f"{ANCHOR} <= CAST(? AS DATE)")
            params.append(high)
        return (" AND ".join(clauses) or "TRUE"), params


def _sides(source: str | None, target: str | None) -> tuple[str, list[str]]:
    """The condition that the source code starts with `source` and the target's with `target`."""
    clauses, params = [], []
    if source is not None:
        clauses.append("starts_with(source_code, ?)")
        params.append(source)
    if target is not None:
        clauses.append("starts_with(target_code, ?)")
        params.append(target)
    return "(" + " AND ".join(clauses) + ")", params


def known_actor(db: Store | str | Path, prefix: str) -> bool:
    """Whether some stored event (of any status) has a source or target code starting with `prefix`."""
    with connect(db) as con:
        row = con.execute("SELECT EXISTS (SELECT 1 FROM events WHERE starts_with(source_code, ?)"
                          " OR starts_with(target_code, ?))", [prefix, prefix]).fetchone()
    return bool(row and row[0])
