"""The Orientation dock driven like a user: tick options, read the counts, pick a moment and a place,
save presets, reload the project."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from qgis.core import Qgis, QgsFeatureRequest, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QDateTime, Qt

from plugin.core.orientation import Around, OrientationEngine, Query
from plugin.core.orientation.places import Place
from plugin.gui.orientation_dock import OrientationDock
from plugin.qgis import orientation_layer as ol

pytestmark = pytest.mark.usefixtures("english")

GRATUIT = "Gratuit"
DEMARCHES = "Aide aux démarches administratives"


@pytest.fixture()
def dock(qgis_iface, paca_layer):
    widget = OrientationDock(qgis_iface, background=False, lazy=False)
    widget.set_layer(paca_layer)
    yield widget
    widget.cleanup()
    widget.deleteLater()


def tick(dock, group, value, checked=True):
    item = dock.group_widgets[group].items[value]
    item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    dock.apply_to_layer()  # what the debounce timer does 150 ms later


def count_cell(dock, group, value) -> int:
    return int(dock.group_widgets[group].items[value].text(1).replace("\u202f", ""))


def shown_ids(layer) -> set[str]:
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    return {f["id"] for f in layer.getFeatures(request)}


def test_ticking_options_filters_the_map_and_updates_the_counts(dock, paca_layer, paca_records):
    engine = OrientationEngine(paca_records)
    assert dock.index.size == 646
    assert count_cell(dock, "frais_a_charge", GRATUIT) == engine.run(Query({"frais_a_charge": (GRATUIT,)})).count

    tick(dock, "services", DEMARCHES)
    expected = engine.run(Query({"services": (DEMARCHES,)}))
    assert paca_layer.featureCount() == expected.count
    assert shown_ids(paca_layer) == {paca_records[i]["id"] for i in expected.indices()}
    # the counts of the other groups follow the ticked service
    assert count_cell(dock, "frais_a_charge", GRATUIT) == expected.facets["frais_a_charge"][GRATUIT]
    assert dock.group_widgets["services"].title().endswith("(1)")
    assert f"<b>{expected.count}</b>" in dock.summary.text()

    tick(dock, "frais_a_charge", GRATUIT)
    both = engine.run(Query({"services": (DEMARCHES,), "frais_a_charge": (GRATUIT,)}))
    assert paca_layer.featureCount() == both.count < expected.count


def test_options_with_no_lieu_are_greyed_not_hidden(dock):
    group = dock.group_widgets["prise_en_charge_specifique"]
    zero = [value for value, item in group.items.items() if item.text(1) == "0"]
    assert zero, "the PACA sample has options nobody offers"
    for value in zero:
        item = group.items[value]
        assert not item.isHidden()
        assert item.foreground(0).color().name() == "#9a9a9a"
        assert item.flags() & Qt.ItemFlag.ItemIsUserCheckable


def test_services_all_of_them(dock, paca_layer, paca_records):
    tick(dock, "services", DEMARCHES)
    tick(dock, "services", "Insertion professionnelle via le numérique")
    any_count = paca_layer.featureCount()
    dock.services_all.setChecked(True)
    dock.apply_to_layer()
    all_count = paca_layer.featureCount()
    expected = OrientationEngine(paca_records).run(
        Query({"services": (DEMARCHES, "Insertion professionnelle via le numérique")}, services_mode="all")
    )
    assert all_count == expected.count < any_count


def test_open_on_a_moment_and_unknown_hours(dock, paca_layer, paca_records):
    dock.open_box.setChecked(True)
    dock.open_at_radio.setChecked(True)
    dock.open_at_edit.setDateTime(QDateTime(2024, 7, 16, 10, 30))
    dock.apply_to_layer()
    moment = dt.datetime(2024, 7, 16, 10, 30)
    expected = OrientationEngine(paca_records).run(Query(open_at=moment))
    assert dock.query.open_at == moment
    assert paca_layer.featureCount() == expected.count
    assert str(expected.hours.undetermined) in dock.include_unknown.text()
    dock.include_unknown.setChecked(True)
    dock.apply_to_layer()
    assert paca_layer.featureCount() == expected.count + expected.hours.undetermined


def test_around_a_place_ranks_the_results_by_distance(dock, paca_layer):
    dock.radius_spin.setValue(5)
    dock.choose_place(Place("Marseille", 43.2965, 5.3698))
    dock.apply_to_layer()
    assert dock.query.around == Around(43.2965, 5.3698, 5.0, "Marseille")
    positions = dock.result.ranked()
    distances = [dock.result.distance_km(p) for p in positions]
    assert distances == sorted(distances) and distances[-1] <= 5
    assert paca_layer.featureCount() == len(positions) > 0
    dock.tabs.setCurrentWidget(dock.results_browser)
    html = dock.results_browser.toHtml()
    first = dock.index.records[positions[0]]["nom"]
    assert first.split()[0] in html
    assert "km" in html or " m<" in html


def test_clicking_a_result_zooms_and_opens_the_form(dock, qgis_iface, paca_layer):
    dock.tabs.setCurrentWidget(dock.results_browser)
    position = dock.result.ranked(1)[0]
    dock.show_lieu(position)
    fid = int(dock.index.feature_ids[position])
    qgis_iface.openFeatureForm.assert_called()
    layer, feature = qgis_iface.openFeatureForm.call_args[0][:2]
    assert layer is paca_layer and feature.id() == fid


def test_reset_shows_everything_again(dock, paca_layer):
    tick(dock, "frais_a_charge", GRATUIT)
    assert paca_layer.featureCount() < 646
    dock.reset()
    assert paca_layer.featureCount() == 646
    assert paca_layer.subsetString() == ""
    items = dock.group_widgets["frais_a_charge"].items.values()
    assert all(item.checkState(0) == Qt.CheckState.Unchecked for item in items)


def test_presets_and_the_filter_survive_a_project_reload(dock, paca_layer, tmp_path, qgis_iface):
    tick(dock, "services", DEMARCHES)
    dock.save_preset("Démarches")
    dock.reset()
    tick(dock, "frais_a_charge", GRATUIT)
    dock.save_preset("Gratuit")
    dock.apply_preset("Démarches")
    dock.apply_to_layer()
    shown = shown_ids(paca_layer)
    assert dock.preset_combo.count() == 3  # placeholder + 2 presets

    project_file = tmp_path / "orientation.qgz"
    assert QgsProject.instance().write(str(project_file))
    QgsProject.instance().clear()
    assert dock.layer is None
    assert QgsProject.instance().read(str(project_file))
    QCoreApplication.processEvents()

    layer = QgsProject.instance().mapLayersByName("Lieux")[0]
    assert dock.layer is layer  # the dock picked the filtered layer up again
    assert dock.query == Query({"services": (DEMARCHES,)})
    assert dock.group_widgets["services"].items[DEMARCHES].checkState(0) == Qt.CheckState.Checked
    assert shown_ids(layer) == shown
    assert [dock.preset_combo.itemText(i) for i in range(1, dock.preset_combo.count())] == ["Démarches", "Gratuit"]
    dock.apply_preset("Gratuit")
    dock.apply_to_layer()
    assert ol.stored_query(layer) == Query({"frais_a_charge": (GRATUIT,)})


def test_the_index_builds_in_a_background_task(qgis_iface, paca_layer):
    widget = OrientationDock(qgis_iface, background=True, lazy=False)
    ready = []
    widget.on_index_ready.append(lambda: ready.append(True))
    widget.set_layer(paca_layer)
    deadline = time.monotonic() + 30
    while not ready and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)  # (never QgsTask.waitForFinished here: it keeps the GIL from the task's thread)
    assert ready and widget.index.size == 646
    widget.cleanup()


def wait_until(condition, seconds=20):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    return condition()


def test_around_a_commune_typed_by_name_or_code_offline(dock):
    dock.place_edit.setText("13500")
    dock.search_place()
    assert dock.query.around is not None and "Martigues" in dock.query.around.label
    dock.place_edit.setText("Marseille")
    dock.search_place()
    assert dock.candidates.isVisible() or dock.candidates.count() > 1
    dock.candidates.itemClicked.emit(dock.candidates.item(0))
    assert dock.query.around.label.startswith("Marseille — INSEE 13055")
    assert dock.result.ranked(1)  # ranked from Marseille now


BAN_ANSWER = {
    "type": "FeatureCollection",
    "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [5.3764, 43.2989]},
         "properties": {"label": "12 Rue de la République 13002 Marseille", "score": 0.93, "type": "housenumber",
                        "citycode": "13202", "postcode": "13002"}},
    ],
}  # fmt: skip


def test_around_an_address_through_the_ban_on_the_qgis_network_stack(dock, httpserver, monkeypatch):
    monkeypatch.setenv("MEDNUM_BAN_URL", httpserver.url_for("/"))
    httpserver.expect_request("/search/", query_string={"q": "12 rue de la République Marseille", "limit": "5"}
                              ).respond_with_json(BAN_ANSWER)  # fmt: skip
    dock.place_edit.setText("12 rue de la République Marseille")
    dock.search_place()
    assert wait_until(lambda: dock.query.around is not None)
    assert dock.query.around == Around(43.2989, 5.3764, 10.0, "12 Rue de la République 13002 Marseille")
    distances = [dock.result.distance_km(p) for p in dock.result.ranked()]
    assert distances == sorted(distances) and distances and distances[-1] <= 10


def test_an_unreachable_geocoder_says_so_in_french_terms(dock, monkeypatch):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("MEDNUM_BAN_URL", f"http://127.0.0.1:{port}")
    dock.place_edit.setText("3 avenue introuvable")
    dock.search_place()
    assert wait_until(lambda: "Base Adresse Nationale" in dock.place_label.text() and dock._geocode_task is None)
    assert dock.query.around is None


def test_a_click_on_the_map_sets_the_point(dock, qgis_iface):
    from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY

    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    dock.pick_button.setChecked(True)
    assert canvas.mapTool() is dock._map_tool
    dock._map_tool.canvasClicked.emit(QgsPointXY(892390, 6247035), Qt.MouseButton.LeftButton)  # Marseille, Lambert-93
    assert not dock.pick_button.isChecked()
    around = dock.query.around
    assert abs(around.latitude - 43.29) < 0.05 and abs(around.longitude - 5.37) < 0.05


def test_export_of_the_filtered_lieux_is_conformant_and_ranked(dock, qgis_iface, tmp_path):
    from plugin.core.readers import read_table
    from plugin.gui.orientation_export import filtered_records, start_export, suggested_path

    tick(dock, "frais_a_charge", GRATUIT)
    dock.choose_place(Place("Marseille", 43.2965, 5.3698))
    records = filtered_records(dock.index, dock.result)
    assert "lieux-de-mediation-numerique" in Path(suggested_path(records)).name
    task = start_export(qgis_iface, records, str(tmp_path / "export.csv"), "Lieux")
    assert wait_until(lambda: task.done)
    table = read_table(tmp_path / "export.csv")
    assert [row["id"] for row in table.rows] == [dock.index.records[p]["id"] for p in dock.result.ranked()]
    assert table.header[:3] == ["id", "pivot", "nom"] and len(table.header) == 32
    assert task.result.lieux == dock.result.count
    bar = qgis_iface.messageBar()
    shown = bar.get_messages(Qgis.MessageLevel.Success) + bar.get_messages(Qgis.MessageLevel.Warning)
    assert any(f"{dock.result.count} lieux exported to" in message for message in shown)


def test_the_plugin_dock_reads_nothing_until_it_is_shown_and_unloads_cleanly(plugin_package, qgis_iface, paca_layer):
    from qgis.core import QgsApplication

    qgis_iface.mainWindow().show()
    plugin = plugin_package.classFactory(qgis_iface)
    plugin.initGui()
    try:
        feature = next(f for f in plugin.features if type(f).__name__ == "OrientationFeature")
        dock = feature.dock
        assert dock.objectName() == "MednumOrientationDock"
        assert dock.index is None and dock._task is None  # hidden: nothing read
        action = next(a for a in plugin.actions if a.objectName() == "mednumOrientationAction")
        action.trigger()  # the user opens the dock
        assert dock.isVisible()
        assert dock._task is not None or dock.index is not None
    finally:
        qgis_iface.mainWindow().hide()
        plugin.unload()  # with the index task maybe still running
        deadline = time.monotonic() + 20
        while QgsApplication.taskManager().countActiveTasks() and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.01)
        QCoreApplication.processEvents()


def test_on_a_working_layer_imported_by_the_plugin(qgis_iface, samples, tmp_path, qgis_new_project):
    from plugin.qgis import service_style
    from plugin.qgis.import_export import import_lieux
    from plugin.qgis.working_layer import load_working_layer

    import_lieux(samples / "hub-du-sud-paca-2023.json", tmp_path / "travail.gpkg")
    layer = load_working_layer(tmp_path / "travail.gpkg")
    QgsProject.instance().addMapLayer(layer)
    style_before = layer.renderer().dump()
    widget = OrientationDock(qgis_iface, background=False, lazy=False)
    try:
        widget.set_layer(layer)
        assert widget.index.size == 646
        tick(widget, "services", DEMARCHES)
        assert layer.featureCount() == widget.result.count < 646
        widget.service_style_check.setChecked(True)
        assert isinstance(layer.renderer(), type(service_style.service_renderer()))
        widget.service_style_check.setChecked(False)
        assert layer.renderer().dump() == style_before  # the working layer's own style is back
        widget.reset()
        assert layer.featureCount() == 646
    finally:
        widget.cleanup()
        QgsProject.instance().removeAllMapLayers()


def test_while_editing_the_filter_waits_and_saved_edits_are_counted(dock, paca_layer):
    before = dock.group_widgets["services"].items[DEMARCHES].text(1)
    paca_layer.startEditing()
    tick(dock, "services", DEMARCHES)
    assert dock.pending_apply
    assert "leaves edit mode" in dock.summary.text()
    assert paca_layer.featureCount() == 646  # QGIS keeps the display as it is during the edit session
    # a lieu without this service gets it, and the edit is saved
    fid = next(f.id() for f in paca_layer.getFeatures() if DEMARCHES not in (f["services"] or "") and f.hasGeometry())
    services = paca_layer.fields().indexFromName("services")
    paca_layer.changeAttributeValue(fid, services, DEMARCHES)
    assert paca_layer.commitChanges()
    assert not dock.pending_apply
    assert int(dock.group_widgets["services"].items[DEMARCHES].text(1)) == int(before) + 1
    assert paca_layer.featureCount() == int(before) + 1


def test_typologie_search_ignores_accents_and_case(dock):
    group = dock.group_widgets["typologie"]
    assert group.search is not None
    for needle in ("media", "MÉDIA", "bib"):
        group.search.setText(needle)
        visible = [item.text(0) for item in group.items.values() if not item.isHidden()]
        assert any("Médiathèque" in text for text in visible), (needle, visible)
    group.search.setText("zzzz")
    assert all(item.isHidden() for item in group.items.values())


def test_the_filtered_layer_is_drawn_above_the_other_point_layers(dock, paca_layer, tmp_path):
    from qgis.core import QgsVectorLayer

    # the demo's validation copy of the same lieux, added after the working layer: drawn above it
    copy = QgsVectorLayer("Point?crs=EPSG:4326&field=id:string", "Gravité des anomalies", "memory")
    polygons = QgsVectorLayer("Polygon?crs=EPSG:4326", "Départements", "memory")
    project = QgsProject.instance()
    project.addMapLayer(copy)
    project.addMapLayer(polygons)
    root = project.layerTreeRoot()
    node = root.findLayer(copy.id())
    root.insertChildNode(0, node.clone())
    node.parent().removeChildNode(node)
    assert root.layerOrder().index(copy) < root.layerOrder().index(paca_layer)
    tick(dock, "services", DEMARCHES)
    assert root.layerOrder()[0] is paca_layer
    assert copy in project.mapLayers().values() and paca_layer in project.mapLayers().values()
    assert root.findLayer(paca_layer.id()).isVisible()
