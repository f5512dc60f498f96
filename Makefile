# kgraph: `make demo` and `make test` work on a fresh machine (they create .venv first).
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
KGRAPH := $(VENV)/bin/kgraph
STAMP  := $(VENV)/.installed

.PHONY: venv demo test test-fast bench bench-build serve lint clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: venv
	$(KGRAPH) build seeds/ -o graph.ttl
	@for q in leaders trade_volumes investors allies evidence; do \
		echo; echo "== kgraph query graph.ttl $$q"; \
		$(KGRAPH) query graph.ttl $$q --param country=TJK --param a=RUS --param b=TJK || exit 1; \
	done
	$(KGRAPH) export graph.ttl --format gexf -o graph.gexf
	@echo; echo "Open graph.gexf in Gephi; query graph.ttl with: $(KGRAPH) query graph.ttl QUERY"

test: venv
	$(PY) -m pytest

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
	$(PY) -m mypy --strict kgraph/model.py

clean:
	rm -rf graph.ttl graph.gexf .pytest_cache test-output benchmarks/out
