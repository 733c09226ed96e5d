"""How well story clusters group reprints, and what grouping costs: on the shared corpus's articles
(read at run time) and reprints made from each (another headline, the first half, an edited copy).

    python benchmarks/stories.py ../shared/corpus/eu_belarus.jsonl

Prints how many reprints joined their original's story, how many originals were merged with
another original (each such pair listed, to be judged by eye: a real corpus holds real reprints),
and the time per document of storing with grouping against the store's own time.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from kroniek.model import Document
from kroniek.store import Store, stories

BATCH = 64  # documents per write, as cli.FLUSH_DOCUMENTS


def _variants(article: dict) -> list[tuple[str, Document]]:
    """(kind, document) for an article's reprints: retitled, shortened, edited."""
    text, base = article["text"], article["id"]
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    if len(paragraphs) > 1:
        short = "\n\n".join(paragraphs[: (len(paragraphs) + 1) // 2])
    else:
        words = text.split()
        short = " ".join(words[: max(1, len(words) // 2)])
    edited = re.sub(r"\bsaid\b", "stated", "\n\n".join(paragraphs[:-1] or paragraphs))
    edited = re.sub(r"\bzei\b", "verklaarde", edited)
    return [
        ("retitled", Document(doc_id=f"{base}~retitled", text=text, title="Another headline",
                              url=f"https://reprint-a.example/{base}")),
        ("shortened", Document(doc_id=f"{base}~shortened", text=short, url=f"https://reprint-b.example/{base}")),
        ("edited", Document(doc_id=f"{base}~edited", text=edited, url=f"https://reprint-c.example/{base}")),
    ]


def _store_all(path: Path, documents: list[Document]) -> float:
    """Seconds to store the documents (no events) in a new store, BATCH at a time as kroniek ingest does."""
    start = time.perf_counter()
    with Store(path) as store, store.writing():
        for first in range(0, len(documents), BATCH):
            store.ingest_many([(doc, [], []) for doc in documents[first : first + BATCH]])
    return time.perf_counter() - start


def main(corpus: Path) -> None:
    articles = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    originals = [Document(doc_id=a["id"], text=a["text"], date=a.get("date"), lang=a.get("lang"),
                          title=a.get("title"), url=a.get("url")) for a in articles]  # fmt: skip
    reprints = [(a["id"], kind, doc) for a in articles for kind, doc in _variants(a)]
    documents = originals + [doc for _, _, doc in reprints]
    with tempfile.TemporaryDirectory() as folder:
        grouped = _store_all(Path(folder) / "grouped.duckdb", documents)
        with duckdb.connect(str(Path(folder) / "grouped.duckdb"), read_only=True) as con:
            story = dict(con.execute("SELECT doc_id, story_id FROM stories").fetchall())
        assign = stories.assign_stories
        stories.assign_stories = lambda con, documents: None  # the same writes without grouping
        try:
            plain = _store_all(Path(folder) / "plain.duckdb", documents)
        finally:
            stories.assign_stories = assign
    n = len(documents)
    print(f"{len(originals)} originals, {len(reprints)} reprints ({n} documents) from {corpus.name}")
    print(f"{'reprint':<12}{'joined its original':>20}{'of':>6}")
    for kind in ("retitled", "shortened", "edited"):
        group = [(orig, doc) for orig, k, doc in reprints if k == kind]
        joined = sum(story[doc.doc_id] == story[orig] for orig, doc in group)
        print(f"{kind:<12}{joined:>20}{len(group):>6}")
    merged = [(doc.doc_id, story[doc.doc_id]) for doc in originals if story[doc.doc_id] != doc.doc_id]
    print(f"originals grouped with another original: {len(merged)} of {len(originals)}")
    for doc_id, into in merged:
        print(f"    {doc_id}  ->  {into}")
    print(f"storing: {grouped / n * 1000:.1f} ms per document with grouping, {plain / n * 1000:.1f} ms without")


if __name__ == "__main__":
    if len(sys.argv) != 2 or not Path(sys.argv[1]).is_file():
        sys.exit("usage: python benchmarks/stories.py CORPUS.jsonl (e.g. ../shared/corpus/eu_belarus.jsonl)")
    main(Path(sys.argv[1]))
