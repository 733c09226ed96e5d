"""Shared fixtures: the read-only ../shared folder (seed article, gold articles, open data), and
hand-written parses for the resolver and coder rules: a tree as the current UD Dutch scheme has it
(or as parsers get it wrong), coded without any parser, so that a rule is tested apart from one model."""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, Span

from kroniek.actors.kb import default_kb
from kroniek.actors.resolve import ActorResolver, DocActors
from kroniek.events.code import EventCoder
from kroniek.events.ontology import default_ontology
from kroniek.events.patterns import load_patterns
from kroniek.model import Event

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KRONIEK_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ../shared folder; tests that need it skip with a clear message when it is absent."""
    if not (SHARED / "seed" / "belarus_nl.txt").exists():
        pytest.skip(f"../shared not found at {SHARED} (set KRONIEK_SHARED): seed and gold articles are read from there")
    return SHARED


@lru_cache(maxsize=1)
def _dutch():
    """One Dutch vocabulary (its lexical attributes: numbers, punctuation) and the resolver over it."""
    vocab = spacy.blank("nl").vocab
    return vocab, ActorResolver(default_kb(), "nl", vocab), EventCoder(load_patterns("nl"), default_ontology())


def make_tree(rows: str, ents: tuple[tuple[int, int, str], ...] = ()) -> Doc:
    """A parsed Doc from CoNLL-like rows `word lemma POS deprel head [feats]` (heads counted from 1,
    0 for the root), with named entities as (first token, last token + 1, label)."""
    cells = [line.split() for line in rows.strip().splitlines()]
    doc = Doc(
        _dutch()[0], words=[c[0] for c in cells], lemmas=[c[1] for c in cells], pos=[c[2] for c in cells],
        deps=["ROOT" if c[3] == "root" else c[3] for c in cells],
        heads=[int(c[4]) - 1 if int(c[4]) else i for i, c in enumerate(cells)],
        morphs=[c[5] if len(c) > 5 else "" for c in cells],
    )
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return doc


def resolve_tree(rows: str, ents: tuple[tuple[int, int, str], ...] = (), date: str = "2024-03-15") -> DocActors:
    """The actors the resolver finds in a hand-parsed Dutch sentence."""
    _, resolver, _ = _dutch()
    return resolver(make_tree(rows, ents), date)


def code_tree(rows: str, ents: tuple[tuple[int, int, str], ...] = (), date: str = "2024-03-15") -> list[Event]:
    """The events the coder finds in a hand-parsed Dutch sentence."""
    _, resolver, coder = _dutch()
    doc = make_tree(rows, ents)
    return coder(doc, resolver(doc, date), "tree", date).events


@pytest.fixture
def tree() -> Callable[..., Doc]:
    return make_tree


@pytest.fixture
def coded() -> Callable[..., list[Event]]:
    return code_tree


@pytest.fixture
def resolved() -> Callable[..., DocActors]:
    return resolve_tree
