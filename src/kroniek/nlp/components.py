"""Small spaCy components kroniek adds to any pipeline it loads."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

# Tokens that end a sentence, and closing quotes or brackets that may follow them.
_FINAL = {".", "!", "?", "…", "...", "?!", "!?"}
_CLOSERS = {'"', "'", "”", "’", "''", "»", ")", "]"}


@Language.component("kroniek_sentences")
def sentence_boundaries(doc: Doc) -> Doc:
    """Sentence boundaries from punctuation and line breaks, set before the parser, which keeps
    them: a statistical parser trained on single sentences splits long news sentences in the
    middle ("De Duitse minister van Buitenlandse Zaken | Maas heeft ..."). A sentence ends at a
    line break, or at a full stop, question or exclamation mark (and any closing quote after it)
    followed by a word that starts with a capital, a digit or an opening quote."""
    n = len(doc)
    for i in range(1, n):
        doc[i].is_sent_start = False
    for i, token in enumerate(doc[:-1]):
        if token.is_space and "\n" in token.text:
            doc[i + 1].is_sent_start = True
        elif token.text in _FINAL:
            j = i + 1
            while j < n and doc[j].text in _CLOSERS:
                j += 1
            while j < n and doc[j].is_space and "\n" not in doc[j].text:
                j += 1
            if j < n and not doc[j].is_space:
                first = doc[j].text[0]
                if first.isupper() or first.isdigit() or first in "\"'“‘«(„,":
                    doc[j].is_sent_start = True
    return doc
