"""Discourse: a side the clause does not name, taken from around it by a rule that says why: the
one party of another country the sentence names (`context`), the other party of the story the
source is continuing from an event coded just before (`continued`), the country the article is
about (`article`). Never the nearest other country by default: where the sentence names several
other parties, or the story before names none with the source, the side stays empty."""

from __future__ import annotations

from spacy.tokens import Token

from kroniek.actors.resolve import DocActors
from kroniek.events import clause
from kroniek.events.patterns import Grammar
from kroniek.model import Actor, Event


class Discourse:
    """Mixin of the EventCoder (events/code.py): needs `grammar` and `_doc_events`, the events coded
    so far in the document being coded."""

    grammar: Grammar
    _doc_events: list[Event]

    def _others_in_sentence(self, anchor: Token, actors: DocActors, exclude: list[Actor]) -> list[Actor]:
        """The actors of the anchor's sentence of another country than the source's, but for the
        source's own partners, pronouns and channels ("via het Rode Kruis")."""
        own = {(a.code or "")[:3] for a in exclude}
        doc = anchor.doc
        options = {id(a): a for i in range(anchor.sent.start, anchor.sent.end) if (a := actors.at(doc[i])) is not None}
        # the source's own partners ("De VS en andere westerse mogendheden") are not its other party
        partners = {t.i for a in exclude if a.text for t in doc[a.head].conjuncts}
        # and those written in one list with it, however the parse coordinates them ("Ook de VS, de
        # EU, Italië en Frankrijk hebben daartoe opgeroepen": the EU asks too, it is not asked)
        for a in (a for a in exclude if a.text):
            listed = self._listed_with(doc, a, actors)
            # a list ends in "en"/"and" (also before an unnamed rest: "..., Frankrijk en andere
            # landen"); a comma alone may end a fronted phrase ("After pressure from the EU, Poland ...")
            span = doc[min(b.tokens[0] for b in (a, *listed)) : max(b.tokens[1] for b in (a, *listed)) + 1]
            if listed and any(t.pos_ == "CCONJ" for t in span):
                partners |= {b.head for b in listed}
        aside = self._parenthesised(anchor, actors)
        return [a for a in options.values() if a.code and a not in exclude and a.code[:3] not in own
                and a.head not in partners and a.head not in aside
                and a.rule not in ("coref:pronoun", "coref:demonstrative")
                and clause.preposition(doc[a.head]) not in self.grammar.channel_preps]

    @staticmethod
    def _parenthesised(anchor: Token, actors: DocActors) -> set[int]:
        """The tokens of the sentence between brackets, or in a relative clause, that do not hold the
        anchor: an aside ("Zijn tegenkandidaat (later gevlucht naar Litouwen) erkende ...") names no
        party of the clause."""
        inside: set[int] = set()
        start = None
        for t in anchor.sent:
            if t.text in ("(", "["):
                start = t.i
            elif t.text in (")", "]") and start is not None:
                if not start < anchor.i < t.i:
                    inside |= set(range(start + 1, t.i))
                start = None
            elif t.dep_ == "acl:relcl" and actors.at(t.head) is not None and anchor not in t.subtree:
                # so is a relative clause about an actor ("Tichanovskaja, die naar Litouwen is
                # gevlucht, sprak haar afschuw uit"); one about a thing may name the party ("hulp na de
                # cycloon, die Mozambique heeft getroffen")
                inside |= {d.i for d in t.subtree}
        return inside

    def _one_other(self, anchor: Token, actors: DocActors, exclude: list[Actor]) -> list[Actor]:
        """The other party when the sentence names one ("Toen Rusland de olietoevoer naar Belarus
        onderbrak, bood Washington de helpende hand"): one actor of another country, or one group
        written together ("de landen Mozambique, Zimbabwe en Malawi"); none when it names several."""
        options = self._others_in_sentence(anchor, actors, exclude)
        if not options:
            return []
        doc = anchor.doc
        first = min(options, key=lambda a: a.head)
        group = [a for a in self._actors_at(doc[first.head], actors) if a in options] or [first]
        for listed in self._listed_with(doc, first, actors):
            if listed in options and listed not in group:
                group.append(listed)
        if any(a not in group for a in options):
            return []  # several parties: which one the act concerns, the clause does not say
        return group

    def _continued(self, anchor: Token, actors: DocActors, exclude: list[Actor]) -> list[Actor]:
        """The same participants continued: when the sentence names no party but the source, the
        other side of the event coded last, in this sentence or the ones just before (grammar:
        nearby_sentences), with the source as one of its sides ("Turkije zet de Nederlandse
        ambassadeur uit. Ook tien andere ambassadeurs moeten vertrekken."): that story goes on."""
        if not exclude or self._others_in_sentence(anchor, actors, exclude):
            return []
        own = {(a.code or "")[:3] for a in exclude}
        index = next(i for i, s in enumerate(anchor.doc.sents) if s.start <= anchor.i < s.end)
        before = self.grammar.nearby_sentences[0]
        for event in reversed(self._doc_events):
            if event.sentence_index < index - before:
                break
            if event.target is None or not event.source.code or not event.target.code:
                continue
            sides = {event.source.code[:3]: event.target, event.target.code[:3]: event.source}
            for side, other in sides.items():
                if side in own and other.code[:3] not in own:
                    return [Actor(text="", start=anchor.idx, end=anchor.idx, code=other.code, name=other.name,
                                  country=other.country, wikidata=other.wikidata,
                                  rule=f"continued:sentence {event.sentence_index}", head=anchor.i,
                                  tokens=(anchor.i, anchor.i))]
        return []

    @staticmethod
    def _article_country(anchor: Token, actors: DocActors, exclude: list[Actor]) -> list[Actor]:
        """The country the article is about, when it is not the source's own."""
        own = {(a.code or "")[:3] for a in exclude}
        if actors.main_country and actors.main_country not in own:
            country = actors.main_country
            return [Actor(text="", start=anchor.idx, end=anchor.idx, code=country, country=country,
                          rule="context:article-country", head=anchor.i, tokens=(anchor.i, anchor.i))]
        return []
