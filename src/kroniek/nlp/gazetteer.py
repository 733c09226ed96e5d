"""Name-list features for the bundled Dutch pipeline's token vectors.

Each word gets a small code saying in which name lists it occurs and where in a name: alone
("Nederland"), first ("Jan" of "Jan Peter Balkenende") or further on ("Balkenende"), for person,
place and organisation names. The code is embedded beside the word's NORM, PREFIX, SUFFIX and SHAPE
(`kroniek.GazetteerHashEmbed.v1`, a MultiHashEmbed with one more column), so the network learns how
far to trust the lists; nothing is forced (an entity ruler overrides the model, this does not).

The lists are `data/gazetteer.nl.tsv.gz`, built by `training/build_gazetteer.py` from Alpino's name
gazetteers in ../shared/data (LGPL-2.1). Importing this module registers the architecture, which
any pipeline trained with it needs before `spacy.load`.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from functools import cache
from pathlib import Path

from spacy.attrs import ORTH
from spacy.strings import hash_string
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d, Ints2d

DATA = Path(__file__).parent / "data"
KINDS = ("PER", "LOC", "ORG")
POSITIONS = ("S", "B", "I")  # the whole name, its first word, a later word
BITS = {f"{k}-{p}": 1 << i for i, (k, p) in enumerate((k, p) for k in KINDS for p in POSITIONS)}


@cache
def codes(name: str = "gazetteer.nl.tsv.gz") -> dict[int, int]:
    """Word hash (as spaCy's ORTH) -> bit set of BITS, from a list in kroniek's data folder."""
    table: dict[int, int] = {}
    with gzip.open(DATA / name, "rt", encoding="utf-8") as f:
        for line in f:
            word, tags = line.rstrip("\n").split("\t")
            table[hash_string(word)] = sum(BITS[t] for t in tags.split(","))
    return table


def GazetteerFeatures(attrs: list[str], table: str) -> Model[list[Doc], list[Ints2d]]:
    """Like spaCy's FeatureExtractor, with the word's name-list code as a last column."""
    return Model("extract_gazetteer_features", _forward, attrs={"columns": [ORTH, *attrs], "table": table})


def _forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list[Ints2d], Callable]:
    table = codes(model.attrs["table"])
    features = []
    for doc in docs:
        array = doc.to_array(model.attrs["columns"]).astype("uint64")
        # the first column (ORTH) is replaced by the code, and moved to the end
        array[:, 0] = [table.get(int(orth), 0) for orth in array[:, 0]]
        features.append(model.ops.asarray2i(array[:, [*range(1, array.shape[1]), 0]], dtype="uint64"))
    return features, lambda d_features: []


@registry.architectures("kroniek.GazetteerHashEmbed.v1")
def gazetteer_hash_embed(width: int, attrs: list[str], rows: list[int], gazetteer_rows: int,
                         table: str = "gazetteer.nl.tsv.gz") -> Model[list[Doc], list[Floats2d]]:
    """spaCy's MultiHashEmbed (same seeds, no static vectors) plus an embedding of the name-list code."""
    if len(rows) != len(attrs):
        raise ValueError(f"Mismatched lengths: {len(rows)} vs {len(attrs)}")
    embeddings = [HashEmbed(width, n, column=i, seed=8 + i, dropout=0.0)
                  for i, n in enumerate([*rows, gazetteer_rows])]
    return chain(
        GazetteerFeatures(attrs, table),
        list2ragged(),
        with_array(concatenate(*embeddings)),
        with_array(Maxout(width, width * len(embeddings), nP=3, dropout=0.0, normalize=True)),
        ragged2list(),
    )
