"""QGIS test fixtures: the repository imported as the installed package ``lieux_mednum``."""

from __future__ import annotations

import importlib
import sys

import pytest


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


# ---- working layer fixtures (issue 3) --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def editor_widgets(qgis_app):
    """The plugin's editor widgets, registered in QGIS's registry as the plugin does at load."""
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
