"""Convert the open corpora in ../shared/data into spaCy DocBin training files.

Sources (see ../shared/data/README.md):
- UD Dutch LassySmall 2.0 train, Alpino dev, and the current LassySmall dev/test sentences that are
  not in the 2.0 train (listed in lassysmall-current-in-2.0-train.txt) -> ud-train.spacy;
  Alpino test -> ud-test.spacy (evaluation only, never trained on).
- CoNLL-2002 Dutch NER: ned.train -> ner-train.spacy, ned.testa -> ner-dev.spacy (tuning),
  ned.testb -> ner-test.spacy (evaluation only).

Usage: python training/convert.py SHARED_DATA_DIR OUT_DIR [convert|keep|drop [COPIES]]
The default (convert, 2: the sentences annotated in the current scheme seen twice) is what the
bundled pipeline is trained on; the other variants are the
experiments described in src/kroniek/nlp/MODEL_CARD.md.
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import guidelines
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


def aligned_annotations(ud: Path) -> Iterator[tuple[list[list[str]], list[list[str]]]]:
    """(LassySmall 2.0 rows, current-release rows) of each sentence in both, matched by its words."""
    old = {tuple(r[1] for r in rows): rows for _, rows in read_conllu(ud / "nl_lassysmall-ud2.0-train.conllu")}
    shared = set((ud / "lassysmall-current-in-2.0-train.txt").read_text().split())
    for name in ("nl_lassysmall-ud-dev.conllu", "nl_lassysmall-ud-test.conllu"):
        for sid, rows in read_conllu(ud / name):
            before = old.get(tuple(r[1] for r in rows)) if sid in shared else None
            if before is not None:
                yield before, rows


def current_trees(ud: Path) -> list[list[list[str]]]:
    """The training sentences annotated in the current scheme: Alpino dev and the current LassySmall
    dev/test sentences that are not in the 2.0 train."""
    skip = set((ud / "lassysmall-current-in-2.0-train.txt").read_text().split())
    trees = [rows for _, rows in read_conllu(ud / "nl_alpino-ud-dev.conllu")]
    for name in ("nl_lassysmall-ud-dev.conllu", "nl_lassysmall-ud-test.conllu"):
        trees += [rows for sid, rows in read_conllu(ud / name) if sid not in skip]
    return trees


OLD_TRAIN = ("convert", "keep", "drop")


def ud_docs(data: Path, vocab, sents_per_doc: int = 10, old_train: str = "convert",
            current_copies: int = 2) -> tuple[list[Doc], list[Doc]]:
    """Training and test Docs. `old_train`: what to do with LassySmall 2.0 train (older guidelines):
    "convert" it to the current scheme (guidelines.py), "keep" it as annotated, "drop" it.
    `current_copies`: how often the sentences annotated under the current guidelines (Alpino dev,
    current LassySmall) are seen."""
    ud = data / "ud_dutch"
    current_rows = current_trees(ud)
    train: list[Doc] = []
    if old_train != "drop":
        sents = [rows for _, rows in read_conllu(ud / "nl_lassysmall-ud2.0-train.conllu")]
        if old_train == "convert":
            labels = guidelines.LabelMap.learn(aligned_annotations(ud), current_rows)
            sents = [guidelines.to_current(rows, labels) for rows in sents]
        train += grouped([conllu_doc(vocab, r) for r in sents], sents_per_doc)
    current = grouped([conllu_doc(vocab, r) for r in current_rows], sents_per_doc)
    train += current * current_copies
    test = [conllu_doc(vocab, rows) for _, rows in read_conllu(ud / "nl_alpino-ud-test.conllu")]
    return train, test


def read_conll2002(path: Path) -> Iterator[list[list[tuple[str, str, str]]]]:
    """Yield articles (split at -DOCSTART-) as lists of sentences of (word, tag, iob) triples; the tag
    is CoNLL-2002's coarse part of speech (N, V, Adj, Prep ...)."""
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
            sent.append((parts[0], parts[1], parts[-1]))
    if sent:
        article.append(sent)
    if article:
        yield article


def ner_docs(path: Path, vocab, sents_per_doc: int = 10) -> list[Doc]:
    """Group each article's sentences into documents of a few sentences, so NER sees context. The
    coarse tags go into `tag_`, which the UD documents leave empty: the joint training uses them as
    an auxiliary task for the shared token vectors (joint.py)."""
    docs = []
    for article in read_conll2002(path):
        for i in range(0, len(article), sents_per_doc):
            chunk = article[i : i + sents_per_doc]
            words = [w for s in chunk for w, _, _ in s]
            tags = [t for s in chunk for _, t, _ in s]
            iob = [e for s in chunk for _, _, e in s]
            starts = [j == 0 for s in chunk for j in range(len(s))]
            doc = Doc(vocab, words=words, tags=tags, sent_starts=starts)
            doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(iob))
            docs.append(doc)
    return docs


def write(docs: list[Doc], path: Path) -> None:
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    print(f"{path}: {len(docs)} docs, {sum(len(d) for d in docs)} tokens")


def main(data: Path, out: Path, old_train: str = "convert", current_copies: str = "2") -> None:
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
    # the joint training (training/nl.cfg) reads both corpora from one folder each
    for split in ("train", "dev"):
        folder = out / f"joint-{split}"
        folder.mkdir(exist_ok=True)
        for corpus in ("ud", "ner"):
            link = folder / f"{corpus}.spacy"
            link.unlink(missing_ok=True)
            link.symlink_to(Path("..") / f"{corpus}-{split}.spacy")


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4, 5) or (len(sys.argv) >= 4 and sys.argv[3] not in OLD_TRAIN):
        sys.exit("usage: python training/convert.py SHARED_DATA_DIR OUT_DIR [convert|keep|drop [COPIES]]")
    main(Path(sys.argv[1]), Path(sys.argv[2]), *sys.argv[3:])
