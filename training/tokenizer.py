"""Dutch tokenizer exceptions for news text.

spaCy's Dutch exceptions hold ~4,400 legal abbreviations ("hand.", "art.", "verb."); in news, a word
like "hand" at the end of a sentence then keeps its full stop ("de helpende hand."), which breaks the
sentence and the word. We drop every single-part abbreviation whose stem is an ordinary word of the
training corpora (seen lower-cased at least `min_count` times without the full stop).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from spacy.language import Language
from spacy.tokens import DocBin


def corpus_words(paths: list[Path], vocab) -> Counter:
    counts: Counter = Counter()
    for path in paths:
        for doc in DocBin().from_disk(path).get_docs(vocab):
            counts.update(t.lower_ for t in doc)
    return counts


def drop_word_abbreviations(nlp: Language, words: Counter, min_count: int = 2) -> list[str]:
    """Remove abbreviation exceptions like "hand." whose stem is a common word; returns them."""
    rules = dict(nlp.tokenizer.rules)
    dropped = []
    for key in list(rules):
        stem = key[:-1]
        if key.endswith(".") and "." not in stem and stem.isalpha() and words[stem.lower()] >= min_count:
            if words[key.lower()] == 0:
                del rules[key]
                dropped.append(key)
    nlp.tokenizer.rules = rules
    return sorted(dropped)
