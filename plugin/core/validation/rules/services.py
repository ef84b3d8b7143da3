"""Conditional rules of the ANCT model: what only makes sense for a lieu that offers services.

The Cartographie nationale (``@gouvfr-anct/lieux-de-mediation-numerique``, import of the standard) keeps the
publics, prise en charge, frais, itinérance and modalités d'accompagnement only when ``services`` is filled,
forces ``modalites_acces`` to "Ce lieu n'accueille pas de public" when it is empty, and drops that value
otherwise. These rules warn before the information is silently lost.
"""

from __future__ import annotations

from ...schema import Schema, fold
from .common import FieldFinding, finding

SERVICES = "services"
ACCESS = "modalites_acces"
# Kept by the Cartographie only with services (FS …IfAny(value, services)).
SERVICE_DEPENDENT = (
    "publics_specifiquement_adresses",
    "prise_en_charge_specifique",
    "frais_a_charge",
    "itinerance",
    "modalites_accompagnement",
)
_NO_PUBLIC_KEY = fold("Ce lieu n'accueille pas de public")


def no_public_value(schema: Schema) -> str | None:
    """The allowed value of modalites_acces that says the lieu receives no public (read from the schema)."""
    if ACCESS not in schema:
        return None
    return next((value for value in schema.field(ACCESS).enum if fold(value) == _NO_PUBLIC_KEY), None)


def dependent_fields(schema: Schema) -> tuple[str, ...]:
    return tuple(name for name in SERVICE_DEPENDENT if name in schema)


def services_findings(no_public: str | None, services: str, access: str, dependents: dict) -> list[FieldFinding]:
    """Findings for one lieu given its services, modalites_acces and the service-dependent cells."""
    found: list[FieldFinding] = []
    if not services.strip():
        for name, value in dependents.items():
            if value.strip():
                found.append(FieldFinding(name, finding("without-services", None, value, field=name)))
        if no_public is not None and access.strip() != no_public:
            found.append(FieldFinding(SERVICES, finding("no-services-access", None, services)))
    elif no_public is not None and no_public in access.split("|"):
        found.append(FieldFinding(ACCESS, finding("services-but-no-public", None, access)))
    return found
