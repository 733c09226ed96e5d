"""kroniek: political event data from Dutch and English news — who did what to whom, when, where.

    import kroniek
    nlp = kroniek.load_pipeline("nl")
    events = kroniek.analyze(text, lang="nl", date="2020-08-12")
"""

from __future__ import annotations

from typing import Any

from kroniek.model import Document
from kroniek.nlp.registry import load_pipeline
from kroniek.store.duckdb import Store

__all__ = ["analyze", "load_pipeline", "Store", "Document"]
__version__ = "0.1.0"


def analyze(text: str, lang: str = "nl", date: str | None = None, doc_id: str = "text",
            include_all: bool = False) -> list[dict[str, Any]]:
    """Code one text; the contract's event records (only asserted ones unless include_all)."""
    from kroniek.errors import KroniekError
    from kroniek.pipeline import default_analyzer

    document = Document(doc_id=doc_id, text=text, date=date, lang=lang)
    for result in default_analyzer().analyze([document]):
        if isinstance(result, KroniekError):
            raise result
        return [e.record() for e in result.events if include_all or e.status == "asserted"]
    return []
