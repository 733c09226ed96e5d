"""The pipeline registry: bundled, a pipeline directory, an installed package; clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.training import Example

from kroniek.errors import KroniekError
from kroniek.nlp import registry
from kroniek.nlp.registry import load_pipeline, resolve_spec, unavailable


def _tiny_parser_pipeline(path: Path, lang: str = "nl") -> Path:
    """A real (tiny) spaCy pipeline with a trained parser, built and saved here."""
    nlp = spacy.blank(lang)
    nlp.add_pipe("parser", config={"min_action_freq": 1})
    words = ["Rusland", "annexeerde", "de", "Krim", "."]
    doc = nlp.make_doc(" ".join(words[:-1]) + ".")
    example = Example.from_dict(doc, {"heads": [1, 1, 3, 1, 1], "deps": ["nsubj", "ROOT", "det", "obj", "punct"]})
    optimizer = nlp.initialize(lambda: [example])
    for _ in range(5):
        nlp.update([example], sgd=optimizer)
    nlp.to_disk(path)
    return path


def test_the_bundled_pipeline_is_the_default(monkeypatch) -> None:
    monkeypatch.delenv("KRONIEK_PIPELINE_NL", raising=False)
    assert resolve_spec("nl") == "bundled"
    nlp = load_pipeline("nl")
    assert {"parser", "ner", "kroniek_sentences"} <= set(nlp.pipe_names)


def test_a_pipeline_directory_replaces_the_bundled_one(tmp_path: Path) -> None:
    path = _tiny_parser_pipeline(tmp_path / "mijn_pijplijn")
    nlp = load_pipeline("nl", str(path))
    # kroniek adds its sentence splitter, and proper-noun entities where the pipeline has no NER
    assert nlp.pipe_names == ["kroniek_sentences", "parser", "kroniek_name_entities"]
    assert len(list(nlp("Rusland annexeerde de Krim.").sents)) == 1


def test_the_environment_chooses_the_pipeline(tmp_path: Path, monkeypatch) -> None:
    path = _tiny_parser_pipeline(tmp_path / "uit_omgeving")
    monkeypatch.setenv("KRONIEK_PIPELINE_NL", str(path))
    assert resolve_spec("nl") == str(path)
    assert "ner" not in load_pipeline("nl").pipe_names


def test_an_unknown_package_is_a_clear_error() -> None:
    with pytest.raises(KroniekError, match="E010"):
        load_pipeline("nl", "nl_core_news_bestaat_niet")


def test_a_pipeline_without_parser_is_refused(tmp_path: Path) -> None:
    spacy.blank("nl").to_disk(tmp_path / "leeg")
    with pytest.raises(KroniekError, match="lacks a dependency parser"):
        load_pipeline("nl", str(tmp_path / "leeg"))


def test_a_pipeline_for_another_language_is_refused(tmp_path: Path) -> None:
    path = _tiny_parser_pipeline(tmp_path / "engels", lang="en")
    with pytest.raises(KroniekError, match="is for language 'en'"):
        load_pipeline("nl", str(path))


def test_the_bundled_english_pipeline_loads(monkeypatch) -> None:
    monkeypatch.delenv("KRONIEK_PIPELINE_EN", raising=False)
    nlp = load_pipeline("en")
    assert nlp.lang == "en" and "parser" in nlp.pipe_names and "kroniek_name_entities" in nlp.pipe_names
    assert unavailable("en") == ""


def test_a_missing_bundled_pipeline_says_how_to_get_one(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv("KRONIEK_PIPELINE_EN", raising=False)
    monkeypatch.setattr(registry, "BUNDLED_DIR", tmp_path)
    registry._load.cache_clear()
    assert "KRONIEK_PIPELINE_EN" in unavailable("en")
    try:
        with pytest.raises(KroniekError, match="KRONIEK_PIPELINE_EN"):
            load_pipeline("en")
    finally:
        registry._load.cache_clear()
