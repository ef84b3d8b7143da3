"""Address geocoding through the Base Adresse Nationale (BAN) API, for "Autour de…".

``GET {base}/search/?q=<text>&limit=<n>`` answers a GeoJSON FeatureCollection whose features carry
``properties.label``, ``type`` (housenumber, street, locality, municipality), ``score``, ``citycode``,
``postcode`` and ``geometry.coordinates = [lon, lat]``. The base URL is a setting (``ban_url``), overridden
by the environment variable ``MEDNUM_BAN_URL`` (tests point it to a loopback server). The request goes
through :class:`~.http.ApiClient`, hence through the QGIS network stack inside QGIS, with its French
messages when the service cannot be reached.
"""

from __future__ import annotations

import os
from typing import Any

from ..core.i18n import translate
from ..core.orientation.places import Place
from .errors import ApiError, MalformedResponseError
from .http import ApiClient, RetryPolicy, Transport

DEFAULT_BAN_URL = "https://api-adresse.data.gouv.fr"
BAN_URL_ENV = "MEDNUM_BAN_URL"
BAN_NAME = "Base Adresse Nationale"


def ban_base_url(configured: str = "") -> str:
    """The BAN base URL: the environment variable, else the setting, else the public service."""
    return (os.environ.get(BAN_URL_ENV) or configured or DEFAULT_BAN_URL).rstrip("/")


def places_from_ban(payload: Any) -> list[Place]:
    """The places of a BAN ``/search/`` answer, best score first."""
    if not isinstance(payload, dict) or not isinstance(payload.get("features"), list):
        raise MalformedResponseError(
            translate("Geocoding", "{source}: the answer is not a list of addresses.").format(source=BAN_NAME)
        )
    places = []
    for feature in payload["features"]:
        try:
            lon, lat = feature["geometry"]["coordinates"][:2]
            props = feature.get("properties") or {}
            places.append(
                Place(
                    label=str(props.get("label") or props.get("name") or ""),
                    latitude=float(lat),
                    longitude=float(lon),
                    kind=str(props.get("type") or "address"),
                    code_insee=str(props.get("citycode") or ""),
                    code_postal=str(props.get("postcode") or ""),
                    score=float(props.get("score") or 0.0),
                )
            )
        except (KeyError, TypeError, ValueError, IndexError):
            continue  # one odd feature does not spoil the others
    places.sort(key=lambda place: -place.score)
    return places


class BanGeocoder:
    """Search addresses with the BAN API."""

    def __init__(self, base_url: str = "", transport: Transport | None = None, timeout: float = 10.0, **client_kwargs):
        client_kwargs.setdefault("retry", RetryPolicy(attempts=2, base=0.5, cap=1.0))
        self.client = ApiClient(
            ban_base_url(base_url), name=BAN_NAME, transport=transport, timeout=timeout, **client_kwargs
        )

    def search(self, text: str, limit: int = 5) -> list[Place]:
        """Candidate places for an address typed by the user (raises :class:`ApiError` with a French message)."""
        text = (text or "").strip()
        if len(text) < 3:
            raise ApiError(translate("Geocoding", "Type at least 3 characters of an address."))
        payload, _response = self.client.get_json("search/", params={"q": text, "limit": limit})
        return places_from_ban(payload)

    def geocode_csv(self, data: bytes) -> bytes:
        """The BAN's batch geocoding: ``POST /search/csv/`` of a CSV (columns ``q``, ``postcode``, ``citycode``);
        returns the answered CSV (see :mod:`plugin.core.mapping.geocoding`). Raises :class:`ApiError`."""
        boundary = "lieux-mednum-" + os.urandom(8).hex()
        parts = []
        for name, value in (("columns", "q"), ("postcode", "postcode"), ("citycode", "citycode")):
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="data"; filename="adresses.csv"\r\n'
            "Content-Type: text/csv\r\n\r\n".encode()
            + data
            + f"\r\n--{boundary}--\r\n".encode()
        )
        response = self.client.request(
            "POST",
            "search/csv/",
            body=b"".join(parts),
            headers={"Content-Type": f"multipart/form-data; boundary={boundary}", "Accept": "text/csv"},
        )
        return response.body
