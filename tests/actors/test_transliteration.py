"""Dutch name forms by rule (training/actors_curated/transliteration.nl.tsv), on forms written here."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training"))

from translit_nl import dutch, dutch_for, genitive  # noqa: E402


@pytest.mark.parametrize(
    ("english", "script", "expected"),
    [
        ("Khrushchev", "cyrillic", "Chroesjtsjov"),
        ("Chrushchev", "cyrillic", "Chroesjtsjov"),
        ("Yushchenko", "cyrillic", "Joesjtsjenko"),
        ("Shevardnadze", "cyrillic", "Sjevardnadze"),
        ("Lukashenko", "cyrillic", "Loekasjenko"),
        ("Zelensky", "cyrillic", "Zelenski"),
        ("Zelenskyy", "cyrillic", "Zelenski"),
        ("Putin", "cyrillic", "Poetin"),
        ("Gorbachev", "cyrillic", "Gorbatsjov"),
        ("Yeltsin", "cyrillic", "Jeltsin"),
        ("Dmitry Medvedev", "cyrillic", "Dmitri Medvedev"),
        ("Sergey Shoygu", "cyrillic", "Sergej Sjojgoe"),
        ("Yevgeny Prigozhin", "cyrillic", "Jevgeni Prigozjin"),
        ("Nursultan Nazarbayev", "cyrillic", "Noersoeltan Nazarbajev"),
        ("Mikheil Saakashvili", "cyrillic", "Micheil Saakasjvili"),
        ("Nasrallah", "arabic", "Nasrallah"),
        ("Abdullah", "arabic", "Abdoellah"),
        ("Hosni Mubarak", "arabic", "Hosni Moebarak"),
        ("Mahmoud Abbas", "arabic", "Mahmoed Abbas"),
        ("Qaboos", "arabic", "Kaboes"),
        ("Yasser Arafat", "arabic", "Jasser Arafat"),
        ("Khamenei", "persian", "Chamenei"),
        ("Netanyahu", "hebrew", "Netanjahoe"),
        ("al-Bashir", "arabic", "al-Basjir"),
    ],
)
def test_rules(english: str, script: str, expected: str) -> None:
    assert dutch(english, script) == expected


def test_only_states_written_in_those_scripts() -> None:
    assert dutch_for("Putin", "RUS") == "Poetin"
    assert dutch_for("Rutte", "NLD") is None  # Latin-script states keep their spelling
    assert dutch_for("Maia Sandu", "MDA") is None  # Moldova writes Latin script
    assert dutch_for("Nasrallah", "LBN") is None  # unchanged: no extra form


def test_genitive() -> None:
    assert genitive("Poetin") == "Poetins"
    assert genitive("Chroesjtsjov") == "Chroesjtsjovs"
    assert genitive("Loekasjenko") is None
    assert genitive("Abbas") is None
