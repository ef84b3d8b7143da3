"""The proposed mapping of a Hub file, saved profiles matched against a header, and the placing of lieux
without coordinates (BAN batch geocoding on a loopback server speaking its CSV contract, commune centroids)."""

import csv
import io
import json

import pytest

from plugin.api.ban import BanGeocoder
from plugin.core.mapping import apply_mapping, convert_table, read_source
from plugin.core.mapping.apply import CENTROID, GEOCODED
from plugin.core.mapping.geocoding import GeocodingCache, place_lieux
from plugin.core.mapping.profile import profile_from_dict
from plugin.core.mapping.proposal import (
    describe_columns,
    fold_header,
    propose_profile,
    set_value_table,
    value_table,
)
from plugin.core.mapping.store import ProfileStore, profile_file_name

pytestmark = pytest.mark.usefixtures("english")

HUB_CSV = (
    "USER_ID;Nom de votre structure;c_postcode;Ville;Adresse;LAT;LON;Téléphone;Email;Site;"
    "Aide aux démarches administratives;Maîtrise des outils numériques;Tarif;Lundi;Mardi;Dernière mise à jour;"
    "Notes\n"
    "1;EPN Nord;59000;Lille;1 rue A;50,63;3,06;03 20 00 00 00;a@b.fr;https://a.fr;Oui;Non;Gratuit;9h-12h;14h-17h;"
    "02/04/2024;x\n"
    "2;EPN Sud;6000;Nice;2 rue B;43,7;7,26;04 93 00 00 00;c@d.fr;https://c.fr;Non;Oui;Payant sur adhésion;"
    "9h-12h / 14h-17h;fermé;03/04/2024;y\n"
)


@pytest.fixture
def hub_file(tmp_path):
    path = tmp_path / "hub.csv"
    path.write_text(HUB_CSV, encoding="utf-8")
    return path


def test_fold_header():
    assert fold_header("address.postalCode") == "address postal code"
    assert fold_header("Nom de votre STRUCTURE") == "nom de votre structure"


def test_columns_are_described(hub_file):
    infos = {info.name: info for info in describe_columns(read_source(hub_file))}
    assert infos["c_postcode"].shape == "postal_code" and infos["LAT"].shape == "latitude"
    assert infos["Téléphone"].shape == "phone" and infos["Email"].shape == "email" and infos["Site"].shape == "url"
    assert (infos["Lundi"].shape, infos["Lundi"].day) == ("day_hours", "Mo")
    assert infos["Aide aux démarches administratives"].shape == "flag"
    assert infos["Notes"].fill == 1.0 and infos["Notes"].samples == ["x", "y"]


def test_proposed_profile_maps_a_hub_file(hub_file):
    table = read_source(hub_file)
    profile = propose_profile(table)
    config = profile.config
    assert config["id"] == {"colonne": "USER_ID"}
    assert config["nom"] == {"colonne": "Nom de votre structure"}
    assert config["code_postal"] == {"colonne": "c_postcode"} and config["commune"] == {"colonne": "Ville"}
    assert config["latitude"] == {"colonne": "LAT"} and config["longitude"] == {"colonne": "LON"}
    assert config["telephone"] == {"colonne": "Téléphone"} and config["courriels"] == {"colonne": "Email"}
    assert config["horaires"] == {"jours": [{"colonne": "Lundi", "osm": "Mo"}, {"colonne": "Mardi", "osm": "Tu"}]}
    assert config["date_maj"] == {"colonne": "Dernière mise à jour"}
    # Oui/Non columns named after a service
    assert {"colonnes": ["Aide aux démarches administratives"], "termes": ["oui"],
            "cible": "Aide aux démarches administratives"} in config["services"]  # fmt: skip
    # values of a column matched with the allowed values (fuzzy)
    assert {rule["cible"] for rule in config["frais_a_charge"]} == {"Gratuit", "Payant"}
    first, second = convert_table(table, profile, source_name="hub").records
    assert first["services"] == "Aide aux démarches administratives" and first["frais_a_charge"] == "Gratuit"
    assert second["services"] == "Maîtrise des outils numériques du quotidien"
    assert second["frais_a_charge"] == "Payant" and second["code_postal"] == "06000"


def test_value_table_edit_round_trip(hub_file):
    table = read_source(hub_file)
    infos = describe_columns(table)
    profile = propose_profile(table, infos=infos)
    rows = value_table(profile, "frais_a_charge", infos)
    assert ("Tarif", "Gratuit", 1, ["Gratuit"]) in rows
    edited = {(column, value): targets for column, value, _count, targets in rows}
    edited[("Tarif", "Payant sur adhésion")] = ["Gratuit sous condition"]
    set_value_table(profile, "frais_a_charge", edited)
    assert convert_table(table, profile).records[1]["frais_a_charge"] == "Gratuit sous condition"


def test_store_matches_a_header_with_its_profile(tmp_path, hub_file):
    store = ProfileStore(tmp_path / "user", tmp_path / "project")
    table = read_source(hub_file)
    profile = propose_profile(table)
    profile.set_extras(en_tetes=list(table.header))
    path = store.save(profile, "Hub du Nord (2024)", kind="project")
    assert path.name == profile_file_name("Hub du Nord (2024)") == "hub-du-nord-2024.config.json"
    other = profile_from_dict({"nom": {"colonne": "name"}, "commune": {"colonne": "city"}})
    store.save(other, "Autre")
    assert [stored.folder_kind for stored in store.list()] == ["project", "user"]
    stored, score = store.best_for_header(table.header)
    assert stored.name == "hub-du-nord-2024" and score == 1.0
    assert store.best_for_header(["a", "b"]) is None
    assert json.loads(path.read_text(encoding="utf-8"))["lieux_mednum"]["nom"] == "Hub du Nord (2024)"


def _ban_csv_answer(request):
    """The BAN's /search/csv/ contract: the uploaded CSV back, with the result columns."""
    from werkzeug.wrappers import Response

    upload = request.files["data"].read().decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(upload)))
    out = io.StringIO()
    fields = [*rows[0].keys(), "latitude", "longitude", "result_label", "result_score"] if rows else []
    writer = csv.DictWriter(out, fields)
    writer.writeheader()
    for row in rows:
        good = "rue A" in row["q"]
        writer.writerow({**row, "latitude": "50.6365" if good else "45.0", "longitude": "3.0635" if good else "1.0",
                         "result_label": "1 Rue A 59000 Lille", "result_score": "0.93" if good else "0.2"})
    assert request.form.getlist("columns") == ["q"] and request.form["postcode"] == "postcode"
    return Response(out.getvalue(), content_type="text/csv")


def test_lieux_without_coordinates_are_geocoded_or_placed_at_their_commune(httpserver, tmp_path):
    httpserver.expect_request("/search/csv/", method="POST").respond_with_handler(_ban_csv_answer)
    profile = profile_from_dict({"nom": {"colonne": "n"}, "adresse": {"colonne": "a"}, "commune": {"colonne": "c"},
                                 "code_postal": {"colonne": "cp"}, "code_insee": {"colonne": "i"}})  # fmt: skip
    rows = [
        {"n": "geocoded", "a": "1 rue A", "c": "Lille", "cp": "59000", "i": ""},
        {"n": "low score", "a": "lieu-dit inconnu", "c": "Nice", "cp": "06000", "i": ""},
        {"n": "insee only", "a": "", "c": "", "cp": "", "i": "13055"},
        {"n": "nothing", "a": "", "c": "", "cp": "", "i": ""},
    ]
    result = apply_mapping(rows, profile)
    cache = GeocodingCache.load(tmp_path / "ban-cache.json")
    report = place_lieux(result, BanGeocoder(httpserver.url_for("/")).geocode_csv, cache)
    assert (report.geocoded, report.approximate, report.unplaced, report.asked) == (1, 2, 1, 2)
    records = result.records
    assert (records[0]["latitude"], records[0]["longitude"]) == ("50.6365", "3.0635")
    assert 43.6 < float(records[1]["latitude"]) < 43.8  # Nice's centre, not the BAN's low-score answer
    assert 43.2 < float(records[2]["latitude"]) < 43.4  # Marseille (13055)
    assert records[3]["latitude"] == ""
    kinds = [change.kind for change in result.transformations if change.field == "latitude"]
    assert kinds == [GEOCODED, CENTROID, CENTROID]
    assert any("approximate" in note for note in result.notes)
    # the answers are cached: a second run asks nothing
    again = apply_mapping(rows, profile)
    report = place_lieux(again, BanGeocoder(httpserver.url_for("/")).geocode_csv, GeocodingCache.load(cache.path))
    assert report.asked == 0 and report.geocoded == 1


def test_offline_geocoding_falls_back_to_centroids_with_the_reason():
    def offline(_data):
        raise OSError("réseau indisponible")

    profile = profile_from_dict({"nom": {"colonne": "n"}, "adresse": {"colonne": "a"}, "commune": {"colonne": "c"}})
    result = apply_mapping([{"n": "x", "a": "1 rue A", "c": "Lille"}], profile)
    report = place_lieux(result, offline)
    assert report.approximate == 1 and "réseau indisponible" in report.error
    assert 50.5 < float(result.records[0]["latitude"]) < 50.7


def test_a_column_chosen_for_a_list_field(hub_file):
    from plugin.core.mapping.profile import Profile
    from plugin.core.mapping.proposal import rule_for_column

    table = read_source(hub_file)
    infos = describe_columns(table)
    by_name = {info.name: info for info in infos}
    # a Oui/Non column: the value its header names
    assert rule_for_column("services", by_name["Aide aux démarches administratives"]) == [
        {"colonnes": ["Aide aux démarches administratives"], "termes": ["oui"],
         "cible": "Aide aux démarches administratives"}
    ]  # fmt: skip
    # values that match nothing: the column stays, its values listed to be mapped by hand (no target: mednum-cli
    # adds nothing for such a rule)
    profile = Profile({})
    profile.set_rule("publics_specifiquement_adresses", rule_for_column("publics_specifiquement_adresses",
                                                                        by_name["Notes"]))  # fmt: skip
    rows = value_table(profile, "publics_specifiquement_adresses", infos)
    assert [(value, targets) for _column, value, _count, targets in rows] == [("x", []), ("y", [])]
    set_value_table(profile, "publics_specifiquement_adresses", {("Notes", "x"): ["Seniors"], ("Notes", "y"): []})
    assert convert_table(table, profile).records[0]["publics_specifiquement_adresses"] == "Seniors"
