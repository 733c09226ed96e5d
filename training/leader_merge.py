"""Join office-holder spells of one person across sources and reconcile their dates.

Which source wins (also in training/ACTOR_SOURCES.md):
  * Who is who: a Wikidata id joins spells anywhere; otherwise a person is matched within one country by
    TABARI key, by the accent-less name, by the name with its words in another order, by a
    transliteration-blind skeleton of the whole name (Alyaksandr Lukashenka = Alexander Lukashenko), by a
    name whose words are a subset of the other's (Ali Bongo = Ali Bongo Ondimba) when both held an office
    at about the same time, and, for the surnames of REIGN and Archigos, by the surname of someone who
    headed that state's government or state at that time (start within 400 days). Two different people
    with one surname are never joined on the surname alone.
  * Start and end of a term: a curated date beats everything; otherwise the most exact date wins (day over
    month over year: CountryInfo, Archigos, REIGN and Wikidata days beat Wikipedia's years), and among
    equally exact ones the earliest start and the latest end of the joined spells.
  * An end beats an open term ("still in office" at an older snapshot), unless a newer source still saw
    the person in office after that end (the more recent source for recent years).
  * A term still open at the newest source that names it ends when a successor in the same office
    starts; one with no successor ends at that source's snapshot ("last confirmed") when the snapshot is
    older than 2021 (CountryInfo 2012, Phoenix 2014, Archigos 2015, Wikipedia 2019, REIGN Mar 2021),
    and stays open when it is newer (EveryPolitician 2022, the 2026 snapshot, curated 2025).
  * A curated person's source terms that begin in 2010 or later are dropped unless a curated term
    covers them (the curated tables are complete for 2010-2025; the 2026 snapshot's "King Mohammed bin
    Salman" or stale EveryPolitician terms do not come in).
  * Head of state / of government: from the list heading (Wikipedia), the position (Wikidata), the
    CountryInfo section; a president is head of state and of government when a source lists the state's
    head on one list (Mexico, the United States) and no head of government is known for his term.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from leader_sources import DAY, MONTH, NONE, SNAPSHOT, YEAR, Spell

RANK = {"curated": 0, "countryinfo": 1, "countryinfo-gov": 1, "reign": 2, "archigos": 3, "wl2026": 4,
        "fm2022": 5, "igo2021": 5, "phoenix": 6, "ep2021": 7, "wikipedia": 8}
NAME_RANK = {"curated": 0, "wikipedia": 1, "ep2021": 2, "wl2026": 2, "fm2022": 2, "igo2021": 2, "archigos": 3,
             "countryinfo": 4, "countryinfo-gov": 4, "phoenix": 5, "reign": 6}
RECENT = "2021-01-01"  # an open term confirmed on or after this date stays open
COLLEGIAL = {"BIH", "SMR", "CHE", "AND"}  # several heads of state at once: no successor closes a term
HONORIFICS = {"sheikh", "sheik", "shaikh", "sir", "dr", "gen", "general", "col", "colonel", "king", "queen",
              "prince", "emir", "sultan", "mr", "mrs", "ms", "lord", "jr", "sr", "hrh", "dame", "hon"}
# Standard romanisations (pinyin, Revised Romanisation, Hepburn, Vietnamese): Kim Jong-il and Kim Yong-il
# are two people, so no transliteration-blind matching there.
NO_SKELETON = {"KOR", "PRK", "CHN", "TWN", "VNM", "JPN"}
EXECUTIVE = {"president", "king", "queen", "emir", "sultan", "chairman", "leader", "head of state", "monarch",
             "captain regent"}


# ------------------------------------------------------------------ names

def fold(text: str) -> str:
    text = text.replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@functools.cache
def tokens(name: str) -> tuple[str, ...]:
    """Lower-case ASCII words of a name without honorifics and initials."""
    words = re.sub(r"[^a-z ]+", " ", fold(name).lower().replace("'", "")).split()
    return tuple(w for w in words if w not in HONORIFICS)


def long_tokens(name: str) -> list[str]:
    """The words of a name without initials (G.W. Bush -> bush)."""
    return [t for t in tokens(name) if len(t) > 1]


def norm(name: str) -> str:
    return " ".join(tokens(name))


SKELETON = [("shch", "s"), ("schtsch", "s"), ("sjtsj", "s"), ("tsch", "c"), ("tch", "c"), ("tsj", "c"),
            ("sch", "s"), ("sh", "s"), ("sj", "s"), ("ch", "c"), ("zh", "z"), ("zj", "z"), ("kh", "h"),
            ("ph", "f"), ("th", "t"), ("dh", "d"), ("gh", "g"), ("ck", "k"), ("w", "v"), ("q", "k"),
            ("x", "ks"), ("ts", "c"), ("tz", "c")]


@functools.cache
def skeleton(word: str) -> str:
    """A transliteration-blind form of a word: digraphs unified, vowels (and y, j, h) dropped, no doubles.
    Words of up to three letters stay as they are (Hui and Ho are not one name)."""
    if len(word) <= 3:
        return word
    for a, b in SKELETON:
        word = word.replace(a, b)
    first, rest = word[:1], re.sub(r"[aeiouyjh]", "", word[1:])
    first = {"y": "i", "j": "i", "e": "a", "o": "a", "u": "a", "i": "a"}.get(first, first)
    return re.sub(r"(.)\1+", r"\1", first + rest)


def skel_name(name: str) -> str:
    return " ".join(skeleton(t) for t in tokens(name))


# ------------------------------------------------------------------ people

@dataclass
class Person:
    """One person with the spells of every source that names them."""

    country: str
    names: dict[str, int] = field(default_factory=dict)  # full form -> best name rank
    qid: str = ""
    keys: set[str] = field(default_factory=set)
    spells: list[Spell] = field(default_factory=list)
    curated: dict | None = None
    pid: str = ""
    surnames: set[str] = field(default_factory=set)  # surname forms of REIGN/Archigos

    def name(self) -> str:
        """The curated name, else the first name of the best-named source (Wikipedia, then Wikidata...)."""
        if self.curated:
            return self.curated["name"]
        order = {n: i for i, n in enumerate(self.names)}
        return min(self.names.items(), key=lambda kv: (kv[1], order[kv[0]]))[0]

    def span(self) -> tuple[str, str]:
        return interval(self.spells)


def interval(spells: list[Spell]) -> tuple[str, str]:
    if not spells:
        return "9999-12-31", "0000-01-01"  # overlaps nothing
    los = [s.start or "0000-01-01" for s in spells]
    his = [s.end or s.confirmed or "9999-12-31" for s in spells]
    return min(los), max(his)


def overlaps(a: tuple[str, str], b: tuple[str, str], slack_days: int = 0) -> bool:
    return shift(a[0], -slack_days) <= b[1] and shift(b[0], -slack_days) <= a[1]


def shift(date: str, days: int) -> str:
    """A date moved by about `days` (year arithmetic only: precise enough for slack windows)."""
    if not days or date.startswith(("0000", "9999")):
        return date
    return f"{int(date[:4]) + round(days / 365):04d}{date[4:]}"


def head_like(spell: Spell) -> bool:
    """A spell heading a state or government (curated spells say so by their title only)."""
    return spell.head in ("state", "government", "state+government", "leader") or (
        spell.source == "curated" and spell.title in EXECUTIVE | {"prime minister", "chancellor", "supreme leader"})


class Registry:
    """People indexed by Wikidata id, TABARI key, name, skeleton and word skeletons (within a country)."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self.by_qid: dict[str, Person] = {}
        self.by_key: dict[tuple[str, str], Person] = {}
        self.by_norm: dict[tuple[str, str], list[Person]] = defaultdict(list)
        self.by_skel: dict[tuple[str, str], list[Person]] = defaultdict(list)
        self.by_word: dict[tuple[str, str], list[Person]] = defaultdict(list)
        self.by_norm_any: dict[str, list[Person]] = defaultdict(list)  # across countries
        self.by_key_any: dict[str, list[Person]] = defaultdict(list)

    def new(self, country: str, curated: dict | None = None) -> Person:
        person = Person(country, curated=curated)
        self.people.append(person)
        return person

    def index(self, person: Person, name: str = "", key: str = "", qid: str = "") -> None:
        c = person.country
        if qid and qid not in self.by_qid:
            self.by_qid[qid] = person
            person.qid = person.qid or qid
        if key:
            self.by_key.setdefault((c, key), person)
            if person not in self.by_key_any[key]:
                self.by_key_any[key].append(person)
            person.keys.add(key)
        if name and tokens(name):
            for table, value in ((self.by_norm, norm(name)), (self.by_norm, " ".join(sorted(tokens(name)))),
                                 (self.by_skel, skel_name(name))):
                if person not in table[(c, value)]:
                    table[(c, value)].append(person)
            if person not in self.by_norm_any[norm(name)]:
                self.by_norm_any[norm(name)].append(person)
            for word in tokens(name):
                if len(word) > 1 and person not in self.by_word[(c, skeleton(word))]:
                    self.by_word[(c, skeleton(word))].append(person)

    def add_name(self, person: Person, name: str, source: str) -> None:
        name = " ".join(name.split())
        if name and re.search(r"[A-Za-z]", name):
            rank = NAME_RANK.get(source, 9)
            person.names[name] = min(rank, person.names.get(name, 9))
            self.index(person, name=name)

    # -- matching ---------------------------------------------------------------------------
    def find(self, spell: Spell, name: str) -> Person | None:
        c = spell.country
        if spell.qid and spell.qid in self.by_qid:
            return self.by_qid[spell.qid]
        for key in spell.keys:
            if (c, key) in self.by_key:
                return self.by_key[(c, key)]
        if not tokens(name):
            return None
        window = (spell.start or "0000-01-01", spell.end or spell.confirmed or "9999-12-31")
        tables = [(self.by_norm, norm(name), False), (self.by_norm, " ".join(sorted(tokens(name))), False)]
        if c not in NO_SKELETON:
            tables.append((self.by_skel, skel_name(name), True))
        for table, value, need_time in tables:
            found = self._pick(table.get((c, value), []), spell, window, need_time)
            if found:
                return found
        return self._by_words(spell, name, window)

    def _pick(self, candidates: list[Person], spell: Spell, window, need_time: bool) -> Person | None:
        candidates = [p for p in candidates if not (spell.qid and p.qid and p.qid != spell.qid)]
        if need_time:
            candidates = [p for p in candidates if overlaps(p.span(), window, 3 * 365)]
        if len(candidates) > 1:
            close = [p for p in candidates if overlaps(p.span(), window, 365)]
            candidates = close if len(close) == 1 else candidates
        return candidates[0] if len(candidates) == 1 else None

    def _by_words(self, spell: Spell, name: str, window) -> Person | None:
        """A name whose words are a subset of the other's (2+ words), both in office at about that time."""
        word_form = (lambda w: w) if spell.country in NO_SKELETON else skeleton
        mine = [word_form(t) for t in tokens(name)]
        if len(mine) < 2:
            return None
        pool = {id(p): p for t in tokens(name) for p in self.by_word.get((spell.country, skeleton(t)), [])}
        found = []
        for p in pool.values():
            if spell.qid and p.qid and p.qid != spell.qid:
                continue
            if any(_subset(mine, [word_form(t) for t in tokens(n)]) for n in p.names):
                if overlaps(p.span(), window, 365) or len(long_tokens(name)) >= 3:
                    found.append(p)
        return found[0] if len(found) == 1 else None

    def find_surname(self, spell: Spell) -> Person | None:
        """The head of that state at that time whose name contains the surname (REIGN/Archigos)."""
        words = [skeleton(t) for t in long_tokens(spell.name)]
        if not words:
            return None
        words = [words[0], words[-1]] if len(words) > 2 else words  # Antonis (Konstantinou) Samaras
        pool = {id(p): p for w in words for p in self.by_word.get((spell.country, w), [])}
        best, best_gap = None, 401
        for p in pool.values():
            if not any(_subset(words, [skeleton(t) for t in long_tokens(n)]) for n in p.names):
                continue
            for s in p.spells:
                if head_like(s) and s.code == spell.code and s.start and spell.start:
                    gap = abs(_days(s.start) - _days(spell.start))
                    if s.start_prec == YEAR:
                        gap = 0 if s.start[:4] == spell.start[:4] else gap
                    if gap < best_gap:
                        best, best_gap = p, gap
        return best


def _subset(small: list[str], big: list[str]) -> bool:
    rest = list(big)
    for w in small:
        if w in rest:
            rest.remove(w)
        else:
            return False
    return True


def _days(date: str) -> int:
    return int(date[:4]) * 365 + int(date[5:7]) * 31 + int(date[8:10])


# ------------------------------------------------------------------ joining sources

def join(spell_lists: list[list[Spell]], curated_people: list[dict], curated_offices: dict[str, list],
         key_name) -> list[Person]:
    """Every person with their spells; curated people first, then sources by the quality of their names."""
    reg = Registry()
    for row in curated_people:
        person = reg.new(row["country"], curated=row)
        person.pid = row["id"]
        reg.add_name(person, row["name"], "curated")
        reg.index(person, qid=row["wikidata"])
        for key in row["key_list"]:
            reg.index(person, key=key)
        for variant in row["full_variants"]:
            reg.add_name(person, variant, "curated")
        for code, title, start, end in curated_offices.get(row["id"], []):
            person.spells.append(Spell("curated", row["country"], code, title, "", row["name"], start,
                                       DAY if start else NONE, end, DAY if end else NONE,
                                       "" if end else "2025-12-31"))
    later: list[Spell] = []
    for spells in spell_lists:
        for spell in spells:
            if spell.surname_only or spell.source in ("igo2021", "archigos") or (
                    spell.source == "phoenix" and not spell.country):
                later.append(spell)
                continue
            _place(reg, spell, key_name)
    for spell in sorted(later, key=lambda s: (RANK[s.source], s.surname_only)):
        _place_late(reg, spell)
    return [p for p in reg.people if p.spells or p.curated]


REALM_NAMES = {"elizabeth ii", "charles iii"}


def _place(reg: Registry, spell: Spell, key_name) -> None:
    name = spell.name or (key_name(spell.keys[0]) if spell.keys else "")
    if norm(name) in REALM_NAMES and spell.country != "GBR":
        return  # "QUEEN_ELIZABETH_II [KNAGOV ...]": the realm's monarch is the British one
    person = reg.find(spell, name)
    for extra in spell.names if person is None else ():
        person = person or reg.find(spell, extra)
    if person is None:
        person = reg.new(spell.country)
    person.spells.append(spell)
    reg.add_name(person, name, spell.source)
    for extra in spell.names:
        reg.add_name(person, extra, spell.source)
    for key in spell.keys:
        reg.index(person, key=key)
    reg.index(person, qid=spell.qid)


def _place_late(reg: Registry, spell: Spell) -> None:
    """Organisation terms (matched anywhere by Wikidata id, key or a name held by one person only) and
    surname-only terms (matched to that state's head at that time, else a new person)."""
    if spell.surname_only or spell.source == "archigos":
        person = reg.find(spell, spell.name)
        last = long_tokens(spell.name)[-1:] if long_tokens(spell.name) else []
        for surname in ([] if person else [spell.name, *spell.names, *last]):
            person = person or reg.find_surname(Spell(**{**spell.__dict__, "name": surname}))
        if person is None:
            person = reg.new(spell.country)
            reg.add_name(person, spell.name, spell.source)
        if re.fullmatch(r"[\w'-]+", spell.name):
            person.surnames.add(spell.name)
        person.spells.append(spell)
        return
    person = reg.by_qid.get(spell.qid) if spell.qid else None
    if person is None and spell.keys:
        hits = reg.by_key_any.get(spell.keys[0], [])
        person = hits[0] if len({id(p) for p in hits}) == 1 else None
    if person is None and spell.name:
        hits = {id(p): p for p in reg.by_norm_any.get(norm(spell.name), [])}
        person = next(iter(hits.values())) if len(hits) == 1 else None
    if person is not None:
        person.spells.append(spell)
        reg.index(person, qid=spell.qid)


# ------------------------------------------------------------------ terms

@dataclass
class Term:
    """One office term of a person, joined from several spells."""

    code: str
    title: str
    head: str
    state: str
    start: str
    end: str
    open_confirmed: str  # for a term with no known end: the newest snapshot that saw it
    spells: list[Spell]

    def window(self) -> tuple[str, str]:
        return (self.start or "0000-01-01", self.end or self.open_confirmed or "9999-12-31")


def title_class(spell: Spell) -> str:
    if spell.title in ("foreign minister", "defence minister"):
        return spell.title
    if spell.head == "government" or spell.title in ("prime minister", "chancellor"):
        return "hog"
    if spell.head in ("state", "state+government") or spell.title in EXECUTIVE | {"supreme leader", "emperor"}:
        return "hos:" + spell.state
    if spell.head == "leader":
        return "leader"
    return spell.title or "member"


def terms_of(person: Person) -> list[Term]:
    """Group a person's spells into terms and settle each term's dates, title and head."""
    groups: dict[tuple[str, str], list[list[Spell]]] = defaultdict(list)
    loose: list[Spell] = []
    for spell in sorted(person.spells, key=lambda s: (s.start or "0000", RANK[s.source])):
        if spell.source == "phoenix" or spell.head == "leader":
            loose.append(spell)
            continue
        _add_to_group(groups[(spell.code, title_class(spell))], spell)
    for spell in loose:
        target = _attach(groups, spell)
        if spell.source == "phoenix" and not spell.end:
            _phoenix_confirmed(spell, target)
        if target is None:
            _add_to_group(groups[(spell.code, "leader" if spell.head == "leader" else "official")], spell)
        else:
            target.append(spell)
    terms = [_settle(code, spells) for (code, _), clusters in groups.items() for spells in clusters]
    if person.curated:
        terms = _curated_first(terms)
    return terms


def _phoenix_confirmed(spell: Spell, target: list[Spell] | None) -> None:
    """Phoenix's open roles: heads were updated to its Jan 2014 edition, cabinets mostly were not (an open
    cabinet role that CountryInfo 120116 already lists is confirmed to Feb 2011 only)."""
    if target is not None and any(head_like(s) for s in target):
        return
    if spell.start < "2011-03-01" or target is not None:
        spell.confirmed = "2011-02-28"


# monthly snapshots miss a month now and then: spells of one office this close are one term
SNAPSHOT_GAP_DAYS = 62


def _adjacent(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """The two windows overlap, or one ends at most SNAPSHOT_GAP_DAYS before the other starts."""
    if overlaps(a, b):
        return True
    first, second = sorted((a, b))
    if first[1].startswith(("0000", "9999")) or second[0].startswith(("0000", "9999")):
        return False
    return 0 <= _days(second[0]) - _days(first[1]) <= SNAPSHOT_GAP_DAYS


def _add_to_group(clusters: list[list[Spell]], spell: Spell) -> None:
    window = interval([spell])
    hits = [c for c in clusters if _adjacent(interval(c), window)]
    if not hits:
        clusters.append([spell])
        return
    hits[0].append(spell)
    for other in hits[1:]:
        hits[0].extend(other)
        clusters.remove(other)


def _attach(groups, spell: Spell) -> list[Spell] | None:
    """The titled cluster an untitled (Phoenix) or effective-leader spell belongs to."""
    window = interval([spell])
    best, best_score = None, None
    for (code, cls), clusters in groups.items():
        if code != spell.code or (spell.head == "leader" and cls in ("foreign minister", "defence minister")):
            continue
        for cluster in clusters:
            lo, hi = interval(cluster)
            if not overlaps((lo, hi), window):
                continue
            if spell.head == "leader":
                if cls not in ("hog",) and not cls.startswith("hos:"):
                    continue
                score = abs(_days(lo) - _days(window[0]))
                inside = _days(min(hi, window[1])) - _days(max(lo, window[0]))
                length = max(1, _days(min(window[1], "2025-12-31")) - _days(window[0]))
                if score > 400 and inside < length / 2 and not (
                        cluster[0].start_prec == YEAR and lo[:4] == window[0][:4]):
                    continue
            else:
                inside = min(hi, window[1]) >= max(lo, window[0])
                score = -(_days(min(hi, window[1])) - _days(max(lo, window[0]))) if inside else 0
                span = _days(window[1]) - _days(window[0]) if not window[1].startswith("9999") else 3650
                same_start = abs(_days(lo) - _days(window[0])) <= 62
                if -score < span / 2 and not same_start:
                    continue
            if best_score is None or score < best_score:
                best, best_score = cluster, score
    return best


def _settle(code: str, spells: list[Spell]) -> Term:
    curated = [s for s in spells if s.source == "curated"]
    if curated:
        start = min((s.start for s in curated if s.start), default="")
        ends = [s.end for s in curated]
        end = "" if "" in ends else max(ends)
        confirmed = "2025-12-31" if not end else ""
    else:
        office = [s for s in spells if s.source not in LEADER_SOURCES] or spells
        start = _best(_refining(spells, office, "start"), "start", min)
        end, confirmed = _end(_refining(spells, office, "end"))
    titled = sorted((s for s in spells if s.title and s.title not in ("leader",)),
                    key=lambda s: (s.source != "curated", -_days(s.start or "0000-01-01"),
                                   NAME_RANK.get(s.source, 9), s.title))
    title = titled[0].title if titled else ("leader" if any(s.head == "leader" for s in spells) else "official")
    head = _head(code, title, {s.head for s in spells if s.head})
    state = next((s.state for s in spells if s.state), code[:3] if head and not code.startswith("IGO") else "")
    return Term(code, title, head, state, start, end, confirmed, spells)


# Titles whose head differs from what the word says: Iran's president heads the government under the
# Supreme Leader; the Vatican's President of the Governorate runs it under the Pope.
HEAD_OVERRIDE = {("IRN", "president"): "government", ("VAT", "president"): "government"}


def _head(code: str, title: str, heads: set[str]) -> str:
    """Head of state, of government or both for a term, from its spells' heads and its title."""
    if (code[:3], title) in HEAD_OVERRIDE and not code.startswith("IGO"):
        return HEAD_OVERRIDE[(code[:3], title)]
    if title == "leader" and heads <= {"leader"}:
        return "leader" if heads else ""
    cls = title_class(Spell("", "", code, title, "", ""))
    if "state+government" in heads:
        return "state+government"
    if "government" in heads or cls == "hog":
        return "government"
    if "state" in heads or cls.startswith("hos"):
        return "state"
    return "leader" if "leader" in heads else ""


# Effective-leader sources: their dates are those of the leadership, not always of the office (Hadi led
# Yemen's government until 2015 by REIGN and stayed president until 2022).
LEADER_SOURCES = {"reign", "archigos"}


def _refining(spells: list[Spell], office: list[Spell], attr: str) -> list[Spell]:
    """The office sources' spells plus effective-leader spells whose date falls in a year the office
    sources give only as a year (they make it exact)."""
    if office is spells:
        return spells
    years = {getattr(s, attr)[:4] for s in office if getattr(s, attr + "_prec") == YEAR}
    extra = [s for s in spells if s.source in LEADER_SOURCES and getattr(s, attr)[:4] in years]
    if attr == "end":
        extra = [Spell(**{**s.__dict__, "confirmed": ""}) for s in extra]
    return office + extra


def _best(spells: list[Spell], attr: str, pick) -> str:
    values = [(getattr(s, attr + "_prec"), getattr(s, attr)) for s in spells if getattr(s, attr)]
    if not values:
        return ""
    top = max(p for p, _ in values)
    return pick(v for p, v in values if p == top)


def _end(spells: list[Spell]) -> tuple[str, str]:
    """(end, open_confirmed): a stated end, unless a source newer than every source stating an end saw
    the term still open after it (Biya: Wikipedia's 2017 end loses to Wikidata's 2022 "in office")."""
    end = _best(spells, "end", max)
    confirmed = max((s.confirmed for s in spells if not s.end and s.confirmed), default="")
    newest_end = max((SNAPSHOT[s.source] for s in spells if s.end), default="")
    if end and confirmed > end and confirmed > newest_end:
        return "", confirmed
    return (end, "") if end else ("", confirmed)


def _curated_first(terms: list[Term]) -> list[Term]:
    """A curated person's source terms from 2010 on come in only when a curated term covers them."""
    return [t for t in terms if any(s.source == "curated" for s in t.spells) or (t.start and t.start < "2010-01-01")
            or (t.state and t.state != t.code[:3])  # a realm's monarch: no curated row per realm
            or (not t.start and t.end and t.end < "2010-01-01")]


# ------------------------------------------------------------------ across people

def settle_all(people: list[Person]) -> dict[int, list[Term]]:
    """Terms of every person, with effective leaders typed, presidents of presidential systems made heads
    of government too, and open terms closed by their successors or at their last confirmation."""
    terms = {id(p): terms_of(p) for p in people}
    _type_leaders([t for ts in terms.values() for t in ts])
    _close_open(people, terms)
    _presidential(terms)
    return terms


def _type_leaders(terms: list[Term]) -> None:
    """An effective leader no other source names gets the office of the effective leader of that state
    closest in time whom other sources do name (the prime minister in parliamentary states, the president
    in presidential ones)."""
    typed: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for t in terms:
        if t.head in ("state", "government", "state+government") and any(s.head == "leader" for s in t.spells):
            typed[t.code].append((t.start or "0000-01-01", t.head, t.title))
    for t in terms:
        if t.head == "leader" and typed.get(t.code):
            start = t.start or "0000-01-01"
            _, t.head, t.title = min(typed[t.code], key=lambda x: abs(_days(x[0]) - _days(start)))
            t.state = t.code[:3]


def _presidential(terms: dict[int, list[Term]]) -> None:
    """A head of state with an executive title is also head of government while no head of government
    is known, in states where a source shows the head of state heading the government: one list for
    both (Wikipedia), one office (Wikidata, the 2026 snapshot), or CountryInfo listing presidents and no
    prime minister. A term is cut where that changes (Angola's president: also head of government once
    the premiership was abolished in 2010)."""
    everyone = [t for ts in terms.values() for t in ts]
    single = {t.state for t in everyone if t.head == "state+government"}
    ci_hos = {t.state for t in everyone if t.head == "state" and any(s.source == "countryinfo" for s in t.spells)}
    ci_hog = {t.state for t in everyone if t.head == "government"
              and any(s.source == "countryinfo" for s in t.spells)}
    single |= ci_hos - ci_hog
    hog: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for t in everyone:
        if t.head in ("government", "state+government"):
            hog[t.state].append(t.window())
    for key, ts in terms.items():
        out = []
        for t in ts:
            if t.head == "state" and t.state in single and t.title in EXECUTIVE:
                out += _cut(t, [w for w in hog[t.state] if w != t.window()])
            else:
                out.append(t)
        terms[key] = out


def _cut(t: Term, hog: list[tuple[str, str]]) -> list[Term]:
    """A head of state's term in pieces: 'state' while a head of government is known, 'state+government'
    for stretches of 180 days or more without one."""
    lo, hi = t.window()
    hi_cap = min(hi, "2025-12-31")
    if hi_cap <= lo:
        return [t]
    free, cursor = [], lo
    for a, b in sorted(hog):
        if b < cursor or a > hi_cap:
            continue
        if a > cursor:
            free.append((cursor, a))
        cursor = max(cursor, b)
    if cursor < hi_cap:
        free.append((cursor, hi_cap))
    free = [(a, b) for a, b in free if _days(b) - _days(a) >= 180]
    if not free:
        return [t]
    if len(free) == 1 and free[0] == (lo, hi_cap):
        t.head = "state+government"
        return [t]
    pieces, cursor = [], lo
    for a, b in free:
        if a > cursor:
            pieces.append((cursor, a, "state"))
        pieces.append((a, b, "state+government"))
        cursor = b
    if cursor < hi_cap:
        pieces.append((cursor, hi_cap, "state"))
    out = []
    for i, (a, b, head) in enumerate(pieces):
        last = i == len(pieces) - 1
        out.append(Term(t.code, t.title, head, t.state, t.start if i == 0 else a, t.end if last else b,
                        t.open_confirmed if last else "", t.spells))
    return out


def _close_open(people: list[Person], terms: dict[int, list[Term]]) -> None:
    """Open terms end at the next holder's start; old snapshots' open terms at their snapshot date."""
    series: dict[tuple[str, str], list[tuple[str, int, Term]]] = defaultdict(list)
    for p in people:
        for t in terms[id(p)]:
            for group in _series(t):
                series[group].append((t.start or "0000", id(p), t))
    for group, members in series.items():
        members.sort(key=lambda m: m[0])
        for _start, pid, t in members:
            if t.end or (group[1] == "hos" and group[0] in COLLEGIAL):
                continue
            # the next holder who came in after this holder's last (re)entry and was not an interim
            # gone again before this holder was last seen in office
            last = max((s.start for s in t.spells if s.start), default=t.start or "0000")
            later = [o.start for s, other, o in members if other != pid and s > last
                     and not (o.end and t.open_confirmed and o.end < t.open_confirmed)]
            if later:
                t.end = min(later)
    for ts in terms.values():
        for t in ts:
            if not t.end and t.open_confirmed and t.open_confirmed < RECENT:
                t.end = t.open_confirmed
            if t.end and t.start and t.end < t.start:
                t.end = t.start


def _series(t: Term) -> list[tuple[str, str]]:
    """The office series a term belongs to; a president who also heads the government is succeeded by
    the next president (a prime minister appointed under him does not end his term)."""
    if t.head in ("state", "state+government"):
        return [(t.state, "hos")]
    if t.head == "government":
        return [(t.state, "hog")]
    if t.title in ("foreign minister", "defence minister") and not t.code.startswith("IGO"):
        return [(t.code, t.title)]
    return []


__all__ = ["DAY", "MONTH", "NONE", "YEAR", "Person", "Term", "join", "settle_all"]
