"""GDELT 1.0 event TSV: 58 columns, stable ids, our fields in their GDELT places."""

from __future__ import annotations

import csv
import io
import re

import pytest

from kroniek.export.formats import write_records
from kroniek.export.gdelt import COLUMNS, event_id, write_gdelt


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))


def test_gdelt_rows_have_the_58_columns(records):
    out = io.StringIO()
    assert write_gdelt(records, out, urls={"belarus_nl": "https://example.org/b"}) == 3
    lines = out.getvalue().splitlines()
    assert len(COLUMNS) == 58 and lines[0].split("\t") == list(COLUMNS)
    assert len(lines) == 4 and all(len(line.split("\t")) == 58 for line in lines)
    row = _rows(out.getvalue())[0]
    assert row["SQLDATE"] == "20200811" and row["MonthYear"] == "202008" and row["Year"] == "2020"
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == ("LTUGOV", "LTU", "GOV")
    assert (row["Actor2Code"], row["Actor2Name"]) == ("BLROPP", "Sviatlana Cichanoŭskaja")
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("075", "075", "07")
    assert (row["QuadClass"], row["GoldsteinScale"]) == ("2", "7.0")
    place = (row["ActionGeo_FullName"], row["ActionGeo_Lat"], row["ActionGeo_Long"])
    assert place == ("Vilnius, Lithuania", "54.69", "25.28")
    assert (row["ActionGeo_Type"], row["ActionGeo_FeatureID"]) == ("4", "593116")  # a world city
    assert row["ActionGeo_CountryCode"] == "LH"  # FIPS 10-4, as GDELT 1.0 writes it (ISO would be LT)
    assert row["SOURCEURL"] == "https://example.org/b"
    assert re.fullmatch(r"20\d{6}", row["DATEADDED"])  # today: the day the events were coded


def test_gdelt_fills_what_is_missing_sensibly(records):
    rows = _rows(write_and_read(records))
    no_target, igo = rows[1], rows[2]
    assert no_target["SQLDATE"] == "20200812"  # no event date: the publication date
    assert no_target["Actor2Code"] == "" and no_target["ActionGeo_FullName"] == ""
    assert no_target["Actor1Name"] == "Belarus gov"  # tabs would break the unquoted format
    assert igo["Actor1KnownGroupCode"] == "EEC"
    assert igo["IsRootEvent"] == "1" and no_target["IsRootEvent"] == "0"
    assert (igo["ActionGeo_Type"], igo["ActionGeo_FeatureID"]) == ("1", "")  # a country's centroid
    # the country in English ("Litouwen" in the text), its FIPS code also as the ADM1 code
    assert (igo["ActionGeo_FullName"], igo["ActionGeo_CountryCode"], igo["ActionGeo_ADM1Code"]) == (
        "Lithuania", "LH", "LH")
    assert no_target["ActionGeo_Type"] == ""
    assert no_target["SOURCEURL"] == "belarus_nl"  # no URL given: the doc_id


def write_and_read(records) -> str:
    out = io.StringIO()
    write_records(records, "gdelt", out)
    return out.getvalue()


def test_event_ids_are_stable_distinct_and_float_safe(records):
    ids = [event_id(r) for r in records]
    assert ids == [event_id(dict(r)) for r in records]
    assert len(set(ids)) == 3 and all(0 <= i < 2**53 for i in ids)
    assert [int(r["GLOBALEVENTID"]) for r in _rows(write_and_read(records))] == ids
    # Filtering a stream does not renumber: the id belongs to the event, not its position.
    assert int(_rows(write_and_read(records[2:]))[0]["GLOBALEVENTID"]) == ids[2]


def test_a_month_event_fills_only_month_and_year_not_a_made_up_day(records):
    igo = _rows(write_and_read(records))[2]  # date "2020-08", date_precision "month"
    assert (igo["SQLDATE"], igo["MonthYear"], igo["Year"], igo["FractionDate"]) == ("", "202008", "2020", "")


@pytest.mark.parametrize(("date", "precision", "cells"), [
    ("2014", "year", ("", "", "2014")),
    ("2020-08-10", "week", ("", "202008", "2020")),
    ("2020-08-31", "week", ("", "", "2020")),  # the week runs into September
    ("2020-08-11", "day", ("20200811", "202008", "2020")),
])  # fmt: skip
def test_date_columns_follow_the_date_precision(records, date, precision, cells):
    row = _rows(write_and_read([{**records[0], "date": date, "date_precision": precision}]))[0]
    assert (row["SQLDATE"], row["MonthYear"], row["Year"]) == cells


def test_an_undated_event_of_a_month_dated_document_takes_its_month(records):
    row = _rows(write_and_read([{**records[1], "doc_date": "2018-06"}]))[0]
    assert (row["SQLDATE"], row["MonthYear"]) == ("", "201806")


def test_dateadded_and_sourceurl_come_from_the_documents(records):
    out = io.StringIO()
    write_gdelt(records, out, urls={"belarus_nl": "https://nos.nl/artikel/1"}, added={"belarus_nl": "20240316"})
    rows = _rows(out.getvalue())
    assert {r["DATEADDED"] for r in rows} == {"20240316"}
    assert {r["SOURCEURL"] for r in rows} == {"https://nos.nl/artikel/1"}


def test_a_city_is_named_in_english_whatever_the_text_called_it(records):
    moskou = {**records[0], "location": {"name": "Moskou", "country": "RUS", "lat": 55.75, "lon": 37.62},
              "location_source": "geonames:524901"}  # fmt: skip
    row = _rows(write_and_read([moskou]))[0]
    assert (row["ActionGeo_FullName"], row["ActionGeo_CountryCode"]) == ("Moscow, Russia", "RS")
    unknown = {**records[0], "location": {"name": "Oost-Jeruzalem", "country": None, "lat": None, "lon": None},
               "location_source": None}  # fmt: skip
    row = _rows(write_and_read([unknown]))[0]
    assert (row["ActionGeo_FullName"], row["ActionGeo_CountryCode"]) == ("Oost-Jeruzalem", "")
