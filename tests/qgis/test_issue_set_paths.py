"""The same lieux give the same counts through every path a user takes: the message bar after an import, the
validation dock on the working layer, the command line's JSON report (the headless report) and Processing's
mednum:validate and mednum:report — probable duplicates included everywhere (the issue set of
plugin.core.validation.issue_set)."""

from __future__ import annotations

import json
import shutil

import pytest
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsProject

from plugin.core.i18n import use_language
from tests.qgis.test_validation_dock import wait_for

SAMPLE = "hub-du-sud-paca-2023.json"


@pytest.fixture(autouse=True)
def english():
    use_language("en")
    yield
    use_language("fr")


@pytest.fixture(scope="module")
def mednum_provider(qgis_processing):
    from plugin.processing.provider import MednumProvider

    registry = QgsApplication.processingRegistry()
    provider = MednumProvider()
    assert registry.addProvider(provider)
    yield provider
    registry.removeProvider(provider)


@pytest.fixture()
def sample(tmp_path, repo_root):
    path = tmp_path / SAMPLE
    shutil.copy(repo_root / "samples" / SAMPLE, path)
    return path


@pytest.fixture()
def imported_layer(sample, tmp_path, qgis_new_project):
    """(the import's summary, the working layer it made, opened as the plugin opens it)."""
    from plugin.qgis.import_export import import_lieux
    from plugin.qgis.working_layer import load_working_layer

    summary = import_lieux(sample, tmp_path / "work.gpkg")
    layer = load_working_layer(tmp_path / "work.gpkg")
    QgsProject.instance().addMapLayer(layer)
    yield summary, layer
    QgsProject.instance().removeAllMapLayers()


def _processing(algorithm: str, parameters: dict) -> dict:
    import processing

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    return processing.run(f"mednum:{algorithm}", parameters, context=context, feedback=QgsProcessingFeedback())


def test_the_same_counts_through_every_path(sample, imported_layer, tmp_path, mednum_provider):
    from plugin.core.cli import main
    from plugin.qgis.live_validation import LiveValidation

    summary, layer = imported_layer
    # the validation dock's state on the working layer
    live = LiveValidation(layer)
    live.start()
    wait_for(lambda: live.ready)
    dock = live.counts
    live.detach()
    # the command line's JSON report of the source file (the headless report)
    report_path = tmp_path / "report.json"
    assert main(["validate", str(sample), "--format", "json", "-o", str(report_path), "--lang", "en"]) == 0
    cli = json.loads(report_path.read_text(encoding="utf-8"))
    counts = cli["counts"]
    # Processing on the file and on the working layer
    on_file = _processing("validate", {"INPUT": str(sample), "OUTPUT": "TEMPORARY_OUTPUT"})
    on_layer = _processing("validate", {"INPUT": layer, "OUTPUT": "TEMPORARY_OUTPUT"})
    producers = _processing("report", {"INPUT": layer, "OUTPUT": str(tmp_path / "report.html")})

    # the sample has real issues, probable duplicates among them, and columns of its own
    assert counts["warnings"] > 1000 and counts["duplicates"] >= 2
    assert counts["file_warnings"] > 0  # columns missing or extra in the file: about the file, not its lieux
    lieux = (counts["errors"], counts["warnings"])
    assert (summary.errors, summary.warnings) == lieux  # the message bar after the import
    assert str(summary.warnings) in summary.headline()
    assert (dock.errors, dock.warnings) == lieux  # the validation dock
    assert summary.duplicates == counts["duplicates"] == on_file["DUPLICATES"] == on_layer["DUPLICATES"]
    # Processing counts the file's columns too, as the JSON report's totals
    assert (on_file["ERRORS"], on_file["WARNINGS"]) == (cli["errors"], cli["warnings"])
    assert (on_layer["ERRORS"], on_layer["WARNINGS"]) == lieux  # a layer has every column of the standard
    assert (producers["ERRORS"], producers["WARNINGS"], producers["DUPLICATES"]) == (*lieux, counts["duplicates"])
