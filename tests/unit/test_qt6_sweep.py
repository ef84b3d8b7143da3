"""Qt 6 readiness: no unscoped enum nor exec_() in the sources (scripts/qt6_sweep.py --check), and the sweep's
rewriting rules on plain text (idempotent, chains and calls left alone)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from scripts.qt6_sweep import python_files, sweep_text


class FakeResolver:
    """Owner.Member → Owner.Enum.Member for a few names, as PyQt's introspection would give them."""

    SCOPED = {("Qt", "AlignLeft"): "Qt.AlignmentFlag.AlignLeft", ("QgsTask", "CanCancel"): "QgsTask.Flag.CanCancel"}

    def scoped(self, owner, member):
        return self.SCOPED.get((owner, member))


def dotted(text: str) -> str:
    """The examples are written with "@" for the dots the sweep looks at: it must not rewrite this file."""
    return text.replace("@", ".")


def test_unscoped_enums_and_exec_are_rewritten_once():
    text = dotted(
        "label.setAlignment(Qt@AlignLeft | Qt@AlignmentFlag@AlignTop)\n"
        "task = QgsTask('x', QgsTask@CanCancel)\n"
        "dialog@exec_()\n"
        "menu@exec_(point)\n"
    )
    swept, changes = sweep_text(text, FakeResolver())
    assert swept == dotted(
        "label.setAlignment(Qt@AlignmentFlag@AlignLeft | Qt@AlignmentFlag@AlignTop)\n"
        "task = QgsTask('x', QgsTask@Flag@CanCancel)\n"
        "dialog@exec()\n"
        "menu@exec(point)\n"
    )
    assert len(changes) == 4
    assert sweep_text(swept, FakeResolver()) == (swept, [])  # idempotent


def test_chains_calls_and_unknown_names_are_left_alone():
    text = dotted("QtCore@Qt@AlignLeft\nQt@AlignLeft()\nself@Qt@AlignLeft\nMyClass@AlignLeft\nQt@AlignLeftX\n")
    assert sweep_text(text, FakeResolver()) == (text, [])


def test_the_sweep_covers_the_plugin_tests_and_benchmarks(repo_root):
    files = {p.relative_to(repo_root).as_posix() for p in python_files([])}
    assert "plugin/main.py" in files and "__init__.py" in files and "bench/run.py" in files
    assert "scripts/qt6_sweep.py" not in files and not [f for f in files if f.startswith(".venv")]


@pytest.mark.skipif(importlib.util.find_spec("qgis") is None, reason="the sweep reads the enums from PyQGIS")
def test_no_unscoped_enum_nor_exec_is_left_in_the_sources(repo_root):
    """Fails when an unscoped Qt/QGIS enum (Qt 6 refuses them) or exec_() comes back: run
    `.venv/bin/python scripts/qt6_sweep.py` to fix them."""
    done = subprocess.run([sys.executable, str(repo_root / "scripts" / "qt6_sweep.py"), "--check"],
                          capture_output=True, text=True, timeout=120, env={"QT_QPA_PLATFORM": "offscreen",
                                                                           "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
