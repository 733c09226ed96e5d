"""Event dates from Dutch time words, relative to the publication date."""

from __future__ import annotations

import spacy

from kroniek.events.when import event_date

NLP = spacy.blank("nl")


def _date(text: str, pub: str | None = "2020-08-12"):
    return event_date(list(NLP(text)), pub, "nl")


def test_weekday_is_the_last_such_day_before_publication() -> None:
    # 2020-08-12 is a Wednesday: "dinsdag" is the day before
    assert _date("werd dinsdag beantwoord").date == "2020-08-11"
    assert _date("werd dinsdag beantwoord").precision == "day"


def test_same_weekday_with_past_marker_is_a_week_earlier() -> None:
    assert _date("afgelopen woensdag").date == "2020-08-05"


def test_yesterday_and_today() -> None:
    assert _date("gisteren opgepakt").date == "2020-08-11"
    assert _date("vandaag opgepakt").date == "2020-08-12"


def test_year_month_and_relative_year() -> None:
    assert _date("na de annexatie in 2014").date == "2014"
    assert _date("in juni 2014 op bezoek").date == "2014-06"
    assert _date("vorig jaar aangekondigd").date == "2019"


def test_no_time_word_takes_the_publication_date() -> None:
    found = _date("Rusland annexeerde de Krim")
    assert (found.date, found.source) == ("2020-08-12", "publication")


def test_relative_words_need_a_day_precise_publication_date() -> None:
    found = _date("werd dinsdag beantwoord", pub="2020-08")
    assert found.source == "publication" and found.precision == "month"


# -- English (dates.en.yaml) --------------------------------------------------------------------
NLP_EN = spacy.blank("en")


def _date_en(text: str, pub: str | None = "2020-08-12"):
    return event_date(list(NLP_EN(text)), pub, "en")


def test_english_weekdays_and_relative_days() -> None:
    # 2020-08-12 is a Wednesday
    assert _date_en("was arrested on Tuesday").date == "2020-08-11"
    assert _date_en("last Wednesday").date == "2020-08-05"
    assert _date_en("was released yesterday").date == "2020-08-11"


def test_english_months_years_and_relative_periods() -> None:
    assert _date_en("after the annexation in 2014").date == "2014"
    assert _date_en("visited Minsk in June 2014").date == "2014-06"
    assert _date_en("announced last year").date == "2019"
    assert _date_en("met last week").date == "2020-08-03"
    assert _date_en("protests over the weekend").date == "2020-08-08"


def test_english_day_after_the_month() -> None:
    assert _date_en("was arrested on March 3").date == "2020-03-03"
    assert _date_en("was arrested on 3 March in Minsk").date == "2020-03-03"
    assert _date_en("was arrested in March.").date == "2020-03"


def test_the_modal_may_is_no_month() -> None:
    doc = NLP_EN("Russia may attack")
    doc[1].pos_ = "AUX"
    assert event_date(list(doc), "2020-08-12", "en").source == "publication"
