"""Titles and the names the knowledge base does not know: a title before a name joins it ("premier
Orban", "minister van Buitenlandse Zaken Blok"), a ministry after a role word is part of the role
(its portfolio), a named entity stays an actor with its NER type (with the title before it, or the
country of a domestic story), and someone "former" in an office is the country's elite."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from kroniek.actors.mentions import UNKNOWN_COUNTRY, DocActors, Mentions, domestic_country
from kroniek.events.when import DateWords
from kroniek.model import Actor


class Titles(Mentions):
    """Mixin of the ActorResolver (actors/resolve.py): needs `_role_word` (roles.py), `entries`
    (names.py) and `_earlier_bearer` (coref.py)."""

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
            if self._time_word(ent.text):
                continue  # "Maandagavond hadden de leiders ...": a time the tagger took for a name
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

    def _time_word(self, text: str) -> bool:
        """A weekday or month of the date words (events/data/dates.LANG.yaml), alone or compounded with
        a part of the day ("maandagavond"); not one the knowledge base has as a name ("May")."""
        word = text.lower()
        if any(e.kind in ("person", "surname") for e in self.entries.get(word, [])):
            return False
        words = DateWords.load(self.lang)
        return any(word == t or (word.startswith(t) and word[len(t):] in self.lexicon.day_parts)
                   for t in (*words.weekdays, *words.months))

    def _names_place(self, ent: Span) -> bool:
        """"de Oekraïense grensstad X": a name in apposition to a noun for a place (lexicon: place_nouns,
        also as a compound's last part, "havenstad") is a place's, whatever its NER label."""
        root, noun = ent.root, ent.root.head
        return root.dep_ in ("appos", "flat", "flat:name", "nmod") and noun.i < ent.start and self._place_noun(noun)

    def _title_before_portfolio(self, doc: Doc, found: DocActors, ent: Span) -> Actor | None:
        """The role word before a portfolio and an unknown name ("Commissioner for Trade Cecilia
        Malmström", "minister voor Ontwikkelingssamenwerking Liesje Schreinemacher"; the NER may take
        the portfolio's last word into the name), or None."""
        i = ent.start - 1  # back over the portfolio's capitalised words to its preposition
        while i > 0 and doc[i].text[:1].isupper() and doc[i].lower_ not in self.lexicon.portfolio_preps:
            i -= 1
        if i < 1 or doc[i].lower_ not in self.lexicon.portfolio_preps or ent.start - i > 5:
            return None
        role = found.at(doc[i - 1])
        return role if _bare_role(role) and self._role_word(doc[role.head]) is not None else None

    def _portfolio(self, doc: Doc, found: DocActors, ent: Span) -> bool:
        """ "de minister van Buitenlandse Zaken": the ministry after a role word is part of the role."""
        if ent.label_ not in ("ORG", "MISC") or ent.start < 2 or (
                doc[ent.start - 1].lower_ not in self.lexicon.portfolio_preps):
            return False
        role = found.at(doc[ent.start - 2])
        # a role word, with or without its country adjective ("de Duitse minister van Buitenlandse Zaken")
        if not _bare_role(role):
            return False
        found.by_token.update({i: role for i in range(role.tokens[1], ent.end)})
        role.tokens = (role.tokens[0], ent.end)
        role.end = ent.end_char
        role.text = doc.text[role.start : role.end]
        return True

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


def _bare_role(actor: Actor | None) -> bool:
    """A role word resolved to a code, with or without its country adjective, and no person's name."""
    return actor is not None and actor.person is None and bool(actor.code) and (
        actor.rule.startswith("role") or actor.rule.endswith("+role"))
