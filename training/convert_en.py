"""Convert UD English EWT (../shared/data/ud_english_ewt) into spaCy DocBin training files.

train -> en-ud-train.spacy, dev -> en-ud-dev.spacy (checkpoint selection),
test -> en-ud-test.spacy (evaluation only, never trained on).

Usage: python training/convert_en.py SHARED_DATA_DIR OUT_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

import spacy
from convert import conllu_doc, grouped, read_conllu, write


def main(data: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    vocab = spacy.blank("en").vocab
    ewt = data / "ud_english_ewt"
    for split in ("train", "dev", "test"):
        docs = [conllu_doc(vocab, rows) for _, rows in read_conllu(ewt / f"en_ewt-ud-{split}.conllu")]
        if split == "train":
            docs = grouped(docs, 10)
        write(docs, out / f"en-ud-{split}.spacy")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python training/convert_en.py SHARED_DATA_DIR OUT_DIR")
    main(Path(sys.argv[1]), Path(sys.argv[2]))
