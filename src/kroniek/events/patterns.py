"""Event patterns (events/data/patterns.LANG.yaml) and the language's grammar words
(events/data/grammar.LANG.yaml), loaded into plain dataclasses and indexed by lemma."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from kroniek.events.verbs import Inflection, strong_table
from kroniek.yamlfile import read_yaml

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Pattern:
    id: str
    code: str
    root: str
    verbs: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    obj: frozenset[str] | None = None  # required object lemmas
    unless_obj: frozenset[str] = frozenset()
    prep: dict[str, frozenset[str] | None] = field(default_factory=dict)  # required phrases
    content: frozenset[str] = frozenset()  # words one of which the verb's complement clause must hold
    source: tuple[str, ...] = ("subj",)
    target: tuple[str, ...] = ("obj",)
    implicit_source: str | None = None
    implicit_target: str | None = None
    example: str = ""
    known_failure: str = ""  # why the example is not coded yet (see patterns.LANG.yaml)
    origin: str = "patterns"  # "patterns" (patterns.LANG.yaml) or "lexicon:FILE:LINE ORIGIN" (events/lexicon.py)

    @property
    def specificity(self) -> int:
        """Patterns with more conditions win over general ones on the same word."""
        preps = sum(3 if nouns else 2 for nouns in self.prep.values())  # a phrase with its nouns named is narrower
        return (self.obj is not None) * 2 + preps + bool(self.unless_obj) + bool(self.content) * 2


@dataclass(frozen=True)
class Grammar:
    lang: str
    particle_position: str
    agent_preps: frozenset[str]
    relative_pronouns: frozenset[str]
    example_markers: frozenset[str]
    negators: frozenset[str]
    negating_verbs: frozenset[str]
    modal_verbs: frozenset[str]
    future_auxiliaries: frozenset[str]
    reportative_forms: frozenset[str]
    perfect_auxiliaries: frozenset[str]
    passive_auxiliaries: frozenset[str]
    hypothetical_adverbs: tuple[str, ...]
    conditional_markers: frozenset[str]
    demand_verbs: frozenset[str]
    demand_nouns: frozenset[str]
    speech_verbs: frozenset[str]
    warning_verbs: frozenset[str]
    attribution_preps: frozenset[str]
    channel_preps: frozenset[str]
    addressee_preps: frozenset[str]
    part_preps: frozenset[str]
    quantity_words: frozenset[str]
    conjunction_preps: frozenset[str]
    causative_verbs: frozenset[str]
    order_verbs: frozenset[str]
    locative_preps: frozenset[str]
    origin_preps: frozenset[str]
    carrying_verbs: frozenset[str]
    complementizers: frozenset[str]
    person_nouns: frozenset[str]
    person_suffixes: frozenset[str]
    inflection: Inflection | None = None
    # the markers of an infinitival clause ("om ... te"), never a particle of the verb before it
    infinitive_markers: frozenset[str] = frozenset()
    # "Ik wil u vragen ...": with a first-person subject, asking or saying under these is done
    performative_modals: frozenset[str] = frozenset()
    first_person_subjects: frozenset[str] = frozenset()
    # "Polen en andere buurlanden": a conjunct of the unnamed rest of a class is no actor of its own
    rest_markers: frozenset[str] = frozenset()
    # the reciprocal pronoun as an object ("bestookten elkaar"): each subject acts towards the others
    reciprocal_pronouns: frozenset[str] = frozenset()
    # verbs that form their active perfect with the passive's auxiliary ("is vertrokken")
    unaccusative_verbs: frozenset[str] = frozenset()
    # verbs that take an infinitive without "te" besides auxiliaries and modals ("laat ... gaan")
    bare_infinitive_verbs: frozenset[str] = frozenset()
    nearby_sentences: tuple[int, int] = (2, 1)  # the `continued` slot: sentences before (after: unused)
    # CAMEO's statements about an act (events/statements.py): modals and verbs whose subject announces
    # its own act ("wil", "dreigt", "belooft": an intention or a threat), demand words that insist
    # (10x; the other demand words appeal, 02x), and the words that make a negation end an act ("niet
    # langer": 16x)
    intent_modals: frozenset[str] = frozenset()
    announcing_verbs: frozenset[str] = frozenset()
    insisting_verbs: frozenset[str] = frozenset()
    cessation_words: frozenset[str] = frozenset()
    # predicates that call for an act without its happening ("een ontmoeting is noodzakelijk")
    necessity_words: frozenset[str] = frozenset()
    # nouns of rumour, fear or possibility: an act named in their phrase has not happened ("geruchten
    # over een inval")
    speculation_nouns: frozenset[str] = frozenset()
    # a main clause puts its finite verb second: after a fronted phrase the subject follows it (Dutch
    # "Gisteren gingen duizenden Wit-Russen de straat op"); English does not, there it is the object
    verb_second: bool = False
    # codes whose event nouns name a document once the act is done ("het akkoord", "the treaty"): such
    # a noun is the act only with a verb that carries it out ("sloot een akkoord", "signed the treaty")
    document_codes: frozenset[str] = frozenset()
    # wanting that another acts is demanding it ("Polen wil dat de EU ..."): these verbs with a
    # finite complement clause
    desire_verbs: frozenset[str] = frozenset()
    # an obligation stated for another ("X zegt dat Y moet terugtrekken") is a demand of the speaker
    obligation_modals: frozenset[str] = frozenset()
    # nouns whose owner does what their infinitive says ("het besluit van Rusland om ... te staken")
    control_nouns: frozenset[str] = frozenset()
    # the lexicon's word class of blame (events/data/lexicon/LANG/*.yaml): a statement whose content
    # blames another with one of its words is a criticism (111)
    blame_class: str = ""
    # fixed phrases of intention before a "te"-infinitive, read off the words ("van plan ... te")
    intent_phrases: frozenset[str] = frozenset()
    # the shortest event noun a compound may end in and still be that event ("raketaanval" is an
    # "aanval": Dutch compounds are headed by their last part); 0 where compounds are written apart
    compound_head_min: int = 0
    # the infinitives a separable particle may join to form a word the patterns or word lists name
    # (load_patterns fills it; None: any verb may take a particle)
    particle_bases: frozenset[str] | None = None


@dataclass(frozen=True)
class PatternSet:
    lang: str
    patterns: tuple[Pattern, ...]
    by_verb: dict[str, tuple[Pattern, ...]]
    by_noun: dict[str, tuple[Pattern, ...]]
    grammar: Grammar
    order: dict[str, int] = field(default_factory=dict)  # a pattern's place in the files (ties)

    def noun_patterns(self, lemma: str, form: str) -> tuple[Pattern, ...]:
        """Patterns of an event noun by its lemma or form, else by the noun its compound ends in
        ("wapenleveranties" -> "leverantie" via "wapenleverantie", "raketaanval" -> "aanval")."""
        found = self.by_noun.get(lemma) or self.by_noun.get(form)
        shortest = self.grammar.compound_head_min
        if found or not shortest:
            return found or ()
        for word in (lemma, form):
            for cut in range(3, len(word) - shortest + 1):  # the first part has three letters or more
                found = self.by_noun.get(word[cut:].lstrip("-"))
                if found:
                    return found
        return ()


_NOT_WORDS = ("lang", "particle_position", "hypothetical_adverbs", "inflection", "nearby_sentences", "blame_class",
              "compound_head_min", "particle_bases", "verb_second")


def _words(value) -> frozenset[str]:
    return frozenset(str(v).lower() for v in (value or []))


def _pattern(root: str, raw: dict) -> Pattern:
    prep = {p: (_words(nouns) if nouns else None) for p, nouns in (raw.get("prep") or {}).items()}
    return Pattern(
        id=raw["id"],
        code=str(raw["code"]),
        root=root,
        verbs=_words(raw.get("verb")),
        nouns=_words(raw.get("noun")),
        obj=_words(raw["obj"]) if raw.get("obj") else None,
        unless_obj=_words(raw.get("unless_obj")),
        prep=prep,
        content=_words(raw.get("content")),
        source=tuple(raw.get("source") or ("subj",)),
        target=tuple(raw.get("target") or ("obj",)),
        implicit_source=raw.get("implicit_source"),
        implicit_target=raw.get("implicit_target"),
        example=raw.get("example", ""),
        known_failure=raw.get("known_failure", ""),
    )


def _index(patterns: list[Pattern], attr: str) -> dict[str, tuple[Pattern, ...]]:
    index: dict[str, list[Pattern]] = {}
    for p in patterns:
        for word in getattr(p, attr):
            index.setdefault(word, []).append(p)
    return {w: tuple(sorted(ps, key=lambda p: -p.specificity)) for w, ps in index.items()}


@lru_cache(maxsize=4)
def load_patterns(lang: str, data_dir: Path = DATA) -> PatternSet:
    """The patterns and grammar words of a language (cached: loaded once per process)."""
    raw = read_yaml(data_dir / f"patterns.{lang}.yaml")
    patterns = [_pattern(str(root), p) for root, items in raw["patterns"].items() for p in items]
    from kroniek.events.lexicon import lexicon_patterns  # it builds Patterns: imported here, not above

    patterns += lexicon_patterns(lang, data_dir)
    g = read_yaml(data_dir / f"grammar.{lang}.yaml")
    grammar = Grammar(
        lang=lang,
        particle_position=g["particle_position"],
        hypothetical_adverbs=tuple(g["hypothetical_adverbs"]),
        inflection=Inflection.from_dict(g.get("inflection"), strong_table(lang)),
        nearby_sentences=tuple(g.get("nearby_sentences", (2, 1))),
        compound_head_min=int(g.get("compound_head_min", 0)),
        blame_class=str(g.get("blame_class") or ""),
        verb_second=bool(g.get("verb_second", False)),
        **{k: _words(v) for k, v in g.items() if k not in _NOT_WORDS},
    )
    grammar = replace(grammar, particle_bases=_particle_bases(grammar, patterns))
    return PatternSet(lang, tuple(patterns), _index(patterns, "verbs"), _index(patterns, "nouns"), grammar,
                      {p.id: i for i, p in enumerate(patterns)})


def _particle_bases(grammar: Grammar, patterns: list[Pattern]) -> frozenset[str] | None:
    """What is left of every separable verb the patterns and the grammar's word lists name once its
    particle is taken off ("oproepen" -> "roepen"): only a verb with one of these infinitives may need
    its particle looked for. None where particles are written apart (any verb may take one)."""
    if grammar.particle_position != "prefix" or grammar.inflection is None:
        return None
    words = {w for p in patterns for w in p.verbs}
    words |= {w for value in vars(grammar).values() if isinstance(value, frozenset) for w in value}
    prefixes = grammar.inflection.prefixes
    return frozenset(w[len(p):] for w in words for p in prefixes if w.startswith(p) and len(w) > len(p) + 2)
