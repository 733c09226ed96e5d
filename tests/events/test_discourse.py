"""A side the clause does not name comes from around it only by a rule that says why: the one
other party the sentence names, or the same participants continued from an event coded just
before; never the nearest other country by default. Sentences are ours, through the bundled
Dutch pipeline."""

from __future__ import annotations

import pytest

from kroniek.model import Document
from kroniek.nlp.registry import unavailable
from kroniek.pipeline import default_analyzer


def _events(text: str):
    if missing := unavailable("nl"):
        pytest.skip(missing)
    (result,) = default_analyzer().analyze([Document("t", text, "2024-03-15", "nl")])
    return result.events


def test_the_same_participants_continue_from_an_event_just_before() -> None:
    events = _events("De Verenigde Staten veroordeelden Syrië. De Verenigde Staten overwegen een militaire "
                     "vergeldingsactie.")
    (considered,) = [e for e in events if e.cameo == "014"]
    assert (considered.source.code, considered.target.code) == ("USA", "SYR")
    assert considered.target.record()["text"] == ""  # not named in the sentence
    assert considered.sentence_index == 1


def test_a_country_named_before_without_an_event_of_the_source_is_no_party() -> None:
    # the United States were no side of anything coded before: Syria is not taken as their target
    events = _events("Syrië zette opnieuw gifgas in. De Verenigde Staten overwegen een militaire vergeldingsactie.")
    assert not [e for e in events if e.cameo == "014"]


def test_a_sentence_naming_another_party_does_not_continue_the_story() -> None:
    events = _events("De Verenigde Staten veroordeelden Syrië. Volgens Frankrijk overwegen de Verenigde Staten "
                     "een militaire vergeldingsactie.")
    assert not [e for e in events if e.cameo == "014" and e.target.code == "SYR"]


def test_het_land_is_the_country_just_named_its_subject_first() -> None:
    events = _events("Rusland viel Oekraïne binnen. Het land veroordeelde de sancties van de Europese Unie.")
    assert {(e.source.code, e.cameo, e.target.code) for e in events if e.sentence_index == 1 and e.cameo == "111"} == {
        ("RUS", "111", "IGOEUREEC")}


def test_de_landen_are_the_countries_just_named() -> None:
    events = _events("Polen en Litouwen steunen de Belarussische oppositie. De landen veroordeelden Belarus.")
    assert {(e.source.code, e.target.code) for e in events if e.sentence_index == 1} == {("POL", "BLR"),
                                                                                       ("LTU", "BLR")}


def test_a_country_noun_with_a_word_of_its_own_is_no_anaphor() -> None:
    # "het land van de Koerden" says which land; "westerse landen" are the West
    events = _events("Rusland viel Oekraïne binnen. Het buurland veroordeelde de inval.")
    assert not [e for e in events if e.sentence_index == 1 and e.source.code == "RUS"]
