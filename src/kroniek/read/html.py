"""HTML pages: the article's main text, title, date and URL, extracted by trafilatura."""

from __future__ import annotations

import re
from configparser import ConfigParser
from dataclasses import dataclass, replace
from functools import cache

import trafilatura
from trafilatura.settings import use_config

from kroniek.errors import Errors, InputError
from kroniek.read.dates import is_valid_date
from kroniek.read.text import decode_document, normalise_newlines

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
CHARSET_SNIFF = 4096  # the meta charset must come early in <head> (the HTML standard says 1024 bytes)
# Dates from the page's metadata only: the extensive search guesses from URLs and free text.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
# Cookie and consent banners: on a page without an article trafilatura would otherwise return them.
_PRUNE = " | ".join(
    f"//*[contains(@{attribute}, '{word}')]"
    for attribute in ("class", "id")
    for word in ("cookie", "consent")
)


@dataclass(frozen=True)
class Page:
    """What kroniek keeps of an HTML page."""

    text: str
    title: str | None
    date: str | None  # YYYY-MM-DD
    url: str | None  # canonical or og:url
    repaired: str | None = None  # what was repaired in decoding the page (mixed encodings)


@cache
def _config() -> ConfigParser:
    config = use_config()
    # trafilatura tries its fallback extractors on results shorter than 250 characters and may drop
    # them; a three-sentence news brief is still an article.
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def declared_charset(data: bytes) -> str | None:
    """The encoding named by a <meta charset> or http-equiv Content-Type in the page's head."""
    match = _META_CHARSET.search(data[:CHARSET_SNIFF])
    return match.group(1).decode("ascii") if match else None


def _drop_title(text: str, title: str | None) -> str:
    # Some pages put the headline inside the article container; the title has its own field.
    if title:
        first, _, rest = text.partition("\n")
        if first.strip() == title.strip() and rest.strip():
            return rest
    return text


def extract_page(html: str, where: str) -> Page:
    """Extract the main text and metadata of an HTML page; raise InputError E011 without main text."""
    result = trafilatura.bare_extraction(
        html,
        favor_precision=True,  # drops menus and link lists that the default keeps on article-less pages
        prune_xpath=_PRUNE,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
        date_extraction_params=_DATE_PARAMS,
        config=_config(),
    )
    text = normalise_newlines(result.text or "") if result is not None else ""
    if not text.strip():
        raise InputError(Errors.E011, where)
    title = result.title or None
    date = result.date if is_valid_date(result.date) else None
    return Page(text=_drop_title(text, title), title=title, date=date, url=result.url or None)


def page_from_bytes(data: bytes, where: str, charset: str | None = None) -> Page:
    """Decode an HTML file (BOM, UTF-8, `charset` (an HTTP header's), its meta charset, detection)
    and extract its page."""
    decoded = decode_document(data, where, declared=charset or declared_charset(data))
    if not decoded.text.strip():
        raise InputError(Errors.E004, where)
    page = extract_page(decoded.text, where)
    return replace(page, repaired=decoded.repaired) if decoded.repaired else page
