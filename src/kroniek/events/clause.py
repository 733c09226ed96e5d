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


def full_lemma(verb: Token, grammar: Grammar) -> str:
    """The dictionary form with a separable particle joined ("riep ... op" -> "oproepen")."""
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ == "compound:prt":
            particle = child.text.lower()
            if grammar.particle_position == "prefix":
                if not lemma.startswith(particle):
                    lemma = particle + lemma
            else:
                lemma = f"{lemma} {particle}"
    return lemma


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


def governor(verb: Token) -> Token | None:
    """The verb whose subject an embedded verb inherits: coordinated verbs, "te"-infinitives and
    participles under an auxiliary-like head."""
    if verb.dep_ in ("conj", "xcomp") and verb.head is not verb:
        return verb.head
    return None


def subject(verb: Token) -> Token | None:
    """The grammatical subject, inherited along coordination and control chains."""
    seen = 0
    current: Token | None = verb
    while current is not None and seen < 5:
        found = children(current, SUBJ_DEPS)
        if found:
            return found[0]
        current = governor(current)
        seen += 1
    return None


def direct_object(verb: Token) -> Token | None:
    found = children(verb, OBJ_DEPS)
    if found:
        return found[0]
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
