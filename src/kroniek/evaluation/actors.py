"""Score the actor resolver against hand-coded actor mentions (eval/actors/*.tsv).

A mentions file is tab-separated with the header `doc date lang mention nth code kind`:
- `doc`: a text file relative to the mentions file, or `shared:<path>` for a gold article (JSON,
  see ../shared/eval/FORMAT.md) relative to the shared eval folder, whose text is read at run time;
- `mention`, `nth`: the nth occurrence (1-based, case-sensitive) of that string in the text;
- `code`: the right CAMEO actor code, alternatives separated by `|`, or `-` when the string must
  not be resolved to any coded actor;
- `kind`: what sort of mention it is (country, person, title+person, pronoun, ...), for the breakdown.

A mention is right when the system actor that overlaps it most has one of the gold codes (for `-`:
when no overlapping actor has a code). No overlapping actor means unresolved: wrong.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kroniek.errors import Errors, KroniekError
from kroniek.model import Actor, Document

HEADER = ["doc", "date", "lang", "mention", "nth", "code", "kind"]
SHARED_PREFIX = "shared:"


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


@dataclass
class MentionResult:
    gold: GoldMention
    code: str | None  # the system's code (None when unresolved)
    rule: str | None
    correct: bool


@dataclass
class ActorReport:
    """Accuracy overall, per language and per kind, and every wrong mention for error analysis."""

    results: list[MentionResult] = field(default_factory=list)

    @staticmethod
    def _accuracy(rows: list[MentionResult]) -> dict[str, Any]:
        right = sum(r.correct for r in rows)
        return {"mentions": len(rows), "correct": right, "accuracy": right / len(rows) if rows else 0.0}

    def breakdown(self, key: Callable[[MentionResult], str]) -> dict[str, dict[str, Any]]:
        groups: dict[str, list[MentionResult]] = defaultdict(list)
        for row in self.results:
            groups[key(row)].append(row)
        return {k: self._accuracy(v) for k, v in sorted(groups.items())}

    def to_dict(self) -> dict[str, Any]:
        return {
            "overall": self._accuracy(self.results),
            "by_lang": self.breakdown(lambda r: r.gold.lang),
            "by_kind": self.breakdown(lambda r: r.gold.kind),
            "errors": [
                {"where": r.gold.where, "doc": r.gold.doc, "mention": r.gold.mention, "nth": r.gold.nth,
                 "gold": "|".join(r.gold.codes) or "-", "system": r.code, "rule": r.rule}
                for r in self.results if not r.correct
            ],
        }

    def format_table(self) -> str:
        data = self.to_dict()
        lines = ["actor codes                 mentions  correct  accuracy"]
        rows = [("all", data["overall"])] + [(f"lang {k}", v) for k, v in data["by_lang"].items()]
        rows += [(f"kind {k}", v) for k, v in data["by_kind"].items()]
        for name, c in rows:
            lines.append(f"{name:<26} {c['mentions']:>9} {c['correct']:>8} {c['accuracy']:>9.3f}")
        if data["errors"]:
            lines.append("")
            lines.append("wrong (gold -> system, rule):")
            for e in data["errors"]:
                lines.append(f"  {e['where']}  {e['mention']!r} #{e['nth']}: {e['gold']} -> "
                             f"{e['system'] or 'unresolved'} ({e['rule'] or '-'})")
        return "\n".join(lines)


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
        if not mention or any(not c.isalnum() or not c.isupper() for c in codes) or not code:
            raise _bad(where, f"needs a mention and a code of capital letters or '-', got {mention!r} {code!r}")
        mentions.append(GoldMention(doc, date or None, lang, mention, int(nth), codes, kind, where))
    return mentions


def _text_of(doc: str, base: Path, shared: Path | None, where: str) -> tuple[str, dict]:
    if doc.startswith(SHARED_PREFIX):
        if shared is None:
            raise _bad(where, f"{doc} needs the shared eval folder (set --shared or KRONIEK_SHARED)")
        path = shared / "eval" / doc[len(SHARED_PREFIX):]
        try:
            article = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise _bad(where, f"cannot read {path} ({exc})") from None
        return article["text"], article
    path = base / doc
    try:
        return path.read_text(encoding="utf-8"), {}
    except (OSError, UnicodeDecodeError) as exc:
        raise _bad(where, f"cannot read {path} ({exc})") from None


def _locate(text: str, gold: GoldMention) -> GoldMention:
    start = -1
    for _ in range(gold.nth):
        start = text.find(gold.mention, start + 1)
        if start < 0:
            raise _bad(gold.where, f"{gold.mention!r} occurs fewer than {gold.nth} times in {gold.doc}")
    return replace(gold, start=start, end=start + len(gold.mention))


def documents_for(files: Iterable[Path], shared: Path | None) -> tuple[list[Document], dict[str, list[GoldMention]]]:
    """The documents the mentions are in (one per distinct `doc`) and the located mentions per doc_id."""
    documents: dict[str, Document] = {}
    by_doc: dict[str, list[GoldMention]] = defaultdict(list)
    for path in files:
        for gold in load_mentions(path):
            doc_id = gold.doc if gold.doc.startswith(SHARED_PREFIX) else str(path.parent / gold.doc)
            if doc_id not in documents:
                text, article = _text_of(gold.doc, path.parent, shared, gold.where)
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
    """Resolve every document the mention files point at and judge each mention."""
    documents, by_doc = documents_for(files, shared)
    actors = resolve(documents)
    report = ActorReport()
    for doc_id, golds in by_doc.items():
        for gold in golds:
            report.results.append(judge(gold, actors.get(doc_id, [])))
    return report
