"""Build kroniek's role lexicons (src/kroniek/actors/data/roles.{en,nl}.tsv) from PETRARCH2's agent
dictionary, two open dictionaries and our curated and reviewed tables.

Usage: python training/build_roles.py SHARED_DATA_DIR OUT_DIR
       python training/build_roles.py SHARED_DATA_DIR --candidates FILE   (Dutch candidates not yet reviewed)

Sources (see training/ACTOR_SOURCES.md):
  petrarch2_dictionaries/Phoenix.agents.txt             English agent nouns with CAMEO role codes (MIT)
  lexicon/freedict/freedict-{eng-nld,nld-eng}.*         FreeDict dictionaries (GPL-2+): Dutch candidates
  lexicon/wordnet-3.0/index.noun + lexicon/omw-nld/*.tab  Princeton WordNet 3.0 senses of the English noun,
                                                        Open Dutch WordNet and Wiktionary lemmas of those
                                                        synsets (CC BY-SA 4.0): Dutch candidates
  training/actors_curated/roles.{en,nl}.tsv             curated rows: they win over compiled ones
  training/actors_curated/role_codes.tsv                which Phoenix codes give which role (or none)
  training/actors_curated/roles_compile.en.tsv          English words excluded, or marked as titles
  training/actors_curated/roles_review.nl.tsv           every Dutch candidate reviewed: accept, reject or
                                                        another code; accepted rows become roles.nl.tsv rows
English rows: every Phoenix agent whose code gives a role, as a lower-case word or phrase with its
plural (the resolver matches phrases by their exact words, single words also by lemma and by stripping
a regular plural ending). Output is deterministic: sorted, with a header row.
"""

from __future__ import annotations

import csv
import gzip
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

CURATED = Path(__file__).resolve().parent / "actors_curated"
HEADER = ["word", "role", "title", "country"]
DECISIONS = {"accept", "reject", "recode"}


@dataclass(frozen=True)
class Agent:
    """One English agent noun of Phoenix.agents.txt: phrase (lower case), its plurals, raw code."""

    phrase: str
    plurals: tuple[str, ...]
    code: str


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a TSV file with a header, skipping '#' comment lines."""
    with path.open(encoding="utf-8") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines, delimiter="\t")]


# ------------------------------------------------------------------ Phoenix agents

def _words(key: str) -> str:
    """A dictionary key as running text: 'BORDER_PATROL_POLICE' -> 'border patrol police'."""
    return " ".join(key.replace("_", " ").lower().split())


def english_plural(phrase: str) -> str:
    """The regular plural of a phrase's last word (PETRARCH's own rules): y -> ies, man -> men,
    s/x/z/ch/sh -> +es, else +s."""
    head, _, last = phrase.rpartition(" ")
    if last.endswith("man"):
        new = last[:-3] + "men"
    elif last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        new = last[:-1] + "ies"
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        new = last + "es"
    else:
        new = last + "s"
    return f"{head} {new}" if head else new


def parse_agents(path: Path) -> list[Agent]:
    """The agents of a PETRARCH agents file, in file order. Syntax: '#' starts a comment (whole line or
    tail); '!SET! = A, B' defines a substitution set used inside keys; KEY [{PLURAL}] [~CODE]; '_' is a
    space (a trailing '_' only marks a whole word); '{}' means no plural, '{X}' gives it; without braces
    the plural is regular. '[IGO~]' marks an organisation's people (no country role); a key without a
    code is skipped."""
    text = path.read_text(encoding="utf-8", errors="replace")
    sets: dict[str, list[str]] = {}
    agents: list[Agent] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if m := re.fullmatch(r"(![A-Z]+!)\s*=\s*(.+)", line):
            sets[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = re.fullmatch(r"(.+?)\s*(\{[^}]*\})?\s*\[([~A-Z]+)[\]}]", line)
        if m is None:
            continue
        key, braces, code = m.group(1).strip(), m.group(2), m.group(3)
        plural = braces[1:-1].strip() if braces else None
        keys = [key]
        for name, values in sets.items():
            if name in key:  # a set lists singular and plural forms itself
                keys = [k.replace(name, v) for k in keys for v in values]
        for k in keys:
            phrase = _words(k)
            if not phrase:
                continue
            if len(keys) > 1:
                plurals: tuple[str, ...] = ()
            elif plural is None:
                plurals = (english_plural(phrase),)
            else:
                plurals = (_words(plural),) if plural else ()
            agents.append(Agent(phrase, plurals, code))
    return agents


def role_of(code: str, codes: dict[str, str]) -> str | None:
    """Our role for a Phoenix code ('~GOVMED' -> GOV, '~MUSREB' -> REB, '~MUS' -> none), by the
    curated table of Phoenix code parts: each part maps to a role, 'religion' (look at the next part)
    or '-' (no role)."""
    if not code.startswith("~"):
        return None  # IGO~: an organisation's people, no country role
    parts = [code[i : i + 3] for i in range(1, len(code), 3)]
    for part in parts:
        value = codes.get(part, "-")
        if value == "religion":
            continue
        return None if value == "-" else value
    return None


# A key ending in one of these words is a TABARI pattern's start ("AMBASSADOR_TO", "CENTRAL_JAIL_OF"),
# not a phrase of its own.
OPEN_ENDS = ("of", "to", "in", "for", "the", "and", "on", "at")


def english_singulars(form: str) -> set[str]:
    """Singulars a plural may have (the resolver's own endings, and -men, -ies)."""
    out = {form[:-2], form[:-1]} if form.endswith("es") else {form[:-1]} if form.endswith("s") else set()
    if form.endswith("men"):
        out.add(form[:-3] + "man")
    if form.endswith("ies"):
        out.add(form[:-3] + "y")
    return out


def english_rows(shared: Path) -> list[tuple[str, str, str, str]]:
    """roles.en.tsv rows: curated rows, then Phoenix agents (first code in file order wins), country=1.
    An agent is left out when the curated table gives one of its forms or singulars another role (the
    curated "fighters" REB is not overruled by a compiled "fighter" UAF), when its key is a pattern's
    start, or when the compile table excludes it; a singular is a title when its last word is one."""
    codes = {r["code"]: r["role"] for r in read_tsv(CURATED / "role_codes.tsv")}
    rules = {r["word"]: r["decision"] for r in read_tsv(CURATED / "roles_compile.en.tsv")}
    rows: dict[str, tuple[str, str, str, str]] = {}
    for r in read_tsv(CURATED / "roles.en.tsv"):
        rows.setdefault(r["word"].lower(), (r["word"].lower(), r["role"], r["title"], r["country"]))
    curated = set(rows)
    for agent in parse_agents(shared / "petrarch2_dictionaries/Phoenix.agents.txt"):
        role = role_of(agent.code, codes)
        forms = (agent.phrase, *agent.plurals)
        if role is None or agent.phrase.split()[-1] in OPEN_ENDS:
            continue
        related = {*forms, english_plural(agent.phrase), *(s for f in forms for s in english_singulars(f))}
        if any(rows[f][1] != role for f in related & curated) or any(rules.get(f) == "exclude" for f in related):
            continue
        for form in forms:
            title = "1" if form == agent.phrase and rules.get(form.split()[-1]) == "title" else "0"
            rows.setdefault(form, (form, role, title, "1"))
    return sorted(rows.values())


# ------------------------------------------------------------------ Dutch candidates

# dictd index numbers are written in the base64 alphabet
_B64 = {c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}


def _b64_number(text: str) -> int:
    n = 0
    for c in text:
        n = n * 64 + _B64[c]
    return n


def read_dictd(index: Path, data: Path) -> dict[str, list[str]]:
    """Headword -> translations of a dictd dictionary (FreeDict): the entry's lines after the
    headword line, split at commas and semicolons, 'ĳ' written 'ij', lower case."""
    body = gzip.open(data).read()
    out: dict[str, list[str]] = defaultdict(list)
    for line in index.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) != 3 or parts[0].startswith("00database"):
            continue
        word, offset, length = parts
        entry = body[_b64_number(offset) : _b64_number(offset) + _b64_number(length)].decode("utf-8", "replace")
        for sense in entry.replace("ĳ", "ij").splitlines()[1:]:
            for item in re.split(r"[,;]", sense):
                item = re.sub(r"\(.*?\)|<.*?>", "", item).strip().lower()
                if item:
                    out[word.replace("ĳ", "ij").lower()].append(item)
    return out


def wordnet_dutch(lexicon: Path, senses: int = 2) -> dict[str, list[str]]:
    """English noun lemma (with spaces) -> Dutch lemmas of its first `senses` WordNet 3.0 synsets, from
    Open Dutch WordNet and Dutch Wiktionary (Open Multilingual Wordnet)."""
    dutch: dict[str, list[str]] = defaultdict(list)
    for name in ("wn-data-nld.tab", "wn-wikt-nld.tab"):
        for line in (lexicon / "omw-nld" / name).read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 3 and parts[0].endswith("-n") and parts[1].endswith(":lemma"):
                dutch[parts[0][:-2]].append(parts[2].strip().lower())
    out: dict[str, list[str]] = {}
    for line in (lexicon / "wordnet-3.0" / "index.noun").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split()
        synsets = [f for f in fields if re.fullmatch(r"\d{8}", f)][:senses]
        out[fields[0].replace("_", " ")] = sorted({w for s in synsets for w in dutch.get(s, [])})
    return out


def dutch_candidates(shared: Path) -> dict[str, dict[str, set[str]]]:
    """Dutch word -> {role -> origins ('fd_en:border guard', 'fd_rev:...', 'omw:...')}, proposed from the
    English agents that give a role."""
    codes = {r["code"]: r["role"] for r in read_tsv(CURATED / "role_codes.tsv")}
    lexicon = shared / "lexicon"
    eng_nld = read_dictd(lexicon / "freedict/freedict-eng-nld.index", lexicon / "freedict/freedict-eng-nld.dict.dz")
    nld_eng = read_dictd(lexicon / "freedict/freedict-nld-eng.index", lexicon / "freedict/freedict-nld-eng.dict.dz")
    reverse: dict[str, set[str]] = defaultdict(set)
    for dutch, english in nld_eng.items():
        for e in english:
            reverse[e].add(dutch)
    omw = wordnet_dutch(lexicon)
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for agent in parse_agents(shared / "petrarch2_dictionaries/Phoenix.agents.txt"):
        role = role_of(agent.code, codes)
        if role is None:
            continue
        for source, words in (("fd_en", eng_nld.get(agent.phrase, [])), ("fd_rev", reverse.get(agent.phrase, ())),
                              ("omw", omw.get(agent.phrase, []))):
            for word in words:
                if re.fullmatch(r"[a-zà-ÿ'.-]+(?: [a-zà-ÿ'.-]+){0,3}", word):
                    out[word][role].add(f"{source}:{agent.phrase}")
    return out


def unreviewed(shared: Path) -> list[tuple[str, str, str]]:
    """Dutch candidates (word, role, origin) that neither the curated table nor the review decides."""
    decided = {r["word"] for r in read_tsv(CURATED / "roles.nl.tsv")}
    decided |= {r["word"] for r in read_tsv(CURATED / "roles_review.nl.tsv")}
    rows = []
    for word, roles in sorted(dutch_candidates(shared).items()):
        if word in decided:
            continue
        for role, origins in sorted(roles.items()):
            rows.append((word, role, "|".join(sorted(origins))))
    return rows


def dutch_rows() -> list[tuple[str, str, str, str]]:
    """roles.nl.tsv rows: curated rows, then the accepted and recoded rows of the review, country=1."""
    rows: dict[str, tuple[str, str, str, str]] = {}
    for r in read_tsv(CURATED / "roles.nl.tsv"):
        rows.setdefault(r["word"].lower(), (r["word"].lower(), r["role"], r["title"], r["country"]))
    for r in read_tsv(CURATED / "roles_review.nl.tsv"):
        if r["decision"] not in DECISIONS:
            raise ValueError(f"roles_review.nl.tsv: unknown decision {r['decision']!r} for {r['word']!r}")
        if r["decision"] != "reject":
            rows.setdefault(r["word"], (r["word"], r["role"], r["title"] or "0", "1"))
    return sorted(rows.values())


def write_tsv(path: Path, rows: list[tuple[str, str, str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("\t".join(HEADER) + "\n")
        for row in rows:
            f.write("\t".join(row) + "\n")


def build(shared: Path, out: Path) -> dict[str, int]:
    """Write roles.en.tsv and roles.nl.tsv into OUT; the number of rows of each."""
    out.mkdir(parents=True, exist_ok=True)
    tables = {"en": english_rows(shared), "nl": dutch_rows()}
    for lang, rows in tables.items():
        write_tsv(out / f"roles.{lang}.tsv", rows)
    return {lang: len(rows) for lang, rows in tables.items()}


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[1] != "--candidates":
        shared, out = Path(argv[1]), Path(argv[2])
        counts = build(shared, out)
        todo = unreviewed(shared)
        print(f"roles: en {counts['en']}, nl {counts['nl']}; Dutch candidates not yet reviewed: {len(todo)}")
        return 0
    if len(argv) == 4 and argv[2] == "--candidates":
        rows = unreviewed(Path(argv[1]))
        with open(argv[3], "w", encoding="utf-8") as f:
            f.write("word\trole\torigin\n")
            f.writelines("\t".join(r) + "\n" for r in rows)
        print(f"{len(rows)} Dutch candidate rows written to {argv[3]}")
        return 0
    print(__doc__.split("\n\n")[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
