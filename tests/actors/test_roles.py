"""The role lexicons (issue 14): the recipe regenerates the committed tables, every Dutch candidate is
reviewed, and role words of both languages resolve in sentences of our own."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kroniek.model import Document
from kroniek.pipeline import default_analyzer

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "kroniek" / "actors" / "data"


@pytest.fixture(scope="module")
def recipe(shared_dir):
    if not (shared_dir / "data" / "petrarch2_dictionaries" / "Phoenix.agents.txt").exists():
        pytest.skip(f"PETRARCH2 dictionaries not found under {shared_dir}/data: the role recipe reads them")
    sys.path.insert(0, str(ROOT / "training"))
    try:
        import build_roles
    finally:
        sys.path.pop(0)
    return build_roles


def test_recipe_regenerates_the_committed_tables(recipe, shared_dir, tmp_path: Path) -> None:
    recipe.build(shared_dir / "data", tmp_path)
    for lang in ("en", "nl"):
        name = f"roles.{lang}.tsv"
        assert (tmp_path / name).read_text(encoding="utf-8") == (DATA / name).read_text(encoding="utf-8"), name


def test_every_dutch_candidate_is_reviewed(recipe, shared_dir) -> None:
    assert recipe.unreviewed(shared_dir / "data") == []


def test_phoenix_syntax(recipe, tmp_path: Path) -> None:
    path = tmp_path / "agents.txt"
    path.write_text("# a comment\n!PERSON! = MAN, MEN\nSPOKES!PERSON! [~GOV]\nRIOT_POLICE {} [~COP] # no plural\n"
                    "CATTLE_THIEF {CATTLE_THIEVES} [~CRM]\nBORDER_GUARD [~MIL]\nISLAMIC_EXTREMIST\n"
                    "# POSSE [~COP]\nTRUCE_MONITOR [IGO~]\n", encoding="utf-8")
    agents = {a.phrase: (a.plurals, a.code) for a in recipe.parse_agents(path)}
    assert agents == {
        "spokesman": ((), "~GOV"), "spokesmen": ((), "~GOV"), "riot police": ((), "~COP"),
        "cattle thief": (("cattle thieves",), "~CRM"), "border guard": (("border guards",), "~MIL"),
        "truce monitor": (("truce monitors",), "IGO~"),
    }
    codes = {"GOV": "GOV", "MUS": "religion", "REB": "REB", "PPL": "-"}
    assert [recipe.role_of(c, codes) for c in ("~GOVMED", "~MUSREB", "~MUS", "~PPL", "IGO~")] == [
        "GOV", "REB", None, None, None]


def _codes(text: str, lang: str) -> dict[str, str | None]:
    (result,) = default_analyzer().analyze([Document("t", text, "2021-03-01", lang)])
    return {a.text: a.code for a in result.actors}


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("De Chinese kustwacht heeft woensdag een Filipijns schip aangevallen.", "kustwacht", "CHNMIL"),
        ("Poolse grenswachten hielden zaterdag dertig migranten tegen.", "grenswachten", "POLCOP"),
        ("De Turkse bewindslieden spraken in Ankara met Griekse politici.", "Griekse politici", "GRCPTY"),
        ("De Turkse bewindslieden spraken in Ankara met Griekse politici.", "bewindslieden", "TURGOV"),
        ("De Belgische vakcentrale riep op tot een algemene staking.", "vakcentrale", "BELLAB"),
        ("De Franse gendarme hield de verdachte aan.", "gendarme", "FRACOP"),
    ],
)
def test_dutch_role_words(text: str, mention: str, code: str) -> None:
    found = {t: c for t, c in _codes(text, "nl").items() if mention in t}
    assert list(found.values()) == [code], _codes(text, "nl")


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("Indian border guards detained three fishermen on Tuesday.", "border guards", "INDMIL"),
        ("The Chinese coast guard fired water cannon at a fishing boat.", "coast guard", "CHNMIL"),
        ("Russian lawmakers approved the bill on Friday.", "lawmakers", "RUSLEG"),
        ("Ukrainian prosecutors charged two Russian commanders.", "Russian commanders", "RUSMIL"),
        ("Georgian riot police dispersed the crowd.", "riot police", "GEOCOP"),
    ],
)
def test_english_role_words(text: str, mention: str, code: str) -> None:
    found = {t: c for t, c in _codes(text, "en").items() if mention in t}
    assert list(found.values()) == [code], _codes(text, "en")


@pytest.mark.parametrize(
    ("text", "lang", "word"),
    [
        ("Ze verkochten hun zaak in Polen aan een Duitse koper.", "nl", "zaak"),  # rejected: "business"
        ("In de Poolse kamer hing een portret van de paus.", "nl", "kamer"),  # rejected: "chamber"
        ("The uprising in Syria began in 2011.", "en", "uprising"),  # excluded: an event, not its actors
    ],
)
def test_rejected_words_stay_no_actor(text: str, lang: str, word: str) -> None:
    assert not [t for t in _codes(text, lang) if word in t.lower()], _codes(text, lang)
