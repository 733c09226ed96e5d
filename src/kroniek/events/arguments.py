"""Argument slots: the actors that fill a pattern's source and target ("subj", "obj", "aan",
"op*", "obj.tegen", "each:tussen", ...), expanded over coordination and lists, through relative
pronouns, appositions, quantities and examples, with implicit authorities where a pattern names one."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from kroniek.actors.resolve import DocActors
from kroniek.events import clause
from kroniek.events.patterns import Pattern
from kroniek.events.reading import ClauseReading
from kroniek.model import Actor
from kroniek.places import party_city

CIVILIANS = "CVL"  # CAMEO's role code for a country's civilians


def _governed_by(token: Token, verb: Token) -> bool:
    """`verb` is among the heads above `token` with no other verb between them."""
    head, steps = token.head, 0
    while head != token and steps < 4:
        if head == verb:
            return True
        if head.pos_ in ("VERB", "AUX"):
            return False
        token, head, steps = head, head.head, steps + 1
    return False


def country_of(actor: Actor) -> str | None:
    """An actor's country code, or None for international organisations."""
    if not actor.code or actor.code.startswith("IGO"):
        return None
    return actor.country or actor.code[:3]


class Arguments(ClauseReading):
    """Mixin of the EventCoder (events/code.py): the context slots come from Discourse."""

    def _fill(self, specs: tuple[str, ...], anchor: Token, is_noun: bool, actors: DocActors,
              exclude: list[Actor], pattern_objects: frozenset[str] | None = None) -> list[Actor]:
        for spec in specs:
            found = self._slot(spec, anchor, is_noun, actors, exclude, pattern_objects)
            if found:
                return found
        return []

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
            elif (owner := self._noun_control(anchor, actors)) is not None:
                heads = [owner]
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
            if not is_noun and self._reciprocal(anchor, obj):
                # "de landen bestookten elkaar": each of the subjects towards the others
                return self._slot("subj-other", anchor, is_noun, actors, [])
            heads = [obj] if obj is not None else []
            if not heads and passive:
                # the first position holds the passive's subject whatever the parse called it ("Twee
                # Franse journalisten/obl zijn ... gearresteerd")
                heads = self._prefield(anchor, actors)
            if not heads and not is_noun and not passive:
                # no object in the parse ("gooide oppositiekandidaten in de cel")
                heads = self._actor_after(anchor, actors, adjacent=True)
            if not heads and not is_noun and not passive:
                # ... or it stands before a clause-final verb ("nadat Israël 183 gevangenen vrijliet")
                heads = self._middle_field(anchor, actors)
            if not is_noun and not passive:
                # several objects in the parse ("heeft Wit-Rusland om opheldering gevraagd"): any actor
                heads += [o for o in clause.children(anchor, ("obj",)) if o != obj]
            if obj is not None and actors.at(obj) is None and self._indirect(obj, actors) is None and (
                    self.patterns.noun_patterns(obj.lemma_.lower(), obj.lower_)):
                # an act as the object stands for those who act in it: criticising "het akkoord
                # tussen X en Y" or "de Russische aanval" is directed at them
                # its doers as the act's own source slots find them ("de aanval van Rusland op
                # Oekraïne"): whom it was done to is not whom the criticism or the praise is for
                acts = self._matches(self.patterns.noun_patterns(obj.lemma_.lower(), obj.lower_), obj, is_noun=True,
                                     actors=actors)
                doers = next((found for p in acts if (found := self._fill(p.source, obj, True, actors, exclude))), [])
                if doers:
                    return [a for a in doers if a.code]
                places = self.grammar.locative_preps | self.grammar.origin_preps  # where it happened: no party
                found = self._first_in([obj], actors, exclude, anchor, skip_preps=places)
                if found:
                    return [a for a in found if a.code]
        elif name.startswith(("each:", "obj.each:")):
            # "het overleg tussen X en Y": each party the phrase names, towards the other; on the
            # object, the parties of a relation ("de betrekkingen tussen X en Y worden hersteld")
            prep = name.split(":", 1)[1]
            host = self._object(anchor) if name.startswith("obj.") and not is_noun else anchor
            heads = [n for p, n in clause.phrases(host, self.particles) if p == prep] if host is not None else []
            if not heads and is_noun:
                heads = self._phrase_after_noun(anchor, prep)
            parties: list[Actor] = []
            for head in heads:
                for a in self._actors_at(head, actors):
                    for b in (a, *self._listed_with(anchor.doc, a, actors)):
                        if b.code and b not in parties:
                            parties.append(b)
            return parties if len(parties) > 1 else []
        elif name == "subj-other":
            # "Israël en Hamas spraken af": each party acts towards the other; for an event noun, the
            # subjects of its support verb ("het overleg dat Rusland en Oekraïne voerden")
            parties = self._carrier(anchor, actors) if is_noun else [
                a for a in self._slot("subj", anchor, is_noun, actors, []) if a.code]
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
            # "veroordeelde de Israëlische aanval": the country adjective on the object, or its possessor
            # ("called Russia's behaviour unacceptable")
            obj = self._object(anchor)
            heads = [c for c in obj.children if c.dep_ == "nmod:poss" or (
                c.dep_ in ("amod", "compound", "nmod") and clause.preposition(c) is None)] if obj is not None else []
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
            return self._one_other(anchor, actors, exclude)
        elif name == "continued":
            return self._continued(anchor, actors, exclude)
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
            found = self._first_in(heads, actors, exclude, anchor)
            if not found and name in self.grammar.locative_preps:
                # "the vigil in Riga", "de avondklok in Caïro": a city named as the place of the act
                # (no actor itself, actors/names.py) stands for the people there, its country's civilians
                cities = [c for h in heads if (c := self._city(h, actors)) is not None]
                found = [replace(c, code=f"{c.code}{CIVILIANS}", rule=f"{c.rule}+people") for c in cities
                         if f"{c.code}{CIVILIANS}" not in {a.code for a in exclude}]
            return found
        found: list[Actor] = []
        for head in heads:
            found += self._actors_at(head, actors)
        # an actor standing for the source itself ("het kabinet ... via het Nederlandse Rode Kruis")
        # leaves the slot to the next one the pattern names
        own = {a.code for a in exclude}
        return [a for a in found if a.code and a not in exclude and a.code not in own]

    def _reciprocal(self, verb: Token, obj: Token | None) -> bool:
        """The verb's object is the reciprocal pronoun ("elkaar", "each other"), as the parse has it
        or as the words right after the verb spell it, however the parse hung them."""
        if obj is not None and " ".join(t.lower_ for t in obj.subtree) in self.grammar.reciprocal_pronouns:
            return True
        after = verb.doc[verb.i + 1 : verb.sent.end]
        return any(" ".join(t.lower_ for t in after[:n]) in self.grammar.reciprocal_pronouns for n in (1, 2))

    def _subject_heads(self, anchor: Token, actors: DocActors) -> list[Token]:
        """An active verb's subject: an actor among the parsed subjects (the parser sometimes gives a
        verb two), else what the parser mistook for something else, else the first parsed subject."""
        candidates = clause.subjects(anchor)
        heads = [c for c in candidates if actors.at(c) or self._indirect(c, actors)][:1]
        if heads:
            # a clause has one subject: a later one the parse gave the verb beside it that opens
            # with a coordinating conjunction is its conjunct ("Minister X (...) en zijn ambtgenoot
            # Y hebben ... bereikt")
            return heads + [c for c in candidates if c.i > heads[0].i and self._joined(c)
                            and (actors.at(c) or self._indirect(c, actors))]
        return self._other_subject_heads(anchor, actors, candidates)

    def _other_subject_heads(self, anchor: Token, actors: DocActors, candidates: list[Token]) -> list[Token]:
        """The subject where no parsed subject is an actor."""
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
        # a finite auxiliary before the verb makes the verb the infinitive or participle, whatever its
        # tag ("zal de EU ... opleggen" with "opleggen" read as a plural present)
        auxiliary = [c for c in anchor.children if c.dep_ == "aux" and c.i < anchor.i
                     and "Fin" in c.morph.get("VerbForm")]
        if not heads and "Fin" in anchor.morph.get("VerbForm") and not auxiliary and self.grammar.verb_second:
            # after a fronted phrase the subject follows the finite verb ("Gisteren gingen 100.000
            # Wit-Russen de straat op")
            heads = self._actor_after(anchor, actors, adjacent=False)
        elif not heads:
            # ... or the finite auxiliary ("Volgens Oekraïne heeft Rusland ... gebombardeerd")
            finite = auxiliary or self._finite_in_second_place(anchor)
            heads = self._actor_after(finite[0], actors, adjacent=True) if finite else []
        return heads

    @staticmethod
    def _finite_in_second_place(verb: Token) -> list[Token]:
        """The finite auxiliary of a main clause read off the words, whatever the parse: the
        sentence's first finite verb, before this one, with no other finite verb, conjunction or
        comma between them ("In de afgelopen jaren heeft/case de VS ... aangevallen")."""
        words = list(verb.doc[verb.sent.start : verb.i])
        finite = next((t for t in words if t.pos_ in ("AUX", "VERB") and "Fin" in t.morph.get("VerbForm")), None)
        if finite is None or "Fin" in verb.morph.get("VerbForm"):
            return []
        between = verb.doc[finite.i + 1 : verb.i]
        if any(t.pos_ in ("SCONJ", "CCONJ") or t.text == "," or "Fin" in t.morph.get("VerbForm") for t in between):
            return []
        return [finite]

    @staticmethod
    def _prefield(verb: Token, actors: DocActors) -> list[Token]:
        """The actor that fills all of a main clause's first position, before its finite verb
        ("Merkel/advmod bezocht Polen", "Russische troepen/obj omsingelden Kiev"): there a main
        clause puts one phrase, mostly its subject, whatever the parser labelled it."""
        # an auxiliary is a verb: a number or noun the parser hung as one ("Duizenden/aux Fransen
        # demonstreerden") is part of the first position
        finite = min([verb, *(c for c in verb.children if c.dep_ in ("aux", "aux:pass") and c.pos_ in ("AUX", "VERB"))],
                     key=lambda t: t.i)
        if "Fin" not in finite.morph.get("VerbForm"):
            # the finite auxiliary hung on another word of the clause ("Japan had/aux(woensdag) woensdag
            # ... opgepakt"): the sentence's first finite verb, when no other verb stands between it and this one
            finite = next((t for t in verb.sent if t.pos_ in ("AUX", "VERB") and "Fin" in t.morph.get("VerbForm")),
                          verb)
            if finite.i > verb.i or "Fin" not in finite.morph.get("VerbForm") or not _governed_by(finite, verb):
                return []
        words = [t for t in verb.doc[verb.sent.start : finite.i] if not (t.is_punct or t.is_space)]
        while words and words[0].pos_ == "CCONJ":  # "En Rusland ..."
            words.pop(0)
        found = {id(a): a for t in words if (a := actors.at(t)) is not None}
        if len(found) != 1 or any(actors.at(t) is None and t.pos_ not in ("DET", "ADJ", "NUM") for t in words):
            return []
        (actor,) = found.values()
        return [verb.doc[actor.head]] if actor.code else []

    def _noun_control(self, verb: Token, actors: DocActors) -> Token | None:
        """"het besluit van Rusland om de gesprekken te staken", "Russia's decision to expel ...": the
        owner of a control noun (grammar: control_nouns) does what its infinitive says."""
        if not clause.infinitival(verb) or clause.children(verb, clause.SUBJ_DEPS):
            return None
        noun = verb.head
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in self.grammar.control_nouns:
            # the parser often hangs the infinitive on the main verb: the noun phrase right before
            # its first word is the noun's all the same ("het besluit van Rusland | om ... te staken")
            start = verb.left_edge.i
            before = [t for t in verb.doc[verb.sent.start : start] if t.pos_ == "NOUN"
                      and t.lemma_.lower() in self.grammar.control_nouns and t.right_edge.i == start - 1]
            if not before:
                return None
            noun = before[-1]
        for child in noun.children:
            owner = child.dep_ in ("nmod:poss", "amod") or (
                child.dep_ == "nmod" and clause.preposition(child) in self.grammar.part_preps)
            if owner and child.i < verb.i and (actors.at(child) is not None or self._indirect(child, actors)):
                return child
        return None

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
            if t.i > token.i and not self._joined(t):
                # no conjunction or comma before it: no conjunct, whatever the parse ("nadat Israël 183
                # Palestijnse gevangenen/conj vrijliet": the prisoners are the object)
                continue
            if out and t.i > token.i and any(
                    c.dep_ in ("amod", "det") and c.lower_ in self.grammar.rest_markers for c in t.children):
                # "A en andere B": A is one of the B, the rest unnamed; the named ones are the actors
                # ("Polen en andere buurlanden" is Poland), as with "B zoals A"
                continue
            # the actor, or each of those a mention stands for ("de twee landen")
            members = actors.group(t) or [a for a in (self._indirect(t, actors),) if a is not None]
            out += [a for a in members if a not in out]
            if t == token and not members:
                out += self._examples(t, actors)
        return out

    def _middle_field(self, verb: Token, actors: DocActors) -> list[Token]:
        """The object of a verb that ends its clause, read off the words as Dutch word order puts it:
        the last actor between the verb's subject and the verb, in no phrase of a preposition."""
        doc = verb.doc
        after = doc[verb.i + 1] if verb.i + 1 < verb.sent.end else None
        if after is not None and not (after.is_punct or after.pos_ in ("CCONJ", "SCONJ")):
            return []
        subject = next((s for s in clause.subjects(verb) if s.i < verb.i), None)
        if subject is None:
            return []
        # the subject's own words (what the parse coordinated with it may be the object itself)
        start = own.tokens[1] if (own := actors.at(subject)) is not None else subject.i + 1
        for t in reversed(doc[start : verb.i]):
            if t.pos_ in ("VERB", "AUX") and actors.at(t) is None and t.dep_ not in ("aux", "aux:pass"):
                return []  # another verb between: not this verb's middle field
            actor = actors.at(t)
            if actor is not None and actor.code and t.i == actor.head and clause.preposition(t) is None \
                    and not any(a.pos_ == "ADP" for a in doc[start : actor.tokens[0]][-1:]):
                return [t]
        return []

    @staticmethod
    def _joined(conjunct: Token) -> bool:
        """A later conjunct stands after a coordinating conjunction or a comma (its own or before it)."""
        first = conjunct.left_edge
        before = conjunct.doc[first.i - 1] if first.i > 0 else None
        marks = (",", ";", "/", "&")
        return first.pos_ == "CCONJ" or first.text in marks or any(c.dep_ == "cc" for c in conjunct.children) or (
            before is not None and (before.pos_ == "CCONJ" or before.text in marks))

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
        if token.pos_ in ("NOUN", "PROPN") and actors.at(token) is None and token.dep_ != "nsubj" and not any(
                c.dep_ == "cop" for c in token.children):
            # a thing or body of a country that is no actor of its own stands for that country where
            # it is acted on or acts in a passive ("door de Chinese kustwacht", "de Filipijnse boten",
            # "sancties tegen de Russische economie"); not as an active subject, where a predicate
            # ("het is een Russische bondgenoot") or a misparse would make it the actor
            for child in token.children:
                if child.dep_ == "amod" and (a := actors.at(child)) is not None and a.rule == "gazetteer:adjective":
                    return a
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

    @staticmethod
    def _listed_with(doc: Doc, actor: Actor, actors: DocActors) -> list[Actor]:
        """Actors written in one list with `actor` ("Mozambique, Zimbabwe en Malawi"), read from the
        text where the parse does not coordinate them."""
        out: list[Actor] = []
        i = actor.tokens[1]
        while i + 1 < len(doc) and (doc[i].text == "," or doc[i].pos_ == "CCONJ"):
            j = i + 1
            while j < len(doc) - 1 and doc[j].pos_ == "DET":  # "X en de Europese Unie"
                j += 1
            nxt = actors.at(doc[j])
            if nxt is None or not nxt.code or nxt.tokens[0] > j or nxt.tokens[0] < i + 1:
                break
            out.append(nxt)
            i = nxt.tokens[1]
        i = actor.tokens[0] - 1
        while i >= 0 and doc[i].pos_ == "DET":  # "de Verenigde Staten en X"
            i -= 1
        while i - 1 >= 0 and (doc[i].text == "," or doc[i].pos_ == "CCONJ"):
            prev = actors.at(doc[i - 1])
            if prev is None or not prev.code or prev.tokens[1] != i:
                break
            out.append(prev)
            i = prev.tokens[0] - 1
            while i >= 0 and doc[i].pos_ == "DET":
                i -= 1
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

    def _about_a_thing(self, anchor: Token, is_noun: bool, pattern: Pattern) -> bool:
        """Whether the act's object is a thing, not people ("hield de hand vast"): a noun the
        people test (_about_people) does not take for people. A pattern with an object condition
        ("declare martial law") names its object itself, and its implicit side was written for it."""
        if pattern.obj:
            return False
        patient = None if is_noun else self._object(anchor)
        return patient is not None and patient.pos_ == "NOUN" and not self._about_people(anchor, is_noun, pattern)

    def _patient_country(self, anchor: Token, is_noun: bool, actors: DocActors) -> str | None:
        """The country a country adjective on the act's patient names ("twee Franse toeristen")."""
        if is_noun:
            return None
        # the object, or in a passive whose subject the parse gave another label, the clause's bare
        # noun phrase (one with no preposition of its own)
        patient = self._object(anchor) or next(
            (c for c in anchor.children if c.pos_ == "NOUN" and c.dep_ in ("obl", "nsubj", "nsubj:pass", "obj")
             and not any(g.dep_ == "case" for g in c.children)), None)
        if patient is None:
            return None
        for child in patient.children:
            actor = actors.at(child) if child.dep_ == "amod" else None
            if actor is not None and actor.code and len(actor.code) == 3 and not actor.code.startswith("IGO") \
                    and not actor.code.startswith("-"):
                return actor.code
        return None

    @staticmethod
    def _implicit(country: str | None, role: str, anchor: Token) -> Actor:
        """An actor the text leaves implicit: the police of the country where people were arrested."""
        code = country + role if country else None
        return Actor(text="", start=anchor.idx, end=anchor.idx, code=code, name=None, country=country,
                     rule="implicit", head=anchor.i, tokens=(anchor.i, anchor.i))
