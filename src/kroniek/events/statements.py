"""CAMEO's conventions for statements about acts: an act announced by its actor is an intention
(03x) or a threat (13x), an act appealed for or demanded is an appeal (02x) or a demand (10x) of
the one asking, an act refused is a rejection (12x), an act that stops is a reduction (16x), a conflictual act
another actor says was done is an accusation (112x). These
statements are events in their own right, asserted as said, while the act itself keeps its status
(hypothetical, demanded, negated). The code of each statement comes from the table
events/data/statements.tsv (built by training/build_statements.py from the codebook's families)."""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

PATH = Path(__file__).parent / "data" / "statements.tsv"
MOODS = ("announce", "appeal", "demand", "refuse", "halt", "accuse")


@lru_cache(maxsize=1)
def statement_codes(path: Path = PATH) -> dict[str, dict[str, str]]:
    """code -> {mood: statement code} for the moods CAMEO has a code for."""
    with path.open(encoding="utf-8") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        return {row["code"]: {m: row[m] for m in MOODS if row[m]} for row in rows}


def statement_code(act_code: str, mood: str) -> str | None:
    """The code of the statement `mood` makes about an act of `act_code`, or None: "0841" announced
    is "0353", "163" announced is "1312", "0841" demanded is "1053", "046" refused is "125"."""
    return statement_codes().get(act_code, {}).get(mood)
