"""Reading a clause off a Universal Dependencies parse: a verb's full lemmas, its subject and object
(with the passive and control mapped), its prepositional phrases. Language-neutral; the words a
language needs (particle order, agent preposition) come from its Grammar."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Token

from kroniek.events import verbs
from kroniek.events.patterns import Grammar
from kroniek.syntax import bare_complement

PP_DEPS = ("obl", "obl:arg", "obl:agent", "nmod", "iobj", "obl:tmod", "advcl")
SUBJ_DEPS = ("nsubj", "nsubj:pass", "csubj")
OBJ_DEPS = ("obj",)


def known_particles(grammar: Grammar) -> tuple[str, ...] | None:
    """The closed list of particles of a language that fuses them with its verbs (Dutch
    "vrijliet": the inflection prefixes); None where particles stay apart ("pull out"), so that
    any `compound:prt` counts and the Dutch word-order fallbacks below stay off."""
    if grammar.inflection is None or grammar.particle_position != "prefix":
        return None
    return grammar.inflection.prefixes


@lru_cache(maxsize=8)
def _prefix_pattern(prefixes: tuple[str, ...]) -> re.Pattern:
    """A word that starts with one of the prefixes (the longest first) and has three letters more."""
    return re.compile("(" + "|".join(map(re.escape, prefixes)) + r").{3,}")


def lemma_particle_absent(verb: Token, grammar: Grammar) -> bool:
    """Whether the lemmatizer joined a particle to the verb that the sentence does not hold:
    "droeg ... op" lemmatised as "bijdragen". A separable particle stands fused at the front of the
    form ("vrijliet", "opgedragen") or apart after it in the sentence ("riep ... op")."""
    known = known_particles(grammar)
    if known is None:
        return False
    lemma, form = verb.lemma_.lower(), verb.lower_
    match = _prefix_pattern(known).match(lemma)
    prefix = match.group(1) if match else None
    if prefix is None or form.startswith(prefix):
        return False
    return not any(t.lower_ == prefix for t in verb.sent if t.i > verb.i)


def particle(verb: Token, grammar: Grammar) -> str | None:
    """The separable particle standing apart from its verb ("riep ... op"); only words the
    language knows as particles count, so a mis-attached "maandag" is ignored."""
    known = known_particles(grammar)
    for child in verb.children:
        if child.dep_ == "compound:prt" and (known is None or child.lower_ in known):
            return child.lower_
    # Dutch puts the particle right before the "te" of its infinitive ("de straat op te gaan", "vrij
    # te laten") or before the verb cluster the infinitive closes ("de straat op durven te gaan"),
    # wherever the parse hung it
    if known is not None:
        te = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in grammar.infinitive_markers
                   and c.i == verb.i - 1), None)
        start = te.i - 1 if te is not None else verb.sent.start - 1
        cluster = {a.i for a in verb.ancestors}
        while start > verb.sent.start and start in cluster:
            start -= 1
        before = verb.doc[start] if start >= verb.sent.start else None
        if before is not None and before.lower_ in known and before.lower_ not in grammar.infinitive_markers:
            return before.lower_
    # a particle the parser labelled otherwise ("draagt ... bij", "trok troepen samen"): a known
    # particle word after the verb, attached to it as an adverb or loose dependent; an adjective
    # ("staat open voor", "zette vast") only where it modifies no word after it
    for child in verb.children:
        if (child.dep_ in ("dep", "advmod", "advcl") and known is not None and child.lower_ in known
                and child.i > verb.i and (child.pos_ in ("ADP", "ADV") or (
                    child.pos_ == "ADJ" and not _modifies_next(child)))):
            return child.lower_
    # A main clause ends its middle field with the particle of its finite verb: a known particle word
    # standing last in the verb's clause and hung on the verb under any label is that particle
    # ("schoten twee Zuid-Koreanen dood/obj", "keurde het akkoord goed/xcomp")
    if known is not None and "Fin" in verb.morph.get("VerbForm"):
        words = [t for t in clause_tokens(verb) if not t.is_punct]
        last = max(words, key=lambda t: t.i) if words else None
        if (last is not None and last.head == verb and last.i > verb.i + 1 and last.lower_ in known
                and last.lower_ not in grammar.infinitive_markers and not any(c.dep_ == "det" for c in last.children)):
            return last.lower_
    # A phrase opens with one preposition, a clause with its markers ("om te"): a known particle
    # labelled as the first of two ("voerde de druk op/case voor/case een akkoord", "drong
    # aan/case op/case overleg", "bood aan/mark om/mark te bemiddelen") closes the middle field.
    if known is not None:
        clauses = [t for c in complements(verb) if c.i > verb.i for t in c.subtree]
        for t in sorted({*clause_tokens(verb), *clauses}, key=lambda t: t.i):
            nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
            if (t.i > verb.i and t.dep_ in ("case", "mark") and t.lower_ in known
                    and t.lower_ not in grammar.infinitive_markers and nxt is not None
                    and nxt.dep_ in ("case", "mark") and nxt.head == t.head):
                return t.lower_
    # Before an extraposed "te"-clause the particle opens that clause ("riep Orban op [alle
    # sancties op te geven]"), where parsers tend to attach it as a preposition of its first noun,
    # inside the clause or as a phrase of the verb; with the verb's object pulled into the clause it
    # is the clause's first preposition ("riep Rusland/obj op/case de troepen terug te trekken").
    clauses = [c for c in complements(verb) if c.i > verb.i]
    for child in clauses:
        # the clause's first preposition of a phrase of the clause: one opening a noun's own phrase
        # belongs to that noun ("weigert de sancties tegen/case Rusland/nmod op te heffen")
        first_case = next((t for t in child.subtree if t.dep_ == "case" and verb.i < t.i < child.i), None) if (
            infinitival(child)) else None
        if first_case is not None and first_case.head.dep_ == "nmod":
            first_case = None
        candidates = [child.doc[child.left_edge.i], *([first_case] if first_case is not None else [])] + [
            case for obl in verb.children if obl.dep_ in ("obl", "obl:arg") and verb.i < obl.i < child.i
            for case in obl.children if case.dep_ == "case"
        ]
        for first in sorted(candidates, key=lambda t: t.i):  # the particle closes the middle field
            if first.dep_ == "case" and known is not None and first.lower_ in known and first.i > verb.i:
                return first.lower_
    return None


def _modifies_next(word: Token) -> bool:
    """An adjective or adverb followed by a word it may modify ("vrij scherpe woorden")."""
    nxt = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    return nxt is not None and nxt.pos_ in ("ADJ", "ADV", "NOUN", "PROPN", "NUM", "DET")


def complements(verb: Token, deps: tuple[str, ...] = ("xcomp", "ccomp", "advcl")) -> list[Token]:
    """The clauses a verb takes: by their label, or a verb opened by "te", "om" or "dat" whatever the
    parser labelled it ("biedt aan om te bemiddelen/obl"): a marked verb heads a clause."""
    return [c for c in verb.children if c.dep_ in deps or (
        c.pos_ in ("VERB", "AUX") and c.dep_ not in ("conj", "acl:relcl", "aux", "aux:pass", "cop")
        and any(g.dep_ == "mark" for g in c.children))]


def join_particle(lemma: str, particle: str, grammar: Grammar) -> str:
    if grammar.particle_position == "prefix":
        return lemma if lemma.startswith(particle) else particle + lemma
    return f"{lemma} {particle}"


def full_lemmas(verb: Token, grammar: Grammar, joined: bool = True) -> frozenset[str]:
    """Every infinitive the verb form may have, particle joined: the lemmatizer's lemma and those the
    form table and inflection rules give ("stelt ... voor", lemmatised "stelen", -> "voorstellen"),
    without a particle the lemmatizer added but the sentence lacks. For word lists, where a wrong
    candidate finds nothing. `joined=False`: without the particle. Read once per token and Doc
    (kept in the Doc's user_data; the coder clears it)."""
    cache = verb.doc.user_data.setdefault("kroniek:lemmas", {})
    key = (verb.i, joined, grammar.lang)
    if key not in cache:
        lemma = verb.text if lemma_particle_absent(verb, grammar) else verb.lemma_
        bases = verbs.candidates(verb.text, lemma, grammar.lang, grammar.inflection)
        # only a verb that some listed separable verb is made of may need its particle looked for
        prt = particle(verb, grammar) if joined and (
            grammar.particle_bases is None or bases & grammar.particle_bases) else None
        cache[key] = frozenset(join_particle(b, prt, grammar) for b in bases) if prt else bases
    return cache[key]


def shares_passive(verb: Token, grammar: Grammar) -> bool:
    """A participle coordinated with a passive one, with no subject or auxiliary of its own, shares
    its auxiliary, subject and agent ("werd door de politie in een busje geduwd en gearresteerd"). A
    noun takes no auxiliary: a participle coordinated with a noun the parse gave the passive
    auxiliary is the clause's verb ("werd door agenten/ROOT in Moskou gearresteerd/conj")."""
    if verb.dep_ != "conj" or "Part" not in verb.morph.get("VerbForm") or any(
            c.dep_ in ("nsubj", "nsubj:pass", "aux", "aux:pass", "obj") for c in verb.children):
        return False
    head = verb.head
    if head.pos_ in ("NOUN", "PROPN"):
        return head.i < verb.i and any(c.dep_ == "aux:pass" and c.pos_ in ("AUX", "VERB") for c in head.children)
    return head.pos_ in ("VERB", "AUX") and "Part" in head.morph.get("VerbForm") and is_passive(head, grammar)


def is_passive(verb: Token, grammar: Grammar) -> bool:
    """A passive auxiliary, or a passive subject without an auxiliary or with one that forms the
    passive: Dutch forms the perfect passive with "zijn" ("zijn ... opgepakt"), which parsers may
    label a plain `aux`, and never with "hebben" ("heeft ... georganiseerd" with a subject the parser
    mislabelled as passive is active). A noun labelled as the passive auxiliary ("heeft ...
    sancties/aux:pass opgelegd") is no auxiliary. Without an auxiliary only a participle is passive
    ("Journalist gearresteerd"), where the language marks its participles (Dutch "ge-"): a finite
    verb with a subject labelled passive is active ("De Verenigde Staten/nsubj:pass overwegen")."""
    deps = {c.dep_ for c in verb.children if c.dep_ != "aux:pass" or c.pos_ in ("AUX", "VERB")}
    if "aux:pass" in deps:
        return True
    if shares_passive(verb, grammar):
        return True
    # a noun takes no auxiliary: one the parse hung on the verb's subject noun is the verb's ("De
    # premier heeft/aux(maandag) maandag/nsubj:pass besloten", the time read as the subject)
    auxiliaries = {c.lemma_.lower() for c in verb.children if c.dep_ == "aux"} | {
        a.lemma_.lower() for s in verb.children if s.dep_ in ("nsubj", "nsubj:pass") and s.pos_ != "AUX"
        for a in s.children if a.dep_ == "aux" and a.pos_ in ("AUX", "VERB")}
    active_only = grammar.perfect_auxiliaries - grammar.passive_auxiliaries
    # only a past participle forms a passive: "is refusing" is progressive
    participle = "Part" in verb.morph.get("VerbForm") and "Pres" not in verb.morph.get("Tense")
    if (not deps & {"nsubj", "nsubj:pass", "csubj"} and "obj" in deps and participle
            and auxiliaries & grammar.passive_auxiliaries and not auxiliaries & active_only):
        # a clause has a subject: with none, the object of a participle under "zijn" is the passive's
        # ("zijn veertig betogers/obj opgepakt")
        return True
    if ("nsubj" in deps and "obj" not in deps and participle
            and auxiliaries & grammar.passive_auxiliaries and not auxiliaries & active_only
            and not full_lemmas(verb, grammar) & grammar.unaccusative_verbs):
        # a transitive verb forms its active perfect with "hebben": under "zijn" or "worden" alone
        # its participle is passive, whatever its subject's label ("zijn er tien betogers/nsubj
        # opgepakt"); verbs of motion and change form their active perfect with "zijn"
        return True
    if (not deps & {"nsubj", "nsubj:pass", "csubj", "obj"} and participle
            and auxiliaries & grammar.passive_auxiliaries and not auxiliaries & active_only
            and not full_lemmas(verb, grammar) & grammar.unaccusative_verbs):
        # neither subject nor object in the parse ("Twee journalisten/obl zijn ... gearresteerd"): a
        # transitive verb's participle under "zijn" or "worden" alone is passive all the same
        return True
    if "nsubj:pass" not in deps or "nsubj" in deps:
        return False  # a clause has one subject: beside an active one the passive label is wrong
    if not auxiliaries:
        marked = grammar.inflection is not None and bool(grammar.inflection.participle_prefix)
        return not (marked and "Fin" in verb.morph.get("VerbForm"))
    return bool(auxiliaries & grammar.passive_auxiliaries) and not auxiliaries & active_only


def preposition(token: Token, particles: frozenset[str] = frozenset()) -> str | None:
    """The preposition heading a phrase: "aan" for "aan Rusland". A name or noun labelled as one is
    none ("Kolesnikova's/case partij"); nor is a separable particle (`particles`) stacked before the
    phrase's own preposition ("dringt aan/case op/case onderhandelingen"): a phrase opens with one.
    A bare infinitive after it is a noun heading a phrase of its own, which the preposition opens
    ("naar eigen zeggen/VERB zware verliezen"): an infinitive modifies no noun without "te"."""
    for child in token.children:
        if child.dep_ != "case" or child.pos_ in ("NOUN", "PROPN"):
            continue
        nxt = token.doc[child.i + 1] if child.i + 1 < len(token.doc) else None
        if child.lower_ in particles and nxt is not None and nxt.dep_ == "case" and nxt.head == token:
            continue
        if child.i < token.i and any(_bare_infinitive(t) and t.head == token for t in token.doc[child.i + 1 : token.i]):
            return None
        return child.lemma_.lower() if child.lemma_ else child.lower_
    return None


def _bare_infinitive(token: Token) -> bool:
    return token.pos_ == "VERB" and "Inf" in token.morph.get("VerbForm") and not any(
        c.dep_ == "mark" for c in token.children)


def dependents(head: Token) -> list[Token]:
    """A word's dependents, with those the parser hung on its auxiliary ("heeft Wit-Rusland ...
    gevraagd" with "Wit-Rusland" under "heeft")."""
    out = []
    for child in head.children:
        if child.dep_ in ("aux", "aux:pass") or (child.dep_ == "cop" and head.pos_ in ("VERB", "AUX")):
            out += [g for g in child.children if g.dep_ not in ("punct",)]
        else:
            out.append(child)
    return sorted(out, key=lambda t: t.i)


def phrases(head: Token, particles: frozenset[str] = frozenset()) -> Iterator[tuple[str, Token]]:
    """(preposition, noun) for each prepositional phrase on a verb or noun."""
    for child in dependents(head):
        if child.dep_ in PP_DEPS:
            prep = preposition(child, particles)
            if prep:
                yield prep, child


def children(head: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in dependents(head) if c.dep_ in deps]


def infinitival(verb: Token) -> bool:
    """A "te"/"to"-infinitive: it has no subject of its own."""
    # a predicate's clause is infinitival when its copula is ("bereid te zijn")
    infinitive = "Inf" in verb.morph.get("VerbForm") or any(
        c.dep_ == "cop" and "Inf" in c.morph.get("VerbForm") for c in verb.children)
    return infinitive and any(c.dep_ == "mark" and c.pos_ in ("ADP", "PART") for c in verb.children)


def _noun_in_parataxis(token: Token) -> bool:
    """A word tagged as a verb and juxtaposed to a verb as a clause of its own, but with an
    adjective or article and no subject: a verb takes neither ("onderzoekt Russische/amod
    oorlogsmisdaden/VERB/parataxis"), so it is a noun."""
    deps = {c.dep_ for c in token.children}
    return (token.pos_ == "VERB" and token.dep_ == "parataxis" and token.head.pos_ in ("VERB", "AUX")
            and token.head.i < token.i and bool(deps & {"amod", "det"})
            and not deps & {"nsubj", "nsubj:pass", "mark", "aux", "aux:pass", "cop", "compound:prt", "obj"})


def misread_noun(token: Token, grammar: Grammar) -> bool:
    """A word the parse made a bare verbal complement of a verb that takes none is a noun: only
    auxiliaries, modals and a few verbs like "laten", "gaan", "zien" take an infinitive or participle
    without "te" (grammar: bare_infinitive_verbs), so in "besloot raketten/VERB af te vuren" and
    "gooide journalisten/VERB in de cel" the word is the object."""
    if not grammar.bare_infinitive_verbs:
        return False
    if not bare_complement(token) and not _noun_in_parataxis(token):
        return False
    takers = (grammar.bare_infinitive_verbs | grammar.perfect_auxiliaries | grammar.passive_auxiliaries
              | grammar.modal_verbs | grammar.future_auxiliaries | grammar.causative_verbs)
    particles = set(grammar.inflection.prefixes) if grammar.inflection is not None else set()
    return token.lower_ not in particles and not full_lemmas(token.head, grammar) & takers


def governor(verb: Token) -> Token | None:
    """The verb whose subject an embedded verb inherits: coordinated verbs and "te"-infinitives
    ("weigerde Loekasjenko die annexatie te erkennen")."""
    if verb.head == verb:
        return None
    head_deps = {c.dep_ for c in verb.head.children}
    # a word with a subject and no copula is a verb whatever its tag ("die ... durven/NOUN te gaan")
    head_verb = verb.head.pos_ in ("VERB", "AUX") or ("nsubj" in head_deps and "cop" not in head_deps)
    if verb.dep_ in ("conj", "xcomp") or (infinitival(verb) and head_verb):
        return verb.head
    if bare_complement(verb):
        # a complement clause with neither subject nor complementizer is open: its subject is
        # that of the verb it depends on
        return verb.head
    # a participle or infinitive the parser hung as an argument under its finite auxiliary
    # ("Litouwen heeft ... opgevangen" with "heeft" as the main verb)
    if (verb.dep_ in ("obj", "ccomp", "advcl", "advmod") and "Fin" in verb.head.morph.get("VerbForm")
            and set(verb.morph.get("VerbForm")) & {"Part", "Inf"}):
        return verb.head
    return None


def under_its_object(verb: Token) -> bool:
    """A participle the parser hung under its object ("De EU heeft sancties opgelegd/acl"): as a
    clause of the noun, or as its modifier after it, where Dutch never puts an attributive
    participle ("hebben een document ondertekend/amod")."""
    noun = verb.head
    return noun != verb and noun.pos_ in ("NOUN", "PROPN") and (
        verb.dep_ == "acl" or (verb.dep_ == "amod" and verb.pos_ == "VERB" and noun.i < verb.i)
    )


def _finite(verb: Token) -> Token | None:
    """The finite verb of a verb's clause: itself, its finite auxiliary, or the finite verb it
    depends on ("heeft/root ... opgedragen/ccomp", "wil ... aanvallen/xcomp")."""
    if "Fin" in verb.morph.get("VerbForm"):
        return verb
    aux = [c for c in verb.children if c.dep_ in ("aux", "aux:pass") and "Fin" in c.morph.get("VerbForm")]
    if aux:
        return aux[0]
    head = governor(verb)
    if head is not None and verb.dep_ != "conj" and "Fin" in head.morph.get("VerbForm"):
        return head
    return None


def displaced_subjects(verb: Token) -> list[Token]:
    """Subjects the parse gives a verb that word order makes its objects. A clause has one subject:
    where it fills all of a main clause's first position, before the finite verb, a second after that
    verb opens the middle field as an object ("Polen noemde Rusland/nsubj een agressor", "de president heeft de
    minister/nsubj ... opgedragen")."""
    finite = _finite(verb)
    if finite is None:
        return []
    deps = ("nsubj", "nsubj:pass")
    own = children(verb, deps)
    above = children(finite, deps) if finite != verb and not finite.dep_.startswith("aux") else []
    words = [t for t in verb.doc[verb.sent.start : finite.i] if not t.is_punct]
    while words and words[0].pos_ == "CCONJ":  # "En Rusland ..."
        words.pop(0)
    # a noun phrase, not a clause the parser hung as the subject ("Hoewel het ... is/cop, steunde ...")
    first = [s for s in own + above if s.i < finite.i and words and all(
        s.left_edge.i <= t.i <= s.right_edge.i for t in words) and not any(
        c.dep_ in ("mark", "cop") for c in s.children)]
    return [s for s in own if s.i > finite.i] if first else []


def nested_subject(noun: Token) -> Token | None:
    """A noun takes no subject: a subject the parse hung before the verb's subject or object noun,
    with no copula making that noun a predicate, is the clause's subject ("dat China/nsubj(wapens)
    wapens/nsubj aan Rusland levert", "De VS/nsubj(doelen) hebben doelen/obj ... aangevallen")."""
    # a subject is a noun phrase whatever its tag ("doelen/VERB/nsubj:pass")
    if noun.pos_ not in ("NOUN", "PROPN", "VERB") or not (noun.dep_.startswith("nsubj") or noun.dep_ == "obj"):
        return None
    if any(c.dep_ == "cop" for c in noun.children):
        return None
    return next((c for c in noun.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < noun.i), None)


def subjects(verb: Token) -> list[Token]:
    """The subject candidates of a verb, inherited along coordination and control chains; not those
    word order makes objects (`displaced_subjects`)."""
    if under_its_object(verb) and not children(verb, SUBJ_DEPS):
        found = children(verb.head, SUBJ_DEPS)
        if found:
            return found
    seen = 0
    current: Token | None = verb
    while current is not None and seen < 5:
        # with those hung on the auxiliary ("hij had ... opgeroepen")
        displaced = displaced_subjects(current)
        found = [c for c in children(current, SUBJ_DEPS) if c not in displaced]
        if found:
            return [nested_subject(c) or c for c in found]
        found = [s for o in children(current, ("obj",)) if (s := nested_subject(o)) is not None]
        if found:
            return found
        current = governor(current)
        seen += 1
    return []


def subject(verb: Token) -> Token | None:
    found = subjects(verb)
    return found[0] if found else None


def direct_object(verb: Token) -> Token | None:
    found = children(verb, OBJ_DEPS)
    displaced = displaced_subjects(verb)
    if displaced and (not found or displaced[0].i < found[0].i):
        # the first phrase of the middle field ("noemde Poetin/nsubj een oorlogsmisdadiger/obj")
        return displaced[0]
    if found:
        return found[0]
    nested = next((c for c in children(verb, ("nsubj", "nsubj:pass")) if nested_subject(c)), None)
    if nested is not None:
        return nested
    if under_its_object(verb) and children(verb.head, SUBJ_DEPS):
        return verb.head
    if (verb.dep_ in ("amod", "acl", "advcl") and verb.pos_ == "VERB" and verb.head.i > verb.i
            and verb.head.pos_ in ("NOUN", "PROPN") and not any(c.dep_ == "mark" for c in verb.children)):
        # "Duitsland eist/amod opheldering", "betuigde/advcl zijn medeleven": the verb hung on the
        # noun after it, where no clause of that noun stands (a clause follows its noun or opens
        # with "te", "om", "dat")
        return verb.head
    # a bare noun phrase the parser labelled otherwise ("Rusland blokkeerde de resolutie" with
    # "resolutie" as a second subject, "prees Frankrijk" as an apposition)
    subj = subject(verb)
    bare = [
        c for c in children(verb, SUBJ_DEPS + ("obl:arg", "obl", "appos", "dep", "iobj"))
        if preposition(c) is None and c != subj and c.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "X", "VERB")
    ]
    if bare:
        return bare[0]
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        found = children(verb.head, OBJ_DEPS)
        if found and found[0].i < verb.i:
            return found[0]
    return None


def clause_tokens(verb: Token) -> tuple[Token, ...]:
    """The tokens of a verb's own clause: its subtree minus embedded finite clauses (read once per
    token and Doc: kept in the Doc's user_data)."""
    cache = verb.doc.user_data.setdefault("kroniek:clause_tokens", {})
    found = cache.get(verb.i)
    if found is None:
        found = cache[verb.i] = tuple(_clause_tokens(verb))
    return found


def _clause_tokens(verb: Token) -> Iterator[Token]:
    stack = [verb]
    while stack:
        token = stack.pop()
        yield token
        for child in token.children:
            if child.pos_ in ("VERB", "AUX") and (
                    child.dep_ in ("ccomp", "acl:relcl", "parataxis", "advcl", "conj")
                    # a clause with its own conjunction or subject, whatever the label the parse gave
                    # it ("sancties aan Rusland als Moskou ... niet terugtrekt/acl")
                    or child.dep_ == "acl" and any(c.dep_ in ("mark", "nsubj", "nsubj:pass") for c in child.children)):
                continue
            stack.append(child)
