"""One typed settings wrapper: every plugin setting, with its default, read from QgsSettings.

Add a setting by adding a field to :class:`PlgSettings`; never scatter QgsSettings string keys.
Secrets (API tokens) never go here: they live in the QGIS authentication database.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from ..__about__ import PLUGIN_PACKAGE

SETTINGS_GROUP = PLUGIN_PACKAGE


@dataclass
class PlgSettings:
    debug_mode: bool = False
    # default value of the `source` field of new lieux (form default)
    default_source: str = ""


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
