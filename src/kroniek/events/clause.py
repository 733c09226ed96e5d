"""Reading a clause off a Universal Dependencies parse: a verb's full lemma, its subject and object
(with the passive and control mapped), its prepositional phrases. Language-neutral; the words a
language needs (particle order, agent preposition) come from its Grammar."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kroniek.events.patterns import Grammar

PP_DEPS = ("obl", "obl:arg", "obl:agent", "nmod", "iobj", "obl:tmod", "advcl")
SUBJ_DEPS = ("nsubj", "nsubj:pass", "csubj")
OBJ_DEPS = ("obj",)


def particle(verb: Token, grammar: Grammar) -> str | None:
    """The separable particle standing apart from its verb ("riep ... op"); only words the
    language knows as particles count, so a mis-attached "maandag" is ignored."""
    known = grammar.inflection.prefixes if grammar.inflection else None
    for child in verb.children:
        if child.dep_ == "compound:prt" and (known is None or child.lower_ in known):
            return child.lower_
    # Before an extraposed "te"-clause the particle opens that clause ("riep Orban op [alle
    # sancties op te geven]"), where parsers tend to attach it as a preposition of its first noun.
    for child in verb.children:
        if child.dep_ in ("xcomp", "advcl", "ccomp") and child.i > verb.i:
            first = child.doc[child.left_edge.i]
            if first.dep_ == "case" and known is not None and first.lower_ in known and first.i > verb.i:
                return first.lower_
    return None


def join_particle(lemma: str, particle: str, grammar: Grammar) -> str:
    if grammar.particle_position == "prefix":
        return lemma if lemma.startswith(particle) else particle + lemma
    return f"{lemma} {particle}"


def full_lemma(verb: Token, grammar: Grammar) -> str:
    """The dictionary form with a separable particle joined ("riep ... op" -> "oproepen")."""
    lemma = verb.lemma_.lower()
    prt = particle(verb, grammar)
    return join_particle(lemma, prt, grammar) if prt else lemma


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("aux:pass", "nsubj:pass") for c in verb.children)


def preposition(token: Token) -> str | None:
    """The preposition heading a phrase: "aan" for "aan Rusland"."""
    for child in token.children:
        if child.dep_ == "case":
            return child.lemma_.lower() if child.lemma_ else child.lower_
    return None


def phrases(head: Token) -> Iterator[tuple[str, Token]]:
    """(preposition, noun) for each prepositional phrase on a verb or noun."""
    for child in head.children:
        if child.dep_ in PP_DEPS:
            prep = preposition(child)
            if prep:
                yield prep, child


def children(head: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in head.children if c.dep_ in deps]


def _infinitival(verb: Token) -> bool:
    """A "te"/"to"-infinitive: it has no subject of its own."""
    return "Inf" in verb.morph.get("VerbForm") and any(
        c.dep_ == "mark" and c.pos_ in ("ADP", "PART") for c in verb.children
    )


def governor(verb: Token) -> Token | None:
    """The verb whose subject an embedded verb inherits: coordinated verbs and "te"-infinitives
    ("weigerde Loekasjenko die annexatie te erkennen")."""
    if verb.head == verb:
        return None
    if verb.dep_ in ("conj", "xcomp") or (_infinitival(verb) and verb.head.pos_ in ("VERB", "AUX")):
        return verb.head
    return None


def subjects(verb: Token) -> list[Token]:
    """The subject candidates of a verb, inherited along coordination and control chains."""
    seen = 0
    current: Token | None = verb
    while current is not None and seen < 5:
        found = children(current, SUBJ_DEPS)
        # a subject the parser hung on the auxiliary ("hij had ... opgeroepen")
        for aux in children(current, ("aux", "aux:pass", "cop")):
            found += children(aux, SUBJ_DEPS)
        if found:
            return found
        current = governor(current)
        seen += 1
    return []


def subject(verb: Token) -> Token | None:
    found = subjects(verb)
    return found[0] if found else None


def direct_object(verb: Token) -> Token | None:
    found = children(verb, OBJ_DEPS)
    if found:
        return found[0]
    # a bare noun phrase the parser labelled otherwise ("Rusland blokkeerde de resolutie" with
    # "resolutie" as a second subject, "prees Frankrijk" as an apposition)
    subj = subject(verb)
    bare = [
        c for c in children(verb, SUBJ_DEPS + ("obl:arg", "appos", "dep", "iobj"))
        if preposition(c) is None and c != subj and c.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "X")
    ]
    if bare:
        return bare[0]
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        found = children(verb.head, OBJ_DEPS)
        if found and found[0].i < verb.i:
            return found[0]
    return None


def clause_tokens(verb: Token) -> Iterator[Token]:
    """The tokens of a verb's own clause: its subtree minus embedded finite clauses."""
    stack = [verb]
    while stack:
        token = stack.pop()
        yield token
        for child in token.children:
            if child.dep_ in ("ccomp", "acl:relcl", "parataxis", "advcl", "conj") and child.pos_ in ("VERB", "AUX"):
                continue
            stack.append(child)
