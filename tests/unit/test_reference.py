"""Reference data: communes, postal codes, names, EPCI, territory boxes, outlines, typologies."""

from __future__ import annotations

import csv

import pytest

from plugin.core import reference
from plugin.core.readers import read_table


def test_communes_by_insee_and_postal_code():
    reims = reference.commune("51454")
    assert reims.nom == "Reims" and reims.departement == "51" and "51100" in reims.codes_postaux
    assert reims.region == "44" and reims.zone == "metro" and reims.type == "COM"
    assert reference.commune("99999") is None
    assert {c.code_insee for c in reference.communes_by_postal_code("04000")} >= {"04070"}
    assert reference.communes_by_postal_code("4000") == ()  # a lost leading zero is not a postal code
    assert reference.postal_code_exists("13001") and not reference.postal_code_exists("13692")  # CEDEX
    assert reference.postal_code_matches("51100", "51454") and not reference.postal_code_matches("51100", "13055")


def test_all_shipped_communes_are_loaded(repo_root):
    with open(repo_root / "resources" / "reference" / "communes.csv", encoding="utf-8") as handle:
        assert len(reference.communes()) == sum(1 for _ in csv.DictReader(handle)) == 35014
    kinds = {c.type for c in reference.communes().values()}
    assert kinds == {"COM", "ARM"}


def test_compact_copy_matches_the_shared_reference(shared_data):
    path = shared_data / "reference" / "communes.csv"
    if not path.exists():
        pytest.skip("shared reference data not available")
    with open(path, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            item = reference.commune(row["code_insee"])
            assert item.nom == row["nom"] and item.departement == row["departement"]
            assert "|".join(item.codes_postaux) == row["codes_postaux"] and item.epci == row["epci"]
            if row["longitude"]:
                assert abs(item.longitude - float(row["longitude"])) < 1e-4
                assert abs(item.latitude - float(row["latitude"])) < 1e-4


@pytest.mark.parametrize(
    "name, code",
    [
        ("ST-ÉTIENNE", "42218"),
        ("saint etienne", "42218"),
        ("L'Abergement-Clémenciat", "01001"),
        ("l abergement clemenciat", "01001"),
        ("BESANCON", "25056"),
    ],
)
def test_commune_names_ignore_accents_case_and_saint(name, code):
    assert code in {c.code_insee for c in reference.communes_named(name)}


def test_search_communes_for_autour_de():
    assert reference.search_communes("marseil")[0].code_insee == "13055"
    assert reference.search_communes("st etienne")[0].code_insee == "42218"  # biggest exact match first
    results = reference.search_communes("Étienne", limit=5)
    assert len(results) == 5 and all("etienne" in reference.name_key(c.nom) for c in results)
    assert reference.search_communes("51100")[0].code_insee == "51454"
    assert [c.departement for c in reference.search_communes("san", departement_code="2A", limit=3)] == ["2A"] * 3
    assert reference.search_communes("   ") == []


def test_departements_regions_epci():
    assert reference.departement("2A").nom == "Corse-du-Sud"
    assert reference.departement("974").zone == "drom"
    assert reference.region("93").nom == "Provence-Alpes-Côte d'Azur"
    assert reference.departement_of_insee("97105") == "971" and reference.departement_of_insee("2A004") == "2A"
    metropole = reference.epci_of_commune("13055")
    assert metropole.type == "METRO" and "13001" in metropole.members
    assert {c.code_insee for c in metropole.communes()} == set(metropole.members)
    assert reference.epci("000000000") is None


def test_centroids_and_distances():
    assert reference.centroid("51454") == pytest.approx((4.04, 49.25), abs=0.05)
    assert reference.centroid("75115") == reference.centroid("75056")  # arrondissement → its city
    assert reference.centroid("98818") is None  # COM communes have no outline here
    paris, marseille = reference.centroid("75056"), reference.centroid("13055")
    assert reference.distance_km(*paris, *marseille) == pytest.approx(660, abs=15)


@pytest.mark.parametrize(
    "lon, lat, territory",
    [
        (2.3509, 48.8526, "metro"),  # Paris
        (9.45, 42.70, "metro"),  # Bastia
        (-5.09, 48.46, "metro"),  # Ouessant
        (-61.53, 16.24, "971"),  # Pointe-à-Pitre
        (-61.07, 14.60, "972"),  # Fort-de-France
        (-52.33, 4.94, "973"),  # Cayenne
        (55.45, -20.88, "974"),  # Saint-Denis
        (45.23, -12.78, "976"),  # Mamoudzou
        (-56.18, 46.78, "975"),  # Saint-Pierre
        (-62.85, 17.90, "977"),  # Gustavia
        (-63.08, 18.07, "978"),  # Marigot
        (-176.17, -13.28, "986"),  # Mata-Utu
        (-149.57, -17.53, "987"),  # Papeete
        (166.45, -22.27, "988"),  # Nouméa
        (0.0, 0.0, None),
        (48.85, 2.35, None),  # Paris with latitude and longitude swapped
        (-3.70, 40.42, None),  # Madrid
        (-0.13, 51.51, None),  # London
    ],
)
def test_territory_plausibility(lon, lat, territory):
    assert reference.territory_at(lon, lat) == territory
    assert reference.in_france(lon, lat) is (territory is not None)


def test_every_commune_centroid_is_in_its_territory():
    for item in reference.communes().values():
        if item.longitude is None:
            continue
        assert reference.territory_at(item.longitude, item.latitude) is not None, item
        if item.zone != "metro":
            box = reference.OVERSEAS_BOXES[item.departement]
            assert box[0] <= item.longitude <= box[2] and box[1] <= item.latitude <= box[3], item
    assert reference.territory_of_departement("13") == "metro" and reference.territory_of_departement("988") == "988"


def test_paca_sample_coordinates_are_in_france(samples):
    table = read_table(samples / "hub-du-sud-paca-2023.json")
    points = [(float(r["longitude"]), float(r["latitude"])) for r in table.rows if r.get("latitude")]
    assert len(points) > 600
    assert sum(reference.territory_at(lon, lat) == "metro" for lon, lat in points) >= len(points) - 2


def test_point_in_departement():
    pytest.importorskip("shapely")
    assert reference.outlines_available()
    assert reference.in_departement("13", 5.3698, 43.2965) is True  # Marseille
    assert reference.in_departement("84", 5.3698, 43.2965) is False
    assert reference.in_departement("971", -61.53, 16.24) is None  # no overseas outline
    assert reference.departement_at(2.3509, 48.8526) == "75"
    assert reference.departement_at(-3.70, 40.42) is None
    sein = reference.centroid("29083")  # Île-de-Sein lies off the simplified outline
    assert reference.in_departement("29", *sein) is False
    assert reference.in_departement("29", *sein, tolerance_km=15) is True
    outside = [
        c
        for c in reference.communes().values()
        if c.zone == "metro"
        and c.longitude is not None
        and reference.in_departement(c.departement, c.longitude, c.latitude, tolerance_km=2) is False
    ]
    assert len(outside) < 10  # only islands off the simplified coastline


def test_typologies():
    vocabulary = reference.typologies()
    assert len(vocabulary) == 92
    assert vocabulary["TIERS_LIEUX"] == "Tiers lieu & coworking"
    assert vocabulary["Autre"] == "Autre" and "RELAIS_LECTURE" in vocabulary and "MDH" in vocabulary
    assert {"ASSO", "BIB", "RFS", "CCAS", "FT"} <= set(vocabulary)
