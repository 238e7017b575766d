# Everything installs from this project's own files into .venv.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: setup test demo eval bench lint clean

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

bench: setup
	$(PY) -m pip install --quiet -e '.[dev,bench]'
	$(PY) -m gonggo.eval.bench

lint: setup
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) out .pytest_cache
