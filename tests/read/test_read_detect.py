"""Language identification."""

from __future__ import annotations

import pytest

from kroniek.read.detect import _detector, detect_language


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
