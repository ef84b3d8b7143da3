"""``mednum:coverage`` through processing.run: the per-commune output, the totals, indicator, boundaries and
the three report formats, against the core audit (itself checked against a brute-force oracle) and brute force."""

from __future__ import annotations

import csv

import pytest
from qgis.core import NULL, QgsFeature, QgsGeometry, QgsPointXY, QgsProcessingException, QgsVectorLayer

from plugin.core import reference
from plugin.core.coverage import audit_coverage, resolve_territory
from plugin.core.orientation import Query

DEMARCHES = "Aide aux démarches administratives"


def run(layer, **parameters):
    import processing

    return processing.run("mednum:coverage", {"INPUT": layer, "OUTPUT": "memory:", **parameters})


def by_code(output: QgsVectorLayer) -> dict[str, QgsFeature]:
    return {feature["code_insee"]: feature for feature in output.getFeatures()}


def test_output_fields_and_totals_match_the_audit(provider, paca_layer, paca_records):
    result = run(paca_layer, TERRITORY="83", SERVICES=DEMARCHES, FRAIS="Gratuit", RADIUS_KM=10)
    expected = audit_coverage(
        paca_records, resolve_territory("83"), 10, Query({"services": (DEMARCHES,), "frais_a_charge": ("Gratuit",)})
    )
    output = result["OUTPUT"]
    names = output.fields().names()
    for name in ("code_insee", "commune", "population", "nb_lieux", "nb_lieux_rayon", "distance_km", "couvert"):
        assert name in names
    assert output.featureCount() == expected.totals.communes == 153
    assert result["COMMUNES"] == 153
    assert result["COMMUNES_NON_COUVERTES"] == expected.totals.communes_non_couvertes > 0
    assert result["POPULATION"] == expected.totals.population
    assert result["POPULATION_COUVERTE"] == expected.totals.population_couverte
    features = by_code(output)
    for commune in expected.communes:
        feature = features[commune.code_insee]
        assert feature["nb_lieux"] == commune.nb_lieux and feature["nb_lieux_rayon"] == commune.nb_lieux_rayon
        assert feature["couvert"] == commune.couvert and feature["population"] == commune.population
        if commune.distance_km is None:
            assert feature["distance_km"] == NULL
        else:
            assert feature["distance_km"] == pytest.approx(commune.distance_km, abs=1e-3)
    # brute force on one commune from the layer itself: its nearest matching lieu
    cavalaire = features["83036"]
    point = reference.centroid("83036")
    distances = [
        reference.distance_km(point[0], point[1], f.geometry().asPoint().x(), f.geometry().asPoint().y())
        for f in paca_layer.getFeatures()
        if DEMARCHES in (f["services"] or "").split("|")
        and "Gratuit" in (f["frais_a_charge"] or "").split("|")
        and f.hasGeometry()
    ]
    assert cavalaire["distance_km"] == pytest.approx(min(distances), abs=1e-3)
    assert cavalaire.geometry().asPoint().x() == pytest.approx(point[0])


def test_indicator_and_boundaries(provider, paca_layer):
    indicator = QgsVectorLayer("None?field=CODGEO:string&field=ifn:string", "ifn", "memory")
    rows = [("83036", "1,5"), ("83070", "2"), ("13055", "9"), ("bad", "1")]
    for code, value in rows:
        feature = QgsFeature(indicator.fields())
        feature.setAttributes([code, value])
        indicator.dataProvider().addFeature(feature)
    boundaries = QgsVectorLayer("Polygon?crs=EPSG:4326&field=insee_com:string", "communes", "memory")
    for code in ("83036", "83070"):
        lon, lat = reference.centroid(code)
        feature = QgsFeature(boundaries.fields())
        feature.setAttributes([code])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(lon, lat)).buffer(0.02, 8))
        boundaries.dataProvider().addFeature(feature)
    result = run(
        paca_layer, TERRITORY="83", RADIUS_KM=10, INDICATOR=indicator, INDICATOR_FIELD="ifn", BOUNDARIES=boundaries
    )
    features = by_code(result["OUTPUT"])
    cavalaire, lavandou = features["83036"], features["83070"]
    assert not cavalaire["couvert"] and cavalaire["indicateur"] == 1.5
    assert cavalaire["priorite"] == pytest.approx(1.5 * cavalaire["population"])
    assert lavandou["priorite"] == pytest.approx(2 * lavandou["population"])
    assert cavalaire.geometry().type() == 2 and cavalaire.geometry().area() > 0  # its polygon
    assert not features["83050"].hasGeometry()  # Draguignan: no polygon given
    assert features["83050"]["indicateur"] == NULL


@pytest.mark.parametrize("suffix", ["html", "csv", "pdf"])
def test_reports(provider, paca_layer, tmp_path, suffix):
    path = tmp_path / f"couverture.{suffix}"
    result = run(paca_layer, TERRITORY="departement:04", RADIUS_KM=10, REPORT=str(path))
    assert result["REPORT"] == str(path) and path.stat().st_size > 1000
    if suffix == "pdf":
        assert path.read_bytes()[:5] == b"%PDF-"
    elif suffix == "csv":
        rows = list(csv.DictReader(path.open(encoding="utf-8")))
        assert len(rows) == result["COMMUNES"]
        assert sum(1 for r in rows if r["couvert"] == "non") == result["COMMUNES_NON_COUVERTES"]
    else:
        assert "Alpes-de-Haute-Provence" in path.read_text(encoding="utf-8")


def test_clear_errors(provider, paca_layer):
    with pytest.raises(QgsProcessingException, match="99.*département"):
        run(paca_layer, TERRITORY="departement:99")
    with pytest.raises(QgsProcessingException, match="FRAIS"):
        run(paca_layer, TERRITORY="13", FRAIS="Gratos")
