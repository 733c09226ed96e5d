"""The REST API under /api/: stored events, documents and actors, dyad series, networks, top lists,
the map's counts, and coding of posted text. Read-only on the store; every SQL value a parameter."""

from __future__ import annotations

import json
import math
import re
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from kroniek.model import Document
from kroniek.store.duckdb import Store
from kroniek.web import params
from kroniek.web.assets import country_shapes, country_topology

router = APIRouter(prefix="/api")

MAX_LIMIT = 1000  # events, actors or edges in one answer

# The filters most endpoints share, as FastAPI parameters (documented in OpenAPI).
Since = Annotated[str | None, Query(description="Events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")]
Until = Annotated[str | None, Query(description="Events on or before this date.")]
ActorQ = Annotated[str | None, Query(description="Source or target code starts with this (BLR, IGOEUR).")]
DyadQ = Annotated[str | None, Query(description="Two actor code prefixes A,B: events between them, either direction.")]
CodeQ = Annotated[str | None, Query(description="CAMEO code prefix (19, 0256).")]
QuadQ = Annotated[list[int] | None, Query(description="QuadClass 1-4; repeat for several.")]
StatusQ = Annotated[list[str] | None, Query(
    description="asserted (default), negated, hypothetical, demanded, reported, or all; repeat or comma-separate.")]


def _store(request: Request) -> Store:
    return request.app.state.store


def _json(content: Any) -> Response:
    """A JSON answer written by the json module (faster than validating thousands of records)."""
    return Response(json.dumps(content, ensure_ascii=False, default=_iso), media_type="application/json")


def _iso(value: Any) -> str:
    """Dates and timestamps (a document's ingested_at) as ISO text."""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def event_filters(since: str | None = None, until: str | None = None, actor: str | None = None,
                  dyad: str | None = None, code: str | None = None, quad: list[int] | None = None,
                  status: list[str] | None = None, doc_id: str | None = None) -> dict[str, Any]:
    """The store's event filters (Store.events) from the API's query parameters, each checked (BadParameter)."""
    return {"since": params.date("since", since), "until": params.date("until", until),
            "actor": params.actor("actor", actor), "dyad": params.dyad("dyad", dyad),
            "code": params.cameo("code", code), "quad": params.quads(quad), "status": params.statuses(status),
            "doc_id": doc_id or None}  # fmt: skip


class EventPage(BaseModel):
    total: int = Field(description="How many events match the filters.")
    limit: int
    offset: int
    events: list[dict[str, Any]] = Field(description="Event records as the contract defines them, in date order.")


@router.get("/info", summary="The store: its file, counts and date range")
def info(request: Request) -> dict[str, Any]:
    from kroniek import __version__
    from kroniek.pipeline import CODER_VERSION

    store = _store(request)
    span = store.query("SELECT min(period_start) AS first, max(period_start) AS last FROM matched", status=None)
    return {"db": str(store.path), "version": __version__, "coder_version": CODER_VERSION,
            "counts": store.counts(), "first": span[0]["first"], "last": span[0]["last"]}  # fmt: skip


@router.get("/events", response_model=EventPage, summary="Stored events, filtered, a page at a time")
def events(request: Request, since: Since = None, until: Until = None, actor: ActorQ = None, dyad: DyadQ = None,
           code: CodeQ = None, quad: QuadQ = None, status: StatusQ = None,
           doc_id: Annotated[str | None, Query(description="Only this document's events.")] = None,
           limit: Annotated[int, Query(ge=0, le=MAX_LIMIT)] = 100,
           offset: Annotated[int, Query(ge=0)] = 0) -> Response:
    """The filters of `kroniek events`; `limit` and `offset` page through the events in date order."""
    store = _store(request)
    filters = event_filters(since, until, actor, dyad, code, quad, status, doc_id)
    total, records = store.page(limit, offset, **filters)
    return _json({"total": total, "limit": limit, "offset": offset, "events": records})


@router.get("/documents/{doc_id:path}", summary="A stored document: text, events, evidence, actors, explain trace")
def document(request: Request, doc_id: str,
             explain: Annotated[bool, Query(description="Code the text again and add the explain trace.")] = False,
             ) -> Response:
    """The document's text and metadata, all its events (every status) with their evidence spans, its actor
    mentions, and with `explain=true` the trace of `kroniek explain` (which needs the language pipeline)."""
    store = _store(request)
    found = store.documents(doc_id=doc_id, include_text=True)
    if not found:
        return JSONResponse({"error": f"document {doc_id!r} is not in the store"}, status_code=404)
    stored = found[0]
    answer: dict[str, Any] = {
        "document": {k: v for k, v in stored.items() if k != "content_hash"},
        "events": store.events(doc_id=doc_id, status=None),
        "mentions": store.mentions(doc_id=doc_id),
    }
    if explain:
        from kroniek.pipeline import CODER_VERSION

        doc = Document(doc_id=doc_id, text=stored["text"], date=stored["date"], lang=stored["lang"])
        answer["explain"] = {"coder_version": CODER_VERSION, "stored_by": stored["coder_version"],
                             "sentences": request.app.state.coder.explain(doc)}  # fmt: skip
    return _json(answer)


@router.get("/actors", summary="The actors in the stored events, by how often they act or are acted on")
def actors(request: Request,
           q: Annotated[str | None, Query(description="Code prefix (BLR) or part of the name.")] = None,
           since: Since = None, until: Until = None, status: StatusQ = None,
           limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100) -> Response:
    filters = event_filters(since=since, until=until, status=status)
    where, values = "", []
    if q:
        where = "WHERE starts_with(code, ?) OR contains(lower(coalesce(name, '')), ?)"
        values = [q.upper(), q.lower()]
    rows = _store(request).query(
        "SELECT * FROM (SELECT code, mode(name) AS name, mode(country) AS country, sum(s)::INTEGER AS as_source,"
        " sum(t)::INTEGER AS as_target, count(*)::INTEGER AS events FROM ("
        " SELECT source_code AS code, source_name AS name, source_country AS country, 1 AS s, 0 AS t FROM matched"
        " UNION ALL SELECT target_code, target_name, target_country, 0, 1 FROM matched)"
        f" WHERE code IS NOT NULL GROUP BY code) {where} ORDER BY events DESC, code LIMIT ?",
        [*values, limit], **filters)
    return _json({"actors": rows})


@router.get("/map", summary="Where events happened and how much each country is involved")
def world_map(request: Request, since: Since = None, until: Until = None, actor: ActorQ = None, dyad: DyadQ = None,
              code: CodeQ = None, quad: QuadQ = None, status: StatusQ = None) -> Response:
    """`countries`: per ISO alpha-3 code, events with an actor of that country as source or target, and
    events placed there; `places`: the events' locations with their counts and mean Goldstein score."""
    store = _store(request)
    filters = event_filters(since, until, actor, dyad, code, quad, status)
    countries = store.query(
        "SELECT country, sum(s)::INTEGER AS as_source, sum(t)::INTEGER AS as_target, sum(p)::INTEGER AS located,"
        " (sum(s) + sum(t))::INTEGER AS involved FROM ("
        " SELECT source_country AS country, 1 AS s, 0 AS t, 0 AS p FROM matched"
        " UNION ALL SELECT target_country, 0, 1, 0 FROM matched"
        " UNION ALL SELECT location_country, 0, 0, 1 FROM matched)"
        " WHERE country IS NOT NULL GROUP BY country ORDER BY involved DESC, country", **filters)
    places = store.query(
        "SELECT location_name AS name, location_country AS country, location_lat AS lat, location_lon AS lon,"
        " count(*)::INTEGER AS events, round(avg(goldstein), 2) AS goldstein_mean FROM matched"
        " WHERE location_lat IS NOT NULL AND location_lon IS NOT NULL"
        " GROUP BY ALL ORDER BY events DESC, name", **filters)
    return _json({"countries": countries, "places": places})


@router.get("/geo/countries", summary="Country outlines (GeoJSON, ids ISO alpha-3) for the map")
def geo_countries() -> Response:
    return Response(json.dumps(country_shapes(), separators=(",", ":")), media_type="application/geo+json",
                    headers={"Cache-Control": "max-age=86400"})


@router.get("/geo/topojson/{name}", include_in_schema=False)
def geo_topojson(name: str) -> Response:
    """What plotly.js fetches for a geo plot (world_110m.json, ...), answered from country_topology()."""
    if not re.fullmatch(r"[a-z_]+_(110|50)m\.json", name):
        return JSONResponse({"error": f"no topojson {name!r}"}, status_code=404)
    return Response(json.dumps(country_topology(), separators=(",", ":")), media_type="application/json",
                    headers={"Cache-Control": "max-age=86400"})


@router.get("/series", summary="A dyad's series per period, its turning points and the yo-yo measured")
def dyad_series(request: Request,
                source: Annotated[str | None, Query(description="Actor code prefix of one side (IGOEUR).")] = None,
                target: Annotated[str | None, Query(description="Actor code prefix of the other side (BLR).")] = None,
                freq: Annotated[str, Query(description="day, week, month or year.")] = "month",
                directed: Annotated[bool, Query(description="Only source acting on target (else both ways).")] = True,
                codes: Annotated[str | None, Query(description="CAMEO code prefixes, comma-separated.")] = None,
                since: Since = None, until: Until = None,
                min_run: Annotated[int, Query(ge=1, le=100, description="Periods a new sign must hold.")] = 2,
                on: Annotated[str, Query(description="The measure whose sign turns: balance or goldstein_sum.")]
                = "balance", status: StatusQ = None) -> Response:
    from kroniek.analysis import series, turning_points, yoyo

    frame = series(_store(request), params.actor("source", source), params.actor("target", target),
                   freq=params.freq(freq), directed=directed, codes=params.cameo_list("codes", codes),
                   since=params.date("since", since), until=params.date("until", until),
                   status=params.statuses(status))  # fmt: skip
    return _json({"source": source, "target": target, "freq": freq, "directed": directed, "on": on,
                  "periods": _records(frame),
                  "turning_points": _records(turning_points(frame, min_run=min_run, on=on)),
                  "yoyo": _plain(yoyo(frame, min_run=min_run, on=on))})  # fmt: skip


@router.get("/network", summary="The actor network of a period: weighted directed edges")
def actor_network(request: Request, since: Since = None, until: Until = None, actor: ActorQ = None,
                  codes: Annotated[str | None, Query(description="CAMEO code prefixes, comma-separated.")] = None,
                  level: Annotated[str, Query(description="actor (full codes) or country.")] = "actor",
                  status: StatusQ = None,
                  limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="The heaviest edges only.")] = 200,
                  ) -> Response:
    """Edges from source to target with their events, Goldstein sum and mean, cooperative and conflictual
    counts, heaviest first; `actor` keeps the events with a side whose code starts with it."""
    from kroniek.analysis import network

    frame = network(_store(request), since=params.date("since", since), until=params.date("until", until),
                    codes=params.cameo_list("codes", codes), level=level, status=params.statuses(status),
                    actor=params.actor("actor", actor))  # fmt: skip
    return _json({"level": level, "edges": _records(frame.head(limit))})


@router.get("/top", summary="Top actors and dyads, and the mix of event types")
def top(request: Request, n: Annotated[int, Query(ge=1, le=200)] = 20, since: Since = None, until: Until = None,
        directed: Annotated[bool, Query(description="Dyads as source → target (else each pair once).")] = True,
        codes: Annotated[str | None, Query(description="CAMEO code prefixes, comma-separated.")] = None,
        status: StatusQ = None,
        source: Annotated[str | None, Query(description="For the event mix: source code prefix.")] = None,
        target: Annotated[str | None, Query(description="For the event mix: target code prefix.")] = None,
        ) -> Response:
    from kroniek.analysis import event_mix, top_actors, top_dyads

    store = _store(request)
    common = {"since": params.date("since", since), "until": params.date("until", until),
              "codes": params.cameo_list("codes", codes), "status": params.statuses(status)}
    mix = event_mix(store, source=params.actor("source", source), target=params.actor("target", target),
                    directed=directed, **common)  # fmt: skip
    return _json({"actors": _records(top_actors(store, n, **common)),
                  "dyads": _records(top_dyads(store, n, directed=directed, **common)),
                  "event_mix": _records(mix)})  # fmt: skip


class AnalyzeRequest(BaseModel):
    text: str = Field(description="The article's text.")
    lang: str = Field("auto", description="nl, en or auto.")
    date: str | None = Field(None, description="Publication date (YYYY-MM-DD, YYYY-MM, YYYY).")
    all: bool = Field(False, description="Also the negated, hypothetical, demanded and reported events.")


@router.post("/analyze", summary="Code a text: its events (nothing is stored)")
def analyze(request: Request, body: AnalyzeRequest) -> Response:
    """Text in, event records out. Bodies over the server's limit (--max-bytes) are refused with 413."""
    records = request.app.state.coder.analyze(body.text, body.lang, body.date, body.all)
    return _json({"events": records})


def _records(frame: Any) -> list[dict[str, Any]]:
    """A DataFrame's rows as JSON-ready dicts: NaN as null, dates as ISO text."""
    return [{str(k): _plain(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]


def _plain(value: Any) -> Any:
    """A result of numpy numbers, frames, dates and NaN made plain JSON values."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "to_dict") and hasattr(value, "columns"):  # a DataFrame
        return _records(value)
    if hasattr(value, "item"):  # a numpy scalar
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
