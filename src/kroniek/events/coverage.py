"""How much of CAMEO the event vocabulary of each language covers: triggers per code, sizes by kind
and origin, and the codes nothing triggers (`kroniek lexicon`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from kroniek.events.ontology import default_ontology
from kroniek.events.patterns import Pattern, load_patterns


@dataclass
class LanguageCoverage:
    lang: str
    patterns: int = 0  # hand-written patterns (patterns.LANG.yaml)
    entries: int = 0  # lexicon rows
    verbs: set[str] = field(default_factory=set)  # distinct verb and adjective lemmas, both sources
    nouns: set[str] = field(default_factory=set)  # distinct event nouns
    constructions: int = 0  # verb entries with an object or phrase condition ("kritiek uiten op")
    by_origin: Counter = field(default_factory=Counter)
    by_code: Counter = field(default_factory=Counter)  # triggers (words) per CAMEO code


def _origin(p: Pattern) -> str:
    if p.origin == "patterns":
        return "patterns.yaml"
    return p.origin.split(" ", 1)[1].split(":", 1)[0] if " " in p.origin else p.origin


def language_coverage(lang: str) -> LanguageCoverage:
    cov = LanguageCoverage(lang)
    for p in load_patterns(lang).patterns:
        if p.origin == "patterns":
            cov.patterns += 1
        else:
            cov.entries += 1
        cov.by_origin[_origin(p)] += 1
        cov.verbs |= p.verbs
        cov.nouns |= p.nouns
        if p.verbs and (p.obj is not None or p.prep):
            cov.constructions += 1
        cov.by_code[p.code] += len(p.verbs) + len(p.nouns)
    return cov


def coverage_table(langs: tuple[str, ...]) -> tuple[list[LanguageCoverage], list[tuple[str, str, list[int]]]]:
    """Each language's sizes, and one row per CAMEO code: (code, name, triggers per language)."""
    covs = [language_coverage(lang) for lang in langs]
    rows = [(c.code, c.name_en, [cov.by_code.get(c.code, 0) for cov in covs])
            for c in default_ontology().codes() if len(c.code) > 2]
    return covs, rows
