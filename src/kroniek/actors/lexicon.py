"""Small per-language facts the resolver needs beyond the knowledge base (lexicon.LANG.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class ActorLexicon:
    articles: tuple[str, ...]  # articles a gazetteer name may carry ("het Kremlin")
    of_preps: frozenset[str]  # prepositions linking a role noun to its country ("regering van Rusland")
    person_pronouns: frozenset[str]  # third-person singular pronouns that refer back to a person
    plural_pronouns: frozenset[str]  # third-person plural pronouns that refer back to a subject actor
    possessive_pronouns: frozenset[str]  # "zijn felicitatieboodschap": whose act a noun names
    group_nouns: frozenset[str]  # nouns that name a group of states: "westerse landen" = the West
    foreign_roles: frozenset[str]  # envoys: never of the article's country by default
    inhabitants_role: str  # role code for a people named by its inhabitants ("de Belarussen")
    plural_suffixes: tuple[str, ...]  # endings to strip from a plural role noun ("gevangenen")
    compound_links: tuple[str, ...]  # joining letters of closed compounds; empty: no compound analysis
    compound_heads_excluded: frozenset[str]  # role words that are no role as a compound's last part
    person_heads: frozenset[str]  # "medewerker", "leiding": take their role from a prefix or adjective
    role_adjectives: dict[str, str]  # "militaire" -> MIL
    former_prefixes: frozenset[str]  # "oud-premier": the office is a former one
    former_role: str  # role code of someone who held an office earlier (ELI)
    home_country: str | None  # the country this language's news takes as home ("het kabinet" = NLDGOV)
    home_roles: frozenset[str]  # role words that mean home's institution when no country is given
    not_actors: frozenset[str]  # fixed phrases with a country adjective that name no actor
    stance_prefixes: frozenset[str]  # "pro-European", "anti-Russisch": a stance, not an actor
    igo_regions: dict[str, str]  # an organisation's adjective on a group noun names its region
    first_person_pronouns: frozenset[str]  # in a quote: the speaker
    second_person_pronouns: frozenset[str]  # in a quote: the one spoken to
    speech_verbs: frozenset[str]  # lemmas of verbs that introduce a quote ("zei Nebenzia")
    addressee_preps: frozenset[str]  # "zei ... tegen Haley": who was spoken to

    @staticmethod
    @lru_cache(maxsize=4)
    def load(lang: str) -> ActorLexicon:
        data = yaml.safe_load((DATA / f"lexicon.{lang}.yaml").read_text(encoding="utf-8"))
        return ActorLexicon(
            articles=tuple(data["articles"]),
            of_preps=frozenset(data["of_preps"]),
            person_pronouns=frozenset(data["person_pronouns"]),
            plural_pronouns=frozenset(data["plural_pronouns"]),
            possessive_pronouns=frozenset(data["possessive_pronouns"]),
            group_nouns=frozenset(data["group_nouns"]),
            foreign_roles=frozenset(data["foreign_roles"]),
            inhabitants_role=data["inhabitants_role"],
            plural_suffixes=tuple(data["plural_suffixes"]),
            compound_links=tuple(data["compound_links"]),
            compound_heads_excluded=frozenset(data["compound_heads_excluded"]),
            person_heads=frozenset(data["person_heads"]),
            role_adjectives=dict(data["role_adjectives"]),
            former_prefixes=frozenset(data["former_prefixes"]),
            former_role=data["former_role"],
            home_country=data.get("home_country"),
            home_roles=frozenset(data.get("home_roles") or ()),
            not_actors=frozenset(p.lower() for p in data.get("not_actors") or ()),
            stance_prefixes=frozenset(data.get("stance_prefixes") or ()),
            igo_regions=dict(data.get("igo_regions") or {}),
            first_person_pronouns=frozenset(data.get("first_person_pronouns") or ()),
            second_person_pronouns=frozenset(data.get("second_person_pronouns") or ()),
            speech_verbs=frozenset(data.get("speech_verbs") or ()),
            addressee_preps=frozenset(data.get("addressee_preps") or ()),
        )

    def strip_article(self, name: str) -> str:
        """ "het Kremlin" -> "Kremlin": the parser attaches the article, the name is the match."""
        for article in self.articles:
            if name.lower().startswith(article + " "):
                return name[len(article) + 1 :]
        return name
