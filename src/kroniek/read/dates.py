"""Publication dates in the forms news arrives with, validated and normalised in one place.

A date is kept at the precision it was given: YYYY-MM-DD (day), YYYY-MM (month) or YYYY (year).
ISO timestamps ("2020-08-12T10:00:00Z", "2020-08-12 10:00", "2020-08-12T10:00+02:00") give the
day as written: the publisher's own calendar day, not the UTC one, since that is the day the
article's time words ("gisteren", "dinsdag") count from.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime

from kroniek.errors import Errors, KroniekError

# ASCII digits only (re.ASCII): "\d" alone also matches fullwidth and other scripts' digits ("２０２０"),
# which would pass as a date that sorts and compares wrongly in the store.
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2}))?", re.ASCII)
# A date, then a time: "T" or one space, hours and minutes at least, seconds and fractions and a
# zone (Z or +hh:mm / +hhmm / +hh) optional.
_TIMESTAMP = re.compile(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)(Z|[+-]\d{2}(?::?\d{2})?)?",
                        re.IGNORECASE | re.ASCII)
PRECISIONS = {10: "day", 7: "month", 4: "year"}


def normalise_date(value: object) -> str | None:
    """The date as YYYY-MM-DD, YYYY-MM or YYYY, or None when `value` is not a real date in a known form."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if _ISO_DAY.fullmatch(value):
        return value if _real_day(value) else None
    stamp = _TIMESTAMP.fullmatch(value)
    if stamp:
        day, clock = stamp.group(1), stamp.group(2).replace(",", ".")
        try:
            datetime.fromisoformat(f"{day}T{clock}")
        except ValueError:
            return None
        return day
    partial = _PARTIAL.fullmatch(value)
    if partial and int(partial.group(1)) >= 1 and (partial.group(2) is None or 1 <= int(partial.group(2)) <= 12):
        return value
    return None


def _real_day(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def is_valid_date(value: object) -> bool:
    """True for a date normalise_date accepts (a day, month, year or ISO timestamp)."""
    return normalise_date(value) is not None


def parse_date(value: str, where: str | None = None) -> str:
    """The normalised date (YYYY-MM-DD, YYYY-MM or YYYY); raise KroniekError E009 for anything else."""
    normalised = normalise_date(value)
    if normalised is None:
        raise KroniekError(Errors.E009, where, value=value)
    return normalised


def date_precision(value: str | None) -> str | None:
    """"day", "month" or "year" for a normalised date; None for None."""
    return PRECISIONS.get(len(value)) if value else None


def first_day(value: str) -> str:
    """The first day (YYYY-MM-DD) of a normalised date's period."""
    return value + {4: "-01-01", 7: "-01"}.get(len(value), "")


def last_day(value: str) -> str:
    """The last day (YYYY-MM-DD) of a normalised date's period."""
    if len(value) == 4:
        return f"{value}-12-31"
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:])
        return f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    return value
