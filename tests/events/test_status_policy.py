"""The status policy of the README ("What counts as an event") rule by rule: an act told by its own
side is asserted, told by another political actor reported; the Dutch reportative conditional
("zou(den) ... zijn opgepakt") and English hearsay adverbs ("reportedly") keep it asserted with lower
confidence; questions, quoted or not, and hedges ("wellicht", "naar verwachting") make it
hypothetical. Each rule on hand-parsed sentences of our own (no parser), then end to end through the
bundled pipelines. The statements coded beside an act are tested in test_statements.py."""

from __future__ import annotations

from functools import lru_cache

import pytest
import spacy
from spacy.tokens import Doc, Span

from kroniek.actors.kb import default_kb
from kroniek.actors.resolve import ActorResolver
from kroniek.events.code import EventCoder
from kroniek.events.ontology import default_ontology
from kroniek.events.patterns import load_patterns
from kroniek.model import Document, Event
from kroniek.nlp.registry import unavailable
from kroniek.pipeline import default_analyzer

PUBLISHED = "2024-03-15"
PLAIN = 0.9  # the confidence of a plain assertion (test_record_values.py)
QUOTES = {'"', "“", "”", "'", "‘", "’"}


@lru_cache(maxsize=2)
def _parts(lang: str) -> tuple:
    vocab = spacy.blank(lang).vocab
    return vocab, ActorResolver(default_kb(), lang, vocab), EventCoder(load_patterns(lang), default_ontology())


def _tree(rows: str, ents: tuple[tuple[int, int, str], ...] = (), lang: str = "en") -> list[Event]:
    """The events coded in a hand-parsed sentence (rows as conftest's make_tree), in either language,
    spaced as written: no space before punctuation or a closing quote, none after an opening one."""
    vocab, resolver, coder = _parts(lang)
    cells = [line.split() for line in rows.strip().splitlines() if line.strip()]
    words = [c[0] for c in cells]
    opening = set()
    for i, word in enumerate(words):
        if word in QUOTES and sum(w in QUOTES for w in words[:i]) % 2 == 0:
            opening.add(i)
    spaces = [i + 1 < len(words) and i not in opening and (
        words[i + 1] not in ".,:;?!" and not (words[i + 1] in QUOTES and i + 1 not in opening))
        for i in range(len(words))]
    doc = Doc(vocab, words=words, spaces=spaces, lemmas=[c[1] for c in cells], pos=[c[2] for c in cells],
              deps=["ROOT" if c[3] == "root" else c[3] for c in cells],
              heads=[int(c[4]) - 1 if int(c[4]) else i for i, c in enumerate(cells)],
              morphs=[c[5] if len(c) > 5 else "" for c in cells])
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return coder(doc, resolver(doc, PUBLISHED), "tree", PUBLISHED).events


def _found(events: list[Event]) -> set[tuple[str | None, str, str | None, str]]:
    return {(e.source.code, e.cameo, e.target.code, e.status) for e in events}


def _one(events: list[Event], code: str) -> Event:
    (event,) = [e for e in events if e.cameo == code]
    return event


def _analyze(text: str, lang: str = "nl") -> list[Event]:
    if missing := unavailable(lang):
        pytest.skip(missing)
    (result,) = default_analyzer().analyze([Document("t", text, PUBLISHED, lang)])
    return result.events


# -- told by its own side, or by another ----------------------------------------------------------
SAYS_THAT_RUSSIA_BOMBED_KIEV = """
    De             de           DET    det    3
    {adj:<14} {adj_lemma:<12} ADJ    amod   3
    regering       regering     NOUN   nsubj  4
    zegt           zeggen       VERB   root   0   VerbForm=Fin
    dat            dat          SCONJ  mark   9
    Rusland        Rusland      PROPN  nsubj  9
    Kiev           Kiev         PROPN  obj    9
    heeft          hebben       AUX    aux    9   VerbForm=Fin
    gebombardeerd  bombarderen  VERB   ccomp  4   VerbForm=Part
    .              .            PUNCT  punct  4
"""
RUSSIA_KIEV = ((5, 6, "LOC"), (6, 7, "LOC"))


def test_an_act_told_by_its_own_side_is_asserted(coded) -> None:
    events = coded(SAYS_THAT_RUSSIA_BOMBED_KIEV.format(adj="Russische", adj_lemma="Russisch"), RUSSIA_KIEV)
    event = _one(events, "195")
    assert (event.source.code, event.status, event.extra["status_reason"]) == (
        "RUS", "asserted", "told by its own side")
    assert event.confidence == pytest.approx(0.8 * PLAIN)


def test_an_act_told_by_another_political_actor_is_reported(coded) -> None:
    events = coded(SAYS_THAT_RUSSIA_BOMBED_KIEV.format(adj="Oekraïense", adj_lemma="Oekraïens"), RUSSIA_KIEV)
    event = _one(events, "195")
    assert (event.source.code, event.status) == ("RUS", "reported")
    assert event.confidence == pytest.approx(0.7 * PLAIN)


ENGLISH_SAYS_THAT = """
    The         the         DET    det     3
    {adj:<11} {adj:<10} ADJ    amod    3
    government  government  NOUN   nsubj   4
    said        say         VERB   root    0   VerbForm=Fin
    that        that        SCONJ  mark    7
    Russia      Russia      PROPN  nsubj   7
    attacked    attack      VERB   ccomp   4   VerbForm=Fin
    Kyiv        Kyiv        PROPN  obj     7
    .           .           PUNCT  punct   4
"""


def test_an_english_act_told_by_its_own_side_is_asserted_and_by_another_reported() -> None:
    own = _tree(ENGLISH_SAYS_THAT.format(adj="Russian"), ((5, 6, "GPE"), (7, 8, "GPE")))
    assert (_one(own, "190").status, _one(own, "190").extra["status_reason"]) == ("asserted", "told by its own side")
    other = _tree(ENGLISH_SAYS_THAT.format(adj="Ukrainian"), ((5, 6, "GPE"), (7, 8, "GPE")))
    assert _one(other, "190").status == "reported"


@pytest.mark.parametrize(("text", "lang", "code"), [
    ("De Russische regering zegt dat Rusland Kiev heeft gebombardeerd.", "nl", "195"),
    ("The Russian government said that Russia attacked Kyiv.", "en", "190"),
])
def test_own_side_end_to_end(text: str, lang: str, code: str) -> None:
    event = _one(_analyze(text, lang), code)
    assert (event.status, event.extra["status_reason"]) == ("asserted", "told by its own side")


# -- the Dutch reportative conditional --------------------------------------------------------------
def test_zouden_zijn_opgepakt_is_asserted_with_lower_confidence(coded) -> None:
    # "zouden ... zijn opgepakt": the news reports it as having happened, on another's word
    events = coded("""
        Twee          twee          NUM    nummod      3
        Belarussische Belarussisch  ADJ    amod        3
        journalisten  journalist    NOUN   nsubj:pass  10
        zouden        zullen        AUX    aux         10  VerbForm=Fin
        door          door          ADP    case        8
        de            de            DET    det         8
        Russische     Russisch      ADJ    amod        8
        politie       politie       NOUN   obl:agent   10
        zijn          zijn          AUX    aux         10  VerbForm=Fin
        opgepakt      oppakken      VERB   root        0   VerbForm=Part
        .             .             PUNCT  punct       10
    """)
    assert _found(events) == {("RUSCOP", "173", "BLRMED", "asserted")}
    event = _one(events, "173")
    assert event.extra["status_reason"] == "reportative conditional"
    assert event.confidence == pytest.approx(0.7 * PLAIN)


ZOU_OPPAKKEN = """
    De            de            DET    det     3
    Russische     Russisch      ADJ    amod    3
    politie       politie       NOUN   nsubj   {verb}
    zou           zullen        AUX    aux     {verb}   VerbForm=Fin
    twee          twee          NUM    nummod  7
    Belarussische Belarussisch  ADJ    amod    7
    journalisten  journalist    NOUN   obj     {verb}
    {rest}
    .             .             PUNCT  punct   {verb}
"""


def test_zou_hebben_opgepakt_is_asserted_and_zou_oppakken_is_not(coded) -> None:
    perfect = coded(ZOU_OPPAKKEN.format(verb=9, rest="hebben hebben AUX aux 9 VerbForm=Inf\n"
                                                   "opgepakt oppakken VERB root 0 VerbForm=Part"))
    assert _found(perfect) == {("RUSCOP", "173", "BLRMED", "asserted")}
    assert _one(perfect, "173").confidence == pytest.approx(0.7 * PLAIN)
    # without the perfect "zou" is a conditional of what has not happened
    conditional = coded(ZOU_OPPAKKEN.format(verb=8, rest="oppakken oppakken VERB root 0 VerbForm=Inf"))
    assert _found(conditional) == {("RUSCOP", "173", "BLRMED", "hypothetical")}


def test_reportative_conditional_end_to_end() -> None:
    event = _one(_analyze("Twee Belarussische journalisten zouden door de Russische politie zijn opgepakt."), "173")
    assert (event.status, event.extra["status_reason"]) == ("asserted", "reportative conditional")
    assert event.confidence == pytest.approx(0.7 * PLAIN)


# -- questions ------------------------------------------------------------------------------------
VALT_AAN = """
    {open}
    Valt      vallen    VERB   root          0   VerbForm=Fin
    Rusland   Rusland   PROPN  nsubj         {h}
    Oekraïne  Oekraïne  PROPN  obj           {h}
    aan       aan       ADP    compound:prt  {h}
    {end}     {end}     PUNCT  punct         {h}
    {close}
"""


def test_a_question_is_hypothetical(coded) -> None:
    asked = coded(VALT_AAN.format(open="", close="", h=1, end="?"), ((1, 2, "LOC"), (2, 3, "LOC")))
    assert _found(asked) == {("RUS", "190", "UKR", "hypothetical")}
    assert _one(asked, "190").extra["status_reason"] == "question"
    # the same words as a statement
    told = coded(VALT_AAN.format(open="", close="", h=1, end="."), ((1, 2, "LOC"), (2, 3, "LOC")))
    assert _found(told) == {("RUS", "190", "UKR", "asserted")}


def test_a_quoted_question_is_hypothetical() -> None:
    # '"Valt Rusland Oekraïne aan?"': the sentence ends on the closing quote
    quoted = VALT_AAN.format(open='"  "  PUNCT  punct  2', close='"  "  PUNCT  punct  2', h=2, end="?")
    events = _tree(quoted, ((2, 3, "LOC"), (3, 4, "LOC")), lang="nl")
    assert _found(events) == {("RUS", "190", "UKR", "hypothetical")}
    statement = VALT_AAN.format(open='"  "  PUNCT  punct  2', close='"  "  PUNCT  punct  2', h=2, end=".")
    assert _found(_tree(statement, ((2, 3, "LOC"), (3, 4, "LOC")), lang="nl")) == {("RUS", "190", "UKR", "asserted")}


def test_an_english_question_is_hypothetical() -> None:
    events = _tree("""
        Did      do       AUX    aux     3   VerbForm=Fin
        Russia   Russia   PROPN  nsubj   3
        attack   attack   VERB   root    0   VerbForm=Inf
        Ukraine  Ukraine  PROPN  obj     3
        ?        ?        PUNCT  punct   3
    """, ((1, 2, "GPE"), (3, 4, "GPE")))
    assert _found(events) == {("RUS", "190", "UKR", "hypothetical")}


@pytest.mark.parametrize(("text", "lang", "code"), [
    ("Heeft de Europese Unie sancties opgelegd aan Rusland?", "nl", "163"),
    ('"Heeft de Europese Unie sancties opgelegd aan Rusland?"', "nl", "163"),
    ('"Legt de Europese Unie sancties op aan Rusland?"', "nl", "163"),
    ("Did Russia attack Ukraine?", "en", "190"),
])
def test_questions_end_to_end(text: str, lang: str, code: str) -> None:
    event = _one(_analyze(text, lang), code)
    assert (event.status, event.extra["status_reason"]) == ("hypothetical", "question")


# -- hedges ---------------------------------------------------------------------------------------
HEDGED = """
    Rusland   Rusland   PROPN  nsubj         2
    valt      vallen    VERB   root          0   VerbForm=Fin
    {hedge}
    Oekraïne  Oekraïne  PROPN  obj           2
    aan       aan       ADP    compound:prt  2
    .         .         PUNCT  punct         2
"""


@pytest.mark.parametrize(("hedge", "n"), [
    ("wellicht wellicht ADV advmod 2", 1),
    ("misschien misschien ADV advmod 2", 1),
    ("waarschijnlijk waarschijnlijk ADV advmod 2", 1),
    ("naar naar ADP case 4\nverwachting verwachting NOUN obl 2", 2),
])
def test_a_hedge_makes_the_act_hypothetical(coded, hedge: str, n: int) -> None:
    events = coded(HEDGED.format(hedge=hedge), ((0, 1, "LOC"), (2 + n, 3 + n, "LOC")))
    assert _found(events) == {("RUS", "190", "UKR", "hypothetical")}
    assert _one(events, "190").extra["status_reason"] == "hedging adverb"


def test_an_adverb_that_hedges_nothing_leaves_the_act_asserted(coded) -> None:
    events = coded(HEDGED.format(hedge="vandaag vandaag ADV advmod 2"), ((0, 1, "LOC"), (3, 4, "LOC")))
    assert _found(events) == {("RUS", "190", "UKR", "asserted")}


def test_an_english_hedge_makes_the_act_hypothetical() -> None:
    events = _tree("""
        Russia    Russia    PROPN  nsubj   3
        probably  probably  ADV    advmod  3
        attacked  attack    VERB   root    0   VerbForm=Fin
        Ukraine   Ukraine   PROPN  obj     3
        .         .         PUNCT  punct   3
    """, ((0, 1, "GPE"), (3, 4, "GPE")))
    assert _found(events) == {("RUS", "190", "UKR", "hypothetical")}


@pytest.mark.parametrize("text", [
    "De Europese Unie legt wellicht sancties op aan Rusland.",
    "De Europese Unie legt naar verwachting sancties op aan Rusland.",
])
def test_hedges_end_to_end(text: str) -> None:
    event = _one(_analyze(text), "163")
    assert (event.status, event.extra["status_reason"]) == ("hypothetical", "hedging adverb")


# -- English hearsay adverbs ----------------------------------------------------------------------
TROOPS_ATTACKED = """
    Russian   Russian   ADJ    amod    2
    troops    troop     NOUN   nsubj   {verb}
    {adverb}
    attacked  attack    VERB   root    0   VerbForm=Fin
    Ukraine   Ukraine   PROPN  obj     {verb}
    .         .         PUNCT  punct   {verb}
"""


@pytest.mark.parametrize("adverb", ["reportedly", "allegedly"])
def test_a_hearsay_adverb_keeps_the_act_asserted_with_lower_confidence(adverb: str) -> None:
    plain = _one(_tree(TROOPS_ATTACKED.format(verb=3, adverb=""), ((3, 4, "GPE"),)), "190")
    assert (plain.status, plain.confidence) == ("asserted", PLAIN)
    hearsay = _one(_tree(TROOPS_ATTACKED.format(verb=4, adverb=f"{adverb} {adverb} ADV advmod 4"),
                         ((4, 5, "GPE"),)), "190")
    assert (hearsay.source.code, hearsay.status, hearsay.extra["status_reason"]) == (
        "RUSMIL", "asserted", "reportative adverb")
    assert hearsay.confidence == pytest.approx(0.7 * plain.confidence)  # README: confidence 0.7


def test_hearsay_adverb_end_to_end() -> None:
    plain = _one(_analyze("Russian troops attacked Ukraine.", "en"), "190")
    hearsay = _one(_analyze("Russian troops reportedly attacked Ukraine.", "en"), "190")
    assert (hearsay.status, hearsay.extra["status_reason"]) == ("asserted", "reportative adverb")
    assert hearsay.confidence == pytest.approx(0.7 * plain.confidence) and hearsay.confidence < plain.confidence
