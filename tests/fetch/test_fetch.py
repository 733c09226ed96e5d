"""Fetching politely, and an article page read from its URL, against a local server."""

from __future__ import annotations

import socket
import time

import pytest
from webpages import article_html

from kroniek.errors import InputError
from kroniek.read.web import Fetcher, Politeness, is_url, page_document

FAST = Politeness(delay=0.0, timeout=5.0, retries=2, backoff=0.01)
BODY = ("Lithuania granted asylum to the Belarusian opposition leader on Tuesday.\n\n"
        "The government in Vilnius said she was safe and would stay as long as she wished.")


def test_an_article_page_gives_its_text_title_date_and_url(site):
    url = site.add("/world/asylum", article_html("Vilnius shelters opposition leader", BODY))
    doc = page_document(url, Fetcher(FAST))
    assert doc.doc_id == url and doc.url == url
    assert doc.title == "Vilnius shelters opposition leader"
    assert doc.date == "2020-08-12"
    assert doc.text.startswith("Lithuania granted asylum") and "Home" not in doc.text and "Copyright" not in doc.text


def test_every_request_names_kroniek_and_robots_txt_is_read_once_per_host(site):
    urls = [site.add(f"/a{i}", article_html(f"Story {i}", BODY)) for i in range(3)]
    fetcher = Fetcher(FAST)
    for url in urls:
        page_document(url, fetcher)
    assert site.requests["/robots.txt"] == 1
    assert fetcher.requests == 4
    assert all(agent.startswith("kroniek/") for agent in site.agents)


def test_a_page_robots_txt_disallows_is_not_fetched(site):
    site.add("/robots.txt", "User-agent: kroniek\nDisallow: /private/\n", content_type="text/plain")
    url = site.add("/private/story", article_html("Secret", BODY))
    with pytest.raises(InputError) as caught:
        page_document(url, Fetcher(FAST))
    assert caught.value.error.name == "E025" and "\n" not in str(caught.value)
    assert site.requests["/private/story"] == 0


def test_robots_txt_for_other_agents_does_not_stop_kroniek(site):
    site.add("/robots.txt", "User-agent: otherbot\nDisallow: /\n", content_type="text/plain")
    url = site.add("/story", article_html("Open", BODY))
    assert page_document(url, Fetcher(FAST)).title == "Open"


def test_an_unavailable_server_is_retried_with_backoff(site):
    url = site.add("/busy", article_html("Busy", BODY), fail_first=2, fail_status=503)
    doc = page_document(url, Fetcher(FAST))
    assert doc.title == "Busy" and site.requests["/busy"] == 3


def test_a_missing_page_fails_at_once_on_one_line(site):
    with pytest.raises(InputError) as caught:
        page_document(site.base + "/gone", Fetcher(FAST))
    assert str(caught.value) == f"{site.base}/gone: cannot fetch: HTTP 404 [E024]"
    assert site.requests["/gone"] == 1


def test_a_server_that_keeps_failing_gives_up_after_the_retries(site):
    url = site.add("/down", "x", fail_first=10, fail_status=500)
    with pytest.raises(InputError, match=r"HTTP 500 \(after 3 attempts\)"):
        page_document(url, Fetcher(FAST))
    assert site.requests["/down"] == 3


def test_a_server_that_answers_too_slowly_times_out(site):
    url = site.add("/slow", article_html("Slow", BODY), pause=1.0)
    with pytest.raises(InputError, match=r"cannot fetch: timed out \(after 2 attempts\) \[E024\]$"):
        page_document(url, Fetcher(Politeness(delay=0.0, timeout=0.3, retries=1, backoff=0.01)))
    assert site.requests["/slow"] == 2


def test_no_server_at_all_is_one_line():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(InputError) as caught:
        page_document(f"http://127.0.0.1:{port}/x", Fetcher(FAST))
    assert str(caught.value).startswith(f"http://127.0.0.1:{port}/x: cannot fetch: robots.txt unreachable (")


def test_requests_to_one_host_are_spaced_by_the_delay(site):
    urls = [site.add(f"/p{i}", article_html(f"Story {i}", BODY)) for i in range(3)]
    fetcher = Fetcher(Politeness(delay=0.3, retries=0))
    start = time.monotonic()
    for url in urls:
        page_document(url, fetcher)
    assert time.monotonic() - start >= 0.9  # robots.txt, then three pages, 0.3 s apart


def test_robots_crawl_delay_raises_the_delay(site):
    site.add("/robots.txt", "User-agent: *\nCrawl-delay: 1\n", content_type="text/plain")
    urls = [site.add(f"/c{i}", article_html(f"Story {i}", BODY)) for i in range(2)]
    fetcher = Fetcher(FAST)
    start = time.monotonic()
    for url in urls:
        page_document(url, fetcher)
    assert time.monotonic() - start >= 1.0


def test_a_page_that_is_neither_html_nor_text_is_refused(site):
    url = site.add("/photo.png", b"\x89PNG....", content_type="image/png")
    with pytest.raises(InputError, match="unsupported content type 'image/png'"):
        page_document(url, Fetcher(FAST))


def test_a_page_larger_than_the_limit_is_refused(site):
    url = site.add("/big", article_html("Big", BODY * 50))
    with pytest.raises(InputError, match="larger than 1000 bytes"):
        page_document(url, Fetcher(FAST, max_bytes=1000))


def test_urls_are_told_from_paths():
    assert is_url("https://nos.nl/artikel/1") and is_url("HTTP://x.org")
    assert not is_url("artikelen/nos.html") and not is_url("-")
