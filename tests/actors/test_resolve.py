"""Actor mentions of the seed article resolve to the right CAMEO codes (issue: actors)."""

from __future__ import annotations

import pytest

from kroniek.model import Document
from kroniek.pipeline import default_analyzer


@pytest.fixture(scope="module")
def seed_actors(shared_dir) -> list:
    text = (shared_dir / "seed" / "belarus_nl.txt").read_text(encoding="utf-8")
    (result,) = default_analyzer().analyze([Document("belarus_nl", text, "2020-08-12", "nl")])
    return result.actors


@pytest.mark.parametrize(
    ("mention", "code"),
    [
        ("Litouwse leiders", "LTUGOV"),
        ("Loekasjenko", "BLRGOV"),
        ("Kremlin", "RUSGOV"),
        ("Brussel", "IGOEUREEC"),
        ("Blok", "NLDGOV"),
        ("Tichanovskaja", "BLROPP"),
        ("Belarussen", "BLR"),
        ("Orban", "HUNGOV"),
        ("Poetin", "RUSGOV"),
        ("Tweede Kamer", "NLDLEG"),
        ("regering-Trump", "USAGOV"),
        ("Washington", "USAGOV"),
    ],
)
def test_seed_mention_resolves(seed_actors: list, mention: str, code: str) -> None:
    found = [a for a in seed_actors if mention in a.text]
    assert found, f"{mention!r} not found among {[a.text for a in seed_actors]}"
    assert all((a.code or "").startswith(code) for a in found), [(a.text, a.code) for a in found]


def test_title_joins_the_name(seed_actors: list) -> None:
    texts = {a.text for a in seed_actors}
    assert "Hongaarse premier Orban" in texts
    assert "minister van Buitenlandse Zaken Blok" in texts


def test_office_depends_on_the_article_date(shared_dir) -> None:
    text = "Minister van Buitenlandse Zaken Blok sprak met Rusland."
    old, new = (
        next(default_analyzer().analyze([Document("t", text, date, "nl")])) for date in ("2020-08-12", "2024-06-01")
    )
    blok = [a.code for a in old.actors if "Blok" in a.text]
    later = [a.code for a in new.actors if "Blok" in a.text]
    assert blok == ["NLDGOV"] and later and later != ["NLDGOV"]
