"""ICEWS-style event TSV: the ICEWS columns in their order, English names, the date's precision kept."""

from __future__ import annotations

import csv
import io

from kroniek.export.formats import write_records
from kroniek.export.icews import COLUMNS, write_icews


def _rows(records, **context) -> list[dict[str, str]]:
    out = io.StringIO()
    assert write_icews(records, out, **context) == len(records)
    lines = out.getvalue().splitlines()
    assert all(len(line.split("\t")) == len(COLUMNS) for line in lines)
    return list(csv.DictReader(io.StringIO(out.getvalue()), delimiter="\t", quoting=csv.QUOTE_NONE))


def test_the_icews_columns_in_their_order_then_the_date_precision():
    assert COLUMNS[:20] == (
        "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
        "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
        "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude",
    )  # fmt: skip
    assert COLUMNS[20:] == ("Date Precision",)


def test_an_event_as_icews_writes_one(records):
    row = _rows(records, urls={"belarus_nl": "https://www.nos.nl/artikel/1"})[0]
    assert (row["Event Date"], row["Date Precision"]) == ("2020-08-11", "day")
    assert (row["Source Name"], row["Source Sectors"], row["Source Country"]) == (
        "Government (Lithuania)", "Government", "Lithuania")
    assert (row["Target Name"], row["Target Sectors"], row["Target Country"]) == (
        "Sviatlana Cichanoŭskaja", "Opposition", "Belarus")
    assert (row["Event Text"], row["CAMEO Code"], row["Intensity"]) == ("Grant asylum", "075", "7.0")
    assert (row["Story ID"], row["Sentence Number"], row["Publisher"]) == ("belarus_nl", "8", "www.nos.nl")
    assert (row["City"], row["Country"], row["Latitude"], row["Longitude"]) == (
        "Vilnius", "Lithuania", "54.69", "25.28")


def test_missing_parts_stay_empty_and_the_precision_is_kept(records):
    no_target, igo = _rows(records)[1:]
    assert no_target["Target Name"] == no_target["City"] == no_target["Publisher"] == ""
    assert no_target["Source Name"] == "Belarus gov"  # tabs would break the unquoted format
    assert (no_target["Event Date"], no_target["Date Precision"]) == ("2020-08-12", "day")  # publication date
    assert (igo["Event Date"], igo["Date Precision"]) == ("2020-08", "month")
    assert (igo["Source Name"], igo["Source Sectors"], igo["Source Country"]) == (
        "European Union", "International Government Organizations", "")
    assert (igo["City"], igo["Country"]) == ("", "Lithuania")  # a country's centroid, named in English


def test_write_records_knows_the_icews_format(records):
    out = io.StringIO()
    assert write_records(records, "icews", out) == 3
    assert out.getvalue().splitlines()[0].split("\t") == list(COLUMNS)
