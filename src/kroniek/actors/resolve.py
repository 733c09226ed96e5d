"""Actor mentions in a parsed Doc, resolved to CAMEO actor codes and knowledge-base identities.

Steps, each a small function over the Doc: gazetteer spans (countries, adjectives, capitals, IGOs,
people), hyphen compounds ("regering-Trump", "EU-leiders"), role nouns with their country ("de
Litouwse leiders", "de regering van Rusland", "de politie" in an article about Russia), titles
before names ("de Hongaarse premier Orban"), within-document coreference (a surname after the full
name, "hij" after a named person), and named entities the knowledge base does not know.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kroniek.actors.kb import Entry, KnowledgeBase
from kroniek.actors.lexicon import ActorLexicon
from kroniek.model import Actor
from kroniek.places import PARTY_POPULATION, entity_at, gazetteer, party_city
from kroniek.syntax import bare_complement

# When one written form has several entries ("Belarus" the country and its people), prefer in this order.
KIND_ORDER = {k: i for i, k in enumerate(
    ("country", "igo", "seat", "group", "capital", "person", "adjective", "surname", "inhabitants")
)}


_NOMINAL_DEPS = ("nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:arg", "nmod", "appos", "conj")


# ",,": Dutch papers type the low opening quote as two commas (",,Wij blokkeren ...”")
_OPENING_QUOTES = {"“", "„", "«", "‘‘", "``", ",,"}
_CLOSING_QUOTES = {"”", "»", "’’", "''"}
# single typographic quotes as tokens of their own (an apostrophe stays inside its word: "Lithuania’s")
_OPENING_SINGLE, _CLOSING_SINGLE = "‘", "’"


def _quote_regions(doc: Doc) -> list[tuple[int, int]]:
    """(first, last) token indices inside each quotation, in text order: typographic quotes by
    their direction (double and single apart, so one may nest in the other), straight double quotes
    paired in order."""
    regions: list[tuple[int, int]] = []
    if not any(q in doc.text for q in ('"', "“", "”", "„", "«", "»", "''", "``", "‘", ",,")):
        return regions
    open_at: int | None = None
    single: int | None = None
    straight: int | None = None

    def close(start: int | None, end: int) -> None:
        if start is not None and end - start > 1:
            regions.append((start + 1, end - 1))

    for token in doc:
        text = token.text
        if text in _OPENING_QUOTES:
            open_at = token.i
        elif text in _CLOSING_QUOTES and open_at is not None:
            close(open_at, token.i)
            open_at = None
        elif text == _OPENING_SINGLE:
            single = token.i
        elif text == _CLOSING_SINGLE and single is not None:
            close(single, token.i)
            single = None
        elif text == '"':
            if straight is None:
                straight = token.i
            else:
                close(straight, token.i)
                straight = None
    return sorted(regions)


def _first_bare_actor(tokens: list[Token], found: DocActors) -> Token | None:
    """The first of the tokens that is an actor heading no phrase: a subject after the finite verb."""
    return next((t for t in tokens if found.at(t) is not None and not any(c.dep_ == "case" for c in t.children)),
                None)


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


# A first name this similar (difflib's ratio) to one of a person's own is its spelling variant:
# "Alexander" for "Aleksander", "Mikhail" for "Michail"; "Mike" is not "Boris".
SPELLING_VARIANT = 0.8

DASHES = ("\u2013", "\u2011")  # en dash and non-breaking hyphen, as typesetting writes a name's hyphen

_YEAR = re.compile(r"^(19[4-9]\d|20\d\d)$")


def _latest_year(doc: Doc) -> str | None:
    """The latest year from 1940 on that a text names as a number ("in 2014", "sinds 2019"), or None."""
    years = [t.text for t in doc if t.like_num and _YEAR.match(t.text)]
    return max(years) if years else None


@lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    """ "Phúc" -> "phuc": names compare without case and accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def _case_fits(name: str, text: str) -> bool:
    """Names match case-insensitively, except that an abbreviation ("IS", "VS") must match exactly
    and a capitalised name must be capitalised in the text ("Blok" the minister, not "blok")."""
    letters = [c for c in name if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return text == name or text.upper() == text
    if name[:1].isupper():
        return text[:1].isupper()
    return True


_CORE_DEPS = ("nsubj", "nsubj:pass", "obj", "iobj")
_NAME_DEPS = ("appos", "flat", "flat:name", "compound")


def _clause_verb(token: Token) -> Token | None:
    """The verb a role noun is a core argument of (subject or object), or None: a role noun inside
    a phrase ("de vrijlating van gevangenen door ...") belongs to that phrase, not to the clause."""
    verb = token.head
    if token.dep_ in _CORE_DEPS and verb.pos_ in ("VERB", "AUX"):
        return verb
    # a role noun the parse took for an open complement still is the verb's object
    return verb if bare_complement(token) else None


def _with_auxiliaries(verb: Token) -> list[Token]:
    """A verb's dependents, with those a parser hung on its auxiliary ("De autoriteiten/nsubj
    hebben/aux ... geëxecuteerd")."""
    return [*verb.children, *(g for c in verb.children if c.dep_ in ("aux", "aux:pass") for g in c.children)]


def _is_subject(token: Token) -> bool:
    """A subject, or a name part or apposition of one: "De/nsubj Verenigde/flat Staten" with the
    name hung on its article by the parser."""
    return token.dep_.startswith("nsubj") or (
        token.dep_ in ("flat", "flat:name", "appos") and token.head.dep_.startswith("nsubj"))


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


class ActorResolver:
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

    # -- the public entry point -------------------------------------------------------------
    def __call__(self, doc: Doc, date: str | None) -> DocActors:
        # an undated article is dated by the latest year its text names, so offices are those of its
        # time; with no year the office lookup says it cannot tell (KnowledgeBase.code_for)
        date = date or _latest_year(doc)
        found = DocActors()
        matches = self.matcher(doc)
        countries = self._context_countries(doc, matches)
        found.main_country = countries.most_common(1)[0][0] if countries else None
        found.domestic_country = domestic_country(countries)
        seen_people: dict[str, Actor] = {}
        # people named in full anywhere in the document: a headline's surname may come first
        named = {e.person for _, s, end in matches for e in self.entries.get(doc[s:end].text.lower(), [])[:1]
                 if e.kind == "person" and _case_fits(e.text, doc[s].text)}
        for span in filter_spans([Span(doc, s, e, label=m) for m, s, e in matches]):
            actor = self._from_entries(doc, span, date, seen_people, named)
            if actor is not None:
                found.add(actor)
                if actor.person:
                    seen_people[actor.person] = actor
        self._role_phrases(doc, found, countries)
        for token in doc:
            if token.i in found.by_token:
                continue
            actor = self._hyphen_compound(token, date) or self._role_noun(token, found, countries)
            if actor is not None:
                found.add(actor)
        self._titles(doc, found)
        self._entities(doc, found, countries)
        self._former(doc, found)
        self._repeated_names(doc, found)
        self._pronouns(doc, found)
        self._country_anaphors(doc, found)
        self._organisation_anaphors(doc, found)
        self._quoted_persons(doc, found)
        found.actors.sort(key=lambda a: a.start)
        doc.user_data.pop("kroniek:token_index", None)  # no part of a stored Doc
        return found

    # -- gazetteer ----------------------------------------------------------------------------
    def _pick(self, key: str, span: Span, seen_people: dict[str, Actor], named: set[str],
              date: str | None = None) -> Entry | None:
        """The entry a matched text stands for: capitalised names only for proper names, and an
        ambiguous surname only after the full name or right after a title. Of several people with
        the name, the one the document named in full, else the one of the country the title before it
        names ("de Palestijnse president Abbas"), else one in office on the date."""
        fits = self._fitting(key, span, seen_people, named)
        people = [e for e in fits if e.person]
        if not fits or not fits[0].person or len({e.person for e in people}) < 2:
            return fits[0] if fits else None  # a country or organisation of the name comes first
        hint = self._title_country(span[0])

        def rank(entry: Entry) -> tuple:
            person = self.kb.person(entry.person)
            return (entry.person not in seen_people and entry.person not in named,
                    hint is None or person.country != hint,
                    self.kb.office_for(person.id, date) is None,
                    KIND_ORDER.get(entry.kind, 99))

        return min(people, key=rank)

    def _leader_of_surname(self, key: str) -> str | None:
        """The one person bearing a surname who led a country, or None (none, or several)."""
        if key not in self._surname_leaders:
            leaders = {e.person for e in self.entries.get(key, []) if e.kind == "surname" and e.person
                       and self.kb.led_a_country(e.person)}
            self._surname_leaders[key] = next(iter(leaders)) if len(leaders) == 1 else None
        return self._surname_leaders[key]

    def _title_country(self, token: Token, window: int = 5) -> str | None:
        """The country a name or adjective in the few words before a name gives ("de Palestijnse
        president Abbas": PSE)."""
        for t in reversed(token.doc[max(token.sent.start, token.i - window) : token.i]):
            for entry in self.entries.get(t.lower_, []):
                if entry.kind in ("adjective", "country") and entry.code and not entry.code.startswith("IGO"):
                    return entry.code[:3]
        return None

    def _fitting(self, key: str, span: Span, seen_people: dict[str, Actor], named: set[str]) -> list[Entry]:
        """The entries of a matched text that its case and context allow, preferred kind first."""
        token = span[0]
        after = token.doc[span.end] if span.end < len(token.doc) else None
        out: list[Entry] = []
        same: list[Token] | None = None  # the name's mentions up to here, read once
        for entry in self.entries.get(key, []):
            if not _case_fits(entry.text, token.text):
                continue
            if entry.kind == "surname":
                if same is None:
                    same = [token.doc[i] for i in self._token_index(token.doc).get(token.text, ()) if i <= token.i]
                if any(self._other_first_name(t, entry.person) for t in same):
                    continue  # "Mike Johnson" (and a later "Johnson") is not Boris Johnson
            if entry.kind == "surname" and after is not None and self._surname_follows(after):
                continue  # a first name comes before the surname: "Michel Wolter" is no Michel, nor is
                # "Omar al-Bashir" an Omar
            if entry.kind in ("surname", "person") and token.i > 0 and (
                    token.doc[token.i - 1].lemma_.lower() in self.lexicon.place_nouns
                    or token.doc[token.i - 1].lower_ in self.lexicon.place_nouns):
                continue  # "de Jemenitische stad Aden" names a place, not a person
            if entry.kind == "surname" and entry.ambiguous:
                # a headline's surname may come before the body's full name; a country's leader is
                # who the bare surname means when no other leader bears it ("Moebarak", not a minister)
                if (entry.person not in seen_people and entry.person not in named and not self._after_title(token)
                        and self._leader_of_surname(key) != entry.person):
                    continue
            out.append(entry)
        return out

    def _surname_follows(self, after: Token) -> bool:
        """The word after a name is a surname of its own: a capitalised proper noun, or one joined to
        its particle by a hyphen ("al-Bashir"; a particle standing apart may open a portfolio: "Hoekstra
        van Buitenlandse Zaken")."""
        if after.pos_ == "PROPN" and after.text[:1].isupper():
            return True
        particle, hyphen, rest = after.text.partition("-")
        if hyphen:
            return particle.lower() in self.lexicon.name_particles and rest[:1].isupper()
        doc = after.doc  # the tokenizer may split "al-Bashir" into three
        return (after.lower_ in self.lexicon.name_particles and after.i + 2 < len(doc) and doc[after.i + 1].text == "-"
                and doc[after.i + 2].text[:1].isupper())

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

    def _other_first_name(self, token: Token, person: str | None) -> bool:
        """A capitalised name right before a surname that is not the person's own first name."""
        if token.i == 0 or person is None:
            return False
        prev = token.doc[token.i - 1]
        if prev.pos_ != "PROPN" or not prev.text[:1].isupper() or prev.lower_ in self.roles:
            return False
        if self._in_portfolio(prev):
            return False
        first = _fold(prev.text)
        return not prev.is_sent_start and not any(
            first == own or SequenceMatcher(None, first, own).ratio() >= SPELLING_VARIANT
            for own in self._first_names(person))

    def _first_names(self, person: str) -> set[str]:
        """The folded words before the surname in every full form of the person's name."""
        if self._first_names_of is None:
            self._first_names_of = {}
            for options in self.entries.values():
                for e in options:
                    if e.kind == "person" and e.person:
                        self._first_names_of.setdefault(e.person, set()).update(
                            _fold(w) for w in e.text.split()[:-1])
        own = self._first_names_of.get(person, set())
        return own | {_fold(w) for w in self.kb.person(person).name.split()[:-1]}

    def _in_portfolio(self, token: Token) -> bool:
        """A capitalised word of a title's portfolio ("minister van Buitenlandse Zaken Blok"): the
        capitalised run it ends follows a role word and "van"."""
        i = token.i
        while i > 0 and token.doc[i].text[:1].isupper() and not token.doc[i].is_sent_start:
            i -= 1
        before = token.doc[i]
        return before.lower_ in self.lexicon.portfolio_preps and i > 0 and self._role_word(token.doc[i - 1]) is not None

    def _after_title(self, token: Token, window: int = 5) -> bool:
        """A title word shortly before a name: "premier Rutte", "minister van Buitenlandse Zaken Blok"."""
        for t in reversed(token.doc[max(0, token.i - window) : token.i]):
            if t.is_space or t.is_punct:  # a title never stands across a line break or a comma
                return False
            word = self.roles.get(t.lemma_.lower()) or self.roles.get(t.lower_)
            if word is not None and word.title:
                return True
        return False

    def _from_entries(self, doc: Doc, span: Span, date: str | None, seen: dict[str, Actor],
                      named: set[str]) -> Actor | None:
        entry = self._pick(span.label_, span, seen, named, date)
        if entry is None:
            return None
        head = span.root
        rule = f"gazetteer:{entry.kind}"
        if entry.kind in ("person", "surname"):
            assert entry.person is not None
            person = self.kb.person(entry.person)
            return self._actor(
                span, self.kb.code_for(person.id, date), rule, person=person.id, name=person.name,
                wikidata=person.wikidata,
            )
        code = entry.code or ""
        if entry.kind == "adjective" and span.end < len(doc) and (
            f"{span.text} {doc[span.end].text}".lower() in self.lexicon.not_actors
        ):
            return None  # "Russische roulette"
        if entry.kind == "adjective" and span.start >= 2 and doc[span.start - 1].text == "-" and (
            doc[span.start - 2].lower_ in self.lexicon.stance_prefixes
        ):
            return None  # "pro-European voters" are no EU actor
        if self._dateline(doc, span):
            return None  # "MADRID (Reuters) -", "DEN HAAG (ANP) -": where the report was filed
        if entry.kind == "capital" and self._city_as_place(doc, span):
            # "een persconferentie in Minsk", "de Litouwse hoofdstad Vilnius": the city; an
            # organisation's seat stays the organisation ("de woede in Brussel" is the EU's)
            return None
        if entry.kind == "adjective":
            # "de Litouwse leiders": the adjective gives the country, the noun the role.
            noun = head.head if head.dep_ in ("amod", "nmod", "compound") else head
            role = self._role_word(noun)
            group = noun.lemma_.lower() in self.lexicon.group_nouns or noun.lower_ in self.lexicon.group_nouns
            if (role is not None or group) and noun.i not in range(span.start, span.end):
                # "de Litouwse leiders" -> LTUGOV; "westerse landen" -> WST; an organisation's
                # adjective gives the organisation ("Europese leiders") or its region ("Europese landen")
                start = min(span.start, noun.i)
                end = max(span.end, noun.i + 1)
                rule = "adjective+role" if role is not None else "adjective+group"
                if code.startswith("IGO"):
                    full = self.lexicon.igo_regions.get(code, code) if group else code
                else:
                    full = code + (role or "")
                return self._actor(doc[start:end], full, rule, head=noun.i)
            return self._actor(span, code, rule, head=noun.i)
        if entry.kind == "inhabitants":
            code += self.lexicon.inhabitants_role
        return self._actor(span, code, rule)

    def _city_as_place(self, doc: Doc, span: Span) -> bool:
        """A capital or seat named as a place, not its government: right after a locative preposition
        ("in Minsk", "in Brussels": read off the words, whatever the parse), or in apposition to a noun
        for a place ("de hoofdstad Vilnius")."""
        if span.start > 0 and doc[span.start - 1].lower_ in self.lexicon.locative_preps:
            return True
        if span.start > 0 and (noun := doc[span.start - 1]).pos_ == "NOUN" and self.lexicon.place_nouns:
            return any(w.endswith(p) for w in (noun.lemma_.lower(), noun.lower_) for p in self.lexicon.place_nouns)
        return False

    @staticmethod
    def _dateline(doc: Doc, span: Span) -> bool:
        """A place in capitals that opens a line and is followed by punctuation: a dateline."""
        text = span.text
        if not (text.isupper() and len(text) > 3) or span.end >= len(doc) or not doc[span.end].is_punct:
            return False
        # "MINSK, June 4 (Interfax) -", "(MINSK) -", "MOSCOW / BRUSSELS,": a place in capitals followed
        # by punctuation, with nothing but capitals and punctuation before it on its line ("NATO demanded")
        for i in range(span.start - 1, -1, -1):
            token = doc[i]
            if "\n" in token.text_with_ws or token.is_space:
                return True
            if not (token.is_punct or token.text.isupper()):
                return False
        return True

    # -- role nouns -----------------------------------------------------------------------------
    def _role_phrases(self, doc: Doc, found: DocActors, countries: Counter) -> None:
        """Role phrases of several words ("the foreign secretary", "security forces") not yet part of
        an actor; the country as for a one-word role noun."""
        spans = [Span(doc, s, e, label=m) for m, s, e in self.role_matcher(doc)]
        for span in filter_spans(spans):
            if any(i in found.by_token for i in range(span.start, span.end)):
                continue
            role = self.roles[span.label_].role
            country, rule = self._country_of(span.root, found, countries, span, role=role)
            if country is not None:
                code = country if country.startswith("IGO") else country + role
                found.add(self._actor(span, code, rule.replace("role", "role-phrase", 1)))

    def _role_word(self, token: Token) -> str | None:
        for form in (token.lemma_.lower(), token.lower_):
            role = self._role_of(form)
            if role is not None:
                return role
        return None

    def _role_of(self, form: str) -> str | None:
        """The role a word names: a role word, its plural, "VN-ambassadeur", "oud-premier",
        "defensieminister" or "regeringsmedewerker" (memoised per resolver)."""
        if form not in self._role_cache:
            self._role_cache[form] = self._find_role(form)
        return self._role_cache[form]

    def _find_role(self, form: str) -> str | None:
        word = self._lookup(form)
        if word is not None:
            return word.role
        if "-" in form:
            first, _, rest = form.partition("-")
            if first in self.lexicon.former_prefixes and self._role_of(rest) is not None:
                return self.lexicon.former_role
            word = self._lookup(form.rsplit("-", 1)[1])
            return word.role if word is not None else None
        return self._compound_role(form)

    def _lookup(self, form: str):
        word = self.roles.get(form)
        if word is None:
            # plurals the lemmatizer missed: "gevangenen" -> "gevangene"
            word = next((self.roles[stem] for stem in self._singulars(form) if stem in self.roles), None)
        return word

    def _is_person_head(self, form: str) -> bool:
        heads = self.lexicon.person_heads
        return form in heads or any(stem in heads for stem in self._singulars(form))

    def _compound_role(self, form: str, min_part: int = 3, min_head: int = 5) -> str | None:
        """Closed compounds: a role word joined to a person noun names that role
        ("regerings|medewerker" GOV); a role word as the last part names its own ("defensie|minister")."""
        links = self.lexicon.compound_links
        if not links:
            return None
        for i in range(min_part, len(form) - min_part + 1):
            head, first = form[i:], form[:i]
            if self._is_person_head(head):
                for link in links:
                    if first.endswith(link) and len(first) - len(link) >= min_part:
                        word = self.roles.get(first[: len(first) - len(link)])
                        if word is not None:
                            return word.role
            if len(head) >= min_head and head not in self.lexicon.compound_heads_excluded:
                word = self._lookup(head)
                if word is not None:
                    return word.role
        return None

    def _singulars(self, form: str) -> list[str]:
        """Singular candidates of a plural: "gevangenen" -> "gevangene"; a closed syllable gets its
        long vowel back ("kandidaten" -> "kandidaat")."""
        out = []
        for suffix in self.lexicon.plural_suffixes:
            if form.endswith(suffix) and len(form) > len(suffix) + 2:
                stem = form[: -len(suffix)]
                out.append(stem)
                if stem[-2] in "aeou" and stem[-3] not in "aeiou" and stem[-1] not in "aeiou":
                    out.append(stem[:-1] + stem[-2] + stem[-1])
        return out

    def _role_noun(self, token: Token, found: DocActors, countries: Counter) -> Actor | None:
        # a noun, or a word the tagger mislabelled that the parse still uses as a noun phrase, or as
        # a verb's bare complement or adverb ("gooide journalisten/VERB in de cel": the role lexicon,
        # not the tag, decides)
        if token.pos_ not in ("NOUN", "PROPN") and not (
            token.pos_ in ("ADJ", "VERB", "X") and token.dep_ in _NOMINAL_DEPS
        ) and not bare_complement(token, ("xcomp", "ccomp", "advmod")):
            return None
        role = self._role_word(token)
        # "de militaire leiding", "het militaire leiderschap": the adjective names the role
        adjective = next((self.lexicon.role_adjectives[c.lower_] for c in token.children
                          if c.dep_ == "amod" and c.lower_ in self.lexicon.role_adjectives), None)
        if adjective is not None and (role is not None or self._is_person_head(token.lower_)):
            role = adjective
        if role is None:
            return None
        country, rule = self._country_of(token, found, countries, role=role)
        if country is None:
            return None
        # "EU officials": people of an organisation are the organisation (IGOEUREEC), as CAMEO codes them
        code = country if country.startswith("IGO") else country + role
        return self._actor(token.doc[token.i : token.i + 1], code, rule)

    def _clause_place(self, token: Token, found: DocActors) -> str | None:
        """The country of the place the role noun's clause names ("detained protesters in Minsk"):
        a country or capital the knowledge base knows, or a city the gazetteer does."""
        verb = _clause_verb(token)
        if verb is None:
            return None
        # the phrase may hang on the object ("detained [protesters in Minsk]")
        phrases = [*verb.children, *(g for c in verb.children if c.dep_ in ("obj", "obl") for g in c.children)]
        return next(self._places(phrases, found), None)

    def _own_place(self, token: Token, found: DocActors) -> str | None:
        """The country of a place named in a locative phrase inside the role noun's own phrase (its
        relative clause included): "demonstrators camping in a square in Minsk"."""
        return next(self._places((t for t in token.subtree if t != token), found), None)

    def _sentence_place(self, token: Token, found: DocActors) -> str | None:
        """Police, civilians and the opposition in a sentence whose named places all lie in one
        country are of that country: the place of the act, where their own clause names none."""
        countries = set(self._places(token.sent, found))
        return next(iter(countries)) if len(countries) == 1 else None

    def _places(self, tokens: Iterable[Token], found: DocActors) -> Iterator[str | None]:
        """The country (None for an organisation's seat) of each locative phrase among `tokens` that
        names a known place: a country or capital the knowledge base knows, or a city the gazetteer does."""
        for phrase in tokens:
            if not any(c.dep_ == "case" and c.lower_ in self.lexicon.locative_preps for c in phrase.children):
                continue
            actor = found.at(phrase)
            if actor is not None and actor.place_kind:
                yield None if actor.code.startswith("IGO") else actor.code[:3]
            elif (city := party_city(phrase)) is not None:
                yield city[1].country
            elif phrase.pos_ == "PROPN":
                # after a locative preposition a large city's name is the city, whatever the NER called it
                ent = entity_at(phrase)
                place = gazetteer().city(ent.text if ent is not None else phrase.text,
                                         min_population=PARTY_POPULATION)
                if place is not None and place.country:
                    yield place.country

    def _act_of(self, token: Token) -> Token | None:
        """The noun whose "of" phrase the people are in ("executies van demonstranten"), or None."""
        head = token.head
        if head == token or head.pos_ not in ("NOUN", "PROPN") or not any(
                c.dep_ == "case" and c.lower_ in self.lexicon.of_preps for c in token.children):
            return None
        return head

    def _authority_country(self, actor: Actor | None) -> str | None:
        """The country of a domestic authority (government, police, courts; lexicon: authority_roles)."""
        if actor is None or not actor.code or actor.code.startswith("IGO") or len(actor.code) < 6:
            return None
        return actor.code[:3] if actor.code[3:6] in self.lexicon.authority_roles else None

    def _act_agent(self, token: Token, found: DocActors) -> str | None:
        """People in an "of" phrase of an act noun whose agent phrase names a domestic authority
        ("de vrijlating van gevangenen door Loekasjenko") are of the authority's country."""
        head = self._act_of(token)
        if head is None:
            return None
        # the agent phrase hangs on the act noun, or on the people ("gevangenen door X") in another parse
        agents = (c for c in (*head.children, *token.children)
                  if any(g.dep_ == "case" and g.lower_ in self.lexicon.agent_preps for g in c.children))
        return next((country for c in agents if (country := self._authority_country(found.at(c)))), None)

    def _act_adjective(self, token: Token, found: DocActors) -> str | None:
        """People in an "of" phrase of a noun whose adjective names a country are that country's
        ("Iraanse executies van demonstranten"): the adjective names the authority that acts on them,
        as a clause's subject does."""
        head = self._act_of(token)
        if head is None:
            return None
        for child in head.children:
            actor = found.at(child)
            if child.dep_ == "amod" and actor is not None and actor.code and not actor.code.startswith("IGO"):
                return actor.code[:3]
        return None

    def _clause_authority(self, token: Token, found: DocActors) -> str | None:
        """The country of the domestic authority (government, police, courts) that is the subject of
        the role noun's clause, when the role noun is not that subject itself."""
        verb = _clause_verb(token)
        if verb is None:
            return None
        subj = next((c for c in _with_auxiliaries(verb) if c.dep_.startswith("nsubj") and c != token), None)
        if subj is None and verb.dep_ == "conj":
            # "nam maatregelen en gooide oppositiekandidaten in de cel": coordinated verbs share the subject
            subj = next((c for c in _with_auxiliaries(verb.head) if c.dep_.startswith("nsubj") and c != token), None)
        actor = found.at(subj) if subj is not None else None
        # "President Loekasjenko": the named person, not the title read on its own, is the authority
        named = next((found.at(c) for c in subj.children if c.dep_ in _NAME_DEPS and found.at(c) is not None
                      and found.at(c).person), None) if subj is not None else None
        return self._authority_country(named or actor)

    def _country_of(self, token: Token, found: DocActors, countries: Counter,
                    phrase: Span | None = None, role: str | None = None) -> tuple[str | None, str]:
        """The country a role noun belongs to: its own modifiers first, then the article's."""
        for child in token.children:
            actor = found.at(child)
            if actor is None or not actor.code:
                continue
            if child.dep_ in ("amod", "nmod:poss", "compound") or (
                child.dep_ == "nmod" and any(c.lower_ in self.lexicon.of_preps for c in child.children)
            ):
                return actor.code if actor.code.startswith("IGO") else actor.code[:3], "role+modifier"
        # "de burgemeester van Rotterdam": a town of the gazetteer in the role's "van" phrase
        for child in token.children:
            if child.dep_ == "nmod" and any(c.lower_ in self.lexicon.of_preps for c in child.children) and (
                    city := party_city(child)) is not None:
                return city[1].country, "role+town-of"
        # "partijen in de Tweede Kamer" even when the parser hung the phrase elsewhere
        doc = token.doc
        if token.i + 1 < len(doc) and doc[token.i + 1].lower_ in self.lexicon.of_preps:
            for t in doc[token.i + 2 : token.i + 5]:
                actor = found.at(t)
                if actor is not None and actor.code:
                    return actor.code[:3] if not actor.code.startswith("IGO") else actor.code, "role+following-phrase"
        # "zei de premier" after "premier Rutte": the office holder named before
        earlier = self._named_holder(token, found, phrase)
        if earlier is not None:
            return earlier, "role+earlier-holder"
        # envoys are by definition of another country than the one they are in, so they get none
        if token.lemma_.lower() in self.lexicon.foreign_roles or token.lower_ in self.lexicon.foreign_roles:
            return None, ""
        # "betogers die op een plein in Minsk sliepen": a place in the role noun's own phrase
        if (place := self._own_place(token, found)) is not None:
            return place, "role+own-place"
        # "the police detained protesters in Minsk": police, civilians and the opposition are of the place named
        if role in self.lexicon.local_roles and (place := self._clause_place(token, found)) is not None:
            return place, "role+clause-place"
        if role in self.lexicon.local_roles and (country := self._act_adjective(token, found)) is not None:
            return country, "role+act-adjective"
        if role in self.lexicon.local_roles and (country := self._act_agent(token, found)) is not None:
            return country, "role+act-agent"
        if role in self.lexicon.local_roles and (country := self._clause_authority(token, found)) is not None:
            return country, "role+clause-authority"
        if role in self.lexicon.local_roles and (place := self._sentence_place(token, found)) is not None:
            return place, "role+sentence-place"
        # "het kabinet", "de Tweede Kamer": institutions a reader of this language's news takes as home's
        if self.lexicon.home_country and (token.lemma_.lower() in self.lexicon.home_roles
                                          or token.lower_ in self.lexicon.home_roles):
            return self.lexicon.home_country, "role+home-country"
        # otherwise, in a domestic story, its country; a country's own institutions and people
        # ("de politie", "de oppositie", "het regime") are of the country the article is about in
        # any story; soldiers, refugees and envoys travel, so between countries the text does not
        # say whose they are, and the actor keeps its role with an unknown country
        if (home := domestic_country(countries)) is not None:
            return home, "role+domestic-story"
        if countries and role in self.lexicon.home_bound_roles:
            return countries.most_common(1)[0][0], "role+article-country"
        return UNKNOWN_COUNTRY, "role+no-country-evidence"

    def _named_holder(self, token: Token, found: DocActors, phrase: Span | None = None) -> str | None:
        """The country of the last person before `token` whose title was the same role word (or
        role phrase: "the foreign secretary" after "Foreign Secretary David Cameron")."""
        doc = token.doc
        words = phrase.text.lower() if phrase is not None else None
        for actor in sorted(found.actors, key=lambda a: -a.start):
            if actor.start >= token.idx or not actor.person or not actor.code or actor.code.startswith("IGO"):
                continue
            # the title is still a separate word here: look just before the name
            before = doc[max(0, actor.tokens[0] - 4) : actor.tokens[1]]
            if words is not None:
                if words in before.text.lower():
                    return actor.code[:3]
            elif any(t.lemma_.lower() == token.lemma_.lower() or t.lower_ == token.lower_ for t in before):
                return actor.code[:3]
        return None

    def _context_countries(self, doc: Doc, matches: list[tuple[int, int, int]]) -> Counter:
        """How often each country is named in the document (names, adjectives, capitals, people)."""
        counts: Counter = Counter()
        for _, s, e in matches:
            for entry in self.entries.get(doc[s:e].text.lower(), [])[:1]:
                if entry.kind == "person" and entry.person:
                    counts[self.kb.person(entry.person).country] += 1
                    continue
                code = entry.code or ""
                if entry.kind in ("country", "adjective", "inhabitants", "capital", "seat") and code[:3].isalpha():
                    if not code.startswith("IGO"):
                        counts[code[:3]] += 1
        return counts

    def _hyphen_compound(self, token: Token, date: str | None) -> Actor | None:
        """"regering-Trump" (role + person), "EU-leiders" (actor + role), "VN-gezant"."""
        if "-" not in token.text:
            return None
        parts = token.text.split("-")
        codes, role = None, None
        for part in parts:
            key = part.lower()
            entry = next((e for e in self.entries.get(key, []) if e.kind != "surname" or not e.ambiguous), None)
            if entry is not None and codes is None:
                if entry.person:
                    codes = self.kb.code_for(entry.person, date)[:3]
                elif entry.code:
                    codes = entry.code if entry.code.startswith("IGO") else entry.code[:3]
            elif key in self.roles:
                role = self.roles[key].role
        # an organisation stands alone ("EU-president"); a country or person needs a role word
        if codes is None or (role is None and not codes.startswith("IGO")):
            return None
        code = codes if codes.startswith("IGO") else codes + role
        return self._actor(token.doc[token.i : token.i + 1], code, "hyphen-compound")

    # -- titles, entities, coreference ----------------------------------------------------------
    def _titles(self, doc: Doc, found: DocActors) -> None:
        """Join a title with the name it stands before: "premier Orban", "minister van X Blok"."""
        for actor in list(found.actors):
            if not actor.person:
                continue
            start = actor.tokens[0]
            i = start - 1
            while i >= 0 and doc[i].pos_ in ("ADJ", "NOUN", "PROPN", "ADP", "DET") and i >= start - 6:
                if doc[i].pos_ == "ADP" and doc[i].lower_ not in self.lexicon.of_preps:
                    break  # "vertegenwoordiger Nebenzia tegen Haley": the title is not Haley's
                if doc[i].pos_ == "PROPN" and doc[i].is_lower and doc[i].lower_ not in self.lexicon.name_particles:
                    break  # names are capitalised: "Hongarije prees/PROPN Poetin" holds a verb
                title = found.at(doc[i])
                if title is not None and title is not actor and title.person is None:
                    self._merge(doc, found, title, actor)
                    break
                i -= 1

    def _merge(self, doc: Doc, found: DocActors, title: Actor, person: Actor) -> None:
        found.actors.remove(title)
        doc_tokens = (min(title.tokens[0], person.tokens[0]), max(title.tokens[1], person.tokens[1]))
        for i in range(*doc_tokens):
            found.by_token[i] = person
        person.tokens = doc_tokens
        person.start = min(title.start, person.start)
        person.end = max(title.end, person.end)
        person.text = doc.text[person.start : person.end]
        person.rule = f"{person.rule}+title"
        # "de Duitse oppositieleider Merz" in 2022, before any office the knowledge base records:
        # a title naming a role the knowledge base does not date (not a government office) tells
        # the role of the moment; government titles stay with the dated offices ("minister Blok" in
        # 2024 is a former minister)
        if (person.code and title.code and len(title.code) > 3 and title.code[:3] == person.code[:3]
                and title.code[3:6] != "GOV"
                and (len(person.code) == 3 or person.code[3:] == self.lexicon.former_role)):
            person.code = title.code

    def _entities(self, doc: Doc, found: DocActors, countries: Counter) -> None:
        """Named entities the knowledge base does not know stay actors, with their NER type; a
        title before an unknown person gives a country and role."""
        for ent in doc.ents:
            # an entity that starts with a resolved title ("House Speaker Mike Johnson" as one
            # proper-noun run): the name is what follows the title
            first_free = ent.start
            while first_free < ent.end and first_free in found.by_token:
                first_free += 1
            if ent.start < first_free < ent.end and found.by_token[first_free - 1].person is None:
                ent = Span(doc, first_free, ent.end, label=ent.label_)
            if any(i in found.by_token for i in range(ent.start, ent.end)):
                # "premier Nguyen Xuan Phuc": an unknown name after a resolved title
                continue
            if ent.label_ not in ("PER", "ORG") or (ent.label_ == "PER" and self._names_place(ent)):
                continue
            if self._portfolio(doc, found, ent):
                continue
            prev = doc[ent.start - 1] if ent.start > 0 else None
            title = found.at(prev) if prev is not None else None
            if title is None and ent.label_ == "PER":
                title = self._title_before_portfolio(doc, found, ent)
            if title is not None and title.code and title.person is None:
                found.actors.remove(title)
                span = doc[title.tokens[0] : ent.end]
                found.add(self._actor(span, title.code, "title+unknown-name", name=ent.text, head=title.head))
                continue
            earlier = self._earlier_bearer(found, ent[-1].text, ent.start_char, min_words=1)
            if earlier is not None:
                found.add(self._actor(ent, earlier.code, "coref:surname", name=earlier.name, label=ent.label_))
                continue
            if ent.label_ == "PER" and (country := domestic_country(countries)) is not None:
                # an unknown person in a domestic story is of its country; between countries the
                # text does not say whose, and the name stays without a code
                found.add(self._actor(ent, country, "ner+domestic-story", name=ent.text, label=ent.label_))
                continue
            found.add(self._actor(ent, None, "ner", name=ent.text, label=ent.label_))

    def _former(self, doc: Doc, found: DocActors) -> None:
        """"former Interior Minister X", "de voormalige premier": someone who held the office before is
        the country's elite (lexicon: former_words, former_role), not its government."""
        for actor in found.actors:
            start = actor.tokens[0]
            words = [doc[start - 1].lower_] if start > 0 else []
            words.append(doc[start].lower_)
            if not set(words) & self.lexicon.former_words or not actor.code:
                continue
            if actor.person:
                country = self.kb.person(actor.person).country
            elif not actor.code.startswith(("IGO", UNKNOWN_COUNTRY)):
                country = actor.code[:3]
            else:
                continue
            if country and actor.code != country + self.lexicon.former_role:
                actor.code, actor.country = country + self.lexicon.former_role, country
                actor.rule = f"{actor.rule}+former"

    def _names_place(self, ent: Span) -> bool:
        """"de Oekraïense grensstad X": a name in apposition to a noun for a place (lexicon: place_nouns,
        also as a compound's last part, "havenstad") is a place's, whatever its NER label."""
        root, noun = ent.root, ent.root.head
        if root.dep_ not in ("appos", "flat", "flat:name", "nmod") or noun.i >= ent.start or noun.pos_ != "NOUN":
            return False
        return any(w.endswith(p) for w in (noun.lemma_.lower(), noun.lower_) for p in self.lexicon.place_nouns)

    def _title_before_portfolio(self, doc: Doc, found: DocActors, ent: Span) -> Actor | None:
        """The role word before a portfolio and an unknown name ("Commissioner for Trade Cecilia
        Malmström", "minister voor Ontwikkelingssamenwerking Liesje Schreinemacher"; the NER may take
        the portfolio's last word into the name), or None."""
        i = ent.start - 1
        while i > 0 and doc[i].text[:1].isupper() and doc[i].lower_ not in self.lexicon.portfolio_preps:
            i -= 1
        if i < 1 or doc[i].lower_ not in self.lexicon.portfolio_preps or ent.start - i > 5:
            if not (ent.start >= 2 and doc[ent.start - 1].lower_ in self.lexicon.portfolio_preps):
                return None
            i = ent.start - 1  # the portfolio inside the entity: "for | Trade Cecilia Malmström"
        role = found.at(doc[i - 1])
        if role is None or role.person is not None or not role.code or not (
                role.rule.startswith("role") or role.rule.endswith("+role") or role.rule.startswith("gazetteer")):
            return None
        return role if self._role_word(doc[role.head]) is not None else None

    def _portfolio(self, doc: Doc, found: DocActors, ent: Span) -> bool:
        """ "de minister van Buitenlandse Zaken": the ministry after a role word is part of the role."""
        if ent.label_ not in ("ORG", "MISC") or ent.start < 2 or (
                doc[ent.start - 1].lower_ not in self.lexicon.portfolio_preps):
            return False
        role = found.at(doc[ent.start - 2])
        # a role word, with or without its country adjective ("de Duitse minister van Buitenlandse Zaken")
        if role is None or role.person is not None or not role.code or not (
                role.rule.startswith("role") or role.rule.endswith("+role")):
            return False
        found.by_token.update({i: role for i in range(role.tokens[1], ent.end)})
        role.tokens = (role.tokens[0], ent.end)
        role.end = ent.end_char
        role.text = doc.text[role.start : role.end]
        return True

    def _repeated_names(self, doc: Doc, found: DocActors) -> None:
        """The last name of an unknown person found earlier refers to that person when it recurs
        ("premier Nguyen Xuan Phuc" ... "Phuc ontmoet"), even where NER missed it."""
        # the last word of each multi-word actor name, folded, read once
        lasts = {_fold(words[-1]) for a in found.actors if len(words := (a.name or "").split()) >= 2}
        for token in doc:
            if token.i in found.by_token or not token.text[:1].isupper() or _fold(token.text) not in lasts:
                continue
            earlier = self._earlier_bearer(found, token.text, token.idx, min_words=2)
            if earlier is None:
                continue
            start = token.i
            # "Van Oosterom": a name particle before the surname belongs to it
            while start > 0 and doc[start - 1].lower_ in self.lexicon.name_particles \
                    and doc[start - 1].text[:1].isupper() and start - 1 not in found.by_token:
                start -= 1
            found.add(self._actor(doc[start : token.i + 1], earlier.code, "coref:surname", name=earlier.name,
                                  person=earlier.person, wikidata=earlier.wikidata))

    @staticmethod
    def _earlier_bearer(found: DocActors, last: str, before: int, min_words: int) -> Actor | None:
        """The first actor before offset `before` whose name (of at least `min_words` words) ends
        in `last`, compared without case and accents."""
        for actor in found.actors:
            words = (actor.name or "").split()
            if (actor.end <= before and actor.code and len(words) >= min_words and actor.rule != "coref:pronoun"
                    and _fold(words[-1]) == _fold(last)):
                return actor
        return None

    def _pronouns(self, doc: Doc, found: DocActors) -> None:
        """Personal pronouns refer back by agreement and prominence: a third-person singular one
        (subject, object or in a phrase: "volgens hem") to one person, a plural subject ("Zij
        stelden ... in") to the last subject actor of an earlier sentence, a plural object ("hen",
        "them") to the last plural noun before it, a demonstrative subject ("Die zei ...") to the
        most recent agreeing noun of the sentence before."""
        lex = self.lexicon
        sents = list(doc.sents)
        for token in doc:
            if token.i in found.by_token:
                continue
            if (token.lower_ in lex.possessive_pronouns and token.dep_ in ("nmod:poss", "det", "det:poss")
                    and token.head.pos_ in ("NOUN", "PROPN") and token.head.i > token.i):
                self._possessive(token, found)
                continue
            if token.lower_ in lex.thing_pronouns and token.pos_ == "PRON" and token.dep_.startswith("nsubj"):
                self._thing_pronoun(token, found)
                continue
            if token.lower_ in lex.demonstrative_pronouns:
                self._demonstrative(token, found, sents)
                continue
            if not (token.dep_.startswith("nsubj") or token.dep_ in ("obj", "iobj", "nmod:poss")
                    or self._in_phrase(token)):
                continue
            if token.lower_ in lex.plural_object_pronouns and not token.dep_.startswith("nsubj"):
                antecedent = self._last_plural_noun(token, found, sents)
            elif token.lower_ in lex.plural_pronouns and self._plural_verb(token):
                if not token.dep_.startswith("nsubj"):
                    continue
                previous = [
                    a for a in found.actors
                    if a.code and a.tokens[1] <= token.sent.start and _is_subject(token.doc[a.head])
                    and self._several(a, found, doc)
                ]
                others = self._co_arguments(token)
                previous = [a for a in previous if not any(a.tokens[0] <= i < a.tokens[1] for i in others)]
                antecedent = max(previous, key=lambda a: a.tokens[1]) if previous else None
            elif token.lower_ in lex.person_pronouns:
                antecedent = self._person_antecedent(token, found, sents)
            else:
                continue
            if antecedent is not None:
                found.add(self._refer(token, antecedent, "coref:pronoun"))

    def _several(self, actor: Actor, found: DocActors, doc: Doc) -> bool:
        """An antecedent a plural pronoun agrees with: a plural noun ("de Litouwse leiders"), names
        written together ("Frankrijk en Duitsland"), or an organisation; not one person or one country."""
        head = doc[actor.head]
        if len(found.group(head)) > 1 or any(c.dep_ == "conj" and found.at(c) is not None for c in head.children):
            return True
        subject = head if head.dep_.startswith("nsubj") else head.head
        is_subject = subject.dep_.startswith("nsubj") and subject.head != subject
        number = self._verb_number(subject.head) if is_subject else None
        if number is not None:
            return number == "Plur"  # its own verb agrees: "De Verenigde Staten kwamen ..."
        if head.pos_ == "NOUN":
            return "Plur" in head.morph.get("Number")
        if head.pos_ == "PRON":
            return self._plural_verb(head)
        return not (actor.person or actor.label == "PER")

    @staticmethod
    def _in_phrase(token: Token) -> bool:
        """A pronoun governed by a preposition: "volgens hem", "against him"."""
        return token.dep_ in ("obl", "obl:arg", "obl:agent", "nmod") and any(c.dep_ == "case" for c in token.children)

    # a pronoun's antecedent stands at most this many sentences before it: further back a pronoun
    # with no one named in between refers to someone the resolver did not find
    PRONOUN_REACH = 3

    def _person_antecedent(self, token: Token, found: DocActors, sents: list[Span]) -> Actor | None:
        """The one person a singular pronoun refers to (centering): in its own sentence the nearest
        subject before it, else the nearest person before it; in an earlier sentence (the latest
        naming someone) its first subject, else its nearest person. Never another argument of its
        own verb (that takes a reflexive)."""
        doc = token.doc
        others = self._co_arguments(token)
        people = [a for a in found.actors if a.tokens[1] <= token.i and self._one_person(a, found, doc)
                  and not any(a.tokens[0] <= i < a.tokens[1] for i in others)]
        if not people:
            return None
        here = next(k for k, s in enumerate(sents) if s.start <= token.i < s.end)
        for k in range(here, max(-1, here - self.PRONOUN_REACH - 1), -1):
            named = sorted((a for a in people if sents[k].start <= a.head < sents[k].end), key=lambda a: a.head)
            if not named:
                continue
            subjects = [a for a in named if _is_subject(doc[a.head])]
            if k == here:
                return (subjects or named)[-1]
            return subjects[0] if subjects else named[-1]
        return None

    def _one_person(self, actor: Actor, found: DocActors, doc: Doc) -> bool:
        """A mention of one person: a named one (known or not), a title with a name, a singular
        noun for someone holding an office ("de woordvoerder", "the commissioner"), or a pronoun
        already resolved to one of these."""
        if actor.person or actor.label == "PER" or "unknown-name" in (actor.rule or ""):
            return True
        head = doc[actor.head]
        if actor.rule == "coref:pronoun":
            return head.lower_ in self.lexicon.person_pronouns and not self._plural_verb(head)
        if head.pos_ != "NOUN" or "Plur" in head.morph.get("Number") or not actor.code or len(found.group(head)) > 1:
            return False
        return any(self._names_office_holder(form) for form in (head.lemma_.lower(), head.lower_))

    def _names_office_holder(self, form: str) -> bool:
        """A singular noun for one person in a role: a title ("minister", "spokesman"), a person
        noun ("woordvoerder", "official"), or a compound ending in one ("defensieminister")."""
        for i in range(0, max(1, len(form) - 4)):
            tail = form[i:]
            word = self.roles.get(tail)
            if (word is not None and word.title) or tail in self.lexicon.person_heads:
                return i == 0 or bool(self.lexicon.compound_links)
        return False

    def _last_plural_noun(self, token: Token, found: DocActors, sents: list[Span]) -> Actor | None:
        """The actor a plural object pronoun refers to: the last plural noun before it, in its own
        sentence or the one before, when that noun is an actor; none when it is a thing."""
        others = self._co_arguments(token)
        here = next(k for k, s in enumerate(sents) if s.start <= token.i < s.end)
        start = sents[max(0, here - 1)].start
        for t in reversed(token.doc[start : token.i]):
            if t.i in others or t.pos_ not in ("NOUN", "PROPN", "PRON"):
                continue
            actor = found.at(t)
            if t.pos_ == "PRON" and (actor is None or t.lower_ not in self.lexicon.plural_pronouns
                                     or not self._plural_verb(t)):
                continue
            if "Plur" not in t.morph.get("Number") and len(found.group(t)) < 2:
                if actor is None or actor.rule != "coref:pronoun":
                    continue
            return actor if actor is not None and actor.code else None
        return None

    def _demonstrative(self, token: Token, found: DocActors, sents: list[Span]) -> None:
        """"Rutte sprak met Biden. Die zei ...": a demonstrative opening a main clause as its subject
        refers to the most recent noun of the sentence before that agrees with its verb in number;
        it names an actor only when that noun is one."""
        first = next((t for t in token.sent if not t.is_punct and not t.is_space), None)
        if token != first or not token.dep_.startswith("nsubj"):
            return
        number = self._verb_number(token.head)
        here = next(k for k, s in enumerate(sents) if s.start <= token.i < s.end)
        if number is None or here == 0:
            return
        for t in reversed(sents[here - 1]):
            if t.pos_ not in ("NOUN", "PROPN") or t.dep_ in ("compound", "fixed"):
                continue
            actor = found.at(t)
            # a name's Number is the tagger's guess; a name is one, unless it stands for several
            plural = (len(found.group(t)) > 1 if actor is not None and t.pos_ == "PROPN"
                      else "Plur" in t.morph.get("Number"))
            if plural != (number == "Plur"):
                continue
            if actor is not None and actor.code:
                found.add(self._refer(token, actor, "coref:demonstrative"))
            return

    def _plural_verb(self, pronoun: Token) -> bool:
        """A subject pronoun ("zij", "ze") whose verb, or its auxiliary, is plural: "ze moesten uitstappen"."""
        return "Plur" in pronoun.head.morph.get("Number") or (
            pronoun.dep_.startswith("nsubj") and self._verb_number(pronoun.head) == "Plur")

    @staticmethod
    def _verb_number(verb: Token) -> str | None:
        """The number of a clause's finite verb, on the verb or its auxiliary ("Die werden ... gewonnen")."""
        for t in (verb, *(c for c in verb.children if c.dep_ in ("aux", "aux:pass", "cop"))):
            number = t.morph.get("Number")
            if number and "Fin" in t.morph.get("VerbForm"):
                return number[0]
        return None

    def _country_anaphors(self, doc: Doc, found: DocActors) -> None:
        """"het land", "de twee landen" with nothing of their own saying which (lexicon:
        country_anaphors): the country of the last sentence naming one (its subject where it names
        several), or the countries of the last sentence naming two or more."""
        lex = self.lexicon
        for token in doc:
            lower = token.lower_
            if token.i in found.by_token or lower not in lex.country_anaphors | lex.countries_anaphors:
                continue
            dets = self._anaphor_determiners(token)
            if dets is None:
                continue
            plural = lower in lex.countries_anaphors
            members = self._named_countries(doc, found, token, plural, bool(dets & lex.pair_words))
            if members:
                refs = [self._refer(token, m, "coref:country-anaphor") for m in members]
                if plural and len(refs) > 1:
                    found.add_group(refs)
                elif not plural:
                    found.add(refs[0])

    def _anaphor_determiners(self, token: Token) -> set[str] | None:
        """The determiners of a noun that refers back ("het land", "de twee landen", "the bloc"): only
        anaphoric ones and no adjective, phrase or name of its own saying which; else None."""
        lex = self.lexicon
        dets = {c.lower_ for c in token.children if c.dep_ in ("det", "nummod", "amod") and c.i < token.i}
        own = [c for c in token.children if c.dep_ in ("amod", "nmod", "compound", "appos", "flat", "acl",
                                                          "acl:relcl", "nmod:poss") and c.lower_ not in dets]
        if not dets & lex.anaphoric_determiners or own or dets - lex.anaphoric_determiners:
            return None
        return dets

    def _organisation_anaphors(self, doc: Doc, found: DocActors) -> None:
        """"the bloc", "het bondgenootschap" with nothing of their own saying which (lexicon:
        organisation_anaphors): the organisation of states named last before it, up to three
        sentences back."""
        lex = self.lexicon
        text = doc.text.lower()
        if not any(word in text for word in lex.organisation_anaphors):
            return
        sents = list(doc.sents)
        for token in doc:
            if token.lower_ not in lex.organisation_anaphors or self._anaphor_determiners(token) is None:
                continue
            held = found.at(token)
            if held is not None and (held.code or held.rule != "ner" or held.tokens[1] - held.tokens[0] > 2):
                continue  # "de Raad" the NER took for a name of its own is still the anaphor
            here = next(i for i, s in enumerate(sents) if s.start <= token.i < s.end)
            start = sents[max(0, here - 3)].start
            igos = [a for a in found.actors if a.code and a.code.startswith("IGO") and not a.person]
            named = [a for a in igos if start <= a.head < token.i]
            if not named and igos:
                # none named just before ("de conclusies van de Raad" opening a text): the organisation
                # the document names most
                most = Counter(a.code for a in igos).most_common(1)[0][0]
                named = [a for a in igos if a.code == most]
            if named:
                if held is not None:
                    found.actors.remove(held)
                    for i in range(*held.tokens):
                        found.by_token.pop(i, None)
                found.add(self._refer(token, max(named, key=lambda a: a.head), "coref:organisation-anaphor"))

    def _named_countries(self, doc: Doc, found: DocActors, token: Token, plural: bool, pair: bool) -> list[Actor]:
        """The countries of the last sentence (up to three back, or this one before the mention) that
        names one (singular) or two or more (plural)."""
        sents = list(doc.sents)
        here = next(i for i, s in enumerate(sents) if s.start <= token.i < s.end)
        others = self._co_arguments(token)
        for sent in reversed(sents[max(0, here - 3) : here + 1]):
            named = [a for a in found.actors if a.place_kind == "country" and sent.start <= a.head < sent.end
                     and a.tokens[1] <= token.i and a.head not in others]
            codes = list(dict.fromkeys(a.code for a in named))
            if plural and len(codes) >= 2:
                firsts = [next(a for a in named if a.code == c) for c in codes]
                return firsts[:2] if pair else firsts
            if not plural and codes:
                subjects = [a for a in named if _is_subject(doc[a.head])]
                return [(subjects or named)[0]]
        return []

    def _co_arguments(self, pronoun: Token) -> set[int]:
        """The other subject and objects of a pronoun's verb, which it cannot refer to (that takes a
        reflexive: "die hem ontving" is not "die zich ontving"); a relative pronoun among them stands
        for the noun its clause hangs on."""
        deps = ("nsubj", "nsubj:pass", "obj", "iobj")
        verb = pronoun.head
        if pronoun.dep_ not in deps or verb == pronoun:
            return set()
        out = set()
        for c in verb.children:
            if c.dep_ in deps and c != pronoun:
                out.add(c.i)
                if c.lower_ in self.lexicon.relative_pronouns and verb.dep_ == "acl:relcl":
                    out.add(verb.head.i)
        return out

    def _thing_pronoun(self, token: Token, found: DocActors) -> None:
        """"Rusland ontkent dat het ... levert": the state or organisation that is the subject of the
        clause governing the pronoun's clause."""
        clause_head = token.head
        if clause_head.dep_ not in ("ccomp", "xcomp", "advcl") or clause_head.head == clause_head:
            return
        subj = next((c for c in clause_head.head.children if c.dep_.startswith("nsubj")), None)
        antecedent = found.at(subj) if subj is not None else None
        if antecedent is not None and antecedent.code and antecedent.person is None:
            found.add(self._refer(token, antecedent, "coref:pronoun"))

    def _quoted_persons(self, doc: Doc, found: DocActors) -> None:
        """In a quote, "ik"/"I" is the speaker and "u"/"you" the one spoken to, when the text says
        who spoke to whom: "''Ik wil u vragen ...'', zei Nebenzia tegen Haley". The speaker is named
        in a sentence the quote spans (before it: "zei Balkenende: ,,We ..."), else in the sentence
        right after it ("... .” Zei de minister."), else, as news writes a quote that continues what
        someone just said ("X said on Monday.\n\n“I ...”"), in the sentence right before it."""
        sents = list(doc.sents)
        speakers = [self._sentence_speaker(sent, found) for sent in sents]
        for k, sent in enumerate(sents):
            speaker, addressee = speakers[k]
            if speaker is not None:
                self._quote_pronouns(sent, found, speaker, addressee, before=speaker.tokens[0])
        for start, end in _quote_regions(doc):
            first = next(k for k, sent in enumerate(sents) if sent.start <= start < sent.end)
            last = next(k for k, sent in enumerate(sents) if sent.start <= end < sent.end)
            speaker, addressee = next((speakers[k] for k in (last, first) if speakers[k][0] is not None),
                                      (None, None))
            if speaker is None and last + 1 < len(sents) and sents[last + 1].start <= end + 2:
                speaker, addressee = speakers[last + 1]  # "... .” Zei de minister." as its own sentence
            if speaker is None and first > 0 and self._opens_sentence(sents[first], start):
                speaker, addressee = speakers[first - 1]
            if speaker is not None:
                self._quote_pronouns(doc[start : end + 1], found, speaker, addressee, before=end + 1)

    @staticmethod
    def _opens_sentence(sent: Span, start: int) -> bool:
        """A quote that begins its sentence (after its opening quote mark)."""
        return all(t.is_punct or t.is_space for t in sent.doc[sent.start : start])

    def _sentence_speaker(self, sent: Span, found: DocActors) -> tuple[Actor | None, Actor | None]:
        """Who speaks in a sentence with a speech verb (or "aldus X"), and to whom, if the sentence says."""
        lex = self.lexicon
        for verb in sent:
            if verb.lower_ in lex.attribution_words:
                # the parse hangs "aldus" on the name as its preposition: the first actor after it
                actor = next((a for t in self._clause_after(verb) if (a := found.at(t)) is not None), None)
                if actor is not None and actor.code:
                    return actor, None
                continue
            if verb.lemma_.lower() not in lex.speech_verbs:
                continue
            # after a quote the subject follows the verb ("'...', zei de bondskanselier"): where
            # the parse names no subject, the first actor after the verb that heads no phrase
            after = self._clause_after(verb)
            subj = next((c for c in verb.children if c.dep_.startswith("nsubj")), None)
            if subj is None and not set(verb.morph.get("VerbForm")) & {"Part", "Ger", "Inf"}:
                subj = _first_bare_actor(after, found)
            elif subj is None and verb.dep_ in ("advcl", "xcomp", "conj"):
                # "Lukashenko acknowledged ..., telling Berlusconi": a participle's speaker is the
                # subject of the clause it hangs on; the name after it is the one spoken to
                subj = next((c for c in verb.head.children if c.dep_.startswith("nsubj")), None)
            actor = found.at(subj) if subj is not None else None
            if actor is not None and actor.code:
                to = next((c for c in verb.children if c.dep_.startswith("obl") and self._addressed(c)), None)
                # "tegen Haley" hung elsewhere by the parser: the phrase in the words after the verb
                to = to or next((t for t in after if self._addressed(t) and found.at(t) is not None), None)
                return actor, (found.at(to) if to is not None else None)
        return None, None

    def _quote_pronouns(self, span: Span, found: DocActors, speaker: Actor, addressee: Actor | None,
                        before: int) -> None:
        lex = self.lexicon
        for token in span:
            if token.i in found.by_token or token.i >= before:
                continue
            # as written in the lexicon: "ik" and "I" alike
            words = {token.text, token.lower_}
            if words & lex.first_person_pronouns:
                found.add(self._refer(token, speaker, "coref:quote-speaker"))
            elif words & lex.second_person_pronouns and addressee is not None and addressee.code:
                found.add(self._refer(token, addressee, "coref:quote-addressee"))

    def _addressed(self, token: Token) -> bool:
        """A phrase of the one spoken to: "tegen Haley"."""
        return any(c.dep_ == "case" and c.lower_ in self.lexicon.addressee_preps for c in token.children)

    @staticmethod
    def _clause_after(verb: Token) -> list[Token]:
        """The words after a verb up to the next punctuation or verb: its clause in the text."""
        out = []
        for t in verb.doc[verb.i + 1 : verb.sent.end]:
            if t.is_punct or t.pos_ in ("VERB", "AUX", "SCONJ"):
                break
            out.append(t)
        return out

    def _possessive(self, token: Token, found: DocActors) -> None:
        """"In zijn felicitatieboodschap ... zinspeelde Poetin": a possessive refers to the subject
        of its clause when that is an actor, else to the last named person before it (a plural one,
        "hun", to the nearest group before it in its sentence)."""
        verb = token.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
            verb = verb.head
        subj = next((c for c in verb.children if c.dep_.startswith("nsubj")), None)
        if subj is None and token.i < verb.i and "Fin" in verb.morph.get("VerbForm"):
            # the possessive's phrase fills the first position ("In zijn toespraak prees Poetin ..."),
            # so the subject follows the finite verb: the first actor after it that heads no phrase
            subj = _first_bare_actor(self._clause_after(verb), found)
        antecedent = found.at(subj) if subj is not None and subj.i != token.i else None
        if antecedent is None or not antecedent.code:
            if token.lower_ in self.lexicon.plural_possessives:
                # "hun": the nearest group before it in the same sentence
                previous = [a for a in found.actors if not a.person and a.code
                            and token.sent.start <= a.tokens[0] and a.tokens[1] <= token.i]  # fmt: skip
            else:
                previous = [a for a in found.actors if a.person and a.tokens[1] <= token.i]
            antecedent = max(previous, key=lambda a: a.tokens[1]) if previous else None
        if antecedent is not None:
            found.add(self._refer(token, antecedent, "coref:possessive"))

    @staticmethod
    def _refer(token: Token, antecedent: Actor, rule: str) -> Actor:
        return Actor(
            text=token.text, start=token.idx, end=token.idx + len(token), code=antecedent.code,
            name=antecedent.name, country=antecedent.country, wikidata=antecedent.wikidata,
            rule=rule, head=token.i, tokens=(token.i, token.i + 1), person=antecedent.person,
        )

    # -- building one Actor ---------------------------------------------------------------------
    def _actor(
        self, span: Span, code: str | None, rule: str, *, head: int | None = None, person: str | None = None,
        name: str | None = None, wikidata: str | None = None, label: str | None = None,
    ) -> Actor:
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
