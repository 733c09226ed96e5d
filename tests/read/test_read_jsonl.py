"""JSON Lines: good lines come through, each bad line is one error naming file and line."""

from __future__ import annotations

from pathlib import Path

from kroniek.errors import Errors, InputError
from kroniek.model import Document
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
    assert str(errors[3]) == "artikelen.jsonl: line 7: invalid date '15-08-2020': use YYYY-MM-DD [E009]"


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
        ]
    )
    results = list(read_jsonl(data, "mix.jsonl"))
    assert isinstance(results[0], Document) and results[0].text == "Café in Minsk."
    assert str(results[1]) == "mix.jsonl: line 2: malformed JSON (not UTF-8) [E006]"
    assert str(results[2]) == "mix.jsonl: line 3: malformed JSON (expected an object, got list) [E006]"
    assert results[3].error is Errors.E007 and '"title" as a string' in str(results[3])
    assert results[4].doc_id == "17" and results[4].text == "Numeric ids become strings.\nNext line."


def test_utf8_bom_and_crlf_lines() -> None:
    data = b'\xef\xbb\xbf{"id": "a", "text": "Een."}\r\n\r\n{"id": "b", "text": "Twee."}\r\n'
    assert [d.doc_id for d in read_jsonl(data, "x.jsonl")] == ["a", "b"]
