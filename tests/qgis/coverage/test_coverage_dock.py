"""The dock « Couverture du territoire » driven like a user: type a territory, pick it, tick a filter, compute
(in a QgsTask), read the totals and the least-served table, zoom to a commune, save the reports."""

from __future__ import annotations

import time

import pytest
from qgis.core import QgsProject, QgsRuleBasedRenderer
from qgis.PyQt.QtCore import QCoreApplication, Qt

from plugin.core import reference
from plugin.core.coverage import audit_coverage, resolve_territory
from plugin.core.coverage.report import number
from plugin.core.orientation import Query
from plugin.gui.coverage_dock import CoverageDock

DEMARCHES = "Aide aux démarches administratives"


def wait_until(condition, seconds=30):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)  # never QgsTask.waitForFinished: it keeps the GIL from the task's thread
    return condition()


@pytest.fixture()
def dock(qgis_iface, paca_layer):
    widget = CoverageDock(qgis_iface, background=True)
    widget.layer_combo.setLayer(paca_layer)
    yield widget
    widget.cleanup()
    widget.deleteLater()


def test_territory_search_as_you_type(dock):
    dock.territory_edit.setText("bouches")
    dock._search("bouches")  # what textEdited does
    labels = dock.completion_model.stringList()
    assert labels and labels[0].startswith("Bouches-du-Rhône")
    dock.set_territory_text(labels[0])  # the user picks the completion
    assert dock.territory.key == "departement:13"
    assert "119" in dock.territory_status.text() and dock.run_button.isEnabled()
    dock.set_territory_text("departement:99")
    assert dock.territory is None and "99" in dock.territory_status.text() and not dock.run_button.isEnabled()


def test_compute_in_a_task_then_totals_table_zoom_and_reports(dock, qgis_iface, paca_records, tmp_path):
    dock.set_territory_text("83")
    item = dock.group_widgets["services"].items[DEMARCHES]
    item.setCheckState(0, Qt.CheckState.Checked)  # ticking the option, as a user does
    assert dock.query() == Query({"services": (DEMARCHES,)})
    dock.radius_spin.setValue(10)
    dock.run()
    assert not dock.run_button.isEnabled()  # while the task runs
    assert wait_until(lambda: dock.result is not None)
    expected = audit_coverage(paca_records, resolve_territory("83"), 10, Query({"services": (DEMARCHES,)}))
    assert dock.result.totals == expected.totals

    layer = QgsProject.instance().mapLayer(dock.result_layer_id)
    assert layer is not None and layer.featureCount() == 153
    assert isinstance(layer.renderer(), QgsRuleBasedRenderer)
    labels = [rule.label() for rule in layer.renderer().rootRule().children()]
    assert any(label.startswith("Non couverte") for label in labels)  # French legend

    text = dock.totals_label.text()
    assert number(expected.totals.population_couverte) in text and "Var (département 83)" in text
    worst = expected.worst_served(None)
    assert dock.table.rowCount() == min(50, len(worst))
    assert dock.table.item(0, 0).text() == worst[0].commune == "Fréjus"

    dock.zoom_to_row(0)
    centre = qgis_iface.mapCanvas().extent().center()
    lon, lat = reference.centroid(worst[0].code_insee)
    assert centre.x() == pytest.approx(lon, abs=0.01) and centre.y() == pytest.approx(lat, abs=0.01)

    for suffix in ("pdf", "html", "csv"):
        path = dock.export_report(tmp_path / f"couverture.{suffix}")
        assert path is not None and path.stat().st_size > 1000
    assert (tmp_path / "couverture.pdf").read_bytes()[:5] == b"%PDF-"

    # a second run replaces the dock's previous layer
    first = dock.result_layer_id
    dock.result = None
    dock.run()
    assert wait_until(lambda: dock.result is not None)
    assert QgsProject.instance().mapLayer(first) is None and QgsProject.instance().mapLayer(dock.result_layer_id)
