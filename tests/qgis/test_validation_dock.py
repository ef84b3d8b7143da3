"""The "Validation" dock on a real working GeoPackage: listing, select/zoom, fixes and undo, acceptances
(persistence, lapse), live updates from edits made as the attribute table makes them, merges and their
journal, the form on the right tab, the map overlay and the producers' report."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import time

import pytest
from qgis.core import QgsApplication, QgsFeature, QgsProject, QgsRectangle
from qgis.PyQt.QtCore import QCoreApplication, Qt

from plugin.core.i18n import use_language
from plugin.core.schema import load_schema
from plugin.core.validation import DuplicateSettings, ValidationOptions, validate_records
from tests.unit.validation.helpers import VALID

TODAY = dt.date.today().isoformat()
REIMS = (49.25174, 4.04005)
DIGNE = (44.0925, 6.2356)


def siret(number: int) -> str:
    from bench.generate import _siret

    return _siret(random.Random(number))


def lieu(number: int, **cells) -> dict:
    record = dict(VALID, id=f"lieu-{number}", nom=f"Espace numérique {number}", pivot=siret(number), date_maj=TODAY)
    lat, lon = REIMS
    record["latitude"] = f"{lat + 0.01 * (number % 10):.6f}"
    record["longitude"] = f"{lon + 0.01 * (number // 10):.6f}"
    record.update(cells)
    return record


def digne(number: int, **cells) -> dict:
    place = {"commune": "Digne-les-Bains", "code_insee": "04070", "code_postal": "04000",
             "latitude": f"{DIGNE[0] + 0.002 * number:.6f}", "longitude": f"{DIGNE[1]:.6f}"}
    return lieu(number, **{**place, **cells})


# fid = position (1-based): the import numbers the lieux as the source rows
RECORDS = [
    lieu(1),  # 1 clean
    lieu(2, telephone="01 80 05 98 80"),  # 2 phone-format, fixable
    digne(3, code_postal="4000"),  # 3 postal-code-format, fixable
    digne(4, code_postal="4000"),  # 4 postal-code-format, fixable
    lieu(5, pivot="43493312300029", nom="Médiathèque Jules Verne"),  # 5 ┐ probable duplicates (same pivot,
    lieu(5, id="lieu-6", pivot="43493312300029", nom="MEDIATHEQUE J. VERNE",  # 6 ┘ ~10 m), 6 more recent
         latitude=f"{REIMS[0] + 0.05 + 0.00009:.6f}", telephone="+33326000000", date_maj=TODAY),
    lieu(7, date_maj="02/04/2026"),  # 7 type-date, fixable
    lieu(8, horaires="Lundi au vendredi 9h-12h"),  # 8 opening-hours-invalid, no fix
] + [lieu(number) for number in range(9, 31)]  # clean lieux spread over Reims
RECORDS[4]["date_maj"] = "2025-01-10"


def wait_for(condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not reached")
        QCoreApplication.processEvents()
        time.sleep(0.01)


@pytest.fixture(autouse=True)
def english():
    use_language("en")
    yield
    use_language("fr")


def write_working_gpkg(folder):
    """RECORDS imported into a working GeoPackage (fid = position)."""
    from plugin.core.writers import write_records
    from plugin.qgis.import_export import import_lieux

    source = folder / "lieux.csv"
    write_records(source, RECORDS, load_schema())
    output = folder / "lieux.gpkg"
    import_lieux(source, output)
    return output


@pytest.fixture()
def dock_gpkg(tmp_path):
    return write_working_gpkg(tmp_path)


def open_layer(path):
    from plugin.qgis.coordinate_sync import attach_coordinate_sync
    from plugin.qgis.working_layer import load_working_layer

    layer = load_working_layer(path)
    QgsProject.instance().addMapLayer(layer)
    attach_coordinate_sync(layer)
    return layer


@pytest.fixture()
def dock_layer(dock_gpkg, qgis_new_project, editor_widgets):
    layer = open_layer(dock_gpkg)
    yield layer
    for each in QgsProject.instance().mapLayers().values():
        if each.isEditable():
            each.rollBack()
    QgsProject.instance().removeAllMapLayers()


@pytest.fixture()
def dock(dock_layer, qgis_iface):
    from plugin.gui.validation_dock import ValidationDock

    qgis_iface.mapCanvas().resize(600, 400)
    widget = ValidationDock(qgis_iface)
    widget.set_layer(dock_layer)
    wait_for(lambda: widget.live is not None and widget.live.ready)
    yield widget
    widget.unload()
    widget.deleteLater()


def items(dock, code=None, key=None):
    model = dock.model
    return [
        item for group in model.groups for item in group.items
        if (code is None or item.issue.code == code) and (key is None or item.key == key)
    ]


def by_field(layer, fid: int, name: str):
    return layer.getFeature(fid)[name]


# ── listing ──────────────────────────────────────────────────────────────────────────────────────────────────


def test_lists_the_engine_issues_grouped_by_lieu_and_by_rule(dock):
    expected = validate_records(RECORDS, options=ValidationOptions(duplicates=DuplicateSettings()))
    live = dock.live
    assert (live.counts.errors, live.counts.warnings) == (expected.errors, expected.warnings)
    assert sorted((i.row, i.code) for i in expected.issues) == sorted((k, i.code) for k, i in live.all_open())
    codes = {issue.code for issue in expected.issues}
    assert {"phone-format", "postal-code-format", "type-date", "opening-hours-invalid", "probable-duplicate"} <= codes

    model = dock.model
    assert {group.key for group in model.groups} == {row for row in {i.row for i in expected.issues}}
    assert model.groups[0].errors >= model.groups[-1].errors  # lieux with errors first
    assert "errors" in dock.counts_label.text() and str(expected.errors) in dock.counts_label.text()

    dock.group_combo.setCurrentIndex(dock.group_combo.findData("rule"))
    assert {group.key for group in model.groups} == codes
    (postal,) = [group for group in model.groups if group.key == "postal-code-format"]
    assert sorted(item.key for item in postal.items) == [3, 4]

    from plugin.gui.issues_model import LABEL

    dock.tree.sortByColumn(LABEL, 0)  # by rule title, A → Z
    titles = [group.label for group in model.groups]
    assert titles == sorted(titles, key=str.casefold)
    dock.tree.sortByColumn(LABEL, 1)
    assert [group.label for group in model.groups] == sorted(titles, key=str.casefold, reverse=True)


def test_rule_names_are_never_cut_even_in_a_narrow_dock(dock):
    from qgis.PyQt.QtGui import QFontMetrics

    from plugin.gui.issues_model import LABEL

    dock.resize(320, 600)
    dock._size_columns()
    dock.group_combo.setCurrentIndex(dock.group_combo.findData("rule"))
    model = dock.model
    width = dock.tree.header().sectionSize(LABEL)
    for row, group in enumerate(model.groups):
        index = model.index(row, LABEL)
        font = model.data(index, Qt.FontRole)
        text = model.data(index, Qt.DisplayRole)
        assert QFontMetrics(font).horizontalAdvance(text) + dock.tree.indentation() + 20 <= width, text
        assert group.label in model.data(index, Qt.ToolTipRole)  # and the whole name on hover
    assert dock.tree.horizontalScrollBarPolicy() != Qt.ScrollBarAlwaysOff


def test_a_full_pass_pauses_the_collector_and_leaves_no_reference_cycle(dock):
    """QGIS never freezes: no cyclic collection walks the growing heap while the pass runs (it holds the GIL
    whichever thread triggers it), the state is frozen afterwards, and it is acyclic: replacing it by a new
    pass, or dropping it, leaves nothing for the collector (a frozen cycle would be a leak)."""
    import gc

    live = dock.live
    assert gc.isenabled() and gc.get_freeze_count() > 0
    gc.unfreeze()
    gc.collect()  # what earlier tests left
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        live.start()
        assert not gc.isenabled()
        wait_for(lambda: live.ready and not live.running)
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0
        dock.group_combo.setCurrentIndex(dock.group_combo.findData("rule"))  # the model rebuilt
        gc.unfreeze()  # the replaced state was frozen with the new one: a cycle there would never be collected
        gc.collect()
        kinds = {type(each).__name__ for each in gc.garbage}
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert not kinds & {"Item", "Group", "Issue", "LiveState"}
    assert dock.model.visible_issue_count() == live.counts.errors + live.counts.warnings
    live.start()
    wait_for(lambda: live.ready and not live.running)
    assert gc.get_freeze_count() > 0
    dock.set_layer(None)  # the dock leaves the layer: its state goes back to the collector
    assert gc.get_freeze_count() == 0


def test_filters(dock, qgis_iface):
    model = dock.model
    dock.severity_combo.setCurrentIndex(dock.severity_combo.findData("error"))
    assert model.visible_issue_count() == dock.live.counts.errors
    assert all(item.issue.severity == "error" for group in model.groups for item in group.items)
    dock.severity_combo.setCurrentIndex(0)
    dock.field_combo.setCurrentIndex(dock.field_combo.findData("code_postal"))
    assert {item.key for group in model.groups for item in group.items} == {3, 4}
    dock.field_combo.setCurrentIndex(0)
    dock.code_combo.setCurrentIndex(dock.code_combo.findData("type-date"))
    assert [item.key for group in model.groups for item in group.items] == [7]
    dock.code_combo.setCurrentIndex(0)
    dock.search_edit.setText("Jules")
    dock._apply_filters()
    assert {group.key for group in model.groups} == {5}
    dock.search_edit.setText("")

    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(dock.session.layer.crs())
    canvas.setExtent(QgsRectangle(DIGNE[1] - 0.5, DIGNE[0] - 0.5, DIGNE[1] + 0.5, DIGNE[0] + 0.5))
    dock.extent_check.setChecked(True)
    assert {group.key for group in model.groups} == {3, 4}  # only the lieux of Digne
    assert "shown (filters on)" in dock.counts_label.text()
    dock.extent_check.setChecked(False)
    assert len(model.groups) > 2


def test_a_large_list_is_rebuilt_in_steps_and_the_last_change_wins(dock, monkeypatch):
    """On a large layer a change of grouping or filter is built across turns of the event loop (QGIS never
    freezes): the tree keeps the previous list meanwhile, then shows the list of the last change asked for."""
    import plugin.core.validation.issues_tree as issues_tree
    import plugin.gui.issues_model as issues_model

    monkeypatch.setattr(issues_model, "STEPPED_FROM", 0)  # as for 50,000 lieux
    monkeypatch.setattr(issues_tree, "STEP", 2)
    monkeypatch.setattr(issues_model, "BUDGET", 0.0)
    model = dock.model
    before = [group.key for group in model.groups]
    dock.group_combo.setCurrentIndex(dock.group_combo.findData("rule"))
    assert model.building and [group.key for group in model.groups] == before
    QCoreApplication.processEvents()
    dock.severity_combo.setCurrentIndex(dock.severity_combo.findData("error"))  # before the regrouping is shown
    wait_for(lambda: not model.building)
    assert model.group_by == "rule" and model.filters.severity == "error"
    errors = {issue.code for _key, issue in dock.live.all_open() if issue.severity == "error"}
    assert {"phone-format", "postal-code-format"} <= errors
    assert {group.key for group in model.groups} == errors
    assert model.visible_issue_count() == dock.live.counts.errors
    assert "shown (filters on)" in dock.counts_label.text()
    dock.severity_combo.setCurrentIndex(0)
    wait_for(lambda: not model.building)
    assert model.visible_issue_count() == dock.live.counts.errors + dock.live.counts.warnings
    assert "shown (filters on)" not in dock.counts_label.text()


def test_click_selects_zooms_to_and_flashes_the_lieu(dock, qgis_iface):
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(dock.session.layer.crs())
    canvas.setExtent(QgsRectangle(-5, 41, 10, 51))
    (item,) = items(dock, "type-date")
    dock.select_item(item)
    layer = dock.session.layer
    assert layer.selectedFeatureIds() == [7]
    center = canvas.center()
    lat, lon = float(RECORDS[6]["latitude"]), float(RECORDS[6]["longitude"])
    assert abs(center.x() - lon) < 1e-6 and abs(center.y() - lat) < 1e-6
    assert canvas.scale() <= 5001
    assert "02/04/2026" in dock.details.toPlainText() and "2026-04-02" in dock.details.toPlainText()
    assert dock.fix_button.isEnabled() and not dock.merge_button.isEnabled()


# ── fixes ────────────────────────────────────────────────────────────────────────────────────────────────────


def test_fix_one_issue_and_undo(dock):
    layer = dock.session.layer
    (item,) = items(dock, "phone-format")
    dock.select_item(item)
    undo = layer.undoStack()
    assert dock.apply_fix(item) == 1
    assert by_field(layer, 2, "telephone") == "+33180059880"
    assert not items(dock, "phone-format")  # listed no more, without a full pass
    assert undo.count() == 1
    undo.undo()
    dock.live.flush()
    assert by_field(layer, 2, "telephone") == "01 80 05 98 80"
    assert [item.key for item in items(dock, "phone-format")] == [2]


def test_fix_a_whole_rule_in_one_undo_step(dock):
    layer = dock.session.layer
    (first, _second) = items(dock, "postal-code-format")
    dock.select_item(first)
    assert "(2)" in dock.fix_rule_button.text()
    undo = layer.undoStack()
    before = undo.count()
    assert dock.apply_rule_fixes("postal-code-format") == 2
    assert [by_field(layer, fid, "code_postal") for fid in (3, 4)] == ["04000", "04000"]
    assert undo.count() == before + 1  # one step for the batch
    assert not items(dock, "postal-code-format")
    undo.undo()
    dock.live.flush()
    assert [by_field(layer, fid, "code_postal") for fid in (3, 4)] == ["4000", "4000"]
    assert len(items(dock, "postal-code-format")) == 2


# ── acceptances ──────────────────────────────────────────────────────────────────────────────────────────────


def test_accept_survives_reopening_and_lapses_when_the_value_changes(dock, dock_gpkg):
    live = dock.live
    warnings = live.counts.warnings
    (item,) = items(dock, "opening-hours-invalid")
    assert dock.accept_issue(item, "Horaires donnés en clair par le lieu, à reprendre avec lui")
    assert live.counts.warnings == warnings - 1 and live.counts.accepted == 1
    accepted_group = dock.model.accepted
    assert accepted_group is not None and [i.key for i in accepted_group.items] == [8]
    assert dock.model.groups[0] is accepted_group  # listed first, under "Accepted"
    assert items(dock, "opening-hours-invalid")[0].acceptance is not None

    # close the layer and the dock session, open the GeoPackage again: the acceptance is still there
    dock.set_layer(None)
    QgsProject.instance().removeAllMapLayers()
    layer = open_layer(dock_gpkg)
    dock.set_layer(layer)
    wait_for(lambda: dock.live is not None and dock.live.ready)
    assert dock.live.counts.accepted == 1 and dock.live.counts.warnings == warnings - 1
    (item,) = items(dock, "opening-hours-invalid")
    assert item.accepted and item.acceptance.reason.startswith("Horaires donnés")

    # the value changes (an edit in the attribute table): the acceptance lapses, the issue counts again
    layer.startEditing()
    index = layer.fields().indexFromName("horaires")
    layer.changeAttributeValue(8, index, "Lundi 9h-12h")
    wait_for(lambda: not dock.live._dirty and not dock.live._timer.isActive())
    (item,) = items(dock, "opening-hours-invalid")
    assert not item.accepted and item.issue.value == "Lundi 9h-12h"
    assert dock.live.counts.accepted == 0
    layer.rollBack()
    rows = sqlite3.connect(dock_gpkg).execute("SELECT valeur, caduque_le FROM anomalies_acceptees").fetchall()
    assert len(rows) == 1 and rows[0][0] == "Lundi au vendredi 9h-12h" and rows[0][1]


# ── live ─────────────────────────────────────────────────────────────────────────────────────────────────────


def test_live_update_after_edits_like_the_attribute_table(dock):
    live = dock.live
    layer = dock.session.layer
    validator = live.validator
    layer.startEditing()
    # the attribute table writes one cell through the edit buffer, in an edit command
    index = layer.fields().indexFromName("code_postal")
    layer.beginEditCommand("Attributes changed")
    layer.changeAttributeValue(1, index, "5110")
    layer.endEditCommand()
    wait_for(lambda: any(item.key == 1 for item in items(dock, "postal-code-format")))
    assert live.validator is validator and live.task is None  # no full pass
    assert live.last_update_ms < 200
    assert dock.session.overlay.severity_of(1) == "error"

    # a paste of several cells, then a new lieu and a deleted one
    layer.beginEditCommand("Paste features")
    layer.changeAttributeValue(9, index, "5110")
    layer.changeAttributeValue(10, index, "5110")
    layer.endEditCommand()
    feature = QgsFeature(layer.fields())
    for name, value in lieu(99, telephone="0326000000").items():
        feature[name] = value or None
    layer.beginEditCommand("Add feature")  # as the form does; its point follows its fields once the command ends
    layer.addFeature(feature)
    layer.endEditCommand()
    layer.deleteFeature(2)
    wait_for(lambda: not live._dirty and not live._deleted and not live._timer.isActive())
    assert {item.key for item in items(dock, "postal-code-format")} == {1, 3, 4, 9, 10}
    assert not items(dock, key=2)  # deleted
    new = [item for item in items(dock, "phone-format") if item.key < 0]
    assert new and new[0].issue.value == "0326000000"
    assert live.validator is validator

    # duplicates follow edits too: lieu 9 moves next to lieu 10 under its name
    name = layer.fields().indexFromName("nom")
    layer.changeAttributeValue(9, name, "Espace numérique 10")
    for axis in ("latitude", "longitude"):
        layer.changeAttributeValue(9, layer.fields().indexFromName(axis), RECORDS[9][axis])
    wait_for(lambda: bool(items(dock, "probable-duplicate", key=10)))
    assert {item.key for item in items(dock, "probable-duplicate")} >= {9, 10}

    layer.rollBack()
    wait_for(lambda: not live._dirty and not live._timer.isActive())
    assert {item.key for item in items(dock, "postal-code-format")} == {3, 4}
    assert [item.key for item in items(dock, "phone-format")] == [2]


def test_overlay_shows_errors_warnings_and_clean_lieux(dock):
    overlay = dock.session.overlay
    assert overlay.layer is not None and overlay.layer.featureCount() == len(RECORDS)
    assert overlay.severity_of(2) == "error"  # phone
    assert overlay.severity_of(8) == "warning"  # hours only
    assert overlay.severity_of(1) == "ok"
    labels = [rule.label() for rule in overlay.layer.renderer().rootRule().children()]
    assert labels == ["Errors", "Warnings only", "No issue"]
    root = QgsProject.instance().layerTreeRoot()
    layer_ids = [node.layerId() for node in root.findLayers()]
    assert layer_ids.index(overlay.layer.id()) == layer_ids.index(dock.session.layer.id()) - 1  # just above
    (item,) = items(dock, "phone-format")
    dock.apply_fix(item)
    assert overlay.severity_of(2) == "ok"


# ── duplicates ───────────────────────────────────────────────────────────────────────────────────────────────


def test_merge_keeps_one_lieu_and_journals_the_other(dock, dock_gpkg):
    from plugin.gui.merge_dialog import A, B, MergeDialog

    layer = dock.session.layer
    item = next(item for item in items(dock, "probable-duplicate") if item.key == 5)
    dock.select_item(item)
    assert dock.merge_button.isEnabled()
    assert dock.partner_of(item) == 6
    dialog = MergeDialog(dock.live.record(5), dock.live.record(6))
    # lieu 6 is more recent: its values are pre-selected where the two differ
    assert dialog.choice("nom") == B and dialog.choice("telephone") == B and dialog.choice("id") == A
    dialog.set_choice("nom", A)  # keep the better-written name
    assert dock.merge(item, dialog)
    assert not layer.getFeature(6).isValid()
    kept = layer.getFeature(5)
    assert kept["id"] == "lieu-5" and kept["nom"] == "Médiathèque Jules Verne" and kept["telephone"] == "+33326000000"
    assert not items(dock, "probable-duplicate")
    assert layer.undoStack().count() == 1
    assert layer.commitChanges()
    QCoreApplication.processEvents()
    connection = sqlite3.connect(dock_gpkg)
    rows = connection.execute(
        "SELECT lieu_conserve_fid, lieu_conserve_id, lieu_fusionne_fid, lieu_fusionne_id, lieu_fusionne, choix "
        "FROM journal_fusions"
    ).fetchall()
    assert len(rows) == 1
    kept_fid, kept_id, removed_fid, removed_id, removed_json, choices = rows[0]
    assert (kept_fid, kept_id, removed_fid, removed_id) == (5, "lieu-5", 6, "lieu-6")
    assert '"nom": "MEDIATHEQUE J. VERNE"' in removed_json and '"nom": "kept"' in choices


def test_an_undone_merge_is_not_journaled(dock, dock_gpkg):
    from plugin.gui.merge_dialog import MergeDialog

    layer = dock.session.layer
    item = next(item for item in items(dock, "probable-duplicate") if item.key == 5)
    assert dock.merge(item, MergeDialog(dock.live.record(5), dock.live.record(6)))
    layer.undoStack().undo()
    assert layer.getFeature(6).isValid()
    layer.commitChanges()
    QCoreApplication.processEvents()
    connection = sqlite3.connect(dock_gpkg)
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "journal_fusions" not in tables or not connection.execute("SELECT * FROM journal_fusions").fetchall()


# ── form and report ──────────────────────────────────────────────────────────────────────────────────────────


def test_double_click_opens_the_form_on_the_tab_of_the_field(dock):
    from qgis.PyQt.QtWidgets import QTabWidget

    from plugin.core.form_layout import tab_title

    (item,) = items(dock, "phone-format")
    dialog = dock.open_form(item)
    try:
        tabs = dialog.findChild(QTabWidget)
        assert tabs.tabText(tabs.currentIndex()).replace("&", "") == tab_title("contact")
        assert dock.session.layer.isEditable()
    finally:
        dialog.close()
    (item,) = items(dock, "postal-code-format", key=3)
    dialog = dock.open_form(item)
    try:
        tabs = dialog.findChild(QTabWidget)
        assert tabs.tabText(tabs.currentIndex()).replace("&", "") == tab_title("address")
    finally:
        dialog.close()


@pytest.mark.parametrize("suffix", [".html", ".csv"])
def test_report_for_producers(dock, tmp_path, suffix):
    (item,) = items(dock, "opening-hours-invalid")
    dock.accept_issue(item, "voulu par le lieu")
    path = tmp_path / f"rapport{suffix}"
    task = dock.export_report(suffix, str(path))
    wait_for(lambda: task.done)
    text = path.read_text(encoding="utf-8-sig")
    assert "Médiathèque Jules Verne" in text and "probable-duplicate" in text and "+33180059880" in text
    assert "voulu par le lieu" in text
    if suffix == ".html":
        assert "Summary by rule" in text and "Summary by commune" in text and "Digne-les-Bains" in text


def test_dock_feature_in_the_plugin(qgis_iface, qgis_new_project):
    """The menu/toolbar action opens the dock; unload removes it."""
    from plugin.gui.validation_feature import ValidationDockFeature

    class Plugin:
        def __init__(self):
            self.actions, self.docks = [], []

        def add_action(self, text, callback, **kwargs):
            from qgis.PyQt.QtWidgets import QAction

            action = QAction(text)
            action.setCheckable(True)
            action.toggled.connect(callback)
            self.actions.append(action)
            return action

        def add_dock(self, dock):
            self.docks.append(dock)
            return dock

    plugin = Plugin()
    feature = ValidationDockFeature(qgis_iface, plugin)
    feature.initGui()
    plugin.actions[0].setChecked(True)
    assert plugin.docks and feature.dock is plugin.docks[0]
    assert "Choose a working layer" in feature.dock.counts_label.text()
    feature.unload()
    assert feature.dock is None
    assert QgsApplication.taskManager() is not None
