"""The actor scorer judges a gold mention by the system actor that overlaps it most, wherever that
actor stands in the resolver's list: not the first that touches it, not one that only borders it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from kroniek.evaluation.actors import HEADER, GoldMention, evaluate_mentions, judge
from kroniek.model import Actor, Document

TEXT = "De Belarussische oppositieleider Tsichanovskaja sprak in Vilnius met de Litouwse president."


def _at(text: str, *, nth: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(nth):
        start = TEXT.index(text, start + 1)
    return start, start + len(text)


def _actor(text: str, code: str | None, rule: str) -> Actor:
    start, end = _at(text)
    return Actor(text, start, end, code=code, rule=rule)


def _gold(mention: str, *codes: str) -> GoldMention:
    start, end = _at(mention)
    return GoldMention("a.txt", "2024-03-15", "nl", mention, 1, codes, "title+person", "m.tsv:2", start, end)


# the adjective alone resolved to the country, the whole phrase to the opposition
COUNTRY = _actor("De Belarussische", "BLR", "gazetteer:adjective")
OPPOSITION = _actor("Belarussische oppositieleider Tsichanovskaja", "BLROPP", "kb:person")
LEADER = _gold("Belarussische oppositieleider", "BLROPP")


def test_the_actor_overlapping_most_is_judged_not_the_first() -> None:
    # "De Belarussische" comes first and overlaps the mention by one word; the person by two
    result = judge(LEADER, [COUNTRY, OPPOSITION])
    assert (result.code, result.rule, result.correct) == ("BLROPP", "kb:person", True)


def test_the_order_of_the_resolvers_list_does_not_matter() -> None:
    assert judge(LEADER, [OPPOSITION, COUNTRY]).code == "BLROPP"
    wrong = replace(LEADER, codes=("BLR",))  # the country alone is not who the mention is
    assert not judge(wrong, [COUNTRY, OPPOSITION]).correct
    assert not judge(wrong, [OPPOSITION, COUNTRY]).correct


def test_an_actor_that_only_borders_the_mention_is_not_judged() -> None:
    # "Vilnius" ends where " met" begins: it touches no character of "met de Litouwse president"
    city = _actor("Vilnius", "LTU", "gazetteer:capital")
    president = _actor("de Litouwse president", "LTUGOV", "role")
    gold = _gold("Litouwse president", "LTUGOV")
    before = GoldMention("a.txt", "2024-03-15", "nl", "met", 1, ("LTUGOV",), "other", "m.tsv:4", *_at("met"))
    assert judge(gold, [city, president]).code == "LTUGOV"
    assert judge(before, [city, president]).code is None and not judge(before, [city, president]).correct


def test_the_report_counts_the_mention_right_when_a_lesser_overlap_comes_first(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    path = tmp_path / "m.tsv"
    rows = ["a.txt\t2024-03-15\tnl\tBelarussische oppositieleider\t1\tBLROPP\ttitle+person",
            "a.txt\t2024-03-15\tnl\tLitouwse president\t1\tLTUGOV\ttitle"]
    path.write_text("\n".join(["\t".join(HEADER), *rows]) + "\n", encoding="utf-8")
    actors = [COUNTRY, OPPOSITION, _actor("Vilnius", "LTU", "gazetteer:capital"),
              Actor("Litouwse", *_at("Litouwse"), code="LTU", rule="gazetteer:adjective"),
              _actor("de Litouwse president", "LTUGOV", "role")]

    def resolve(documents: list[Document]) -> dict[str, list[Actor]]:
        return {d.doc_id: actors for d in documents}

    report = evaluate_mentions([path], None, resolve)
    assert report.to_dict()["overall"] == {"mentions": 2, "correct": 2, "accuracy": 1.0}, report.format_table()

