"""What the fault and fuzz suite shares: Hypothesis settings, generated sentences (our own templates,
no article text) and the checks a read Document or an error line must pass.

Every run is reproducible: Hypothesis is derandomised (the same examples each run, until the test or
Hypothesis changes) and keeps no example database in the repository; the fault tests seed their own
random generator.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from datetime import date

import pytest
from corpus import sentence
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kroniek.errors import InputError
from kroniek.model import Document

BASE = settings(
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)


def runs(examples: int) -> settings:
    """BASE with this many examples."""
    return settings(BASE, max_examples=examples)


def fuzz_tests(quick: int, deep: int, **strategies: st.SearchStrategy) -> Callable[[Callable], tuple]:
    """Two tests of one property: `quick` examples in the default run (the whole fuzz folder, these
    and the default fault test, in about half a minute) and `deep` examples under `-m slow` (make fuzz)."""

    def make(body: Callable) -> tuple:
        fast = runs(quick)(given(**strategies)(body))
        slow = pytest.mark.slow(runs(deep)(given(**strategies)(body)))
        return fast, slow

    return make


# -- generated news sentences ---------------------------------------------------------------------


@st.composite
def sentences(draw: st.DrawFn, max_sentences: int = 4) -> str:
    """A few generated sentences in Dutch or English (a Hypothesis strategy)."""
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    lang = draw(st.sampled_from(("nl", "en")))
    return " ".join(sentence(rng, lang) for _ in range(draw(st.integers(1, max_sentences))))


# -- what a read document and an error line must be ----------------------------------------------

_CANONICAL_DATE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?", re.ASCII)
_ERROR_CODE = re.compile(r" \[E\d{3}\]$")


def valid_date(value: object) -> bool:
    """A publication date as kroniek keeps it: YYYY, YYYY-MM or YYYY-MM-DD in ASCII digits, a real one."""
    if not isinstance(value, str) or not _CANONICAL_DATE.fullmatch(value):
        return False
    parts = [int(p) for p in value.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def _encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_document(doc: object) -> None:
    """A Document with sane fields: text (non-blank, newlines normalised, valid Unicode), a valid date
    or None, a language, an id."""
    assert isinstance(doc, Document), doc
    assert isinstance(doc.text, str) and doc.text.strip(), doc
    assert "\r" not in doc.text, doc
    assert isinstance(doc.doc_id, str) and doc.doc_id.strip(), doc
    assert doc.date is None or valid_date(doc.date), doc.date
    assert isinstance(doc.lang, str) and doc.lang.strip(), doc
    for value in (doc.title, doc.url):
        assert value is None or (isinstance(value, str) and value.strip()), doc
    assert isinstance(doc.source, str), doc
    assert isinstance(doc.warnings, tuple) and all(isinstance(w, str) and w.startswith("warning: ")
                                                   for w in doc.warnings), doc.warnings  # fmt: skip
    for value in (doc.text, doc.doc_id, doc.lang, doc.title or "", doc.url or ""):
        assert _encodable(value), f"not valid Unicode (a lone surrogate): {value!r}"


def check_error(error: object, names: set[str]) -> str:
    """One InputError line that names one of the inputs and ends with its code; returns the name."""
    assert isinstance(error, InputError), error
    line = str(error)
    named = [n for n in names if line.startswith(f"{n}: ")]
    assert named, f"error line names no input of {sorted(names)!r}: {line!r}"
    name = max(named, key=len)
    assert "\n" not in line[len(name):], line
    assert _ERROR_CODE.search(line), line
    return name


def check_batch(results: list[object], names: set[str]) -> tuple[list[Document], list[InputError]]:
    """A batch's results: each a sane Document or an error line naming an input; ids unique."""
    docs = [r for r in results if isinstance(r, Document)]
    errors = [r for r in results if not isinstance(r, Document)]
    for doc in docs:
        check_document(doc)
    for error in errors:
        check_error(error, names)
    ids = [d.doc_id for d in docs]
    assert len(set(ids)) == len(ids), f"duplicate doc_ids in one batch: {ids}"
    return docs, errors
