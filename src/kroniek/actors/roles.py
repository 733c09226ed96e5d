"""Role nouns and their country. A role word ("leiders", "politie", with its plural), a Dutch
compound ("defensieminister", "regeringsmedewerkers", "oud-premier") or a role phrase of several
words ("the foreign secretary") is an actor when the text gives it a country: its own modifiers ("de
Litouwse leiders", "de regering van Rusland"), the office holder named before it, a place in its own
phrase or clause, the authority acting on the people it names, the one country of its sentence's
places, or else the article's (a domestic story, a home-bound institution); with no such evidence its
country is unknown (UNKNOWN_COUNTRY)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kroniek.actors.mentions import UNKNOWN_COUNTRY, DocActors, Mentions, domestic_country
from kroniek.model import Actor
from kroniek.places import PARTY_POPULATION, entity_at, gazetteer, party_city
from kroniek.syntax import bare_complement

_NOMINAL_DEPS = ("nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:arg", "nmod", "appos", "conj")


_CORE_DEPS = ("nsubj", "nsubj:pass", "obj", "iobj")
_NAME_DEPS = ("appos", "flat", "flat:name", "compound")


def _with_role(owner: str, role: str) -> str:
    """The code of a role of `owner`: a country's code gains the role ("BLR" + "GOV"); an organisation
    or named group is its people ("EU officials": IGOEUREEC, as CAMEO codes them; see _owner_code)."""
    return owner if len(owner) > 3 else owner + role


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


class Roles(Mentions):
    """Mixin of the ActorResolver (actors/resolve.py): needs `role_matcher` and `_role_cache` (made
    there)."""

    role_matcher: PhraseMatcher
    _role_cache: dict[str, str | None]

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
                found.add(self._actor(span, _with_role(country, role), rule.replace("role", "role-phrase", 1)))

    def _role_noun(self, token: Token, found: DocActors, countries: Counter) -> Actor | None:
        # a noun, or a word the tagger mislabelled that the parse still uses as a noun phrase, or as
        # a verb's bare complement or adverb ("gooide journalisten/VERB in de cel": the role lexicon,
        # not the tag, decides)
        if token.pos_ not in ("NOUN", "PROPN") and not (
            token.pos_ in ("ADJ", "VERB", "X") and token.dep_ in _NOMINAL_DEPS
        ) and not bare_complement(token, ("xcomp", "ccomp", "advmod")):
            return None
        role = self._role_word(token)
        if role is None and not self._is_person_head(token.lower_):
            return None
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
        return self._actor(token.doc[token.i : token.i + 1], _with_role(country, role), rule)

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

    # -- the country of a role noun ----------------------------------------------------------------
    def _country_of(self, token: Token, found: DocActors, countries: Counter,
                    phrase: Span | None = None, role: str | None = None) -> tuple[str | None, str]:
        """The country a role noun belongs to: its own modifiers first, then the article's."""
        # of a phrase ("opposition leader"), the modifiers of any of its words ("Belarus/compound
        # opposition leader")
        words = list(phrase) if phrase is not None else [token]
        modifiers = [c for w in words for c in w.children if phrase is None or not phrase.start <= c.i < phrase.end]
        for child in modifiers:
            actor = found.at(child)
            if actor is None or not actor.code:
                continue
            if child.dep_ in ("amod", "nmod:poss", "compound") or (
                child.dep_ == "nmod" and any(c.lower_ in self.lexicon.of_preps for c in child.children)
            ):
                # people of an organisation or a named group are that organisation or group ("EU
                # officials", "een delegatie van Hamas"), as CAMEO codes them
                return self._owner_code(actor), "role+modifier"
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
                    return self._owner_code(actor), "role+following-phrase"
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
        home_word = (phrase.text.lower() if phrase is not None else token.lower_) in self.lexicon.home_bound_words
        if countries and (role in self.lexicon.home_bound_roles or home_word):
            return countries.most_common(1)[0][0], "role+article-country"
        return UNKNOWN_COUNTRY, "role+no-country-evidence"

    @staticmethod
    def _owner_code(actor: Actor) -> str:
        """What a role of `actor` takes from it: people of an organisation or a named group are that
        organisation or group ("EU officials", "een delegatie van Hamas"), as CAMEO codes them; of a
        country or a country's body, the country."""
        group = actor.rule.startswith("gazetteer:group") and len(actor.code) > 3
        return actor.code if actor.code.startswith("IGO") or group else actor.code[:3]

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

    def _own_place(self, token: Token, found: DocActors) -> str | None:
        """The country of a place named in a locative phrase inside the role noun's own phrase (its
        relative clause included): "demonstrators camping in a square in Minsk"."""
        return next(self._places((t for t in token.subtree if t != token), found), None)

    def _clause_place(self, token: Token, found: DocActors) -> str | None:
        """The country of the place the role noun's clause names ("detained protesters in Minsk"):
        a country or capital the knowledge base knows, or a city the gazetteer does."""
        verb = _clause_verb(token)
        if verb is None:
            return None
        # the phrase may hang on the object ("detained [protesters in Minsk]")
        phrases = [*verb.children, *(g for c in verb.children if c.dep_ in ("obj", "obl") for g in c.children)]
        return next(self._places(phrases, found), None)

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
