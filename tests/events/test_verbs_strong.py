"""The table of Dutch strong and irregular verbs (events/data/verbs-strong.nl.tsv): it reads, its rows
are sound, and the forms of the best-known verbs are right."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).parents[2] / "src" / "kroniek" / "events" / "data"
TABLE = DATA / "verbs-strong.nl.tsv"
HEADER = ["infinitive", "past_singular", "past_plural", "participle"]

# verbs with a second row for their other accepted past (zegde, pleegde, raadde, ...)
VARIANTS = {"durven", "jagen", "plegen", "raden", "stoten", "waaien", "willen", "zeggen"}
# infinitives that do not end in "-en"
SHORT_INFINITIVES = {"zijn", "gaan", "staan", "slaan", "zien", "doen"}
# prefixes that take the place of "ge-" in a participle (begonnen, verloren, ontgonnen)
INSEPARABLE = ("be", "ge", "her", "ont", "ver", "er")
# verbs without a participle
NO_PARTICIPLE = {"zullen"}


@cache
def _rows() -> list[list[str]]:
    with TABLE.open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _entries() -> dict[str, list[tuple[str, str, str]]]:
    out: dict[str, list[tuple[str, str, str]]] = {}
    for inf, sg, pl, part in _rows()[1:]:
        out.setdefault(inf, []).append((sg, pl, part))
    return out


def test_comment_and_header() -> None:
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    comments = [line for line in lines if line.startswith("#")]
    assert lines[: len(comments)] == comments, "comment lines belong at the top"
    assert "kroniek" in " ".join(comments) and "Dutch grammar" in " ".join(comments)
    assert _rows()[0] == HEADER


def test_every_row_has_four_lowercase_columns() -> None:
    for row in _rows()[1:]:
        assert len(row) == 4, row
        assert all(cell == cell.strip().lower() for cell in row), row
        assert all(cell for cell in row[:3]), row
        assert row[3] or row[0] in NO_PARTICIPLE, row


def test_size() -> None:
    assert 190 <= len(_entries()) <= 260


def test_duplicates_only_for_variants() -> None:
    entries = _entries()
    duplicated = {inf for inf, forms in entries.items() if len(forms) > 1}
    assert duplicated == VARIANTS
    for inf in VARIANTS:
        assert len(entries[inf]) == 2, inf
        assert entries[inf][0] != entries[inf][1], inf


def test_infinitives_end_in_en() -> None:
    for inf in _entries():
        assert inf.endswith("en") or inf in SHORT_INFINITIVES, inf


def test_past_plurals_end_in_en() -> None:
    for inf, forms in _entries().items():
        for _, pl, _ in forms:
            assert pl.endswith("en"), (inf, pl)


def test_participles_take_ge_or_an_inseparable_prefix() -> None:
    for inf, forms in _entries().items():
        for _, _, part in forms:
            if inf in NO_PARTICIPLE:
                assert part == "", inf
                continue
            assert part.startswith("ge") or inf.startswith(INSEPARABLE), (inf, part)


def test_prefixed_verbs_only_without_their_base() -> None:
    """A verb with an inseparable prefix is listed only when its base is not: "verwijten" comes from
    "wijten", but "verliezen" has no "liezen" to come from."""
    entries = _entries()
    for inf in entries:
        for prefix in INSEPARABLE:
            if inf.startswith(prefix):
                assert inf[len(prefix) :] not in entries, inf


@pytest.mark.parametrize(
    ("infinitive", "forms"),
    [
        ("schieten", ("schoot", "schoten", "geschoten")),
        ("heffen", ("hief", "hieven", "geheven")),
        ("wijten", ("weet", "weten", "geweten")),
        ("gelden", ("gold", "golden", "gegolden")),
        ("zijn", ("was", "waren", "geweest")),
        ("hebben", ("had", "hadden", "gehad")),
        ("gaan", ("ging", "gingen", "gegaan")),
        ("slaan", ("sloeg", "sloegen", "geslagen")),
        ("staan", ("stond", "stonden", "gestaan")),
        ("zien", ("zag", "zagen", "gezien")),
        ("doen", ("deed", "deden", "gedaan")),
        ("komen", ("kwam", "kwamen", "gekomen")),
        ("brengen", ("bracht", "brachten", "gebracht")),
        ("denken", ("dacht", "dachten", "gedacht")),
        ("kopen", ("kocht", "kochten", "gekocht")),
        ("zoeken", ("zocht", "zochten", "gezocht")),
        ("vragen", ("vroeg", "vroegen", "gevraagd")),
        ("kunnen", ("kon", "konden", "gekund")),
        ("zullen", ("zou", "zouden", "")),
        ("sterven", ("stierf", "stierven", "gestorven")),
        ("beginnen", ("begon", "begonnen", "begonnen")),
        ("verliezen", ("verloor", "verloren", "verloren")),
        ("bevelen", ("beval", "bevalen", "bevolen")),
        ("liggen", ("lag", "lagen", "gelegen")),
        ("bidden", ("bad", "baden", "gebeden")),
    ],
)
def test_spot_checks(infinitive: str, forms: tuple[str, str, str]) -> None:
    assert _entries()[infinitive][0] == forms


@pytest.mark.parametrize(
    ("infinitive", "forms"),
    [
        ("plegen", [("placht", "plachten", "gepleegd"), ("pleegde", "pleegden", "gepleegd")]),
        ("zeggen", [("zei", "zeiden", "gezegd"), ("zegde", "zegden", "gezegd")]),
        ("jagen", [("joeg", "joegen", "gejaagd"), ("jaagde", "jaagden", "gejaagd")]),
    ],
)
def test_variants(infinitive: str, forms: list[tuple[str, str, str]]) -> None:
    assert _entries()[infinitive] == forms


def test_agrees_with_the_grammar_list() -> None:
    """The hand-written `inflection: strong:` list of grammar.nl.yaml, where it names a verb of the table,
    gives the same forms."""
    grammar = yaml.safe_load((DATA / "grammar.nl.yaml").read_text(encoding="utf-8"))
    listed = (grammar.get("inflection") or {}).get("strong") or {}
    entries = _entries()
    for inf, forms in listed.items():
        if inf in entries:
            assert tuple(forms) in entries[inf], inf
