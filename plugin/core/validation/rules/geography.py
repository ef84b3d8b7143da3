"""Territorial rules: postal code ↔ INSEE code ↔ commune, and coordinates in France near their commune.

They read the reference geodata through ``ctx.geography``: by default the module
:mod:`plugin.core.reference` (communes by INSEE and postal code, centroids, name keys, the plausibility
boxes of France including the DROM and COM). Any object with the same functions can be injected
(``ValidationOptions(geography=…)``).
"""

from __future__ import annotations

import math
import operator
import re
from itertools import compress, repeat
from typing import NamedTuple

from .. import fixes
from .common import Context, FieldFinding, finding

POSTAL_CODE = re.compile(r"\d{5}", re.ASCII)
INSEE_CODE = re.compile(r"(?:[013-9]\d|2[AB1-9])\d{3}", re.ASCII)
KM_PER_DEGREE = 6371.0088 * math.pi / 180


class CommuneRule:
    """Postal code exists, agrees with the INSEE code, and the commune name agrees with the codes.

    The names of the candidate communes (the INSEE code's, else the postal code's) are indexed once per code:
    exact and case-folded names, then comparison keys (no accents, case, punctuation; St = Saint).
    """

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self._names: dict[tuple, tuple] = {}
        self._keys: dict[str, str] = {}

    def consistent_rows(self, postals, insees, communes) -> list | None:
        """For each row, True when its codes and commune name are those of a reference commune as written
        (exact or case-folded name): such rows have no finding and skip the rule. None without an index."""
        accepted = consistent_keys(self.ctx.geography)
        if accepted is None:
            return None
        consistent = list(map(accepted.__contains__, map("|".join, zip(insees, postals, communes))))
        # the case-folded name only for the rows the name as written did not prove (a few)
        for index in compress(range(len(consistent)), map(operator.not_, consistent)):
            if f"{insees[index]}|{postals[index]}|{communes[index].casefold()}" in accepted:
                consistent[index] = True
        return consistent

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
        """(row index, findings) for the rows whose coordinates have findings (the batch path).

        The common case, two well-formed numbers near (one of) the lieu's commune(s), is decided with numpy;
        the other rows go through :meth:`__call__` (same verdicts). ``suspects``: (latitudes, longitudes) that
        may not be numbers (a superset of the filled cells that are not, e.g. the cells the latitude and
        longitude cell checks did not prove clean); without it each cell is matched against the number regex.
        """
        count = len(latitudes)
        if suspects is None:
            number = fixes.NUMBER.fullmatch
            lat_ok = map(bool, map(number, latitudes))
            lon_ok = map(bool, map(number, longitudes))
        else:
            lat_ok = _filled_and_not_in(latitudes, suspects[0])
            lon_ok = _filled_and_not_in(longitudes, suspects[1])
        candidate = list(map(operator.and_, lat_ok, lon_ok))
        filled = map(operator.or_, map(bool, latitudes), map(bool, longitudes))
        slow = set(compress(range(count), map(operator.gt, filled, candidate)))  # filled, not two numbers
        rows = list(compress(range(count), candidate))
        if rows:
            if len(rows) == count:
                columns = (latitudes, longitudes, insees, postals)
            else:
                every = (latitudes, longitudes, insees, postals)
                columns = tuple(list(compress(values, candidate)) for values in every)
            near = self._near_many(*columns)
            slow.update(compress(rows, map(operator.not_, near)))
        out: list[tuple[int, list[FieldFinding]]] = []
        for index in sorted(slow):
            found = self(latitudes[index], longitudes[index], insees[index], postals[index])
            if found:
                out.append((index, found))
        return out

    def check_arrays(
        self, latitudes, longitudes, insees, postals, suspects: tuple[set, set] | None
    ) -> list[tuple[int, list[FieldFinding]]]:
        """:meth:`check_columns` on Arrow string arrays (same result): the numbers are parsed by Arrow, the codes
        looked up once per distinct pair; only the rows with something to say become Python strings."""
        import numpy as np
        import pyarrow as pa
        import pyarrow.compute as pc

        if suspects is None:  # each cell would have to be matched against the number regex: the list path
            arrays = (latitudes, longitudes, insees, postals)
            return self.check_columns(*(array.to_numpy(zero_copy_only=False).tolist() for array in arrays))

        def usable(array, dirty: set):
            filled = pc.not_equal(array, "").to_numpy(zero_copy_only=False)
            if dirty:
                filled = filled & ~pc.is_in(array, value_set=pa.array(list(dirty), pa.string())).to_numpy(
                    zero_copy_only=False)
            return filled

        lat_ok, lon_ok = usable(latitudes, suspects[0]), usable(longitudes, suspects[1])
        candidate = lat_ok & lon_ok
        slow = (pc.not_equal(latitudes, "").to_numpy(zero_copy_only=False)
                | pc.not_equal(longitudes, "").to_numpy(zero_copy_only=False)) & ~candidate
        rows = np.flatnonzero(candidate)
        if rows.size:
            selected = [array.take(rows) for array in (latitudes, longitudes)]
            try:
                lat, lon = (pc.cast(array, pa.float64()).to_numpy(zero_copy_only=False) for array in selected)
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
                lat, lon = (np.array(list(map(float, array.to_numpy(zero_copy_only=False).tolist())))
                            for array in selected)
            # "insee\x00postal" (no NUL in a cell the Arrow reader read) → its row of the centre table
            pairs = pc.dictionary_encode(pc.binary_join_element_wise(insees.take(rows), postals.take(rows), "\x00"))
            texts = pairs.dictionary.to_numpy(zero_copy_only=False).tolist()
            centres = self._centres
            by_pair = np.fromiter(map(centres.by_text.get, texts, repeat(-1)), dtype=np.intp, count=len(texts))
            if len(texts) and by_pair.min() < 0:  # pairs never met in this process: prepare their centroids
                for text in compress(texts, (by_pair < 0).tolist()):
                    key = tuple(text.split("\x00"))
                    centres.add(key, self.places(*key)[: self.NUMPY_WIDTH], self.NUMPY_WIDTH)
                    centres.by_text[text] = centres.index[key]
                by_pair = np.fromiter(map(centres.by_text.__getitem__, texts), dtype=np.intp, count=len(texts))
            positions = by_pair[pairs.indices.to_numpy(zero_copy_only=False)]
            near = self._near_numpy(np, lat, lon, positions)
            slow[rows[~near]] = True
        out: list[tuple[int, list[FieldFinding]]] = []
        indexes = np.flatnonzero(slow)
        if indexes.size:
            cells = [array.take(indexes).to_numpy(zero_copy_only=False).tolist()
                     for array in (latitudes, longitudes, insees, postals)]
            for index, *values in zip(indexes.tolist(), *cells):
                found = self(*values)
                if found:
                    out.append((index, found))
        return out

    # Candidate communes compared with numpy per row; rows of a postal code shared by more communes whose
    # point is not near the first ones go through the per-row path.
    NUMPY_WIDTH = 4

    def _near_many(self, latitudes, longitudes, insees, postals) -> list:
        """For each row (well-formed numbers), whether the point lies within the limit of one of its communes."""
        try:
            import numpy as np
        except ImportError:  # pragma: no cover - numpy ships with QGIS
            return [
                self._near(float(lat), float(lon), self.places(insee, postal))
                for lat, lon, insee, postal in zip(latitudes, longitudes, insees, postals)
            ]
        count = len(latitudes)
        centres = self._centres
        positions = np.fromiter(map(centres.index.get, zip(insees, postals), repeat(-1)), dtype=np.intp, count=count)
        if count and positions.min() < 0:  # codes never met in this process: prepare their centroids
            for key in set(compress(zip(insees, postals), (positions < 0).tolist())):
                centres.add(key, self.places(*key)[: self.NUMPY_WIDTH], self.NUMPY_WIDTH)
            positions = np.fromiter(map(centres.index.get, zip(insees, postals)), dtype=np.intp, count=count)
        lat = np.fromiter(map(float, latitudes), dtype=np.float64, count=count)
        lon = np.fromiter(map(float, longitudes), dtype=np.float64, count=count)
        return self._near_numpy(np, lat, lon, positions).tolist()

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
    longitude, km per degree of longitude, limit; NaN padding): derived from the reference data only, kept
    for the process (like the reference data itself) and grown as new pairs of codes are met."""

    def __init__(self) -> None:
        self.index: dict[tuple[str, str], int] = {}
        self.by_text: dict[str, int] = {}  # the same rows keyed by "insee\x00postal" (the Arrow path's keys)
        self._rows: list[tuple] = []
        self._array = None

    def add(self, key: tuple[str, str], places: tuple, width: int) -> None:
        if key in self.index:
            return
        vector: list[float] = []
        for place in places:
            vector.extend((place.latitude, place.longitude, place.km_per_degree_longitude, place.limit_km))
        vector.extend((math.nan, math.nan, 0.0, 0.0) * (width - len(places)))
        self.index[key] = len(self._rows)
        self._rows.append(tuple(vector))
        self._array = None

    def array(self, np):
        if self._array is None:
            width = len(self._rows[0]) // 4 if self._rows else 1
            self._array = np.array(self._rows, dtype=np.float64).reshape(len(self._rows), width, 4)
        return self._array


def _filled_and_not_in(values, suspects: set):
    """For each cell: filled and not among ``suspects`` (an iterator of booleans, C speed)."""
    filled = map(bool, values)
    if not suspects:
        return filled
    return map(operator.and_, filled, map(operator.not_, map(suspects.__contains__, values)))
