"""Small per-language facts the resolver needs beyond the knowledge base (lexicon.LANG.yaml)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

from kroniek.yamlfile import read_yaml

DATA = Path(__file__).parent / "data"
_CONTAINERS = {"frozenset": frozenset, "tuple": tuple, "dict": dict}


@dataclass(frozen=True)
class ActorLexicon:
    articles: tuple[str, ...]  # articles a gazetteer name may carry ("het Kremlin")
    of_preps: frozenset[str]  # prepositions linking a role noun to its country ("regering van Rusland")
    portfolio_preps: frozenset[str]  # "minister voor Ontwikkelingssamenwerking", "Commissioner for Trade"
    person_pronouns: frozenset[str]  # third-person singular pronouns that refer back to a person
    plural_pronouns: frozenset[str]  # third-person plural pronouns that refer back to a subject actor
    plural_object_pronouns: frozenset[str]  # "hen", "them": the last plural noun before them
    demonstrative_pronouns: frozenset[str]  # "Die zei ...": the most recent agreeing noun of the sentence before
    relative_pronouns: frozenset[str]  # "die", "who": stand for the noun their clause hangs on
    thing_pronouns: frozenset[str]  # "Rusland ontkent dat het ...": the subject of the governing clause
    possessive_pronouns: frozenset[str]  # "zijn felicitatieboodschap": whose act a noun names
    plural_possessives: frozenset[str]  # "hun huizen": refer to a group, never to one named person
    group_nouns: frozenset[str]  # nouns that name a group of states: "westerse landen" = the West
    foreign_roles: frozenset[str]  # envoys: never of the article's country by default
    inhabitants_role: str  # role code for a people named by its inhabitants ("de Belarussen")
    plural_suffixes: tuple[str, ...]  # endings to strip from a plural role noun ("gevangenen")
    compound_links: tuple[str, ...]  # joining letters of closed compounds; empty: no compound analysis
    compound_heads_excluded: frozenset[str]  # role words that are no role as a compound's last part
    person_heads: frozenset[str]  # "medewerker", "leiding": take their role from a prefix or adjective
    role_adjectives: dict[str, str]  # "militaire" -> MIL
    former_prefixes: frozenset[str]  # "oud-premier": the office is a former one
    former_words: frozenset[str]  # "former", "voormalige": the office named after them is a former one
    former_role: str  # role code of someone who held an office earlier (ELI)
    home_country: str | None  # the country this language's news takes as home ("het kabinet" = NLDGOV)
    home_roles: frozenset[str]  # role words that mean home's institution when no country is given
    local_roles: frozenset[str]  # role codes that belong to the place their clause names (COP, CVL)
    locative_preps: frozenset[str]  # "in Minsk": the place a clause names
    home_bound_roles: frozenset[str]  # roles of a country's own institutions and people (GOV, COP, OPP, ...)
    home_bound_words: frozenset[str]  # role words of another role that are such an institution ("the junta")
    agent_preps: frozenset[str]  # "de vrijlating van gevangenen door X": the act's agent
    authority_roles: frozenset[str]  # "de Iraanse autoriteiten executeerden demonstranten": their country
    not_actors: frozenset[str]  # fixed phrases with a country adjective that name no actor
    stance_prefixes: frozenset[str]  # "pro-European", "anti-Russisch": a stance, not an actor
    igo_regions: dict[str, str]  # an organisation's adjective on a group noun names its region
    first_person_pronouns: frozenset[str]  # in a quote: the speaker
    second_person_pronouns: frozenset[str]  # in a quote: the one spoken to
    speech_verbs: frozenset[str]  # lemmas of verbs that introduce a quote ("zei Nebenzia")
    addressee_preps: frozenset[str]  # "zei ... tegen Haley": who was spoken to
    attribution_words: frozenset[str]  # "..., aldus Borrell": the speaker follows without a verb
    name_particles: frozenset[str]  # "Van Oosterom": particles that belong to a surname
    place_nouns: frozenset[str]  # "de stad X": a name in apposition to one names a place
    # "het land", "de twee landen": nouns for a state that, with one of these determiners and no word
    # of their own saying which, refer back to the country (countries) the text just named
    country_anaphors: frozenset[str]  # singular: land, staat
    countries_anaphors: frozenset[str]  # plural: landen, staten
    organisation_anaphors: frozenset[str]  # "the bloc", "het bondgenootschap": the organisation named last
    anaphoric_determiners: frozenset[str]  # het, dit, dat, de, deze, die, beide
    pair_words: frozenset[str]  # beide, twee: the plural refers to two
    byline_words: frozenset[str]  # "By JOHN SMITH MINSK, Belarus": the word opening a byline before a dateline
    day_parts: frozenset[str]  # what a weekday compounds with ("maandagavond"): a time, never a name
    adjectives_name_people: bool  # English: "the Chinese", "thousands of Sudanese" are the people

    @staticmethod
    @lru_cache(maxsize=4)
    def load(lang: str) -> ActorLexicon:
        """The language's lexicon file; every field above must be a key there (null where unused)."""
        path = DATA / f"lexicon.{lang}.yaml"
        data = read_yaml(path)
        values = {}
        for f in fields(ActorLexicon):
            if f.name not in data:
                raise KeyError(f"{path}: missing key {f.name!r}")
            raw = data[f.name]
            kind = str(f.type).split("[")[0]
            values[f.name] = _CONTAINERS[kind](raw or ()) if kind in _CONTAINERS else raw
        return ActorLexicon(**values)

    def strip_article(self, name: str) -> str:
        """ "het Kremlin" -> "Kremlin": the parser attaches the article, the name is the match."""
        for article in self.articles:
            if name.lower().startswith(article + " "):
                return name[len(article) + 1 :]
        return name
