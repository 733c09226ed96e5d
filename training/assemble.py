"""Write a bundled pipeline into the package, with its description in meta.json.

Dutch: the UD-trained pipeline (tagging, parsing, lemmas) joined with the CoNLL-trained NER, and
Dutch tokenizer exceptions for news (see tokenizer.py). English: the UD-trained pipeline alone (no
open English NER corpus is available; kroniek adds proper-noun entities at load time).

Usage: python training/assemble.py UD_MODEL NER_MODEL|- OUT_DIR [CORPUS_DIR]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import spacy
from tokenizer import corpus_words, drop_word_abbreviations

META = {
    "nl": {
        "name": "kroniek_nl",
        "description": "kroniek's bundled Dutch pipeline: morphology, dependency parse and lemmas "
        "from UD Dutch (LassySmall + Alpino), named entities from CoNLL-2002. See MODEL_CARD.md.",
        "license": "CC BY-SA 4.0 (UD Dutch); CoNLL-2002 research use",
        "sources": [
            {"name": "UD Dutch LassySmall and Alpino", "license": "CC BY-SA 4.0"},
            {"name": "CoNLL-2002 Dutch NER", "license": "research use"},
        ],
    },
    "en": {
        "name": "kroniek_en",
        "description": "kroniek's bundled English pipeline: morphology, dependency parse and lemmas "
        "from UD English EWT; no statistical NER. See MODEL_CARD.md.",
        "license": "CC BY-SA 4.0 (UD English EWT)",
        "sources": [{"name": "UD English EWT", "license": "CC BY-SA 4.0"}],
    },
}


# Knowledge-base names given to the NER as fixed entities (an entity_ruler before `ner`): country
# and capital names as LOC, people's full names as PER. Chosen on CoNLL-2002 ned.testa (dev) with
# training/ruler_choice.py, which prints the F1 of each alternative.
RULER_KINDS = {"country": "LOC", "capital": "LOC", "person": "PER"}


def add_gazetteer_ruler(nlp) -> int:
    """An entity_ruler before the NER with the knowledge base's names; returns the pattern count."""
    from kroniek.actors.kb import default_kb

    patterns = sorted({(RULER_KINDS[e.kind], e.text) for e in default_kb().entries(nlp.lang)
                       if e.kind in RULER_KINDS and len(e.text) >= 3})
    ruler = nlp.add_pipe("entity_ruler", before="ner",
                         config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True})
    ruler.add_patterns([{"label": label, "pattern": text} for label, text in patterns])
    return len(patterns)


def assemble(ud_path: Path, ner_path: Path | None, out: Path, corpus: Path) -> None:
    nlp = spacy.load(ud_path)
    dropped: list[str] = []
    if nlp.lang == "nl":
        words = corpus_words([corpus / "ud-train.spacy", corpus / "ner-train.spacy"], nlp.vocab)
        dropped = drop_word_abbreviations(nlp, words)
    if ner_path is not None:
        ner_nlp = spacy.load(ner_path)
        # The NER was trained with its own tok2vec; give the NER a private copy so it can live beside
        # the parser's tok2vec in one pipeline.
        ner_nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
        nlp.add_pipe("ner", source=ner_nlp)
        add_gazetteer_ruler(nlp)
    nlp.meta.update({"version": "0.1.0", **META[nlp.lang]})
    nlp.meta.pop("performance", None)
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    print(json.dumps({"pipeline": nlp.pipe_names, "out": str(out), "bytes": size,
                      "abbreviations_dropped": len(dropped)}))


if __name__ == "__main__":
    if len(sys.argv) not in (4, 5):
        sys.exit("usage: python training/assemble.py UD_MODEL NER_MODEL|- OUT_DIR [CORPUS_DIR]")
    corpus_dir = Path(sys.argv[4]) if len(sys.argv) == 5 else Path("build/corpus")
    ner = None if sys.argv[2] == "-" else Path(sys.argv[2])
    assemble(Path(sys.argv[1]), ner, Path(sys.argv[3]), corpus_dir)
