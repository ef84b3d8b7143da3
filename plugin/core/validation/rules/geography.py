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

from ...columns import Shape
from .. import fixes
from .common import Context, FieldFinding, finding
from .re2_proof import CleanProof, re2_pattern

POSTAL_CODE = re.compile(r"\d{5}", re.ASCII)
INSEE_CODE = re.compile(r"(?:[013-9]\d|2[AB1-9])\d{3}", re.ASCII)
KM_PER_DEGREE = 6371.0088 * math.pi / 180
# a well-formed number (the cells the coordinates' numpy path reads), as a shape columns match in bulk
NUMBER_SHAPE = Shape(fixes.NUMBER, CleanProof((re2_pattern(fixes.NUMBER.pattern, fixes.NUMBER.flags),), None, False)
                     if re2_pattern(fixes.NUMBER.pattern, fixes.NUMBER.flags) else None)


class CommuneRule:
    """Postal code exists, agrees with the INSEE code, and the commune name agrees with the codes.

    The names of the candidate communes (the INSEE code's, else the postal code's) are indexed once per code:
    exact and case-folded names, then comparison keys (no accents, case, punctuation; St = Saint).
    """

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self._names: dict[tuple, tuple] = {}
        self._keys: dict[str, str] = {}

    def inconsistent_rows(self, postals, insees, communes):
        """The rows (numpy indexes) whose codes and commune name are not those of a reference commune as written
        (exact or case-folded name): the others have no finding and skip the rule. ``postals``, ``insees``,
        ``communes``: columns (:mod:`plugin.core.columns`). None without an index of the reference communes."""
        import numpy as np

        accepted = consistent_keys(self.ctx.geography)
        if accepted is None:
            return None
        left = (~insees.join((postals, communes), "|").is_in(accepted)).nonzero()[0]
        if left.size:  # the case-folded name only for the rows the name as written did not prove (a few)
            cells = zip(insees.take(left), postals.take(left), communes.take(left))
            folded = [f"{insee}|{postal}|{commune.casefold()}" in accepted for insee, postal, commune in cells]
            left = left[~np.array(folded, dtype=bool)]
        return left

    def _key(self, name: str) -> str:
        key = self._keys.get(name)
        if key is None:
            key = self._keys[name] = self.ctx.geography.name_key(name)
        return key

    def names_match(self, given: str, source: tuple, candidates: tuple) -> bool:
        exact = self._names.get(source)
        if exact is None:
            exact = self._names[source] = {c.nom for c in candidates} | {c.nom.casefold() for c in candidates}
        if given in exact or given.casefold() in exact:
            return True
        keys = {self._key(c.nom): c.type == "ARM" for c in candidates}
        key = self._key(given)
        if not key or key in keys:
            return True
        for official, arrondissement in keys.items():
            if key.startswith(official + " "):
                return True  # "Marseille 13", "Aix-en-Provence CEDEX 1"
            if arrondissement and official.startswith(key + " "):
                return True  # "Paris" for "Paris 15e Arrondissement"
        return False

    def __call__(self, code_postal: str, code_insee: str, commune: str) -> list[FieldFinding]:
        geo = self.ctx.geography
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
        if info is not None:
            source, candidates = ("insee", info.code_insee), (info,)
        else:
            source, candidates = ("postal", code_postal), postal_communes
        if commune and candidates and not self.names_match(commune, source, candidates):
            expected = ", ".join(sorted({c.nom for c in candidates}))
            found.append(FieldFinding("commune", finding("commune-mismatch", None, commune, expected=expected)))
        return found


_CONSISTENT: dict[int, tuple] = {}
_PLACES: dict[tuple, dict] = {}


def consistent_keys(geo) -> frozenset | None:
    """``insee|postal|name`` (and ``|postal|name`` for a lieu without INSEE code) of every reference commune,
    name as written and case-folded: the combinations the commune rule accepts without looking further.
    Built once per reference dataset (about 180,000 keys); None when ``geo`` cannot list its communes."""
    cached = _CONSISTENT.get(id(geo))
    if cached is not None and cached[0] is geo:
        return cached[1]
    listing = getattr(geo, "communes", None)
    if listing is None:
        return None
    keys = set()
    for commune in listing().values():
        names = {commune.nom, commune.nom.casefold()}
        for postal in commune.codes_postaux:
            for name in names:
                keys.add(f"{commune.code_insee}|{postal}|{name}")
                keys.add(f"|{postal}|{name}")
    accepted = frozenset(keys)
    _CONSISTENT[id(geo)] = (geo, accepted)
    return accepted


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
        # Prepared centroids (per commune, per pair of codes, as numpy rows): derived from the reference data
        # only, so shared by the rules of a process that use the same reference data and thresholds.
        limits = (ctx.centroid_distance_km, tuple(sorted(ctx.centroid_distance_km_by_departement.items())))
        shared = _PLACES.setdefault((id(ctx.geography), limits), ({}, {}, _CentreTable()))
        self._by_commune: dict[str, Place | None] = shared[0]
        self._places: dict[tuple[str, str], tuple] = shared[1]
        self._centres: _CentreTable = shared[2]

    def places(self, code_insee: str, code_postal: str) -> tuple:
        """The located communes the point should be near: the INSEE code's, else the postal code's."""
        key = (code_insee, code_postal)
        found = self._places.get(key)
        if found is not None:
            return found
        geo = self.ctx.geography
        communes: tuple = ()
        if geo is not None:
            insee, postal = code_insee.strip(), code_postal.strip()
            info = geo.commune(insee) if insee else None
            if info is not None:
                communes = (info,)
            elif postal:
                communes = geo.communes_by_postal_code(postal)
        places = [place for place in map(self._place, communes) if place is not None]
        found = self._places[key] = tuple(places)
        return found

    def _place(self, commune) -> Place | None:
        """The prepared centroid of a commune (cached per commune), None when it has no centroid."""
        place = self._by_commune.get(commune.code_insee, False)
        if place is not False:
            return place
        if commune.latitude is not None and commune.longitude is not None:
            longitude, latitude = commune.longitude, commune.latitude
        else:
            centre = self.ctx.geography.centroid(commune.code_insee)  # arrondissements: their city's centroid
            longitude, latitude = centre if centre is not None else (None, None)
        place = None
        if latitude is not None:
            place = Place(
                latitude,
                longitude,
                KM_PER_DEGREE * math.cos(math.radians(latitude)),
                self.ctx.centroid_distance_km_by_departement.get(commune.departement, self.ctx.centroid_distance_km),
                commune.nom,
                commune.code_insee,
            )
        self._by_commune[commune.code_insee] = place
        return place

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

    def check_columns(
        self, latitudes, longitudes, insees, postals, suspects: tuple[set, set] | None = None
    ) -> list[tuple[int, list[FieldFinding]]]:
        """(row index, findings) for the rows whose coordinates have findings (the batch path), on columns
        (:mod:`plugin.core.columns`).

        The common case, two well-formed numbers near (one of) the lieu's commune(s), is decided with numpy
        (the codes looked up once per distinct pair); the other rows go through :meth:`__call__` (same
        verdicts). ``suspects``: (latitudes, longitudes) that may not be numbers (a superset of the filled cells
        that are not, e.g. the cells the latitude and longitude cell checks did not prove clean); without it
        each cell is matched against the number regex.
        """
        import numpy as np

        filled = latitudes.filled(), longitudes.filled()
        if suspects is None:
            candidate = latitudes.matches(NUMBER_SHAPE) & longitudes.matches(NUMBER_SHAPE)
        else:
            candidate = filled[0] & filled[1]
            for column, dirty in zip((latitudes, longitudes), suspects):
                if dirty:
                    candidate &= ~column.is_in(dirty)
        slow = (filled[0] | filled[1]) & ~candidate  # filled, not two numbers
        rows = candidate.nonzero()[0]
        if rows.size:
            every = (latitudes, longitudes, insees, postals)
            lat, lon, insee, postal = every if rows.size == len(latitudes) else (c.subset(rows) for c in every)
            near = self._near_numpy(np, lat.numbers(), lon.numbers(), self._centre_rows(insee, postal))
            slow[rows[~near]] = True
        out: list[tuple[int, list[FieldFinding]]] = []
        indexes = slow.nonzero()[0]
        if indexes.size:
            cells = [column.take(indexes) for column in (latitudes, longitudes, insees, postals)]
            for index, *values in zip(indexes.tolist(), *cells):
                found = self(*values)
                if found:
                    out.append((index, found))
        return out

    # Candidate communes compared with numpy per row; rows of a postal code shared by more communes whose
    # point is not near the first ones go through the per-row path.
    NUMPY_WIDTH = 4

    def _centre_rows(self, insees, postals):
        """For each row, its row of the centre table (numpy indexes): the first communes of its codes, keyed by
        ``"insee\x00postal"``; a pair whose codes hold a NUL character gets the row of no commune (its point is
        then never near: the per-row path decides it)."""
        import numpy as np

        centres = self._centres
        pairs = insees.join((postals,), "\x00")
        positions = pairs.lookup(centres.index, -1)
        if positions.size and positions.min() < 0:  # pairs never met in this process: prepare their centroids
            for text in set(pairs.take(np.flatnonzero(positions < 0))):
                if text.count("\x00") == 1:
                    centres.add(text, self.places(*text.split("\x00"))[: self.NUMPY_WIDTH], self.NUMPY_WIDTH)
            positions = pairs.lookup(centres.index, -1)
            positions[positions < 0] = centres.empty_row(self.NUMPY_WIDTH)
        return positions

    def _near_numpy(self, np, lat, lon, positions):
        """For each point (numpy float arrays) and its row of the centre table, whether it lies within the limit
        of one of the communes of the row (and is not 0, 0): a numpy boolean array."""
        rows = self._centres.array(np)[positions]
        lat, lon = lat[:, None], lon[:, None]
        dy = (lat - rows[:, :, 0]) * KM_PER_DEGREE
        dx = (lon - rows[:, :, 1]) * rows[:, :, 2]
        with np.errstate(invalid="ignore"):
            inside = (dx * dx + dy * dy) <= rows[:, :, 3] ** 2
        return inside.any(axis=1) & ~((lat[:, 0] == 0) & (lon[:, 0] == 0))


class _CentreTable:
    """The first communes a pair (code_insee, code_postal) designates, as rows of a numpy table (latitude,
    longitude, km per degree of longitude, limit; NaN padding), keyed by ``"insee\x00postal"``: derived from the
    reference data only, kept for the process (like the reference data itself) and grown as new pairs of codes
    are met."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self._rows: list[tuple] = []
        self._array = None

    def add(self, key: str, places: tuple, width: int) -> None:
        if key in self.index:
            return
        vector: list[float] = []
        for place in places:
            vector.extend((place.latitude, place.longitude, place.km_per_degree_longitude, place.limit_km))
        vector.extend((math.nan, math.nan, 0.0, 0.0) * (width - len(places)))
        self.index[key] = len(self._rows)
        self._rows.append(tuple(vector))
        self._array = None

    def empty_row(self, width: int) -> int:
        """The row of no commune (a point is never near it), keyed by a text no pair of NUL-free codes gives."""
        self.add("\x00\x00", (), width)
        return self.index["\x00\x00"]

    def array(self, np):
        if self._array is None:
            width = len(self._rows[0]) // 4 if self._rows else 1
            self._array = np.array(self._rows, dtype=np.float64).reshape(len(self._rows), width, 4)
        return self._array
