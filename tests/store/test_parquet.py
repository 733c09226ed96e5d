"""Parquet exports keep every field and never overwrite, fail or leave a partial file silently."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from kroniek.errors import Errors, KroniekError
from kroniek.export.formats import COLUMNS, EXTRA_COLUMNS
from kroniek.store import Store
from kroniek.store.turns import turn_file


@pytest.fixture
def store(tmp_path: Path, doc, actors, make_event) -> Iterator[Store]:
    extra = {"date_source": "text", "status_reason": "told by its own side", "location_source": "geonames:593116"}
    with Store(tmp_path / "export.duckdb") as store:
        store.ingest(doc, actors, [make_event(extra=extra), make_event(sentence_index=1, extra={})])
        yield store


def _refused(store: Store, path: Path, **options) -> str:
    with pytest.raises(KroniekError) as info:
        store.export_parquet(path, **options)
    assert info.value.error is Errors.E020 and "\n" not in str(info.value)
    return str(info.value)


def test_parquet_keeps_kroniek_s_own_fields(store, tmp_path):
    out = tmp_path / "events.parquet"
    assert store.export_parquet(out, status=None) == 2
    rel = duckdb.connect().execute("SELECT * FROM read_parquet(?) ORDER BY sentence_index", [str(out)])
    names = [d[0] for d in rel.description]
    assert tuple(names) == COLUMNS + EXTRA_COLUMNS
    first, second = (dict(zip(names, row, strict=True)) for row in rel.fetchall())
    assert (first["date_source"], first["status_reason"], first["location_source"]) == (
        "text", "told by its own side", "geonames:593116")
    assert second["date_source"] is None and first["date_precision"] == "day"


def test_an_existing_file_is_not_overwritten_unless_asked(store, tmp_path):
    out = tmp_path / "events.parquet"
    out.write_bytes(b"earlier work")
    message = _refused(store, out)
    assert message == f"cannot write {out}: exists; pass --overwrite to replace it, or choose another name [E020]"
    assert out.read_bytes() == b"earlier work"
    assert store.export_parquet(out, overwrite=True, status=None) == 2
    assert out.read_bytes()[:4] == b"PAR1"


def test_a_folder_a_missing_folder_and_the_database_are_refused(store, tmp_path):
    assert "is a folder" in _refused(store, tmp_path)
    assert f"folder {tmp_path / 'nergens'} does not exist" in _refused(store, tmp_path / "nergens" / "e.parquet")
    before = store.path.read_bytes()
    assert "is the database itself" in _refused(store, store.path, overwrite=True)
    assert store.path.read_bytes() == before and store.counts()["events"] == 2


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux) to stand for a full disk")
def test_a_full_disk_is_one_line(store):
    message = _refused(store, Path("/dev/full"), overwrite=True)
    assert message == "cannot write /dev/full: no space left on device (the disk is full) [E020]"


def test_a_failed_write_leaves_no_partial_file_and_the_earlier_one_whole(store, tmp_path, monkeypatch):
    out = tmp_path / "events.parquet"
    out.write_bytes(b"earlier work")

    def full_disk(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("kroniek.store.duckdb.os.replace", full_disk)  # the disk fills as the file is moved
    assert "no space left on device" in _refused(store, out, overwrite=True)
    assert out.read_bytes() == b"earlier work"
    left = sorted(p.name for p in tmp_path.iterdir() if p != turn_file(store.path))  # (the writers' turn file)
    assert left == ["events.parquet", "export.duckdb"]


def test_a_field_of_any_name_is_its_own_parquet_column(tmp_path, doc, make_event):
    """A record field whose name holds a quote, a backslash, a dot or a slash (or is empty) was spliced
    into the export's SQL and failed the whole export (found by the fuzz suite)."""
    odd = {'zei "nee"': "a", "c:\\pad": "b", "a.b": "c", "x/y~z": {"n": 1}, "": "e"}
    with Store(tmp_path / "odd.duckdb") as store:
        store.ingest(doc, [], [make_event(extra=odd)])
        out = tmp_path / "events.parquet"
        assert store.export_parquet(out) == 1
    rel = duckdb.connect().execute("SELECT * FROM read_parquet(?)", [str(out)])
    row = dict(zip([d[0] for d in rel.description], rel.fetchone(), strict=True))
    assert (row['zei "nee"'], row["c:\\pad"], row["a.b"], row["x/y~z"], row["_"]) == ("a", "b", "c", '{"n":1}', "e")
