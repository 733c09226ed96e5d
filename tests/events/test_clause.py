"""Reading a clause off a parse in the current UD Dutch scheme. The trees are written by hand (as the
scheme has them, or as parsers get them wrong), so each rule is tested apart from any one parser."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from kroniek.events import clause
from kroniek.events.patterns import load_patterns

NL = load_patterns("nl").grammar


def tree(rows: str) -> Doc:
    """A parsed Doc from CoNLL-like rows: `word lemma POS deprel head` (heads from 1, 0 the root)."""
    cells = [line.split() for line in rows.strip().splitlines()]
    return Doc(
        Vocab(), words=[c[0] for c in cells], lemmas=[c[1] for c in cells], pos=[c[2] for c in cells],
        deps=["ROOT" if c[3] == "root" else c[3] for c in cells],
        heads=[int(c[4]) - 1 if int(c[4]) else i for i, c in enumerate(cells)],
    )


def test_a_perfect_passive_with_zijn_labelled_a_plain_auxiliary_is_passive() -> None:
    doc = tree("""
        Gisteren  gisteren  ADV    advmod      5
        zijn      zijn      AUX    aux         5
        veertig   veertig   NUM    nummod      4
        betogers  betoger   NOUN   nsubj:pass  5
        opgepakt  oppakken  VERB   root        0
    """)
    assert clause.is_passive(doc[4], NL)


def test_a_passive_subject_with_hebben_is_a_mislabelled_active_subject() -> None:
    doc = tree("""
        De           de            DET   det         2
        oppositie    oppositie     NOUN  nsubj:pass  4
        heeft        hebben        AUX   aux         4
        georganiseerd organiseren  VERB  root        0
    """)
    assert not clause.is_passive(doc[3], NL)


def test_a_passive_subject_beside_an_active_one_is_mislabelled() -> None:
    doc = tree("""
        Israël          Israël          PROPN  nsubj       5
        zijn            zijn            AUX    aux         5
        een             een             DET    det         4
        wapenstilstand  wapenstilstand  NOUN   nsubj:pass  5
        overeengekomen  overeenkomen    VERB   root        0
    """)
    assert not clause.is_passive(doc[4], NL)
