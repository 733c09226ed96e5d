"""`kroniek explain`: why each event was (or was not) coded, sentence by sentence.

`explanation()` gives the trace as plain data (the web API serves it as JSON); `write_explanation()`
prints the same trace as text.
"""

from __future__ import annotations

from typing import Any, TextIO

from kroniek.pipeline import Analysis


def explanation(result: Analysis) -> list[dict[str, Any]]:
    """Each sentence with actors or pattern attempts: its text and offsets, the actors found in it
    (how each was resolved) and every pattern attempt, fired (with its events) or blocked (with why)."""
    doc = result.doc
    if doc is None:
        return []
    traces: dict[int, list] = {}
    for trace in result.traces:
        traces.setdefault(trace.sentence_index, []).append(trace)
    sentences = []
    for index, sent in enumerate(doc.sents):
        found = [a for a in result.actors if sent.start_char <= a.start < sent.end_char]
        if not found and index not in traces:
            continue
        sentences.append({
            "index": index, "text": " ".join(sent.text.split()), "start": sent.start_char, "end": sent.end_char,
            "actors": [{"text": a.text, "start": a.start, "end": a.end, "code": a.code, "name": a.name,
                        "label": a.label, "rule": a.rule} for a in found],
            "attempts": [{
                "pattern": t.pattern, "anchor": t.anchor, "outcome": t.outcome, "reason": t.reason,
                "events": [{
                    "source": e.source.code, "cameo": e.cameo, "cameo_name": e.cameo_name,
                    "target": e.target.code if e.target else None, "status": e.status,
                    "status_reason": e.extra.get("status_reason") or None, "location": e.location,
                    "evidence": e.evidence,
                } for e in t.events],
            } for t in traces.get(index, [])],
        })  # fmt: skip
    return sentences


def write_explanation(result: Analysis, out: TextIO) -> None:
    """The actors found in each sentence and every pattern attempt with its outcome."""
    out.write(f"== {result.document.doc_id} (date {result.document.date or '-'}, lang {result.document.lang})\n")
    for sentence in explanation(result):
        out.write(f"\n[{sentence['index']}] {sentence['text']}\n")
        for a in sentence["actors"]:
            out.write(f"    actor  {a['text']!r:40} -> {a['code'] or '?':12} {a['name'] or a['label'] or ''} "
                      f"({a['rule']})\n")
        for attempt in sentence["attempts"]:
            if attempt["outcome"] == "fired":
                for e in attempt["events"]:
                    out.write(
                        f"    fired  {attempt['pattern']:28} on {attempt['anchor']!r}: {e['source']} {e['cameo']} "
                        f"{e['cameo_name']} -> {e['target'] or '-'} [{e['status']}"
                        f"{': ' + e['status_reason'] if e['status_reason'] else ''}]"
                        f"{_place(e['location'])}\n"
                    )
            else:
                out.write(f"    blocked {attempt['pattern']:27} on {attempt['anchor']!r}: {attempt['reason']}\n")


def _place(location: dict | None) -> str:
    """" in Minsk (53.90, 27.57)", or nothing when the event names no place."""
    if not location:
        return ""
    at = f" ({location['lat']:.2f}, {location['lon']:.2f})" if location.get("lat") is not None else ""
    return f" in {location['name']}{at}"
