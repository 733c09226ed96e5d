"""Discourse: a side the clause does not name, taken from around it by a rule that says why: the
nearest actor of another country in the sentence (`context`) or the sentences before it
(`nearby`), the country the article is about (`article`)."""

from __future__ import annotations

from spacy.tokens import Token

from kroniek.actors.resolve import DocActors
from kroniek.events import clause
from kroniek.events.patterns import Grammar
from kroniek.model import Actor


class Discourse:
    """Mixin of the EventCoder (events/code.py): needs `grammar`."""

    grammar: Grammar

    def _nearest_other(self, anchor: Token, actors: DocActors, exclude: list[Actor],
                       around: tuple[int, int] = (0, 0)) -> list[Actor]:
        """The actor nearest to the anchor that is not of the source's own country, in the sentence
        ("Toen Rusland de olietoevoer naar Belarus onderbrak, bood Washington de helpende hand") or,
        with `around` = (sentences before, sentences after), in the sentences next to it ("Turkije
        zet tien ambassadeurs uit" after a sentence naming the Dutch envoy)."""
        own = {(a.code or "")[:3] for a in exclude}
        doc = anchor.doc
        sents = list(doc.sents) if around != (0, 0) else [anchor.sent]
        here = next(i for i, s in enumerate(sents) if s.start <= anchor.i < s.end)
        window = sents[max(0, here - around[0]) : here + around[1] + 1]
        if around != (0, 0):
            # the sentences around it only: its own sentence is the `context` slot's
            window = [sent for sent in window if sent.start != anchor.sent.start]
        options = {id(a): a for sent in window for i in range(sent.start, sent.end)
                   if (a := actors.at(doc[i])) is not None}
        # the source's own partners ("De VS en andere westerse mogendheden") are not its other party
        partners = {t.i for a in exclude if a.text for t in doc[a.head].conjuncts}
        options_list = [a for a in options.values() if a.code and a not in exclude and a.code[:3] not in own
                        and a.head not in partners
                        and a.rule != "coref:pronoun"
                        and clause.preposition(doc[a.head]) not in self.grammar.channel_preps]
        if not options_list:
            return []
        # in its own sentence the nearest; around it, what was named before comes first
        nearest = min(options_list, key=lambda a: (a.head > anchor.i and around != (0, 0), abs(a.head - anchor.i)))
        if around != (0, 0):
            return [nearest]
        # in the sentence, with the actors coordinated with it: "de landen Mozambique, Zimbabwe en Malawi"
        group = [a for a in self._actors_at(doc[nearest.head], actors) if a in options_list]
        if nearest not in group:
            group = [nearest]
        for listed in self._listed_with(doc, nearest, actors):
            if listed in options_list and listed not in group:
                group.append(listed)
        return group

    @staticmethod
    def _article_country(anchor: Token, actors: DocActors, exclude: list[Actor]) -> list[Actor]:
        """The country the article is about, when it is not the source's own."""
        own = {(a.code or "")[:3] for a in exclude}
        if actors.main_country and actors.main_country not in own:
            country = actors.main_country
            return [Actor(text="", start=anchor.idx, end=anchor.idx, code=country, country=country,
                          rule="context:article-country", head=anchor.i, tokens=(anchor.i, anchor.i))]
        return []
