"""Converters on the shared api-samples: data·inclusion v1, DORA v2, Cartographie /carto."""

from __future__ import annotations

import json

import pytest

from plugin.core.converters import cartographie, data_inclusion, dora
from plugin.core.converters.common import phone, record_hash, split_description


@pytest.fixture(scope="module")
def api_samples(shared_data):
    folder = shared_data / "api-samples"
    if not folder.is_dir():
        pytest.skip("api-samples not available")
    return lambda name: json.loads((folder / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "table, field",
    [
        (data_inclusion.THEMATIQUES_TO_SERVICES, "services"),
        (data_inclusion.FRAIS_TO_FRAIS_A_CHARGE, "frais_a_charge"),
        (data_inclusion.TYPE_TO_MODALITES_ACCOMPAGNEMENT, "modalites_accompagnement"),
        (data_inclusion.MODES_MOBILISATION_TO_MODALITES_ACCES, "modalites_acces"),
        (data_inclusion.PUBLICS_TO_PUBLICS_SPECIFIQUEMENT_ADRESSES, "publics_specifiquement_adresses"),
        (data_inclusion.RESEAUX_PORTEURS_TO_DISPOSITIFS, "dispositif_programmes_nationaux"),
        (dora.LABELS_TO_DISPOSITIFS, "dispositif_programmes_nationaux"),
        (dora.LABELS_TO_FORMATIONS, "formations_labels"),
        (dora.MODES_ORIENTATION_TO_MODALITES_ACCES, "modalites_acces"),
    ],
)
def test_mapping_targets_are_values_of_the_schema(schema, table, field):
    allowed = set(schema.field(field).enum)
    targets = {t for t in table.values() if t is not None}
    assert targets <= allowed, targets - allowed


def test_di_thematiques_keys_are_data_inclusion_values():
    from data_inclusion.schema.v1 import Thematique

    known = {t.value for t in Thematique}
    v1_keys = [k for k in data_inclusion.THEMATIQUES_TO_SERVICES if k in known]
    assert len(v1_keys) == 8  # the 4 numérique thématiques + the 4 others used for mednum


def test_data_inclusion_structure_with_numerique_services(api_samples):
    structure = api_samples("data-inclusion-v1-structures-page.json")["items"][0]
    service = dict(api_samples("data-inclusion-v1-services-page.json")["items"][0])
    other = dict(service, id="dora--autre", thematiques=["famille--garde-denfants"], frais="payant")
    service["thematiques"] = ["numerique--acceder-a-une-connexion-internet", "numerique--acquerir-un-equipement"]
    lieu = data_inclusion.convert_structure(structure, [service, other])
    record = lieu.record
    assert record["id"] == "dora--lot-kitchen-amount" and lieu.remote_id == record["id"]
    assert record["pivot"] == "76475938700658"
    assert record["services"] == (
        "Accès internet et matériel informatique|Acquisition de matériel informatique à prix solidaire"
    )
    assert record["frais_a_charge"] == "Gratuit"  # the non-numérique service is ignored
    assert record["telephone"] == "+33102030405"
    assert record["modalites_acces"] == "Téléphoner"
    assert record["modalites_accompagnement"] == "À distance"
    assert record["publics_specifiquement_adresses"] == "Femmes"
    assert record["fiche_acces_libre"] == structure["accessibilite_lieu"]
    assert record["latitude"] == "-20.074628" and record["date_maj"] == "2023-01-01"
    assert lieu.extras["services_data_inclusion"] == service["id"]


def test_data_inclusion_detailed_service(api_samples):
    lieu = data_inclusion.convert_detailed_service(api_samples("data-inclusion-v1-service-detail.json"))
    record = lieu.record
    assert record["nom"] == "Centre social Le Tournesol"
    assert record["services"] == "Acquisition de matériel informatique à prix solidaire"
    assert record["modalites_accompagnement"] == "Accompagnement individuel|À distance"
    assert record["prise_rdv"] == "https://www.actionlogement.fr/demande-cfi"
    assert record["site_web"] == "https://example.com/"
    assert lieu.extras["reseaux_porteurs"] == "mission-locale"
    assert lieu.warnings == []


def test_data_inclusion_payload_checked_with_the_package_models(api_samples):
    structure = dict(api_samples("data-inclusion-v1-structures-page.json")["items"][0])
    structure.update(code_postal="1300", date_maj="1999-01-01")
    service = dict(api_samples("data-inclusion-v1-services-page.json")["items"][0],
                   thematiques=["numerique--acquerir-un-equipement"])
    lieu = data_inclusion.convert_structure(structure, [service])
    assert lieu is not None  # still converted: nothing dropped silently
    text = " ".join(lieu.warnings)
    assert "code_postal" in text and "date_maj" in text


def test_long_description_is_split():
    resume, detail = split_description("mot " * 100)
    assert len(resume) <= 280 and resume.endswith("…") and detail == ("mot " * 100).strip()
    assert split_description("court") == ("court", "")


def test_phone_normalisation():
    assert phone("01 02 03 04 05") == "+33102030405"
    assert phone("+33612823657") == "+33612823657"
    assert phone("0033612823657") == "+33612823657"
    assert phone("3949") == "3949"


def test_dora_structure_and_services(api_samples):
    structure = api_samples("dora-v2-structure.json")
    service = dict(api_samples("dora-v2-service.json"),
                   thematiques=["numerique--maitriser-les-fondamentaux-du-numerique",
                                "numerique--acceder-a-des-services-en-ligne"])
    lieu = dora.convert_structure(structure, [service, api_samples("dora-v2-service.json")])
    record = lieu.record
    assert record["id"] == "dora--5b8e0b7e-3f0c-4a55-9b8c-2a7f4f1f0a11"
    assert record["typologie"] == "ASSO" and record["source"] == "dora"
    assert record["horaires"] == 'Mo-Fr 10:00-20:00 "sur rendez-vous"; PH off'
    assert record["services"] == "Maîtrise des outils numériques du quotidien|Aide aux démarches administratives"
    assert record["frais_a_charge"] == "Payant"
    assert record["modalites_acces"] == (
        "Contacter par mail|Envoyer un mail avec une fiche de prescription|Prendre un RDV en ligne"
    )
    assert record["publics_specifiquement_adresses"] == "Étudiants|Familles et/ou enfants|Femmes"
    assert record["autres_formations_labels"] == "Nièvre médiation numérique"
    assert record["date_maj"] == "2023-03-11"  # the newest of structure and numérique services
    assert lieu.extras["labels_nationaux"] == "afpa|cnaf"  # unmapped labels kept aside


def test_dora_structure_without_numerique_service_has_no_services(api_samples):
    lieu = dora.convert_structure(api_samples("dora-v2-structure.json"), [api_samples("dora-v2-service.json")])
    assert lieu.record["services"] == "" and lieu.record["date_maj"] == "2022-04-28"


def test_carto_item(api_samples):
    item = api_samples("cartographie-carto-items.json")[0]
    lieu = cartographie.convert_item(item)
    record = lieu.record
    assert record["adresse"] == "123 Rue Principale"
    assert (record["commune"], record["code_postal"], record["code_insee"]) == ("Paris", "75001", "75101")
    assert record["date_maj"] == "2025-09-15" and lieu.remote_date_maj == "2025-09-15"
    assert record["services"] == (
        "Aide aux démarches administratives|Maîtrise des outils numériques du quotidien|"
        "Accès internet et matériel informatique"
    )
    assert record["autres_formations_labels"] == "QPV|ZRR"
    assert record["typologie"] == "RFS" and record["itinerance"] == "Fixe"
    assert json.loads(lieu.extras["mediateurs"])[0]["nom"] == "Desmarais"


def test_carto_courriels_array_or_string(api_samples):
    item = dict(api_samples("cartographie-carto-items.json")[0], courriels=["a@example.org", "b@example.org"])
    assert cartographie.convert_item(item).record["courriels"] == "a@example.org|b@example.org"
    item["courriels"] = "a@example.org|b@example.org"
    assert cartographie.convert_item(item).record["courriels"] == "a@example.org|b@example.org"


def test_carto_round_trip_keeps_the_carried_fields(api_samples):
    record = cartographie.convert_item(api_samples("cartographie-carto-items.json")[0]).record
    record["adresse"] = "12 BIS RUE DE LECLERCQ"
    back = cartographie.convert_item(cartographie.to_carto_item(record)).record
    fields = cartographie.CARRIED_FIELDS
    assert {k: back[k] for k in fields} == {k: record[k] for k in fields}
    assert record_hash(back, fields) == record_hash(record, fields)


def test_standard_record_sample_round_trips_through_carto(api_samples, schema):
    record = {name: "" for name in schema.field_names}
    record.update({k: str(v) for k, v in api_samples("standard-record-full.json").items()})
    back = cartographie.convert_item(cartographie.to_carto_item(record)).record
    for name in cartographie.CARRIED_FIELDS:
        assert back[name] == record[name], name
