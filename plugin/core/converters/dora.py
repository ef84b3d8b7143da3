"""DORA API v2 → the standard: one structure plus its numérique services becomes one lieu.

DORA v2 serves data·inclusion-v0-like structures (``typologie``, ``labels_nationaux``, ``horaires_ouverture``…) and
services whose ``thematiques`` are data·inclusion v1 values since late 2025 (older v0 values are mapped too).
Mappings: apis.md §1.4–1.5 and the TS lib tables of §3.2. The lieu id is ``dora--<uuid>``, the id data·inclusion
gives the same structure, so that a lieu pulled from either source is recognised as the same.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from ..schema import Schema, load_schema
from .common import (
    UNKNOWN_PIVOT,
    Converted,
    as_list,
    coordinate,
    date_part,
    joined,
    latest_date,
    map_values,
    new_record,
    phone,
    text,
    unique,
)
from .data_inclusion import (
    FRAIS_TO_FRAIS_A_CHARGE,
    PUBLICS_TO_PUBLICS_SPECIFIQUEMENT_ADRESSES,
    THEMATIQUES_TO_SERVICES,
    TYPE_TO_MODALITES_ACCOMPAGNEMENT,
    is_numerique,
)

SOURCE_KEY = "dora"
ID_PREFIX = "dora--"

LABELS_TO_DISPOSITIFS: dict[str, str] = {
    "aidants-connect": "Aidants Connect",
    "conseiller-numerique": "Conseillers numériques",
    "conseillers-numeriques": "Conseillers numériques",
    "france-service": "France Services",
    "grandes-ecoles-du-numerique": "Grande école du numérique",
    "caf": "Point d'accès numérique CAF",
}

LABELS_TO_FORMATIONS: dict[str, str] = {
    "mon-espace-sante": "Formé à « Mon Espace Santé »",
    "duplex": "Formé à « DUPLEX » (illettrisme)",
    "arnia": "Arnia/MedNum BFC (Bourgogne-Franche-Comté)",
    "ressources-reemploi": "Collectif ressources et acteurs réemploi (Normandie)",
    "etapes-numeriques": "Étapes numériques(La Poste)",  # sic: the schema pattern has no space (lib has one)
    "fabrique-de-territoire": "Fabriques de Territoire",
    "les-eclaireurs": "Les Éclaireurs du numérique (Drôme)",
    "mes-papiers": "Mes Papiers (Métropole de Lyon)",
    "ordi-3": "ORDI 3.0",
    "sud-labs": "SUD LABS (PACA)",
}

MODES_ORIENTATION_TO_MODALITES_ACCES: dict[str, str] = {
    "envoyer-un-mail": "Contacter par mail",
    "envoyer-un-mail-avec-une-fiche-de-prescription": "Envoyer un mail avec une fiche de prescription",
    "telephoner": "Téléphoner",
    "se-presenter": "Se présenter",
}
DEFAULT_MODALITES_ACCES = ("Se présenter", "Téléphoner", "Contacter par mail")
TYPOLOGIE_RENAMED = {"PE": "FT"}

CARRIED_FIELDS: tuple[str, ...] = (
    "id", "pivot", "nom", "commune", "code_postal", "code_insee", "adresse", "complement_adresse", "latitude",
    "longitude", "typologie", "telephone", "courriels", "site_web", "horaires", "presentation_resume",
    "presentation_detail", "source", "structure_parente", "date_maj", "services", "publics_specifiquement_adresses",
    "frais_a_charge", "dispositif_programmes_nationaux", "formations_labels", "autres_formations_labels",
    "modalites_acces", "modalites_accompagnement", "fiche_acces_libre", "prise_rdv",
)


def lieu_id(structure_id: str) -> str:
    return structure_id if structure_id.startswith(ID_PREFIX) else ID_PREFIX + structure_id


def _typologie(value: Any, schema: Schema) -> str:
    code = TYPOLOGIE_RENAMED.get(text(value), text(value))
    return code


def convert_structure(
    structure: Mapping[str, Any], services: Iterable[Mapping[str, Any]] = (), schema: Schema | None = None
) -> Converted | None:
    """One DORA v2 structure and its services (the numérique ones are used) → one lieu."""
    schema = schema or load_schema()
    uuid = text(structure.get("id"))
    if not uuid or not text(structure.get("nom")):
        return None
    numeriques = [s for s in services if is_numerique(s)]
    record = new_record(schema)
    labels = as_list(structure.get("labels_nationaux"))
    siret = text(structure.get("siret"))
    telephone = text(structure.get("telephone")) or next(
        (text(s.get("telephone")) for s in numeriques if text(s.get("telephone"))), ""
    )
    courriels = [text(structure.get("courriel"))] + [text(s.get("courriel")) for s in numeriques]
    record.update(
        id=lieu_id(uuid),
        pivot=siret if siret else UNKNOWN_PIVOT,
        nom=text(structure.get("nom")),
        commune=text(structure.get("commune")),
        code_postal=text(structure.get("code_postal")),
        code_insee=text(structure.get("code_insee")),
        adresse=text(structure.get("adresse")),
        complement_adresse=text(structure.get("complement_adresse")),
        latitude=coordinate(structure.get("latitude")),
        longitude=coordinate(structure.get("longitude")),
        typologie=_typologie(structure.get("typologie"), schema),
        telephone=phone(telephone),
        courriels=joined(courriels[:1] if courriels[0] else courriels),
        site_web=text(structure.get("site_web")),
        horaires=text(structure.get("horaires_ouverture")),
        presentation_resume=text(structure.get("presentation_resume")),
        presentation_detail=text(structure.get("presentation_detail")),
        source=SOURCE_KEY,
        structure_parente=text(structure.get("parent_siret")),
        date_maj=latest_date([structure.get("date_maj"), *(s.get("date_maj") for s in numeriques)]),
        dispositif_programmes_nationaux=joined(map_values(labels, LABELS_TO_DISPOSITIFS)),
        formations_labels=joined(map_values(labels, LABELS_TO_FORMATIONS)),
        autres_formations_labels=joined(as_list(structure.get("labels_autres"))),
        fiche_acces_libre=text(structure.get("accessibilite")),
    )
    record.update(services_fields(numeriques))
    extras: dict[str, str] = {}
    unmapped = [label for label in labels if label not in LABELS_TO_DISPOSITIFS and label not in LABELS_TO_FORMATIONS]
    if unmapped:
        extras["labels_nationaux"] = "|".join(unmapped)
    if text(structure.get("lien_source")):
        extras["lien_source"] = text(structure.get("lien_source"))
    if text(structure.get("source")):
        extras["source_dora"] = text(structure.get("source"))
    return Converted(record, SOURCE_KEY, uuid, date_part(structure.get("date_maj")), extras, [])


def services_fields(services: list[Mapping[str, Any]]) -> dict[str, str]:
    thematiques, frais, types, modes, publics, accueil, rdv = [], [], [], [], [], [], []
    for service in services:
        thematiques += as_list(service.get("thematiques"))
        frais += as_list(service.get("frais"))
        types += as_list(service.get("types"))
        modes += as_list(service.get("modes_orientation_beneficiaire"))
        modes += as_list(service.get("modes_orientation_accompagnateur"))
        publics += as_list(service.get("publics"))
        accueil += as_list(service.get("modes_accueil"))
        rdv += [text(service.get("prise_rdv")), text(service.get("formulaire_en_ligne"))]
    accompagnement = map_values(types, TYPE_TO_MODALITES_ACCOMPAGNEMENT)
    if "a-distance" in accueil:
        accompagnement.append("À distance")
    prise_rdv = next((link for link in unique(rdv) if link), "")
    acces = map_values(modes, MODES_ORIENTATION_TO_MODALITES_ACCES)
    if prise_rdv:
        acces.append("Prendre un RDV en ligne")
    if services and not acces:
        acces = list(DEFAULT_MODALITES_ACCES)
    return {
        "services": joined(map_values(thematiques, THEMATIQUES_TO_SERVICES)),
        "frais_a_charge": joined(map_values(frais, FRAIS_TO_FRAIS_A_CHARGE)),
        "modalites_accompagnement": joined(accompagnement),
        "modalites_acces": joined(acces),
        "publics_specifiquement_adresses": joined(map_values(publics, PUBLICS_TO_PUBLICS_SPECIFIQUEMENT_ADRESSES)),
        "prise_rdv": prise_rdv,
    }
