"""Language identification with lingua, restricted to the European languages news arrives in,
and language tags as documents give them ("nl-NL", "en_GB", "NL")."""

from __future__ import annotations

import re
from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

LANGUAGES = (
    Language.DUTCH,
    Language.ENGLISH,
    Language.GERMAN,
    Language.FRENCH,
    Language.SPANISH,
    Language.ITALIAN,
)
CODED = ("nl", "en")  # the languages kroniek codes
UNDETERMINED = "und"  # ISO 639-2 "undetermined": no letters to go on, or no language fits
SAMPLE_CHARS = 2000  # an article's opening is plenty, and detection time grows with length
# A headline of a few words ("Biden belt Xi") is mostly names, which every language shares: below
# this many words a detector that is not sure of another language gives way to the likelier of
# Dutch and English.
SHORT_WORDS = 12
# A short text's other language is believed from this relative confidence of lingua's, and when it is
# this many times likelier than Dutch or English: "Israël zette de ambassadeur van Canada uit." is
# French 0.54, Dutch 0.44 to lingua (ambassadeur, Israël and Canada are French words too).
SURE = 0.5
AHEAD = 2.0
# Markup and symbol runs ("<<<<>>>> not <html") are not prose: at least half of the visible
# characters must be letters for a language to be told at all.
MIN_LETTER_SHARE = 0.5
_WORD = re.compile(r"[^\W\d_]{2,}")
_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")


@cache
def _detector() -> LanguageDetector:
    # High-accuracy mode on a 2000-character sample costs about a millisecond; low-accuracy
    # mode misreads short English sentences as Italian.
    return LanguageDetectorBuilder.from_languages(*LANGUAGES).build()


def _looks_like_prose(sample: str) -> bool:
    visible = [c for c in sample if not c.isspace()]
    letters = sum(c.isalpha() for c in visible)
    return bool(visible) and letters / len(visible) >= MIN_LETTER_SHARE


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language (nl, en, de, fr, es, it), or "und" when unsure.

    A short text that the detector gives to another language without being sure of it (and far
    surer than of Dutch or English) is Dutch or English, whichever is likelier: kroniek reads only
    those, and headlines are mostly names.
    """
    sample = text[:SAMPLE_CHARS]
    if not _looks_like_prose(sample):
        return UNDETERMINED
    values = _detector().compute_language_confidence_values(sample)
    if not values or values[0].value <= 0:
        return UNDETERMINED
    best = values[0].language.iso_code_639_1.name.lower()
    if best in CODED or len(_WORD.findall(sample)) >= SHORT_WORDS:
        return best
    coded = [v for v in values if v.language.iso_code_639_1.name.lower() in CODED and v.value > 0]
    if not coded or (values[0].value >= SURE and values[0].value >= AHEAD * coded[0].value):
        return best
    return coded[0].language.iso_code_639_1.name.lower()


def normalise_lang(value: str | None) -> str | None:
    """A language tag as kroniek keys languages: "nl-NL", "NL", "nl_BE" -> "nl"; "auto" or empty -> None.

    A value that is no language tag at all comes back lower-cased, for the caller to refuse.
    """
    if value is None:
        return None
    value = value.strip()
    if not value or value.lower() == "auto":
        return None
    tag = _TAG.match(value)
    return tag.group(1).lower() if tag else value.lower()
