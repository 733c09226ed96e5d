"""The argument ranker: a statistical fallback for a trigger whose argument slots found no side.

When a pattern's conditions hold but its slots name no source or no target (the parse hung the
phrase elsewhere, the subject stands after a fronted phrase, ...), each actor of the sentence is a
candidate for the missing side. A logistic model scores every candidate (source, target) pair from
features of where the actors stand relative to the trigger (before or after it, how far, in its own
clause or another, their dependency label and preposition, what kind of actor they are) and fires the
best pair when its probability reaches the model's threshold. The model is trained on the annotated
training articles by training/train_ranker.py (make ranker) and shipped as events/data/ranker.LANG.json;
without that file the coder runs on its rules alone.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from kroniek.events import clause
from kroniek.model import Actor

DATA = Path(__file__).parent / "data"


def _bucket(distance: int) -> str:
    return "1" if distance <= 1 else "2-3" if distance <= 3 else "4-6" if distance <= 6 else "7-12" if (
        distance <= 12) else "far"


def _kind(actor: Actor) -> str:
    rule = (actor.rule or "").split(":")[0]
    if actor.place_kind:
        return f"place-{actor.place_kind}"
    return rule.split("+")[0] or "none"


def side_features(name: str, actor: Actor, anchor: Token, own_clause: frozenset[int]) -> list[str]:
    """Where one candidate stands relative to the trigger and what it is."""
    doc = anchor.doc
    head = doc[actor.head]
    before = actor.tokens[1] <= anchor.i
    distance = anchor.i - actor.tokens[1] + 1 if before else actor.tokens[0] - anchor.i
    prep = clause.preposition(head) or "none"
    side = "before" if before else "after"
    role = (actor.code or "")[3:6] or "country"
    dep = head.dep_.split(":")[0]
    return [
        f"{name}:side={side}",
        f"{name}:dist={_bucket(distance)}",
        f"{name}:side_dist={side}_{_bucket(distance)}",
        f"{name}:dep={dep}",
        f"{name}:dep_side={dep}_{side}",
        f"{name}:prep={prep}",
        f"{name}:prep_side={prep}_{side}",
        f"{name}:clause={'own' if actor.head in own_clause else 'other'}",
        f"{name}:child={'yes' if head.head == anchor else 'no'}",
        f"{name}:kind={_kind(actor)}",
        f"{name}:role={role}",
    ]


def _expected(actor: Actor, anchor: Token, slots: tuple[str, ...]) -> str:
    """Whether the candidate stands where the pattern's slots look, though the parse hung it elsewhere:
    in a phrase of a preposition the slots name, or as a bare noun phrase where they name an object."""
    head = anchor.doc[actor.head]
    prep = clause.preposition(head)
    wanted = {s.rstrip("*").removeprefix("obj.") for s in slots}
    if prep is not None:
        return "prep" if prep in wanted else "other-prep"
    if "obj" in wanted or "iobj" in wanted:
        return "bare-obj" if actor.head > anchor.i else "bare-before"
    if "subj" in wanted:
        return "bare-subj" if actor.head < anchor.i else "bare-after"
    return "bare"


def _rank_in_order(actor: Actor, anchor: Token, others: list[Actor]) -> str:
    """The nearest candidate before the trigger, the first after it, or another."""
    before = [a for a in others if a.tokens[1] <= anchor.i]
    after = [a for a in others if a.tokens[0] > anchor.i]
    if before and actor is max(before, key=lambda a: a.head):
        return "nearest-before"
    if after and actor is min(after, key=lambda a: a.head):
        return "first-after"
    if before and actor is min(before, key=lambda a: a.head):
        return "first-in-sentence"
    return "other"


def pair_features(anchor: Token, root: str, is_noun: bool, source: Actor, target: Actor,
                  own_clause: frozenset[int], slot_source: bool, slot_target: bool,
                  source_slots: tuple[str, ...] = (), target_slots: tuple[str, ...] = (),
                  candidates: list[Actor] | None = None) -> list[str]:
    """The features of one candidate pair for a trigger of CAMEO root `root`; `slot_*`: the rules'
    slots found that side; `*_slots`: where the pattern looks for each side; `candidates`: all the
    sentence's actors."""
    others = candidates or [source, target]
    features = [
        f"s:expected={_expected(source, anchor, source_slots)}",
        f"t:expected={_expected(target, anchor, target_slots)}",
        f"s:order={_rank_in_order(source, anchor, others)}",
        f"t:order={_rank_in_order(target, anchor, others)}",
        "bias",
        f"pos={'noun' if is_noun else 'verb'}",
        f"root={root}",
        f"slots={'source' if slot_source else ''}{'target' if slot_target else ''}",
        f"same_country={(source.code or '')[:3] == (target.code or '')[:3]}",
        f"order={'source_first' if source.head < target.head else 'target_first'}",
    ]
    features += side_features("s", source, anchor, own_clause)
    features += side_features("t", target, anchor, own_clause)
    features += [f"root_{f}" for f in (f"{root}_s:side={'before' if source.head < anchor.i else 'after'}",
                                       f"{root}_t:prep={clause.preposition(anchor.doc[target.head]) or 'none'}")]
    return features


@dataclass(frozen=True)
class RankerModel:
    weights: dict[str, float]
    threshold: float
    info: dict

    def probability(self, features: list[str]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=4)
def load_ranker(lang: str, data_dir: Path = DATA) -> RankerModel | None:
    """The trained ranker of a language, or None where none is shipped."""
    path = data_dir / f"ranker.{lang}.json"
    if not path.exists():
        return None
    raw = json.loads(path.read_text(encoding="utf-8"))
    return RankerModel(raw["weights"], float(raw["threshold"]), raw.get("info", {}))
