"""make demo with a display — run inside QGIS (``qgis --code scripts/demo_qgis.py``) by scripts/demo.sh.

The installed plugin opens the sample as a working layer (mednum:import: GeoPackage with the standard's edit form)
and validates it (mednum:validate): the working layer, a copy coloured by the worst issue of each lieu and the
issues table are added over the départements, the message bar gives the counts and a button that opens the
issues table, and the project is saved in demo-output/ to be reopened later.
"""

import os
from pathlib import Path

import processing
from qgis.core import Qgis, QgsCoordinateReferenceSystem, QgsFillSymbol, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QPushButton
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

    # 1. the sample becomes a working layer (GeoPackage with the standard's form); the source stays untouched
    working_gpkg = OUT / "lieux-de-travail.gpkg"
    for stale in (working_gpkg, OUT / "anomalies.gpkg", OUT / "lieux-valides.gpkg"):
        stale.unlink(missing_ok=True)
    processing.runAndLoadResults("mednum:import", {"INPUT": str(SAMPLE), "OUTPUT": str(working_gpkg)})
    working = loaded_layer(working_gpkg)

    # 2. the working layer is validated: issues table + a copy of the lieux coloured by their worst issue
    results = processing.runAndLoadResults(
        "mednum:validate",
        {
            "INPUT": working.id() if working is not None else str(SAMPLE),
            "OUTPUT": str(OUT / "anomalies.gpkg"),
            "FLAGGED": str(OUT / "lieux-valides.gpkg"),
        },
    )
    lieux, issues = loaded_layer(OUT / "lieux-valides.gpkg"), loaded_layer(OUT / "anomalies.gpkg")
    root = project.layerTreeRoot()
    if lieux is not None:
        # on top: the colour of each lieu's worst issue; the working layer under it stays the active layer,
        # so that the identify tool and the edit form act on it
        lieux.setName("Gravité des anomalies")
        node = root.findLayer(lieux.id())
        node.setCustomProperty("showFeatureCount", True)
        node.setExpanded(True)
        root.insertChildNode(0, node.clone())
        root.removeChildNode(node)
    if working is not None:
        iface.setActiveLayer(working)
    bar = iface.messageBar()
    item = bar.createMessage(
        "Lieux de médiation numérique",
        f"{SAMPLE.name}\u00a0: {results['ROWS']} lieux · erreurs\u00a0: {results['ERRORS']}"
        f" · avertissements\u00a0: {results['WARNINGS']}",
    )
    if issues is not None:
        issues.setName("Anomalies")
        button = QPushButton("Ouvrir la table des anomalies", item)
        button.clicked.connect(lambda: iface.showAttributeTable(issues))
        item.layout().addWidget(button)
    bar.pushWidget(item, Qgis.MessageLevel.Warning if results["ERRORS"] else Qgis.MessageLevel.Success, 0)
    # QGIS gives a new project the CRS of its first layer once the event loop runs: Lambert-93 after that
    QTimer.singleShot(0, lambda: finish(working or lieux))


def finish(lieux) -> None:
    project = QgsProject.instance()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    if lieux is not None:
        iface.zoomToActiveLayer()
    project.write(str(OUT / "demo.qgz"))


run_demo()
