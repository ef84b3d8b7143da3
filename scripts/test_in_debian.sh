#!/usr/bin/env bash
# Run the same `make test` on another Debian release, in a debootstrap chroot:
#   scripts/test_in_debian.sh trixie     # Debian 13: QGIS 3.40 LTR, Python 3.13, numpy 2.2
#   scripts/test_in_debian.sh sid        # Debian unstable: QGIS 3.44, Python 3.14
# Options: --refresh (apt upgrade inside the chroot first), --shell (an interactive shell instead of the tests),
#          --rebuild (delete the cached chroot and build it again). Extra arguments after `--` go to pytest.
# The chroot (about 1.5 GB, ~5 minutes to build) is cached OUTSIDE the checkout, in
#   ${LIEUX_MEDNUM_CHROOT_CACHE:-/var/cache/lieux_mednum}/<suite>
# with its own virtual environment (/opt/lieux_mednum-venv inside it). The checkout is bind-mounted at
# /work/lieux_mednum inside the chroot (the tests write only git-ignored files: i18n/*.qm), the shared test
# data read-only at /work/shared/data. Every mount is undone on exit, also on error or Ctrl-C, and stale
# mounts left by a killed run are removed first. Needs root (debootstrap, chroot, mount).
set -euo pipefail
# the whole script is one function, parsed before it runs: editing the file during a run cannot derail it
main() {

SUITE=""
REFRESH="" SHELL_ONLY="" REBUILD=""
PYTEST_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    trixie|sid|forky|bookworm) SUITE="$1" ;;
    --refresh) REFRESH=1 ;;
    --shell) SHELL_ONLY=1 ;;
    --rebuild) REBUILD=1 ;;
    --) shift; PYTEST_ARGS=("$@"); break ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Argument inconnu : $1 (attendu : trixie ou sid)" >&2; exit 2 ;;
  esac
  shift
done
[ -n "$SUITE" ] || { echo "Usage : $0 trixie|sid [--refresh] [--shell] [--rebuild] [-- arguments de pytest]" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "Droits administrateur nécessaires (debootstrap, chroot, mount) : sudo $0 $SUITE" >&2; exit 1; }

SRC="$(cd "$(dirname "$0")/.." && pwd -P)"
CACHE="${LIEUX_MEDNUM_CHROOT_CACHE:-/var/cache/lieux_mednum}"
ROOT="$CACHE/$SUITE"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
IN_SRC=/work/lieux_mednum
IN_DATA=/work/shared/data
IN_VENV=/opt/lieux_mednum-venv
# the shared test data, found as tests/conftest.py finds it
DATA=""
for d in "${MEDNUM_SHARED_DATA:-}" "$SRC/../shared/data" /work/shared/data; do
  if [ -n "$d" ] && [ -d "$d" ]; then DATA="$(cd "$d" && pwd -P)"; break; fi
done

# ---- mounts: listed in the order made, undone in reverse; stale ones (a killed run) removed first ----
MOUNTS=()
mounts_under() { awk -v r="$ROOT/" '{ m = $2; gsub(/\\040/, " ", m); if (index(m "/", r) == 1) print m }' /proc/self/mounts | sort -r; }
unmount_all() {
  local m
  for m in $(mounts_under); do
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || echo "Impossible de démonter $m" >&2
  done
}
cleanup() { local rc=$?; unmount_all; MOUNTS=(); exit "$rc"; }
bind() {  # bind SOURCE TARGET [ro]
  mkdir -p "$2"
  mount --bind "$1" "$2"
  [ "${3:-}" = ro ] && mount -o remount,bind,ro "$2"
  MOUNTS+=("$2")
}
mount_all() {
  mkdir -p "$ROOT/proc" "$ROOT/sys" "$ROOT/dev"
  mount -t proc proc "$ROOT/proc"; MOUNTS+=("$ROOT/proc")
  bind /sys "$ROOT/sys" ro
  bind /dev "$ROOT/dev"
  mkdir -p "$ROOT/dev/pts"; mount -t devpts -o newinstance,ptmxmode=0666 devpts "$ROOT/dev/pts" 2>/dev/null \
    && MOUNTS+=("$ROOT/dev/pts") || true
  mkdir -p "$ROOT/dev/shm"; mount -t tmpfs tmpfs "$ROOT/dev/shm"; MOUNTS+=("$ROOT/dev/shm")
  bind "$SRC" "$ROOT$IN_SRC"
  # a git worktree's .git file names the main repository by its absolute path: mount it there too
  local common; common="$(git -C "$SRC" rev-parse --path-format=absolute --git-common-dir 2>/dev/null || true)"
  if [ -n "$common" ] && [ "$common" != "$SRC/.git" ] && [ -d "$common" ]; then bind "$common" "$ROOT$common"; fi
  [ -n "$DATA" ] && bind "$DATA" "$ROOT$IN_DATA" ro
  # the host's resolver and certificate bundle (a proxy's CA) so that apt and pip reach their registries
  cp -L /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null || true
  if [ -f /etc/ssl/certs/ca-certificates.crt ]; then cp -L /etc/ssl/certs/ca-certificates.crt "$ROOT/etc/lieux_mednum-host-ca.crt"; fi
}
in_chroot() {  # a clean environment: the chroot's own PATH, the variables the tests need
  chroot "$ROOT" /usr/bin/env -i HOME=/root LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM="${TERM:-dumb}" \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
    PIP_CERT=/etc/lieux_mednum-host-ca.crt PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_DEFAULT_TIMEOUT=180 \
    QT_QPA_PLATFORM=offscreen CI="${CI:-}" MEDNUM_SHARED_DATA="$IN_DATA" VENV="$IN_VENV" "$@"
}

# one run per chroot at a time: a second one waits (its start would unmount the first one's checkout)
mkdir -p "$CACHE"
exec 9>"$CACHE/$SUITE.lock"
flock -n 9 || { echo ">> Une autre exécution utilise le chroot $SUITE : attente…"; flock 9; }
trap cleanup EXIT INT TERM
unmount_all  # stale mounts of an earlier killed run

if [ -n "$REBUILD" ] && [ -d "$ROOT" ]; then
  echo ">> Suppression du chroot $ROOT…"
  [ -z "$(mounts_under)" ] || { echo "Des montages restent sous $ROOT : abandon" >&2; exit 1; }
  rm -rf --one-file-system "$ROOT"
fi

start=$(date +%s)
if [ ! -e "$ROOT/.lieux_mednum-ready" ]; then
  command -v debootstrap >/dev/null || {
    echo ">> Installation de debootstrap…"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null 2>&1 \
      || { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; }
  }
  if [ ! -e "$ROOT/.lieux_mednum-debootstrap" ]; then  # a setup interrupted later resumes after this step
    echo ">> Création du chroot Debian $SUITE dans $ROOT (quelques minutes)…"
    rm -rf --one-file-system "$ROOT"; mkdir -p "$CACHE"
    nice -n 10 debootstrap --variant=minbase --include=ca-certificates,make,python3 \
      "$SUITE" "$ROOT" "$MIRROR" > "$CACHE/$SUITE-debootstrap.log" 2>&1 \
      || { echo "debootstrap a échoué : voir $CACHE/$SUITE-debootstrap.log" >&2; tail -5 "$CACHE/$SUITE-debootstrap.log" >&2; exit 1; }
    touch "$ROOT/.lieux_mednum-debootstrap"
  fi
  # no documentation nor other languages inside: a smaller chroot, a faster apt
  printf 'path-exclude /usr/share/doc/*\npath-exclude /usr/share/man/*\npath-exclude /usr/share/locale/*\npath-include /usr/share/locale/fr*\n' \
    > "$ROOT/etc/dpkg/dpkg.cfg.d/01-lieux-mednum-nodoc"
  # a mirror that serves a frozen snapshot has Release files past their Valid-Until date: accept them
  printf 'Acquire::Check-Valid-Until "false";\nAcquire::Retries "3";\n' > "$ROOT/etc/apt/apt.conf.d/99lieux-mednum"
  mount_all
  # QGIS and the tools come from the project's own installer (scripts/bootstrap.sh), as for a user
  in_chroot nice -n 10 apt-get update -qq
  # git for scripts/package.sh (tests/qgis/test_package.py); the system numpy that GDAL is built against
  in_chroot nice -n 10 apt-get install -y -qq git python3-numpy >/dev/null
  in_chroot nice -n 10 bash -c "cd $IN_SRC && scripts/bootstrap.sh --apt-only"
  touch "$ROOT/.lieux_mednum-ready"
  echo ">> Chroot prêt en $(( $(date +%s) - start )) s"
else
  mount_all
fi

if [ -n "$REFRESH" ]; then
  echo ">> Mise à jour du chroot $SUITE…"
  in_chroot nice -n 10 bash -c "apt-get update -qq && apt-get -y -qq full-upgrade >/dev/null"
fi

if [ -n "$SHELL_ONLY" ]; then
  in_chroot bash -c "cd $IN_SRC && exec bash -i" || true
  exit 0
fi

echo ">> make test dans Debian $SUITE (chroot $ROOT)"
t0=$(date +%s)
rc=0
if [ ${#PYTEST_ARGS[@]} -gt 0 ]; then
  in_chroot bash -c "cd $IN_SRC && make dev-deps i18n && \$VENV/bin/python -m pytest \"\$@\"" pytest "${PYTEST_ARGS[@]}" || rc=$?
else
  in_chroot bash -c "cd $IN_SRC && make test" || rc=$?
fi
echo ">> Debian $SUITE : make test terminé (code $rc) en $(( $(date +%s) - t0 )) s"
exit "$rc"
}
main "$@"
