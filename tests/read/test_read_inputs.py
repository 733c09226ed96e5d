"""read_inputs: folders, files and stdin to Documents, one InputError per failing input."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from kroniek.errors import Errors, InputError, KroniekError
from kroniek.model import Document
from kroniek.read import read_inputs
from kroniek.read.ids import text_hash
from kroniek.read.paths import sniff_kind

RESOURCES = Path(__file__).parent / "resources"
NEWS = RESOURCES / "nieuws"
NEWS_PAGE = NEWS / "buitenland" / "litouwen_asiel.html"
DUTCH = "De Tweede Kamer nam woensdag een motie aan over sancties tegen Wit-Rusland.\n"


def _split(results: list[Document | InputError]) -> tuple[list[Document], list[InputError]]:
    docs = [r for r in results if isinstance(r, Document)]
    errors = [r for r in results if isinstance(r, InputError)]
    assert len(docs) + len(errors) == len(results)
    return docs, errors


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_folder_is_read_recursively_in_sorted_order_with_relative_ids() -> None:
    docs, errors = _split(list(read_inputs([str(NEWS)])))
    assert errors == []  # README.md and the hidden .concept.txt are skipped silently
    assert [d.doc_id for d in docs] == [
        "binnenland/kabinet_sancties",
        "buitenland/litouwen_asiel",
        "world/belarus_talks",
    ]
    assert [d.lang for d in docs] == ["nl", "nl", "en"]
    assert docs[1].source == str(NEWS_PAGE)
    assert docs[1].title.startswith("Litouwen biedt") and docs[1].date == "2020-08-12"


def test_file_named_directly_has_its_stem_as_id() -> None:
    (doc,) = read_inputs([str(NEWS / "world" / "belarus_talks.txt")])
    assert doc.doc_id == "belarus_talks"
    assert doc.text.startswith("EU foreign ministers agree to sanction Belarusian officials\n\nBrussels")
    assert doc.title is None and doc.date is None


def test_missing_path_is_one_error_and_the_batch_goes_on(tmp_path: Path) -> None:
    missing = str(tmp_path / "bestaat_niet.txt")
    results = list(read_inputs([missing, str(NEWS / "world")]))
    assert str(results[0]) == f"{missing}: file not found [E001]"
    assert [r.doc_id for r in results[1:]] == ["belarus_talks"]


def test_unsupported_file_named_directly(tmp_path: Path) -> None:
    pdf = tmp_path / "rapport.pdf"
    pdf.write_bytes(b"%PDF-1.7\n")
    (error,) = read_inputs([str(pdf)])
    assert error.error is Errors.E013
    assert str(error).startswith(f"{pdf}: unsupported file type '.pdf'")


def test_every_bad_input_yields_one_error_and_good_ones_still_come(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a_goed.txt").write_text(DUTCH, encoding="utf-8")
    (corpus / "b_binair.txt").write_bytes(b"GIF89a\x01\x00\x01\x00\x00\xff\x00")
    (corpus / "c_leeg.txt").write_bytes(b" \r\n \n")
    (corpus / "d_onleesbaar.txt").write_bytes(bytes(range(0x80, 0x100)) * 3)
    (corpus / "e_regels.jsonl").write_text(
        '{"id": "r1", "text": "Eerste artikel over Minsk."}\n'
        "{kapot\n"
        '{"id": "r3", "text": "Derde artikel over Vilnius."}\n',
        encoding="utf-8",
    )
    (corpus / "f_groot.txt").write_text(DUTCH * 20, encoding="utf-8")
    (corpus / "g_geen_artikel.html").write_bytes((RESOURCES / "alleen_navigatie.html").read_bytes())
    missing = str(tmp_path / "weg")

    docs, errors = _split(list(read_inputs([str(corpus), missing], max_bytes=1000)))
    assert [d.doc_id for d in docs] == ["a_goed", "r1", "r3"]
    assert [(e.error, e.where) for e in errors] == [
        (Errors.E003, str(corpus / "b_binair.txt")),
        (Errors.E004, str(corpus / "c_leeg.txt")),
        (Errors.E005, str(corpus / "d_onleesbaar.txt")),
        (Errors.E006, str(corpus / "e_regels.jsonl")),
        (Errors.E008, str(corpus / "f_groot.txt")),
        (Errors.E011, str(corpus / "g_geen_artikel.html")),
        (Errors.E001, missing),
    ]
    assert "line 2: malformed JSON" in str(errors[3])
    assert str(errors[4]) == (
        f"{corpus / 'f_groot.txt'}: too large: {len(DUTCH) * 20} bytes (limit 1000); "
        "split it or raise --max-bytes [E008]"
    )
    assert all("\n" not in str(e) for e in errors)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "geheim.txt"
    locked.write_text(DUTCH, encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)  # chmod does not stop root, who may run the tests
    (error,) = read_inputs([str(locked)])
    assert str(error) == f"{locked}: cannot read: Permission denied [E002]"


def test_lang_argument_overrides_detection_but_not_a_jsonl_lang(tmp_path: Path) -> None:
    jsonl = tmp_path / "x.jsonl"
    jsonl.write_text(
        '{"id": "eigen", "text": "The government in Minsk.", "lang": "NL"}\n'
        '{"id": "zonder", "text": "The government in Minsk."}\n',
        encoding="utf-8",
    )
    text = tmp_path / "y.txt"
    text.write_text("The government in Minsk declared a state of emergency.", encoding="utf-8")
    langs = {d.doc_id: d.lang for d in read_inputs([str(jsonl), str(text)], lang="de")}
    assert langs == {"eigen": "nl", "zonder": "de", "y": "de"}
    langs = {d.doc_id: d.lang for d in read_inputs([str(jsonl), str(text)])}
    assert langs == {"eigen": "nl", "zonder": "en", "y": "en"}


def test_date_argument_fills_only_missing_dates() -> None:
    docs = list(read_inputs([str(NEWS)], date="2020-08-20"))
    assert [d.date for d in docs] == ["2020-08-20", "2020-08-12", "2020-08-20"]
    jsonl, _ = _split(list(read_inputs([str(RESOURCES / "artikelen.jsonl")], date="2020-08-20")))
    assert [d.date for d in jsonl] == ["2020-08-10", "2020-08-14", "2020-08-20"]


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, (RESOURCES / "encodings" / "cafe_cp1252.txt").read_bytes())
    (doc,) = read_inputs(["-"])
    assert doc.doc_id == f"stdin-{text_hash(doc.text)}" and doc.source == "-" and doc.lang == "nl"
    assert doc.text.startswith("Loekasjenko's één café in Wit-Rusland\n„Wij blijven open”")


def test_stdin_html_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"\n  " + NEWS_PAGE.read_bytes())
    (doc,) = read_inputs(["-"])
    assert doc.doc_id == f"stdin-{text_hash(doc.text)}" and doc.date == "2020-08-12"
    assert doc.text.startswith("De Wit-Russische oppositieleider")


def test_stdin_jsonl_takes_ids_from_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"\n\n" + (RESOURCES / "artikelen.jsonl").read_bytes())
    docs, errors = _split(list(read_inputs(["-"])))
    assert [d.doc_id for d in docs] == ["nos-2020-08-10-minsk", "reuters-2020-08-14-eu", "tass-2020-08-16"]
    assert len(errors) == 4 and all(str(e).startswith("<stdin>: line ") for e in errors)


def test_stdin_too_large_and_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, DUTCH.encode() * 100)
    (error,) = read_inputs(["-"], max_bytes=1000)
    assert str(error).startswith("<stdin>: too large: more than 1000 bytes (limit 1000)")
    _stdin(monkeypatch, b"")
    (error,) = read_inputs(["-"])
    assert str(error) == "<stdin>: empty document (no text) [E004]"


def test_stdin_as_a_text_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(DUTCH))
    (doc,) = read_inputs(["-"])
    assert doc.text == DUTCH and doc.lang == "nl"


def test_stdin_as_a_text_stream_holding_bytes_that_were_not_utf8(monkeypatch: pytest.MonkeyPatch) -> None:
    """A text stdin keeps bytes it could not decode as surrogate escapes (Python's own does so under a
    C locale); they were encoded back as UTF-8 and raised UnicodeEncodeError (found by the fuzz suite)."""
    latin = "Litouwen biedt de oppositieleider onderdak aan, meldt het ministerie in Vilnius caf\u00e9."
    monkeypatch.setattr(sys, "stdin", io.StringIO(latin.encode("cp1252").decode("utf-8", "surrogateescape")))
    (doc,) = read_inputs(["-"])
    assert doc.text == latin and doc.doc_id.startswith("stdin-")


def test_markup_lookalike_on_stdin_is_neither_a_page_nor_a_language(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"<<<<>>>> not <html")
    (error,) = read_inputs(["-"])
    assert str(error) == "<stdin>: cannot tell the language (too little text in letters); name it: nl or en " \
                         "(--lang, lang=) [E019]"


@pytest.mark.parametrize(("head", "kind"), [
    (b"<<<<>>>> not <html", "text"),
    (b"  <!DOCTYPE html><html>", "html"),
    (b"<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>", "html"),
    (b"<!-- saved page --><html>", "html"),
    (b"\n\n{\"id\": 1}", "jsonl"),
    (b"Kop\n<html> in de tekst", "text"),
])  # fmt: skip
def test_stdin_kind_is_sniffed_from_how_it_starts(head: bytes, kind: str) -> None:
    assert sniff_kind(head) == kind


def test_short_dutch_headline_is_read_as_dutch(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"Biden belt Xi")
    (doc,) = read_inputs(["-"])
    assert doc.lang == "nl"


def test_the_lang_argument_takes_a_region_tag_and_refuses_nonsense() -> None:
    (doc,) = read_inputs([str(NEWS / "world" / "belarus_talks.txt")], lang="en-GB")
    assert doc.lang == "en"
    with pytest.raises(KroniekError) as caught:
        read_inputs([str(NEWS)], lang="Nederlands")
    assert caught.value.error is Errors.E022
