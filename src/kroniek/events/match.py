"""Matching: which pattern fires on a word. A verb is tried by every infinitive its form may have
(particle joined), an event noun by its lemma, form or compound head; the most specific pattern
whose conditions the clause meets (object words, phrases, content, blocking words) wins."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kroniek.actors.resolve import DocActors
from kroniek.events import clause
from kroniek.events.patterns import Grammar, Pattern, PatternSet
from kroniek.events.reading import NOMINAL_DEPS, ClauseReading

# Clause heads the tagger sometimes mislabels ("vrijliet" as an adverb) are still tried as verbs.
_CLAUSE_DEPS = ("ROOT", "root", "conj", "xcomp", "ccomp", "advcl", "acl", "acl:relcl", "parataxis")


def verb_like(token: Token) -> bool:
    if token.pos_ in ("VERB", "AUX") or (token.pos_ in ("ADV", "ADJ", "X") and token.dep_ in _CLAUSE_DEPS):
        return True
    # a predicate with its own copula heads a clause whatever its label ("zegt bereid/advmod te zijn")
    if token.pos_ == "ADJ" and any(c.dep_ == "cop" for c in token.children):
        return True
    # a word with an auxiliary, or with a subject and no copula, is a verb whatever its tag ("Ik wil u
    # vragen", "Sinds maandag hameren buurlanden ..." with "vragen" and "hameren" tagged as nouns)
    # a lowercase word tagged as a name is none: names are capitalised
    if token.pos_ not in ("NOUN", "ADJ", "ADV", "X") and not (token.pos_ == "PROPN" and token.is_lower):
        return False
    deps = {c.dep_ for c in token.children}
    subject_no_copula = "nsubj" in deps and "cop" not in deps
    return bool(deps & {"aux", "aux:pass"}) or (token.dep_ in ("ROOT", "root") and subject_no_copula)



def verb_bases(by_verb: dict[str, tuple[Pattern, ...]], grammar: Grammar) -> frozenset[str] | None:
    """The patterns' verbs and what is left of each without a separable particle ("oproepen" ->
    "roepen", "call off" -> "call"): a verb form none of whose infinitives is here matches no
    pattern, whatever particle the sentence gives it. None where any word may be a particle."""
    known = clause.known_particles(grammar)
    if grammar.particle_position == "prefix" and known is None:
        return None
    bases = set(by_verb)
    for verb in by_verb:
        if grammar.particle_position == "prefix":
            bases |= {verb[len(p) :] for p in known if verb.startswith(p)}
        elif " " in verb:
            bases.add(verb.rsplit(" ", 1)[0])
    return frozenset(bases)



class Matching(ClauseReading):
    """Mixin of the EventCoder (events/code.py): needs `patterns` and `verb_bases`."""

    patterns: PatternSet
    verb_bases: frozenset[str] | None
    _sentence_span: Span | None = None  # the sentence being coded

    def _verb_patterns(self, token: Token) -> tuple[Pattern, ...]:
        """Patterns for any infinitive the verb form may have, with its separable particle joined."""
        if self.verb_bases is not None and not self._full_lemmas(token, joined=False) & self.verb_bases:
            return ()  # no pattern's verb, with or without a particle: spare looking for one
        found: dict[str, Pattern] = {}
        for lemma in self._full_lemmas(token):
            for pattern in self.patterns.by_verb.get(lemma, ()):
                found[pattern.id] = pattern
        if not found and clause.particle(token, self.grammar):
            # the "particle" may be a preposition the parser misread ("veroordeelde Belarus om het
            # geweld"): with no verb known under the joined form, try the verb alone
            for base in self._full_lemmas(token, joined=False):
                for pattern in self.patterns.by_verb.get(base, ()):
                    found[pattern.id] = pattern
        # the most specific first; among equals the order of the files, whatever order the verb's
        # possible infinitives came in (a set)
        return tuple(sorted(found.values(), key=lambda p: (-p.specificity, self.patterns.order[p.id])))

    def _first_match(self, candidates: tuple[Pattern, ...], token: Token, is_noun: bool,
                     actors: DocActors | None = None) -> Pattern | None:
        for pattern in candidates:
            if self._conditions(pattern, token, is_noun, actors):
                return pattern
        return None

    def _matches(self, candidates: tuple[Pattern, ...], token: Token, is_noun: bool,
                 actors: DocActors | None = None) -> list[Pattern]:
        """The patterns whose conditions the clause meets, the most specific first: where the first
        finds no side, the next reading of the word may ("pleitte bij Duitsland voor meer steun": no
        party to rally support for, so an appeal to Germany)."""
        found: list[Pattern] = []
        for pattern in candidates:
            if self._conditions(pattern, token, is_noun, actors):
                found.append(pattern)
        return found

    def _conditions(self, pattern: Pattern, anchor: Token, is_noun: bool, actors: DocActors | None = None) -> bool:
        """Whether the anchor's clause has what the pattern requires (object words, phrases). What
        the clause holds is read once per anchor (_object_word_levels, _phrase_heads); each pattern
        only looks its words up in it; first in the words of the whole sentence, which hold them all."""
        words = self._sentence_words(anchor)
        if pattern.obj is not None and not pattern.obj & words:
            return False
        if any(prep not in words or (nouns and not nouns & words) for prep, nouns in pattern.prep.items()):
            return False
        if pattern.obj is not None and not any(
                level & pattern.obj for level in self._object_word_levels(anchor, is_noun)):
            return False
        if pattern.unless_obj and self._clause_words(anchor, is_noun) & pattern.unless_obj:
            return False
        if pattern.content and not is_noun:
            # speech coded by what was said: "zeggen dat er is gefraudeerd" is an accusation
            if not self._memoized("said", anchor, self._said_words) & pattern.content:
                return False
        for prep, nouns in pattern.prep.items():
            own, anywhere, after = self._phrase_heads(anchor, is_noun, actors)
            heads = own.get(prep, [])
            if nouns and not is_noun:
                # with the nouns given, the phrase may hang anywhere in the clause ("veroordeelde haar
                # tot negen jaar cel" with "tot negen jaar" under "cel")
                heads = heads + anywhere.get(prep, [])
            if not is_noun and not heads and (nouns or not clause.children(anchor, ("obj",))):
                # or right after the verb in the text, hung elsewhere ("gooide X in de cel"); a phrase
                # with any noun only when the verb has no object it could belong to ("called it a
                # day for ...")
                heads = after.get(prep, [])
            # the nouns may stand anywhere in the phrase: "met het herinvoeren van sancties"
            if not heads or (nouns and not any(self._subtree_words(h) & nouns for h in heads)):
                return False
        return True

    def _sentence_words(self, anchor: Token) -> frozenset[str]:
        """The lemmas and forms of the anchor's sentence (of the sentence being coded, else read)."""
        span = self._sentence_span
        if span is None or not span.start <= anchor.i < span.end or span.doc is not anchor.doc:
            span = anchor.sent
        return self._memoized("sentence words", span[0], lambda first: frozenset(
            w for t in span for w in self._forms(t)))

    def _forms(self, token: Token) -> tuple[str, ...]:
        """A word's lemma and form; for a compound written with a hyphen where compounds are written
        as one word, also its last part, which heads it ("Leopard 2-tanks" are tanks, "F-16-toestellen"
        are toestellen)."""
        forms = (token.lemma_.lower(), token.lower_)
        if self.grammar.compound_head_min and "-" in token.lower_.strip("-"):
            last = token.lower_.rsplit("-", 1)[1]
            if len(last) >= self.grammar.compound_head_min:
                return (*forms, last)
        return forms

    @staticmethod
    def _said_words(anchor: Token) -> frozenset[str]:
        said = clause.complements(anchor, ("ccomp", "xcomp", "parataxis", "advcl"))
        return frozenset(w for c in said for t in c.subtree for w in (t.lemma_.lower(), t.lower_))

    def _subtree_words(self, head: Token) -> frozenset[str]:
        return self._memoized("subtree", head, lambda h: frozenset(
            w for t in h.subtree for w in (t.lemma_.lower(), t.lower_)))

    def _phrase_heads(self, anchor: Token, is_noun: bool, actors: DocActors | None) -> tuple[dict, dict, dict]:
        """The heads of the anchor's (and its object's) prepositional phrases by preposition, those of
        any phrase of its clause, and those of the phrases right after it in the text."""

        def read(a: Token) -> tuple[dict, dict, dict]:
            own: dict[str, list[Token]] = {}
            obj = self._object(a)
            for head in (a, obj) if obj is not None else (a,):
                for p, n in clause.phrases(head, self.particles):
                    own.setdefault(p, []).append(n)
            anywhere: dict[str, list[Token]] = {}
            after: dict[str, list[Token]] = {}
            if not is_noun:
                for t in clause.clause_tokens(a):
                    if (p := clause.preposition(t, self.particles)) is not None:
                        anywhere.setdefault(p, []).append(t)
                for t in self._phrases_after(a, actors):
                    after.setdefault(clause.preposition(t, self.particles), []).append(t)
            return own, anywhere, after

        return self._memoized(("phrases", is_noun), anchor, read)

    def _object_word_levels(self, anchor: Token, is_noun: bool) -> tuple[frozenset[str], ...]:
        """The words an object condition is looked up in, in order: the object's lemmas and forms;
        failing those (the parse gave no object with the word), the clause's bare noun phrases (not
        the subject, not inside a phrase); failing those, for an infinitive, the words between its
        clause's start and it."""
        return self._memoized(("object words", is_noun), anchor, lambda a: self._read_object_words(a, is_noun))

    def _read_object_words(self, anchor: Token, is_noun: bool) -> tuple[frozenset[str], ...]:
        objects = [self._object(anchor), *(clause.children(anchor, ("obj",)) if not is_noun else [])]
        levels = [frozenset(w for o in objects if o is not None for w in self._forms(o))]
        if is_noun:
            return tuple(levels)
        subj = self._subject(anchor)
        levels.append(frozenset(
            w for t in clause.clause_tokens(anchor)
            if t != subj and t != anchor and t.pos_ not in ("ADP", "DET", "PUNCT") and clause.preposition(t) is None
            for w in self._forms(t)))
        if anchor.dep_ in ("xcomp", "advcl", "ccomp"):
            # an infinitive's object, hung by the parser on the verb above: "spraken af om de
            # vijandelijkheden ... te staken" -- the words between the clause's start and the verb
            # (the verb above ends them; a word tagged as a verb that the parse uses as a noun does not)
            before: set[str] = set()
            for t in reversed(anchor.doc[anchor.sent.start : anchor.i]):
                if t.is_punct or (t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "aux:pass", *NOMINAL_DEPS)
                                  and not clause.misread_noun(t, self.grammar)):
                    break
                before |= {t.lemma_.lower(), t.lower_}
            levels.append(frozenset(before))
        return tuple(levels)

    def _clause_words(self, anchor: Token, is_noun: bool) -> frozenset[str]:
        """Every word of the clause but its subject: a blocking word counts anywhere, as parsers often
        miss the object."""
        return self._memoized(("clause words", is_noun), anchor, lambda a: self._read_clause_words(a, is_noun))

    def _read_clause_words(self, anchor: Token, is_noun: bool) -> frozenset[str]:
        if is_noun:
            return frozenset(w for t in anchor.subtree for w in (t.lemma_.lower(), t.lower_))
        subj = self._subject(anchor)
        return frozenset(w for t in clause.clause_tokens(anchor) if t != subj for w in (t.lemma_.lower(), t.lower_))
