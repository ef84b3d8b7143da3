"""The plugin's actions "Open a lieux file…" and "Export a conformant file…", end to end in QGIS."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_qgis.utils import wait_until
from qgis.core import Qgis, QgsProject
from qgis.PyQt.QtCore import QObject

from plugin.core.readers import read_table
from plugin.gui.editor_widgets import editor_widgets_registered
from plugin.qgis.coordinate_sync import SYNC_OBJECT_NAME
from plugin.qgis.working_layer import is_working_layer

PACA = "hub-du-sud-paca-2023.json"


@pytest.fixture()
def loaded_plugin(qgis_iface, qgis_new_project):
    from plugin.main import LieuxMednumPlugin

    qgis_iface.messageBar().clear_messages()
    plugin = LieuxMednumPlugin(qgis_iface)
    plugin.initGui()
    feature = next(f for f in plugin.features if type(f).__name__ == "LieuxFilesFeature")
    yield plugin, feature
    plugin.unload()


def _wait(task) -> None:
    assert wait_until(lambda: task.done, timeout_milliseconds=60000)  # finished() ran, on the main thread


def test_actions_are_in_the_menu_and_toolbar(loaded_plugin):
    plugin, feature = loaded_plugin
    names = {action.objectName() for action in plugin.actions}
    assert {"mednumOpenLieuxAction", "mednumExportLieuxAction"} <= names
    assert feature.open_action in plugin.toolbar.actions()
    assert editor_widgets_registered()


def test_unload_detaches_the_editor_widgets(qgis_iface, qgis_new_project):
    from plugin.main import LieuxMednumPlugin

    plugin = LieuxMednumPlugin(qgis_iface)
    plugin.initGui()
    assert editor_widgets_registered()
    plugin.unload()
    assert not editor_widgets_registered()
    plugin.initGui()  # a reload re-attaches them
    assert editor_widgets_registered()
    plugin.unload()
    from plugin.gui.editor_widgets import register_editor_widgets

    register_editor_widgets()


def test_open_a_file_imports_in_a_task_and_reports(loaded_plugin, samples, tmp_path, qgis_iface, schema):
    _, feature = loaded_plugin
    output = tmp_path / "paca_travail.gpkg"
    task = feature.open_file(str(samples / PACA), str(output))
    _wait(task)  # the layer is on the map…
    layers = [layer for layer in QgsProject.instance().mapLayers().values() if is_working_layer(layer)]
    assert len(layers) == 1
    _wait(feature.validation_task)  # …and the validation counts of the summary follow
    assert len(layers) == 1 and layers[0].featureCount() == 646
    assert layers[0].findChild(QObject, SYNC_OBJECT_NAME) is not None
    messages = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning) + qgis_iface.messageBar().get_messages(
        Qgis.MessageLevel.Success
    )
    assert any("646" in m and "without coordinates" in m and "warnings" in m for m in messages), messages


def test_opening_a_working_geopackage_opens_it_directly(loaded_plugin, samples, tmp_path, qgis_iface):
    from plugin.qgis.import_export import import_lieux

    _, feature = loaded_plugin
    output = tmp_path / "travail.gpkg"
    import_lieux(samples / "exemple-valide.csv", output)
    assert feature.open_file(str(output)) is None  # no import: opened as it is
    layers = list(QgsProject.instance().mapLayers().values())
    assert len(layers) == 1 and is_working_layer(layers[0])
    assert layers[0].editFormConfig().tabs()


def assert_standard_form_and_style(layer) -> None:
    fields = layer.fields()
    assert layer.editFormConfig().layout() == layer.editFormConfig().EditorLayout.TabLayout
    assert len(layer.editFormConfig().tabs()) == 9
    assert layer.editorWidgetSetup(fields.indexFromName("services")).type() == "MednumMultiSelect"
    assert layer.attributeAlias(fields.indexFromName("code_postal")) == "Code postal"
    assert layer.renderer().type() == "graduatedSymbol"
    assert layer.findChild(QObject, SYNC_OBJECT_NAME) is not None


def test_import_loaded_by_processing_gets_the_form_and_style(loaded_plugin, samples, tmp_path, qgis_processing):
    """make demo and the toolbox load mednum:import's OUTPUT through Processing, which skips default styles."""
    import processing

    output = tmp_path / "travail.gpkg"
    processing.runAndLoadResults("mednum:import", {"INPUT": str(samples / "exemple-valide.csv"), "OUTPUT": str(output)})
    layers = [layer for layer in QgsProject.instance().mapLayers().values() if is_working_layer(layer)]
    assert len(layers) == 1
    assert_standard_form_and_style(layers[0])


def test_a_working_geopackage_opened_without_its_style_gets_it(loaded_plugin, samples, tmp_path):
    from qgis.core import QgsVectorLayer

    from plugin.qgis.import_export import import_lieux
    from plugin.qgis.working_layer import gpkg_uri

    output = tmp_path / "travail.gpkg"
    import_lieux(samples / "exemple-valide.csv", output)
    options = QgsVectorLayer.LayerOptions()
    options.loadDefaultStyle = False
    layer = QgsVectorLayer(gpkg_uri(output), "lieux", "ogr", options)
    assert layer.editFormConfig().layout() != layer.editFormConfig().EditorLayout.TabLayout  # QGIS's flat form
    QgsProject.instance().addMapLayer(layer)
    assert_standard_form_and_style(layer)
    other = QgsVectorLayer("Point?crs=EPSG:4326&field=name:string", "other", "memory")
    QgsProject.instance().addMapLayer(other)
    assert other.editFormConfig().layout() != other.editFormConfig().EditorLayout.TabLayout
    assert other.renderer().type() == "singleSymbol"


def test_open_refuses_to_overwrite_a_geopackage_in_use(loaded_plugin, samples, tmp_path, qgis_iface):
    from plugin.qgis.import_export import import_lieux

    _, feature = loaded_plugin
    output = tmp_path / "travail.gpkg"
    import_lieux(samples / "exemple-valide.csv", output)
    feature.open_file(str(output))
    assert feature.open_file(str(samples / "exemple-valide.csv"), str(output)) is None
    assert qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)


def test_import_errors_reach_the_user_in_french(loaded_plugin, tmp_path, qgis_iface):
    _, feature = loaded_plugin
    empty = tmp_path / "vide.csv"
    empty.write_text("")
    task = feature.open_file(str(empty), str(tmp_path / "vide.gpkg"))
    _wait(task)
    errors = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical)
    assert errors and "Traceback" not in errors[0]


def test_export_in_a_task_with_selection(loaded_plugin, samples, tmp_path, qgis_iface, schema):
    _, feature = loaded_plugin
    task = feature.open_file(str(samples / PACA), str(tmp_path / "paca.gpkg"))
    _wait(task)
    layer = next(iter(QgsProject.instance().mapLayers().values()))
    layer.selectByExpression("\"code_postal\" LIKE '84%'")
    expected = [r for r in read_table(samples / PACA).schema_records(schema) if r["code_postal"].startswith("84")]
    output = tmp_path / "vaucluse.csv"
    _wait(feature.start_export(layer, str(output), selected_only=True))
    assert read_table(output).schema_records(schema) == expected
    messages = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning) + qgis_iface.messageBar().get_messages(
        Qgis.MessageLevel.Success
    )
    assert any(f"{len(expected)} lieux exported" in m for m in messages)


def test_export_dialog_suggests_the_recommended_name(loaded_plugin, samples, tmp_path, qgis_iface):
    import datetime as dt

    from plugin.gui.export_dialog import ExportDialog
    from plugin.qgis.import_export import import_lieux
    from plugin.qgis.working_layer import load_working_layer

    import_lieux(samples / PACA, tmp_path / "paca.gpkg")
    layer = load_working_layer(tmp_path / "paca.gpkg")
    QgsProject.instance().addMapLayer(layer)
    dialog = ExportDialog(None, layer)
    path = dialog.output_path()
    assert path.startswith(str(tmp_path))
    # PACA spans several départements of one région; its most frequent `source` stands for the producer until
    # the SIREN is set, and the dialog says so
    day = dt.date.today().strftime("%Y%m%d")
    assert path.endswith(f"{day}_conseiller-numerique_lieux-de-mediation-numerique_ProvenceAlpesCoteDAzur.csv")
    assert not dialog.producer_hint.isHidden()
    assert not dialog.selected_box.isEnabled()
    layer.selectByExpression("\"commune\" = 'Avignon'")
    dialog = ExportDialog(None, layer)
    assert dialog.selected_box.isEnabled()


def test_export_never_replaces_a_file_silently(samples, tmp_path, qgis_new_project, monkeypatch):
    from qgis.PyQt.QtWidgets import QMessageBox

    from plugin.gui.export_dialog import ExportDialog
    from plugin.qgis.import_export import import_lieux
    from plugin.qgis.working_layer import load_working_layer

    import_lieux(samples / "exemple-valide.csv", tmp_path / "lieux.gpkg")
    layer = load_working_layer(tmp_path / "lieux.gpkg")
    QgsProject.instance().addMapLayer(layer)
    first = Path(ExportDialog(None, layer).output_path())
    first.write_text("an earlier export")
    dialog = ExportDialog(None, layer)
    second = Path(dialog.output_path())
    assert second != first and second.name == first.stem + "_2.csv"  # the suggestion is a free name
    # a name typed over an existing file: asked; "No" keeps the dialog open with a free name
    questions = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: questions.append(args) or QMessageBox.StandardButton.No)
    dialog.file_widget.setFilePath(str(first))
    dialog.accept()
    assert questions and dialog.result() != dialog.DialogCode.Accepted
    assert Path(dialog.output_path()) == second and first.read_text() == "an earlier export"
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    dialog.file_widget.setFilePath(str(first))
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted


def test_export_name_uses_the_producer_and_territory_settings(samples, tmp_path, qgis_new_project):
    import datetime as dt

    from plugin.gui.export_dialog import ExportDialog
    from plugin.qgis.import_export import import_lieux
    from plugin.qgis.working_layer import load_working_layer
    from plugin.toolbelt.settings import load_settings, set_setting

    before = load_settings()
    import_lieux(samples / "exemple-valide.csv", tmp_path / "lieux.gpkg")
    layer = load_working_layer(tmp_path / "lieux.gpkg")
    QgsProject.instance().addMapLayer(layer)
    try:
        assert ExportDialog(None, layer).output_path().endswith("_hubik_lieux-de-mediation-numerique_Reims.csv")
        set_setting("producer_id", "123456789")
        set_setting("territory", "Grand Est")
        dialog = ExportDialog(None, layer)
        name = Path(dialog.output_path()).name
        assert name == f"{dt.date.today().strftime('%Y%m%d')}_123456789_lieux-de-mediation-numerique_GrandEst.csv"
        assert dialog.producer_hint.isHidden()
    finally:
        set_setting("producer_id", before.producer_id)
        set_setting("territory", before.territory)
