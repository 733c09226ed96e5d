"""Pronouns across sentences (issue 14, item 3): personal pronouns by agreement and prominence,
demonstratives by recency, first person in quotes by the speaker the text names around them.
Every text here is written for these tests."""

from __future__ import annotations

import pytest

from kroniek.model import Document
from kroniek.pipeline import default_analyzer


def _resolved(text: str, lang: str, date: str = "2022-06-01") -> dict[str, tuple[str | None, str | None]]:
    """mention text -> (code, rule) of every actor mention found."""
    (result,) = default_analyzer().analyze([Document("t", text, date, lang)])
    return {a.text: (a.code, a.rule) for a in result.actors}


# -- coref:pronoun: object pronouns and pronouns in a phrase ---------------------------------------

@pytest.mark.parametrize("lang,text,mention,code", [
    ("nl", "Premier Rutte reisde naar Kiev. Volgens hem is de steun aan Oekraïne onverminderd groot.", "hem",
     "NLDGOV"),
    ("en", "Lukashenko won the vote again. The EU extended the travel ban against him.", "him", "BLRGOV"),
])
def test_a_pronoun_in_a_phrase_refers_to_the_person_named_before(lang: str, text: str, mention: str,
                                                                 code: str) -> None:
    found = _resolved(text, lang, "2020-08-20")
    assert found.get(mention) == (code, "coref:pronoun"), found


@pytest.mark.parametrize("lang,text,mention", [
    ("nl", "De EU verlengde de sancties tegen Rusland. Volgens hem is dat onvoldoende.", "hem"),
    ("en", "The EU extended the sanctions against Russia. According to him, that is not enough.", "him"),
])
def test_a_personal_pronoun_never_refers_to_a_state_or_organisation(lang: str, text: str, mention: str) -> None:
    # no person is named before it: the pronoun stands for someone the text has not named
    assert mention not in _resolved(text, lang)


def test_a_singular_office_holder_is_a_pronouns_antecedent() -> None:
    found = _resolved("De Wit-Russische minister van Defensie verklaarde dat de oefeningen doorgaan. "
                      "Hoeveel soldaten meedoen, zei hij niet.", "nl")
    assert found.get("hij") == ("BLRGOV", "coref:pronoun"), found


@pytest.mark.parametrize("lang,text,mention,code", [
    # the subject of the sentence before, not the person named last (centering)
    ("nl", "Macron ontving Scholz dinsdag in Parijs. Hij sprak van een goed gesprek.", "Hij", "FRAGOV"),
    ("en", "Biden met Scholz in Washington on Friday. He said the talks had been useful.", "He", "USAGOV"),
    # in its own sentence the subject of the clause it depends on
    ("nl", "Xi staat op goede voet met Poetin en hoopt dat hij het conflict kan beëindigen.", "hij", "CHNGOV"),
])
def test_a_pronoun_prefers_the_subject(lang: str, text: str, mention: str, code: str) -> None:
    found = _resolved(text, lang)
    assert found.get(mention) == (code, "coref:pronoun"), found


# -- coref:pronoun: plural objects, by the last plural noun ----------------------------------------

@pytest.mark.parametrize("lang,text,mention,code", [
    ("en", "Police detained dozens of protesters in Minsk and beat them.", "them", "BLRCVL"),
    ("nl", "De Poolse grenswachten hielden de Iraakse migranten tegen en stuurden hen terug naar Belarus.", "hen",
     "IRQREF"),
])
def test_a_plural_object_pronoun_refers_to_the_last_plural_noun(lang: str, text: str, mention: str,
                                                                code: str) -> None:
    found = _resolved(text, lang, "2021-11-10")
    assert found.get(mention) == (code, "coref:pronoun"), found


def test_a_plural_object_pronoun_after_a_thing_names_no_actor() -> None:
    found = _resolved("The EU imposed sanctions on Lukashenko last year. It suspended them in February.", "en")
    assert "them" not in found, found


@pytest.mark.parametrize("lang,text,mention,code", [
    # the antecedent agrees in number: its own verb is plural
    ("nl", "De Verenigde Staten kwamen maandag met nieuwe sancties. Zij stelden strafmaatregelen in tegen "
           "Russische bedrijven.", "Zij", "USA"),
])
def test_a_plural_subject_pronoun_refers_to_a_plural_subject(lang: str, text: str, mention: str, code: str) -> None:
    assert _resolved(text, lang).get(mention) == (code, "coref:pronoun")


def test_a_plural_subject_pronoun_does_not_refer_to_one_person() -> None:
    found = _resolved("Loekasjenko sprak maandag in Minsk. Ze moeten oppassen, zeggen Litouwse diplomaten.", "nl")
    assert found.get("Ze", (None,))[0] != "BLRGOV", found


# -- coref:demonstrative ---------------------------------------------------------------------------

@pytest.mark.parametrize("text,code", [
    # the most recent noun, not the subject: "Die" is Biden, where "Hij" would be Rutte
    ("Rutte sprak dinsdag met Biden. Die zei dat de steun doorgaat.", "USAGOV"),
    ("De milities worden belaagd door Ethiopische troepen. Die rukten donderdag op naar Mogadishu.", "ETHMIL"),
])
def test_a_demonstrative_subject_refers_to_the_most_recent_agreeing_noun(text: str, code: str) -> None:
    found = _resolved(text, "nl")
    assert found.get("Die") == (code, "coref:demonstrative"), found


@pytest.mark.parametrize("text", [
    "De EU legde Rusland nieuwe sancties op. Die werden dinsdag van kracht.",  # the sanctions
    "Rutte sprak met de minister die Kiev bezocht.",  # a relative pronoun
])
def test_a_demonstrative_that_stands_for_a_thing_names_no_actor(text: str) -> None:
    found = _resolved(text, "nl")
    assert "Die" not in found and "die" not in found, found


# -- coref:quote-speaker ---------------------------------------------------------------------------

@pytest.mark.parametrize("lang,text,mention,code", [
    # the speaker named before the quote, with a colon
    ("nl", "Over de aanslag zei premier Rutte: ,,We laten ons niet intimideren.''", "We", "NLDGOV"),
    # "aldus" names the speaker without a verb
    ("nl", "“We zien maar één weg: een staakt-het-vuren”, aldus Borrell.", "We", "IGOEUREEC"),
    # a quote that opens its paragraph continues what the sentence before reported someone said
    ("en", "Lukashenko said on Monday that the border would stay open.\n\n\"I have no reason to close it.\"",
     "I", "BLRGOV"),
    # a participle's speaker is the subject of its clause, not the one spoken to
    ("en", "Lukashenko welcomed the visit, telling Meloni that \"we value this support.\"", "we", "BLRGOV"),
])
def test_first_person_in_a_quote_is_the_speaker_the_text_names(lang: str, text: str, mention: str,
                                                               code: str) -> None:
    found = _resolved(text, lang, "2023-03-01")
    assert found.get(mention) == (code, "coref:quote-speaker"), found


def test_a_quote_after_a_sentence_naming_no_speaker_stays_unattributed() -> None:
    found = _resolved("Tusk spoke in Warsaw on Monday. The border will stay closed.\n\n\"We will not back down.\"",
                      "en", "2024-06-01")
    assert "We" not in found, found


def test_a_plural_subject_pronoun_after_a_sentence_about_a_thing_takes_up_the_people_it_named() -> None:
    found = _resolved("De Litouwse regering protesteerde. Het besluit trof vooral Russische diplomaten. Zij moeten "
                      "het land binnen een week verlaten.", "nl")
    assert found.get("Zij") == ("RUSGOV", "coref:pronoun"), found


def test_the_name_before_a_colon_speaks_the_quote_after_it() -> None:
    found = _resolved("Minister Lavrov: 'Ik veroordeel dit besluit ten zeerste.'", "nl")
    assert found.get("Ik") == ("RUSGOV", "coref:quote-speaker"), found
