# Everything installs from this project's own files into .venv.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: setup test demo eval bench lint clean fuzz

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

setup: $(STAMP)

test: setup
	$(PY) -m pytest

demo: setup
	$(VENV)/bin/gonggo demo corpus/seeds --out out

eval: setup
	$(VENV)/bin/gonggo eval

# The bench's floors install here, before it runs (the bench itself downloads nothing):
# rhwp-python outside the `bench` extra, best effort (its Linux wheel is broken: its row says
# why), and kordoc with npm into .bench/node, best effort (no Node, npm or registry: its rows
# say why).
bench: setup
	$(PY) -m pip install --quiet -e '.[dev,bench]'
	-$(PY) -m pip install --quiet rhwp-python
	$(PY) -m gonggo.eval.kordoc_floor install
	$(PY) -m gonggo.eval.bench

# The long fuzz run: every command on every generated bomb and 3000 mutations (hours on a
# slow machine); the default `make test` runs a fixed-seed subset of the same suite.
fuzz: setup
	GONGGO_FUZZ_RUNS=$${GONGGO_FUZZ_RUNS:-3000} $(PY) -m pytest -m fuzz tests/fuzz -x -q

lint: setup
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) out .pytest_cache .bench
