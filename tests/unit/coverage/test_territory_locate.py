"""Territories resolved from the bundled reference, lieux placed in their commune, rankings and indicator."""

from __future__ import annotations

import pytest

from plugin.core import reference
from plugin.core.coverage import CoverageError, audit_coverage, commune_of, resolve_territory, search_territories


@pytest.mark.parametrize(
    ("text", "kind", "code", "count"),
    [
        ("13", "departement", "13", 119),
        ("departement:2A", "departement", "2A", None),
        ("region:11", "region", "11", None),
        ("11", "departement", "11", None),  # a bare 11 is the Aude, the région needs its prefix
        ("200054807", "epci", "200054807", 92),
        ("13055", "commune", "13055", 1),
        ("commune:13201", "commune", "13055", 1),  # an arrondissement is audited with its city
        ("france", "france", "", None),
    ],
)
def test_resolve_territory(text, kind, code, count):
    territory = resolve_territory(text)
    assert (territory.kind, territory.code) == (kind, code)
    if count is not None:
        assert len(territory.communes) == count
    assert all(reference.commune(c).type == "COM" for c in territory.communes)
    assert resolve_territory(territory.key) == territory


def test_region_is_the_union_of_its_departements():
    region = resolve_territory("region:93")
    departements = [resolve_territory(code) for code in ("04", "05", "06", "13", "83", "84")]
    assert sorted(region.communes) == sorted(c for d in departements for c in d.communes)
    assert region.population == sum(d.population for d in departements)


def test_france_holds_every_current_commune():
    france = resolve_territory("france")
    assert len(france.communes) == sum(1 for c in reference.communes().values() if c.type == "COM") > 34000


@pytest.mark.parametrize("text", ["", "departement:99", "epci:123456789", "region:42", "canton:1", "zzzzqq"])
def test_unknown_territory_is_a_clear_error(text):
    with pytest.raises(CoverageError) as error:
        resolve_territory(text)
    assert error.value.message


def test_search_as_you_type():
    labels = [t.key for t in search_territories("bouches-du")]
    assert labels[0] == "departement:13"
    found = [t.key for t in search_territories("Marseille")]
    assert "epci:200054807" in found and "commune:13055" in found
    assert search_territories("93")[0].key in ("departement:93", "region:93")
    assert search_territories("") == []


@pytest.mark.parametrize(
    ("code_insee", "code_postal", "commune", "expected"),
    [
        ("13056", "", "", "13056"),
        ("4070", "", "", "04070"),  # lost leading zero
        ("13201", "", "", "13055"),  # arrondissement → city
        ("", "13001", "Marseille", "13055"),
        ("", "04000", "DIGNE LES BAINS", "04070"),
        ("", "4000", "Digne-les-Bains", "04070"),
        ("", "13490", "Jouques", "13048"),
        ("", "84000", "", "84007"),  # the only commune of that postal code
        ("", "99999", "Nulle part", None),
        ("99999", "", "", None),
    ],
)
def test_commune_of_a_lieu(code_insee, code_postal, commune, expected):
    assert commune_of(code_insee, code_postal, commune) == expected


def test_ambiguous_postal_code_needs_the_name():
    shared = reference.communes_by_postal_code("04200")
    assert len({c.code_insee for c in shared}) > 1
    assert commune_of("", "04200", "") is None
    assert commune_of("", "04200", shared[0].nom) == shared[0].code_insee


def test_worst_served_and_priorities_with_an_indicator():
    records = [{"id": "1", "nom": "Lieu", "latitude": "43.2965", "longitude": "5.3698", "code_insee": "13055"}]
    territory = resolve_territory("13")
    indicator = {"13004": 2.0, "13103": 0.5, "13055": 9.0}  # Arles, Salon-de-Provence, Marseille
    result = audit_coverage(records, territory, 10, indicator=indicator, indicator_name="IFN")
    worst = result.worst_served(None)
    assert [c.population for c in worst] == sorted((c.population for c in worst), reverse=True)
    assert all(not c.couvert for c in worst)
    marseille = next(c for c in result.communes if c.code_insee == "13055")
    assert marseille.couvert and marseille.population_non_couverte == 0 and marseille.priorite == 0
    priorities = result.priorities()
    assert [c.code_insee for c in priorities] == ["13004", "13103"]
    assert priorities[0].priorite == pytest.approx(2.0 * reference.commune("13004").population)
    assert marseille.lieux_pour_10000 == pytest.approx(10000 / marseille.population)
    assert result.totals.part_couverte == pytest.approx(result.totals.population_couverte / result.totals.population)


def test_radius_must_be_positive():
    with pytest.raises(CoverageError):
        audit_coverage([], resolve_territory("13055"), 0)


def test_indicator_values_and_insee_field():
    from plugin.core.coverage.indicator import guess_insee_field, indicator_values

    assert guess_insee_field(["nom", "CODGEO", "score"]) == "CODGEO"
    assert guess_insee_field(["Code INSEE", "ifn"]) == "Code INSEE"
    assert guess_insee_field(["nom", "score"]) is None
    values, skipped = indicator_values(
        [("4070", "12,5"), (13201, 3), ("13055", 9), ("", 1), ("13004", "n/a"), (4070.0, 99), ("83036", None)]
    )
    assert values == {
        "04070": 12.5,
        "13055": 3.0,
    }
    assert skipped == 3
