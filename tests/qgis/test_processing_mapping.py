"""``mednum:import`` with MAPPING and SOURCE_NAME: a Hub's own file into a working GeoPackage, headless."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsVectorLayer

from plugin.qgis.working_layer import WORKING_TABLE, gpkg_uri, read_side_table, records_from_layer

CONFIGS = Path(__file__).parent.parent / "data" / "mednum_cli"
HUB = (
    "identifiant;Nom de structure;Code postal;Adresse;geo_point_2d;Téléphone;Dernière date de mise à jour;"
    "Education au numérique;Gratuit;Remarque interne\n"
    "p-1;Médiathèque Marguerite Duras;75020;115 rue de Bagnolet;48.8597, 2.4021;01 55 25 49 10;05/09/2023;Oui;Oui;"
    "ok\n"
    "p-2;EPN Belleville;75019;;;;05/09/2023;Non;Non;à revoir\n"
)


@pytest.fixture()
def mednum_provider(qgis_processing):
    from plugin.processing.provider import MednumProvider

    provider = MednumProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    yield provider
    QgsApplication.processingRegistry().removeProvider(provider)


def test_processing_import_with_a_mednum_cli_mapping(tmp_path, mednum_provider, qgis_new_project):
    import processing

    source = tmp_path / "paris.csv"
    source.write_text(HUB, encoding="utf-8")
    profile = tmp_path / "paris.config.json"
    shutil.copy(CONFIGS / "paris.config.json", profile)
    gpkg = tmp_path / "paris.gpkg"
    result = processing.run(
        "mednum:import",
        {"INPUT": str(source), "MAPPING": str(profile), "SOURCE_NAME": "paris", "OUTPUT": str(gpkg)},
    )
    assert result["LIEUX"] == 2
    # the second lieu has no coordinates: placed at its commune's centre (postal code 75019: Paris 19e, whose
    # centre is Paris's in the bundled reference), approximate and said so in the log
    assert result["WITHOUT_COORDINATES"] == 0
    assert result["EXTRA_COLUMNS"] == "Remarque interne"
    layer = QgsVectorLayer(gpkg_uri(gpkg, WORKING_TABLE), "lieux", "ogr")
    records = records_from_layer(layer)
    assert [r["id"] for r in records] == ["paris_p-1", "paris_p-2"]
    assert records[0]["telephone"] == "+33155254910" and records[0]["latitude"] == "48.8597"
    assert records[0]["services"] == "Maîtrise des outils numériques du quotidien"
    assert records[0]["frais_a_charge"] == "Gratuit" and records[0]["date_maj"] == "2023-09-05"
    assert 48.81 < float(records[1]["latitude"]) < 48.91  # Paris
    side = read_side_table(gpkg)
    assert side.columns == ["Remarque interne"] and [row["Remarque interne"] for row in side.rows] == ["ok", "à revoir"]
    assert json.loads(profile.read_text(encoding="utf-8")) == json.loads(
        (CONFIGS / "paris.config.json").read_text(encoding="utf-8")
    )
    del layer


def test_processing_import_with_a_bad_mapping_is_a_french_message(tmp_path, mednum_provider):
    import processing
    from qgis.core import QgsProcessingException

    source = tmp_path / "hub.csv"
    source.write_text("a;b\n1;2\n", encoding="utf-8")
    bad = tmp_path / "bad.config.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(QgsProcessingException) as error:
        processing.run("mednum:import", {"INPUT": str(source), "MAPPING": str(bad), "OUTPUT": str(tmp_path / "x.gpkg")})
    assert "mapping profile" in str(error.value) or "correspondance" in str(error.value)
