#!/usr/bin/env bash
# Install the plugin for the current user's QGIS, from this checkout:
#  1. link the repository into the profile's plugin folder as lieux_mednum/ (edits are live after a QGIS
#     restart or "Plugin Reloader");
#  2. enable it in the profile's QGIS3.ini ([PythonPlugins] lieux_mednum=true);
#  3. make the runtime dependencies (requirements.txt) importable by the Python QGIS runs — the system
#     Python, not .venv — with `python3 -m pip install --user` (only what is missing; see README);
#  4. compile the translations (i18n/*.qm).
# Usage: scripts/install.sh [--no-deps | --uninstall]. QGIS_CUSTOM_CONFIG_PATH (as QGIS understands it) selects another
# settings folder; QGIS_PROFILE another profile (default: "default").
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd -P)
SYS_PY=/usr/bin/python3
CONFIG_ROOT=${QGIS_CUSTOM_CONFIG_PATH:-$HOME/.local/share/QGIS/QGIS3}
PROFILE_DIR="$CONFIG_ROOT/profiles/${QGIS_PROFILE:-default}"
PLUGINS_DIR="$PROFILE_DIR/python/plugins"
TARGET="$PLUGINS_DIR/lieux_mednum"
INI="$PROFILE_DIR/QGIS/QGIS3.ini"

set_enabled() {  # QSettings writes the INI exactly as QGIS reads it (other keys untouched)
  "$SYS_PY" - "$INI" "$1" <<'PY'
import sys
from PyQt5.QtCore import QSettings
settings = QSettings(sys.argv[1], QSettings.IniFormat)
if sys.argv[2] == "true":
    settings.setValue("PythonPlugins/lieux_mednum", True)
else:
    settings.remove("PythonPlugins/lieux_mednum")
settings.sync()
sys.exit(0 if settings.status() == QSettings.NoError else 1)
PY
}

if [ "${1:-}" = "--uninstall" ]; then
  if [ -L "$TARGET" ]; then rm "$TARGET"; echo ">> Lien supprimé : $TARGET"; fi
  [ -f "$INI" ] && set_enabled false && echo ">> Extension désactivée dans $INI"
  exit 0
fi

mkdir -p "$PLUGINS_DIR" "$(dirname "$INI")"
if [ -e "$TARGET" ] && [ ! -L "$TARGET" ]; then
  backup="$PROFILE_DIR/lieux_mednum-sauvegarde-$(date +%Y%m%d-%H%M%S)"
  echo ">> Une installation existante (pas un lien) est déplacée vers $backup"
  mv "$TARGET" "$backup"
fi
ln -sfn "$REPO" "$TARGET"
echo ">> Extension liée : $TARGET -> $REPO"

set_enabled true
echo ">> Extension activée dans $INI"

if [ "${1:-}" != "--no-deps" ]; then
  missing=$("$SYS_PY" -c "from plugin.core.dependencies import missing_requirements as m; print(' '.join(r.pip_argument for r in m()))")
  if [ -n "$missing" ]; then
    flags="--user"
    "$SYS_PY" -c "import sysconfig, pathlib, sys; sys.exit(0 if (pathlib.Path(sysconfig.get_paths()['stdlib']) / 'EXTERNALLY-MANAGED').exists() else 1)" \
      && flags="--user --break-system-packages"
    echo ">> Dépendances Python pour le Python de QGIS ($SYS_PY -m pip install $flags) : $missing"
    # shellcheck disable=SC2086
    "$SYS_PY" -m pip install -q --disable-pip-version-check --no-warn-script-location $flags $missing
  fi
  still=$("$SYS_PY" -c "from plugin.core.dependencies import missing_requirements as m; print(' '.join(r.distribution for r in m()))")
  if [ -n "$still" ]; then
    echo "!! Le Python de QGIS ne trouve toujours pas : $still" >&2
    exit 1
  fi
  echo ">> Dépendances Python : toutes importables par $SYS_PY (le Python de QGIS)"
fi

LRELEASE=$(command -v lrelease 2>/dev/null || echo /usr/lib/qt5/bin/lrelease)
shopt -s nullglob
for ts in i18n/*.ts; do
  "$LRELEASE" -silent "$ts" -qm "${ts%.ts}.qm"
done
echo ">> Installé. Redémarrez QGIS s'il était ouvert ; menu Vecteur > Lieux de médiation numérique."
