#!/usr/bin/env bash
# Build dist/lieux_mednum-<version>.zip for QGIS's "Install from ZIP": one top folder lieux_mednum/, the
# committed files (plus uncommitted changes to tracked files) minus what .gitattributes marks export-ignore
# (tests, benchmarks, CI, scripts, developer files), plus the compiled translations (i18n/*.qm).
# Usage: scripts/package.sh [OUTPUT_DIR]   (default: dist); QM_DIR=… takes the .qm files from another folder.
set -euo pipefail
cd "$(dirname "$0")/.."

PLUGIN_DIR=lieux_mednum
OUT_DIR=$(realpath -m "${1:-dist}")
VERSION=$(sed -n 's/^version=//p' metadata.txt | head -n1 | tr -d '[:space:]')
[ -n "$VERSION" ] || { echo "metadata.txt: pas de version=" >&2; exit 2; }
ZIP="$OUT_DIR/$PLUGIN_DIR-$VERSION.zip"

# uncommitted edits of tracked files are packaged too (git stash create leaves the working tree alone)
TREE=$(git stash create 2>/dev/null || true)
TREE=${TREE:-HEAD}
if [ -n "$(git status --porcelain --untracked-files=normal -- . ':!dist' ':!demo-output' 2>/dev/null | grep '^??' || true)" ]; then
  echo "Attention : des fichiers non suivis par git ne sont pas inclus dans le paquet :" >&2
  git status --porcelain -- . | grep '^??' | sed 's/^?? /  /' >&2
fi

STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
git archive --format=tar --prefix="$PLUGIN_DIR/" "$TREE" | tar -x -C "$STAGE"
shopt -s nullglob
for qm in "${QM_DIR:-i18n}"/*.qm; do
  mkdir -p "$STAGE/$PLUGIN_DIR/i18n"
  cp "$qm" "$STAGE/$PLUGIN_DIR/i18n/"
done

mkdir -p "$OUT_DIR"
rm -f "$ZIP"
# zip with the standard library (no zip binary needed); entries sorted, directories included
/usr/bin/python3 - "$STAGE" "$PLUGIN_DIR" "$ZIP" <<'PY'
import os, sys, zipfile
stage, top, target = sys.argv[1:4]
with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
    for root, dirs, files in os.walk(os.path.join(stage, top)):
        dirs.sort()
        rel = os.path.relpath(root, stage)
        archive.write(root, rel + "/")
        for name in sorted(files):
            archive.write(os.path.join(root, name), os.path.join(rel, name))
PY
echo "$ZIP"
