"""Benchmark of the plugin shell and ``mednum:validate`` on the 50,000-lieux file:
``make bench ARGS="--only processing"``.

* ``plugin_load`` — ``classFactory`` + ``initGui`` + ``unload`` of the plugin (what it adds to QGIS start-up;
  target < 500 ms);
* ``validate_processing_file_50k`` — ``processing.run("mednum:validate")`` on the CSV (read, validate, issues
  written to a GeoPackage), rows/s, and ``validate_processing_overhead``: its CPU time over the engine's own
  ``read_table`` + ``issue_set`` (the same validation: every rule, probable duplicates) measured in the same run
  (target ≤ 1.5×);
* ``records_from_layer_50k`` — ``records_from_layer`` on a 50,000-feature GeoPackage layer (rows/s);
* ``validate_processing_layer_50k`` — ``mednum:validate`` on that layer with the FLAGGED copy (rows/s).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path


def _qgis():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication.instance()
    if app is None:
        app = QgsApplication([], True)
        app.initQgis()
        _qgis.keep = app
    plugins = os.path.join(QgsApplication.pkgDataPath(), "python", "plugins")
    if plugins not in sys.path:
        sys.path.append(plugins)
    from processing.core.Processing import Processing

    Processing.initialize()
    return app


def run(ctx) -> None:
    _qgis()
    from unittest.mock import MagicMock

    import processing
    from qgis.core import QgsApplication, QgsVectorFileWriter, QgsVectorLayer
    from qgis.gui import QgsMessageBar
    from qgis.PyQt.QtWidgets import QMainWindow

    from plugin.core.readers import read_table
    from plugin.core.validation.issue_set import issue_set
    from plugin.main import LieuxMednumPlugin
    from plugin.processing.provider import MednumProvider
    from plugin.qgis.layer_records import records_from_layer

    window, bar = QMainWindow(), QgsMessageBar()
    iface = MagicMock()
    iface.mainWindow.return_value = window
    iface.messageBar.return_value = bar
    iface.addToolBar.side_effect = window.addToolBar

    def load_and_unload():
        plugin = LieuxMednumPlugin(iface)
        plugin.initGui()
        plugin.unload()

    load_seconds = ctx.median(load_and_unload, warmup=1)
    ctx.report("plugin_load", load_seconds * 1000, "ms", target=500, note="classFactory + initGui + unload")

    registry = QgsApplication.processingRegistry()
    provider = MednumProvider()
    registry.addProvider(provider)
    work = Path(tempfile.mkdtemp(prefix="bench-processing-", dir=ctx.path("")))
    try:
        source = str(ctx.data_csv)
        rows = ctx.rows

        def engine():
            return issue_set(read_table(source))

        def through_processing():
            return processing.run("mednum:validate", {"INPUT": source, "OUTPUT": str(work / "issues.gpkg")})

        engine_s = ctx.median(engine, repeat=3, warmup=1)
        engine_cpu = ctx.last_cpu_seconds
        processing_s, result = ctx.measure(through_processing, repeat=3, warmup=1)
        processing_cpu = ctx.last_cpu_seconds
        ctx.report("validate_processing_file_50k", rows / processing_s, "rows/s",
                   note=f"median {processing_s:.2f} s, {result['ERRORS']} errors, {result['WARNINGS']} warnings")
        # CPU seconds: steadier than wall-clock on a shared machine
        ctx.report("validate_processing_overhead", processing_cpu / engine_cpu, "×", target="<= 1.5",
                   note=f"CPU {processing_cpu:.2f} s vs engine alone {engine_cpu:.2f} s (wall {engine_s:.2f} s)")

        csv_layer = QgsVectorLayer(source, "csv", "ogr")
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        gpkg = str(work / "lieux.gpkg")
        QgsVectorFileWriter.writeAsVectorFormatV3(csv_layer, gpkg, csv_layer.transformContext(), options)
        layer = QgsVectorLayer(gpkg, "lieux", "ogr")
        read_s = ctx.median(lambda: records_from_layer(layer), repeat=3)
        ctx.report("records_from_layer_50k", layer.featureCount() / read_s, "rows/s", note=f"median {read_s:.2f} s")

        def validate_layer():
            return processing.run("mednum:validate", {"INPUT": layer, "OUTPUT": "TEMPORARY_OUTPUT",
                                                      "FLAGGED": "TEMPORARY_OUTPUT"})

        layer_s = ctx.median(validate_layer, repeat=3)
        ctx.report("validate_processing_layer_50k", layer.featureCount() / layer_s, "rows/s",
                   note=f"median {layer_s:.2f} s, with the FLAGGED copy")
    finally:
        registry.removeProvider(provider)
        shutil.rmtree(work, ignore_errors=True)
