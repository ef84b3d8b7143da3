"""mednum:validate through processing.run, on a layer and on a file, as the toolbox and scripts run it."""

from __future__ import annotations

import json
import sys

import pytest
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

ISSUE_COLUMNS = ["row", "id", "field", "code", "severity", "message", "value", "suggestion"]


@pytest.fixture(scope="module")
def mednum_provider(qgis_processing):
    from plugin.processing.provider import MednumProvider

    registry = QgsApplication.processingRegistry()
    assert registry.providerById("mednum") is None, "another test left the provider registered"
    provider = MednumProvider()
    assert registry.addProvider(provider)
    yield provider
    registry.removeProvider(provider)


def run_validate(parameters: dict, context: QgsProcessingContext | None = None):
    import processing

    context = context or QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    results = processing.run("mednum:validate", parameters, context=context, feedback=feedback)
    return results, context


def layer_from(results: dict, key: str, context: QgsProcessingContext) -> QgsVectorLayer:
    value = results[key]
    layer = value if isinstance(value, QgsVectorLayer) else context.getMapLayer(value)
    if layer is None:
        layer = QgsVectorLayer(value, key, "ogr")
    assert layer is not None and layer.isValid()
    return layer


def plain(value):
    """A QGIS attribute as a Python value (NULL → None)."""
    return None if isinstance(value, QVariant) and value.isNull() else value


def expected_report(table):
    """What mednum:validate finds: the issue set of the dock and the CLI (probable duplicates included)."""
    from plugin.core.validation.issue_set import issue_set

    return issue_set(table)


def test_algorithm_metadata(mednum_provider):
    algorithm = QgsApplication.processingRegistry().algorithmById("mednum:validate")
    assert algorithm is not None
    assert algorithm.group() and algorithm.groupId() == "validation"
    assert "qgis_process run mednum:validate" in algorithm.shortHelpString()
    assert not algorithm.icon().isNull()
    assert [p.name() for p in algorithm.parameterDefinitions()] == ["INPUT", "OUTPUT", "FLAGGED"]
    assert {o.name() for o in algorithm.outputDefinitions()} >= {"OUTPUT", "ROWS", "ERRORS", "WARNINGS"}
    assert algorithm.canExecute() == (True, "")


def test_validate_a_file_gives_the_engines_issues(mednum_provider, samples, tmp_path):
    from plugin.core.readers import read_table

    path = samples / "bad.csv"
    table = read_table(path)
    report = expected_report(table)
    assert table.blank_rows, "the bad sample has a blank row: lieux after it are numbered past their position"
    assert report.issues, "the bad sample must have issues"
    results, context = run_validate(
        {"INPUT": str(path), "OUTPUT": str(tmp_path / "issues.gpkg"), "FLAGGED": "TEMPORARY_OUTPUT"}
    )
    assert (results["ROWS"], results["ERRORS"], results["WARNINGS"]) == (report.rows, report.errors, report.warnings)
    issues = layer_from(results, "OUTPUT", context)
    assert [f.name() for f in issues.fields() if f.name() != "fid"] == ISSUE_COLUMNS
    assert issues.featureCount() == len(report.issues)
    written = sorted((plain(f["row"]), f["field"], f["code"], f["severity"]) for f in issues.getFeatures())
    expected = sorted((i.row, i.field, i.code, i.severity) for i in report.issues)
    assert [(r if r is not None else -1, *rest) for r, *rest in written] == [
        (r if r is not None else -1, *rest) for r, *rest in expected
    ]

    flagged = layer_from(results, "FLAGGED", context)
    assert flagged.featureCount() == report.rows
    by_position = list(flagged.getFeatures())
    assert len(by_position) == len(table.row_numbers)
    for number, feature, row in zip(table.row_numbers, by_position, table.rows):
        expected = [i for i in report.issues if i.row == number]
        assert feature["issue_count"] == len(expected)
        assert feature["id"] == row["id"] and feature["nom"] == row["nom"]
        if any(i.severity == "error" for i in expected):
            assert feature["max_severity"] == "error"


def test_validate_a_json_array_file_that_ogr_cannot_open(mednum_provider, samples, tmp_path):
    results, context = run_validate(
        {"INPUT": str(samples / "hub-du-sud-paca-2023.json"), "OUTPUT": str(tmp_path / "issues.csv")}
    )
    assert results["ROWS"] == 646
    assert (tmp_path / "issues.csv").read_text(encoding="utf-8").splitlines()[0].split(",") == ISSUE_COLUMNS


def test_unreadable_file_gives_a_french_message_not_a_traceback(mednum_provider, tmp_path):
    from qgis.core import QgsProcessingException

    garbage = tmp_path / "garbage.csv"
    garbage.write_bytes(b"\x00\x01\x02binary\xff" * 50)
    with pytest.raises(QgsProcessingException) as error:
        run_validate({"INPUT": str(garbage), "OUTPUT": "TEMPORARY_OUTPUT"})
    assert "Traceback" not in str(error.value)
    assert str(error.value).strip()


def make_layer() -> QgsVectorLayer:
    """Three lieux in Lambert-93 without latitude/longitude fields; the second one has no name."""
    layer = QgsVectorLayer(
        "Point?crs=EPSG:2154&field=id:string&field=nom:string&field=pivot:string&field=commune:string"
        "&field=code_postal:string&field=adresse:string&field=date_maj:date&field=remarque:string",
        "lieux",
        "memory",
    )
    from qgis.PyQt.QtCore import QDate

    features = []
    for index, name in enumerate(["Médiathèque", None, "France Services"]):
        feature = QgsFeature(layer.fields())
        feature.setAttributes(
            [f"lieu-{index}", name, "21130055300016", "Marseille", "13001", "2 quai du Port", QDate(2024, 4, 2),
             "note interne"]
        )
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(892390.0 + index * 100, 6247035.0)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def test_validate_a_layer_and_its_selection(mednum_provider):
    from plugin.qgis.layer_records import records_from_layer

    lieux_layer = make_layer()
    QgsProject.instance().addMapLayer(lieux_layer)
    try:
        report = expected_report(records_from_layer(lieux_layer))
        results, context = run_validate(
            {"INPUT": lieux_layer.id(), "OUTPUT": "TEMPORARY_OUTPUT", "FLAGGED": "TEMPORARY_OUTPUT"}
        )
        assert results["ROWS"] == 3 and results["ERRORS"] == report.errors
        issues = layer_from(results, "OUTPUT", context)
        missing_name = [f for f in issues.getFeatures() if f["field"] == "nom" and f["severity"] == "error"]
        assert [(f["row"], f["id"]) for f in missing_name] == [(2, "lieu-1")]

        flagged = layer_from(results, "FLAGGED", context)
        assert flagged.crs().authid() == "EPSG:2154" and flagged.geometryType() == lieux_layer.geometryType()
        assert "remarque" in flagged.fields().names(), "the copy keeps every field"
        by_id = {f["id"]: f for f in flagged.getFeatures()}
        assert by_id["lieu-1"]["max_severity"] == "error"
        assert by_id["lieu-1"]["issue_count"] >= 1
        assert not by_id["lieu-1"].geometry().isNull()

        ids = [f.id() for f in lieux_layer.getFeatures()]
        lieux_layer.selectByIds([ids[0], ids[2]])
        selected = QgsProcessingFeatureSourceDefinition(lieux_layer.id(), True)
        results, _ = run_validate({"INPUT": selected, "OUTPUT": "TEMPORARY_OUTPUT"})
        assert results["ROWS"] == 2
    finally:
        QgsProject.instance().removeMapLayer(lieux_layer.id())


def test_cancel_stops_without_result(mednum_provider):
    from qgis.core import QgsProcessingFeedback

    algorithm = QgsApplication.processingRegistry().createAlgorithmById("mednum:validate")
    lieux_layer = make_layer()
    lieux_layer.dataProvider().addFeatures([QgsFeature(lieux_layer.fields()) for _ in range(500)])
    feedback = QgsProcessingFeedback()
    progress = []
    feedback.progressChanged.connect(lambda value: (progress.append(value), feedback.cancel()))
    results, ok = algorithm.run({"INPUT": lieux_layer, "OUTPUT": "TEMPORARY_OUTPUT"}, QgsProcessingContext(), feedback)
    assert progress, "the algorithm reports progress while reading"
    assert "ROWS" not in results

    feedback = QgsProcessingFeedback()
    feedback.cancel()
    results, ok = algorithm.run({"INPUT": lieux_layer, "OUTPUT": "TEMPORARY_OUTPUT"}, QgsProcessingContext(), feedback)
    assert "ROWS" not in results


def test_missing_dependency_refuses_to_run_with_the_pip_command(mednum_provider, monkeypatch):
    monkeypatch.setitem(sys.modules, "opening_hours", None)
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("mednum:validate")
    ok, message = algorithm.canExecute()
    assert not ok
    assert "opening-hours-py" in message and "pip install" in message
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as error:
        run_validate({"INPUT": make_layer(), "OUTPUT": "TEMPORARY_OUTPUT"})
    assert "opening-hours-py" in str(error.value)


def test_issue_json_matches_cli_shape():
    """The sink columns are the keys of the CLI's JSON issues (one contract for every interface)."""
    from plugin.core.validation import Issue

    issue = Issue(1, "a", "nom", "required", "error", "m", "", None)
    assert list(json.loads(json.dumps(issue.to_dict()))) == ISSUE_COLUMNS


def test_flagged_output_loaded_in_the_project_is_styled_by_severity(mednum_provider, samples, qgis_iface,
                                                                      monkeypatch):
    import processing
    from qgis.core import QgsLayerTreeModel, QgsRuleBasedRenderer
    from qgis.gui import QgsLayerTreeView

    # QGIS 3.44 hands iface.layerTreeView() to QgsProcessingGuiUtils.addResultLayers, which refuses a mock
    view = QgsLayerTreeView()
    view.setModel(QgsLayerTreeModel(QgsProject.instance().layerTreeRoot(), view))
    monkeypatch.setattr(qgis_iface, "layerTreeView", lambda: view, raising=False)

    results = processing.runAndLoadResults(
        "mednum:validate", {"INPUT": str(samples / "bad.csv"), "OUTPUT": "TEMPORARY_OUTPUT",
                            "FLAGGED": "TEMPORARY_OUTPUT"}
    )
    flagged = QgsProject.instance().mapLayer(results["FLAGGED"])
    try:
        renderer = flagged.renderer()
        assert isinstance(renderer, QgsRuleBasedRenderer)
        rules = {rule.filterExpression(): rule for rule in renderer.rootRule().children()}
        assert set(rules) == {"\"max_severity\" = 'error'", "\"max_severity\" = 'warning'", "ELSE"}
        assert rules["ELSE"].isElse()
        assert renderer.orderByEnabled(), "errors are drawn on top"
    finally:
        QgsProject.instance().removeMapLayers(
            [layer_id for layer_id in (results.get("FLAGGED"), results.get("OUTPUT")) if isinstance(layer_id, str)]
        )


def test_validate_a_geopackage_layer_does_not_report_its_fid(mednum_provider, samples, tmp_path):
    results, context = run_validate(
        {"INPUT": str(samples / "exemple-valide.csv"), "OUTPUT": "TEMPORARY_OUTPUT",
         "FLAGGED": str(tmp_path / "lieux.gpkg")}
    )
    gpkg_layer = QgsVectorLayer(str(tmp_path / "lieux.gpkg"), "lieux", "ogr")
    assert "fid" in gpkg_layer.fields().names()
    QgsProject.instance().addMapLayer(gpkg_layer)
    try:
        again, context = run_validate({"INPUT": gpkg_layer.id(), "OUTPUT": "TEMPORARY_OUTPUT"})
        issues = layer_from(again, "OUTPUT", context)
        assert not [f for f in issues.getFeatures() if f["value"] == "fid" or f["field"] == "fid"]
    finally:
        QgsProject.instance().removeMapLayer(gpkg_layer.id())


def test_validate_a_csv_on_the_arrow_path_gives_the_python_paths_outputs(mednum_provider, tmp_path, monkeypatch):
    """A regular UTF-8 CSV is validated on its Arrow columns (not turned into records first), with the same
    issues and flagged lieux as on the Python path."""
    pytest.importorskip("pyarrow")
    from bench.generate import generate
    from plugin.core.columns import ArrowColumn
    from plugin.core.readers import arrow_csv
    from plugin.core.validation.engine import Validator, clear_caches

    path = tmp_path / "lieux.csv"
    generate(path, rows=400, seed=17)
    arrow_columns = []
    original = Validator._cell_results

    def spy(self, name, column, columns):
        if isinstance(column, ArrowColumn):  # the field's cells still in Arrow memory
            arrow_columns.append(name)
        return original(self, name, column, columns)

    monkeypatch.setattr(Validator, "_cell_results", spy)

    def outputs(name):
        clear_caches()
        results, context = run_validate(
            {"INPUT": str(path), "OUTPUT": str(tmp_path / f"{name}.gpkg"), "FLAGGED": "TEMPORARY_OUTPUT"}
        )
        issues = [[plain(value) for value in f.attributes()[1:]] for f in layer_from(results, "OUTPUT", context)
                  .getFeatures()]
        flagged = [[plain(value) for value in f.attributes()] for f in layer_from(results, "FLAGGED", context)
                   .getFeatures()]
        return (results["ROWS"], results["ERRORS"], results["WARNINGS"]), issues, flagged

    fast = outputs("fast")
    assert "pivot" in arrow_columns and fast[0][0] == 400 and fast[1]
    arrow_columns.clear()
    monkeypatch.setattr(arrow_csv, "read_columns", lambda *args: None)
    slow = outputs("slow")
    assert not arrow_columns
    assert fast == slow
