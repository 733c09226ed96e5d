"""Reading a clause off a parse in the current UD Dutch scheme, on trees written by hand (see conftest)."""

from __future__ import annotations

from kroniek.events import clause
from kroniek.events.patterns import load_patterns

NL = load_patterns("nl").grammar


def test_a_perfect_passive_with_zijn_labelled_a_plain_auxiliary_is_passive(tree) -> None:
    doc = tree("""
        Gisteren  gisteren  ADV    advmod      5
        zijn      zijn      AUX    aux         5
        veertig   veertig   NUM    nummod      4
        betogers  betoger   NOUN   nsubj:pass  5
        opgepakt  oppakken  VERB   root        0
    """)
    assert clause.is_passive(doc[4], NL)


def test_a_passive_subject_with_hebben_is_a_mislabelled_active_subject(tree) -> None:
    doc = tree("""
        De           de            DET   det         2
        oppositie    oppositie     NOUN  nsubj:pass  4
        heeft        hebben        AUX   aux         4
        georganiseerd organiseren  VERB  root        0
    """)
    assert not clause.is_passive(doc[3], NL)


def test_a_passive_subject_beside_an_active_one_is_mislabelled(tree) -> None:
    doc = tree("""
        Israël          Israël          PROPN  nsubj       5
        zijn            zijn            AUX    aux         5
        een             een             DET    det         4
        wapenstilstand  wapenstilstand  NOUN   nsubj:pass  5
        overeengekomen  overeenkomen    VERB   root        0
    """)
    assert not clause.is_passive(doc[4], NL)


def test_a_finite_verb_with_a_subject_labelled_passive_and_no_auxiliary_is_active(tree) -> None:
    # a passive needs "worden"/"zijn" or a participle ("Journalist gearresteerd"); "overwegen" is neither
    doc = tree("""
        De         de         DET    det         2
        Verenigde  Verenigd   PROPN  nsubj:pass  4
        Staten     Staat      PROPN  flat        2
        overwegen  overwegen  VERB   root        0   VerbForm=Fin
        sancties   sanctie    NOUN   obj         4
    """)
    assert not clause.is_passive(doc[3], NL)


def test_a_participle_with_a_passive_subject_and_no_auxiliary_is_passive(tree) -> None:
    doc = tree("""
        Journalist    journalist    NOUN  nsubj:pass  2
        gearresteerd  arresteren    VERB  root        0   VerbForm=Part
    """)
    assert clause.is_passive(doc[1], NL)


def test_a_subject_of_a_fronted_clause_displaces_no_subject_after_the_verb(tree) -> None:
    # "Hoewel het een bondgenoot is, steunde Belarus ...": the first position holds a clause, so the
    # subject follows the finite verb, whatever the parser hung before it
    doc = tree("""
        Hoewel      hoewel      SCONJ  mark   4
        het         het         PRON   nsubj  4
        een         een         DET    det    4
        bondgenoot  bondgenoot  NOUN   nsubj  7
        is          zijn        AUX    cop    4   VerbForm=Fin
        ,           ,           PUNCT  punct  4
        steunde     steunen     VERB   root   0   VerbForm=Fin
        Belarus     Belarus     PROPN  nsubj  7
        het         het         DET    det    10
        plan        plan        NOUN   obj    7
    """)
    assert clause.displaced_subjects(doc[6]) == []
    assert clause.direct_object(doc[6]).text == "plan"


def test_the_object_of_a_participle_under_zijn_with_no_subject_is_the_passive_subject(tree) -> None:
    # every clause has a subject: "zijn ... betogers/obj opgepakt" is the perfect passive
    doc = tree("""
        Gisteren  gisteren  ADV    advmod  5
        zijn      zijn      AUX    aux     5   VerbForm=Fin
        veertig   veertig   NUM    nummod  4
        betogers  betoger   NOUN   obj     5
        opgepakt  oppakken  VERB   root    0   VerbForm=Part
    """)
    assert clause.is_passive(doc[4], NL)


def test_the_object_of_a_participle_under_hebben_stays_an_object(tree) -> None:
    doc = tree("""
        Gisteren  gisteren  ADV    advmod  5
        hebben    hebben    AUX    aux     5   VerbForm=Fin
        veertig   veertig   NUM    nummod  4
        betogers  betoger   NOUN   obj     5
        opgepakt  oppakken  VERB   root    0   VerbForm=Part
    """)
    assert not clause.is_passive(doc[4], NL)
