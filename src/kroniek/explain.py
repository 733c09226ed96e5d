"""`kroniek explain`: why each event was (or was not) coded, sentence by sentence."""

from __future__ import annotations

from typing import TextIO

from kroniek.pipeline import Analysis


def write_explanation(result: Analysis, out: TextIO) -> None:
    """The actors found in each sentence and every pattern attempt with its outcome."""
    doc = result.doc
    out.write(f"== {result.document.doc_id} (date {result.document.date or '-'}, lang {result.document.lang})\n")
    if doc is None:
        return
    traces: dict[int, list] = {}
    for trace in result.traces:
        traces.setdefault(trace.sentence_index, []).append(trace)
    for index, sent in enumerate(doc.sents):
        found = [a for a in result.actors if sent.start_char <= a.start < sent.end_char]
        if not found and index not in traces:
            continue
        out.write(f"\n[{index}] {' '.join(sent.text.split())}\n")
        for a in found:
            out.write(f"    actor  {a.text!r:40} -> {a.code or '?':12} {a.name or a.label or ''} ({a.rule})\n")
        for trace in traces.get(index, []):
            if trace.outcome == "fired":
                for e in trace.events:
                    out.write(
                        f"    fired  {trace.pattern:28} on {trace.anchor!r}: {e.source.code} {e.cameo} "
                        f"{e.cameo_name} -> {e.target.code if e.target else '-'} [{e.status}"
                        f"{': ' + e.extra.get('status_reason', '') if e.extra.get('status_reason') else ''}]"
                        f"{_place(e.location)}\n"
                    )
            else:
                out.write(f"    blocked {trace.pattern:27} on {trace.anchor!r}: {trace.reason}\n")


def _place(location: dict | None) -> str:
    """" in Minsk (53.90, 27.57)", or nothing when the event names no place."""
    if not location:
        return ""
    at = f" ({location['lat']:.2f}, {location['lon']:.2f})" if location.get("lat") is not None else ""
    return f" in {location['name']}{at}"
