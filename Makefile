# lieux_mednum — developer and user entry points. See README.md (in French).
SHELL := /bin/bash
VENV ?= .venv
export VENV  # scripts/bootstrap.sh builds the environment there
PY := $(VENV)/bin/python
export QT_QPA_PLATFORM ?= offscreen
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help deps dev-deps test lint validate bench

help:
	@echo "make test          toute la suite de tests (installe ce qu'il faut)"
	@echo "make test-matrix   make test ici puis dans Debian 13 (QGIS 3.40 LTR) et sid (QGIS 3.44), en chroot (root)"
	@echo "make validate FILE=chemin   valider un fichier de lieux"
	@echo "make lint          ruff"
	@echo "make demo          installe tout, installe l'extension dans QGIS et l'ouvre sur l'exemple (sans écran : rapport dans demo-output/)"
	@echo "make install       lie l'extension dans le profil QGIS de l'utilisateur et l'active"
	@echo "make package       dist/lieux_mednum-<version>.zip pour « Installer depuis un ZIP »"
	@echo "make translations  extrait les chaînes vers i18n/*.ts puis compile les .qm"

deps:
	@scripts/bootstrap.sh

dev-deps:
	@scripts/bootstrap.sh --dev

test: dev-deps i18n
	$(PY) -c "from qgis.core import Qgis; import pytest_qgis, importlib.metadata as m; print('QGIS', Qgis.QGIS_VERSION, '· pytest-qgis', m.version('pytest-qgis'))"
	$(PY) -m pytest

# The same make test on the QGIS versions users run, each in a cached Debian chroot (root; ~6 min to build the
# first time, in /var/cache/lieux_mednum/<suite>): Debian 13 = QGIS 3.40 LTR, sid = QGIS 3.44. See README.
.PHONY: test-matrix
test-matrix: test
	scripts/test_in_debian.sh trixie
	scripts/test_in_debian.sh sid

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

# ---- plugin shell: translations, package, install, demo ----------------------------------------------
.PHONY: translations i18n package install uninstall demo
I18N_DIR ?= i18n
TS_FILES ?= $(I18N_DIR)/lieux_mednum_fr.ts
PY_SOURCES = $(shell find plugin -name '*.py' -not -path '*/__pycache__/*' | sort)
UI_FORMS = $(sort $(wildcard forms/*.ui))
LRELEASE ?= $(shell command -v lrelease 2>/dev/null || echo /usr/lib/qt5/bin/lrelease)

# pylupdate5 keeps the translations already in the .ts (strings gone from the code are marked obsolete);
# scripts/ts_complete.py adds the strings pylupdate5 misses (trailing commas, translate wrappers)
translations:
	@command -v pylupdate5 >/dev/null && [ -x "$(LRELEASE)" ] || scripts/bootstrap.sh
	@mkdir -p $(I18N_DIR)
	PYTHONWARNINGS=ignore pylupdate5 $(PY_SOURCES) $(UI_FORMS) -ts $(TS_FILES)
	@for ts in $(TS_FILES); do /usr/bin/python3 scripts/ts_complete.py "$$ts" $(PY_SOURCES) || exit 1; done
	@$(MAKE) --no-print-directory i18n I18N_DIR=$(I18N_DIR)

# compile i18n/*.ts → *.qm (git-ignored; built for package, install and test)
i18n:
	@for ts in $(I18N_DIR)/*.ts; do [ -e "$$ts" ] || continue; $(LRELEASE) -silent "$$ts" -qm "$${ts%.ts}.qm" || exit 1; done

package: deps i18n
	@scripts/package.sh dist

install: deps i18n
	@scripts/install.sh

uninstall:
	@scripts/install.sh --uninstall

demo: deps
	@scripts/install.sh
	@scripts/demo.sh
