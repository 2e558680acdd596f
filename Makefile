# make demo: install what is missing, build, summarise and draw the bundled dataset.
# make test: the same set-up, then every test.
SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DATASET := datasets/mekong-2023.json
OUT := out

.PHONY: deps build release demo test bench clean

deps:
	@if ! pkg-config --exists libgvc 2>/dev/null || ! command -v dot >/dev/null; then \
	  echo "Installing Graphviz development files (pkg-config libgraphviz-dev graphviz)…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pkg-config libgraphviz-dev graphviz >/dev/null; \
	fi
	@command -v swift >/dev/null || { echo "Swift 6 is required: https://www.swift.org/install/linux/"; exit 1; }

build: deps
	swift build

release: deps
	swift build -c release

demo: release
	@mkdir -p $(OUT)
	.build/release/tnet info $(DATASET)
	.build/release/tnet render $(DATASET) -o $(OUT)/mekong-2023.svg
	@echo "Diagram: $(OUT)/mekong-2023.svg ($$(grep -c 'class="node"' $(OUT)/mekong-2023.svg) nodes drawn)"

test: deps
	swift build --build-tests
	swift test --skip-build

clean:
	rm -rf .build $(OUT)
