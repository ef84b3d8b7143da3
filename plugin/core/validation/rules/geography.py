"""Territorial rules: postal code ↔ INSEE code ↔ commune, and coordinates in France near their commune.

They read the reference geodata through ``ctx.geography``: by default the module
:mod:`plugin.core.reference` (communes by INSEE and postal code, centroids, name keys, the plausibility
boxes of France including the DROM and COM). Any object with the same functions can be injected
(``ValidationOptions(geography=…)``).
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from .. import fixes
from .common import Context, FieldFinding, finding

POSTAL_CODE = re.compile(r"\d{5}", re.ASCII)
INSEE_CODE = re.compile(r"(?:[013-9]\d|2[AB1-9])\d{3}", re.ASCII)
KM_PER_DEGREE = 6371.0088 * math.pi / 180


def _names_match(geo, given: str, commune) -> bool:
    key, official = geo.name_key(given), geo.name_key(commune.nom)
    if not key or key == official:
        return True
    if key.startswith(official + " "):
        return True  # "Marseille 13", "Aix-en-Provence CEDEX 1"
    return commune.type == "ARM" and official.startswith(key + " ")  # "Paris" for "Paris 15e Arrondissement"


def commune_findings(ctx: Context, code_postal: str, code_insee: str, commune: str) -> list[FieldFinding]:
    """Postal code exists, agrees with the INSEE code, and the commune name agrees with the codes."""
    geo = ctx.geography
    found: list[FieldFinding] = []
    code_postal, code_insee, commune = code_postal.strip(), code_insee.strip(), commune.strip()
    info = None
    if code_insee and INSEE_CODE.fullmatch(code_insee):
        info = geo.commune(code_insee)
        if info is None:
            found.append(FieldFinding("code_insee", finding("insee-unknown", None, code_insee)))
    postal_communes: tuple = ()
    if code_postal and POSTAL_CODE.fullmatch(code_postal):
        postal_communes = geo.communes_by_postal_code(code_postal)
        if not postal_communes:
            found.append(FieldFinding("code_postal", finding("postal-code-unknown", None, code_postal)))
        elif info is not None and info.codes_postaux and code_postal not in info.codes_postaux:
            found.append(
                FieldFinding(
                    "code_postal",
                    finding(
                        "postal-code-insee-mismatch",
                        None,
                        code_postal,
                        detail=f"{info.nom} ({info.code_insee})",
                        expected=", ".join(info.codes_postaux),
                    ),
                )
            )
    candidates = (info,) if info is not None else postal_communes
    if commune and candidates and not any(_names_match(geo, commune, c) for c in candidates):
        expected = ", ".join(sorted({c.nom for c in candidates}))
        found.append(FieldFinding("commune", finding("commune-mismatch", None, commune, expected=expected)))
    return found


# ── Coordinates ───────────────────────────────────────────────────────────────────────────────────────────


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _number(text: str) -> float | None:
    text = text.strip()
    if not fixes.NUMBER.fullmatch(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None


class Place(NamedTuple):
    """A commune centroid prepared for fast distance tests (equirectangular, fine at commune scale)."""

    latitude: float
    longitude: float
    km_per_degree_longitude: float
    limit_km: float
    nom: str
    code_insee: str


class CoordinateRule:
    """Coordinates: both or neither; not 0/0; near the commune's centroid, else in France (or swapped?).

    A point within the distance limit of its commune's centroid is accepted; otherwise it must lie in
    France (including the DROM and COM) and the distance is reported, or it is reported as swapped or
    outside France. The batch path (:meth:`check_columns`) decides the common case inline, with the same
    verdicts as the per-row path (:meth:`__call__`).
    """

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self._places: dict[tuple[str, str], tuple] = {}

    def places(self, code_insee: str, code_postal: str) -> tuple:
        """The located communes the point should be near: the INSEE code's, else the postal code's."""
        key = (code_insee, code_postal)
        found = self._places.get(key)
        if found is not None:
            return found
        geo = self.ctx.geography
        communes: tuple = ()
        if geo is not None:
            code_insee, code_postal = code_insee.strip(), code_postal.strip()
            info = geo.commune(code_insee) if code_insee else None
            if info is not None:
                communes = (info,)
            elif code_postal:
                communes = geo.communes_by_postal_code(code_postal)
        by_departement = self.ctx.centroid_distance_km_by_departement
        places = []
        for commune in communes:
            centre = geo.centroid(commune.code_insee)
            if centre is None:
                continue
            longitude, latitude = centre
            places.append(
                Place(
                    latitude,
                    longitude,
                    KM_PER_DEGREE * math.cos(math.radians(latitude)),
                    by_departement.get(commune.departement, self.ctx.centroid_distance_km),
                    commune.nom,
                    commune.code_insee,
                )
            )
        found = self._places[key] = tuple(places)
        return found

    @staticmethod
    def _near(lat: float, lon: float, places: tuple) -> bool:
        for place in places:
            dy = (lat - place.latitude) * KM_PER_DEGREE
            dx = (lon - place.longitude) * place.km_per_degree_longitude
            if dx * dx + dy * dy <= place.limit_km * place.limit_km:
                return True
        return False

    def __call__(self, latitude: str, longitude: str, code_insee: str, code_postal: str) -> list[FieldFinding]:
        lat_text, lon_text = latitude.strip(), longitude.strip()
        if not lat_text and not lon_text:
            return []
        about = f"{latitude}, {longitude}"
        if not lat_text or not lon_text:
            missing = "latitude" if not lat_text else "longitude"
            return [FieldFinding(missing, finding("coordinates-incomplete", None, about, about=about))]
        lat, lon = _number(lat_text), _number(lon_text)
        if lat is None or lon is None:
            return []  # not numbers: the schema rule reports it
        if lat == 0 and lon == 0:
            return [FieldFinding("latitude", finding("coordinates-zero", None, about, about=about))]
        geo = self.ctx.geography
        if geo is None:
            return []
        places = self.places(code_insee, code_postal)
        if places and self._near(lat, lon, places):
            return []
        if not geo.in_france(lon, lat):
            code = "coordinates-swapped" if geo.in_france(lat, lon) else "coordinates-outside-france"
            return [FieldFinding("latitude", finding(code, None, about, about=about))]
        if not places:
            return []
        nearest = min(places, key=lambda p: distance_km(lat, lon, p.latitude, p.longitude))
        distance = distance_km(lat, lon, nearest.latitude, nearest.longitude)
        return [
            FieldFinding(
                "latitude",
                finding(
                    "coordinates-far-from-commune",
                    None,
                    about,
                    about=about,
                    distance=f"{distance:.0f}",
                    limit=f"{nearest.limit_km:g}",
                    detail=f"{nearest.nom} ({nearest.code_insee})",
                ),
            )
        ]

    def check_columns(self, latitudes, longitudes, insees, postals) -> list[tuple[int, list[FieldFinding]]]:
        """(row index, findings) for the rows whose coordinates have findings (the batch path).

        The common case, two well-formed numbers near the lieu's commune, is decided inline.
        """
        out: list[tuple[int, list[FieldFinding]]] = []
        number = fixes.NUMBER.fullmatch
        places_of = self.places
        near = self._near
        for index, (latitude, longitude) in enumerate(zip(latitudes, longitudes)):
            if not latitude and not longitude:
                continue
            if number(latitude) and number(longitude):
                lat, lon = float(latitude), float(longitude)
                if (lat or lon) and near(lat, lon, places_of(insees[index], postals[index])):
                    continue
            found = self(latitude, longitude, insees[index], postals[index])
            if found:
                out.append((index, found))
        return out
