"""Readable terminal tables for events and actor mentions."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from typing import Any, TextIO


def _clip(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def _clip_left(text: str | None, width: int) -> str:
    """The end of a long id, where paths and URLs differ ("…nos/artikel")."""
    text = " ".join((text or "").split())
    return text if len(text) <= width else "…" + text[len(text) - width + 1 :]


def _actor(actor: dict[str, Any] | None, width: int) -> str:
    if not actor:
        return "-"
    label = actor.get("name") or actor.get("text") or ""
    return _clip(f"{label} ({actor.get('code') or '?'})", width)


def write_event_table(records: Iterable[dict[str, Any]], out: TextIO, show_status: bool = False) -> int:
    """One line per event: date, document, source, event, target, evidence snippet (fits the terminal);
    aggregated events (a story's) also their mentions, sources and articles ("M/S/A", 4/3/4)."""
    width = max(shutil.get_terminal_size((160, 20)).columns, 120)
    records = list(records)
    columns = [("date", 10), ("document", 18), ("source", 28), ("event", 30), ("target", 28)]
    if any("num_articles" in r for r in records):
        columns.append(("m/s/a", 8))
    if show_status:
        columns.append(("status", 12))
    fixed = sum(w + 2 for _, w in columns)
    columns.append(("evidence", max(width - fixed, 20)))
    out.write("  ".join(name.upper().ljust(w) for name, w in columns).rstrip() + "\n")
    n = 0
    for r in records:
        # the evidence span when the caller has the document text at hand, else the sentence
        snippet = r.get("snippet") or r.get("sentence") or ""
        cells = {
            "date": r.get("date") or r.get("doc_date") or "",
            "document": _clip_left(r.get("doc_id"), 18),
            "source": _actor(r.get("source"), 28),
            "event": _clip(f"{r.get('cameo')} {r.get('cameo_name')}", 30),
            "target": _actor(r.get("target"), 28),
            "status": r.get("status") or "",
            "m/s/a": f"{r.get('num_mentions')}/{r.get('num_sources')}/{r.get('num_articles')}",
            "evidence": _clip(snippet, columns[-1][1]),
        }
        out.write("  ".join(_clip(cells[name], w).ljust(w) for name, w in columns).rstrip() + "\n")
        n += 1
    return n


def write_actor_table(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    """One line per actor mention: text, code, name, wikidata, how it was resolved."""
    header = f"{'DOC':16}  {'TEXT':34}  {'CODE':12}  {'NAME':28}  {'WIKIDATA':10}  RULE"
    out.write(header + "\n")
    n = 0
    for r in rows:
        out.write(
            f"{_clip(r.get('doc_id'), 16):16}  {_clip(r.get('text'), 34):34}  {r.get('code') or '-':12}  "
            f"{_clip(r.get('name'), 28):28}  {r.get('wikidata') or '':10}  {r.get('rule') or r.get('label') or ''}\n"
        )
        n += 1
    return n
