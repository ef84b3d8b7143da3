"""The file name the standard recommends for a published file (README of the standard, « nommage des fichiers »:
AAAAMMJJ_idProducteur_lieux-de-mediation-numerique_territoire.csv)."""

import datetime as dt

from plugin.core.export_name import (
    available_path,
    default_territory,
    departement_of,
    producer_identifier,
    producer_needs_setting,
    slug,
    suggested_export_name,
    territory_name,
)

DAY = dt.date(2024, 4, 2)
MARSEILLE = {"code_postal": "13001", "code_insee": "13201", "source": "Hub du Sud"}
ARLES = {"code_postal": "13200", "code_insee": "13004", "source": "Hub du Sud"}


def test_name_follows_the_recommendation():
    name = suggested_export_name([MARSEILLE, ARLES], producer_id="123 456 789", day=DAY)
    assert name == "20240402_123456789_lieux-de-mediation-numerique_BouchesDuRhone.csv"
    assert suggested_export_name([MARSEILLE], producer_id="12345678900012", fmt="geojson", day=DAY) == (
        "20240402_12345678900012_lieux-de-mediation-numerique_Marseille1erArrondissement.geojson"
    )


def test_producer_is_the_siren_never_the_source_name_when_known():
    assert producer_identifier("w751234567") == "W751234567"
    assert producer_identifier(" 123456789 ") == "123456789"
    hub = {"nom": "Hub du Sud", "pivot": "12345678900012", "source": "Hub du Sud", "code_postal": "13001"}
    records = [hub, MARSEILLE, ARLES]
    # without the setting: the SIREN of the lieu named as the collecting structure
    assert suggested_export_name(records, day=DAY).startswith("20240402_123456789_")
    assert not producer_needs_setting("", records)
    # no such lieu: the collecting structure's name, and the dialog asks for the SIREN in the settings
    assert suggested_export_name([MARSEILLE], day=DAY).startswith("20240402_hub-du-sud_")
    assert producer_needs_setting("", [MARSEILLE]) and not producer_needs_setting("123456789", [MARSEILLE])


def test_territory_from_settings_else_commune_departement_region_else_france():
    assert suggested_export_name([], territory="Région Sud", day=DAY).endswith("_RegionSud.csv")
    assert territory_name("Provence-Alpes-Côte d'Azur") == "ProvenceAlpesCoteDAzur"
    assert default_territory([ARLES, dict(ARLES)]) == "Arles"
    assert default_territory([MARSEILLE, ARLES]) == "BouchesDuRhone"
    assert default_territory([{"code_postal": "13500"}, {"code_postal": "84000"}]) == "ProvenceAlpesCoteDAzur"
    assert default_territory([{"code_insee": "2A004"}, {"code_postal": "20000"}]) == "CorseDuSud"
    assert default_territory([{"code_postal": "13500"}, {"code_postal": "75001"}]) == "France"
    assert default_territory([]) == "France"


def test_an_existing_file_is_never_the_suggestion(tmp_path):
    path = tmp_path / "20240402_123456789_lieux-de-mediation-numerique_Arles.csv"
    assert available_path(path) == path
    path.write_text("x")
    assert available_path(path) == tmp_path / "20240402_123456789_lieux-de-mediation-numerique_Arles_2.csv"
    (tmp_path / "20240402_123456789_lieux-de-mediation-numerique_Arles_2.csv").write_text("x")
    assert available_path(path).name.endswith("_Arles_3.csv")


def test_departement_of():
    assert departement_of({"code_insee": "51454"}) == "51"
    assert departement_of({"code_postal": "20200"}) == "2B"
    assert departement_of({"code_postal": "abc"}) is None
    assert slug("  Métropole de Lyon ! ") == "metropole-de-lyon"
