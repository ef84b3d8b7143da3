"""The point of a lieu, from and to the standard's latitude/longitude text (pure Python).

The fields are the truth (principle 1): a geometry is derived from them when they hold two valid
WGS84 numbers written the standard's way (decimal point), and a moved point writes them back.
A value that is not a valid coordinate gives no point — it stays in the field for the validator.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence

from .records import format_number

# A coordinate as the standard writes it: optional sign, digits, optional decimal point part.
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
COORDINATE_DECIMALS = 6  # about 0.1 m: more than any geocoder gives, less than float noise

Point = tuple[float, float]  # (longitude, latitude)


def parse_coordinate(text: str | None) -> float | None:
    """The float of a coordinate written the standard's way, or None (empty, comma decimal, text…)."""
    if text is None:
        return None
    text = str(text).strip()
    if not text or not _NUMBER.match(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None


def point_of(record: Mapping[str, str]) -> Point | None:
    """(longitude, latitude) of a record, or None when either is missing or not a valid WGS84 value."""
    latitude = parse_coordinate(record.get("latitude"))
    longitude = parse_coordinate(record.get("longitude"))
    if latitude is None or longitude is None:
        return None
    if not (-90.0 <= latitude <= 90.0 and -180.0 <= longitude <= 180.0):
        return None
    return longitude, latitude


def points_of_columns(latitudes: Sequence[str | None], longitudes: Sequence[str | None]) -> list[Point | None]:
    """``point_of`` of every record of two parallel columns (the same results, without building the records)."""
    match, isfinite = _NUMBER.match, math.isfinite
    points: list[Point | None] = []
    append = points.append
    for latitude, longitude in zip(latitudes, longitudes):
        if latitude is None or longitude is None:
            append(None)
            continue
        latitude, longitude = str(latitude).strip(), str(longitude).strip()
        if not (latitude and longitude and match(latitude) and match(longitude)):
            append(None)
            continue
        lat, lon = float(latitude), float(longitude)
        if isfinite(lat) and isfinite(lon) and -90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0:
            append((lon, lat))
        else:
            append(None)
    return points


def format_coordinate(value: float) -> str:
    """A coordinate as the standard writes it, rounded to 6 decimals (decimal point, no exponent)."""
    return format_number(round(float(value), COORDINATE_DECIMALS))


def same_coordinate(text: str | None, value: float) -> bool:
    """Whether the field ``text`` already says ``value`` (to the stored precision)."""
    parsed = parse_coordinate(text)
    return parsed is not None and round(parsed, COORDINATE_DECIMALS) == round(value, COORDINATE_DECIMALS)
