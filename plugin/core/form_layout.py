"""How the edit form of a lieu is laid out: tabs, and which kind of editor each field gets.

Pure data and small functions over the schema (no Qt, no QGIS). The QGIS form configuration
(`plugin/qgis/form_config.py`) is generated from what this module returns, so the form of a new
schema version only needs this table updated for fields that are not in the current one — and a
field missing from the table still gets a tab ("Other") instead of disappearing.
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import translate
from .schema import FieldSpec, Schema

# (tab key, fields in display order). Tab titles are in `tab_title()`, through translation.
FORM_TABS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("identity", ("nom", "id", "pivot", "typologie", "structure_parente")),
    ("address", ("adresse", "complement_adresse", "code_postal", "commune", "code_insee", "latitude", "longitude")),
    ("contact", ("telephone", "courriels", "site_web")),
    ("presentation", ("presentation_resume", "presentation_detail")),
    ("services", ("services", "publics_specifiquement_adresses", "prise_en_charge_specifique")),
    ("access", ("frais_a_charge", "itinerance", "modalites_acces", "modalites_accompagnement", "fiche_acces_libre")),
    ("labels", ("dispositif_programmes_nationaux", "formations_labels", "autres_formations_labels")),
    ("hours", ("horaires", "prise_rdv")),
    ("collection", ("source", "date_maj")),
)
OTHER_TAB = "other"

# Editor kinds that the schema alone cannot tell (it has no "format: uri" and no typologie list).
LINK_FIELDS = frozenset({"site_web", "fiche_acces_libre", "prise_rdv"})
MULTILINE_FIELDS = frozenset({"presentation_resume", "presentation_detail"})
TYPOLOGIE_FIELD = "typologie"
OPENING_HOURS_FIELD = "horaires"
COORDINATE_FIELDS = ("latitude", "longitude")


class EditorKind:
    """The editor a field gets in the form (values are the stable names used in the form config)."""

    TEXT = "text"
    MULTILINE = "multiline"
    LINK = "link"
    MULTI_SELECT = "multi_select"
    SINGLE_SELECT = "single_select"
    TYPOLOGIE = "typologie"
    OPENING_HOURS = "opening_hours"
    DATE = "date"
    COORDINATE = "coordinate"


def tab_title(key: str) -> str:
    titles = {
        "identity": translate("FormLayout", "Identity"),
        "address": translate("FormLayout", "Address and location"),
        "contact": translate("FormLayout", "Contact"),
        "presentation": translate("FormLayout", "Presentation"),
        "services": translate("FormLayout", "Services and publics"),
        "access": translate("FormLayout", "Access and support"),
        "labels": translate("FormLayout", "Labels and programmes"),
        "hours": translate("FormLayout", "Opening hours and appointments"),
        "collection": translate("FormLayout", "Data collection"),
        OTHER_TAB: translate("FormLayout", "Other fields"),
    }
    return titles[key]


@dataclass(frozen=True)
class FormTab:
    key: str
    title: str
    fields: tuple[str, ...]


def form_tabs(schema: Schema) -> list[FormTab]:
    """The tabs of the form for ``schema``: every schema field exactly once, unknown names skipped."""
    placed: set[str] = set()
    tabs = []
    for key, names in FORM_TABS:
        present = tuple(name for name in names if name in schema)
        placed.update(present)
        if present:
            tabs.append(FormTab(key, tab_title(key), present))
    rest = tuple(name for name in schema.field_names if name not in placed)
    if rest:
        tabs.append(FormTab(OTHER_TAB, tab_title(OTHER_TAB), rest))
    return tabs


def editor_kind(spec: FieldSpec) -> str:
    """Which editor the form uses for ``spec``."""
    if spec.name == TYPOLOGIE_FIELD:
        return EditorKind.TYPOLOGIE
    if spec.name == OPENING_HOURS_FIELD:
        return EditorKind.OPENING_HOURS
    if spec.enum:
        return EditorKind.MULTI_SELECT if spec.multi else EditorKind.SINGLE_SELECT
    if spec.name in LINK_FIELDS:
        return EditorKind.LINK
    if spec.name in MULTILINE_FIELDS:
        return EditorKind.MULTILINE
    if spec.type == "date":
        return EditorKind.DATE
    if spec.type == "number":
        return EditorKind.COORDINATE if spec.name in COORDINATE_FIELDS else EditorKind.TEXT
    return EditorKind.TEXT


def field_help(spec: FieldSpec) -> str:
    """The tooltip of a field: the schema's description, with its example."""
    text = spec.description.strip()
    if spec.example:
        text += "\n\n" + translate("FormLayout", "Example: {example}").format(example=spec.example)
    return text
