"""Readers: sources (text, HTML and JSON Lines files, folders, stdin) to Documents (inputs.py).

The names below are loaded on first use, so that a command that only queries the store (and the
date helpers it needs) does not load the HTML extractor and the language detector.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "read_inputs": "kroniek.read.inputs",
    "count_documents": "kroniek.read.inputs",
    "parse_date": "kroniek.read.dates",
    "detect_language": "kroniek.read.detect",
    "normalise_lang": "kroniek.read.detect",
}
__all__ = list(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'kroniek.read' has no attribute {name!r}")
    return getattr(import_module(_EXPORTS[name]), name)
