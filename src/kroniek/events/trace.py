"""What coding produces and works on: a Trace for every pattern attempt (what fired, what was
blocked and why: `kroniek explain`), the coded events and traces of a document, and the sentence
being coded."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from kroniek.actors.resolve import DocActors
from kroniek.model import Event


@dataclass
class Trace:
    """One pattern attempt in a sentence: fired (with events) or blocked (with a reason)."""

    sentence_index: int
    pattern: str
    anchor: str
    outcome: str  # "fired" or "blocked"
    reason: str = ""
    events: list[Event] = field(default_factory=list)


@dataclass
class Coded:
    events: list[Event]
    traces: list[Trace]


@dataclass
class Sentence:
    """What coding one sentence needs and produces."""

    span: Span
    index: int
    actors: DocActors
    doc_id: str
    doc_date: str | None
    events: list[Event]
    traces: list[Trace]
    seen: set = field(default_factory=set)
