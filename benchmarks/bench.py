"""Throughput and memory of kroniek's pipeline against spaCy's own pass over the same texts.

Texts: the CoNLL-2002 Dutch news articles in ../shared/data (ned.train, ned.testa, ned.testb),
detokenised into plain text. Both passes run on one core in the same process:
  1. baseline: the bundled spaCy pipeline alone (nlp.pipe);
  2. kroniek: the same spaCy pass plus actor resolution and event coding.
Reported: words per second for each, the time of actor resolution and of event coding as a share
of spaCy's time, and peak resident memory.

Usage: python benchmarks/bench.py [SHARED_DATA_DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from kroniek.model import Document
from kroniek.pipeline import Analyzer

ROOT = Path(__file__).resolve().parents[1]


def articles(data: Path) -> list[str]:
    """Each -DOCSTART- article of CoNLL-2002 Dutch as one text, sentences on their own lines."""
    texts: list[str] = []
    for name in ("ned.train", "ned.testa", "ned.testb"):
        sents: list[str] = []
        words: list[str] = []
        for line in (data / "conll2002_nl" / name).read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if not parts or parts[0] == "-DOCSTART-":
                if words:
                    sents.append(" ".join(words))
                    words = []
                if parts and sents:
                    texts.append("\n".join(sents))
                    sents = []
                continue
            words.append(parts[0])
        if words:
            sents.append(" ".join(words))
        if sents:
            texts.append("\n".join(sents))
    return texts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data", nargs="?", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = parser.parse_args()
    texts = articles(Path(args.data))
    if args.limit:
        texts = texts[: args.limit]
    words = sum(len(t.split()) for t in texts)
    analyzer = Analyzer()
    nlp, resolver, coder = analyzer.parts("nl")
    nlp("Opwarmen.")

    start = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    spacy_s = time.perf_counter() - start

    resolve_s = code_s = 0.0
    events = 0
    for i, doc in enumerate(docs):
        t0 = time.perf_counter()
        found = resolver(doc, "2000-06-01")
        t1 = time.perf_counter()
        events += len(coder(doc, found, f"doc{i}", "2000-06-01").events)
        code_s += time.perf_counter() - t1
        resolve_s += t1 - t0

    start = time.perf_counter()
    documents = (Document(f"doc{i}", t, "2000-06-01", "nl") for i, t in enumerate(texts))
    n = sum(1 for _ in analyzer.analyze(documents))
    whole_s = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    rows = [
        ("articles", f"{len(texts)}"),
        ("words", f"{words}"),
        ("events coded", f"{events}"),
        ("spaCy alone: words/s", f"{words / spacy_s:,.0f}"),
        ("kroniek whole pipeline: words/s", f"{words / whole_s:,.0f} ({n} documents)"),
        ("whole pipeline / spaCy time", f"{whole_s / spacy_s:.2f}x"),
        ("actor resolution / spaCy time", f"{resolve_s / spacy_s:.1%}"),
        ("event coding / spaCy time", f"{code_s / spacy_s:.1%}"),
        ("actors + events / spaCy time", f"{(resolve_s + code_s) / spacy_s:.1%}"),
        ("peak resident memory", f"{peak_mb:,.0f} MB"),
    ]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    sys.exit(main())
