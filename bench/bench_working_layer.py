"""Benchmark of the working layer (issue 3) on the 50,000-lieux file: ``make bench ARGS="--only working_layer"``.

* ``open_50k_working_layer`` — open the CSV into a working layer as "Open a lieux file…" does until the lieux are
  on the map with their form: read, write the working GeoPackage (side table, spatial index, form and style
  stored), open the layer;
* ``open_50k_qgis_ogr`` — QGIS's own OGR open of the same CSV, every feature read (what the attribute table or a
  first full drawing costs) — and ``open_50k_ratio``, the first over the second, measured in the same repeats
  (target ≤ 3);
* ``open_50k_with_validation`` — the same import with the validation counts of its summary (the GUI computes them
  in a second task while the layer is already shown; Processing waits for them);
* ``open_50k_cpu_steps`` — CPU seconds of each step of the import (read, validate, GeoPackage, form+style, open);
* ``form_open_50k`` — opening the attribute form of one lieu of the 50,000-lieux layer (target < 300 ms);
* ``export_50k_csv`` — the records read back from the layer, validated and written as the standard's CSV
  (target < 3 s), and ``export_50k_cpu_steps`` — CPU seconds of each of those steps.
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path


def _qgis_app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication
    from qgis.gui import QgsGui

    app = QgsApplication.instance()
    if app is None:
        app = QgsApplication([], True)
        app.initQgis()
        _qgis_app.keep = app  # alive for the whole run
    if "TextEdit" not in QgsGui.editorWidgetRegistry().factories():
        QgsGui.editorWidgetRegistry().initEditors()
    from plugin.gui.editor_widgets import register_editor_widgets

    register_editor_widgets()
    return app


def _cpu(fn) -> tuple[float, object]:
    start = time.process_time()
    value = fn()
    return time.process_time() - start, value


def run(ctx) -> None:
    _qgis_app()
    from qgis.core import QgsFeatureRequest, QgsVectorLayer
    from qgis.gui import QgsAttributeDialog
    from qgis.PyQt.QtWidgets import QApplication

    from plugin.core.readers import read_table
    from plugin.core.schema import load_schema
    from plugin.core.validation import validate_records
    from plugin.qgis.import_export import export_records, import_lieux, side_table_of
    from plugin.qgis.working_layer import (
        create_working_geopackage,
        load_working_layer,
        records_from_layer,
        store_form_and_style,
    )

    source = Path(ctx.data_csv)
    work = Path(tempfile.mkdtemp(prefix="bench-working-layer-", dir=ctx.path("")))
    schema = load_schema()
    try:
        gpkg = work / "lieux.gpkg"

        def open_working_layer():
            import_lieux(source, gpkg, validate=False)
            return load_working_layer(gpkg)

        def open_with_validation():
            import_lieux(source, gpkg)
            return load_working_layer(gpkg)

        def open_with_ogr():
            layer = QgsVectorLayer(str(source), "csv", "ogr")
            return sum(1 for _ in layer.getFeatures())

        assert open_with_ogr() > 0
        ours, theirs = [], []
        for _ in range(max(3, ctx.repeat)):  # interleaved: both see the same machine load
            ours.append(ctx.median(open_working_layer, repeat=1))
            theirs.append(ctx.median(open_with_ogr, repeat=1))
        ours_s, theirs_s = statistics.median(ours), statistics.median(theirs)
        ctx.report("open_50k_working_layer", ours_s, "s", note="read + GeoPackage + form/style + open: on the map")
        ctx.report("open_50k_qgis_ogr", theirs_s, "s", note="QgsVectorLayer(csv, 'ogr') + every feature read")
        ctx.report("open_50k_ratio", ours_s / theirs_s, "×", target="<= 3", note="working layer / OGR open")
        full_s = ctx.median(open_with_validation, repeat=max(3, ctx.repeat))
        ctx.report("open_50k_with_validation", full_s, "s", note="the same + validation counts of the summary")

        read_s, table = _cpu(lambda: read_table(source))
        records = table.rows
        validate_s, _ = _cpu(lambda: validate_records(records, schema))
        side = side_table_of(table, schema)
        write_s, _ = _cpu(lambda: create_working_geopackage(work / "steps.gpkg", records, side, store_style=False))
        style_s, _ = _cpu(lambda: store_form_and_style(work / "steps.gpkg"))
        load_s, _ = _cpu(lambda: load_working_layer(work / "steps.gpkg"))
        ogr_s, _ = _cpu(open_with_ogr)
        ctx.report(
            "open_50k_cpu_steps",
            read_s + validate_s + write_s + style_s + load_s,
            "s",
            note=f"CPU: read {read_s:.2f} · validate {validate_s:.2f} · GeoPackage {write_s:.2f} · "
            f"form+style {style_s:.2f} · open {load_s:.2f} (OGR open {ogr_s:.2f})",
        )

        layer = load_working_layer(gpkg)
        feature = next(layer.getFeatures(QgsFeatureRequest().setFilterFid(layer.featureCount() // 2)))

        def open_form():
            dialog = QgsAttributeDialog(layer, feature, False, None, True)
            dialog.show()
            QApplication.processEvents()
            dialog.close()
            dialog.deleteLater()
            QApplication.processEvents()

        form_s = ctx.median(open_form, warmup=1)  # warm-up: widget classes and schema loaded once per session
        ctx.report("form_open_50k", 1000 * form_s, "ms", target=300, note="QgsAttributeDialog of one lieu, shown")

        out = work / "export.csv"
        export_s = ctx.median(lambda: export_records(records_from_layer(layer), out))
        ctx.report("export_50k_csv", export_s, "s", target=3, note="layer → records, validated, conformant CSV written")
        from plugin.core.writers import write_records

        read_back_cpu, exported = _cpu(lambda: records_from_layer(layer))
        validate_cpu, _ = _cpu(lambda: validate_records(exported, schema))
        write_cpu, _ = _cpu(lambda: write_records(out, exported, schema))
        ctx.report(
            "export_50k_cpu_steps",
            read_back_cpu + validate_cpu + write_cpu,
            "s",
            note=f"CPU: layer → records {read_back_cpu:.2f} · validate {validate_cpu:.2f} · write {write_cpu:.2f}",
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
