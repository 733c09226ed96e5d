"""`kroniek ingest --workers N`: the same stored events from any number of worker processes, unchanged
documents skipped before any parsing, one line per failed document."""

from __future__ import annotations

import json
import pickle
import re
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kroniek.cli import app
from kroniek.errors import Errors, InputError, KroniekError
from kroniek.model import Document
from kroniek.pipeline import Analysis
from kroniek.scale.pool import ProcessRunner
from kroniek.scale.runners import LocalRunner, make_runner
from kroniek.scale.work import code_chunk

sys.path.insert(0, str(Path(__file__).parent))
from scale_corpus import news_items, stored, write_corpus  # noqa: E402

SUMMARY = re.compile(r"(\d+) added, (\d+) replaced, (\d+) unchanged")


def ingest(*args: object) -> tuple[int, tuple[int, int, int], list[str]]:
    """Exit status, (added, replaced, unchanged) and the error lines of one `kroniek ingest`."""
    result = CliRunner().invoke(app, ["ingest", *map(str, args)])
    assert "Traceback" not in result.output
    match = SUMMARY.search(result.stderr)
    assert match, result.stderr
    errors = [line for line in result.stderr.splitlines() if "[E" in line]
    return result.exit_code, tuple(map(int, match.groups())), errors  # type: ignore[return-value]


def test_two_workers_store_the_same_events_as_one_and_a_bad_document_is_one_line(tmp_path: Path) -> None:
    items = news_items(40)
    items.insert(17, {"id": "duits", "lang": "de", "text": "Russland verhängte Sanktionen gegen die Ukraine."})
    corpus = write_corpus(tmp_path / "corpus", items)
    runs = {}
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.duckdb"
        status, counts, errors = ingest(corpus, "--db", db, "--workers", workers)
        assert status == 1 and counts == (40, 0, 0)
        assert len(errors) == 1 and "'de'" in errors[0] and "[E010]" in errors[0]
        runs[workers] = stored(db)
    events, mentions = runs[1]
    assert len(events) >= 40 and len({e["doc_id"] for e in events}) == 40
    assert runs[2] == runs[1]


def test_reingesting_unchanged_documents_codes_none_of_them(corpus: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "k.duckdb"
    assert ingest(corpus, "--db", db, "--workers", 1)[:2] == (0, (40, 0, 0))
    before = stored(db)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pipeline was loaded for unchanged documents")

    monkeypatch.setattr("kroniek.scale.runners.Analyzer", refuse)
    monkeypatch.setattr("kroniek.scale.pool.ProcessPoolExecutor", refuse)
    for workers in (1, 2):
        assert ingest(corpus, "--db", db, "--workers", workers)[:2] == (0, (0, 0, 40))
    assert stored(db) == before


def test_a_changed_document_alone_is_coded_again(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "k.duckdb"
    ingest(corpus, "--db", db, "--workers", 1)
    items = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    items[5]["text"] = "Frankrijk heeft maandag nieuwe sancties opgelegd aan Japan."
    write_corpus(corpus.parent, items)
    assert ingest(corpus, "--db", db, "--workers", 1)[:2] == (0, (0, 1, 39))
    with_change = {(e["source"]["code"], e["cameo"], e["target"]["code"])
                   for e in stored(db)[0] if e["doc_id"] == items[5]["id"]}
    assert with_change == {("FRA", "163", "JPN")}


class _Failing:
    """An analyzer whose coding breaks on one document (a bug, not an input error)."""

    def analyze(self, documents: list[Document]) -> list[Analysis]:
        if any("BREAK" in d.text for d in documents):
            raise RuntimeError("index out of range\nsecond line")
        return [Analysis(d) for d in documents]


def test_a_document_whose_coding_breaks_is_one_error_and_the_chunk_goes_on() -> None:
    documents = [Document(f"d{i}", "BREAK" if i == 1 else "tekst", source="in.jsonl") for i in range(3)]
    results = code_chunk(_Failing(), documents)  # type: ignore[arg-type]
    assert [r.document.doc_id for r in results if isinstance(r, Analysis)] == ["d0", "d2"]
    [error] = [r for r in results if isinstance(r, KroniekError)]
    assert str(error) == "in.jsonl (d1): could not be coded: index out of range [E030]"


def test_an_error_crosses_a_process_boundary_whole() -> None:
    error = InputError(Errors.E010, "a.txt", lang="de", reason="kroniek reads nl, en")
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is InputError and str(again) == str(error) and again.values == error.values


def test_few_documents_are_coded_in_this_process_many_on_every_core() -> None:
    assert isinstance(make_runner(documents=3), LocalRunner)
    assert isinstance(make_runner(workers=1), LocalRunner)
    assert isinstance(make_runner(workers=3, documents=3), ProcessRunner)  # asked for: kept
    many = make_runner(documents=10_000)
    assert many.workers >= 1 and isinstance(many, ProcessRunner if many.workers > 1 else LocalRunner)


def test_ray_missing_is_one_line(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray fails as when it is not installed
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(tmp_path / "k.duckdb"), "--ray"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "kroniek: --ray needs the ray package: pip install 'kroniek[ray]' [E032]"


def test_a_bare_ray_option_means_auto(tmp_path: Path) -> None:
    from kroniek.scale.ray_option import with_ray_default

    folder = str(tmp_path)
    assert with_ray_default(["a.txt", "--ray"]) == ["a.txt", "--ray=auto"]
    assert with_ray_default(["--ray", "--db", "k.duckdb"]) == ["--ray=auto", "--db", "k.duckdb"]
    assert with_ray_default(["--ray", folder]) == ["--ray=auto", folder]
    assert with_ray_default(["--ray", "10.0.0.5:6379", folder]) == ["--ray", "10.0.0.5:6379", folder]
    assert with_ray_default(["--", "--ray"]) == ["--", "--ray"]
