"""Screenshot of the dock « Couverture du territoire » — run inside QGIS by scripts/screenshot_coverage.sh.

Opens the sample as a working GeoPackage over the bundled département outlines, shows the dock, audits the
Provence-Alpes-Côte d'Azur région for « Aide aux démarches administratives » within 10 km (in its task), grabs
the screen, writes the PDF report to demo-output/couverture.pdf and quits QGIS.
"""

import os
import traceback
from pathlib import Path

from qgis.core import QgsFillSymbol, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QApplication, QDockWidget
from qgis.utils import iface, plugins

OUT = Path(os.environ["MEDNUM_SCREENSHOT_DIR"])
REPO = Path(os.environ["MEDNUM_DEMO_REPO"])
SAMPLE = Path(os.environ["MEDNUM_DEMO_FILE"])
WORK = Path(os.environ["MEDNUM_WORK"])
BACKGROUND = REPO / "resources" / "reference" / "departements-simplifies.geojson"
DEMARCHES = "Aide aux démarches administratives"
state = {}


def log(text: str) -> None:
    with open(REPO / "demo-output" / "screenshot_coverage.trace", "a", encoding="utf-8") as handle:
        handle.write(text + "\n")


def grab(name: str) -> None:
    QApplication.processEvents()
    QApplication.primaryScreen().grabWindow(0).save(str(OUT / f"{name}.png"))
    log(f"grabbed {name}")


def start() -> None:
    from lieux_mednum.plugin.gui.coverage_feature import CoverageFeature
    from lieux_mednum.plugin.gui.lieux_files import add_working_layer
    from lieux_mednum.plugin.qgis.import_export import import_lieux
    from lieux_mednum.plugin.qgis.working_layer import load_working_layer

    window = iface.mainWindow()
    window.move(0, 0)
    window.resize(1366, 768)
    for dock in window.findChildren(QDockWidget):
        if dock.objectName() == "Browser":
            dock.hide()
    project = QgsProject.instance()
    background = QgsVectorLayer(str(BACKGROUND), "Départements", "ogr")
    background.renderer().setSymbol(
        QgsFillSymbol.createSimple({"color": "#f2efe9", "outline_color": "#9e958a", "outline_width": "0.3"})
    )
    project.addMapLayer(background)
    gpkg = WORK / f"{SAMPLE.stem}_travail.gpkg"
    import_lieux(SAMPLE, gpkg)
    layer = add_working_layer(load_working_layer(gpkg), iface)
    layer.setSubsetString("")
    for node in project.layerTreeRoot().findLayers():
        if node.layer() is layer:
            node.setItemVisibilityChecked(False)  # the communes' classes are the subject here
    feature = next(f for f in plugins["lieux_mednum"].features if isinstance(f, CoverageFeature))
    dock = feature.dock
    dock.setUserVisible(True)
    window.addDockWidget(Qt.RightDockWidgetArea, dock)
    window.resizeDocks([dock], [560], Qt.Horizontal)
    for other in window.findChildren(QDockWidget):
        if other is not dock and window.dockWidgetArea(other) == Qt.RightDockWidgetArea and other.isVisible():
            other.hide()
    dock.layer_combo.setLayer(layer)
    dock.set_territory_text("region:93")
    dock.set_selection("services", (DEMARCHES,))
    dock.radius_spin.setValue(10)
    state["dock"] = dock
    iface.messageBar().clearWidgets()
    dock.run()
    QTimer.singleShot(500, wait)


def wait(tries: int = 0) -> None:
    dock = state["dock"]
    if dock.result is None and tries < 100:
        QTimer.singleShot(200, lambda: wait(tries + 1))
        return
    iface.messageBar().clearWidgets()
    QTimer.singleShot(2500, shoot)


def shoot() -> None:
    dock = state["dock"]
    grab("couverture-dock")
    dock.export_report(REPO / "demo-output" / "couverture.pdf")
    log("report written")
    QgsProject.instance().setDirty(False)
    QTimer.singleShot(500, iface.actionExit().trigger)
    QTimer.singleShot(5000, lambda: os._exit(0))  # a question at exit would wait for ever under Xvfb


def guarded(function):
    def run(*args):
        try:
            function(*args)
        except Exception:  # noqa: BLE001 (printed to the log, then QGIS quits)
            log(traceback.format_exc())
            iface.actionExit().trigger()

    return run


start, wait, shoot = guarded(start), guarded(wait), guarded(shoot)
log("loaded")
QTimer.singleShot(3000, start)
