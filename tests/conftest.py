"""Shared fixtures: the read-only ../shared folder (seed article, gold articles, open data)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KRONIEK_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ../shared folder; tests that need it skip with a clear message when it is absent."""
    if not (SHARED / "seed" / "belarus_nl.txt").exists():
        pytest.skip(f"../shared not found at {SHARED} (set KRONIEK_SHARED): seed and gold articles are read from there")
    return SHARED
