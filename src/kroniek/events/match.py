"""Matching: which pattern fires on a word. A verb is tried by every infinitive its form may have
(particle joined), an event noun by its lemma, form or compound head; the most specific pattern
whose conditions the clause meets (object words, phrases, content, blocking words) wins."""

from __future__ import annotations

from spacy.tokens import Token

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
        return tuple(sorted(found.values(), key=lambda p: -p.specificity))

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
        """Whether the anchor's clause has what the pattern requires (object words, phrases)."""
        if pattern.obj is not None and not self._object_words(anchor, is_noun, pattern.obj) & pattern.obj:
            return False
        if pattern.unless_obj and self._clause_words(anchor, is_noun) & pattern.unless_obj:
            return False
        if pattern.content and not is_noun:
            # speech coded by what was said: "zeggen dat er is gefraudeerd" is an accusation
            said = clause.complements(anchor, ("ccomp", "xcomp", "parataxis", "advcl"))
            if not {w for c in said for t in c.subtree for w in (t.lemma_.lower(), t.lower_)} & pattern.content:
                return False
        obj = self._object(anchor) if pattern.prep else None
        for prep, nouns in pattern.prep.items():
            heads = [n for p, n in clause.phrases(anchor, self.particles) if p == prep]
            if obj is not None:
                heads += [n for p, n in clause.phrases(obj, self.particles) if p == prep]
            if nouns and not is_noun:
                # with the nouns given, the phrase may hang anywhere in the clause ("veroordeelde haar
                # tot negen jaar cel" with "tot negen jaar" under "cel")
                heads += [t for t in clause.clause_tokens(anchor) if clause.preposition(t, self.particles) == prep]
            if not is_noun and not heads and (nouns or not clause.children(anchor, ("obj",))):
                # or right after the verb in the text, hung elsewhere ("gooide X in de cel"); a phrase
                # with any noun only when the verb has no object it could belong to ("called it a
                # day for ...")
                heads += self._phrases_after(anchor, actors, prep)
            # the nouns may stand anywhere in the phrase: "met het herinvoeren van sancties"
            if not heads or (nouns and not any(
                t.lemma_.lower() in nouns or t.lower_ in nouns for h in heads for t in h.subtree
            )):
                return False
        return True

    def _object_words(self, anchor: Token, is_noun: bool, wanted: frozenset[str]) -> set[str]:
        """Lemmas and forms of the object; when the parse gives no object with a wanted word, also
        those of the clause's bare noun phrases (not the subject, not inside a phrase)."""
        objects = [self._object(anchor), *(clause.children(anchor, ("obj",)) if not is_noun else [])]
        words = {w for o in objects if o is not None for w in (o.lemma_.lower(), o.lower_)}
        if not is_noun and not words & wanted:
            subj = self._subject(anchor)
            words |= {
                w for t in clause.clause_tokens(anchor)
                if t != subj and t != anchor and t.pos_ not in ("ADP", "DET", "PUNCT") and clause.preposition(t) is None
                for w in (t.lemma_.lower(), t.lower_)
            }
        if not is_noun and not words & wanted and anchor.dep_ in ("xcomp", "advcl", "ccomp"):
            # an infinitive's object, hung by the parser on the verb above: "spraken af om de
            # vijandelijkheden ... te staken" -- the words between the clause's start and the verb
            # (the verb above ends them; a word tagged as a verb that the parse uses as a noun does not)
            for t in reversed(anchor.doc[anchor.sent.start : anchor.i]):
                if t.is_punct or (t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "aux:pass", *NOMINAL_DEPS)
                                  and not clause.misread_noun(t, self.grammar)):
                    break
                words |= {t.lemma_.lower(), t.lower_}
        return words

    def _clause_words(self, anchor: Token, is_noun: bool) -> set[str]:
        """Every word of the clause but its subject: a blocking word counts anywhere, as parsers often
        miss the object."""
        if is_noun:
            return {w for t in anchor.subtree for w in (t.lemma_.lower(), t.lower_)}
        subj = self._subject(anchor)
        return {w for t in clause.clause_tokens(anchor) if t != subj for w in (t.lemma_.lower(), t.lower_)}
