"""Benchmark of the working layer (issue 3) on the 50,000-lieux file.

Reports (harness contract: ``run(ctx)`` → ``ctx.report(name, value, unit, target, note)``, medians):

* ``working_layer_open_50k_seconds`` — open the CSV into a working layer as the plugin does: read, validate
  (for the import summary), write the working GeoPackage (+ side table, spatial index, stored form and style),
  open the layer with its form;
* ``qgis_ogr_open_50k_seconds`` — QGIS's own OGR open of the same CSV, every feature read (what the attribute
  table or a first full draw costs), and ``working_layer_open_ratio`` — the first over the second (target ≤ 3);
* ``working_layer_open_steps`` — the same import step by step (read, validate, write GeoPackage, style, open);
* ``form_open_50k_ms`` — opening the attribute form of one lieu of the 50,000-lieux layer (target < 300 ms);
* ``export_50k_csv_seconds`` — records read back from the layer, validated and written as the standard's CSV
  (target < 3 s).

Standalone: ``.venv/bin/python -m bench.bench_working_layer [path/to/lieux.csv]``.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPEAT = 3


def _qgis_app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication
    from qgis.gui import QgsGui

    app = QgsApplication.instance()
    if app is None:
        app = QgsApplication([], True)
        app.initQgis()
        _qgis_app.keep = app  # keep a reference for the process' lifetime
    if "TextEdit" not in QgsGui.editorWidgetRegistry().factories():
        QgsGui.editorWidgetRegistry().initEditors()
    from plugin.gui.editor_widgets import register_editor_widgets

    register_editor_widgets()
    return app


def _timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def _median(ctx, fn, repeat: int = REPEAT) -> float:
    if hasattr(ctx, "median"):
        return ctx.median(fn, repeat=repeat)
    return statistics.median(_timed(fn)[0] for _ in range(repeat))


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
    work = Path(tempfile.mkdtemp(prefix="bench-working-layer-"))
    schema = load_schema()
    try:
        gpkg = work / "lieux.gpkg"

        def open_working_layer():
            import_lieux(source, gpkg)
            return load_working_layer(gpkg)

        def open_with_ogr():
            layer = QgsVectorLayer(str(source), "csv", "ogr")
            return sum(1 for _ in layer.getFeatures())

        assert open_with_ogr() >= 1
        ours = _median(ctx, open_working_layer)
        theirs = _median(ctx, open_with_ogr)
        ctx.report("working_layer_open_50k_seconds", ours, "s", note="read + validate + GeoPackage + form/style + open")
        ctx.report("qgis_ogr_open_50k_seconds", theirs, "s", note="QgsVectorLayer(csv, 'ogr') + every feature read")
        ctx.report("working_layer_open_ratio", ours / theirs, "x", target=3.0, note="working layer / OGR open")

        read_s, table = _timed(lambda: read_table(source))
        records = table.schema_records(schema)
        validate_s, _ = _timed(lambda: validate_records(records, schema))
        side = side_table_of(table, schema)
        write_s, _ = _timed(lambda: create_working_geopackage(work / "steps.gpkg", records, side, store_style=False))
        style_s, _ = _timed(lambda: store_form_and_style(work / "steps.gpkg"))
        load_s, layer = _timed(lambda: load_working_layer(work / "steps.gpkg"))
        ctx.report(
            "working_layer_open_steps",
            read_s + validate_s + write_s + style_s + load_s,
            "s",
            note=f"read {read_s:.2f} · validate {validate_s:.2f} · GeoPackage {write_s:.2f} · "
            f"form+style {style_s:.2f} · open {load_s:.2f}",
        )

        layer = load_working_layer(gpkg)
        feature = next(layer.getFeatures(QgsFeatureRequest().setFilterFid(layer.featureCount() // 2)))

        def open_form():
            dialog = QgsAttributeDialog(layer, feature, False, None, True)
            dialog.show()
            QApplication.processEvents()
            dialog.close()
            dialog.deleteLater()

        open_form()  # first form: widget classes and the schema are loaded once per session
        form_ms = 1000 * _median(ctx, open_form, repeat=5)
        ctx.report("form_open_50k_ms", form_ms, "ms", target=300.0, note="QgsAttributeDialog of one lieu, shown")

        out = work / "export.csv"
        export_s = _median(ctx, lambda: export_records(records_from_layer(layer), out))
        read_back_s, _ = _timed(lambda: records_from_layer(layer))
        ctx.report(
            "export_50k_csv_seconds",
            export_s,
            "s",
            target=3.0,
            note=f"layer → records {read_back_s:.2f} s, validated, conformant CSV written",
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


class _StandaloneContext:
    def __init__(self, data_csv: Path):
        self.data_csv = data_csv

    def report(self, name, value, unit, target=None, note=""):
        status = "" if target is None else ("  OK" if value <= target else "  ABOVE TARGET")
        target_text = "" if target is None else f" (target ≤ {target:g} {unit})"
        print(f"{name:36s} {value:10.3f} {unit}{target_text}{status}  {note}")

    def median(self, fn, repeat=REPEAT):
        return statistics.median(_timed(fn)[0] for _ in range(repeat))


def main(argv: list[str]) -> None:
    sys.path.insert(0, str(ROOT))
    if argv:
        data = Path(argv[0])
    else:
        from bench.generate import generate  # the harness's 50,000-row file (cached in bench-output/)

        data = Path(generate())
    run(_StandaloneContext(data))


if __name__ == "__main__":
    main(sys.argv[1:])
