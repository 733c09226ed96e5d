"""Whether an act happened: asserted, negated, hypothetical, demanded or reported.

Decided once per event from the clause around its anchor (a verb or an event noun) and the chain
of clauses above it. Policy (see README): news-attributed facts ("volgens de politie", the
reportative "zouden zijn opgepakt") stay `asserted` with lower confidence; an act told by another
political actor ("X zegt dat Y ...") is `reported`, unless the speaker is Y's own side.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from kroniek.events.clause import clause_tokens, full_lemmas, infinitival, preposition, subject
from kroniek.events.patterns import Grammar


@dataclass(frozen=True)
class Status:
    status: str
    reason: str = ""
    confidence: float = 1.0
    speaker: Token | None = None  # for reported speech: the subject of the speech verb; for a demand: who asked;
    # for an announced or refused act: the subject of the verb announcing or refusing it
    verb: str = ""  # the lemma of the speech or demand verb
    # the statement the clause makes about the act, which CAMEO codes as an event of its own
    # (events/statements.py): announce (intent or threat), appeal, demand, refuse, halt; "" for none
    mood: str = ""


_NEGATABLE = ("advmod", "det", "neg", "amod", "obj", "nsubj", "nsubj:pass")


def _negated(head: Token, grammar: Grammar) -> bool:
    """"niet"/"nooit" on the verb, or "geen"/"niemand" as or on its subject or object."""
    if head.pos_ in ("VERB", "AUX"):
        # a negator anywhere in the verb's own clause ("legt Rusland niet opnieuw sancties op")
        if any(t.lower_ in grammar.negators and t.dep_ in ("advmod", "det") for t in clause_tokens(head)):
            return True
    for child in head.children:
        if child.lower_ in grammar.negators and child.dep_ in _NEGATABLE:
            return True
        # "niet opnieuw": the negator may hang on another adverb of the verb
        if child.dep_ == "advmod" and any(g.lower_ in grammar.negators for g in child.children):
            return True
        if head.pos_ in ("VERB", "AUX") and child.dep_ in ("obj", "nsubj", "nsubj:pass"):
            if any(g.lower_ in grammar.negators and g.dep_ in ("det", "advmod") for g in child.children):
                return True
    return False


def _modal(verb: Token, grammar: Grammar) -> tuple[str, str] | None:
    # a clause has one finite verb: one the parse hung on the verb after it under a loose label is
    # its auxiliary, the verb an infinitive ("De EU wil/dep nieuwe sancties opleggen")
    aux = [c for c in verb.children if c.dep_ in ("aux", "aux:pass") or (
        c.dep_ in ("dep", "advmod") and c.i < verb.i and c.pos_ in ("VERB", "AUX")
        and "Fin" in c.morph.get("VerbForm"))]
    words = {c.lower_ for c in aux}
    lemmas = {c.lemma_.lower() for c in aux}
    if words & grammar.reportative_forms and lemmas & grammar.perfect_auxiliaries:
        return "reportative conditional", ""
    if words & grammar.reportative_forms:
        return "hypothetical", min(words & grammar.reportative_forms)
    if (modal := _listed(lemmas, grammar.modal_verbs)) and not _performative(verb, lemmas, grammar):
        return "modal", modal
    if (future := _listed(lemmas, grammar.future_auxiliaries)) and not (lemmas & {"gaan"} and verb.tag_ == ""):
        return "future", future
    # a hearsay adverb ("Russia reportedly moved troops"): English marks with an adverb what
    # Dutch marks with the auxiliary "zou"
    if any(c.dep_ == "advmod" and c.lower_ in grammar.reportative_forms for c in verb.children):
        return "reportative adverb", ""
    return None


def _cessation(head: Token, grammar: Grammar) -> bool:
    """"niet langer", "geen ... meer": the negation ends an act that went on."""
    near = list(clause_tokens(head)) if head.pos_ in ("VERB", "AUX") else list(head.subtree)
    return any(t.lower_ in grammar.cessation_words for t in near)


def _negation(head: Token, grammar: Grammar, reason: str, confidence: float, speaker: Token | None = None) -> Status:
    mood = "halt" if _cessation(head, grammar) else "refuse"
    return Status("negated", reason, confidence, speaker, mood=mood)


def _performative(act: Token, modal_lemmas: set[str], grammar: Grammar) -> bool:
    """"Ik wil u vragen ...": with a first-person subject, asking or saying under a performative
    modal is done by saying it."""
    if not modal_lemmas & grammar.performative_modals:
        return False
    subj = subject(act)
    return (subj is not None and subj.lower_ in grammar.first_person_subjects
            and bool(full_lemmas(act, grammar) & (grammar.demand_verbs | grammar.speech_verbs)))


def condition_clause(verb: Token, grammar: Grammar) -> bool:
    """The verb heads a clause a conditional conjunction opens ("als Moskou ... terugtrekt")."""
    return any(c.dep_ == "mark" and c.lower_ in grammar.conditional_markers for c in verb.children)


def _conditional(verb: Token, grammar: Grammar) -> bool:
    """The verb's clause is conditional, or depends on a conditional clause ("Als X, dan ...")."""
    if condition_clause(verb, grammar):
        return True
    for clause_head in verb.children:
        if clause_head.pos_ in ("VERB", "AUX") and clause_head.i < verb.i and clause_head.dep_ in ("advcl", "dep"):
            first = clause_head.doc[clause_head.left_edge.i]
            if first.lower_ in grammar.conditional_markers:
                return True
    return False


def _has_adverb(verb: Token, grammar: Grammar) -> bool:
    """A hedge among the verb's adverbials ("naar verwachting", "wellicht"), as whole words."""
    words = " ".join(t.lower_ for c in verb.children if c.dep_ in ("advmod", "obl", "amod", "fixed") for t in c.subtree)
    return any(f" {a} " in f" {words} " for a in grammar.hypothetical_adverbs)


def decide(anchor: Token, grammar: Grammar, is_noun: bool = False) -> Status:
    """The status of the act anchored at a verb (or an event noun) in its sentence."""
    if anchor.sent.text.rstrip().rstrip("\"'”’»)").endswith("?"):  # a question, quoted or not
        return Status("hypothetical", "question", 0.5)
    if anchor.pos_ in ("VERB", "AUX") and condition_clause(anchor, grammar):
        # "als Moskou de troepen niet terugtrekt": a condition, negated or not, is no act
        return Status("hypothetical", "conditional clause", 0.5)
    if _negated(anchor, grammar):
        return _negation(anchor, grammar, f"negated by {_negator(anchor, grammar)!r}", 0.9)
    if (intent := _intent_phrase(anchor, grammar)) is not None:
        return intent
    token: Token = anchor
    confidence = 1.0
    reason = ""
    depth = 0
    while depth < 6:
        verb = token if token.pos_ in ("VERB", "AUX") else None
        if verb is not None:
            if _negated(verb, grammar):
                negation = _negation(verb, grammar, f"negated by {_negator(verb, grammar)!r}", 0.9)
                # not doing it, or not wanting to, refuses the act; not having leave or means to does not
                # ("hebben geen toestemming om te onderhandelen")
                if depth and not full_lemmas(verb, grammar) & grammar.intent_modals:
                    return Status(negation.status, negation.reason, negation.confidence)
                return negation
            modal = _modal(verb, grammar)
            if modal and modal[0] in ("reportative conditional", "reportative adverb"):
                confidence, reason = 0.7, modal[0]
            elif modal and modal[1] in grammar.obligation_modals and (said := _speech_head(verb, grammar)) is not None:
                # "Frankrijk vindt dat Rusland zijn troepen moet terugtrekken": a demand of the speaker
                return _obligation(said, modal[1], grammar)
            elif modal:
                kind, lemma = modal
                # "X zal/wil Y aanvallen": X announces its own act (an intention or a threat)
                announced = kind == "future" or lemma in grammar.intent_modals
                return Status("hypothetical", "future" if kind == "future" else "hypothetical", 0.5,
                              subject(verb) if announced else None, lemma, mood="announce" if announced else "")
            if _conditional(verb, grammar):
                return Status("hypothetical", "conditional clause", 0.5)
            if _has_adverb(verb, grammar) and depth == 0:
                return Status("hypothetical", "hedging adverb", 0.5)
            # a control verb the parser took for an auxiliary ("Rusland weigert/AUX sancties op te heffen")
            controls = {w for c in verb.children if c.dep_ == "aux" for w in full_lemmas(c, grammar)}
            if refused := controls & grammar.negating_verbs:
                return _negation(verb, grammar, f"under {min(refused)!r}", 0.8, subject(verb))
            if announced := controls & grammar.warning_verbs:
                lemma = min(announced)
                return Status("hypothetical", f"announced by {lemma!r}", 0.5, subject(verb), lemma,
                              mood="announce" if lemma in grammar.announcing_verbs else "")
        head = token.head
        if head == token:
            if token == anchor and infinitival(anchor):
                # a "te"-infinitive never heads a sentence: the verb it depends on ("riep op ... vrij
                # te laten", "Russia to impose sanctions") is lost in the parse, and with it whether
                # the act took place
                return Status("hypothetical", "infinitive without the verb it depends on", 0.5)
            break
        lemmas = full_lemmas(head, grammar) if head.pos_ in ("VERB", "AUX") else {head.lemma_.lower(), head.lower_}
        # a predicate noun with its preposition is one word of the lists: "van plan (zijn)"
        lemmas = set(lemmas) | {f"{c.lower_} {head.lemma_.lower()}" for c in head.children if c.dep_ == "case"}
        # a "dat"-clause the parser hung as an adverbial clause is still the verb's complement
        dep = "ccomp" if token.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in grammar.complementizers for c in token.children) else token.dep_
        if token == anchor and dep == "conj" and _marked_infinitive(anchor, grammar):
            # "called on X to immediately and unconditionally release/conj ...": the infinitive marker
            # before it, past adverbs only, makes it the verb's complement whatever the parse says
            dep = "xcomp"
        if token == anchor and dep == "obl" and preposition(token) in grammar.locative_preps:
            # the act named in a phrase of place is where the verb happened, not what it asks for,
            # announces or refuses ("In zijn gelukwens aan X zinspeelde Y op ...": the wish was sent)
            dep = "obl:setting"
        if token == anchor and is_noun and dep == "obj" and (lemma := _listed(lemmas, grammar.intent_modals)):
            # an act wanted is not yet done: "Rusland wil een ontmoeting", "Russia wants talks" (an intention)
            return Status("hypothetical", f"wanted by {lemma!r}", 0.5, subject(head), lemma, mood="announce")
        if token == anchor and is_noun and dep in ("nmod", "obl", "obl:arg") and (
                lemma := _listed(lemmas, grammar.speculation_nouns)):
            # "geruchten over een Chinese inval", "fears of an invasion": spoken of, not done
            return Status("hypothetical", f"under {lemma!r}", 0.5)
        if token == anchor and dep in ("nsubj", "csubj") and _listed(lemmas, grammar.necessity_words):
            # "een ontmoeting is noodzakelijk", "a meeting was necessary": called for, not held
            return Status("hypothetical", f"called {head.lemma_.lower()!r}", 0.5)
        if (lemma := _listed(lemmas, grammar.negating_verbs)) and dep in (
            "xcomp", "ccomp", "obj", "obl", "obl:arg",
        ):
            return _negation(head, grammar, f"under {lemma!r}", 0.8, subject(head))
        if (lemma := _listed(lemmas, grammar.demand_verbs | grammar.demand_nouns)) and dep in (
            "xcomp", "ccomp", "obj", "obl", "obl:arg", "nmod", "acl", "iobj", "advcl",
        ):
            asker = subject(head)
            mood = "demand" if lemma in grammar.insisting_verbs else "appeal"
            return Status("demanded", f"asked for by {lemma!r}", 0.8, asker, lemma, mood=mood)
        if (lemma := _listed(lemmas, grammar.desire_verbs)) and dep == "ccomp" and any(
                c.dep_ == "mark" and c.lower_ in grammar.complementizers for c in token.children):
            # "Polen wil dat de EU de sancties verscherpt": wanting that another acts demands it
            return Status("demanded", f"wanted by {lemma!r}", 0.8, subject(head), lemma, mood="demand")
        if (lemma := _listed(lemmas, grammar.obligation_modals)) and dep == "xcomp" and (
                said := _speech_head(head, grammar)) is not None:
            # the modal heads its clause ("... dat Griekenland moet/VERB stoppen/xcomp met ...")
            return _obligation(said, lemma, grammar)
        if (lemma := _listed(lemmas, grammar.modal_verbs)) and dep == "xcomp" and not _performative(
                token, lemmas, grammar):
            # a modal verb that heads its clause ("Mugabe wil/VERB de boeren ... uitzetten/xcomp")
            announced = lemma in grammar.intent_modals
            return Status("hypothetical", f"modal {lemma!r}", 0.5, subject(head) if announced else None, lemma,
                          mood="announce" if announced else "")
        if (lemma := _listed(lemmas, grammar.future_auxiliaries)) and dep == "xcomp" and token.pos_ in ("VERB", "AUX"):
            # "gaan" with an infinitive heads its clause in UD Dutch ("De EU gaat/VERB sancties
            # opleggen/xcomp"): the act is still to come
            return Status("hypothetical", f"future with {lemma!r}", 0.5, subject(head), lemma, mood="announce")
        if (lemma := _listed(lemmas, grammar.warning_verbs)) and dep in (
            "ccomp", "xcomp", "obl", "obl:arg", "advcl",
        ):
            return Status("hypothetical", f"announced by {lemma!r}", 0.5, subject(head), lemma,
                          mood="announce" if lemma in grammar.announcing_verbs else "")
        if (lemma := _listed(lemmas, grammar.speech_verbs)) and dep in ("ccomp", "parataxis"):
            speaker = next((c for c in head.children if c.dep_.startswith("nsubj")), None)
            return Status("reported", f"said by the subject of {lemma!r}", 0.7, speaker, lemma, mood="accuse")
        if token.dep_ in ("ROOT", "root") or token.dep_ in ("parataxis",):
            break
        # A subordinate clause or a noun phrase does not inherit modality from the clause above
        # unless it is its complement.
        if token.dep_ in ("advcl", "acl:relcl") and token != anchor:
            break
        token = head
        depth += 1
    return Status("asserted", reason, confidence)


def _marked_infinitive(verb: Token, grammar: Grammar) -> bool:
    """An infinitive marker ("to", "te") stands before the verb with only adverbs, conjunctions and
    commas between, read off the words."""
    i = verb.i - 1
    while i >= verb.sent.start and (verb.doc[i].pos_ in ("ADV", "CCONJ") or verb.doc[i].text == ","):
        i -= 1
    return i >= verb.sent.start and verb.doc[i].lower_ in grammar.infinitive_markers


def _intent_phrase(anchor: Token, grammar: Grammar) -> Status | None:
    """A fixed phrase of intention before a "te"-infinitive, read off the words whatever the parse
    ("Rusland is (niet) van plan Oekraïne aan te vallen"): the act is announced, or refused when the
    phrase is negated."""
    if not grammar.intent_phrases or not any(c.dep_ == "mark" and c.lower_ in grammar.infinitive_markers
                                             for c in anchor.children):
        return None
    words = [t.lower_ for t in anchor.doc[anchor.sent.start : anchor.i]]
    for phrase in grammar.intent_phrases:
        parts = phrase.split()
        for i in range(len(words) - len(parts) + 1):
            if words[i : i + len(parts)] == parts:
                if any(w in grammar.negators for w in words[max(0, i - 2) : i]):
                    return Status("negated", f"negated {phrase!r}", 0.8, mood="refuse")
                return Status("hypothetical", f"modal {phrase!r}", 0.5, mood="announce")
    return None


def reporter(anchor: Token, grammar: Grammar) -> Token | None:
    """The subject of the speech verb whose complement the anchor's clause is ("X zegt dat Y ...":
    X), or None: an act another says will happen is no announcement by its actor."""
    said = _speech_head(anchor, grammar)
    return subject(said) if said is not None else None


def _speech_head(anchor: Token, grammar: Grammar) -> Token | None:
    """The speech verb whose complement (or parenthetical) the anchor's clause is, or None."""
    token, depth = anchor, 0
    while token.head != token and depth < 6:
        head = token.head
        dep = "ccomp" if token.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in grammar.complementizers for c in token.children) else token.dep_
        if head.pos_ in ("VERB", "AUX") and dep in ("ccomp", "parataxis") and (
                full_lemmas(head, grammar) & grammar.speech_verbs):
            return head
        token, depth = head, depth + 1
    return None


def _obligation(said: Token, modal: str, grammar: Grammar) -> Status:
    """An act the speaker says another must do is demanded by the speaker (CAMEO 10x); the coder
    codes the demand only when the one obliged is of another side than the speaker."""
    lemma = _listed(full_lemmas(said, grammar), grammar.speech_verbs) or said.lemma_.lower()
    speaker = next((c for c in said.children if c.dep_.startswith("nsubj")), None)
    return Status("demanded", f"{modal!r} stated with {lemma!r}", 0.8, speaker, modal, mood="demand")


def _listed(lemmas: set[str], words: frozenset[str]) -> str | None:
    """The one of a verb's possible lemmas that a word list holds (the first in order), or None."""
    found = lemmas & words
    return min(found) if found else None


def _negator(head: Token, grammar: Grammar) -> str:
    """The negating word itself, on the verb, an adverb of it, or its subject or object."""
    near = [g for c in head.children for g in (c, *c.children)]
    if head.pos_ in ("VERB", "AUX"):
        near += list(clause_tokens(head))
    return next((t.text for t in near if t.lower_ in grammar.negators), "")
