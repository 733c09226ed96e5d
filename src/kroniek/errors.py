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
    E009 = "invalid date {value!r}: use YYYY-MM-DD (or YYYY-MM, YYYY, an ISO timestamp)"
    E010 = "no pipeline for language {lang!r}: {reason}"
    E011 = "HTML page has no main text"
    E012 = "gold article {name}: {reason}"
    E013 = "unsupported file type {suffix!r} (use .txt, .html, .htm or .jsonl)"
    E014 = "database {path}: {reason}"
    E015 = "gold folder {path}: {reason}"
    E016 = "too long for one document: {chars} characters (limit {limit}); split it into articles"
    E017 = "actor mentions {name}: {reason}"
    E018 = "line {line}: duplicate id {doc_id!r} (already read from {first}); ids must be unique in a batch"
    E019 = "cannot tell the language ({reason}); name it: nl or en (--lang, lang=)"
    E020 = "cannot write {path}: {reason}"
    E021 = "line {line}: too large: {size} bytes (limit {limit}); split it or raise --max-bytes"
    E022 = "unknown language {lang!r}: use nl, en or auto"
    E023 = "invalid {name} {value!r}: {reason}"
    E024 = "cannot fetch: {reason}"
    E025 = "robots.txt of {host} does not allow kroniek to fetch it"
    E026 = "not an RSS or Atom feed: {reason}"
    E027 = ("unsupported content type {content_type!r} (an HTML page or plain text is expected;"
            " give a feed to --feed)")
    # 030-039: coding on several processes or a Ray cluster (kroniek.scale)
    E030 = "could not be coded: {reason}"
    E031 = "{runner} stopped: {reason}"
    E032 = "--ray needs the ray package: pip install 'kroniek[ray]'"
    E033 = "Ray cluster {address}: {reason}"


class Warnings(StrEnum):
    """Things a user should know that do not stop a document: printed once, the exit status stays 0."""

    W001 = "encoding repaired: {detail}"
    W002 = ("{count} document(s) without a date ({names}): their events are undated and left out by "
            "--since/--until; pass --date")
    W003 = "{count} undated event(s) left out by --since/--until"
    W004 = "{count} event(s) dated less precisely than one {unit} left out of the series; a coarser --freq counts them"
    W005 = "{count} event(s) without any date (neither their own nor a publication date) left out of the series"


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

    def __reduce__(self) -> tuple:
        # pickled whole (code, input, values), so an error a worker process meets is reported as it was
        return _rebuild, (type(self), self.error, self.where, self.values)


class InputError(KroniekError):
    """A document that could not be read; reported on one line, the batch goes on."""


def _rebuild(kind: type[KroniekError], error: Errors, where: str | None, values: dict) -> KroniekError:
    return kind(error, where, **values)


def warning_line(warning: Warnings, where: str | None = None, **values: object) -> str:
    """One warning line, in the same shape as an error: where, what, and its code."""
    prefix = f"{where}: " if where else ""
    return f"warning: {prefix}{warning.value.format(**values)} [{warning.name}]"
