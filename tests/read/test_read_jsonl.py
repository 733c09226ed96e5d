"""JSON Lines: good lines come through, each bad line is one error naming file and line."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from kroniek.errors import Errors, InputError
from kroniek.model import Document
from kroniek.read import read_inputs
from kroniek.read.jsonl import read_jsonl

ARTICLES = Path(__file__).parent / "resources" / "artikelen.jsonl"


def test_good_and_bad_lines_of_a_real_file() -> None:
    results = list(read_jsonl(ARTICLES.read_bytes(), "artikelen.jsonl"))
    docs = [r for r in results if isinstance(r, Document)]
    errors = [r for r in results if isinstance(r, InputError)]
    assert [d.doc_id for d in docs] == ["nos-2020-08-10-minsk", "reuters-2020-08-14-eu", "tass-2020-08-16"]
    assert [e.error for e in errors] == [Errors.E006, Errors.E007, Errors.E007, Errors.E009]
    assert str(errors[0]).startswith("artikelen.jsonl: line 4: malformed JSON (")
    assert str(errors[1]) == 'artikelen.jsonl: line 5: article needs "text" (a non-empty string) [E007]'
    assert str(errors[2]) == 'artikelen.jsonl: line 6: article needs "id" (a non-empty string) [E007]'
    assert str(errors[3]) == (
        "artikelen.jsonl: line 7: invalid date '15-08-2020': "
        "use YYYY-MM-DD (or YYYY-MM, YYYY, an ISO timestamp) [E009]")


def test_fields_are_carried_over() -> None:
    first = next(iter(read_jsonl(ARTICLES.read_bytes(), "a.jsonl")))
    assert first == Document(
        doc_id="nos-2020-08-10-minsk",
        text="De politie in Minsk heeft maandagnacht traangas en rubberkogels ingezet tegen betogers. "
        "Honderden mensen werden opgepakt.",
        date="2020-08-10",
        lang="nl",
        title="Nacht van geweld in Minsk",
        url="https://nieuws.example/minsk",
        source="a.jsonl",
    )


def test_absent_lang_and_date_are_left_for_the_caller() -> None:
    (doc,) = read_jsonl(b'{"id": "a", "text": "Tekst.", "lang": "auto"}\n', "a.jsonl")
    assert doc.lang is None and doc.date is None


def test_line_not_utf8_non_object_and_wrong_types() -> None:
    data = b"\n".join(
        [
            '{"id": "goed", "text": "Café in Minsk."}'.encode(),
            '{"id": "cp1252", "text": "één"}'.encode("cp1252"),
            b'["id", "text"]',
            b'{"id": "t", "text": "Tekst.", "title": 5}',
            b'{"id": 17, "text": "Numeric ids become strings.\\r\\nNext line."}',
            b'{"id": "nul", "text": "\x00\xff\x00\xfe"}',
        ]
    )
    results = list(read_jsonl(data, "mix.jsonl"))
    assert isinstance(results[0], Document) and results[0].text == "Café in Minsk."
    assert results[1].text == "één" and results[1].warnings == (
        "warning: mix.jsonl: line 2: encoding repaired: not UTF-8, read as cp1252 [W001]",)
    assert str(results[5]) == "mix.jsonl: line 6: malformed JSON (not UTF-8) [E006]"
    assert str(results[2]) == "mix.jsonl: line 3: malformed JSON (expected an object, got list) [E006]"
    assert results[3].error is Errors.E007 and '"title" as a string' in str(results[3])
    assert results[4].doc_id == "17" and results[4].text == "Numeric ids become strings.\nNext line."


def test_utf8_bom_and_crlf_lines() -> None:
    data = b'\xef\xbb\xbf{"id": "a", "text": "Een."}\r\n\r\n{"id": "b", "text": "Twee."}\r\n'
    assert [d.doc_id for d in read_jsonl(data, "x.jsonl")] == ["a", "b"]


def test_the_size_limit_is_per_article_not_per_file(tmp_path):
    # 200 small articles make a file far over the limit; one article over it is refused on its own
    lines = [json.dumps({"id": f"a{i}", "text": "Rusland annexeerde de Krim. " * 3}) for i in range(200)]
    lines.insert(5, json.dumps({"id": "groot", "text": "x" * 2000}))
    path = tmp_path / "veel.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert path.stat().st_size > 20 * 1000
    results = list(read_inputs([str(path)], lang="nl", max_bytes=1000))
    errors = [r for r in results if isinstance(r, InputError)]
    assert len(results) == 201 and len(errors) == 1
    assert str(errors[0]) == (f"{path}: line 6: too large: {len(lines[5])} bytes (limit 1000); "
                              "split it or raise --max-bytes [E021]")  # fmt: skip


def test_a_line_repaired_from_another_encoding_says_so():
    data = b'{"id": "a", "text": "Israe\\u0308lische"}\n' + '{"id": "b", "text": "“één”"}'.encode("cp1252")
    first, second = read_jsonl(data, "x.jsonl")
    assert first.warnings == () and second.text == "“één”"
    assert second.warnings == ("warning: x.jsonl: line 2: encoding repaired: not UTF-8, read as cp1252 [W001]",)


@pytest.mark.parametrize("tag", ["nl-NL", "NL", "nl_BE"])
def test_a_language_tag_with_a_region_counts_as_the_language(tag):
    (doc,) = read_jsonl(json.dumps({"id": "a", "text": "Tekst.", "lang": tag}).encode(), "a.jsonl")
    assert doc.lang == "nl"


def test_stdin_jsonl_is_read_line_by_line_past_the_limit(monkeypatch):
    lines = b"".join(json.dumps({"id": f"s{i}", "text": "De NAVO veroordeelde Rusland."}).encode() + b"\n"
                     for i in range(100))  # fmt: skip
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines), encoding="utf-8"))
    docs = list(read_inputs(["-"], lang="nl", max_bytes=500))
    assert len(lines) > 500 and [d.doc_id for d in docs] == [f"s{i}" for i in range(100)]


def test_a_lone_surrogate_escape_refuses_its_line_not_the_batch():
    """JSON allows "\\ud800" without its pair; decoded, it is no Unicode text, and language detection
    and the store failed on it with a traceback that ended the whole ingest (found by the fuzz suite)."""
    data = (b'{"id": "a", "text": "Rusland viel Oekra\\u00efne aan.\\ud800"}\n'
            b'{"id": "b", "text": "De NAVO veroordeelde Rusland.", "title": "\\udfff"}\n'
            b'{"id": "c", "text": "De NAVO veroordeelde Rusland."}\n')  # fmt: skip
    first, second, third = read_jsonl(data, "s.jsonl")
    assert str(first) == "s.jsonl: line 1: malformed JSON (\"text\" holds an unpaired surrogate '\\ud800') [E006]"
    assert isinstance(second, InputError) and '"title" holds an unpaired surrogate' in str(second)
    assert isinstance(third, Document) and third.doc_id == "c"
