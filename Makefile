# newskb — build, import, test, evaluate, benchmark.
#   make run    build (release), import seeds/ into newskb.db, print example answers
#   make test   install what is missing, build, run every test
#   make eval   score extraction against ../shared/eval gold data
#   make bench  import speed on ../shared/corpora/reuters21578.jsonl, against the sqlite3 floor
#   make sample-agreement  print a random sample of claim-group pairs and disagreements to check by hand (SEED=N)
#   make sample-entities   print 50 random multi-name entities of Reuters and of BBC to check by hand (SEED=N)
#   make check-agreement-pairs  the 300 read claim-group pairs (scripts/agreement-pairs.tsv) against the grouping now
#   make check-increments  Reuters imported in 20 increments of a random order (SEED=N) against one import, as sets
#   make datasette-test    the Datasette metadata (newskb datasette-metadata) against a real Datasette 0.65 (.venv-browser/)
#   make browser-test      the report (newskb report) of seeds/ and BASIL in a real Chromium (installed with apt), then datasette-test
#   make embeddings   rebuild the static sentence-embedding table from all-MiniLM-L6-v2 (.venv-embed/, pinned)
#   make check-embeddings  the Swift WordPiece tokenizer against the package's on real corpus sentences
#   make train-agreement  retrain the claim grouper's pair decision on MRPC (.venv-train/, pinned)
#   make train-attribution  retrain the reported-speech tagger on PolNeAR (standard library only)
#   make train-weak-cues    the cue words whose reported speech is left out, from PolNeAR train (standard library only)
#   make diagnose-mrpc    why MRPC dev pairs are grouped or not through the import (rules vs the model)
#   make scale-test   Spark (local[2], pinned pyspark in .venv-spark, Java 17) imports BBC + Reuters in 4 shards and merges them; 4 Reuters shards merged; both against one import
#   make bench-large  generate N articles (default 1,000,000), import them, time the queries (N=100000 for a quick run)

SHELL := /bin/bash
PREFIX ?= /usr/local
DB ?= newskb.db
SHARED ?= ../shared
SWIFT ?= swift
RELEASE_BIN = .build/release/newskb
DEBUG_BIN = .build/debug/newskb

.PHONY: all deps generate build release run test crash-test fuzz stress eval bench bench-large sample-agreement sample-entities check-agreement-pairs check-increments scale-test datasette-test browser-test install clean embeddings check-embeddings train-agreement train-attribution train-weak-cues diagnose-mrpc

all: build

# System packages: the SQLite library and headers, and the sqlite3 shell (tests and the bench use it).
deps:
	@if [ ! -f /usr/include/sqlite3.h ] || ! command -v sqlite3 >/dev/null 2>&1 || ! command -v python3 >/dev/null 2>&1; then \
	  echo "installing libsqlite3-dev sqlite3 python3 (apt-get)"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libsqlite3-dev sqlite3 python3 >/dev/null; \
	fi

# Embed migrations/ and the lexicons into Swift sources (committed; tests catch drift).
generate:
	@if command -v python3 >/dev/null 2>&1; then python3 scripts/embed-resources.py; fi

build: deps generate
	$(SWIFT) build

release: deps generate
	$(SWIFT) build -c release

run: release
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(RELEASE_BIN) import --db $(DB) seeds/
	@for q in "sources" "who-said --limit 12" "who-said --speaker Kirby" "who-said --about \"artillery ammunition\"" \
	          "entities --min-documents 3" "entity Peskov" "agree --min-sources 4" "disagree" "stories" \
	          "sql \"SELECT speaker, count(*) AS statements FROM who_said GROUP BY speaker ORDER BY 2 DESC LIMIT 5\""; do \
	  echo; echo "\$$ newskb $$q"; eval "$(RELEASE_BIN) $$q --db $(DB)" || exit 1; \
	done
	@echo; echo "\$$ newskb report --out report/"; $(RELEASE_BIN) report --db $(DB) --out report/
	@echo "(open report/index.html in a browser)"

test: deps generate
	python3 scripts/test_spark_import.py
	$(SWIFT) build
	NEWSKB_BIN=$(CURDIR)/$(DEBUG_BIN) $(SWIFT) test 2>&1 | tee .build/test.log | grep -vE '^(\[[0-9]+/[0-9]+\]|Compiling|Building|Write|Emitting|Linking)' ; exit $${PIPESTATUS[0]}

# Longer runs of the reliability tests that `make test` runs in a shortened form.
crash-test: build
	NEWSKB_BIN=$(CURDIR)/$(DEBUG_BIN) NEWSKB_CRASH_KILLS=$${NEWSKB_CRASH_KILLS:-25} NEWSKB_CRASH_ARTICLES=$${NEWSKB_CRASH_ARTICLES:-4000} \
	  $(SWIFT) test --filter 'CrashSafetyTests|InterruptTests|ConcurrencyTests'

fuzz: build
	NEWSKB_FUZZ_SECONDS=$${NEWSKB_FUZZ_SECONDS:-300} $(SWIFT) test --filter PipelineFuzzTests

stress: build
	NEWSKB_BIN=$(CURDIR)/$(DEBUG_BIN) NEWSKB_TINY_FILES=$${NEWSKB_TINY_FILES:-300000} $(SWIFT) test --filter 'HostileInputTests|DatabaseFaultTests'

eval: release
	@bash scripts/eval.sh $(SHARED)

bench: release
	@bash scripts/bench.sh $(SHARED)

sample-agreement: release
	@python3 scripts/sample-agreement.py --seed $${SEED:-1} --shared $(SHARED)

sample-entities: release
	@python3 scripts/sample-entities.py --seed $${SEED:-1} --shared $(SHARED)

check-agreement-pairs: release
	@python3 scripts/check-agreement-pairs.py --shared $(SHARED)

check-increments: release
	@python3 scripts/check-increments.py --shared $(SHARED) --seed $${SEED:-17}

# Datasette from PyPI in a virtual environment (pinned), then scripts/datasette-check.py.
DATASETTE_PINS = datasette==0.65.1
datasette-test: release
	@if [ ! -x .venv-browser/bin/datasette ]; then python3 -m venv .venv-browser && .venv-browser/bin/pip install -q $(DATASETTE_PINS); fi
	python3 scripts/datasette-check.py --bin $(RELEASE_BIN) --datasette .venv-browser/bin/datasette

# Chromium from Debian when missing; renders the report headless and keeps docs/report-story.png.
browser-test: release
	@command -v chromium >/dev/null || { if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }
	NEWSKB_BIN=$(RELEASE_BIN) bash scripts/browser-check.sh $(SHARED)
	@$(MAKE) --no-print-directory datasette-test

bench-large: release
	@bash scripts/bench-large.sh $(SHARED)

scale-test: release
	@bash scripts/scale-test.sh $(SHARED)

# The embedding table, its vocabulary and the test fixtures (committed); MRPC accuracy printed.
embeddings:
	SHARED=$(abspath $(SHARED)) python3 scripts/build-embeddings.py --fixtures --eval

# The pair decision of the claim grouper (logistic regression) from MRPC train/dev through the
# release binary's own claims and features; writes Lexicons/agreement-model.txt (then rebuild).
TRAIN_PINS = numpy==2.4.6 scikit-learn==1.7.2
train-agreement: release
	@if [ ! -x .venv-train/bin/python ]; then python3 -m venv .venv-train && .venv-train/bin/pip install -q $(TRAIN_PINS); fi
	.venv-train/bin/python scripts/train-agreement.py --shared $(SHARED) --bin $(RELEASE_BIN)
	python3 scripts/embed-resources.py

# The attribution tagger (averaged perceptron, BIO tags for source, cue and content) from PolNeAR
# train, epochs chosen on dev, over the token values the release binary prints; writes
# Lexicons/attribution-model.txt and the test fixture of the Swift/script agreement (then rebuild).
train-attribution: release
	python3 scripts/train-attribution.py --shared $(SHARED) --bin $(RELEASE_BIN)
	python3 scripts/embed-resources.py

# The weak cues of reported speech (Lexicons/statement-weak-cues.txt): the cue words whose
# statements of the rules PolNeAR train annotates less than 60% of the time (then rebuild).
train-weak-cues: release
	python3 scripts/train-weak-cues.py --shared $(SHARED) --bin $(RELEASE_BIN)
	python3 scripts/embed-resources.py

# Why MRPC dev pairs are grouped or not through the import: the import against the pair decision
# alone, and the rule or guard behind each difference (standard library only).
diagnose-mrpc: release
	@python3 scripts/diagnose-mrpc.py --shared $(SHARED) --bin $(RELEASE_BIN)

# Not part of `make test`: reads real sentences from $(SHARED)/corpora at run time.
check-embeddings: build
	SHARED=$(abspath $(SHARED)) python3 scripts/build-embeddings.py --check-tokenizer $${N:-5000}

install: release
	install -d $(PREFIX)/bin
	install -m 755 $(RELEASE_BIN) $(PREFIX)/bin/newskb

clean:
	rm -rf .build $(DB) $(DB)-wal $(DB)-shm bench/results.json
