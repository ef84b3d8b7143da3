"""Data and helpers shared by the validation tests."""

from __future__ import annotations

import datetime as dt

TODAY = dt.date(2024, 6, 1)

# The standard's exemple-valide.csv row, with coordinates moved to Reims (the example's commune).
VALID = {
    "id": "structure-1",
    "pivot": "43493312300029",
    "nom": "Anonymal",
    "commune": "Reims",
    "code_postal": "51100",
    "code_insee": "51454",
    "adresse": "12 BIS RUE DE LECLERCQ",
    "complement_adresse": "Le patio du bois de l'Aulne",
    "latitude": "49.25174",
    "longitude": "4.04005",
    "typologie": "TIERS_LIEUX|ASSO",
    "telephone": "+33180059880",
    "courriels": "contact@laquincaillerie.tl|responsable@laquincaillerie.tl",
    "site_web": "https://www.laquincaillerie.tl/|https://m.facebook.com/laquincaillerienumerique/",
    "horaires": "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00",
    "presentation_resume": "Notre association propose des formations aux outils numériques.",
    "presentation_detail": "Notre parcours d'initiation permet l'acquisition de compétences numériques de base.",
    "source": "Hubik",
    "itinerance": "Itinérant",
    "structure_parente": "SIRET de la ville pour une bibliothèque.",
    "date_maj": "2024-04-02",
    "services": "Maîtrise des outils numériques du quotidien|Insertion professionnelle via le numérique",
    "publics_specifiquement_adresses": "Jeunes|Femmes",
    "prise_en_charge_specifique": "Surdité|Illettrisme|Langues étrangères (anglais)",
    "frais_a_charge": "Gratuit sous condition|Payant",
    "dispositif_programmes_nationaux": "Aidants Connect|Conseillers numériques|La Croix Rouge",
    "formations_labels": "Formé à « Mon Espace Santé »|Arnia/MedNum BFC (Bourgogne-Franche-Comté)",
    "autres_formations_labels": "Label et la bête",
    "modalites_acces": "Se présenter|Téléphoner",
    "modalites_accompagnement": "Dans un atelier collectif|À distance|En autonomie|Accompagnement individuel",
    "fiche_acces_libre": "https://acceslibre.beta.gouv.fr/app/29-lampaul-plouarzel/a/bibliotheque-mediatheque/erp/m-13/",
    "prise_rdv": "https://www.rdv-solidarites.fr/",
}

TYPOLOGIES = {
    "ASSO": "Associations",
    "Autre": "Autre",
    "BIB": "Bibliothèque / Médiathèque",
    "CCAS": "Centres communaux d’action sociale",
    "MUNI": "Municipalités",
    "PREF": "Préfecture, Sous-Préfecture",
    "TIERS_LIEUX": "Tiers lieu & coworking",
}


def codes(issues, field: str | None = None) -> set:
    """{(field, code)} of issues (or {code} of one field's issues)."""
    if field is not None:
        return {issue.code for issue in issues if issue.field == field}
    return {(issue.field, issue.code) for issue in issues}


def only(issues, field: str):
    found = [issue for issue in issues if issue.field == field]
    assert len(found) == 1, found
    return found[0]
