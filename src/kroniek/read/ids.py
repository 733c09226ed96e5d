"""Document ids that stay unique within a batch: nothing read is silently replaced by another document.

- a JSON Lines article: its "id"; an id an earlier document of the batch already has is refused (E018);
- a file: its path relative to its argument without the extension (CONTRACT.md); where two files of
  the batch share that, the page's URL when it has one, else the path as given ("coll/nos/artikel");
- standard input: "stdin-" and a hash of its text, so that two ingests of different texts do not
  replace each other;
- where even that is taken, the id is followed by "#" and a hash of the text.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from kroniek.errors import Errors, InputError
from kroniek.model import Document
from kroniek.read.paths import STDIN_DOC_ID, Source

HASH_CHARS = 12  # 48 bits of SHA-256: a collision among a batch's documents is not a practical concern


def text_hash(text: str) -> str:
    """A short hash of a document's text, for ids that must tell documents apart by their content."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_CHARS]


class BatchIds:
    """The ids given out in one batch, and where each came from (for the duplicate-id error)."""

    def __init__(self) -> None:
        self._first: dict[str, str] = {}

    def article(self, doc: Document, where: str, line: int) -> Document | InputError:
        """A JSON Lines article keeps its own id, or is refused (E018) when the batch has it already."""
        first = self._first.get(doc.doc_id)
        if first is not None:
            return InputError(Errors.E018, where, line=line, doc_id=doc.doc_id, first=first)
        self._first[doc.doc_id] = f"{where} line {line}"
        return doc

    def file(self, doc: Document, source: Source) -> Document:
        """A file's or standard input's document, with the first of its candidate ids still free."""
        candidates = self._candidates(doc, source)
        chosen = next((c for c in candidates if c not in self._first), None)
        if chosen is None:  # the same text under the same name twice: number it
            chosen = next(f"{candidates[-1]}-{n}" for n in range(2, len(self._first) + 3)
                          if f"{candidates[-1]}-{n}" not in self._first)
        self._first[chosen] = source.name
        return replace(doc, doc_id=chosen)

    @staticmethod
    def _candidates(doc: Document, source: Source) -> list[str]:
        if source.path is None:
            return [f"{STDIN_DOC_ID}-{text_hash(doc.text)}"]
        first = [doc.url] if source.collides and doc.url else []
        return [*first, source.doc_id, f"{source.doc_id}#{text_hash(doc.text)}"]
