"""The event store: documents, actor mentions and events in a DuckDB file."""

from kroniek.store.duckdb import Store

__all__ = ["Store"]
