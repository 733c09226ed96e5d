"""The DuckDB store: documents, actor mentions and events, written one document per transaction.

The events table holds the flat columns of `kroniek.export.formats.COLUMNS` (the CSV/Parquet
layout), so SQL users, spreadsheets and Parquet files see the same names; queries rebuild the
nested contract record from them. kroniek's own fields (date_source, status_reason,
location_source, ...) are kept as JSON in the `extra` column and come back in every record and
export.

Readers beside a writer. DuckDB lets one process write a database file, or any number read it, but
not both at once. A Store therefore holds no connection between calls: each query opens a read-only
connection and closes it, each write (or `writing()` batch) a read-write one. `kroniek ingest` codes
documents without holding the file and writes them in short batches (`writing()`), so readers get
in between; a Store waiting for the lock retries until `timeout` (KRONIEK_LOCK_TIMEOUT, 60 s). A
writer that waits goes first: readers let it in rather than keep the file busy (store/turns.py).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

import duckdb

from kroniek.errors import Errors, KroniekError
from kroniek.export.formats import COLUMNS, EXTRA_COLUMNS, flatten, unflatten
from kroniek.model import Actor, Document, Event
from kroniek.read.dates import first_day, last_day, normalise_date
from kroniek.store import stories
from kroniek.store.files import check_output, output_error
from kroniek.store.turns import wait_turn, writer_turn

SCHEMA_VERSION = 1
LOCK_TIMEOUT = 60.0  # seconds a Store waits for another process's lock (KRONIEK_LOCK_TIMEOUT overrides)

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

# The date an event is filtered and sorted by: its own date, else the publication date. A date
# stands for a period: a day, a week (its Monday, date_precision "week"), a month (YYYY-MM) or a
# year (YYYY). The period's first and last day decide --since/--until: an event matches a range
# its period overlaps, and sorts by its first day.
_WHEN = "coalesce(date, doc_date)"
_WHEN_START = (
    f"CASE length({_WHEN}) WHEN 4 THEN {_WHEN} || '-01-01' WHEN 7 THEN {_WHEN} || '-01' ELSE {_WHEN} END"
)
_WHEN_END = (
    f"CASE WHEN length({_WHEN}) = 4 THEN {_WHEN} || '-12-31'"
    f" WHEN length({_WHEN}) = 7 THEN strftime(last_day(try_cast({_WHEN} || '-01' AS DATE)), '%Y-%m-%d')"
    " WHEN date IS NOT NULL AND date_precision = 'week'"
    " THEN strftime(try_cast(date AS DATE) + INTERVAL 6 DAY, '%Y-%m-%d')"
    f" ELSE {_WHEN} END"
)
_LOCKED = ("Could not set lock", "Conflicting lock")
_LOCKED_REASON = "locked by another process (close it, or use another --db)"


def content_hash(doc: Document, coder_version: str) -> str:
    """What decides whether a stored document must be re-coded: text, date, language, coder version."""
    key = json.dumps([doc.text, doc.date, doc.lang, coder_version], ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class Store:
    """A kroniek database in one DuckDB file; created with its schema when absent.

    `coder_version` (the pipeline and coder version) is part of each document's content hash,
    so ingesting with a new coder re-codes documents that are otherwise unchanged. The Store
    holds the file only while a call runs (or inside `writing()`), so other processes can read
    and write it between calls; `timeout` is how long a call waits for another process's lock.
    """

    def __init__(self, path: str | Path, coder_version: str = "", read_only: bool = False,
                 timeout: float | None = None) -> None:
        self.path = Path(path)
        self.coder_version = coder_version
        self.read_only = read_only
        self.timeout = _lock_timeout() if timeout is None else timeout
        self._writer: duckdb.DuckDBPyConnection | None = None
        self._closed = False
        if read_only and not self.path.exists():
            self._fail("not found (run kroniek ingest first, or pass --db)")
        with self._connection(write=not read_only) as con:
            self._check_schema(con, read_only)

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the store: later calls raise KroniekError E014."""
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        self._closed = True

    @contextmanager
    def writing(self) -> Iterator[Store]:
        """Hold the write lock for a batch of ingest() calls (still one transaction per document);
        readers wait until the batch ends, so keep batches short."""
        if self.read_only:
            self._fail("opened read-only")
        if self._writer is not None:
            yield self
            return
        with self._connection(write=True) as con:
            self._writer = con
            try:
                yield self
            finally:
                self._writer = None

    @contextmanager
    def reading(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection for read-only SQL over the tables (kroniek.analysis), closed when the block
        ends; inside writing() it is the batch's own connection."""
        with self._connection(write=False) as con:
            yield con

    @contextmanager
    def _connection(self, write: bool) -> Iterator[duckdb.DuckDBPyConnection]:
        """The open write batch's connection, or a new one for this call (closed after it)."""
        if self._closed:
            self._fail("the store is closed")
        if self._writer is not None:
            yield self._writer
            return
        deadline = time.monotonic() + self.timeout
        with writer_turn(self.path, deadline) if write else nullcontext(True) as turn:
            if not turn:  # another writer held the file's turn all along
                self._fail(_LOCKED_REASON + f" (waited {self.timeout:g} s; KRONIEK_LOCK_TIMEOUT sets how long)")
            con = self._connect(read_only=not write, deadline=deadline)
            try:
                yield con
            finally:
                con.close()

    def _connect(self, read_only: bool, deadline: float) -> duckdb.DuckDBPyConnection:
        """A connection, waiting (with growing, jittered pauses) while another process holds the file;
        a reader first lets a writer that waits for the file go first (store/turns.py)."""
        pause = 0.01
        while True:
            if read_only:
                wait_turn(self.path, deadline)
            try:
                return duckdb.connect(str(self.path), read_only=read_only)
            except duckdb.Error as ex:
                text = str(ex)
                if read_only and "different configuration" in text:
                    read_only = False  # this process writes the file already: share its database
                    continue
                if not any(marker in text for marker in _LOCKED) or time.monotonic() >= deadline:
                    reason = _open_reason(ex)
                    if any(marker in text for marker in _LOCKED):
                        reason += f" (waited {self.timeout:g} s; KRONIEK_LOCK_TIMEOUT sets how long)"
                    raise KroniekError(Errors.E014, path=str(self.path), reason=reason) from None
            time.sleep(pause * (0.5 + random.random()))
            pause = min(pause * 2, 0.2)

    def _check_schema(self, con: duckdb.DuckDBPyConnection, read_only: bool) -> None:
        """Create the schema in a new database; refuse foreign or newer ones."""
        tables = {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        if "schema_version" not in tables:
            if tables & {"documents", "mentions", "events"}:
                self._fail("has kroniek-like tables but no schema_version; not a kroniek database")
            if read_only:
                self._fail("not a kroniek database (no schema_version table)")
            con.begin()
            for statement in _SCHEMA:
                con.execute(statement)
            con.execute("INSERT INTO schema_version VALUES (?)", [SCHEMA_VERSION])
            stories.create_tables(con)
            con.commit()
            return
        row = con.execute("SELECT max(version) FROM schema_version").fetchone()
        version = row[0] if row else None
        if version is None or version > SCHEMA_VERSION:
            self._fail(f"schema version {version} is not supported (this kroniek reads {SCHEMA_VERSION})")
        if not read_only:  # a database from before story clusters gets their tables, its documents grouped
            con.begin()
            stories.create_tables(con)
            con.commit()

    def _fail(self, reason: str) -> None:
        raise KroniekError(Errors.E014, path=str(self.path), reason=reason)

    # -- writing -------------------------------------------------------------------------------

    def ingest(
        self, doc: Document, actors: list[Actor], events: list[Event]
    ) -> Literal["added", "unchanged", "replaced"]:
        """Store a coded document in one transaction; a document already stored with the same
        content hash is left alone, a changed one has its mentions and events replaced."""
        return self.ingest_many([(doc, actors, events)])[0]

    def ingest_many(
        self, coded: Sequence[tuple[Document, list[Actor], list[Event]]]
    ) -> list[Literal["added", "unchanged", "replaced"]]:
        """Store coded documents (document, actor mentions, events) in one transaction: all of them
        or, when that fails, none, and the error is raised. A document's outcome is as for ingest().

        The rows are built before the database is opened and go in with a few statements, which is
        what keeps an ingest's hold on the database short (milliseconds per document)."""
        if self.read_only:
            self._fail("opened read-only")
        ids = [doc.doc_id for doc, _, _ in coded]
        if len(set(ids)) != len(ids):
            raise ValueError("ingest_many: the same doc_id twice in one call")
        rows = [self._rows(doc, actors, events) for doc, actors, events in coded]
        with self._connection(write=True) as con:
            con.begin()
            try:
                outcomes = _write(con, ids, rows)
                con.commit()
            except BaseException:
                con.rollback()
                raise
        return outcomes

    def _rows(self, doc: Document, actors: list[Actor], events: list[Event]) -> _Rows:
        """A coded document's rows for the three tables, and its content hash."""
        digest = content_hash(doc, self.coder_version)
        document = [doc.doc_id, digest, self.coder_version, doc.date, doc.lang, doc.title, doc.url, doc.source,
                    doc.text, datetime.now(UTC).replace(tzinfo=None)]  # fmt: skip
        mentions = [[doc.doc_id, i, a.text, a.start, a.end, a.code, a.name, a.country, a.wikidata, a.label, a.rule]
                    for i, a in enumerate(actors)]  # fmt: skip
        return _Rows(digest, document, mentions, [_event_row(doc, i, e) for i, e in enumerate(events)])

    # -- reading -------------------------------------------------------------------------------

    def events(
        self,
        actor: str | None = None,
        dyad: tuple[str, str] | None = None,
        since: str | None = None,
        until: str | None = None,
        status: Sequence[str] | str | None = ("asserted",),
        doc_id: str | None = None,
        limit: int | None = None,
        code: str | None = None,
        quad: int | Sequence[int] | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Stored events as event records, in date order (the event's date, else the document's).

        actor: source or target code starts with it ("BLR" matches "BLRGOV").
        dyad (A, B): undirected — A acts on B or B acts on A (codes matched by prefix).
        since/until: inclusive bounds (YYYY, YYYY-MM or YYYY-MM-DD) on the event date, falling back
        to the publication date; an event dated to a week, month or year matches a range its
        period overlaps; events with no date at all are left out when a bound is given
        (`undated()` counts them).
        status: the statuses to include (None: all). code: CAMEO code prefix ("19", "0256").
        quad: QuadClass (1-4), or several. limit: at most this many events, after skipping `offset`.
        """
        filters = {"actor": actor, "dyad": dyad, "since": since, "until": until, "status": status, "doc_id": doc_id,
                   "code": code, "quad": quad}  # fmt: skip
        with self._connection(write=False) as con:
            return _records(con, filters, limit, offset)

    def page(self, limit: int, offset: int = 0, **filters: Any) -> tuple[int, list[dict[str, Any]]]:
        """How many events match `filters` (as for events()), and the `limit` of them after `offset`,
        read with one connection (a web page of events)."""
        with self._connection(write=False) as con:
            records = _records(con, filters, limit, offset)
            if not offset and len(records) < limit:
                return len(records), records
            return _count(con, filters), records

    def count(self, **filters: Any) -> int:
        """How many events match `filters` (as for events(), without limit and offset)."""
        filters = {k: v for k, v in filters.items() if k not in ("limit", "offset")}
        with self._connection(write=False) as con:
            return _count(con, filters)

    def query(self, sql: str, params: Sequence[Any] = (), **filters: Any) -> list[dict[str, Any]]:
        """Rows of a read-only SELECT over the events that match `filters` (as for events(), without
        limit): in `sql` the table `matched` holds them, with the events table's flat columns and
        `period_start`, the first day of the event's period (its date, else the publication date) as
        YYYY-MM-DD. `params` are the values of `sql`'s own "?" placeholders."""
        filters = {k: v for k, v in filters.items() if k not in ("limit", "offset")}
        inner, inner_params = _select(("*", f"({_WHEN_START}) AS period_start"), **filters, order=False)
        with self.reading() as con:
            cursor = con.execute(f"WITH matched AS ({inner}) {sql}", [*inner_params, *params])
            names = [d[0] for d in cursor.description or ()]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def story_events(self, limit: int | None = None, **filters: Any) -> list[dict[str, Any]]:
        """The events of events(**filters) with each story's mentions of one event aggregated into one
        record (store/stories.py): num_mentions, num_sources, num_articles, story_id and `mentions`
        (doc_id, sentence_index, evidence of each). events() itself returns the mentions, unchanged."""
        records = self.events(**filters)
        with self._connection(write=False) as con:
            found = stories.aggregate(records, stories.story_map(con))
        return found if limit is None else found[: max(0, int(limit))]

    def stored_ids(self, doc_ids: Sequence[str]) -> set[str]:
        """Which of these doc_ids the store holds (a feed's items seen before)."""
        with self._connection(write=False) as con:
            return {row[0] for row in _select_in(con, "SELECT doc_id FROM documents", list(doc_ids))}

    def undated(self, **filters: Any) -> int:
        """How many events that match `filters` (as for events(), without since/until) have no date at
        all, neither their own nor a publication date: the events a --since/--until query leaves out."""
        filters = {k: v for k, v in filters.items() if k not in ("since", "until", "limit", "offset")}
        sql, params = _select(("count(*)",), **filters, order=False, undated=True)
        with self._connection(write=False) as con:
            row = con.execute(sql, params).fetchone()
        return int(row[0]) if row else 0

    def export_parquet(self, path: str | Path, overwrite: bool = False, **filters: Any) -> int:
        """Write the events that match `filters` (as for events()) to a Parquet file of flat columns:
        the contract's, then kroniek's own fields (EXTRA_COLUMNS and any other a record carries).

        Refuses (KroniekError E020, one line) an existing file unless `overwrite`, a folder, a path in a
        missing folder and the database itself; a failed write (a full disk) leaves no partial file.
        Returns the number of events written. Uses DuckDB's own writer (no pyarrow needed).
        """
        target = check_output(Path(path), overwrite, database=self.path)
        # a file is written beside its place and moved there whole, so that a failed write (a full disk)
        # leaves neither a partial file nor a damaged earlier one; a device (/dev/stdout) is written as is
        staged = target.with_name(f".{target.name}.kroniek-partial") if not target.exists() or target.is_file() \
            else target
        with self._connection(write=False) as con:
            extras = _extra_keys(con)
            columns = [*COLUMNS, *(f"json_extract_string(extra, ?) AS {_identifier(k)}" for k in extras)]
            sql, params = _select(columns, **filters)
            params = [*(_json_pointer(k) for k in extras), *params]  # the select list's come first
            try:
                row = con.execute(f"COPY ({sql}) TO ? (FORMAT PARQUET)", [*params, str(staged)]).fetchone()
                if staged != target:
                    os.replace(staged, target)
            except (duckdb.Error, OSError) as ex:
                if staged != target:
                    staged.unlink(missing_ok=True)
                raise KroniekError(Errors.E020, path=str(target), reason=output_error(str(ex))) from None
        return int(row[0]) if row else 0

    def mentions(self, doc_id: str | None = None) -> list[dict[str, Any]]:
        """Stored actor mentions (the fields of an event's source/target, plus doc_id, label and rule)."""
        names = ("doc_id", "text", "start", "end", "code", "name", "country", "wikidata", "label", "rule")
        sql = "SELECT " + ", ".join(f'"{n}"' for n in names) + " FROM mentions"
        params: list[Any] = []
        if doc_id is not None:
            sql += " WHERE doc_id = ?"
            params.append(doc_id)
        with self._connection(write=False) as con:
            rows = con.execute(sql + " ORDER BY doc_id, mention_index", params).fetchall()
        return [dict(zip(names, row, strict=True)) for row in rows]

    def documents(self, doc_id: str | None = None, include_text: bool = False) -> list[dict[str, Any]]:
        """Stored documents' metadata (and text when asked), ordered by doc_id."""
        names = [c for c in _DOCUMENT_COLUMNS if include_text or c != "text"]
        sql = "SELECT " + ", ".join(names) + " FROM documents"
        params: list[Any] = []
        if doc_id is not None:
            sql += " WHERE doc_id = ?"
            params.append(doc_id)
        with self._connection(write=False) as con:
            rows = con.execute(sql + " ORDER BY doc_id", params).fetchall()
        return [dict(zip(names, row, strict=True)) for row in rows]

    def content_hashes(self, doc_ids: Sequence[str]) -> dict[str, str]:
        """The stored content hash (content_hash()) of each of these documents that is stored: what
        lets an ingest skip an unchanged document before coding it."""
        with self._connection(write=False) as con:
            return dict(_select_in(con, "SELECT doc_id, content_hash FROM documents", list(doc_ids)))

    def counts(self) -> dict[str, int]:
        """How many documents, mentions and events are stored."""
        with self._connection(write=False) as con:
            return {
                table: int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # type: ignore[index]
                for table in ("documents", "mentions", "events")
            }


def _records(con: duckdb.DuckDBPyConnection, filters: dict[str, Any], limit: int | None, offset: int
             ) -> list[dict[str, Any]]:
    """The event records that match `filters` (as for Store.events()), in date order."""
    sql, params = _select(("doc_id", *COLUMNS[1:], "extra"), **filters, limit=limit, offset=offset)
    records = []
    for row in con.execute(sql, params).fetchall():
        record = unflatten(dict(zip(COLUMNS, row[:-1], strict=True)))
        if row[-1]:
            record.update(json.loads(row[-1]))
        records.append(record)
    return records


def _count(con: duckdb.DuckDBPyConnection, filters: dict[str, Any]) -> int:
    sql, params = _select(("count(*)",), **filters, order=False)
    row = con.execute(sql, params).fetchone()
    return int(row[0]) if row else 0


def _extra_keys(con: duckdb.DuckDBPyConnection) -> list[str]:
    """kroniek's own record fields: EXTRA_COLUMNS, then any other key the stored events' extra holds."""
    rows = con.execute("SELECT DISTINCT unnest(json_keys(extra)) FROM events WHERE extra IS NOT NULL").fetchall()
    others = sorted({row[0] for row in rows} - set(EXTRA_COLUMNS) - set(COLUMNS))
    return [*EXTRA_COLUMNS, *others]


def _json_pointer(key: str) -> str:
    """The JSON pointer (RFC 6901) to a top-level key: any key, quotes, dots and slashes included,
    which a "$.key" path cannot always spell."""
    return "/" + key.replace("~", "~0").replace("/", "~1")


def _identifier(name: str) -> str:
    """A column name quoted for SQL. DuckDB has no empty name: a record field named "" is the column
    "_" (DuckDB itself renames a name met twice, ignoring case, as "name_1")."""
    return '"' + (name or "_").replace('"', '""') + '"'


def _select(
    columns: Sequence[str],
    actor: str | None = None,
    dyad: tuple[str, str] | None = None,
    since: str | None = None,
    until: str | None = None,
    status: Sequence[str] | str | None = ("asserted",),
    doc_id: str | None = None,
    limit: int | None = None,
    code: str | None = None,
    quad: int | Sequence[int] | None = None,
    order: bool = True,
    undated: bool = False,
    offset: int = 0,
) -> tuple[str, list[Any]]:
    """The parameterised SELECT over events for the filters of Store.events() (`undated`: only the
    events with no date at all)."""
    clauses: list[str] = [f"{_WHEN} IS NULL"] if undated else []
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
        clauses.append(f"({_WHEN_END}) >= ?")
        params.append(first_day(_checked_date(since)))
    if until is not None:
        clauses.append(f"({_WHEN_START}) <= ?")
        params.append(last_day(_checked_date(until)))
    if status is not None:
        statuses = [status] if isinstance(status, str) else list(status)
        clauses.append(f"status IN ({', '.join('?' for _ in statuses)})" if statuses else "FALSE")
        params += statuses
    if doc_id is not None:
        clauses.append("doc_id = ?")
        params.append(doc_id)
    if code is not None:
        clauses.append("starts_with(cameo, ?)")
        params.append(code)
    if quad is not None:
        quads = [quad] if isinstance(quad, int) else list(quad)
        clauses.append(f"quad_class IN ({', '.join('?' for _ in quads)})" if quads else "FALSE")
        params += quads
    sql = "SELECT " + ", ".join(columns) + " FROM events"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    if order:
        sql += f" ORDER BY ({_WHEN_START}) NULLS LAST, doc_id, event_index"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(max(0, int(limit)))
    if offset:
        sql += " OFFSET ?"
        params.append(max(0, int(offset)))
    return sql, params


def _lock_timeout() -> float:
    try:
        return float(os.environ.get("KRONIEK_LOCK_TIMEOUT", LOCK_TIMEOUT))
    except ValueError:
        return LOCK_TIMEOUT


# Rows go in as one JSON parameter per table: DuckDB binds each "?" of a wide INSERT slowly (about
# 20 microseconds a value, 5 ms a statement over the events table's 60 columns), and parses JSON fast.
# json_transform_strict fails on a value that does not fit its column, as a typed INSERT does.
_ROWS_PER_INSERT = 500
_COLUMN_TYPES: dict[str, dict[str, str]] = {}


def _column_types(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    if table not in _COLUMN_TYPES:
        rows = con.execute("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ?"
                           " AND schema_name = 'main'", [table]).fetchall()
        _COLUMN_TYPES[table] = dict(rows)
    return _COLUMN_TYPES[table]


def _insert_rows(con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str], rows: list[list[Any]]) -> None:
    """Insert rows (lists in `columns` order) with one statement per _ROWS_PER_INSERT rows."""
    if not rows:
        return
    types = _column_types(con, table)
    shape = json.dumps([{c: types[c] for c in columns}])
    names = ", ".join(f'"{c}"' for c in columns)
    sql = (f"INSERT INTO {table} ({names}) SELECT unnest(json_transform_strict(?::JSON, ?), recursive := true)")
    for start in range(0, len(rows), _ROWS_PER_INSERT):
        chunk = [dict(zip(columns, row, strict=True)) for row in rows[start : start + _ROWS_PER_INSERT]]
        con.execute(sql, [json.dumps(chunk, ensure_ascii=False, default=_json_value), shape])


def _json_value(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"cannot store {type(value).__name__} {value!r}")


@dataclass(frozen=True)
class _Rows:
    digest: str
    document: list[Any]
    mentions: list[list[Any]]
    events: list[list[Any]]


def _write(con: duckdb.DuckDBPyConnection, ids: list[str], rows: list[_Rows]
           ) -> list[Literal["added", "unchanged", "replaced"]]:
    """Inside a transaction: replace the documents that changed, add the new, leave the rest."""
    stored = dict(_select_in(con, "SELECT doc_id, content_hash FROM documents", ids))
    outcomes: list[Literal["added", "unchanged", "replaced"]] = [
        "unchanged" if stored.get(doc_id) == r.digest else "added" if doc_id not in stored else "replaced"
        for doc_id, r in zip(ids, rows, strict=True)
    ]
    written = [r for r, outcome in zip(rows, outcomes, strict=True) if outcome != "unchanged"]
    replaced = [doc_id for doc_id, outcome in zip(ids, outcomes, strict=True) if outcome == "replaced"]
    for table in ("mentions", "events", "documents"):
        _select_in(con, f"DELETE FROM {table}", replaced)
    stories.forget(con, replaced)
    _insert_rows(con, "documents", _DOCUMENT_COLUMNS, [r.document for r in written])
    stories.assign_stories(con, [(r.document[0], r.document[8]) for r in written])
    _insert_rows(con, "mentions", _MENTION_COLUMNS, [m for r in written for m in r.mentions])
    _insert_rows(con, "events", _EVENT_COLUMNS, [e for r in written for e in r.events])
    return outcomes


def _select_in(con: duckdb.DuckDBPyConnection, statement: str, doc_ids: list[str]) -> list[tuple]:
    """`statement` with "WHERE doc_id IN (...)" over the ids, in chunks; nothing for no ids."""
    rows: list[tuple] = []
    for start in range(0, len(doc_ids), _ROWS_PER_INSERT):
        chunk = doc_ids[start : start + _ROWS_PER_INSERT]
        cursor = con.execute(f"{statement} WHERE doc_id IN ({', '.join('?' for _ in chunk)})", chunk)
        rows += cursor.fetchall() if statement.startswith("SELECT") else []
    return rows


def _event_row(doc: Document, index: int, event: Event) -> list[Any]:
    """An events-table row: the flattened record plus the fields outside the contract as JSON."""
    if event.doc_id != doc.doc_id:
        raise ValueError(f"event of {event.doc_id!r} ingested with document {doc.doc_id!r}")
    flat = flatten(event.record())
    extra = json.dumps(event.extra, ensure_ascii=False) if event.extra else None
    return [doc.doc_id, index, *(flat[c] for c in COLUMNS[1:]), extra]


def _checked_date(value: str) -> str:
    """The date bound normalised (YYYY, YYYY-MM or YYYY-MM-DD; a timestamp gives its day), or E009."""
    normalised = normalise_date(value)
    if normalised is None:
        raise KroniekError(Errors.E009, value=value)
    return normalised


def _open_reason(error: duckdb.Error) -> str:
    """One line on why DuckDB would not open the file."""
    text = str(error)
    if "Could not set lock" in text or "Conflicting lock" in text:
        return _LOCKED_REASON
    if "not a valid DuckDB database" in text:
        return "not a DuckDB database file"
    if "No such file or directory" in text:
        return "no such file or directory"
    first = text.splitlines()[0] if text else type(error).__name__
    return first.removeprefix("IO Error: ")
