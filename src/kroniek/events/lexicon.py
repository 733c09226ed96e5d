"""The event lexicon: reviewed tables of trigger words (events/data/lexicon/LANG/*.tsv), each row a
verb, event noun or predicate adjective with the CAMEO code it takes, the argument frame that says
where its source and target stand (events/data/frames.LANG.yaml) and the conditions on its object
or phrases that decide the code (word classes: events/data/classes.LANG.yaml). Rows compile into
the same Pattern objects the hand-written patterns are, so one matcher serves both.

A row's columns (tab-separated, '#' lines are comments):
    word    the lemma: a verb's infinitive with its separable particle joined ("oproepen"), an
            English phrasal verb with a space ("call off"), a noun's singular, an adjective's base form
    pos     verb | noun | adj (an adjective heading a clause with a copula: "is bezorgd over")
    code    the CAMEO code
    frame   a frame name, "name:arg" for frames with a parameter ("pp:op"), or explicit slots
            "subj>obj,aan" (source slots > target slots, see patterns.LANG.yaml)
    obj     object words one of which the clause must hold ("|"-separated; "@class" for a class)
    prep    a phrase the clause must hold: "op", or "op=word|@class" with words inside it
    unless  words that block the entry anywhere in the clause but its subject
    origin  what proposed the entry: codebook, checklist (../shared/data/lexicon candidates),
            train (a trigger of the training articles), petrarch2:BLOCK:LINE, ...
    note    a gloss: the sense meant, or why the conditions are there
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kroniek.events.patterns import Pattern
from kroniek.yamlfile import read_yaml

DATA = Path(__file__).parent / "data"
COLUMNS = ("word", "pos", "code", "frame", "obj", "prep", "unless", "origin", "note")
POS = ("verb", "noun", "adj")


class LexiconError(ValueError):
    """A lexicon row that cannot be read: names the file, the line and the problem."""


@dataclass(frozen=True)
class Frame:
    """Where a trigger's source and target stand, and the roles of implicit ones."""

    name: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    implicit_source: str | None = None
    implicit_target: str | None = None


@dataclass(frozen=True)
class Entry:
    """One reviewed lexicon row."""

    word: str
    pos: str
    code: str
    frame: str
    obj: tuple[str, ...]
    prep: tuple[tuple[str, tuple[str, ...]], ...]
    unless: tuple[str, ...]
    origin: str
    note: str
    file: str
    line: int


@lru_cache(maxsize=4)
def word_classes(lang: str, data_dir: Path = DATA) -> dict[str, tuple[str, ...]]:
    """Named word lists for the lexicon's conditions: classes.LANG.yaml and any lexicon/LANG/*.yaml
    (a class may be named once)."""
    paths = [data_dir / f"classes.{lang}.yaml", *sorted((data_dir / "lexicon" / lang).glob("*.yaml"))]
    classes: dict[str, tuple[str, ...]] = {}
    for path in (p for p in paths if p.exists()):
        raw = read_yaml(path) or {}
        for name, words in raw.items():
            if name in classes:
                raise LexiconError(f"{path.name}: word class {name!r} is defined twice")
            classes[name] = tuple(str(w).lower() for w in words)
    return classes


@lru_cache(maxsize=4)
def frames(lang: str, data_dir: Path = DATA) -> dict[str, dict]:
    path = data_dir / f"frames.{lang}.yaml"
    if not path.exists():
        return {}
    return read_yaml(path) or {}


def frame(spec: str, lang: str, data_dir: Path = DATA) -> Frame:
    """A frame by name ("trans", "pp:op") or written out ("subj>obj,aan"); KeyError if unknown."""
    if ">" in spec:
        source, target = spec.split(">", 1)
        return Frame(spec, _slots(source), _slots(target))
    name, _, arg = spec.partition(":")
    raw = frames(lang, data_dir)[name]
    if "{p}" in str(raw) and not arg:
        raise KeyError(f"frame {name!r} needs a preposition: '{name}:PREP'")

    def fill(slots: list[str]) -> tuple[str, ...]:
        return tuple(s.replace("{p}", arg) for s in slots)

    return Frame(spec, fill(raw["source"]), fill(raw["target"]), raw.get("implicit_source"),
                 raw.get("implicit_target"))


def _slots(text: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in text.split(",") if s.strip())


def _words(cell: str, classes: dict[str, tuple[str, ...]], where: str) -> tuple[str, ...]:
    out: list[str] = []
    for item in (w.strip().lower() for w in cell.split("|")):
        if not item:
            continue
        if item.startswith("@"):
            if item[1:] not in classes:
                raise LexiconError(f"{where}: unknown word class {item!r}")
            out += classes[item[1:]]
        else:
            out.append(item)
    return tuple(dict.fromkeys(out))


def read_entries(lang: str, data_dir: Path = DATA) -> list[Entry]:
    """Every row of the language's lexicon tables, checked; LexiconError names a bad row."""
    from kroniek.events.ontology import default_ontology

    ontology = default_ontology()
    classes = word_classes(lang, data_dir)
    entries: list[Entry] = []
    for path in sorted((data_dir / "lexicon" / lang).glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as f:
            lines = [(n, line) for n, line in enumerate(f, start=1) if line.strip() and not line.startswith("#")]
        if not lines:
            continue
        header = lines[0][1].rstrip("\n").split("\t")
        if tuple(header) != COLUMNS:
            raise LexiconError(f"{path.name}:{lines[0][0]}: header must be {' '.join(COLUMNS)}")
        for n, line in lines[1:]:
            cells = line.rstrip("\n").split("\t")
            where = f"{path.name}:{n}"
            if len(cells) > len(COLUMNS):
                raise LexiconError(f"{where}: {len(cells)} columns, expected {len(COLUMNS)}")
            row = dict(zip(COLUMNS, [*cells, *[""] * (len(COLUMNS) - len(cells))], strict=True))
            entries.append(_entry(row, lang, classes, ontology, where, path.name, n, data_dir))
    return entries


def _entry(row: dict, lang: str, classes: dict, ontology, where: str, file: str, line: int,
           data_dir: Path) -> Entry:
    word = row["word"].strip().lower()
    if not word:
        raise LexiconError(f"{where}: empty word")
    if row["pos"] not in POS:
        raise LexiconError(f"{where}: pos must be one of {', '.join(POS)}, not {row['pos']!r}")
    code = row["code"].strip()
    if code not in ontology:
        raise LexiconError(f"{where}: {code!r} is no CAMEO code")
    try:
        frame(row["frame"].strip(), lang, data_dir)
    except KeyError as exc:
        raise LexiconError(f"{where}: unknown frame {row['frame']!r} ({exc})") from None
    prep: list[tuple[str, tuple[str, ...]]] = []
    for item in filter(None, (p.strip() for p in row["prep"].split(";"))):
        name, _, nouns = item.partition("=")
        prep.append((name.strip().lower(), _words(nouns, classes, where)))
    if not row["origin"].strip():
        raise LexiconError(f"{where}: every entry says where it comes from (origin)")
    return Entry(word, row["pos"], code, row["frame"].strip(), _words(row["obj"], classes, where), tuple(prep),
                 _words(row["unless"], classes, where), row["origin"].strip(), row["note"].strip(), file, line)


def compile_entries(entries: list[Entry], lang: str, data_dir: Path = DATA) -> list[Pattern]:
    """The entries as patterns: id "LANG:lex:WORD:CODE" (with a count where a word has the code twice)."""
    from kroniek.events.ontology import default_ontology

    ontology = default_ontology()
    seen: dict[str, int] = {}
    patterns: list[Pattern] = []
    for e in entries:
        f = frame(e.frame, lang, data_dir)
        base = f"{lang}:lex:{e.word}:{e.code}"
        seen[base] = seen.get(base, 0) + 1
        words = frozenset({e.word})
        patterns.append(Pattern(
            id=base if seen[base] == 1 else f"{base}:{seen[base]}",
            code=e.code,
            root=ontology.root_of(e.code),
            verbs=words if e.pos in ("verb", "adj") else frozenset(),
            nouns=words if e.pos == "noun" else frozenset(),
            obj=frozenset(e.obj) if e.obj else None,
            unless_obj=frozenset(e.unless),
            prep={name: (frozenset(nouns) if nouns else None) for name, nouns in e.prep},
            source=f.source,
            target=f.target,
            implicit_source=f.implicit_source,
            implicit_target=f.implicit_target,
            origin=f"lexicon:{e.file}:{e.line} {e.origin}",
        ))
    return patterns


def lexicon_patterns(lang: str, data_dir: Path = DATA) -> list[Pattern]:
    return compile_entries(read_entries(lang, data_dir), lang, data_dir)
