"""The coder behind the web API: one analyzer per server, used by one request at a time (a spaCy
pipeline is not meant to be shared between threads), loaded on first use or ahead of it."""

from __future__ import annotations

import sys
import threading
from typing import Any

from kroniek.errors import Errors, KroniekError
from kroniek.model import Document


class Coder:
    """Codes posted texts and re-codes stored documents for their explain trace."""

    def __init__(self) -> None:
        self._lock = threading.Lock()

    def preload(self, langs: tuple[str, ...] = ("nl", "en")) -> threading.Thread:
        """Load the pipelines in the background, so that the first request does not wait for them."""

        def load() -> None:
            from kroniek.pipeline import default_analyzer

            with self._lock:
                for lang in langs:
                    try:
                        default_analyzer().parts(lang)
                    except Exception as err:  # noqa: BLE001 - said on one line; the request that needs it fails too
                        first = (str(err).splitlines() or [type(err).__name__])[0]
                        print(f"kroniek: could not load the {lang} pipeline: {first}", file=sys.stderr)

        thread = threading.Thread(target=load, name="kroniek-preload", daemon=True)
        thread.start()
        return thread

    def analyze(self, text: str, lang: str, date: str | None, include_all: bool) -> list[dict[str, Any]]:
        """The event records of one text (kroniek.analyze); KroniekError for a date or language it cannot use."""
        import kroniek

        with self._lock:
            return kroniek.analyze(text, lang=lang, date=date, doc_id="posted", include_all=include_all)

    def explain(self, document: Document) -> list[dict[str, Any]]:
        """The explain trace of a stored document, coded again by this kroniek."""
        from kroniek.explain import explanation
        from kroniek.pipeline import default_analyzer

        with self._lock:
            for result in default_analyzer().analyze([document], keep_doc=True):
                if isinstance(result, KroniekError):
                    raise result
                return explanation(result)
        raise KroniekError(Errors.E004, document.doc_id)
