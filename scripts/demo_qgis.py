"""make demo with a display — run inside QGIS (``qgis --code scripts/demo_qgis.py``) by scripts/demo.sh.

The installed plugin validates the sample through its Processing algorithm; the lieux (styled by severity) and
the issues table are added to a new project over the départements, the issues table is opened, and the
project is saved in demo-output/ to be reopened later.
"""

import os
from pathlib import Path

import processing
from qgis.core import Qgis, QgsCoordinateReferenceSystem, QgsFillSymbol, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface

SAMPLE = Path(os.environ["MEDNUM_DEMO_FILE"])
OUT = Path(os.environ["MEDNUM_DEMO_OUTPUT"])
REPO = Path(os.environ.get("MEDNUM_DEMO_REPO", SAMPLE.parent.parent))
BACKGROUND = REPO / "resources" / "reference" / "departements-simplifies.geojson"


def loaded_layer(path: Path):
    """The layer Processing loaded from ``path`` into the project."""
    for layer in QgsProject.instance().mapLayers().values():
        if layer.source().split("|")[0] == str(path):
            return layer
    return None


def run_demo() -> None:
    project = QgsProject.instance()
    project.clear()
    if BACKGROUND.exists():
        background = QgsVectorLayer(str(BACKGROUND), "Départements", "ogr")
        background.renderer().setSymbol(
            QgsFillSymbol.createSimple({"color": "#f2efe9", "outline_color": "#9e958a", "outline_width": "0.3"})
        )
        project.addMapLayer(background)
    results = processing.runAndLoadResults(
        "mednum:validate",
        {
            "INPUT": str(SAMPLE),
            "OUTPUT": str(OUT / "anomalies.gpkg"),
            "FLAGGED": str(OUT / "lieux-valides.gpkg"),
        },
    )
    lieux, issues = loaded_layer(OUT / "lieux-valides.gpkg"), loaded_layer(OUT / "anomalies.gpkg")
    if lieux is not None:
        lieux.setName(SAMPLE.stem)
        project.layerTreeRoot().findLayer(lieux.id()).setCustomProperty("showFeatureCount", True)
        iface.setActiveLayer(lieux)
    if issues is not None:
        issues.setName("Anomalies")
        iface.showAttributeTable(issues)
    iface.messageBar().pushMessage(
        "Lieux de médiation numérique",
        f"{SAMPLE.name} : {results['ROWS']} lieux, {results['ERRORS']} erreurs, {results['WARNINGS']} avertissements.",
        Qgis.Warning if results["ERRORS"] else Qgis.Success,
        0,
    )
    # QGIS gives a new project the CRS of its first layer once the event loop runs: Lambert-93 after that
    QTimer.singleShot(0, lambda: finish(lieux))


def finish(lieux) -> None:
    project = QgsProject.instance()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    if lieux is not None:
        iface.zoomToActiveLayer()
    project.write(str(OUT / "demo.qgz"))


run_demo()
