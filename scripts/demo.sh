#!/usr/bin/env bash
# make demo (after make install): open QGIS on the bundled sample, validated by the installed plugin. With no
# display (or MEDNUM_DEMO_HEADLESS=1) run the same job headless: HTML + JSON report and a PNG map in demo-output/.
# MEDNUM_DEMO_FILE=… validates another file; MEDNUM_LANG (default fr) is the plugin's language.
set -euo pipefail
cd "$(dirname "$0")/.."
SAMPLE=$(realpath "${MEDNUM_DEMO_FILE:-samples/hub-du-sud-paca-2023.json}")
OUT=$(realpath -m demo-output)
mkdir -p "$OUT"
export MEDNUM_LANG=${MEDNUM_LANG:-fr}

has_display() {
  [ -z "${MEDNUM_DEMO_HEADLESS:-}" ] || return 1
  [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || return 1
  # a display variable is not enough (ssh, containers): can Qt really open a window?
  env -u QT_QPA_PLATFORM timeout 20 /usr/bin/python3 -c \
    "import sys; from PyQt5.QtWidgets import QApplication; QApplication(sys.argv)" >/dev/null 2>&1
}

if has_display; then
  echo ">> Ouverture de QGIS : $SAMPLE est validé par l'extension installée (journal : $OUT/qgis.log)"
  MEDNUM_DEMO_FILE="$SAMPLE" MEDNUM_DEMO_OUTPUT="$OUT" MEDNUM_DEMO_REPO="$(pwd)" env -u QT_QPA_PLATFORM \
    nohup qgis --nologo --code "$(pwd)/scripts/demo_qgis.py" >"$OUT/qgis.log" 2>&1 &
  echo ">> QGIS est lancé (processus $!)."
else
  echo ">> Pas d'écran : la même validation tourne sans interface."
  QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/demo_headless.py "$SAMPLE" "$OUT"
fi
