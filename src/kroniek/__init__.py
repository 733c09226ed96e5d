"""kroniek: political event data from Dutch and English news — who did what to whom, when, where.

    import kroniek
    nlp = kroniek.load_pipeline("nl")
    events = kroniek.analyze(text, lang="nl", date="2020-08-12")
    with kroniek.Store("kroniek.duckdb") as store:
        store.events(dyad=("IGOEUREEC", "BLR"))

`load_pipeline` (spaCy) and `Store` (DuckDB) are loaded on first use, so that `import kroniek`
and the commands that only query the store start quickly.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from kroniek.model import Document

__all__ = ["analyze", "load_pipeline", "Store", "Document"]
__version__ = "0.1.0"

_LAZY = {"load_pipeline": "kroniek.nlp.registry", "Store": "kroniek.store.duckdb"}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'kroniek' has no attribute {name!r}")
    return getattr(import_module(_LAZY[name]), name)


def analyze(text: str, lang: str = "nl", date: str | None = None, doc_id: str = "text",
            include_all: bool = False) -> list[dict[str, Any]]:
    """Code one text; the contract's event records (only asserted ones unless include_all).

    `lang` is "nl", "en" (a tag such as "nl-NL" counts) or "auto" (detected); `date` the publication
    date (YYYY-MM-DD, YYYY-MM, YYYY or an ISO timestamp). Raises TypeError for arguments of the wrong
    type and KroniekError (one line, with its code) for a date or language kroniek cannot use.
    """
    from kroniek.errors import Errors, KroniekError
    from kroniek.pipeline import default_analyzer
    from kroniek.read.dates import parse_date
    from kroniek.read.detect import UNDETERMINED, detect_language, normalise_lang

    _check_type("text", text, str, "a str")
    _check_type("lang", lang, str, "a str such as 'nl' or 'en'")
    _check_type("date", date, (str, type(None)), "a str (YYYY-MM-DD) or None")
    _check_type("doc_id", doc_id, str, "a str")
    day = parse_date(date, where="kroniek.analyze: date") if date is not None else None
    if not text.strip():
        return []
    language = normalise_lang(lang) or detect_language(text)
    if language == UNDETERMINED:
        raise KroniekError(Errors.E019, "kroniek.analyze", reason="too little text in letters")
    document = Document(doc_id=doc_id, text=text, date=day, lang=language)
    for result in default_analyzer().analyze([document]):
        if isinstance(result, KroniekError):
            raise KroniekError(result.error, "kroniek.analyze", **result.values)
        return [e.record() for e in result.events if include_all or e.status == "asserted"]
    return []


def _check_type(name: str, value: object, expected: type | tuple[type, ...], described: str) -> None:
    """A TypeError that names the argument, what it must be and what it was."""
    if not isinstance(value, expected):
        raise TypeError(f"kroniek.analyze: {name} must be {described}, got {type(value).__name__} {value!r:.40}")
