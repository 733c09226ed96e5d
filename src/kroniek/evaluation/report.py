"""The evaluation report: counts per level and per root, rows for error analysis, table and JSON forms."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from kroniek.evaluation.matching import LEVELS


@dataclass
class Counts:
    """TP/FP/FN of one level or one root, with P, R and F1 (0 when undefined)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, float]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": self.precision,
                "recall": self.recall, "f1": self.f1}


class ArticleRow(NamedTuple):
    """One article's counts at level root."""

    id: str
    tp: int
    fp: int
    fn: int


class NonEventHit(NamedTuple):
    """An asserted system event whose sentence holds a gold `non_events` anchor."""

    article: str
    anchor: str
    event: str  # short summary: "SOURCE CAMEO TARGET (rule)"
    matches_gold: bool  # the event is matched (at level root) to a gold event of that same sentence


class MissedGold(NamedTuple):
    """A non-optional gold event no system event matched at level root."""

    article: str
    anchor: str
    cameo: str
    source: str  # acceptable keys joined with "|"
    target: str | None


class FalsePositive(NamedTuple):
    """A system event that matched no gold event at level root."""

    article: str
    sentence: str
    source: str | None
    target: str | None
    cameo: str | None
    rule: str | None


@dataclass
class Report:
    """Micro-averaged scores over all gold articles, with the material for error analysis."""

    levels: dict[str, Counts] = field(default_factory=lambda: {level: Counts() for level in LEVELS})
    roots: dict[str, Counts] = field(default_factory=dict)
    articles: list[ArticleRow] = field(default_factory=list)
    non_event_hits: list[NonEventHit] = field(default_factory=list)
    missed: list[MissedGold] = field(default_factory=list)
    false_positives: list[FalsePositive] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (`kroniek evaluate --json`)."""
        return {
            "levels": {level: counts.to_dict() for level, counts in self.levels.items()},
            "roots": {root: self.roots[root].to_dict() for root in sorted(self.roots)},
            "non_event_hits": [hit._asdict() for hit in self.non_event_hits],
            "articles": [row._asdict() for row in self.articles],
            "missed": [item._asdict() for item in self.missed],
            "false_positives": [item._asdict() for item in self.false_positives],
        }

    def format_table(self, summary: bool = False) -> str:
        """A plain-text report: the three levels, per-root figures, non-event hits, per-article counts;
        `summary`: the three levels and per-root figures only (for a score-only set, no article's
        counts, so nothing points at a sentence)."""
        lines = [f"{'level':<8}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"]
        lines += [_row(level, counts) for level, counts in self.levels.items()]
        lines += ["", f"{'root':<8}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"]
        if summary:
            return "\n".join(lines + [_row(root, self.roots[root]) for root in sorted(self.roots)])
        lines += [_row(root, self.roots[root]) for root in sorted(self.roots)]
        gold_too = sum(hit.matches_gold for hit in self.non_event_hits)
        also = f" ({gold_too} of them matched to a gold event of the same sentence)" if gold_too else ""
        lines += ["", f"system events in non-event sentences: {len(self.non_event_hits)}{also}", ""]
        width = max([len("article"), *(len(row.id) for row in self.articles)])
        lines.append(f"{'article':<{width}}{'TP':>6}{'FP':>6}{'FN':>6}")
        lines += [f"{row.id:<{width}}{row.tp:>6}{row.fp:>6}{row.fn:>6}" for row in self.articles]
        return "\n".join(lines)


def _row(name: str, c: Counts) -> str:
    return f"{name:<8}{c.precision:>7.3f}{c.recall:>7.3f}{c.f1:>7.3f}{c.tp:>6}{c.fp:>6}{c.fn:>6}"
