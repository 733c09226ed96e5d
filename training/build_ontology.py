"""Build kroniek's CAMEO table (src/kroniek/events/data/cameo.tsv) from the open CAMEO tables.

Sources (see ../shared/data/README.md, folder cameo/):
- cameo-codes.icews.csv: the code list (the CAMEO codebook's 20 root categories and their codes),
  English names and ICEWS's Goldstein scores.
- cameo-goldstein.gdelt.tsv: GDELT's Goldstein table, preferred; ICEWS's value fills its gaps.
- cameo2plover-2021.txt: PLOVER type and mode per CAMEO code; a code the table lacks inherits from
  its parent code ("1213" from "121"), then from its root's section header ("12: REJECT").
- ontology_curated/cameo-names.nl.tsv (ours): a Dutch name for every code.

The build fails, naming the codes, when a code lacks a Dutch name, a root or a Goldstein score.

Usage: python training/build_ontology.py SHARED_DATA_DIR OUT_TSV
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from kroniek.events.ontology import COLUMNS, Ontology  # noqa: E402

CURATED = Path(__file__).resolve().parent / "ontology_curated"


class BuildError(Exception):
    """A source problem that must be fixed before the table can be built."""


def canonical_code(raw: str, where: str) -> str:
    """A source's spelling of a code as CAMEO's canonical string; fail on anything ambiguous.

    All three sources already write zero-padded strings ("010", "0841"); a value that lost its
    leading zero in a spreadsheet ("10" for "010"?) cannot be repaired safely, so it is refused.
    """
    code = raw.strip().strip('"')
    try:
        Ontology.root_of(code)
    except ValueError as e:
        raise BuildError(f"{where}: {e}") from None
    return code


def tidy_name(name: str) -> str:
    """The ICEWS name in sentence case: root headers are upper case, a few codes start lower case."""
    name = " ".join(name.split())
    if name.isupper():
        name = name.lower()
    return name[:1].upper() + name[1:]


def read_icews(path: Path) -> list[dict[str, str]]:
    """The code list in codebook order: code, ICEWS root, English name, ICEWS Goldstein score."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    out = []
    for n, row in enumerate(rows, start=2):
        code = canonical_code(row["code"], f"{path.name} line {n}")
        out.append(
            {
                "code": code,
                "root": row["root_code"].strip(),
                "name_en": tidy_name(row["name"]),
                "goldstein": row["goldstein"].strip(),
            }
        )
    return out


def read_goldstein(path: Path) -> dict[str, float]:
    """GDELT's CAMEO code -> Goldstein score."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return {
        canonical_code(r["CAMEOEVENTCODE"], f"{path.name} line {n}"): float(r["GOLDSTEINSCALE"])
        for n, r in enumerate(rows, start=2)
    }


def read_plover(path: Path, notes: list[str]) -> dict[str, tuple[str, str | None]]:
    """CAMEO code -> (PLOVER type, mode) from the 2021 conversion table.

    Lines read "0841: RETREAT, release, legal # comment"; section headers "08: CONCEDE" give the
    root's type. The first entry for a code wins; a conflicting repeat is noted.
    """
    raw: list[tuple[int, str, list[str]]] = []
    contexts: set[str] = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        text = line.split("#", 1)[0].strip()
        if not text or ":" not in text:
            continue
        code, _, rest = text.partition(":")
        fields = [f.strip() for f in rest.split(",")]
        raw.append((n, canonical_code(code, f"{path.name} line {n}"), fields))
        if len(fields) > 2:
            contexts.update(c.strip() for c in fields[2].split(";") if c.strip())
    table: dict[str, tuple[str, str | None]] = {}
    for n, code, fields in raw:
        ptype = fields[0]
        mode = fields[1] if len(fields) > 1 and fields[1] else None
        # 175 writes its context ("pro_autocracy") in the mode column: a context is never a mode.
        if mode in contexts:
            if code not in table:
                notes.append(
                    f"PLOVER {code}: context {mode!r} in the mode column (line {n}), mode left empty"
                )
            mode = None
        if code in table and table[code] != (ptype, mode):
            notes.append(f"PLOVER {code}: line {n} says {ptype}/{mode}, kept the first {table[code]}")
            continue
        table[code] = (ptype, mode)
    return table


def read_plover_modes(path: Path) -> set[tuple[str, str]]:
    """The (type, mode) pairs PLOVER 0.8 scores; mode "" is the type without a mode."""
    with path.open(encoding="utf-8", newline="") as f:
        return {
            (r["plover_event"].strip(), (r["mode"] or "").strip()) for r in csv.DictReader(f, delimiter="\t")
        }


def read_names_nl(path: Path) -> dict[str, str]:
    """Our Dutch names: code -> name_nl; a repeated code is an error."""
    lines = [
        ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")
    ]
    names: dict[str, str] = {}
    for n, row in enumerate(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE), start=2):
        code = canonical_code(row["code"], f"{path.name} row {n}")
        if code in names:
            raise BuildError(f"{path.name}: code {code} named twice")
        names[code] = " ".join((row["name_nl"] or "").split())
    return names


def plover_for(code: str, plover: dict[str, tuple[str, str | None]]) -> tuple[str | None, str | None]:
    """The code's own PLOVER entry, else its parent's (4-digit -> 3-digit), else its root's."""
    for candidate in (code, code[:3], Ontology.root_of(code)):
        if candidate in plover:
            return plover[candidate]
    return None, None


def build(shared: Path) -> tuple[list[dict[str, str]], list[str], list[str]]:
    """The table rows, the notes worth printing, and the codes whose Goldstein score is ICEWS's."""
    cameo = shared / "cameo"
    notes: list[str] = []
    icews = read_icews(cameo / "cameo-codes.icews.csv")
    gdelt = read_goldstein(cameo / "cameo-goldstein.gdelt.tsv")
    plover = read_plover(cameo / "cameo2plover-2021.txt", notes)
    names_nl = read_names_nl(CURATED / "cameo-names.nl.tsv")

    codes = [r["code"] for r in icews]
    dupes = sorted({c for c in codes if codes.count(c) > 1})
    no_root = [r["code"] for r in icews if r["root"] != Ontology.root_of(r["code"])]
    no_nl = [c for c in codes if not names_nl.get(c)]
    no_goldstein = [r["code"] for r in icews if r["code"] not in gdelt and not r["goldstein"]]
    problems = [
        f"{what}: {', '.join(found)}"
        for what, found in (
            ("duplicate codes", dupes),
            ("root missing or not the code's prefix", no_root),
            ("no Dutch name (add to ontology_curated/cameo-names.nl.tsv)", no_nl),
            ("no Goldstein score in GDELT or ICEWS", no_goldstein),
            ("Dutch name for a code CAMEO does not have", sorted(set(names_nl) - set(codes))),
        )
        if found
    ]
    if problems:
        raise BuildError("; ".join(problems))

    rows = []
    inherited: list[str] = []
    unmapped: list[str] = []
    from_icews: list[str] = []
    for r in icews:
        code, root = r["code"], r["root"]
        if code in gdelt:
            goldstein = gdelt[code]
            if float(r["goldstein"]) != goldstein:
                notes.append(f"Goldstein {code}: GDELT {goldstein} kept, ICEWS has {float(r['goldstein'])}")
        else:
            goldstein = float(r["goldstein"])
            from_icews.append(code)
            notes.append(f"Goldstein {code}: not in GDELT, ICEWS {goldstein} used")
        ptype, mode = plover_for(code, plover)
        if ptype is None:
            unmapped.append(code)
        elif code not in plover:
            inherited.append(f"{code}={ptype}")
        rows.append(
            {
                "code": code,
                "root": root,
                "name_en": r["name_en"],
                "name_nl": names_nl[code],
                "quad_class": str(Ontology.quad_class_of_root(root)),
                "goldstein": str(goldstein),
                "plover_type": ptype or "",
                "plover_mode": mode or "",
            }
        )
    if inherited:
        notes.append(
            f"PLOVER: {len(inherited)} codes inherit a parent's or root's type: {' '.join(inherited)}"
        )
    if unmapped:
        notes.append(
            f"PLOVER: no type for {len(unmapped)} codes (no entry up to the root): {' '.join(unmapped)}"
        )
    scored = read_plover_modes(cameo / "plover-scores-v0.8.tsv")
    odd = sorted(
        {
            f"{r['plover_type']}/{r['plover_mode']}"
            for r in rows
            if r["plover_type"] and (r["plover_type"], r["plover_mode"]) not in scored
        }
    )
    if odd:
        notes.append(
            f"PLOVER: type/mode pairs kept as written but absent from plover-scores-v0.8: {' '.join(odd)}"
        )
    for code in sorted(set(plover) - set(codes)):
        notes.append(f"PLOVER {code}: in the PLOVER table but not a CAMEO code in the ICEWS list, left out")
    for code in sorted(set(gdelt) - set(codes)):
        notes.append(f"Goldstein {code}: in GDELT but not a CAMEO code in the ICEWS list, left out")
    return rows, notes, from_icews


HEADER = """\
# CAMEO event codes for kroniek. Generated by training/build_ontology.py: edit its inputs, not this file.
# code: CAMEO's canonical string (root "01".."20", then up to two digits); the 2-digit rows are the
#   codebook's root categories, "010" etc. their residual codes. Codes, English names: ICEWS's CAMEO table.
# quad_class: 1 verbal cooperation (roots 01-05), 2 material cooperation (06-08),
#   3 verbal conflict (09-13), 4 material conflict (14-20).
# goldstein: GDELT's CAMEO Goldstein table; ICEWS's value where GDELT lacks the code ({fallback}).
# plover_type, plover_mode: PLOVER's CAMEO2PLOVER 2021 table; a code it lacks inherits from its parent
#   code, then its root; empty where the table has nothing (roots 01 and 02 have no PLOVER row).
# name_nl: training/ontology_curated/cameo-names.nl.tsv.
"""


def write(rows: list[dict[str, str]], from_icews: list[str], out: Path) -> None:
    """Write the TSV (comment header, then one row per code) and check that kroniek can load it."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as f:
        f.write(HEADER.format(fallback=", ".join(from_icews) or "none"))
        writer = csv.DictWriter(
            f, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE
        )
        writer.writeheader()
        writer.writerows(rows)
    Ontology.load(tmp)
    tmp.replace(out)


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    shared, out = Path(argv[1]), Path(argv[2])
    try:
        rows, notes, from_icews = build(shared)
        write(rows, from_icews, out)
    except (BuildError, FileNotFoundError, KeyError, ValueError) as e:
        print(f"build_ontology: {e}", file=sys.stderr)
        return 1
    for note in notes:
        print(f"  {note}", file=sys.stderr)
    print(f"{out}: {len(rows)} CAMEO codes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
