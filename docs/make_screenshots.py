"""Screenshots of the dashboard for the README (make screenshots), taken with Debian's Chromium through
Playwright from a server on this machine; a request to any other host stops it with an error.

Usage: python docs/make_screenshots.py DB OUT_DIR [--article-db DB2] [--article DOC_ID]
  dashboard.png  the dashboard on DB (the EU–Belarus corpus: IGOEUR–BLR and LTU–BLR per year, network, map)
  article.png    an article of DB2 opened from the event list: its evidence highlighted and the explain
                 trace (--article names it: one of our own examples, so that no news text lands in the
                 repository; DB2 is the corpus with the examples added, DB stays the corpus alone)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import httpx

from kroniek.web import create_app
from kroniek.web.serve import ServerThread

CHROMIUM = "/usr/lib/chromium/chromium"
DASHBOARD = {"d1": "IGOEUR,BLR", "d2": "LTU,BLR", "freq": "year", "since": "2004", "until": "2025"}
READY = "document.body.dataset.ready === '1'"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("out", type=Path)
    parser.add_argument("--article-db", help="the store to take the article from (default: DB)")
    parser.add_argument("--article", default="baltische-steun")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    outside: list[str] = []

    def route(request_route) -> None:  # noqa: ANN001 - playwright's Route
        if urlsplit(request_route.request.url).hostname in ("127.0.0.1", "localhost"):
            request_route.continue_()
        else:
            outside.append(request_route.request.url)
            request_route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        page = browser.new_page(viewport={"width": 1400, "height": 1160}, device_scale_factor=1)
        page.route("**/*", route)
        with ServerThread(create_app(args.db)) as server:
            page.goto(server.url + "/?" + urlencode(DASHBOARD))
            page.wait_for_function(READY, timeout=120_000)
            page.screenshot(path=str(args.out / "dashboard.png"))
        with ServerThread(create_app(args.article_db or args.db, preload=True)) as server:
            found = httpx.get(server.url + "/api/events", params={"doc_id": args.article}, timeout=60).json()
            if not found["events"]:
                sys.exit(f"make_screenshots: no events of document {args.article!r} in {args.article_db or args.db}")
            chosen = found["events"][0]
            view = {"actor": chosen["source"]["code"], "doc": args.article,
                    "ev": f"{chosen['evidence']['start']}-{chosen['evidence']['end']}"}  # fmt: skip
            page.goto(server.url + "/?" + urlencode(view))
            page.wait_for_function("document.getElementById('explain').dataset.ready === '1'", timeout=120_000)
            page.screenshot(path=str(args.out / "article.png"))
        browser.close()
    if outside:
        sys.exit(f"make_screenshots: the dashboard asked for outside addresses: {outside}")
    print(f"wrote {args.out / 'dashboard.png'} and {args.out / 'article.png'}")


if __name__ == "__main__":
    main()
