"""Where a lieu is: its commune (by ``code_insee``, else postal code + commune name) and its position."""

from __future__ import annotations

import math
from typing import Mapping, Sequence

import numpy as np

from .. import reference
from ..orientation.geo import parse_coordinate


def _current(code_insee: str) -> str:
    """An arrondissement's city (13201 → 13055), any other commune itself."""
    item = reference.commune(code_insee)
    if item is not None and item.type == "ARM":
        return reference.ARRONDISSEMENT_CITIES.get(code_insee[:3], code_insee)
    return code_insee


def commune_of(code_insee: str, code_postal: str, commune: str) -> str | None:
    """The current commune (INSEE code) of a lieu: its ``code_insee`` when the reference knows it (a lost
    leading zero tolerated), else the commune of its postal code whose name matches (or the only one of that
    postal code); None when neither tells."""
    code = (code_insee or "").strip().upper()
    if len(code) == 4 and code.isdigit():
        code = code.zfill(5)
    if code and reference.commune(code) is not None:
        return _current(code)
    postal = (code_postal or "").strip()
    if len(postal) == 4 and postal.isdigit():
        postal = postal.zfill(5)
    candidates = reference.communes_by_postal_code(postal) if postal else ()
    if not candidates:
        return None
    key = reference.name_key(commune or "")
    named = {_current(c.code_insee) for c in candidates if key and reference.name_key(c.nom) == key}
    if len(named) == 1:
        return named.pop()
    cities = {_current(c.code_insee) for c in candidates}
    return cities.pop() if len(cities) == 1 else None


def locate_lieux(records: Sequence[Mapping[str, str]], positions: Sequence[int]):
    """For the records at ``positions``: their commune codes (None: unknown) and their longitude/latitude
    arrays; a lieu without valid coordinates takes its commune's centroid (``from_commune`` True), NaN when
    that is unknown too."""
    cache: dict[tuple[str, str, str], str | None] = {}
    codes: list[str | None] = []
    lons = np.full(len(positions), np.nan)
    lats = np.full(len(positions), np.nan)
    from_commune = np.zeros(len(positions), dtype=bool)
    for n, position in enumerate(positions):
        record = records[position]
        key = (record.get("code_insee", "") or "", record.get("code_postal", "") or "", record.get("commune", "") or "")
        if key not in cache:
            cache[key] = commune_of(*key)
        code = cache[key]
        codes.append(code)
        lat = parse_coordinate(record.get("latitude", "") or "", -90, 90)
        lon = parse_coordinate(record.get("longitude", "") or "", -180, 180)
        if math.isnan(lat) or math.isnan(lon):
            point = reference.centroid(code) if code else None
            if point is not None:
                lon, lat = point
                from_commune[n] = True
        lons[n], lats[n] = lon, lat
    return codes, lons, lats, from_commune
