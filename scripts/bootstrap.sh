#!/usr/bin/env bash
# Install what the plugin needs on Debian/Ubuntu: QGIS (>= 3.22) from apt when absent, then a virtual
# environment built from the system Python (which ships the qgis module) with the pip requirements.
# Idempotent: each step is skipped when already done. VENV=… puts the environment elsewhere (the Debian chroots
# of scripts/test_in_debian.sh keep theirs inside the chroot); --apt-only stops after the apt step.
set -euo pipefail
cd "$(dirname "$0")/.."

SYS_PY=/usr/bin/python3
VENV="${VENV:-.venv}"
APT_PACKAGES="qgis python3-qgis qgis-providers xvfb python3-venv pyqt5-dev-tools qttools5-dev-tools"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "Droits administrateur nécessaires pour : $*" >&2; return 1; fi
}

need_apt=""
if ! "$SYS_PY" -c "import qgis.core" >/dev/null 2>&1; then need_apt=1; fi
"$SYS_PY" -c "import ensurepip, venv" >/dev/null 2>&1 || need_apt=1
command -v lrelease >/dev/null 2>&1 || [ -x /usr/lib/qt5/bin/lrelease ] || need_apt=1
command -v xvfb-run >/dev/null 2>&1 || need_apt=1
if [ -n "$need_apt" ]; then
  echo ">> Installation de QGIS et des outils depuis apt (une minute environ)…"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $APT_PACKAGES >/dev/null
fi
"$SYS_PY" -c "from qgis.core import Qgis; print('>> QGIS', Qgis.QGIS_VERSION)"
[ "${1:-}" = "--apt-only" ] && exit 0

# team mode (PostgreSQL/PostGIS): the tests start a throw-away cluster, so a development install needs the
# server, PostGIS and psycopg2 from apt (the plugin itself talks to PostgreSQL through QGIS's provider)
# (PostGIS is packaged per PostgreSQL major: 15 on Debian 12, 17 on Debian 13 — read from the postgresql package)
if [ "${1:-}" = "--dev" ]; then
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! ls /usr/share/postgresql/*/extension/postgis.control \
    >/dev/null 2>&1 || ! "$SYS_PY" -c "import psycopg2" >/dev/null 2>&1; then
    echo ">> Installation de PostgreSQL et PostGIS depuis apt (mode équipe, tests)…"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    pg_major="$(apt-cache depends postgresql 2>/dev/null | grep -oE 'postgresql-[0-9]+' | head -1 | cut -d- -f2)"
    PG_PACKAGES="postgresql postgresql-${pg_major:-15}-postgis-3 python3-psycopg2"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $PG_PACKAGES >/dev/null
  fi
fi

if [ ! -x "$VENV/bin/python" ]; then
  echo ">> Création de $VENV (Python système, --system-site-packages)…"
  "$SYS_PY" -m venv --system-site-packages "$VENV"
fi

REQS="requirements.txt"
[ "${1:-}" = "--dev" ] && REQS="requirements-dev.txt"
stamp="$VENV/.deps-stamp"  # inside the venv: a new venv installs again
want="$(cat requirements.txt requirements-dev.txt | sha1sum | cut -c1-12)-$REQS"
# a development install (requirements-dev.txt includes requirements.txt) also satisfies the runtime one
have="$(cat "$stamp" 2>/dev/null || true)"
if [ "$have" != "$want" ] && [ "$have" != "${want%-*}-requirements-dev.txt" ]; then
  echo ">> Installation des dépendances Python ($REQS)…"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$REQS"
  echo "$want" > "$stamp"
fi
