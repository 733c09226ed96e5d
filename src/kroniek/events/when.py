"""The date an event happened, from the time words in its clause and the publication date.

"dinsdag" in an article of Wednesday 2020-08-12 is 2020-08-11 (the last Tuesday before it);
"in 2014" is the year 2014; "vorig jaar" the year before publication. Without a time word the
event takes the publication date, marked as such (date_source "publication").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from kroniek.yamlfile import read_yaml

DATA = Path(__file__).parent / "data"
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")


@dataclass(frozen=True)
class EventDate:
    date: str | None
    precision: str | None  # day | week | month | year
    source: str  # "text" (a time word in the clause), "publication", or "unknown" (an act named in passing)
    text: str = ""


@dataclass(frozen=True)
class DateWords:
    weekdays: tuple[str, ...]
    months: tuple[str, ...]
    days_ago: dict[str, int]
    relative: dict[str, tuple[str, int]]
    past_markers: frozenset[str]
    day_after_month: bool = False  # "March 3" (English) as well as "3 maart"

    @staticmethod
    @lru_cache(maxsize=4)
    def load(lang: str) -> DateWords:
        raw = read_yaml(DATA / f"dates.{lang}.yaml")
        return DateWords(
            tuple(raw["weekdays"]), tuple(raw["months"]), dict(raw["days_ago"]),
            {k: (v[0], int(v[1])) for k, v in raw["relative"].items()}, frozenset(raw["past_markers"]),
            bool(raw.get("day_after_month", False)),
        )


def _parse_pub(doc_date: str | None) -> tuple[dt.date | None, str | None]:
    if not doc_date:
        return None, None
    parts = doc_date.split("-")
    try:
        if len(parts) == 3:
            return dt.date(int(parts[0]), int(parts[1]), int(parts[2])), "day"
        if len(parts) == 2:
            return dt.date(int(parts[0]), int(parts[1]), 1), "month"
        return dt.date(int(parts[0]), 1, 1), "year"
    except ValueError:
        return None, None


UNKNOWN = EventDate(None, None, "unknown")


def publication(doc_date: str | None) -> EventDate:
    _, precision = _parse_pub(doc_date)
    return EventDate(doc_date, precision, "publication")


def _day(year: int, month: int, day: str, evidence: str) -> EventDate | None:
    """A day of a month named in the text; None when there is no such day."""
    try:
        return EventDate(dt.date(year, month, int(day)).isoformat(), "day", "text", evidence)
    except ValueError:
        return None


def event_date(tokens: Iterable[Token], doc_date: str | None, lang: str) -> EventDate:
    """The most specific time expression among the clause's tokens, resolved against doc_date."""
    words = DateWords.load(lang)
    pub, pub_precision = _parse_pub(doc_date)
    best: EventDate | None = None
    rank = {"day": 3, "week": 2, "month": 2, "year": 1}
    for token in sorted(tokens, key=lambda t: t.i):
        found = _expression(token, words, pub, pub_precision)
        if found and (best is None or rank[found.precision or "year"] > rank[best.precision or "year"]):
            best = found
    return best or publication(doc_date)


def _expression(token: Token, words: DateWords, pub: dt.date | None, pub_precision: str | None) -> EventDate | None:
    lower = token.lower_
    doc = token.doc
    prev = doc[token.i - 1].lower_ if token.i > 0 else ""
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if _YEAR.match(lower):
        # "juni 2014" is a month; a bare "2014" after "in", "sinds", "na" is a year
        if prev in words.months:
            month = words.months.index(prev) + 1
            return EventDate(f"{lower}-{month:02d}", "month", "text", f"{prev} {token.text}")
        if token.dep_ != "nummod":
            return EventDate(lower, "year", "text", token.text)
    if pub is None or pub_precision != "day":
        return None
    if lower in words.days_ago:
        day = pub - dt.timedelta(days=words.days_ago[lower])
        return EventDate(day.isoformat(), "day", "text", token.text)
    if lower in words.weekdays:
        back = (pub.weekday() - words.weekdays.index(lower)) % 7
        if back == 0 and prev in words.past_markers:
            back = 7
        day = pub - dt.timedelta(days=back)
        return EventDate(day.isoformat(), "day", "text", token.text)
    # a month name that is also a verb ("may", "march") counts only where it is not tagged as one
    if (lower in words.months and nxt is not None and not _YEAR.match(nxt.lower_)
            and token.pos_ not in ("VERB", "AUX")):
        month = words.months.index(lower) + 1
        year = pub.year if month <= pub.month else pub.year - 1
        if prev.isdigit() and 1 <= int(prev) <= 31:  # "3 maart"
            return _day(year, month, prev, f"{prev} {token.text}")
        if words.day_after_month and nxt.text.isdigit() and 1 <= int(nxt.text) <= 31:  # "March 3"
            return _day(year, month, nxt.text, f"{token.text} {nxt.text}")
        return EventDate(f"{year}-{month:02d}", "month", "text", token.text)
    phrase = f"{prev} {lower}"
    if phrase in words.relative:
        unit, offset = words.relative[phrase]
        if unit == "year":
            return EventDate(str(pub.year + offset), "year", "text", phrase)
        if unit == "month":
            month0 = pub.year * 12 + pub.month - 1 + offset
            return EventDate(f"{month0 // 12}-{month0 % 12 + 1:02d}", "month", "text", phrase)
        if unit == "week":
            monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=offset)
            return EventDate(monday.isoformat(), "week", "text", phrase)
        if unit == "weekend":
            saturday = pub - dt.timedelta(days=(pub.weekday() - 5) % 7 or 7)
            return EventDate(saturday.isoformat(), "day", "text", phrase)
    return None
