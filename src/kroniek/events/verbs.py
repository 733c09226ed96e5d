"""Candidate infinitives for a verb form the lemmatizer may have missed.

Three sources, in order: the lemmatizer's lemma, the treebank form table (verbforms.LANG.tsv), and
the language's inflection rules (grammar.LANG.yaml: prefixes, weak endings, spelling changes).
Callers keep only candidates that some pattern uses, so generating too many is harmless.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True, eq=False)  # hashed by identity: one per grammar, a cache key for candidates()
class Inflection:
    prefixes: tuple[str, ...]
    participle_prefix: str
    endings: tuple[str, ...]
    infinitive_suffix: str
    stem_changes: tuple[tuple[str, str], ...]
    voicing: tuple[tuple[str, str], ...]
    strong: dict[str, frozenset[str]]  # irregular form -> its infinitives ("weten": wijten, weten)

    @staticmethod
    def from_dict(raw: dict | None, strong_table: dict[str, tuple[str, ...]] | None = None) -> Inflection | None:
        """The rules of grammar.LANG.yaml's `inflection`, with the strong and irregular verbs of the
        grammar and of verbs-strong.LANG.tsv (infinitive -> its past and participle forms)."""
        if not raw:
            return None
        strong: dict[str, set[str]] = {}
        for inf, forms in [*(raw.get("strong") or {}).items(), *(strong_table or {}).items()]:
            for form in forms:
                if form:  # "zullen" has no participle
                    strong.setdefault(form, set()).add(inf)
        return Inflection(
            prefixes=tuple(sorted(raw["prefixes"], key=len, reverse=True)),
            participle_prefix=raw["participle_prefix"],
            endings=tuple(raw["endings"]),
            infinitive_suffix=raw["infinitive_suffix"],
            stem_changes=tuple(tuple(p) for p in raw["stem_changes"]),
            voicing=tuple(tuple(p) for p in raw["voicing"]),
            strong={form: frozenset(infs) for form, infs in strong.items()},
        )


@lru_cache(maxsize=4)
def strong_table(lang: str) -> dict[str, tuple[str, ...]]:
    """verbs-strong.LANG.tsv: infinitive -> past singular, past plural, participle (variant rows add forms)."""
    path = DATA / f"verbs-strong.{lang}.tsv"
    if not path.exists():
        return {}
    table: dict[str, tuple[str, ...]] = {}
    with path.open(encoding="utf-8") as f:
        rows = csv.reader((line for line in f if not line.startswith("#")), delimiter="	")
        next(rows, None)
        for inf, *forms in rows:
            table[inf] = (*table.get(inf, ()), *forms)
    return table


@lru_cache(maxsize=4)
def form_table(lang: str) -> dict[str, str]:
    path = DATA / f"verbforms.{lang}.tsv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as f:
        rows = csv.reader((line for line in f if not line.startswith("#")), delimiter="\t")
        next(rows, None)
        return {form: lemma for form, lemma in rows}


def _weak(form: str, rules: Inflection) -> set[str]:
    """Infinitives a weak past tense or participle could come from: "gooide" -> "gooien"."""
    out: set[str] = set()
    for ending in rules.endings:
        if form.endswith(ending) and len(form) > len(ending) + 1:
            stem = form[: -len(ending)]
            out |= _from_stem(stem, rules)
    out |= _from_stem(form, rules)  # a present-tense stem: "gooi" -> "gooien"
    return out


# one syllable with a single vowel letter before a single consonant: a short vowel, whose consonant
# the infinitive doubles ("stel" -> "stellen", never "stelen", which is "steel")
_SHORT = re.compile(r"^[^aeiouy]*[aeiou][^aeiouyjw]$")


def _from_stem(stem: str, rules: Inflection) -> set[str]:
    suffix = rules.infinitive_suffix
    if rules.participle_prefix and _SHORT.match(stem):
        return {stem + stem[-1] + suffix}
    stems = {stem}
    for long, short in rules.stem_changes:
        if stem[-len(long) - 1 : -1] == long:
            stems.add(stem[: -len(long) - 1] + short + stem[-1])
    for plain, voiced in rules.voicing:
        stems |= {s[:-1] + voiced for s in list(stems) if s.endswith(plain)}
    return {s + suffix for s in stems} | {stem + stem[-1] + suffix}


def candidates(form: str, lemma: str, lang: str, rules: Inflection | None) -> frozenset[str]:
    """Possible infinitives of a verb form."""
    return _candidates(form.lower(), lemma.lower(), lang, rules)


@lru_cache(maxsize=65536)
def _candidates(form: str, lemma: str, lang: str, rules: Inflection | None, depth: int = 0) -> frozenset[str]:
    table = form_table(lang)
    found = {lemma, form}  # the form itself may be the infinitive ("wil u vragen")
    if form in table:
        found.add(table[form])
    if rules is None:
        return frozenset(found)
    found |= rules.strong.get(form, frozenset())
    found |= _weak(form, rules)
    core = form
    if core.startswith(rules.participle_prefix) and len(core) > len(rules.participle_prefix) + 2:
        core = core[len(rules.participle_prefix) :]
        found |= _weak(core, rules) | ({table[core]} if core in table else set())
        found |= rules.strong.get(core, frozenset())
    if depth == 0:
        for prefix in rules.prefixes:
            if form.startswith(prefix) and len(form) > len(prefix) + 2:
                rest = form[len(prefix) :]
                found |= {prefix + c for c in _candidates(rest, rest, lang, rules, depth + 1)}
    return frozenset(found)
