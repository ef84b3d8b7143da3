"""``mednum:import`` and ``mednum:export`` through Processing (as qgis_process and the toolbox run them)."""

from __future__ import annotations

import pytest
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer

from plugin.core.readers import read_table
from plugin.qgis.import_export import import_lieux
from plugin.qgis.working_layer import gpkg_uri, records_from_layer

PACA = "hub-du-sud-paca-2023.json"


@pytest.fixture()
def mednum_provider(qgis_processing):
    from plugin.processing.provider import MednumProvider

    provider = MednumProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    yield provider
    QgsApplication.processingRegistry().removeProvider(provider)


def test_processing_import_and_export(samples, tmp_path, schema, mednum_provider, qgis_new_project):
    import processing

    gpkg = tmp_path / "paca.gpkg"
    result = processing.run("mednum:import", {"INPUT": str(samples / PACA), "OUTPUT": str(gpkg)})
    assert result["LIEUX"] == 646 and result["WITHOUT_COORDINATES"] == 4
    assert result["EXTRA_COLUMNS"] == "labels_nationaux, publics_accueillis"
    out = tmp_path / "2024-04-02_hub_lieux-de-mediation-numerique_paca.csv"
    result = processing.run("mednum:export", {"INPUT": str(gpkg), "OUTPUT": str(out)})
    assert result["LIEUX"] == 646
    assert read_table(out).schema_records(schema) == read_table(samples / PACA).schema_records(schema)


def test_processing_export_of_a_selection(samples, tmp_path, schema, mednum_provider, qgis_new_project):
    import processing

    gpkg = tmp_path / "paca.gpkg"
    import_lieux(samples / PACA, gpkg)
    layer = QgsVectorLayer(gpkg_uri(gpkg), "lieux", "ogr")
    QgsProject.instance().addMapLayer(layer)
    layer.selectByExpression("\"commune\" = 'Martigues'")
    wanted = [r for r in records_from_layer(layer) if r["commune"] == "Martigues"]
    assert wanted
    out = tmp_path / "martigues.geojson"
    result = processing.run("mednum:export", {"INPUT": layer.id(), "SELECTED_ONLY": True, "OUTPUT": str(out)})
    assert result["LIEUX"] == len(wanted)
    assert read_table(out).schema_records(schema) == wanted
    result = processing.run("mednum:export", {"INPUT": layer.id(), "OUTPUT": str(tmp_path / "tout.json")})
    assert result["LIEUX"] == 646


def test_processing_errors_are_french_messages(tmp_path, mednum_provider):
    import processing
    from qgis.core import QgsProcessingException

    empty = tmp_path / "vide.csv"
    empty.write_text("")
    with pytest.raises(QgsProcessingException) as error:
        processing.run("mednum:import", {"INPUT": str(empty), "OUTPUT": str(tmp_path / "x.gpkg")})
    assert "Traceback" not in str(error.value)


def test_processing_export_includes_unsaved_edits(samples, tmp_path, schema, mednum_provider, qgis_new_project):
    import processing

    gpkg = tmp_path / "valide.gpkg"
    import_lieux(samples / "exemple-valide.csv", gpkg)
    layer = QgsVectorLayer(gpkg_uri(gpkg), "lieux", "ogr")
    QgsProject.instance().addMapLayer(layer)
    layer.startEditing()
    layer.changeAttributeValue(next(layer.getFeatures()).id(), layer.fields().indexFromName("nom"), "Nom modifié")
    out = tmp_path / "edits.csv"
    processing.run("mednum:export", {"INPUT": layer.id(), "OUTPUT": str(out)})
    assert read_table(out).schema_records(schema)[0]["nom"] == "Nom modifié"
    layer.rollBack()
