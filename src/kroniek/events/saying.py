"""Statements: what a clause says about an act, and what a speech verb's content or an attributed
clause says of another actor, coded as events of their own by CAMEO's conventions (the codes of
announcing, asking for, refusing, stopping and accusing an act: events/statements.py; an
accusation 112 or a criticism 111 for a content no pattern codes)."""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Token

from kroniek.actors.resolve import DocActors
from kroniek.events import clause
from kroniek.events.ontology import Ontology
from kroniek.events.patterns import Grammar, Pattern, PatternSet
from kroniek.events.statements import statement_code
from kroniek.events.status import Status, decide, reporter
from kroniek.events.trace import Sentence, Trace
from kroniek.events.when import event_date
from kroniek.model import Actor

# CAMEO's accusation, not specified below: what a statement says another did, when that is a conflict
ACCUSATION = "112"
# CAMEO's criticism or denouncement: what a statement blames another for
CRITICISM = "111"


def conflict_words(patterns: PatternSet, ontology: Ontology) -> frozenset[str]:
    """The verb lemmas all of whose patterns code conflictual acts (quad classes 3 and 4)."""
    return frozenset(verb for verb, found in patterns.by_verb.items()
                     if found and all(ontology.get(p.code).quad_class >= 3 for p in found))


class Statement(NamedTuple):
    """What a clause says about an act, coded as an event of its own (events/statements.py)."""

    code: str
    mood: str  # announce, appeal, demand, refuse, halt, accuse
    by: list[Actor]
    to: list[Actor]
    reason: str


class Saying:
    """Mixin of the EventCoder (events/code.py): needs its matching, argument slots, placing and
    `_emit`."""

    grammar: Grammar
    ontology: Ontology
    patterns: PatternSet
    conflict_words: frozenset[str]
    blame_words: frozenset[str]

    def _statement(self, pattern: Pattern, anchor: Token, is_noun: bool, status: Status, sources: list[Actor],
                   targets: list[Actor], actors: DocActors) -> Statement | None:
        """The statement the clause makes about the act, as CAMEO codes it (events/statements.py):
        its code, who makes it and to whom; None when it makes none or a side is missing."""
        mood, teller, reason = status.mood, status.speaker, status.reason
        if not mood and status.status == "asserted" and (teller := self._attributed_to(anchor, is_noun)) is not None:
            # "Volgens Ankara voerde een Saoedisch commando de moord uit"
            mood, reason = "accuse", f"according to {teller.text!r}"
        code = statement_code(pattern.code, mood) if mood else None
        if code is None:
            return None
        speaker = [a for a in self._actors_at(teller, actors) if a.code] if teller is not None else []
        if mood == "accuse":
            # another actor says the act was done: it accuses its actor of it
            sides = {a.code[:3] for a in speaker}
            accused = [a for a in sources if a.code[:3] not in sides]
            return Statement(code, mood, speaker, accused, reason) if speaker and accused else None
        if mood in ("appeal", "demand"):
            # "X eist dat Y ... vrijlaat", "X eist de vrijlating van Z": the one asked is the act's
            # own actor, else the party the act concerns
            sides = {a.code[:3] for a in speaker}
            if status.verb in self.grammar.obligation_modals:
                # "X zegt dat Y moet ...": only an obligation of another side is demanded of it
                to = [a for a in sources if a.code[:3] not in sides]
                return Statement(code, mood, speaker, to, reason) if speaker and to else None
            # an implicit actor ("the police" of an arrest asked for) is no one the text asks
            sources, targets = ([a for a in side if a.rule != "implicit"] for side in (sources, targets))
            to = [a for a in sources if a.code[:3] not in sides] or [a for a in targets if a.code[:3] not in sides]
            return Statement(code, mood, speaker, to, reason) if speaker and to else None
        # an act announced, refused or stopped by the one who does it ("Turkije dreigt ... uit te
        # zetten"); one who says another will act makes no such statement ("X zegt dat Y zal ...")
        if mood == "announce" and (told_by := reporter(anchor, self.grammar)) is not None:
            told = [a for a in self._actors_at(told_by, actors) if a.code]
            if told and sources and not {a.code[:3] for a in told} & {a.code[:3] for a in sources}:
                return None
        if speaker and sources and not {a.code[:3] for a in speaker} & {a.code[:3] for a in sources}:
            return None
        by = speaker or sources
        # what one says one will do, refuses or stops concerns the others: "Rusland wil een ontmoeting
        # tussen Poetin en Biden" is an intention towards the United States, not towards Putin
        sides = {a.code[:3] for a in by}
        to = [a for a in targets if a.code[:3] not in sides]
        return Statement(code, mood, by, to, reason) if by and to else None

    def _attributed(self, ctx: Sentence) -> None:
        """"Volgens Peking schendt Japan de soevereiniteit", "According to Kyiv, Russia was behind the
        blasts": a clause attributed to a political actor is that actor's statement, an accusation or
        a criticism of the clause's subject as _content_blame reads it, where no pattern coded one."""
        for word in ctx.span:
            if word.lower_ not in self.grammar.attribution_preps or word.dep_ != "case":
                continue
            token = word.head
            if clause.preposition(token) not in self.grammar.attribution_preps:
                continue
            speaker = [a for a in self._actors_at(token, ctx.actors) if a.code and a.code[3:6] != "MED"]
            verb = token.head
            if not speaker or verb.pos_ not in ("VERB", "AUX", "ADJ", "NOUN") or verb == token:
                continue
            if any(e.sentence_index == ctx.index and e.source in speaker and e.status == "asserted"
                   for e in ctx.events):
                continue  # the patterns coded what the speaker says
            found = self._content_blame(verb, speaker, ctx.actors, skip=frozenset(t.i for t in token.subtree))
            if found is None:
                continue
            code, accused = found
            trace = Trace(ctx.index, "attribution", token.text, "blocked")
            ctx.traces.append(trace)
            said = Status("asserted", f"attributed to {token.text!r}: a conflictual act or a blame of another", 0.7)
            when = event_date(list(clause.clause_tokens(verb)), ctx.doc_date, self.grammar.lang)
            location, location_source = self._location(verb, False, ctx.actors)
            self._emit(trace, ctx, verb, None, code, speaker, accused, said, when, location, location_source,
                       "attribution+content")
            trace.outcome = "fired" if trace.events else "blocked"

    def _content_blame(self, content: Token, sources: list[Actor], actors: DocActors,
                       skip: frozenset[int] = frozenset()) -> tuple[str, list[Actor]] | None:
        """(112, the content's subjects) when the clause holds a word the lexicon only codes as
        conflict, (111, ...) when it holds a word of blame; None without one, or when its subject is
        no actor of another side than `sources`."""
        own = {a.code[:3] for a in sources if a.code}
        if self._cooperative(content, actors):
            return None  # "volgens Duitsland voldoen zij aan alle eisen": the content tells of cooperation
        words = [t for t in content.subtree if t.i not in skip]
        if any(self._conflictual(t, actors) for t in words):
            code = ACCUSATION
        elif any(t.lower_ in self.blame_words or t.lemma_.lower() in self.blame_words for t in words):
            code = CRITICISM
        else:
            return None
        # its subject, read as the slots read one whatever the parse ("zat Rusland/obj achter ..."); a
        # predicate noun heading the clause names whose it is ("is het optreden van Belarus onaanvaardbaar")
        def others(heads: list[Token]) -> list[Actor]:
            return [a for s in heads for a in self._actors_at(s, actors)
                    if a.code and a.code[:3] not in own and a.rule != "implicit"]

        accused = others(self._subject_heads(content, actors))
        if not accused and content.pos_ == "NOUN":
            accused = others([content, *(c for c in content.children if c.dep_ == "nmod" and clause.preposition(c) in (
                self.grammar.part_preps))])
        return (code, accused) if accused else None

    def _accused_in_content(self, verb: Token, sources: list[Actor], actors: DocActors
                            ) -> tuple[str, list[Actor]] | None:
        """What a speech verb's content clause says of another: its subject, of another side than
        the speaker, is accused (112) when the clause holds a word the lexicon only codes as
        conflict ("zegt dat Rusland de grens schendt", "meent dat de VS achter het oproer zitten"),
        or criticised (111) when it holds a word of blame (grammar: blame_class; "zei dat Poetin een
        fout had gemaakt"); else None. The content's own act, where a pattern codes it, is accused of
        by the `accuse` statement instead; this is for contents the patterns do not code."""
        if not self._full_lemmas(verb) & self.grammar.speech_verbs:
            return None
        for content in clause.complements(verb, ("ccomp",)):
            if decide(content, self.grammar).status != "reported":
                continue  # what another will, may or must do, or did not do, is no accusation of a deed
            if (found := self._content_blame(content, sources, actors)) is not None:
                return found
        return None

    def _cooperative(self, verb: Token, actors: DocActors) -> bool:
        """The content's own verb is one the patterns, with their conditions, code only as cooperation."""
        return verb.pos_ in ("VERB", "AUX") and self._codes_only(verb, actors, (1, 2))

    def _conflictual(self, token: Token, actors: DocActors) -> bool:
        """A verb or event noun whose patterns, with their conditions on the clause, code only
        conflict here (an auxiliary or copula codes nothing: "was", "is")."""
        if token.dep_ in ("aux", "aux:pass", "cop"):
            return False
        if token.pos_ in ("VERB", "AUX") and not self._full_lemmas(token) & self.conflict_words:
            return False
        return self._codes_only(token, actors, (3, 4))

    def _codes_only(self, token: Token, actors: DocActors, quad_classes: tuple[int, ...]) -> bool:
        """The verb's or event noun's patterns match here and all code within these QuadClasses."""
        if token.pos_ in ("VERB", "AUX"):
            found = self._matches(self._verb_patterns(token), token, is_noun=False, actors=actors)
        elif token.pos_ == "NOUN":
            found = self._matches(self.patterns.noun_patterns(token.lemma_.lower(), token.lower_), token,
                                  is_noun=True, actors=actors)
        else:
            return False
        return bool(found) and all(self.ontology.get(p.code).quad_class in quad_classes for p in found)

    def _attributed_to(self, anchor: Token, is_noun: bool) -> Token | None:
        """The head of a "volgens X" phrase of the act's clause (grammar: attribution_preps)."""
        words = anchor.subtree if is_noun else clause.clause_tokens(anchor)
        return next((t for t in words if clause.preposition(t) in self.grammar.attribution_preps), None)
