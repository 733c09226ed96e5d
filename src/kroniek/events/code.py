"""The event coder: patterns over the dependency parse -> CAMEO events with status and evidence.

For every verb (by its full lemma) and event noun in a sentence the most specific matching pattern
fires; its source and target come from the argument slots the pattern names, expanded over
coordination ("Polen en Litouwen" -> two events). Every attempt is recorded as a Trace, so
`kroniek explain` can show what fired and what was blocked, and why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import product

from spacy.tokens import Doc, Span, Token

from kroniek.actors.resolve import DocActors
from kroniek.events import clause
from kroniek.events.arguments import Arguments, country_of
from kroniek.events.discourse import Discourse
from kroniek.events.match import Matching, verb_bases, verb_like
from kroniek.events.ontology import Ontology
from kroniek.events.patterns import Pattern, PatternSet
from kroniek.events.status import Status, decide
from kroniek.events.when import event_date
from kroniek.events.where import Placing
from kroniek.model import Actor, Event


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
class _Sentence:
    """What coding one sentence needs and produces."""

    span: Span
    index: int
    actors: DocActors
    doc_id: str
    doc_date: str | None
    events: list[Event]
    traces: list[Trace]
    seen: set = field(default_factory=set)


class EventCoder(Matching, Arguments, Discourse, Placing):
    """Codes the events of parsed documents in one language. Its stages live in their own modules:
    matching (match.py), argument slots (arguments.py, discourse.py), the clause read off the parse
    (reading.py), status (status.py), time (when.py) and place (where.py)."""

    def __init__(self, patterns: PatternSet, ontology: Ontology) -> None:
        self.patterns = patterns
        self.grammar = patterns.grammar
        self.ontology = ontology
        # separable particles a parser may read as a phrase's first preposition ("aan op ...")
        self.particles = frozenset(clause.known_particles(self.grammar) or ())
        self.verb_bases = verb_bases(patterns.by_verb, self.grammar)
        self._memo: tuple[Doc | None, dict] = (None, {})

    def __call__(self, doc: Doc, actors: DocActors, doc_id: str, doc_date: str | None) -> Coded:
        coded = Coded([], [])
        self._memo = (doc, {})  # see _memoized
        try:
            for index, sent in enumerate(doc.sents):
                self._sentence(_Sentence(sent, index, actors, doc_id, doc_date, coded.events, coded.traces))
        finally:
            self._memo = (None, {})
        return coded

    def _sentence(self, ctx: _Sentence) -> None:
        verb_anchors: set[int] = set()
        for token in ctx.span:
            if verb_like(token):
                pattern = self._first_match(self._verb_patterns(token), token, is_noun=False, actors=ctx.actors)
                if pattern is not None and self._fire(pattern, token, False, ctx):
                    verb_anchors.add(token.i)
        for token in ctx.span:
            if token.pos_ not in ("NOUN", "PROPN"):
                continue
            candidates = self.patterns.noun_patterns(token.lemma_.lower(), token.lower_)
            pattern = self._first_match(candidates, token, is_noun=True, actors=ctx.actors)
            if pattern is None:
                continue
            if token.head.i in verb_anchors and token.dep_ in ("obj", "obl", "obl:arg", "nsubj:pass"):
                ctx.traces.append(Trace(ctx.index, pattern.id, token.text, "blocked", "argument of a coded verb"))
                continue
            self._fire(pattern, token, True, ctx)

    def _fire(self, pattern: Pattern, anchor: Token, is_noun: bool, ctx: _Sentence) -> bool:
        """Code the events of one pattern match; True when at least one event came out."""
        actors = ctx.actors
        trace = Trace(ctx.index, pattern.id, anchor.text, "blocked")
        ctx.traces.append(trace)
        sources = self._fill(pattern.source, anchor, is_noun, actors, [])
        if not sources and is_noun:
            sources = self._carrier(anchor, actors)
        targets = self._fill(pattern.target, anchor, is_noun, actors, sources, pattern.obj)
        if (not sources and not targets and pattern.implicit_source and pattern.implicit_target
                and actors.main_country and self._about_people(anchor, is_noun, pattern)):
            # "Andere leden werden opgepakt": both sides implicit, in the country the article is about
            targets = [self._implicit(actors.main_country, pattern.implicit_target, anchor)]
        # an implicit authority or its subjects are of the country where the act took place ("zijn in
        # Iran gearresteerd": the Iranian police), else of the other party's
        where = None
        implicit_needed = (not sources and pattern.implicit_source and targets) or (
            not targets and pattern.implicit_target and sources)
        if implicit_needed:
            located, _ = self._location(anchor, is_noun, actors)
            where = located["country"] if located else None
        if not sources and pattern.implicit_source and targets:
            sources = [self._implicit(where or country_of(targets[0]), pattern.implicit_source, anchor)]
        if not targets and pattern.implicit_target and sources:
            targets = [self._implicit(where or country_of(sources[0]), pattern.implicit_target, anchor)]
        sources = [a for a in sources if a.code]
        targets = [a for a in targets if a.code]
        if not sources:
            trace.reason = "no source actor"
            return False
        if not targets:
            trace.reason = "no target actor"
            return False
        status = decide(anchor, self.grammar, is_noun)
        if status.status == "reported" and status.speaker is not None:
            status = self._own_side(status, status.speaker, sources, actors)
        if status.status == "demanded" and status.verb in self.grammar.order_verbs and status.speaker is not None:
            status = self._ordered(status, status.speaker, sources, actors)
        when = event_date(clause.clause_tokens(anchor) if not is_noun else anchor.subtree, ctx.doc_date,
                          self.grammar.lang)
        cameo = self.ontology.get(pattern.code)
        location, location_source = self._location(anchor, is_noun, actors)
        for source, target in product(sources, targets):
            if source.code == target.code:
                continue
            key = (source.start, target.start, cameo.root, anchor.i)
            if key in ctx.seen:
                continue
            ctx.seen.add(key)
            event = Event(
                doc_id=ctx.doc_id, doc_date=ctx.doc_date, sentence_index=ctx.index, sentence=ctx.span.text.strip(),
                source=source, target=target, cameo=cameo.code, cameo_name=cameo.name_en, root=cameo.root,
                quad_class=cameo.quad_class, goldstein=cameo.goldstein,
                plover={"event_type": cameo.plover_type, "mode": cameo.plover_mode},
                date=when.date, date_precision=when.precision, location=location, status=status.status,
                evidence=self._evidence(anchor, source, target, pattern),
                confidence=round(0.9 * status.confidence, 2),
                extra={"date_source": when.source, "status_reason": status.reason,
                       "location_source": location_source},
            )
            trace.events.append(event)
            ctx.events.append(event)
        trace.outcome = "fired" if trace.events else "blocked"
        if not trace.events:
            trace.reason = "source and target are the same actor"
        return bool(trace.events)

    def _own_side(self, status: Status, speaker: Token, sources: list[Actor], actors: DocActors) -> Status:
        """An act told by the actor's own side ("Hamas stopt, meldt een woordvoerder") is asserted."""
        said_by = actors.at(speaker)
        if said_by is not None and said_by.code and any(s.code and s.code[:3] == said_by.code[:3] for s in sources):
            return Status("asserted", "told by its own side", 0.8)
        return status

    @staticmethod
    def _ordered(status: Status, asker: Token, sources: list[Actor], actors: DocActors) -> Status:
        """An order to one's own side ("Erdogan droeg zijn minister op de ambassadeurs uit te zetten")
        is coded as the act: the state acts through its minister."""
        by = actors.at(asker)
        # another mention of the same side: the one ordering is not the one ordered ("droeg zijn
        # minister op"); the asker as the act's own source means the parse lost the one ordered
        if by is not None and by.code and any(s.code and s.code[:3] == by.code[:3] and s.start != by.start
                                              for s in sources):
            return Status("asserted", "ordered by its own side", 0.8)
        return status

    @staticmethod
    def _evidence(anchor: Token, source: Actor, target: Actor, pattern: Pattern) -> dict:
        starts = [anchor.idx] + [a.start for a in (source, target) if a.text]
        ends = [anchor.idx + len(anchor)] + [a.end for a in (source, target) if a.text]
        return {"start": min(starts), "end": max(ends), "rule": pattern.id}
