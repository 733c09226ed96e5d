"""`kroniek serve`: the web app on a socket of our own, so that a taken port or a missing database is
one line, not a traceback."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kroniek.errors import KroniekError

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


class ServeError(Exception):
    """Why the server cannot start, on one line."""


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on host:port (port 0: a free one), or ServeError."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as err:
        raise ServeError(f"--host {host}: {err.strerror}") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as err:
        sock.close()
        raise ServeError(f"cannot listen on {host}:{port}: {err.strerror} (choose another --port)") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def serve_app(db: str, host: str, port: int, max_bytes: int, preload: bool, echo: Callable[[str], None]) -> None:
    """Serve the dashboard and API over `db` until interrupted."""
    import uvicorn

    from kroniek.web.app import create_app

    if not Path(db).exists():
        raise ServeError(f"database {db}: not found (run kroniek ingest first, or pass --db)")
    try:
        app = create_app(db, max_analyze_bytes=max_bytes, preload=preload)
    except KroniekError as err:
        raise ServeError(str(err)) from None
    sock = bind(host, port)
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    echo(f"serving {db} at http://{shown}:{bound}/ (API under /api/, docs at /docs); Ctrl-C stops")
    if host not in LOCAL_HOSTS:
        echo(f"warning: listening on {host}: other machines can reach the dashboard and POST /api/analyze")
    config = uvicorn.Config(app, log_level="warning", access_log=False)
    uvicorn.Server(config).run(sockets=[sock])


class ServerThread:
    """The app served by uvicorn on 127.0.0.1 at a free port, in a thread of this process (tests, the
    benchmark, make screenshots): `with ServerThread(app) as server: httpx.get(server.url + "/api/events")`."""

    def __init__(self, app: Any, host: str = "127.0.0.1") -> None:
        import uvicorn

        self.socket = bind(host, 0)
        self.url = f"http://{host}:{self.socket.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.socket]}, daemon=True)

    def __enter__(self) -> ServerThread:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise ServeError("the server thread did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.socket.close()
