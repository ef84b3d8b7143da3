"""Great-circle neighbours of many points among many lieux, with a spatial index (shapely STRtree).

The lieux are indexed as longitude/latitude points. For a query point and a radius ``d`` the candidates are
the lieux in the box that contains every point within ``d`` on the sphere (latitudes ``φ ± δ``, longitudes
``λ ± asin(sin δ / cos φ)``, δ = d / R, the whole globe when the box reaches a pole); their exact haversine
distances then decide. The nearest lieu starts from the planar nearest in degrees, whose great-circle
distance bounds the true nearest one: the box of that radius holds the answer. A box crossing the ±180°
meridian (Wallis-et-Futuna is near it) is cut in two.
"""

from __future__ import annotations

import numpy as np
import shapely

from ..orientation.geo import EARTH_RADIUS_KM

CHUNK = 4096  # query points per STRtree query (bounds the memory of the candidate pairs)


def haversine_pairs_km(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    """Element-wise great-circle distances in km (same formula as ``reference.distance_km``)."""
    phi1, phi2 = np.radians(lat1), np.radians(lat2)
    a = np.sin((phi2 - phi1) / 2) ** 2 + np.cos(phi1) * np.cos(phi2) * np.sin(np.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))


def search_boxes(lons: np.ndarray, lats: np.ndarray, radii_km: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Boxes (shapely polygons) holding every point within ``radii_km`` of each point on the sphere, and the
    position of the point each box belongs to: a box crossing the ±180° meridian is cut in two."""
    delta = np.asarray(radii_km, dtype=float) / EARTH_RADIUS_KM
    dlat = np.degrees(delta)
    ratio = np.sin(np.minimum(delta, np.pi / 2)) / np.cos(np.radians(lats))
    polar = (np.abs(lats) + dlat >= 90) | (ratio >= 1) | (delta >= np.pi / 2)
    with np.errstate(invalid="ignore"):
        dlon = np.where(polar, 180.0, np.degrees(np.arcsin(np.minimum(ratio, 1.0))))
    margin = 1e-9
    low, high = lons - dlon - margin, lons + dlon + margin
    full = dlon >= 180
    low[full], high[full] = -180.0, 180.0
    south = np.maximum(lats - dlat - margin, -90.0)
    north = np.minimum(lats + dlat + margin, 90.0)
    owners = [np.arange(len(lons))]
    boxes = [shapely.box(np.maximum(low, -180.0), south, np.minimum(high, 180.0), north)]
    west = np.flatnonzero(low < -180)  # the part beyond -180° is east of +180°
    boxes.append(shapely.box(low[west] + 360, south[west], np.full(len(west), 180.0), north[west]))
    owners.append(west)
    east = np.flatnonzero(high > 180)
    boxes.append(shapely.box(np.full(len(east), -180.0), south[east], high[east] - 360, north[east]))
    owners.append(east)
    return np.concatenate(boxes), np.concatenate(owners)


class LieuIndex:
    """A spatial index of lieux positions (WGS84 degrees) answering nearest and within-radius queries."""

    def __init__(self, lons: np.ndarray, lats: np.ndarray):
        self.lons = np.asarray(lons, dtype=float)
        self.lats = np.asarray(lats, dtype=float)
        self.size = len(self.lons)
        self.tree = shapely.STRtree(shapely.points(self.lons, self.lats)) if self.size else None

    def _pairs(self, lons: np.ndarray, lats: np.ndarray, radii: np.ndarray):
        """(query position, lieu position, distance km) of the lieux within each radius, chunk by chunk."""
        for start in range(0, len(lons), CHUNK):
            stop = min(start + CHUNK, len(lons))
            boxes, owners = search_boxes(lons[start:stop], lats[start:stop], radii[start:stop])
            box, lieu = self.tree.query(boxes)
            query = owners[box]
            distances = haversine_pairs_km(
                lats[start:stop][query], lons[start:stop][query], self.lats[lieu], self.lons[lieu]
            )
            keep = distances <= radii[start:stop][query]
            yield query[keep] + start, lieu[keep], distances[keep]

    def count_within(self, lons: np.ndarray, lats: np.ndarray, radius_km: float) -> np.ndarray:
        """How many lieux lie within ``radius_km`` of each point (great circle)."""
        counts = np.zeros(len(lons), dtype=np.int64)
        if self.tree is None or not len(lons):
            return counts
        radii = np.full(len(lons), float(radius_km))
        for query, _lieu, _distances in self._pairs(np.asarray(lons, float), np.asarray(lats, float), radii):
            counts += np.bincount(query, minlength=len(lons))
        return counts

    def nearest(self, lons: np.ndarray, lats: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Great-circle distance (km) to the nearest lieu and its position, for each point (NaN / -1: none)."""
        lons, lats = np.asarray(lons, float), np.asarray(lats, float)
        best = np.full(len(lons), np.inf)
        which = np.full(len(lons), -1, dtype=np.int64)
        if self.tree is None or not len(lons):
            return np.full(len(lons), np.nan), which
        _query, planar = self.tree.query_nearest(shapely.points(lons, lats), all_matches=False)
        bound = haversine_pairs_km(lats, lons, self.lats[planar], self.lons[planar])
        radii = bound * (1 + 1e-9) + 1e-9
        for query, lieu, distances in self._pairs(lons, lats, radii):
            order = np.lexsort((distances, query))  # by query point, then distance
            query, lieu, distances = query[order], lieu[order], distances[order]
            first = np.ones(len(query), dtype=bool)
            first[1:] = query[1:] != query[:-1]
            q, d, li = query[first], distances[first], lieu[first]
            closer = d < best[q]
            best[q[closer]] = d[closer]
            which[q[closer]] = li[closer]
        best[which < 0] = np.nan
        return best, which
