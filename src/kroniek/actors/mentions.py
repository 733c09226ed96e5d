"""What every stage of the actor resolver shares: the resolved actors of a Doc (DocActors), whether a
story is domestic, names compared without case and accents, and how one Actor is built from a span
(`_actor`) or from the antecedent a word refers to (`_refer`)."""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from kroniek.actors.kb import KnowledgeBase, RoleWord
from kroniek.actors.lexicon import ActorLexicon
from kroniek.model import Actor

# A story is domestic when one country is named at least this many times as often as any other:
# only then may a role noun or unknown person with no country of its own take the article's.
DOMESTIC_RATIO = 3
UNKNOWN_COUNTRY = "---"  # CAMEO's (PETRARCH's) country part of an actor whose country is not known


def domestic_country(countries: Counter) -> str | None:
    """The country of a domestic story (one country named far more often than any other), or None
    for a story between countries, where a role noun's country cannot be taken from the article."""
    ranked = countries.most_common(2)
    if not ranked:
        return None
    if len(ranked) == 1 or ranked[0][1] >= DOMESTIC_RATIO * ranked[1][1]:
        return ranked[0][0]
    return None


@lru_cache(maxsize=65536)
def fold_name(text: str) -> str:
    """ "Phúc" -> "phuc": names compare without case and accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


@dataclass
class DocActors:
    """The resolved actors of one Doc, with a token index -> actor map for the event coder."""

    actors: list[Actor] = field(default_factory=list)
    by_token: dict[int, Actor] = field(default_factory=dict)
    main_country: str | None = None  # the country the article is most about (ISO alpha-3)
    domestic_country: str | None = None  # that country when the story is domestic (domestic_country())

    # a mention that stands for several actors ("de twee landen"): its token -> all of them
    groups: dict[int, list[Actor]] = field(default_factory=dict)

    def add(self, actor: Actor) -> None:
        self.actors.append(actor)
        for i in range(*actor.tokens):
            self.by_token[i] = actor

    def add_group(self, members: list[Actor]) -> None:
        """One mention that stands for several actors: the first is its actor, all are its group."""
        self.add(members[0])
        self.actors.extend(members[1:])
        for i in range(*members[0].tokens):
            self.groups[i] = members

    def placed(self) -> DocActors:
        """These actors without those whose country is unknown (a role noun no text evidence gives
        a country): what an event may have as a side, for an event between unknown parties says
        nothing of who did what to whom."""
        if not any(a.code and a.code.startswith(UNKNOWN_COUNTRY) for a in self.actors):
            return self
        kept = DocActors(main_country=self.main_country, domestic_country=self.domestic_country)
        for actor in self.actors:
            if not (actor.code and actor.code.startswith(UNKNOWN_COUNTRY)):
                kept.actors.append(actor)
        kept.by_token = {i: a for i, a in self.by_token.items() if a in kept.actors}
        kept.groups = {i: g for i, g in self.groups.items() if all(a in kept.actors for a in g)}
        return kept

    def at(self, token: Token) -> Actor | None:
        return self.by_token.get(token.i)

    def group(self, token: Token) -> list[Actor]:
        """The actors a mention stands for: several for "de twee landen", else its one actor."""
        if token.i in self.groups:
            return self.groups[token.i]
        actor = self.by_token.get(token.i)
        return [actor] if actor is not None else []


def first_bare_actor(tokens: list[Token], found: DocActors) -> Token | None:
    """The first of the tokens that is an actor heading no phrase: a subject after the finite verb."""
    return next((t for t in tokens if found.at(t) is not None and not any(c.dep_ == "case" for c in t.children)),
                None)


class Mentions:
    """Mixin base of the ActorResolver's stages (actors/resolve.py): the knowledge base, lexicon and
    role words they read, and how they build an Actor."""

    kb: KnowledgeBase
    lexicon: ActorLexicon
    roles: dict[str, RoleWord]

    # -- building one Actor -------------------------------------------------------------------

    def _actor(
        self, span: Span, code: str | None, rule: str, *, head: int | None = None, person: str | None = None,
        name: str | None = None, wikidata: str | None = None, label: str | None = None,
    ) -> Actor:
        """An Actor for a span, named and placed by the knowledge base when it has a code."""
        country = None
        if code:
            kb_name, country, kb_wikidata = self.kb.describe(code)
            if name is None:
                # a role of an unknown country is named by its own words ("de diplomaten")
                name = span.text if code.startswith(UNKNOWN_COUNTRY) else kb_name
            if wikidata is None and person is None:
                wikidata = kb_wikidata
        return Actor(
            text=span.text, start=span.start_char, end=span.end_char, code=code or None, name=name,
            country=country, wikidata=wikidata, label=label, rule=rule,
            head=span.root.i if head is None else head, tokens=(span.start, span.end), person=person,
        )

    @staticmethod
    def _refer(token: Token, antecedent: Actor, rule: str) -> Actor:
        """An Actor for a word that refers back: the antecedent's code and identity at the word."""
        return Actor(
            text=token.text, start=token.idx, end=token.idx + len(token), code=antecedent.code,
            name=antecedent.name, country=antecedent.country, wikidata=antecedent.wikidata,
            rule=rule, head=token.i, tokens=(token.i, token.i + 1), person=antecedent.person,
        )

    @staticmethod
    def _clause_after(verb: Token) -> list[Token]:
        """The words after a verb up to the next punctuation or verb: its clause in the text."""
        out = []
        for t in verb.doc[verb.i + 1 : verb.sent.end]:
            if t.is_punct or t.pos_ in ("VERB", "AUX", "SCONJ"):
                break
            out.append(t)
        return out

    @staticmethod
    def _token_index(doc: Doc) -> dict[str, list[int]]:
        """The positions of each word form in the document, read once per document."""
        index = doc.user_data.get("kroniek:token_index")
        if index is None:
            index = {}
            for i, text in enumerate(t.text for t in doc):
                index.setdefault(text, []).append(i)
            doc.user_data["kroniek:token_index"] = index
        return index

    def _place_noun(self, token: Token) -> bool:
        """A noun for a place (lexicon: place_nouns), also as a compound's last part ("havenstad")."""
        return token.pos_ == "NOUN" and any(
            w.endswith(p) for w in (token.lemma_.lower(), token.lower_) for p in self.lexicon.place_nouns or ())
