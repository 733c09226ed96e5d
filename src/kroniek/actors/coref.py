"""Within-document coreference: the last name of a person named before ("Phuc" after "premier Nguyen
Xuan Phuc"), personal pronouns by agreement and prominence, a demonstrative opening a sentence, "het"
for the state or organisation of the clause above, possessives ("zijn", "hun"), and nouns that refer
back to countries ("het land", "de twee landen") and organisations ("the bloc")."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from kroniek.actors.mentions import DocActors, Mentions, first_bare_actor, fold_name
from kroniek.model import Actor


def _is_subject(token: Token) -> bool:
    """A subject, or a name part or apposition of one: "De/nsubj Verenigde/flat Staten" with the
    name hung on its article by the parser."""
    return token.dep_.startswith("nsubj") or (
        token.dep_ in ("flat", "flat:name", "appos") and token.head.dep_.startswith("nsubj"))


class Coreference(Mentions):
    """Mixin of the ActorResolver (actors/resolve.py)."""

    def _repeated_names(self, doc: Doc, found: DocActors) -> None:
        """The last name of an unknown person found earlier refers to that person when it recurs
        ("premier Nguyen Xuan Phuc" ... "Phuc ontmoet"), even where NER missed it."""
        # the last word of each multi-word actor name, folded, read once
        lasts = {fold_name(words[-1]) for a in found.actors if len(words := (a.name or "").split()) >= 2}
        for token in doc:
            if token.i in found.by_token or not token.text[:1].isupper() or fold_name(token.text) not in lasts:
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
                    and fold_name(words[-1]) == fold_name(last)):
                return actor
        return None

    # -- pronouns -------------------------------------------------------------------------------
    def _pronouns(self, doc: Doc, found: DocActors) -> None:
        """Personal pronouns refer back by agreement and prominence: a third-person singular one
        (subject, object or in a phrase: "volgens hem") to one person, a plural subject ("Zij
        stelden ... in") to the last subject actor of an earlier sentence, a plural object ("hen",
        "them") to the last plural noun before it, a demonstrative subject ("Die zei ...") to the
        most recent agreeing noun of the sentence before."""
        lex = self.lexicon
        sents = list(doc.sents)
        pronouns = lex.plural_object_pronouns | lex.plural_pronouns | lex.person_pronouns
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
            if token.lower_ not in pronouns or not (token.dep_.startswith("nsubj") or token.dep_ in (
                    "obj", "iobj", "nmod:poss") or self._in_phrase(token)):
                continue
            if token.lower_ in lex.plural_object_pronouns and not token.dep_.startswith("nsubj"):
                antecedent = self._last_plural_noun(token, found, sents)
            elif token.lower_ in lex.plural_pronouns and self._plural_verb(token):
                if not token.dep_.startswith("nsubj"):
                    continue
                sent_start = token.sent.start
                previous = [
                    a for a in found.actors
                    if a.code and a.tokens[1] <= sent_start and _is_subject(token.doc[a.head])
                    and self._several(a, found, doc)
                ]
                others = self._co_arguments(token)
                previous = [a for a in previous if not any(a.tokens[0] <= i < a.tokens[1] for i in others)]
                antecedent = max(previous, key=lambda a: a.tokens[1]) if previous else None
                if self._thing_subject_before(token, found, sents):
                    # "De reisban treft tientallen functionarissen. Zij worden ...": after a sentence
                    # about a thing, the pronoun takes up the people that sentence named
                    here = next(k for k, s in enumerate(sents) if s.start <= token.i < s.end)
                    latest = self._last_plural_noun(token, found, sents)
                    if latest is not None and latest.tokens[0] >= sents[here - 1].start:
                        antecedent = latest
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

    @staticmethod
    def _thing_subject_before(token: Token, found: DocActors, sents: list[Span]) -> bool:
        """The sentence before the pronoun's has a subject noun that is no actor (a thing)."""
        here = next(k for k, s in enumerate(sents) if s.start <= token.i < s.end)
        if here == 0:
            return False
        root = sents[here - 1].root
        subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass")]
        # the one before the verb where the parse gives two ("Het besluit trof vooral diplomaten/nsubj")
        subjects = [c for c in subjects if c.i < root.i][:1] or subjects
        return bool(subjects) and all(s.pos_ == "NOUN" and (found.at(s) is None or not found.at(s).code)
                                      for s in subjects)

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
            subj = first_bare_actor(self._clause_after(verb), found)
        antecedent = found.at(subj) if subj is not None and subj.i != token.i else None
        if antecedent is None or not antecedent.code:
            if token.lower_ in self.lexicon.plural_possessives:
                # "hun": the nearest group before it in the same sentence
                sent_start = token.sent.start
                previous = [a for a in found.actors if not a.person and a.code
                            and sent_start <= a.tokens[0] and a.tokens[1] <= token.i]  # fmt: skip
            else:
                previous = [a for a in found.actors if a.person and a.tokens[1] <= token.i]
            antecedent = max(previous, key=lambda a: a.tokens[1]) if previous else None
        if antecedent is not None:
            found.add(self._refer(token, antecedent, "coref:possessive"))

    # -- nouns that refer back: "het land", "the bloc" ----------------------------------------------
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

    def _organisation_anaphors(self, doc: Doc, found: DocActors) -> None:
        """"the bloc", "het bondgenootschap" with nothing of their own saying which (lexicon:
        organisation_anaphors): the organisation of states named last before it, up to three
        sentences back."""
        lex = self.lexicon
        index = self._token_index(doc)
        where = sorted(i for word in lex.organisation_anaphors for form in (word, word.capitalize())
                       for i in index.get(form, ()))
        if not where:
            return
        sents = list(doc.sents)
        for token in (doc[i] for i in where):
            if self._anaphor_determiners(token) is None:
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
