#!/usr/bin/env bash
# Screenshots of the real QGIS window (Xvfb) for the README: resources/screenshots/*.png.
# Uses a throw-away QGIS settings folder with the plugin linked in, so your own profile is left alone.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=$(realpath -m "${1:-resources/screenshots}")
CONFIG=$(mktemp -d)
trap 'rm -rf "$CONFIG"' EXIT
mkdir -p "$OUT" demo-output
QGIS_CUSTOM_CONFIG_PATH="$CONFIG" scripts/install.sh --no-deps >/dev/null
# a French QGIS, no tips or news at start-up
/usr/bin/python3 - "$CONFIG/profiles/default/QGIS/QGIS3.ini" <<'PY'
import sys
from PyQt5.QtCore import QSettings
s = QSettings(sys.argv[1], QSettings.IniFormat)
for key, value in {"locale/overrideFlag": True, "locale/userLocale": "fr_FR", "qgis/showTips322": False,
                   "core/NewsFeed/httpsfeedqgisorg/disabled": True, "qgis/checkVersion": False}.items():
    s.setValue(key, value)
s.sync()
PY
env -u QT_QPA_PLATFORM QGIS_CUSTOM_CONFIG_PATH="$CONFIG" MEDNUM_LANG="${MEDNUM_LANG:-fr}" \
  MEDNUM_SCREENSHOT_DIR="$OUT" MEDNUM_DEMO_REPO="$(pwd)" \
  MEDNUM_DEMO_FILE="$(realpath samples/hub-du-sud-paca-2023.json)" MEDNUM_DEMO_OUTPUT="$(realpath demo-output)" \
  timeout 300 xvfb-run -a -s '-screen 0 1366x768x24' qgis --nologo --noversioncheck \
  --code "$(pwd)/scripts/screenshots.py" >demo-output/screenshots.log 2>&1 || true
ls -la "$OUT"
