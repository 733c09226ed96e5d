"""Document ids: unique within a batch, stable, and never a silent replacement of one document by another."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from kroniek.errors import Errors, InputError
from kroniek.model import Document
from kroniek.read import read_inputs
from kroniek.read.ids import text_hash

DUTCH = "De Tweede Kamer nam woensdag een motie aan over sancties tegen Wit-Rusland.\n"


def _page(url: str | None) -> str:
    canonical = f'<link rel="canonical" href="{url}">' if url else ""
    return (f"<!DOCTYPE html><html><head><title>Motie</title>{canonical}</head><body><article>"
            f"<p>{DUTCH}</p><p>Het kabinet moet de sancties steunen, vindt de Kamer.</p></article></body></html>")


def _ids(paths: list[Path | str], **options) -> list[str]:
    return [d.doc_id for d in read_inputs([str(p) for p in paths], **options) if isinstance(d, Document)]


def test_files_with_the_same_relative_path_in_two_arguments_both_stay(tmp_path):
    for site in ("nos", "nu"):
        (tmp_path / "coll" / site).mkdir(parents=True)
        (tmp_path / "coll" / site / "artikel.txt").write_text(f"{DUTCH} ({site})", encoding="utf-8")
    nos, nu = tmp_path / "coll" / "nos", tmp_path / "coll" / "nu"
    assert _ids([nos, nu]) == [f"{nos}/artikel", f"{nu}/artikel"]  # the path as given, without the extension
    assert _ids([nos]) == ["artikel"]  # alone, the contract's id: its path relative to the argument


def test_colliding_pages_take_their_url(tmp_path):
    for site, url in (("nos", "https://nos.nl/artikel/1"), ("nu", None)):
        (tmp_path / site).mkdir()
        (tmp_path / site / "artikel.html").write_text(_page(url), encoding="utf-8")
    assert _ids([tmp_path / "nos", tmp_path / "nu"]) == ["https://nos.nl/artikel/1", f"{tmp_path / 'nu'}/artikel"]


def test_the_same_name_as_text_and_html_in_one_folder_adds_a_content_hash(tmp_path):
    (tmp_path / "x.txt").write_text(DUTCH, encoding="utf-8")
    (tmp_path / "x.html").write_text(_page(None), encoding="utf-8")
    docs = [d for d in read_inputs([str(tmp_path)]) if isinstance(d, Document)]
    html, text = docs  # sorted by name: x.html, x.txt
    assert html.doc_id == f"{tmp_path}/x" and text.doc_id == f"{tmp_path}/x#{text_hash(text.text)}"


def test_a_file_named_twice_is_read_once(tmp_path):
    (tmp_path / "a.txt").write_text(DUTCH, encoding="utf-8")
    assert _ids([tmp_path, tmp_path / "a.txt", f"{tmp_path}/./a.txt"]) == ["a"]


def test_a_duplicate_jsonl_id_is_an_error_line_not_a_replacement(tmp_path):
    first = tmp_path / "a.jsonl"
    first.write_text(json.dumps({"id": "x", "text": "Eerste."}) + "\n" + json.dumps({"id": "x", "text": "Tweede."})
                     + "\n", encoding="utf-8")  # fmt: skip
    second = tmp_path / "b.jsonl"
    second.write_text(json.dumps({"id": "x", "text": "Derde."}) + "\n", encoding="utf-8")
    results = list(read_inputs([str(first), str(second)], lang="nl"))
    assert results[0].doc_id == "x" and results[0].text == "Eerste."
    assert [type(r) for r in results] == [Document, InputError, InputError]
    assert str(results[1]) == (f"{first}: line 2: duplicate id 'x' (already read from {first} line 1); "
                               "ids must be unique in a batch [E018]")  # fmt: skip
    assert results[2].error is Errors.E018 and f"{second}: line 1" in str(results[2])


def test_a_file_whose_id_a_jsonl_article_took_gets_its_path(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "sancties", "text": DUTCH}) + "\n", encoding="utf-8")
    (tmp_path / "sancties.txt").write_text(DUTCH + "Meer.", encoding="utf-8")
    assert _ids([tmp_path]) == ["sancties", f"sancties#{text_hash(DUTCH + 'Meer.')}"]


@pytest.mark.parametrize("text", [DUTCH, "Rusland annexeerde de Krim.\n"])
def test_stdin_is_named_by_its_content(monkeypatch, text):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode()), encoding="utf-8"))
    (doc,) = read_inputs(["-"])
    assert doc.doc_id == f"stdin-{text_hash(text)}"
