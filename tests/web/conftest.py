"""A real DuckDB file coded from articles we wrote (a small EU–Belarus yo-yo, one article a year), and a
real uvicorn server over it on 127.0.0.1 at a free port, for the API and browser tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from kroniek.model import Document
from kroniek.pipeline import CODER_VERSION, default_analyzer
from kroniek.store.duckdb import Store
from kroniek.web import create_app
from kroniek.web.serve import ServerThread

# (doc_id, publication date, language, title, text): written for these tests.
ARTICLES = [
    ("sancties-2005", "2005-11-20", "nl", "Brussel straft Minsk",
     "De Europese Unie heeft sancties opgelegd aan Belarus. De maatregel treft de top van het land."),
    ("kritiek-2006", "2006-03-21", "nl", "Kritiek op de verkiezingen",
     "De Europese Unie veroordeelde Belarus om de verkiezingsfraude."),
    ("lof-2008", "2008-10-14", "nl", "Voorzichtige dooi",
     "De Europese Unie prees Belarus om de vrijlating van politieke gevangenen."),
    ("overleg-2009", "2009-05-07", "en", "EU and Belarus talk",
     "The European Union praised Belarus on Thursday. Belarus agreed to cooperate with the European Union."),
    ("sancties-2011", "2011-01-31", "nl", "Nieuwe sancties",
     "De Europese Unie heeft nieuwe sancties opgelegd aan Belarus na het neerslaan van de protesten."),
    ("kritiek-2012", "2012-02-28", "nl", "Opnieuw kritiek", "De Europese Unie veroordeelde Belarus opnieuw."),
    ("opheffing-2016", "2016-02-15", "nl", "Sancties opgeheven", "De Europese Unie heft de sancties tegen Belarus op."),
    ("hulp-2017", "2017-04-03", "nl", "Hulp voor Belarus", "De Europese Unie biedt Belarus economische hulp aan."),
    ("buitenland/minsk-2020", "2020-08-10", "nl", "Protest in Minsk",
     "In Minsk arresteerde de politie zaterdag honderden demonstranten. Litouwen veroordeelde Belarus."),
    ("buren-2021", "2021-06-20", "nl", "Litouwen en Belarus",
     "Litouwen heeft dinsdag de Belarussische ambassadeur uitgezet. "
     "Rusland heeft geen sancties opgelegd aan Litouwen."),
]  # fmt: skip

# What the coder makes of them (doc_id, source, CAMEO, target, status), checked when the store is built,
# so that a change in the coder shows here first rather than as puzzling failures further on.
EXPECTED_EVENTS = {
    ("sancties-2005", "IGOEUREEC", "163", "BLR", "asserted"),
    ("kritiek-2006", "IGOEUREEC", "111", "BLR", "asserted"),
    ("lof-2008", "IGOEUREEC", "051", "BLR", "asserted"),
    ("overleg-2009", "IGOEUREEC", "051", "BLR", "asserted"),
    ("overleg-2009", "BLR", "031", "IGOEUREEC", "asserted"),
    ("overleg-2009", "BLR", "060", "IGOEUREEC", "hypothetical"),
    ("sancties-2011", "IGOEUREEC", "163", "BLR", "asserted"),
    ("kritiek-2012", "IGOEUREEC", "111", "BLR", "asserted"),
    ("opheffing-2016", "IGOEUREEC", "085", "BLR", "asserted"),
    ("hulp-2017", "IGOEUREEC", "033", "BLR", "asserted"),
    ("buitenland/minsk-2020", "BLRCOP", "173", "BLRCVL", "asserted"),
    ("buitenland/minsk-2020", "LTU", "111", "BLR", "asserted"),
    ("buren-2021", "LTU", "166", "BLRGOV", "asserted"),
    ("buren-2021", "RUS", "163", "LTU", "negated"),
}


# The IGOEUR–BLR yo-yo per year, counted by hand from ARTICLES (asserted events, both directions):
# 2005 sanctions, 2006 criticism; 2008 praise, 2009 praise and intent; 2011 sanctions, 2012 criticism;
# 2016 sanctions lifted, 2017 aid offered.
YEARS = {2005: -1, 2006: -1, 2007: 0, 2008: 1, 2009: 2, 2010: 0, 2011: -1, 2012: -1, 2013: 0, 2014: 0, 2015: 0,
         2016: 1, 2017: 1}  # fmt: skip


def build_store(path: Path) -> Path:
    """Code ARTICLES with kroniek's pipeline and store them, as `kroniek ingest` does."""
    documents = [Document(doc_id=i, text=text, date=date, lang=lang, title=title) for i, date, lang, title, text
                 in ARTICLES]  # fmt: skip
    # the server's coder (explain, analyze) uses the same analyzer: its parts are built once
    coded = [(r.document, r.actors, r.events) for r in default_analyzer().analyze_strict(documents)]
    with Store(path, coder_version=CODER_VERSION) as store:
        store.ingest_many(coded)
        found = {(e["doc_id"], e["source"]["code"], e["cameo"], e["target"]["code"] if e["target"] else None,
                  e["status"]) for e in store.events(status=None)}  # fmt: skip
    assert found == EXPECTED_EVENTS, (
        "the test articles no longer code as these tests expect; review ARTICLES and EXPECTED_EVENTS: "
        f"missing {sorted(EXPECTED_EVENTS - found)}, new {sorted(found - EXPECTED_EVENTS)}")
    return path


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "kroniek.duckdb")


@pytest.fixture(scope="session")
def server(web_db: Path) -> Iterator[str]:
    """The base URL of a running server over web_db."""
    with ServerThread(create_app(web_db, max_analyze_bytes=20_000)) as running:
        yield running.url


@pytest.fixture
def client(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=60) as http:
        yield http
