# kroniek — see README.md. Every target works on a fresh machine with only Python 3.11+.
SHARED ?= ../shared
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo demo-analysis demo-web screenshots browser bench-web bench-stories test test-slow fuzz lint eval eval-all eval-actors eval-nlp bench bench-ray bench-anchors model model-pretrained model-corpus model-en gazetteer-data actors-data actors-coverage ontology-data verbforms-data lexicon-en-data ranker clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/kroniek analyze examples/ --date 2024-03-15

# The EU-Belarus news corpus (read from $(SHARED)/corpus, never copied) in a store, the IGOEUR-BLR yearly
# series with its yo-yo figures (by the balance, then by the Goldstein sum) and their figures in build/.
DEMO_DB ?= build/eu_belarus.duckdb

demo-analysis: $(STAMP)
	mkdir -p build
	$(BIN)/kroniek ingest $(SHARED)/corpus/eu_belarus.jsonl --db $(DEMO_DB)
	$(BIN)/kroniek series --db $(DEMO_DB) --dyad IGOEUR BLR --freq year --plot build/eu_belarus_year.png
	$(BIN)/kroniek series --db $(DEMO_DB) --dyad IGOEUR BLR --freq year --on goldstein_sum \
		--plot build/eu_belarus_year_goldstein.png --format csv > build/eu_belarus_year.csv
	$(BIN)/kroniek top --db $(DEMO_DB) --dyads --undirected --level country -n 5

test: $(STAMP)
	KRONIEK_SHARED=$(SHARED) $(BIN)/python -m pytest -q

# Debian's Chromium, which the browser tests and make screenshots drive through Playwright (Playwright's own
# browser download is not used). Installed with apt when missing; where apt cannot, the browser tests skip.
CHROMIUM := /usr/lib/chromium/chromium
browser:
	@test -x $(CHROMIUM) || DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null 2>&1 \
		|| (DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null 2>&1 \
			&& DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null 2>&1) \
		|| echo "make browser: could not install Debian's chromium with apt-get (not root, or no package lists);" \
			"the browser tests will be skipped"
	@test -x $(CHROMIUM) && echo "chromium: $$($(CHROMIUM) --version 2>/dev/null)" || true

# The dashboard on the real EU-Belarus corpus ($(SHARED)/corpus, read at run time): ingested once into
# build/web (again when the corpus changes; delete the file to re-code it), then served at http://127.0.0.1:8000/.
WEB_DB := build/web/eu_belarus.duckdb
SERVE_ARGS ?= --port 8000

$(WEB_DB): $(SHARED)/corpus/eu_belarus.jsonl | $(STAMP)
	mkdir -p $(dir $@)
	rm -f $@.partial
	$(BIN)/kroniek ingest $< --db $@.partial
	mv $@.partial $@

$(SHARED)/corpus/eu_belarus.jsonl:
	@echo "make: $@ not found (the shared corpus; SHARED=/path/to/shared points elsewhere)" >&2; exit 2

demo-web: $(WEB_DB)
	$(BIN)/kroniek serve --db $(WEB_DB) $(SERVE_ARGS)

# Screenshots for the README (docs/img/dashboard.png, article.png) from the same browser as the tests: the
# corpus, and for the article view our own examples/ added to a copy of it (no news text lands in the repository).
screenshots: $(WEB_DB) browser
	cp $(WEB_DB) build/web/screenshots.duckdb
	$(BIN)/kroniek ingest examples/ --date 2024-03-15 --db build/web/screenshots.duckdb
	$(BIN)/python docs/make_screenshots.py $(WEB_DB) docs/img --article-db build/web/screenshots.duckdb

# The REST API's answer time for filtered event queries on 10,000 stored events (bar: under 200 ms).
bench-web: $(STAMP)
	$(BIN)/python benchmarks/web_api.py

test-slow: $(STAMP)
	KRONIEK_SHARED=$(SHARED) $(BIN)/python -m pytest -q -m slow

# The fault and fuzz suite at full size (tests/fuzz): generated inputs to the readers and the store,
# kroniek ingest killed with kill -9 in a loop, two writers and four readers at once; it ends with one
# line per part: inputs tried, crashes, documents lost, duplicates. KRONIEK_FAULT_ROUNDS sets the kill rounds.
fuzz: $(STAMP)
	$(BIN)/python -m pytest tests/fuzz -q -p no:cacheprovider -m 'slow or not slow'

lint: $(STAMP)
	$(BIN)/ruff check src tests training

eval: $(STAMP)
	$(BIN)/kroniek evaluate $(SHARED)/eval/dev

# Every gold set side by side: dev and dev-en (developed on), train (learned from), check (score only:
# the summary, no missed or false events).
eval-all: $(STAMP)
	@for set in dev check train dev-en; do echo "== $$set"; $(BIN)/kroniek evaluate $(SHARED)/eval/$$set --summary | head -4; done

# Share of right actor codes on the hand-coded mentions in eval/actors (Dutch and English).
eval-actors: $(STAMP)
	$(BIN)/kroniek evaluate-actors eval/actors/*.tsv --shared $(SHARED)

# Tagging, parsing and lemma scores on Alpino test, NER on CoNLL-2002 ned.testb (never trained on),
# English tagging and parsing on EWT test; words/s on one core and peak memory for each.
eval-nlp: $(STAMP)
	$(BIN)/python training/convert.py $(SHARED)/data build/corpus
	OMP_NUM_THREADS=1 $(BIN)/python training/evaluate_nlp.py src/kroniek/nlp/models/nl build/corpus/ud-test.spacy
	OMP_NUM_THREADS=1 $(BIN)/python training/evaluate_nlp.py src/kroniek/nlp/models/nl build/corpus/ner-test.spacy
	$(BIN)/python training/convert_en.py $(SHARED)/data build/corpus
	OMP_NUM_THREADS=1 $(BIN)/python training/evaluate_nlp.py src/kroniek/nlp/models/en build/corpus/en-ud-test.spacy

# Throughput and memory of the whole pipeline against spaCy's own pass over the CoNLL-2002 articles (one core).
# Then `kroniek ingest` on 1 worker against 2 on the same articles (ratio in one run, memory per worker).
bench: $(STAMP)
	OMP_NUM_THREADS=1 $(BIN)/python benchmarks/bench.py $(SHARED)/data
	OMP_NUM_THREADS=1 $(BIN)/python benchmarks/bench_workers.py $(SHARED)/data

# The same on Ray: a local cluster of two 1-CPU nodes bound to 127.0.0.1, 1 actor against 2, stopped after.
bench-ray: $(STAMP)
	$(BIN)/pip install --quiet -e '.[ray]'
	$(BIN)/ray start --head --num-cpus=1 --disable-usage-stats --node-ip-address=127.0.0.1 --include-dashboard=false
	$(BIN)/ray start --address=127.0.0.1:6379 --num-cpus=1 --node-ip-address=127.0.0.1
	OMP_NUM_THREADS=1 $(BIN)/python benchmarks/bench_workers.py $(SHARED)/data --ray 127.0.0.1:6379; \
		status=$$?; $(BIN)/ray stop; exit $$status

# How story clusters group reprints made from the shared corpus, and what grouping costs in storing.
.PHONY: bench-stories
bench-stories: $(STAMP)
	$(BIN)/python benchmarks/stories.py $(SHARED)/corpus/eu_belarus.jsonl

# Our NER and speed next to Frog's on the same ned.testb sentences (needs: apt-get install frog frogdata).
bench-anchors: $(STAMP)
	$(BIN)/python benchmarks/frog_anchor.py $(SHARED)/data

# Rebuild the bundled Dutch pipeline from the open corpora in $(SHARED)/data: one joint training of the
# tagger, parser, lemmatizer and NER (training/nl.cfg; see the model card for its time). MODEL_BUILD
# and MODEL_OUT rebuild elsewhere to compare with the bundled pipeline without replacing it.
MODEL_BUILD ?= build
MODEL_OUT ?= src/kroniek/nlp/models/nl

model: model-corpus
	OMP_NUM_THREADS=1 $(BIN)/python -m spacy train training/nl.cfg --code training/joint.py -o $(MODEL_BUILD)/nl-train \
		--paths.train $(MODEL_BUILD)/corpus/joint-train --paths.dev $(MODEL_BUILD)/corpus/joint-dev
	rm -rf $(MODEL_OUT)
	$(BIN)/python training/assemble.py $(MODEL_BUILD)/nl-train/model-best $(MODEL_OUT) $(MODEL_BUILD)/corpus

# The variant with a pretrained tok2vec and averaged parameters (training/variants/pretraining.cfg laid over
# training/nl.cfg): better on the test sets, worse for the event coder, so not bundled (model card). Use it
# with KRONIEK_PIPELINE_NL=build/nl-pretrained/nl or --pipeline.
PRETRAINED_BUILD ?= build/nl-pretrained
PRETRAINED_CFG = $(PRETRAINED_BUILD)/nl-pretrained.cfg
PRETRAINED_PATHS = --paths.train $(MODEL_BUILD)/corpus/joint-train --paths.dev $(MODEL_BUILD)/corpus/joint-dev \
	--paths.raw_text $(MODEL_BUILD)/corpus/raw-train.jsonl

model-pretrained: model-corpus
	$(BIN)/python training/raw_text.py $(MODEL_BUILD)/corpus/joint-train $(MODEL_BUILD)/corpus/raw-train.jsonl
	rm -rf $(PRETRAINED_BUILD)
	$(BIN)/python training/merge_config.py training/nl.cfg training/variants/pretraining.cfg $(PRETRAINED_CFG)
	OMP_NUM_THREADS=1 $(BIN)/python -m spacy pretrain $(PRETRAINED_CFG) $(PRETRAINED_BUILD)/pretrain \
		--code training/joint.py $(PRETRAINED_PATHS)
	OMP_NUM_THREADS=1 $(BIN)/python -m spacy train $(PRETRAINED_CFG) --code training/joint.py \
		-o $(PRETRAINED_BUILD)/train $(PRETRAINED_PATHS) --paths.init_tok2vec $(PRETRAINED_BUILD)/pretrain/model-last.bin
	$(BIN)/python training/assemble.py $(PRETRAINED_BUILD)/train/model-best $(PRETRAINED_BUILD)/nl $(MODEL_BUILD)/corpus

model-corpus: $(STAMP)
	$(BIN)/python training/convert.py $(SHARED)/data $(MODEL_BUILD)/corpus

# Rebuild the bundled English pipeline from UD English EWT (tagging, parsing, lemmas; no NER).
model-en: $(STAMP)
	$(BIN)/python training/convert_en.py $(SHARED)/data build/corpus
	OMP_NUM_THREADS=1 $(BIN)/python -m spacy train training/ud.cfg -o build/ud-en --nlp.lang en \
		--training.max_steps 6000 --paths.train build/corpus/en-ud-train.spacy --paths.dev build/corpus/en-ud-dev.spacy
	rm -rf src/kroniek/nlp/models/en
	$(BIN)/python training/assemble.py build/ud-en/model-best src/kroniek/nlp/models/en build/corpus

# The name lists behind the Dutch pipeline's gazetteer features (Alpino's name gazetteers).
gazetteer-data: $(STAMP)
	$(BIN)/python training/build_gazetteer.py $(SHARED)/data src/kroniek/nlp/data/gazetteer.nl.tsv.gz

# Rebuild the knowledge-base and ontology tables from $(SHARED)/data plus our curated inputs.
actors-data: $(STAMP)
	$(BIN)/python training/build_actors.py $(SHARED)/data src/kroniek/actors/data
	$(BIN)/python training/build_roles.py $(SHARED)/data src/kroniek/actors/data

# Share of UN members with a known head of state and of government on 1 July of each year 1990-2025.
actors-coverage: $(STAMP)
	$(BIN)/python training/leaders_coverage.py src/kroniek/actors/data

verbforms-data: $(STAMP)
	$(BIN)/python training/build_verbforms.py $(SHARED)/data src/kroniek/events/data/verbforms.nl.tsv
	$(BIN)/python training/build_verbforms.py $(SHARED)/data src/kroniek/events/data/verbforms.en.tsv

ontology-data: $(STAMP)
	$(BIN)/python training/build_ontology.py $(SHARED)/data src/kroniek/events/data/cameo.tsv
	$(BIN)/python training/build_statements.py src/kroniek/events/data/statements.tsv

# The argument ranker, trained on ../shared/eval/train (training/train_ranker.py): the statistical fallback
# for a side the coder's slots do not find.
ranker: $(STAMP)
	$(BIN)/python training/train_ranker.py $(SHARED) src/kroniek/events/data/ranker.nl.json

# The English event lexicon's table compiled from PETRARCH2's verb dictionary (training/build_lexicon_en.py).
lexicon-en-data: $(STAMP)
	$(BIN)/python training/build_lexicon_en.py $(SHARED)/data src/kroniek/events/data/lexicon/en

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
