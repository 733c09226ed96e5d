"""When a system event matches a gold event (../shared/eval/FORMAT.md), and the matching itself."""

from __future__ import annotations

LEVELS = ("root", "quad", "dyad")

# CAMEO's codes for the organisations whose gold keys are not a prefix of the system code.
IGO_ALIASES: dict[str, tuple[str, ...]] = {
    "IGOEUR": ("IGOEUREEC",),
    "IGONAT": ("IGOWSTNAT",),
    "IGOUNO": ("IGOUNO",),
}

ROOTS = tuple(f"{n:02d}" for n in range(1, 21))


def fold(text: str) -> str:
    """Whitespace runs to one space and case folded: the anchor comparison of FORMAT.md."""
    return " ".join(text.split()).casefold()


def quad_class(root: str | None) -> int | None:
    """CAMEO QuadClass of a root: 1 verbal, 2 material cooperation; 3 verbal, 4 material conflict."""
    if root not in ROOTS:
        return None
    n = int(root)
    return 1 if n <= 5 else 2 if n <= 8 else 3 if n <= 13 else 4


def code_acceptable(keys: list[str] | None, code: str | None) -> bool:
    """Whether an actor code starts with a gold key (or its IGO alias); no keys accept anything."""
    if not keys:
        return True
    if not code:
        return False
    return any(code.startswith(p) for key in keys for p in (key, *IGO_ALIASES.get(key, ())))


def actor_code(actor: dict | None) -> str | None:
    """The CAMEO code of a record's source or target, None when absent or unresolved."""
    return actor.get("code") if isinstance(actor, dict) else None


def system_root(record: dict) -> str:
    """The record's root, from `cameo` when `root` is absent."""
    return record.get("root") or (record.get("cameo") or "")[:2]


def level_ok(gold: dict, record: dict, level: str) -> bool:
    """Whether the system code is acceptable at `level`: root in `root`, same QuadClass, or any."""
    if level == "dyad":
        return True
    root = system_root(record)
    if level == "root":
        return root in gold["root"]
    quad = quad_class(root)
    return quad is not None and quad in {quad_class(r) for r in gold["root"]}


def edge_ok(gold: dict, record: dict, folded_sentence: str) -> bool:
    """Anchor in sentence and both actors acceptable: the level-independent part of an edge."""
    return (
        fold(gold["anchor"]) in folded_sentence
        and code_acceptable(gold["source"], actor_code(record.get("source")))
        and code_acceptable(gold.get("target"), actor_code(record.get("target")))
    )


def max_matching(adjacency: list[list[int]], n_right: int) -> list[int]:
    """Maximum bipartite matching by augmenting paths (Kuhn): each right vertex's left partner, or -1.

    Left vertices are tried in order, and a matched left vertex stays matched, so the matching is
    maximum for every prefix of the left vertices: put the ones that matter most first.
    """
    partner = [-1] * n_right

    def augment(left: int, seen: set[int]) -> bool:
        for right in adjacency[left]:
            if right in seen:
                continue
            seen.add(right)
            if partner[right] == -1 or augment(partner[right], seen):
                partner[right] = left
                return True
        return False

    for left in range(len(adjacency)):
        augment(left, set())
    return partner
