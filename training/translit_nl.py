"""Dutch spellings of romanised names by rule (Poetin, Chroesjtsjov, Loekasjenko, Abdoellah, Netanjahoe).

The rules are data: training/actors_curated/transliteration.nl.tsv (English-style pattern -> Dutch
spelling, where in the word it applies, which scripts) and actors_curated/scripts.tsv (the states whose
names are written in each script). Both are curated (Dutch transcription conventions; ours).
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path

CURATED = Path(__file__).resolve().parent / "actors_curated"
VOWELS = set("aeiouy")


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@functools.lru_cache(maxsize=1)
def rules() -> dict[str, list[tuple[str, str, str]]]:
    """Script -> [(pattern, dutch, where)], longest pattern first (file order among equals)."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for r in _rows(CURATED / "transliteration.nl.tsv"):
        for script in r["scripts"].split("|"):
            out.setdefault(script.strip(), []).append((r["pattern"], r["dutch"], r["where"]))
    return {s: sorted(rs, key=lambda x: -len(x[0])) for s, rs in out.items()}


@functools.lru_cache(maxsize=1)
def scripts() -> dict[str, str]:
    """ISO3 -> script set of its office holders' names."""
    return {iso3: r["script"] for r in _rows(CURATED / "scripts.tsv") for iso3 in r["countries"].split()}


def _fits(word: str, i: int, pattern: str, where: str) -> bool:
    end = i + len(pattern)
    if not word.startswith(pattern, i):
        return False
    if where == "initial":
        return i == 0
    if where == "final":
        return end == len(word)
    if where == "before-vowel":
        return end < len(word) and word[end] in VOWELS
    if where == "after-vowel":
        return i > 0 and word[i - 1] in VOWELS
    if where == "after-consonant":
        return i > 0 and word[i - 1].isalpha() and word[i - 1] not in VOWELS
    return True


def dutch_word(word: str, script: str) -> str:
    """One word in Dutch spelling, keeping an initial capital."""
    table = rules().get(script, [])
    low, out, i = word.lower(), [], 0
    while i < len(low):
        for pattern, dutch, where in table:
            if _fits(low, i, pattern, where):
                out.append(dutch)
                i += len(pattern)
                break
        else:
            out.append(low[i])
            i += 1
    new = "".join(out)
    return new[:1].upper() + new[1:] if word[:1].isupper() else new


def dutch(name: str, script: str) -> str:
    """A name in Dutch spelling: every word and every hyphen-separated part by the script's rules."""
    return " ".join("-".join(dutch_word(part, script) for part in w.split("-")) for w in name.split(" "))


def dutch_for(name: str, country: str) -> str | None:
    """The Dutch spelling of a name of someone from `country`, or None when it is the same or the state's
    names are not transliterated."""
    script = scripts().get(country)
    if not script:
        return None
    form = dutch(name, script)
    return form if form != name else None


def genitive(name: str) -> str | None:
    """The Dutch genitive a newspaper writes without an apostrophe: Poetins, Chroesjtsjovs. Names ending in
    a vowel (Loekasjenko's) or a sibilant (Assads is fine, Abbas' is not) get none: the tokenizer
    splits "'s" off anyway."""
    last = name[-1:].lower()
    if not last.isalpha() or last in VOWELS or last in "sxz" or name.endswith("sj"):
        return None
    return name + "s"
