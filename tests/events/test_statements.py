"""CAMEO's conventions for statements: an act announced, appealed for, demanded, refused or stopped
is coded as that statement too (events/statements.py), asserted, while the act keeps its status.
Sentences are ours, coded through the bundled pipelines."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kroniek.events.statements import PATH, statement_code
from kroniek.model import Document
from kroniek.nlp.registry import unavailable
from kroniek.pipeline import default_analyzer

REPO = Path(__file__).resolve().parents[2]


def test_statement_codes_follow_the_codebook_families() -> None:
    assert statement_code("0841", "announce") == "0353"  # will release: intent to release
    assert statement_code("0841", "demand") == "1053"  # demand release
    assert statement_code("0841", "appeal") == "0253"
    assert statement_code("0841", "refuse") == "1243"
    assert statement_code("163", "announce") == "1312"  # will impose sanctions: threat
    assert statement_code("046", "refuse") == "125"  # refuse to negotiate
    assert statement_code("072", "halt") == "1622"  # no longer delivers weapons
    assert statement_code("195", "announce") == "1384"
    # CAMEO has no subcode of appealing for or demanding an attack: its residual appeal and demand
    assert statement_code("190", "appeal") == "020"
    assert statement_code("163", "demand") == "100"
    assert statement_code("010", "demand") is None  # statements are not demanded as acts
    assert statement_code("111", "announce") is None  # a criticism announced is a criticism


def test_the_table_is_what_its_recipe_builds(tmp_path: Path) -> None:
    out = tmp_path / "statements.tsv"
    subprocess.run([sys.executable, str(REPO / "training" / "build_statements.py"), str(out)], check=True,
                   capture_output=True)
    assert out.read_text(encoding="utf-8") == PATH.read_text(encoding="utf-8")


def _coded(text: str, lang: str = "nl") -> set[tuple[str, str, str, str]]:
    if missing := unavailable(lang):
        pytest.skip(missing)
    (result,) = default_analyzer().analyze([Document("t", text, "2024-03-15", lang)])
    return {(e.source.code, e.cameo, e.target.code, e.status) for e in result.events}


def test_an_announced_sanction_is_a_threat_and_the_sanction_stays_hypothetical() -> None:
    events = _coded("Rusland zal nieuwe sancties tegen Oekraïne opleggen.")
    assert ("RUS", "1312", "UKR", "asserted") in events
    assert ("RUS", "163", "UKR", "hypothetical") in events
    assert ("RUS", "163", "UKR", "asserted") not in events


def test_an_act_another_says_will_happen_is_no_announcement_by_its_actor() -> None:
    events = _coded("De Amerikaanse minister zegt dat Rusland Oekraïne zal aanvallen.")
    assert not {e for e in events if e[3] == "asserted"}
    assert ("RUS", "1384", "UKR", "asserted") in _coded("Poetin zegt dat Rusland Oekraïne zal aanvallen.")


def test_a_refused_act_is_a_rejection_and_the_residual_code_gives_way() -> None:
    events = _coded("Hongarije weigert de sancties tegen Rusland op te heffen.")
    assert ("HUN", "1244", "RUS", "asserted") in events  # refuse to ease economic sanctions
    assert ("HUN", "085", "RUS", "negated") in events
    assert not {e for e in events if e[1] == "120"}  # the generic rejection of "weigert" gave way


def test_not_recognising_is_a_rejection() -> None:
    events = _coded("Polen erkent de nieuwe regering van Belarus niet.")
    assert {e for e in events if e[:2] == ("POL", "120") and e[2].startswith("BLR") and e[3] == "asserted"}


def test_no_longer_delivering_is_a_halt() -> None:
    events = _coded("De Verenigde Staten leveren niet langer wapens aan Oekraïne.")
    assert ("USA", "1622", "UKR", "asserted") in events


def test_an_appeal_takes_the_code_of_what_it_asks_for() -> None:
    events = _coded("Frankrijk roept Rusland op de troepen terug te trekken.")
    assert ("FRA", "0256", "RUS", "asserted") in events
    assert not {e for e in events if e[1] == "020"}


def test_english_will_is_an_announcement() -> None:
    events = _coded("Russia will impose new sanctions on Ukraine.", "en")
    assert ("RUS", "1312", "UKR", "asserted") in events


def test_a_progressive_keeps_its_subject() -> None:
    # "is refusing" is progressive, not passive: Russia refuses
    events = _coded("Russia is refusing to recognize the new government of Ukraine.", "en")
    assert ("RUS", "120", "UKRGOV", "asserted") in events


def test_english_would_announces_in_the_past() -> None:
    events = _coded("Iran said it would withdraw its ambassador from Britain.", "en")
    assert ("IRN", "1313", "GBR", "asserted") in events


def test_another_saying_a_conflictual_act_was_done_accuses_its_actor() -> None:
    events = _coded("De Oekraïense president zegt dat Rusland Kiev heeft gebombardeerd.")
    assert ("UKRGOV", "1123", "RUS", "asserted") in events  # accuse of aggression
    assert ("RUS", "195", "UKRGOV", "reported") in events
    own = _coded("De Russische regering zegt dat Rusland Kiev heeft gebombardeerd.")
    assert not {e for e in own if e[1].startswith("112")}  # its own side tells it: no accusation


def test_having_no_leave_to_act_refuses_nothing() -> None:
    events = _coded("Albanië heeft nog geen toestemming om met de Europese Unie te onderhandelen.")
    assert not {e for e in events if e[1].startswith("12")}
    assert ("ALB", "125", "IGOEUREEC", "asserted") in _coded(
        "Albanië wil niet met de Europese Unie onderhandelen.")


def test_a_bare_statement_is_not_coded() -> None:
    # CAMEO's residual 010: what a statement says is coded, not that it was made
    assert not {e for e in _coded("Duitsland zei tegen Frankrijk dat het overleg goed verliep.") if e[1] == "010"}


def test_a_fixed_phrase_of_intention_announces_whatever_the_parse() -> None:
    events = _coded("De soldaten zijn niet van plan om geweld te gebruiken tegen de Egyptische betogers.")
    assert not {e for e in events if e[3] == "asserted"}


def test_an_act_wanted_is_an_intention_towards_the_others_only() -> None:
    events = _coded("Russia wants a meeting between Putin and Biden.", "en")
    assert ("RUS", "036", "USAGOV", "asserted") in events
    assert not {e for e in events if e[1] == "036" and e[2].startswith("RUS")}  # not towards its own side
    assert not {e for e in events if e[1] == "040" and e[3] == "asserted"}  # the meeting is not held


def test_an_act_called_necessary_has_not_happened() -> None:
    events = _coded("Een ontmoeting tussen Poetin en Biden is noodzakelijk.")
    assert not {e for e in events if e[3] == "asserted"}


def test_wanting_that_another_acts_is_a_demand_and_the_act_is_not_done() -> None:
    events = _coded("Polen wil dat de Europese Unie de sancties tegen Belarus verscherpt.")
    assert {e for e in events if e[:2] == ("POL", "100") and e[2].startswith("IGOEU") and e[3] == "asserted"}
    assert not {e for e in events if e[1] == "163" and e[3] == "asserted"}


def test_an_obligation_stated_for_another_is_the_speakers_demand() -> None:
    events = _coded("De Franse president vindt dat Rusland zijn troepen uit Oekraïne moet terugtrekken.")
    assert {e for e in events if e[0].startswith("FRA") and e[1] == "1056" and e[2] == "RUS" and e[3] == "asserted"}


def test_an_obligation_of_ones_own_side_is_no_demand() -> None:
    events = _coded("De Franse president zegt dat Frankrijk meer wapens aan Oekraïne moet leveren.")
    assert not {e for e in events if e[1].startswith("10")}


@pytest.mark.parametrize("text,lang,source,target", [
    ("De Boliviaanse president meent dat de Verenigde Staten achter het oproer zitten.", "nl", "BOL", "USA"),
    ("Estonia said that Russia had violated its airspace.", "en", "EST", "RUS"),
    ("Estonia said that Russian agents were behind the riots.", "en", "EST", "RUS"),
])
def test_a_conflictual_deed_of_another_in_what_is_said_is_an_accusation(text: str, lang: str, source: str,
                                                                         target: str) -> None:
    events = _coded(text, lang)
    assert {e for e in events if e[0].startswith(source) and e[1] == "112" and e[2].startswith(target)
            and e[3] == "asserted"}, events


@pytest.mark.parametrize("text", [
    "De Franse president zegt dat Duitsland morgen naar Parijs komt.",  # no conflict in the content
    "Poetin zegt dat Rusland Oekraïne nooit zal aanvallen.",  # negated and future: no deed
    "Rusland zegt dat Rusland achter het oproer zit.",  # one's own side
    "De regering in Vilnius zei dat zij veilig was.",  # a copula codes no act
])
def test_what_is_said_without_a_conflictual_deed_of_another_accuses_no_one(text: str) -> None:
    assert not {e for e in _coded(text) if e[1].startswith("112")}


@pytest.mark.parametrize("text,lang,source,target", [
    ("De Poolse premier zei dat het gedrag van Hongarije onaanvaardbaar was.", "nl", "POL", "HUN"),
    ("Rutte zei dat Poetin een grote fout had gemaakt.", "nl", "NLD", "RUS"),
    ("Germany said that Russia had staged a farce.", "en", "DEU", "RUS"),
])
def test_blame_of_another_in_what_is_said_is_a_criticism(text: str, lang: str, source: str, target: str) -> None:
    events = _coded(text, lang)
    assert {e for e in events if e[0].startswith(source) and e[1] == "111" and e[2].startswith(target)
            and e[3] == "asserted"}, events


def test_blame_without_another_actor_criticises_no_one() -> None:
    assert not {e for e in _coded("De Poolse premier zei dat de situatie onaanvaardbaar was.") if e[1] == "111"}


@pytest.mark.parametrize("text,code,source,target", [
    ("Volgens de Oekraïense regering zat Rusland achter de aanslagen.", "112", "UKR", "RUS"),
    ("Volgens de Poolse regering is het optreden van Belarus onaanvaardbaar.", "111", "POL", "BLR"),
])
def test_what_a_political_actor_is_quoted_as_saying_of_another_is_its_statement(text: str, code: str, source: str,
                                                                                 target: str) -> None:
    events = _coded(text)
    assert {e for e in events if e[0].startswith(source) and e[1] == code and e[2].startswith(target)}, events


def test_what_the_police_report_is_no_statement_against_anyone() -> None:
    assert not {e for e in _coded("Volgens de politie zijn bij de rellen tien mensen gewond geraakt.")
                if e[1].startswith("11")}


def test_a_negated_condition_is_no_refusal_and_leaves_the_main_clause_unnegated() -> None:
    events = _coded("De EU zal sancties opleggen aan Rusland als Moskou de troepen niet terugtrekt.")
    assert ("IGOEUREEC", "1312", "RUS", "asserted") in events, events
    assert not {e for e in events if e[1].startswith("12") or e[3] == "negated"}, events


def test_a_hostile_act_announced_on_a_condition_threatens_the_one_the_condition_names() -> None:
    events = _coded("Als Rusland de grens overschrijdt, zal de EU nieuwe sancties opleggen.")
    assert ("IGOEUREEC", "1312", "RUS", "asserted") in events, events


@pytest.mark.parametrize("text,lang", [
    ("De Russische invasie heeft de geruchten over een Chinese inval in Taiwan versterkt.", "nl"),
    ("De vrees voor een Russische aanval op Polen groeit.", "nl"),
    ("Fears of a Russian attack on Poland are growing.", "en"),
])
def test_an_act_named_under_a_noun_of_rumour_or_fear_has_not_happened(text: str, lang: str) -> None:
    events = _coded(text, lang)
    assert events and not {e for e in events if e[3] == "asserted"}, events


def test_what_an_attributed_content_says_of_compliance_is_no_accusation() -> None:
    events = _coded("Volgens Duitsland voldoen Servië en Montenegro aan alle gestelde eisen.")
    assert not {e for e in events if e[1].startswith("11")}, events
    assert ("SRB", "080", "IGOEUREEC", "asserted") in _coded("Servië voldeed aan de eisen van de Europese Unie.")


def test_an_infinitive_after_to_and_adverbs_is_what_is_asked_whatever_the_parse() -> None:
    events = _coded("The EU called on the Belarusian authorities to immediately and unconditionally release all "
                    "detainees.", "en")
    assert not {e for e in events if e[1] == "0841" and e[3] == "asserted"}, events
