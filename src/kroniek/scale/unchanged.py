"""Which documents an ingest must code: those not stored yet, or stored with another content hash
(text, date, language, coder version). Decided before any parsing, so that re-ingesting an
unchanged corpus costs reading it and one indexed lookup per chunk, not the language pipeline."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from kroniek.model import Document
from kroniek.store.duckdb import Store, content_hash

LOOKUP_DOCUMENTS = 256  # documents whose stored hashes are fetched in one query


def changed_documents(documents: Iterable[Document], store: Store, on_unchanged: Callable[[Document], None],
                      chunk: int = LOOKUP_DOCUMENTS) -> Iterator[Document]:
    """The documents that need coding, in input order; `on_unchanged` is called for each one skipped."""
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= chunk:
            yield from _changed(batch, store, on_unchanged)
            batch = []
    yield from _changed(batch, store, on_unchanged)


def _changed(batch: list[Document], store: Store, on_unchanged: Callable[[Document], None]) -> Iterator[Document]:
    if not batch:
        return
    stored = store.content_hashes([d.doc_id for d in batch])
    for document in batch:
        if stored.get(document.doc_id) == content_hash(document, store.coder_version):
            on_unchanged(document)
        else:
            yield document
