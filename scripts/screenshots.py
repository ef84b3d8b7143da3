"""Screenshots of the real QGIS window for the README — run inside QGIS by scripts/screenshots.sh.

It runs the demo (scripts/demo_qgis.py), then shows the plugin's menu, its help dialog, its options page and
the mednum:validate dialog one after the other, grabbing the whole (Xvfb) screen each time, and quits QGIS.
"""

import os
import runpy
from pathlib import Path

import processing
from qgis.core import QgsProject, QgsSettings
from qgis.PyQt.QtCore import QPoint, Qt, QTimer
from qgis.PyQt.QtWidgets import QApplication, QDockWidget
from qgis.utils import iface, plugins

OUT = Path(os.environ["MEDNUM_SCREENSHOT_DIR"])
REPO = Path(os.environ["MEDNUM_DEMO_REPO"])
steps = []


def grab(name: str) -> None:
    QApplication.processEvents()
    screen = QApplication.primaryScreen()
    screen.grabWindow(0).save(str(OUT / f"{name}.png"))


def step(delay_ms: int):
    def register(function):
        steps.append((delay_ms, function))
        return function

    return register


def run_steps(index: int = 0) -> None:
    if index >= len(steps):
        QgsProject.instance().setDirty(False)  # no "save the project?" question on exit
        QTimer.singleShot(500, iface.actionExit().trigger)
        return
    delay, function = steps[index]

    def fire():
        function()
        run_steps(index + 1)

    QTimer.singleShot(delay, fire)


QgsSettings().setValue("qgis/dockAttributeTable", True)
window = iface.mainWindow()
window.move(0, 0)
window.resize(1366, 768)  # no window manager under Xvfb: "maximized" means nothing
browser = window.findChild(QDockWidget, "Browser")
if browser is not None:
    browser.hide()
runpy.run_path(str(REPO / "scripts" / "demo_qgis.py"), run_name="demo")
plugin = plugins["lieux_mednum"]


def shrink_attribute_table() -> None:
    docks = [d for d in window.findChildren(QDockWidget)
             if d.isVisible() and window.dockWidgetArea(d) == Qt.DockWidgetArea.BottomDockWidgetArea]
    print("bottom docks:", [(d.objectName(), d.windowTitle()) for d in docks], flush=True)
    if docks:
        window.resizeDocks(docks, [200] * len(docks), Qt.Orientation.Vertical)
    print("project CRS:", QgsProject.instance().crs().authid(), flush=True)


@step(1000)
def open_issues_table():
    issues = next(iter(QgsProject.instance().mapLayersByName("Anomalies")), None)
    if issues is not None:
        iface.showAttributeTable(issues)


@step(1500)
def layout_window():
    shrink_attribute_table()
    iface.zoomToActiveLayer()


@step(3000)
def demo_window():
    grab("demo-qgis")


@step(500)
def open_menu():
    menu_bar = iface.mainWindow().menuBar()
    vector = iface.vectorMenu()
    rect = menu_bar.actionGeometry(vector.menuAction())
    vector.popup(menu_bar.mapToGlobal(QPoint(rect.left(), rect.bottom())))
    QApplication.processEvents()
    vector.setActiveAction(plugin.menu.menuAction())
    plugin.menu.popup(vector.mapToGlobal(vector.actionGeometry(plugin.menu.menuAction()).topRight()))


@step(1500)
def menu_shot():
    grab("menu")
    plugin.menu.hide()
    iface.vectorMenu().hide()


@step(300)
def open_validate_dialog():
    global dialog
    dialog = processing.createAlgorithmDialog("mednum:validate", {})
    dialog.show()


@step(2500)
def validate_dialog_shot():
    grab("validate-dialog")
    dialog.close()


@step(300)
def open_about():
    from lieux_mednum.plugin.gui.about_dialog import AboutDialog

    global about
    about = AboutDialog(iface.mainWindow(), plugin.missing_dependencies)
    about.show()


@step(1500)
def about_shot():
    grab("aide")
    about.close()


@step(300)
def open_options():
    def shoot_and_close():
        grab("options")
        modal = QApplication.activeModalWidget()
        if modal is not None:
            modal.reject()

    QTimer.singleShot(3000, shoot_and_close)
    plugin.show_settings()  # modal: returns after shoot_and_close


# ---- the validation dock and the Orientation dock on a working layer opened as a user does (menu) ----------
docks = {}


def feature_of(name: str):
    return next(feature for feature in plugin.features if type(feature).__name__ == name)


@step(500)
def open_working_layer():
    source = Path(os.environ["MEDNUM_DEMO_FILE"])
    output = Path(os.environ["MEDNUM_DEMO_OUTPUT"]) / f"{source.stem}_travail.gpkg"
    for stale in output.parent.glob(output.name + "*"):
        stale.unlink()
    feature_of("LieuxFilesFeature").open_file(str(source), str(output))


def only_working_layer_visible() -> None:
    layer = docks["layer"]
    for node in QgsProject.instance().layerTreeRoot().findLayers():  # the working layer over the départements
        node.setItemVisibilityChecked(node.layer() is layer or node.layer().name() == "Départements")
    iface.setActiveLayer(layer)
    iface.messageBar().clearWidgets()


def centre_on_marseille(scale: float) -> None:
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY

    canvas = iface.mapCanvas()
    to_map = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"), canvas.mapSettings().destinationCrs(), QgsProject.instance()
    )
    canvas.setCenter(to_map.transform(QgsPointXY(5.3698, 43.2965)))
    canvas.zoomScale(scale)


def side_docks(right: QDockWidget, width: int) -> None:
    layers = window.findChild(QDockWidget, "Layers")
    window.resizeDocks([layers, right], [250, width], Qt.Orientation.Horizontal)


@step(8000)
def validation_dock():
    docks["layer"] = iface.activeLayer()
    only_working_layer_visible()
    for dock in window.findChildren(QDockWidget):
        if window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea:
            dock.close()
    dock = feature_of("ValidationDockFeature").show()
    dock.set_layer(docks["layer"])
    side_docks(dock, 580)
    docks["validation"] = dock


@step(6000)
def validation_select():
    iface.messageBar().clearWidgets()
    dock = docks["validation"]
    item = dock.model.find(lambda it: it.issue.code == "whitespace" and it.issue.suggestion is not None)
    if item is not None:
        dock.select_item(item)


@step(1500)
def validation_shot():
    grab("validation-dock")
    dock = docks["validation"]
    dock.group_combo.setCurrentIndex(1)  # by rule


@step(1500)
def validation_rules_select():
    dock = docks["validation"]
    item = dock.model.find(lambda it: it.issue.code == "opening-hours-invalid")
    if item is not None:
        dock.select_item(item)


@step(1000)
def validation_rules_shot():
    grab("validation-dock-rules")


@step(300)
def merge_dialog():
    from lieux_mednum.plugin.gui.merge_dialog import MergeDialog

    dock = docks["validation"]
    item = dock.model.find(lambda it: it.issue.code == "probable-duplicate")
    if item is None:
        return
    dock.select_item(item)
    other = dock.partner_of(item)
    labels = (dock.model.lieu_label(item.key), dock.model.lieu_label(other))
    dialog = MergeDialog(dock.live.record(item.key), dock.live.record(other), labels, parent=dock)
    dialog.resize(1000, 600)
    dialog.move(180, 60)
    dialog.show()
    docks["merge"] = dialog


@step(1500)
def merge_shot():
    if "merge" in docks:
        grab("validation-merge")
        docks["merge"].reject()
    docks["validation"].close()


@step(300)
def orientation_needs():
    import datetime as dt

    from lieux_mednum.plugin.core.orientation.query import Query

    dock = feature_of("OrientationFeature").dock
    dock.setUserVisible(True)
    only_working_layer_visible()
    side_docks(dock, 430)
    dock.set_layer(docks["layer"])
    iface.zoomToActiveLayer()
    docks["orientation"] = dock
    docks["needs"] = Query({"services": ("Aide aux démarches administratives",), "frais_a_charge": ("Gratuit",)})
    docks["when"] = Query(open_at=dt.datetime(2024, 7, 16, 10, 30))


@step(4000)
def orientation_needs_filter():
    dock = docks["orientation"]
    dock.set_query(docks["needs"])
    dock.tabs.setCurrentIndex(0)


@step(2500)
def orientation_needs_shot():
    grab("orientation-besoins")
    from lieux_mednum.plugin.core.orientation.query import Around, Query

    dock = docks["orientation"]
    dock.set_query(Query(open_at=docks["when"].open_at, around=Around(43.2965, 5.3698, 15.0, "Marseille (13055)")))
    dock.tabs.setCurrentIndex(1)
    centre_on_marseille(150000)


@step(2500)
def orientation_when_shot():
    grab("orientation-lieu-moment")
    docks["orientation"].tabs.setCurrentIndex(2)


@step(2000)
def orientation_results_shot():
    grab("orientation-resultats")
    dock = docks["orientation"]
    dock.reset()
    dock.tabs.setCurrentIndex(0)
    dock.service_style_check.setChecked(True)
    centre_on_marseille(60000)
    QgsProject.instance().layerTreeRoot().findLayer(docks["layer"].id()).setExpanded(True)


@step(3000)
def orientation_services_shot():
    grab("orientation-services")


run_steps()
