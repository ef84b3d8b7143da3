"""Lambert-93 (EPSG:2154) → WGS 84 longitude/latitude (pure Python).

Some Hub files give coordinates in metres (Lambert-93, the French official projection) under "latitude" and
"longitude"; mednum-cli reprojects a pair that is not a valid WGS 84 position. Without pyproj, the inverse of the
Lambert conformal conic projection is computed in closed form with the IGN's constants of Lambert-93 (note
NTG_71, "Projection cartographique conique conforme de Lambert": n, C, Xs, Ys of the GRS 80 ellipsoid, latitude
by fixed-point iteration); RGF93 and WGS 84 agree to a few centimetres. With pyproj installed, pyproj is used.
The two agree to better than a centimetre over France (tests/unit/test_mapping.py).
"""

from __future__ import annotations

import math

# IGN constants of Lambert-93 (GRS 80): exponent, constant, false easting/northing at the pole, first eccentricity
_N = 0.7256077650532670
_C = 11754255.426096
_XS = 700000.0
_YS = 12655612.049876
_E = 0.08181919104281579
_LON0 = math.radians(3.0)

# metropolitan France in Lambert-93 metres (with a margin): what looks like a Lambert-93 pair
L93_BOUNDS = (0.0, 6.0e6, 1.4e6, 7.2e6)  # xmin, ymin, xmax, ymax


def looks_like_lambert93(x: float, y: float) -> bool:
    xmin, ymin, xmax, ymax = L93_BOUNDS
    return xmin < x < xmax and ymin < y < ymax


def lambert93_to_wgs84_closed_form(x: float, y: float) -> tuple[float, float]:
    """(longitude, latitude) in degrees of a Lambert-93 point (x easting, y northing in metres)."""
    dx, dy = x - _XS, y - _YS
    radius = math.hypot(dx, dy)
    gamma = math.atan2(dx, -dy)
    longitude = _LON0 + gamma / _N
    isometric = -math.log(radius / _C) / _N
    latitude = 2.0 * math.atan(math.exp(isometric)) - math.pi / 2.0
    for _ in range(12):
        sin = _E * math.sin(latitude)
        following = 2.0 * math.atan(((1 + sin) / (1 - sin)) ** (_E / 2.0) * math.exp(isometric)) - math.pi / 2.0
        if abs(following - latitude) < 1e-12:
            latitude = following
            break
        latitude = following
    return math.degrees(longitude), math.degrees(latitude)


_TRANSFORMER = None


def lambert93_to_wgs84(x: float, y: float) -> tuple[float, float]:
    """(longitude, latitude): pyproj when installed, else :func:`lambert93_to_wgs84_closed_form`."""
    global _TRANSFORMER
    if _TRANSFORMER is None:
        try:
            from pyproj import Transformer

            _TRANSFORMER = Transformer.from_crs("EPSG:2154", "EPSG:4326", always_xy=True)
        except Exception:  # noqa: BLE001 — no pyproj (or no PROJ database): the closed form
            _TRANSFORMER = False
    if _TRANSFORMER:
        longitude, latitude = _TRANSFORMER.transform(x, y)
        if math.isfinite(longitude) and math.isfinite(latitude):
            return longitude, latitude
    return lambert93_to_wgs84_closed_form(x, y)
