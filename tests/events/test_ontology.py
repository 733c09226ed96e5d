"""The bundled CAMEO table (events/data/cameo.tsv) is complete, consistent and loads as an Ontology."""

from __future__ import annotations

from pathlib import Path

import pytest

from kroniek.events.ontology import CameoCode, Ontology, default_ontology

ROOTS = [f"{n:02d}" for n in range(1, 21)]
# The CAMEO2PLOVER 2021 table has no rows for statements (01) and appeals (02).
ROOTS_WITHOUT_PLOVER = {"01", "02"}


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return default_ontology()


def test_every_root_has_its_category_and_residual_code(onto: Ontology) -> None:
    for root in ROOTS:
        assert root in onto, root
        assert root + "0" in onto, root + "0"


def test_table_holds_the_whole_codebook(onto: Ontology) -> None:
    assert len(onto.codes()) >= 290


def test_codes_are_unique(onto: Ontology) -> None:
    codes = [c.code for c in onto.codes()]
    assert len(codes) == len(set(codes))


def test_root_is_the_code_prefix_and_sets_the_quad_class(onto: Ontology) -> None:
    for c in onto.codes():
        assert c.root == c.code[:2] == Ontology.root_of(c.code)
        assert c.quad_class == Ontology.quad_class_of_root(c.root)


def test_goldstein_scores_lie_on_the_scale(onto: Ontology) -> None:
    assert all(-10.0 <= c.goldstein <= 10.0 for c in onto.codes())


def test_every_code_has_an_english_and_a_dutch_name(onto: Ontology) -> None:
    for c in onto.codes():
        assert c.name_en.strip() and c.name_nl.strip(), c.code
        assert c.name_nl != c.name_en, c.code


def test_every_code_outside_statements_and_appeals_has_a_plover_type(onto: Ontology) -> None:
    for c in onto.codes():
        if c.root in ROOTS_WITHOUT_PLOVER:
            assert c.plover_type is None, c.code
        else:
            assert c.plover_type, c.code


def test_grant_asylum(onto: Ontology) -> None:
    assert onto.get("075") == CameoCode(
        code="075",
        root="07",
        name_en="Grant asylum",
        name_nl="Asiel verlenen",
        quad_class=2,
        goldstein=7.0,
        plover_type="AID",
        plover_mode=None,
    )


def test_arrest_is_material_conflict(onto: Ontology) -> None:
    arrest = onto.get("173")
    assert (arrest.root, arrest.quad_class, arrest.goldstein) == ("17", 4, -5.0)
    assert (arrest.plover_type, arrest.plover_mode) == ("COERCE", "arrest")


def test_release_of_persons_exists(onto: Ontology) -> None:
    assert "0841" in onto
    assert onto.get("0841").plover_type == "RETREAT"


def test_goldstein_follows_gdelt_where_icews_differs(onto: Ontology) -> None:
    # GDELT -2.0, ICEWS -5.0 for "Deny responsibility"; 1213 is absent from GDELT (ICEWS -4.0).
    assert onto.get("016").goldstein == -2.0
    assert onto.get("1213").goldstein == -4.0


def test_codes_are_strings_with_leading_zeros(onto: Ontology) -> None:
    assert "010" in onto and "10" in onto and "100" in onto
    assert onto.get("010").root == "01"
    assert onto.get("10").root == "10"
    assert 10 not in onto


def test_unknown_code_raises_a_clear_key_error(onto: Ontology) -> None:
    with pytest.raises(KeyError, match="unknown CAMEO event code '999'"):
        onto.get("999")


@pytest.mark.parametrize(("code", "root"), [("1042", "10"), ("075", "07"), ("20", "20"), ("010", "01")])
def test_root_of(code: str, root: str) -> None:
    assert Ontology.root_of(code) == root


@pytest.mark.parametrize("code", ["", "7", "21", "00", "2101", "12345", "1a2", 10])
def test_root_of_refuses_non_codes(code: object) -> None:
    with pytest.raises(ValueError, match="not a CAMEO event code"):
        Ontology.root_of(code)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("root", "quad"), [("01", 1), ("05", 1), ("06", 2), ("08", 2), ("09", 3), ("13", 3), ("14", 4), ("20", 4)]
)
def test_quad_class_of_root(root: str, quad: int) -> None:
    assert Ontology.quad_class_of_root(root) == quad


def test_quad_class_of_root_refuses_a_full_code() -> None:
    with pytest.raises(ValueError, match="not a CAMEO root"):
        Ontology.quad_class_of_root("010")


def test_default_ontology_is_loaded_once() -> None:
    assert default_ontology() is default_ontology()


def test_load_rejects_a_row_whose_quad_class_contradicts_its_root(tmp_path: Path) -> None:
    table = tmp_path / "cameo.tsv"
    table.write_text(
        "code\troot\tname_en\tname_nl\tquad_class\tgoldstein\tplover_type\tplover_mode\n"
        "173\t17\tArrest\tArresteren\t1\t-5.0\tCOERCE\tarrest\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="quad_class 1, expected 4"):
        Ontology.load(table)
