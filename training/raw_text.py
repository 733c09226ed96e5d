"""Raw Dutch text for pretraining the shared tok2vec (`spacy pretrain`, the Makefile's `model-pretrained`).

Writes one JSON line `{"text": ...}` per training document of the joint corpus (`convert.py`'s
`joint-train` folder: the UD Dutch training mix and CoNLL-2002 `ned.train`). Dev and test text is
never written, so pretraining cannot see the sentences the pipeline is tuned or scored on.

    python training/raw_text.py build/corpus/joint-train build/corpus/raw-train.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin


def write_raw_text(corpus: Path, out: Path) -> tuple[int, int]:
    """Write the text of every document in the .spacy files under `corpus`; return (docs, words)."""
    vocab = spacy.blank("nl").vocab
    docs = words = 0
    with out.open("w", encoding="utf-8") as f:
        for path in sorted(corpus.glob("*.spacy")):
            for doc in DocBin().from_disk(path).get_docs(vocab):
                f.write(json.dumps({"text": doc.text}, ensure_ascii=False) + "\n")
                docs += 1
                words += len(doc)
    return docs, words


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("usage: raw_text.py CORPUS_DIR OUT.jsonl")
    docs, words = write_raw_text(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{sys.argv[2]}: {docs} documents, {words} words")


if __name__ == "__main__":
    main()
