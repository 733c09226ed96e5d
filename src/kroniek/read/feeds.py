"""RSS and Atom feeds (read by feedparser): their items, and the article page of each item fetched.

An item is known by its link, which becomes the doc_id of its article: an item whose link the
store holds already is skipped before anything is fetched, so a feed read again costs one request
for the feed itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import feedparser

from kroniek.errors import Errors, InputError
from kroniek.model import Document
from kroniek.read.web import Fetcher, is_url, page_document

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)?\s*$", re.IGNORECASE)
_SECONDS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class FeedItem:
    """What kroniek keeps of a feed item: its link, and the title and day the feed gives it."""

    url: str
    title: str | None
    date: str | None  # YYYY-MM-DD


@dataclass
class FeedCounts:
    """What a reading of feeds found, for the line an ingest ends with."""

    items: int = 0
    known: int = 0  # skipped: already in the store
    fetched: int = 0
    failed: int = 0
    feeds_failed: list[str] = field(default_factory=list)


def parse_feed(data: bytes, where: str) -> list[FeedItem]:
    """The items of an RSS or Atom document that have a link; raises InputError E026 when it is none."""
    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        reason = str(parsed.get("bozo_exception") or "no channel or feed element").splitlines()[0]
        raise InputError(Errors.E026, where, reason=reason)
    items = []
    for entry in parsed.entries:
        link = entry.get("link") or (entry.get("id") if is_url(entry.get("id") or "") else None)
        if not link:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        day = f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}" if stamp else None
        items.append(FeedItem(url=link.strip(), title=entry.get("title") or None, date=day))
    return items


def read_feed(feed: str, fetcher: Fetcher) -> list[FeedItem]:
    """The items of a feed at a URL (fetched politely) or in a file; raises InputError on one line."""
    if is_url(feed):
        return parse_feed(fetcher.get(feed).body, feed)
    path = Path(feed)
    if not path.is_file():
        raise InputError(Errors.E001, feed)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(Errors.E002, feed, reason=err.strerror or str(err)) from None
    return parse_feed(data, feed)


def feed_documents(feeds: Sequence[str], fetcher: Fetcher, known: Callable[[list[str]], set[str]],
                   counts: FeedCounts | None = None) -> Iterator[Document | InputError]:
    """The article of every item of the feeds that `known` (links -> those already stored) does not
    name, in feed order; an item in two feeds is read once. A feed or page that fails is one
    InputError and the rest goes on."""
    counts = counts if counts is not None else FeedCounts()
    seen: set[str] = set()
    for feed in feeds:
        try:
            items = read_feed(feed, fetcher)
        except InputError as err:
            counts.feeds_failed.append(feed)
            yield err
            continue
        fresh = []
        for item in items:
            if item.url not in seen:
                seen.add(item.url)
                fresh.append(item)
        counts.items += len(fresh)
        stored = known([item.url for item in fresh])
        counts.known += len(stored)
        for item in fresh:
            if item.url in stored:
                continue
            try:
                doc = page_document(item.url, fetcher)
            except InputError as err:
                counts.failed += 1
                yield err
                continue
            counts.fetched += 1
            yield replace(doc, date=doc.date or item.date, title=doc.title or item.title)


def parse_interval(value: str) -> float:
    """Seconds from "15m", "30s", "1h", "1d" or a plain number of seconds; ValueError otherwise."""
    match = _INTERVAL.match(value)
    if not match or float(match.group(1)) <= 0:
        raise ValueError(f"invalid interval {value!r}: use a number with s, m, h or d (15m, 30s, 1h)")
    return float(match.group(1)) * _SECONDS[(match.group(2) or "s").lower()]
