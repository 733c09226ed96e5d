"""Plain text: encodings, binary and empty files, newlines."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kroniek.errors import Errors, InputError
from kroniek.read import read_inputs
from kroniek.read.text import decode_bytes, decode_document, normalise_newlines, text_from_bytes

ENCODINGS = Path(__file__).parent / "resources" / "encodings"
CAFE = "Loekasjenko's één café in Wit-Rusland\n"
SECOND_LINE = "De oppositie zat in het café bij de rivier; één betoger werd opgepakt.\n"


@pytest.mark.parametrize("name", ["cafe_latin1.txt", "cafe_utf16.txt", "cafe_utf8_bom.txt"])
def test_dutch_text_decodes_in_each_encoding(name: str) -> None:
    assert text_from_bytes((ENCODINGS / name).read_bytes(), name) == CAFE + SECOND_LINE


def test_cp1252_typographic_quotes_and_dashes_come_out_right() -> None:
    text = text_from_bytes((ENCODINGS / "cafe_cp1252.txt").read_bytes(), "cafe_cp1252.txt")
    assert text == CAFE + "„Wij blijven open”, zei de eigenaar – één van de weinigen.\n"


def test_short_cp1252_line_is_not_mistaken_for_central_european() -> None:
    # charset-normalizer alone guesses mac_latin2 for this line
    assert decode_bytes(CAFE.encode("cp1252"), "x") == CAFE


def test_cyrillic_legacy_encoding_is_not_read_as_cp1252() -> None:
    text = "Лукашенко встретился с министром в Минске. Оппозиция протестует.\n"
    assert decode_bytes(text.encode("cp1251"), "x") == text


def test_nul_bytes_mean_binary() -> None:
    with pytest.raises(InputError) as caught:
        text_from_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "foto.txt")
    assert caught.value.error is Errors.E003
    assert str(caught.value) == "foto.txt: binary file, not text [E003]"


def test_bytes_no_encoding_fits_are_undecodable() -> None:
    rng = random.Random(1)
    noise = bytes(rng.randrange(0x80, 0x100) for _ in range(3000))
    with pytest.raises(InputError) as caught:
        text_from_bytes(noise, "ruis.txt")
    assert caught.value.error is Errors.E005
    assert "ruis.txt" in str(caught.value)


@pytest.mark.parametrize("data", [b"", b"  \r\n\t\n", "\ufeff \n".encode()])
def test_empty_or_blank_text_is_an_error(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        text_from_bytes(data, "leeg.txt")
    assert caught.value.error is Errors.E004


def test_newlines_are_normalised_and_nothing_else_changes() -> None:
    raw = "Kop\r\n\r\nEerste  alinea,\tmet tab.\rTweede alinea. \n"
    assert normalise_newlines(raw) == "Kop\n\nEerste  alinea,\tmet tab.\nTweede alinea. \n"
    assert text_from_bytes(raw.encode("utf-8"), "x") == "Kop\n\nEerste  alinea,\tmet tab.\nTweede alinea. \n"


# A UTF-8 article into which a pair of Windows-1252 quotes and a dash were pasted (from Word).
MIXED = ("Het Israëlische leger zei dinsdag: ".encode() + "“we vallen niet aan” – één dag.".encode("cp1252")
         + " Zoë Café.\n".encode())  # fmt: skip


def test_mixed_utf8_and_cp1252_is_repaired_per_character_and_said():
    decoded = decode_document(MIXED, "gemengd.txt")
    assert decoded.text == "Het Israëlische leger zei dinsdag: “we vallen niet aan” – één dag. Zoë Café.\n"
    assert decoded.repaired == "UTF-8 with 5 Windows-1252 byte(s)"


def test_clean_and_legacy_files_are_not_called_repaired():
    assert decode_document(CAFE.encode("utf-8"), "x").repaired is None
    assert decode_document(CAFE.encode("cp1252"), "x").repaired is None


def test_a_page_declared_latin1_with_utf8_inside_is_repaired():
    data = "<p>Het Israëlische leger".encode() + " in het café</p>".encode("latin-1")
    decoded = decode_document(data, "x.html", declared="iso-8859-1")
    assert decoded.text == "<p>Het Israëlische leger in het café</p>"
    assert decoded.repaired == "iso8859-1 with UTF-8 sequences"


def test_read_inputs_reports_the_repair_as_a_warning(tmp_path):
    (tmp_path / "gemengd.txt").write_bytes(MIXED)
    (doc,) = read_inputs([str(tmp_path)])
    assert doc.text.startswith("Het Israëlische leger")
    assert doc.warnings == (
        f"warning: {tmp_path / 'gemengd.txt'}: encoding repaired: UTF-8 with 5 Windows-1252 byte(s) [W001]",)
