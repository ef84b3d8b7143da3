"""The QGIS versions the plugin declares: 3.22 (Debian 12) to QGIS 4 (Qt 6)."""

from __future__ import annotations

import configparser


def _general(repo_root):
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(repo_root / "metadata.txt", encoding="utf-8")
    return parser["general"]


def test_metadata_declares_qgis_3_22_to_qgis_4_and_qt6(repo_root):
    general = _general(repo_root)
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["qgisMaximumVersion"] == "4.99"
    assert general["supportsQt6"] == "True"


def test_the_chroot_runs_and_the_matrix_name_the_tested_debian_releases(repo_root):
    script = (repo_root / "scripts" / "test_in_debian.sh").read_text(encoding="utf-8")
    ci = (repo_root / ".ci" / "run").read_text(encoding="utf-8")
    makefile = (repo_root / "Makefile").read_text(encoding="utf-8")
    assert "trap cleanup EXIT" in script and "unmount_all  # stale mounts" in script
    # CI runs exactly the README's command (the 3.40/3.44 runs: make test-matrix, README « Versions de QGIS testées »)
    assert ci.rstrip().endswith("\nmake test")
    assert "test-matrix: test\n\tscripts/test_in_debian.sh trixie\n\tscripts/test_in_debian.sh sid\n" in makefile
