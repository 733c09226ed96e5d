"""Output files the store writes (Parquet exports): refused up front when writing them would lose
data or cannot work, and failures said on one line."""

from __future__ import annotations

from pathlib import Path

from kroniek.errors import Errors, KroniekError

# What DuckDB's and the OS's messages say, and the one line kroniek says instead.
_REASONS = (
    ("No space left on device", "no space left on device (the disk is full)"),
    ("Disk quota exceeded", "disk quota exceeded"),
    ("Permission denied", "permission denied"),
    ("Read-only file system", "read-only file system"),
    ("No such file or directory", "no such folder"),
    ("Is a directory", "is a folder; give a file name"),
)


def check_output(path: Path, overwrite: bool, database: Path | None = None) -> Path:
    """`path` when a file may be written there; KroniekError E020 when it is a folder, lies in a
    folder that does not exist, is the database itself, or exists and `overwrite` is not set."""
    def refuse(reason: str) -> KroniekError:
        return KroniekError(Errors.E020, path=str(path), reason=reason)

    if path.is_dir():
        raise refuse("is a folder; give a file name")
    parent = path.parent
    if not parent.is_dir():
        raise refuse(f"folder {parent} does not exist" if not parent.exists() else f"{parent} is not a folder")
    if database is not None and _same_file(path, database):
        raise refuse("is the database itself")
    if path.exists() and not overwrite:
        raise refuse("exists; pass --overwrite to replace it, or choose another name")
    return path


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return a.resolve() == b.resolve()


def output_error(message: str) -> str:
    """One line on why writing failed, from a DuckDB or OS error message."""
    for marker, reason in _REASONS:
        if marker in message:
            return reason
    first = message.splitlines()[0] if message else "write failed"
    return first.removeprefix("IO Error: ")
