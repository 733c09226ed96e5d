"""The dashboard in a real browser: Debian's Chromium driven by Playwright against the running server.
Every request the page makes is watched; one to any host but the server fails the test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .conftest import ARTICLES, YEARS

CHROMIUM = Path("/usr/lib/chromium/chromium")
TEXTS = {doc_id: text for doc_id, _, _, _, text in ARTICLES}
READY = "document.body.dataset.ready === '1'"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """One browser context for the module (plotly.js is read once, then cached as a browser would)."""
    if not CHROMIUM.exists():
        pytest.skip(f"Debian's chromium is not installed ({CHROMIUM}): apt-get install chromium, or make browser")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield chromium.new_context(viewport={"width": 1400, "height": 1500})
        chromium.close()


class Page:
    """A browser page on the server, its outside requests refused and recorded, its script errors kept."""

    def __init__(self, context: object, server: str) -> None:
        self.server = server
        self.page = context.new_page()  # type: ignore[attr-defined]
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.route("**/*", self._route)

    def _route(self, route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if urlsplit(url).hostname in ("127.0.0.1", "localhost"):
            route.continue_()  # type: ignore[attr-defined]
        else:
            self.outside.append(url)
            route.abort()  # type: ignore[attr-defined]

    def open(self, query: str = "") -> object:
        self.page.goto(self.server + "/" + query)
        self.page.wait_for_function(READY, timeout=30_000)
        return self.page

    def data(self, chart: str) -> list[dict]:
        """The traces plotly drew in a chart: name, x, y (and customdata, locations, z)."""
        return self.page.evaluate(
            "(id) => document.getElementById(id).data.map(t => ({name: t.name, x: t.x, y: t.y,"
            " customdata: t.customdata, locations: t.locations, z: t.z, text: t.text}))", chart)


@pytest.fixture
def page(browser: object, server: str) -> Iterator[Page]:
    opened = Page(browser, server)
    yield opened
    opened.page.close()
    assert opened.outside == [], f"the dashboard asked for outside addresses: {opened.outside}"
    assert opened.errors == [], f"script errors on the page: {opened.errors}"


def trace(traces: list[dict], name: str) -> dict:
    return next(t for t in traces if t["name"] == name)


def test_the_dashboard_draws_every_panel_offline(page: Page) -> None:
    p = page.open()
    # the default dyads are the two busiest pairs
    assert p.input_value("#dyad-form [name=a1]") == "BLR" and p.input_value("#dyad-form [name=b1]") == "IGOEUREEC"
    assert {t["name"] for t in page.data("chart1")} == {"cooperative", "conflictual", "balance", "turning points"}
    nodes = trace(page.data("network"), "actors")["x"]
    assert len(nodes) == 6  # IGOEUREEC, BLR, BLRCOP, BLRCVL, LTU, BLRGOV (RUS only in a negated event)
    world = trace(page.data("map"), "countries")
    involved = dict(zip(world["locations"], world["z"], strict=True))
    assert involved["BLR"] == 13 and involved["LTU"] == 2 and involved["NLD"] == 0
    assert trace(page.data("map"), "places")["text"][0].startswith("Minsk: 1 events")
    assert p.locator("#events tbody tr").count() == 12  # the asserted events
    assert page.outside == []


def test_a_picked_dyad_shows_its_series_and_turning_points(page: Page) -> None:
    p = page.open()
    p.fill("#dyad-form [name=a1]", "IGOEUR")
    p.fill("#dyad-form [name=b1]", "BLR")
    p.fill("#dyad-form [name=a2]", "LTU")
    p.fill("#dyad-form [name=b2]", "BLR")
    p.select_option("#dyad-form [name=freq]", "year")
    p.click("#dyad-form button[type=submit]")
    p.wait_for_function("document.getElementById('chart1').dataset.dyad === 'IGOEUR,BLR' && " + READY)
    first = page.data("chart1")
    balance = trace(first, "balance")
    assert dict(zip(map(int, balance["x"]), balance["y"], strict=True)) == YEARS
    turns = trace(first, "turning points")
    assert turns["x"] == ["2008", "2011", "2016"] and turns["y"] == [1, -1, 1]
    assert "3 turning point(s), 1 full cycle(s)" in p.text_content("#yoyo1")
    second = trace(page.data("chart2"), "balance")
    assert dict(zip(second["x"], second["y"], strict=True)) == {"2020": -1, "2021": -1}
    assert "d1=IGOEUR%2CBLR" in p.url and "d2=LTU%2CBLR" in p.url and "freq=year" in p.url
    p.select_option("#dyad-form [name=on]", "goldstein_sum")
    p.click("#dyad-form button[type=submit]")
    p.wait_for_function("document.getElementById('chart1').data.some(t => t.name === 'Goldstein sum') && " + READY)
    first = page.data("chart1")
    sums = dict(zip(trace(first, "Goldstein sum")["x"], trace(first, "Goldstein sum")["y"], strict=True))
    turns = trace(first, "turning points")
    assert turns["x"] == ["2008", "2011", "2016"] and turns["y"] == [sums["2008"], sums["2011"], sums["2016"]]
    assert "on=goldstein_sum" in p.url


def test_clicking_an_event_opens_the_article_with_its_evidence_and_trace(page: Page) -> None:
    p = page.open("?status=all&actor=RUS")
    p.click("#events tbody tr >> nth=0")
    p.wait_for_function("document.getElementById('explain').dataset.ready === '1'", timeout=60_000)
    assert p.is_visible("#article")
    text = TEXTS["buren-2021"]
    assert p.text_content("#article-text") == text
    highlighted = "".join(p.locator("#article-text mark.selected").all_text_contents())
    assert highlighted and highlighted in text and "geen sancties opgelegd" in highlighted
    assert p.locator("#article-text mark").count() > p.locator("#article-text mark.selected").count()
    chosen = p.text_content("#explain .sentence.selected")
    assert "Rusland heeft geen sancties opgelegd aan Litouwen." in chosen and "RUS 163" in chosen
    assert "[negated" in chosen
    assert "doc=buren-2021" in p.url and "ev=" in p.url


def test_a_url_reproduces_the_view(page: Page, client: object) -> None:
    evidence = client.get("/api/events", params={"doc_id": "sancties-2011"}).json()["events"][0]["evidence"]
    span = f"{evidence['start']}-{evidence['end']}"
    p = page.open(f"?since=2011&until=2012&d1=IGOEUR%2CBLR&freq=year&doc=sancties-2011&ev={span}")
    p.wait_for_function("document.getElementById('explain').dataset.ready === '1'", timeout=60_000)
    assert p.input_value("#filters [name=since]") == "2011" and p.input_value("#filters [name=until]") == "2012"
    assert [cell.split(" ")[0] for cell in p.locator("#events tbody td:nth-child(3)").all_text_contents()] == [
        "163", "111"]
    assert trace(page.data("chart1"), "balance")["x"] == ["2011", "2012"]
    assert p.text_content("#article-title") == "Nieuwe sancties"
    assert p.locator("#events tbody tr.open").count() == 1
    start, end = evidence["start"], evidence["end"]
    assert "".join(p.locator("#article-text mark.selected").all_text_contents()) == TEXTS["sancties-2011"][start:end]


def test_the_filters_narrow_every_panel_and_go_into_the_url(page: Page) -> None:
    p = page.open()
    p.fill("#filters [name=code]", "16")
    p.select_option("#filters [name=status]", "all")
    p.click("#filters button[type=submit]")
    p.wait_for_function(READY + " && document.querySelectorAll('#events tbody tr').length === 4")
    codes = {cell.split(" ")[0] for cell in p.locator("#events tbody td:nth-child(3)").all_text_contents()}
    assert codes == {"163", "166"}
    assert set(p.locator("#events tbody td:nth-child(5)").all_text_contents()) == {"asserted", "negated"}
    edges = trace(page.data("network"), "edges")["customdata"]
    assert sorted(map(tuple, edges)) == [("IGOEUREEC", "BLR"), ("LTU", "BLRGOV"), ("RUS", "LTU")]
    assert "code=16" in p.url and "status=all" in p.url


def test_a_bad_filter_is_said_on_the_page(page: Page) -> None:
    p = page.open()
    p.fill("#filters [name=since]", "2020-13-01")
    p.click("#filters button[type=submit]")
    p.wait_for_function(READY + " && document.getElementById('error').textContent !== ''")
    assert "since: invalid date '2020-13-01'" in p.text_content("#error")


def test_the_api_docs_page_renders_offline(page: Page) -> None:
    p = page.page
    p.goto(page.server + "/docs")
    p.wait_for_selector(".opblock-summary-path", timeout=30_000)
    paths = set(p.locator(".opblock-summary-path").all_text_contents())
    assert {"/api/events", "/api/series", "/api/analyze"} <= {path.replace("\u200b", "") for path in paths}


def test_only_a_web_address_becomes_the_source_link(browser: object, tmp_path: Path) -> None:
    from dataclasses import replace

    from kroniek.store.duckdb import Store
    from kroniek.web import create_app
    from kroniek.web.serve import ServerThread

    from .test_web_api import late_document

    path = tmp_path / "links.duckdb"
    with Store(path) as store:
        for doc_id, url in (("web", "https://example.org/polen"), ("script", "javascript:alert(1)")):
            doc, actors, events = late_document(doc_id)
            store.ingest(replace(doc, url=url), actors, events)
    with ServerThread(create_app(path)) as server:
        page = Page(browser, server.url)
        try:
            links = {}
            for doc_id in ("web", "script"):
                p = page.open(f"?doc={doc_id}")
                p.wait_for_function("document.getElementById('article').dataset.ready === '1'")
                links[doc_id] = p.locator("#article-meta a").evaluate_all("links => links.map(a => a.href)")
        finally:
            page.page.close()
    assert links == {"web": ["https://example.org/polen"], "script": []}
    assert page.outside == [] and page.errors == []
