"""Reading the clause around a trigger off the parse, as the coder needs it: a verb's full lemmas,
subject and object (with the passive, control, causatives and the parse's habits mapped), the words
after it in the text, the support verb of an event noun. Remembered per token within a document."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from spacy.tokens import Doc, Token

from kroniek.actors.resolve import DocActors
from kroniek.events import clause
from kroniek.events.patterns import Grammar

T = TypeVar("T")

# the relations of a noun phrase: a word in one is used as a noun whatever its tag
NOMINAL_DEPS = ("nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:arg", "nmod", "appos")


class ClauseReading:
    """Mixin of the EventCoder (events/code.py): needs `grammar`, `particles` and `_memo`."""

    grammar: Grammar
    particles: frozenset[str]
    _memo: tuple[Doc | None, dict]

    def _memoized(self, kind: object, token: Token, find: Callable[[Token], T]) -> T:
        """find(token), once per token of the doc being coded: patterns ask the same again and again."""
        doc, memo = self._memo
        if token.doc is not doc:
            return find(token)
        key = (kind, token.i)
        if key not in memo:
            memo[key] = find(token)
        return memo[key]

    def _full_lemmas(self, verb: Token, joined: bool = True) -> frozenset[str]:
        return self._memoized(("lemmas", joined), verb, lambda t: clause.full_lemmas(t, self.grammar, joined))

    def _subject(self, verb: Token) -> Token | None:
        return self._memoized("subject", verb, clause.subject)

    def _object(self, verb: Token) -> Token | None:
        """The verb's object: its passive subject, its direct object or what a misparse made of it."""
        return self._memoized("object", verb, self._find_object)

    def _find_object(self, verb: Token) -> Token | None:
        if clause.is_passive(verb, self.grammar):
            subj = clause.children(verb, ("nsubj:pass", "nsubj")) or clause.children(verb, clause.OBJ_DEPS)
            if not subj and clause.shares_passive(verb, self.grammar):
                return self._object(verb.head)
            return subj[0] if subj else None
        obj = clause.direct_object(verb)
        if obj is not None and obj.head == verb and obj.lower_ == clause.particle(verb, self.grammar):
            # the particle read as the object, the object hung on it ("schoten twee Zuid-Koreanen/amod
            # dood/obj"): the noun among its dependents is the object
            obj = next((c for c in obj.children if c.pos_ in ("NOUN", "PROPN", "PRON")), None)
        if obj is None or obj.head != verb:
            # a noun misread as the verb's bare complement ("gooide journalisten/VERB in de cel"), or
            # as the verb a "te"-infinitive depends on, in whose middle field it stands ("besloot
            # raketten/VERB af te vuren"): before an object shared with a coordinated verb
            misread = [c for c in verb.children if clause.misread_noun(c, self.grammar)]
            if (not misread and obj is None and verb.dep_ == "xcomp" and clause.infinitival(verb)
                    and clause.misread_noun(verb.head, self.grammar)):
                misread = [verb.head]
            if misread:
                return misread[0]
        if obj is None and self._perfect_host(verb) is not None:
            return verb.head
        if obj is None and (host := self._auxiliary_host(verb)) is not None:
            return next((c for c in clause.children(host, clause.OBJ_DEPS) if c != verb), None)
        if obj is None and verb.dep_ == "conj" and verb.head.pos_ in ("NOUN", "PROPN") and any(
            c.dep_.startswith("aux") for c in verb.head.children
        ):
            # "heeft betogers/ROOT ... uiteengedreven/conj": the object made the clause's head
            return verb.head
        if obj is None and (causer := self._causer(verb)) is not None:
            # "laat de wapens zwijgen": what is made to act is the act's object; UD Dutch hangs it on
            # "laten" as its object ("liet/root de journalisten/obj arresteren/xcomp")
            subj = clause.children(verb, ("nsubj", "obj")) or [
                o for o in clause.children(causer, ("obj",)) if o != verb]
            return subj[0] if subj else None
        return obj

    def _causer(self, verb: Token) -> Token | None:
        """The causative verb an infinitive depends on: "laat de wapens zwijgen", "let ... go"."""
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in self.grammar.causative_verbs:
            return verb.head
        if (verb.pos_ == "VERB" and "Inf" in verb.morph.get("VerbForm") and verb.head != verb
                and verb.head.pos_ not in ("VERB", "AUX") and not any(c.dep_ == "mark" for c in verb.children)):
            # a bare infinitive the parse hung on a word that takes no clause (an adverb, a noun):
            # the infinitives of a verb cluster close the clause its finite verb opens, so it is
            # the one before it in the text ("liet ... meteen de wapens zwijgen/amod")
            for t in reversed(verb.doc[verb.sent.start : verb.i]):
                if t.pos_ == "SCONJ" or t.text in (",", ";", ":"):
                    return None
                if t.pos_ in ("VERB", "AUX"):
                    finite = "Fin" in t.morph.get("VerbForm")
                    return t if finite and t.lemma_.lower() in self.grammar.causative_verbs else None
        return None

    def _perfect_host(self, verb: Token) -> Token | None:
        """"hebben een document ondertekend" parsed with the participle under its object and the
        object under "hebben": the auxiliary that carries the clause's subject."""
        noun = verb.head
        if clause.under_its_object(verb) and noun.dep_ == "obj" and noun.i < verb.i and (
            noun.head.lemma_.lower() in self.grammar.perfect_auxiliaries | self.grammar.passive_auxiliaries
        ):
            return noun.head
        return None

    def _auxiliary_host(self, verb: Token) -> Token | None:
        """"China heeft de sancties ... bekritiseerd" parsed with "heeft" as the main verb and the
        participle as its clause: the auxiliary that carries the participle's object."""
        host = verb.head
        if (host != verb and host.i < verb.i and verb.dep_ in ("acl", "acl:relcl", "xcomp", "ccomp", "obj", "advmod")
                and host.lemma_.lower() in self.grammar.perfect_auxiliaries | self.grammar.passive_auxiliaries):
            return host
        return None

    def _words_after(self, anchor: Token, actors: DocActors | None = None) -> list[Token]:
        """The words after a verb up to the next punctuation or verb (an actor mis-tagged as a verb
        does not count): its clause in the text."""
        out = []
        for t in anchor.doc[anchor.i + 1 : anchor.sent.end]:
            if t.is_punct or (t.pos_ in ("VERB", "AUX", "SCONJ") and (actors is None or actors.at(t) is None)
                              and t.lower_ not in self.grammar.example_markers):
                break
            out.append(t)
        return out

    def _phrases_after(self, anchor: Token, actors: DocActors | None, prep: str | None = None) -> list[Token]:
        """Heads of the prepositional phrases (with `prep`, or any) in the text after a verb, for
        phrases the parser hung on another word."""
        return [t for t in self._words_after(anchor, actors)
                if (p := clause.preposition(t, self.particles)) is not None and (prep is None or p == prep)]

    def _actor_after(self, anchor: Token, actors: DocActors, adjacent: bool) -> list[Token]:
        """The first actor in the text after a verb that stands in no phrase: where Dutch and English
        put a subject after a fronted phrase, or (`adjacent`: nothing but articles, adjectives and
        numbers before it) an object."""
        words = self._words_after(anchor, actors)
        if adjacent:
            words = [t for t in words if t.pos_ not in ("DET", "ADJ", "NUM")][:1]
        return [t for t in words if actors.at(t) is not None and clause.preposition(t) is None][:1]

    @staticmethod
    def _phrase_after_noun(noun: Token, prep: str) -> list[Token]:
        """The head of a phrase opened by `prep` right after the noun's own words."""
        after = noun.right_edge.i + 1
        if after < len(noun.doc) and noun.doc[after].dep_ == "case" and noun.doc[after].lower_ == prep:
            return [noun.doc[after].head]
        return []

    def _support_verb(self, noun: Token) -> Token | None:
        """The verb an event noun is the object of when that verb only carries it out ("voerde
        aanvallen uit", "uitte kritiek", grammar: carrying_verbs), else None."""
        verb = noun.head
        if noun.dep_ in ("obj", "nsubj:pass") and verb != noun and (
                self._full_lemmas(verb) & self.grammar.carrying_verbs):
            return verb
        # the noun as the antecedent of a relative clause whose verb carries it out: "het overleg
        # dat Rusland en Oekraïne voerden", "een akkoord dat de regering sloot met de rebellen"
        for clause_verb in noun.children:
            if clause_verb.dep_ == "acl:relcl" and self._full_lemmas(clause_verb) & self.grammar.carrying_verbs and any(
                    c.lower_ in self.grammar.relative_pronouns and (c.dep_ in ("obj", "nsubj:pass") or (
                        # the relative pronoun read as a conjunction: with a subject of its own, the
                        # clause carries out the noun ("het overleg dat/mark Rusland en Oekraïne voerden")
                        c.dep_ == "mark" and clause.children(clause_verb, ("nsubj",))))
                    for c in clause_verb.children):
                return clause_verb
        return None
