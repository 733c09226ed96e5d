"""The office-holder recipe (training/leader_merge.py): how spells of one person become terms."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def merge():
    sys.path.insert(0, str(ROOT / "training"))
    try:
        import leader_merge
    finally:
        sys.path.pop(0)
    return leader_merge


def _spell(merge, start: str, end: str, title: str = "foreign minister"):
    return merge.Spell(source="countryinfo-gov", country="NLD", code="NLDGOV", title=title, head="",
                       name="Jan Jansen", start=start, end=end)


def test_a_month_missing_from_monthly_snapshots_does_not_split_a_term(merge) -> None:
    person = merge.Person(country="NLD", spells=[_spell(merge, "2010-11-01", "2010-11-30"),
                                                 _spell(merge, "2011-01-01", "2012-11-05")])
    assert [(t.start, t.end) for t in merge.terms_of(person)] == [("2010-11-01", "2012-11-05")]


def test_two_terms_years_apart_stay_two(merge) -> None:
    person = merge.Person(country="NLD", spells=[_spell(merge, "2003-01-01", "2005-05-31"),
                                                 _spell(merge, "2008-08-01", "2011-02-28")])
    assert len(merge.terms_of(person)) == 2
