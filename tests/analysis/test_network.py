"""Networks, top actors and dyads, and the event mix on the hand-written store of conftest.py."""

from __future__ import annotations

import pytest

from kroniek.analysis import event_mix, network, top_actors, top_dyads
from kroniek.errors import KroniekError


def _edges(frame) -> list[tuple]:
    return [(r.source, r.target, r.events, r.goldstein_sum, r.cooperative, r.conflictual) for r in frame.itertuples()]


def test_network_is_weighted_directed_edges_heaviest_first(store):
    # IGOEUREEC -> BLRGOV: e1 (-8, conflict), e4 (+4), e5 (+8), e10 (-2, undated), e11 (-2); e7 is negated
    assert _edges(network(store)) == [
        ("IGOEUREEC", "BLRGOV", 5, 0.0, 2, 3),
        ("BLRGOV", "IGOEUREEC", 1, -2.0, 0, 1),
        ("IGOEUREEC", "BLR", 1, -5.0, 0, 1),
        ("IGOEUREEC", "RUSGOV", 1, -2.0, 0, 1),
        ("IGOEUREECLEG", "BLRGOV", 1, 5.0, 1, 0),
        ("LTUGOV", "BLRGOV", 1, -2.0, 0, 1),
    ]
    assert network(store)["goldstein_mean"].iloc[0] == 0.0


def test_country_level_groups_countries_and_keeps_igo_codes(store):
    assert _edges(network(store, level="country")) == [
        ("IGOEUREEC", "BLR", 6, -5.0, 2, 4),
        ("BLR", "IGOEUREEC", 1, -2.0, 0, 1),
        ("IGOEUREEC", "RUS", 1, -2.0, 0, 1),
        ("IGOEUREECLEG", "BLR", 1, 5.0, 1, 0),
        ("LTU", "BLR", 1, -2.0, 0, 1),
    ]


def test_network_for_a_period_and_codes(store):
    # 2006: e4 (dated 2006, anchored on 1 January), e5, e6, e8, e9; the undated e10 is left out
    assert [(s, t, n) for s, t, n, *_ in _edges(network(store, since="2006", until="2006"))] == [
        ("IGOEUREEC", "BLRGOV", 2), ("IGOEUREEC", "RUSGOV", 1), ("IGOEUREECLEG", "BLRGOV", 1), ("LTUGOV", "BLRGOV", 1)]
    assert network(store, codes=["11"])["events"].sum() == 5  # e3, e8, e9, e10, e11
    assert network(store, actor="LTU")["source"].tolist() == ["LTUGOV"]


def test_top_actors_count_each_side_and_each_event_once(store):
    frame = top_actors(store, 3)
    assert [(r.actor, r.as_source, r.as_target, r.events, r.goldstein_sum) for r in frame.itertuples()] == [
        ("BLRGOV", 1, 7, 8, 1.0), ("IGOEUREEC", 7, 1, 8, -9.0), ("BLR", 0, 1, 1, -5.0)]
    assert top_actors(store, 1, level="country")[["actor", "events"]].values.tolist() == [["BLR", 9]]


def test_an_event_of_a_country_with_itself_counts_once(tmp_path, make_store):
    rows = [("x", "2021-01-04", "BLRCOP", "BLRCVL", "173", 4, -5.0, "2021-01-03", "day", "asserted"),
            ("x", "2021-01-04", "BLRGOV", None, "010", 1, 0.0, "2021-01-03", "day", "asserted")]
    with make_store(tmp_path / "self.duckdb", rows) as store:
        frame = top_actors(store, 5, level="country")
        assert frame.values.tolist() == [["BLR", 2, 1, 2, -5.0]]
        assert _edges(network(store, level="country")) == [("BLR", "BLR", 1, -5.0, 0, 1)]  # no target, no edge


def test_top_dyads_directed_and_undirected(store):
    assert top_dyads(store, 2)[["source", "target", "events"]].values.tolist() == [
        ["IGOEUREEC", "BLRGOV", 5], ["BLRGOV", "IGOEUREEC", 1]]
    pair = top_dyads(store, 1, directed=False)
    assert pair[["source", "target", "events", "goldstein_sum"]].values.tolist() == [["BLRGOV", "IGOEUREEC", 6, -2.0]]


def test_event_mix_by_root_with_names_and_shares(store):
    frame = event_mix(store, source="IGOEUR", target="BLR")
    assert frame[["root", "quad_class", "events"]].values.tolist() == [
        ["03", 1, 1], ["05", 1, 1], ["08", 2, 1], ["11", 3, 2], ["16", 4, 1], ["17", 4, 1]]
    assert frame.loc[frame["root"] == "11", "cameo_name"].item() == "Disapprove"
    assert frame.loc[frame["root"] == "11", "share"].item() == pytest.approx(2 / 7, abs=1e-6)
    assert event_mix(store, source="IGOEUR", target="BLR", directed=False)["events"].sum() == 8  # + e3


@pytest.mark.parametrize(("call", "kwargs"), [
    (network, {"level": "region"}),
    (top_actors, {"n": 0}),
    (top_dyads, {"since": "2020-13"}),
])  # fmt: skip
def test_bad_arguments_raise_one_line_errors(store, call, kwargs):
    with pytest.raises(KroniekError):
        call(store, **kwargs)
