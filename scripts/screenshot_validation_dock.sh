#!/usr/bin/env bash
# Screenshots of the "Validation" dock in the real QGIS window (Xvfb): resources/screenshots/validation-*.png.
# Same throw-away QGIS settings folder as scripts/screenshots.sh (your own profile is left alone).
# Usage: scripts/screenshot_validation_dock.sh [OUTPUT_DIR] [LIEUX_FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=$(realpath -m "${1:-resources/screenshots}")
SAMPLE=$(realpath "${2:-samples/hub-du-sud-paca-2023.json}")
CONFIG=$(mktemp -d)
WORK=$(mktemp -d)
trap 'rm -rf "$CONFIG" "$WORK"' EXIT
mkdir -p "$OUT" demo-output
source scripts/french_qgis_profile.sh
french_qgis_profile "$CONFIG"
env -u QT_QPA_PLATFORM QGIS_CUSTOM_CONFIG_PATH="$CONFIG" MEDNUM_LANG="${MEDNUM_LANG:-fr}" \
  MEDNUM_SCREENSHOT_DIR="$OUT" MEDNUM_DEMO_REPO="$(pwd)" MEDNUM_DEMO_FILE="$SAMPLE" MEDNUM_WORK="$WORK" \
  timeout 400 xvfb-run -a -s '-screen 0 1366x768x24' qgis --nologo --noversioncheck \
  --code "$(pwd)/scripts/screenshot_validation_dock.py" >demo-output/screenshot_validation_dock.log 2>&1 || true
ls -la "$OUT"/validation-*.png
