"""QGIS test fixtures: the repository imported as the installed package ``lieux_mednum``."""

from __future__ import annotations

import gc
import importlib
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace

import pytest


@pytest.fixture(autouse=True, scope="session")
def _collect_before_qgis_exits(qgis_app):
    """Python wrappers of QGIS objects left in reference cycles are freed while QGIS still runs: collected after
    exitQgis() (by the next import that triggers a collection), they segfault the process (QGIS 3.40+)."""
    yield
    gc.collect()
    gc.collect()


@pytest.fixture(scope="session")
def plugin_package(tmp_path_factory, repo_root):
    """The repo imported as ``lieux_mednum`` (a symlink in a temporary plugins folder, as make install does)."""
    plugins_dir = tmp_path_factory.mktemp("plugins")
    (plugins_dir / "lieux_mednum").symlink_to(repo_root, target_is_directory=True)
    sys.path.insert(0, str(plugins_dir))
    try:
        yield importlib.import_module("lieux_mednum")
    finally:
        sys.path.remove(str(plugins_dir))


TS_NAME = "lieux_mednum_fr.ts"


def make_translations(repo_root: Path, i18n_dir: Path) -> Path:
    subprocess.run(
        ["make", "--no-print-directory", "-s", "translations", f"I18N_DIR={i18n_dir}"],
        cwd=repo_root,
        check=True,
        capture_output=True,
    )
    return i18n_dir / TS_NAME


def set_translation(ts: Path, context: str, source: str, text: str) -> None:
    tree = ET.parse(ts)
    for ctx in tree.getroot().iter("context"):
        if ctx.findtext("name") != context:
            continue
        for message in ctx.iter("message"):
            if message.findtext("source") == source:
                translation = message.find("translation")
                translation.text = text
                translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)


@pytest.fixture(scope="session")
def french_catalogue(repo_root, tmp_path_factory) -> Path:
    """A .ts extracted by make translations with one finished translation, extracted again, compiled."""
    ts = make_translations(repo_root, tmp_path_factory.mktemp("i18n_fr"))
    set_translation(ts, "LieuxMednumPlugin", "Settings…", "Paramètres…")
    make_translations(repo_root, ts.parent)  # extracts again: the translation must survive
    return ts


@pytest.fixture(scope="session")
def ts_tools() -> SimpleNamespace:
    """The translation helpers above, for test modules (make_translations, set_translation)."""
    return SimpleNamespace(make_translations=make_translations, set_translation=set_translation)


# ---- working layer fixtures (issue 3) --------------------------------------------------------------------------


@pytest.fixture()
def editor_widgets(qgis_app):
    """The plugin's editor widgets, registered in QGIS's registry as the plugin does at load. Again for each test:
    a test that loads the installed package ``lieux_mednum`` re-attaches the factories to its own wrapper classes,
    whose editors are not this checkout's ``plugin.gui`` classes the tests look for."""
    from plugin.gui.editor_widgets import register_editor_widgets

    register_editor_widgets()
    return True


@pytest.fixture()
def lieux_layer(tmp_path, samples, qgis_new_project, editor_widgets):
    """A working layer imported from exemple-valide.csv, in the project, with its point ↔ lat/long sync."""
    from qgis.core import QgsProject

    from plugin.qgis.coordinate_sync import attach_coordinate_sync
    from plugin.qgis.import_export import import_lieux
    from plugin.qgis.working_layer import load_working_layer

    output = tmp_path / "lieux.gpkg"
    import_lieux(samples / "exemple-valide.csv", output)
    layer = load_working_layer(output)
    QgsProject.instance().addMapLayer(layer)
    attach_coordinate_sync(layer)
    yield layer
    QgsProject.instance().removeAllMapLayers()


@pytest.fixture(autouse=True)
def no_task_left_running():
    """Each test ends with QGIS's task manager idle: a task a test left running (a preview, a pull…) would hold
    one of the few threads of the task pool, and talk to a fake server that is gone, during the next tests."""
    yield
    import time

    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QCoreApplication
    from qgis.PyQt.QtWidgets import QApplication, QDialog

    for widget in QApplication.topLevelWidgets():  # a test's dialogs: closed, so they start nothing more
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.close()
    manager = QgsApplication.taskManager()
    if manager.countActiveTasks() == 0:
        return
    manager.cancelAll()
    end = time.monotonic() + 30
    while manager.countActiveTasks() and time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    QCoreApplication.processEvents()
