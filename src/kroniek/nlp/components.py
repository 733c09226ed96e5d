"""Small spaCy components kroniek adds to any pipeline it loads."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("kroniek_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, captions and paragraphs never run on into the next
    line. Set before the parser, which keeps boundaries that are already set."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc
