"""Team mode in the GUI: the team database dialog on a QGIS PostgreSQL connection, « Qui a modifié quoi »
(filters, CSV export, restoration of a deleted lieu) and the side-by-side dialog of a conflicting save."""

from __future__ import annotations

import csv
from datetime import datetime, timedelta

import pytest
from qgis.core import QgsProviderRegistry
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication

from plugin.core import postgis_schema as ps
from plugin.qgis.import_export import import_lieux
from plugin.qgis.team_database import TeamDatabase

HUB = "hub-du-sud-paca-2023.json"


@pytest.fixture()
def saved_connection(postgres_cluster):
    """A PostgreSQL connection saved in QGIS, as the Browser saves it."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    cluster = postgres_cluster
    uri = f"host=127.0.0.1 port={cluster.port} dbname='{cluster.database}' user='{cluster.user}'"
    metadata.saveConnection(metadata.createConnection(uri, {"saveUsername": True}), "équipe-test")
    yield "équipe-test"
    metadata.deleteConnection("équipe-test")


@pytest.fixture()
def team(saved_connection, pg_schema, samples) -> TeamDatabase:
    database = TeamDatabase.from_connection(saved_connection, pg_schema)
    import_lieux(samples / HUB, database, validate=False)
    return database


def test_the_team_dialog_creates_the_schema_on_a_qgis_connection(saved_connection, pg_schema, english):
    from plugin.gui.team_dialog import TeamDialog

    dialog = TeamDialog()
    try:
        assert saved_connection in [dialog.connection_combo.itemText(i) for i in range(dialog.connection_combo.count())]
        dialog.connection_combo.setCurrentText(saved_connection)
        dialog.schema_edit.setText(pg_schema)
        assert "does not exist yet" in dialog.refresh()
        dialog.database().initialise()
        assert f"up to date (version {ps.LATEST_VERSION}): 0 lieux" in dialog.refresh()
        dialog.schema_edit.setText("Bad-Name")
        assert "not a valid schema name" in dialog.refresh()
    finally:
        dialog.deleteLater()


def test_who_changed_what_filters_exports_and_restores(team, tmp_path, english):
    from plugin.gui.journal_dialog import JournalDialog

    s = ps.quote_identifier(team.schema_name)
    fid = team.run(f"SELECT min(fid) FROM {s}.lieux")[0][0]
    team.run(f"UPDATE {s}.lieux SET nom = '=HYPERLINK(\"http://x\")' WHERE fid = {fid}", agent="Camille")
    team.run(f"UPDATE {s}.lieux SET telephone = '+33491000000' WHERE fid = {fid + 1}", agent="Dominique")
    team.run(f"DELETE FROM {s}.lieux WHERE fid = {fid + 2}", agent="Dominique")
    dialog = JournalDialog(team)
    try:
        assert dialog.table.rowCount() == 4  # import, two changes, one deletion (newest first)
        dialog.agent_combo.setCurrentIndex(dialog.agent_combo.findData("Dominique"))
        assert [dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())] == ["deleted", "changed"]
        dialog.since_edit.setDate(dialog.until_edit.date().addDays(2))  # from the day after tomorrow: nothing
        assert dialog.table.rowCount() == 0
        dialog.since_edit.setDate(dialog.until_edit.date())
        dialog.agent_combo.setCurrentIndex(0)
        out = tmp_path / "journal.csv"
        assert dialog.export_csv(str(out)) == 4
        with open(out, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        assert rows[0][:3] == ["When", "Agent", "Operation"]
        changed_nom = next(r for r in rows if r[4] == "nom")
        assert changed_nom[1] == "Camille" and changed_nom[6] == "'=HYPERLINK(\"http://x\")"  # defused
        dialog.table.selectRow(0)
        assert dialog.restore_button.isEnabled()
        assert dialog.restore_selected() == fid + 2
        assert team.lieux_count() == 646
        assert dialog.table.item(0, 2).text() == "restored"
    finally:
        dialog.deleteLater()


def test_journal_time_filter_is_on_the_agents_local_days(team):
    entries = team.journal(since=datetime.now().astimezone() - timedelta(minutes=5))
    assert [e.operation for e in entries] == ["import"]
    assert team.journal(until=datetime.now().astimezone() - timedelta(days=1)) == []


def test_a_conflicting_save_shows_both_versions_and_the_agent_takes_the_colleagues(team, qgis_iface):
    from plugin.gui.team_feature import TeamFeature

    feature = TeamFeature(qgis_iface, plugin=None)
    layer, colleague = team.open_layer(), team.open_layer("colleague")
    fid = next(layer.getFeatures()).id()
    for target, value in ((layer, "Mon nom"), (colleague, "Son nom")):
        target.startEditing()
        target.changeAttributeValue(fid, target.fields().indexFromName("nom"), value)
    assert colleague.commitChanges()
    feature._on_layers_added([layer])
    shown = []

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        shown.append((dialog.windowTitle(), dialog.table.item(0, 1).text(), dialog.table.item(0, 2).text()))
        dialog.all_remote_button.click()
        dialog.apply_button.click()

    QTimer.singleShot(200, choose)
    assert layer.commitChanges(), layer.commitErrors()
    assert shown and shown[0][1:] == ("Mon nom", "Son nom")
    layer.reload()
    assert layer.getFeature(fid)["nom"] == "Son nom"


def test_the_team_dialog_imports_through_open_a_lieux_file_and_opens_the_guarded_team_layer(
        saved_connection, pg_schema, samples, qgis_iface, qgis_new_project):
    from pytest_qgis.utils import wait_until
    from qgis.core import QgsProject

    from plugin.main import LieuxMednumPlugin
    from plugin.qgis.team_layer import is_team_layer, team_guard

    plugin = LieuxMednumPlugin(qgis_iface)
    plugin.initGui()
    try:
        feature = next(f for f in plugin.features if type(f).__name__ == "TeamFeature")
        dialog = feature.show_team_dialog()
        dialog.connection_combo.setCurrentText(saved_connection)
        dialog.schema_edit.setText(pg_schema)
        dialog.init_button.click()
        task = feature.import_file(str(samples / HUB))
        assert wait_until(lambda: task.done, timeout_milliseconds=60000)
        layers = [layer for layer in QgsProject.instance().mapLayers().values() if is_team_layer(layer)]
        assert len(layers) == 1 and layers[0].featureCount() == 646
        guard = team_guard(layers[0])
        assert guard is not None and guard.resolver == feature.resolve  # saves of the team layer are guarded
        assert wait_until(lambda: "646 lieux" in dialog.status_label.text(), timeout_milliseconds=10000)
    finally:
        plugin.unload()
