"""Whether knowledge-base names help the Dutch NER as fixed entities: NER F1 on CoNLL-2002 ned.testa
(the tuning split; never ned.testb) for an entity ruler before the NER holding no names and each
alternative. Prints one line per variant. With the name-list features of the joint pipeline none
helps, so the bundled pipeline has no ruler (the previous pipeline had people, countries and
capitals).

Usage: python training/ruler_choice.py PIPELINE CORPUS_DIR
(e.g. the bundled pipeline, and build/corpus from convert.py)
"""

from __future__ import annotations

import sys
from pathlib import Path

import joint  # noqa: F401  (registers kroniek's layers and the training-time hooks a raw checkpoint names)
import spacy
from spacy.scorer import Scorer
from spacy.tokens import DocBin
from spacy.training import Example

from kroniek.actors.kb import default_kb

VARIANTS = {
    "none [used]": {},
    "countries+capitals (LOC)": {"country": "LOC", "capital": "LOC"},
    "+ people (PER)": {"country": "LOC", "capital": "LOC", "person": "PER"},
    "+ adjectives (MISC)": {"country": "LOC", "capital": "LOC", "adjective": "MISC"},
    "every kind": {"country": "LOC", "capital": "LOC", "person": "PER", "adjective": "MISC",
                   "inhabitants": "MISC", "igo": "ORG"},
}


def score(pipeline: Path, corpus: Path, kinds: dict[str, str]) -> float:
    nlp = spacy.load(pipeline, exclude=["entity_ruler"])
    if kinds:
        patterns = sorted({(kinds[e.kind], e.text) for e in default_kb().entries("nl")
                           if e.kind in kinds and len(e.text) >= 3})
        ruler = nlp.add_pipe("entity_ruler", before="ner",
                             config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True})
        ruler.add_patterns([{"label": label, "pattern": text} for label, text in patterns])
    gold = list(DocBin().from_disk(corpus / "ner-dev.spacy").get_docs(nlp.vocab))
    examples = [Example(nlp.make_doc(d.text), d) for d in gold]
    for example, doc in zip(examples, nlp.pipe(e.predicted for e in examples), strict=True):
        example.predicted = doc
    return Scorer.score_spans(examples, "ents")["ents_f"]


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python training/ruler_choice.py UD_NER_PIPELINE CORPUS_DIR")
    for name, kinds in VARIANTS.items():
        print(f"{name:<28} ned.testa NER F1 {100 * score(Path(sys.argv[1]), Path(sys.argv[2]), kinds):.2f}")
