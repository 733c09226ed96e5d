"""Score the actor resolver against hand-coded actor mentions (eval/actors/*.tsv).

A mentions file is tab-separated with the header `doc date lang mention nth code kind`:
- `doc`: a text file relative to the mentions file, `shared:<path>` for a gold article (JSON, see
  ../shared/eval/FORMAT.md) relative to the shared eval folder, or `corpus:<file.jsonl>#<id>` for
  the record with that id in a JSON Lines corpus of the shared corpus folder; shared texts are read
  at run time, and a file that needs them is skipped, with a message, when the shared folder is absent;
- `mention`, `nth`: the nth occurrence (1-based, case-sensitive) of that string in the text;
- `code`: the right CAMEO actor code, alternatives separated by `|`, or `-` when the string must
  not be resolved to any coded actor; `---` in place of the country (`---GOV`) when the text does
  not say which country the actor belongs to;
- `kind`: what sort of mention it is (country, person, title+person, pronoun, ...), for the breakdown.

A mention is right when the system actor that overlaps it most has one of the gold codes (for `-`:
when no overlapping actor has a code). No overlapping actor means unresolved: wrong. The report gives
the figures for every file (set) apart and for all together.
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kroniek.errors import Errors, KroniekError
from kroniek.model import Actor, Document

HEADER = ["doc", "date", "lang", "mention", "nth", "code", "kind"]
SHARED_PREFIX = "shared:"
CORPUS_PREFIX = "corpus:"
# a CAMEO code, or "---" (country not known) followed by role codes
CODE = re.compile(r"(?:---)?[A-Z0-9]+")


@dataclass(frozen=True)
class GoldMention:
    """One hand-coded mention: where it is and which codes are right."""

    doc: str  # the `doc` column as written
    date: str | None
    lang: str
    mention: str
    nth: int
    codes: tuple[str, ...]  # empty: must stay unresolved
    kind: str
    where: str  # "file.tsv:line", for messages
    start: int = -1
    end: int = -1
    set: str = ""  # the mentions file's name: the report's figures per set


@dataclass
class MentionResult:
    gold: GoldMention
    code: str | None  # the system's code (None when unresolved)
    rule: str | None
    correct: bool


@dataclass
class ActorReport:
    """Accuracy overall, per set (mentions file), per language and per kind, every wrong mention for
    error analysis, and the sets skipped because their texts could not be read."""

    results: list[MentionResult] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # one line per skipped set, saying why

    @staticmethod
    def _accuracy(rows: list[MentionResult]) -> dict[str, Any]:
        right = sum(r.correct for r in rows)
        return {"mentions": len(rows), "correct": right, "accuracy": right / len(rows) if rows else 0.0}

    @classmethod
    def _groups(cls, rows: list[MentionResult], key: Callable[[MentionResult], str]) -> dict[str, dict[str, Any]]:
        groups: dict[str, list[MentionResult]] = defaultdict(list)
        for row in rows:
            groups[key(row)].append(row)
        return {k: cls._accuracy(v) for k, v in sorted(groups.items())}

    def breakdown(self, key: Callable[[MentionResult], str]) -> dict[str, dict[str, Any]]:
        return self._groups(self.results, key)

    def sets(self) -> list[str]:
        return sorted({r.gold.set for r in self.results})

    def to_dict(self) -> dict[str, Any]:
        by_set = {}
        for name in self.sets():
            rows = [r for r in self.results if r.gold.set == name]
            by_set[name] = {"overall": self._accuracy(rows),
                            "by_lang": self._groups(rows, lambda r: r.gold.lang),
                            "by_kind": self._groups(rows, lambda r: r.gold.kind)}
        return {
            "overall": self._accuracy(self.results),
            "by_set": by_set,
            "by_lang": self.breakdown(lambda r: r.gold.lang),
            "by_kind": self.breakdown(lambda r: r.gold.kind),
            "skipped": list(self.skipped),
            "errors": [
                {"where": r.gold.where, "set": r.gold.set, "doc": r.gold.doc, "mention": r.gold.mention,
                 "nth": r.gold.nth, "gold": "|".join(r.gold.codes) or "-", "system": r.code, "rule": r.rule}
                for r in self.results if not r.correct
            ],
        }

    def format_table(self) -> str:
        data = self.to_dict()
        lines = ["actor codes                 mentions  correct  accuracy"]
        rows = [("all sets", data["overall"])] + [(f"set {k}", v["overall"]) for k, v in data["by_set"].items()]
        rows += [(f"lang {k}", v) for k, v in data["by_lang"].items()]
        rows += [(f"kind {k}", v) for k, v in data["by_kind"].items()]
        for name, c in rows:
            lines.append(f"{name:<26} {c['mentions']:>9} {c['correct']:>8} {c['accuracy']:>9.3f}")
        lines += self._set_columns(data)
        lines += [f"skipped: {line}" for line in data["skipped"]]
        if data["errors"]:
            lines.append("")
            lines.append("wrong (gold -> system, rule):")
            for e in data["errors"]:
                lines.append(f"  {e['where']}  {e['mention']!r} #{e['nth']}: {e['gold']} -> "
                             f"{e['system'] or 'unresolved'} ({e['rule'] or '-'})")
        return "\n".join(lines)

    @staticmethod
    def _set_columns(data: dict[str, Any]) -> list[str]:
        """Each set's accuracy side by side, by language and by kind (correct/mentions)."""
        sets = list(data["by_set"])
        if len(sets) < 2:
            return []
        width = max(14, *(len(s) + 1 for s in sets))
        lines = ["", f"{'by set':<26}" + "".join(f"{s:>{width}}" for s in sets)]

        def cell(counts: dict[str, Any] | None) -> str:
            if not counts:
                return f"{'':>{width}}"
            return f"{counts['correct']}/{counts['mentions']} {counts['accuracy']:.3f}".rjust(width)

        rows = [("all", "overall", None)]
        rows += [(f"lang {k}", "by_lang", k) for k in data["by_lang"]]
        rows += [(f"kind {k}", "by_kind", k) for k in data["by_kind"]]
        for name, part, key in rows:
            cells = [data["by_set"][s][part] if key is None else data["by_set"][s][part].get(key) for s in sets]
            lines.append(f"{name:<26}" + "".join(cell(c) for c in cells))
        return lines


def _bad(where: str, reason: str) -> KroniekError:
    return KroniekError(Errors.E017, name=where, reason=reason)


def load_mentions(path: Path) -> list[GoldMention]:
    """The rows of one mentions file, each checked; a bad row raises E017 naming file and line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise _bad(str(path), f"cannot read ({exc})") from None
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader, None)
    if header != HEADER:
        raise _bad(f"{path}:1", f"header must be {' '.join(HEADER)}")
    mentions = []
    for number, row in enumerate(reader, start=2):
        where = f"{path}:{number}"
        if not row:
            continue
        if len(row) != len(HEADER):
            raise _bad(where, f"{len(row)} columns, expected {len(HEADER)}")
        doc, date, lang, mention, nth, code, kind = row
        if not nth.isdigit() or int(nth) < 1:
            raise _bad(where, f"nth must be a positive number, not {nth!r}")
        codes = () if code == "-" else tuple(code.split("|"))
        if not mention or not code or any(not CODE.fullmatch(c) for c in codes):
            raise _bad(where, f"needs a mention and a code of capital letters (or ---ROLE) or '-', "
                              f"got {mention!r} {code!r}")
        mentions.append(GoldMention(doc, date or None, lang, mention, int(nth), codes, kind, where, set=path.name))
    return mentions


def needs_shared(doc: str) -> bool:
    """Whether a `doc` column points into the shared folder (a gold article or a corpus record)."""
    return doc.startswith((SHARED_PREFIX, CORPUS_PREFIX))


class _Texts:
    """The texts the `doc` column names, each file read once (a corpus holds many documents)."""

    def __init__(self, shared: Path | None) -> None:
        self.shared = shared
        self._corpora: dict[Path, dict[str, dict]] = {}

    def read(self, doc: str, base: Path, where: str) -> tuple[str, dict]:
        """The text and, for shared documents, the article or record it comes from."""
        if doc.startswith(SHARED_PREFIX):
            article = self._json(self._shared("eval", where) / doc[len(SHARED_PREFIX):], where)
            return self._text(article, doc, where), article
        if doc.startswith(CORPUS_PREFIX):
            name, sep, record_id = doc[len(CORPUS_PREFIX):].partition("#")
            if not sep or not name or not record_id:
                raise _bad(where, f"a corpus document is written corpus:<file.jsonl>#<id>, not {doc!r}")
            record = self._corpus(self._shared("corpus", where) / name, where).get(record_id)
            if record is None:
                raise _bad(where, f"no record with id {record_id!r} in {name}")
            return self._text(record, doc, where), record
        path = base / doc
        try:
            return path.read_text(encoding="utf-8"), {}
        except (OSError, UnicodeDecodeError) as exc:
            raise _bad(where, f"cannot read {path} ({exc})") from None

    def _shared(self, folder: str, where: str) -> Path:
        if self.shared is None:
            raise _bad(where, "needs the shared folder (set --shared or KRONIEK_SHARED)")
        return self.shared / folder

    @staticmethod
    def _json(path: Path, where: str) -> dict:
        try:
            article = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise _bad(where, f"cannot read {path} ({exc})") from None
        if not isinstance(article, dict):
            raise _bad(where, f"{path} is not a JSON object")
        return article

    def _corpus(self, path: Path, where: str) -> dict[str, dict]:
        if path not in self._corpora:
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError) as exc:
                raise _bad(where, f"cannot read {path} ({exc})") from None
            records: dict[str, dict] = {}
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except ValueError as exc:
                    raise _bad(where, f"{path} line {number} is not JSON ({exc})") from None
                if isinstance(record, dict) and "id" in record:
                    records[str(record["id"])] = record
            self._corpora[path] = records
        return self._corpora[path]

    @staticmethod
    def _text(article: dict, doc: str, where: str) -> str:
        text = article.get("text")
        if not isinstance(text, str):
            raise _bad(where, f"{doc} has no text")
        return text


def _locate(text: str, gold: GoldMention) -> GoldMention:
    start = -1
    for _ in range(gold.nth):
        start = text.find(gold.mention, start + 1)
        if start < 0:
            raise _bad(gold.where, f"{gold.mention!r} occurs fewer than {gold.nth} times in {gold.doc}")
    return replace(gold, start=start, end=start + len(gold.mention))


def documents_for(files: Iterable[Path], shared: Path | None,
                  skipped: list[str] | None = None) -> tuple[list[Document], dict[str, list[GoldMention]]]:
    """The documents the mentions are in (one per distinct `doc`) and the located mentions per doc_id.
    Without the shared folder, a file with any shared document is left out whole and a line saying
    so is added to `skipped`."""
    texts = _Texts(shared)
    documents: dict[str, Document] = {}
    by_doc: dict[str, list[GoldMention]] = defaultdict(list)
    for path in files:
        mentions = load_mentions(path)
        if shared is None and any(needs_shared(g.doc) for g in mentions):
            if skipped is not None:
                skipped.append(f"{path}: its texts are in the shared folder, which was not found "
                               "(set --shared or KRONIEK_SHARED)")
            continue
        for gold in mentions:
            doc_id = gold.doc if needs_shared(gold.doc) else str(path.parent / gold.doc)
            if doc_id not in documents:
                text, article = texts.read(gold.doc, path.parent, gold.where)
                documents[doc_id] = Document(doc_id=doc_id, text=text, date=gold.date or article.get("date"),
                                             lang=gold.lang or article.get("lang"))
            by_doc[doc_id].append(_locate(documents[doc_id].text, gold))
    return list(documents.values()), by_doc


def judge(gold: GoldMention, actors: list[Actor]) -> MentionResult:
    """Compare one gold mention with the system actor overlapping it most."""
    best, best_overlap = None, 0
    for actor in actors:
        overlap = min(actor.end, gold.end) - max(actor.start, gold.start)
        if overlap > best_overlap:
            best, best_overlap = actor, overlap
    code = best.code if best is not None else None
    rule = best.rule if best is not None else None
    correct = code is None if not gold.codes else code in gold.codes
    return MentionResult(gold, code, rule, correct)


def evaluate_mentions(files: Iterable[Path], shared: Path | None,
                      resolve: Callable[[list[Document]], dict[str, list[Actor]]]) -> ActorReport:
    """Resolve every document the mention files point at and judge each mention; the report says
    which files were skipped because the shared folder their texts are in is absent."""
    report = ActorReport()
    documents, by_doc = documents_for(files, shared, report.skipped)
    actors = resolve(documents) if documents else {}
    for doc_id, golds in by_doc.items():
        for gold in golds:
            report.results.append(judge(gold, actors.get(doc_id, [])))
    return report
