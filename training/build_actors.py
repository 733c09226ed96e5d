"""Build kroniek's actor knowledge base (src/kroniek/actors/data/*.tsv) from open data and curated tables.

Usage: python training/build_actors.py SHARED_DATA_DIR OUT_DIR
       python training/build_actors.py ../shared/data src/kroniek/actors/data

Sources (all under SHARED_DATA_DIR; see training/ACTOR_SOURCES.md for licences):
  cameo/cameo-countries.gdelt.tsv, cameo-actor-types.gdelt.tsv, cameo-knowngroups.gdelt.tsv   code tables
  petrarch2_dictionaries/Phoenix.Countries.actors.txt, Phoenix.agents.txt,
      Phoenix.International.actors.txt                                   person aliases, extra code parts
  actor_sources/owid/countries_regions.csv                              ISO2/ISO3, English names, Wikidata ids
  actor_sources/rvig/tabel34_landen.csv, tabel32_nationaliteiten.csv     Dutch country names and adjectives
  actor_sources/countryinfo/CountryInfo.120116.txt       English adjectives, capitals, leaders 1990-2011, cabinets
  actor_sources/universalpetrarch/actors_unified_181220.txt     extra person aliases
  actor_sources/leaders/{reign,archigos,wikipedia_state_leaders_2019,everypolitician_world_leaders_2021,
      everypolitician_foreign_ministers_2022,world_leaders_current_2026}   dated office holders 1990-2025
      (read by leader_sources.py, joined and reconciled by leader_merge.py: precedence rules there)
  ud_dutch/*.conllu                                              Dutch words, to flag Dutch name forms that are words
  (roles.{nl,en}.tsv are built by training/build_roles.py)
  training/actors_curated/*.tsv                                  curated facts ("curated, public record"),
      transliteration.nl.tsv + scripts.tsv: Dutch name forms by rule (translit_nl.py)
Output is deterministic: every file is sorted and written with a header row.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import leader_merge
import leader_sources
import translit_nl

CURATED = Path(__file__).resolve().parent / "actors_curated"

# Territories (not sovereign states) among the ISO codes; everything else with an ISO3 code is a country.
TERRITORIES = set(
    "ABW AIA ALA ASM ATA ATF BES BLM BMU BVT CCK COK CUW CXR CYM ESH FLK FRO GGY GIB GLP GRL GUF GUM HKG "
    "HMD IMN IOT JEY MAC MAF MNP MSR MTQ MYT NCL NFK NIU PCN PRI PYF REU SGS SHN SJM SPM SXM TCA TKL UMI "
    "VGB VIR WLF ANT".split()
)
# Wikidata ids that replace the OWID value (ATA: OWID points at a different item than Antarctica, Q51).
WIKIDATA_FIX = {"ATA": "Q51"}
# CAMEO's own codes where ISO 3166 differs: we use the ISO code throughout.
CAMEO_TO_ISO = {"TMP": "TLS", "ROM": "ROU", "MTN": "MNE", "IMY": "IMN", "KSV": "XKX"}
EXTRA_COUNTRIES = [("XKX", "XK", "Kosovo", "Q1246", "country")]  # Kosovo: no ISO3 row in OWID
# Country names that are also common words or names: the resolver needs context.
AMBIGUOUS_NAMES = {"Man", "Jersey", "Chad", "Jordan", "Georgia", "Congo", "Korea", "CAR", "Guinea", "Niger",
                   "Dominica", "Turkey", "China", "Saba", "Gaza", "Europa", "Europe", "Amerika", "America"}
AMBIGUOUS_CAPITALS = {"Victoria", "Kingston", "Georgetown", "Santiago", "Male", "Hamilton", "Sofia", "Lima",
                      "Nassau", "San Jose", "Saint John's", "St. John's", "Apia", "Roseau", "Jerusalem",
                      "Luxembourg", "Kuwait", "Monaco", "Singapore", "Panama", "Guatemala", "Djibouti",
                      "San Marino", "Vatican City", "Wellington", "Belmopan", "Castries", "Tripoli"}
# Countries whose leaders' names are transliterated from Cyrillic or Georgian/Armenian script.
CYRILLIC = set("RUS BLR UKR KAZ KGZ TJK UZB TKM AZE ARM GEO MDA MNG BGR SRB MKD".split())
TITLE_TOKENS = set(
    "PRESIDENT MINISTER PRIME CHANCELLOR KANZLER BUNDESKANZLER KING QUEEN SECRETARY GENERAL LEADER "
    "GOVERNMENT MR. MRS. MS. DR. SHEIKH PRINCE EMIR SULTAN FOREIGN RUSSIAN GERMAN FRENCH BRITISH AMERICAN "
    "CHINESE PREMIER SPEAKER CHAIRMAN AYATOLLAH GEN. COL. SIR LORD THE OF".split()
)
# Spanish words in UniversalPetrarch aliases: such aliases are skipped.
SPANISH = {"DE", "DEL", "Y", "LA", "LOS", "PRESIDENTE", "REY", "PRIMER", "MINISTRO"}
PARTICLES = {"de", "van", "der", "von", "den", "la", "le", "da", "di", "do", "dos", "das", "del", "du", "bin",
             "ibn", "al", "el", "y", "ter", "ten", "zu"}


# ---------------------------------------------------------------- small helpers

def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a TSV file with a header, skipping '#' comment lines."""
    with path.open(encoding="utf-8") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines, delimiter="\t")]


def split(value: str) -> list[str]:
    """The '|' separated items of a curated field."""
    return [v.strip() for v in value.split("|") if v.strip()]


def ascii_fold(text: str) -> str:
    """Text without diacritics (Orbán -> Orban, Erdoğan -> Erdogan, ı -> i)."""
    text = text.replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def slug(text: str) -> str:
    """A lower-case ASCII identifier for a name."""
    return re.sub(r"[^a-z0-9]+", "_", ascii_fold(text).lower()).strip("_")


def title_case(key: str) -> str:
    """A TABARI key such as BASHAR_AL-ASSAD_ as running text: 'Bashar al-Assad'."""
    words = [w for w in key.strip("_ ").replace("_", " ").split() if w]
    out = []
    for i, word in enumerate(words):
        if re.fullmatch(r"(?:[A-Za-z]\.)+|I{1,3}|IV|VI{0,3}|JR\.?", word.upper()):
            out.append(word.upper() if not word.upper().startswith("JR") else "Jr.")  # initials, numerals
            continue
        parts = []
        for j, part in enumerate(re.split(r"([-'])", word.lower())):
            if part in "-'" or not part:
                parts.append(part)
            elif (i > 0 or j > 0) and part in PARTICLES and j + 1 < len(re.split(r"([-'])", word)):
                parts.append(part)  # al-Assad, el-Sisi
            elif i > 0 and part in PARTICLES and len(words) > 2:
                parts.append(part)  # von der Leyen, da Silva
            else:
                parts.append(part[:1].upper() + part[1:])
        out.append("".join(parts))
    return " ".join(out)


def name_key(text: str) -> str:
    """The TABARI-style key of a name, for matching across sources."""
    return re.sub(r"[^A-Z0-9'.-]+", "_", ascii_fold(text).upper()).strip("_")


# ------------------------------------------------------------ transliteration

def _translit(text: str, table: list[tuple[str, str]], vowel_y: str) -> str:
    """Apply ordered digraph replacements to each word, keeping the first letter's case."""
    words = []
    for word in text.split(" "):
        low, out, i = word.lower(), [], 0
        while i < len(low):
            for src, dst in table:
                if low.startswith(src, i):
                    out.append(dst)
                    i += len(src)
                    break
            else:
                ch = low[i]
                if ch == "y" and i + 1 < len(low) and low[i + 1] in "aeiou":
                    out.append(vowel_y)
                else:
                    out.append(ch)
                i += 1
        new = "".join(out)
        words.append(new[:1].upper() + new[1:] if word[:1].isupper() else new)
    return " ".join(words)


# English (BGN-style) romanisation -> German and French conventions (Dutch: translit_nl.py and its table).
GERMAN = [("shch", "schtsch"), ("kh", "ch"), ("zh", "sch"), ("sh", "sch"), ("ch", "tsch"), ("yu", "ju"),
          ("ya", "ja"), ("ye", "je"), ("yo", "jo"), ("v", "w")]
FRENCH = [("shch", "chtch"), ("zh", "j"), ("sh", "ch"), ("ch", "tch"), ("ou", "ou"), ("au", "au"),
          ("eu", "eu"), ("u", "ou")]


def transliterations(name: str, country: str, cyrillic: bool) -> dict[str, set[str]]:
    """Dutch spellings by the rules of actors_curated/transliteration.nl.tsv (lang nl) for names from
    states written in Cyrillic, Arabic, Persian or Hebrew script; German and French spellings (lang *) of
    Cyrillic names (curated translit=1 or a CYRILLIC state)."""
    out: dict[str, set[str]] = {"nl": set(), "*": set()}
    nl = translit_nl.dutch(name, "cyrillic") if cyrillic else translit_nl.dutch_for(name, country)
    if nl and nl != name:
        out["nl"].add(nl)
    if cyrillic:
        out["*"] = {_translit(name, GERMAN, "j"), _translit(name, FRENCH, "i"), _english_y(name)} - {name, nl}
    return out


def _english_y(name: str) -> str:
    """The other English romanisation of a word-final short i ("й"): BGN writes -ey and -iy, the
    Belarusian and LC systems -ei and -ii (Makei / Makey, Dmitrii / Dmitriy)."""
    swap = {"ei": "ey", "ey": "ei", "ii": "iy", "iy": "ii"}
    return " ".join(w[:-2] + swap[w[-2:]] if len(w) > 3 and w[-2:] in swap else w for w in name.split())


# ------------------------------------------------------------------ Dutch morphology

def dutch_adjective_base(inflected: str) -> str:
    """RvIG's inflected adjective -> base form: Litouwse -> Litouws, Chinese -> Chinees."""
    if not inflected.endswith("e"):
        return inflected
    stem = inflected[:-1]
    # An open syllable before -se had a long vowel written single: Chi-ne-se -> Chinees.
    m = re.search(r"([^aeiouy])([aeou])([^aeiouwy])$", stem)
    if m and not stem.endswith(("ch", "sch")):
        stem = stem[: m.start(2)] + m.group(2) * 2 + m.group(3)
    return stem


def dutch_plural(singular: str) -> str:
    """Regular Dutch plural of an inhabitant: Litouwer -> Litouwers, Chinees -> Chinezen, Rus -> Russen."""
    if singular.endswith(("er", "ër")):
        return singular + "s"
    if singular.endswith(("i", "a", "o")):
        return singular + "'s"
    m = re.search(r"(aa|ee|oo|uu)([^aeiouj])$", singular)
    if m:
        cons = {"s": "z", "f": "v"}.get(m.group(2), m.group(2))
        return singular[: m.start(1)] + m.group(1)[0] + cons + "en"
    m = re.search(r"([^aeiouj])([aeiou])([bdfgklmnprst])$", singular)
    if m:
        return singular + m.group(3) + "en"
    return singular + "en"


# ------------------------------------------------------------------------ sources

def read_countryinfo(path: Path) -> list[dict]:
    """Per country: iso3, adjectives and capitals from CountryInfo (its leaders and cabinets:
    leader_sources.read_countryinfo)."""
    out = []
    for iso3, block in leader_sources.countryinfo_blocks(path, CAMEO_TO_ISO):
        entry = {"iso3": iso3, "nationality": [], "capitals": []}
        for tag, key in (("Nationality", "nationality"), ("Capital", "capitals")):
            t = re.search(rf"<{tag}>(.*?)</{tag}>", block, re.S)
            if t:
                entry[key] = [w for w in (x.split("#")[0].strip() for x in t.group(1).splitlines()) if w]
        out.append(entry)
    return out


def read_tabari_aliases(*paths: Path) -> dict[str, set[str]]:
    """Actor key -> alias keys from TABARI/PETRARCH .actors files ('+ALIAS' lines under an actor)."""
    aliases: dict[str, set[str]] = defaultdict(set)
    for path in paths:
        key = None
        for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
            line = raw.split("#")[0].rstrip()
            if not line.strip():
                continue
            if line.startswith("+"):
                if key:
                    alias = name_key(line[1:].strip().split("[")[0].strip())
                    if alias:
                        aliases[key].add(alias)
            elif not line[0].isspace() and not line.startswith("["):
                key = name_key(line.split("[")[0].strip()) or None
                if key:
                    aliases[key]
    return aliases


# ------------------------------------------------------------------------- tables

class Names:
    """names.tsv rows keyed by (lang, text, kind, code, person); later (curated) adds override ambiguity."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, str, str, str, str], int] = {}
        # Dutch genitives ("Tusks", "Poetins"), added once every name is known: one that is another
        # name ("Valls" of Vall) or any entry's text is left out (add_genitives)
        self.genitives: list[tuple[str, str, int]] = []

    def add_genitives(self) -> None:
        taken = {ascii_fold(text).lower() for (_lang, text, _kind, _code, _pid) in self.rows}
        owners: dict[str, set[str]] = defaultdict(set)
        for text, pid, _amb in self.genitives:
            owners[ascii_fold(text).lower()].add(pid)
        for text, pid, amb in self.genitives:
            key = ascii_fold(text).lower()
            if key not in taken:
                # several people's genitive ("Alijevs"): ambiguous for each, as shared surnames are
                self.add("nl", text, "surname", person=pid, ambiguous=amb or len(owners[key]) > 1)

    def add(self, lang: str, text: str, kind: str, code: str = "", person: str = "", ambiguous: int = 0,
            fold: bool = True) -> None:
        text = " ".join(text.split())
        if not text:
            return
        self.rows[(lang, text, kind, code, person)] = int(ambiguous)
        if fold and ascii_fold(text) != text:
            self.rows.setdefault((lang, ascii_fold(text), kind, code, person), int(ambiguous))

    def merged(self) -> list[tuple[str, str, str, str, str, int]]:
        """Rows with identical nl and en entries merged into one '*' row, sorted."""
        out: dict[tuple, int] = {}
        for (lang, text, kind, code, person), amb in self.rows.items():
            if lang != "*" and ("*", text, kind, code, person) in self.rows:
                continue
            other = "en" if lang == "nl" else "nl"
            if lang != "*" and (other, text, kind, code, person) in self.rows:
                key = ("*", text, kind, code, person)
                out[key] = max(amb, self.rows[(other, text, kind, code, person)], out.get(key, 0))
            else:
                out[(lang, text, kind, code, person)] = amb
        return sorted((*k, v) for k, v in out.items())


def build_code_parts(src: Path) -> list[tuple[str, str, str]]:
    """Valid 3-letter parts of actor codes: CAMEO roles, known groups, regions, plus Phoenix's extra parts."""
    parts: dict[str, tuple[str, str]] = {}
    for row in read_tsv(src / "cameo/cameo-actor-types.gdelt.tsv"):
        parts[row["code"]] = ("role", row["label"])
    for row in read_tsv(src / "cameo/cameo-knowngroups.gdelt.tsv"):
        parts.setdefault(row["code"], ("group", row["label"]))
    agents = (src / "petrarch2_dictionaries/Phoenix.agents.txt").read_text(encoding="utf-8", errors="replace")
    for code in sorted(set(re.findall(r"\[~([A-Z]+)\]", agents))):
        for i in range(0, len(code), 3):
            parts.setdefault(code[i : i + 3], ("role", "Phoenix agents"))
    intl = (src / "petrarch2_dictionaries/Phoenix.International.actors.txt").read_text(
        encoding="utf-8", errors="replace")
    for code in sorted(set(re.findall(r"\[IGO([A-Z]+)", intl))):
        for i in range(0, len(code) - len(code) % 3, 3):
            parts.setdefault(code[i : i + 3], ("group", "Phoenix international actors"))
    return sorted((code, kind, label) for code, (kind, label) in parts.items())


def build_countries(src: Path, names: Names, countryinfo: list[dict]) -> list[tuple]:
    """countries.tsv rows and their name, adjective, inhabitant and capital entries."""
    owid_path = src / "actor_sources/owid/countries_regions.csv"
    owid = [r for r in csv.DictReader(owid_path.open(encoding="utf-8"))
            if re.fullmatch(r"[A-Z]{3}", r["iso_alpha3"] or "")]
    cameo = {r["code"]: r["label"] for r in read_tsv(src / "cameo/cameo-countries.gdelt.tsv")}
    en = {r["iso3"]: r for r in read_tsv(CURATED / "countries_en.tsv")}
    nl = {r["iso3"]: r for r in read_tsv(CURATED / "countries_nl.tsv")}
    rvig = src / "actor_sources/rvig"
    # current rows only (no end date)
    land = {r[0]: r[1] for r in csv.reader((rvig / "tabel34_landen.csv").open(encoding="utf-8"))
            if len(r) > 3 and not r[3]}
    nat = {r[0]: r[1] for r in csv.reader((rvig / "tabel32_nationaliteiten.csv").open(encoding="utf-8"))
           if len(r) > 3 and not r[3]}
    info = {c["iso3"]: c for c in countryinfo}

    rows = {}
    for r in owid:
        iso3 = r["iso_alpha3"]
        wd = r["wikidata_uri"].rsplit("/", 1)[-1] if r["wikidata_uri"] else ""
        kind = "territory" if iso3 in TERRITORIES else "country"
        name = r["name"].replace(" (country)", "")
        rows[iso3] = [iso3, r["iso_alpha2"], name, "", WIKIDATA_FIX.get(iso3, wd), kind, r]
    for iso3, iso2, name, wd, kind in EXTRA_COUNTRIES:
        rows[iso3] = [iso3, iso2, name, "", wd, kind, {}]
    for code, label in cameo.items():  # CAMEO regions (AFR, MEA, WST...) and WSB/GZS
        if code not in rows and code not in CAMEO_TO_ISO and code != "BAG":
            kind = "territory" if code in {"WSB", "GZS"} else "region"
            rows[code] = [code, "", label, "", "", kind, {}]

    for iso3, row in rows.items():
        cur_en, cur_nl = en.get(iso3, {}), nl.get(iso3, {})
        if cur_en.get("name_en"):
            row[2] = cur_en["name_en"]
        name_nl = cur_nl.get("name_nl") or land.get(cur_nl.get("rvig_land", ""), "")
        row[3] = name_nl or row[2]
        kind = row[5]
        code = "PSE" if iso3 in {"WSB", "GZS"} else iso3
        # English names
        for text in [row[2], *split(cur_en.get("alt_names_en", ""))]:
            names.add("en", text, "country", code, ambiguous=int(text in AMBIGUOUS_NAMES))
        if cameo.get(iso3) and iso3 not in {"PSE"} and kind != "region":
            names.add("en", cameo[iso3], "country", code, ambiguous=int(cameo[iso3] in AMBIGUOUS_NAMES))
        if kind == "region":
            names.add("en", row[2], "country", code)
        owid_row = row[6]
        for alias in json.loads(owid_row.get("aliases") or "[]") if owid_row else []:
            if "Ã" not in alias and "\\" not in alias:
                names.add("en", alias, "country", code, ambiguous=int(alias in AMBIGUOUS_NAMES))
        # English adjectives and inhabitants
        adjs = split(cur_en.get("adj_en", ""))
        ci = info.get(iso3, {})
        if not adjs and ci.get("nationality"):
            first = title_case(ci["nationality"][0])
            if re.search(r"(an|ian|ese|ish|i|ic|ch|ean|ine|ite|ois)$", first) and first != row[2]:
                adjs = [first]
        for adj in adjs:
            names.add("en", adj, "adjective", code)
        inhabitants = split(cur_en.get("inhabitants_en", ""))
        if not inhabitants:
            inhabitants = [a + "s" for a in adjs if re.search(r"(an|i|ine)$", a)]
            inhabitants += [a for a in adjs if a.endswith("ese")]
        for text in inhabitants:
            names.add("en", text, "inhabitants", code)
        # English capitals (metonymy for the government)
        if kind == "country":
            for cap in ci.get("capitals", []):
                text = title_case(cap)
                names.add("en", text, "capital", code + "GOV",
                          ambiguous=int(text in AMBIGUOUS_CAPITALS or text == row[2] or len(text) <= 4))
        # Dutch names
        if cur_nl:
            for text in [name_nl, *split(cur_nl.get("alt_names_nl", ""))]:
                if text:
                    names.add("nl", text, "country", code, ambiguous=int(text in AMBIGUOUS_NAMES))
            inflected = nat.get(cur_nl.get("rvig_nat", ""), "")
            inflected = inflected.split("/")[0] if "/" in inflected else inflected
            forms = []
            if inflected and " " not in inflected:
                forms += [inflected, dutch_adjective_base(inflected)]
            base = cur_nl.get("adj_nl", "")
            if base:
                forms += [base, base + "e" if not base.endswith("e") else ""]
            forms += split(cur_nl.get("alt_adj_nl", ""))
            for text in forms:
                if text:
                    names.add("nl", text, "adjective", code)
            for item in split(cur_nl.get("inhabitant_nl", "")):
                singular, _, plural = item.partition("/")
                names.add("nl", singular, "inhabitants", code)
                names.add("nl", plural or dutch_plural(singular), "inhabitants", code)
        elif kind == "region":
            names.add("nl", row[3], "country", code)
    return sorted(tuple(r[:6]) for r in rows.values())


def build_igos(names: Names, parts: dict[str, str], countries: set[str]) -> list[tuple]:
    """igos.tsv rows (codes naming one organisation) and name entries for every curated organisation."""
    rows = []
    seen: set[str] = set()
    for r in read_tsv(CURATED / "igos.tsv"):
        code = r["code"]
        # the first curated row of a code names it ("IGOUNO" the United Nations, not one of its
        # councils); a bare region or role code ("IGO", "IMG") names no single organisation
        if len(code) > 3 and code not in seen:
            rows.append((code, r["name_en"], r["name_nl"], r["wikidata"]))
            seen.add(code)
        kind = "group" if r["kind"] == "group" else "igo"
        for item in split(r["names"]):
            lang, text = ("*", item)
            if item[:3] in ("nl:", "en:"):
                lang, text = item[:2], item[3:]
            amb = text.startswith("?")
            names.add(lang, text.lstrip("?"), kind, code, ambiguous=int(amb))
        names.add("en", r["name_en"], kind, code)
        names.add("nl", r["name_nl"], kind, code)
    assert all(c[:3] in countries or c[:3] in {"IGO", "NGO", "IMG"} for c, *_ in rows)
    return sorted(rows)


def curated_people() -> tuple[list[dict], dict[str, list[tuple[str, str, str, str]]]]:
    """Curated people (with their keys and full-name variants parsed) and their offices."""
    rows = read_tsv(CURATED / "people.tsv")
    for r in rows:
        r["key_list"] = sorted({name_key(r["name"]), *map(name_key, split(r["keys"]))})
        r["full_variants"] = [v.lstrip("?") for v in split(r["variants"]) if not v.startswith(("~", "-"))]
    offices = defaultdict(list)
    for r in read_tsv(CURATED / "offices.tsv"):
        offices[r["person"]].append((r["code"], r["title"], r["start"], r["end"]))
    return rows, offices


def person_ids(people: list) -> dict[int, str]:
    """Stable ids: the curated id, else the slug of the name (with the country, then a number, on a clash)."""
    ids: dict[int, str] = {}
    taken = {p.pid for p in people if p.pid}
    for p in sorted(people, key=lambda p: (not p.curated, slug(p.name()), p.country, p.span())):
        if p.pid:
            ids[id(p)] = p.pid
            continue
        base = slug(p.name()) or "person"
        pid = base if base not in taken else f"{base}_{p.country.lower()}"
        n = 2
        while pid in taken:
            pid, n = f"{base}_{p.country.lower()}_{n}", n + 1
        taken.add(pid)
        ids[id(p)] = pid
    return ids


def office_rows(pid: str, terms: list, valid) -> list[tuple]:
    """offices.tsv rows of a person's terms 1990-2025 with valid codes (head, state: see ACTOR_SOURCES.md)."""
    rows = {}
    for t in terms:
        if (t.end and t.end < "1990-01-01") or not valid(t.code) or (t.start and t.start > "2025-12-31"):
            continue
        head = t.head if t.head in ("state", "government", "state+government") else ""
        key = (pid, t.code, t.title, t.start)
        rows[key] = (pid, t.code, t.title, t.start, t.end, head, t.state if head else "")
    return sorted(rows.values(), key=lambda r: (r[3], r[4], r[1], r[2]))


def build_people(src: Path, names: Names, parts: set[str], countries: set[str]) -> tuple[list[tuple], list[tuple]]:
    """people.tsv and offices.tsv rows plus person/surname name entries, from every office-holder source
    joined by training/leader_merge.py (sources and precedence: see that module and ACTOR_SOURCES.md)."""
    pdir = src / "petrarch2_dictionaries"
    aliases = read_tabari_aliases(
        pdir / "Phoenix.Countries.actors.txt", pdir / "Phoenix.MilNonState.actors.txt",
        src / "actor_sources/universalpetrarch/actors_unified_181220.txt")
    rows, cur_offices = curated_people()
    spells = leader_sources.read_all(src, name_key, CAMEO_TO_ISO)
    for spell in (s for group in spells for s in group if s.keys and not s.names):
        spell.names = tuple(alias_names(spell.keys, aliases))
    people = leader_merge.join(spells, rows, cur_offices, title_case)
    terms = leader_merge.settle_all(people)
    ids = person_ids(people)

    def valid(code: str) -> bool:
        chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
        return (chunks[0] in countries or chunks[0] == "IGO") and all(c in parts for c in chunks[1:])

    words = dutch_words(src)
    people_rows, all_offices = [], []
    for p in sorted(people, key=lambda p: ids[id(p)]):
        pid = ids[id(p)]
        offices = office_rows(pid, terms[id(p)], valid)
        if (not offices and not p.curated) or p.country not in countries:
            continue
        default = p.curated["default_code"] if p.curated else p.country + "ELI"
        people_rows.append((pid, p.name(), p.country, p.qid if not p.curated else p.curated["wikidata"], default))
        all_offices += offices
        add_person_names(names, pid, p, terms[id(p)], aliases, words)
    mark_shared_names(names)
    names.add_genitives()
    return people_rows, all_offices


def alias_names(keys: tuple[str, ...], aliases: dict[str, set[str]]) -> list[str]:
    """Full-name aliases of TABARI keys (Phoenix/UniversalPetrarch): more spellings to match people by."""
    out = []
    for key in keys:
        for alias in sorted(aliases.get(key, ())):
            words = alias.split("_")
            if 2 <= len(words) <= 5 and not any(w in TITLE_TOKENS or w in SPANISH for w in words):
                out.append(title_case(alias))
    return out


def dutch_words(src: Path) -> set[str]:
    """Lower-case Dutch words (not proper nouns) of the UD Dutch treebanks (CC BY-SA 4.0): a Dutch name
    form that is also one of these ("Koks", "Bloks") is marked ambiguous."""
    words: set[str] = set()
    for path in sorted((src / "ud_dutch").glob("*.conllu")):
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) > 3 and cols[3] != "PROPN" and cols[1][:1].islower():
                words.add(cols[1])
    return words


def add_person_names(names: Names, pid: str, p, terms: list, aliases: dict[str, set[str]],
                     words: set[str]) -> None:
    """Full names, surnames and, for heads of state and government, foreign and defence ministers and
    curated people, their Dutch, German and French forms."""
    cur = p.curated
    name = p.name()
    forms = {name}
    surnames: dict[str, int] = {}
    if cur:
        for v in split(cur["variants"]):
            if v.startswith("~?"):
                surnames[v[2:]] = 1
            elif v.startswith("~"):
                surnames[v[1:]] = 0
            elif not v.startswith("-"):
                forms.add(v.lstrip("?"))
    for other in p.names:
        if len([w for w in other.split() if not re.fullmatch(r"[A-Z]\.?", w)]) >= 2 and not re.search(r"\d", other):
            forms.add(other)
        elif not cur and re.fullmatch(r"[\w'-]+", other) and len(other) > 3:
            surnames.setdefault(other, 1)  # one word: Beatrix, Naruhito (after a title or the full name)
    for key in sorted(p.keys):
        _alias_forms(key, aliases, name, cur, forms, surnames)
    name_words = [w for w in name.split() if w.lower() not in PARTICLES]
    last = name_words[-1] if name_words else name
    if not cur and len(name.split()) > 1 and not re.fullmatch(r"I+|IV|VI*|Jr\.?", last) and len(last) > 2:
        surnames[last] = 1  # less well-known people: surname only after the full name or a title
    for surname in p.surnames if not cur else ():
        if ascii_fold(surname).lower() in ascii_fold(name).lower() and len(surname) > 3:
            surnames.setdefault(surname, 1)  # REIGN/Archigos surname forms (al-Maliki)
    translit = (cur and cur["translit"] == "1") or (not cur and p.country in CYRILLIC)
    notable = cur or any(t.head or t.title in ("foreign minister", "defence minister") for t in terms)
    excluded = {ascii_fold(v[1:]).lower() for v in split(cur["variants"]) if v.startswith("-")} if cur else set()
    single = not cur and len(name.split()) == 1  # Abdullah, Beatrix: only after a title or the full name
    for text in sorted(forms):
        if any(x in ascii_fold(text).lower() for x in excluded):
            continue  # a curated '-' variant removes wrong aliases from the TABARI sources
        names.add("*", text, "surname" if single and text == name else "person", person=pid,
                  ambiguous=int(single and text == name))
    for lang, variants in transliterations(name, p.country, translit).items() if notable else ():
        for variant in variants:
            names.add(lang, variant, "surname" if single else "person", person=pid, ambiguous=int(single))
    for text, amb in sorted(surnames.items()):
        if text.lower() in PARTICLES or not text[:1].isupper():
            continue  # "de", "al" of a cut-off name are no surnames
        names.add("*", text, "surname", person=pid, ambiguous=amb or len(text) <= 3)
        if text != last or not notable:
            continue
        if (gen := translit_nl.genitive(text)) is not None:
            # the Dutch genitive of the surname as written ("Tusks beleid", "Merkels opvolger")
            names.genitives.append((gen, pid, int(amb or gen.lower() in words)))
        for lang, variants in transliterations(text, p.country, translit).items():
            for variant in variants:
                names.add(lang, variant, "surname", person=pid, ambiguous=amb or variant.lower() in words)
                gen = translit_nl.genitive(variant) if lang == "nl" else None
                if gen:
                    names.genitives.append((gen, pid, int(amb or gen.lower() in words)))


def _alias_forms(key: str, aliases: dict[str, set[str]], name: str, cur, forms: set[str],
                 surnames: dict[str, int]) -> None:
    """Name forms from a TABARI key and its Phoenix/UniversalPetrarch aliases."""
    for alias in sorted({key} | aliases.get(key, set())):
        tokens = alias.split("_")
        if any(t in TITLE_TOKENS or t in SPANISH for t in tokens) or re.search(r"\d|'S$|\"", alias):
            continue
        text = title_case(alias)
        if len(tokens) == 1:
            if ascii_fold(text) == ascii_fold(name.split()[-1]) and len(text) > 3 and not cur:
                known = [a for s, a in surnames.items() if ascii_fold(s) == ascii_fold(text)]
                surnames.setdefault(text, min(known, default=1))
        elif len(tokens) <= 5:
            forms.add(text)


def mark_shared_names(names: Names) -> None:
    """A surname or full name shared by several people is ambiguous for all of them."""
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (_lang, text, kind, _code, pid) in names.rows:
        if kind in ("person", "surname"):
            owners[(kind, ascii_fold(text).lower())].add(pid)
    for key in list(names.rows):
        lang, text, kind, code, pid = key
        if kind in ("person", "surname") and len(owners[(kind, ascii_fold(text).lower())]) > 1:
            names.rows[key] = 1


def write_tsv(path: Path, header: list[str], rows: list[tuple]) -> None:
    """A UTF-8 TSV with a header row and Unix newlines."""
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("\t".join(header) + "\n")
        for row in rows:
            f.write("\t".join(str(v) for v in row) + "\n")


def main(src: Path, out: Path) -> None:
    """Build every actor data file from SRC into OUT."""
    out.mkdir(parents=True, exist_ok=True)
    countryinfo = read_countryinfo(src / "actor_sources/countryinfo/CountryInfo.120116.txt")
    code_parts = build_code_parts(src)
    parts = {code: kind for code, kind, _ in code_parts}
    names = Names()
    countries = build_countries(src, names, countryinfo)
    igos = build_igos(names, parts, {c[0] for c in countries})
    people, offices = build_people(src, names, set(parts), {c[0] for c in countries})
    for r in read_tsv(CURATED / "seats.tsv"):
        names.add(r["lang"], r["text"], r["kind"], r["code"], ambiguous=int(r["ambiguous"]))
    for r in read_tsv(CURATED / "groups.tsv"):
        names.add(r["lang"], r["text"], "group", r["code"], ambiguous=int(r["ambiguous"]))

    write_tsv(out / "code-parts.tsv", ["code", "kind", "label"], code_parts)
    write_tsv(out / "countries.tsv", ["iso3", "iso2", "name_en", "name_nl", "wikidata", "kind"], countries)
    write_tsv(out / "igos.tsv", ["code", "name_en", "name_nl", "wikidata"], igos)
    write_tsv(out / "people.tsv", ["id", "name", "country", "wikidata", "default_code"], people)
    write_tsv(out / "offices.tsv", ["person", "code", "title", "start", "end", "head", "state"], offices)
    write_tsv(out / "names.tsv", ["lang", "text", "kind", "code", "person", "ambiguous"], names.merged())
    print(f"countries {len(countries)}, igos {len(igos)}, people {len(people)}, offices {len(offices)}, "
          f"names {len(names.merged())}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python training/build_actors.py SHARED_DATA_DIR OUT_DIR")
    main(Path(sys.argv[1]), Path(sys.argv[2]))
