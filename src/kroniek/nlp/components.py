"""Small spaCy components kroniek adds to any pipeline it loads."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

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


@Language.component("kroniek_name_entities")
def name_entities(doc: Doc) -> Doc:
    """Named entities for a pipeline without an NER model (the bundled English one: no open English
    NER corpus is available to train it): each maximal run of proper nouns becomes an entity, PER
    when it is two to four capitalised words ("Mike Johnson"), MISC otherwise. The actor resolver
    keeps unknown PER names as actors and resolves the rest from its knowledge base first."""
    spans, start = [], None
    for token in [*doc, None]:
        inside = token is not None and token.pos_ == "PROPN" and token.text[:1].isupper()
        if inside and start is None:
            start = token.i
        elif not inside and start is not None:
            span = doc[start : token.i if token is not None else len(doc)]
            words = [t for t in span if t.is_alpha]
            label = "PER" if 2 <= len(span) <= 4 and len(words) == len(span) and all(
                t.text[0].isupper() and not t.text.isupper() for t in span) else "MISC"
            spans.append(Span(doc, span.start, span.end, label=label))
            start = None
    doc.ents = spans
    return doc
