"""Actor mentions in a parsed Doc, resolved to CAMEO actor codes and knowledge-base identities.

The ActorResolver runs its stages in order over the Doc and the actors found so far (DocActors,
mentions.py), each stage a mixin in a module of its own:
- names.py: gazetteer spans (countries, adjectives, capitals, IGOs, people) and hyphen compounds
  ("regering-Trump", "EU-leiders");
- roles.py: role nouns and role phrases with their country ("de Litouwse leiders", "de regering van
  Rusland", "de politie" in an article about Russia);
- titles.py: titles before names ("de Hongaarse premier Orban"), portfolios, named entities the
  knowledge base does not know, former office holders;
- coref.py: within-document coreference (a surname after the full name, "hij" after a named person,
  "het land" after a country);
- quotes.py: "ik" and "u" in a quote as its speaker and the one spoken to.
"""

from __future__ import annotations

import re

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kroniek.actors.coref import Coreference
from kroniek.actors.kb import Entry, KnowledgeBase
from kroniek.actors.lexicon import ActorLexicon
from kroniek.actors.mentions import DOMESTIC_RATIO, UNKNOWN_COUNTRY, DocActors, domestic_country
from kroniek.actors.names import DASHES, KIND_ORDER, Names, case_fits
from kroniek.actors.quotes import Quotes
from kroniek.actors.roles import Roles
from kroniek.actors.titles import Titles
from kroniek.model import Actor

# importable from here, as before the stages had modules of their own
__all__ = ["DOMESTIC_RATIO", "KIND_ORDER", "UNKNOWN_COUNTRY", "ActorResolver", "DocActors", "domestic_country"]


_YEAR = re.compile(r"^(19[4-9]\d|20\d\d)$")


def _latest_year(doc: Doc) -> str | None:
    """The latest year from 1940 on that a text names as a number ("in 2014", "sinds 2019"), or None."""
    years = [t.text for t in doc if t.like_num and _YEAR.match(t.text)]
    return max(years) if years else None


class ActorResolver(Names, Roles, Titles, Coreference, Quotes):
    """Resolves actor mentions for one language; build once per (knowledge base, pipeline vocab)."""

    def __init__(self, kb: KnowledgeBase, lang: str, vocab) -> None:
        self.kb = kb
        self.lang = lang
        self.lexicon = ActorLexicon.load(lang)
        self.roles = kb.roles(lang)
        self._role_cache: dict[str, str | None] = {}
        self.entries: dict[str, list[Entry]] = {}  # lower-cased name -> entries, preferred kind first
        self._first_names_of: dict[str, set[str]] | None = None  # person -> first names (_first_names)
        self._surname_leaders: dict[str, str | None] = {}  # see _leader_of_surname
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        for entry in kb.entries(lang):
            key = self.lexicon.strip_article(entry.text).lower()
            if key:
                self.entries.setdefault(key, []).append(entry)
        for options in self.entries.values():
            options.sort(key=lambda e: KIND_ORDER.get(e.kind, len(KIND_ORDER)))
        # "Wit–Rusland", "Abu–Dhabi": a name's hyphen written as a dash is the same name
        for key in [k for k in self.entries if "-" in k]:
            for dash in DASHES:
                self.entries.setdefault(key.replace("-", dash), self.entries[key])
        # names are tokenised with the language's own rules, so they match as the text is split
        tokenizer = spacy.blank(lang, vocab=vocab)
        for key in self.entries:
            pattern = tokenizer.make_doc(key)
            if len(pattern) > 1 and " " not in key:
                # "U.S.": the rules split it, a trained pipeline may keep it one token; both match
                self.matcher.add(key, [pattern, Doc(vocab, words=[key])])
            else:
                self.matcher.add(key, [pattern])
        # role phrases of several words: "foreign secretary", "centrale kiescommissie"
        self.role_matcher = PhraseMatcher(vocab, attr="LOWER")
        for word in self.roles:
            if " " in word:
                self.role_matcher.add(word, [tokenizer.make_doc(word)])

    # -- the public entry point: the stages in order ---------------------------------------------
    def __call__(self, doc: Doc, date: str | None) -> DocActors:
        # an undated article is dated by the latest year its text names, so offices are those of its
        # time; with no year the office lookup says it cannot tell (KnowledgeBase.code_for)
        date = date or _latest_year(doc)
        found = DocActors()
        matches = self.matcher(doc)
        countries = self._context_countries(doc, matches)
        found.main_country = countries.most_common(1)[0][0] if countries else None
        found.domestic_country = domestic_country(countries)
        # names.py: the gazetteer's names
        seen_people: dict[str, Actor] = {}
        # people named in full anywhere in the document: a headline's surname may come first
        named = {e.person for _, s, end in matches for e in self.entries.get(doc[s:end].text.lower(), [])[:1]
                 if e.kind == "person" and case_fits(e.text, doc[s].text)}
        for span in filter_spans([Span(doc, s, e, label=m) for m, s, e in matches]):
            actor = self._from_entries(doc, span, date, seen_people, named)
            if actor is not None:
                found.add(actor)
                if actor.person:
                    seen_people[actor.person] = actor
        # roles.py (and names.py's hyphen compounds): role phrases, then role nouns
        self._role_phrases(doc, found, countries)
        for token in doc:
            if token.i in found.by_token:
                continue
            actor = self._hyphen_compound(token, date) or self._role_noun(token, found, countries)
            if actor is not None:
                found.add(actor)
        # titles.py: titles joined to names, unknown names, former office holders
        self._titles(doc, found)
        self._entities(doc, found, countries)
        self._former(doc, found)
        # coref.py, then quotes.py: mentions that refer back to actors found above
        self._repeated_names(doc, found)
        self._pronouns(doc, found)
        self._country_anaphors(doc, found)
        self._organisation_anaphors(doc, found)
        self._quoted_persons(doc, found)
        found.actors.sort(key=lambda a: a.start)
        doc.user_data.pop("kroniek:token_index", None)  # no part of a stored Doc
        return found
