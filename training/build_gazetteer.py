"""Build the name lists behind the Dutch pipeline's gazetteer features (kroniek/nlp/gazetteer.py).

Source: Alpino's Dutch name gazetteers in ../shared/data/actor_sources/alpino (`per`, `geo`, `org`:
286,176 names of people, places and organisations, no codes; LGPL-2.1, see SOURCES.txt there).
Each name is split into words with spaCy's Dutch tokenizer, and each word is listed with the
positions it takes in names of each kind: S (the whole name), B (first word), I (a later word).

Usage: python training/build_gazetteer.py SHARED_DATA_DIR OUT.tsv.gz
"""

from __future__ import annotations

import gzip
import html
import sys
from collections import defaultdict
from pathlib import Path

import spacy

LISTS = {"per": "PER", "geo": "LOC", "org": "ORG"}
QUOTES = "\"' "


def names(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        name = html.unescape(line).strip(QUOTES)
        if name and any(ch.isalpha() for ch in name):
            out.append(name)
    return out


def build(data: Path) -> dict[str, set[str]]:
    tokenizer = spacy.blank("nl").tokenizer
    lists: dict[str, list[str]] = defaultdict(list)
    for filename, kind in LISTS.items():
        lists[kind] += names(data / "actor_sources" / "alpino" / filename)
    table: dict[str, set[str]] = defaultdict(set)
    for kind, found in lists.items():
        for doc in tokenizer.pipe(sorted(set(found)), batch_size=2000):
            words = [t.text for t in doc if not t.is_space]
            if len(words) == 1:
                table[words[0]].add(f"{kind}-S")
            elif words:
                table[words[0]].add(f"{kind}-B")
                for word in words[1:]:
                    table[word].add(f"{kind}-I")
    return table


def main(data: Path, out: Path) -> None:
    table = build(data)
    out.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"{word}\t{','.join(sorted(tags))}\n" for word, tags in sorted(table.items())]
    # mtime=0: the same input gives the same bytes
    with open(out, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as f:
        f.write("".join(lines).encode("utf-8"))
    print(f"{out}: {len(lines)} words")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python training/build_gazetteer.py SHARED_DATA_DIR OUT.tsv.gz")
    main(Path(sys.argv[1]), Path(sys.argv[2]))
