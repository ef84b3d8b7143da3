"""Great-circle distances (haversine, kilometres) for "Autour de…"."""

from __future__ import annotations

import math

import numpy as np

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)


def haversine_many_km(latitude: float, longitude: float, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    """Distances in km from one point to arrays of points (NaN where a coordinate is missing)."""
    phi1 = math.radians(latitude)
    phi2 = np.radians(lats)
    dphi = phi2 - phi1
    dlambda = np.radians(lons - longitude)
    a = np.sin(dphi / 2) ** 2 + math.cos(phi1) * np.cos(phi2) * np.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))


def parse_coordinate(text: str, low: float, high: float) -> float:
    """A latitude/longitude cell as a float (decimal comma tolerated), NaN when absent or out of range."""
    text = (text or "").strip().replace(",", ".")
    if not text:
        return math.nan
    try:
        value = float(text)
    except ValueError:
        return math.nan
    if not (low <= value <= high) or math.isnan(value):
        return math.nan
    return value
