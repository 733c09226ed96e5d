"""Fetching over HTTP, politely, and article pages read from their URL as HTML files are.

Polite means: a User-Agent that names kroniek, robots.txt read once per host and obeyed (its
Crawl-delay too), a pause between two requests to the same host, a timeout on every request,
and retries with growing pauses for what may pass (a timeout, a refused connection, 429 and 5xx
answers, honouring Retry-After). Anything else fails at once, as one InputError line naming the
URL. Plain urllib: no extra dependency for a few GET requests.
"""

from __future__ import annotations

import itertools
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from kroniek import __version__
from kroniek.errors import Errors, InputError
from kroniek.model import Document
from kroniek.read.html import page_from_bytes
from kroniek.read.paths import DEFAULT_MAX_BYTES
from kroniek.read.text import read_text

USER_AGENT = f"kroniek/{__version__} (political event coder; obeys robots.txt)"
ROBOTS_AGENT = "kroniek"  # the name robots.txt rules address
RETRY_STATUS = frozenset({408, 429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 60.0  # seconds: a longer Retry-After is not waited for
_TEXT_TYPES = ("text/plain",)
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class Politeness:
    """How kroniek treats the hosts it fetches from."""

    delay: float = 1.0  # seconds between two requests to one host (robots.txt's Crawl-delay may raise it)
    timeout: float = 20.0  # seconds for a connection or a read
    retries: int = 3  # further attempts after a failure that may pass
    backoff: float = 1.0  # the first pause before a retry, doubled for each next one
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    body: bytes
    content_type: str  # the media type, lower case, without parameters ("" when not given)
    charset: str | None


def is_url(argument: str) -> bool:
    """Whether a command-line argument is an http(s) URL rather than a path."""
    return argument.lower().startswith(("http://", "https://"))


class Fetcher:
    """GET requests with kroniek's manners; keeps per host its robots.txt and its last request time."""

    def __init__(self, politeness: Politeness | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.politeness = politeness or Politeness()
        self.max_bytes = max_bytes
        self.requests = 0  # requests sent, robots.txt included
        self._sleep = sleep
        self._robots: dict[str, RobotFileParser | str] = {}  # a host's rules, or why they could not be read
        self._last: dict[str, float] = {}

    def get(self, url: str) -> Response:
        """The answer to a GET of `url`; raises InputError (E024 or E025, one line naming the URL)."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InputError(Errors.E024, url, reason="not an http(s) URL")
        host = parts.netloc.lower()
        robots = self._robots_for(parts.scheme, host)
        if isinstance(robots, str):
            raise InputError(Errors.E024, url, reason=robots)
        if not robots.can_fetch(ROBOTS_AGENT, url):
            raise InputError(Errors.E025, url, host=host)
        status, response = self._request(url, host, self._delay(robots))
        if response is None:
            raise InputError(Errors.E024, url, reason=status)
        return response

    def _delay(self, robots: RobotFileParser) -> float:
        crawl_delay = robots.crawl_delay(ROBOTS_AGENT)
        return max(self.politeness.delay, float(crawl_delay or 0))

    def _robots_for(self, scheme: str, host: str) -> RobotFileParser | str:
        """The host's robots.txt, read once. As RFC 9309 says: none (4xx) allows everything, 401/403
        and an unreachable one (5xx, no answer) allow nothing."""
        if host not in self._robots:
            robots = RobotFileParser()
            status, response = self._request(f"{scheme}://{host}/robots.txt", host, self.politeness.delay)
            if response is not None:
                robots.parse(response.body.decode("utf-8", errors="replace").splitlines())
            elif status in ("HTTP 401", "HTTP 403"):
                robots.disallow_all = True
            elif status.startswith("HTTP 4"):
                robots.allow_all = True
            else:
                self._robots[host] = f"robots.txt unreachable ({status})"
                return self._robots[host]
            robots.modified()  # can_fetch() answers only for a parser marked as read
            self._robots[host] = robots
        return self._robots[host]

    def _request(self, url: str, host: str, delay: float) -> tuple[str, Response | None]:
        """(what went wrong, None) or ("", the response), after the retries a passing failure earns."""
        pause = self.politeness.backoff
        problem = ""
        for attempt in range(self.politeness.retries + 1):
            if attempt:
                self._sleep(pause)
                pause *= 2
            self._wait_turn(host, delay)
            try:
                return "", self._once(url)
            except urllib.error.HTTPError as err:
                problem = f"HTTP {err.code}"
                if err.code not in RETRY_STATUS:
                    return problem, None
                pause = max(pause, _retry_after(err.headers))
            except (urllib.error.URLError, TimeoutError, ConnectionError) as err:
                reason = getattr(err, "reason", err)
                problem = "timed out" if isinstance(reason, TimeoutError) else str(reason) or type(err).__name__
            except _TooLarge as err:
                return str(err), None
        tries = self.politeness.retries + 1
        return f"{problem} (after {tries} attempt{'s' if tries > 1 else ''})", None

    def _wait_turn(self, host: str, delay: float) -> None:
        last = self._last.get(host)
        if last is not None:
            wait = last + delay - time.monotonic()
            if wait > 0:
                self._sleep(wait)
        self._last[host] = time.monotonic()

    def _once(self, url: str) -> Response:
        request = urllib.request.Request(url, headers={"User-Agent": self.politeness.user_agent,
                                                       "Accept": "text/html, application/xhtml+xml, "
                                                                 "application/rss+xml, application/atom+xml, "
                                                                 "application/xml;q=0.9, */*;q=0.5"})
        self.requests += 1
        with urllib.request.urlopen(request, timeout=self.politeness.timeout) as answer:
            body = answer.read(self.max_bytes + 1)
            if len(body) > self.max_bytes:
                raise _TooLarge(f"larger than {self.max_bytes} bytes; raise --max-bytes")
            headers = answer.headers
            return Response(url=answer.geturl(), body=body, content_type=headers.get_content_type().lower()
                            if headers.get("Content-Type") else "", charset=headers.get_content_charset())


class _TooLarge(Exception):
    pass


def _retry_after(headers: Message | None) -> float:
    """Retry-After in seconds (its HTTP-date form is not waited for), at most MAX_RETRY_AFTER."""
    value = headers.get("Retry-After") if headers is not None else None
    try:
        return min(float(value), MAX_RETRY_AFTER) if value else 0.0
    except ValueError:
        return 0.0


def page_document(url: str, fetcher: Fetcher, doc_id: str | None = None) -> Document:
    """The article at `url`: its main text, title, date and canonical URL, as an HTML file's. The
    doc_id is the URL as given (`doc_id` overrides); raises InputError on one line."""
    response = fetcher.get(url)
    content_type = response.content_type
    if content_type in _TEXT_TYPES:
        decoded = read_text(response.body, url)
        return Document(doc_id=doc_id or url, text=decoded.text, url=response.url, source=url)
    if content_type and content_type not in _HTML_TYPES:
        raise InputError(Errors.E027, url, content_type=content_type)
    page = page_from_bytes(response.body, url, charset=response.charset)
    return Document(doc_id=doc_id or url, text=page.text, date=page.date, title=page.title,
                    url=page.url or response.url, source=url)


def web_documents(paths: Sequence[str], lang: str, date: str | None, fetcher: Fetcher,
                  more: Iterable[Document | InputError] | None = None
                  ) -> tuple[list[str], Iterator[Document | InputError]]:
    """Split a batch's arguments: the paths for read_inputs, and the documents of its URLs (then of
    `more`, a feed's) with language and date settled as read_inputs settles a file's."""
    from kroniek.read.inputs import settle_documents

    urls = [p for p in paths if is_url(p)]

    def pages() -> Iterator[Document | InputError]:
        for url in urls:
            try:
                yield page_document(url, fetcher)
            except InputError as err:
                yield err

    return [p for p in paths if not is_url(p)], settle_documents(itertools.chain(pages(), more or ()), lang, date)
