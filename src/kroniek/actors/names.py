"""Names from the knowledge base's gazetteer: the spans its PhraseMatcher finds (countries, their
adjectives, capitals and seats, organisations, people and their surnames) and the entry each stands
for, read off its case and context (a first name before a surname, a title before it, a capital
named as a place, a dateline); hyphen compounds ("regering-Trump", "EU-leiders", "VN-gezant"); and
how often the article names each country."""

from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher

from spacy.tokens import Doc, Span, Token

from kroniek.actors.kb import Entry
from kroniek.actors.mentions import Mentions, fold_name
from kroniek.model import Actor

# When one written form has several entries ("Belarus" the country and its people), prefer in this order.
KIND_ORDER = {k: i for i, k in enumerate(
    ("country", "igo", "seat", "group", "capital", "person", "adjective", "surname", "inhabitants")
)}


# A first name this similar (difflib's ratio) to one of a person's own is its spelling variant:
# "Alexander" for "Aleksander", "Mikhail" for "Michail"; "Mike" is not "Boris".
SPELLING_VARIANT = 0.8


DASHES = ("\u2013", "\u2011")  # en dash and non-breaking hyphen, as typesetting writes a name's hyphen


def case_fits(name: str, text: str) -> bool:
    """Names match case-insensitively, except that an abbreviation ("IS", "VS") must match exactly
    and a capitalised name must be capitalised in the text ("Blok" the minister, not "blok")."""
    letters = [c for c in name if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return text == name or text.upper() == text
    if name[:1].isupper():
        return text[:1].isupper()
    return True


class Names(Mentions):
    """Mixin of the ActorResolver (actors/resolve.py): needs `entries`, `_first_names_of` and
    `_surname_leaders` (made there) and `_role_word` (roles.py)."""

    entries: dict[str, list[Entry]]
    _first_names_of: dict[str, set[str]] | None
    _surname_leaders: dict[str, str | None]

    def _context_countries(self, doc: Doc, matches: list[tuple[int, int, int]]) -> Counter:
        """How often each country is named in the document (names, adjectives, capitals, people)."""
        counts: Counter = Counter()
        for _, s, e in matches:
            for entry in self.entries.get(doc[s:e].text.lower(), [])[:1]:
                if entry.kind == "person" and entry.person:
                    counts[self.kb.person(entry.person).country] += 1
                    continue
                code = entry.code or ""
                if entry.kind == "capital" and self._first_of_longer_name(doc, doc[s:e]):
                    continue  # "Sofia Sapega": a person, not Bulgaria
                if entry.kind in ("country", "adjective", "inhabitants", "capital", "seat") and code[:3].isalpha():
                    if not code.startswith("IGO"):
                        counts[code[:3]] += 1
        return counts

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
        if self._dateline_credit(doc, span):
            return None  # "TEHERAN (ANP) -": who filed it, no party to what it reports
        if entry.kind == "capital" and self._first_of_longer_name(doc, span):
            return None  # "zijn vriendin Sofia Sapega", "Paris Hilton": a capital's name as a first name
        if entry.kind == "capital" and self._city_as_place(doc, span):
            # "een persconferentie in Minsk", "de Litouwse hoofdstad Vilnius": the city; an
            # organisation's seat stays the organisation ("de woede in Brussel" is the EU's)
            return None
        if entry.kind == "adjective":
            # "de Litouwse leiders": the adjective gives the country, the noun the role.
            noun = head.head if head.dep_ in ("amod", "nmod", "compound") else head
            role = self._role_word(noun)
            if role is None and noun.i in range(span.start, span.end):
                # the parse gave the adjective no noun: it modifies the word after it and any other
                # adjectives, whatever their tags ("De Wit-Russische afgevaardigde/VERB verliet ...")
                after = next((t for t in doc[span.end : span.end + 3] if t.pos_ != "ADJ"), None)
                if after is not None and not after.is_punct and (found := self._role_word(after)) is not None:
                    noun, role = after, found
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
            following = doc[span.end] if span.end < len(doc) else None
            no_noun = following is None or (following.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM")
                                            and not following.is_title)
            if (self.lexicon.adjectives_name_people and not code.startswith("IGO") and span.start > 0
                    and doc[span.start - 1].pos_ in ("DET", "ADP") and no_noun):
                # a nationality adjective with no noun after it names the people ("thousands of Sudanese
                # took to the streets", "the Chinese protested"): the country's civilians
                return self._actor(span, code + "CVL", "adjective-as-people", head=noun.i)
            return self._actor(span, code, rule, head=noun.i)
        if entry.kind == "inhabitants":
            code += self.lexicon.inhabitants_role
        return self._actor(span, code, rule)

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
            if not case_fits(entry.text, token.text):
                continue
            if entry.kind == "surname":
                if same is None:
                    same = [token.doc[i] for i in self._token_index(token.doc).get(token.text, ()) if i <= token.i]
                if any(self._other_first_name(t, entry.person) for t in same):
                    continue  # "Mike Johnson" (and a later "Johnson") is not Boris Johnson
            if entry.kind == "surname" and after is not None and self._surname_follows(after):
                continue  # a first name comes before the surname: "Michel Wolter" is no Michel, nor is
                # "Omar al-Bashir" an Omar
            if entry.kind in ("surname", "person") and token.i > 0 and self._place_noun(token.doc[token.i - 1]):
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

    def _other_first_name(self, token: Token, person: str | None) -> bool:
        """A capitalised name right before a surname that is not the person's own first name."""
        if token.i == 0 or person is None:
            return False
        prev = token.doc[token.i - 1]
        if prev.pos_ != "PROPN" or not prev.text[:1].isupper() or prev.lower_ in self.roles:
            return False
        if self._in_portfolio(prev):
            return False
        first = fold_name(prev.text)
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
                            fold_name(w) for w in e.text.split()[:-1])
        own = self._first_names_of.get(person, set())
        return own | {fold_name(w) for w in self.kb.person(person).name.split()[:-1]}

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

    def _city_as_place(self, doc: Doc, span: Span) -> bool:
        """A capital or seat named as a place, not its government: right after a locative preposition
        ("in Minsk", "in Brussels": read off the words, whatever the parse), or in apposition to a noun
        for a place ("de hoofdstad Vilnius")."""
        if span.start > 0 and doc[span.start - 1].lower_ in self.lexicon.locative_preps:
            return True
        return span.start > 0 and self._place_noun(doc[span.start - 1])

    @staticmethod
    def _first_of_longer_name(doc: Doc, span: Span) -> bool:
        """The name opens a longer proper name the tagger marks as one entity, its next word
        capitalised ("Sofia Sapega")."""
        if span.end >= len(doc) or not (doc[span.end].is_title and doc[span.end].pos_ == "PROPN"):
            return False
        return any(e.start == span.start and e.end > span.end for e in doc.ents)

    def _dateline_credit(self, doc: Doc, span: Span) -> bool:
        """A name alone between brackets right after a dateline place ("TEHERAN (ANP) -")."""
        if span.start < 2 or span.end >= len(doc) or doc[span.start - 1].text != "(" or doc[span.end].text != ")":
            return False
        place = doc[span.start - 2]
        return self._dateline(doc, doc[place.i : place.i + 1])

    def _dateline(self, doc: Doc, span: Span) -> bool:
        """A place in capitals that opens a line, or follows a byline's name in capitals, and is
        followed by punctuation: a dateline."""
        text = span.text
        if not (text.isupper() and len(text) > 3) or span.end >= len(doc) or not doc[span.end].is_punct:
            return False
        # "MINSK, June 4 (Interfax) -", "(MINSK) -", "MOSCOW / BRUSSELS,": a place in capitals followed
        # by punctuation, with nothing but capitals and punctuation before it on its line ("NATO demanded")
        for i in range(span.start - 1, -1, -1):
            token = doc[i]
            if "\n" in token.text_with_ws or token.is_space:
                return True
            if token.lower_ in self.lexicon.byline_words and i < span.start - 1 and (
                    i == 0 or "\n" in doc[i - 1].text_with_ws or doc[i - 1].is_space):
                return True  # "By YURAS KARMANAU MINSK, Belarus"
            if not (token.is_punct or token.text.isupper()):
                return False
        return True

    # -- hyphen compounds -----------------------------------------------------------------------
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
