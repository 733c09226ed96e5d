"""Bring LassySmall 2.0 trees (older UD guidelines) to the scheme of the current UD Dutch releases.

Most of our tagger/parser training data is LassySmall 2.0; the Alpino test set, the sentences we
also have in their current annotation and the text kroniek reads follow the current scheme. On the
1,409 sentences that exist in both (`lassysmall-current-in-2.0-train.txt`), the two annotations agree
on only 83% of heads and 71% of labelled attachments, so a parser trained on the old trees learns
attachments the test set counts as wrong. Three kinds of difference cover most of it:

- punctuation: the old trees hang nearly every mark on the sentence root, the current ones attach it
  projectively to the head of the phrase it delimits (`attach_punctuation`);
- coordinating conjunctions: old trees hang "en"/"of" on the first conjunct, current ones on the
  conjunct the conjunction introduces (`attach_conjunctions`);
- labels and tags that were renamed or split (flat:name -> flat, det -> nmod:poss, obl -> obl:arg,
  DET -> PRON ...), learned from the sentences in both annotations (`LabelMap.learn`).

`python training/guidelines.py SHARED_DATA_DIR` prints how far the conversion brings the old trees
to the current ones on those 1,409 sentences, with the label map learned in 5-fold cross-validation
(so the figure is not inflated by learning and scoring on the same sentences).

Rows are CoNLL-U rows as lists of 10 strings (see convert.read_conllu); heads are 1-based, 0 = root.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

Rows = list[list[str]]

ID, FORM, LEMMA, UPOS, XPOS, FEATS, HEAD, DEPREL, DEPS, MISC = range(10)

# Paired punctuation: an opening mark and the mark that closes it. Both attach to the head of
# the phrase they enclose.
PAIRS = {"(": ")", "[": "]", "{": "}", "«": "»", ",,": "''", "‘": "’", "“": "”"}
SYMMETRIC_QUOTES = frozenset({'"', "'"})

# Word classes whose label or tag changes depend on the word itself ("zijn" DET -> PRON); for open
# classes the word is no guide ("museum" became PROPN only inside a name).
CLOSED_CLASSES = frozenset({"ADP", "AUX", "CCONJ", "DET", "NUM", "PRON", "PUNCT", "SCONJ", "ADV"})


def heads(rows: Rows) -> list[int]:
    return [int(r[HEAD]) for r in rows]


def _dominates(ancestor: int, token: int, hs: Sequence[int]) -> bool:
    """Whether `ancestor` (1-based, 0 = root) dominates `token` in the tree `hs`."""
    seen = 0
    while token != 0 and seen <= len(hs):
        if token == ancestor:
            return True
        token = hs[token - 1]
        seen += 1
    return ancestor == 0


def _projective_chain(p: int, rows: Rows, hs: Sequence[int], side: int) -> list[int]:
    """The ancestors of the nearest word on one side of the mark at `p` (side -1 left, +1 right) that
    stay on that side and could take the mark without crossing an arc, lowest first."""
    is_punct = [r[UPOS] == "PUNCT" for r in rows]
    span = range(p - 1, 0, -1) if side < 0 else range(p + 1, len(rows) + 1)
    node = next((i for i in span if not is_punct[i - 1]), None)
    chain: list[int] = []
    while node is not None and node != 0 and (node < p if side < 0 else node > p) and len(chain) <= len(hs):
        lo, hi = min(node, p), max(node, p)
        if all(is_punct[t - 1] or _dominates(node, t, hs) for t in range(lo + 1, hi)):
            chain.append(node)
        node = hs[node - 1]
    return chain


def _pairs(rows: Rows) -> dict[int, int]:
    """Each paired mark's partner (both directions), matched as brackets nest."""
    partner: dict[int, int] = {}
    opened: list[tuple[str, int]] = []
    quote: int | None = None
    closing = {v: k for k, v in PAIRS.items()}
    for i, r in enumerate(rows, 1):
        if r[UPOS] != "PUNCT":
            continue
        word = r[FORM]
        if word in PAIRS:
            opened.append((word, i))
        elif word in closing:
            for j in range(len(opened) - 1, -1, -1):
                if opened[j][0] == closing[word]:
                    partner[i], partner[opened[j][1]] = opened[j][1], i
                    del opened[j:]
                    break
        elif word in SYMMETRIC_QUOTES:
            if quote is None:
                quote = i
            else:
                partner[i], partner[quote] = quote, i
                quote = None
    return partner


def punctuation_head(p: int, rows: Rows, hs: Sequence[int], partner: dict[int, int]) -> int:
    """Where the current scheme attaches the mark at `p`, given the tree of the words.

    A paired mark attaches to the head of the phrase it encloses. Any other mark attaches to the top
    of the phrase on its right when that phrase depends on something to the left (a comma before a
    conjunct, a relative clause, an apposition), else to the top of the phrase on its left (a full
    stop, a comma after a fronted phrase)."""
    if p in partner:
        a, b = sorted((p, partner[p]))
        inside = [t for t in range(a + 1, b) if rows[t - 1][UPOS] != "PUNCT"]
        tops = [t for t in inside if not a < hs[t - 1] < b]
        if len(tops) == 1:
            return tops[0]
    left = _projective_chain(p, rows, hs, -1)
    right = _projective_chain(p, rows, hs, 1)
    if not right:
        return left[-1] if left else 0
    if not left:
        return right[-1]
    top = right[-1]
    return top if 0 < hs[top - 1] < p else left[-1]


def is_tree(hs: Sequence[int]) -> bool:
    """Whether every token reaches the root (no cycles; a few LassySmall 2.0 trees have one)."""
    for start in range(1, len(hs) + 1):
        token, steps = start, 0
        while token != 0:
            token, steps = hs[token - 1], steps + 1
            if steps > len(hs):
                return False
    return True


def attach_punctuation(rows: Rows) -> Rows:
    """The same sentence with every punctuation mark attached as the current scheme does."""
    out = [list(r) for r in rows]
    hs = heads(out)
    if not is_tree(hs):
        return out
    partner = _pairs(out)
    for i, r in enumerate(out, 1):
        if r[DEPREL] == "punct" and not any(h == i for h in hs):
            hs[i - 1] = punctuation_head(i, out, hs, partner)
            r[HEAD] = str(hs[i - 1])
    return out


def attach_conjunctions(rows: Rows) -> Rows:
    """Coordinating conjunctions on the conjunct they introduce instead of the first conjunct."""
    out = [list(r) for r in rows]
    hs = heads(out)
    for i, r in enumerate(out, 1):
        if r[DEPREL] != "cc":
            continue
        first = hs[i - 1]
        following = [t for t in range(i + 1, len(out) + 1)
                     if hs[t - 1] == first and out[t - 1][DEPREL] == "conj"]
        if following:
            r[HEAD] = str(following[0])
    return out


# Verbs the current scheme no longer treats as copulas or auxiliaries: with them, the verb heads the
# clause and the predicate or infinitive is its xcomp ("werd een succes", "gaat behoren"). Only "zijn"
# stays a copula; "moeten" became an auxiliary.
COPULA = "zijn"
MAIN_VERBS_NOW = frozenset({"laten", "willen", "gaan", "blijken", "hoeven"})
AUXILIARIES_NOW = frozenset({"moeten"})
# What stays with a predicate that loses its copula: the nominal's own dependents (and an adjective's
# degree words and complements); the clause's dependents move to the verb.
NOMINAL_DEPENDENTS = frozenset({"det", "amod", "nmod", "nmod:poss", "acl", "acl:relcl", "appos", "nummod",
                                "case", "fixed", "flat", "compound", "clf"})
ADJECTIVE_DEPENDENTS = NOMINAL_DEPENDENTS | {"advmod", "obl", "obl:arg"}
# What stays with an infinitive whose auxiliary becomes the main verb: its objects and complements.
VERB_DEPENDENTS = frozenset({"obj", "iobj", "obl", "obl:arg", "obl:agent", "compound:prt", "xcomp", "ccomp",
                             "expl:pv", "advmod", "advcl"})


def _promote(rows: Rows, verb: int, stays: frozenset[str]) -> None:
    """Make the copula or auxiliary at `verb` the head of its clause: it takes its head's place and
    relation, its old head becomes its xcomp, and the clause-level dependents move to it."""
    v = rows[verb - 1]
    pred = int(v[HEAD])
    if pred == 0:
        return
    p = rows[pred - 1]
    v[HEAD], v[DEPREL], v[UPOS] = p[HEAD], p[DEPREL], "VERB"
    p[HEAD], p[DEPREL] = str(verb), "xcomp"
    for i, r in enumerate(rows, 1):
        if i != verb and r[HEAD] == str(pred) and r[DEPREL] not in stays:
            r[HEAD] = str(verb)


def _demote(rows: Rows, verb: int) -> None:
    """Make "moeten" with an infinitive an auxiliary of that infinitive."""
    m = rows[verb - 1]
    infinitives = [i for i, r in enumerate(rows, 1) if r[HEAD] == str(verb) and r[DEPREL] == "xcomp"
                   and r[UPOS] == "VERB" and "VerbForm=Inf" in r[FEATS]
                   and not any(c[HEAD] == str(i) and c[FORM].lower() == "te" for c in rows)]
    if not infinitives:
        return
    inf = infinitives[0]
    x = rows[inf - 1]
    x[HEAD], x[DEPREL] = m[HEAD], m[DEPREL]
    m[HEAD], m[DEPREL], m[UPOS] = str(inf), "aux", "AUX"
    for i, r in enumerate(rows, 1):
        if i not in (verb, inf) and r[HEAD] == str(verb):
            r[HEAD] = str(inf)


def restructure_verbs(rows: Rows) -> Rows:
    """Copulas other than "zijn" and the auxiliaries that became main verbs head their clause;
    "moeten" with an infinitive becomes an auxiliary."""
    out = [list(r) for r in rows]
    for i, r in enumerate(out, 1):
        pred = int(r[HEAD])
        if r[DEPREL] == "cop" and r[LEMMA] != COPULA and pred:
            adjective = out[pred - 1][UPOS] == "ADJ"
            _promote(out, i, ADJECTIVE_DEPENDENTS if adjective else NOMINAL_DEPENDENTS)
        elif r[DEPREL] == "aux" and r[LEMMA] in MAIN_VERBS_NOW and pred:
            _promote(out, i, VERB_DEPENDENTS)
        elif r[LEMMA] in AUXILIARIES_NOW and r[UPOS] == "VERB":
            _demote(out, i)
    return out


@dataclass
class LabelMap:
    """Label and tag renames learned from sentences in both annotations, keyed from the most
    specific context to the least: (old label, old tag, word) for closed classes, (old label, old
    tag), (old label); the same for tags."""

    table: dict[tuple, str] = field(default_factory=dict)
    arguments: frozenset[tuple[str, str]] = frozenset()

    @classmethod
    def learn(cls, pairs: Iterable[tuple[Rows, Rows]], current: Iterable[Rows] = (), min_count: int = 3,
              min_share: float = 0.6) -> LabelMap:
        """From sentences in both annotations, and (for prepositional objects) any trees in the
        current scheme."""
        pairs = list(pairs)
        counts: dict[tuple, Counter] = {}
        for before, after in pairs:
            for a, b in zip(before, after, strict=True):
                for key in _label_keys(a):
                    counts.setdefault(key, Counter())[b[DEPREL]] += 1
                for key in _tag_keys(a):
                    counts.setdefault(key, Counter())[b[UPOS]] += 1
        table = {}
        for key, c in counts.items():
            label, n = c.most_common(1)[0]
            if n >= min_count and n / sum(c.values()) >= min_share:
                table[key] = label
        arguments = prepositional_arguments([*current, *(after for _, after in pairs)])
        return cls(table, arguments)

    def apply(self, rows: Rows) -> Rows:
        out = []
        for r in rows:
            r = list(r)
            label = next((self.table[k] for k in _label_keys(r) if k in self.table), r[DEPREL])
            tag = next((self.table[k] for k in _tag_keys(r) if k in self.table), r[UPOS])
            r[DEPREL] = "root" if r[HEAD] == "0" else label
            r[UPOS] = tag
            out.append(r)
        return label_arguments(out, self.arguments)


def _capitalised(r: Sequence[str]) -> bool:
    """A capital that is not merely the sentence's first letter."""
    return r[FORM][:1].isupper() and r[ID] != "1"


def _label_keys(r: Sequence[str]) -> list[tuple]:
    word = r[FORM].lower()
    if r[UPOS] in CLOSED_CLASSES:
        specific = [("dep", r[DEPREL], r[UPOS], word)]
    else:  # a capital tells a name's parts (flat) from a fixed expression's
        specific = [("dep", r[DEPREL], r[UPOS], _capitalised(r))]
    return [*specific, ("dep", r[DEPREL], r[UPOS]), ("dep", r[DEPREL])]


def _tag_keys(r: Sequence[str]) -> list[tuple]:
    word = r[FORM].lower()
    if r[UPOS] in CLOSED_CLASSES:
        specific = [("pos", r[UPOS], r[DEPREL], word), ("pos", r[UPOS], word)]
    else:  # "Vlaams Gewest": capitalised nouns and adjectives inside a name became PROPN
        specific = [("pos", r[UPOS], r[DEPREL], _capitalised(r))]
    return [*specific, ("pos", r[UPOS], r[DEPREL]), ("pos", r[UPOS])]


# Prepositional objects (obl:arg, "wachten op", "verantwoordelijk voor") are a property of the
# verb or adjective and its preposition; the old scheme called them all obl. A pair becomes
# obl:arg when the current-scheme trees label it so at least this often.
ARGUMENT_SHARE = 0.5


def prepositional_arguments(trees: Iterable[Rows], min_count: int = 2) -> frozenset[tuple[str, str]]:
    """(head lemma, preposition) pairs that the current scheme mostly labels obl:arg."""
    counts: dict[tuple[str, str], Counter] = {}
    for rows in trees:
        for i, r in enumerate(rows, 1):
            if r[DEPREL] not in ("obl", "obl:arg") or r[HEAD] == "0":
                continue
            case = next((c[LEMMA].lower() for c in rows if c[HEAD] == str(i) and c[DEPREL] == "case"), None)
            if case is not None:
                key = (rows[int(r[HEAD]) - 1][LEMMA].lower(), case)
                counts.setdefault(key, Counter())[r[DEPREL]] += 1
    return frozenset(k for k, c in counts.items()
                     if c["obl:arg"] >= min_count and c["obl:arg"] / sum(c.values()) >= ARGUMENT_SHARE)


def label_arguments(rows: Rows, arguments: frozenset[tuple[str, str]]) -> Rows:
    """obl:arg for known prepositional objects, obl:agent for the "door" phrase of a passive,
    nsubj:pass for a passive's subject (the old scheme had plain obl and nsubj)."""
    out = [list(r) for r in rows]
    passive = {r[HEAD] for r in out if r[DEPREL] == "aux:pass"}
    for i, r in enumerate(out, 1):
        if r[DEPREL] == "nsubj" and r[HEAD] in passive:
            r[DEPREL] = "nsubj:pass"
        if r[DEPREL] != "obl" or r[HEAD] == "0":
            continue
        case = next((c[LEMMA].lower() for c in out if c[HEAD] == str(i) and c[DEPREL] == "case"), None)
        if case == "door" and r[HEAD] in passive:
            r[DEPREL] = "obl:agent"
        elif (out[int(r[HEAD]) - 1][LEMMA].lower(), case) in arguments:
            r[DEPREL] = "obl:arg"
    return out


def to_current(rows: Rows, labels: LabelMap) -> Rows:
    """An old-guideline sentence in the current scheme, as far as the rules and the map know it."""
    return attach_punctuation(attach_conjunctions(restructure_verbs(labels.apply(rows))))


def agreement(pairs: Iterable[tuple[Rows, Rows]]) -> dict[str, float]:
    """UAS, LAS and UPOS of the first trees of each pair scored against the second."""
    tokens = uas = las = pos = 0
    for a, b in pairs:
        for x, y in zip(a, b, strict=True):
            tokens += 1
            uas += x[HEAD] == y[HEAD]
            las += x[HEAD] == y[HEAD] and x[DEPREL] == y[DEPREL]
            pos += x[UPOS] == y[UPOS]
    return {"tokens": tokens, "UAS": uas / tokens, "LAS": las / tokens, "UPOS": pos / tokens}


def cross_validated(pairs: list[tuple[Rows, Rows]], current: list[Rows], folds: int = 5
                    ) -> list[tuple[Rows, Rows]]:
    """(converted, current) for every pair, each converted with a map learned on the other folds
    (and on `current`, trees in the current scheme that are not among the pairs)."""
    out = []
    for k in range(folds):
        train = [p for i, p in enumerate(pairs) if i % folds != k]
        labels = LabelMap.learn(train, current)
        out += [(to_current(a, labels), b) for i, (a, b) in enumerate(pairs) if i % folds == k]
    return out


def main(data: Path) -> None:
    from convert import aligned_annotations, current_trees

    pairs = list(aligned_annotations(data / "ud_dutch"))
    print(f"{len(pairs)} sentences in both annotations")
    print("as annotated      ", _fmt(agreement(pairs)))
    print("converted (5-fold)", _fmt(agreement(cross_validated(pairs, current_trees(data / "ud_dutch")))))


def _fmt(scores: dict[str, float]) -> str:
    return "  ".join(f"{k} {100 * v:.2f}" for k, v in scores.items() if k != "tokens")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python training/guidelines.py SHARED_DATA_DIR")
    main(Path(sys.argv[1]))
