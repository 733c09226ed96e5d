"""One story counted once: documents that carry the same story grouped, their events aggregated.

A reprint is found by its text: the same words (case, punctuation and spacing aside) by a hash,
a near copy (another headline, a shortened or lightly edited version) by the share of its word
5-grams ("shingles") that an earlier document holds too. Containment rather than resemblance
(Jaccard) so that a shortened version, all of whose shingles are in the original, counts. Only the
shingles whose hash is divisible by SAMPLE are kept (Broder's mod-sampling), which estimates the
same share on a quarter of the rows. A translation or another story on the same topic shares
names but hardly any 5-gram, and stays apart.

Each document joins the story of the earlier document it overlaps most (its own when none), when
it is stored. Events are then aggregated within a story: the mentions with the same source,
target, CAMEO code, status and date are one event, counted as GDELT 1.0's codebook counts them:
NumMentions every mention (several in one article count), NumSources the distinct outlets (the
host of the article's URL; a document without a URL is its own outlet), NumArticles the distinct
documents.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit

import duckdb

SHINGLE_WORDS = 5
SAMPLE = 4
CONTAINMENT = 0.5  # at least this share of the smaller document's sampled shingles in the other one
MIN_SHARED = 3  # and at least this many of them: a few shared stock phrases are not a reprint

TABLES = (
    """CREATE TABLE IF NOT EXISTS stories (
        doc_id VARCHAR PRIMARY KEY, story_id VARCHAR NOT NULL, text_hash VARCHAR NOT NULL,
        shingles INTEGER NOT NULL)""",
    "CREATE TABLE IF NOT EXISTS shingles (doc_id VARCHAR NOT NULL, h BIGINT NOT NULL)",
)
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The text's words, lower case, without punctuation."""
    return _WORD.findall(text.lower())


def text_hash(text: str) -> str:
    """A hash of the words alone: the same text re-typeset or re-punctuated hashes the same."""
    return hashlib.sha256(" ".join(words(text)).encode("utf-8")).hexdigest()


def shingle_sample(text: str) -> set[int]:
    """The signed 64-bit hashes of the text's word 5-grams that are divisible by SAMPLE."""
    tokens = words(text)
    grams = (" ".join(tokens[i : i + SHINGLE_WORDS]) for i in range(max(0, len(tokens) - SHINGLE_WORDS + 1)))
    hashes = (int.from_bytes(hashlib.blake2b(g.encode("utf-8"), digest_size=8).digest(), "big", signed=True)
              for g in grams)  # fmt: skip
    return {h for h in hashes if h % SAMPLE == 0}


def outlet(url: str | None) -> str | None:
    """The outlet an article's URL names: its host without "www."."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def create_tables(con: duckdb.DuckDBPyConnection) -> None:
    """The story tables, in a new database or one made before they existed; the documents stored
    then are grouped now, in the order they were stored."""
    for statement in TABLES:
        con.execute(statement)
    rows = con.execute("SELECT doc_id, text FROM documents WHERE doc_id NOT IN (SELECT doc_id FROM stories)"
                       " ORDER BY ingested_at, doc_id").fetchall()
    if rows:
        assign_stories(con, rows)


def forget(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> None:
    """Drop documents' story rows (before they are stored again)."""
    if doc_ids:
        marks = ", ".join("?" for _ in doc_ids)
        for table in ("stories", "shingles"):
            con.execute(f"DELETE FROM {table} WHERE doc_id IN ({marks})", list(doc_ids))


def assign_stories(con: duckdb.DuckDBPyConnection, documents: Iterable[tuple[str, str]]) -> None:
    """Give each (doc_id, text), in turn, the story of the document it is a copy of (stored before, or
    earlier in this batch), or its own. Two queries find the stored candidates of the whole batch."""
    batch = [(doc_id, text_hash(text), shingle_sample(text)) for doc_id, text in documents]
    if not batch:
        return
    same_text = _stored_same_text(con, sorted({digest for _, digest, _ in batch}))
    overlaps = _stored_overlaps(con, [sample for _, _, sample in batch])
    chosen: list[str] = []
    for i, (doc_id, digest, sample) in enumerate(batch):
        earlier = [(chosen[j], len(other), len(sample & other)) for j, (_, _, other) in enumerate(batch[:i])]
        story = same_text.get(digest) or _best(sample, overlaps.get(i, []) + earlier) or doc_id
        same_text.setdefault(digest, story)
        chosen.append(story)
    con.execute("INSERT INTO stories SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]),"
                " unnest(?::INTEGER[])", [[d for d, _, _ in batch], chosen, [h for _, h, _ in batch],
                                          [len(sample) for _, _, sample in batch]])  # fmt: skip
    doc_ids = [doc_id for doc_id, _, sample in batch for _ in sample]
    if doc_ids:
        con.execute("INSERT INTO shingles SELECT unnest(?::VARCHAR[]), unnest(?::BIGINT[])",
                    [doc_ids, [h for _, _, sample in batch for h in sorted(sample)]])


def _stored_same_text(con: duckdb.DuckDBPyConnection, digests: list[str]) -> dict[str, str]:
    """text hash -> the story of a stored document with that text."""
    rows = con.execute("SELECT text_hash, min(story_id) FROM stories WHERE text_hash IN"
                       " (SELECT unnest(?::VARCHAR[])) GROUP BY text_hash", [digests]).fetchall()
    return dict(rows)


def _stored_overlaps(con: duckdb.DuckDBPyConnection, samples: list[set[int]]
                     ) -> dict[int, list[tuple[str, int, int]]]:
    """For each batch document (by index): (story, its sample size, shingles shared) of every stored
    document it shares a sampled shingle with."""
    index = [i for i, sample in enumerate(samples) for _ in sample]
    if not index:
        return {}
    rows = con.execute(
        "SELECT b.i, st.story_id, st.shingles, count(*) FROM"
        " (SELECT unnest(?::INTEGER[]) AS i, unnest(?::BIGINT[]) AS h) b"
        " JOIN shingles s ON s.h = b.h JOIN stories st ON st.doc_id = s.doc_id"
        " GROUP BY b.i, st.doc_id, st.story_id, st.shingles ORDER BY b.i, st.doc_id",
        [index, [h for sample in samples for h in sorted(sample)]],
    ).fetchall()
    found: dict[int, list[tuple[str, int, int]]] = {}
    for i, story, size, shared in rows:
        found.setdefault(i, []).append((story, size, shared))
    return found


def _best(sample: set[int], candidates: list[tuple[str, int, int]]) -> str | None:
    """The story of the candidate (story, sample size, shared) holding the largest share of the smaller
    document's sampled shingles, when that share and count are enough."""
    best, best_share = None, 0.0
    for story, size, shared in candidates:
        share = shared / max(1, min(size, len(sample)))
        if shared >= MIN_SHARED and share >= CONTAINMENT and share > best_share:
            best, best_share = story, share
    return best


def story_map(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, str]]:
    """doc_id -> (story_id, outlet) for every stored document; a document with no story row (a
    database written before stories, opened read-only) is a story of its own."""
    tables = {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    if "stories" in tables:
        rows = con.execute("SELECT d.doc_id, coalesce(s.story_id, d.doc_id), d.url FROM documents d"
                           " LEFT JOIN stories s USING (doc_id)").fetchall()
    else:
        rows = con.execute("SELECT doc_id, doc_id, url FROM documents").fetchall()
    return {doc_id: (story, outlet(url) or f"doc:{doc_id}") for doc_id, story, url in rows}


def _actor_key(actor: dict[str, Any] | None) -> str | None:
    if not actor:
        return None
    return actor.get("code") or "?" + " ".join(words(actor.get("text") or ""))


def aggregate(records: Iterable[dict[str, Any]], stories: dict[str, tuple[str, str]]) -> list[dict[str, Any]]:
    """Event mentions (Store.events() records, in order) as one record per event of a story: the record
    of the story's first document (else of the first mention) with story_id, num_mentions,
    num_sources, num_articles and `mentions`, each traced to its document, sentence and evidence."""
    groups: dict[tuple, list[dict[str, Any]]] = {}
    for record in records:
        story = stories.get(record["doc_id"], (record["doc_id"], f"doc:{record['doc_id']}"))[0]
        key = (story, _actor_key(record.get("source")), _actor_key(record.get("target")), record.get("cameo"),
               record.get("status"), record.get("date") or record.get("doc_date"))
        groups.setdefault(key, []).append(record)
    events = []
    for (story, *_), group in groups.items():
        # the story's first document speaks for it where it names the event (the original, not a reprint)
        event = dict(next((r for r in group if r["doc_id"] == story), group[0]))
        event["story_id"] = story
        event["num_mentions"] = len(group)
        event["num_sources"] = len({stories.get(r["doc_id"], ("", f"doc:{r['doc_id']}"))[1] for r in group})
        event["num_articles"] = len({r["doc_id"] for r in group})
        event["mentions"] = [{"doc_id": r["doc_id"], "sentence_index": r.get("sentence_index"),
                              "evidence": r.get("evidence")} for r in group]  # fmt: skip
        events.append(event)
    return events
