"""Gold articles: read from a folder and checked for everything scoring relies on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NoReturn

from kroniek.errors import Errors, KroniekError
from kroniek.evaluation.matching import ROOTS, fold


def load_gold(gold_dir: Path) -> list[dict]:
    """Every `*.json` gold article in `gold_dir`, sorted by file name; any invalid file raises E012."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise KroniekError(Errors.E015, path=str(gold_dir), reason="not a directory")
    paths = sorted(gold_dir.glob("*.json"))
    if not paths:
        raise KroniekError(Errors.E015, path=str(gold_dir), reason="no *.json gold articles")
    articles: list[dict] = []
    seen: dict[str, Path] = {}
    for path in paths:
        article = _read_gold(path)
        if article["id"] in seen:
            _invalid(path, f"id {article['id']!r} already used by {seen[article['id']].name}")
        seen[article["id"]] = path
        articles.append(article)
    return articles


def _invalid(path: Path, reason: str) -> NoReturn:
    raise KroniekError(Errors.E012, name=str(path), reason=reason)


def _read_gold(path: Path) -> dict:
    """One gold article, checked for what scoring relies on; `non_events` defaults to []."""
    try:
        article = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        _invalid(path, f"cannot read JSON ({exc})")
    if not isinstance(article, dict):
        _invalid(path, "not a JSON object")
    for key in ("id", "text"):
        if not isinstance(article.get(key), str) or not article[key]:
            _invalid(path, f"needs a non-empty string {key!r}")
    if not isinstance(article.get("events"), list):
        _invalid(path, "needs an 'events' list")
    article.setdefault("non_events", [])
    if not isinstance(article["non_events"], list):
        _invalid(path, "'non_events' must be a list")
    text = fold(article["text"])
    for i, event in enumerate(article["events"]):
        problem = _event_problem(event, text)
        if problem:
            _invalid(path, f"event {i}: {problem}")
    for i, item in enumerate(article["non_events"]):
        if not isinstance(item, dict) or not isinstance(item.get("anchor"), str) or not item["anchor"]:
            _invalid(path, f"non_event {i}: needs a non-empty string 'anchor'")
    return article


def _event_problem(event: Any, folded_text: str) -> str | None:
    """What makes a gold event unscorable, or None."""
    if not isinstance(event, dict):
        return "not a JSON object"
    anchor = event.get("anchor")
    if not isinstance(anchor, str) or not anchor.strip():
        return "needs a non-empty string 'anchor'"
    # An anchor missing from the text could never be matched and would silently count as FN.
    if fold(anchor) not in folded_text:
        return f"anchor {anchor!r} does not occur in the text"
    if not _is_codes(event.get("source")) or not event["source"]:
        return "'source' must be a non-empty list of actor keys"
    if event.get("target") is not None and not _is_codes(event["target"]):
        return "'target' must be a list of actor keys or null"
    roots = event.get("root")
    if not isinstance(roots, list) or not roots or any(r not in ROOTS for r in roots):
        return "'root' must be a non-empty list of CAMEO roots '01'..'20'"
    if not isinstance(event.get("cameo"), str) or event["cameo"][:2] not in ROOTS:
        return "'cameo' must be a CAMEO code"
    if not isinstance(event.get("optional", False), bool):
        return "'optional' must be true or false"
    return None


def _is_codes(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v for v in value)
