"""The seed article (../shared/seed/belarus_nl.txt) gives the events a reader sees in it."""

from __future__ import annotations

import pytest

from kroniek.model import Document
from kroniek.pipeline import default_analyzer


@pytest.fixture(scope="module")
def seed_events(shared_dir) -> list[dict]:
    text = (shared_dir / "seed" / "belarus_nl.txt").read_text(encoding="utf-8")
    (result,) = default_analyzer().analyze([Document("belarus_nl", text, "2020-08-12", "nl")])
    return [e.record() for e in result.events]


def _asserted(events: list[dict], source: str, root: str, target: str | None = None) -> list[dict]:
    return [
        e for e in events
        if e["status"] == "asserted" and e["source"]["code"].startswith(source) and e["root"] == root
        and (target is None or (e["target"] and e["target"]["code"].startswith(target)))
    ]


@pytest.mark.parametrize(
    ("what", "source", "root", "target"),
    [
        ("Lithuania shelters the Belarusian opposition leader", "LTU", "07", "BLR"),
        ("Russia occupies Crimea", "RUS", "19", "UKR"),
        ("Lukashenko releases prisoners", "BLR", "08", None),
        ("Hungary's prime minister appeals to lift the sanctions", "HUN", "02", None),
        ("Russia cuts the oil supply to Belarus", "RUS", "16", "BLR"),
    ],
)
def test_seed_event_is_found(seed_events: list[dict], what: str, source: str, root: str, target: str) -> None:
    assert _asserted(seed_events, source, root, target), what


def test_negated_emergency_meeting_gives_no_asserted_event(seed_events: list[dict]) -> None:
    in_sentence = [e for e in seed_events if "noodvergadering" in e["sentence"] and e["status"] == "asserted"]
    assert in_sentence == []


def test_hungarian_prime_minister_is_resolved_by_title_and_date(seed_events: list[dict]) -> None:
    (appeal, *_) = _asserted(seed_events, "HUN", "02")
    assert appeal["source"]["code"] == "HUNGOV"
    assert "Orban" in appeal["source"]["text"] and appeal["source"]["wikidata"]
