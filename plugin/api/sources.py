"""The sources and push targets the plugin talks to: default URLs, env variables, auth schemes.

URL of a source: env ``MEDNUM_<SOURCE>_URL`` if set (headless runs, tests), else the plugin setting, else the
documented production URL. Credentials: the QGIS auth configuration chosen in the settings (an authcfg id: the
secret itself stays in the QGIS authentication database), else env ``MEDNUM_<SOURCE>_TOKEN`` (headless).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Mapping

from ..core.i18n import translate
from .errors import ConfigurationError
from .http import Credentials, Secret


@dataclass(frozen=True)
class SourceSpec:
    key: str  # data-inclusion | dora | carto | carto-v0
    label: str
    default_url: str
    auth_scheme: str  # Bearer | Token | x-api-key
    settings_prefix: str  # PlgSettings fields <prefix>_url / <prefix>_authcfg

    @property
    def env_prefix(self) -> str:
        return "MEDNUM_" + self.key.upper().replace("-", "_")

    @property
    def env_url(self) -> str:
        return self.env_prefix + "_URL"

    @property
    def env_token(self) -> str:
        return self.env_prefix + "_TOKEN"


SOURCES: dict[str, SourceSpec] = {
    spec.key: spec
    for spec in (
        SourceSpec("data-inclusion", "data·inclusion", "https://api.data.inclusion.gouv.fr/api/v1", "Bearer", "di"),
        SourceSpec("dora", "DORA", "https://api.dora.inclusion.gouv.fr/api/v2", "Token", "dora"),
        SourceSpec("carto", "Cartographie nationale", "https://api.inclusion-numerique.anct.gouv.fr", "Bearer",
                   "carto"),
        # the write endpoint (legacy Cartographie API v0, PATCH /lieux-inclusion-numerique, x-api-key)
        SourceSpec("carto-v0", "Cartographie nationale (écriture)", "https://cartographie.societenumerique.gouv.fr/api/v0",
                   "x-api-key", "carto_push"),
    )
}
PULL_SOURCES = ("data-inclusion", "dora", "carto")


def source_spec(key: str) -> SourceSpec:
    try:
        return SOURCES[key]
    except KeyError:
        raise ConfigurationError(
            translate("Sources", "Unknown source « {key} »: expected one of {keys}.").format(
                key=key, keys=", ".join(SOURCES)
            )
        ) from None


def source_url(spec: SourceSpec, settings_url: str = "", environ: Mapping[str, str] | None = None) -> str:
    environ = os.environ if environ is None else environ
    return (environ.get(spec.env_url) or settings_url or spec.default_url).strip()


def source_credentials(
    spec: SourceSpec, authcfg: str = "", environ: Mapping[str, str] | None = None
) -> Credentials | None:
    environ = os.environ if environ is None else environ
    if authcfg:
        return Credentials(spec.auth_scheme, authcfg=authcfg, origin="authcfg")
    token = environ.get(spec.env_token, "").strip()
    if token:
        return Credentials(spec.auth_scheme, secret=Secret(token), origin=spec.env_token)
    return None
