"""The event coder: patterns over the dependency parse -> CAMEO events with status and evidence.

For every verb (by its full lemma) and event noun in a sentence the most specific matching pattern
fires; its source and target come from the argument slots the pattern names, expanded over
coordination ("Polen en Litouwen" -> two events). Every attempt is recorded as a Trace, so
`kroniek explain` can show what fired and what was blocked, and why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import product
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

from kroniek.actors.resolve import DocActors
from kroniek.events import clause
from kroniek.events.ontology import Ontology
from kroniek.events.patterns import Grammar, Pattern, PatternSet
from kroniek.events.status import Status, decide
from kroniek.events.when import event_date
from kroniek.model import Actor, Event
from kroniek.places import Place, entity_at, gazetteer, party_city


def _country(actor: Actor) -> str | None:
    """An actor's country code, or None for international organisations."""
    if not actor.code or actor.code.startswith("IGO"):
        return None
    return actor.country or actor.code[:3]


def _located(name: str, country: str | None, place: Place | None) -> tuple[dict, str | None]:
    """The event record's location and where its coordinates come from."""
    return (
        {"name": name, "country": country, "lat": place.lat if place else None, "lon": place.lon if place else None},
        place.source if place else None,
    )


# the relations of a noun phrase: a word in one is used as a noun whatever its tag
_NOMINAL_DEPS = ("nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:arg", "nmod", "appos")

# Clause heads the tagger sometimes mislabels ("vrijliet" as an adverb) are still tried as verbs.
_CLAUSE_DEPS = ("ROOT", "root", "conj", "xcomp", "ccomp", "advcl", "acl", "acl:relcl", "parataxis")


def _verb_like(token: Token) -> bool:
    if token.pos_ in ("VERB", "AUX") or (token.pos_ in ("ADV", "ADJ", "X") and token.dep_ in _CLAUSE_DEPS):
        return True
    # a predicate with its own copula heads a clause whatever its label ("zegt bereid/advmod te zijn")
    if token.pos_ == "ADJ" and any(c.dep_ == "cop" for c in token.children):
        return True
    # a word with an auxiliary, or with a subject and no copula, is a verb whatever its tag ("Ik wil u
    # vragen", "Sinds maandag hameren buurlanden ..." with "vragen" and "hameren" tagged as nouns)
    # a lowercase word tagged as a name is none: names are capitalised
    if token.pos_ not in ("NOUN", "ADJ", "ADV", "X") and not (token.pos_ == "PROPN" and token.is_lower):
        return False
    deps = {c.dep_ for c in token.children}
    subject_no_copula = "nsubj" in deps and "cop" not in deps
    return bool(deps & {"aux", "aux:pass"}) or (token.dep_ in ("ROOT", "root") and subject_no_copula)


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


T = TypeVar("T")


def _verb_bases(by_verb: dict[str, tuple[Pattern, ...]], grammar: Grammar) -> frozenset[str] | None:
    """The patterns' verbs and what is left of each without a separable particle ("oproepen" ->
    "roepen", "call off" -> "call"): a verb form none of whose infinitives is here matches no
    pattern, whatever particle the sentence gives it. None where any word may be a particle."""
    known = clause.known_particles(grammar)
    if grammar.particle_position == "prefix" and known is None:
        return None
    bases = set(by_verb)
    for verb in by_verb:
        if grammar.particle_position == "prefix":
            bases |= {verb[len(p) :] for p in known if verb.startswith(p)}
        elif " " in verb:
            bases.add(verb.rsplit(" ", 1)[0])
    return frozenset(bases)


class EventCoder:
    """Codes the events of parsed documents in one language."""

    def __init__(self, patterns: PatternSet, ontology: Ontology) -> None:
        self.patterns = patterns
        self.grammar = patterns.grammar
        self.ontology = ontology
        # separable particles a parser may read as a phrase's first preposition ("aan op ...")
        self.particles = frozenset(clause.known_particles(self.grammar) or ())
        self.verb_bases = _verb_bases(patterns.by_verb, self.grammar)
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

    # -- one sentence ---------------------------------------------------------------------------
    def _sentence(self, ctx: _Sentence) -> None:
        verb_anchors: set[int] = set()
        for token in ctx.span:
            if _verb_like(token):
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

    def _verb_patterns(self, token: Token) -> tuple[Pattern, ...]:
        """Patterns for any infinitive the verb form may have, with its separable particle joined."""
        if self.verb_bases is not None and not self._full_lemmas(token, joined=False) & self.verb_bases:
            return ()  # no pattern's verb, with or without a particle: spare looking for one
        found: dict[str, Pattern] = {}
        for lemma in self._full_lemmas(token):
            for pattern in self.patterns.by_verb.get(lemma, ()):
                found[pattern.id] = pattern
        if not found and clause.particle(token, self.grammar):
            # the "particle" may be a preposition the parser misread ("veroordeelde Belarus om het
            # geweld"): with no verb known under the joined form, try the verb alone
            for base in self._full_lemmas(token, joined=False):
                for pattern in self.patterns.by_verb.get(base, ()):
                    found[pattern.id] = pattern
        return tuple(sorted(found.values(), key=lambda p: -p.specificity))

    def _first_match(self, candidates: tuple[Pattern, ...], token: Token, is_noun: bool,
                     actors: DocActors | None = None) -> Pattern | None:
        for pattern in candidates:
            if self._conditions(pattern, token, is_noun, actors):
                return pattern
        return None

    def _conditions(self, pattern: Pattern, anchor: Token, is_noun: bool, actors: DocActors | None = None) -> bool:
        """Whether the anchor's clause has what the pattern requires (object words, phrases)."""
        if pattern.obj is not None and not self._object_words(anchor, is_noun, pattern.obj) & pattern.obj:
            return False
        if pattern.unless_obj and self._clause_words(anchor, is_noun) & pattern.unless_obj:
            return False
        if pattern.content and not is_noun:
            # speech coded by what was said: "zeggen dat er is gefraudeerd" is an accusation
            said = clause.complements(anchor, ("ccomp", "xcomp", "parataxis", "advcl"))
            if not {w for c in said for t in c.subtree for w in (t.lemma_.lower(), t.lower_)} & pattern.content:
                return False
        obj = self._object(anchor) if pattern.prep else None
        for prep, nouns in pattern.prep.items():
            heads = [n for p, n in clause.phrases(anchor, self.particles) if p == prep]
            if obj is not None:
                heads += [n for p, n in clause.phrases(obj, self.particles) if p == prep]
            if nouns and not is_noun:
                # with the nouns given, the phrase may hang anywhere in the clause ("veroordeelde haar
                # tot negen jaar cel" with "tot negen jaar" under "cel")
                heads += [t for t in clause.clause_tokens(anchor) if clause.preposition(t, self.particles) == prep]
            if not is_noun and not heads and (nouns or not clause.children(anchor, ("obj",))):
                # or right after the verb in the text, hung elsewhere ("gooide X in de cel"); a phrase
                # with any noun only when the verb has no object it could belong to ("called it a
                # day for ...")
                heads += self._phrases_after(anchor, actors, prep)
            # the nouns may stand anywhere in the phrase: "met het herinvoeren van sancties"
            if not heads or (nouns and not any(
                t.lemma_.lower() in nouns or t.lower_ in nouns for h in heads for t in h.subtree
            )):
                return False
        return True

    def _object_words(self, anchor: Token, is_noun: bool, wanted: frozenset[str]) -> set[str]:
        """Lemmas and forms of the object; when the parse gives no object with a wanted word, also
        those of the clause's bare noun phrases (not the subject, not inside a phrase)."""
        objects = [self._object(anchor), *(clause.children(anchor, ("obj",)) if not is_noun else [])]
        words = {w for o in objects if o is not None for w in (o.lemma_.lower(), o.lower_)}
        if not is_noun and not words & wanted:
            subj = self._subject(anchor)
            words |= {
                w for t in clause.clause_tokens(anchor)
                if t != subj and t != anchor and t.pos_ not in ("ADP", "DET", "PUNCT") and clause.preposition(t) is None
                for w in (t.lemma_.lower(), t.lower_)
            }
        if not is_noun and not words & wanted and anchor.dep_ in ("xcomp", "advcl", "ccomp"):
            # an infinitive's object, hung by the parser on the verb above: "spraken af om de
            # vijandelijkheden ... te staken" -- the words between the clause's start and the verb
            # (the verb above ends them; a word tagged as a verb that the parse uses as a noun does not)
            for t in reversed(anchor.doc[anchor.sent.start : anchor.i]):
                if t.is_punct or (t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "aux:pass", *_NOMINAL_DEPS)
                                  and not clause.misread_noun(t, self.grammar)):
                    break
                words |= {t.lemma_.lower(), t.lower_}
        return words

    def _clause_words(self, anchor: Token, is_noun: bool) -> set[str]:
        """Every word of the clause but its subject: a blocking word counts anywhere, as parsers often
        miss the object."""
        if is_noun:
            return {w for t in anchor.subtree for w in (t.lemma_.lower(), t.lower_)}
        subj = self._subject(anchor)
        return {w for t in clause.clause_tokens(anchor) if t != subj for w in (t.lemma_.lower(), t.lower_)}

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

    def _object(self, verb: Token) -> Token | None:
        """The verb's object: its passive subject, its direct object or what a misparse made of it."""
        return self._memoized("object", verb, self._find_object)

    def _subject(self, verb: Token) -> Token | None:
        return self._memoized("subject", verb, clause.subject)

    def _full_lemmas(self, verb: Token, joined: bool = True) -> frozenset[str]:
        return self._memoized(("lemmas", joined), verb, lambda t: clause.full_lemmas(t, self.grammar, joined))

    def _memoized(self, kind: object, token: Token, find: Callable[[Token], T]) -> T:
        """find(token), once per token of the doc being coded: patterns ask the same again and again."""
        doc, memo = self._memo
        if token.doc is not doc:
            return find(token)
        key = (kind, token.i)
        if key not in memo:
            memo[key] = find(token)
        return memo[key]

    def _find_object(self, verb: Token) -> Token | None:
        if clause.is_passive(verb, self.grammar):
            subj = clause.children(verb, ("nsubj:pass", "nsubj")) or clause.children(verb, clause.OBJ_DEPS)
            if not subj and clause.shares_passive(verb, self.grammar):
                return self._object(verb.head)
            return subj[0] if subj else None
        obj = clause.direct_object(verb)
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

    # -- arguments ------------------------------------------------------------------------------
    def _slot(self, spec: str, anchor: Token, is_noun: bool, actors: DocActors, exclude: list[Actor],
              pattern_objects: frozenset[str] | None = None) -> list[Actor]:
        """The actors filling one argument slot ("subj", "obj", "aan", "op*", "obj.tegen", ...)."""
        passive = not is_noun and clause.is_passive(anchor, self.grammar)
        deep = spec.endswith("*")
        name = spec.rstrip("*")
        heads: list[Token] = []
        if name == "subj":
            if passive:
                heads = [n for p, n in clause.phrases(anchor) if p in self.grammar.agent_preps]
                if not heads and clause.shares_passive(anchor, self.grammar):
                    # the agent phrase on the passive it shares, or that phrase itself as the head
                    host = anchor.head
                    heads = [n for p, n in clause.phrases(host) if p in self.grammar.agent_preps]
                    if not heads and clause.preposition(host) in self.grammar.agent_preps:
                        heads = [host]
            elif (controller := self._object_control(anchor, actors)) is not None:
                heads = [controller]
            elif (causer := self._causer(anchor)) is not None:
                # "Hamas laat de wapens zwijgen": the one who makes it happen acts
                heads = clause.subjects(causer)[:1]
            elif not clause.subjects(anchor) and (
                host := self._perfect_host(anchor) or self._auxiliary_host(anchor)
            ) is not None:
                # the subjects the parser left on the clause head, all of them: they are coordinated
                aux_head = host.head if host.dep_.startswith("aux") else host
                heads = [c for c in clause.subjects(host) or clause.subjects(aux_head)
                         if actors.at(c) or self._indirect(c, actors)]
            else:
                heads = self._subject_heads(anchor, actors)
        elif name in ("obj", "subj-pass"):
            obj = self._object(anchor)
            heads = [obj] if obj is not None else []
            if not heads and not is_noun and not passive:
                # no object in the parse ("gooide oppositiekandidaten in de cel")
                heads = self._actor_after(anchor, actors, adjacent=True)
            if not is_noun and not passive:
                # several objects in the parse ("heeft Wit-Rusland om opheldering gevraagd"): any actor
                heads += [o for o in clause.children(anchor, ("obj",)) if o != obj]
        elif name.startswith("each:"):
            # "het overleg tussen X en Y": each party the phrase names, towards the other
            heads = [n for p, n in clause.phrases(anchor, self.particles) if p == name[5:]]
            if not heads and is_noun:
                heads = self._phrase_after_noun(anchor, name[5:])
            parties: list[Actor] = []
            for head in heads:
                for a in self._actors_at(head, actors):
                    for b in (a, *self._listed_with(anchor.doc, a, actors)):
                        if b.code and b not in parties:
                            parties.append(b)
            return parties if len(parties) > 1 else []
        elif name == "subj-other":
            # "Israël en Hamas spraken af": each party acts towards the other
            parties = [a for a in self._slot("subj", anchor, is_noun, actors, []) if a.code]
            return parties if len(parties) > 1 else []
        elif name == "iobj":
            # the indirect object, or a second bare noun phrase ("stelde Oekraïne een ultimatum")
            heads = clause.children(anchor, ("iobj",))
            if not heads:
                subj, obj = self._subject(anchor), self._object(anchor)
                skip = pattern_objects or frozenset()
                heads = [
                    c for c in clause.children(anchor, ("obj", "nsubj", "obl:arg"))
                    if clause.preposition(c) is None and c != subj
                    and (c != obj or c.lemma_.lower() not in skip) and c.lemma_.lower() not in skip
                ]
            if not heads and not is_noun and (obj := self._object(anchor)) is not None:
                # the indirect object stands right before the direct one: a bare name the parse hung
                # on the object's first word ("bracht Hamas/nmod grote schade toe"), where no
                # modifier of a noun stands without a preposition
                heads = [c for c in obj.children if c.i == obj.left_edge.i and c.pos_ == "PROPN"
                         and c.dep_ in ("nmod", "appos", "compound", "dep") and clause.preposition(c) is None]
        elif name == "obj.adj":
            # "veroordeelde de Israëlische aanval": the country adjective on the object
            obj = self._object(anchor)
            heads = [c for c in obj.children if c.dep_ in ("amod", "compound", "nmod")
                     and clause.preposition(c) is None] if obj is not None else []  # fmt: skip
        elif name.startswith("obj."):
            obj = self._object(anchor)
            if obj is not None:
                heads = [n for p, n in clause.phrases(obj) if p == name[4:]]
        elif name == "adj":
            heads = [c for c in anchor.children if c.dep_ in ("amod", "compound", "nmod")]
            heads = [h for h in heads if clause.preposition(h) is None]
        elif name == "poss":
            heads = [c for c in anchor.children if c.dep_ in ("nmod:poss", "det:poss")]
        elif name == "clause":
            # the first party the content names; a place it names ("vanuit de Gazastrook", "in
            # Syrië") is where things happen, not whom the statement or promise concerns
            places = self.grammar.locative_preps | self.grammar.origin_preps
            return self._first_in(
                clause.complements(anchor, ("xcomp", "ccomp", "acl", "advcl")), actors, exclude, anchor,
                skip_preps=places,
            )
        elif name == "context":
            return self._nearest_other(anchor, actors, exclude)
        elif name == "nearby":
            return self._nearest_other(anchor, actors, exclude, self.grammar.nearby_sentences)
        elif name == "article":
            return self._article_country(anchor, actors, exclude)
        else:
            heads = [n for p, n in clause.phrases(anchor, self.particles) if p == name]
            if not heads and (is_noun or deep):
                # a phrase often hangs one level down: "beschietingen vanuit de Gazastrook op
                # Israëlische militairen"; "sprak zijn veto uit over het voorstel" with "over ..."
                # parsed under the next verb
                heads = [n for d in anchor.subtree if d != anchor for p, n in clause.phrases(d, self.particles)
                         if p == name]
                if deep and not is_noun:
                    heads = [h for h in heads if h.i > anchor.i][:1]
            if not heads and not is_noun and not deep:
                # the phrase right after the verb in the text, hung elsewhere by the parser
                heads = self._phrases_after(anchor, actors, name)[:1]
            if not heads and is_noun:
                # the phrase right after the noun's own words, hung on another word by the parser:
                # "reactie op beschietingen vanuit de Gazastrook | op Israëlische militairen"
                heads = self._phrase_after_noun(anchor, name)
            if not heads and is_noun and (support := self._support_verb(anchor)) is not None:
                # a light verb's phrases belong to its noun: "voerde aanvallen uit op Kiev", "uitte
                # gisteren kritiek op Rusland" with "op ..." hung on the verb
                heads = [n for p, n in clause.phrases(support, self.particles) if p == name]
                heads = heads or self._phrases_after(support, actors, name)[:1]
        # "volgens de politie" names the source of the news, never a party to the event
        heads = [h for h in heads if clause.preposition(h) not in self.grammar.attribution_preps]
        if deep:
            return self._first_in(heads, actors, exclude, anchor)
        found: list[Actor] = []
        for head in heads:
            found += self._actors_at(head, actors)
        # an actor standing for the source itself ("het kabinet ... via het Nederlandse Rode Kruis")
        # leaves the slot to the next one the pattern names
        own = {a.code for a in exclude}
        return [a for a in found if a.code and a not in exclude and a.code not in own]

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
        return None

    def _subject_heads(self, anchor: Token, actors: DocActors) -> list[Token]:
        """An active verb's subject: an actor among the parsed subjects (the parser sometimes gives a
        verb two), else what the parser mistook for something else, else the first parsed subject."""
        candidates = clause.subjects(anchor)
        heads = [c for c in candidates if actors.at(c) or self._indirect(c, actors)][:1]
        if heads:
            return heads
        before = [c for c in anchor.children if c.i < anchor.i and actors.at(c) is not None
                  or c.i < anchor.i and self._indirect(c, actors) is not None]
        # "tot Loekasjenko de gevangenen vrijliet": a conjunction read as the subject's preposition
        heads = [c for c in before if c.dep_.startswith("obl")
                 and clause.preposition(c) in self.grammar.conjunction_preps and actors.at(c) is not None][:1]
        if heads or candidates:
            return heads or self._prefield(anchor, actors) or candidates[:1]
        heads = self._prefield(anchor, actors)
        if heads:
            return heads
        # a bare noun phrase before the verb that the parser did not call a subject ("Suu Kyi's
        # partij ... eist dat ...")
        heads = [c for c in before if c.dep_ in ("obl", "nmod", "dep") and clause.preposition(c) is None][:1]
        if not heads and "Fin" in anchor.morph.get("VerbForm"):
            # after a fronted phrase the subject follows the finite verb ("Gisteren gingen 100.000
            # Wit-Russen de straat op")
            heads = self._actor_after(anchor, actors, adjacent=False)
        elif not heads:
            # ... or the finite auxiliary ("Volgens Oekraïne heeft Rusland ... gebombardeerd")
            finite = [c for c in anchor.children if c.dep_ == "aux" and c.i < anchor.i
                      and "Fin" in c.morph.get("VerbForm")]
            heads = self._actor_after(finite[0], actors, adjacent=True) if finite else []
        return heads

    @staticmethod
    def _prefield(verb: Token, actors: DocActors) -> list[Token]:
        """The actor that fills all of a main clause's first position, before its finite verb
        ("Merkel/advmod bezocht Polen", "Russische troepen/obj omsingelden Kiev"): there a main
        clause puts one phrase, mostly its subject, whatever the parser labelled it."""
        finite = min([verb, *(c for c in verb.children if c.dep_ in ("aux", "aux:pass"))], key=lambda t: t.i)
        if "Fin" not in finite.morph.get("VerbForm"):
            return []
        words = [t for t in verb.doc[verb.sent.start : finite.i] if not (t.is_punct or t.is_space)]
        while words and words[0].pos_ == "CCONJ":  # "En Rusland ..."
            words.pop(0)
        found = {id(a): a for t in words if (a := actors.at(t)) is not None}
        if len(found) != 1 or any(actors.at(t) is None and t.pos_ not in ("DET", "ADJ", "NUM") for t in words):
            return []
        (actor,) = found.values()
        return [verb.doc[actor.head]] if actor.code else []

    def _object_control(self, verb: Token, actors: DocActors) -> Token | None:
        """"riep de EU op sancties op te leggen": the one asked is the subject of the act asked for."""
        if clause.children(verb, clause.SUBJ_DEPS) or verb.head == verb:
            return None
        head = verb.head
        if not self._full_lemmas(head) & self.grammar.demand_verbs:
            return None
        asked = [c for c in head.children if c.dep_ in ("obj", "iobj") and c != verb] + clause.displaced_subjects(head)
        asked += [c for c in head.children if c.dep_.startswith("obl") and c != verb
                  and clause.preposition(c) in self.grammar.addressee_preps]
        return next((c for c in asked if actors.at(c) is not None), None)

    def _actors_at(self, token: Token, actors: DocActors) -> list[Actor]:
        """The actor a phrase head stands for, with its coordinated partners."""
        out: list[Actor] = []
        for t in (token, *token.conjuncts):
            if out and t.i > token.i and any(
                    c.dep_ in ("amod", "det") and c.lower_ in self.grammar.rest_markers for c in t.children):
                # "A en andere B": A is one of the B, the rest unnamed; the named ones are the actors
                # ("Polen en andere buurlanden" is Poland), as with "B zoals A"
                continue
            actor = actors.at(t) or self._indirect(t, actors)
            if actor is not None and actor not in out:
                out.append(actor)
            if t == token and actor is None:
                out += self._examples(t, actors)
        return out

    def _indirect(self, token: Token, actors: DocActors) -> Actor | None:
        """A relative pronoun stands for its antecedent; a phrase whose head is no actor for the
        actor in its apposition or name ("duizenden Belarussen", "de president, Loekasjenko")."""
        if token.lower_ in self.grammar.relative_pronouns and token.head.dep_ == "acl:relcl":
            return actors.at(token.head.head)
        for child in token.children:
            if child.dep_ in ("appos", "flat", "flat:name", "compound", "fixed") and actors.at(child) is not None:
                return actors.at(child)
        for child in token.children:
            if child.dep_ == "nmod" and clause.preposition(child) is None and actors.at(child) is not None:
                return actors.at(child)
        if token.pos_ == "NUM" or token.like_num or token.lemma_.lower() in self.grammar.quantity_words \
                or token.lower_ in self.grammar.quantity_words:
            # "thousands of Belarusians", "duizenden van de betogers"
            for child in token.children:
                if child.dep_ == "nmod" and clause.preposition(child) in self.grammar.part_preps:
                    return actors.at(child)
        return self._city(token, actors)

    def _city(self, token: Token, actors: DocActors) -> Actor | None:
        """A city the knowledge base does not hold as an actor ("bombardeerde Charkiv", "nam de stad
        Marioepol in"): the country it lies in, from the offline gazetteer. Only a place name the
        NER found, standing as the phrase's head or its name, and as what is acted on: a city does
        not act (a capital that stands for its government is in the knowledge base)."""
        second_subject = token.dep_.startswith("nsubj") and any(  # "Rusland heeft de stad X ingenomen"
            c.dep_.startswith("nsubj") and c.i < token.i for c in token.head.children)
        if token.dep_ not in ("obj", "iobj", "obl", "obl:arg", "nmod", "conj", "appos") and not second_subject:
            return None
        # the name itself, or the name of "de stad Marioepol", "the city of Donetsk"
        names = [token, *(c for c in token.children if c.dep_ in ("appos", "flat", "flat:name", "nmod")
                         and clause.preposition(c) in (None, *self.grammar.part_preps))]
        for t in names:
            if actors.at(t) is not None:
                continue  # a name the knowledge base holds ("de infrastructuur van Hamas") is no town
            if t.pos_ == "PROPN" and (city := party_city(t)) is not None:
                ent, place = city
                return Actor(text=ent.text, start=ent.start_char, end=ent.end_char, code=place.country,
                             name=ent.text, country=place.country, rule=f"place:{place.source}",
                             head=t.i, tokens=(ent.start, ent.end))
        return None

    def _examples(self, token: Token, actors: DocActors) -> list[Actor]:
        """"buurlanden zoals Polen en Litouwen": the named examples are the actors."""
        out: list[Actor] = []
        # the examples may hang one level down: "buurlanden van Belarus zoals Polen en Litouwen"
        for child in [*token.children, *(g for c in token.children if c.dep_ == "nmod" for g in c.children)]:
            marked = any(c.lower_ in self.grammar.example_markers for c in child.children if c.dep_ in ("mark", "case"))
            if marked:
                for t in (child, *child.conjuncts):
                    actor = actors.at(t)
                    if actor is not None and actor.code:
                        out.append(actor)
        return out

    def _nearest_other(self, anchor: Token, actors: DocActors, exclude: list[Actor],
                       around: tuple[int, int] = (0, 0)) -> list[Actor]:
        """The actor nearest to the anchor that is not of the source's own country, in the sentence
        ("Toen Rusland de olietoevoer naar Belarus onderbrak, bood Washington de helpende hand") or,
        with `around` = (sentences before, sentences after), in the sentences next to it ("Turkije
        zet tien ambassadeurs uit" after a sentence naming the Dutch envoy)."""
        own = {(a.code or "")[:3] for a in exclude}
        doc = anchor.doc
        sents = list(doc.sents) if around != (0, 0) else [anchor.sent]
        here = next(i for i, s in enumerate(sents) if s.start <= anchor.i < s.end)
        window = sents[max(0, here - around[0]) : here + around[1] + 1]
        if around != (0, 0):
            # the sentences around it only: its own sentence is the `context` slot's
            window = [sent for sent in window if sent.start != anchor.sent.start]
        options = {id(a): a for sent in window for i in range(sent.start, sent.end)
                   if (a := actors.at(doc[i])) is not None}
        # the source's own partners ("De VS en andere westerse mogendheden") are not its other party
        partners = {t.i for a in exclude if a.text for t in doc[a.head].conjuncts}
        options_list = [a for a in options.values() if a.code and a not in exclude and a.code[:3] not in own
                        and a.head not in partners
                        and a.rule != "coref:pronoun"
                        and clause.preposition(doc[a.head]) not in self.grammar.channel_preps]
        if not options_list:
            return []
        # in its own sentence the nearest; around it, what was named before comes first
        nearest = min(options_list, key=lambda a: (a.head > anchor.i and around != (0, 0), abs(a.head - anchor.i)))
        if around != (0, 0):
            return [nearest]
        # in the sentence, with the actors coordinated with it: "de landen Mozambique, Zimbabwe en Malawi"
        group = [a for a in self._actors_at(doc[nearest.head], actors) if a in options_list]
        if nearest not in group:
            group = [nearest]
        for listed in self._listed_with(doc, nearest, actors):
            if listed in options_list and listed not in group:
                group.append(listed)
        return group

    def _about_people(self, anchor: Token, is_noun: bool, pattern: Pattern) -> bool:
        """Whether the act's patient is people ("andere leden", "200 mensen", "hij"), not things
        ("houdt minder water vast", "de zetels vastzetten")."""
        patient = None if is_noun else self._object(anchor)
        if patient is None:
            # a passive without its subject in the parse may still be about people; an active verb
            # with no object is intransitive ("de druk blijft aanhouden")
            return not is_noun and clause.is_passive(anchor, self.grammar)
        if patient.pos_ != "NOUN":
            return True  # a name or pronoun: nothing says it is a thing
        words = (patient.lemma_.lower(), patient.lower_)
        if pattern.obj and any(w in pattern.obj for w in words):
            return True  # the object belongs to the phrase ("het land uitzetten")
        return (any(w in self.grammar.person_nouns for w in words)
                # a suffix after a stem of three letters or more: "demonstrant", "leraar", not "jaar"
                or any(w.endswith(x) and len(w) >= len(x) + 3 for w in words for x in self.grammar.person_suffixes)
                or any(c.pos_ == "NUM" or c.like_num for c in patient.children))

    @staticmethod
    def _listed_with(doc: Doc, actor: Actor, actors: DocActors) -> list[Actor]:
        """Actors written in one list with `actor` ("Mozambique, Zimbabwe en Malawi"), read from the
        text where the parse does not coordinate them."""
        out: list[Actor] = []
        i = actor.tokens[1]
        while i + 1 < len(doc) and (doc[i].text == "," or doc[i].pos_ == "CCONJ"):
            nxt = actors.at(doc[i + 1])
            if nxt is None or not nxt.code or nxt.tokens[0] != i + 1:
                break
            out.append(nxt)
            i = nxt.tokens[1]
        i = actor.tokens[0] - 1
        while i - 1 >= 0 and (doc[i].text == "," or doc[i].pos_ == "CCONJ"):
            prev = actors.at(doc[i - 1])
            if prev is None or not prev.code or prev.tokens[1] != i:
                break
            out.append(prev)
            i = prev.tokens[0] - 1
        return out

    def _carrier(self, noun: Token, actors: DocActors) -> list[Actor]:
        """"Rusland voerde de aanvallen op Oekraïne op": an event noun that is the object of a verb
        of carrying on (grammar: carrying_verbs) is done by that verb's subject. Not any verb's: who
        condemns an attack is not its attacker."""
        verb = self._support_verb(noun)
        if verb is None:
            return []
        if clause.is_passive(verb, self.grammar):
            # "werden sancties opgelegd door de EU": the agent
            agents = [n for p, n in clause.phrases(verb) if p in self.grammar.agent_preps]
            return [a for n in agents for a in self._actors_at(n, actors) if a.code]
        return [a for s in self._subject_heads(verb, actors) for a in self._actors_at(s, actors) if a.code]

    @staticmethod
    def _article_country(anchor: Token, actors: DocActors, exclude: list[Actor]) -> list[Actor]:
        """The country the article is about, when it is not the source's own."""
        own = {(a.code or "")[:3] for a in exclude}
        if actors.main_country and actors.main_country not in own:
            country = actors.main_country
            return [Actor(text="", start=anchor.idx, end=anchor.idx, code=country, country=country,
                          rule="context:article-country", head=anchor.i, tokens=(anchor.i, anchor.i))]
        return []

    def _first_in(self, heads: list[Token], actors: DocActors, exclude: list[Actor], anchor: Token,
                  skip_preps: frozenset[str] = frozenset()) -> list[Actor]:
        """The first actor inside the phrases, with the actors coordinated with it (none in a phrase
        of `skip_preps`)."""
        skipped = {d.i for h in heads for t in h.subtree if clause.preposition(t) in skip_preps
                   for d in t.subtree} if skip_preps else set()  # fmt: skip
        for head in heads:
            for t in sorted(head.subtree, key=lambda t: t.i):
                if t.i in skipped:
                    continue
                actor = actors.at(t)
                if actor is not None and actor.code and actor not in exclude and not (
                    actor.tokens[0] <= anchor.i < actor.tokens[1]
                ):
                    group = [a for a in self._actors_at(t, actors) if a.code and a not in exclude]
                    return group or [actor]
        # the parse may cut a phrase short ("aan het tunnelnetwerk en andere infrastructuur van
        # Hamas" with the coordination hung elsewhere): read on to the end of the phrase in the text
        for head in heads[:1]:
            for t in self._words_after(head, actors):
                if clause.preposition(t) in self.grammar.attribution_preps | skip_preps:
                    break
                actor = actors.at(t)
                if actor is not None and actor.code and actor not in exclude:
                    return [actor]
        return []

    def _fill(self, specs: tuple[str, ...], anchor: Token, is_noun: bool, actors: DocActors,
              exclude: list[Actor], pattern_objects: frozenset[str] | None = None) -> list[Actor]:
        for spec in specs:
            found = self._slot(spec, anchor, is_noun, actors, exclude, pattern_objects)
            if found:
                return found
        return []

    # -- firing ---------------------------------------------------------------------------------
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
            sources = [self._implicit(where or _country(targets[0]), pattern.implicit_source, anchor)]
        if not targets and pattern.implicit_target and sources:
            targets = [self._implicit(where or _country(sources[0]), pattern.implicit_target, anchor)]
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

    def _location(self, anchor: Token, is_noun: bool, actors: DocActors) -> tuple[dict | None, str | None]:
        """Where the clause says the act took place: a place name in a locative phrase ("in Minsk",
        "in de Gazastrook"), with its country and coordinates from the offline gazetteer; the second
        value says where the coordinates come from (`geonames:ID`, `country`, or None: not found)."""
        phrases = list(clause.phrases(anchor))
        if not is_noun:
            phrases += [(clause.preposition(t), t) for t in self._phrases_after(anchor, actors)]
        for prep, head in phrases:
            if prep not in self.grammar.locative_preps:
                continue
            actor = actors.at(head)
            if actor is not None and actor.place_kind:
                country = actor.code[:3] if not actor.code.startswith("IGO") else None
                if actor.place_kind == "country":
                    place = gazetteer().country(country) if country else None
                else:
                    place = gazetteer().city(actor.text, country) or gazetteer().city(actor.name or "", country)
                return _located(actor.text, country, place)
            entity = entity_at(head)
            # a name in a locative phrase: a place when the NER says so or the gazetteer knows it
            # (pipelines without NER label proper-noun runs PER or MISC: "in San Francisco")
            place = gazetteer().city(entity.text) if entity is not None else None
            if entity is not None and (place is not None or entity.label_ == "LOC"):
                return _located(entity.text, place.country if place else None, place)
        return None, None

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
    def _implicit(country: str | None, role: str, anchor: Token) -> Actor:
        """An actor the text leaves implicit: the police of the country where people were arrested."""
        code = country + role if country else None
        return Actor(text="", start=anchor.idx, end=anchor.idx, code=code, name=None, country=country,
                     rule="implicit", head=anchor.i, tokens=(anchor.i, anchor.i))

    @staticmethod
    def _evidence(anchor: Token, source: Actor, target: Actor, pattern: Pattern) -> dict:
        starts = [anchor.idx] + [a.start for a in (source, target) if a.text]
        ends = [anchor.idx + len(anchor)] + [a.end for a in (source, target) if a.text]
        return {"start": min(starts), "end": max(ends), "rule": pattern.id}
