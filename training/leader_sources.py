"""Readers for the dated office-holder sources under SHARED_DATA_DIR/actor_sources/leaders (and Phoenix).

Every reader returns `Spell`s: one person in one office for one stretch of time, as one source states it.
`leader_merge.py` joins the spells of one person across sources and reconciles their dates.

Sources and licences (see training/ACTOR_SOURCES.md):
  reign/leaderlist_3_21.csv          REIGN (Bell, Besaw & Frank 2021), effective leaders to Mar 2021; no licence
                                     stated for the data (cite the authors); surnames only
  archigos/archigos_4.1.csv          Archigos 4.1 (Goemans, Gleditsch & Chiozza 2009), effective leaders to 2015;
                                     academic, no open licence stated; manystates repository CC BY 4.0
  wikipedia_state_leaders_2019/*.md  English Wikipedia "List of state leaders in the 20th century (1951-2000)"
                                     and "... in the 21st century" (Aug 2019), CC BY-SA 3.0; years only
  everypolitician_world_leaders_2021/wikidata.csv    holders of HoS/HoG offices during 2021, Wikidata (CC0)
  everypolitician_foreign_ministers_2022/wikidata.csv, igo_holders21.csv   foreign ministers Dec 2022 and IGO
                                     office terms, Wikidata (CC0)
  world_leaders_current_2026/data/countries/*/current.json   G20+ASEAN holders Aug 2026, CC BY-SA 4.0
  petrarch2_dictionaries/Phoenix.Countries.actors.txt   dated role codes from CountryInfo.140130, MIT
"""

from __future__ import annotations

import calendar
import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

LEADERS = "actor_sources/leaders"
# Snapshot dates: an office a source shows as still held was held on that date ("last confirmed").
SNAPSHOT = {
    "curated": "2025-12-31", "countryinfo": "2012-01-06", "countryinfo-gov": "2011-02-28",
    "phoenix": "2014-01-30", "archigos": "2015-12-31", "wikipedia": "2019-08-14", "reign": "2021-03-01",
    "ep2021": "2022-10-10", "fm2022": "2022-12-11", "igo2021": "2022-12-11", "wl2026": "2026-08-22",
}
DAY, MONTH, YEAR, NONE = 3, 2, 1, 0


@dataclass
class Spell:
    """One person in one office for one stretch of time, as one source states it.

    head: "state", "government", "state+government", "leader" (an effective leader: REIGN/Archigos do not
    say which office) or "" (not a head); state: the country the person heads when that is not the
    office code's own (a monarch of a Commonwealth realm, Andorra's French co-prince)."""

    source: str
    country: str
    code: str
    title: str
    head: str
    name: str
    start: str = ""
    start_prec: int = NONE
    end: str = ""
    end_prec: int = NONE
    confirmed: str = ""  # for an open spell: the source's snapshot date
    qid: str = ""
    keys: tuple[str, ...] = ()
    surname_only: bool = False
    state: str = ""
    names: tuple[str, ...] = field(default=())  # other full forms the source gives


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def year_start(year: str | int) -> str:
    return f"{int(year):04d}-01-01"


def year_end(year: str | int) -> str:
    return f"{int(year):04d}-12-31"


def iso_date(raw: str) -> tuple[str, int]:
    """'2019-05-20', '2019-05' or '2019' -> (first day it may mean, precision)."""
    raw = raw.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
        return raw, DAY
    if re.fullmatch(r"\d{4}-\d{2}", raw):
        return raw + "-01", MONTH
    if re.fullmatch(r"\d{4}", raw):
        return year_start(raw), YEAR
    return "", NONE


def iso_end(raw: str) -> tuple[str, int]:
    """Like iso_date, but a month or year means its last day."""
    date, prec = iso_date(raw)
    if prec == MONTH:
        y, m = int(date[:4]), int(date[5:7])
        return f"{date[:7]}-{last_day(y, m):02d}", MONTH
    if prec == YEAR:
        return year_end(date[:4]), YEAR
    return date, prec


# ------------------------------------------------------------------ country tables

def owid_tables(src: Path) -> tuple[dict[int, str], dict[str, str], dict[str, str], dict[str, str]]:
    """COW number -> ISO3, Wikidata id -> ISO3, ISO2 -> ISO3 and folded name -> ISO3 from OWID's table."""
    cow, qid, iso2, names = {}, {}, {}, {}
    with (src / "actor_sources/owid/countries_regions.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            iso3 = r["iso_alpha3"]
            if not re.fullmatch(r"[A-Z]{3}", iso3 or ""):
                continue
            if r["cow_code"]:
                cow.setdefault(int(float(r["cow_code"])), iso3)
            if r["wikidata_uri"]:
                qid[r["wikidata_uri"].rsplit("/", 1)[-1]] = iso3
            if r["iso_alpha2"]:
                iso2[r["iso_alpha2"]] = iso3
            for n in [r["name"], *json.loads(r["aliases"] or "[]")]:
                names.setdefault(fold_state(n), iso3)
    # COW numbers of states OWID keeps apart from their ISO successor (only years >= 1990 matter)
    cow.update({260: "DEU", 255: "DEU", 315: "CZE", 347: "XKX", 678: "YEM", 345: "SRB", 365: "RUS"})
    qid.update({"Q1246": "XKX", "Q29999": "NLD", "Q35": "DNK", "Q756617": "DNK", "Q865": "TWN"})
    iso2["XK"] = "XKX"
    return cow, qid, iso2, names


def fold_state(name: str) -> str:
    """A state's name folded for lookups: lower case, no accents, no article or punctuation."""
    import unicodedata

    text = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()
    text = re.sub(r"\(.*?\)|\[.*?\]", " ", text)
    text = re.sub(r"[^a-z ]+", " ", text.replace("&", " and "))
    return " ".join(w for w in text.split() if w != "the")


# Wikipedia's state names OWID does not know; "-" = not a state the KB codes (ended before 1990 or not
# recognised by the UN: the Taliban emirate, South Yemen, East Germany, SFR Yugoslavia's collective bodies).
STATE_NAMES = {
    "zaire": "COD", "soviet union": "RUS", "russian soviet federative socialist republic": "RUS",
    "burma": "MMR", "burma myanmar": "MMR", "kampuchea": "KHM", "cambodia": "KHM", "swaziland": "SWZ",
    "macedonia": "MKD", "yugoslavia serbia and montenegro": "SRB", "serbia and montenegro": "SRB",
    "czech and slovak federative": "CZE", "west germany": "DEU", "yemen arab": "YEM", "ireland": "IRL",
    "vatican city": "VAT", "micronesia": "FSM", "federated states of micronesia": "FSM", "east timor": "TLS",
    "taiwan": "TWN", "china taiwan": "TWN", "libyan arab jamahiriya": "LBY", "libyan arab": "LBY",
    "national transitional council of libya": "LBY", "gambia": "GMB", "netherlands": "NLD",
    "socialist federal republic of yugoslavia": "-", "east germany": "-", "south yemen": "-",
    "islamic emirate of afghanistan": "-", "northern alliance of afghanistan": "-", "abkhazia": "-",
    "south ossetia": "-", "sahrawi arab democratic": "-", "kosovo": "XKX", "ivory coast": "CIV",
    "cape verde": "CPV", "sao tome and principe": "STP", "brunei": "BRN", "mongolian": "MNG",
    "somali democratic": "SOM", "interim government of somalia": "SOM", "togolese": "TGO",
    "transitional government of ethiopia": "ETH",
}
STATE_PREFIX = re.compile(
    r"^(?:(?:people s|peoples|socialist|democratic|federal|federative|islamic|arab|united|union of|co operative|"
    r"transitional|national|interim|second|third|fourth|fifth|first|independent|hashemite|plurinational|"
    r"bolivarian|oriental|grand|principality of|commonwealth of|nation of|protectorate of|state of|"
    r"kingdom of|republic of|emirate of|sultanate of|government of|the)\s+)+")


def state_lookup(name: str, names: dict[str, str]) -> str:
    """ISO3 of a state as Wikipedia's lists name it, '' when unknown or not coded."""
    forms = []
    for variant in [name, name.split(":")[-1], name.split(":")[0], *name.split("/")]:
        folded = fold_state(variant)
        bare = STATE_PREFIX.sub("", folded)
        forms += [folded, bare, re.sub(r"\b(republic|kingdom)$", "", bare).strip()]
    for table in (STATE_NAMES, names):
        for text in forms:
            if text in table:
                return "" if table[text] == "-" else table[text]
    return ""


# ------------------------------------------------------------------ REIGN and Archigos

def read_reign(src: Path, cow: dict[int, str]) -> list[Spell]:
    """REIGN leader spells active on or after 1990: start day, end month; blank end = in office Mar 2021."""
    out = []
    with (src / LEADERS / "reign/leaderlist_3_21.csv").open(encoding="latin-1") as f:
        for r in csv.DictReader(f):
            iso3 = cow.get(int(r["ccode"]))
            if not iso3 or (r["eyear"] and int(r["eyear"]) < 1990):
                continue
            start = f"{int(r['syear']):04d}-{int(r['smonth']):02d}-{int(r['sdate']):02d}"
            if r["eyear"]:
                end, end_prec, confirmed = iso_end(f"{int(r['eyear']):04d}-{int(r['emonth']):02d}")[0], MONTH, ""
            else:
                end, end_prec, confirmed = "", NONE, SNAPSHOT["reign"]
            name = re.sub(r"\s*\(.*\)$", "", r["leader"]).strip()
            out.append(Spell("reign", iso3, iso3 + "GOV", "leader", "leader", name, start, DAY,
                             end, end_prec, confirmed, surname_only=True))
    return out


def read_archigos(src: Path, cow: dict[int, str]) -> list[Spell]:
    """Archigos 4.1 spells ending on or after 1990, exact dates; 'Still in Office' = open at 2015-12-31.
    The enwiki title (decoded from DBpedia) gives a full name for 43% of spells."""
    out = []
    with (src / LEADERS / "archigos/archigos_4.1.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            iso3 = cow.get(int(r["ccode"]))
            if not iso3 or r["enddate"] < "1990-01-01":
                continue
            title = re.sub(r"\s*\(.*\)$|\s+\d+(st|nd|rd|th) time$", "",
                           r["enwiki_title_from_dbpedia"].replace("_", " ")).strip()
            still = r["exit"] == "Still in Office"
            spell = Spell("archigos", iso3, iso3 + "GOV", "leader", "leader", title or r["leader"].strip(),
                          r["startdate"], DAY, "" if still else r["enddate"], NONE if still else DAY,
                          SNAPSHOT["archigos"] if still else "", surname_only=not title)
            if title:
                spell.names = (r["leader"].strip(),)
            out.append(spell)
    return out


# ------------------------------------------------------------------ Wikipedia lists

HOG_WORDS = ("prime minister", "premier", "chancellor", "head of government", "heads of government",
             "taoiseach", "state counsellor", "president of the government", "council of ministers",
             "chief executive", "minister of state", "chief minister", "president of the executive yuan",
             "secretary of state for foreign and political affairs", "first minister")
HOS_WORDS = ("president", "monarch", "king", "queen", "head of state", "heads of state", "sovereign", "emir",
             "sultan", "supreme leader", "prince", "presidency", "chairm", "emperor", "yang di-pertuan",
             "grand duke", "captain", "pope", "ruler", "leader", "druk gyalpo", "o le ao", "ngwenyama", "amir",
             "junta", "military government", "head of the state")
SKIP_WORDS = ("governor", "high representative", "administrator", "tindlovukati", "secretar", "-elect",
              "vice", "deputy", "regent of", "commissioner", " resident", "co-ordinator", "coordinator",
              "speaker", "party")
RANGE = re.compile(r"(\d{4})\s*(?:[–—-]\s*(\d{4}|present|\?+))?")


def head_of_title(title: str) -> str:
    """'government', 'state' or '' for a title or heading (prime minister, kings, captains regent...)."""
    low = title.lower().replace("_", "")
    if any(w in low for w in ("co-prince", "coprince")):
        return "state"
    if any(w in low for w in HOG_WORDS):
        return "government"
    if any(w in " " + low for w in SKIP_WORDS):
        return ""
    if any(w in low for w in HOS_WORDS):
        return "state"
    return ""


def normal_title(title: str) -> str:
    """A short lower-case title: 'Acting President' -> 'president', 'Prime minister' -> 'prime minister'."""
    low = re.sub(r"\b(acting|interim|transitional|provisional|de facto|caretaker|constitutional)\b", " ",
                 title.lower().replace("_", ""))
    low = " ".join(low.split())
    for word, norm in (("prime minister", "prime minister"), ("premier", "prime minister"),
                       ("chancellor", "chancellor"), ("taoiseach", "prime minister"),
                       ("co-prince", "co-prince"), ("supreme leader", "supreme leader"),
                       ("president", "president"), ("queen", "queen"), ("king", "king"), ("emir", "emir"),
                       ("sultan", "sultan"), ("emperor", "emperor"), ("pope", "pope"), ("sovereign", "pope"),
                       ("grand duke", "grand duke"), ("prince", "prince"), ("captain", "captain regent"),
                       ("monarch", "monarch"), ("head of government", "prime minister"),
                       ("chairm", "chairman"), ("head of state", "head of state")):
        if word in low:
            return norm
    return low or "head of state"


def _wiki_entries(body: str) -> tuple[list[str], list[tuple[str, str, str]]]:
    """'Name, Title (1999–2000), Title2 (2000–2008)' -> ([names], [(title, from, to)...])."""
    parts = re.split(r"\)\s*,\s*", body)
    names: list[str] = []
    spans = []
    for i, part in enumerate(parts):
        head, _, ranges = part.partition("(")
        bits = [b.strip() for b in head.split(",") if b.strip()]
        if i == 0:
            if len(bits) < 2 and ranges:
                return [], []
            names, title = bits[:-1], bits[-1] if bits else ""
        else:
            title = bits[-1] if bits else ""
        for m in RANGE.finditer(ranges.replace("_", "")):
            spans.append((title, m.group(1), m.group(2) or m.group(1)))
    return names, spans


def read_wikipedia(src: Path, state_iso: dict[str, str]) -> list[Spell]:
    """Both Wikipedia lists: heads of state and government by state, with year ranges.

    Structure: '-   State' lines, ':*Heading (complete list) –' lines, '::*Name, Title (Y1–Y2)' entries. An
    entry right under a state (no heading: Mexico, the United States, Switzerland) is head of state and
    of government at once. 'present' = in office at the Aug 2019 snapshot."""
    out = []
    for path in sorted((src / LEADERS / "wikipedia_state_leaders_2019").glob("*.md")):
        out += _read_wiki_file(path, state_iso)
    return out


def _read_wiki_file(path: Path, state_iso: dict[str, str]) -> list[Spell]:
    out: list[Spell] = []
    iso3, heading, heading_level, pending, pending_level = "", "", 0, "", 0
    for raw in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^-\s{3}(.+)$", raw)
        if m:
            iso3 = state_lookup(m.group(1).split("(complete list")[0].split(",")[0], state_iso)
            heading, heading_level, pending = "", 0, ""
            continue
        m = re.match(r"^(:+)\*(.+)$", raw)
        if not m or not iso3:
            continue
        level, body = len(m.group(1)), m.group(2).strip()
        if level <= heading_level:
            heading, heading_level = "", 0
        if level <= pending_level:
            pending, pending_level = "", 0
        if "complete list" in body or body.endswith("–") or (
                "(" not in body and (head_of_title(body) or any(w in " " + body.lower() for w in SKIP_WORDS))):
            heading, heading_level = body.split("(")[0].strip(" –"), level
            continue
        if "(" not in body:
            if not body.startswith("_"):
                pending, pending_level = body.rstrip(",").strip(), level
            continue
        if pending and "," not in body.split("(")[0]:
            names = [pending]
            spans = [(body.split("(")[0].strip(), r.group(1), r.group(2) or r.group(1))
                     for r in RANGE.finditer(body.split("(", 1)[1].replace("_", ""))]
        else:
            names, spans = _wiki_entries(body)
        if len(names) > 1 and "captain" not in heading.lower():
            names = names[:1]  # "Name, Vice President, Prime minister (...)"
        for name in names:
            for title, y1, y2 in spans:
                spell = _wiki_spell(iso3, heading, name, title, y1, y2)
                if spell:
                    out.append(spell)
    return out


def _wiki_spell(iso3: str, heading: str, name: str, title: str, y1: str, y2: str) -> Spell | None:
    name = re.sub(r"\[.*?\]|_", "", name).strip()
    if not name or re.search(r"\d|coup|junta|council|committee|government", name, re.I):
        return None
    if y2 != "present" and not y2.isdigit():
        y2 = "present"
    if y2.isdigit() and int(y2) < 1990:
        return None
    kind = head_of_title(heading) if heading else ("state+government" if head_of_title(title) else "")
    if heading and head_of_title(title) == "" and any(w in " " + title.lower() for w in SKIP_WORDS):
        kind = ""
    if not kind:
        return None
    norm = normal_title(title) if title else normal_title(heading)
    if "french co" in heading.lower() or "french co" in title.lower():
        return None  # the French president: his own office covers it
    if y2 == "present":
        spell = Spell("wikipedia", iso3, iso3 + "GOV", norm, kind, name, year_start(y1), YEAR, "", NONE,
                      SNAPSHOT["wikipedia"])
    else:
        spell = Spell("wikipedia", iso3, iso3 + "GOV", norm, kind, name, year_start(y1), YEAR, year_end(y2), YEAR)
    return realm(spell)


# The British monarch is head of state of every Commonwealth realm: one person, whose office code stays
# GBRGOV; `state` names the realm (and the title does, to keep one row per realm).
REALM_MONARCHS = {"Elizabeth II": "queen", "Charles III": "king"}


def realm(spell: Spell) -> Spell:
    """A realm's monarch as the British monarch's office for that realm."""
    if spell.name in REALM_MONARCHS and spell.country != "GBR":
        spell.state, spell.code = spell.country, "GBRGOV"
        spell.title = f"{REALM_MONARCHS[spell.name]} of {spell.country}"
        spell.country = "GBR"
    return spell


# ------------------------------------------------------------------ EveryPolitician / Wikidata

def read_ep2021(src: Path, qid_iso: dict[str, str]) -> list[Spell]:
    """Heads of state and government in office during 2021 (Wikidata, CC0), years only.

    A state with a single hos-type position (President of Mexico, Sultan of Oman) has one head of state
    and government; the monarch of a Commonwealth realm is the British monarch (state = the realm)."""
    rows = list(csv.DictReader((src / LEADERS / "everypolitician_world_leaders_2021/wikidata.csv")
                               .open(encoding="utf-8")))
    positions: dict[str, set[str]] = {}
    for r in rows:
        positions.setdefault(r["countryid"], set()).add(r["positionLabel"])
    out = []
    for r in rows:
        iso3 = qid_iso.get(r["countryid"])
        label = r["positionLabel"]
        kind = head_of_title(label)
        if not iso3 or not kind or not r["start_year"]:
            continue
        if kind == "state" and len(positions[r["countryid"]]) == 1 and not label.lower().startswith(
                ("monarch", "member", "prince", "co-prince")):
            kind = "state+government"
        title = normal_title(label.split(" of ")[0] if " of " in label else label)
        end, end_prec = (year_end(r["end_year"]), YEAR) if r["end_year"] else ("", NONE)
        spell = Spell("ep2021", iso3, iso3 + "GOV", title, kind, re.sub(r"\s*\(.*\)$", "", r["officeholderLabel"]),
                      year_start(r["start_year"]), YEAR, end, end_prec, "" if end else SNAPSHOT["ep2021"],
                      qid=r["officeholder"])
        if re.fullmatch(r"Q\d+", spell.name) or "french co-prince" in label.lower():
            continue
        spell.name = re.sub(r"^(\S+(?: [IVX]+)?) of (the )?[A-Z].*$", r"\1", spell.name)  # Harald V of Norway
        realm(spell)
        out.append(spell)
    return out


def read_fm2022(src: Path, qid_iso: dict[str, str]) -> list[Spell]:
    """Foreign ministers in office in Dec 2022 (Wikidata, CC0) with their start dates."""
    out = []
    with (src / LEADERS / "everypolitician_foreign_ministers_2022/wikidata.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            iso3 = qid_iso.get(r["country"])
            if not iso3 or not r["person"] or not r["name"]:
                continue
            start, prec = iso_date(r["start"][:10]) if r["start"] else ("", NONE)
            out.append(Spell("fm2022", iso3, iso3 + "GOV", "foreign minister", "", r["name"], start, prec,
                             confirmed=SNAPSHOT["fm2022"], qid=r["person"]))
    return out


# position label -> (CAMEO code, title); terms of the heads (and deputies, judges) of organisations
IGO_POSITIONS = {
    "Secretary-General of the United Nations": ("IGOUNO", "secretary-general"),
    "Deputy Secretary-General of the United Nations": ("IGOUNO", "deputy secretary-general"),
    "President of the United Nations General Assembly": ("IGOUNO", "president of the general assembly"),
    "Under-Secretary-General of the United Nations": ("IGOUNO", "under-secretary-general"),
    "president of the Parliamentary Assembly of the Council of Europe": ("IGOCOE", "assembly president"),
    "President of the International Court of Justice": ("IGOUNOJUDICJ", "president"),
    "Vice President of the International Court of Justice": ("IGOUNOJUDICJ", "vice president"),
    "Judge of the International Court of Justice": ("IGOUNOJUDICJ", "judge"),
    "OSCE High Commissioner on National Minorities": ("IGOSCE", "high commissioner on national minorities"),
    "Director-General of the World Trade Organization": ("IGOWTO", "director-general"),
}


def read_igo2021(src: Path) -> list[Spell]:
    """Office terms in international organisations (EveryPolitician holders21, Wikidata CC0)."""
    out = []
    path = src / LEADERS / "everypolitician_foreign_ministers_2022/igo_holders21.csv"
    with path.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            pos = IGO_POSITIONS.get(r["position"])
            if not pos or not re.search(r"[A-Za-z]", r["person"]):
                continue
            start, sp = iso_date(r["start"])
            end, ep = iso_end(r["end"]) if r["end"] else ("", NONE)
            if end and end < "1990-01-01":
                continue
            name = r["person"].split(",")[0]
            out.append(Spell("igo2021", "", pos[0], pos[1], "", name, start, sp, end, ep,
                             "" if end else SNAPSHOT["igo2021"], qid=r["personID"]))
    return out


def read_wl2026(src: Path, iso2: dict[str, str]) -> list[Spell]:
    """Current heads of state and government of the G20 and ASEAN states, Aug 2026 (CC BY-SA 4.0).

    Only terms that began by 2025 are read (the KB covers 1990-2025; later ones are unchecked here)."""
    out = []
    for path in sorted((src / LEADERS / "world_leaders_current_2026/data/countries").glob("*/current.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        iso3 = iso2.get(data["country"]["iso_code"])
        if not iso3:
            continue
        positions = data["positions"]
        same = positions.get("head_of_government", {}).get("is_same_as_head_of_state")
        for key, kind in (("head_of_state", "state"), ("head_of_government", "government")):
            pos = positions.get(key)
            holder = (pos or {}).get("current_holder") or {}
            if not holder.get("name_en"):
                continue
            if same and kind == "government":
                continue
            start, prec = iso_date(holder.get("since") or "")
            if not start or start > "2025-12-31":
                continue
            title = normal_title(pos["title_en"])
            spell = Spell("wl2026", iso3, iso3 + "GOV", title, "state+government" if same else kind,
                          holder["name_en"], start, prec, confirmed=SNAPSHOT["wl2026"],
                          qid=holder.get("wikidata_id") or "")
            realm(spell)
            out.append(spell)
    return out


# ------------------------------------------------------------------ Phoenix dated roles

def phoenix_date(raw: str) -> str:
    """Phoenix's YYMMDD -> ISO date (years 50-99 are 19xx)."""
    yy, mm, dd = int(raw[:2]), int(raw[2:4]), int(raw[4:6])
    year = 1900 + yy if yy >= 50 else 2000 + yy
    if not 1 <= mm <= 12:
        return ""
    return f"{year:04d}-{mm:02d}-{max(1, min(dd, last_day(year, mm))):02d}"


def read_phoenix(path: Path, name_key, cameo_to_iso: dict[str, str]) -> list[Spell]:
    """Dated government and organisation roles of Phoenix.Countries.actors.txt (CountryInfo.140130, MIT):
    `[BLRGOV 940128-940720]`, `[BLRGOV >940720]` (open at the Jan 2014 snapshot). Titles are not given."""
    out = []
    key = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#")[0].rstrip()
        if not line.strip() or line.startswith("+"):
            continue
        if not line[0].isspace() and not line.startswith("["):
            key = name_key(line.split("[")[0].strip()) or None
        if key is None:
            continue
        for code, span in re.findall(r"\[([A-Z]{3,})\s+([<>]?\s*\d{6}(?:\s*-\s*\d{6})?)\]", line):
            spell = _phoenix_spell(key, cameo_to_iso.get(code[:3], code[:3]) + code[3:], span)
            if spell:
                out.append(spell)
    return out


def _phoenix_spell(key: str, code: str, span: str) -> Spell | None:
    if code.startswith("IGO"):
        country = ""
    elif len(code) >= 6 and code[3:6] == "GOV":
        country, code = code[:3], code[:6]
    else:
        return None
    span = span.replace(" ", "")
    if span.startswith(">"):
        start, end, confirmed = phoenix_date(span[1:]), "", SNAPSHOT["phoenix"]
    elif span.startswith("<"):
        return None  # only an end: no start to place it
    else:
        a, _, b = span.partition("-")
        start, end, confirmed = phoenix_date(a), phoenix_date(b) if b else phoenix_date(a), ""
    if not start or (end and end < "1990-01-01") or (end and end < start):
        return None
    # CountryInfo writes unknown days as the 1st (and unknown months as January)
    if end == SNAPSHOT["phoenix"]:
        end, confirmed = "", end  # ends on the edition's own date: still in office then
    sp = YEAR if start[5:] == "01-01" else MONTH if start.endswith("-01") else DAY
    ep = NONE if not end else YEAR if end[5:] in ("01-01", "12-31") else MONTH if int(end[8:]) >= 28 else DAY
    return Spell("phoenix", country, code, "", "", "", start, sp, end, ep, confirmed, keys=(key,))


def read_all(src: Path, name_key, cameo_to_iso: dict[str, str]) -> list[list[Spell]]:
    """Every source's spells, in the order the merge reads them (best names first)."""
    cow, qid, iso2, names = owid_tables(src)
    pdir = src / "petrarch2_dictionaries"
    return [
        read_wl2026(src, iso2), read_ep2021(src, qid), read_fm2022(src, qid), read_wikipedia(src, names),
        read_countryinfo(src / "actor_sources/countryinfo/CountryInfo.120116.txt", name_key, cameo_to_iso),
        read_phoenix(pdir / "Phoenix.Countries.actors.txt", name_key, cameo_to_iso),
        read_archigos(src, cow), read_reign(src, cow), read_igo2021(src),
    ]


# ------------------------------------------------------------------ CountryInfo

CI_LEADER_TITLES = {
    "president": "president", "presidents": "president", "prime minister": "prime minister",
    "prime ministers": "prime minister", "premiers": "prime minister", "premier": "prime minister",
    "co-prime_ministers": "prime minister", "heads of government": "prime minister", "kings": "king",
    "king": "king", "sultans": "sultan", "emirs": "emir", "heads of state": "head of state",
    "chancellors": "chancellor", "emperor": "emperor", "captains-regent": "captain regent",
    "chairmen": "chairman", "leader": "leader", "governors-general": "governor-general",
}
FM_TITLE = re.compile(r"^(Minister (of|for) Foreign (Affairs|Relations)|Foreign Minister|"
                      r"Secretary of State for Foreign (and Commonwealth )?Affairs|Secretary of State$)")
DM_TITLE = re.compile(r"^(Minister (of|for) (National |State )?Defen[cs]e|Secretary of (State for )?Defen[cs]e|"
                      r"Defen[cs]e Minister|Minister of (the )?Armed Forces)")


def ci_date(raw: str, end: bool) -> tuple[str, int]:
    """CountryInfo's YYYYMMDD (days may be impossible: 20031131) -> (ISO date, precision). Cabinet
    dates are month-level (the 1st of a month to start, the 31st to end)."""
    if not re.fullmatch(r"\d{8}", raw):
        return "", NONE
    y, m, d = int(raw[:4]), int(raw[4:6]), int(raw[6:])
    if not 1 <= m <= 12 or y < 1800:
        return "", NONE
    day = max(1, min(d, last_day(y, m)))
    return f"{y:04d}-{m:02d}-{day:02d}", DAY


def countryinfo_blocks(path: Path, cameo_to_iso: dict[str, str]) -> list[tuple[str, str]]:
    """(ISO3, the <Country> block's text) for each country of CountryInfo.120116 with a code."""
    text = path.read_text(encoding="utf-8", errors="replace")
    text = text[text.index("-->"):]
    out = []
    for block in re.findall(r"<Country>(.*?)</Country>", text, re.S):
        m = re.search(r"<CountryCode>\s*([A-Z]{3})\s*<", block) or re.search(
            r"<ISO3166-alpha3>\s*([A-Z]{3})\s*<", block)
        if m:
            out.append((cameo_to_iso.get(m.group(1), m.group(1)), block))
    return out


def read_countryinfo(path: Path, name_key, cameo_to_iso: dict[str, str]) -> list[Spell]:
    """Heads of state and government (<Leaders>, ~1960-2011) and cabinets (<Government>, Feb 2003 - Feb
    2011) of CountryInfo.120116 (CC BY-SA 3.0). '>' = still in office at the snapshot."""
    out = []
    for iso3, block in countryinfo_blocks(path, cameo_to_iso):
        leaders = re.search(r"<Leaders>(.*?)</Leaders>", block, re.S)
        title = None
        for line in (leaders.group(1).splitlines() if leaders else []):
            tag = re.match(r"\s*<([^/>][^>]*)>\s*$", line)
            if tag:
                title = CI_LEADER_TITLES.get(tag.group(1).strip().lower())
                continue
            if title and "[" in line and not line.strip().startswith("#"):
                out += _ci_leader(line, iso3, title, name_key)
        gov = re.search(r"<Government>(.*?)</Government>", block, re.S)
        for line in (gov.group(1).splitlines() if gov else []):
            out += _ci_cabinet(line, iso3, name_key, cameo_to_iso)
    return out


def _ci_keys(head: str, name_key) -> tuple[str, ...]:
    names = [n.strip() for n in re.findall(r"\{([^}]*)\}", head) if n.strip()] or [head.split()[0]]
    return tuple(k for k in (name_key(n) for n in names) if k)


def _ci_leader(line: str, iso3: str, title: str, name_key) -> list[Spell]:
    head, _, rest = line.partition("[")
    keys = _ci_keys(head.strip(), name_key) if head.strip() else ()
    m = re.search(r"\[(\d{8})\s*-\s*(\d{8})\]", "[" + rest)
    if m:
        (start, sp), (end, ep), confirmed = ci_date(m.group(1), False), ci_date(m.group(2), True), ""
    else:
        m = re.search(r"\[>\s*(\d{8})\]", "[" + rest)
        if not m:
            return []
        (start, sp), (end, ep), confirmed = ci_date(m.group(1), False), ("", NONE), SNAPSHOT["countryinfo"]
    if not keys or not start or (end and (end < start or end < "1990-01-01")):
        return []
    kind = "" if title == "governor-general" else head_of_title(title)
    return [Spell("countryinfo", iso3, iso3 + "GOV", title, kind, "", start, sp, end, ep, confirmed, keys=keys)]


def _ci_cabinet(line: str, iso3: str, name_key, cameo_to_iso: dict[str, str]) -> list[Spell]:
    if "#" not in line or "[" not in line:
        return []
    body, comment = line.split("#", 1)
    titles = [t.strip() for t in comment.split("&")]
    brackets = re.findall(r"\[([A-Z]{3,})\s*([^\]]*)\]", body)
    head = body.split("[")[0].strip()
    if len(titles) != len(brackets) or not head:
        return []
    keys = _ci_keys(head, name_key)
    out = []
    for raw_title, (code, span) in zip(titles, brackets, strict=True):
        spell = _ci_cabinet_spell(keys, raw_title, code, span.strip(), cameo_to_iso)
        if spell:
            out.append(spell)
    return out


def _ci_cabinet_spell(keys, raw_title: str, code: str, span: str, cameo_to_iso) -> Spell | None:
    code = cameo_to_iso.get(code[:3], code[:3]) + code[3:]
    if len(code) < 6 or len(code) % 3 or code[3:6] != "GOV":
        return None
    if m := re.fullmatch(r"(\d{8})\s*-\s*(\d{8})", span):
        (start, sp), (end, ep), confirmed = ci_date(m.group(1), False), ci_date(m.group(2), True), ""
    elif m := re.fullmatch(r">\s*(\d{8})", span):
        (start, sp), (end, ep), confirmed = ci_date(m.group(1), False), ("", NONE), SNAPSHOT["countryinfo-gov"]
    elif m := re.fullmatch(r"<\s*(\d{8})", span):
        (start, sp), (end, ep), confirmed = ("", NONE), ci_date(m.group(1), True), ""
    else:
        return None
    if (start and end and end < start) or not keys:
        return None
    sp, ep = min(sp, MONTH), min(ep, MONTH)  # cabinet lists are monthly
    if FM_TITLE.match(raw_title):
        title, kind = "foreign minister", ""
    elif DM_TITLE.match(raw_title):
        title, kind = "defence minister", ""
    elif raw_title in ("Prime Minister", "Premier"):
        title, kind = "prime minister", "government"
    elif raw_title == "President":
        title, kind = "president", "state"
    else:
        title, kind = " ".join(raw_title.lower().split())[:60] or "minister", ""
    return Spell("countryinfo-gov", code[:3], code[:6], title, kind, "", start, sp, end, ep, confirmed,
                 keys=keys)
