"""Language identification."""

from __future__ import annotations

import pytest

from kroniek.read.detect import _detector, detect_language, normalise_lang


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("De Litouwse regering biedt de oppositieleider onderdak en bescherming.", "nl"),
        ("The president met the minister.", "en"),
        ("Die Bundesregierung fordert neue Sanktionen gegen Weißrussland.", "de"),
        ("Le gouvernement français a condamné la répression des manifestants.", "fr"),
        ("El gobierno español pidió nuevas elecciones en Bielorrusia.", "es"),
        ("Il governo italiano ha chiesto il rilascio dei manifestanti arrestati.", "it"),
    ],
)
def test_detects_european_languages(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_no_letters_is_undetermined() -> None:
    assert detect_language("12-08-2020 / 14:30 / 80,1%") == "und"


def test_detector_is_built_once() -> None:
    assert _detector() is _detector()


@pytest.mark.parametrize(("text", "lang"), [
    ("Biden belt Xi", "nl"),  # lingua alone says German
    ("Rutte belt Macron", "nl"),  # lingua alone says Italian
    ("Biden calls Xi", "en"),
    ("Merkel trifft Macron und Scholz", "de"),  # sure enough of German: refused later, not coded as Dutch
    ("Israël zette de ambassadeur van Canada uit.", "nl"),  # lingua: French 0.54, Dutch 0.44 (found by the fuzz suite)
    ("Sánchez visita Marruecos", "es"),
])  # fmt: skip
def test_a_short_headline_is_dutch_or_english_unless_clearly_another_language(text, lang):
    assert detect_language(text) == lang


def test_markup_and_symbols_are_not_a_language():
    assert detect_language("<<<<>>>> not <html") == "und"


@pytest.mark.parametrize(("tag", "lang"), [
    ("nl-NL", "nl"), ("NL", "nl"), ("nl_BE", "nl"), ("en-GB", "en"), ("en-us", "en"), ("auto", None), (" ", None),
    ("de-DE", "de"), ("Nederlands", "nederlands"),
])  # fmt: skip
def test_language_tags_are_normalised(tag, lang):
    assert normalise_lang(tag) == lang
