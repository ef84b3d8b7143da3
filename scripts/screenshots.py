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
             if d.isVisible() and window.dockWidgetArea(d) == Qt.BottomDockWidgetArea]
    print("bottom docks:", [(d.objectName(), d.windowTitle()) for d in docks], flush=True)
    if docks:
        window.resizeDocks(docks, [200] * len(docks), Qt.Vertical)
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


run_steps()
