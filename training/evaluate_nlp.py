"""Score a pipeline on a test corpus: tagging, parsing, lemmas and NER (whatever the corpus holds),
with words per second, each component's share of the time, and the process's peak memory.

Usage: OMP_NUM_THREADS=1 python training/evaluate_nlp.py PIPELINE CORPUS.spacy [--json PATH]
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

import joint  # noqa: F401  (registers kroniek's layers and the training-time hooks a raw checkpoint names)
import spacy
from spacy.cli.evaluate import evaluate
from spacy.tokens import DocBin

ROWS = [("UPOS", "pos_acc"), ("morphology", "morph_acc"), ("lemma", "lemma_acc"), ("UAS", "dep_uas"),
        ("LAS", "dep_las"), ("NER P", "ents_p"), ("NER R", "ents_r"), ("NER F", "ents_f")]


def main(pipeline: Path, corpus: Path, json_out: Path | None) -> None:
    scores = evaluate(str(pipeline), corpus, silent=True)
    cold, warm, shares = _speed(pipeline, corpus)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{pipeline.name} on {corpus.name}")
    for name, key in ROWS:
        if scores.get(key) is not None:
            print(f"  {name:<12} {100 * scores[key]:6.2f}")
    for label, s in sorted((scores.get("ents_per_type") or {}).items()):
        print(f"  NER {label:<8} P {100 * s['p']:6.2f}  R {100 * s['r']:6.2f}  F {100 * s['f']:6.2f}")
    print(f"  words/s      {warm:,.0f} once warm, {cold:,.0f} in the first pass (start-up included); "
          f"text in, one process, OMP_NUM_THREADS={_threads()}")
    print("  time share   " + ", ".join(f"{name} {100 * share:.0f}%" for name, share in shares.items()))
    print(f"  peak memory  {peak_mb:,.0f} MB")
    if json_out is not None:
        speed = {"words_per_second": warm, "words_per_second_first_pass": cold}
        json_out.write_text(json.dumps({**scores, **speed, "peak_mb": peak_mb}, indent=1))


def _speed(pipeline: Path, corpus: Path) -> tuple[float, float, dict[str, float]]:
    """Words per second of the whole pipeline on the corpus texts (tokenizer included): in a fresh
    pipeline's first pass, which pays one-off start-up costs, and in a second pass, the rate a long
    batch runs at; then each component's share of the time."""
    nlp = spacy.load(pipeline)
    texts = [doc.text for doc in DocBin().from_disk(corpus).get_docs(nlp.vocab)]
    rates = []
    for _ in range(2):
        start = time.perf_counter()
        words = sum(len(doc) for doc in nlp.pipe(texts))
        rates.append(words / (time.perf_counter() - start))
    return rates[0], rates[1], _time_shares(nlp, texts)


def _time_shares(nlp: spacy.language.Language, texts: list[str]) -> dict[str, float]:
    """Each component's share of the pipeline's time over the texts (one pass each)."""
    docs = [nlp.make_doc(text) for text in texts]
    seconds: dict[str, float] = {}
    for name, component in nlp.pipeline:
        start = time.perf_counter()
        docs = list(component.pipe(docs)) if hasattr(component, "pipe") else [component(d) for d in docs]
        seconds[name] = time.perf_counter() - start
    total = sum(seconds.values()) or 1.0
    return {name: t / total for name, t in seconds.items()}


def _threads() -> str:
    import os

    return os.environ.get("OMP_NUM_THREADS", "unset")


if __name__ == "__main__":
    args = sys.argv[1:]
    out = None
    if "--json" in args:
        i = args.index("--json")
        out = Path(args[i + 1])
        del args[i : i + 2]
    if len(args) != 2:
        sys.exit("usage: python training/evaluate_nlp.py PIPELINE CORPUS.spacy [--json PATH]")
    main(Path(args[0]), Path(args[1]), out)
