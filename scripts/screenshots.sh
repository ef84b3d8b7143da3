#!/usr/bin/env bash
# Screenshots of the real QGIS window (Xvfb) for the README: resources/screenshots/*.png.
# Uses a throw-away QGIS settings folder with the plugin linked in, so your own profile is left alone.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=$(realpath -m "${1:-resources/screenshots}")
CONFIG=$(mktemp -d)
trap 'rm -rf "$CONFIG"' EXIT
mkdir -p "$OUT" demo-output
source scripts/french_qgis_profile.sh
french_qgis_profile "$CONFIG"
env -u QT_QPA_PLATFORM QGIS_CUSTOM_CONFIG_PATH="$CONFIG" MEDNUM_LANG="${MEDNUM_LANG:-fr}" \
  MEDNUM_SCREENSHOT_DIR="$OUT" MEDNUM_DEMO_REPO="$(pwd)" \
  MEDNUM_DEMO_FILE="$(realpath samples/hub-du-sud-paca-2023.json)" MEDNUM_DEMO_OUTPUT="$(realpath demo-output)" \
  timeout 300 xvfb-run -a -s '-screen 0 1366x768x24' qgis --nologo --noversioncheck \
  --code "$(pwd)/scripts/screenshots.py" >demo-output/screenshots.log 2>&1 || true
ls -la "$OUT"
