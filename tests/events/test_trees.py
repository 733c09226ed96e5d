"""Who acts on whom in hand-parsed sentences of the current UD Dutch scheme (trees in conftest style):
the coder's rules apart from any one parser's errors."""

from __future__ import annotations


def _dyads(events) -> set[tuple[str | None, str, str | None]]:
    return {(e.source.code, e.cameo, e.target.code) for e in events if e.status == "asserted"}


def test_a_known_actor_in_a_phrase_is_not_read_as_a_town_of_that_name(coded) -> None:
    # "Hamas" is also a place name; in the knowledge base it is the movement
    events = coded("""
        Israël          Israël          PROPN  nsubj   3
        heeft           hebben          AUX    aux     3
        toegebracht     toebrengen      VERB   root    0
        schade          schade          NOUN   obj     3
        aan             aan             ADP    case    7
        de              de              DET    det     7
        infrastructuur  infrastructuur  NOUN   obl     3
        van             van             ADP    case    9
        Hamas           Hamas           PROPN  nmod    7
        .               .               PUNCT  punct   3
    """, ents=((0, 1, "LOC"), (8, 9, "LOC")))
    assert _dyads(events) == {("ISR", "190", "PSEREBHMS")}


def test_a_participle_hung_after_its_object_as_a_modifier_is_the_clause_verb(coded) -> None:
    # Dutch puts an attributive participle before its noun: after it, it is the clause's verb
    events = coded("""
        Japan        Japan         PROPN  nsubj  4
        en           en            CCONJ  cc     3
        Zuid-Korea   Zuid-Korea    PROPN  conj   1
        hebben       hebben        VERB   root   0
        een          een           DET    det    6
        verdrag      verdrag       NOUN   obj    4
        ondertekend  ondertekenen  VERB   amod   6   VerbForm=Part
        .            .             PUNCT  punct  4
    """, ents=((0, 1, "LOC"), (2, 3, "LOC")))
    assert {("JPN", "057", "KOR"), ("KOR", "057", "JPN")} <= _dyads(events)
