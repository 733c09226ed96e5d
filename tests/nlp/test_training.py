"""The training recipe runs end to end on a small budget (slow: `make test-slow`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kroniek.nlp.registry import load_pipeline

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_recipe_trains_a_pipeline_kroniek_can_load(shared_dir: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    subprocess.run([sys.executable, "training/convert.py", str(shared_dir / "data"), str(corpus)],
                   cwd=REPO, check=True, capture_output=True)
    # a few steps on the small dev slices (UD and CoNLL-2002): the recipe, not the accuracy, is under test
    subprocess.run([sys.executable, "-m", "spacy", "train", "training/nl.cfg", "--code", "training/joint.py",
                    "-o", str(tmp_path / "nl"), "--training.max_steps", "20", "--training.eval_frequency", "10",
                    "--paths.train", str(corpus / "joint-dev"), "--paths.dev", str(corpus / "joint-dev")],
                   cwd=REPO, check=True, capture_output=True)
    out = tmp_path / "assembled"
    subprocess.run([sys.executable, "training/assemble.py", str(tmp_path / "nl" / "model-last"), str(out),
                    str(corpus)], cwd=REPO, check=True, capture_output=True)
    nlp = load_pipeline("nl", str(out))
    assert "conll_tagger" not in nlp.pipe_names and "ner" in nlp.pipe_names
    assert "_" not in nlp.get_pipe("morphologizer").labels  # no label from the untagged CoNLL-2002 documents
    doc = nlp("Rusland annexeerde de Krim. De EU legde sancties op.")
    assert len(list(doc.sents)) == 2 and all(t.dep_ for t in doc)


@pytest.mark.slow
def test_the_pretrained_variant_starts_from_the_pretrained_weights(shared_dir: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    subprocess.run([sys.executable, "training/convert.py", str(shared_dir / "data"), str(corpus)],
                   cwd=REPO, check=True, capture_output=True)
    raw = tmp_path / "raw.jsonl"
    subprocess.run([sys.executable, "training/raw_text.py", str(corpus / "joint-dev"), str(raw)],
                   cwd=REPO, check=True, capture_output=True)
    assert raw.read_text(encoding="utf-8").count("\n") > 300  # the UD and CoNLL-2002 dev documents
    config = str(tmp_path / "nl-pretrained.cfg")
    subprocess.run([sys.executable, "training/merge_config.py", "training/nl.cfg", "training/variants/pretraining.cfg",
                    config], cwd=REPO, check=True, capture_output=True)
    paths = ["--paths.train", str(corpus / "joint-dev"), "--paths.dev", str(corpus / "joint-dev"),
             "--paths.raw_text", str(raw)]
    subprocess.run([sys.executable, "-m", "spacy", "pretrain", config, str(tmp_path / "pretrain"),
                    "--code", "training/joint.py", "--pretraining.max_epochs", "1", *paths],
                   cwd=REPO, check=True, capture_output=True)
    weights = str(tmp_path / "pretrain" / "model-last.bin")
    trained = subprocess.run([sys.executable, "-m", "spacy", "train", config, "--code", "training/joint.py",
                              "-o", str(tmp_path / "nl"), "--training.max_steps", "10", "--training.eval_frequency",
                              "10", "--paths.init_tok2vec", weights, "--verbose", *paths],
                             cwd=REPO, check=True, capture_output=True, text=True)
    # spaCy skips the pretrained weights without a word when the config's [pretraining] block is empty
    assert "Loaded pretrained weights" in trained.stdout + trained.stderr
