"""The `kroniek` command: one thin function per command over the library (docs/CONTRACT.md).

Exit status: 0 when every input was processed, 1 when some input failed (one line each on
stderr), 2 for usage errors.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from kroniek.errors import InputError, KroniekError
from kroniek.read.paths import DEFAULT_MAX_BYTES

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__.split("\n")[0],
                  pretty_exceptions_enable=False)

DEFAULT_DB = "kroniek.duckdb"


class Lang(StrEnum):
    auto = "auto"
    nl = "nl"
    en = "en"


class EventFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"
    gdelt = "gdelt"


class ActorFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


Paths = Annotated[list[str], typer.Argument(help="Files, folders (recursive) or - for standard input.")]
LangOpt = Annotated[Lang, typer.Option("--lang", help="Language of the input; auto detects it per document.")]
DateOpt = Annotated[str | None, typer.Option("--date", help="Publication date (YYYY-MM-DD) where the input has none.")]
PipelineOpt = Annotated[
    str | None, typer.Option("--pipeline", help="spaCy pipeline: 'bundled', an installed package name, or a path.")
]
MaxBytesOpt = Annotated[
    int, typer.Option("--max-bytes", min=1, help="Refuse input files larger than this (bytes).")
]
DbOpt = Annotated[str | None, typer.Option("--db", help=f"DuckDB file (default $KRONIEK_DB or {DEFAULT_DB}).")]


class Run:
    """Counts failures across a command so the exit status can tell."""

    def __init__(self) -> None:
        self.failed = 0

    def report(self, error: KroniekError) -> None:
        self.failed += 1
        typer.echo(f"kroniek: {error}", err=True)

    def exit(self) -> None:
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


def _analyses(paths: list[str], lang: Lang, date: str | None, pipeline: str | None, run: Run,
              keep_doc: bool = False, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Any]:
    """Read, analyse and yield each document's Analysis; failures are reported and skipped."""
    from kroniek.pipeline import Analyzer
    from kroniek.read import read_inputs

    date = _date(date)
    # --pipeline names the pipeline for --lang, or for Dutch when the language is detected
    analyzer = Analyzer(pipelines={(lang.value if lang != Lang.auto else "nl"): pipeline} if pipeline else None)
    documents = _documents(read_inputs(paths, lang=lang.value, date=date, max_bytes=max_bytes), run)
    for result in analyzer.analyze(documents, keep_doc=keep_doc):
        if isinstance(result, KroniekError):
            run.report(result)
        else:
            yield result


def _documents(items: Iterator[Any], run: Run) -> Iterator[Any]:
    for item in items:
        if isinstance(item, InputError):
            run.report(item)
        else:
            yield item


def _db_path(db: str | None) -> str:
    return db or os.environ.get("KRONIEK_DB") or DEFAULT_DB


def _write_events(records: list[dict], fmt: EventFormat, show_status: bool) -> None:
    from kroniek.export.formats import write_records
    from kroniek.export.table import write_event_table

    if fmt == EventFormat.table:
        write_event_table(records, sys.stdout, show_status=show_status)
    else:
        write_records((_contract(r) for r in records), fmt.value, sys.stdout)


def _contract(record: dict) -> dict:
    return {k: v for k, v in record.items() if k != "snippet"}


@app.command()
def analyze(
    paths: Paths,
    format: Annotated[EventFormat, typer.Option("--format", help="Output format.")] = EventFormat.table,
    all: Annotated[bool, typer.Option("--all", help="Also print negated, hypothetical, demanded and reported events.")] = False,  # noqa: E501
    lang: LangOpt = Lang.auto,
    date: DateOpt = None,
    pipeline: PipelineOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
) -> None:
    """Code the documents and print their events; stores nothing."""
    run = Run()
    records = []
    for result in _analyses(paths, lang, date, pipeline, run, max_bytes=max_bytes):
        text = result.document.text
        for event in result.events:
            if all or event.status == "asserted":
                record = event.record()
                record["snippet"] = text[event.evidence["start"] : event.evidence["end"]]
                records.append(record)
    _write_events(records, format, show_status=all)
    run.exit()


@app.command()
def ingest(
    paths: Paths,
    db: DbOpt = None,
    lang: LangOpt = Lang.auto,
    date: DateOpt = None,
    pipeline: PipelineOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
) -> None:
    """Code the documents and store documents, actor mentions and events (idempotent)."""
    from tqdm import tqdm

    from kroniek.pipeline import CODER_VERSION
    from kroniek.store.duckdb import Store

    run = Run()
    outcomes: dict[str, int] = {"added": 0, "unchanged": 0, "replaced": 0}
    try:
        store = Store(_db_path(db), coder_version=CODER_VERSION)
    except KroniekError as err:
        raise _usage(str(err)) from None
    with store, tqdm(desc="documents", unit="doc", disable=None, file=sys.stderr) as bar:
        for result in _analyses(paths, lang, date, pipeline, run, max_bytes=max_bytes):
            try:
                outcomes[store.ingest(result.document, result.actors, result.events)] += 1
            except KroniekError as err:
                run.report(err)
            bar.update(1)
        counts = store.counts()
    typer.echo(
        f"{outcomes['added']} added, {outcomes['replaced']} replaced, {outcomes['unchanged']} unchanged; "
        f"store {_db_path(db)}: {counts['documents']} documents, {counts['mentions']} actor mentions, "
        f"{counts['events']} events",
        err=True,
    )
    run.exit()


@app.command()
def events(
    db: DbOpt = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Events whose source or target code starts with CODE.")] = None,  # noqa: E501
    dyad: Annotated[tuple[str, str] | None, typer.Option("--dyad", help="Events between two actors A B (either direction).")] = None,  # noqa: E501
    since: Annotated[str | None, typer.Option("--since", help="Events on or after DATE.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Events on or before DATE.")] = None,
    all: Annotated[bool, typer.Option("--all", help="Every status, not only asserted events.")] = False,
    format: Annotated[EventFormat, typer.Option("--format")] = EventFormat.table,
    parquet: Annotated[Path | None, typer.Option("--parquet", help="Write the events to a Parquet file instead.")] = None,  # noqa: E501
) -> None:
    """Query stored events."""
    from kroniek.store.duckdb import Store

    path = _db_path(db)
    if not Path(path).exists():
        raise _usage(f"database {path}: not found (run kroniek ingest first, or pass --db)")
    filters: dict[str, Any] = {"actor": actor, "dyad": dyad, "since": since, "until": until,
                               "status": None if all else ("asserted",)}
    try:
        with Store(path, read_only=True) as store:
            if parquet is not None:
                n = store.export_parquet(parquet, **filters)
                typer.echo(f"{n} events written to {parquet}", err=True)
                return
            records = store.events(**filters)
    except KroniekError as err:
        raise _usage(str(err)) from None
    _write_events(records, format, show_status=all)


@app.command()
def actors(
    paths: Paths,
    format: Annotated[ActorFormat, typer.Option("--format")] = ActorFormat.table,
    lang: LangOpt = Lang.auto,
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
    if format == ActorFormat.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        write_actor_table(rows, sys.stdout)
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
        "--shared", help="Shared data folder for `shared:` documents (default $KRONIEK_SHARED or ../shared)."
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
    lang: LangOpt = Lang.auto,
    date: DateOpt = None,
    pipeline: PipelineOpt = None,
) -> None:
    """Sentence by sentence: the actors found, the patterns that fired or were blocked, and why."""
    from kroniek.explain import write_explanation

    run = Run()
    for result in _analyses(paths, lang, date, pipeline, run, keep_doc=True):
        write_explanation(result, sys.stdout)
    run.exit()


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
