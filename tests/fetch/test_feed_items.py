"""Reading RSS and Atom feeds: their items, what the store holds already, and intervals."""

from __future__ import annotations

import pytest
from webpages import article_html, atom, rss

from kroniek.errors import InputError
from kroniek.read.feeds import FeedCounts, feed_documents, parse_feed, parse_interval, read_feed
from kroniek.read.web import Fetcher, Politeness

FAST = Politeness(delay=0.0, retries=1, backoff=0.01)


def test_rss_and_atom_items_have_their_link_title_and_day():
    for feed in (rss([("One", "https://a.example/1"), ("Two", "https://a.example/2")]),
                 atom([("One", "https://a.example/1"), ("Two", "https://a.example/2")])):
        items = parse_feed(feed.encode(), "feed")
        assert [(i.url, i.title, i.date) for i in items] == [
            ("https://a.example/1", "One", "2020-08-12"), ("https://a.example/2", "Two", "2020-08-12")]


def test_a_page_that_is_not_a_feed_is_one_line():
    with pytest.raises(InputError, match=r"^page: not an RSS or Atom feed: .* \[E026\]$"):
        parse_feed(b"just some words, no xml here", "page")


def test_a_feed_from_a_file_and_a_missing_file(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text(rss([("One", "https://a.example/1")]), encoding="utf-8")
    assert [i.url for i in read_feed(str(path), Fetcher(FAST))] == ["https://a.example/1"]
    with pytest.raises(InputError, match="file not found"):
        read_feed(str(tmp_path / "none.xml"), Fetcher(FAST))


def test_items_the_store_holds_are_not_fetched_and_a_failed_item_does_not_stop_the_rest(site):
    body = "Lithuania granted asylum to the opposition leader on Tuesday, its government said."
    links = [site.add(f"/n{i}", article_html(f"Story {i}", body)) for i in range(3)]
    feed = site.add("/feed.xml", rss([("Story 0", links[0]), ("Story 1", links[1]), ("Story 2", links[2]),
                                      ("Gone", site.base + "/gone"), ("Story 0 again", links[0])]),
                    content_type="application/rss+xml")
    counts = FeedCounts()
    found = list(feed_documents([feed], Fetcher(FAST), lambda urls: {links[1]} & set(urls), counts))
    docs = [d for d in found if not isinstance(d, InputError)]
    errors = [d for d in found if isinstance(d, InputError)]
    assert [d.doc_id for d in docs] == [links[0], links[2]]
    assert [str(e) for e in errors] == [f"{site.base}/gone: cannot fetch: HTTP 404 [E024]"]
    assert site.requests["/n1"] == 0 and site.requests["/n0"] == 1
    assert (counts.items, counts.known, counts.fetched, counts.failed) == (4, 1, 2, 1)
    assert docs[0].date == "2020-08-12" and docs[0].title == "Story 0"


@pytest.mark.parametrize(("text", "seconds"), [("15m", 900), ("30s", 30), ("1h", 3600), ("0.2", 0.2), ("2d", 172800)])
def test_intervals(text, seconds):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "15x", "-1m", "0", "often"])
def test_bad_intervals_are_refused(text):
    with pytest.raises(ValueError, match="invalid interval"):
        parse_interval(text)
