"""make demo without a display: the plugin installed by make install opens the sample as a working GeoPackage
and validates it in a headless QGIS, then writes the HTML and JSON reports and a PNG map (a QGIS print layout)
into the output folder.

Run by scripts/demo.sh with the Python QGIS runs (/usr/bin/python3): it proves that the installed plugin and its
dependencies work for QGIS itself. Usage: demo_headless.py SAMPLE OUTPUT_DIR
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

SAMPLE, OUT = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
REPO = Path(__file__).resolve().parents[1]
BACKGROUND = REPO / "resources" / "reference" / "departements-simplifies.geojson"
CONFIG_ROOT = Path(os.environ.get("QGIS_CUSTOM_CONFIG_PATH") or Path.home() / ".local/share/QGIS/QGIS3")
PLUGINS_DIR = CONFIG_ROOT / "profiles" / os.environ.get("QGIS_PROFILE", "default") / "python" / "plugins"

if not (PLUGINS_DIR / "lieux_mednum" / "metadata.txt").exists():
    sys.exit(f"L'extension n'est pas installée dans {PLUGINS_DIR} : lancez d'abord « make install ».")
sys.path.insert(0, str(PLUGINS_DIR))

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProcessingFeedback,
    QgsProject,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QSize  # noqa: E402
from qgis.PyQt.QtGui import QFont  # noqa: E402

# the user's QGIS settings, as QGIS Desktop reads them (<profile>/QGIS/QGIS3.ini)
QCoreApplication.setOrganizationName("QGIS")
QCoreApplication.setApplicationName("QGIS3")
app = QgsApplication([], False)
app.initQgis()
sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
from processing.core.Processing import Processing  # noqa: E402

Processing.initialize()
import lieux_mednum  # noqa: E402  (the installed plugin)
import processing  # noqa: E402
from lieux_mednum.plugin.core.dependencies import missing_message, missing_requirements  # noqa: E402

missing = missing_requirements()
if missing:
    sys.exit(missing_message(missing))

plugin = lieux_mednum.classFactory(None)  # as qgis_process loads a plugin: no interface, Processing only
plugin.initProcessing()
from lieux_mednum.plugin.core.readers import read_table  # noqa: E402
from lieux_mednum.plugin.core.report_html import Lieu, render_html  # noqa: E402
from lieux_mednum.plugin.core.report_stream import write_json_report  # noqa: E402
from lieux_mednum.plugin.core.validation.issue_set import issue_counts, issue_options, issue_set  # noqa: E402
from lieux_mednum.plugin.qgis.live_validation import duplicate_settings  # noqa: E402
from lieux_mednum.plugin.qgis.styles import apply_severity_style  # noqa: E402

OUT.mkdir(parents=True, exist_ok=True)
issues_csv, flagged_gpkg = OUT / "anomalies.csv", OUT / "lieux-valides.gpkg"
html_path, json_path, png_path = OUT / "rapport.html", OUT / "rapport.json", OUT / "carte.png"
working_gpkg = OUT / "lieux-de-travail.gpkg"
for stale in (working_gpkg, flagged_gpkg):
    stale.unlink(missing_ok=True)

# 0. the sample as a working layer (the GeoPackage QGIS opens with the standard's edit form), as in QGIS
imported = processing.run("mednum:import", {"INPUT": str(SAMPLE), "OUTPUT": str(working_gpkg)})

# 1. the Processing validation of the file, as the toolbox and qgis_process run it
started = time.perf_counter()
results = processing.run(
    "mednum:validate",
    {"INPUT": str(SAMPLE), "OUTPUT": str(issues_csv), "FLAGGED": str(flagged_gpkg)},
    feedback=QgsProcessingFeedback(),
)
elapsed = time.perf_counter() - started

# 2. the reports of the same issue set as the dock, the message bar and Processing (duplicates included)
table = read_table(SAMPLE)
report = issue_set(table, options=issue_options(duplicates=duplicate_settings()))
report.source = SAMPLE.name
counts = issue_counts(report)
assert (report.rows, counts.total_errors, counts.total_warnings, counts.duplicates) == (
    results["ROWS"], results["ERRORS"], results["WARNINGS"], results["DUPLICATES"])
with json_path.open("w", encoding="utf-8") as stream:
    write_json_report(report, stream)
lieux = {n: Lieu(row.get("nom", ""), row.get("commune", "")) for n, row in zip(table.row_numbers, table.rows)}
html_path.write_text(render_html(report, source=SAMPLE.name, lieux=lieux), encoding="utf-8")

# 3. the map: the flagged lieux styled by severity over the départements, in a print layout
project = QgsProject.instance()
lieux_layer = QgsVectorLayer(str(flagged_gpkg), "Lieux", "ogr")
apply_severity_style(lieux_layer)
layers = [lieux_layer]
if BACKGROUND.exists():
    background = QgsVectorLayer(str(BACKGROUND), "Départements", "ogr")
    background.setRenderer(background.renderer().clone())
    background.renderer().setSymbol(
        QgsFillSymbol.createSimple({"color": "#f2efe9", "outline_color": "#9e958a", "outline_width": "0.3"})
    )
    layers.append(background)
project.addMapLayers(layers)
project.layerTreeRoot().findLayer(lieux_layer.id()).setCustomProperty("showFeatureCount", True)
counter = lieux_layer.countSymbolFeatures()  # the legend's counts per class (a background task)
if counter is not None:
    counter.waitForFinished(60000)

lambert = QgsCoordinateReferenceSystem("EPSG:2154")
layout = QgsPrintLayout(project)
layout.initializeDefaults()  # one A4 landscape page
title = QgsLayoutItemLabel(layout)
title.setText(f"Lieux de médiation numérique — {SAMPLE.name}")
title.setFont(QFont("DejaVu Sans", 18, QFont.Weight.Bold))
title.attemptMove(QgsLayoutPoint(10, 6, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
title.attemptResize(QgsLayoutSize(277, 12, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
layout.addLayoutItem(title)
subtitle = QgsLayoutItemLabel(layout)
subtitle.setText(f"{report.rows} lieux validés · {counts.text()}")
subtitle.setFont(QFont("DejaVu Sans", 11))
subtitle.attemptMove(QgsLayoutPoint(10, 18, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
subtitle.attemptResize(QgsLayoutSize(277, 8, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
layout.addLayoutItem(subtitle)

map_item = QgsLayoutItemMap(layout)
# size first: moving a map item that has no size yet leaves it with an empty (NaN) extent on QGIS 3.22
map_item.attemptResize(QgsLayoutSize(205, 172, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
map_item.attemptMove(QgsLayoutPoint(10, 28, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
map_item.setCrs(lambert)
map_item.setLayers(layers)
extent = QgsCoordinateTransform(lieux_layer.crs(), lambert, project).transformBoundingBox(lieux_layer.extent())
map_item.zoomToExtent(extent.buffered(max(extent.width(), extent.height()) * 0.05))
map_item.setFrameEnabled(True)
layout.addLayoutItem(map_item)

legend = QgsLayoutItemLegend(layout)
legend.setLinkedMap(map_item)
legend.setAutoUpdateModel(False)
legend_root = legend.model().rootGroup()
legend_root.clear()
legend_root.addLayer(lieux_layer).setCustomProperty("showFeatureCount", True)
legend.setTitle("Anomalies")
legend.attemptMove(QgsLayoutPoint(222, 28, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
layout.addLayoutItem(legend)

scale_bar = QgsLayoutItemScaleBar(layout)
scale_bar.setLinkedMap(map_item)
scale_bar.applyDefaultSettings()
scale_bar.setUnits(QgsUnitTypes.DistanceUnit.DistanceKilometers)
scale_bar.setNumberOfSegments(2)
scale_bar.setNumberOfSegmentsLeft(0)
scale_bar.setUnitsPerSegment(25)
scale_bar.setUnitLabel("km")
scale_bar.attemptMove(QgsLayoutPoint(222, 170, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
layout.addLayoutItem(scale_bar)

credits = QgsLayoutItemLabel(layout)
credits.setText("Données : Hub du Sud, ANCT (Licence Ouverte 2.0)\n"
                "Fond : IGN Admin Express 2018, france-geojson (Licence Ouverte 2.0)\n"
                "Validation : extension QGIS lieux_mednum")
credits.setFont(QFont("DejaVu Sans", 7))
credits.attemptResize(QgsLayoutSize(70, 14, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
credits.attemptMove(QgsLayoutPoint(222, 186, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
layout.addLayoutItem(credits)

# the page as an image (exportToImage would also try to georeference the PNG, which GDAL cannot update)
image = QgsLayoutExporter(layout).renderPageToImage(0, QSize(), 150)
if image.isNull() or not image.save(str(png_path)):
    sys.exit("La carte n'a pas pu être exportée.")

codes: dict[str, int] = {}
for issue in report.issues:
    codes[issue.code] = codes.get(issue.code, 0) + 1
print(f"\n{SAMPLE.name}\u00a0: {report.rows} lieux · {counts.text()} (validation Processing en {elapsed:.2f} s)")
for code, count in sorted(codes.items(), key=lambda item: -item[1])[:8]:
    print(f"  {count:5d}  {code}")
print(f"Couche de travail : {imported['LIEUX']} lieux, dont {imported['WITHOUT_COORDINATES']} sans coordonnées ; "
      f"colonnes hors standard gardées à part : {imported['EXTRA_COLUMNS'] or 'aucune'}")
print("\nFichiers écrits :")
for path in (html_path, json_path, png_path, issues_csv, flagged_gpkg, working_gpkg):
    print(f"  {path}")
project.clear()
app.exitQgis()
