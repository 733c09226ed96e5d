"""Facts about a parse that actor resolution and event coding both read (language-independent)."""

from __future__ import annotations

from spacy.tokens import Token

# what gives a verb a clause of its own: a subject, an auxiliary, a copula, "te"/"om"/"dat", a particle
_CLAUSE_MARKS = ("nsubj", "nsubj:pass", "mark", "aux", "aux:pass", "cop", "compound:prt")


def bare_complement(token: Token, labels: tuple[str, ...] = ("xcomp", "ccomp")) -> bool:
    """A word tagged as a verb that the parse made another verb's complement (or, with `labels`,
    its adverb) with nothing of a clause of its own: an open clause, UD's xcomp, whatever its label;
    or a noun misread as one ("gooide journalisten/VERB in de cel")."""
    return (token.pos_ == "VERB" and token.dep_ in labels and token.head != token
            and token.head.pos_ in ("VERB", "AUX")
            and not any(c.dep_ in _CLAUSE_MARKS for c in token.children))
