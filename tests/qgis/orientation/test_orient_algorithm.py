"""``mednum:orient`` through processing.run, against the same oracle answers as the engine."""

from __future__ import annotations

import numpy as np
import pytest
from qgis.core import NULL, QgsApplication, QgsProcessingException, QgsVectorLayer

from plugin.core.orientation import Around, OrientationEngine, Query, parse_moment
from plugin.core.orientation.geo import haversine_many_km

DEMARCHES = "Aide aux démarches administratives"
INSERTION = "Insertion professionnelle via le numérique"


@pytest.fixture()
def provider(plugin_package, qgis_processing):
    from lieux_mednum.plugin.processing.provider import MednumProvider

    registry = QgsApplication.processingRegistry()
    if registry.providerById("mednum") is None:
        provider = MednumProvider()
        registry.addProvider(provider)
        yield provider
        registry.removeProvider(provider)
    else:
        yield registry.providerById("mednum")


def run(layer, **parameters):
    import processing

    parameters = {"INPUT": layer, "OUTPUT": "memory:", **parameters}
    result = processing.run("mednum:orient", parameters)
    return result["OUTPUT"], result["COUNT"]


def output_ids(output: QgsVectorLayer) -> list[str]:
    return [feature["id"] for feature in output.getFeatures()]


def test_filters_services_all_and_fees(provider, paca_layer, paca_records):
    output, count = run(paca_layer, SERVICES=f"{DEMARCHES}|{INSERTION}", SERVICES_MODE="all", FRAIS="Gratuit")
    expected = OrientationEngine(paca_records).run(
        Query({"services": (DEMARCHES, INSERTION), "frais_a_charge": ("Gratuit",)}, services_mode="all")
    )
    assert count == expected.count == output.featureCount() > 0
    # ranked by name without a point, distance_km empty
    assert output_ids(output) == [paca_records[i]["id"] for i in expected.ranked()]
    assert all(f["distance_km"] == NULL for f in output.getFeatures())


@pytest.mark.parametrize("mode", ["all", 1, "1"])
def test_services_mode_as_string_or_index(provider, paca_layer, paca_records, mode):
    output, count = run(paca_layer, SERVICES=f"{DEMARCHES}|{INSERTION}", SERVICES_MODE=mode)
    expected = OrientationEngine(paca_records).run(Query({"services": (DEMARCHES, INSERTION)}, services_mode="all"))
    assert count == expected.count == output.featureCount() > 0


def test_open_at_and_around_a_point_rank_by_distance(provider, paca_layer, paca_records):
    output, count = run(
        paca_layer,
        SERVICES=DEMARCHES,
        OPEN_AT="2024-07-16T10:30",
        POINT="5.3698,43.2965 [EPSG:4326]",
        RADIUS_KM=20,
    )
    query = Query(
        {"services": (DEMARCHES,)}, open_at=parse_moment("2024-07-16T10:30"), around=Around(43.2965, 5.3698, 20.0)
    )
    expected = OrientationEngine(paca_records).run(query)
    assert count == expected.count == output.featureCount() > 0
    distances = [f["distance_km"] for f in output.getFeatures()]
    assert distances == sorted(distances) and max(distances) <= 20
    # distance_km is the haversine distance of each lieu
    lats = np.array([float(f["latitude"]) for f in output.getFeatures()])
    lons = np.array([float(f["longitude"]) for f in output.getFeatures()])
    assert np.allclose(distances, haversine_many_km(43.2965, 5.3698, lats, lons), atol=0.001)


def test_a_geopackage_output_opens_in_rank_order_with_new_fids_and_rang(provider, paca_layer, tmp_path):
    import processing

    out = tmp_path / "ranked.gpkg"
    parameters = {"INPUT": paca_layer, "POINT": "5.3698,43.2965 [EPSG:4326]", "RADIUS_KM": 30, "OUTPUT": str(out)}
    result = processing.run("mednum:orient", parameters)
    output = QgsVectorLayer(str(out), "ranked", "ogr")
    features = list(output.getFeatures())  # the order a user sees in the attribute table
    assert len(features) == result["COUNT"] > 10
    distances = [f["distance_km"] for f in features]
    assert distances == sorted(distances)
    assert [f["rang"] for f in features] == list(range(1, len(features) + 1))
    assert [f.id() for f in features] == list(range(1, len(features) + 1))
    source_fids = {f["id"]: f.id() for f in paca_layer.getFeatures()}
    assert [source_fids[f["id"]] for f in features] != sorted(source_fids[f["id"]] for f in features)
    assert output.fields().lookupField("rang") >= 0 and output.fields().lookupField("nom") >= 0


def test_a_point_in_another_crs_is_transformed(provider, paca_layer):
    # Marseille in Lambert-93
    output, _count = run(paca_layer, POINT="892390,6247035 [EPSG:2154]", RADIUS_KM=5)
    distances = [f["distance_km"] for f in output.getFeatures()]
    assert distances and max(distances) <= 5


def test_unknown_values_and_bad_dates_are_refused_in_french_terms(provider, paca_layer):
    with pytest.raises(QgsProcessingException) as error:
        run(paca_layer, FRAIS="gratuit")
    assert "FRAIS" in str(error.value) and "Gratuit sous condition" in str(error.value)
    with pytest.raises(QgsProcessingException):
        run(paca_layer, OPEN_AT="mardi matin")
    with pytest.raises(QgsProcessingException):
        run(paca_layer, RADIUS_KM=5)
