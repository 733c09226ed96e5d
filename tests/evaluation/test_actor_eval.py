"""The actor evaluation: mention files are checked, located and judged as eval/actors/README.md says."""

from __future__ import annotations

from pathlib import Path

import pytest

from kroniek.errors import KroniekError
from kroniek.evaluation.actors import HEADER, GoldMention, evaluate_mentions, judge, load_mentions
from kroniek.model import Actor, Document

REPO = Path(__file__).resolve().parents[2]


def _write(tmp_path: Path, rows: list[str], text: str = "Poetin sprak. Poetin zweeg. Een blok beton.") -> Path:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    path = tmp_path / "m.tsv"
    path.write_text("\n".join(["\t".join(HEADER), *rows]) + "\n", encoding="utf-8")
    return path


def _resolver(actors: list[Actor]):
    def resolve(documents: list[Document]) -> dict[str, list[Actor]]:
        return {d.doc_id: actors for d in documents}
    return resolve


def test_nth_occurrence_is_judged_against_the_overlapping_actor(tmp_path: Path) -> None:
    path = _write(tmp_path, ["a.txt\t2020-01-01\tnl\tPoetin\t2\tRUSGOV\tsurname",
                             "a.txt\t2020-01-01\tnl\tPoetin\t1\tRUSGOV\tsurname",
                             "a.txt\t2020-01-01\tnl\tblok\t1\t-\tnegative"])
    # only the second Poetin (offset 14) is resolved; "blok" stays unresolved as it should
    report = evaluate_mentions([path], None, _resolver([Actor("Poetin", 14, 20, code="RUSGOV")]))
    data = report.to_dict()
    assert data["overall"] == {"mentions": 3, "correct": 2, "accuracy": 2 / 3}
    assert [e["nth"] for e in data["errors"]] == [1]
    assert "unresolved" in report.format_table()


def test_alternative_codes_and_negatives() -> None:
    gold = GoldMention("d", None, "nl", "Europa", 1, ("IGOEUREEC", "EUR"), "igo", "x:2", 0, 6)
    assert judge(gold, [Actor("Europa", 0, 6, code="EUR")]).correct
    assert not judge(gold, [Actor("Europa", 0, 6, code="EST")]).correct
    negative = GoldMention("d", None, "nl", "blok", 1, (), "negative", "x:3", 0, 4)
    assert judge(negative, []).correct
    assert not judge(negative, [Actor("blok", 0, 4, code="NLDELI")]).correct


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("a.txt\t2020-01-01\tnl\tPoetin\tzero\tRUSGOV\tsurname", "nth must be a positive number"),
        ("a.txt\t2020-01-01\tnl\tPoetin\t1\trusgov\tsurname", "capital letters"),
        ("a.txt\t2020-01-01\tnl\tPoetin\t1\tRUSGOV", "6 columns"),
        ("a.txt\t2020-01-01\tnl\tPoetin\t3\tRUSGOV\tsurname", "fewer than 3 times"),
        ("shared:dev/x.json\t2020-01-01\tnl\tPoetin\t1\tRUSGOV\tsurname", "needs the shared eval folder"),
    ],
)
def test_bad_rows_name_file_and_line(tmp_path: Path, row: str, problem: str) -> None:
    path = _write(tmp_path, [row])
    with pytest.raises(KroniekError) as err:
        evaluate_mentions([path], None, _resolver([]))
    assert f"{path}:2" in str(err.value) and problem in str(err.value)


def test_repo_mention_files_are_valid() -> None:
    files = sorted((REPO / "eval" / "actors").glob("*.tsv"))
    assert files
    for path in files:
        rows = load_mentions(path)
        assert rows and all(r.kind for r in rows)


def test_actor_accuracy_meets_the_bar(shared_dir: Path) -> None:
    """The resolver gets at least 95% of the hand-coded codes right (`make eval-actors`)."""
    from kroniek.pipeline import default_analyzer

    analyzer = default_analyzer()

    def resolve(documents: list[Document]) -> dict[str, list[Actor]]:
        return {r.document.doc_id: r.actors for r in analyzer.analyze_strict(documents)}

    report = evaluate_mentions(sorted((REPO / "eval" / "actors").glob("*.tsv")), shared_dir, resolve)
    assert report.to_dict()["overall"]["accuracy"] >= 0.95, report.format_table()
