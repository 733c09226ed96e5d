"""The actor evaluation: mention files are checked, located and judged as eval/actors/README.md says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kroniek.errors import KroniekError
from kroniek.evaluation.actors import HEADER, GoldMention, documents_for, evaluate_mentions, judge, load_mentions
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
        ("a.txt\t2020-01-01\tnl\tPoetin\t1\t--GOV\tsurname", "capital letters"),
    ],
)
def test_bad_rows_name_file_and_line(tmp_path: Path, row: str, problem: str) -> None:
    path = _write(tmp_path, [row])
    with pytest.raises(KroniekError) as err:
        evaluate_mentions([path], None, _resolver([]))
    assert f"{path}:2" in str(err.value) and problem in str(err.value)


def _shared_corpus(tmp_path: Path) -> Path:
    shared = tmp_path / "shared"
    (shared / "corpus").mkdir(parents=True)
    records = [{"id": "x1", "date": "2008-10-13", "lang": "en", "text": "The minister met Lukashenko."},
               {"id": "x2", "date": "2021-05-24", "lang": "nl", "text": "De minister sprak. Rutte zweeg."}]
    (shared / "corpus" / "c.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return shared


def test_a_mention_can_point_to_a_corpus_record(tmp_path: Path) -> None:
    shared = _shared_corpus(tmp_path)
    # the second record; its date and language come from the record when the columns are empty
    path = _write(tmp_path, ["corpus:c.jsonl#x2			Rutte	1	NLDGOV	surname",
                             "corpus:c.jsonl#x2			minister	1	---GOV	role"])
    documents, by_doc = documents_for([path], shared)
    assert [(d.doc_id, d.date, d.lang) for d in documents] == [("corpus:c.jsonl#x2", "2021-05-24", "nl")]
    rutte, minister = by_doc["corpus:c.jsonl#x2"]
    assert (rutte.start, rutte.end, rutte.set) == (19, 24, "m.tsv")
    assert minister.codes == ("---GOV",)
    report = evaluate_mentions([path], shared, _resolver([Actor("Rutte", 19, 24, code="NLDGOV"),
                                                          Actor("minister", 3, 11, code="NLDGOV")]))
    assert [e["mention"] for e in report.to_dict()["errors"]] == ["minister"]


@pytest.mark.parametrize(
    ("doc", "problem"),
    [("corpus:c.jsonl", "corpus:<file.jsonl>#<id>"), ("corpus:c.jsonl#x9", "no record with id 'x9'"),
     ("corpus:d.jsonl#x1", "cannot read")],
)
def test_bad_corpus_references_name_the_row(tmp_path: Path, doc: str, problem: str) -> None:
    path = _write(tmp_path, [f"{doc}\t2020-01-01\ten\tminister\t1\t---GOV\trole"])
    with pytest.raises(KroniekError) as err:
        evaluate_mentions([path], _shared_corpus(tmp_path), _resolver([]))
    assert f"{path}:2" in str(err.value) and problem in str(err.value)


def test_without_the_shared_folder_a_set_that_needs_it_is_skipped(tmp_path: Path) -> None:
    own = _write(tmp_path, ["a.txt\t2020-01-01\tnl\tPoetin\t1\tRUSGOV\tsurname"])
    held = tmp_path / "held.tsv"
    held.write_text("\t".join(HEADER) + "\na.txt\t2020-01-01\tnl\tPoetin\t2\tRUSGOV\tsurname\n"
                    "corpus:c.jsonl#x1\t\t\tminister\t1\t---GOV\trole\n", encoding="utf-8")
    report = evaluate_mentions([own, held], None, _resolver([Actor("Poetin", 0, 6, code="RUSGOV")]))
    data = report.to_dict()
    assert data["overall"]["mentions"] == 1 and list(data["by_set"]) == ["m.tsv"]
    assert len(data["skipped"]) == 1 and str(held) in data["skipped"][0]
    assert "skipped: " + str(held) in report.format_table() and "shared folder" in report.format_table()


def test_the_report_gives_each_set_and_all_together(tmp_path: Path) -> None:
    first = _write(tmp_path, ["a.txt\t2020-01-01\tnl\tPoetin\t1\tRUSGOV\tsurname",
                              "a.txt\t2020-01-01\tnl\tblok\t1\t-\tnegative"])
    second = tmp_path / "other.tsv"
    second.write_text("\t".join(HEADER) + "\na.txt\t2020-01-01\tnl\tPoetin\t2\tRUSGOV\tsurname\n", encoding="utf-8")
    report = evaluate_mentions([first, second], None, _resolver([Actor("Poetin", 0, 6, code="RUSGOV")]))
    data = report.to_dict()
    assert data["overall"] == {"mentions": 3, "correct": 2, "accuracy": 2 / 3}
    assert data["by_set"]["m.tsv"]["overall"]["correct"] == 2
    assert data["by_set"]["other.tsv"]["by_kind"] == {"surname": {"mentions": 1, "correct": 0, "accuracy": 0.0}}
    table = report.format_table()
    assert "set m.tsv" in table and "set other.tsv" in table
    # the side-by-side block: surnames 1/1 in the first set, 0/1 in the second
    assert any(line.startswith("kind surname") and "1/1 1.000" in line and "0/1 0.000" in line
               for line in table.splitlines())


def test_repo_mention_files_are_valid() -> None:
    files = sorted((REPO / "eval" / "actors").glob("*.tsv"))
    assert files
    for path in files:
        rows = load_mentions(path)
        assert rows and all(r.kind for r in rows)


def test_actor_accuracy_meets_the_bar(shared_dir: Path) -> None:
    """The resolver gets at least 95% of the codes right on the sets it was developed with (dev.tsv,
    ours.tsv); heldout.tsv, coded by the stricter rule of issue 14, is reported by `make eval-actors`
    and has no bar here yet."""
    from kroniek.pipeline import default_analyzer

    analyzer = default_analyzer()

    def resolve(documents: list[Document]) -> dict[str, list[Actor]]:
        return {r.document.doc_id: r.actors for r in analyzer.analyze_strict(documents)}

    sets = [REPO / "eval" / "actors" / name for name in ("dev.tsv", "ours.tsv")]
    report = evaluate_mentions(sets, shared_dir, resolve)
    assert report.to_dict()["overall"]["accuracy"] >= 0.95, report.format_table()
