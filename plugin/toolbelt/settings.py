"""One typed settings wrapper: every plugin setting, with its default, read from QgsSettings.

Add a setting by adding a field to :class:`PlgSettings`; never scatter QgsSettings string keys. Give it
``metadata=setting_label(QT_TRANSLATE_NOOP("PlgSettings", "Label"), QT_TRANSLATE_NOOP("PlgSettings", "Help"))``
and it appears in the plugin's page of the QGIS options (Settings > Options > Lieux de médiation numérique),
with a widget chosen from its type (bool → check box, str → line edit, int/float → spin box; see setting_label).
Secrets (API tokens) never go here: they live in the QGIS authentication database.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from ..__about__ import PLUGIN_PACKAGE
from ..core.i18n import QT_TRANSLATE_NOOP

SETTINGS_GROUP = PLUGIN_PACKAGE


def setting_label(label: str, help_text: str = "", widget: str = "", decimals: int = 2,
                  minimum: float = 0, maximum: float = 1e6) -> dict:
    """Metadata of a setting shown in the options page (English source strings, translated there).

    ``widget="authcfg"`` edits a QGIS authentication configuration id with QGIS's own selector (the secret stays
    in the authentication database). The help text is the tooltip and, for text fields, the placeholder.
    Numbers: the spin box's ``decimals`` (float settings) and range (``minimum`` … ``maximum``).
    """
    return {"label": label, "help": help_text, "widget": widget, "decimals": decimals, "minimum": minimum,
            "maximum": maximum}


@dataclass
class PlgSettings:
    debug_mode: bool = field(
        default=False,
        metadata=setting_label(
            QT_TRANSLATE_NOOP("PlgSettings", "Debug mode"),
            QT_TRANSLATE_NOOP("PlgSettings", "Write detailed messages to the plugin's tab of the QGIS log."),
        ),
    )
    # default value of the `source` field of new lieux (form default)
    default_source: str = field(
        default="",
        metadata=setting_label(
            QT_TRANSLATE_NOOP("PlgSettings", "Default source"),
            QT_TRANSLATE_NOOP(
                "PlgSettings", "Value of the 'source' field given to new lieux (e.g. the name of your Hub)."
            ),
        ),
    )
    # ---- exports (issue 3): the standard's recommended file name AAAAMMJJ_idProducteur_lieux-de-…_territoire
    producer_id: str = field(
        default="",
        metadata=setting_label(
            QT_TRANSLATE_NOOP("PlgSettings", "Producer identifier (exports)"),
            QT_TRANSLATE_NOOP(
                "PlgSettings", "SIREN of the structure that publishes the data, used in the suggested export name."
            ),
        ),
    )
    territory: str = field(
        default="",
        metadata=setting_label(
            QT_TRANSLATE_NOOP("PlgSettings", "Territory (exports)"),
            QT_TRANSLATE_NOOP(
                "PlgSettings",
                "Territory covered, used in the suggested export name (empty: the commune, département or région "
                "all the lieux share).",
            ),
        ),
    )
    # "Autour de…": Base Adresse Nationale geocoder (the MEDNUM_BAN_URL environment variable overrides it)
    ban_url: str = field(
        default="https://api-adresse.data.gouv.fr",
        metadata=setting_label(
            QT_TRANSLATE_NOOP("PlgSettings", "Address search service (BAN)"),
            QT_TRANSLATE_NOOP(
                "PlgSettings",
                "Base URL of the Base Adresse Nationale geocoder used by the Orientation dock to find an address.",
            ),
        ),
    )

    # ---- validation (issue 2): thresholds of the quality rules (see plugin/core/validation, README codes)
    validation_max_age_days: int = field(
        default=730,
        metadata=setting_label(
            QT_TRANSLATE_NOOP("PlgSettings", "Validation: update date too old after (days)"),
            QT_TRANSLATE_NOOP(
                "PlgSettings", "A lieu whose date_maj is older than this gets the warning date-old (default 2 years)."
            ),
        ),
    )
    validation_centroid_distance_km: float = field(
        default=30.0,
        metadata=setting_label(
            QT_TRANSLATE_NOOP("PlgSettings", "Validation: maximum distance from the commune's centre (km)"),
            QT_TRANSLATE_NOOP(
                "PlgSettings",
                "A point farther than this from the centre of its commune gets the warning "
                "coordinates-far-from-commune (150 km in Guyane).",
            ),
            decimals=1,
            maximum=1000,
        ),
    )
    validation_ignore_header_case: bool = field(
        default=False,
        metadata=setting_label(
            QT_TRANSLATE_NOOP("PlgSettings", "Validation: match column names regardless of case"),
            QT_TRANSLATE_NOOP("PlgSettings", "Read a column 'Nom' as the field 'nom' (Validata's option)."),
        ),
    )

    # ---- API connectors (issue 6): addresses and QGIS authentication configurations (ids, never secrets)
    di_url: str = field(
        default="",
        metadata=setting_label(
            QT_TRANSLATE_NOOP("PlgSettings", "data·inclusion API address"),
            QT_TRANSLATE_NOOP("PlgSettings", "Empty: https://api.data.inclusion.gouv.fr/api/v1"),
        ),
    )
    di_authcfg: str = field(
        default="",
        metadata=setting_label(
            QT_TRANSLATE_NOOP("PlgSettings", "data·inclusion authentication (QGIS authcfg id)"),
            QT_TRANSLATE_NOOP("PlgSettings", "Id of the QGIS authentication configuration holding the token."),
            widget="authcfg",
        ),
    )
    dora_url: str = field(
        default="",
        metadata=setting_label(
            QT_TRANSLATE_NOOP("PlgSettings", "DORA API address"),
            QT_TRANSLATE_NOOP("PlgSettings", "Empty: https://api.dora.inclusion.gouv.fr/api/v2"),
        ),
    )
    dora_authcfg: str = field(
        default="",
        metadata=setting_label(
            QT_TRANSLATE_NOOP("PlgSettings", "DORA authentication (QGIS authcfg id)"),
            QT_TRANSLATE_NOOP("PlgSettings", "Id of the QGIS authentication configuration holding the token."),
            widget="authcfg",
        ),
    )
    carto_url: str = field(
        default="",
        metadata=setting_label(
            QT_TRANSLATE_NOOP("PlgSettings", "Cartographie nationale API address (reading)"),
            QT_TRANSLATE_NOOP("PlgSettings", "Empty: https://api.inclusion-numerique.anct.gouv.fr"),
        ),
    )
    carto_authcfg: str = field(
        default="",
        metadata=setting_label(
            QT_TRANSLATE_NOOP("PlgSettings", "Cartographie nationale authentication (QGIS authcfg id)"),
            QT_TRANSLATE_NOOP("PlgSettings", "Id of the QGIS authentication configuration holding the token."),
            widget="authcfg",
        ),
    )
    carto_push_url: str = field(
        default="",
        metadata=setting_label(
            QT_TRANSLATE_NOOP("PlgSettings", "Cartographie nationale API address (push)"),
            QT_TRANSLATE_NOOP("PlgSettings", "Empty: https://cartographie.societenumerique.gouv.fr/api/v0"),
        ),
    )
    carto_push_authcfg: str = field(
        default="",
        metadata=setting_label(
            QT_TRANSLATE_NOOP("PlgSettings", "Cartographie nationale push key (QGIS authcfg id)"),
            QT_TRANSLATE_NOOP("PlgSettings", "Id of the QGIS authentication configuration holding the x-api-key."),
            widget="authcfg",
        ),
    )
    api_timeout: int = field(
        default=60,
        metadata=setting_label(
            QT_TRANSLATE_NOOP("PlgSettings", "API timeout (seconds)"),
            QT_TRANSLATE_NOOP("PlgSettings", "Time allowed for each request to an API."),
        ),
    )
    api_deadline: int = field(
        default=120,
        metadata=setting_label(
            QT_TRANSLATE_NOOP("PlgSettings", "API: total time per request (seconds)"),
            QT_TRANSLATE_NOOP(
                "PlgSettings",
                "Longest time one request may take in all, retries included, even when the server keeps sending a "
                "little (a page of a pull, a push batch).",
            ),
        ),
    )
    api_max_response_mb: int = field(
        default=100,
        metadata=setting_label(
            QT_TRANSLATE_NOOP("PlgSettings", "API: largest answer (MB)"),
            QT_TRANSLATE_NOOP(
                "PlgSettings", "An answer larger than this is refused before it fills the memory (a page of a pull)."
            ),
        ),
    )

    # ---- validation dock (issue 4): thresholds of the probable-duplicate rule
    duplicate_pivot_distance_m: int = field(
        default=100,
        metadata=setting_label(
            QT_TRANSLATE_NOOP("PlgSettings", "Duplicates: same pivot within (m)"),
            QT_TRANSLATE_NOOP("PlgSettings", "Two lieux with the same pivot closer than this are probable duplicates."),
        ),
    )
    duplicate_name_address_distance_m: int = field(
        default=100,
        metadata=setting_label(
            QT_TRANSLATE_NOOP("PlgSettings", "Duplicates: same name and address within (m)"),
            QT_TRANSLATE_NOOP(
                "PlgSettings", "Two lieux with the same name and address closer than this are probable duplicates."
            ),
        ),
    )
    duplicate_name_distance_m: int = field(
        default=30,
        metadata=setting_label(
            QT_TRANSLATE_NOOP("PlgSettings", "Duplicates: same name within (m)"),
            QT_TRANSLATE_NOOP("PlgSettings", "Two lieux with the same name closer than this are probable duplicates."),
        ),
    )
    duplicate_name_similarity: int = field(
        default=90,
        metadata=setting_label(
            QT_TRANSLATE_NOOP("PlgSettings", "Duplicates: name similarity (0–100)"),
            QT_TRANSLATE_NOOP(
                "PlgSettings",
                "Names count as the same from this similarity score on (rapidfuzz ratio of the names without case, "
                "accents or punctuation; 100 = identical)."
            ),
        ),
    )
    duplicate_address_similarity: int = field(
        default=90,
        metadata=setting_label(
            QT_TRANSLATE_NOOP("PlgSettings", "Duplicates: address similarity (0–100)"),
            QT_TRANSLATE_NOOP(
                "PlgSettings",
                "Addresses count as the same from this similarity score on (house numbers must be equal)."
            ),
        ),
    )


def _qgs_settings():
    from qgis.core import QgsSettings

    return QgsSettings()


def load_settings() -> PlgSettings:
    settings = _qgs_settings()
    settings.beginGroup(SETTINGS_GROUP)
    values = {}
    for spec in fields(PlgSettings):
        default = spec.default
        values[spec.name] = settings.value(spec.name, default, type=type(default))
    settings.endGroup()
    return PlgSettings(**values)


def save_settings(plg_settings: PlgSettings) -> None:
    settings = _qgs_settings()
    settings.beginGroup(SETTINGS_GROUP)
    for spec in fields(PlgSettings):
        settings.setValue(spec.name, getattr(plg_settings, spec.name))
    settings.endGroup()


def set_setting(name: str, value) -> None:
    current = load_settings()
    if not hasattr(current, name):
        raise KeyError(name)
    setattr(current, name, value)
    save_settings(current)
