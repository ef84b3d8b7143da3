"""Import mappings (plugin/core/mapping): every key of mednum-cli's grammar on a constructed hub-like file,
the French hours converter, Lambert-93, profiles loaded and saved as they are."""

import json

import pytest

from plugin.core.mapping import apply_mapping, convert_table, load_profile, read_source, save_profile
from plugin.core.mapping.apply import (
    ADDRESS_JOINED,
    CODE_ZERO,
    COORDINATE_COMMA,
    COORDINATE_SPLIT,
    DATE_ISO,
    HOURS_DAYS,
    HOURS_KEPT,
    HOURS_TEXT,
    ID_BUILT,
    LAMBERT93,
    PHONE,
)
from plugin.core.mapping.hours_fr import day_columns_to_osm, french_hours_to_osm
from plugin.core.mapping.lambert import lambert93_to_wgs84_closed_form
from plugin.core.mapping.profile import Profile, ProfileError, profile_from_dict
from plugin.core.mapping.source import flatten_record
from plugin.core.mapping.values import compile_choices, rules_from_table, values_of_row

pytestmark = pytest.mark.usefixtures("english")

# A Hub's export as such files really are: nested keys, one hours column per day, Oui/Non service columns.
HUB_ROWS = [
    {
        "USER_ID": "42",
        "Nom de votre structure": "  Espace numérique du Port ",
        "siret": "130 025 265 00013",
        "address": {"streetNumber": "3", "streetAddress": "rue du Port", "postalCode": "6000", "city": "Nice"},
        "c_insee": "6088",
        "geo": "43,695;7,281",
        "tel": "04 93 00 00 00",
        "mail": "contact@port.example",
        "Démarches": "Oui",
        "Bureautique": "oui",
        "Emploi": "Non",
        "tarif": "Gratuit pour les adhérents",
        "public": "Jeunes, Seniors",
        "lundi": "9h-12h / 14h-17h",
        "mardi": "fermé",
        "mercredi": "14h à 18h",
        "maj": "02/04/2024",
        "notes internes": "à rappeler",
        "categories": ["Association", "Tiers lieu"],
    },
    {
        "USER_ID": "43",
        "Nom de votre structure": "Médiathèque",
        "siret": "",
        "address": {"streetNumber": "", "streetAddress": "", "full": "Place Masséna 06000 Nice", "postalCode": ""},
        "cp": "06000",
        "geo": "",
        "x": "1043900",
        "y": "6300200",
        "tel": "+33493000001",
        "Démarches": "",
        "Bureautique": "Oui",
        "Emploi": "Oui",
        "tarif": "Gratuit",
        "horaires": "Du lundi au vendredi de 9h à 12h et de 14h à 17h30",
        "maj": "2024-03-01 10:00:00",
        "categories": ["Médiathèque"],
    },
]

HUB_PROFILE = {
    "id": {"colonne": "USER_ID"},
    "pivot": {"colonne": "siret"},
    "nom": {"colonne": "Nom de votre structure"},
    "commune": {"colonne": ["address.city", "ville"]},
    "code_postal": {"colonne": ["address.postalCode", "cp"]},
    "code_insee": {"colonne": "c_insee"},
    "adresse": {
        "joindre": {
            "colonnes": ["address.streetNumber", "address.streetAddress"],
            "séparateur": " ",
            "ou": {"colonne": "address.full"},
        }
    },
    "latitude": {"dissocier": {"colonne": "geo", "séparateur": ";", "partie": 0}},
    "longitude": {"dissocier": {"colonne": "geo", "séparateur": ";", "partie": 1}},
    "telephone": {"colonne": "tel"},
    "courriels": {"colonne": "mail"},
    "source": {"colonne": "origine"},
    "date_maj": {"colonne": ["maj"]},
    "typologie": [
        {"colonnes": ["categories.0", "categories.1"], "termes": ["association"], "cible": "ASSO"},
        {"colonnes": ["categories.0"], "termes": ["Médiathèque", "Bibliothèque"], "cible": "BIB"},
        {"colonnes": ["categories.1"], "termes": ["Tiers lieu"], "cible": "TIERS_LIEUX"},
    ],
    "services": [
        {"colonnes": ["Démarches"], "termes": ["Oui"], "cible": "Aide aux démarches administratives"},
        {"colonnes": ["Bureautique"], "termes": ["oui"], "cible": "Maîtrise des outils numériques du quotidien"},
        {"colonnes": ["Emploi"], "termes": ["Oui"], "cible": "Insertion professionnelle via le numérique"},
        {"colonnes": ["Démarches", "Bureautique"], "termes": ["Oui"], "cible": "Aide aux démarches administratives"},
    ],
    "frais_a_charge": [
        {"colonnes": ["tarif"], "termes": ["Gratuit"], "sauf": ["Gratuit pour les ADHÉRENTS"], "cible": "Gratuit"},
        {"colonnes": ["tarif"], "termes": ["adhérents"], "cible": "Payant"},
    ],
    "publics_specifiquement_adresses": [
        {"colonnes": ["public"], "cible": "Jeunes"},
    ],
    "itinerance": [{"cible": "Fixe"}],
    "horaires": {
        "jours": [
            {"colonne": "lundi", "osm": "Mo"},
            {"colonne": "mardi", "osm": "Tu"},
            {"colonne": ["mercredi"], "osm": "We"},
        ],
        "semaine": "horaires",
    },
    "presentation_resume": {"valeur": "Lieu du réseau du Hub"},
    "lieux_mednum": {"nom": "Hub test"},
}


def _result(source_name="hub-sud"):
    return apply_mapping(HUB_ROWS, profile_from_dict(json.loads(json.dumps(HUB_PROFILE))), source_name=source_name)


def test_every_grammar_key_on_a_hub_like_file():
    result = _result()
    first, second = result.records
    # colonne, first non-empty of a list, dotted paths, constant
    assert first["nom"] == "  Espace numérique du Port "  # copied as it is: the validation suggests the trim
    assert first["commune"] == "Nice" and second["commune"] == ""
    assert first["code_postal"] == "06000"  # its zero restored
    assert second["code_postal"] == "06000"  # address.postalCode empty → cp
    assert first["code_insee"] == "06088"
    assert first["presentation_resume"] == second["presentation_resume"] == "Lieu du réseau du Hub"
    # joindre / ou
    assert first["adresse"] == "3 rue du Port"
    assert second["adresse"] == "Place Masséna 06000 Nice"
    # dissocier with a decimal comma
    assert (first["latitude"], first["longitude"]) == ("43.695", "7.281")
    # value rules: termes case-insensitive, sauf case-insensitive, no termes = any value, no colonnes = constant
    assert first["services"] == "Aide aux démarches administratives|Maîtrise des outils numériques du quotidien"
    assert second["services"] == (
        "Maîtrise des outils numériques du quotidien|Insertion professionnelle via le numérique"
        "|Aide aux démarches administratives"
    )
    assert first["frais_a_charge"] == "Payant"  # "Gratuit pour les adhérents" excluded from Gratuit by sauf
    assert second["frais_a_charge"] == "Gratuit"
    assert first["publics_specifiquement_adresses"] == "Jeunes" and second["publics_specifiquement_adresses"] == ""
    assert first["itinerance"] == second["itinerance"] == "Fixe"
    assert first["typologie"] == "ASSO|TIERS_LIEUX" and second["typologie"] == "BIB"
    # horaires: one column per day, else the week's text
    assert first["horaires"] == "Mo 09:00-12:00,14:00-17:00; We 14:00-18:00"
    assert second["horaires"] == "Mo-Fr 09:00-12:00,14:00-17:30"
    # telephone to E.164, date to ISO
    assert first["telephone"] == "+33493000000" and second["telephone"] == "+33493000001"
    assert first["date_maj"] == "2024-04-02" and second["date_maj"] == "2024-03-01"
    # id and source as mednum-cli makes them
    assert first["source"] == "hub-sud" and first["id"] == "hub-sud_42"
    assert second["id"] == "hub-sud_43"
    assert first["pivot"] == "130 025 265 00013"


def test_nothing_lost_and_every_change_listed():
    result = _result()
    assert len(result.records) == 2 and result.row_numbers == [1, 2]
    # every column the profile does not read is kept for colonnes_source (also "categories", read by index only)
    assert set(result.extra_columns) == {"address.full", "x", "y", "notes internes", "categories", "cp"} - {
        "address.full",
        "cp",
    }
    assert result.extras[0]["notes internes"] == "à rappeler"
    kinds = result.counts()
    for kind in (CODE_ZERO, ADDRESS_JOINED, COORDINATE_SPLIT, PHONE, DATE_ISO, HOURS_DAYS, HOURS_TEXT, ID_BUILT):
        assert kinds[kind] >= 1, kind
    assert any("origine" in note for note in result.notes)  # a column of the profile absent from the file
    lines = result.summary_lines()
    assert any("telephone" in line and "+33493000000" in line for line in lines)


def test_lambert93_coordinates_are_reprojected():
    profile = profile_from_dict({"nom": {"colonne": "n"}, "latitude": {"colonne": "y"}, "longitude": {"colonne": "x"}})
    result = apply_mapping([{"n": "a", "x": "1043900", "y": "6300200"}, {"n": "b", "x": "7,27", "y": "43,7"}], profile)
    lat, lon = float(result.records[0]["latitude"]), float(result.records[0]["longitude"])
    assert 43.6 < lat < 43.8 and 7.2 < lon < 7.35  # Nice
    assert result.counts()[LAMBERT93] == 1
    assert result.records[1]["latitude"] == "43.7" and result.counts()[COORDINATE_COMMA] == 2


def test_lambert93_closed_form_matches_pyproj():
    pyproj = pytest.importorskip("pyproj")
    transformer = pyproj.Transformer.from_crs("EPSG:2154", "EPSG:4326", always_xy=True)
    for x, y in [(652469.02, 6862035.26), (1050000, 6840000), (400000, 6300000), (1200000, 6100000)]:
        ours, theirs = lambert93_to_wgs84_closed_form(x, y), transformer.transform(x, y)
        assert abs(ours[0] - theirs[0]) < 1e-7 and abs(ours[1] - theirs[1]) < 1e-7


def test_without_source_name_ids_are_copied():
    result = _result(source_name="")
    assert result.records[0]["id"] == "42" and result.records[0]["source"] == ""


def test_id_from_row_index_when_no_id_column():
    profile = profile_from_dict({"nom": {"colonne": "n"}})
    result = apply_mapping([{"n": "a"}, {"n": "b"}], profile, source_name="Mon Hub")
    assert [r["id"] for r in result.records] == ["Mon-Hub_0", "Mon-Hub_1"]  # mednum-cli: spaces → "-", 0-based
    assert result.records[0]["source"] == "Mon Hub"


@pytest.mark.parametrize(
    ("text", "osm"),
    [
        ("Du lundi au vendredi de 9h à 12h et de 14h à 17h30", "Mo-Fr 09:00-12:00,14:00-17:30"),
        ("Lundi : 9h-12h / Mercredi : 14h-18h", "Mo 09:00-12:00; We 14:00-18:00"),
        ("mardi, jeudi 9h00-12h00 ; samedi fermé", "Tu,Th 09:00-12:00"),
        ("Lun-Ven : 9h-17h", "Mo-Fr 09:00-17:00"),
        ("lundi au samedi 8h30-midi", "Mo-Sa 08:30-12:00"),
        ("Mo-Fr 9h-12h, 14h-17h", "Mo-Fr 09:00-12:00,14:00-17:00"),
        ("Mo-Fr 09:00-12:00", "Mo-Fr 09:00-12:00"),
        ("tous les jours 24h/24", "24/7"),
        ("9h-12h", None),  # which days: not ours to guess
        ("sur rendez-vous", None),
        ("lundi 14h-12h", None),
        ("lundi de 9h à 12h sauf vacances scolaires", None),
    ],
)
def test_french_hours_to_osm(text, osm):
    assert french_hours_to_osm(text) == osm


def test_day_columns_to_osm():
    osm, unread = day_columns_to_osm({"Mo": "9h-12h / 14h-18h", "Tu": "Fermé", "We": "10h à 12h", "Th": "voir site"})
    assert osm == "Mo 09:00-12:00,14:00-18:00; We 10:00-12:00" and unread == ["Th"]


def test_unreadable_hours_are_kept_and_listed():
    profile = profile_from_dict({"nom": {"colonne": "n"}, "horaires": {"semaine": "h"}})
    result = apply_mapping([{"n": "a", "h": "sur rendez-vous"}], profile)
    assert result.records[0]["horaires"] == "sur rendez-vous" and result.counts()[HOURS_KEPT] == 1


def test_week_parity_and_osm_column():
    profile = profile_from_dict(
        {"nom": {"colonne": "n"}, "horaires": {"osm": "h"}, "semaine_ouverture": {"colonne": "w"}}
    )
    rows = [{"n": "a", "h": "Tu 09:00-12:00", "w": "Semaine paire"}, {"n": "b", "h": "Tu 09:00-12:00", "w": "x"}]
    result = apply_mapping(rows, profile)
    assert [r["horaires"] for r in result.records] == ["week 2-52/2 Tu 09:00-12:00", "week 1-53/2 Tu 09:00-12:00"]


def test_sauf_is_case_insensitive_unlike_mednum_cli():
    choices = compile_choices([{"colonnes": ["t"], "termes": ["gratuit"], "sauf": ["Adhérents"], "cible": "Gratuit"}])
    assert values_of_row(choices, {"t": "Gratuit pour les adhérents"}) == []
    assert values_of_row(choices, {"t": "GRATUIT"}) == ["Gratuit"]


def test_rules_from_value_table_give_the_table_back():
    table = {
        ("tarif", "Gratuit"): ["Gratuit"],
        ("tarif", "Gratuit sous condition"): ["Gratuit sous condition"],
        ("tarif", "Payant"): ["Payant"],
    }
    choices = compile_choices(rules_from_table(table))
    for (_column, value), targets in table.items():
        assert values_of_row(choices, {"tarif": value}) == targets


def test_flatten_record_as_mednum_cli():
    flat = flatten_record({"a": {"b": 1, "c": {"d": "x"}}, "l": [1, 2], "o": [{"n": "y"}]})
    assert flat == {"a.b": 1, "a.c.d": "x", "l": [1, 2], "o.0.n": "y"}


def test_read_source_flattens_nested_json(tmp_path):
    path = tmp_path / "hub.json"
    path.write_text(json.dumps(HUB_ROWS, ensure_ascii=False), encoding="utf-8")
    table = read_source(path)
    assert "address.postalCode" in table.header and "categories" in table.header
    result = convert_table(table, profile_from_dict(HUB_PROFILE), source_name="hub-sud")
    assert result.records == _result().records


def test_profile_round_trip_keeps_the_grammar(tmp_path):
    path = tmp_path / "hub.config.json"
    path.write_text(json.dumps(HUB_PROFILE, ensure_ascii=False), encoding="utf-8")
    profile = load_profile(path)
    assert profile.name == "Hub test"
    target = save_profile(profile, tmp_path / "copy.config.json")
    assert json.loads(target.read_text(encoding="utf-8")) == HUB_PROFILE  # byte-for-byte the same grammar


@pytest.mark.parametrize(
    ("config", "words"),
    [
        ([], "JSON object"),
        ({"nom": "Nom"}, "“nom”"),
        ({"services": [{"colonnes": "a", "cible": "x"}]}, "“colonnes”"),
        ({"horaires": {"jours": [{"colonne": "a", "osm": "Lundi"}]}}, "“jours”"),
    ],
)
def test_bad_profiles_are_refused_with_a_message(config, words):
    with pytest.raises(ProfileError) as caught:
        profile_from_dict(config)
    assert words in caught.value.message


def test_unknown_keys_are_kept_and_reported():
    profile = profile_from_dict({"nom": {"colonne": "n"}, "accessibilite": {"colonne": "a"}})
    assert profile.unknown_keys == ["accessibilite"]
    result = apply_mapping([{"n": "x", "a": "y"}], profile)
    assert any("accessibilite" in note for note in result.notes)


def test_profile_columns():
    assert Profile(HUB_PROFILE).columns()[:3] == ["USER_ID", "siret", "Nom de votre structure"]
    assert "lundi" in Profile(HUB_PROFILE).columns()
