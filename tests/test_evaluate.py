"""Scoring against gold articles (../shared/eval/FORMAT.md): matching, levels, optional events, report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kroniek.errors import Errors, KroniekError
from kroniek.evaluation import (
    code_acceptable,
    evaluate_dir,
    fold,
    load_gold,
    max_matching,
    quad_class,
    score,
)

TEXT = "De EU legt Rusland nieuwe sancties op.  De NAVO   veroordeelt de aanval. Rusland ontkent."


def gold_event(anchor: str, source: list[str], target: list[str] | None, roots: list[str], cameo: str,
               optional: bool = False) -> dict:
    return {"anchor": anchor, "source": source, "source_role": None, "target": target, "target_role": None,
            "root": roots, "cameo": cameo, "date": None, "optional": optional, "note": ""}


def article(events: list[dict], non_events: list[dict] | None = None, id_: str = "a1") -> dict:
    return {"id": id_, "url": None, "date": "2022-03-01", "lang": "nl", "title": "t", "text": TEXT,
            "events": events, "non_events": non_events or []}


def record(sentence: str, source: str | None, target: str | None, cameo: str,
           status: str = "asserted", rule: str = "nl:test") -> dict:
    return {
        "doc_id": "a1", "sentence_index": 0, "sentence": sentence,
        "source": {"code": source} if source else None,
        "target": {"code": target} if target else None,
        "cameo": cameo, "root": cameo[:2], "status": status, "evidence": {"rule": rule},
    }


SANCTIONS = gold_event("legt Rusland nieuwe sancties op", ["IGOEUR"], ["RUS"], ["16"], "163")
SANCTIONS_SENTENCE = "De EU legt Rusland nieuwe sancties op."


def levels(report) -> dict[str, tuple[int, int, int]]:
    return {level: (c.tp, c.fp, c.fn) for level, c in report.levels.items()}


def test_exact_match_is_tp_at_every_level() -> None:
    report = score([article([SANCTIONS])], {"a1": [record(SANCTIONS_SENTENCE, "IGOEUREEC", "RUSGOV", "163")]})
    assert levels(report) == {"root": (1, 0, 0), "quad": (1, 0, 0), "dyad": (1, 0, 0)}
    assert report.levels["root"].precision == report.levels["root"].recall == report.levels["root"].f1 == 1.0


def test_anchor_matches_with_whitespace_and_case_folded() -> None:
    gold = gold_event("de navo veroordeelt", ["IGONAT"], ["RUS"], ["11"], "111")
    sentence = "DE  NAVO\n veroordeelt de aanval."
    report = score([article([gold])], {"a1": [record(sentence, "IGOWSTNAT", "RUS", "111")]})
    assert levels(report)["root"] == (1, 0, 0)
    assert fold(" A\t\nB  c ") == "a b c"


def test_anchor_not_in_sentence_does_not_match() -> None:
    report = score([article([SANCTIONS])], {"a1": [record("Rusland ontkent.", "IGOEUREEC", "RUS", "163")]})
    assert levels(report)["dyad"] == (0, 1, 1)


def test_codes_match_by_prefix_and_igo_aliases() -> None:
    assert code_acceptable(["BLR"], "BLRGOV")
    assert code_acceptable(["BLR", "RUS"], "RUSMIL")
    assert not code_acceptable(["BLR"], "LTUGOV")
    assert code_acceptable(["IGOEUR"], "IGOEUREEC")
    assert code_acceptable(["IGONAT"], "IGOWSTNAT")
    assert code_acceptable(["IGONAT"], "IGOWSTNATMIL")
    assert code_acceptable(["IGOUNO"], "IGOUNO")
    assert not code_acceptable(["IGONAT"], "IGOEUREEC")
    assert not code_acceptable(["BLR"], None)


def test_wrong_actor_does_not_match() -> None:
    wrong_source = record(SANCTIONS_SENTENCE, "USAGOV", "RUS", "163")
    wrong_target = record(SANCTIONS_SENTENCE, "IGOEUREEC", "UKR", "163")
    report = score([article([SANCTIONS])], {"a1": [wrong_source, wrong_target]})
    assert levels(report)["dyad"] == (0, 2, 1)


def test_gold_without_target_accepts_any_target_but_gold_target_needs_one() -> None:
    no_target_gold = gold_event("Rusland ontkent", ["RUS"], None, ["01"], "016")
    report = score([article([no_target_gold])], {"a1": [record("Rusland ontkent.", "RUSGOV", "UKR", "016")]})
    assert levels(report)["root"] == (1, 0, 0)
    report = score([article([no_target_gold])], {"a1": [record("Rusland ontkent.", "RUSGOV", None, "016")]})
    assert levels(report)["root"] == (1, 0, 0)
    report = score([article([SANCTIONS])], {"a1": [record(SANCTIONS_SENTENCE, "IGOEUREEC", None, "163")]})
    assert levels(report)["dyad"] == (0, 1, 1)


def test_optional_gold_counts_neither_way() -> None:
    optional = gold_event("Rusland ontkent", ["RUS"], ["IGOEUR"], ["01"], "016", optional=True)
    found = score([article([optional])], {"a1": [record("Rusland ontkent.", "RUS", "IGOEUREEC", "016")]})
    assert levels(found)["root"] == (0, 0, 0)
    missed = score([article([optional])], {"a1": []})
    assert levels(missed)["root"] == (0, 0, 0)
    assert missed.missed == []


def test_optional_gold_never_takes_a_system_event_from_a_required_one() -> None:
    # Both gold events share the anchor sentence; the one system event must go to the required one.
    optional = dict(SANCTIONS, optional=True)
    report = score([article([optional, SANCTIONS])],
                   {"a1": [record(SANCTIONS_SENTENCE, "IGOEUREEC", "RUS", "163")]})
    assert levels(report)["root"] == (1, 0, 0)


def test_coordination_is_matched_one_to_one() -> None:
    sentence = "De EU en de VS leggen Rusland sancties op."
    eu = gold_event("leggen Rusland sancties op", ["IGOEUR"], ["RUS"], ["16"], "163")
    us = gold_event("leggen Rusland sancties op", ["USA", "IGOEUR"], ["RUS"], ["16"], "163")
    gold = [article([eu, us])]
    gold[0]["text"] = sentence
    # The first system event fits both gold events, the second only `us`: matching must pair them up.
    eu_event, us_event = record(sentence, "IGOEUREEC", "RUS", "163"), record(sentence, "USA", "RUS", "163")
    both = score(gold, {"a1": [eu_event, us_event]})
    assert levels(both)["root"] == (2, 0, 0)
    one = score(gold, {"a1": [record(sentence, "IGOEUREEC", "RUS", "163")]})
    assert levels(one)["root"] == (1, 0, 1)
    three = score(gold, {"a1": [record(sentence, "IGOEUREEC", "RUS", "163")] * 3})
    assert levels(three)["root"] == (2, 1, 0)


def test_wrong_root_in_same_quad_matches_at_quad_and_dyad() -> None:
    # 17 (coerce) and 16 (reduce relations) are both material conflict; 11 (disapprove) is verbal conflict.
    coerce, disapprove = (record(SANCTIONS_SENTENCE, "IGOEUREEC", "RUS", c) for c in ("172", "111"))
    same_quad = score([article([SANCTIONS])], {"a1": [coerce]})
    assert levels(same_quad) == {"root": (0, 1, 1), "quad": (1, 0, 0), "dyad": (1, 0, 0)}
    other_quad = score([article([SANCTIONS])], {"a1": [disapprove]})
    assert levels(other_quad) == {"root": (0, 1, 1), "quad": (0, 1, 1), "dyad": (1, 0, 0)}


def test_any_of_the_acceptable_roots_matches() -> None:
    gold = gold_event("legt Rusland nieuwe sancties op", ["IGOEUR"], ["RUS"], ["16", "17"], "163")
    report = score([article([gold])], {"a1": [record(SANCTIONS_SENTENCE, "IGOEUREEC", "RUS", "172")]})
    assert levels(report)["root"] == (1, 0, 0)


def test_quad_classes() -> None:
    roots = ("01", "05", "06", "08", "09", "13", "14", "20")
    assert [quad_class(r) for r in roots] == [1, 1, 2, 2, 3, 3, 4, 4]
    assert quad_class("21") is None and quad_class(None) is None


def test_non_asserted_system_events_are_ignored() -> None:
    records = [record(SANCTIONS_SENTENCE, "IGOEUREEC", "RUS", "163", status=s)
               for s in ("negated", "hypothetical", "demanded", "reported")]
    report = score([article([SANCTIONS])], {"a1": records})
    assert levels(report)["dyad"] == (0, 0, 1)


def test_non_event_hits_are_reported() -> None:
    non_events = [{"anchor": "rusland ONTKENT", "reason": "denial, not an event here"}]
    records = [record("Rusland ontkent.", "RUS", None, "016"),
               record("Rusland ontkent.", "RUS", None, "016", status="negated"),
               record(SANCTIONS_SENTENCE, "IGOEUREEC", "RUS", "163")]
    report = score([article([SANCTIONS], non_events)], {"a1": records})
    assert [(h.article, h.anchor) for h in report.non_event_hits] == [("a1", "rusland ONTKENT")]
    assert report.non_event_hits[0].event == "RUS 016 - (nl:test)"
    assert "non-event sentences: 1" in report.format_table()
    assert not report.non_event_hits[0].matches_gold and "matched to a gold" not in report.format_table()


def test_a_non_event_hit_that_is_a_gold_event_of_the_same_sentence_says_so() -> None:
    # the sentence holds an (optional) gold event and a non-event: coding the gold event is a hit too
    denial = gold_event("Rusland ontkent", ["RUS"], None, ["01"], "016", optional=True)
    non_events = [{"anchor": "rusland ONTKENT", "reason": "denial, not an event here"}]
    report = score([article([SANCTIONS, denial], non_events)], {"a1": [record("Rusland ontkent.", "RUS", None, "016")]})
    assert [h.matches_gold for h in report.non_event_hits] == [True]
    assert "non-event sentences: 1 (1 of them matched to a gold event of the same sentence)" in report.format_table()


def test_per_root_counts_and_error_lists() -> None:
    nato = gold_event("De NAVO veroordeelt de aanval", ["IGONAT"], ["RUS"], ["11"], "111")
    records = [record(SANCTIONS_SENTENCE, "IGOEUREEC", "RUS", "163"),
               record("Rusland ontkent.", "RUS", "UKR", "016", rule="nl:ontkennen")]
    report = score([article([SANCTIONS, nato])], {"a1": records})
    roots = {root: (c.tp, c.fp, c.fn) for root, c in report.roots.items()}
    assert roots == {"16": (1, 0, 0), "11": (0, 0, 1), "01": (0, 1, 0)}
    assert report.roots["16"].f1 == 1.0 and report.roots["11"].recall == 0.0
    assert [(m.anchor, m.cameo, m.source, m.target) for m in report.missed] == [
        ("De NAVO veroordeelt de aanval", "111", "IGONAT", "RUS")]
    assert [(f.source, f.target, f.cameo, f.rule) for f in report.false_positives] == [
        ("RUS", "UKR", "016", "nl:ontkennen")]
    assert [tuple(row) for row in report.articles] == [("a1", 1, 1, 1)]


def test_totals_are_summed_over_articles() -> None:
    a1, a2 = article([SANCTIONS], id_="a1"), article([SANCTIONS], id_="a2")
    report = score([a1, a2], {"a1": [record(SANCTIONS_SENTENCE, "IGOEUREEC", "RUS", "163")],
                              "a2": [record("Rusland ontkent.", "RUS", None, "016")],
                              "not-gold": [record(SANCTIONS_SENTENCE, "IGOEUREEC", "RUS", "163")]})
    assert levels(report)["root"] == (1, 1, 1)
    assert report.levels["root"].precision == report.levels["root"].recall == 0.5


def test_undefined_scores_are_zero() -> None:
    report = score([article([])], {})
    assert report.levels["root"].to_dict() == {"tp": 0, "fp": 0, "fn": 0, "precision": 0.0,
                                               "recall": 0.0, "f1": 0.0}


def test_max_matching_finds_augmenting_paths() -> None:
    # Greedy would give left 0 the right vertex 0 and leave left 1 unmatched.
    assert max_matching([[0, 1], [0]], 2) == [1, 0]


def test_report_to_dict_is_json_ready_and_table_lists_everything() -> None:
    report = score([article([SANCTIONS])], {"a1": [record(SANCTIONS_SENTENCE, "IGOEUREEC", "RUS", "172")]})
    data = json.loads(json.dumps(report.to_dict()))
    assert data["levels"]["quad"]["tp"] == 1 and data["roots"]["17"]["fp"] == 1
    assert data["false_positives"][0]["cameo"] == "172"
    table = report.format_table()
    for word in ("root", "quad", "dyad", "16", "17", "a1"):
        assert word in table
    summary = report.format_table(summary=True)
    assert "dyad" in summary and "17" in summary
    assert "a1" not in summary and "non-event" not in summary  # a score-only set shows no article


def write_gold(folder: Path, name: str, content: str) -> Path:
    path = folder / name
    path.write_text(content, encoding="utf-8")
    return path


def test_load_gold_reads_sorted_and_evaluate_dir_scores(tmp_path: Path) -> None:
    write_gold(tmp_path, "b.json", json.dumps(article([SANCTIONS], id_="b")))
    write_gold(tmp_path, "a.json", json.dumps(article([SANCTIONS], id_="a")))
    write_gold(tmp_path, "notes.txt", "not gold")
    assert [a["id"] for a in load_gold(tmp_path)] == ["a", "b"]
    seen: list[str] = []

    def analyze(gold_article: dict) -> list[dict]:
        seen.append(gold_article["id"])
        return [record(SANCTIONS_SENTENCE, "IGOEUREEC", "RUS", "163")] if gold_article["id"] == "a" else []

    report = evaluate_dir(tmp_path, analyze)
    assert seen == ["a", "b"]
    assert levels(report)["root"] == (1, 0, 1)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "cannot read JSON"),
        ("[]", "not a JSON object"),
        (json.dumps({"id": "x", "text": TEXT}), "'events'"),
        (json.dumps(article([gold_event("elders", ["RUS"], None, ["01"], "010")])), "does not occur"),
        (json.dumps(article([gold_event("Rusland ontkent", [], None, ["01"], "010")])), "'source'"),
        (json.dumps(article([gold_event("Rusland ontkent", ["RUS"], None, ["1"], "010")])), "'root'"),
    ],
)
def test_malformed_gold_raises_e012_naming_the_file(tmp_path: Path, content: str, reason: str) -> None:
    write_gold(tmp_path, "broken.json", content)
    with pytest.raises(KroniekError) as info:
        load_gold(tmp_path)
    assert info.value.error is Errors.E012
    assert "broken.json" in str(info.value) and reason in str(info.value)


def test_duplicate_gold_ids_are_rejected(tmp_path: Path) -> None:
    write_gold(tmp_path, "a.json", json.dumps(article([], id_="same")))
    write_gold(tmp_path, "b.json", json.dumps(article([], id_="same")))
    with pytest.raises(KroniekError, match="already used by a.json"):
        load_gold(tmp_path)


def test_empty_or_missing_gold_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(KroniekError, match="no \\*.json"):
        load_gold(tmp_path)
    with pytest.raises(KroniekError, match="not a directory"):
        load_gold(tmp_path / "missing")


def perfect_records(gold_article: dict) -> list[dict]:
    """What a perfect coder would output: one record per non-optional gold event, its anchor as sentence."""
    out = []
    for event in gold_article["events"]:
        if event["optional"]:
            continue
        target = event["target"][0] + (event["target_role"] or "") if event["target"] else None
        out.append(record(event["anchor"], event["source"][0] + (event["source_role"] or ""), target,
                          event["cameo"]))
    return out


def test_real_gold_scored_against_itself_is_perfect(shared_dir: Path) -> None:
    gold = load_gold(shared_dir / "eval" / "dev")
    assert gold and all(a["events"] for a in gold)
    report = score(gold, {a["id"]: perfect_records(a) for a in gold})
    for level, counts in report.levels.items():
        assert counts.tp > 0, level
        assert (counts.precision, counts.recall) == (1.0, 1.0), level
    assert report.missed == [] and report.false_positives == []
