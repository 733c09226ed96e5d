"""Training-time helpers for the joint Dutch pipeline (`spacy train training/nl.cfg --code training/joint.py`).

The bundled pipeline trains one shared tok2vec for the tagger, parser, lemmatizer and NER on two
corpora at once: the UD treebanks (tags, trees, lemmas; no entities) and CoNLL-2002 (entities and
sentence boundaries; no tags or trees). Each component learns only from the documents that carry
its annotation, which spaCy handles for the parser, NER and lemmatizer. Two places where it does
not are mended here:

- The morphologizer would take the empty analysis of every CoNLL-2002 token as a label of its own
  ("_", a tag without POS) and then predict it; its labels are read from the UD documents only.
- spaCy's dependency scorer keeps the token positions it saw without a tree across documents
  (3.8: `missing_indices` is not reset per example), so a mixed dev set scores LAS near 0; the
  parser is scored on the documents with trees only.

Neither is needed to load the trained pipeline: `assemble.py` restores the standard scorer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import spacy
from spacy.morphology import Morphology
from spacy.tokens import DocBin
from spacy.training import Example
from spacy.util import registry

import kroniek.nlp.gazetteer  # noqa: F401  (registers the name-list embedding)

POS_FEAT = "POS"


@registry.readers("kroniek.morphologizer_labels.v1")
def morphologizer_labels(path: str) -> dict[str, dict[str, str]]:
    """The morphologizer's label data (as `Morphologizer.label_data`) from the documents in `path`
    (a .spacy file or a folder of them) that carry tags."""
    vocab = spacy.blank("nl").vocab
    files = sorted(Path(path).glob("*.spacy")) if Path(path).is_dir() else [Path(path)]
    morph: dict[str, str] = {}
    pos: dict[str, int] = {}
    for file in files:
        for doc in DocBin().from_disk(file).get_docs(vocab):
            if not doc.has_annotation("POS"):
                continue
            for token in doc:
                if not token.pos_:
                    continue
                feats = Morphology.feats_to_dict(str(token.morph))
                feats[POS_FEAT] = token.pos_
                label = vocab.strings[vocab.morphology.add(feats)]
                morph[label] = Morphology.dict_to_feats({k: v for k, v in feats.items() if k != POS_FEAT})
                pos[label] = token.pos
    return {"morph": morph, "pos": pos}


@registry.scorers("kroniek.tree_scorer.v1")
def make_tree_scorer() -> Callable[..., dict[str, Any]]:
    """spaCy's parser scorer over the examples whose reference has a tree."""
    score = registry.scorers.get("spacy.parser_scorer.v1")()

    def tree_score(examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        return score([eg for eg in examples if eg.reference.has_annotation("DEP")], **kwargs)

    return tree_score
