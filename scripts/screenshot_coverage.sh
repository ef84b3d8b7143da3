#!/usr/bin/env bash
# Screenshots of the dock « Couverture du territoire » in the real QGIS window (Xvfb) and of the first page of its
# PDF report (pdftoppm, from poppler-utils): resources/screenshots/couverture-*.png.
# Same throw-away QGIS settings folder as scripts/screenshots.sh (your own profile is left alone).
# Usage: scripts/screenshot_coverage.sh [OUTPUT_DIR] [LIEUX_FILE]
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
  timeout 150 xvfb-run -a -s '-screen 0 1366x768x24' qgis --nologo --noversioncheck \
  --code "$(pwd)/scripts/screenshot_coverage.py" >demo-output/screenshot_coverage.log 2>&1 || true
if [ -f demo-output/couverture.pdf ]; then
  pdftoppm -png -r 70 -singlefile demo-output/couverture.pdf "$OUT/couverture-rapport"
fi
ls -la "$OUT"/couverture-*.png
