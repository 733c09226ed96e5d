"""JSON Lines, CSV and TSV exports parse back to what went in."""

from __future__ import annotations

import csv
import io
import json

import pytest

from kroniek.export.formats import COLUMNS, EXTRA_COLUMNS, flat_row, flatten, unflatten, write_records


def test_flatten_follows_column_order_and_unflattens(records):
    for record in records:
        flat = flatten(record)
        assert tuple(flat) == COLUMNS
        # fields outside the contract (location_source) are not columns; the store keeps them apart
        assert unflatten(flat) == {k: v for k, v in record.items() if k != "location_source"}
    assert flatten(records[1])["target_code"] is None and flatten(records[1])["location_lat"] is None
    assert flatten(records[0])["plover_event_type"] == "AID"


def test_flatten_ignores_fields_outside_the_contract(records):
    assert "note" not in flatten({**records[0], "note": "x"})


def test_jsonl_round_trips_and_keeps_non_ascii(records):
    out = io.StringIO()
    assert write_records(records, "jsonl", out) == 3
    text = out.getvalue()
    assert "Cichanoŭskaja" in text
    assert [json.loads(line) for line in text.splitlines()] == records


@pytest.mark.parametrize("fmt, delimiter", [("csv", ","), ("tsv", "\t")])
def test_csv_and_tsv_parse_back(records, fmt, delimiter):
    out = io.StringIO()
    assert write_records(records, fmt, out) == 3
    rows = list(csv.DictReader(io.StringIO(out.getvalue()), delimiter=delimiter))
    assert tuple(rows[0]) == COLUMNS + EXTRA_COLUMNS
    columns = COLUMNS + EXTRA_COLUMNS
    expected = [{k: "" if v is None else str(v) for k, v in flat_row(r, columns).items()} for r in records]
    assert rows == expected
    assert rows[0]["sentence"] == records[0]["sentence"]  # quotes, commas and the line break survive
    assert rows[1]["sentence"] == "Wit-Rusland\tprotesteert."


def test_empty_input_writes_only_the_header():
    out = io.StringIO()
    assert write_records([], "csv", out) == 0
    assert out.getvalue() == ",".join(COLUMNS + EXTRA_COLUMNS) + "\n"


def test_unknown_format_is_refused(records):
    with pytest.raises(ValueError, match="xml"):
        write_records(records, "xml", io.StringIO())


@pytest.mark.parametrize("fmt, delimiter", [("csv", ","), ("tsv", "\t")])
def test_csv_and_tsv_keep_every_field_of_the_record(records, fmt, delimiter):
    full = {**records[0], "date_source": "text", "status_reason": "told by its own side",
            "note": "Cichanoŭskaja", "mentions": [{"doc_id": "b", "n": 2}]}  # fmt: skip
    out = io.StringIO()
    write_records([full, records[2]], fmt, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue()), delimiter=delimiter))
    assert tuple(rows[0])[-5:] == ("date_source", "status_reason", "location_source", "note", "mentions")
    assert (rows[0]["date_source"], rows[0]["status_reason"]) == ("text", "told by its own side")
    assert rows[0]["location_source"] == "geonames:593116" and rows[1]["location_source"] == "country"
    assert rows[0]["note"] == "Cichanoŭskaja" and json.loads(rows[0]["mentions"]) == [{"doc_id": "b", "n": 2}]
    assert rows[1]["note"] == "" and rows[1]["date_precision"] == "month"
