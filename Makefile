# Everything installs from this project's own files into .venv.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# the C loops of the PDF reader are compiled at install time: a change to them reinstalls
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml setup.py gonggo/ingest/_pdfscan.c | cksum | cut -d' ' -f1)

.PHONY: setup test demo eval bench lint clean fuzz

$(STAMP): pyproject.toml setup.py gonggo/ingest/_pdfscan.c
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

# bytecode for the package's own modules: an editable install leaves them uncompiled, and
# where PYTHONDONTWRITEBYTECODE is set every command compiled them from source again (about
# 0.15 s of each `gonggo extract`); compileall skips what is up to date
setup: $(STAMP)
	@$(PY) -m compileall -q gonggo >/dev/null

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
