"""A real HTTP server on 127.0.0.1 (http.server in a thread) serving pages and feeds we write here,
and counting the requests it gets: the web and feed tests use no outside network."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    fail_first: int = 0  # answer this many requests with `fail_status` first
    fail_status: int = 503
    headers: dict[str, str] = field(default_factory=dict)
    pause: float = 0.0  # seconds before answering


class Site:
    """The server's routes, the requests it got (path counts and User-Agents), and its base URL."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: Counter[str] = Counter()
        self.agents: list[str] = []
        self.base = ""

    def add(self, path: str, body: str | bytes, **options: object) -> str:
        self.routes[path] = Route(body.encode("utf-8") if isinstance(body, str) else body, **options)  # type: ignore[arg-type]
        return self.base + path

    def pages(self) -> int:
        """Requests for anything but robots.txt and feeds."""
        return sum(n for path, n in self.requests.items() if path != "/robots.txt" and not path.endswith(".xml"))


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            site.requests[self.path] += 1
            site.agents.append(self.headers.get("User-Agent", ""))
            route = site.routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            time.sleep(route.pause)
            status = route.fail_status if site.requests[self.path] <= route.fail_first else route.status
            self.send_response(status)
            self.send_header("Content-Type", route.content_type)
            for name, value in route.headers.items():
                self.send_header(name, value)
            body = route.body if status == 200 else b"failed"
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()
