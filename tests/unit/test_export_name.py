"""The file name the standard recommends for a published file."""

import datetime as dt

from plugin.core.export_name import default_territory, departement_of, slug, suggested_export_name

DAY = dt.date(2024, 4, 2)


def test_name_follows_the_recommendation():
    records = [{"code_postal": "13500", "code_insee": "13056", "source": "Hub du Sud"}]
    name = suggested_export_name(records, producer_id="123456789", day=DAY)
    assert name == "2024-04-02_123456789_lieux-de-mediation-numerique_13.csv"
    assert suggested_export_name(records, fmt="geojson", day=DAY).endswith("_13.geojson")


def test_producer_defaults_to_the_most_common_source():
    records = [{"source": "Hub du Sud"}, {"source": "Hub du Sud"}, {"source": "dora"}]
    assert suggested_export_name(records, day=DAY).startswith("2024-04-02_hub-du-sud_")


def test_territory_from_settings_else_one_departement_else_france():
    assert suggested_export_name([], territory="Région Sud", day=DAY).endswith("_region-sud.csv")
    assert default_territory([{"code_postal": "13500"}, {"code_postal": "84000"}]) == "france"
    assert default_territory([{"code_insee": "2A004"}, {"code_postal": "20000"}]) == "2a"
    assert default_territory([{"code_postal": "97100"}]) == "971"
    assert default_territory([]) == "france"


def test_departement_of():
    assert departement_of({"code_insee": "51454"}) == "51"
    assert departement_of({"code_postal": "20200"}) == "2B"
    assert departement_of({"code_postal": "abc"}) is None
    assert slug("  Métropole de Lyon ! ") == "metropole-de-lyon"
