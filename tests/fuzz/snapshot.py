"""A store's whole content, read in one read-only DuckDB connection (one consistent view), and how it
differs from another's: documents lost, documents changed or stored in part, rows duplicated."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import duckdb


@dataclass
class Snapshot:
    documents: dict[str, str] = field(default_factory=dict)  # doc_id -> its row (all but ingested_at), as text
    rows: dict[str, Counter] = field(default_factory=dict)  # doc_id -> its mention and event rows, as text
    texts: Counter = field(default_factory=Counter)  # how often each document text is stored

    def row_counts(self) -> dict[str, int]:
        """doc_id -> how many mention and event rows it has: what a reader checks a document it sees against."""
        return {doc_id: sum(self.rows.get(doc_id, Counter()).values()) for doc_id in self.documents}


def _canon(table: str, names: list[str], row: tuple) -> str:
    # the row's index is left out, so that the same row stored twice under two indexes counts as a duplicate
    return json.dumps([table, *(v for n, v in zip(names, row, strict=True) if not n.endswith("_index"))],
                      default=str, ensure_ascii=False)  # fmt: skip


def read_store(con: duckdb.DuckDBPyConnection) -> Snapshot:
    """Everything a kroniek store holds, through an open connection."""
    snap = Snapshot()
    cursor = con.execute("SELECT * EXCLUDE (ingested_at) FROM documents")
    names = [d[0] for d in cursor.description]
    for row in cursor.fetchall():
        record = dict(zip(names, row, strict=True))
        snap.documents[record["doc_id"]] = json.dumps(record, default=str, ensure_ascii=False)
        snap.texts[record["text"]] += 1
    for table in ("mentions", "events"):
        cursor = con.execute(f"SELECT * FROM {table}")
        names = [d[0] for d in cursor.description]
        for row in cursor.fetchall():
            snap.rows.setdefault(row[0], Counter())[_canon(table, names, row)] += 1
    return snap


def snapshot(db: Path) -> Snapshot:
    """The store in file `db` (raises duckdb.Error when it cannot be opened)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return read_store(con)
    finally:
        con.close()


@dataclass
class Difference:
    lost: list[str]  # documents of the reference that are missing
    extra: list[str]  # documents the reference does not have
    changed: list[str]  # documents stored otherwise than in the reference: other fields, missing or other rows
    duplicates: int  # rows and document texts stored more often than in the reference
    orphans: int  # mention and event rows of no stored document

    def __bool__(self) -> bool:
        return bool(self.lost or self.extra or self.changed or self.duplicates or self.orphans)


def compare(got: Snapshot, reference: Snapshot) -> Difference:
    """How `got` differs from `reference`, document by document."""
    changed, duplicates = [], sum((got.texts - reference.texts).values())
    for doc_id in sorted(set(got.documents) & set(reference.documents)):
        mine, theirs = got.rows.get(doc_id, Counter()), reference.rows.get(doc_id, Counter())
        extra = mine - theirs
        doubled = sum(n for row, n in extra.items() if row in theirs)
        duplicates += doubled
        if got.documents[doc_id] != reference.documents[doc_id] or theirs - mine or sum(extra.values()) > doubled:
            changed.append(doc_id)
    orphans = sum(sum(rows.values()) for doc_id, rows in got.rows.items() if doc_id not in got.documents)
    return Difference(lost=sorted(set(reference.documents) - set(got.documents)),
                      extra=sorted(set(got.documents) - set(reference.documents)), changed=changed,
                      duplicates=duplicates, orphans=orphans)  # fmt: skip
