"""`--ray [ADDRESS]`: an option whose value may be left out (then "auto"), which Typer cannot declare."""

from __future__ import annotations

from pathlib import Path

import click
from typer.core import TyperCommand

RAY_OPTION = "--ray"
RAY_DEFAULT = "auto"  # RAY_ADDRESS, or the cluster this machine belongs to


class OptionalRayAddress(TyperCommand):
    """A command whose bare `--ray` means `--ray=auto`: when it ends the line, or the next word is an
    option or a file or folder that exists (`kroniek ingest --ray news/`)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, with_ray_default(args))


def with_ray_default(args: list[str]) -> list[str]:
    out: list[str] = []
    for i, arg in enumerate(args):
        if arg == "--":
            return out + args[i:]
        following = args[i + 1] if i + 1 < len(args) else None
        if arg == RAY_OPTION and (following is None or following.startswith("-") or Path(following).exists()):
            arg = f"{RAY_OPTION}={RAY_DEFAULT}"
        out.append(arg)
    return out
