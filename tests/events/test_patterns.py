"""Every Dutch pattern's example sentence, run through the whole pipeline, gives its code."""

from __future__ import annotations

import pytest

from kroniek.events.ontology import default_ontology
from kroniek.events.patterns import load_patterns
from kroniek.model import Document
from kroniek.pipeline import default_analyzer

PATTERNS = load_patterns("nl").patterns


def test_every_pattern_code_is_in_the_ontology() -> None:
    ontology = default_ontology()
    for pattern in PATTERNS:
        assert pattern.code in ontology, pattern.id
        assert ontology.root_of(pattern.code) == pattern.root, pattern.id


def test_pattern_ids_are_unique_and_have_examples() -> None:
    ids = [p.id for p in PATTERNS]
    assert len(ids) == len(set(ids))
    assert all(p.example for p in PATTERNS)


def test_patterns_cover_every_root() -> None:
    assert {p.root for p in PATTERNS} == {f"{r:02d}" for r in range(1, 21)}


def _example_cases() -> list:
    """Every pattern; those with a documented known failure are expected to fail (strictly, so a
    parser or coder fix that makes them pass shows up and the note can go)."""
    return [
        pytest.param(p, id=p.id, marks=pytest.mark.xfail(reason=p.known_failure, strict=True))
        if p.known_failure else pytest.param(p, id=p.id)
        for p in PATTERNS
    ]


def test_known_failures_are_few() -> None:
    assert sum(bool(p.known_failure) for p in PATTERNS) <= len(PATTERNS) // 8


@pytest.mark.parametrize("pattern", _example_cases())
def test_example_is_coded_by_its_pattern(pattern) -> None:
    document = Document(doc_id=pattern.id, text=pattern.example, date="2024-03-15", lang="nl")
    (result,) = default_analyzer().analyze([document])
    coded = {(e.evidence["rule"], e.cameo) for e in result.events}
    explanation = [(t.pattern, t.anchor, t.outcome, t.reason) for t in result.traces]
    assert (pattern.id, pattern.code) in coded, explanation
