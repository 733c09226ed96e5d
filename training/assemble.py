"""Write a bundled pipeline into the package, with its description in meta.json.

Dutch: the jointly trained pipeline (tagging, parsing, lemmas, NER; training/nl.cfg) without its
training-only parts, with Dutch tokenizer exceptions for news (see tokenizer.py). English: the
UD-trained pipeline (no open English NER corpus is available; kroniek adds proper-noun entities at
load time).

Usage: python training/assemble.py TRAINED_MODEL OUT_DIR [CORPUS_DIR]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import joint  # noqa: F401  (registers the training-time scorer and label reader the joint config names)
import spacy
from tokenizer import corpus_words, drop_word_abbreviations

META = {
    "nl": {
        "name": "kroniek_nl",
        "version": "0.2.0",
        "description": "kroniek's bundled Dutch pipeline: morphology, dependency parse and lemmas "
        "from UD Dutch (LassySmall + Alpino), named entities from CoNLL-2002, name features from "
        "Alpino's gazetteers, trained jointly. See MODEL_CARD.md.",
        "license": "CC BY-SA 4.0 (UD Dutch); CoNLL-2002 research use; LGPL-2.1 (Alpino gazetteers)",
        "sources": [
            {"name": "UD Dutch LassySmall and Alpino", "license": "CC BY-SA 4.0"},
            {"name": "CoNLL-2002 Dutch NER", "license": "research use"},
            {"name": "Alpino name gazetteers", "license": "LGPL-2.1"},
        ],
    },
    "en": {
        "name": "kroniek_en",
        "version": "0.1.0",
        "description": "kroniek's bundled English pipeline: morphology, dependency parse and lemmas "
        "from UD English EWT; no statistical NER. See MODEL_CARD.md.",
        "license": "CC BY-SA 4.0 (UD English EWT)",
        "sources": [{"name": "UD English EWT", "license": "CC BY-SA 4.0"}],
    },
}


# Components that only help training: the auxiliary tagger of CoNLL-2002's coarse tags shapes the
# shared token vectors; its tags are not the UD tags kroniek reads.
TRAINING_ONLY = ("conll_tagger",)
# joint.py's training-time scorer -> spaCy's own
STANDARD_SCORERS = {"kroniek.tree_scorer.v1": "spacy.parser_scorer.v1"}


def drop_training_hooks(nlp) -> None:
    """Remove what only training needs (the auxiliary tagger, joint.py's dependency scorer and
    morphologizer label reader), so the pipeline loads with kroniek alone."""
    for name in TRAINING_ONLY:
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    for name in nlp.pipe_names:
        config = nlp.get_pipe_config(name)  # the pipeline's own record, written by to_disk
        scorer = config.get("scorer", {}).get("@scorers")
        if scorer in STANDARD_SCORERS:
            config["scorer"] = {"@scorers": STANDARD_SCORERS[scorer]}
            nlp.get_pipe(name).scorer = spacy.registry.scorers.get(STANDARD_SCORERS[scorer])()
    nlp.config["initialize"]["components"] = {}
    for name in ("train", "dev"):  # where this build kept its corpora: nothing the pipeline needs
        if name in nlp.config["paths"]:
            nlp.config["paths"][name] = None


def assemble(trained: Path, out: Path, corpus: Path) -> None:
    nlp = spacy.load(trained)
    drop_training_hooks(nlp)
    dropped: list[str] = []
    if nlp.lang == "nl":
        words = corpus_words([corpus / "ud-train.spacy", corpus / "ner-train.spacy"], nlp.vocab)
        dropped = drop_word_abbreviations(nlp, words)
    nlp.meta.update(META[nlp.lang])
    nlp.meta.pop("performance", None)
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    print(json.dumps({"pipeline": nlp.pipe_names, "out": str(out), "bytes": size,
                      "abbreviations_dropped": len(dropped)}))


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: python training/assemble.py TRAINED_MODEL OUT_DIR [CORPUS_DIR]")
    corpus_dir = Path(sys.argv[3]) if len(sys.argv) == 4 else Path("build/corpus")
    assemble(Path(sys.argv[1]), Path(sys.argv[2]), corpus_dir)
