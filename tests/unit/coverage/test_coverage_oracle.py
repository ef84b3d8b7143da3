"""The coverage audit against a brute-force oracle: plain-Python haversine over every (commune, lieu) pair.

The oracle reads the records one by one (no index, no numpy), filters them with obvious code, and for every
commune of the territory measures the distance to every matching lieu with ``reference.distance_km``.
"""

from __future__ import annotations

import math
import random

import numpy as np
import pytest

from plugin.core import reference
from plugin.core.coverage import LieuIndex, audit_coverage, commune_of, resolve_territory
from plugin.core.orientation import Query
from plugin.core.readers import read_table

DEMARCHES = "Aide aux démarches administratives"


@pytest.fixture(scope="module")
def paca(samples):
    return read_table(samples / "hub-du-sud-paca-2023.json").rows


def _float(text: str) -> float | None:
    try:
        value = float((text or "").replace(",", "."))
    except ValueError:
        return None
    return value if not math.isnan(value) else None


def oracle(records, territory, radius_km, keep=lambda record: True):
    """{code_insee: (distance or None, count within radius, lieux in commune, covered)}."""
    lieux = []
    located = []
    for record in records:
        if not keep(record):
            continue
        code = commune_of(record.get("code_insee", ""), record.get("code_postal", ""), record.get("commune", ""))
        located.append(code)
        lat, lon = _float(record.get("latitude", "")), _float(record.get("longitude", ""))
        if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            point = reference.centroid(code) if code else None
            if point is None:
                continue
            lon, lat = point
        lieux.append((lon, lat))
    answer = {}
    for code in territory.communes:
        point = reference.centroid(code)
        count_in = sum(1 for c in located if c == code)
        if point is None:
            answer[code] = (None, 0, count_in, count_in > 0)
            continue
        distances = [reference.distance_km(point[0], point[1], lon, lat) for lon, lat in lieux]
        nearest = min(distances) if distances else None
        within = sum(1 for d in distances if d <= radius_km)
        answer[code] = (nearest, within, count_in, nearest is not None and nearest <= radius_km)
    return answer


def assert_same(result, expected):
    assert [c.code_insee for c in result.communes] == list(expected)
    for commune in result.communes:
        nearest, within, count_in, covered = expected[commune.code_insee]
        if nearest is None:
            assert commune.distance_km is None, commune
        else:
            assert commune.distance_km == pytest.approx(nearest, abs=1e-6), commune
        assert commune.nb_lieux_rayon == within, commune
        assert commune.nb_lieux == count_in, commune
        assert commune.couvert == covered, commune
    covered = [c for c in result.communes if expected[c.code_insee][3]]
    assert result.totals.communes == len(expected)
    assert result.totals.communes_non_couvertes == len(expected) - len(covered)
    assert result.totals.population_couverte == sum(c.population for c in covered)
    assert result.totals.population == sum(reference.commune(code).population for code in expected)


@pytest.mark.parametrize("radius", [5.0, 10.0, 25.0])
def test_region_paca_every_lieu(paca, radius):
    territory = resolve_territory("region:93")
    result = audit_coverage(paca, territory, radius)
    assert_same(result, oracle(paca, territory, radius))
    assert result.lieux_correspondants == len(paca)
    if radius <= 10:
        assert 0 < result.totals.communes_non_couvertes < result.totals.communes


def test_departement_with_filters_counts_lieux_outside_the_territory(paca):
    """Var (83) audited for free administrative help: lieux of the Bouches-du-Rhône and Alpes-Maritimes are
    nearer to some Var communes than any lieu of the Var, and count."""
    territory = resolve_territory("83")
    query = Query({"services": (DEMARCHES,), "frais_a_charge": ("Gratuit",)})

    def keep(record):
        return DEMARCHES in record["services"].split("|") and "Gratuit" in record["frais_a_charge"].split("|")

    result = audit_coverage(paca, territory, 10, query)
    expected = oracle(paca, territory, 10, keep)
    assert_same(result, expected)
    assert result.lieux_correspondants == sum(1 for r in paca if keep(r)) > 0
    placed = [r for r in paca if keep(r) and r["latitude"] and r["longitude"]]
    var_lieux = [(float(r["longitude"]), float(r["latitude"])) for r in placed if r["code_postal"][:2] == "83"]
    others = [(float(r["longitude"]), float(r["latitude"])) for r in placed if r["code_postal"][:2] != "83"]

    def nearest(commune, points):
        return min(reference.distance_km(commune.longitude, commune.latitude, *p) for p in points)

    helped = [
        c
        for c in result.communes
        if c.distance_km is not None
        and nearest(c, others) == pytest.approx(c.distance_km)
        and nearest(c, var_lieux) > c.distance_km + 1e-6
    ]
    assert helped, "some Var commune's nearest lieu lies outside the Var"


def test_no_matching_lieu_leaves_every_distance_empty(paca):
    territory = resolve_territory("epci:200054807")  # Métropole d'Aix-Marseille-Provence
    result = audit_coverage(paca, territory, 10, Query({"typologie": ("NO_SUCH_TYPOLOGIE",)}))
    assert result.lieux_correspondants == 0
    assert all(c.distance_km is None and not c.couvert and c.nb_lieux_rayon == 0 for c in result.communes)
    assert result.totals.population_couverte == 0
    assert result.worst_served(1)[0].code_insee == "13055"  # Marseille: most people left out


def test_shared_bad_sample_and_lieux_without_coordinates(samples):
    records = read_table(samples / "bad.csv").rows
    territory = resolve_territory("france")
    result = audit_coverage(records, territory, 10)
    assert_same(result, oracle(records, territory, 10))


def test_lieu_without_coordinates_takes_its_commune_centroid():
    records = [
        {"id": "a", "nom": "Sans coordonnées", "code_insee": "", "code_postal": "04000", "commune": "Digne les Bains"},
        {"id": "b", "nom": "Nulle part", "code_insee": "", "code_postal": "99999", "commune": "Inconnue"},
    ]
    result = audit_coverage(records, resolve_territory("04070"), 10)
    (digne,) = result.communes
    assert digne.nb_lieux == 1 and digne.distance_km == pytest.approx(0.0, abs=1e-9) and digne.couvert
    assert result.lieux_position_commune == 1
    assert result.lieux_sans_position == 1 and result.lieux_commune_inconnue == 1


def test_index_matches_brute_force_across_the_globe():
    """Random lieux and points, overseas and near the poles, radii from 1 to 3,000 km."""
    rng = random.Random(16)
    lieux = [(rng.uniform(-180, 180), rng.uniform(-89, 89)) for _ in range(400)]
    lieux += [(rng.uniform(-1, 8), rng.uniform(42, 51)) for _ in range(400)]
    points = [(rng.uniform(-180, 180), rng.uniform(-89.9, 89.9)) for _ in range(150)]
    points += [(rng.uniform(-1, 8), rng.uniform(42, 51)) for _ in range(150)]
    index = LieuIndex(np.array([p[0] for p in lieux]), np.array([p[1] for p in lieux]))
    lons, lats = np.array([p[0] for p in points]), np.array([p[1] for p in points])
    nearest, which = index.nearest(lons, lats)
    for radius in (1.0, 30.0, 3000.0):
        counts = index.count_within(lons, lats, radius)
        for n, (lon, lat) in enumerate(points):
            distances = [reference.distance_km(lon, lat, x, y) for x, y in lieux]
            assert counts[n] == sum(1 for d in distances if d <= radius)
            assert nearest[n] == pytest.approx(min(distances), abs=1e-6)
            assert distances[which[n]] == pytest.approx(min(distances), abs=1e-6)
