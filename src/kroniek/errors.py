"""Every user-facing error in one place, each with a stable code, so messages stay consistent.

An input error names the input and the problem on one line; the batch it belongs to goes on.
"""

from __future__ import annotations

from enum import StrEnum


class Errors(StrEnum):
    E001 = "file not found"
    E002 = "cannot read: {reason}"
    E003 = "binary file, not text"
    E004 = "empty document (no text)"
    E005 = "undecodable bytes: no text encoding fits"
    E006 = "line {line}: malformed JSON ({reason})"
    E007 = "line {line}: article needs {field}"
    E008 = "too large: {size} bytes (limit {limit}); split it or raise --max-bytes"
    E009 = "invalid date {value!r}: use YYYY-MM-DD"
    E010 = "no pipeline for language {lang!r}: {reason}"
    E011 = "HTML page has no main text"
    E012 = "gold article {name}: {reason}"
    E013 = "unsupported file type {suffix!r} (use .txt, .html, .htm or .jsonl)"
    E014 = "database {path}: {reason}"
    E015 = "gold folder {path}: {reason}"
    E016 = "too long for one document: {chars} characters (limit {limit}); split it into articles"
    E017 = "actor mentions {name}: {reason}"


class KroniekError(Exception):
    """An error a user can act on: a code, the input it concerns, and one line of explanation."""

    def __init__(self, error: Errors, where: str | None = None, **values: object) -> None:
        self.error = error
        self.where = where
        self.values = values
        self.message = error.value.format(**values)
        super().__init__(str(self))

    def __str__(self) -> str:
        prefix = f"{self.where}: " if self.where else ""
        return f"{prefix}{self.message} [{self.error.name}]"


class InputError(KroniekError):
    """A document that could not be read; reported on one line, the batch goes on."""
