"""The corpus fixture of tests/scale; the corpus itself is in scale_corpus.py (a name of its own,
so that no other folder's conftest is imported in its place)."""

from scale_corpus import corpus  # noqa: F401
