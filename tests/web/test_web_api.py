"""The REST API over HTTP against a running uvicorn server on a real DuckDB file (conftest.py)."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from kroniek.model import Actor, Document, Event
from kroniek.store.duckdb import Store
from kroniek.web import create_app
from kroniek.web.serve import ServerThread

from .conftest import ARTICLES, EXPECTED_EVENTS, YEARS

EVENT_FIELDS = {
    "doc_id", "doc_date", "sentence_index", "sentence", "source", "target", "cameo", "cameo_name",
    "root", "quad_class", "goldstein", "plover", "date", "date_precision", "location", "status",
    "evidence", "confidence",
}  # fmt: skip
ASSERTED = sorted(e for e in EXPECTED_EVENTS if e[4] == "asserted")
TEXTS = {doc_id: text for doc_id, _, _, _, text in ARTICLES}


def key(record: dict) -> tuple:
    return (record["doc_id"], record["source"]["code"], record["cameo"],
            record["target"]["code"] if record["target"] else None, record["status"])  # fmt: skip


# -- events ----------------------------------------------------------------------------------------


def test_events_are_contract_records_in_date_order(client: httpx.Client) -> None:
    body = client.get("/api/events", params={"limit": 100}).json()
    assert body["total"] == len(ASSERTED) and body["limit"] == 100 and body["offset"] == 0
    assert sorted(key(r) for r in body["events"]) == ASSERTED
    assert all(EVENT_FIELDS <= set(r) for r in body["events"])
    days = [r["date"] or r["doc_date"] for r in body["events"]]
    assert days == sorted(days)


def test_limit_and_offset_page_through_the_same_order(client: httpx.Client) -> None:
    everything = client.get("/api/events").json()["events"]
    pages = [client.get("/api/events", params={"limit": 5, "offset": offset}).json() for offset in (0, 5, 10)]
    assert [key(r) for page in pages for r in page["events"]] == [key(r) for r in everything]
    assert {page["total"] for page in pages} == {len(ASSERTED)}
    assert [len(page["events"]) for page in pages] == [5, 5, len(ASSERTED) - 10]


@pytest.mark.parametrize(("params", "expected"), [
    ({"dyad": "IGOEUR,BLR", "since": "2011", "until": "2012"}, {"sancties-2011", "kritiek-2012"}),
    ({"actor": "LTU"}, {"buitenland/minsk-2020", "buren-2021"}),
    ({"code": "16"}, {"sancties-2005", "sancties-2011", "buren-2021"}),
    ({"quad": [3, 4], "until": "2006-12-31"}, {"sancties-2005", "kritiek-2006"}),
    ({"status": "negated"}, {"buren-2021"}),
    ({"status": "hypothetical,negated"}, {"overleg-2009", "buren-2021"}),
    ({"doc_id": "overleg-2009", "status": "all"}, {"overleg-2009"}),
])  # fmt: skip
def test_events_take_the_filters_of_kroniek_events(client: httpx.Client, params: dict, expected: set) -> None:
    body = client.get("/api/events", params=params).json()
    assert {r["doc_id"] for r in body["events"]} == expected
    assert body["total"] == len(body["events"])


def test_every_status_with_status_all(client: httpx.Client) -> None:
    records = client.get("/api/events", params={"status": "all"}).json()["events"]
    assert sorted(key(r) for r in records) == sorted(EXPECTED_EVENTS)


@pytest.mark.parametrize(("params", "named"), [
    ({"limit": 5000}, "limit"),
    ({"offset": -1}, "offset"),
    ({"since": "2020-13"}, "since: invalid date '2020-13'"),
    ({"until": "gisteren"}, "until: invalid date"),
    ({"quad": 7}, "quad: 7 is not a QuadClass"),
    ({"status": "maybe"}, "status: 'maybe' is not a status"),
    ({"dyad": "IGOEUR"}, "dyad: 'IGOEUR': give two actor codes"),
    ({"actor": "BL R"}, "actor: 'BL R' is not an actor code"),
    ({"code": "1a"}, "code: '1a' is not a CAMEO code prefix"),
])  # fmt: skip
def test_a_bad_parameter_is_a_400_with_one_line_naming_it(client: httpx.Client, params: dict, named: str) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 400
    message = response.json()["error"]
    assert named in message and "\n" not in message and "Traceback" not in message


def test_an_injection_attempt_is_only_a_value(client: httpx.Client) -> None:
    response = client.get("/api/events", params={"doc_id": "x' OR '1'='1"})
    assert response.status_code == 200 and response.json()["events"] == []
    assert client.get("/api/actors", params={"q": "'; DROP TABLE events; --"}).json()["actors"] == []
    assert client.get("/api/events").json()["total"] == len(ASSERTED)


# -- documents -------------------------------------------------------------------------------------


def test_a_document_comes_with_its_events_evidence_and_actor_mentions(client: httpx.Client) -> None:
    body = client.get("/api/documents/buren-2021").json()
    text = body["document"]["text"]
    assert text == TEXTS["buren-2021"] and body["document"]["title"] == "Litouwen en Belarus"
    assert {(e["cameo"], e["status"]) for e in body["events"]} == {("166", "asserted"), ("163", "negated")}
    expel = next(e for e in body["events"] if e["cameo"] == "166")
    assert "uitgezet" in text[expel["evidence"]["start"] : expel["evidence"]["end"]]
    assert {m["text"]: m["code"] for m in body["mentions"]}["Litouwen"] == "LTU"
    assert all(text[m["start"] : m["end"]] == m["text"] for m in body["mentions"])
    assert "explain" not in body


def test_a_document_id_with_a_slash_is_found(client: httpx.Client) -> None:
    body = client.get("/api/documents/buitenland/minsk-2020").json()
    assert body["document"]["doc_id"] == "buitenland/minsk-2020"
    assert client.get("/api/documents/buitenland%2Fminsk-2020").status_code == 200


def test_the_explain_trace_shows_the_pattern_behind_each_event(client: httpx.Client) -> None:
    body = client.get("/api/documents/buren-2021", params={"explain": "true"}).json()
    sentences = body["explain"]["sentences"]
    fired = [(a["pattern"], e["cameo"], e["status"]) for s in sentences for a in s["attempts"] for e in a["events"]]
    assert {(cameo, status) for _, cameo, status in fired} == {("166", "asserted"), ("163", "negated")}
    stored = {e["evidence"]["rule"] for e in body["events"]}
    assert stored <= {pattern for pattern, _, _ in fired}
    text = body["document"]["text"]
    assert all(" ".join(text[s["start"] : s["end"]].split()) == s["text"] for s in sentences)


def test_an_unknown_document_is_a_404(client: httpx.Client) -> None:
    response = client.get("/api/documents/nergens")
    assert response.status_code == 404
    assert response.json() == {"error": "document 'nergens' is not in the store"}


# -- actors, map -----------------------------------------------------------------------------------


def test_actors_are_counted_as_source_and_target(client: httpx.Client) -> None:
    actors = {a["code"]: a for a in client.get("/api/actors").json()["actors"]}
    assert actors["IGOEUREEC"]["as_source"] == 8 and actors["IGOEUREEC"]["as_target"] == 1
    assert actors["BLR"]["as_target"] == 9 and actors["BLR"]["name"] == "Belarus"
    found = client.get("/api/actors", params={"q": "blr"}).json()["actors"]
    assert found and all(a["code"].startswith("BLR") for a in found)
    assert [a["code"] for a in client.get("/api/actors", params={"q": "lithu"}).json()["actors"]] == ["LTU"]


def test_the_map_counts_countries_and_places(client: httpx.Client) -> None:
    body = client.get("/api/map").json()
    countries = {c["country"]: c for c in body["countries"]}
    assert countries["LTU"]["as_source"] == 2 and countries["LTU"]["as_target"] == 0
    # as source: BLR's intent (2009), the police in Minsk; as target: eight times of the EU, the protesters in
    # Minsk, twice of Lithuania
    assert (countries["BLR"]["as_source"], countries["BLR"]["as_target"], countries["BLR"]["involved"]) == (2, 11, 13)
    minsk = next(p for p in body["places"] if p["name"] == "Minsk")
    assert minsk["country"] == "BLR" and minsk["events"] == 1 and round(minsk["lat"]) == 54


def test_country_shapes_come_from_the_installed_package(client: httpx.Client) -> None:
    shapes = client.get("/api/geo/countries").json()
    ids = {f["id"] for f in shapes["features"]}
    assert {"BLR", "LTU", "POL", "NLD", "RUS"} <= ids and len(ids) > 150
    topology = client.get("/api/geo/topojson/world_110m.json").json()
    assert topology["type"] == "Topology" and len(topology["objects"]["countries"]["geometries"]) == len(ids)
    assert client.get("/api/geo/topojson/..%2Fsecret.json").status_code == 404


# -- series, network, top --------------------------------------------------------------------------

def test_the_series_of_a_dyad_per_year_with_its_turning_points(client: httpx.Client) -> None:
    body = client.get("/api/series", params={"source": "IGOEUR", "target": "BLR", "freq": "year",
                                             "directed": "false"}).json()  # fmt: skip
    assert {int(p["period"]): p["balance"] for p in body["periods"]} == YEARS
    assert [p["period_start"] for p in body["periods"]][:2] == ["2005-01-01", "2006-01-01"]
    assert [t["period"] for t in body["turning_points"]] == ["2008", "2011", "2016"]
    assert body["yoyo"]["turning_points"] == ["2008", "2011", "2016"] and body["yoyo"]["cycles"] == 1
    directed = client.get("/api/series", params={"source": "BLR", "target": "IGOEUR", "freq": "year"}).json()
    assert [(p["period"], p["events"]) for p in directed["periods"]] == [("2009", 1)]


def test_the_turns_of_the_goldstein_sum(client: httpx.Client) -> None:
    query = {"source": "IGOEUR", "target": "BLR", "freq": "year", "directed": "false", "on": "goldstein_sum"}
    body = client.get("/api/series", params=query).json()
    sums = {p["period"]: p["goldstein_sum"] for p in body["periods"]}
    assert sums["2005"] == -8.0 and sums["2007"] == 0 and sums["2016"] > 0  # 163 Impose sanctions: -8
    assert body["on"] == "goldstein_sum" and [t["period"] for t in body["turning_points"]] == ["2008", "2011", "2016"]
    assert client.get("/api/series", params={**query, "on": "tone"}).status_code == 400


def test_series_parameters_are_checked(client: httpx.Client) -> None:
    response = client.get("/api/series", params={"source": "IGOEUR", "target": "BLR", "freq": "decade"})
    assert response.status_code == 400 and response.json()["error"].startswith("freq: 'decade'")
    assert client.get("/api/series", params={"source": "IGO-EUR"}).status_code == 400


def test_the_network_and_the_top_lists(client: httpx.Client) -> None:
    edges = {(e["source"], e["target"]): e for e in client.get("/api/network").json()["edges"]}
    assert edges[("IGOEUREEC", "BLR")]["events"] == 8 and edges[("IGOEUREEC", "BLR")]["conflictual"] == 4
    assert edges[("BLR", "IGOEUREEC")]["events"] == 1
    period = client.get("/api/network", params={"since": "2020", "until": "2021"}).json()["edges"]
    assert {(e["source"], e["target"]) for e in period} == {("BLRCOP", "BLRCVL"), ("LTU", "BLR"), ("LTU", "BLRGOV")}
    countries = client.get("/api/network", params={"level": "country", "since": "2020"}).json()["edges"]
    assert {(e["source"], e["target"]): e["events"] for e in countries} == {("BLR", "BLR"): 1, ("LTU", "BLR"): 2}
    assert client.get("/api/network", params={"level": "city"}).status_code == 400
    top = client.get("/api/top", params={"n": 1, "directed": "false"}).json()
    assert [(d["source"], d["target"], d["events"]) for d in top["dyads"]] == [("BLR", "IGOEUREEC", 9)]
    assert [(a["actor"], a["events"]) for a in top["actors"]] == [("BLR", 10)]
    assert {m["root"] for m in top["event_mix"]} >= {"16", "11", "05"}


# -- analyze ---------------------------------------------------------------------------------------


def test_analyze_codes_posted_text_and_stores_nothing(client: httpx.Client, web_db: Path) -> None:
    before = web_db.stat().st_mtime_ns
    response = client.post("/api/analyze", json={"text": "De Europese Unie heeft sancties opgelegd aan Rusland.",
                                                 "lang": "nl", "date": "2014-07-30"})  # fmt: skip
    assert response.status_code == 200
    assert [key(r) for r in response.json()["events"]] == [("posted", "IGOEUREEC", "163", "RUS", "asserted")]
    assert response.json()["events"][0]["doc_date"] == "2014-07-30"
    assert web_db.stat().st_mtime_ns == before


def test_analyze_refuses_a_body_over_the_limit_with_413(client: httpx.Client, server: str) -> None:
    big = json.dumps({"text": "De EU. " * 4000}).encode()  # the test server's limit is 20,000 bytes
    response = client.post("/api/analyze", content=big, headers={"content-type": "application/json"})
    assert response.status_code == 413 and "limit is 20000 bytes" in response.json()["error"]

    def chunks():  # no Content-Length: the body is counted as it comes in
        for start in range(0, len(big), 4096):
            yield big[start : start + 4096]

    streamed = httpx.post(server + "/api/analyze", content=chunks(), headers={"content-type": "application/json"})
    assert streamed.status_code == 413


@pytest.mark.parametrize(("body", "named"), [
    ({"lang": "nl"}, "body.text: Field required"),
    ({"text": "Iets.", "date": "2014-13-01"}, "invalid date '2014-13-01'"),
    ({"text": "Der Kanzler besuchte heute Paris.", "lang": "de"}, "no pipeline for language 'de'"),
])  # fmt: skip
def test_analyze_errors_are_400_with_one_line(client: httpx.Client, body: dict, named: str) -> None:
    response = client.post("/api/analyze", json=body)
    assert response.status_code == 400 and named in response.json()["error"], response.text


# -- pages, docs, read-only ------------------------------------------------------------------------


def test_openapi_and_its_docs_page_are_served_from_here(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/documents/{doc_id}", "/api/actors", "/api/series", "/api/network", "/api/top",
            "/api/analyze", "/api/map"} <= set(spec["paths"])  # fmt: skip
    page = client.get("/docs").text
    assert "/vendor/swagger/swagger-ui-bundle.js" in page and "http" not in page.replace("/openapi.json", "")
    assert client.get("/vendor/swagger/swagger-ui-bundle.js").status_code == 200
    plotly = client.get("/vendor/plotly.min.js")
    assert plotly.status_code == 200 and b"plotly.js v" in plotly.content[:200]
    dashboard = client.get("/")
    assert dashboard.status_code == 200 and "/vendor/plotly.min.js" in dashboard.text
    assert client.get("/api/nothing").json() == {"error": "Not Found"}


def test_a_writer_adds_events_while_the_server_reads(tmp_path: Path) -> None:
    path = tmp_path / "k.duckdb"
    with Store(path) as store:
        store.ingest(*late_document("laat-1"))
    with ServerThread(create_app(path)) as running, httpx.Client(base_url=running.url) as http:
        assert http.get("/api/events").json()["total"] == 1
        with Store(path) as writer:  # the server holds no connection between requests
            writer.ingest(*late_document("laat-2"))
        assert [r["doc_id"] for r in http.get("/api/events").json()["events"]] == ["laat-1", "laat-2"]


def late_document(doc_id: str) -> tuple[Document, list[Actor], list[Event]]:
    """A document with one hand-made event (no pipeline needed)."""
    text = "Polen prees Litouwen."
    doc = Document(doc_id=doc_id, text=text, date="2022-01-05", lang="nl")
    source = Actor(text="Polen", start=0, end=5, code="POL", name="Poland", country="POL")
    target = Actor(text="Litouwen", start=12, end=20, code="LTU", name="Lithuania", country="LTU")
    event = Event(doc_id=doc_id, doc_date=doc.date, sentence_index=0, sentence=text, source=source, target=target,
                  cameo="051", cameo_name="Praise or endorse", root="05", quad_class=1, goldstein=3.4,
                  plover={"event_type": "SUPPORT", "mode": None}, date=doc.date, date_precision="day",
                  location=None, status="asserted", evidence={"start": 0, "end": 21, "rule": "test"},
                  confidence=1.0)  # fmt: skip
    return doc, [source, target], [event]
