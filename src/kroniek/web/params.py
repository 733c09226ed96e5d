"""The web API's query parameters checked and converted: each bad value is a 400 with one line that
names the parameter and says what it must be (never a traceback, never a value passed on unchecked)."""

from __future__ import annotations

import re

from kroniek.read.dates import normalise_date

STATUSES = ("asserted", "negated", "hypothetical", "demanded", "reported")
FREQS = ("day", "week", "month", "year")
_ACTOR = re.compile(r"[A-Za-z]{1,40}")
_CAMEO = re.compile(r"\d{1,4}")


class BadParameter(ValueError):
    """A query parameter a client must correct; its message is the response's one line."""

    def __init__(self, name: str, problem: str) -> None:
        self.name = name
        super().__init__(f"{name}: {problem}")


def date(name: str, value: str | None) -> str | None:
    """A date bound as the store takes it (YYYY, YYYY-MM, YYYY-MM-DD; a timestamp gives its day)."""
    if value is None or value == "":
        return None
    normalised = normalise_date(value)
    if normalised is None:
        raise BadParameter(name, f"invalid date {value!r}: use YYYY-MM-DD (or YYYY-MM, YYYY)")
    return normalised


def actor(name: str, value: str | None) -> str | None:
    """An actor code prefix (IGOEUR, BLR, BLRGOV), upper-cased."""
    if value is None or value == "":
        return None
    if not _ACTOR.fullmatch(value):
        raise BadParameter(name, f"{value!r} is not an actor code: letters only, as IGOEUR or BLRGOV")
    return value.upper()


def dyad(name: str, value: str | None) -> tuple[str, str] | None:
    """Two actor code prefixes written A,B."""
    if value is None or value == "":
        return None
    parts = value.split(",")
    if len(parts) != 2:
        raise BadParameter(name, f"{value!r}: give two actor codes separated by a comma, as IGOEUR,BLR")
    a, b = (actor(name, part.strip()) for part in parts)
    if a is None or b is None:
        raise BadParameter(name, f"{value!r}: give two actor codes separated by a comma, as IGOEUR,BLR")
    return a, b


def cameo(name: str, value: str | None) -> str | None:
    """A CAMEO code prefix (19, 0256)."""
    if value is None or value == "":
        return None
    if not _CAMEO.fullmatch(value):
        raise BadParameter(name, f"{value!r} is not a CAMEO code prefix: one to four digits, as 19 or 0256")
    return value


def cameo_list(name: str, value: str | None) -> list[str] | None:
    """Several CAMEO code prefixes written 163,172."""
    if value is None or value.strip() == "":
        return None
    return [code for part in value.split(",") if (code := cameo(name, part.strip()))]


def statuses(values: list[str] | None) -> tuple[str, ...] | None:
    """The statuses asked for (asserted by default; "all" for every status, None to the store)."""
    if not values:
        return ("asserted",)
    wanted: list[str] = []
    for value in values:
        for part in value.split(","):
            part = part.strip()
            if part == "all":
                return None
            if part not in STATUSES:
                raise BadParameter("status", f"{part!r} is not a status: use {', '.join(STATUSES)} or all")
            wanted.append(part)
    return tuple(dict.fromkeys(wanted))


def quads(values: list[int] | None) -> list[int] | None:
    """QuadClasses 1-4."""
    if not values:
        return None
    for value in values:
        if value not in (1, 2, 3, 4):
            raise BadParameter("quad", f"{value} is not a QuadClass: use 1, 2, 3 or 4")
    return list(dict.fromkeys(values))


def freq(value: str) -> str:
    if value not in FREQS:
        raise BadParameter("freq", f"{value!r}: use {', '.join(FREQS)}")
    return value
