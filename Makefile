# make demo: install what is missing, build, summarise the bundled dataset and write its briefing.
# make test: the same set-up, then every test.
SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DATASET := datasets/mekong-2023.json
OUT := out

PYTHON ?= python3
ORACLE_VENV := .venv-oracle

.PHONY: deps oracle test-deps build release demo test datasets outlines bench bench-quick bench-render bench-commands bench-loads bench-loads-peers bench-calls docs clean fuzz spark-venv spark-check

# Graphviz (libgvc for rendering in-process, its commands for the tests that compare with them),
# libxml2 (the GraphML reader's parser) and mimalloc, the allocator of release builds (Package.swift).
deps:
	@if ! pkg-config --exists libgvc 2>/dev/null || ! pkg-config --exists libxml-2.0 2>/dev/null || ! command -v dot >/dev/null \
	    || ! gcc -print-file-name=libmimalloc.so | grep -q /; then \
	  echo "Installing Graphviz, libxml2 and mimalloc development files (pkg-config libgraphviz-dev libxml2-dev graphviz libmimalloc-dev)…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pkg-config libgraphviz-dev libxml2-dev graphviz libmimalloc-dev >/dev/null; \
	fi
	@command -v swift >/dev/null || { echo "Swift 6 is required: https://www.swift.org/install/linux/"; exit 1; }

build: deps
	swift build

release: deps
	swift build -c release

demo: release
	@mkdir -p $(OUT)
	.build/release/tnet info $(DATASET)
	@echo "Briefing (open it in a browser; share only a --redact victims copy):"
	@.build/release/tnet report $(DATASET) -o $(OUT)/mekong-2023

# networkx (the fixtures were made with 3.6.1) and scipy for the oracle tests, and followthemoney
# (the FtM model tnet's FtM tables were generated from) for the FollowTheMoney oracle, when Python
# is present: the system's when it has all three, else a venv here.
FTM_VERSION := 4.11.2
# selenium drives Chromium (Debian's chromium-driver) in the report page's browser test.
SELENIUM_VERSION := 4.27.1
# wcwidth is the oracle of the terminal columns tables pad by.
WCWIDTH_VERSION := 0.2.13
oracle:
	@if command -v $(PYTHON) >/dev/null && ! $(PYTHON) -c 'import networkx, scipy, followthemoney' 2>/dev/null \
	    && ! $(ORACLE_VENV)/bin/python -c 'import networkx, scipy, followthemoney' 2>/dev/null; then \
	  if ! $(ORACLE_VENV)/bin/python -c 'import networkx, scipy' 2>/dev/null; then \
	    echo "Installing networkx into $(ORACLE_VENV) for the oracle tests…"; \
	    ($(PYTHON) -m venv $(ORACLE_VENV) && $(ORACLE_VENV)/bin/pip install -q networkx==3.6.1 scipy) \
	      || echo "networkx unavailable: oracle tests check the committed copies only"; \
	  fi; \
	  if [ -x $(ORACLE_VENV)/bin/python ] && ! $(ORACLE_VENV)/bin/python -c 'import followthemoney' 2>/dev/null; then \
	    echo "Installing followthemoney $(FTM_VERSION) into $(ORACLE_VENV) for the FtM oracle test…"; \
	    $(ORACLE_VENV)/bin/pip install -q followthemoney==$(FTM_VERSION) \
	      || echo "followthemoney unavailable: the FtM oracle test will be skipped"; \
	  fi; \
	fi
	@if command -v $(PYTHON) >/dev/null && ! $(ORACLE_VENV)/bin/python -c 'import selenium' 2>/dev/null; then \
	  echo "Installing selenium $(SELENIUM_VERSION) into $(ORACLE_VENV) for the report page's browser test…"; \
	  ([ -x $(ORACLE_VENV)/bin/python ] || $(PYTHON) -m venv $(ORACLE_VENV)) && $(ORACLE_VENV)/bin/pip install -q selenium==$(SELENIUM_VERSION) \
	    || echo "selenium unavailable: the report page's browser test will be skipped"; \
	fi
	@if command -v $(PYTHON) >/dev/null && [ -x $(ORACLE_VENV)/bin/python ] && ! $(ORACLE_VENV)/bin/python -c 'import wcwidth' 2>/dev/null; then \
	  echo "Installing wcwidth $(WCWIDTH_VERSION) into $(ORACLE_VENV) for the display-width oracle test…"; \
	  $(ORACLE_VENV)/bin/pip install -q wcwidth==$(WCWIDTH_VERSION) \
	    || echo "wcwidth unavailable: the display-width oracle test will be skipped"; \
	fi

# The report's browser tests load it in headless Chromium, the explorable page through WebDriver
# (chromium-driver, selenium): installed for the tests only (a machine where apt cannot get them
# runs every other test and says those were skipped).
test-deps:
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || command -v google-chrome >/dev/null || { \
	  echo "Installing Chromium for the report's browser test…"; \
	  ($(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	    || echo "Chromium unavailable: the report's browser test will be skipped"; }
	@command -v chromedriver >/dev/null || [ -x /usr/lib/chromium/chromedriver ] || { \
	  echo "Installing chromium-driver (WebDriver) for the report page's browser test…"; \
	  ($(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-driver >/dev/null) \
	    || echo "chromium-driver unavailable: the report page's browser test will be skipped"; }

test: deps oracle test-deps
	swift build --build-tests
	TNET_PYTHON="$$(if $(ORACLE_VENV)/bin/python -c 'import networkx, scipy' 2>/dev/null; then echo $$PWD/$(ORACLE_VENV)/bin/python; else command -v $(PYTHON) || true; fi)" \
	  swift test --skip-build

# Rewrites the bundled dataset in tnet's canonical form (attributes in column order) and
# regenerates its CSV and GraphML copies (a test checks they are in sync).
datasets: build
	@tmp=$$(mktemp -d) && .build/debug/tnet convert $(DATASET) $$tmp/ && .build/debug/tnet convert $$tmp $(DATASET) && rm -rf $$tmp
	.build/debug/tnet convert $(DATASET) datasets/mekong-2023-csv/
	.build/debug/tnet convert $(DATASET) datasets/mekong-2023.graphml

# Benchmarks (not tests): tnet against networkx, igraph, NetworKit and rustworkx on the graphs of
# Benchmarks/README.md, release build, one run. Takes ~30 minutes; bench-quick ~2.
BENCH_VENV := Benchmarks/.venv
bench-venv:
	@$(BENCH_VENV)/bin/python -c 'import networkx, igraph, networkit, rustworkx, pandas' 2>/dev/null || \
	  ($(PYTHON) -m venv $(BENCH_VENV) && $(BENCH_VENV)/bin/pip install -q -r Benchmarks/requirements-peers.txt)

bench: deps bench-venv
	swift build -c release --product tnet
	swift build -c release --product tnet-bench
	$(PYTHON) Benchmarks/run.py

# Every command as a whole process on the large graph against the fastest peer's load + step.
bench-commands: deps bench-venv
	swift build -c release --product tnet
	$(PYTHON) Benchmarks/commands.py

# A million entities with provenance loaded as JSON and GraphML, against NetworKit's edge-list
# reader on the same graph (the inputs, 1.2 GB, are made once in Benchmarks/graphs/).
bench-loads: deps bench-venv
	swift build -c release --product tnet
	$(PYTHON) Benchmarks/loads.py

# The same, with peers that read the same records: igraph's GraphML reader, Python's json module
# and simdjson (C++, Debian's libsimdjson-dev, built by loads.py with g++) as a floor for JSON.
bench-loads-peers: deps bench-venv
	@test -f /usr/include/simdjson.h || { echo "Installing simdjson (libsimdjson-dev)…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libsimdjson-dev >/dev/null; }
	swift build -c release --product tnet
	$(PYTHON) Benchmarks/loads.py --same-records

# Call records as a spreadsheet export (1.5M rows, made once in Benchmarks/graphs/) read by
# tnet info, against pandas' CSV parser with igraph building the graph.
bench-calls: deps bench-venv
	swift build -c release --product tnet
	$(PYTHON) Benchmarks/calls.py

bench-quick: deps bench-venv
	swift build -c release --product tnet
	swift build -c release --product tnet-bench
	$(PYTHON) Benchmarks/run.py --quick

# In-process rendering against the Graphviz command line (needs the graphviz package's sfdp and dot).
bench-render: deps
	swift build -c release --product tnet
	swift build -c release --product tnet-layout
	$(PYTHON) Benchmarks/render.py

# Beyond one machine (not a test): the Spark job of examples/spark/ in local mode on the large
# benchmark graph and the bundled dataset, compared with tnet's own results (README, "Beyond one
# machine"). pyspark, which bundles Spark and GraphX (about 450 MB), goes into .venv-spark; Java 17
# comes from apt when missing. Takes ten minutes or more on two cores.
SPARK_VENV := .venv-spark
PYSPARK_VERSION := 4.3.0
spark-venv:
	@command -v java >/dev/null || { echo "Installing Java 17 for Spark…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null; }
	@$(SPARK_VENV)/bin/python -c 'import sys, pyspark; sys.exit(pyspark.__version__ != "$(PYSPARK_VERSION)")' 2>/dev/null || { \
	  echo "Installing pyspark $(PYSPARK_VERSION) into $(SPARK_VENV) (about 450 MB)…"; \
	  $(PYTHON) -m venv $(SPARK_VENV) && $(SPARK_VENV)/bin/pip install -q pyspark==$(PYSPARK_VERSION); }

spark-check: deps spark-venv
	swift build -c release --product tnet
	$(SPARK_VENV)/bin/python -u examples/spark/check.py

# The DocC catalog (Sources/TraffickingNetworks/TraffickingNetworks.docc) and the reference of the
# modules' public API, each an archive under .build/plugins/Swift-DocC/outputs/.
docs: deps
	for t in TraffickingNetworks TNetModel TNetGraph TNetIO TNetRender TNetReport TNetGraphviz; do \
	  swift package generate-documentation --target $$t 2>&1 | grep -E "warning|error|Generated" ; done

# Regenerates the map's country outlines (Sources/TNetRender/Geo/NaturalEarth110m.swift, committed)
# from Natural Earth's 1:110m countries as geopandas 0.14 ships them; not part of `make test`.
outlines:
	@test -x .venv-geo/bin/python || python3 -m venv .venv-geo
	@.venv-geo/bin/python -c 'import geopandas' 2>/dev/null || .venv-geo/bin/pip install -q 'geopandas==0.14.*'
	@test -f /usr/share/iso-codes/json/iso_3166-1.json || { $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq iso-codes >/dev/null; }
	.venv-geo/bin/python datasets/geo/make_outlines.py

clean:
	rm -rf .build $(OUT)

# Coverage-guided fuzzing of every reader (libFuzzer with AddressSanitizer), FUZZ_SECONDS each
# (default 10 minutes), one after another; not part of `make test`. Corpora grow in .fuzz/; a
# crash or hang is saved as .fuzz/READER-crash-… (replay: TNET_FUZZ_READER=READER
# .build-fuzz/debug/tnet-fuzz FILE), the other readers still run, and the exit is non-zero.
FUZZ_SECONDS ?= 600
FUZZ_READERS ?= json csv graphml graphml-chunks dot edgelist edgelist-graph ftm
fuzz: deps
	swift build --build-path .build-fuzz --product tnet-fuzz -Xswiftc -sanitize=fuzzer,address -Xlinker --export-dynamic
	@mkdir -p .fuzz
	@failed=""; for r in $(FUZZ_READERS); do \
	  mkdir -p .fuzz/corpus-$$r; \
	  case $$r in \
	    json) cp Tests/TNetIOTests/Fixtures/*.json datasets/*.json .fuzz/corpus-$$r/ ;; \
	    csv) cp Tests/tnetTests/Fixtures/call-records/*.csv datasets/mekong-2023-csv/*.csv .fuzz/corpus-$$r/ ;; \
	    graphml*) cp Tests/TNetIOTests/Fixtures/graphml/* Tests/TNetIOTests/Fixtures/fuzz/*.graphml datasets/*.graphml .fuzz/corpus-$$r/ ;; \
	    dot) cp Tests/TNetIOTests/Fixtures/dot/* .fuzz/corpus-$$r/ 2>/dev/null; printf 'digraph { a -> b [weight=2]; b -> c; }\n' > .fuzz/corpus-$$r/seed.dot ;; \
	    ftm) cp Tests/TNetIOTests/Fixtures/ftm/*.jsonl .fuzz/corpus-$$r/ ;; \
	    edgelist*) cp Tests/TNetIOTests/Fixtures/*.edgelist Tests/tnetTests/Fixtures/calls.el Tests/tnetTests/Fixtures/call-records/calls.txt .fuzz/corpus-$$r/ ;; \
	  esac; \
	  echo "fuzzing the $$r reader for $(FUZZ_SECONDS) s…"; \
	  TNET_FUZZ_READER=$$r ASAN_OPTIONS=detect_leaks=0 .build-fuzz/debug/tnet-fuzz .fuzz/corpus-$$r \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=20 -rss_limit_mb=4096 -max_len=65536 \
	    -artifact_prefix=.fuzz/$$r- -print_final_stats=1 2>&1 | tee .fuzz/$$r.log | grep -E '^(#[0-9]+ +DONE|==[0-9]+==ERROR|SUMMARY|stat::number_of_executed_units|stat::peak_rss_mb)' ; \
	  test $${PIPESTATUS[0]} -eq 0 || { echo "the $$r reader failed: see .fuzz/$$r.log"; failed="$$failed $$r"; }; \
	done; \
	if [ -n "$$failed" ]; then echo "crashes or hangs in:$$failed"; exit 1; fi; echo "no crash in: $(FUZZ_READERS)"
