"""Build kroniek's actor knowledge base (src/kroniek/actors/data/*.tsv) from open data and curated tables.

Usage: python training/build_actors.py SHARED_DATA_DIR OUT_DIR
       python training/build_actors.py ../shared/data src/kroniek/actors/data

Sources (all under SHARED_DATA_DIR; see training/ACTOR_SOURCES.md for licences):
  cameo/cameo-countries.gdelt.tsv, cameo-actor-types.gdelt.tsv, cameo-knowngroups.gdelt.tsv   code tables
  petrarch2_dictionaries/Phoenix.Countries.actors.txt, Phoenix.agents.txt,
      Phoenix.International.actors.txt                                   person aliases, extra code parts
  actor_sources/owid/countries_regions.csv                              ISO2/ISO3, English names, Wikidata ids
  actor_sources/rvig/tabel34_landen.csv, tabel32_nationaliteiten.csv     Dutch country names and adjectives
  actor_sources/countryinfo/CountryInfo.120116.txt       English adjectives, capitals, leaders 1990-2011
  actor_sources/universalpetrarch/actors_unified_181220.txt     extra person aliases
  training/actors_curated/*.tsv                                  curated facts ("curated, public record")
Output is deterministic: every file is sorted and written with a header row.
"""

from __future__ import annotations

import calendar
import csv
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

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
LEADER_TITLES = {
    "president": "president", "presidents": "president", "prime minister": "prime minister",
    "prime ministers": "prime minister", "premiers": "prime minister", "co-prime_ministers": "prime minister",
    "heads of government": "prime minister", "kings": "king", "king": "king", "sultans": "king",
    "emirs": "emir", "heads of state": "head of state", "chancellors": "chancellor",
}
TITLE_TOKENS = set(
    "PRESIDENT MINISTER PRIME CHANCELLOR KANZLER BUNDESKANZLER KING QUEEN SECRETARY GENERAL LEADER "
    "GOVERNMENT MR. MRS. MS. DR. SHEIKH PRINCE EMIR SULTAN FOREIGN RUSSIAN GERMAN FRENCH BRITISH AMERICAN "
    "CHINESE PREMIER SPEAKER CHAIRMAN AYATOLLAH GEN. COL. SIR LORD THE OF".split()
)
# Spanish words in UniversalPetrarch aliases: such aliases are skipped.
SPANISH = {"DE", "DEL", "Y", "LA", "LOS", "PRESIDENTE", "REY", "PRIMER", "MINISTRO"}
PARTICLES = {"de", "van", "der", "von", "den", "la", "le", "da", "di", "do", "dos", "das", "del", "du", "bin",
             "ibn", "al", "el", "y", "ter", "ten", "zu"}
LEADER_CAP = "2012-01-06"  # CountryInfo.120106: '>' in <Leaders> = still in office at this date
GOVERNMENT_CAP = "2011-02-28"  # '>' in <Government> = still in office in Feb-2011


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


def fix_date(raw: str) -> str:
    """YYYYMMDD (possibly with an impossible day such as 20031131) -> YYYY-MM-DD, or '' when unusable."""
    if not re.fullmatch(r"\d{8}", raw):
        return ""
    year, month, day = int(raw[:4]), int(raw[4:6]), int(raw[6:])
    if not 1 <= month <= 12 or year < 1800:
        return ""
    day = max(1, min(day, calendar.monthrange(year, month)[1]))
    return f"{year:04d}-{month:02d}-{day:02d}"


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


# English (BGN-style) romanisation -> Dutch, German and French conventions.
DUTCH = [("shch", "sjtsj"), ("kh", "ch"), ("zh", "zj"), ("sh", "sj"), ("ch", "tsj"), ("yu", "joe"),
         ("ya", "ja"), ("ye", "je"), ("yo", "jo"), ("ou", "ou"), ("au", "au"), ("eu", "eu"), ("u", "oe")]
GERMAN = [("shch", "schtsch"), ("kh", "ch"), ("zh", "sch"), ("sh", "sch"), ("ch", "tsch"), ("yu", "ju"),
          ("ya", "ja"), ("ye", "je"), ("yo", "jo"), ("v", "w")]
FRENCH = [("shch", "chtch"), ("zh", "j"), ("sh", "ch"), ("ch", "tch"), ("ou", "ou"), ("au", "au"),
          ("eu", "eu"), ("u", "ou")]


def transliterations(name: str) -> dict[str, set[str]]:
    """Dutch (lang nl) and German/French (lang *) spellings of an English-romanised Cyrillic name."""
    nl = _translit(name, DUTCH, "j")
    other = {_translit(name, GERMAN, "j"), _translit(name, FRENCH, "i")}
    return {"nl": {nl} - {name}, "*": other - {name, nl}}


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
    """Per country: iso3, adjectives, capitals, leaders and foreign ministers from CountryInfo."""
    text = path.read_text(encoding="utf-8", errors="replace")
    text = text[text.index("-->") :]
    out = []
    for block in re.findall(r"<Country>(.*?)</Country>", text, re.S):
        m = re.search(r"<CountryCode>\s*([A-Z]{3})\s*<", block) or re.search(
            r"<ISO3166-alpha3>\s*([A-Z]{3})\s*<", block)
        if not m:
            continue
        iso3 = CAMEO_TO_ISO.get(m.group(1), m.group(1))
        entry = {"iso3": iso3, "nationality": [], "capitals": [], "people": []}
        for tag, key in (("Nationality", "nationality"), ("Capital", "capitals")):
            t = re.search(rf"<{tag}>(.*?)</{tag}>", block, re.S)
            if t:
                entry[key] = [w for w in (x.split("#")[0].strip() for x in t.group(1).splitlines()) if w]
        leaders = re.search(r"<Leaders>(.*?)</Leaders>", block, re.S)
        if leaders:
            title = None
            for line in leaders.group(1).splitlines():
                tag = re.match(r"\s*<([^/>][^>]*)>\s*$", line)
                if tag:
                    title = LEADER_TITLES.get(tag.group(1).strip().lower())
                    continue
                if title and "[" in line and not line.strip().startswith("#"):
                    entry["people"].append(_ci_person(line, entry["iso3"] + "GOV", title, LEADER_CAP))
        gov = re.search(r"<Government>(.*?)</Government>", block, re.S)
        if gov:
            for line in gov.group(1).splitlines():
                person = _ci_foreign_minister(line)
                if person:
                    entry["people"].append(person)
        entry["people"] = [p for p in entry["people"] if p]
        out.append(entry)
    return out


def _ci_names(head: str) -> list[str]:
    names = re.findall(r"\{([^}]*)\}", head)
    return [n.strip() for n in names if n.strip()] or [head.split()[0]]


def _ci_person(line: str, code: str, title: str, cap: str) -> dict | None:
    head, _, rest = line.partition("[")
    if not head.strip():
        return None
    dates = "[" + rest
    m = re.search(r"\[(\d{8})\s*-\s*(\d{8})\]", dates)
    if m:
        start, end = fix_date(m.group(1)), fix_date(m.group(2))
    else:
        m = re.search(r"\[>\s*(\d{8})\]", dates)
        if not m:
            return None
        start, end = fix_date(m.group(1)), cap
    if not start or (end and end < start) or (end and end < "1990-01-01"):
        return None
    return {"keys": _ci_names(head.strip()), "code": code, "title": title, "start": start, "end": end}


FM_TITLE = re.compile(r"^(Minister (of|for) Foreign (Affairs|Relations)|Foreign Minister|"
                      r"Secretary of State for Foreign Affairs)\b")


def _ci_foreign_minister(line: str) -> dict | None:
    if "#" not in line or "[" not in line:
        return None
    body, comment = line.split("#", 1)
    titles = [t.strip() for t in comment.split("&")]
    brackets = re.findall(r"\[([A-Z]{3,})\s*([^\]]*)\]", body)
    if len(titles) != len(brackets):
        return None
    head = body.split("[")[0].strip()
    for title, (code, span) in zip(titles, brackets, strict=True):
        if not FM_TITLE.match(title) or not code.endswith("GOV") or len(code) != 6:
            continue
        span = span.strip()
        if m := re.fullmatch(r"(\d{8})\s*-\s*(\d{8})", span):
            start, end = fix_date(m.group(1)), fix_date(m.group(2))
        elif m := re.fullmatch(r">\s*(\d{8})", span):
            start, end = fix_date(m.group(1)), GOVERNMENT_CAP
        elif m := re.fullmatch(r"<\s*(\d{8})", span):
            start, end = "", fix_date(m.group(1))
        else:
            continue
        if start and end and end < start:
            continue
        return {"keys": _ci_names(head), "code": code, "title": "foreign minister",
                "start": start, "end": end}
    return None


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


def build_people(src: Path, names: Names, countryinfo: list[dict]) -> tuple[list[tuple], list[tuple]]:
    """people.tsv and offices.tsv rows plus person/surname name entries."""
    pdir = src / "petrarch2_dictionaries"
    aliases = read_tabari_aliases(
        pdir / "Phoenix.Countries.actors.txt", pdir / "Phoenix.MilNonState.actors.txt",
        src / "actor_sources/universalpetrarch/actors_unified_181220.txt")
    curated = {r["id"]: r for r in read_tsv(CURATED / "people.tsv")}
    cur_offices = defaultdict(list)
    for r in read_tsv(CURATED / "offices.tsv"):
        cur_offices[r["person"]].append((r["code"], r["title"], r["start"], r["end"]))
    key_to_id = {name_key(k): pid for pid, r in curated.items() for k in split(r["keys"])}
    key_to_id.update({name_key(r["name"]): pid for pid, r in curated.items()})

    people: dict[str, dict] = {}
    for pid, r in curated.items():
        keys = {name_key(r["name"]), *map(name_key, split(r["keys"]))}
        people[pid] = {"name": r["name"], "country": r["country"], "wikidata": r["wikidata"],
                       "default": r["default_code"], "keys": keys, "offices": list(cur_offices[pid]),
                       "curated": r}
    # CountryInfo leaders (1990-2011) and foreign ministers (2003-2011)
    seen: set[tuple[str, str, str]] = set()  # CountryInfo repeats some leaders under a second country
    for country in countryinfo:
        iso3 = country["iso3"]
        for p in country["people"]:
            keys = {name_key(k) for k in p["keys"]}
            if any((k, p["title"], p["start"]) in seen for k in keys):
                continue
            seen.update((k, p["title"], p["start"]) for k in keys)
            pid = next((key_to_id[k] for k in sorted(keys) if k in key_to_id), None)
            if pid is None:
                pid = slug(title_case(p["keys"][0]))
                if pid in people and people[pid]["country"] != iso3:
                    pid = f"{pid}_{iso3.lower()}"
                people.setdefault(pid, {"name": title_case(p["keys"][0]), "country": iso3, "wikidata": "",
                                        "default": iso3 + "ELI", "keys": set(), "offices": [],
                                        "curated": None})
                for k in keys:
                    key_to_id.setdefault(k, pid)
            person = people[pid]
            person["keys"] |= keys
            code = CAMEO_TO_ISO.get(p["code"][:3], p["code"][:3]) + p["code"][3:]
            office = (code, p["title"], p["start"], p["end"])
            same = [o for o in person["offices"] if o[:2] == office[:2]]
            if person["curated"] and same:
                continue  # a curated office of the same code and title replaces CountryInfo's
            if office not in person["offices"]:
                person["offices"].append(office)

    people_rows, office_rows = [], []
    surname_owners: dict[str, set[str]] = defaultdict(set)
    for pid, p in sorted(people.items()):
        people_rows.append((pid, p["name"], p["country"], p["wikidata"], p["default"]))
        for code, title, start, end in sorted(p["offices"], key=lambda o: (o[2], o[3], o[0], o[1])):
            office_rows.append((pid, code, title, start, end))
        forms = {p["name"]}
        surnames: dict[str, int] = {}
        cur = p["curated"]
        if cur:
            for v in split(cur["variants"]):
                if v.startswith("~?"):
                    surnames[v[2:]] = 1
                elif v.startswith("~"):
                    surnames[v[1:]] = 0
                else:
                    forms.add(v.lstrip("?"))
        for key in sorted(p["keys"]):
            for alias in sorted({key} | aliases.get(key, set())):
                tokens = alias.split("_")
                if any(t in TITLE_TOKENS or t in SPANISH for t in tokens) or re.search(r"\d|'S$|\"", alias):
                    continue
                text = title_case(alias)
                if len(tokens) == 1:
                    if ascii_fold(text) == ascii_fold(p["name"].split()[-1]) and len(text) > 3 and not cur:
                        known = [a for s, a in surnames.items() if ascii_fold(s) == ascii_fold(text)]
                        surnames.setdefault(text, min(known, default=1))
                elif len(tokens) <= 5:
                    forms.add(text)
        last = p["name"].split()[-1]
        if not cur and len(p["name"].split()) > 1 and not re.fullmatch(r"I+|IV|VI*|Jr\.", last):
            surnames[last] = 1  # less well-known people: surname only after the full name
        translit = (cur and cur["translit"] == "1") or (not cur and p["country"] in CYRILLIC)
        variants = split(cur["variants"]) if cur else []
        excluded = {ascii_fold(v[1:]).lower() for v in variants if v.startswith("-")}
        for text in sorted(forms):
            if any(x in ascii_fold(text).lower() for x in excluded):
                continue  # a curated '-' variant removes wrong aliases from the TABARI sources
            names.add("*", text, "person", person=pid)
            if translit and text == p["name"]:
                for lang, variants in transliterations(text).items():
                    for variant in variants:
                        names.add(lang, variant, "person", person=pid)
        for text, amb in sorted(surnames.items()):
            names.add("*", text, "surname", person=pid, ambiguous=amb or len(text) <= 3)
            surname_owners[ascii_fold(text).lower()].add(pid)
            if translit and text == p["name"].split()[-1]:
                for lang, variants in transliterations(text).items():
                    for variant in variants:
                        names.add(lang, variant, "surname", person=pid, ambiguous=amb)
    # A surname or full name shared by several people is ambiguous for all of them.
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (_lang, text, kind, _code, pid) in names.rows:
        if kind in ("person", "surname"):
            owners[(kind, ascii_fold(text).lower())].add(pid)
    for key in list(names.rows):
        lang, text, kind, code, pid = key
        if kind in ("person", "surname") and len(owners[(kind, ascii_fold(text).lower())]) > 1:
            names.rows[key] = 1
    return people_rows, office_rows


def build_roles(lang: str) -> list[tuple]:
    """roles.LANG.tsv rows from the curated table (word, role, title, country)."""
    rows = {r["word"].lower(): (r["word"].lower(), r["role"], r["title"], r["country"])
            for r in read_tsv(CURATED / f"roles.{lang}.tsv")}
    return sorted(rows.values())


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
    people, offices = build_people(src, names, countryinfo)
    for r in read_tsv(CURATED / "seats.tsv"):
        names.add(r["lang"], r["text"], r["kind"], r["code"], ambiguous=int(r["ambiguous"]))
    for r in read_tsv(CURATED / "groups.tsv"):
        names.add(r["lang"], r["text"], "group", r["code"], ambiguous=int(r["ambiguous"]))

    write_tsv(out / "code-parts.tsv", ["code", "kind", "label"], code_parts)
    write_tsv(out / "countries.tsv", ["iso3", "iso2", "name_en", "name_nl", "wikidata", "kind"], countries)
    write_tsv(out / "igos.tsv", ["code", "name_en", "name_nl", "wikidata"], igos)
    write_tsv(out / "people.tsv", ["id", "name", "country", "wikidata", "default_code"], people)
    write_tsv(out / "offices.tsv", ["person", "code", "title", "start", "end"], offices)
    write_tsv(out / "names.tsv", ["lang", "text", "kind", "code", "person", "ambiguous"], names.merged())
    for lang in ("nl", "en"):
        write_tsv(out / f"roles.{lang}.tsv", ["word", "role", "title", "country"], build_roles(lang))
    print(f"countries {len(countries)}, igos {len(igos)}, people {len(people)}, offices {len(offices)}, "
          f"names {len(names.merged())}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python training/build_actors.py SHARED_DATA_DIR OUT_DIR")
    main(Path(sys.argv[1]), Path(sys.argv[2]))
