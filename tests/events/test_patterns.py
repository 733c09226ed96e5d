"""Every pattern's example sentence, run through the whole pipeline of its language, gives its code
(Dutch and English)."""

from __future__ import annotations

import re
from functools import lru_cache

import pytest

from kroniek.events.ontology import default_ontology
from kroniek.events.patterns import load_patterns
from kroniek.model import Document
from kroniek.nlp.registry import unavailable
from kroniek.pipeline import Analyzer

LANGS = ("nl", "en")


@lru_cache(maxsize=1)
def bare_statement_analyzer() -> Analyzer:
    """Coding CAMEO's residual statements (010) too, which kroniek leaves out by default: the
    patterns for them are tested as written."""
    return Analyzer(bare_statements=True)
# an argument slot (see the header of patterns.LANG.yaml): a fixed name, a preposition phrase
# ("aan", "op*"), or a phrase on the object ("obj.tegen", "obj.of*")
_SLOT = re.compile(r"^(subj|obj|iobj|subj-pass|subj-other|adj|poss|clause|context|continued|article"
                   r"|obj\.[\w-]+\*?|(obj\.)?each:[\w-]+|[\w-]+\*?)$")


def _patterns(lang: str):
    """The hand-written patterns (patterns.LANG.yaml), each with its example; the lexicon's rows
    are tested in test_lexicon.py."""
    return tuple(p for p in load_patterns(lang).patterns if p.origin == "patterns")


@pytest.mark.parametrize("lang", LANGS)
def test_every_pattern_code_is_in_the_ontology(lang: str) -> None:
    ontology = default_ontology()
    for pattern in _patterns(lang):
        assert pattern.code in ontology, pattern.id
        assert ontology.root_of(pattern.code) == pattern.root, pattern.id


@pytest.mark.parametrize("lang", LANGS)
def test_pattern_ids_are_unique_and_have_examples(lang: str) -> None:
    ids = [p.id for p in _patterns(lang)]
    assert len(ids) == len(set(ids))
    assert all(p.id.startswith(f"{lang}:") for p in _patterns(lang))
    assert all(p.example for p in _patterns(lang))


@pytest.mark.parametrize("lang", LANGS)
def test_slots_and_phrases_are_words(lang: str) -> None:
    """YAML reads a bare `on`, `no` or `yes` as a boolean: every slot and preposition is a string."""
    for pattern in _patterns(lang):
        for slot in (*pattern.source, *pattern.target):
            assert isinstance(slot, str) and _SLOT.match(slot), (pattern.id, slot)
        for prep in pattern.prep:
            assert isinstance(prep, str), (pattern.id, prep)
        assert pattern.verbs or pattern.nouns, pattern.id


@pytest.mark.parametrize("lang", LANGS)
def test_patterns_cover_every_root(lang: str) -> None:
    assert {p.root for p in _patterns(lang)} == {f"{r:02d}" for r in range(1, 21)}


@pytest.mark.parametrize("lang", LANGS)
def test_known_failures_are_few(lang: str) -> None:
    patterns = _patterns(lang)
    assert sum(bool(p.known_failure) for p in patterns) <= len(patterns) // 10


def _example_cases() -> list:
    """Every pattern of every language; those with a documented known failure are expected to fail
    (strictly, so a parser or coder fix that makes them pass shows up and the note can go)."""
    cases = []
    for lang in LANGS:
        missing = unavailable(lang)
        for p in _patterns(lang):
            marks = [pytest.mark.skip(reason=missing)] if missing else []
            if p.known_failure:
                marks.append(pytest.mark.xfail(reason=p.known_failure, strict=True))
            cases.append(pytest.param(p, lang, id=p.id, marks=marks))
    return cases


@pytest.mark.parametrize(("pattern", "lang"), _example_cases())
def test_example_is_coded_by_its_pattern(pattern, lang: str) -> None:
    document = Document(doc_id=pattern.id, text=pattern.example, date="2024-03-15", lang=lang)
    (result,) = bare_statement_analyzer().analyze([document])
    # the example is coded with the pattern's code, or a finer code of its family ("070" -> "072": a
    # lexicon row that names the aid), by this pattern or an equally or more specific lexicon row of
    # the same word; a residual code ("020") also gives way to the finer one of the statement it
    # makes ("0256": an appeal for a withdrawal), coded on the act asked for
    family = pattern.code[:-1] if len(pattern.code) == 3 and pattern.code.endswith("0") else pattern.code
    coded = {e.cameo for e in result.events if e.cameo.startswith(family)}
    explanation = [(t.pattern, t.anchor, t.outcome, t.reason) for t in result.traces]
    assert coded, explanation
