"""The analysis commands of `kroniek`: series (with the yo-yo figures), network and top, thin shells
over kroniek.analysis. Output as a table, CSV or JSON; a bad option is one line and exit status 2."""

from __future__ import annotations

import json
import math
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from kroniek.errors import Errors, KroniekError, Warnings, warning_line

FORMATS = ("table", "csv", "json")
# the columns `--format table` shows of a series (csv and json give them all)
SERIES_TABLE = ("period", "events", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict",
                "goldstein_sum", "goldstein_mean", "balance")  # fmt: skip
SIDES = {1: "cooperation", -1: "conflict"}

DbOpt = Annotated[str | None, typer.Option("--db", help="DuckDB file (default $KRONIEK_DB or kroniek.duckdb).")]
FormatOpt = Annotated[str, typer.Option("--format", help="table, csv or json.")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="Events whose date starts on or after DATE.")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Events whose date starts on or before DATE.")]
CodeOpt = Annotated[list[str] | None, typer.Option(
    "--code", help="Events whose CAMEO code starts with PREFIX (19, 0256); repeat for several.")]
AllOpt = Annotated[bool, typer.Option("--all", help="Every status, not only asserted events.")]
LevelOpt = Annotated[str, typer.Option(
    "--level", help="actor (full codes) or country (BLRGOV and BLROPP as BLR; IGO codes whole).")]
DyadOpt = Annotated[tuple[str, str] | None, typer.Option(
    "--dyad", help="Events from actor A to actor B (code prefixes: IGOEUR BLR).")]


def register(app: typer.Typer) -> None:
    """Add the analysis commands to the `kroniek` app."""
    app.command("series")(series)
    app.command("network")(network)
    app.command("top")(top)


def series(
    db: DbOpt = None,
    dyad: DyadOpt = None,
    freq: Annotated[str, typer.Option("--freq", help="day, week, month or year.")] = "month",
    undirected: Annotated[bool, typer.Option("--undirected", help="Count both directions of the dyad.")] = False,
    code: CodeOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    all: AllOpt = False,
    min_run: Annotated[int, typer.Option(
        "--min-run", help="Periods a new sign of the balance must hold to make a turning point.")] = 2,
    on: Annotated[str, typer.Option(
        "--on", help="The measure whose sign makes the yo-yo's regimes: balance or goldstein_sum.")] = "balance",
    format: FormatOpt = "table",
    plot: Annotated[Path | None, typer.Option("--plot", help="Also draw the series to FILE (.png, .svg or .pdf).")
                    ] = None,
) -> None:
    """A dyad's events per period and the yo-yo measured on them (README: Analysis).

    Per period: events by QuadClass, Goldstein sum and mean, the cooperation-conflict balance; then
    (table, json) the turning points, regimes, cycles and volatility."""
    from kroniek.analysis import series as compute_series
    from kroniek.analysis import yoyo
    from kroniek.analysis.plot import check_plot_path, plot_series
    from kroniek.analysis.query import check_actor, check_freq, known_actor

    source, target = dyad or (None, None)
    with _usage_errors():
        _check_format(format)
        check_freq(freq)
        if min_run < 1:
            raise KroniekError(Errors.E023, name="--min-run", value=min_run, reason="use 1 or more")
        if plot is not None:
            check_plot_path(plot)
        store = _open(db)
        for prefix in (source, target):
            if prefix is not None and not known_actor(store, check_actor(prefix)):
                raise KroniekError(Errors.E023, name="actor code", value=prefix,
                                   reason="no stored event has a source or target code starting with it")
        frame = compute_series(store, source, target, freq=freq, directed=not undirected, codes=code,
                               since=since, until=until, status=None if all else ("asserted",))  # fmt: skip
        figures = yoyo(frame, min_run, on=on)
    if frame.attrs["coarser"]:
        _warn(warning_line(Warnings.W004, count=frame.attrs["coarser"], unit=freq))
    if frame.attrs["undated"]:
        _warn(warning_line(Warnings.W005, count=frame.attrs["undated"]))
    arrow = "–" if undirected else "→"
    who = f"{source} {arrow} {target}" if dyad else "all actors"
    if format == "json":
        query = {"source": source, "target": target, "directed": not undirected, "freq": freq, "codes": code,
                 "since": since, "until": until, "status": "all" if all else "asserted"}  # fmt: skip
        left_out = {"coarser": frame.attrs["coarser"], "undated": frame.attrs["undated"]}
        _print(lambda: _json({"query": query, "series": _records(frame), "yoyo": figures, "left_out": left_out}))
    elif format == "csv":
        _print(lambda: frame.to_csv(sys.stdout, index=False))
    else:
        _print(lambda: _series_table(frame, figures, freq))
    if plot is not None:
        status = "all statuses" if all else "asserted events"
        note = (f"kroniek; {status}; {frame['events'].sum()} events; turning point: the {on.replace('_', ' ')} "
                f"changes sign and holds it {min_run} {freq}{'s' if min_run > 1 else ''}")  # fmt: skip
        try:
            plot_series(frame, plot, title=f"{who}: events per {freq}", figures=figures, note=note)
        except KroniekError as err:
            typer.echo(f"kroniek: {err}", err=True)
            raise typer.Exit(1) from None
        _warn(f"figure written to {plot}")


def network(
    db: DbOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    level: LevelOpt = "actor",
    code: CodeOpt = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Only events with a side whose code starts with CODE.")] = None,  # noqa: E501
    all: AllOpt = False,
    limit: Annotated[int | None, typer.Option("--limit", "-n", min=1, help="The N heaviest edges only.")] = None,
    format: FormatOpt = "table",
) -> None:
    """Weighted directed edges between actors: events, Goldstein sum and mean, cooperative and conflictual."""
    from kroniek.analysis import network as compute_network
    from kroniek.analysis.query import check_actor

    with _usage_errors():
        _check_format(format)
        frame = compute_network(_open(db), since=since, until=until, codes=code, level=level,
                                status=None if all else ("asserted",),
                                actor=check_actor(actor) if actor is not None else None)  # fmt: skip
    _write_frame(frame.head(limit) if limit else frame, format)


def top(
    db: DbOpt = None,
    n: Annotated[int, typer.Option("-n", min=1, help="How many rows.")] = 20,
    dyads: Annotated[bool, typer.Option("--dyads", help="The dyads with the most events, not the actors.")] = False,
    undirected: Annotated[bool, typer.Option("--undirected", help="With --dyads: each pair once.")] = False,
    mix: Annotated[bool, typer.Option("--mix", help="The events by CAMEO root (of --dyad when given).")] = False,
    dyad: DyadOpt = None,
    level: LevelOpt = "actor",
    since: SinceOpt = None,
    until: UntilOpt = None,
    code: CodeOpt = None,
    all: AllOpt = False,
    format: FormatOpt = "table",
) -> None:
    """The most active actors (as source, as target, events), or with --dyads the busiest dyads, or with
    --mix the event types."""
    from kroniek.analysis import event_mix, top_actors, top_dyads

    status = None if all else ("asserted",)
    with _usage_errors():
        _check_format(format)
        store = _open(db)
        if mix:
            source, target = dyad or (None, None)
            frame = event_mix(store, source=source, target=target, directed=not undirected, since=since,
                              until=until, codes=code, status=status)  # fmt: skip
        elif dyads:
            frame = top_dyads(store, n, since=since, until=until, directed=not undirected, codes=code, level=level,
                              status=status)  # fmt: skip
        else:
            frame = top_actors(store, n, since=since, until=until, codes=code, level=level, status=status)
    _write_frame(frame, format)


# -- output ---------------------------------------------------------------------------------------


class _usage_errors:
    """A KroniekError inside the block is a usage error: one line on stderr, exit status 2."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: Any) -> bool:
        if isinstance(error, KroniekError):
            typer.echo(f"kroniek: {error}", err=True)
            raise typer.Exit(2) from None
        return False


def _open(db: str | None) -> Any:
    from kroniek.cli import _db_path
    from kroniek.store import Store

    return Store(_db_path(db), read_only=True)


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise KroniekError(Errors.E023, name="--format", value=fmt, reason=f"use one of {', '.join(FORMATS)}")


def _warn(line: str) -> None:
    typer.echo(f"kroniek: {line}", err=True)


def _print(write: Any) -> None:
    from kroniek.cli import _to_stdout

    _to_stdout(write)


def _records(frame: Any) -> list[dict[str, Any]]:
    """Rows as JSON-ready dicts: dates as YYYY-MM-DD, NaN as null."""
    return [{k: _plain(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value.item() if hasattr(value, "item") else value


def _json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=1) + "\n")


def _write_frame(frame: Any, fmt: str) -> None:
    if fmt == "json":
        _print(lambda: _json(_records(frame)))
    elif fmt == "csv":
        _print(lambda: frame.to_csv(sys.stdout, index=False))
    elif frame.empty:
        _warn("no events match")
    else:
        _print(lambda: sys.stdout.write(frame.to_string(index=False, na_rep="-", float_format=_number) + "\n"))


def _number(value: float) -> str:
    return f"{value:.2f}"


def _series_table(frame: Any, figures: dict[str, Any], freq: str) -> None:
    """The series' main columns with the turning points marked, then the yo-yo figures."""
    if frame.empty:
        _warn("no events match")
        return
    shown = frame[list(SERIES_TABLE)].copy()
    turns = {t["period"]: f"to {SIDES[t['to_sign']]}" for t in figures["turns"]}
    shown["turn"] = [turns.get(p, "") for p in shown["period"]]
    sys.stdout.write(shown.to_string(index=False, na_rep="-", float_format=_number) + "\n\n")
    units = f"{freq}s"
    regimes = ", ".join(f"{SIDES[r['sign']]} {r['start']}..{r['end']}" for r in figures["regimes"]) or "none"
    cycle = figures["mean_cycle_periods"]
    phase = figures["mean_phase_periods"]
    volatility = figures["volatility"]
    per_event, most = ("balance/events", 2) if figures["on"] == "balance" else ("the Goldstein mean", 20)
    lines = [
        f"yo-yo (a turning point: the {figures['on'].replace('_', ' ')} changes sign and holds it "
        f"{figures['min_run']} {units}):",
        "  turning points: " + (", ".join(f"{p} ({t})" for p, t in turns.items()) or "none"),
        f"  regimes: {regimes}",
        f"  cycles: {figures['cycles']}; mean phase: {'-' if phase is None else f'{phase:g} {units}'}; "
        f"mean cycle: {'-' if cycle is None else f'{cycle:g} {units}'}",
        f"  volatility: {'-' if volatility is None else f'{volatility:.3f}'} (mean change of {per_event} "
        f"between {units} with events, 0 to {most}); sign changes: {figures['sign_changes']}",
    ]
    sys.stdout.write("\n".join(lines) + "\n")
