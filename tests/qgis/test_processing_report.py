"""mednum:report through processing.run: a file and a working layer, HTML and CSV, duplicates and acceptances."""

from __future__ import annotations

import csv

import pytest
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsProject

from plugin.core.i18n import use_language
from tests.qgis.test_validation_dock import RECORDS, write_working_gpkg


@pytest.fixture(autouse=True)
def english():
    use_language("en")
    yield
    use_language("fr")


@pytest.fixture(scope="module")
def mednum_provider(qgis_processing):
    from plugin.processing.provider import MednumProvider

    registry = QgsApplication.processingRegistry()
    assert registry.providerById("mednum") is None, "another test left the provider registered"
    provider = MednumProvider()
    assert registry.addProvider(provider)
    yield provider
    registry.removeProvider(provider)


def run_report(parameters: dict) -> dict:
    import processing

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    return processing.run("mednum:report", parameters, context=context, feedback=QgsProcessingFeedback())


@pytest.fixture()
def lieux_csv(tmp_path):
    from plugin.core.schema import load_schema
    from plugin.core.writers import write_records

    path = tmp_path / "lieux.csv"
    write_records(path, RECORDS, load_schema())
    return path


def test_report_of_a_file_as_html_and_csv(mednum_provider, lieux_csv, tmp_path):
    html = tmp_path / "rapport.html"
    results = run_report({"INPUT": str(lieux_csv), "OUTPUT": str(html)})
    assert results["ROWS"] == len(RECORDS) and results["ERRORS"] >= 4
    assert results["DUPLICATES"] == 2 and results["ACCEPTED"] == 0
    text = html.read_text(encoding="utf-8")
    for expected in ("Summary by rule", "Summary by commune", "Digne-les-Bains", "Lieux with the most issues",
                     "probable-duplicate", "+33180059880", "2026-04-02"):
        assert expected in text, expected

    out = tmp_path / "rapport.csv"
    results = run_report({"INPUT": str(lieux_csv), "OUTPUT": str(out)})
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == results["ERRORS"] + results["WARNINGS"]
    phone = next(row for row in rows if row["code"] == "phone-format")
    assert (phone["nom"], phone["value"], phone["suggestion"]) == ("Espace numérique 2", "01 80 05 98 80",
                                                                   "'+33180059880")  # defused
    assert {row["row"] for row in rows if row["code"] == "probable-duplicate"} == {"5", "6"}


def test_report_of_a_working_layer_sets_accepted_issues_apart(mednum_provider, qgis_new_project, tmp_path):
    from plugin.core.acceptances import AcceptanceBook, GeoPackageAcceptanceStore
    from plugin.core.validation import Issue
    from plugin.qgis.working_layer import load_working_layer

    dock_gpkg = write_working_gpkg(tmp_path)
    book = AcceptanceBook(GeoPackageAcceptanceStore(dock_gpkg))
    hours = RECORDS[7]["horaires"]
    book.accept(8, Issue(8, "lieu-8", "horaires", "opening-hours-invalid", "warning", "", hours), "voulu")
    layer = load_working_layer(dock_gpkg)
    QgsProject.instance().addMapLayer(layer)
    out = tmp_path / "rapport.csv"
    results = run_report({"INPUT": layer, "OUTPUT": str(out)})
    assert results["ACCEPTED"] == 1
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    accepted = [row for row in rows if row["status"] == "accepted"]
    assert len(accepted) == 1 and accepted[0]["reason"] == "voulu" and accepted[0]["code"] == "opening-hours-invalid"
    # the working GeoPackage given as a file: the same acceptance applies
    results = run_report({"INPUT": str(dock_gpkg), "OUTPUT": str(tmp_path / "rapport.html")})
    assert results["ACCEPTED"] == 1 and results["DUPLICATES"] == 2
    QgsProject.instance().removeAllMapLayers()


def test_report_refuses_another_extension(mednum_provider, lieux_csv, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException):
        run_report({"INPUT": str(lieux_csv), "OUTPUT": str(tmp_path / "rapport.pdf")})
