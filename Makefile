# lieux_mednum — developer and user entry points. See README.md (in French).
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
export QT_QPA_PLATFORM ?= offscreen
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help deps dev-deps test lint validate bench

help:
	@echo "make test          toute la suite de tests (installe ce qu'il faut)"
	@echo "make validate FILE=chemin   valider un fichier de lieux"
	@echo "make lint          ruff"

deps:
	@scripts/bootstrap.sh

dev-deps:
	@scripts/bootstrap.sh --dev

test: dev-deps
	$(PY) -c "from qgis.core import Qgis; import pytest_qgis, importlib.metadata as m; print('QGIS', Qgis.QGIS_VERSION, '· pytest-qgis', m.version('pytest-qgis'))"
	$(PY) -m pytest

lint: dev-deps
	$(PY) -m ruff check .

validate: deps
	@test -n "$(FILE)" || { echo "Usage : make validate FILE=chemin/vers/fichier.csv"; exit 2; }
	$(PY) -m plugin validate "$(FILE)" $(ARGS)

# Benchmarks on a generated 50,000-lieux file (cached in bench-output/): bench/README.md. ARGS="--only io"
bench: dev-deps
	$(PY) -m bench.run $(ARGS)

.PHONY: bench-api
bench-api: dev-deps  ## the API benchmark alone (pull of 50,000 lieux from the loopback fake data·inclusion)
	$(PY) -m bench.bench_api
