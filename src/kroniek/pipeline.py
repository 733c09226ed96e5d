"""The whole flow for a batch of Documents: spaCy (batched with nlp.pipe) -> actors -> events.

One Analyzer per process holds the loaded pipelines, resolvers and coders per language; documents
are grouped by language and streamed through `nlp.pipe`, so the hot loop is spaCy's own.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc

from kroniek.actors.kb import KnowledgeBase, default_kb
from kroniek.actors.resolve import ActorResolver, DocActors
from kroniek.errors import Errors, InputError, KroniekError
from kroniek.events.code import EventCoder
from kroniek.events.ontology import default_ontology
from kroniek.events.patterns import load_patterns
from kroniek.events.ranker import load_ranker
from kroniek.events.trace import Trace
from kroniek.model import Actor, Document, Event
from kroniek.nlp.registry import LANGUAGES, load_pipeline
from kroniek.places import gazetteer

# Recorded with stored documents: a new coder version re-codes documents on the next ingest.
CODER_VERSION = "0.2.0"  # 0.2: the jointly trained Dutch pipeline and the coder adapted to its UD scheme
# spaCy's own limit on characters per Doc; longer texts are refused with a clear message.
MAX_CHARS = 1_000_000


@dataclass
class Analysis:
    """Everything kroniek found in one document."""

    document: Document
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    traces: list[Trace] = field(default_factory=list)
    doc: Doc | None = None


class Analyzer:
    """Loads what each language needs on first use and codes documents in batches."""

    def __init__(self, pipelines: dict[str, str] | None = None, kb: KnowledgeBase | None = None,
                 batch_size: int = 16, n_process: int = 1, bare_statements: bool = False,
                 ranker: bool | None = None) -> None:
        self.pipelines = pipelines or {}
        self.bare_statements = bare_statements  # code CAMEO's residual 010 too (EventCoder)
        # the statistical fallback for a side the slots do not find (events/ranker.py): off unless
        # KRONIEK_RANKER=on; on the score-only articles it found a few more events at lower precision
        # (README), so the rules alone are the default
        self.ranker = ranker if ranker is not None else os.environ.get("KRONIEK_RANKER", "off") == "on"
        self.kb = kb or default_kb()
        self.batch_size = batch_size
        self.n_process = n_process
        self._parts: dict[str, tuple] = {}

    def parts(self, lang: str) -> tuple:
        if lang not in self._parts:
            if lang not in LANGUAGES:
                raise KroniekError(Errors.E010, lang=lang, reason=f"kroniek reads {', '.join(LANGUAGES)}")
            nlp = load_pipeline(lang, self.pipelines.get(lang))
            try:
                patterns = load_patterns(lang)
            except FileNotFoundError:
                raise KroniekError(Errors.E010, lang=lang, reason="no event patterns for it yet") from None
            resolver = ActorResolver(self.kb, lang, nlp.vocab)
            gazetteer()  # the offline place gazetteer, read once here rather than inside a document's coding
            ranker = load_ranker(lang) if self.ranker else None
            coder = EventCoder(patterns, default_ontology(), self.bare_statements, ranker)
            self._parts[lang] = (nlp, resolver, coder)
        return self._parts[lang]

    def analyze(self, documents: Iterable[Document], keep_doc: bool = False) -> Iterator[Analysis | InputError]:
        """Code documents; a document that cannot be coded yields an InputError and the rest go on."""
        batch: list[Document] = []
        for document in documents:
            batch.append(document)
            if len(batch) >= self.batch_size * 4:
                yield from self._batch(batch, keep_doc)
                batch = []
        if batch:
            yield from self._batch(batch, keep_doc)

    def analyze_strict(self, documents: Iterable[Document]) -> Iterator[Analysis]:
        """Code documents where every one must code (evaluation): the first error is raised."""
        for result in self.analyze(documents):
            if isinstance(result, KroniekError):
                raise result
            yield result

    def _batch(self, documents: list[Document], keep_doc: bool) -> Iterator[Analysis | InputError]:
        by_lang: dict[str, list[Document]] = {}
        for document in documents:
            lang = document.lang or "nl"
            if len(document.text) > MAX_CHARS:
                yield InputError(Errors.E016, document.source or document.doc_id, chars=len(document.text),
                                 limit=MAX_CHARS)
                continue
            try:
                self.parts(lang)
            except KroniekError as err:
                yield InputError(err.error, document.source or document.doc_id, **err.values)
                continue
            by_lang.setdefault(lang, []).append(document)
        results: dict[int, Analysis] = {}
        for lang, docs in by_lang.items():
            nlp, resolver, coder = self.parts(lang)
            texts = (d.text for d in docs)
            for document, doc in zip(docs, nlp.pipe(texts, batch_size=self.batch_size, n_process=self.n_process),
                                     strict=True):
                results[id(document)] = self._code(document, doc, resolver, coder, keep_doc)
        for document in documents:
            if id(document) in results:
                yield results[id(document)]

    @staticmethod
    def _code(document: Document, doc: Doc, resolver: ActorResolver, coder: EventCoder, keep_doc: bool) -> Analysis:
        found: DocActors = resolver(doc, document.date)
        coded = coder(doc, found, document.doc_id, document.date)
        return Analysis(document, found.actors, coded.events, coded.traces, doc if keep_doc else None)


@lru_cache(maxsize=1)
def default_analyzer() -> Analyzer:
    return Analyzer()
