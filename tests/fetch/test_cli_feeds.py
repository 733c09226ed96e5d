"""`kroniek ingest URL`, `kroniek ingest --feed` and `kroniek watch` against a local server."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
from typer.testing import CliRunner
from webpages import article_html, rss

from kroniek.cli import app

runner = CliRunner()
REPO = Path(__file__).resolve().parents[2]
CAPITALS = [("France", "Paris"), ("Germany", "Berlin"), ("Poland", "Warsaw"), ("Italy", "Rome"),
            ("Spain", "Madrid"), ("Sweden", "Stockholm"), ("Norway", "Oslo"), ("Austria", "Vienna"),
            ("Greece", "Athens"), ("Portugal", "Lisbon")]  # fmt: skip
ACTS = ["criticised", "praised", "met", "accused", "thanked"]


def _story(n: int) -> tuple[str, str]:
    """Article n of 50 (ten countries, five acts): a headline and two paragraphs of our own."""
    country, capital = CAPITALS[n % 10]
    other, _ = CAPITALS[(n + 3) % 10]
    act = ACTS[n // 10]
    title = f"{country} {act} {other} ({n})"
    body = (f"The government of {country} {act} {other} on Tuesday after talks in {capital} about trade, "
            f"the article numbered {n} reports.\n\nOfficials in {capital} said more talks would follow next month.")
    return title, body


def _kroniek(*args: str):
    return runner.invoke(app, list(args))


def _count(db: Path, table: str) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _fifty(site) -> str:
    items = []
    for n in range(50):
        title, body = _story(n)
        items.append((title, site.add(f"/news/{n}", article_html(title, body))))
    return site.add("/feed.xml", rss(items), content_type="application/rss+xml")


def test_a_50_item_feed_ingested_twice_fetches_and_adds_nothing_the_second_time(site, tmp_path):
    feed, db = _fifty(site), tmp_path / "k.duckdb"
    first = _kroniek("ingest", "--feed", feed, "--db", str(db), "--lang", "en", "--delay", "0")
    assert first.exit_code == 0, first.output
    assert "50 items, 0 seen before, 50 fetched, 0 failed; 52 requests" in first.output
    assert site.pages() == 50 and _count(db, "documents") == 50
    events = _count(db, "events")
    assert events >= 40
    site.requests.clear()
    second = _kroniek("ingest", "--feed", feed, "--db", str(db), "--lang", "en", "--delay", "0")
    assert second.exit_code == 0, second.output
    assert "50 items, 50 seen before, 0 fetched, 0 failed" in second.output
    assert "0 added, 0 replaced, 0 unchanged" in second.output
    assert site.pages() == 0 and dict(site.requests) == {"/robots.txt": 1, "/feed.xml": 1}
    assert _count(db, "documents") == 50 and _count(db, "events") == events


def test_a_failed_item_is_one_line_and_is_tried_again_next_time(site, tmp_path):
    title, body = _story(1)
    good = site.add("/news/1", article_html(title, body))
    flaky = site.add("/news/2", article_html(*_story(2)), fail_first=1, fail_status=404)
    feed = site.add("/feed.xml", rss([(title, good), ("Two", flaky)]), content_type="application/rss+xml")
    db = tmp_path / "k.duckdb"
    first = _kroniek("ingest", "--feed", feed, "--db", str(db), "--lang", "en", "--delay", "0")
    assert first.exit_code == 1
    assert f"kroniek: {flaky}: cannot fetch: HTTP 404 [E024]" in first.output.splitlines()
    assert "Traceback" not in first.output and _count(db, "documents") == 1
    second = _kroniek("ingest", "--feed", feed, "--db", str(db), "--lang", "en", "--delay", "0")
    assert second.exit_code == 0, second.output
    assert site.requests["/news/1"] == 1 and site.requests["/news/2"] == 2 and _count(db, "documents") == 2


def test_an_article_url_is_ingested_with_its_title_date_and_url(site, tmp_path):
    title, body = _story(3)
    url = site.add("/news/3", article_html(title, body, date="2020-09-01"))
    db = tmp_path / "k.duckdb"
    result = _kroniek("ingest", url, "--db", str(db), "--lang", "en")
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute("SELECT doc_id, title, date, url FROM documents").fetchone()
    assert row == (url, title, "2020-09-01", url)
    missing = _kroniek("ingest", site.base + "/nothing", "--db", str(db), "--lang", "en")
    assert missing.exit_code == 1 and f"kroniek: {site.base}/nothing: cannot fetch: HTTP 404 [E024]" in missing.output


def test_ingest_without_input_or_feed_is_a_usage_error(tmp_path):
    result = _kroniek("ingest", "--db", str(tmp_path / "k.duckdb"))
    assert result.exit_code == 2 and "ingest needs a PATH, a URL or --feed" in result.output


def test_watch_runs_its_rounds_and_the_second_finds_nothing_new(site, tmp_path):
    title, body = _story(4)
    feed = site.add("/feed.xml", rss([(title, site.add("/news/4", article_html(title, body)))]),
                    content_type="application/rss+xml")
    db = tmp_path / "k.duckdb"
    result = _kroniek("watch", "--feed", feed, "--every", "0.1s", "--max-rounds", "2", "--db", str(db),
                      "--lang", "en", "--delay", "0")
    assert result.exit_code == 0, result.output
    assert "round 2" in result.output and "1 items, 1 seen before, 0 fetched" in result.output
    assert site.requests["/news/4"] == 1 and site.requests["/feed.xml"] == 2


def test_watch_refuses_a_bad_interval(tmp_path):
    result = _kroniek("watch", "--feed", "f.xml", "--every", "soon", "--db", str(tmp_path / "k.duckdb"))
    assert result.exit_code == 2 and "--every: invalid interval 'soon'" in result.output


def test_ctrl_c_ends_watch_cleanly(site, tmp_path):
    title, body = _story(5)
    feed = site.add("/feed.xml", rss([(title, site.add("/news/5", article_html(title, body)))]),
                    content_type="application/rss+xml")
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    process = subprocess.Popen(
        [sys.executable, "-c", "from kroniek.cli import app; app()", "watch", "--feed", feed, "--every", "1h",
         "--db", str(tmp_path / "k.duckdb"), "--lang", "en", "--delay", "0"],
        stderr=subprocess.PIPE, text=True, env=env)  # fmt: skip
    deadline = time.monotonic() + 120
    while site.requests["/news/5"] == 0 and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(1.0)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert "watch stopped after 1 round(s)" in err and "Traceback" not in err
