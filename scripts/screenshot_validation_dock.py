"""Screenshots of the "Validation" dock — run inside QGIS by scripts/screenshot_validation_dock.sh.

Opens the sample as a working GeoPackage, shows the dock on it (full pass in its task), selects an issue (zoom,
flash), then the tree grouped by rule, then the merge dialog of a probable duplicate; grabs the screen each time.
"""

import os
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
state = {}


def grab(name: str) -> None:
    QApplication.processEvents()
    QApplication.primaryScreen().grabWindow(0).save(str(OUT / f"{name}.png"))
    print("grabbed", name, flush=True)


def later(delay_ms: int, function) -> None:
    QTimer.singleShot(delay_ms, function)


def start() -> None:
    from lieux_mednum.plugin.gui.lieux_files import add_working_layer
    from lieux_mednum.plugin.gui.validation_feature import ValidationDockFeature
    from lieux_mednum.plugin.qgis.import_export import import_lieux
    from lieux_mednum.plugin.qgis.working_layer import load_working_layer

    window = iface.mainWindow()
    window.move(0, 0)
    window.resize(1366, 768)
    for dock in window.findChildren(QDockWidget):
        if dock.objectName() in ("Browser", "Layers") and dock.isVisible():
            dock.hide() if dock.objectName() == "Browser" else None
    project = QgsProject.instance()
    if BACKGROUND.exists():
        background = QgsVectorLayer(str(BACKGROUND), "Départements", "ogr")
        background.renderer().setSymbol(
            QgsFillSymbol.createSimple({"color": "#f2efe9", "outline_color": "#9e958a", "outline_width": "0.3"})
        )
        project.addMapLayer(background)
    gpkg = WORK / f"{SAMPLE.stem}_travail.gpkg"
    import_lieux(SAMPLE, gpkg)
    layer = add_working_layer(load_working_layer(gpkg), iface)
    state["layer"] = layer
    plugin = plugins["lieux_mednum"]
    feature = next(f for f in plugin.features if isinstance(f, ValidationDockFeature))
    dock = feature.show()
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.resizeDocks([dock], [600], Qt.Orientation.Horizontal)
    dock.set_layer(layer)
    state["dock"] = dock
    wait_ready()


def wait_ready() -> None:
    dock = state["dock"]
    if dock.live is None or not dock.live.ready:
        later(300, wait_ready)
        return
    later(800, select_issue)


def select_issue() -> None:
    dock = state["dock"]
    model = dock.model
    item = model.find(lambda item: item.issue.suggestion is not None) or model.find(lambda item: True)
    tree = dock.tree
    for row in range(min(3, model.rowCount())):
        tree.expand(model.index(row, 0))
    dock.select_item(item)
    later(1500, lambda: (grab("validation-dock"), later(200, by_rule)))


def by_rule() -> None:
    dock = state["dock"]
    dock.group_combo.setCurrentIndex(dock.group_combo.findData("rule"))
    model = dock.model
    for row in range(min(2, model.rowCount())):
        dock.tree.expand(model.index(row, 0))
    later(1200, lambda: (grab("validation-dock-rules"), later(200, merge)))


def merge() -> None:
    from lieux_mednum.plugin.gui.merge_dialog import MergeDialog

    dock = state["dock"]
    item = dock.model.find(lambda item: item.issue.code == "probable-duplicate")
    if item is None:
        print("no duplicate to merge", flush=True)
        later(200, finish)
        return
    other = dock.partner_of(item)
    dialog = MergeDialog(dock.live.record(item.key), dock.live.record(other),
                         (dock.model.lieu_label(item.key), dock.model.lieu_label(other)), parent=iface.mainWindow())
    dialog.move(180, 60)
    dialog.resize(1000, 640)
    dialog.show()
    state["merge"] = dialog
    later(1500, lambda: (grab("validation-merge"), dialog.close(), later(200, finish)))


def finish() -> None:
    QgsProject.instance().setDirty(False)
    later(500, iface.actionExit().trigger)


later(1500, start)
