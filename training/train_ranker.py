"""Train the argument ranker (src/kroniek/events/ranker.py) on the annotated training articles.

Every trigger the coder's patterns match in the training articles (../shared/eval/train, read at
run time) gives candidate (source, target) pairs: the sides its slots found, or every actor of the
sentence for a side they did not. A pair is right when a gold event anchored on that trigger word has
those sides (the gold's actor keys, as the scorer reads them). A logistic model with L2 penalty is
fitted on all pairs; the threshold is the one that, in cross-validation by article, gives the best F1
of the ranker's own decisions (the triggers whose slots left a side empty), with precision at least
--min-precision. Deterministic: no randomness, articles in file order.

    python training/train_ranker.py ../shared src/kroniek/events/data/ranker.nl.json
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import numpy as np

from kroniek.evaluation.gold import load_gold
from kroniek.evaluation.matching import code_acceptable, fold
from kroniek.pipeline import Analyzer


def collect(shared: Path, sets: list[str], lang: str) -> list[dict]:
    """One record per trigger: article, whether its slots left a side empty, its candidate pairs with
    their features and labels."""
    analyzer = Analyzer()
    nlp, resolver, coder = analyzer.parts(lang)
    records: list[dict] = []
    for name in sets:
        for article in load_gold(shared / "eval" / name):
            if (article.get("lang") or "nl") != lang:
                continue
            doc = nlp(article["text"])
            actors = resolver(doc, article.get("date"))
            seen: set[int] = set()

            def observe(ctx, pattern, anchor, is_noun, sources, targets, article=article, seen=seen):
                if anchor.i in seen:
                    return
                seen.add(anchor.i)
                sentence = fold(ctx.span.text)
                word = fold(anchor.text)
                golds = [g for g in article["events"] if fold(g["anchor"]) in sentence
                         and word in fold(g["anchor"]).split()]
                pairs = []
                for source, target, features in coder.candidate_pairs(pattern, anchor, is_noun, ctx, sources, targets):
                    right = any(code_acceptable(g["source"], source.code)
                                and code_acceptable(g.get("target"), target.code) for g in golds)
                    pairs.append((features, right))
                if pairs:
                    records.append({"article": article["id"], "fallback": not (sources and targets), "pairs": pairs})

            coder.observe = observe
            try:
                coder(doc, actors, article["id"], article.get("date"))
            finally:
                coder.observe = None
    return records


def fit(records: list[dict], l2: float, min_count: int, steps: int = 400) -> dict[str, float]:
    """L2-penalised logistic regression by full-batch gradient descent (numpy)."""
    counts = Counter(f for r in records for features, _ in r["pairs"] for f in set(features))
    vocab = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: i for i, f in enumerate(vocab)}
    rows = [[index[f] for f in set(features) if f in index] for r in records for features, _ in r["pairs"]]
    y = np.array([1.0 if right else 0.0 for r in records for _, right in r["pairs"]])
    x = np.zeros((len(rows), len(vocab)))
    for i, cols in enumerate(rows):
        x[i, cols] = 1.0
    w = np.zeros(len(vocab))
    # positives are rare: weigh them up so the model ranks rather than always says no
    weight = np.where(y > 0, max(1.0, (len(y) - y.sum()) / max(1.0, y.sum()) / 3), 1.0)
    rate = 0.5
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ ((p - y) * weight) / len(y) + l2 * w
        w -= rate * grad
    return {f: round(float(v), 5) for f, v in zip(vocab, w, strict=True) if abs(v) > 1e-6}


def decisions(records: list[dict], weights: dict[str, float]) -> list[tuple[float, bool]]:
    """For each trigger whose slots left a side empty: the best pair's probability and whether it is right."""
    out = []
    for r in records:
        if not r["fallback"]:
            continue
        scored = [(1 / (1 + np.exp(-sum(weights.get(f, 0.0) for f in features))), right)
                  for features, right in r["pairs"]]
        out.append(max(scored, key=lambda s: s[0]))
    return out


def choose_threshold(scored: list[tuple[float, bool]], reachable: int, min_precision: float) -> tuple[float, dict]:
    """The threshold with the best F1 of the fallback's decisions among those with enough precision."""
    best = (1.01, {"precision": 0.0, "recall": 0.0, "f1": 0.0, "fired": 0})
    for threshold in np.arange(0.30, 0.96, 0.025):
        fired = [right for p, right in scored if p >= threshold]
        tp = sum(fired)
        precision = tp / len(fired) if fired else 0.0
        recall = tp / reachable if reachable else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        if precision >= min_precision and f1 > best[1]["f1"]:
            best = (round(float(threshold), 3), {"precision": round(precision, 3), "recall": round(recall, 3),
                                                 "f1": round(f1, 3), "fired": len(fired), "right": tp})
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("shared", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="nl")
    parser.add_argument("--sets", nargs="+", default=["train"])
    parser.add_argument("--l2", type=float, default=0.01)
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--min-precision", type=float, default=0.5)
    args = parser.parse_args()
    records = collect(args.shared, args.sets, args.lang)
    articles = sorted({r["article"] for r in records})
    scored: list[tuple[float, bool]] = []
    for k in range(args.folds):
        held = {a for i, a in enumerate(articles) if i % args.folds == k}
        weights = fit([r for r in records if r["article"] not in held], args.l2, args.min_count)
        scored += decisions([r for r in records if r["article"] in held], weights)
    reachable = sum(1 for r in records if r["fallback"] and any(right for _, right in r["pairs"]))
    threshold, cv = choose_threshold(scored, reachable, args.min_precision)
    weights = fit(records, args.l2, args.min_count)
    info = {"trained_on": [f"eval/{s}" for s in args.sets], "triggers": len(records),
            "pairs": sum(len(r["pairs"]) for r in records), "fallback_triggers": sum(r["fallback"] for r in records),
            "fallback_reachable": reachable, "cross_validation": cv, "l2": args.l2, "min_count": args.min_count,
            "min_precision": args.min_precision, "recipe": "training/train_ranker.py"}
    args.out.write_text(json.dumps({"threshold": threshold, "info": info, "weights": weights}, indent=1,
                                   sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps({"threshold": threshold, **info}, indent=1))


if __name__ == "__main__":
    main()
