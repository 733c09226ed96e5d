"""Publication dates: one format (YYYY-MM-DD), validated in one place."""

from __future__ import annotations

import re
from datetime import date

from kroniek.errors import Errors, KroniekError

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def is_valid_date(value: object) -> bool:
    """True for a string of the form YYYY-MM-DD that names a real calendar day."""
    if not isinstance(value, str) or not _ISO_DAY.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def parse_date(value: str, where: str | None = None) -> str:
    """Return `value` (stripped) when it is a valid YYYY-MM-DD date; raise KroniekError E009 otherwise."""
    stripped = value.strip() if isinstance(value, str) else value
    if not is_valid_date(stripped):
        raise KroniekError(Errors.E009, where, value=value)
    return stripped
