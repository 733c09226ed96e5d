"""Quoted speech: in a quote, "ik"/"I" is the speaker and "u"/"you" the one spoken to, where the text
says who spoke (a speech verb's subject, "aldus X") and to whom ("zei Nebenzia tegen Haley")."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kroniek.actors.mentions import DocActors, Mentions, first_bare_actor
from kroniek.model import Actor

# ",,": Dutch papers type the low opening quote as two commas (",,Wij blokkeren ...”")
_OPENING_QUOTES = {"“", "„", "«", "‘‘", "``", ",,"}
_CLOSING_QUOTES = {"”", "»", "’’", "''"}
# single typographic quotes as tokens of their own (an apostrophe stays inside its word: "Lithuania’s")
_OPENING_SINGLE, _CLOSING_SINGLE = "‘", "’"


_QUOTE_MARKS = (*_OPENING_QUOTES, *_CLOSING_QUOTES, _OPENING_SINGLE, _CLOSING_SINGLE, '"')


def _quote_regions(doc: Doc, index: dict[str, list[int]]) -> list[tuple[int, int]]:
    """(first, last) token indices inside each quotation, in text order: typographic quotes by
    their direction (double and single apart, so one may nest in the other), straight double quotes
    paired in order. `index`: the positions of each word form (Names._token_index), so only the
    quote marks are visited."""
    regions: list[tuple[int, int]] = []
    marks = sorted((i, mark) for mark in _QUOTE_MARKS for i in index.get(mark, ()))
    open_at: int | None = None
    single: int | None = None
    straight: int | None = None

    def close(start: int | None, end: int) -> None:
        if start is not None and end - start > 1:
            regions.append((start + 1, end - 1))

    for i, text in marks:
        if text in _OPENING_QUOTES:
            open_at = i
        elif text in _CLOSING_QUOTES and open_at is not None:
            close(open_at, i)
            open_at = None
        elif text == _OPENING_SINGLE:
            single = i
        elif text == _CLOSING_SINGLE and single is not None:
            close(single, i)
            single = None
        elif text == '"':
            if straight is None:
                straight = i
            else:
                close(straight, i)
                straight = None
    return sorted(regions)


class Quotes(Mentions):
    """Mixin of the ActorResolver (actors/resolve.py)."""

    def _quoted_persons(self, doc: Doc, found: DocActors) -> None:
        """In a quote, "ik"/"I" is the speaker and "u"/"you" the one spoken to, when the text says
        who spoke to whom: "''Ik wil u vragen ...'', zei Nebenzia tegen Haley". The speaker is named
        in a sentence the quote spans (before it: "zei Balkenende: ,,We ..."), else in the sentence
        right after it ("... .” Zei de minister."), else, as news writes a quote that continues what
        someone just said ("X said on Monday.\n\n“I ...”"), in the sentence right before it."""
        sents = list(doc.sents)
        speakers = [self._sentence_speaker(sent, found) for sent in sents]
        for k, sent in enumerate(sents):
            speaker, addressee = speakers[k]
            if speaker is not None:
                self._quote_pronouns(sent, found, speaker, addressee, before=speaker.tokens[0])
            elif (named := self._colon_speaker(sent, found)) is not None:
                # "Rosenthal: 'Ik betreur ...'": what follows the colon is the named one's
                speakers[k] = (named, None)
                self._quote_pronouns(doc[named.tokens[1] + 1 : sent.end], found, named, None, before=sent.end)
        for start, end in _quote_regions(doc, self._token_index(doc)):
            first = next(k for k, sent in enumerate(sents) if sent.start <= start < sent.end)
            last = next(k for k, sent in enumerate(sents) if sent.start <= end < sent.end)
            speaker, addressee = next((speakers[k] for k in (last, first) if speakers[k][0] is not None),
                                      (None, None))
            if speaker is None and last + 1 < len(sents) and sents[last + 1].start <= end + 2:
                speaker, addressee = speakers[last + 1]  # "... .” Zei de minister." as its own sentence
            if speaker is None and first > 0 and self._opens_sentence(sents[first], start):
                speaker, addressee = speakers[first - 1]
            if speaker is not None:
                self._quote_pronouns(doc[start : end + 1], found, speaker, addressee, before=end + 1)

    @staticmethod
    def _colon_speaker(sent: Span, found: DocActors) -> Actor | None:
        """The actor that opens the sentence and is followed by a colon ("Rosenthal: ...")."""
        doc = sent.doc
        first = next((t for t in sent if not (t.is_punct or t.is_space)), None)
        actor = found.at(first) if first is not None else None
        if actor is None or not actor.code or actor.tokens[0] != first.i:
            return None
        end = actor.tokens[1]
        return actor if end < sent.end and doc[end].text == ":" else None

    @staticmethod
    def _opens_sentence(sent: Span, start: int) -> bool:
        """A quote that begins its sentence (after its opening quote mark)."""
        return all(t.is_punct or t.is_space for t in sent.doc[sent.start : start])

    def _sentence_speaker(self, sent: Span, found: DocActors) -> tuple[Actor | None, Actor | None]:
        """Who speaks in a sentence with a speech verb (or "aldus X"), and to whom, if the sentence says."""
        lex = self.lexicon
        for verb in sent:
            if verb.lower_ in lex.attribution_words:
                # the parse hangs "aldus" on the name as its preposition: the first actor after it
                actor = next((a for t in self._clause_after(verb) if (a := found.at(t)) is not None), None)
                if actor is not None and actor.code:
                    return actor, None
                continue
            if verb.lemma_.lower() not in lex.speech_verbs:
                continue
            # after a quote the subject follows the verb ("'...', zei de bondskanselier"): where
            # the parse names no subject, the first actor after the verb that heads no phrase
            after = self._clause_after(verb)
            subj = next((c for c in verb.children if c.dep_.startswith("nsubj")), None)
            if subj is None and not set(verb.morph.get("VerbForm")) & {"Part", "Ger", "Inf"}:
                subj = first_bare_actor(after, found)
            elif subj is None and verb.dep_ in ("advcl", "xcomp", "conj"):
                # "Lukashenko acknowledged ..., telling Berlusconi": a participle's speaker is the
                # subject of the clause it hangs on; the name after it is the one spoken to
                subj = next((c for c in verb.head.children if c.dep_.startswith("nsubj")), None)
            actor = found.at(subj) if subj is not None else None
            if actor is not None and actor.code:
                to = next((c for c in verb.children if c.dep_.startswith("obl") and self._addressed(c)), None)
                # "tegen Haley" hung elsewhere by the parser: the phrase in the words after the verb
                to = to or next((t for t in after if self._addressed(t) and found.at(t) is not None), None)
                return actor, (found.at(to) if to is not None else None)
        return None, None

    def _quote_pronouns(self, span: Span, found: DocActors, speaker: Actor, addressee: Actor | None,
                        before: int) -> None:
        lex = self.lexicon
        for token in span:
            if token.i in found.by_token or token.i >= before:
                continue
            # as written in the lexicon: "ik" and "I" alike
            words = {token.text, token.lower_}
            if words & lex.first_person_pronouns:
                found.add(self._refer(token, speaker, "coref:quote-speaker"))
            elif words & lex.second_person_pronouns and addressee is not None and addressee.code:
                found.add(self._refer(token, addressee, "coref:quote-addressee"))

    def _addressed(self, token: Token) -> bool:
        """A phrase of the one spoken to: "tegen Haley"."""
        return any(c.dep_ == "case" and c.lower_ in self.lexicon.addressee_preps for c in token.children)
