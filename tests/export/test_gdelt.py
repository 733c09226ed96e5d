"""GDELT 1.0 event TSV: 58 columns, stable ids, our fields in their GDELT places."""

from __future__ import annotations

import csv
import io

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
    assert place == ("Vilnius", "54.69", "25.28")
    assert (row["ActionGeo_Type"], row["ActionGeo_FeatureID"]) == ("4", "593116")  # a world city
    assert row["SOURCEURL"] == "https://example.org/b"


def test_gdelt_fills_what_is_missing_sensibly(records):
    rows = _rows(write_and_read(records))
    no_target, igo = rows[1], rows[2]
    assert no_target["SQLDATE"] == "20200812"  # no event date: the publication date
    assert no_target["Actor2Code"] == "" and no_target["ActionGeo_FullName"] == ""
    assert no_target["Actor1Name"] == "Belarus gov"  # tabs would break the unquoted format
    assert igo["Actor1KnownGroupCode"] == "EEC" and igo["SQLDATE"] == "20200801"
    assert igo["IsRootEvent"] == "1" and no_target["IsRootEvent"] == "0"
    assert (igo["ActionGeo_Type"], igo["ActionGeo_FeatureID"]) == ("1", "")  # a country's centroid
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
