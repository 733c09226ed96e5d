"""Coverage of heads of state and government in the actor knowledge base, year by year.

Usage: python training/leaders_coverage.py KB_DIR [--from 1990 --to 2025]
       python training/leaders_coverage.py src/kroniek/actors/data

For each year: the share of UN member states with a known head of state and a known head of government
on 1 July (offices.tsv rows whose `head` is state / government / state+government and whose `state`
is that country), and the minimum of each over 1995-2020.
UN membership: the states of countries.tsv with kind "country", less the non-members and the states
admitted after 1 July of the year, by training/actors_curated/un_admissions.tsv (curated, public record).
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from pathlib import Path

ADMISSIONS = Path(__file__).resolve().parent / "actors_curated/un_admissions.tsv"


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def members(kb: Path, day: str) -> set[str]:
    """UN member states on `day` (YYYY-MM-DD)."""
    admitted = {r["iso3"]: r["admitted"] for r in read(ADMISSIONS)}
    states = {r["iso3"] for r in read(kb / "countries.tsv") if r["kind"] == "country"}
    return {s for s in states if admitted.get(s, "0000") != "-" and admitted.get(s, "0000") <= day}


def heads(kb: Path) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(state, 'state' | 'government') -> [(start, end)] of the offices that head it."""
    out: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for r in read(kb / "offices.tsv"):
        head, state = r.get("head", ""), r.get("state", "")
        for part in head.split("+") if head else ():
            out[(state, part)].append((r["start"] or "0000-01-01", r["end"] or "9999-12-31"))
    return out


def known(spans: list[tuple[str, str]], day: str) -> bool:
    return any(start <= day <= end for start, end in spans)


def coverage(kb: Path, first: int, last: int) -> list[tuple[int, int, float, float, list[str], list[str]]]:
    """Per year: (year, members, share with a head of state, share with a head of government, missing
    heads of state, missing heads of government)."""
    table = heads(kb)
    rows = []
    for year in range(first, last + 1):
        day = f"{year}-07-01"
        states = sorted(members(kb, day))
        no_hos = [s for s in states if not known(table[(s, "state")], day)]
        no_hog = [s for s in states if not known(table[(s, "government")], day)]
        n = len(states)
        rows.append((year, n, 1 - len(no_hos) / n, 1 - len(no_hog) / n, no_hos, no_hog))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("kb_dir", type=Path)
    parser.add_argument("--from", dest="first", type=int, default=1990)
    parser.add_argument("--to", dest="last", type=int, default=2025)
    args = parser.parse_args()
    rows = coverage(args.kb_dir, args.first, args.last)
    print("year  members  head_of_state  head_of_government  missing HoS | missing HoG")
    for year, n, hos, hog, no_hos, no_hog in rows:
        print(f"{year}  {n:7d}  {hos:13.3f}  {hog:18.3f}  {' '.join(no_hos[:12])} | {' '.join(no_hog[:12])}")
    core = [r for r in rows if 1995 <= r[0] <= 2020]
    if core:
        print(f"minimum 1995-2020: head of state {min(r[2] for r in core):.3f}, "
              f"head of government {min(r[3] for r in core):.3f}")


if __name__ == "__main__":
    main()
