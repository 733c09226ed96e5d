"""The EU–Belarus corpus (../shared/corpus, read at run time) ingested and its IGOEUR→BLR series."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from kroniek.analysis import series, yoyo
from kroniek.cli import app
from kroniek.store import Store


@pytest.mark.slow
def test_the_eu_belarus_series_counts_every_dated_event_and_shows_the_2020_sanctions(shared_dir, tmp_path):
    corpus = shared_dir / "corpus" / "eu_belarus.jsonl"
    if not corpus.exists():
        pytest.skip(f"{corpus} not found: the EU–Belarus corpus is read from ../shared at run time")
    db = tmp_path / "eu_belarus.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with Store(db, read_only=True) as store:
        frame = series(store, "IGOEUR", "BLR", freq="year")
        records = store.events(dyad=("IGOEUR", "BLR"))
    directed = [r for r in records if r["source"]["code"].startswith("IGOEUR")]
    assert frame["events"].sum() == len(directed)  # every event has a date here, none is left out
    years = [int(p) for p in frame["period"]]
    assert years == list(range(years[0], years[-1] + 1))
    worst = frame.loc[frame["balance"].idxmin(), "period"]
    assert worst in ("2020", "2021")  # the post-election sanctions are the most conflictual years
    figures = yoyo(frame)
    assert figures["turning_points"] and figures["volatility"] is not None
