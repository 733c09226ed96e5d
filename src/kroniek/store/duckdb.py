"""The DuckDB store: documents, actor mentions and events, written one document per transaction.

The events table holds the flat columns of `kroniek.export.formats.COLUMNS` (the CSV/Parquet
layout), so SQL users, spreadsheets and Parquet files see the same names; queries rebuild the
nested contract record from them.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

import duckdb

from kroniek.errors import Errors, KroniekError
from kroniek.export.formats import COLUMNS, flatten, unflatten
from kroniek.model import Actor, Document, Event

SCHEMA_VERSION = 1

_INTEGER = {"sentence_index", "quad_class"}
_DOUBLE = {"goldstein", "confidence", "location_lat", "location_lon"}


def _sql_type(column: str) -> str:
    """The SQL type of a flat event column; dates stay text so partial dates round-trip."""
    if column in _INTEGER or column.endswith(("_start", "_end")):
        return "INTEGER"
    if column in _DOUBLE:
        return "DOUBLE"
    return "VARCHAR"


_EVENT_COLUMNS = ("doc_id", "event_index", *COLUMNS[1:], "extra")
_MENTION_COLUMNS = ("doc_id", "mention_index", "text", "start", "end", "code", "name", "country",
                    "wikidata", "label", "rule")  # fmt: skip
_DOCUMENT_COLUMNS = ("doc_id", "content_hash", "coder_version", "date", "lang", "title", "url", "source",
                     "text", "ingested_at")  # fmt: skip

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)",
    """CREATE TABLE IF NOT EXISTS documents (
        doc_id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL, coder_version VARCHAR,
        date VARCHAR, lang VARCHAR, title VARCHAR, url VARCHAR, source VARCHAR,
        text VARCHAR NOT NULL, ingested_at TIMESTAMP NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS mentions (
        doc_id VARCHAR NOT NULL, mention_index INTEGER NOT NULL, text VARCHAR NOT NULL,
        "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, code VARCHAR, name VARCHAR,
        country VARCHAR, wikidata VARCHAR, label VARCHAR, rule VARCHAR,
        PRIMARY KEY (doc_id, mention_index))""",
    "CREATE TABLE IF NOT EXISTS events (doc_id VARCHAR NOT NULL, event_index INTEGER NOT NULL, "
    + ", ".join(f"{c} {_sql_type(c)}" for c in COLUMNS[1:])
    + ", extra VARCHAR, PRIMARY KEY (doc_id, event_index))",
)

# The date an event is filtered and sorted by: its own date, else the publication date; partial
# dates (YYYY, YYYY-MM) count as their first day.
_WHEN = "coalesce(date, doc_date)"
_WHEN_DAY = (
    f"CASE length({_WHEN}) WHEN 4 THEN {_WHEN} || '-01-01' WHEN 7 THEN {_WHEN} || '-01' ELSE {_WHEN} END"
)
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def content_hash(doc: Document, coder_version: str) -> str:
    """What decides whether a stored document must be re-coded: text, date, language, coder version."""
    key = json.dumps([doc.text, doc.date, doc.lang, coder_version], ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class Store:
    """A kroniek database in one DuckDB file; created with its schema when absent.

    `coder_version` (the pipeline and coder version) is part of each document's content hash,
    so ingesting with a new coder re-codes documents that are otherwise unchanged.
    """

    def __init__(self, path: str | Path, coder_version: str = "", read_only: bool = False) -> None:
        self.path = Path(path)
        self.coder_version = coder_version
        try:
            self._con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as ex:
            raise KroniekError(Errors.E014, path=str(self.path), reason=_open_reason(ex)) from None
        try:
            self._check_schema(read_only)
        except BaseException:
            self._con.close()
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (and release the file lock)."""
        self._con.close()

    def _check_schema(self, read_only: bool) -> None:
        """Create the schema in a new database; refuse foreign or newer ones."""
        tables = {row[0] for row in self._con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        if "schema_version" not in tables:
            if tables & {"documents", "mentions", "events"}:
                self._fail("has kroniek-like tables but no schema_version; not a kroniek database")
            if read_only:
                self._fail("not a kroniek database (no schema_version table)")
            self._con.begin()
            for statement in _SCHEMA:
                self._con.execute(statement)
            self._con.execute("INSERT INTO schema_version VALUES (?)", [SCHEMA_VERSION])
            self._con.commit()
            return
        row = self._con.execute("SELECT max(version) FROM schema_version").fetchone()
        version = row[0] if row else None
        if version is None or version > SCHEMA_VERSION:
            self._fail(f"schema version {version} is not supported (this kroniek reads {SCHEMA_VERSION})")

    def _fail(self, reason: str) -> None:
        raise KroniekError(Errors.E014, path=str(self.path), reason=reason)

    # -- writing -------------------------------------------------------------------------------

    def ingest(
        self, doc: Document, actors: list[Actor], events: list[Event]
    ) -> Literal["added", "unchanged", "replaced"]:
        """Store a coded document in one transaction; a document already stored with the same
        content hash is left alone, a changed one has its mentions and events replaced."""
        digest = content_hash(doc, self.coder_version)
        con = self._con
        con.begin()
        try:
            row = con.execute("SELECT content_hash FROM documents WHERE doc_id = ?", [doc.doc_id]).fetchone()
            if row is not None and row[0] == digest:
                con.rollback()
                return "unchanged"
            if row is not None:
                for table in ("mentions", "events", "documents"):
                    con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc.doc_id])
            now = datetime.now(UTC).replace(tzinfo=None)
            con.execute(
                _insert("documents", _DOCUMENT_COLUMNS),
                [doc.doc_id, digest, self.coder_version, doc.date, doc.lang, doc.title, doc.url,
                 doc.source, doc.text, now],
            )  # fmt: skip
            if actors:
                con.executemany(
                    _insert("mentions", _MENTION_COLUMNS),
                    [[doc.doc_id, i, a.text, a.start, a.end, a.code, a.name, a.country, a.wikidata,
                      a.label, a.rule] for i, a in enumerate(actors)],
                )  # fmt: skip
            if events:
                con.executemany(
                    _insert("events", _EVENT_COLUMNS), [_event_row(doc, i, e) for i, e in enumerate(events)]
                )
            con.commit()
        except BaseException:
            con.rollback()
            raise
        return "added" if row is None else "replaced"

    # -- reading -------------------------------------------------------------------------------

    def events(
        self,
        actor: str | None = None,
        dyad: tuple[str, str] | None = None,
        since: str | None = None,
        until: str | None = None,
        status: Sequence[str] | None = ("asserted",),
        doc_id: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Stored events as contract records, in date order (the event's date, else the document's).

        actor: source or target code starts with it ("BLR" matches "BLRGOV").
        dyad (A, B): undirected — A acts on B or B acts on A (codes matched by prefix).
        since/until: inclusive bounds (YYYY, YYYY-MM or YYYY-MM-DD) on the event date, falling back
        to the publication date; events with neither are left out when a bound is given.
        status: the statuses to include (None: all).
        """
        sql, params = self._select(("doc_id", *COLUMNS[1:], "extra"), actor, dyad, since, until, status,
                                   doc_id, limit)  # fmt: skip
        records = []
        for row in self._con.execute(sql, params).fetchall():
            flat = dict(zip(COLUMNS, row[:-1], strict=True))
            record = unflatten(flat)
            if row[-1]:
                record.update(json.loads(row[-1]))
            records.append(record)
        return records

    def export_parquet(self, path: str | Path, **filters: Any) -> int:
        """Write the events that match `filters` (as for events()) to a Parquet file of flat columns.

        Returns the number of events written. Uses DuckDB's own writer (no pyarrow needed).
        """
        sql, params = self._select(COLUMNS, **filters)
        row = self._con.execute(f"COPY ({sql}) TO ? (FORMAT PARQUET)", [*params, str(path)]).fetchone()
        return int(row[0]) if row else 0

    def mentions(self, doc_id: str | None = None) -> list[dict[str, Any]]:
        """Stored actor mentions (the fields of an event's source/target, plus doc_id, label and rule)."""
        names = ("doc_id", "text", "start", "end", "code", "name", "country", "wikidata", "label", "rule")
        sql = "SELECT " + ", ".join(f'"{n}"' for n in names) + " FROM mentions"
        params: list[Any] = []
        if doc_id is not None:
            sql += " WHERE doc_id = ?"
            params.append(doc_id)
        rows = self._con.execute(sql + " ORDER BY doc_id, mention_index", params).fetchall()
        return [dict(zip(names, row, strict=True)) for row in rows]

    def documents(self, doc_id: str | None = None, include_text: bool = False) -> list[dict[str, Any]]:
        """Stored documents' metadata (and text when asked), ordered by doc_id."""
        names = [c for c in _DOCUMENT_COLUMNS if include_text or c != "text"]
        sql = "SELECT " + ", ".join(names) + " FROM documents"
        params: list[Any] = []
        if doc_id is not None:
            sql += " WHERE doc_id = ?"
            params.append(doc_id)
        rows = self._con.execute(sql + " ORDER BY doc_id", params).fetchall()
        return [dict(zip(names, row, strict=True)) for row in rows]

    def counts(self) -> dict[str, int]:
        """How many documents, mentions and events are stored."""
        return {
            table: int(self._con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # type: ignore[index]
            for table in ("documents", "mentions", "events")
        }

    def _select(
        self,
        columns: Sequence[str],
        actor: str | None = None,
        dyad: tuple[str, str] | None = None,
        since: str | None = None,
        until: str | None = None,
        status: Sequence[str] | None = ("asserted",),
        doc_id: str | None = None,
        limit: int | None = None,
    ) -> tuple[str, list[Any]]:
        """The parameterised SELECT over events for the filters of events()."""
        clauses: list[str] = []
        params: list[Any] = []
        if actor is not None:
            clauses.append("(starts_with(source_code, ?) OR starts_with(target_code, ?))")
            params += [actor, actor]
        if dyad is not None:
            a, b = dyad
            clauses.append(
                "((starts_with(source_code, ?) AND starts_with(target_code, ?))"
                " OR (starts_with(source_code, ?) AND starts_with(target_code, ?)))"
            )
            params += [a, b, b, a]
        if since is not None:
            clauses.append(f"({_WHEN_DAY}) >= ?")
            params.append(_first_day(since))
        if until is not None:
            # Compare at the bound's own precision, so until=2020-08 keeps all of August.
            clauses.append(f"left({_WHEN_DAY}, ?) <= ?")
            params += [len(_checked_date(until)), until]
        if status is not None:
            statuses = [status] if isinstance(status, str) else list(status)
            if not statuses:
                clauses.append("FALSE")
            else:
                clauses.append(f"status IN ({', '.join('?' for _ in statuses)})")
                params += statuses
        if doc_id is not None:
            clauses.append("doc_id = ?")
            params.append(doc_id)
        sql = "SELECT " + ", ".join(columns) + " FROM events"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += f" ORDER BY ({_WHEN_DAY}) NULLS LAST, doc_id, event_index"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(max(0, int(limit)))
        return sql, params


def _insert(table: str, columns: Sequence[str]) -> str:
    """A parameterised INSERT for all of a table's named columns."""
    names = ", ".join(f'"{c}"' for c in columns)
    return f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' for _ in columns)})"


def _event_row(doc: Document, index: int, event: Event) -> list[Any]:
    """An events-table row: the flattened record plus the fields outside the contract as JSON."""
    if event.doc_id != doc.doc_id:
        raise ValueError(f"event of {event.doc_id!r} ingested with document {doc.doc_id!r}")
    flat = flatten(event.record())
    extra = json.dumps(event.extra, ensure_ascii=False) if event.extra else None
    return [doc.doc_id, index, *(flat[c] for c in COLUMNS[1:]), extra]


def _checked_date(value: str) -> str:
    """The date bound itself, or E009 when it is not YYYY, YYYY-MM or YYYY-MM-DD."""
    if not _DATE.fullmatch(value):
        raise KroniekError(Errors.E009, value=value)
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        datetime(parts[0], parts[1], parts[2])
    except ValueError:
        raise KroniekError(Errors.E009, value=value) from None
    return value


def _first_day(value: str) -> str:
    """YYYY-MM-DD of the first day of a (possibly partial) date bound."""
    value = _checked_date(value)
    return value + {4: "-01-01", 7: "-01"}.get(len(value), "")


def _open_reason(error: duckdb.Error) -> str:
    """One line on why DuckDB would not open the file."""
    text = str(error)
    if "Could not set lock" in text or "Conflicting lock" in text:
        return "locked by another process (close it, or use another --db)"
    if "not a valid DuckDB database" in text:
        return "not a DuckDB database file"
    if "No such file or directory" in text:
        return "no such file or directory"
    first = text.splitlines()[0] if text else type(error).__name__
    return first.removeprefix("IO Error: ")
