"""The actor knowledge base: countries, organisations, people, offices, names and role words."""

from __future__ import annotations

import csv
import functools
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Entry:
    """One row of names.tsv: a text as written in running text and what it refers to."""

    text: str
    lang: str
    kind: str
    code: str | None
    person: str | None
    ambiguous: bool


@dataclass(frozen=True)
class Office:
    """An office a person held: CAMEO code, title and ISO dates (None when open or unknown)."""

    code: str
    title: str
    start: str | None
    end: str | None
    head: str = ""  # "state", "government" or "state+government" for a head of state or government


@dataclass(frozen=True)
class Person:
    """A person with a default code for dates when no office applies."""

    id: str
    name: str
    country: str
    wikidata: str | None
    default_code: str
    offices: tuple[Office, ...]


@dataclass(frozen=True)
class Country:
    """A country, territory or CAMEO region."""

    iso3: str
    iso2: str
    name_en: str
    name_nl: str
    wikidata: str | None
    kind: str


@dataclass(frozen=True)
class Igo:
    """An international organisation or group with its own CAMEO code."""

    code: str
    name_en: str
    name_nl: str
    wikidata: str | None


@dataclass(frozen=True)
class RoleWord:
    """A role word (lemma or phrase) and its CAMEO role; title: it can stand before a name."""

    word: str
    role: str
    title: bool
    country: bool = True  # needs a country from context


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def _bounds(date: str) -> tuple[str, str]:
    """First and last day covered by a YYYY-MM-DD, YYYY-MM or YYYY date (as comparable strings)."""
    date = date.strip()
    if len(date) == 4:
        return f"{date}-01-01", f"{date}-12-31"
    if len(date) == 7:
        return f"{date}-01", f"{date}-31"
    return date[:10], date[:10]


class KnowledgeBase:
    """Read-only actor data with lookups by name, person, code and date."""

    def __init__(self, countries: dict[str, Country], igos: dict[str, Igo], people: dict[str, Person],
                 entries: tuple[Entry, ...], roles: dict[str, dict[str, RoleWord]]) -> None:
        self._countries = countries
        self._igos = igos
        self._people = people
        self._entries = entries
        self._roles = roles
        by_lang: dict[str, list[Entry]] = defaultdict(list)
        by_text: dict[str, list[Entry]] = defaultdict(list)
        for e in entries:
            by_lang[e.lang].append(e)
            by_text[e.text.casefold()].append(e)
        self._by_lang = {lang: tuple(v) for lang, v in by_lang.items()}
        self._by_text = {t: tuple(v) for t, v in by_text.items()}

    @classmethod
    def load(cls, data_dir: Path | None = None) -> KnowledgeBase:
        """Load every table from data_dir (default: the package's actors/data)."""
        d = Path(data_dir) if data_dir is not None else DATA_DIR
        countries = {r["iso3"]: Country(r["iso3"], r["iso2"], r["name_en"], r["name_nl"],
                                        r["wikidata"] or None, r["kind"]) for r in _rows(d / "countries.tsv")}
        igos = {r["code"]: Igo(r["code"], r["name_en"], r["name_nl"], r["wikidata"] or None)
                for r in _rows(d / "igos.tsv")}
        offices: dict[str, list[Office]] = defaultdict(list)
        for r in _rows(d / "offices.tsv"):
            offices[r["person"]].append(Office(r["code"], r["title"], r["start"] or None, r["end"] or None,
                                               r.get("head") or ""))
        people = {r["id"]: Person(r["id"], r["name"], r["country"], r["wikidata"] or None, r["default_code"],
                                  tuple(offices.get(r["id"], ()))) for r in _rows(d / "people.tsv")}
        entries = tuple(Entry(r["text"], r["lang"], r["kind"], r["code"] or None, r["person"] or None,
                              r["ambiguous"] == "1") for r in _rows(d / "names.tsv"))
        roles = {lang: {r["word"]: RoleWord(r["word"], r["role"], r["title"] == "1", r.get("country") != "0")
                        for r in _rows(d / f"roles.{lang}.tsv")} for lang in ("nl", "en")}
        return cls(countries, igos, people, entries, roles)

    def entries(self, lang: str) -> list[Entry]:
        """Name entries for a language plus those for both languages ('*')."""
        return [*self._by_lang.get(lang, ()), *self._by_lang.get("*", ())]

    def person(self, person_id: str) -> Person:
        """The person with this id (KeyError when unknown)."""
        return self._people[person_id]

    def people(self) -> list[Person]:
        """All people, sorted by id."""
        return [self._people[k] for k in sorted(self._people)]

    def office_for(self, person_id: str, date: str | None) -> Office | None:
        """The office held on date (the latest-starting if several); the most recent if date is None."""
        offices = self.person(person_id).offices
        if not offices:
            return None
        if date is None:
            return max(offices, key=lambda o: (o.end is None, o.end or "", o.start or ""))
        first, last = _bounds(date)
        held = [o for o in offices if (o.start or "0000") <= last and (o.end is None or o.end >= first)]
        return max(held, key=lambda o: o.start or "", default=None)

    def led_a_country(self, person_id: str) -> bool:
        """Whether the person was ever a head of state or of government."""
        return any(o.head for o in self.person(person_id).offices)

    def code_for(self, person_id: str, date: str | None) -> str:
        """The CAMEO code of the office held on date, else the person's default code. Without a date
        the office cannot be told when the person held offices of different codes: then only the
        person's country (its bare code) is sure, never today's office picked for a text of any time."""
        person = self.person(person_id)
        if date is None and len({o.code for o in person.offices}) > 1:
            return person.country
        office = self.office_for(person_id, date)
        return office.code if office else person.default_code

    def country(self, iso3: str) -> Country | None:
        """A country, territory or region by its three-letter code."""
        return self._countries.get(iso3)

    def igo(self, code: str) -> Igo | None:
        """An organisation by its exact CAMEO code."""
        return self._igos.get(code)

    def roles(self, lang: str) -> dict[str, RoleWord]:
        """Role words of a language, keyed by lower-case lemma or phrase."""
        return self._roles.get(lang, {})

    def describe(self, code: str) -> tuple[str | None, str | None, str | None]:
        """(English name, country ISO3 or None, Wikidata id) of an actor code, by its longest known
        prefix; the Wikidata id only when that prefix is the whole code (RUSCOP is not Russia)."""
        code = code.upper()
        country = self._countries.get(code[:3])
        iso3 = country.iso3 if country and country.kind != "region" else None
        for n in range(len(code) - len(code) % 3, 2, -3):
            igo = self._igos.get(code[:n])
            if igo:
                return igo.name_en, iso3, igo.wikidata if n == len(code) else None
        if country:
            return country.name_en, iso3, country.wikidata if len(code) == 3 else None
        return None, None, None

    def lookup(self, name: str, date: str | None = None) -> list[dict]:
        """Case-insensitive lookup of a name in names.tsv, resolved to codes (persons by office on date)."""
        results = []
        for e in self._by_text.get(" ".join(name.split()).casefold(), ()):
            if e.person:
                p = self._people.get(e.person)
                if p is None:
                    continue
                results.append({"code": self.code_for(p.id, date), "name": p.name, "country": p.country,
                                "wikidata": p.wikidata, "kind": e.kind, "person": p.id, "text": e.text,
                                "lang": e.lang, "ambiguous": e.ambiguous})
            else:
                label, iso3, wikidata = self.describe(e.code or "")
                results.append({"code": e.code, "name": label, "country": iso3, "wikidata": wikidata,
                                "kind": e.kind, "person": None, "text": e.text, "lang": e.lang,
                                "ambiguous": e.ambiguous})
        return results


@functools.lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    """The bundled knowledge base, loaded once."""
    return KnowledgeBase.load()
