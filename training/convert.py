"""Convert the open corpora in ../shared/data into spaCy DocBin training files.

Sources (see ../shared/data/README.md):
- UD Dutch LassySmall 2.0 train, Alpino dev, and the current LassySmall dev/test sentences that are
  not in the 2.0 train (listed in lassysmall-current-in-2.0-train.txt) -> ud-train.spacy;
  Alpino test -> ud-test.spacy (evaluation only, never trained on).
- CoNLL-2002 Dutch NER: ned.train -> ner-train.spacy, ned.testa -> ner-dev.spacy (tuning),
  ned.testb -> ner-test.spacy (evaluation only).

Usage: python training/convert.py SHARED_DATA_DIR OUT_DIR [keep|relabel|drop [COPIES]]
The default (keep, 1) is what the bundled pipeline was trained on; the other variants are the
experiments described in src/kroniek/nlp/MODEL_CARD.md.
"""

from __future__ import annotations

import random
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from spacy.training import biluo_tags_to_spans, iob_to_biluo

# Alpino writes compound and separable-verb lemmas with an underscore ("af_lopen", "basis_niveau");
# the lemma a reader expects is the joined word.
_LEMMA_JOINER = re.compile(r"(?<=\w)_(?=\w)")


def read_conllu(path: Path) -> Iterator[tuple[str | None, list[list[str]]]]:
    """Yield (sent_id, rows) per sentence; rows are the 10 CoNLL-U columns, multiword lines skipped."""
    sent_id, rows = None, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if rows:
                yield sent_id, rows
            sent_id, rows = None, []
        elif line.startswith("#"):
            if line.startswith("# sent_id"):
                sent_id = line.split("=", 1)[1].strip()
        else:
            cols = line.split("\t")
            if len(cols) == 10 and cols[0].isdigit():
                rows.append(cols)
    if rows:
        yield sent_id, rows


def conllu_doc(vocab, rows: list[list[str]]) -> Doc:
    words = [r[1] for r in rows]
    spaces = ["SpaceAfter=No" not in r[9] for r in rows]
    heads = [int(r[6]) - 1 if r[6] != "0" else i for i, r in enumerate(rows)]
    deps = ["ROOT" if r[6] == "0" else r[7] for r in rows]
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        pos=[r[3] for r in rows],
        morphs=[r[5] if r[5] != "_" else "" for r in rows],
        lemmas=[_LEMMA_JOINER.sub("", r[2]) for r in rows],
        heads=heads,
        deps=deps,
    )


def grouped(docs: list[Doc], n: int) -> list[Doc]:
    """Join runs of n consecutive sentences into one Doc, so the parser learns where sentences end."""
    return [Doc.from_docs(docs[i : i + n]) for i in range(0, len(docs), n)]


CLOSED_CLASSES = frozenset({"ADP", "AUX", "CCONJ", "DET", "NUM", "PRON", "PUNCT", "SCONJ", "ADV"})


def aligned_annotations(ud: Path) -> Iterator[tuple[list[list[str]], list[list[str]]]]:
    """(LassySmall 2.0 rows, current-release rows) of each sentence in both, matched by its words."""
    old = {tuple(r[1] for r in rows): rows for _, rows in read_conllu(ud / "nl_lassysmall-ud2.0-train.conllu")}
    shared = set((ud / "lassysmall-current-in-2.0-train.txt").read_text().split())
    for name in ("nl_lassysmall-ud-dev.conllu", "nl_lassysmall-ud-test.conllu"):
        for sid, rows in read_conllu(ud / name):
            before = old.get(tuple(r[1] for r in rows)) if sid in shared else None
            if before is not None:
                yield before, rows


def guideline_agreement(ud: Path) -> dict[str, float]:
    """How far the two annotations of the same sentences agree: heads (UAS), heads and labels (LAS),
    UPOS, as if one were the other's parse."""
    tokens = heads = labelled = pos = 0
    for before, rows in aligned_annotations(ud):
        for a, b in zip(before, rows, strict=True):
            tokens += 1
            heads += a[6] == b[6]
            labelled += a[6] == b[6] and a[7] == b[7]
            pos += a[3] == b[3]
    return {"tokens": tokens, "UAS": heads / tokens, "LAS": labelled / tokens, "UPOS": pos / tokens}


def guideline_map(ud: Path, min_count: int = 3, min_share: float = 0.6) -> dict[tuple, str]:
    """How the current UD Dutch release relabels what LassySmall 2.0 annotated, learned from the
    sentences that are in both (the 1,409 listed in lassysmall-current-in-2.0-train.txt): for a
    token whose head is the same in both, the new dependency label and UPOS given the old label,
    UPOS and word (falling back to label and UPOS, then to the label alone). Old and new agree
    on only 71% of labelled attachments and 94% of UPOS tags on those sentences: trained on the old
    labels, a parser learns a scheme the Alpino test set does not use."""
    counts: dict[tuple, Counter] = {}
    for before, rows in aligned_annotations(ud):
        for a, b in zip(before, rows, strict=True):
            if a[6] != b[6]:
                continue
            # word-level keys only for closed classes: "zijn" DET -> PRON generalises, a noun
            # that happened to stand in a name ("museum" -> PROPN) does not
            closed = a[3] in CLOSED_CLASSES
            dep_keys = [("dep", a[7], a[3], a[1].lower())] if closed else []
            pos_keys = [("pos", a[3], a[1].lower())] if closed else []
            for key in (*dep_keys, ("dep", a[7], a[3]), ("dep", a[7])):
                counts.setdefault(key, Counter())[b[7]] += 1
            for key in (*pos_keys, ("pos", a[3])):
                counts.setdefault(key, Counter())[b[3]] += 1
    mapping = {}
    for key, c in counts.items():
        label, n = c.most_common(1)[0]
        if n >= min_count and n / sum(c.values()) >= min_share:
            mapping[key] = label
    return mapping


def relabel(rows: list[list[str]], mapping: dict[tuple, str]) -> list[list[str]]:
    """An old-guideline sentence with the current release's labels where they are predictable."""
    out = []
    for r in rows:
        r = list(r)
        word = r[1].lower()
        dep = next((mapping[k] for k in (("dep", r[7], r[3], word), ("dep", r[7], r[3]), ("dep", r[7]))
                    if k in mapping), r[7])
        pos = next((mapping[k] for k in (("pos", r[3], word), ("pos", r[3])) if k in mapping), r[3])
        r[7] = dep if r[6] != "0" else "root"
        r[3] = pos
        out.append(r)
    return out


def ud_docs(data: Path, vocab, sents_per_doc: int = 10, old_train: str = "keep",
            current_copies: int = 1) -> tuple[list[Doc], list[Doc]]:
    """Training and test Docs. `old_train`: what to do with LassySmall 2.0 train (older guidelines):
    "relabel" to the current scheme, "keep" as annotated, "drop" it. `current_copies`: how often
    the sentences annotated under the current guidelines (Alpino dev, current LassySmall) are seen."""
    ud = data / "ud_dutch"
    skip = set((ud / "lassysmall-current-in-2.0-train.txt").read_text().split())
    train: list[Doc] = []
    if old_train != "drop":
        mapping = guideline_map(ud) if old_train == "relabel" else {}
        sents = [relabel(r, mapping) for _, r in read_conllu(ud / "nl_lassysmall-ud2.0-train.conllu")]
        train += grouped([conllu_doc(vocab, r) for r in sents], sents_per_doc)
    current = grouped([conllu_doc(vocab, r) for _, r in read_conllu(ud / "nl_alpino-ud-dev.conllu")], sents_per_doc)
    for name in ("nl_lassysmall-ud-dev.conllu", "nl_lassysmall-ud-test.conllu"):
        kept = [conllu_doc(vocab, r) for sid, r in read_conllu(ud / name) if sid not in skip]
        current += grouped(kept, sents_per_doc)
    train += current * current_copies
    test = [conllu_doc(vocab, rows) for _, rows in read_conllu(ud / "nl_alpino-ud-test.conllu")]
    return train, test


def read_conll2002(path: Path) -> Iterator[list[list[tuple[str, str]]]]:
    """Yield articles (split at -DOCSTART-) as lists of sentences of (word, iob) pairs."""
    article, sent = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if sent:
                article.append(sent)
            sent = []
        elif parts[0] == "-DOCSTART-":
            if sent:
                article.append(sent)
            if article:
                yield article
            article, sent = [], []
        else:
            sent.append((parts[0], parts[-1]))
    if sent:
        article.append(sent)
    if article:
        yield article


def ner_docs(path: Path, vocab, sents_per_doc: int = 10) -> list[Doc]:
    """Group each article's sentences into documents of a few sentences, so NER sees context."""
    docs = []
    for article in read_conll2002(path):
        for i in range(0, len(article), sents_per_doc):
            chunk = article[i : i + sents_per_doc]
            words = [w for s in chunk for w, _ in s]
            tags = [t for s in chunk for _, t in s]
            starts = [j == 0 for s in chunk for j in range(len(s))]
            doc = Doc(vocab, words=words, sent_starts=starts)
            doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(tags))
            docs.append(doc)
    return docs


def write(docs: list[Doc], path: Path) -> None:
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    print(f"{path}: {len(docs)} docs, {sum(len(d) for d in docs)} tokens")


def main(data: Path, out: Path, old_train: str = "keep", current_copies: str = "1") -> None:
    out.mkdir(parents=True, exist_ok=True)
    vocab = spacy.blank("nl").vocab
    train, test = ud_docs(data, vocab, old_train=old_train, current_copies=int(current_copies))
    random.Random(0).shuffle(train)
    # A small slice of the training sentences steers checkpoint selection; Alpino test stays unseen.
    dev = train[:50]
    held = {id(d) for d in dev}  # a repeated document never sits on both sides
    write([d for d in train[50:] if id(d) not in held], out / "ud-train.spacy")
    write(dev, out / "ud-dev.spacy")
    write(test, out / "ud-test.spacy")
    conll = data / "conll2002_nl"
    write(ner_docs(conll / "ned.train", vocab), out / "ner-train.spacy")
    write(ner_docs(conll / "ned.testa", vocab), out / "ner-dev.spacy")
    write(ner_docs(conll / "ned.testb", vocab), out / "ner-test.spacy")


if __name__ == "__main__" and sys.argv[1:2] == ["--agreement"]:
    # python training/convert.py --agreement SHARED_DATA_DIR: how far LassySmall 2.0 and the current
    # release agree on the sentences in both
    print(guideline_agreement(Path(sys.argv[2]) / "ud_dutch"))
elif __name__ == "__main__":
    if len(sys.argv) not in (3, 4, 5) or (len(sys.argv) >= 4 and sys.argv[3] not in ("relabel", "keep", "drop")):
        sys.exit("usage: python training/convert.py SHARED_DATA_DIR OUT_DIR [relabel|keep|drop [COPIES]]")
    main(Path(sys.argv[1]), Path(sys.argv[2]), *sys.argv[3:])
