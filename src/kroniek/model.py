"""kroniek's data model: plain dataclasses that flow from the readers to the store."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Document:
    """One article as read from a source, before language analysis."""

    doc_id: str
    text: str
    date: str | None = None  # publication date: YYYY-MM-DD, or YYYY-MM / YYYY when only that is known
    lang: str | None = None  # ISO 639-1, "nl" or "en"
    title: str | None = None
    url: str | None = None
    source: str | None = None  # the file (or "-") the document came from
    warnings: tuple[str, ...] = ()  # what the reader repaired (errors.warning_line), reported once

    @property
    def date_precision(self) -> str | None:
        """"day", "month" or "year" for the publication date; None when there is none."""
        return {10: "day", 7: "month", 4: "year"}.get(len(self.date)) if self.date else None


@dataclass
class Actor:
    """An actor mention in the text, resolved to a CAMEO actor code where possible."""

    text: str
    start: int  # character offsets into Document.text
    end: int
    code: str | None = None  # CAMEO actor code, e.g. "BLRGOV", "IGOEUREEC"; None when unresolved
    name: str | None = None  # canonical name, e.g. "Belarus", "Alexander Lukashenko"
    country: str | None = None  # ISO alpha-3 of the actor's country, or None (IGOs)
    wikidata: str | None = None
    label: str | None = None  # NER type of an unresolved name (PER, ORG, LOC, MISC)
    rule: str | None = None  # how it was resolved ("gazetteer", "role", "title", "coref", ...)
    head: int = -1  # token index of the phrase head in the parsed Doc (internal, not in records)
    tokens: tuple[int, int] = (0, 0)  # token span [start, end) in the parsed Doc (internal)
    person: str | None = None  # knowledge-base person id, for named people

    @property
    def place_kind(self) -> str | None:
        """"country" or "capital" for an actor the gazetteer found as a place name ("Rusland",
        "Moskou"), else None."""
        kind = (self.rule or "").rpartition(":")[2]
        return kind if self.code and kind in ("country", "capital") else None

    def record(self) -> dict[str, Any]:
        """The contract's actor fields (an event's source/target)."""
        return {
            "code": self.code,
            "name": self.name,
            "country": self.country,
            "wikidata": self.wikidata,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


@dataclass
class Event:
    """One coded event: who did what to whom, with when, where, status and evidence."""

    doc_id: str
    doc_date: str | None
    sentence_index: int
    sentence: str
    source: Actor
    target: Actor | None
    cameo: str
    cameo_name: str
    root: str
    quad_class: int
    goldstein: float
    plover: dict[str, str | None]
    date: str | None
    date_precision: str | None
    location: dict[str, Any] | None
    status: str  # asserted | negated | hypothetical | demanded | reported
    evidence: dict[str, Any]
    confidence: float
    extra: dict[str, Any] = field(default_factory=dict)

    def record(self) -> dict[str, Any]:
        """The event record of docs/CONTRACT.md, as a JSON-ready dict."""
        out = asdict(self)
        out.pop("extra")
        out["source"] = self.source.record()
        out["target"] = self.target.record() if self.target else None
        out.update(self.extra)
        return out


STATUSES = ("asserted", "negated", "hypothetical", "demanded", "reported")
