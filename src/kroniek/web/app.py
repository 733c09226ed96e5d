"""The web app: the dashboard at /, the REST API under /api/, OpenAPI at /openapi.json and its docs at
/docs — all served from this process and installed packages, so it works with no network at all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kroniek.errors import KroniekError
from kroniek.store.duckdb import Store
from kroniek.web.api import router
from kroniek.web.assets import STATIC, plotly_js, swagger_ui_dir
from kroniek.web.coding import Coder
from kroniek.web.params import BadParameter

MAX_ANALYZE_BYTES = 1_000_000  # a POST /api/analyze body larger than this is refused (413)


def create_app(db: str | Path, max_analyze_bytes: int = MAX_ANALYZE_BYTES, preload: bool = False) -> FastAPI:
    """The app over a kroniek database, opened read-only (KroniekError E014 when it cannot be).

    preload: load the language pipelines in the background at once, so that the first explain trace or
    POST /api/analyze does not wait for them."""
    from kroniek import __version__

    store = Store(db, read_only=True)
    app = FastAPI(title="kroniek", version=__version__, docs_url=None, redoc_url=None,
                  description="Political events coded from Dutch and English news: query the store, "
                              "follow a dyad over time, code a text.")  # fmt: skip
    app.state.store = store
    app.state.coder = Coder()
    if preload:
        app.state.coder.preload()
    app.include_router(router)
    _add_error_handlers(app)
    _add_pages(app)
    app.add_middleware(BodyLimit, path="/api/analyze", limit=max_analyze_bytes)
    return app


def _add_pages(app: FastAPI) -> None:
    """The dashboard, the docs page and the files they load."""
    plotly = plotly_js()

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly_file() -> FileResponse:
        return FileResponse(plotly, media_type="text/javascript", headers={"Cache-Control": "max-age=86400"})

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="kroniek API",
                                   swagger_js_url="/vendor/swagger/swagger-ui-bundle.js",
                                   swagger_css_url="/vendor/swagger/swagger-ui.css",
                                   swagger_favicon_url="/vendor/swagger/favicon-32x32.png")  # fmt: skip

    app.mount("/vendor/swagger", StaticFiles(directory=swagger_ui_dir()), name="swagger")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")


def _add_error_handlers(app: FastAPI) -> None:
    """Every client error as JSON with one line in `error`; no traceback reaches a client."""

    @app.exception_handler(RequestValidationError)
    def invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        lines = [f"{_where(e.get('loc', ()))}: {e.get('msg', 'invalid')}" for e in error.errors()]
        return JSONResponse({"error": "; ".join(lines)}, status_code=400)

    @app.exception_handler(BadParameter)
    def bad_parameter(request: Request, error: BadParameter) -> JSONResponse:
        return JSONResponse({"error": str(error)}, status_code=400)

    @app.exception_handler(StarletteHTTPException)
    def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"error": str(error.detail)}, status_code=error.status_code, headers=error.headers)

    @app.exception_handler(KroniekError)
    def kroniek_error(request: Request, error: KroniekError) -> JSONResponse:
        return JSONResponse({"error": str(error), "code": error.error.name}, status_code=400)

    @app.exception_handler(Exception)
    def failure(request: Request, error: Exception) -> JSONResponse:  # a bug: logged by uvicorn, one line here
        first = (str(error).splitlines() or [""])[0]
        return JSONResponse({"error": f"internal error: {type(error).__name__}: {first}"}, status_code=500)


def _where(loc: tuple[Any, ...] | list[Any]) -> str:
    """("query", "limit") -> "limit"; ("body", "text") -> "body.text"."""
    parts = [str(p) for p in loc]
    return parts[-1] if parts and parts[0] == "query" else ".".join(parts) or "request"


class BodyLimit:
    """Refuses (413, JSON) a request body to `path` larger than `limit` bytes, by its Content-Length or,
    without one, as soon as more than `limit` bytes have come in; nothing larger is read into memory."""

    def __init__(self, app: ASGIApp, path: str, limit: int) -> None:
        self.app = app
        self.path = path
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != self.path:
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            await self._refuse(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:  # FastAPI passes an HTTPException raised while it reads the body on
                raise HTTPException(413, self._message())
            return message

        await self.app(scope, counted, send)

    def _message(self) -> str:
        return f"request body too large: the limit is {self.limit} bytes (kroniek serve --max-bytes)"

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        await JSONResponse({"error": self._message()}, status_code=413)(scope, receive, send)
