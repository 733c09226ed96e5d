"""Score system events against gold articles: per article and level, a one-to-one maximum matching."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from kroniek.evaluation.gold import load_gold
from kroniek.evaluation.matching import LEVELS, actor_code, edge_ok, fold, level_ok, max_matching, system_root
from kroniek.evaluation.report import ArticleRow, Counts, FalsePositive, MissedGold, NonEventHit, Report


def _summary(record: dict) -> str:
    source = actor_code(record.get("source")) or "?"
    target = actor_code(record.get("target")) or "-"
    rule = (record.get("evidence") or {}).get("rule")
    return f"{source} {record.get('cameo')} {target}" + (f" ({rule})" if rule else "")


def _match_level(gold: list[dict], records: list[dict], base: list[list[bool]], level: str) -> list[int]:
    """Gold partner (index into `gold`) of each system record at one level, or -1.

    Non-optional gold events go first, so as many as possible are matched; optional ones are added
    after without unmatching any of them, taking system events that would otherwise be FP.
    """
    order = sorted(range(len(gold)), key=lambda g: bool(gold[g].get("optional")))
    adjacency = [
        [s for s in range(len(records)) if base[g][s] and level_ok(gold[g], records[s], level)]
        for g in order
    ]
    return [-1 if left == -1 else order[left] for left in max_matching(adjacency, len(records))]


def _score_article(article: dict, records: list[dict], report: Report) -> None:
    """Add one article's counts, rows and non-event hits to `report`."""
    gold = article["events"]
    sentences = [fold(r.get("sentence") or "") for r in records]
    base = [[edge_ok(g, r, s) for r, s in zip(records, sentences, strict=True)] for g in gold]
    required = [i for i, g in enumerate(gold) if not g.get("optional")]
    for level in LEVELS:
        partner = _match_level(gold, records, base, level)
        matched = {g for g in partner if g != -1}
        counts = Counts(
            tp=sum(1 for g in required if g in matched),
            fp=partner.count(-1),
            fn=sum(1 for g in required if g not in matched),
        )
        report.levels[level].add(counts)
        if level == "root":
            root_partner = partner
            report.articles.append(ArticleRow(article["id"], counts.tp, counts.fp, counts.fn))
            _root_details(article, records, partner, matched, report)
    for record, sentence, g in zip(records, sentences, root_partner, strict=True):
        for item in article["non_events"]:
            if fold(item["anchor"]) in sentence:
                report.non_event_hits.append(NonEventHit(article["id"], item["anchor"], _summary(record), g != -1))
                break


def _root_details(article: dict, records: list[dict], partner: list[int], matched: set[int],
                  report: Report) -> None:
    """Per-root counts and the unmatched gold and system events, at level root."""
    for g, event in enumerate(article["events"]):
        if event.get("optional"):
            continue
        counts = report.roots.setdefault(event["cameo"][:2], Counts())
        if g in matched:
            counts.tp += 1
        else:
            counts.fn += 1
            target = "|".join(event["target"]) if event.get("target") else None
            report.missed.append(MissedGold(article["id"], event["anchor"], event["cameo"],
                                            "|".join(event["source"]), target))
    for record, g in zip(records, partner, strict=True):
        if g != -1:
            continue
        report.roots.setdefault(system_root(record), Counts()).fp += 1
        report.false_positives.append(FalsePositive(
            article["id"], record.get("sentence") or "", actor_code(record.get("source")),
            actor_code(record.get("target")), record.get("cameo"), (record.get("evidence") or {}).get("rule"),
        ))


def asserted(records: Iterable[dict]) -> list[dict]:
    """The records that count for scoring: those with status `asserted`."""
    return [r for r in records if r.get("status") == "asserted"]


def score(gold: list[dict], system: dict[str, list[dict]]) -> Report:
    """Score system events (article id -> records, any status) against gold articles; micro totals."""
    report = Report()
    for article in gold:
        _score_article(article, asserted(system.get(article["id"], [])), report)
    return report


def evaluate_dir(gold_dir: Path, analyze: Callable[[dict], list[dict]]) -> Report:
    """Load the gold articles in `gold_dir`, code each with `analyze(article)` and score the result."""
    gold = load_gold(gold_dir)
    return score(gold, {article["id"]: analyze(article) for article in gold})
