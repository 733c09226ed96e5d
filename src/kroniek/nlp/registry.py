"""Which spaCy pipeline reads which language.

A pipeline is named by a spec: "bundled" (the pipeline shipped inside kroniek), the name of an
installed spaCy model package ("nl_core_news_md", a spacy-transformers package, ...), or a path to a
pipeline directory. The spec comes from the caller (CLI `--pipeline`), else from the environment
variable KRONIEK_PIPELINE_<LANG> (e.g. KRONIEK_PIPELINE_NL), else "bundled".
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from kroniek.errors import Errors, KroniekError
from kroniek.nlp import components, gazetteer  # noqa: F401  (register kroniek's spaCy components and layers)

BUNDLED_DIR = Path(__file__).parent / "models"
# Languages kroniek has patterns and role words for.
LANGUAGES = ("nl", "en")


def bundled_path(lang: str) -> Path:
    return BUNDLED_DIR / lang


def resolve_spec(lang: str, spec: str | None = None) -> str:
    """The pipeline spec in force for a language: explicit, then environment, then bundled."""
    return spec or os.environ.get(f"KRONIEK_PIPELINE_{lang.upper()}") or "bundled"


@lru_cache(maxsize=8)
def _load(lang: str, spec: str) -> Language:
    if spec == "bundled":
        path = bundled_path(lang)
        if not (path / "config.cfg").exists():
            raise KroniekError(
                Errors.E010,
                lang=lang,
                reason="kroniek bundles no pipeline for it; install one (e.g. pip install a spaCy "
                f"model package) and pass --pipeline NAME or set KRONIEK_PIPELINE_{lang.upper()}",
            )
        target: str | Path = path
    else:
        target = Path(spec) if Path(spec).exists() else spec
    try:
        nlp = spacy.load(target)
    except OSError as exc:
        raise KroniekError(Errors.E010, lang=lang, reason=f"cannot load pipeline {spec!r} ({exc})") from None
    if nlp.lang != lang:
        raise KroniekError(Errors.E010, lang=lang, reason=f"pipeline {spec!r} is for language {nlp.lang!r}")
    if "parser" not in nlp.pipe_names:
        raise KroniekError(Errors.E010, lang=lang, reason=f"pipeline {spec!r} lacks a dependency parser")
    if "kroniek_sentences" not in nlp.pipe_names:
        nlp.add_pipe("kroniek_sentences", before="parser")
    if "ner" not in nlp.pipe_names and "kroniek_name_entities" not in nlp.pipe_names:
        nlp.add_pipe("kroniek_name_entities", last=True)
    return nlp


def unavailable(lang: str) -> str:
    """Why no pipeline would load for a language without a spec ("" when one would): no bundled
    pipeline and no KRONIEK_PIPELINE_<LANG>."""
    if resolve_spec(lang) == "bundled" and not (bundled_path(lang) / "config.cfg").exists():
        return (f"no {lang!r} pipeline: {bundled_path(lang)} has no config.cfg and "
                f"KRONIEK_PIPELINE_{lang.upper()} is not set")
    return ""


def load_pipeline(lang: str = "nl", spec: str | None = None) -> Language:
    """The spaCy Language kroniek uses for a language (loaded once per process and spec)."""
    return _load(lang, resolve_spec(lang, spec))
