"""The terminal table: one line per event, with the document it came from."""

from __future__ import annotations

import io

from kroniek.export.table import write_event_table


def test_the_table_names_each_event_s_document(records):
    out = io.StringIO()
    long_id = {**records[0], "doc_id": "https://nos.nl/artikel/2345678-litouwen-biedt-asiel"}
    assert write_event_table([records[0], long_id], out) == 2
    header, first, second = out.getvalue().splitlines()
    assert header.split()[:3] == ["DATE", "DOCUMENT", "SOURCE"]
    assert first.split()[:2] == ["2020-08-11", "belarus_nl"]
    assert "…" in second and "biedt-asiel" in second  # a long id keeps its end, where ids differ
