"""Cartographie nationale (PostgREST ``/carto``) → the standard, and back (the legacy v0 write body).

A ``/carto`` item carries an ``adresse`` object (``numero_voie``, ``repetition``, ``nom_voie``, ``commune``,
``code_postal``, ``code_insee``), real JSON arrays for the list fields, a timestamp ``date_maj`` and a
``courriels`` that is either a ``|`` string or an array (apis.md §3.5 a). ``mediateurs`` has no standard field: it is
kept aside as JSON in the extras.
"""

from __future__ import annotations

import json
import re
from typing import Any, Mapping

from ..records import Record
from ..schema import Schema, load_schema
from .common import Converted, as_list, coordinate, date_part, joined, new_record, text

SOURCE_KEY = "carto"
ADDRESS_KEYS = ("numero_voie", "repetition", "nom_voie")
# list fields the /carto view serves as JSON arrays (LieuxRouteResponse); courriels and site_web stay strings
ARRAY_FIELDS = (
    "typologie", "itinerance", "services", "publics_specifiquement_adresses", "prise_en_charge_specifique",
    "frais_a_charge", "dispositif_programmes_nationaux", "formations_labels", "autres_formations_labels",
    "modalites_acces", "modalites_accompagnement",
)
# every standard field but structure_parente (absent from the /carto view)
CARRIED_FIELDS: tuple[str, ...] = tuple(
    name for name in load_schema().field_names if name != "structure_parente"
)


def address_line(adresse: Mapping[str, Any]) -> str:
    parts = [text(adresse.get(key)) for key in ADDRESS_KEYS]
    return re.sub(r"\s+", " ", " ".join(p for p in parts if p)).strip()


def convert_item(item: Mapping[str, Any], schema: Schema | None = None) -> Converted | None:
    """One ``/carto`` item → one lieu (None when it has no id)."""
    schema = schema or load_schema()
    ident = text(item.get("id"))
    if not ident:
        return None
    record = new_record(schema)
    adresse = item.get("adresse")
    if isinstance(adresse, Mapping):
        record.update(
            adresse=address_line(adresse),
            commune=text(adresse.get("commune")),
            code_postal=text(adresse.get("code_postal")),
            code_insee=text(adresse.get("code_insee")),
        )
    elif adresse:
        record["adresse"] = text(adresse)
    extras: dict[str, str] = {}
    for name in schema.field_names:
        if name in ("adresse", "commune", "code_postal", "code_insee") and isinstance(adresse, Mapping):
            if name in item and name != "adresse" and not record[name]:
                record[name] = text(item[name])
            continue
        if name not in item:
            continue
        value = item[name]
        spec = schema.field(name)
        if name in ("latitude", "longitude"):
            record[name] = coordinate(value)
        elif name == "date_maj":
            record[name] = date_part(value)
        elif spec.multi or name in ARRAY_FIELDS or isinstance(value, (list, tuple)):
            record[name] = joined(as_list(value))
        else:
            record[name] = text(value)
    for key, value in item.items():
        if key not in schema and key != "adresse" and value not in (None, "", [], {}):
            extras[key] = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return Converted(record, SOURCE_KEY, ident, date_part(item.get("date_maj")), extras, [])


def split_address(line: str) -> dict[str, str]:
    """``12 BIS RUE DE LECLERCQ`` → numero_voie 12, repetition BIS, nom_voie RUE DE LECLERCQ (best effort)."""
    match = re.match(r"^\s*(\d+[A-Za-z]?)\s*(?:,\s*)?(bis|ter|quater|quinquies|[A-D])?\b\s*(.*)$", line or "", re.I)
    if not match:
        return {"numero_voie": "", "repetition": "", "nom_voie": (line or "").strip()}
    numero, repetition, rest = match.groups()
    return {"numero_voie": numero, "repetition": repetition or "", "nom_voie": rest.strip()}


def to_carto_item(record: Record, schema: Schema | None = None) -> dict[str, Any]:
    """A standard record → the ``/carto`` item shape (what the Cartographie serves back after ingesting it)."""
    schema = schema or load_schema()
    item: dict[str, Any] = {}
    for spec in schema.fields:
        value = record.get(spec.name, "") or ""
        if spec.name in ("commune", "code_postal", "code_insee", "adresse", "structure_parente") or value == "":
            continue
        if spec.name in ("latitude", "longitude"):
            item[spec.name] = float(value)
        elif spec.name in ARRAY_FIELDS:
            item[spec.name] = as_list(value)
        else:
            item[spec.name] = value
    item["adresse"] = {
        **split_address(record.get("adresse", "")),
        "commune": record.get("commune", ""),
        "code_postal": record.get("code_postal", ""),
        "code_insee": record.get("code_insee", ""),
    }
    return item


__all__ = ["convert_item", "to_carto_item", "split_address", "address_line", "CARRIED_FIELDS", "SOURCE_KEY", "joined"]
