"""Compile PETRARCH2's English verb dictionary into kroniek's English event lexicon.

Source: ``petrarch2_dictionaries/CAMEO.2.0.txt`` of the shared data (the Open Event Data Alliance's
CAMEO verb dictionary for PETRARCH2, derived from the TABARI CAMEO dictionaries; MIT licence,
Copyright (c) 2015 Open Event Data Alliance). Writes

  OUT_DIR/petrarch2.tsv            rows in the lexicon's column format (events/data/lexicon/README.md)
  OUT_DIR/petrarch2-classes.yaml   the synonym sets the rows use, as word classes named ``p2_NAME``

and prints a summary: patterns read, rows written, patterns skipped by reason.

PETRARCH matches phrase patterns over a constituency parse; kroniek's coder reads a dependency parse
and needs each trigger's lemma, its conditions and where its source and target stand (a frame). The
recipe, in short (the module's functions say why):

- A verb line gives a lemma and, with the block's default code or its own, a row without conditions;
  ``+CALL_OFF`` is the phrasal verb "call off", ``+ASK_FOR`` the plain verb with a ``prep`` condition
  ("for"), ``+WAGE_WAR`` the verb with an object condition. Blocks headed ``[---]`` have no default.
  As in PETRARCH2, a verb belongs to its first block.
- A pattern ``- PRE * POST [CODE] # VERB`` applies to the verb(s) its comment names in any form
  ("# SOUGHT"), where PETRARCH found it (the synonym sets of a block were merged later: "SET * FIRE"
  is no "base fire"); when the comment names none of the block's verbs, to the block's head verb.
  Particles right after ``*`` join the verb ("SET * OFF" is "set off"); the bare noun phrase after
  the verb is the object condition (its head; for ``{A B}`` the modifier, unless generic, as it is
  what makes the code: {HUMANITARIAN AID}); ``&SET`` is the class ``@p2_set`` (with PETRARCH's
  plurals); ``(PREP NOUNS)`` a ``prep`` condition, whose phrase may also hold the target.
- The frame is the code's family frame (frames.en.yaml); ``$`` and ``+`` give slots of their own;
  ``^`` (an actor that is no party) keeps its phrase out of the slots; ``%`` (each of a compound
  towards the other) is ``subj-other``.
- ``[A:B]`` codes A from source to target and B in the other direction. The coder fires one row per
  trigger, so the second event is not coded (counted); for ``[A:A]`` the row adds ``subj-other``,
  which codes both directions for "X and Y ...". ``[:B]`` alone is the other side's act with the
  subject as target (frames ``receive``, ``suffer``, ``tried``, ``reverse``).
- ``[---]`` patterns code nothing: their object words become ``unless`` words of the verb's row
  without conditions.
- Words before ``*`` (the subject: "&MILITARY * ...") cannot be conditions of a lexicon row; such
  patterns are skipped (an adverb ending in -ly, "STRONGLY *", becomes a clause-word condition).
- Where PETRARCH2 repeats the conditions of a verb, the last pattern wins, as in PETRARCH2.
- The hand-written patterns (patterns.en.yaml) are reviewed and win: no row for a verb they code
  without conditions, none that repeats their code with their words.
- A code kroniek's CAMEO table lacks is read as PETRARCH reads it ("080!" as 080, "176" as 170).
- Patterns and verb lines listed as ``drop`` in ``training/lexicon_review/petrarch2-en.tsv`` (the
  review: codes wrong for the words in PETRARCH itself) are skipped.

Usage: python training/build_lexicon_en.py SHARED_DATA_DIR OUT_DIR
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

SOURCE = "petrarch2_dictionaries/CAMEO.2.0.txt"
LICENCE = "MIT licence, Copyright (c) 2015 Open Event Data Alliance"
ROOT = Path(__file__).resolve().parent.parent
FRAMES = ROOT / "src/kroniek/events/data/frames.en.yaml"
REVIEW = ROOT / "training/lexicon_review/petrarch2-en.tsv"
CAMEO = ROOT / "src/kroniek/events/data/cameo.tsv"
HAND = ROOT / "src/kroniek/events/data/patterns.en.yaml"
COLUMNS = ("word", "pos", "code", "frame", "obj", "prep", "unless", "origin", "note")

# words that join a verb as its particle (UD compound:prt): "call off", "put forward"
PARTICLES = frozenset({"up", "out", "down", "off", "away", "back", "forth", "forward", "together", "over",
                       "aside", "apart", "behind", "around", "along", "in"})
# ... but not after these verbs, where the word heads the object ("watch over Y", "look after Y")
PREP_VERBS = frozenset({"watch over", "come after", "look after", "get on"})
# prepositions a TABARI word sequence may use without parentheses ("ATTACK ON +")
PREPOSITIONS = frozenset({"about", "after", "against", "along", "amid", "among", "around", "as", "at", "before",
                          "behind", "between", "beyond", "by", "despite", "during", "for", "from", "in", "inside",
                          "into", "near", "of", "on", "onto", "outside", "over", "since", "through", "to", "toward",
                          "towards", "under", "until", "upon", "via", "with", "within", "without"})
# forms of "be": "+IS_DETERMINED" is the predicate adjective "determined"
BE = frozenset({"is", "was", "are", "be", "were", "been"})
# phrases that say where, not with whom: an actor there ("IN ^") is no party
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "from"})
MARKERS = frozenset({"$", "+", "^", "%"})
# phrases of place and time, whose actor is where or when, not a party ("in elections", "during the raid")
LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "during", "after", "before", "under"})
NEGATORS = frozenset({"no", "not"})
# modifiers of {A B} nouns that do not make the code: the head decides ({SHARP CRITICISM})
GENERIC = frozenset({"a", "an", "the", "and", "as", "for", "in", "of", "two", "new", "sharp", "sharpest",
                     "bitter", "strong", "special", "possible", "little", "few", "official",
                     "international", "foreign", "real", "next", "more", "main", "general", "further", "full",
                     "final", "best", "brief", "another", "harsh", "severe", "scathing", "stinging",
                     "vitriolic", "furious", "unusual", "solemn", "personal", "common", "collective", "direct",
                     "planned", "requested", "involving", "wary", "dismal", "disastrous", "defiant", "aggressive",
                     "fawning", "permanent", "periodic", "independent", "countrywide", "mass", "broken", "badly",
                     "closer", "united", "national", "future"})


# -- reading the dictionary --------------------------------------------------------------------------


@dataclass
class VerbLine:
    line: int
    raw: str  # the verb key as written, "+CALL_OFF", "ASK"
    code: str | None  # its own code, None: the block's
    forms: tuple[str, ...] = ()  # the irregular forms in {...}: "SOUGHT", "+PULLED_OUT"

    def names(self) -> set[str]:
        """The verb's forms as the comments of patterns write them: "SEEK", "SOUGHT", "PULLED_OUT"."""
        key = verb_key(self.raw)
        first, sep, rest = key.partition("_")
        regular = {first + end for end in ("S", "ES", "ED", "D", "ING")}
        regular |= {first[:-1] + end for end in ("ING", "IED", "IES")} | {first + first[-1:] + e for e in ("ED", "ING")}
        return {key, *(verb_key(f) for f in self.forms), *(f + sep + rest for f in regular)}


@dataclass
class PatternLine:
    line: int
    text: str  # the pattern without comment
    comment: str


@dataclass
class Block:
    name: str
    code: str  # "---", "040", "041:041"
    line: int
    verbs: list[VerbLine] = field(default_factory=list)
    patterns: list[PatternLine] = field(default_factory=list)


@dataclass
class Dictionary:
    synsets: dict[str, list[str]]
    blocks: list[Block]
    transformations: int


def _code(text: str) -> str | None:
    code = text.strip().strip("[]").strip()
    return None if code in ("", "---") else code


def read_dictionary(path: Path) -> Dictionary:
    """Synonym sets, verb blocks (verb lines and patterns with their line numbers) and the number of
    verb transformations (``~`` lines) of a PETRARCH2 verb dictionary."""
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    section, current_set, transformations = "head", None, 0
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.rstrip()
        if line.startswith("####### SYNONYM SETS"):
            section = "sets"
        elif line.startswith("####### VERB PATTERNS"):
            section = "verbs"
        elif line.startswith("######## TRANSFORMATIONS"):
            section = "transformations"
        if not line.strip() or line.startswith("#"):
            continue
        if section == "sets":
            if line.startswith("&"):
                current_set = line.split()[0]
                synsets[current_set] = []
            elif line.startswith("+") and current_set:
                synsets[current_set].append(line[1:].split("#")[0].strip())
        elif section == "transformations":
            transformations += line.startswith("~")
        elif section == "verbs":
            _verb_section_line(blocks, n, line)
    return Dictionary(synsets, blocks, transformations)


def _verb_section_line(blocks: list[Block], n: int, line: str) -> None:
    if line.startswith("---"):
        code = re.search(r"\[([^\]]*)\]", line)
        blocks.append(Block(line.split()[1], code.group(1).strip() if code else "---", n))
    elif line.startswith("-"):
        text, _, comment = line[1:].partition("#")
        blocks[-1].patterns.append(PatternLine(n, " ".join(text.split()), comment.strip()))
    else:
        text = line.split("#")[0]
        code = re.search(r"\[([^\]]*)\]", text)
        key = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", text).split()
        forms = re.search(r"\{([^}]*)\}", text)
        if key:
            blocks[-1].verbs.append(VerbLine(n, key[0], code.group(1).strip() if code else None,
                                             tuple(forms.group(1).replace(",", " ").split()) if forms else ()))


# -- lemmas of verb lines --------------------------------------------------------------------------


@dataclass(frozen=True)
class Trigger:
    """A verb line as the coder sees it: the lemma (a phrasal verb with its particle), pos, and the
    conditions the rest of a multi-word verb puts on its clause."""

    word: str
    pos: str = "verb"
    obj: tuple[str, ...] = ()
    prep: tuple[tuple[str, tuple[str, ...]], ...] = ()


def verb_trigger(raw: str) -> Trigger | None:
    """``ASK`` -> ask; ``+CALL_OFF`` -> "call off"; ``+ASK_FOR`` -> ask with a phrase "for";
    ``+WAGE_WAR`` -> wage with the object "war"; ``+IS_DETERMINED`` -> the adjective "determined";
    ``+KILLED_AND`` (a coordination of TABARI's) -> None."""
    words = [w for w in raw.lstrip("+").lower().split("_") if w]
    if not words:
        return None
    verb, rest = words[0], words[1:]
    if not rest:
        return Trigger(verb)
    if {"and", "or"} & set(rest):
        return None
    if verb in BE:
        return Trigger(rest[-1], "adj") if len(rest) == 1 else None
    while rest and rest[0] in PARTICLES and f"{verb} {rest[0]}" not in PREP_VERBS:
        verb, rest = f"{verb} {rest[0]}", rest[1:]
    obj: tuple[str, ...] = ()
    preps: list[tuple[str, tuple[str, ...]]] = []
    while rest:
        if rest[0] in PREPOSITIONS:
            nouns = tuple(w for w in rest[1:2] if w not in PREPOSITIONS)
            preps.append((rest[0], nouns))
            rest = rest[1 + len(nouns) :]
        elif not obj:
            obj, rest = (rest[0],), rest[1:]
        else:
            return None
    return Trigger(verb, "verb", obj, tuple(preps))


def _inflected(word: str, lemmas: set[str]) -> bool:
    """Whether a verb line is a form of another verb of its block: "forgiven", "touring", "worried"."""
    if " " in word or len(word) < 5:
        return False
    stems = {word[:-1], word[:-2], word[:-3], word[:-3] + "e", word[:-3] + "y", word[:-1] + "e"}
    return word.endswith(("ed", "en", "ing", "s")) and bool((stems - {word}) & lemmas)


def verb_key(raw: str) -> str:
    """The verb's name as the comments of patterns write it: "+CALL_OFF" -> "CALL_OFF"."""
    return raw.lstrip("+").upper()


# -- pattern syntax ---------------------------------------------------------------------------------

_TOKEN = re.compile(r"[(){}]|[^\s(){}]+")


@dataclass(frozen=True)
class Noun:
    """A noun phrase of a pattern: its head and the words before it ({A B}: B with A)."""

    head: str
    modifiers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Phrase:
    prep: str
    items: tuple[Noun | str, ...]  # nouns and markers


@dataclass
class Parsed:
    """The part of a pattern after ``*``."""

    particles: list[str] = field(default_factory=list)
    bare: list[Noun | str] = field(default_factory=list)  # nouns and markers outside phrases
    phrases: list[Phrase] = field(default_factory=list)


class PatternError(ValueError):
    """A pattern this recipe cannot read or convert; the message is the counted reason."""


def tokenize(text: str) -> list[str | Noun | tuple]:
    """Words, ``{A B}`` nouns and ``(PREP ...)`` groups (as tuples) of one side of a pattern."""
    tokens = _TOKEN.findall(text)
    out: list = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok == "(":
            end = _closing(tokens, i, "(", ")")
            out.append(tuple(_nouns(tokens[i + 1 : end])))
            i = end + 1
        elif tok == "{":
            end = _closing(tokens, i, "{", "}")
            out.extend(_nouns(tokens[i : end + 1]))
            i = end + 1
        elif tok in ")}":
            raise PatternError("malformed: unbalanced brackets")
        else:
            out.extend(_nouns([tok]))
            i += 1
    return out


def _closing(tokens: list[str], start: int, opening: str, closing: str) -> int:
    for j in range(start + 1, len(tokens)):
        if tokens[j] == opening:
            break
        if tokens[j] == closing:
            return j
    raise PatternError("malformed: unbalanced brackets")


def _nouns(tokens: list[str]) -> list[Noun | str]:
    """Words as nouns (a word with underscores is a multi-word noun, "DEBT_RELIEF"), braces as one
    noun with its modifiers, markers as they are."""
    out: list[Noun | str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok == "{":
            end = tokens.index("}", i)
            words = [w.lower() for t in tokens[i + 1 : end] for w in t.split("_") if w]
            if words:
                out.append(Noun(words[-1], tuple(words[:-1])))
            i = end + 1
            continue
        if tok in MARKERS:
            out.append(tok)
        elif tok.startswith("&"):
            out.append(Noun(tok.lower()))  # a synonym set's name may hold "_": "&FIGHT_OF_WORDS"
        else:
            words = [w for w in tok.lower().split("_") if w]
            if words:
                out.append(Noun(words[-1], tuple(words[:-1])))
        i += 1
    return out


def parse_post(text: str) -> Parsed:
    """The part after ``*``: leading particles, bare nouns and markers, prepositional phrases (with
    TABARI's unbracketed "ON +" read as the phrase "(ON +)")."""
    parsed = Parsed()
    items = tokenize(text)
    while items and isinstance(items[0], Noun) and not items[0].modifiers and items[0].head in PARTICLES and (
            len(items) == 1 or not isinstance(items[1], Noun) or items[0].head not in PREPOSITIONS):
        parsed.particles.append(items.pop(0).head)
    if items and isinstance(items[0], tuple) and items[0] and isinstance(items[0][0], Noun) \
            and items[0][0].head in PARTICLES - PREPOSITIONS:
        group = items.pop(0)  # "(ASIDE RIFT)": a particle and its object
        parsed.particles.append(group[0].head)
        items = list(group[1:]) + items
    open_phrase: list | None = None
    for item in items:
        if isinstance(item, tuple):
            open_phrase = None
            if not item or not isinstance(item[0], Noun) or item[0].modifiers:
                raise PatternError("malformed: a phrase without its preposition")
            parsed.phrases.append(Phrase(item[0].head, tuple(item[1:])))
        elif isinstance(item, Noun) and not item.modifiers and item.head in PREPOSITIONS:
            open_phrase = [item.head]
            parsed.phrases.append(Phrase(item.head, ()))
        elif open_phrase is not None:
            last = parsed.phrases[-1]
            parsed.phrases[-1] = Phrase(last.prep, (*last.items, item))
        else:
            parsed.bare.append(item)
    return parsed


# -- codes ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Codes:
    forward: str | None  # source -> target
    reverse: str | None  # target -> source ("[042:043]": 043; "[:173]": 173)


def parse_codes(text: str) -> Codes:
    first, colon, second = text.partition(":")
    return Codes(_known(_code(first)), _known(_code(second)) if colon else None)


def cameo_codes(path: Path = CAMEO) -> frozenset[str]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return frozenset(line.split("\t")[0] for line in lines[1:])


KNOWN = cameo_codes()


def _known(code: str | None) -> str | None:
    """A code of kroniek's CAMEO table: PETRARCH reads a code it does not know as its cue category
    ("080!" as 080, "176" as 170); a finer code than the table has as its parent ("1952" as 195)."""
    if code is None or code in KNOWN:
        return code
    for candidate in (code[:3], code[:2] + "0"):
        if candidate in KNOWN:
            return candidate
    return None


# -- rows ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    word: str
    pos: str
    code: str
    frame: str
    obj: str = ""
    prep: str = ""
    unless: str = ""
    origin: str = ""
    note: str = ""

    def key(self) -> tuple[str, str, str, str]:
        """What decides which row of a word fires: its conditions."""
        return (self.word, self.pos, self.obj, self.prep)

    def cells(self) -> list[str]:
        return [self.word, self.pos, self.code, self.frame, self.obj, self.prep, self.unless, self.origin,
                self.note]


# the frame for a code, by its longest prefix: where the other party of the act usually stands
FRAME_BY_CODE = {
    "01": "say", "012": "eval", "013": "eval", "014": "eval", "015": "eval", "016": "eval", "018": "eval",
    "019": "recip",
    "02": "appeal", "03": "promise",
    "04": "meet", "042": "visit", "043": "trans", "045": "meet",
    "05": "coop", "051": "eval", "052": "eval", "053": "eval", "054": "trans", "055": "give", "056": "trans",
    "057": "recip",
    "06": "coop", "063": "give", "07": "give", "074": "move-to",
    "08": "yield", "081": "trans", "0841": "trans", "0842": "trans", "084": "trans", "086": "trans",
    "0874": "move-from",
    "09": "probe", "10": "appeal", "11": "eval", "12": "eval", "125": "recip", "13": "threaten", "14": "protest",
    "145": "repress", "15": "posture", "16": "reduce", "164": "recip", "166": "trans",
    "17": "trans", "171": "thing", "173": "arrest", "174": "trans", "175": "repress",
    "18": "attack", "19": "attack", "191": "reduce", "20": "attack",
}
# frames of the other side's act ("[:CODE]"), by code
REVERSE_FRAME_BY_CODE = {"173": "tried", "093": "tried", "18": "suffer", "19": "suffer", "20": "suffer"}


def family_frame(code: str, table: dict[str, str] = FRAME_BY_CODE, default: str = "trans") -> str:
    """The frame of a code by its longest prefix in the table."""
    for size in range(len(code), 1, -1):
        if code[:size] in table:
            return table[code[:size]]
    return default


def _target_slots(conv: Conversion, target: list[str], bare_preps: list[str], noun_preps: list[str],
                  symmetric: bool) -> list[str]:
    """The target slots of a written-out frame: the pattern's own (``+``), else the subject when
    ``$`` stands after the verb, else the family's with a bare phrase first, a phrase with nouns
    searched last, ``subj-other`` and "with" for a code paired with itself; ``^`` phrases left out."""
    if conv.target is not None:
        slots = list(conv.target)
    elif conv.source and conv.source != ["subj"]:
        slots = ["subj"]
    else:
        slots = [s for p in bare_preps for s in (p, f"obj.{p}")] + target
        slots += [f"{p}*" for p in noun_preps]
        if symmetric:
            slots += ["with", "obj.with", "subj-other"]
    skip = set().union(*(_prep_slots(p) for p in conv.unplaced)) if conv.unplaced else set()
    return [s for s in dict.fromkeys(slots) if s not in skip]


class Frames:
    """The frames of frames.en.yaml, to write a frame out with some of its slots left out."""

    def __init__(self, path: Path) -> None:
        self.raw: dict = yaml.safe_load(path.read_text(encoding="utf-8"))

    def slots(self, name: str) -> tuple[list[str], list[str]]:
        frame, _, arg = name.partition(":")
        raw = self.raw[frame]
        return ([s.replace("{p}", arg) for s in raw["source"]], [s.replace("{p}", arg) for s in raw["target"]])

    def named(self, source: list[str], target: list[str]) -> str:
        """A frame's name when the slots are exactly a frame's without implicit roles, else the slots
        written out ("subj>obj" is "trans")."""
        for name, raw in self.raw.items():
            if "{p}" not in str(raw) and not self.implicit(name) and (raw["source"], raw["target"]) == (source, target):
                return name
        return written_out(source, target)

    def implicit(self, name: str) -> bool:
        raw = self.raw[name.partition(":")[0]]
        return bool(raw.get("implicit_source") or raw.get("implicit_target"))


def _prep_slots(prep: str) -> set[str]:
    return {prep, f"{prep}*", f"obj.{prep}", f"obj.{prep}*"}


def written_out(source: list[str], target: list[str]) -> str:
    return f"{','.join(source)}>{','.join(target)}"


# -- converting one pattern --------------------------------------------------------------------------


@dataclass
class Conversion:
    """What one pattern asks of a clause, before it is bound to a verb."""

    particles: list[str]
    obj: str = ""  # a word or "@p2_set"
    preps: list[tuple[str, str]] = field(default_factory=list)  # (prep, "word|@class" or "")
    source: list[str] | None = None  # slots written out by $ / +
    target: list[str] | None = None
    unplaced: set[str] = field(default_factory=set)  # prepositions whose actor is no party (^)
    multiword: bool = False  # the object or a phrase came from {A B}
    notes: list[str] = field(default_factory=list)


class Converter:
    """Turns the dictionary's verb lines and patterns into rows, counting what it cannot express."""

    def __init__(self, dictionary: Dictionary, frames: Frames) -> None:
        self.dictionary = dictionary
        self.frames = frames
        self.classes_used: set[str] = set()
        self.losses: Counter[str] = Counter()
        self.read = 0
        self.verb_rows: Counter[str] = Counter()

    # words and classes
    def word(self, noun: Noun | str) -> str:
        """The condition word of a noun: for ``{A B}`` the modifier nearest the head that is no
        generic adjective, as it is what makes the code ({HUMANITARIAN AID} 0233 beside AID 023,
        {PEACE &PROPOSAL} 127); the coder finds it among the clause's words when the object's head is
        another word. Else the head."""
        if isinstance(noun, str):
            raise PatternError(f"a marker {noun} where a noun stands")
        if NEGATORS & set(noun.modifiers):
            raise PatternError("a negated noun ({NO AID}): the coder decides negation itself")
        content = [m for m in noun.modifiers if m not in GENERIC]
        return self._name(content[-1] if content else noun.head)

    def _name(self, word: str) -> str:
        if word.startswith("&"):
            key = word.upper()
            if key not in self.dictionary.synsets and f"{key}_" in self.dictionary.synsets:
                key = f"{key}_"
            if key not in self.dictionary.synsets:
                raise PatternError("an undefined synonym set")
            name = class_name(key)
            self.classes_used.add(key)
            return f"@{name}"
        return word.lower()

    # one pattern
    def convert(self, post: Parsed, pre: list) -> Conversion:
        conv = Conversion(list(post.particles))
        self._pre(pre, conv)
        nouns = [b for b in post.bare if isinstance(b, Noun)]
        markers = [b for b in post.bare if isinstance(b, str)]
        if len(nouns) > 1:
            raise PatternError("two or more bare noun phrases after the verb (a TABARI word sequence)")
        if nouns:
            if conv.obj:
                raise PatternError("a subject-position adverb and an object: one object condition per row")
            conv.obj = self.word(nouns[0])
            conv.multiword = bool(nouns[0].modifiers)
        for marker in markers:
            self._bare_marker(marker, conv)
        for phrase in post.phrases:
            self._phrase(phrase, conv)
        return conv

    def _pre(self, pre: list, conv: Conversion) -> None:
        """Words before ``*``: ``$`` is the subject as usual; an adverb in -ly is a clause word; any
        other word constrains the subject, which a lexicon row cannot."""
        for item in pre:
            if item == "$":
                continue
            if item == "+":
                conv.target = ["subj"]
            elif item == "%":
                conv.target = ["subj-other"]
            elif isinstance(item, Noun) and not item.modifiers and item.head.endswith("ly") and not conv.obj:
                conv.obj = item.head
                conv.notes.append(f"the adverb '{item.head}' before the verb")
            else:
                raise PatternError("subject constraint (words before *): no lexicon condition on the subject")

    def _bare_marker(self, marker: str, conv: Conversion) -> None:
        if marker == "+":
            conv.target = ["obj"]
        elif marker == "$":
            conv.source = ["obj"]
        elif marker == "%":
            conv.target = ["subj-other"]
        else:
            raise PatternError("^ outside a phrase (a TABARI word sequence)")

    def _phrase(self, phrase: Phrase, conv: Conversion) -> None:
        prep = phrase.prep
        nouns = [i for i in phrase.items if isinstance(i, Noun)]
        markers = [i for i in phrase.items if isinstance(i, str)]
        if len(markers) > 1 or (markers and nouns):
            raise PatternError("a marker with words in one phrase (a TABARI word sequence)")
        if len(nouns) > 1:
            raise PatternError("two or more nouns in one phrase (a TABARI word sequence)")
        if markers:
            self._phrase_marker(prep, markers[0], conv)
            return
        if "/" in prep:
            raise PatternError("alternative prepositions in one phrase (TO/FOR): one phrase per condition")
        words = self.word(nouns[0]) if nouns else ""
        conv.multiword |= bool(nouns and nouns[0].modifiers)
        conv.preps.append((prep, words.replace("/", "|")))

    def _phrase_marker(self, prep: str, marker: str, conv: Conversion) -> None:
        slots = [prep, f"obj.{prep}"]
        if marker == "+":
            conv.target = slots
            conv.preps.append((prep, ""))
        elif marker == "$":
            conv.source = ["subj"] if prep == "by" else slots
            if prep != "by":
                conv.preps.append((prep, ""))
        elif marker == "^":
            conv.unplaced.add(prep)
            conv.preps.append((prep, ""))
        else:
            raise PatternError("% inside a phrase")

    # frames
    def frame(self, code: str, conv: Conversion, reverse: bool, symmetric: bool = False) -> str:
        """The row's frame: the family frame of its code (``thing`` for a transitive act whose object
        condition names a thing: "establish diplomatic ties" has its other party in a phrase), with a
        phrase named without nouns as the place of the other party, slots of ``$``/``+`` written out,
        ``^`` phrases left out; a code paired with itself ("[046:046]") adds each of coordinated
        subjects towards the other and the "with" phrase, the half of the second event the coder can say."""
        if reverse:
            return self._reverse_frame(code, conv)
        name = family_frame(code)
        if name == "trans" and conv.obj:
            name = "thing"
        bare_preps = [p for p, words in conv.preps if not words and p not in conv.unplaced]
        # a phrase whose nouns the row names holds the thing; the party may stand inside it ("looked
        # into the charges against Y", "called for the release of Y")
        # (not a phrase of place: "in elections", "at the hearing" name where)
        noun_preps = [p for p, words in conv.preps if words and p not in conv.unplaced | LOCATIVE]
        plain = conv.source is None and conv.target is None and not conv.unplaced and not noun_preps
        if plain and not symmetric:
            if len(bare_preps) == 1:
                return f"{'obj-pp' if conv.obj else 'trans-pp'}:{bare_preps[0]}"
            if not bare_preps:
                return name
        if plain and symmetric and not bare_preps and name == "recip":
            return name
        if self.frames.implicit(name) and conv.source is None and conv.target is None:
            return name  # keep the implicit roles; ^ phrases are places there
        source, target = self.frames.slots(name)
        source = conv.source or source
        target = _target_slots(conv, target, bare_preps, noun_preps, symmetric)
        target = [s for s in target if s not in source]
        if not target:
            raise PatternError("no slot is left for the target")
        return self.frames.named(source, target)

    @staticmethod
    def _reverse_frame(code: str, conv: Conversion) -> str:
        """[:CODE]: the subject is the target; the source is the one it comes from: a court for a
        trial, the phrase of the attack a victim died in, else the giver ("received aid from Y")."""
        if conv.source or (conv.target and conv.target != ["subj"]):
            raise PatternError("[:CODE] with $ or + after the verb")
        named = [p for p, _ in conv.preps if p not in conv.unplaced]
        name = family_frame(code, REVERSE_FRAME_BY_CODE, "receive")
        if name == "suffer":
            return f"suffer:{named[0]}" if named else "receive"
        if name == "receive" and not conv.obj and not conv.preps:
            return "reverse"
        return name


def class_name(key: str) -> str:
    """"&MILITARY" -> "p2_military"; "&AUXVERB1_" -> "p2_auxverb1"."""
    return "p2_" + key.lstrip("&").rstrip("_").lower()


def class_words(entries: list[str], plurals: bool = True) -> list[str]:
    """A synonym set's entries as the words the coder compares: "CASH_" -> cash; a phrase
    ("CEASE_FIRE", "PRIME MINISTER") as one hyphenated word, the way such compounds are written as
    one token ("cease-fire"); with the plural PETRARCH makes of an entry that does not end in "_"
    in a set whose name does not either (the lemmatizer leaves some plurals: "refugees")."""
    words: list[str] = []
    for entry in entries:
        parts = [p for p in re.split(r"[\s_{}]+", entry.lower()) if p]
        if not parts:
            continue
        words.append("-".join(parts))
        if plurals and not entry.strip().endswith("_") and not entry.strip().startswith("{"):
            words.append("-".join([*parts[:-1], plural(parts[-1])]))
    return list(dict.fromkeys(words))


def plural(noun: str) -> str:
    """PETRARCH's plural of a synonym-set noun (make_plural_noun)."""
    if noun.endswith("y"):
        return noun[:-1] + "ies"
    if noun.endswith("s"):
        return noun[:-1] + "es"
    return noun + "s"


# -- the hand-written patterns -----------------------------------------------------------------------


@dataclass(frozen=True)
class Hand:
    """A hand-written pattern of patterns.en.yaml as far as a generated row can collide with it."""

    id: str
    code: str
    obj: frozenset[str] | None
    preps: frozenset[str]

    @property
    def unconditional(self) -> bool:
        return self.obj is None and not self.preps


def read_hand(path: Path = HAND) -> dict[str, list[Hand]]:
    """The hand-written verb patterns by verb: they are reviewed, and win over the generated rows."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    by_verb: dict[str, list[Hand]] = {}
    for items in raw["patterns"].values():
        for item in items:
            if item.get("content"):
                continue
            obj = frozenset(str(w).lower() for w in item["obj"]) if item.get("obj") else None
            hand = Hand(item["id"], str(item["code"]), obj, frozenset(str(p).lower() for p in item.get("prep") or {}))
            for verb in item.get("verb") or ():
                by_verb.setdefault(str(verb).lower(), []).append(hand)
    return by_verb


# -- the whole dictionary ----------------------------------------------------------------------------

PREFER_LAST = "a later pattern of the verb has the same conditions and another code (PETRARCH2 keeps the last)"
REPEAT = "repeats a later pattern of the verb (same conditions, same code)"


@dataclass
class Candidate:
    row: Row
    block: str
    pattern: int | None  # the pattern's line; None for a verb line
    specific: int  # 1 when a condition came from a multi-word noun: tried before single words


class Compiler:
    """Verb lines, then patterns, block by block, into rows; conflicts resolved as PETRARCH2 does."""

    def __init__(self, dictionary: Dictionary, frames: Frames, review: dict[int, str]) -> None:
        self.d = dictionary
        self.conv = Converter(dictionary, frames)
        self.review = review
        self.rows: dict[tuple, Candidate] = {}
        self.first_block: dict[str, str] = {}
        self.outcome: dict[int, str] = {}  # pattern line -> "converted" or a skip reason
        self.unless: dict[str, list[tuple[str, int]]] = {}  # word -> ([---] words, pattern line)
        self.replaced: dict[int, str] = {}  # pattern line -> why a later row took its place

    # verb lines
    def verb_lines(self) -> None:
        for block in self.d.blocks:
            for verb in block.verbs:
                self._verb_line(block, verb)

    def _verb_line(self, block: Block, verb: VerbLine) -> None:
        trigger = verb_trigger(verb.raw)
        key = verb_key(verb.raw)
        if verb.line in self.review:
            self.conv.verb_rows["verb line dropped in review (training/lexicon_review/petrarch2-en.tsv)"] += 1
            self.first_block.setdefault(key, block.name)
            return
        if trigger is None:
            self.conv.verb_rows["verb line skipped: a coordination of verbs (TABARI), each verb has its own"] += 1
            return
        lemmas = {t.word for v in block.verbs if (t := verb_trigger(v.raw))}
        if trigger.pos == "verb" and _inflected(trigger.word, lemmas):
            self.conv.verb_rows["verb line skipped: an inflected form of a verb of the block (FORGIVEN)"] += 1
            return
        if key in self.first_block:
            self.conv.verb_rows["verb line skipped: the verb is in an earlier block (PETRARCH2 reads the first)"] += 1
            return
        self.first_block[key] = block.name
        codes = parse_codes(verb.code if verb.code is not None else block.code)
        if codes.forward is None and codes.reverse is None:
            self.conv.verb_rows["verb line without a code (block [---]): a lemma for its patterns only"] += 1
            return
        if codes.forward and codes.reverse:
            self.conv.losses[_paired(codes, "verb lines")] += 1
        conv = Conversion([], obj=trigger.obj[0] if trigger.obj else "",
                          preps=[(p, "|".join(n)) for p, n in trigger.prep])
        code = codes.forward or codes.reverse or ""
        row = Row(trigger.word, trigger.pos, code,
                  self.conv.frame(code, conv, not codes.forward, codes.forward == codes.reverse),
                  conv.obj, _prep_cell(conv.preps), origin=f"petrarch2:{block.name}:{verb.line}",
                  note=f"verb line {verb.raw} [{verb.code or block.code}]")
        self._add(Candidate(row, block.name, None, 0))
        self.conv.verb_rows["verb line: a row"] += 1

    # patterns
    def patterns(self) -> None:
        for block in self.d.blocks:
            for pattern in block.patterns:
                self.conv.read += 1
                reason = self._pattern(block, pattern)
                self.outcome[pattern.line] = reason or "converted"

    def _pattern(self, block: Block, pattern: PatternLine) -> str | None:
        if pattern.line in self.review:
            return "dropped in review (training/lexicon_review/petrarch2-en.tsv)"
        match = re.match(r"^(.*)\[([^\]]*)\]\s*$", pattern.text)
        if not match or match.group(1).count("*") != 1:
            return "malformed: no single * or no [code] at the end"
        pre_text, post_text = match.group(1).split("*")
        codes = parse_codes(match.group(2))
        try:
            pre = tokenize(pre_text)
            if any(isinstance(p, tuple) for p in pre):
                raise PatternError("subject constraint (words before *): no lexicon condition on the subject")
            conv = self.conv.convert(parse_post(post_text), pre)
        except PatternError as exc:
            return str(exc)
        verbs, choice = self._verbs(block, pattern)
        if choice:
            conv.notes.append(choice)
        if not verbs:
            return "its verbs are in an earlier block (PETRARCH2 reads a verb's first block)"
        if codes.forward is None and codes.reverse is None:
            return self._null(block, pattern, conv, verbs)
        return self._rows(block, pattern, conv, codes, verbs)

    def _verbs(self, block: Block, pattern: PatternLine) -> tuple[list[VerbLine], str]:
        """The verbs the pattern's comment names in any form (where PETRARCH found it: "# SOUGHT",
        "# PULLED_OUT"); when it names none of the block's, the block's head verb (its name, else its
        first verb): PETRARCH applies a pattern to every synonym of the block, but the synonym sets
        were merged after the patterns were written for one verb ("SET * FIRE" is no "base fire").
        Only verbs whose first block this is. Returns the verbs and a note on the choice."""
        named = set(re.findall(r"[A-Z][A-Z_+-]*", pattern.comment.split("<")[0]))
        own = [v for v in block.verbs if self.first_block.get(verb_key(v.raw)) == block.name]
        if any(v.names() & named for v in block.verbs):
            return [v for v in own if v.names() & named], ""
        head = [v for v in own if verb_key(v.raw) == block.name] or own[:1]
        said = f"its verb {', '.join(sorted(named))} is not in the block" if named else "no verb named"
        return head, f"{said}: given to the block's head verb"

    def _rows(self, block: Block, pattern: PatternLine, conv: Conversion, codes: Codes,
              verbs: list[VerbLine]) -> str | None:
        code, reverse = (codes.forward, False) if codes.forward else (codes.reverse, True)
        try:
            frame = self.conv.frame(code, conv, reverse, codes.forward == codes.reverse)
        except PatternError as exc:
            return str(exc)
        notes = list(conv.notes)
        if codes.forward and codes.reverse:
            self.conv.losses[_paired(codes, "patterns")] += 1
            notes.append(f"second event {codes.reverse} (target to source) not coded")
        if reverse:
            notes.append(f"[:{code}]: the other side's act, the subject its target")
        made = 0
        for verb in verbs:
            row = self._bind(verb, conv, code, frame, block, pattern, notes)
            if row is not None:
                self._add(Candidate(row, block.name, pattern.line, int(conv.multiword)))
                made += 1
        return None if made else "its verb line already holds the condition (one object condition per row)"

    def _bind(self, verb: VerbLine, conv: Conversion, code: str, frame: str, block: Block,
              pattern: PatternLine, notes: list[str]) -> Row | None:
        trigger = verb_trigger(verb.raw)
        if trigger is None:
            return None
        if trigger.obj and conv.obj:
            return None
        word = " ".join([trigger.word, *conv.particles])
        if trigger.pos == "adj" and conv.particles:
            return None
        preps = [(p, "|".join(n)) for p, n in trigger.prep] + conv.preps
        text = f"{verb_key(verb.raw)} {pattern.text}".replace("  ", " ")
        note = "; ".join([text, *notes])
        return Row(word, trigger.pos, code, frame, conv.obj or (trigger.obj[0] if trigger.obj else ""),
                   _prep_cell(preps), origin=f"petrarch2:{block.name}:{pattern.line}", note=note)

    def _null(self, block: Block, pattern: PatternLine, conv: Conversion, verbs: list[VerbLine]) -> str | None:
        """A [---] pattern: its words block the verb's row without conditions."""
        if conv.particles or conv.source or conv.target or conv.unplaced:
            return "null code [---] on a phrasal verb or with $/+/^: nothing to block"
        words = [conv.obj] + [w for _, w in conv.preps]
        if not all(words[1:]) or not any(words):
            return "null code [---] with a phrase without nouns: no unless condition can say it"
        for verb in verbs:
            trigger = verb_trigger(verb.raw)
            if trigger is not None:
                self.unless.setdefault(trigger.word, []).extend((w, pattern.line) for w in words if w)
        return None

    def attach_unless(self) -> None:
        """The [---] words on each verb's row without conditions; patterns whose verbs have none
        become skips."""
        blocked: set[int] = set()
        for cand in self.rows.values():
            row = cand.row
            if row.obj or row.prep or row.word not in self.unless:
                continue
            entries = self.unless[row.word]
            words = list(dict.fromkeys(w for w, _ in entries))
            cand.row = replace(row, unless="|".join(words),
                               note=f"{row.note}; [---] patterns on lines {', '.join(str(n) for _, n in entries)}")
            blocked |= {n for _, n in entries}
        for entries in self.unless.values():
            for _, line in entries:
                if line not in blocked and self.outcome.get(line) == "converted":
                    self.outcome[line] = "null code [---] where the verb has no code: nothing to block"

    def _add(self, cand: Candidate) -> None:
        key = cand.row.key()
        old = self.rows.get(key)
        if old is not None:
            self.rows.pop(key)
            if old.pattern is None:
                self.conv.verb_rows["verb line: a row"] -= 1
                self.conv.verb_rows["verb line: its row taken by a pattern of the block with the same conditions"] += 1
            else:
                same = old.row.code == cand.row.code
                self.replaced[old.pattern] = REPEAT if same else PREFER_LAST
        self.rows[key] = cand

    def yield_to_hand(self, hand: dict[str, list[Hand]]) -> None:
        """The hand-written patterns are reviewed and win: a row without conditions for a verb they
        code without conditions never fires, and a row with the code of one of the verb's hand-written
        patterns whose words it shares (or that has none) would only take its place with another frame."""
        for key, cand in list(self.rows.items()):
            reason = self._hand_reason(cand.row, hand.get(cand.row.word, []))
            if reason is None:
                continue
            del self.rows[key]
            if cand.pattern is None:
                self.conv.verb_rows["verb line: a row"] -= 1
                self.conv.verb_rows[f"verb line skipped: {reason}"] += 1
            else:
                self.replaced[cand.pattern] = reason

    def _hand_reason(self, row: Row, hands: list[Hand]) -> str | None:
        if not row.obj and not row.prep:
            if any(h.unconditional for h in hands):
                return "patterns.en.yaml codes the verb without conditions (hand-written wins)"
            return None
        words = set(self._expand(row.obj))
        preps = {p.split("=")[0].strip() for p in row.prep.split(";") if p.strip()}
        for h in hands:
            if h.code == row.code and (h.unconditional or (h.obj is not None and words & h.obj) or preps & h.preps):
                return "repeats the code of a hand-written pattern of the verb with its words (hand-written wins)"
        return None

    def _expand(self, cell: str) -> list[str]:
        out: list[str] = []
        for item in filter(None, cell.split("|")):
            if item.startswith("@"):
                key = next(k for k in self.d.synsets if class_name(k) == item[1:])
                out += class_words(self.d.synsets[key], not key.endswith("_"))
            else:
                out.append(item)
        return out

    def finish(self) -> list[Row]:
        """Rows in table order: by word; within a word, conditions from multi-word nouns first (they
        tie in specificity with single words and the first row of equals wins), then source order."""
        kept = {c.pattern for c in self.rows.values() if c.pattern is not None}
        for line, outcome in self.outcome.items():
            if outcome == "converted" and line not in kept and not any(line == n for e in self.unless.values()
                                                                       for _, n in e):
                self.outcome[line] = self.replaced.get(line, PREFER_LAST)
        ordered = sorted(self.rows.values(), key=lambda c: (c.row.word, c.row.pos, -c.specific,
                                                            c.pattern or 0))
        return [c.row for c in ordered]


def _paired(codes: Codes, what: str) -> str:
    if codes.forward == codes.reverse:
        return (f"{what} with a paired code [A:A]: the second event (target to source) is coded only for a "
                "coordinated subject ('X and Y ...', subj-other); one row fires per trigger")
    return f"{what} with a paired code [A:B]: the second event B (target to source) is not coded; one row fires"


def _prep_cell(preps: list[tuple[str, str]]) -> str:
    return "; ".join(f"{p}={w}" if w else p for p, w in preps)


# -- review, output ----------------------------------------------------------------------------------


def read_review(path: Path) -> dict[int, str]:
    """Pattern lines the review drops, with the reason (training/lexicon_review/petrarch2-en.tsv)."""
    dropped: dict[int, str] = {}
    if not path.exists():
        return dropped
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    for line in lines[1:]:
        cells = line.split("\t")
        if len(cells) >= 4 and cells[2] == "drop":
            dropped[int(cells[0])] = cells[3]
    return dropped


def write_table(rows: list[Row], path: Path) -> None:
    header = (f"# Generated by training/build_lexicon_en.py from SHARED_DATA_DIR/{SOURCE} (PETRARCH2's CAMEO verb "
              f"dictionary, {LICENCE}); do not edit by hand: change the recipe or "
              "training/lexicon_review/petrarch2-en.tsv and run `make lexicon-en-data`.\n")
    lines = [header, "\t".join(COLUMNS) + "\n"]
    lines += ["\t".join(row.cells()) + "\n" for row in rows]
    path.write_text("".join(lines), encoding="utf-8")


def write_classes(dictionary: Dictionary, used: set[str], path: Path) -> None:
    header = (f"# Generated by training/build_lexicon_en.py from SHARED_DATA_DIR/{SOURCE} (PETRARCH2's synonym sets, "
              f"{LICENCE}); "
              "do not edit by hand. The sets petrarch2.tsv uses, as word classes @p2_NAME.\n")
    body = {class_name(key): class_words(dictionary.synsets[key], not key.endswith("_")) for key in sorted(used)}
    text = yaml.safe_dump(body, allow_unicode=True, sort_keys=True, default_flow_style=None, width=120)
    path.write_text(header + text, encoding="utf-8")


def summary(compiler: Compiler, rows: list[Row]) -> str:
    outcomes = Counter(compiler.outcome.values())
    converted = outcomes.pop("converted", 0)
    lines = [f"patterns read: {compiler.conv.read}", f"patterns converted: {converted}",
             f"rows written: {len(rows)} (from verb lines {sum(1 for r in rows if r.note.startswith('verb line'))}, "
             f"from patterns {sum(1 for r in rows if not r.note.startswith('verb line'))})",
             f"distinct lemmas: {len({r.word for r in rows})}; codes: {len({r.code for r in rows})}",
             "patterns skipped, by reason:"]
    lines += [f"  {n:5d}  {reason}" for reason, n in outcomes.most_common()]
    lines.append("verb lines:")
    lines += [f"  {n:5d}  {reason}" for reason, n in compiler.conv.verb_rows.most_common()]
    lines.append("converted with a loss:")
    lines += [f"  {n:5d}  {reason}" for reason, n in compiler.conv.losses.most_common()]
    lines.append(f"verb transformations not converted (the coder has no verb-interaction rules): "
                 f"{compiler.d.transformations}")
    return "\n".join(lines)


def build(shared: Path, out: Path) -> str:
    """Compile the dictionary into OUT_DIR's table and classes; returns the summary."""
    source = shared / SOURCE
    dictionary = read_dictionary(source)
    compiler = Compiler(dictionary, Frames(FRAMES), read_review(REVIEW))
    compiler.verb_lines()
    compiler.patterns()
    compiler.attach_unless()
    compiler.yield_to_hand(read_hand())
    rows = compiler.finish()
    out.mkdir(parents=True, exist_ok=True)
    write_table(rows, out / "petrarch2.tsv")
    write_classes(dictionary, compiler.conv.classes_used, out / "petrarch2-classes.yaml")
    return summary(compiler, rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("shared", type=Path, help="the shared data folder (holds petrarch2_dictionaries/)")
    parser.add_argument("out", type=Path, help="the English lexicon folder to write petrarch2.tsv into")
    args = parser.parse_args()
    print(build(args.shared, args.out))


if __name__ == "__main__":
    main()
