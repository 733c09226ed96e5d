"""A corpus of short news items written for these tests: enough documents for several chunks of
work, in Dutch and English, with a known number of events each."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kroniek.store.duckdb import Store

# (language, sentence with {a} and {b} for two countries): one coded event each
_SENTENCES = (
    ("nl", "{a} heeft maandag nieuwe sancties opgelegd aan {b}."),
    ("nl", "De regering van {a} veroordeelde {b} scherp."),
    ("nl", "{a} heeft troepen naar de grens met {b} gestuurd."),
    ("en", "{a} imposed new sanctions on {b} on Monday."),
    ("en", "The government of {a} condemned {b} on Tuesday."),
)
_COUNTRIES = {
    "nl": ("Rusland", "Oekraïne", "Frankrijk", "Duitsland", "Polen", "China", "Japan", "Turkije"),
    "en": ("Russia", "Ukraine", "France", "Germany", "Poland", "China", "Japan", "Turkey"),
}


def news_items(count: int) -> list[dict]:
    """`count` items, each two sentences over different country pairs, dated in March 2024."""
    items = []
    for i in range(count):
        lang, first = _SENTENCES[i % len(_SENTENCES)]
        second = next(s for lg, s in _SENTENCES[(i + 1) % len(_SENTENCES):] + _SENTENCES if lg == lang)
        names = _COUNTRIES[lang]
        a, b, c = names[i % 8], names[(i + 3) % 8], names[(i + 5) % 8]
        text = f"{first.format(a=a, b=b)} {second.format(a=c, b=a)}"
        items.append({"id": f"bericht-{i:03d}", "date": f"2024-03-{1 + i % 28:02d}", "lang": lang, "text": text})
    return items


def write_corpus(folder: Path, items: list[dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "berichten.jsonl"
    path.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), encoding="utf-8")
    return path


def stored(db: Path) -> tuple[list[dict], list[dict]]:
    """Every stored event (all statuses) and actor mention, in a fixed order."""
    with Store(db, read_only=True) as store:
        events = sorted(store.events(status=None), key=lambda e: (e["doc_id"], json.dumps(e, sort_keys=True)))
        return events, store.mentions()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus", news_items(40))
