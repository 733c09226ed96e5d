"""The event coder: patterns over the dependency parse -> CAMEO events with status and evidence.

For every verb (by its full lemma) and event noun in a sentence the most specific matching pattern
fires; its source and target come from the argument slots the pattern names, expanded over
coordination ("Polen en Litouwen" -> two events). Every attempt is recorded as a Trace, so
`kroniek explain` can show what fired and what was blocked, and why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from itertools import product

from spacy.tokens import Doc, Token

from kroniek.actors.resolve import DocActors
from kroniek.events import clause, verbs
from kroniek.events.arguments import Arguments, country_of
from kroniek.events.discourse import Discourse
from kroniek.events.lexicon import word_classes
from kroniek.events.match import Matching, verb_bases, verb_like
from kroniek.events.ontology import Ontology
from kroniek.events.patterns import Pattern, PatternSet
from kroniek.events.ranker import RankerModel, pair_features
from kroniek.events.saying import Saying, conflict_words
from kroniek.events.status import Status, condition_clause, decide
from kroniek.events.trace import Coded, Sentence, Trace
from kroniek.events.when import UNKNOWN, event_date
from kroniek.events.where import Placing
from kroniek.model import Actor, Event

# CAMEO's residual "make statement": "not coded except when distinctions among 011 to 017 cannot be
# made ... statements are typically subordinate events". kroniek codes what a statement says (a
# comment 012-019, or the act it announces, asks for, refuses or accuses another of), not that it was
# made: on the training articles the bare statements were right once in three.
BARE_STATEMENTS = frozenset({"010"})

def _attributive(token: Token) -> bool:
    """A participle used as an adjective ("de vrijgelaten gevangenen", "the released prisoners")
    names an act the text reports elsewhere, if at all: no event of its own."""
    if token.dep_ not in ("amod", "acl") or token.i > token.head.i or "Part" not in token.morph.get("VerbForm"):
        return False
    # inside a noun phrase: its article or number stands before the participle (a finite verb the
    # parser took for one, "Germany voiced/amod support", has none)
    return any(c.dep_ in ("det", "nummod", "nmod:poss", "det:poss") and c.i < token.i for c in token.head.children)


# the roots of statements of one kind: asking (appeals and demands), announcing (intentions and
# threats), refusing, accusing
STATEMENT_FAMILY = {"02": "ask", "10": "ask", "03": "announce", "13": "announce", "12": "refuse", "11": "accuse"}


def _ranked_actor(actor: Actor, rule: str) -> Actor:
    """The actor as the ranker chose it for a side, its rule saying so (kroniek explain)."""
    return replace(actor, rule=f"{actor.rule}|{rule}") if "ranker:" not in (actor.rule or "") else actor


class EventCoder(Matching, Arguments, Discourse, Placing, Saying):
    """Codes the events of parsed documents in one language. Its stages live in their own modules:
    matching (match.py), argument slots (arguments.py, discourse.py), the clause read off the parse
    (reading.py), status (status.py), statements (saying.py), time (when.py) and place (where.py)."""

    def __init__(self, patterns: PatternSet, ontology: Ontology, bare_statements: bool = False,
                 ranker: RankerModel | None = None) -> None:
        """`bare_statements`: code CAMEO's residual 010 too (a statement that says nothing coded finer);
        `ranker`: the statistical fallback for a side the slots do not find (events/ranker.py)."""
        self.patterns = patterns
        self.ranker = ranker
        # called with each pattern's sides before they are coded (training/train_ranker.py)
        self.observe: Callable | None = None
        self.skipped_codes = frozenset() if bare_statements else BARE_STATEMENTS
        self.grammar = patterns.grammar
        self.ontology = ontology
        # separable particles a parser may read as a phrase's first preposition ("aan op ...")
        self.particles = frozenset(clause.known_particles(self.grammar) or ())
        self.verb_bases = verb_bases(patterns.by_verb, self.grammar)
        # verbs whose object is an act of its own: demanded, announced or refused
        g = self.grammar
        self.statement_verbs = g.demand_verbs | g.warning_verbs | g.negating_verbs
        # the verbs of patterns whose both sides may be implicit: the only ones a sentence without
        # actors can code
        implicit = {v: () for p in patterns.patterns if p.implicit_source and p.implicit_target for v in p.verbs}
        self.implicit_bases = verb_bases(implicit, self.grammar) or frozenset(implicit)
        self._memo: tuple[Doc | None, dict] = (None, {})
        # words every pattern of which codes a conflictual act (CAMEO quad classes 3 and 4): what a
        # statement says another did is an accusation when its content holds one (_accused_in_content)
        self.conflict_words = conflict_words(patterns, ontology)
        # words of blame ("onaanvaardbaar", "a mistake"): what a statement says with one is a criticism
        self.blame_words = frozenset(word_classes(patterns.lang).get(self.grammar.blame_class, ()))

    def __call__(self, doc: Doc, actors: DocActors, doc_id: str, doc_date: str | None) -> Coded:
        coded = Coded([], [])
        actors = actors.placed()
        self._memo = (doc, {})  # see _memoized
        self._doc_events = coded.events  # what the `continued` slot continues
        try:
            for index, sent in enumerate(doc.sents):
                self._sentence(Sentence(sent, index, actors, doc_id, doc_date, coded.events, coded.traces))
        finally:
            self._memo = (None, {})
            for key in ("kroniek:clause_tokens", "kroniek:lemmas"):  # no part of a stored Doc
                doc.user_data.pop(key, None)
        return coded

    def _sentence(self, ctx: Sentence) -> None:
        # an event needs an actor on at least one side: in a sentence that names none only a pattern
        # with both sides implicit can fire ("Andere leden werden opgepakt"), so only those are tried
        self._sentence_span = ctx.span
        by_token = ctx.actors.by_token
        if not any(i in by_token for i in range(ctx.span.start, ctx.span.end)):
            return self._sentence_without_actors(ctx)
        verb_anchors: dict[int, str] = {}  # token -> the root of the act the verb coded
        for token in ctx.span:
            if verb_like(token) and not _attributive(token):
                for pattern in self._matches(self._verb_patterns(token), token, is_noun=False, actors=ctx.actors):
                    if self._fire(pattern, token, False, ctx):
                        verb_anchors[token.i] = pattern.root
                        break
        for token in ctx.span:
            if token.pos_ not in ("NOUN", "PROPN"):
                continue
            candidates = self.patterns.noun_patterns(token.lemma_.lower(), token.lower_)
            matches = self._matches(candidates, token, is_noun=True, actors=ctx.actors)
            if not matches:
                continue
            if verb_anchors.get(token.head.i) == matches[0].root and token.dep_ in (
                    "obj", "obl", "obl:arg", "nsubj:pass") and not self._full_lemmas(token.head) & self.statement_verbs:
                # "legde sancties op": the verb codes the act; but what is demanded, announced or
                # refused is an act of its own ("eiste de vrijlating van ..."), and so is one of another
                # kind than the verb's ("veroordeelde de arrestatie van ...": a criticism and an arrest)
                ctx.traces.append(Trace(ctx.index, matches[0].id, token.text, "blocked", "argument of a coded verb"))
                continue
            for pattern in matches:
                if self._fire(pattern, token, True, ctx):
                    break
        self._attributed(ctx)
        self._keep_specific(ctx)

    def _sentence_without_actors(self, ctx: Sentence) -> None:
        if not ctx.actors.domestic_country:
            return  # both sides implicit are of the country a domestic story is about
        inflection, lang = self.grammar.inflection, self.grammar.lang
        for token in ctx.span:
            if not verb_like(token) or not verbs.candidates(token.text, token.lemma_, lang, inflection) & (
                    self.implicit_bases):
                continue
            implicit = tuple(p for p in self._verb_patterns(token) if p.implicit_source and p.implicit_target)
            for pattern in self._matches(implicit, token, is_noun=False, actors=ctx.actors):
                if self._fire(pattern, token, False, ctx):
                    break

    @staticmethod
    def _keep_specific(ctx: Sentence) -> None:
        """One act, one event: where a sentence has an event with a root's residual code ("020", an
        appeal) and one with a finer code of that root for the same sides ("0253", an appeal for a
        release, from what the appeal asks for), the residual one goes; of two events with the same
        sides, code and status (a threat coded on "dreigt" and on the sanctions it threatens with)
        the first stays."""
        mine = [e for e in ctx.events if e.sentence_index == ctx.index and e.doc_id == ctx.doc_id]

        def sides(e: Event) -> tuple:
            return e.source.code, e.target.code if e.target else None, e.status

        finer = {(*sides(e), e.root) for e in mine if not (len(e.cameo) == 3 and e.cameo.endswith("0"))}
        seen: set[tuple] = set()
        drop = []
        for e in mine:
            if (len(e.cameo) == 3 and e.cameo.endswith("0") and (*sides(e), e.root) in finer) or (
                    (*sides(e), e.cameo) in seen):
                drop.append(e)
            seen.add((*sides(e), e.cameo))
        # a statement the verb's own row codes ("drong aan op overleg": 026) is not coded again from
        # what it asks for, announces or refuses (106): the row was written for that verb
        said = {(*sides(e), STATEMENT_FAMILY.get(e.root)) for e in mine
                if e not in drop and "+" not in e.evidence["rule"]}
        drop += [e for e in mine if e not in drop and "+" in e.evidence["rule"]
                 and (*sides(e), STATEMENT_FAMILY.get(e.root)) in said and STATEMENT_FAMILY.get(e.root)]
        for event in drop:
            ctx.events.remove(event)
            for trace in ctx.traces:
                if event in trace.events:
                    trace.events.remove(event)
                    trace.reason = f"{event.cameo}: the same act is coded by another word or a finer code"
                    if not trace.events:
                        trace.outcome = "blocked"

    def _fire(self, pattern: Pattern, anchor: Token, is_noun: bool, ctx: Sentence) -> bool:
        """Code the events of one pattern match: the act, and the statement the clause makes about it
        (an announcement, appeal, demand, refusal or stop); True when at least one event came out."""
        actors = ctx.actors
        trace = Trace(ctx.index, pattern.id, anchor.text, "blocked")
        ctx.traces.append(trace)
        if is_noun and pattern.code in self.grammar.document_codes and self._support_verb(anchor) is None and not any(
                c.dep_ in ("amod", "acl") and self._full_lemmas(c) & self.grammar.carrying_verbs
                for c in anchor.children):
            # no verb concludes it, nor a participle of one on it ("de recent gesloten overeenkomst")
            trace.reason = "the agreement as a document: no verb concludes it"
            return False
        sources, targets = self._sides(pattern, anchor, is_noun, actors)
        if self.observe is not None:
            self.observe(ctx, pattern, anchor, is_noun, sources, targets)
        if not (sources and targets) and self.ranker is not None:
            sources, targets = self._ranked(pattern, anchor, is_noun, ctx, sources, targets)
        status = decide(anchor, self.grammar, is_noun)
        if not targets and sources and not is_noun and status.mood == "announce" and int(pattern.root) >= 11:
            # "Als Rusland de grens overschrijdt, zal de EU sancties opleggen": a hostile act announced
            # on a condition is aimed at the one the condition names (a threat, events/statements.py)
            targets = [a for a in self._condition_subjects(anchor, actors) if a not in sources]
        if status.status == "reported" and status.speaker is not None:
            status = self._own_side(status, status.speaker, sources, actors)
        if status.status == "demanded" and status.verb in self.grammar.order_verbs and status.speaker is not None:
            status = self._ordered(status, status.speaker, sources, actors)
        if status.status == "asserted" and not status.reason and (
                told := self._attributed_to(anchor, is_noun)) is not None:
            # news attribution ("volgens de politie") keeps the act asserted, with lower confidence
            status = Status("asserted", f"according to {told.text!r}", 0.8)
        stated = self._statement(pattern, anchor, is_noun, status, sources, targets, actors)
        accused = self._accused_in_content(anchor, sources, actors) if (
            pattern.code in self.skipped_codes and sources and not is_noun and status.status == "asserted") else None
        if stated is None and not accused and not (sources and targets):
            trace.reason = "no source actor" if not sources else "no target actor"
            return False
        when = event_date(self._time_words(anchor, is_noun), ctx.doc_date, self.grammar.lang)
        if is_noun and when.source == "publication" and self._support_verb(anchor) is None:
            # an act named by a noun is one the text refers to ("na de annexatie van de Krim"), not
            # one it reports as news of the day: without a time word of its own its date is unknown
            when = UNKNOWN
        location, location_source = self._location(anchor, is_noun, actors)
        if stated is not None:
            said = Status("asserted", f"the statement: {stated.reason}", 0.8)
            self._emit(trace, ctx, anchor, pattern, stated.code, stated.by, stated.to, said, when, location,
                       location_source, f"{pattern.id}+{stated.mood}")
        if accused:
            # "Morales meent dat de VS achter het oproer zitten": an accusation of the content's actor;
            # "zei dat Poetin een fout had gemaakt": a criticism
            code, accused = accused
            said = Status("asserted", "the statement's content: a conflictual act or a blame of another", 0.7)
            self._emit(trace, ctx, anchor, pattern, code, sources, accused, said, when, location,
                       location_source, f"{pattern.id}+content")
        if not sources:
            trace.reason = trace.reason or "no source actor"
        elif not targets:
            trace.reason = trace.reason or "no target actor"
        else:
            self._emit(trace, ctx, anchor, pattern, pattern.code, sources, targets, status, when, location,
                       location_source, pattern.id)
        trace.outcome = "fired" if trace.events else "blocked"
        if not trace.events and not trace.reason:
            trace.reason = "source and target are the same actor"
        return bool(trace.events)

    def _sides(self, pattern: Pattern, anchor: Token, is_noun: bool, actors: DocActors) -> tuple[list, list]:
        """The act's sources and targets from the pattern's slots, with implicit ones where it names a role."""
        sources = self._fill(pattern.source, anchor, is_noun, actors, [])
        if not sources and is_noun:
            sources = self._carrier(anchor, actors)
        targets = self._fill(pattern.target, anchor, is_noun, actors, sources, pattern.obj)
        if (not sources and not targets and pattern.implicit_source and pattern.implicit_target
                and self._about_people(anchor, is_noun, pattern)):
            # "Twee Franse toeristen zijn opgepakt": the people's own adjective says whose; "Andere
            # leden werden opgepakt": both sides implicit, in the country a domestic story is about
            country = self._patient_country(anchor, is_noun, actors) or actors.domestic_country
            if country:
                targets = [self._implicit(country, pattern.implicit_target, anchor)]
        # an implicit authority or its subjects are of the country where the act took place ("zijn in
        # Iran gearresteerd": the Iranian police), else of the other party's
        where = None
        implicit_needed = (not sources and pattern.implicit_source and targets) or (
            not targets and pattern.implicit_target and sources)
        if implicit_needed:
            located, _ = self._location(anchor, is_noun, actors)
            where = located["country"] if located else None
        if not sources and pattern.implicit_source and targets and not self._named_agent(anchor, is_noun):
            sources = [self._implicit(where or country_of(targets[0]), pattern.implicit_source, anchor)]
        if not targets and pattern.implicit_target and sources and not self._about_a_thing(anchor, is_noun, pattern):
            # the people acted on, left unnamed ("hield drie mensen vast"), not a thing ("hield de hand vast")
            targets = [self._implicit(where or country_of(sources[0]), pattern.implicit_target, anchor)]
        return [a for a in sources if a.code], [a for a in targets if a.code]

    def _condition_subjects(self, anchor: Token, actors) -> list:
        """The actors subject of a conditional clause the verb depends on ("als Rusland ...")."""
        out = []
        for child in anchor.children:
            if child.pos_ in ("VERB", "AUX") and child.dep_ in ("advcl", "dep", "acl") and condition_clause(
                    child, self.grammar):
                out += [a for s in clause.subjects(child) for a in self._actors_at(s, actors) if a.code]
        return out

    def _named_agent(self, anchor: Token, is_noun: bool) -> bool:
        """The clause names who did it, an actor or not ("De Chinese kustwacht bestookte ...",
        "Onbekenden ontvoerden ..."): then no implicit authority stands in for the doer."""
        if is_noun or clause.is_passive(anchor, self.grammar) or clause.shares_passive(anchor, self.grammar):
            return any(n for p, n in clause.phrases(anchor) if p in self.grammar.agent_preps)
        # the verb's own subject: one inherited from a clause above may be no doer of this act
        return any(s.lower_ not in self.grammar.relative_pronouns and s.pos_ in ("NOUN", "PROPN")
                   for s in clause.children(anchor, clause.SUBJ_DEPS))

    def candidates(self, ctx: Sentence) -> list[Actor]:
        """The actors of the sentence, each once (those a group mention stands for too)."""
        found: list[Actor] = []
        for i in range(ctx.span.start, ctx.span.end):
            for actor in ctx.actors.group(ctx.span.doc[i]):
                if actor.code and actor not in found:
                    found.append(actor)
        return found

    def candidate_pairs(self, pattern: Pattern, anchor: Token, is_noun: bool, ctx: Sentence,
                        sources: list[Actor], targets: list[Actor]) -> list[tuple[Actor, Actor, list[str]]]:
        """Every (source, target) the sentence allows beside what the slots found, with the features
        the ranker scores (events/ranker.py)."""
        actors = self.candidates(ctx)
        if is_noun and anchor.head != anchor:
            # who condemns, reports or asks for an act did not do it ("Duitsland veroordeelde de aanvallen
            # op Oekraïne"): the subjects of the verb an event noun depends on are not its source
            said_by = [a for s in clause.subjects(anchor.head) for a in ctx.actors.group(s)]
            actors_as_source = [a for a in actors if not any(a is b for b in said_by)]
        else:
            actors_as_source = actors
        own = frozenset(t.i for t in clause.clause_tokens(anchor)) if not is_noun else frozenset(
            t.i for t in anchor.subtree)
        pairs = []
        for source in sources or actors_as_source:
            for target in targets or actors:
                if source is target or source.code == target.code:
                    continue
                pairs.append((source, target, pair_features(anchor, pattern.root, is_noun, source, target, own,
                                                            bool(sources), bool(targets), pattern.source,
                                                            pattern.target, actors)))
        return pairs

    def _ranked(self, pattern: Pattern, anchor: Token, is_noun: bool, ctx: Sentence, sources: list[Actor],
                targets: list[Actor]) -> tuple[list[Actor], list[Actor]]:
        """The sides the ranker picks where the slots left one empty: the best candidate pair when its
        probability reaches the model's threshold, else the slots' own (empty) answer."""
        pairs = self.candidate_pairs(pattern, anchor, is_noun, ctx, sources, targets)
        if not pairs:
            return sources, targets
        scored = [(self.ranker.probability(f), s, t) for s, t, f in pairs]
        best, source, target = max(scored, key=lambda x: x[0])
        if best < self.ranker.threshold:
            return sources, targets
        ranked = f"ranker:{best:.2f}"
        return [_ranked_actor(source, ranked)], [_ranked_actor(target, ranked)]

    def _time_words(self, anchor: Token, is_noun: bool) -> list[Token]:
        """The words that may date the act: its clause, with the clause of an auxiliary the parse made
        its head ("Litouwen heeft/root dinsdag ... opgevangen/ccomp"); a noun's own words, with its
        support verb's clause ("voerde zondag aanvallen uit")."""
        if is_noun:
            support = self._support_verb(anchor)
            return list(anchor.subtree) + (list(clause.clause_tokens(support)) if support is not None else [])
        words = list(clause.clause_tokens(anchor))
        host = self._auxiliary_host(anchor)
        return words + [t for t in clause.clause_tokens(host) if t not in words] if host is not None else words

    def _emit(self, trace: Trace, ctx: Sentence, anchor: Token, pattern: Pattern | None, code: str,
              sources: list[Actor], targets: list[Actor], status: Status, when, location: dict | None,
              location_source: str | None, rule: str) -> None:
        """One event per source and target of another actor, once per sides, root and anchor."""
        if code in self.skipped_codes:
            trace.reason = f"{code}: a statement that says nothing CAMEO codes finer is not coded"
            return
        cameo = self.ontology.get(code)
        for source, target in self._pairs(anchor.doc, sources, targets):
            if source.code == target.code:
                continue
            if cameo.root == "01" and (target.code or "")[3:6] == "MED":
                continue  # a statement to the press is made in public: the press is its channel, no party
            if cameo.code in ("042", "043") and target.code == (source.code or "")[:3]:
                continue  # going to one's own country ("keerde terug naar Nederland") visits no one
            key = (source.start, source.code, target.start, target.code, cameo.root, anchor.i)
            if key in ctx.seen:
                continue
            ctx.seen.add(key)
            event = Event(
                doc_id=ctx.doc_id, doc_date=ctx.doc_date, sentence_index=ctx.index, sentence=ctx.span.text.strip(),
                source=source, target=target, cameo=cameo.code, cameo_name=cameo.name_en, root=cameo.root,
                quad_class=cameo.quad_class, goldstein=cameo.goldstein,
                plover={"event_type": cameo.plover_type, "mode": cameo.plover_mode},
                date=when.date, date_precision=when.precision, location=location, status=status.status,
                evidence=self._evidence(anchor, source, target, rule),
                confidence=round(0.9 * status.confidence, 2),
                extra={"date_source": when.source, "status_reason": status.reason,
                       "location_source": location_source},
            )
            trace.events.append(event)
            ctx.events.append(event)

    @staticmethod
    def _pairs(doc: Doc, sources: list[Actor], targets: list[Actor]) -> list[tuple[Actor, Actor]]:
        """Each source with each target; but where both sides are the same list of three or more whose
        first is set apart by the conjunction ("samenwerking tussen de EU en Belarus, Oekraïne en
        Moldavië"), the first with each of the rest: the rest do not act among themselves."""
        pairs = list(product(sources, targets))
        if len(sources) < 3 or sources != targets or any(a.tokens[1] <= a.tokens[0] for a in sources):
            return pairs
        first, second = sorted(sources, key=lambda a: a.tokens[0])[:2]
        if not any(t.pos_ == "CCONJ" for t in doc[first.tokens[1] : second.tokens[0]]):
            return pairs
        return [(s, t) for s, t in pairs if first in (s, t)]

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
    def _evidence(anchor: Token, source: Actor, target: Actor, rule: str) -> dict:
        starts = [anchor.idx] + [a.start for a in (source, target) if a.text]
        ends = [anchor.idx + len(anchor)] + [a.end for a in (source, target) if a.text]
        return {"start": min(starts), "end": max(ends), "rule": rule}
