"""Import → working GeoPackage → export gives back the same records; Processing algorithms; GUI tasks."""

from __future__ import annotations

import json
import re
import time

import pytest
from qgis.core import QgsVectorLayer

from plugin.core.readers import read_table
from plugin.core.validation import apply_fixes, validate_records
from plugin.core.validation.issue_set import issue_set
from plugin.core.writers import write_records
from plugin.qgis.import_export import export_records, import_lieux
from plugin.qgis.working_layer import geopackage_metadata, gpkg_uri, read_side_table, records_from_layer

PACA = "hub-du-sud-paca-2023.json"


def _round_trip(source, tmp_path, schema, fmt="csv"):
    gpkg = tmp_path / "travail.gpkg"
    import_lieux(source, gpkg)
    layer = QgsVectorLayer(gpkg_uri(gpkg), "lieux", "ogr")
    exported = tmp_path / f"export.{fmt}"
    summary = export_records(records_from_layer(layer), exported)
    return summary, read_table(exported).schema_records(schema)


@pytest.mark.parametrize("fmt", ["csv", "json", "geojson"])
def test_round_trip_of_the_valid_example(samples, tmp_path, schema, fmt):
    source = samples / "exemple-valide.csv"
    summary, records = _round_trip(source, tmp_path, schema, fmt)
    assert records == read_table(source).schema_records(schema)
    assert summary.lieux == 1 and summary.fmt == fmt


def test_exported_csv_is_byte_identical_for_a_conformant_file(samples, tmp_path, schema):
    source = samples / "exemple-valide.csv"
    conformant = tmp_path / "conforme.csv"
    write_records(conformant, read_table(source).schema_records(schema))
    summary, _ = _round_trip(conformant, tmp_path, schema)
    assert (tmp_path / "export.csv").read_bytes() == conformant.read_bytes()
    header = (tmp_path / "export.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == ",".join(schema.field_names)


def test_round_trip_of_the_paca_sample_after_fixing(samples, tmp_path, schema):
    table = read_table(samples / PACA)
    records = table.schema_records(schema)
    fixed, changes = apply_fixes(records, validate_records(records, schema).issues)
    assert changes  # the sample needs fixing
    fixed_file = tmp_path / "paca-corrige.csv"
    write_records(fixed_file, fixed)
    summary, exported = _round_trip(fixed_file, tmp_path, schema)
    assert exported == fixed
    assert summary.lieux == len(fixed) == 646


def test_paca_import_keeps_everything(samples, tmp_path, schema):
    gpkg = tmp_path / "paca.gpkg"
    summary = import_lieux(samples / PACA, gpkg)
    assert summary.lieux == 646
    assert len(summary.without_point) == 4  # kept, without a point
    assert set(summary.extra_columns) == {"labels_nationaux", "publics_accueillis"}
    layer = QgsVectorLayer(gpkg_uri(gpkg), "lieux", "ogr")
    assert layer.featureCount() == 646
    assert sum(1 for f in layer.getFeatures() if f.geometry().isNull()) == 4
    assert records_from_layer(layer) == read_table(samples / PACA).schema_records(schema)
    side = read_side_table(gpkg)
    raw = json.loads((samples / PACA).read_text(encoding="utf-8"))
    assert [r["labels_nationaux"] for r in side.rows] == [
        "|".join(x) if isinstance(x, list) else (x or "") for x in (item.get("labels_nationaux") for item in raw)
    ]
    report = issue_set(records_from_layer(layer), schema)  # the issue set: duplicates included
    assert (summary.errors, summary.warnings) == (report.errors, report.warnings)
    assert summary.duplicates == 2 and f"doublons probables\u00a0: {summary.duplicates}" in summary.headline()


def test_export_reports_the_validation_of_what_it_wrote(samples, tmp_path, schema):
    records = read_table(samples / PACA).schema_records(schema)
    summary = export_records(records, tmp_path / "paca.csv")
    report = validate_records(read_table(tmp_path / "paca.csv").schema_records(schema), schema)
    assert (summary.lieux, summary.errors, summary.warnings) == (646, report.errors, report.warnings)
    assert summary.conformant == (report.errors == 0)
    verdict = "conforme au standard" if summary.conformant else "NON conforme"  # the French the user reads
    assert verdict in summary.headline()


def test_export_refuses_an_unknown_format_and_the_source(samples, tmp_path, schema):
    from plugin.core.errors import MednumError
    from plugin.qgis.working_layer import WorkingLayerError

    with pytest.raises(WorkingLayerError) as error:
        export_records([], tmp_path / "x.xlsx")
    assert ".csv" in error.value.message
    source = tmp_path / "source.csv"
    source.write_bytes((samples / "exemple-valide.csv").read_bytes())
    with pytest.raises(MednumError):
        export_records(read_table(source).schema_records(schema), source, source_path=source)
    assert source.read_bytes() == (samples / "exemple-valide.csv").read_bytes()


def test_import_can_be_canceled_and_leaves_no_working_layer(samples, tmp_path):
    from plugin.qgis.working_layer import ImportCanceledError, is_working_geopackage

    output = tmp_path / "annule.gpkg"
    with pytest.raises(ImportCanceledError) as error:
        import_lieux(samples / PACA, output, is_canceled=lambda: True)
    assert error.value.message
    assert not is_working_geopackage(output)


def test_import_task_reports_progress_and_cancel(samples, tmp_path, qgis_app):
    from pytest_qgis.utils import wait_until

    from plugin.qgis.tasks import LieuxTask, start_task
    from plugin.qgis.working_layer import ImportCanceledError

    outcome, progress = {}, []
    task = LieuxTask(
        "import", lambda p, c: import_lieux(samples / PACA, tmp_path / "t.gpkg", p, c),
        lambda result, error: outcome.update(result=result, error=error),
    )
    task.progressChanged.connect(progress.append)
    start_task(task)
    assert wait_until(lambda: task.done, timeout_milliseconds=60000)
    assert outcome["error"] is None and outcome["result"].lieux == 646
    assert progress and max(progress) == 100

    def until_canceled(_progress, is_canceled):
        while not is_canceled():
            time.sleep(0.01)
        raise ImportCanceledError()

    canceled = LieuxTask("wait", until_canceled, lambda result, error: outcome.update(result=result, error=error))
    start_task(canceled)
    assert wait_until(lambda: canceled.status() == canceled.TaskStatus.Running, timeout_milliseconds=10000)
    canceled.cancel()  # what the task manager's cancel button does
    assert wait_until(lambda: canceled.done, timeout_milliseconds=10000)
    assert outcome["result"] is None and outcome["error"].message


def test_validation_can_follow_the_import(samples, tmp_path):
    from plugin.qgis.import_export import validate_import

    complete = import_lieux(samples / PACA, tmp_path / "a.gpkg")
    layer_first = import_lieux(samples / PACA, tmp_path / "b.gpkg", validate=False)
    assert not layer_first.validated and "validation en cours" in layer_first.headline()
    validate_import(layer_first)
    assert layer_first.validated and not layer_first.records
    assert (layer_first.errors, layer_first.warnings) == (complete.errors, complete.warnings)
    assert layer_first.headline() == complete.headline().replace("a.gpkg", "b.gpkg")


# a symbol layer's id, also inside an escaped symbol (a label callout's): id="{uuid}" or id=&quot;{uuid}&quot;
SYMBOL_LAYER_ID = re.compile(r'\bid=(?:"|&quot;)\{[0-9a-f-]{36}\}(?:"|&quot;)')


@pytest.mark.parametrize("name", ["bad.csv", "reordered.csv", "semicolon_cp1252.csv", "hub-du-sud-paca-2023.json"])
def test_columnar_import_writes_what_the_records_give(samples, tmp_path, schema, name):
    """The CSV reader's columns go to the GeoPackage without record dicts: same rows, points and side table."""
    import sqlite3

    from plugin.qgis.import_export import side_table_of
    from plugin.qgis.working_layer import create_working_geopackage

    table = read_table(samples / name)
    columnar = tmp_path / "columnar.gpkg"
    summary = import_lieux(samples / name, columnar, validate=False)
    by_records = tmp_path / "records.gpkg"
    side_table = side_table_of(read_table(samples / name), schema)
    create_working_geopackage(by_records, table.schema_records(schema), side_table)

    def content(path):
        with sqlite3.connect(path) as db:
            tables = [r[0] for r in db.execute(
                "SELECT table_name FROM gpkg_contents WHERE table_name != 'layer_styles' ORDER BY 1")]
            rows = {t: db.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
            # the same style; not the time it was stored at (another second, now and then)
            # nor the random ids QGIS 3.30+ gives each symbol layer (colours are fixed: fix_profile_symbols)
            rows["style"] = [tuple(SYMBOL_LAYER_ID.sub('id=""', text or "") for text in row)
                             for row in db.execute("SELECT styleQML, styleSLD FROM layer_styles")]
            rows["rtree"] = db.execute("SELECT * FROM rtree_lieux_geom ORDER BY 1").fetchall()
            return rows

    assert content(columnar) == content(by_records)
    assert summary.lieux == table.row_count


def _gpkg_content(path):
    import sqlite3

    with sqlite3.connect(path) as db:
        tables = [r[0] for r in db.execute("SELECT table_name FROM gpkg_contents ORDER BY 1")]
        rows = {t: db.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables if t != "layer_styles"}
        rows["rtree"] = db.execute("SELECT * FROM rtree_lieux_geom ORDER BY 1").fetchall()
        return rows


def test_import_of_a_csv_gives_the_same_working_layer_on_the_arrow_and_python_paths(tmp_path, schema):
    """A CSV read by pyarrow (columns kept in Arrow memory) and the same CSV read in Python give the same
    GeoPackage rows, side table and summary (counts, lieux without a point, validation)."""
    pytest.importorskip("pyarrow")
    import csv

    from bench.generate import Generator
    from plugin.core.columns import ArrowColumns
    from plugin.core.readers import arrow_csv

    names = list(schema.field_names)
    header = ["remarque", *names[:3], "nom", *names[3:], ""]  # an extra column, a repeated name, a blank one
    rows = []
    for number, record in enumerate(Generator(3).records(1200)):
        if number % 97 == 0:
            record.update(latitude=record["latitude"].replace(".", ","), nom=" " + record["nom"] + "\u2028")
        if number % 131 == 0:
            record.update(longitude="", services="Aide aux démarches administratives;Accès internet et matériel")
        rows.append([f"r{number}", *(record[n] for n in names[:3]), "autre nom", *(record[n] for n in names[3:]),
                     'x "y"\nz' if number % 50 == 0 else "w"])
    source = tmp_path / "lieux.csv"
    with open(source, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([header, *rows])
    assert isinstance(read_table(source).column_data, ArrowColumns)

    fast_summary = import_lieux(source, tmp_path / "fast.gpkg")
    original = arrow_csv.read_columns
    arrow_csv.read_columns = lambda *args: None
    try:
        assert not isinstance(read_table(source).column_data, ArrowColumns)
        slow_summary = import_lieux(source, tmp_path / "slow.gpkg")
    finally:
        arrow_csv.read_columns = original

    def counts(summary):
        return (summary.lieux, summary.without_point, summary.unreadable_point, summary.extra_columns,
                summary.errors, summary.warnings, summary.records_with_errors, summary.notes)

    assert counts(fast_summary) == counts(slow_summary)
    assert fast_summary.lieux == 1200 and fast_summary.unreadable_point and fast_summary.errors
    fast, slow = _gpkg_content(tmp_path / "fast.gpkg"), _gpkg_content(tmp_path / "slow.gpkg")
    assert fast.keys() == slow.keys() and len(fast["lieux"]) == 1200
    for name in slow:
        assert fast[name] == slow[name], name
    assert geopackage_metadata(tmp_path / "fast.gpkg") == geopackage_metadata(tmp_path / "slow.gpkg")


def test_import_matches_a_capitalised_header_as_the_validation_does(samples, tmp_path, schema):
    """``Nom`` instead of ``nom``: with ``ignore_header_case``, the working layer holds the 646 noms (the
    engine reads the column as ``nom`` too); without it, the column is kept aside and ``nom`` stays empty."""
    from plugin.core.validation import ValidationOptions, validate_table

    records = read_table(samples / PACA).schema_records(schema)
    source = tmp_path / "paca-Nom.csv"
    write_records(source, records, schema)
    head, body = source.read_text(encoding="utf-8").split("\n", 1)
    source.write_text(head.replace(",nom,", ",Nom,") + "\n" + body, encoding="utf-8")
    lenient = validate_table(read_table(source), options=ValidationOptions(ignore_header_case=True))
    assert not any(issue.field == "nom" for issue in lenient.issues if issue.code.endswith("column"))

    summary = import_lieux(source, tmp_path / "ignore-case.gpkg", ignore_header_case=True)
    layer = QgsVectorLayer(gpkg_uri(tmp_path / "ignore-case.gpkg"), "lieux", "ogr")
    imported = records_from_layer(layer)
    assert [record["nom"] for record in imported] == [record["nom"] for record in records]
    assert sum(1 for record in imported if record["nom"]) == 646
    assert "Nom" not in summary.extra_columns
    assert summary.errors == lenient.errors

    strict = import_lieux(source, tmp_path / "strict.gpkg")
    layer = QgsVectorLayer(gpkg_uri(tmp_path / "strict.gpkg"), "lieux", "ogr")
    assert all(record["nom"] == "" for record in records_from_layer(layer))
    assert strict.extra_columns == ["Nom"]
