"""kroniek's own spaCy components."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kroniek.nlp.components import name_entities


def test_proper_noun_runs_become_entities_without_an_ner_model() -> None:
    words = ["House", "Speaker", "Mike", "Johnson", "met", "NATO", "in", "Brussels", "."]
    pos = ["PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"]
    doc = name_entities(Doc(spacy.blank("en").vocab, words=words, pos=pos))
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("House Speaker Mike Johnson", "PER"), ("NATO", "MISC"), ("Brussels", "MISC")]
