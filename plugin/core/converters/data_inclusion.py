"""data·inclusion v1 → the standard: one structure plus its numérique services becomes one lieu.

Payloads are parsed and checked with the ``data-inclusion-schema`` package's pydantic models (``Structure``,
``Service`` of ``data_inclusion.schema.v1``); a payload the model rejects is still converted when it has an id and a
name, with the model's complaints kept as warnings (nothing dropped silently). Values are read from the payload
itself so that URLs and texts stay byte for byte what the source published.

Mappings (apis.md §3.3 mednum-cli configs, §3.4 inverse of the data·inclusion pipeline, §3.2 for v0 values):
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterable, Mapping, Optional

from ..i18n import translate
from ..schema import Schema
from .common import (
    UNKNOWN_PIVOT,
    Converted,
    as_list,
    coordinate,
    joined,
    latest_date,
    map_values,
    new_record,
    phone,
    split_description,
    text,
    unique,
)

SOURCE_KEY = "data-inclusion"
NUMERIQUE = "numerique"

# thématiques (v1, and v0 values still found in older payloads) → services
THEMATIQUES_TO_SERVICES: dict[str, str] = {
    # v1 (mednum-cli dora.config.json; data·inclusion pipeline inverse)
    "numerique--acceder-a-des-services-en-ligne": "Aide aux démarches administratives",
    "numerique--maitriser-les-fondamentaux-du-numerique": "Maîtrise des outils numériques du quotidien",
    "numerique--acceder-a-une-connexion-internet": "Accès internet et matériel informatique",
    "numerique--acquerir-un-equipement": "Acquisition de matériel informatique à prix solidaire",
    "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives": (
        "Aide aux démarches administratives"
    ),
    "famille--soutien-a-la-parentalite-et-a-leducation": "Parentalité et éducation avec le numérique",
    "remobilisation--activites-sportives-et-culturelles": "Loisirs et créations numériques",
    "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi": (
        "Insertion professionnelle via le numérique"
    ),
    # v0 (TS lib from-schema-data-inclusion)
    "numerique--devenir-autonome-dans-les-demarches-administratives": "Aide aux démarches administratives",
    "numerique--realiser-des-demarches-administratives-avec-un-accompagnement": "Aide aux démarches administratives",
    "numerique--accompagner-les-demarches-de-sante": "Aide aux démarches administratives",
    "numerique--prendre-en-main-un-smartphone-ou-une-tablette": "Maîtrise des outils numériques du quotidien",
    "numerique--prendre-en-main-un-ordinateur": "Maîtrise des outils numériques du quotidien",
    "numerique--utiliser-le-numerique-au-quotidien": "Maîtrise des outils numériques du quotidien",
    "numerique--approfondir-ma-culture-numerique": "Compréhension du monde numérique",
    "numerique--promouvoir-la-citoyennete-numerique": "Compréhension du monde numérique",
    "numerique--favoriser-mon-insertion-professionnelle": "Insertion professionnelle via le numérique",
    "numerique--creer-et-developper-mon-entreprise": "Insertion professionnelle via le numérique",
    "numerique--acceder-a-du-materiel": "Accès internet et matériel informatique",
    "numerique--s-equiper-en-materiel-informatique": "Acquisition de matériel informatique à prix solidaire",
    "numerique--creer-avec-le-numerique": "Loisirs et créations numériques",
    "numerique--soutenir-la-parentalite-et-l-education-avec-le-numerique": (
        "Parentalité et éducation avec le numérique"
    ),
}

FRAIS_TO_FRAIS_A_CHARGE: dict[str, str] = {
    "gratuit": "Gratuit",
    "payant": "Payant",
    # v0
    "gratuit-sous-conditions": "Gratuit sous condition",
    "adhesion": "Payant",
    "pass-numerique": "Gratuit sous condition",
}

TYPE_TO_MODALITES_ACCOMPAGNEMENT: dict[str, str | None] = {
    "accompagnement": "Accompagnement individuel",
    "atelier": "Dans un atelier collectif",
    "aide-materielle": "En autonomie",
    # v0 types (DORA)
    "autonomie": "En autonomie",
    "delegation": "Accompagnement individuel",
}

MODES_MOBILISATION_TO_MODALITES_ACCES: dict[str, str] = {
    "envoyer-un-courriel": "Contacter par mail",
    "telephoner": "Téléphoner",
    "se-presenter": "Se présenter",
    "utiliser-lien-mobilisation": "Prendre un RDV en ligne",
}

PUBLICS_TO_PUBLICS_SPECIFIQUEMENT_ADRESSES: dict[str, str] = {
    "etudiants": "Étudiants",
    "familles": "Familles et/ou enfants",
    "femmes": "Femmes",
    "jeunes": "Jeunes",
    "seniors": "Seniors",
}

RESEAUX_PORTEURS_TO_DISPOSITIFS: dict[str, str] = {
    "aidants-connect": "Aidants Connect",
    "conseillers-numeriques": "Conseillers numériques",
    "france-service": "France Services",
    "grandes-ecoles-du-numerique": "Grande école du numérique",
    "croix-rouge": "La Croix Rouge",
}

# standard fields this converter fills (the conflict hash is computed on these only)
CARRIED_FIELDS: tuple[str, ...] = (
    "id", "pivot", "nom", "commune", "code_postal", "code_insee", "adresse", "complement_adresse", "latitude",
    "longitude", "telephone", "courriels", "site_web", "horaires", "presentation_resume", "presentation_detail",
    "source", "date_maj", "services", "publics_specifiquement_adresses", "frais_a_charge",
    "dispositif_programmes_nationaux", "modalites_acces", "modalites_accompagnement", "fiche_acces_libre",
    "prise_rdv",
)


def is_numerique(service: Mapping[str, Any]) -> bool:
    return any(t == NUMERIQUE or str(t).startswith(NUMERIQUE + "--") for t in as_list(service.get("thematiques")))


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@lru_cache(maxsize=1)
def _models():
    """The data·inclusion v1 models, with ``courriel`` checked by a plain pattern instead of ``EmailStr``.

    ``EmailStr`` (email-validator, with IDNA checks) costs ~0.2 ms per payload, two thirds of a 50,000-lieux
    pull; the standard's ``courriels`` are checked by the validation engine anyway. Every other constraint and
    validator of the package's models applies unchanged.
    """
    try:
        from data_inclusion.schema.v1 import Service, Structure
        from pydantic import field_validator
    except ImportError:  # pragma: no cover - the dependency check at load reports it
        return None, None

    def check_courriel(cls, value):
        if value is not None and not _EMAIL.match(value):
            raise ValueError("value is not a valid email address")
        return value

    models = []
    for base in (Structure, Service):
        namespace = {
            "__annotations__": {"courriel": Optional[str]},
            "courriel": None,
            "_check_courriel": field_validator("courriel")(check_courriel),
            "__module__": __name__,
        }
        models.append(type(base.__name__, (base,), namespace))
    return models[0], models[1]


def prepare_payload_models() -> None:
    """Build the data·inclusion models now (once per session, 0.2–0.3 s): pydantic compiles their validators in
    one call that holds the GIL, which would stall QGIS's main thread if it happened inside a pull's task."""
    _models()


def check_payload(kind: str, item: Mapping[str, Any]) -> list[str]:
    """Check one payload with the data·inclusion model; return the model's complaints ("field: message")."""
    structure_model, service_model = _models()
    model = structure_model if kind == "structure" else service_model
    if model is None:
        return []
    from pydantic import ValidationError

    try:
        model.model_validate(item)
    except ValidationError as exc:
        return [
            f"{'.'.join(str(p) for p in error.get('loc', ())) or '?'}: {error.get('msg', '')}" for error in exc.errors()
        ]
    return []


def _warn(kind: str, ident: str, problems: Iterable[str]) -> list[str]:
    template = translate(
        "Converters", "data·inclusion {kind} {id} does not follow the data·inclusion schema: {problem}"
    )
    return [template.format(kind=kind, id=ident, problem=problem) for problem in problems]


def convert_structure(
    structure: Mapping[str, Any],
    services: Iterable[Mapping[str, Any]] = (),
    schema: Schema | None = None,
    check: bool = True,
) -> Converted | None:
    """One data·inclusion v1 structure and its services (only the numérique ones are used) → one lieu."""
    ident = text(structure.get("id"))
    warnings: list[str] = []
    if check:
        warnings += _warn("structure", ident, check_payload("structure", structure))
    numeriques = [s for s in services if is_numerique(s)]
    if check:
        for service in numeriques:
            warnings += _warn("service", text(service.get("id")), check_payload("service", service))
    if not ident or not text(structure.get("nom")):
        return None
    record = new_record(schema)
    resume, detail = split_description(structure.get("description"))
    siret = text(structure.get("siret"))
    courriels = [text(structure.get("courriel"))] or []
    if not courriels[0]:
        courriels = [text(s.get("courriel")) for s in numeriques]
    telephone = text(structure.get("telephone")) or next(
        (text(s.get("telephone")) for s in numeriques if text(s.get("telephone"))), ""
    )
    record.update(
        id=ident,
        pivot=siret if siret else UNKNOWN_PIVOT,
        nom=text(structure.get("nom")),
        commune=text(structure.get("commune")),
        code_postal=text(structure.get("code_postal")),
        code_insee=text(structure.get("code_insee")),
        adresse=text(structure.get("adresse")),
        complement_adresse=text(structure.get("complement_adresse")),
        latitude=coordinate(structure.get("latitude")),
        longitude=coordinate(structure.get("longitude")),
        telephone=phone(telephone),
        courriels=joined(c for c in courriels if c),
        site_web=text(structure.get("site_web")),
        horaires=text(structure.get("horaires_accueil")),
        presentation_resume=resume,
        presentation_detail=detail,
        source=text(structure.get("source")),
        date_maj=latest_date([structure.get("date_maj"), *(s.get("date_maj") for s in numeriques)]),
        fiche_acces_libre=text(structure.get("accessibilite_lieu")),
        dispositif_programmes_nationaux=joined(
            map_values(as_list(structure.get("reseaux_porteurs")), RESEAUX_PORTEURS_TO_DISPOSITIFS)
        ),
    )
    record.update(services_fields(numeriques))
    extras = {}
    reseaux = as_list(structure.get("reseaux_porteurs"))
    if reseaux:
        extras["reseaux_porteurs"] = "|".join(reseaux)
    if numeriques:
        extras["services_data_inclusion"] = "|".join(text(s.get("id")) for s in numeriques)
    return Converted(record, SOURCE_KEY, ident, text(structure.get("date_maj")), extras, warnings)


def services_fields(services: list[Mapping[str, Any]]) -> dict[str, str]:
    """The standard's service-side fields from data·inclusion v1 services (union over the services)."""
    thematiques, frais, types, modes, publics, accueil, liens = [], [], [], [], [], [], []
    for service in services:
        thematiques += as_list(service.get("thematiques"))
        frais += as_list(service.get("frais"))
        types += as_list(service.get("type")) + as_list(service.get("types"))
        modes += as_list(service.get("modes_mobilisation"))
        publics += as_list(service.get("publics"))
        accueil += as_list(service.get("modes_accueil"))
        liens.append(text(service.get("lien_mobilisation")))
    accompagnement = map_values(types, TYPE_TO_MODALITES_ACCOMPAGNEMENT)
    if "a-distance" in accueil:
        accompagnement.append("À distance")
    return {
        "services": joined(map_values(thematiques, THEMATIQUES_TO_SERVICES)),
        "frais_a_charge": joined(map_values(frais, FRAIS_TO_FRAIS_A_CHARGE)),
        "modalites_accompagnement": joined(accompagnement),
        "modalites_acces": joined(map_values(modes, MODES_MOBILISATION_TO_MODALITES_ACCES)),
        "publics_specifiquement_adresses": joined(map_values(publics, PUBLICS_TO_PUBLICS_SPECIFIQUEMENT_ADRESSES)),
        "prise_rdv": next((lien for lien in unique(liens) if lien), ""),
    }


def group_services(services: Iterable[Mapping[str, Any]]) -> dict[str, list[Mapping[str, Any]]]:
    """Services by their ``structure_id``."""
    grouped: dict[str, list[Mapping[str, Any]]] = {}
    for service in services:
        grouped.setdefault(text(service.get("structure_id")), []).append(service)
    return grouped


def convert_detailed_service(detail: Mapping[str, Any], schema: Schema | None = None) -> Converted | None:
    """A ``DetailedService`` (service with its nested ``structure``) → the lieu of that structure."""
    structure = detail.get("structure")
    if not isinstance(structure, Mapping):
        return None
    service = {k: v for k, v in detail.items() if k != "structure"}
    return convert_structure(structure, [service], schema)
