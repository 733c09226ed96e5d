"""Frog against kroniek's bundled Dutch pipeline: NER scores and speed on CoNLL-2002 ned.testb.

Both systems get the same pre-tokenised sentences of ned.testb (sentence boundaries and tokens from
the file; -DOCSTART- lines dropped), so neither tokeniser plays a part:
  * Frog (Debian packages `frog` and `frogdata`, Frog 0.20) reads one sentence per line with its
    tokeniser off: `frog -n --skip=t... --threads=1 -t FILE -o OUT`, run with OMP_NUM_THREADS=1.
      - "frog ner": `--skip=tlacmp` -- tokeniser, lemmatiser, morphology, chunker, multi-word units
        and parser skipped; only what NER needs (the CGN tagger and the NER module) runs.
      - "frog full": `--skip=t` -- every module of the default configuration (tagger, lemmatiser,
        morphology, chunker, NER, multi-word units, dependency parser), only the tokeniser off.
        Multi-word units come back glued with '_' (word and NER tag alike); they are split again so
        the tags line up with the input tokens (ned.testb contains no '_').
  * ours: spacy.load() of src/kroniek/nlp/models/nl, one spaCy Doc per sentence built from the
    file's words (Doc(vocab, words=...)), then the pipeline's components run over those Docs.
      - "ours ner": only `ner`, any tok2vec it listens to (our `ner` has its own tok2vec) and the
        entity ruler before it (knowledge-base names); the other components are excluded at load time.
      - "ours full": every component (tok2vec, morphologizer, parser, trainable_lemmatizer, ner).
    OMP_NUM_THREADS (and the BLAS thread variables) are set to 1 before spaCy is imported.

Label mapping. Frog 0.20's NER module emits IOB tags with six upper-case types (checked on its
output; its set is http://ilk.uvt.nl/folia/sets/frog-ner-nl):
    PER -> PER,  ORG -> ORG,  LOC -> LOC,  PRO (products) -> MISC,  EVE (events) -> MISC,
    MISC -> MISC.
Frog's tag set follows SoNaR-1, not CoNLL-2002: e.g. Frog tags nationality adjectives
("Belgische") LOC where CoNLL-2002 tags them MISC. The mapping is kept as is, so such guideline
differences count against Frog; the numbers measure agreement with CoNLL-2002's annotation.

Scoring follows conlleval: an entity counts as correct only if its type and exact token span match
a gold entity. Chunks are read from IOB tags the conlleval way (an I-X after O or after another
type opens a new chunk). Precision, recall and F1 overall and per type.

Speed: one pass over ned.testb each. Words per second = tokens / processing wall time, without model
loading (for Frog its own "Frogging in total took" timer, for ours the time of nlp.pipe over the
Docs after one small warm-up batch); wall time and CPU seconds, both including model loading, are reported
too. Peak memory: Frog's maximum resident set size from os.wait4 on its process; ours is this Python
process's ru_maxrss after each run (the NER-only pipeline is loaded and run first, so the "ours full"
figure is the peak of both; both include the interpreter and the gold data, about 27 MB before any
model is loaded). "ours full" can score slightly below "ours ner": spaCy's NER never lets an entity
cross a sentence boundary, and in the full pipeline the parser sometimes splits a CoNLL sentence.

Usage: python benchmarks/frog_anchor.py ../shared/data [--json PATH] [--no-full]
Exit code 2 (with a one-line message) when the `frog` executable is not installed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "src" / "kroniek" / "nlp" / "models" / "nl"
TYPES = ("PER", "ORG", "LOC", "MISC")
FROG_TO_CONLL = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "PRO": "MISC", "EVE": "MISC", "MISC": "MISC"}
FROG_CONFIGS = {"frog ner": "tlacmp", "frog full": "t"}
ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
CGN_TAG = re.compile(r"^[A-Z]+\([^)]*\)(_[A-Z]+\([^)]*\))*$")  # Frog's POS column, e.g. N(soort,ev,basis)
IOB_TAGS = re.compile(r"^(O|[BI]-[A-Z]+)(_(O|[BI]-[A-Z]+))*$")
FROG_TIMER = re.compile(
    r"Frogging in total took:\s*(\d+) seconds, (\d+) milliseconds and (\d+) microseconds"
)

Span = tuple[int, int, int, str]  # sentence index, first token, token after the last, type


@dataclass
class Sentence:
    words: list[str]
    tags: list[str]


@dataclass
class Run:
    """One system's pass over the test set."""

    name: str
    spans: set[Span]
    process_s: float
    wall_s: float
    cpu_s: float
    max_rss_kb: int
    notes: dict[str, Any] = field(default_factory=dict)


def read_conll2002(path: Path) -> list[Sentence]:
    """Sentences of a CoNLL-2002 file (word POS IOB per line), -DOCSTART- lines left out."""
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts and parts[0] != "-DOCSTART-":
            words.append(parts[0])
            tags.append(parts[-1])
            continue
        if words:
            sentences.append(Sentence(words, tags))
            words, tags = [], []
    if words:
        sentences.append(Sentence(words, tags))
    return sentences


def iob_spans(sent_index: int, tags: list[str], label_map: dict[str, str] | None = None) -> set[Span]:
    """Entity chunks of one sentence's IOB tags, read as conlleval reads them."""
    spans: set[Span] = set()
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, raw = tag.partition("-")
        label = (label_map.get(raw, raw) if label_map else raw) if raw else ""
        inside = prefix == "I" and label == kind and start >= 0
        if start >= 0 and not inside:
            spans.add((sent_index, start, i, kind))
            start, kind = -1, ""
        if prefix in ("B", "I") and not inside:
            start, kind = i, label
    return spans


def score(gold: set[Span], pred: set[Span]) -> dict[str, dict[str, float]]:
    """conlleval precision/recall/F1 (percentages) overall and per type, with the counts."""

    def prf(g: set[Span], p: set[Span]) -> dict[str, float]:
        correct = len(g & p)
        precision = 100.0 * correct / len(p) if p else 0.0
        recall = 100.0 * correct / len(g) if g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"p": precision, "r": recall, "f1": f1, "gold": len(g), "pred": len(p), "correct": correct}

    result = {"overall": prf(gold, pred)}
    for kind in TYPES:
        result[kind] = prf({s for s in gold if s[3] == kind}, {s for s in pred if s[3] == kind})
    return result


def frog_timer_seconds(stderr: str) -> float | None:
    """Frog's own processing time (without model loading) from its log, if it printed one."""
    match = FROG_TIMER.search(stderr)
    if not match:
        return None
    s, ms, us = (int(x) for x in match.groups())
    return s + ms / 1e3 + us / 1e6


def read_frog_output(path: Path, sentences: list[Sentence]) -> tuple[list[list[str]], Counter[str]]:
    """Frog's NER tags per input token; glued multi-word units are split back on '_'."""
    blocks: list[list[str]] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if tags:
                blocks.append(tags)
                tags = []
            continue
        cols = line.split("\t")
        # The columns shift with the modules skipped (empty lemma/morph columns); the NER tag
        # always comes two columns after the POS tag (the tagger's confidence sits between).
        pos = next((i for i in range(2, len(cols)) if CGN_TAG.match(cols[i])), None)
        if pos is None or pos + 2 >= len(cols) or not IOB_TAGS.match(cols[pos + 2]):
            raise ValueError(f"no POS and NER columns in Frog's line {line!r}")
        word_parts, tag_parts = cols[1].split("_"), cols[pos + 2].split("_")
        if len(word_parts) != len(tag_parts):
            raise ValueError(f"cannot split Frog token {cols[1]!r} / {cols[6]!r}")
        tags.extend(tag_parts)
    if tags:
        blocks.append(tags)
    if len(blocks) != len(sentences):
        raise ValueError(f"Frog returned {len(blocks)} sentences for {len(sentences)}")
    for i, (block, sent) in enumerate(zip(blocks, sentences, strict=True)):
        if len(block) != len(sent.words):
            raise ValueError(f"sentence {i}: Frog returned {len(block)} tokens for {len(sent.words)}")
    types = Counter(t.partition("-")[2] for block in blocks for t in block if t != "O")
    return blocks, types


def run_frog(frog: str, sentences: list[Sentence], name: str, skip: str, workdir: Path) -> Run:
    """One Frog pass over the sentences (one per line, tokeniser off, one thread)."""
    source = workdir / f"{skip}.in.txt"
    target = workdir / f"{skip}.out.tsv"
    log = workdir / f"{skip}.log"
    source.write_text("".join(" ".join(s.words) + "\n" for s in sentences), encoding="utf-8")
    command = [frog, "-n", f"--skip={skip}", "--threads=1", "-t", source.name, "-o", target.name]
    env = {**os.environ, **ONE_THREAD}
    start = time.perf_counter()
    with open(log, "w", encoding="utf-8") as err:
        proc = subprocess.Popen(command, cwd=workdir, env=env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = log.read_text(encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {proc.returncode}: {stderr[-500:]}")
    blocks, types = read_frog_output(target, sentences)
    spans: set[Span] = set()
    for i, tags in enumerate(blocks):
        spans |= iob_spans(i, tags, FROG_TO_CONLL)
    processing = frog_timer_seconds(stderr)
    return Run(
        name=name,
        spans=spans,
        process_s=processing if processing is not None else wall,
        wall_s=wall,
        cpu_s=usage.ru_utime + usage.ru_stime,
        max_rss_kb=usage.ru_maxrss,
        notes={"command": f"OMP_NUM_THREADS=1 frog -n --skip={skip} --threads=1 -t SENTENCES.txt -o OUT.tsv",
               "load_s": wall - processing if processing is not None else None,
               "frog_ner_tokens_by_type": dict(sorted(types.items())),
               "process_time_from": "Frog's own timer" if processing is not None else "wall clock"},
    )


def ner_needs(model: Path) -> list[str]:
    """Components the `ner` component needs: itself, any tok2vec it listens to, and the entity
    ruler that gives it the knowledge base's names."""
    from spacy.util import load_config

    config = load_config(model / "config.cfg")
    components = config["components"]
    needed = ["ner"] + [n for n, c in components.items() if c.get("factory") == "entity_ruler"]
    tok2vec = components["ner"]["model"].get("tok2vec", {})
    if "Listener" in str(tok2vec.get("@architectures", "")):
        upstream = tok2vec.get("upstream", "*")
        needed += [n for n, c in components.items()
                   if c.get("factory") in ("tok2vec", "transformer") and upstream in ("*", n)]
    return needed


def run_ours(model: Path, sentences: list[Sentence], name: str, only_ner: bool) -> Run:
    """One pass of the bundled spaCy pipeline over Docs built from the file's words."""
    import spacy
    from spacy.tokens import Doc

    import kroniek.nlp.gazetteer  # noqa: F401  (registers the name-list layer the bundled pipeline uses)

    cpu0, start_load = time.process_time(), time.perf_counter()
    if only_ner:
        keep = ner_needs(model)
        nlp = spacy.load(model, exclude=[n for n in spacy.util.load_config(model / "config.cfg")["nlp"]["pipeline"]
                                         if n not in keep])
    else:
        nlp = spacy.load(model)
    load_s = time.perf_counter() - start_load
    list(nlp.pipe([Doc(nlp.vocab, words=s.words) for s in sentences[:32]]))  # warm-up, not timed
    docs = [Doc(nlp.vocab, words=s.words) for s in sentences]
    start = time.perf_counter()
    done = list(nlp.pipe(docs))
    process_s = time.perf_counter() - start
    cpu_s = time.process_time() - cpu0  # model loading and warm-up included, as in Frog's figure
    spans = {(i, e.start, e.end, e.label_) for i, doc in enumerate(done) for e in doc.ents}
    return Run(
        name=name,
        spans=spans,
        process_s=process_s,
        wall_s=process_s + load_s,
        cpu_s=cpu_s,
        max_rss_kb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        notes={"components": list(nlp.pipe_names), "spacy": spacy.__version__, "load_s": load_s},
    )


def table(runs: list[Run], scores: dict[str, dict[str, dict[str, float]]], tokens: int) -> str:
    """The results as a plain-text table."""
    head = f"{'system':<10} {'':<8}" + "".join(f"{k:>21}" for k in ("overall", *TYPES))
    sub = f"{'':<19}" + "".join(f"{'P':>7}{'R':>7}{'F1':>7}" for _ in ("overall", *TYPES))
    lines = ["NER, exact-span conlleval scores on ned.testb (%)", head, sub]
    for run in runs:
        s = scores[run.name]
        cells = "".join(f"{s[k]['p']:7.2f}{s[k]['r']:7.2f}{s[k]['f1']:7.2f}" for k in ("overall", *TYPES))
        lines.append(f"{run.name:<19}{cells}")
    lines += ["", f"Speed and memory, one thread, {tokens} tokens, one pass",
              f"{'system':<12}{'words/s':>10}{'proc s':>9}{'wall s +load':>14}{'cpu s +load':>13}{'peak RSS MB':>13}"]
    for run in runs:
        lines.append(f"{run.name:<12}{tokens / run.process_s:>10.0f}{run.process_s:>9.2f}{run.wall_s:>14.2f}"
                     f"{run.cpu_s:>13.2f}{run.max_rss_kb / 1024:>13.0f}")
    lines.append("words/s = tokens / processing wall time without model loading; "
                 "cpu s +load = user+system CPU seconds including model loading")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the shared data dir (holds conll2002_nl/ned.testb)")
    parser.add_argument("--json", type=Path, help="also write the numbers as JSON to this path")
    parser.add_argument("--no-full", action="store_true", help="skip the full-pipeline runs of both systems")
    args = parser.parse_args()

    frog = shutil.which("frog")
    if frog is None:
        print("frog not installed: apt-get install frog frogdata", file=sys.stderr)
        return 2
    os.environ.update(ONE_THREAD)
    test = args.data / "conll2002_nl" / "ned.testb"
    sentences = read_conll2002(test)
    tokens = sum(len(s.words) for s in sentences)
    gold: set[Span] = set()
    for i, sent in enumerate(sentences):
        gold |= iob_spans(i, sent.tags)
    load_before = os.getloadavg()
    baseline_rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    runs: list[Run] = []
    configs = {k: v for k, v in FROG_CONFIGS.items() if not (args.no_full and k == "frog full")}
    with tempfile.TemporaryDirectory(prefix="frog_anchor_") as tmp:
        for name, skip in configs.items():
            print(f"running {name} (--skip={skip}) ...", file=sys.stderr, flush=True)
            runs.append(run_frog(frog, sentences, name, skip, Path(tmp)))
    print("running ours ner ...", file=sys.stderr, flush=True)
    runs.append(run_ours(MODEL, sentences, "ours ner", only_ner=True))
    if not args.no_full:
        print("running ours full ...", file=sys.stderr, flush=True)
        runs.append(run_ours(MODEL, sentences, "ours full", only_ner=False))

    scores = {run.name: score(gold, run.spans) for run in runs}
    print(table(runs, scores, tokens))
    print(f"\nload average before the runs: {' '.join(f'{x:.2f}' for x in load_before)} "
          f"(2-core machine; other jobs slow the speed figures)")
    if args.json:
        report = {
            "test_file": str(test),
            "sentences": len(sentences),
            "tokens": tokens,
            "gold_entities": len(gold),
            "frog_label_map": FROG_TO_CONLL,
            "load_average_before": load_before,
            "python_rss_before_models_mb": baseline_rss_kb / 1024,
            "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()},
            "systems": {
                run.name: {
                    "scores": scores[run.name],
                    "words_per_s": tokens / run.process_s,
                    "process_s": run.process_s,
                    "wall_s_with_load": run.wall_s,
                    "cpu_s_with_load": run.cpu_s,
                    "peak_rss_mb": run.max_rss_kb / 1024,
                    **run.notes,
                }
                for run in runs
            },
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
