"""The values a coded event carries: Goldstein score, QuadClass, root, name and PLOVER type from the
CAMEO ontology (events/data/cameo.tsv) for the code it got, and a confidence that follows the status
policy of the README ("What counts as an event"). Hand-parsed Dutch sentences of our own (conftest's
`coded`), so that the values are checked apart from any one parser; the end-to-end checks run the
bundled pipelines and skip when one is missing."""

from __future__ import annotations

import pytest

from kroniek.events.ontology import Ontology, default_ontology
from kroniek.model import Document, Event
from kroniek.nlp.registry import unavailable
from kroniek.pipeline import default_analyzer

PUBLISHED = "2024-03-15"  # a Friday

RUSSIA_ATTACKS_UKRAINE = """
    Rusland   Rusland   PROPN  nsubj         2
    valt      vallen    VERB   root          0   VerbForm=Fin
    Oekraïne  Oekraïne  PROPN  obj           2
    aan       aan       ADP    compound:prt  2
    .         .         PUNCT  punct         2
"""
COUNTRIES_1_3 = ((0, 1, "LOC"), (2, 3, "LOC"))

# (sentence, rows, entities, code expected among the events, its Goldstein score, QuadClass, PLOVER
# type and mode as the CAMEO codebook and CAMEO2PLOVER give them)
TREES = [
    ("Rusland valt Oekraïne aan.", RUSSIA_ATTACKS_UKRAINE, COUNTRIES_1_3, "190", -10.0, 4, "ASSAULT", None),
    ("De Russische politie pakte twee Belarussische journalisten op.", """
        De            de            DET    det           3
        Russische     Russisch      ADJ    amod          3
        politie       politie       NOUN   nsubj         4
        pakte         oppakken      VERB   root          0   VerbForm=Fin
        twee          twee          NUM    nummod        7
        Belarussische Belarussisch  ADJ    amod          7
        journalisten  journalist    NOUN   obj           4
        op            op            ADP    compound:prt  4
        .             .             PUNCT  punct         4
    """, (), "173", -5.0, 4, "COERCE", "arrest"),
    ("De EU legt Rusland nieuwe sancties op.", """
        De        de       DET    det           2
        EU        EU       PROPN  nsubj         3
        legt      leggen   VERB   root          0   VerbForm=Fin
        Rusland   Rusland  PROPN  iobj          3
        nieuwe    nieuw    ADJ    amod          6
        sancties  sanctie  NOUN   obj           3
        op        op       ADP    compound:prt  3
        .         .        PUNCT  punct         3
    """, ((1, 2, "ORG"), (3, 4, "LOC")), "163", -8.0, 4, "COERCE", "restrict"),
    ("Duitsland prees Frankrijk.", """
        Duitsland  Duitsland  PROPN  nsubj  2
        prees      prijzen    VERB   root   0   VerbForm=Fin
        Frankrijk  Frankrijk  PROPN  obj    2
        .          .          PUNCT  punct  2
    """, COUNTRIES_1_3, "051", 3.4, 1, "SUPPORT", None),
    ("Polen ondertekende een verdrag met Litouwen.", """
        Polen         Polen         PROPN  nsubj  2
        ondertekende  ondertekenen  VERB   root   0   VerbForm=Fin
        een           een           DET    det    4
        verdrag       verdrag       NOUN   obj    2
        met           met           ADP    case   6
        Litouwen      Litouwen      PROPN  obl    2
        .             .             PUNCT  punct  2
    """, ((0, 1, "LOC"), (5, 6, "LOC")), "057", 8.0, 1, "SUPPORT", None),
    # a statement coded of its own (CAMEO's convention): announcing an attack is a threat (1384)
    ("Rusland zal Oekraïne aanvallen.", """
        Rusland    Rusland    PROPN  nsubj  4
        zal        zullen     AUX    aux    4   VerbForm=Fin
        Oekraïne   Oekraïne   PROPN  obj    4
        aanvallen  aanvallen  VERB   root   0   VerbForm=Inf
        .          .          PUNCT  punct  4
    """, COUNTRIES_1_3, "1384", -7.0, 3, "THREATEN", "violence"),
]


def _matches_the_ontology(event: Event, onto: Ontology) -> None:
    cameo = onto.get(event.cameo)
    assert (event.goldstein, event.quad_class, event.root, event.cameo_name) == (
        cameo.goldstein, cameo.quad_class, cameo.root, cameo.name_en), event.cameo
    assert event.plover == {"event_type": cameo.plover_type, "mode": cameo.plover_mode}, event.cameo
    assert event.quad_class == Ontology.quad_class_of_root(event.cameo[:2]), event.cameo


@pytest.mark.parametrize(("sentence", "rows", "ents", "code", "goldstein", "quad", "plover_type", "plover_mode"),
                         TREES, ids=[t[0] for t in TREES])
def test_a_coded_event_carries_the_ontology_values_of_its_code(
        coded, sentence: str, rows: str, ents: tuple, code: str, goldstein: float, quad: int,
        plover_type: str, plover_mode: str | None) -> None:
    events = coded(rows, ents, date=PUBLISHED)
    onto = default_ontology()
    for event in events:
        _matches_the_ontology(event, onto)
    (event,) = [e for e in events if e.cameo == code]
    assert (event.goldstein, event.quad_class, event.plover) == (
        goldstein, quad, {"event_type": plover_type, "mode": plover_mode}), sentence


def test_goldstein_scores_differ_with_the_code(coded) -> None:
    # cooperation scores above zero, conflict below: one constant for every event would be no scale
    scores = {e.cameo: e.goldstein for t in TREES for e in coded(t[1], t[2], date=PUBLISHED)}
    assert {"190", "173", "163", "051", "057"} <= set(scores)
    assert scores["057"] > scores["051"] > 0 > scores["173"] > scores["163"] > scores["190"], scores


# -- confidence: a plain assertion is the most certain; each status scales it ------------------------
def _confidence(events: list[Event], code: str, status: str) -> float:
    found = {e.confidence for e in events if e.cameo == code and e.status == status}
    assert len(found) == 1, [(e.cameo, e.status, e.confidence) for e in events]
    return found.pop()


@pytest.fixture
def plain(coded) -> float:
    """The confidence of an act the text simply asserts ("Rusland valt Oekraïne aan.")."""
    return _confidence(coded(RUSSIA_ATTACKS_UKRAINE, COUNTRIES_1_3, date=PUBLISHED), "190", "asserted")


def test_a_plain_assertion_has_the_records_top_confidence(plain: float) -> None:
    assert plain == 0.9


# (what it is, rows, entities, code, status, the share of a plain assertion's confidence)
CONFIDENCE = [
    # the reportative conditional: asserted, as a news reader takes it, with lower confidence
    ("zou ... hebben opgepakt", """
        De            de            DET    det     3
        Russische     Russisch      ADJ    amod    3
        politie       politie       NOUN   nsubj   9
        zou           zullen        AUX    aux     9   VerbForm=Fin
        twee          twee          NUM    nummod  7
        Belarussische Belarussisch  ADJ    amod    7
        journalisten  journalist    NOUN   obj     9
        hebben        hebben        AUX    aux     9   VerbForm=Inf
        opgepakt      oppakken      VERB   root    0   VerbForm=Part
        .             .             PUNCT  punct   9
    """, (), "173", "asserted", 0.7),
    # another political actor tells it: reported
    ("Oekraïne zegt dat Rusland Kiev bombardeerde", """
        De             de           DET    det    3
        Oekraïense     Oekraïens    ADJ    amod   3
        regering       regering     NOUN   nsubj  4
        zegt           zeggen       VERB   root   0   VerbForm=Fin
        dat            dat          SCONJ  mark   9
        Rusland        Rusland      PROPN  nsubj  9
        Kiev           Kiev         PROPN  obj    9
        heeft          hebben       AUX    aux    9   VerbForm=Fin
        gebombardeerd  bombarderen  VERB   ccomp  4   VerbForm=Part
        .              .            PUNCT  punct  4
    """, ((5, 6, "LOC"), (6, 7, "LOC")), "195", "reported", 0.7),
    # its own side tells it: asserted, a little less certain than a plain assertion
    ("Rusland zegt dat Rusland Kiev bombardeerde", """
        De             de           DET    det    3
        Russische      Russisch     ADJ    amod   3
        regering       regering     NOUN   nsubj  4
        zegt           zeggen       VERB   root   0   VerbForm=Fin
        dat            dat          SCONJ  mark   9
        Rusland        Rusland      PROPN  nsubj  9
        Kiev           Kiev         PROPN  obj    9
        heeft          hebben       AUX    aux    9   VerbForm=Fin
        gebombardeerd  bombarderen  VERB   ccomp  4   VerbForm=Part
        .              .            PUNCT  punct  4
    """, ((5, 6, "LOC"), (6, 7, "LOC")), "195", "asserted", 0.8),
    # an order to one's own side is the act, asserted (README: confidence 0.8 of a plain assertion)
    ("de president droeg de minister op de consul uit te zetten", """
        De          de          DET    det           3
        Russische   Russisch    ADJ    amod          3
        president   president   NOUN   nsubj         4
        heeft       hebben      VERB   root          0   VerbForm=Fin
        de          de          DET    det           6
        minister    minister    NOUN   nsubj         7
        opgedragen  opdragen    VERB   ccomp         4   VerbForm=Part
        om          om          ADP    mark          14
        de          de          DET    det           11
        Poolse      Pools       ADJ    amod          11
        consul      consul      NOUN   obj           14
        uit         uit         ADP    compound:prt  14
        te          te          ADP    mark          14
        zetten      zetten      VERB   advcl         7   VerbForm=Inf
        .           .           PUNCT  punct         4
    """, (), "166", "asserted", 0.8),
    ("geen sancties", """
        De        de       DET    det           2
        EU        EU       PROPN  nsubj         3
        legt      leggen   VERB   root          0   VerbForm=Fin
        Rusland   Rusland  PROPN  iobj          3
        geen      geen     DET    det           6
        sancties  sanctie  NOUN   obj           3
        op        op       ADP    compound:prt  3
        .         .        PUNCT  punct         3
    """, ((1, 2, "ORG"), (3, 4, "LOC")), "163", "negated", 0.9),
    # a future act is hypothetical; announcing it is a threat, a statement asserted as said
    ("zal aanvallen: the act", TREES[-1][1], COUNTRIES_1_3, "190", "hypothetical", 0.5),
    ("zal aanvallen: the threat", TREES[-1][1], COUNTRIES_1_3, "1384", "asserted", 0.8),
]


@pytest.mark.parametrize(("what", "rows", "ents", "code", "status", "share"), CONFIDENCE,
                         ids=[c[0] for c in CONFIDENCE])
def test_confidence_follows_the_status_policy(coded, plain: float, what: str, rows: str, ents: tuple, code: str,
                                              status: str, share: float) -> None:
    confidence = _confidence(coded(rows, ents, date=PUBLISHED), code, status)
    assert confidence == pytest.approx(share * plain, abs=0.006), what
    assert 0 < confidence < plain


def test_news_attribution_lowers_confidence(coded, plain: float) -> None:
    events = coded("""
        Volgens       volgens       ADP    case        3
        de            de            DET    det         3
        politie       politie       NOUN   obl         8
        zijn          zijn          AUX    aux:pass    8   VerbForm=Fin
        twee          twee          NUM    nummod      7
        Belarussische Belarussisch  ADJ    amod        7
        journalisten  journalist    NOUN   nsubj:pass  8
        opgepakt      oppakken      VERB   root        0   VerbForm=Part
        .             .             PUNCT  punct       8
    """, date=PUBLISHED)
    assert _confidence(events, "173", "asserted") < plain


# -- end to end through the bundled pipelines ----------------------------------------------------
def _analyze(text: str, lang: str) -> list[Event]:
    if missing := unavailable(lang):
        pytest.skip(missing)
    (result,) = default_analyzer().analyze([Document("t", text, PUBLISHED, lang)])
    return result.events


@pytest.mark.parametrize(("text", "lang", "code", "goldstein"), [
    ("De Europese Unie heeft nieuwe sancties opgelegd aan Rusland.", "nl", "163", -8.0),
    ("Russian troops attacked Ukraine.", "en", "190", -10.0),
])
def test_the_pipeline_records_the_ontology_values(text: str, lang: str, code: str, goldstein: float) -> None:
    events = _analyze(text, lang)
    onto = default_ontology()
    for event in events:
        _matches_the_ontology(event, onto)
    (event,) = [e for e in events if e.cameo == code]
    assert (event.goldstein, event.status, event.confidence) == (goldstein, "asserted", 0.9)
    record = event.record()
    assert (record["goldstein"], record["quad_class"], record["confidence"]) == (goldstein, 4, 0.9)


def test_an_english_weekday_dates_the_event_end_to_end() -> None:
    # published on Friday 15 March 2024: "on Monday" is the 11th
    events = _analyze("The EU imposed new sanctions on Russia on Monday.", "en")
    (event,) = [e for e in events if e.cameo == "163"]
    assert (event.date, event.date_precision, event.extra["date_source"]) == ("2024-03-11", "day", "text")
    assert event.doc_date == PUBLISHED


def test_an_english_yesterday_dates_the_event_end_to_end() -> None:
    events = _analyze("Russian troops attacked Ukraine yesterday.", "en")
    dated = {(e.cameo, e.date, e.extra["date_source"]) for e in events}
    assert ("190", "2024-03-14", "text") in dated, dated
