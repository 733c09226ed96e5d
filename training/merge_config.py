"""Lay a variant's sections over a training config and write the whole config spaCy's CLI reads.

Variants are kept as what they change, not as copies of `nl.cfg`:

    python training/merge_config.py training/nl.cfg training/variants/pretraining.cfg OUT.cfg

Sections and settings of the variant replace or extend those of the base, in the base's order (new
ones after); everything else is the base's.
"""

from __future__ import annotations

import sys
from pathlib import Path

from thinc.api import Config


def merge_config(base: Path, variant: Path) -> Config:
    base_config = Config().from_disk(base, interpolate=False)
    return Config(_merged(base_config, Config().from_disk(variant, interpolate=False)))


def _merged(base: dict, update: dict) -> dict:
    merged = dict(base)
    for key, value in update.items():
        both_sections = isinstance(value, dict) and isinstance(base.get(key), dict)
        merged[key] = _merged(base[key], value) if both_sections else value
    return merged


def main() -> None:
    if len(sys.argv) != 4:
        sys.exit("usage: merge_config.py BASE.cfg VARIANT.cfg OUT.cfg")
    out = Path(sys.argv[3])
    out.parent.mkdir(parents=True, exist_ok=True)
    merge_config(Path(sys.argv[1]), Path(sys.argv[2])).to_disk(out)
    print(f"{out}: {sys.argv[1]} with {sys.argv[2]}")


if __name__ == "__main__":
    main()
