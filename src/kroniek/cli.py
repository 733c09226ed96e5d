"""The `kroniek` command: one thin function per command over the library (docs/CONTRACT.md).

Exit status: 0 when every input was processed, 1 when some input failed (one line each on
stderr), 2 for usage errors.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from kroniek.errors import Errors, InputError, KroniekError, Warnings, warning_line
from kroniek.read.paths import DEFAULT_MAX_BYTES
from kroniek.scale.ray_option import OptionalRayAddress

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__.split("\n")[0],
                  pretty_exceptions_enable=False)

DEFAULT_DB = "kroniek.duckdb"
# ingest writes what it has coded at least this often, holding the database only while it writes:
# readers (kroniek events, kroniek.Store, a read-only DuckDB connection) get in between
FLUSH_DOCUMENTS = 64
FLUSH_SECONDS = 2.0
UNDATED_SHOWN = 3  # how many undated documents the warning names


class EventFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"
    gdelt = "gdelt"
    icews = "icews"


class ActorFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


Paths = Annotated[list[str], typer.Argument(
    help="Files, folders (recursive), article URLs (http/https) or - for standard input.")]
FeedOpt = Annotated[list[str] | None, typer.Option(
    "--feed", help="An RSS or Atom feed (URL or file): every item's page fetched and ingested, once; repeat for several.")]  # noqa: E501
DelayOpt = Annotated[float, typer.Option(
    "--delay", min=0.0, help="Seconds between two requests to one web host (robots.txt's Crawl-delay may raise it).")]  # noqa: E501
LangOpt = Annotated[str, typer.Option(
    "--lang", help="Language of the input: nl, en (a tag such as nl-NL counts), or auto to detect it per document.")]
DateOpt = Annotated[str | None, typer.Option(
    "--date", help="Publication date where the input has none: YYYY-MM-DD, YYYY-MM, YYYY or an ISO timestamp.")]
PipelineOpt = Annotated[
    str | None, typer.Option("--pipeline", help="spaCy pipeline: 'bundled', an installed package name, or a path.")
]
MaxBytesOpt = Annotated[
    int, typer.Option("--max-bytes", min=1, help="Refuse input files larger than this (bytes).")
]
DbOpt = Annotated[str | None, typer.Option("--db", help=f"DuckDB file (default $KRONIEK_DB or {DEFAULT_DB}).")]


class Run:
    """Counts failures across a command so the exit status can tell, says each warning once, and
    keeps the documents that came without a date for one warning at the end of the batch."""

    def __init__(self) -> None:
        self.failed = 0
        self.undated: list[str] = []
        self.echo: Callable[[str], None] = lambda line: typer.echo(line, err=True)
        self.on_input: Callable[[], None] = lambda: None  # a document read or failed (the progress bar)

    def report(self, error: KroniekError) -> None:
        self.failed += 1
        self.echo(f"kroniek: {error}")
        if isinstance(error, InputError):
            self.on_input()

    def warn(self, line: str) -> None:
        self.echo(f"kroniek: {line}")

    def document(self, document: Any) -> None:
        """Report what was repaired in reading a document, and note it when it has no date."""
        for line in document.warnings:
            self.warn(line)
        if document.date is None:
            self.undated.append(document.doc_id)

    def finish(self) -> None:
        """The batch's one warning about undated documents."""
        if self.undated:
            names = ", ".join(self.undated[:UNDATED_SHOWN]) + (", ..." if len(self.undated) > UNDATED_SHOWN else "")
            self.warn(warning_line(Warnings.W002, count=len(self.undated), names=names))
            self.undated = []

    def exit(self) -> None:
        self.finish()
        raise typer.Exit(1 if self.failed else 0)


def _usage(message: str) -> typer.Exit:
    typer.echo(f"kroniek: {message}", err=True)
    return typer.Exit(2)


def _date(value: str | None) -> str | None:
    from kroniek.read import parse_date

    if value is None:
        return None
    try:
        return parse_date(value)
    except KroniekError as err:
        raise _usage(str(err)) from None


def _lang(value: str) -> str:
    """--lang as kroniek keys languages ("nl-NL" is "nl"); a usage error for any other language."""
    from kroniek.read import normalise_lang

    lang = normalise_lang(value) or "auto"
    if lang not in ("auto", "nl", "en"):
        raise _usage(f"--lang: {KroniekError(Errors.E022, lang=value)}")
    return lang


def _analyses(paths: list[str], lang: str, date: str | None, pipeline: str | None, run: Run,
              keep_doc: bool = False, max_bytes: int = DEFAULT_MAX_BYTES, fetcher: Any = None,
              feeds: Iterator[Any] | None = None) -> Iterator[Any]:
    """Read, analyse and yield each document's Analysis; failures are reported and skipped. URLs
    among the paths are fetched (by `fetcher`, a kroniek.read.web.Fetcher); `feeds` adds documents."""
    from kroniek.pipeline import Analyzer

    date = _date(date)
    lang = _lang(lang)
    # --pipeline names the pipeline for --lang, or for Dutch when the language is detected
    analyzer = Analyzer(pipelines={(lang if lang != "auto" else "nl"): pipeline} if pipeline else None)
    documents = _read_documents(paths, lang, date, max_bytes, fetcher, feeds, run)
    for result in analyzer.analyze(documents, keep_doc=keep_doc):
        if isinstance(result, KroniekError):
            run.report(result)
        else:
            yield result


def _read_documents(paths: list[str], lang: str, date: str | None, max_bytes: int, fetcher: Any,
                    feeds: Iterator[Any] | None, run: Run) -> Iterator[Any]:
    """The documents of files, folders, stdin and URLs among the paths (fetched by `fetcher`, a
    kroniek.read.web.Fetcher), then those `feeds` adds; read failures are reported and skipped."""
    from kroniek.read import read_inputs
    from kroniek.read.web import Fetcher, web_documents

    files, read = web_documents(paths, lang, date, fetcher or Fetcher(max_bytes=max_bytes), feeds)
    return _documents(itertools.chain(read_inputs(files, lang=lang, date=date, max_bytes=max_bytes), read), run)


def _documents(items: Iterator[Any], run: Run) -> Iterator[Any]:
    for item in items:
        if isinstance(item, InputError):
            run.report(item)
        else:
            run.document(item)
            yield item


def _db_path(db: str | None) -> str:
    return db or os.environ.get("KRONIEK_DB") or DEFAULT_DB


def _write_events(records: list[dict], fmt: EventFormat, show_status: bool, **context: Any) -> None:
    """Print the events; `context` (urls, added) fills GDELT's and ICEWS's document columns."""
    from kroniek.export.formats import write_records
    from kroniek.export.table import write_event_table

    def write() -> None:
        if fmt == EventFormat.table:
            write_event_table(records, sys.stdout, show_status=show_status)
        else:
            write_records((_contract(r) for r in records), fmt.value, sys.stdout, **context)

    _to_stdout(write)


def _to_stdout(write: Callable[[], None]) -> None:
    """Run `write` and flush standard output; a closed pipe ends quietly, a full disk on one line."""
    try:
        write()
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(0) from None
    except OSError as err:
        from kroniek.store.files import output_error

        _silence_stdout()
        reason = output_error(os.strerror(err.errno) if err.errno else str(err))
        typer.echo(f"kroniek: {KroniekError(Errors.E020, path='standard output', reason=reason)}", err=True)
        raise typer.Exit(1) from None


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so that Python's own flush at exit finds nothing to fail on."""
    try:  # io.UnsupportedOperation (a stream without a file, as in tests) is an OSError and a ValueError
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _contract(record: dict) -> dict:
    return {k: v for k, v in record.items() if k != "snippet"}


@app.command()
def analyze(
    paths: Paths,
    format: Annotated[EventFormat, typer.Option("--format", help="Output format.")] = EventFormat.table,
    all: Annotated[bool, typer.Option("--all", help="Also print negated, hypothetical, demanded and reported events.")] = False,  # noqa: E501
    lang: LangOpt = "auto",
    date: DateOpt = None,
    pipeline: PipelineOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
) -> None:
    """Code the documents and print their events; stores nothing."""
    run = Run()
    records = []
    urls: dict[str, str | None] = {}
    for result in _analyses(paths, lang, date, pipeline, run, max_bytes=max_bytes):
        text = result.document.text
        urls[result.document.doc_id] = result.document.url
        for event in result.events:
            if all or event.status == "asserted":
                record = event.record()
                record["snippet"] = text[event.evidence["start"] : event.evidence["end"]]
                records.append(record)
    _write_events(records, format, show_status=all, urls=urls)
    run.exit()


@app.command(cls=OptionalRayAddress)
def ingest(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Files, folders (recursive), article URLs (http/https) or - for standard input.")] = None,
    db: DbOpt = None,
    lang: LangOpt = "auto",
    date: DateOpt = None,
    pipeline: PipelineOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    feed: FeedOpt = None,
    delay: DelayOpt = 1.0,
    workers: Annotated[int | None, typer.Option(
        "--workers", min=1, help="Processes coding documents (default: one per core); with --ray, Ray actors "
        "(default: one per CPU of the cluster).")] = None,
    ray: Annotated[str | None, typer.Option(
        "--ray", metavar="[ADDRESS]", help="Code on a Ray cluster: its address (host:6379), or auto "
        "(RAY_ADDRESS, or the cluster this machine belongs to) when given without one.")] = None,
) -> None:
    """Code the documents and store documents, actor mentions and events (idempotent).

    Documents stored unchanged are skipped before any parsing. The database is held only while a
    batch of coded documents is written (at least every FLUSH_SECONDS), so `kroniek events` and
    other readers work while an ingest runs; only this process writes it, whatever codes.
    """
    from tqdm import tqdm

    from kroniek.pipeline import CODER_VERSION
    from kroniek.read import count_documents
    from kroniek.scale.runners import make_runner
    from kroniek.scale.unchanged import changed_documents
    from kroniek.store.duckdb import Store

    run = Run()
    outcomes: dict[str, int] = {"added": 0, "unchanged": 0, "replaced": 0}
    paths = paths or []
    if not paths and not feed:
        raise _usage("ingest needs a PATH, a URL or --feed")
    date, lang = _date(date), _lang(lang)  # usage errors before anything is read
    try:
        store = Store(_db_path(db), coder_version=CODER_VERSION)
    except KroniekError as err:
        raise _usage(str(err)) from None
    fetcher, feeds, feed_counts = _feeds(feed or [], store, delay, max_bytes)
    total = None if feed else count_documents(paths)
    try:
        runner = make_runner(workers, ray, {(lang if lang != "auto" else "nl"): pipeline} if pipeline else None,
                             documents=total)
    except KroniekError as err:
        raise _usage(str(err)) from None
    with store, tqdm(desc="documents", unit="doc", total=total, disable=None, file=sys.stderr,
                     dynamic_ncols=True) as bar:
        run.echo = lambda line: bar.write(line, file=sys.stderr)
        run.on_input = lambda: bar.update(1)

        def unchanged(document: Any) -> None:
            outcomes["unchanged"] += 1
            bar.update(1)

        pending: list[Any] = []
        flushed = time.monotonic()
        documents = _read_documents(paths, lang, date, max_bytes, fetcher, feeds, run)
        for result in runner.code(changed_documents(documents, store, unchanged)):
            if isinstance(result, KroniekError):
                run.report(result)
                continue
            pending.append(result)
            bar.update(1)
            if len(pending) >= FLUSH_DOCUMENTS or time.monotonic() - flushed >= FLUSH_SECONDS:
                _store(store, pending, outcomes, run)
                pending, flushed = [], time.monotonic()
        _store(store, pending, outcomes, run)
        counts = store.counts()
    run.echo = lambda line: typer.echo(line, err=True)
    if feed:
        typer.echo(f"feeds: {feed_counts.items} items, {feed_counts.known} seen before, {feed_counts.fetched} "
                   f"fetched, {feed_counts.failed} failed; {fetcher.requests} requests", err=True)
    typer.echo(
        f"{outcomes['added']} added, {outcomes['replaced']} replaced, {outcomes['unchanged']} unchanged; "
        f"store {_db_path(db)}: {counts['documents']} documents, {counts['mentions']} actor mentions, "
        f"{counts['events']} events",
        err=True,
    )
    run.exit()


def _feeds(feeds: list[str], store: Any, delay: float, max_bytes: int) -> tuple[Any, Any, Any]:
    """The fetcher of an ingest, the documents of its feeds' items not yet in `store`, and their counts."""
    from kroniek.read.feeds import FeedCounts, feed_documents
    from kroniek.read.web import Fetcher, Politeness

    fetcher = Fetcher(Politeness(delay=delay), max_bytes=max_bytes)
    counts = FeedCounts()
    return fetcher, feed_documents(feeds, fetcher, store.stored_ids, counts) if feeds else None, counts


def _store(store: Any, results: list[Any], outcomes: dict[str, int], run: Run) -> None:
    """Write coded documents in one short hold of the database: all in one transaction, or, should
    that fail, each in its own, so that one bad document is reported and the others are kept."""
    if not results:
        return
    coded = [(r.document, r.actors, r.events) for r in results]
    try:
        with store.writing():
            try:
                found = store.ingest_many(coded)
            except Exception:  # noqa: BLE001 - find the document at fault one by one
                found = [_store_one(store, item, run) for item in coded]
    except KroniekError as err:  # the database could not be opened for writing (locked too long)
        run.report(err)
        return
    for outcome in found:
        if outcome is not None:
            outcomes[outcome] += 1


def _store_one(store: Any, item: tuple, run: Run) -> str | None:
    try:
        return store.ingest(*item)
    except Exception as err:  # noqa: BLE001 - a store failure is this document's, on one line
        run.report(KroniekError(Errors.E014, path=str(store.path), reason=f"document {item[0].doc_id!r}: "
                                + (str(err).splitlines() or [type(err).__name__])[0]))
        return None


@app.command()
def events(
    db: DbOpt = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Events whose source or target code starts with CODE.")] = None,  # noqa: E501
    dyad: Annotated[tuple[str, str] | None, typer.Option("--dyad", help="Events between two actors A B (either direction).")] = None,  # noqa: E501
    since: Annotated[str | None, typer.Option("--since", help="Events on or after DATE (a month or year event counts if it overlaps).")] = None,  # noqa: E501
    until: Annotated[str | None, typer.Option("--until", help="Events on or before DATE.")] = None,
    code: Annotated[str | None, typer.Option("--code", help="Events whose CAMEO code starts with PREFIX (19, 0256).")] = None,  # noqa: E501
    quad: Annotated[list[int] | None, typer.Option("--quad", min=1, max=4, help="Events of QuadClass N (1-4); repeat for several.")] = None,  # noqa: E501
    limit: Annotated[int | None, typer.Option("--limit", min=0, help="At most N events.")] = None,
    all: Annotated[bool, typer.Option("--all", help="Every status, not only asserted events.")] = False,
    format: Annotated[EventFormat, typer.Option("--format")] = EventFormat.table,
    parquet: Annotated[Path | None, typer.Option("--parquet", help="Write the events to a Parquet file instead.")] = None,  # noqa: E501
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Let --parquet replace an existing file.")] = False,
    mentions: Annotated[bool, typer.Option("--mentions", help="Every mention of an event in every article, rather than one event per story with its counts.")] = False,  # noqa: E501
) -> None:
    """Query stored events: one per event of a story (reprints grouped), with --mentions each mention."""
    from kroniek.store.duckdb import Store
    from kroniek.store.files import check_output

    path = _db_path(db)
    if not Path(path).exists():
        raise _usage(f"database {path}: not found (run kroniek ingest first, or pass --db)")
    filters: dict[str, Any] = {"actor": actor, "dyad": dyad, "since": since, "until": until, "code": code,
                               "quad": quad or None, "limit": limit, "status": None if all else ("asserted",)}
    try:
        if parquet is not None:
            check_output(parquet, overwrite, database=Path(path))
        with Store(path, read_only=True) as store:
            if parquet is not None:
                _export_parquet(store, parquet, overwrite, filters)
                return
            records = store.events(**filters) if mentions else store.story_events(**filters)
            undated = store.undated(**filters) if since is not None or until is not None else 0
            context = _document_context(store, records) if format in (EventFormat.gdelt, EventFormat.icews) else {}
    except KroniekError as err:
        raise _usage(str(err)) from None
    _write_events(records, format, show_status=all, **context)
    if undated:
        typer.echo(f"kroniek: {warning_line(Warnings.W003, count=undated)}", err=True)


def _export_parquet(store: Any, path: Path, overwrite: bool, filters: dict[str, Any]) -> None:
    """`--parquet`: a failed write (a full disk) is exit status 1, on one line."""
    try:
        n = store.export_parquet(path, overwrite=overwrite, **filters)
    except KroniekError as err:
        typer.echo(f"kroniek: {err}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"{n} events written to {path}", err=True)


def _document_context(store: Any, records: list[dict]) -> dict[str, Any]:
    """The stored documents' URLs and the day each was added (YYYYMMDD), for GDELT and ICEWS."""
    wanted = {r["doc_id"] for r in records}
    documents = [d for d in store.documents() if d["doc_id"] in wanted]
    return {"urls": {d["doc_id"]: d["url"] for d in documents},
            "added": {d["doc_id"]: d["ingested_at"].strftime("%Y%m%d") for d in documents if d["ingested_at"]}}


@app.command()
def watch(
    feed: Annotated[list[str], typer.Option("--feed", help="An RSS or Atom feed (URL or file); repeat for several.")],
    every: Annotated[str, typer.Option("--every", help="Time between two rounds: 15m, 30s, 1h.")] = "15m",
    max_rounds: Annotated[int | None, typer.Option("--max-rounds", min=1, help="Stop after N rounds.")] = None,
    db: DbOpt = None,
    lang: LangOpt = "auto",
    date: DateOpt = None,
    pipeline: PipelineOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    delay: DelayOpt = 1.0,
) -> None:
    """Keep a store current: ingest the feeds' new items now and then every --every, until Ctrl-C."""
    from kroniek.read.feeds import parse_interval

    try:
        interval = parse_interval(every)
    except ValueError as err:
        raise _usage(f"--every: {err}") from None
    status, rounds = 0, 0
    try:
        while max_rounds is None or rounds < max_rounds:
            if rounds:
                time.sleep(interval)
            rounds += 1
            typer.echo(f"kroniek: round {rounds} at {time.strftime('%Y-%m-%d %H:%M:%S')}", err=True)
            try:
                ingest(paths=None, db=db, lang=lang, date=date, pipeline=pipeline, max_bytes=max_bytes, feed=feed,
                       delay=delay)
            except typer.Exit as done:  # a round's failures are reported on their lines; the watch goes on
                status = done.exit_code
                if status == 2:
                    raise
    except KeyboardInterrupt:
        typer.echo(f"kroniek: watch stopped after {rounds} round(s)", err=True)
        raise typer.Exit(0) from None
    raise typer.Exit(status)


@app.command()
def actors(
    paths: Paths,
    format: Annotated[ActorFormat, typer.Option("--format")] = ActorFormat.table,
    lang: LangOpt = "auto",
    date: DateOpt = None,
    pipeline: PipelineOpt = None,
) -> None:
    """The actor mentions found and how each was resolved."""
    from kroniek.export.table import write_actor_table

    run = Run()
    rows = []
    for result in _analyses(paths, lang, date, pipeline, run):
        for a in result.actors:
            row = {"doc_id": result.document.doc_id, **a.record()}
            if a.code is None:
                row["label"] = a.label
            rows.append(row | ({"rule": a.rule} if format == ActorFormat.table else {}))
    def write() -> None:
        if format == ActorFormat.jsonl:
            for row in rows:
                sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            write_actor_table(rows, sys.stdout)

    _to_stdout(write)
    run.exit()


@app.command()
def actor(
    name: Annotated[str, typer.Argument(help="A name as written in news: Loekasjenko, het Kremlin, Litouwse.")],
    date: DateOpt = None,
) -> None:
    """Look a name up in the actor knowledge base (the office held on --date)."""
    from kroniek.actors.kb import default_kb

    found = default_kb().lookup(name, _date(date))
    if not found:
        typer.echo(f"kroniek: {name!r} is not in the knowledge base", err=True)
        raise typer.Exit(1)
    for row in found:
        typer.echo(json.dumps(row, ensure_ascii=False))


@app.command()
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold articles (see eval/FORMAT.md).")],
    json_out: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    pipeline: PipelineOpt = None,
    summary: Annotated[bool, typer.Option(
        "--summary", help="Only the levels and roots (for a score-only set: no missed or false events).")] = False,
) -> None:
    """Score the coder against gold articles: root, quad and dyad level P/R/F1."""
    from kroniek.evaluation import evaluate_dir
    from kroniek.model import Document
    from kroniek.pipeline import Analyzer

    analyzer = Analyzer(pipelines={"nl": pipeline} if pipeline else None)

    def code(article: dict) -> list[dict]:
        document = Document(doc_id=article["id"], text=article["text"], date=article.get("date"),
                            lang=article.get("lang") or "nl")
        return [e.record() for result in analyzer.analyze_strict([document]) for e in result.events]

    try:
        report = evaluate_dir(gold_dir, code)
    except KroniekError as err:
        raise _usage(str(err)) from None
    if summary and not json_out:
        typer.echo(report.format_table(summary=True))
        return
    if summary:
        typer.echo(json.dumps({k: v for k, v in report.to_dict().items() if k in ("levels", "roots")},
                              ensure_ascii=False, indent=1))
        return
    _print_report(report, json_out)


def _print_report(report: Any, json_out: bool) -> None:
    """An evaluation report as a table, or as JSON with --json."""
    typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=1) if json_out else report.format_table())


@app.command("evaluate-actors")
def evaluate_actors(
    files: Annotated[list[Path], typer.Argument(help="Actor mention files (TSV, see eval/actors/README.md).")],
    shared: Annotated[Path | None, typer.Option(
        "--shared", help="Shared data folder for `shared:` and `corpus:` documents (default $KRONIEK_SHARED or "
                         "../shared); without it, the sets that need it are skipped."
    )] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    pipeline: PipelineOpt = None,
) -> None:
    """Score actor resolution against hand-coded mentions: share of right CAMEO actor codes."""
    from kroniek.evaluation.actors import evaluate_mentions
    from kroniek.model import Actor, Document
    from kroniek.pipeline import Analyzer

    analyzer = Analyzer(pipelines={"nl": pipeline} if pipeline else None)

    def resolve(documents: list[Document]) -> dict[str, list[Actor]]:
        return {result.document.doc_id: result.actors for result in analyzer.analyze_strict(documents)}

    shared = shared or Path(os.environ.get("KRONIEK_SHARED", "../shared"))
    try:
        report = evaluate_mentions(files, shared if shared.is_dir() else None, resolve)
    except KroniekError as err:
        raise _usage(str(err)) from None
    _print_report(report, json_out)


@app.command()
def explain(
    paths: Paths,
    lang: LangOpt = "auto",
    date: DateOpt = None,
    pipeline: PipelineOpt = None,
) -> None:
    """Sentence by sentence: the actors found, the patterns that fired or were blocked, and why."""
    from kroniek.explain import write_explanation

    run = Run()

    def write() -> None:
        for result in _analyses(paths, lang, date, pipeline, run, keep_doc=True):
            write_explanation(result, sys.stdout)

    _to_stdout(write)
    run.exit()


@app.command()
def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",  # noqa: E501
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on (0: any free port).")] = 8000,  # noqa: E501
    max_bytes: Annotated[int, typer.Option("--max-bytes", min=1, help="Refuse POST /api/analyze bodies larger than this (bytes).")] = 1_000_000,  # noqa: E501
    preload: Annotated[bool, typer.Option("--preload/--no-preload", help="Load the language pipelines at start (for explain and analyze).")] = True,  # noqa: E501
) -> None:
    """The web dashboard at /, the REST API under /api/, its docs at /docs; read-only on the store, offline."""
    from kroniek.web.serve import ServeError, serve_app

    try:
        serve_app(_db_path(db), host, port, max_bytes=max_bytes, preload=preload, echo=lambda line: typer.echo(
            f"kroniek: {line}", err=True))
    except ServeError as err:
        raise _usage(str(err)) from None


@app.command()
def lexicon(
    lang: Annotated[list[str] | None,
                    typer.Option("--lang", help="nl, en (default: both); repeat for several.")] = None,
    missing: Annotated[bool, typer.Option("--missing", help="List only the CAMEO codes with no trigger.")] = False,
) -> None:
    """The event vocabulary: its size by kind and origin, and triggers per CAMEO code and language."""
    from kroniek.events.coverage import coverage_table
    from kroniek.events.lexicon import LexiconError

    langs = tuple(lang or ("nl", "en"))
    try:
        covs, rows = coverage_table(langs)
    except (LexiconError, FileNotFoundError) as err:
        raise _usage(str(err)) from None
    if not missing:
        for cov in covs:
            origins = ", ".join(f"{o} {n}" for o, n in cov.by_origin.most_common())
            typer.echo(f"{cov.lang}: {cov.patterns} hand-written patterns, {cov.entries} lexicon entries; "
                       f"{len(cov.verbs)} verb and adjective lemmas, {len(cov.nouns)} event nouns, "
                       f"{cov.constructions} verb constructions with an object or phrase condition")
            typer.echo(f"    by origin: {origins}")
        covered = [sum(1 for _, _, counts in rows if counts[i]) for i in range(len(langs))]
        typer.echo("codes with at least one trigger: " + ", ".join(
            f"{cov.lang} {n}/{len(rows)}" for cov, n in zip(covs, covered, strict=True)))
        typer.echo("")
        typer.echo(f"{'code':<6}{'name':<62}" + "".join(f"{lg:>6}" for lg in langs))
    for code, name, counts in rows:
        if missing and all(counts):
            continue
        typer.echo(f"{code:<6}{name[:60]:<62}" + "".join(f"{n:>6}" for n in counts))


def main() -> None:
    app()


def _register_analysis() -> None:
    """kroniek series, network and top (kroniek/cli_analysis.py)."""
    from kroniek.cli_analysis import register

    register(app)


_register_analysis()
