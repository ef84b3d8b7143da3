"""Real mednum-cli configurations (tests/data/mednum_cli, copied from its repository) on rows written by hand:
the lieux produced equal the ones computed by hand from mednum-cli's rules (README of tests/data/mednum_cli)."""

from pathlib import Path

import pytest

from plugin.core.mapping import apply_mapping, load_profile

pytestmark = pytest.mark.usefixtures("english")

CONFIGS = Path(__file__).parent.parent / "data" / "mednum_cli"


def _map(name, rows, source_name):
    profile = load_profile(CONFIGS / f"{name}.config.json")
    return apply_mapping(rows, profile, source_name=source_name)


def _subset(record, expected):
    return {key: record[key] for key in expected}


def test_la_creuse():
    rows = [
        {
            "id": "12",
            "nom": "EPN de Guéret",
            "code_postal": "23000",
            "commune": "Guéret",
            "adresse": "1 place Bonnyaud",
            "latitude": "46.171",
            "longitude": "1.871",
            "téléphone": "05 55 51 00 00",
            "description": "Ateliers",
            "modalites_accompagnement": "oui",
            "services": "x",
            "horaires": "Du mardi au samedi de 10h à 12h et de 14h à 18h",
        }
    ]
    record = _map("la-creuse", rows, "la-creuse").records[0]
    assert _subset(record, {"id": 0, "source": 0, "telephone": 0, "services": 0, "horaires": 0, "date_maj": 0}) == {
        "id": "la-creuse_12",
        "source": "la-creuse",
        "telephone": "+33555510000",
        "services": "Maîtrise des outils numériques du quotidien",  # colonnes without termes: any non-empty cell
        "horaires": "Tu-Sa 10:00-12:00,14:00-18:00",
        "date_maj": "",  # "colonne": "" — nothing to read: the validation reports the missing date
    }
    assert record["modalites_accompagnement"] == "Dans un atelier collectif"
    assert record["presentation_detail"] == "Ateliers"


def test_bus_france_services_charente():
    rows = [
        {
            "id": "b1",
            "nom": "Bus France Services",
            "SIRET": "22160001700014",
            "commune": "Angoulême",
            "code_postal": "16000",
            "code_insee": "16015",
            "adresse": "Place du Champ de Mars",
            "latitude": "45.65",
            "longitude": "0.16",
            "telephone": "+33545000000",
            "courriel": "bus@charente.example",
            "site_web": "https://www.lacharente.fr",
            "date_maj": "2023-10-05",
            "services": "Accéder à du matériel, Favoriser mon insertion professionnelle",
            "horaires": "Mo 09:00-12:00",
            "ouverture": "Semaine paire",
        },
        {
            "id": "b2",
            "nom": "Bus 2",
            "commune": "Cognac",
            "code_postal": "16100",
            "adresse": "Place",
            "date_maj": "2023-10-05",
            "services": "Accompagner les démarches de santé",
        },
    ]
    first, second = _map("bus-france-services-charente", rows, "bus-france-services-charente").records
    assert first["id"] == "bus-france-services-charente_b1"
    assert first["pivot"] == "22160001700014" and first["courriels"] == "bus@charente.example"
    assert first["typologie"] == "RFS" and first["itinerance"] == "Itinérant"  # constant targets
    assert first["services"] == "Accès internet et matériel informatique|Insertion professionnelle via le numérique"
    assert first["horaires"] == "week 2-52/2 Mo 09:00-12:00"
    assert second["services"] == "Aide aux démarches administratives"
    assert second["horaires"] == "" and second["typologie"] == "RFS"


def test_francil_in_services_named_as_the_standard():
    rows = [
        {
            "id": "7",
            "nom": "Le Fab",
            "commune": "Paris",
            "code_postal": "75011",
            "adresse": "2 rue X",
            "latitude": "48.86",
            "longitude": "2.38",
            "date_maj": "2024-01-15",
            "services": "Aide aux démarches administratives|Loisirs et créations numériques",
            "horaires": "Mo-Fr 10:00-18:00",
        }
    ]
    record = _map("francil-in", rows, "francil-in").records[0]
    assert record["services"] == "Aide aux démarches administratives|Loisirs et créations numériques"
    assert record["horaires"] == "Mo-Fr 10:00-18:00"  # {"colonne": …} read as an OSM column
    assert record["id"] == "francil-in_7" and record["date_maj"] == "2024-01-15"


def test_paris_dissocier_and_oui_columns():
    rows = [
        {
            "identifiant": "p-1",
            "Nom de structure": "Médiathèque Marguerite Duras",
            "Code postal": "75020",
            "Adresse": "115 rue de Bagnolet",
            "geo_point_2d": "48.8597, 2.4021",
            "Téléphone": "01 55 25 49 10",
            "Dernière date de mise à jour": "05/09/2023",
            "Type de structure": "Bibliothèque / médiathèque",
            "Type de structure (Catégorie 3)": "Espace Public Numérique",
            "Gratuit": "Oui",
            "Participation financière": "Non",
            "Accès libre": "Autonome et Accompagné",
            "Tout public": "Non",
            "Seniors (pré-retraités et retraités)": "Oui",
            "Services accessibles aux personnes déficientes visuelles": "Oui",
            "Education au numérique": "Oui",
            "Tablettes": "Oui",
            "Jours et horaires d'ouverture": "Mardi : 10h-19h / Samedi : 10h-18h",
        }
    ]
    result = _map("paris", rows, "paris")
    record = result.records[0]
    assert (record["latitude"], record["longitude"]) == ("48.8597", "2.4021")
    assert record["telephone"] == "+33155254910" and record["date_maj"] == "2023-09-05"
    assert record["typologie"] == "BIB|EPN"
    assert record["frais_a_charge"] == "Gratuit"
    assert record["modalites_accompagnement"] == "En autonomie|Accompagnement individuel"
    assert record["publics_specifiquement_adresses"] == "Seniors"
    assert record["prise_en_charge_specifique"] == "Déficience visuelle"
    assert record["services"] == "Maîtrise des outils numériques du quotidien|Accès internet et matériel informatique"
    assert record["horaires"] == "Tu 10:00-19:00; Sa 10:00-18:00"
    assert record["commune"] == ""  # "colonne": "" in the configuration
    assert record["id"] == "paris_p-1"


def test_mulhouse_nested_json_and_sauf():
    rows = [
        {
            "recordid": "abc",
            "record_timestamp": "2023-06-01T08:15:00.123+00:00",
            "fields": {
                "nom_structure": "Centre social Papin",
                "commune": "Mulhouse",
                "code_postal": "68100",
                "adresse": "4 rue Papin",
                "type_de_structure": "Centre social",
                "type_public": "10-21 ans",
                "tarif_acces_equipement": "Gratuit pour les adhérents",
                "accompagnement_pour_des_demarches_en_ligne": "Oui",
                "jours_horaires_ouverture": "Lundi au vendredi 9h-12h",
            },
            "geometry": {"type": "Point", "coordinates": [7.33, 47.74]},
        }
    ]
    record = _map("mulhouse", rows, "mulhouse").records[0]
    assert record["nom"] == "Centre social Papin" and record["code_postal"] == "68100"
    assert (record["latitude"], record["longitude"]) == ("47.74", "7.33")  # geometry.coordinates.1 / .0
    assert record["date_maj"] == "2023-06-01"
    assert record["typologie"] == "CS" and record["publics_specifiquement_adresses"] == "Jeunes"
    # "Gratuit pour les adhérents": Gratuit's sauf excludes it here (mednum-cli keeps Gratuit: its sauf is
    # compared case-sensitively with the lower-cased cell); "adhérents" gives Payant
    assert record["frais_a_charge"] == "Payant"
    assert record["modalites_accompagnement"] == "Accompagnement individuel"
    assert record["services"] == "Aide aux démarches administratives"
    assert record["horaires"] == "Mo-Fr 09:00-12:00"
    assert record["id"] == "mulhouse_abc"


def test_rhin_occ_joindre_ou_lists_and_days():
    rows = [
        {
            "id": "r1",
            "siret": "",
            "name": "Tiers-lieu du Canal",
            "address": {"streetNumber": "5", "streetAddress": "quai du Canal", "addressLocality": "Sète",
                        "postalCode": "34200"},
            "geo": {"latitude": 43.4, "longitude": 3.69},
            "updatedAt": "",
            "createdAt": "2022-11-30",
            "categories": ["Tiers lieu", "Prendre en main un ordinateur", "Point Numérique CAF"],
            "tarif": "Gratuit sous condition",
            "modalites_accompagnement": "Seul ou Avec de l'aide",
            "aggregatedElements": [{"openHours": {"Mo": "9h-12h", "Tu": "14h-17h"}}],
        },
        {
            "id": "r2",
            "name": "Mairie",
            "address": {"streetNumber": "", "streetAddress": "", "customFormatedAddress": "Place de la Mairie"},
            "commune": "Agde",
            "code_postal": "34300",
            "date_maj": "2021-01-01",
            "categories": ["Association"],
        },
    ]
    first, second = _map("rhin-occ", rows, "rhin-occ").records
    assert first["adresse"] == "5 quai du Canal" and second["adresse"] == "Place de la Mairie"
    assert first["commune"] == "Sète" and second["commune"] == "Agde"  # first non-empty of the list
    assert second["code_postal"] == "34300"
    assert (first["latitude"], first["longitude"]) == ("43.4", "3.69")
    assert first["date_maj"] == "2022-11-30" and second["date_maj"] == "2021-01-01"
    # "Point Numérique CAF" contains "CAF": the CAF choice (listed before Tiers lieu) matches too
    assert first["typologie"] == "CAF|TIERS_LIEUX" and second["typologie"] == "ASSO"
    assert first["services"] == "Maîtrise des outils numériques du quotidien"
    assert first["dispositif_programmes_nationaux"] == "Point d'accès numérique CAF"
    assert first["frais_a_charge"] == "Gratuit|Gratuit sous condition"  # "Gratuit" is in the cell: the grammar
    # "Seul" matches but its sauf ("Avec de l'aide") excludes it; "Avec de l'aide" matches
    assert first["modalites_accompagnement"] == "Accompagnement individuel"
    assert first["horaires"] == "Mo 09:00-12:00; Tu 14:00-17:00"
    assert [first["id"], second["id"]] == ["rhin-occ_r1", "rhin-occ_r2"]
