"""The CAMEO event ontology: one row per event code, read from the bundled ``data/cameo.tsv``.

This module is the one place where a CAMEO code's root and QuadClass are derived; everything
else (names, Goldstein score, PLOVER type) is data, rebuilt by ``training/build_ontology.py``.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DEFAULT_PATH = Path(__file__).with_name("data") / "cameo.tsv"
COLUMNS = ("code", "root", "name_en", "name_nl", "quad_class", "goldstein", "plover_type", "plover_mode")

# A CAMEO event code is a two-digit root ("01".."20") followed by up to two more digits:
# "14" is the root category, "140" its residual code, "1411" a leaf.
_CODE = re.compile(r"(0[1-9]|1[0-9]|20)[0-9]{0,2}")

# QuadClass as CAMEO and GDELT define it, by root: the upper bound of each class's roots.
_QUAD_CLASS_BOUNDS = ((5, 1), (8, 2), (13, 3), (20, 4))


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code with its names, QuadClass, Goldstein score and PLOVER equivalent."""

    code: str
    root: str
    name_en: str
    name_nl: str
    quad_class: int
    goldstein: float
    plover_type: str | None
    plover_mode: str | None


class Ontology:
    """The CAMEO codes, looked up by their canonical zero-padded string ("010", "0841", "20")."""

    def __init__(self, codes: list[CameoCode]) -> None:
        self._codes = {c.code: c for c in codes}
        if len(self._codes) != len(codes):
            raise ValueError("duplicate CAMEO codes in the ontology table")

    @classmethod
    def load(cls, path: Path | None = None) -> Ontology:
        """Read a cameo.tsv (default: the one bundled with kroniek); '#' lines are comments."""
        path = path or DEFAULT_PATH
        with path.open(encoding="utf-8", newline="") as f:
            lines = [line for line in f if line.strip() and not line.startswith("#")]
        reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = set(COLUMNS) - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path}: missing columns {sorted(missing)}")
        codes = []
        for n, row in enumerate(reader, start=2):
            try:
                codes.append(_parse_row(row))
            except ValueError as e:
                raise ValueError(f"{path}: data row {n}: {e}") from None
        return cls(codes)

    def get(self, code: str) -> CameoCode:
        """The entry for a code; KeyError naming the code when CAMEO has no such code."""
        try:
            return self._codes[code]
        except KeyError:
            raise KeyError(
                f"unknown CAMEO event code {code!r} (codes are strings such as '010' or '0841')"
            ) from None

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __len__(self) -> int:
        return len(self._codes)

    def codes(self) -> list[CameoCode]:
        """All codes in table order (root category first, then its codes)."""
        return list(self._codes.values())

    @staticmethod
    def root_of(code: str) -> str:
        """The two-digit root of a code: "1042" -> "10", "075" -> "07", "20" -> "20"."""
        if not isinstance(code, str) or not _CODE.fullmatch(code):
            raise ValueError(
                f"not a CAMEO event code: {code!r} (expected a root 01-20 plus up to two digits)"
            )
        return code[:2]

    @staticmethod
    def quad_class_of_root(root: str) -> int:
        """QuadClass of a root: 1 verbal and 2 material cooperation, 3 verbal and 4 material conflict."""
        if not isinstance(root, str) or len(root) != 2 or not _CODE.fullmatch(root):
            raise ValueError(f"not a CAMEO root: {root!r} (expected '01'..'20')")
        number = int(root)
        return next(quad for bound, quad in _QUAD_CLASS_BOUNDS if number <= bound)


def _parse_row(row: dict[str, str]) -> CameoCode:
    """One table row as a CameoCode, checked against the root and QuadClass rules above."""
    code = row["code"]
    root = Ontology.root_of(code)
    if row["root"] != root:
        raise ValueError(f"code {code}: root {row['root']!r}, expected {root!r}")
    quad_class = int(row["quad_class"])
    if quad_class != Ontology.quad_class_of_root(root):
        raise ValueError(
            f"code {code}: quad_class {quad_class}, expected {Ontology.quad_class_of_root(root)}"
        )
    goldstein = float(row["goldstein"])
    if not -10.0 <= goldstein <= 10.0:
        raise ValueError(f"code {code}: Goldstein score {goldstein} outside [-10, 10]")
    if not row["name_en"] or not row["name_nl"]:
        raise ValueError(f"code {code}: needs an English and a Dutch name")
    return CameoCode(
        code=code,
        root=root,
        name_en=row["name_en"],
        name_nl=row["name_nl"],
        quad_class=quad_class,
        goldstein=goldstein,
        plover_type=row["plover_type"] or None,
        plover_mode=row["plover_mode"] or None,
    )


@lru_cache(maxsize=1)
def default_ontology() -> Ontology:
    """The bundled ontology, read once per process."""
    return Ontology.load()
