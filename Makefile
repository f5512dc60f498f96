# kgraph: `make demo` and `make test` work on a fresh machine (they create .venv first).
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
KGRAPH := $(VENV)/bin/kgraph
STAMP  := $(VENV)/.installed
# The browser test drives Debian's Chromium (no browser is downloaded): KGRAPH_CHROMIUM, else the one on PATH.
CHROMIUM ?= $(or $(KGRAPH_CHROMIUM),$(shell command -v chromium 2>/dev/null),/usr/bin/chromium)

.PHONY: venv chromium demo test test-fast bench bench-build serve lint clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: venv
	$(KGRAPH) build seeds/ -o graph.ttl
	@for q in "leaders" "partners --param country=TJK" "trade_volumes --param country=TJK" \
		"investors --param country=TJK" "allies --param country=RUS" "who_said --param a=RUS --param b=TJK" \
		"pair_profile --param a=RUS --param b=TJK" "most_connected" "claims_by_modality" "single_source"; do \
		echo; echo "== kgraph query graph.ttl $$q"; \
		$(KGRAPH) query graph.ttl $$q || exit 1; \
	done
	@echo; echo "== kgraph explain graph.ttl RUS TJK"; $(KGRAPH) explain graph.ttl RUS TJK
	$(KGRAPH) export graph.ttl --format gexf -o graph.gexf
	$(KGRAPH) export graph.ttl --format html -o graph.html
	@echo; echo "Open graph.html in a browser (no server needed) or graph.gexf in Gephi; query graph.ttl with: $(KGRAPH) query graph.ttl QUERY"

test: venv chromium
	KGRAPH_CHROMIUM=$(CHROMIUM) $(PY) -m pytest

# What the tests need that PyPI does not carry: installed through apt-get when running as root, else named.
chromium:
	@test -x "$(CHROMIUM)" || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "make: installing Debian's chromium for the browser test (apt-get install chromium)"; \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
	      || { echo "make: could not install chromium; run: sudo apt-get install -y chromium" >&2; exit 1; }; \
	  else \
	    echo "make: the browser test needs Chromium, which is missing; run: sudo apt-get install -y chromium" >&2; \
	    exit 1; \
	  fi; }

test-fast: venv
	$(PY) -m pytest -m "not model and not slow"

bench: venv
	$(PY) benchmarks/run_all.py

bench-build: venv
	$(PY) benchmarks/bench_build.py

serve: venv
	test -e graph.ttl || $(KGRAPH) build seeds/ -o graph.ttl
	$(KGRAPH) serve graph.ttl

lint: venv
	$(PY) -m mypy --strict kgraph/model.py kgraph/rdf.py kgraph/queries.py kgraph/export.py

clean:
	rm -rf graph.ttl graph.gexf graph.html .pytest_cache test-output benchmarks/out
