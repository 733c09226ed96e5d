"""The argument ranker (events/ranker.py): the statistical fallback for a side the slots miss."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kroniek.events.code import EventCoder
from kroniek.events.ontology import default_ontology
from kroniek.events.patterns import load_patterns
from kroniek.events.ranker import RankerModel, load_ranker
from kroniek.nlp.registry import unavailable
from kroniek.pipeline import Analyzer

# a trigger whose slots find no target: the place named is in no phrase the pattern looks in
SENTENCE = "Duitsland veroordeelde gisteren de gebeurtenissen bij de Russische grens."


def _events(ranker: RankerModel | None) -> set[tuple[str, str, str]]:
    if missing := unavailable("nl"):
        pytest.skip(missing)
    analyzer = Analyzer(ranker=False)
    nlp, resolver, _ = analyzer.parts("nl")
    coder = EventCoder(load_patterns("nl"), default_ontology(), ranker=ranker)
    doc = nlp(SENTENCE)
    coded = coder(doc, resolver(doc, "2024-03-15"), "t", "2024-03-15")
    return {(e.source.code, e.cameo, e.target.code) for e in coded.events if e.status == "asserted"}


def test_the_ranker_fills_a_missing_side_only_above_its_threshold() -> None:
    assert not _events(None)  # the rules find no target
    sure = RankerModel({"bias": 5.0, "t:side=after": 5.0, "s:side=after": -20.0}, 0.5, {})
    assert ("DEU", "111", "RUS") in _events(sure)
    unsure = RankerModel({"bias": -5.0}, 0.5, {})
    assert not _events(unsure)


def test_the_ranker_says_in_the_trace_that_it_chose() -> None:
    if missing := unavailable("nl"):
        pytest.skip(missing)
    sure = RankerModel({"bias": 5.0, "s:side=after": -20.0}, 0.5, {})
    analyzer = Analyzer(ranker=False)
    nlp, resolver, _ = analyzer.parts("nl")
    coder = EventCoder(load_patterns("nl"), default_ontology(), ranker=sure)
    doc = nlp(SENTENCE)
    coded = coder(doc, resolver(doc, "2024-03-15"), "t", "2024-03-15")
    assert all("ranker:" in (e.target.rule or "") for e in coded.events)


def test_the_shipped_model_reads_and_says_how_it_was_made(tmp_path: Path) -> None:
    model = load_ranker("nl")
    assert model is not None and 0 < model.threshold < 1
    assert model.info["trained_on"] == ["eval/train"] and model.info["recipe"] == "training/train_ranker.py"
    assert 0.0 < model.probability(["bias"]) < 1.0
    (tmp_path / "ranker.nl.json").write_text(json.dumps({"threshold": 0.7, "weights": {"bias": 1.0}}),
                                              encoding="utf-8")
    assert load_ranker("nl", tmp_path).threshold == 0.7
    assert load_ranker("en", tmp_path) is None


def test_it_is_off_unless_switched_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KRONIEK_RANKER", "on")
    assert Analyzer().ranker is True
    monkeypatch.delenv("KRONIEK_RANKER")
    assert Analyzer().ranker is False
