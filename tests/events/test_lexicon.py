"""The event lexicon (events/data/lexicon): every table reads, its rows are sound, and the example
sentences written for it (tests/events/lexicon_examples/LANG-NAME.tsv) are coded as they say, through
the whole pipeline of their language."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from kroniek.events.lexicon import COLUMNS, LexiconError, read_entries
from kroniek.events.patterns import load_patterns
from kroniek.model import Document
from kroniek.nlp.registry import unavailable
from kroniek.pipeline import Analyzer


@cache
def bare_statement_analyzer() -> Analyzer:
    """An analyzer that codes CAMEO's residual statements (010) too, which kroniek leaves out by
    default: the rows for them are tested as written."""
    return Analyzer(bare_statements=True)


LANGS = ("nl", "en")
EXAMPLES = Path(__file__).parent / "lexicon_examples"
EXAMPLE_COLUMNS = ("sentence", "code", "source", "target", "known_failure")


@pytest.mark.parametrize("lang", LANGS)
def test_every_row_reads_and_compiles(lang: str) -> None:
    entries = read_entries(lang)
    patterns = [p for p in load_patterns(lang).patterns if p.origin != "patterns"]
    assert len(patterns) == len(entries)


@pytest.mark.parametrize("lang", LANGS)
def test_no_row_is_written_twice(lang: str) -> None:
    seen: dict[tuple, str] = {}
    for e in read_entries(lang):
        key = (e.word, e.pos, e.code, e.obj, e.prep, e.unless)
        assert key not in seen, f"{e.file}:{e.line} repeats {seen.get(key)}"
        seen[key] = f"{e.file}:{e.line}"


def test_a_bad_row_names_its_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "lexicon" / "nl").mkdir(parents=True)
    for name in ("frames.nl.yaml",):
        (tmp_path / name).write_text("trans:\n  source: [subj]\n  target: [obj]\n", encoding="utf-8")
    table = tmp_path / "lexicon" / "nl" / "17.tsv"
    header = "\t".join(COLUMNS)
    table.write_text(f"{header}\narresteren\tverb\t173\ttrans\t\t\t\tcodebook\tarrest\n"
                     f"oppakken\tverb\t999\ttrans\t\t\t\tcodebook\tarrest\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"17\.tsv:3: '999' is no CAMEO code"):
        read_entries("nl", tmp_path)
    table.write_text(f"{header}\narresteren\tverb\t173\tnope\t\t\t\tcodebook\tarrest\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"17\.tsv:2: unknown frame 'nope'"):
        read_entries("nl", tmp_path)
    table.write_text(f"{header}\narresteren\tverb\t173\ttrans\t@nothing\t\t\tcodebook\tarrest\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"17\.tsv:2: unknown word class '@nothing'"):
        read_entries("nl", tmp_path)
    table.write_text(f"{header}\narresteren\tverb\t173\ttrans\t\t\t\t\tarrest\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="origin"):
        read_entries("nl", tmp_path)


def _example_files() -> list[Path]:
    return sorted(EXAMPLES.glob("*.tsv"))


def _rows(path: Path) -> list[dict]:
    lines = [line.rstrip("\n") for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    assert tuple(lines[0].split("\t")) == EXAMPLE_COLUMNS, path.name
    rows = []
    for line in lines[1:]:
        cells = line.split("\t")
        rows.append(dict(zip(EXAMPLE_COLUMNS, [*cells, *[""] * (len(EXAMPLE_COLUMNS) - len(cells))], strict=True)))
    return rows


@cache
def _coded(path: Path) -> list[set[tuple[str, str, str]]]:
    """Each example's asserted events as (code, source, target), the file coded in one batch."""
    lang = path.name.split("-", 1)[0]
    rows = _rows(path)
    documents = [Document(doc_id=f"{path.stem}:{i}", text=r["sentence"], date="2024-03-15", lang=lang)
                 for i, r in enumerate(rows)]
    return [{(e.cameo, e.source.code or "", e.target.code if e.target else "")
             for e in result.events if e.status == "asserted"}
            for result in bare_statement_analyzer().analyze(documents)]


def _example_cases() -> list:
    cases = []
    for path in _example_files():
        lang = path.name.split("-", 1)[0]
        missing = unavailable(lang)
        for i, row in enumerate(_rows(path)):
            marks = [pytest.mark.skip(reason=missing)] if missing else []
            if row["known_failure"]:
                marks.append(pytest.mark.xfail(reason=row["known_failure"], strict=True))
            cases.append(pytest.param(path, i, row, id=f"{path.stem}:{i + 2}", marks=marks))
    return cases


@pytest.mark.parametrize(("path", "index", "row"), _example_cases())
def test_example_is_coded(path: Path, index: int, row: dict) -> None:
    coded = _coded(path)[index]
    wanted = [(code, source, target) for code, source, target in coded
              if code == row["code"] and source.startswith(row["source"]) and target.startswith(row["target"])]
    assert wanted, f"{row['sentence']!r}: wanted {row['code']} {row['source']}->{row['target']}, got {sorted(coded)}"


def test_the_yaml_reader_reads_plain_data_only(tmp_path: Path) -> None:
    from kroniek.yamlfile import read_yaml

    path = tmp_path / "x.yaml"
    path.write_text("a: [1, twee]\n", encoding="utf-8")
    assert read_yaml(path) == {"a": [1, "twee"]}
    path.write_text("a: !!python/object/apply:os.system ['true']\n", encoding="utf-8")
    with pytest.raises(Exception, match="could not determine a constructor|constructor"):
        read_yaml(path)
