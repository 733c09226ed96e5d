"""Generated material for the fault tests: a corpus of short news articles for `kroniek ingest`, and
coded documents (document, actor mentions, events) for writers that use kroniek.Store directly.

All of it is built from our own sentence templates and a seeded random generator: the same every run, no
article text from elsewhere.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from kroniek.model import Actor, Document, Event

COUNTRIES = {
    "nl": ("Rusland", "Oekraïne", "België", "Duitsland", "Frankrijk", "Polen", "Litouwen", "Wit-Rusland",
           "Turkije", "Griekenland", "Iran", "Israël", "China", "Japan", "Canada", "Mexico", "Brazilië",
           "Egypte", "Marokko", "Nederland"),
    "en": ("Russia", "Ukraine", "Belgium", "Germany", "France", "Poland", "Lithuania", "Belarus", "Turkey",
           "Greece", "Iran", "Israel", "China", "Japan", "Canada", "Mexico", "Brazil", "Egypt", "Morocco",
           "the Netherlands"),
}  # fmt: skip
TEMPLATES = {
    "nl": ("{a} viel {b} aan.", "{a} veroordeelde {b}.", "{a} legde sancties op aan {b}.",
           "De regering van {a} ontmoette dinsdag de president van {b}.", "{a} stuurde hulp naar {b}.",
           "{a} dreigde {b} met een blokkade.", "{a} en {b} tekenden een akkoord.",
           "De minister van {a} bezocht {b}.", "{a} zette de ambassadeur van {b} uit.",
           "{a} eiste dat {b} zijn troepen terugtrekt."),
    "en": ("{a} attacked {b}.", "{a} condemned {b}.", "{a} imposed sanctions on {b}.",
           "The president of {a} met the leaders of {b} on Tuesday.", "{a} sent aid to {b}.",
           "{a} threatened {b} with a blockade.", "{a} and {b} signed an agreement.",
           "The foreign minister of {a} visited {b}.", "{a} expelled the ambassador of {b}.",
           "{a} demanded that {b} withdraw its troops."),
}  # fmt: skip


def sentence(rng: random.Random, lang: str) -> str:
    """One generated news sentence in `lang` ("nl" or "en"), e.g. "Rusland viel Oekraïne aan."."""
    a, b = rng.sample(COUNTRIES[lang], 2)
    text = rng.choice(TEMPLATES[lang]).format(a=a, b=b)
    return text[0].upper() + text[1:]


TEXT_FILES = 100  # of the corpus's documents, this many are .txt files (undated: ingested with --date)


def write_corpus(folder: Path, documents: int, seed: int = 15) -> list[str]:
    """Write `documents` generated articles of one to three sentences under `folder`: a JSON Lines file
    (dated, one in five English) and a folder of .txt files; returns the paths to pass to `kroniek ingest`."""
    rng = random.Random(seed)
    texts = folder / "teksten"
    texts.mkdir(parents=True, exist_ok=True)
    lines = documents - TEXT_FILES
    with (folder / "artikelen.jsonl").open("w", encoding="utf-8") as out:
        for i in range(lines):
            lang = "en" if i % 5 == 4 else "nl"
            text = " ".join(sentence(rng, lang) for _ in range(rng.randint(1, 3)))
            day = f"{rng.randint(2014, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            out.write(json.dumps({"id": f"art-{i:04d}", "text": text, "date": day}, ensure_ascii=False) + "\n")
    for i in range(TEXT_FILES):
        (texts / f"bericht-{i:03d}.txt").write_text(" ".join(sentence(rng, "nl") for _ in range(2)), encoding="utf-8")
    return [str(folder / "artikelen.jsonl"), str(texts)]


def coded(i: int) -> tuple[Document, list[Actor], list[Event]]:
    """Coded document number `i` (the same every time it is asked for): two actors, 0 to 3 events."""
    rng = random.Random(i)
    doc_id = f"doc-{i:04d}"
    text = " ".join(sentence(rng, "nl") for _ in range(2))
    a, b = (Actor(text=name, start=0, end=len(name), code=name[:3].upper() + "GOV", name=name)
            for name in rng.sample(COUNTRIES["en"], 2))  # fmt: skip
    events = [
        Event(doc_id=doc_id, doc_date="2020-08-12", sentence_index=k, sentence=text, source=a, target=b,
              cameo=code, cameo_name="generated", root=code[:2], quad_class=rng.randint(1, 4),
              goldstein=rng.uniform(-10, 10), plover={"event_type": None, "mode": None},
              date=f"2020-08-{rng.randint(1, 28):02d}", date_precision="day", location=None, status="asserted",
              evidence={"start": 0, "end": len(text), "rule": "generated"}, confidence=rng.random(),
              extra={"date_source": "text"})
        for k, code in enumerate(rng.sample(("010", "036", "075", "122", "190"), i % 4))
    ]  # fmt: skip
    return Document(doc_id=doc_id, text=text, date="2020-08-12", lang="nl"), [a, b], events
