"""Reference data: communes, postal codes, départements, régions, EPCI, territory boxes, typologies.

Pure Python, offline. The compact files in ``resources/reference/`` (built by ``scripts/build_reference.py``;
origins and licences in ``resources/reference/ATTRIBUTION.md``) are loaded lazily on first use and cached.

* communes (current communes + municipal arrondissements) by INSEE code, by postal code, by name
  (accent-, case- and "Saint"/"St"-insensitive) and by prefix search;
* départements, régions, EPCI (SIREN → name, type, member communes);
* centroids (from the 2018 commune outlines; arrondissements fall back to their city's centroid) and
  distances;
* a plausibility test for coordinates in France including the DROM and the COM (:func:`territory_at`):
  per-département boxes derived from the bundled outlines for metropolitan France, boxes of the known
  extents of each overseas territory otherwise;
* point-in-département on the simplified metropolitan outlines (needs shapely; ``None`` = unknown when it
  is missing or for overseas départements, which have no outline here);
* the typologie vocabulary (code → label) of the ANCT model.
"""

from __future__ import annotations

import csv
import json
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from .resources import resource_path

REFERENCE_DIR = "reference"

# Outer boxes (min_lon, min_lat, max_lon, max_lat) of each overseas territory, written from their known
# geographic extents (main islands and inhabited dependencies) with a small margin; checked in the tests
# against the centroids of their communes.
OVERSEAS_BOXES: dict[str, tuple[float, float, float, float]] = {
    "971": (-61.90, 15.80, -60.95, 16.55),  # Guadeloupe (Marie-Galante, Les Saintes, La Désirade)
    "972": (-61.30, 14.35, -60.75, 14.92),  # Martinique
    "973": (-54.65, 2.05, -51.50, 5.85),  # Guyane
    "974": (55.15, -21.42, 55.88, -20.85),  # La Réunion
    "976": (44.90, -13.05, 45.35, -12.60),  # Mayotte
    "975": (-56.45, 46.70, -56.10, 47.16),  # Saint-Pierre-et-Miquelon
    "977": (-62.97, 17.85, -62.77, 17.98),  # Saint-Barthélemy
    "978": (-63.17, 18.03, -62.96, 18.13),  # Saint-Martin
    "986": (-178.25, -14.40, -176.10, -13.15),  # Wallis-et-Futuna
    "987": (-154.80, -27.70, -134.40, -7.80),  # Polynésie française
    "988": (163.50, -22.95, 168.30, -19.50),  # Nouvelle-Calédonie (Grande Terre, Loyauté, Belep, Pins)
}
# Margin around each metropolitan département outline: covers the simplification of the outline and
# the small islands it leaves out (Ouessant, Yeu, Porquerolles…), about 5 km.
METRO_MARGIN_DEGREES = 0.05
# Municipal arrondissements → their city (for the centroid fallback)
ARRONDISSEMENT_CITIES = {"751": "75056", "132": "13055", "693": "69123"}

_SAINT = re.compile(r"\b(st|ste|sts|stes)\b")
_SAINT_FULL = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}


@dataclass(frozen=True)
class Commune:
    code_insee: str
    nom: str
    type: str  # "COM" (commune) or "ARM" (municipal arrondissement of Paris, Lyon, Marseille)
    departement: str
    epci: str  # SIREN of its EPCI ("" if none: Paris, islands, COM, arrondissements)
    codes_postaux: tuple[str, ...]
    longitude: float | None
    latitude: float | None
    zone: str  # metro | drom | com
    population: int

    @property
    def region(self) -> str:
        dept = departement(self.departement)
        return dept.region if dept else ""

    @property
    def centroid(self) -> tuple[float, float] | None:
        """(longitude, latitude) of the commune's centroid, if known."""
        return centroid(self.code_insee)


@dataclass(frozen=True)
class Departement:
    code: str
    nom: str
    region: str
    zone: str
    chef_lieu: str


@dataclass(frozen=True)
class Region:
    code: str
    nom: str
    zone: str
    chef_lieu: str


@dataclass(frozen=True)
class Epci:
    siren: str
    nom: str
    type: str  # CA, CC, CU, METRO, MET69
    population: int
    members: tuple[str, ...]  # INSEE codes of the member communes

    def communes(self) -> list[Commune]:
        table = communes()
        return [table[code] for code in self.members if code in table]


# --------------------------------------------------------------------------------------------- loading


def _rows(name: str) -> list[dict[str, str]]:
    with open(resource_path(REFERENCE_DIR, name), encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _float(text: str) -> float | None:
    return float(text) if text else None


_COMMUNE_FIELDS = ("code_insee", "nom", "type", "departement", "epci", "codes_postaux", "longitude", "latitude",
                   "zone", "population")


@lru_cache(maxsize=1)
def communes() -> dict[str, Commune]:
    """All communes and municipal arrondissements by INSEE code (loaded once).

    Read at start-up by every validation: the 35,000 rows are parsed by ``csv.reader`` and the frozen
    ``Commune`` objects given their fields at once (the dataclass's ``__init__`` sets them one by one)."""
    with open(resource_path(REFERENCE_DIR, "communes.csv"), encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        if tuple(header) != _COMMUNE_FIELDS:  # another layout: read by name, as the other files
            handle.seek(0)
            return {row["code_insee"]: _commune(row) for row in csv.DictReader(handle)}
        new, set_fields = object.__new__, object.__setattr__
        table: dict[str, Commune] = {}
        for insee, nom, kind, dept, epci_code, postaux, lon, lat, zone, population in reader:
            item = new(Commune)
            set_fields(item, "__dict__", {
                "code_insee": insee, "nom": nom, "type": kind, "departement": dept, "epci": epci_code,
                "codes_postaux": tuple(postaux.split("|")) if postaux else (),
                "longitude": float(lon) if lon else None, "latitude": float(lat) if lat else None,
                "zone": zone, "population": int(population or 0),
            })
            table[insee] = item
        return table


def _commune(row: dict[str, str]) -> Commune:
    return Commune(
        code_insee=row["code_insee"],
        nom=row["nom"],
        type=row["type"],
        departement=row["departement"],
        epci=row["epci"],
        codes_postaux=tuple(row["codes_postaux"].split("|")) if row["codes_postaux"] else (),
        longitude=_float(row["longitude"]),
        latitude=_float(row["latitude"]),
        zone=row["zone"],
        population=int(row["population"] or 0),
    )


def commune(code_insee: str) -> Commune | None:
    return communes().get(code_insee)


@lru_cache(maxsize=1)
def _by_postal_code() -> dict[str, tuple[Commune, ...]]:
    index: dict[str, list[Commune]] = {}
    for item in communes().values():
        for code in item.codes_postaux:
            index.setdefault(code, []).append(item)
    return {code: tuple(items) for code, items in index.items()}


def communes_by_postal_code(code_postal: str) -> tuple[Commune, ...]:
    """Communes (and arrondissements) served by a postal code; () for an unknown or CEDEX code."""
    return _by_postal_code().get(code_postal, ())


def postal_code_exists(code_postal: str) -> bool:
    return code_postal in _by_postal_code()


def postal_code_matches(code_postal: str, code_insee: str) -> bool:
    """True when the commune ``code_insee`` is served by ``code_postal``."""
    item = commune(code_insee)
    return item is not None and code_postal in item.codes_postaux


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Comparison key of a commune name: no accents, case, punctuation; "St"/"Ste" read as "Saint"/"Sainte".

    ``"ST-ÉTIENNE"``, ``"Saint Etienne"`` and ``"saint-étienne"`` share the key ``"saint etienne"``.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    text = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
    text = text.replace("œ", "oe").replace("æ", "ae")
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return _SAINT.sub(lambda match: _SAINT_FULL[match.group(1)], text)


@lru_cache(maxsize=1)
def _by_name() -> dict[str, tuple[Commune, ...]]:
    index: dict[str, list[Commune]] = {}
    for item in communes().values():
        index.setdefault(name_key(item.nom), []).append(item)
    return {key: tuple(items) for key, items in index.items()}


def communes_named(name: str) -> tuple[Commune, ...]:
    """Communes whose name matches ``name`` (accent/case/punctuation-insensitive), e.g. for commune checks."""
    return _by_name().get(name_key(name), ())


def search_communes(text: str, limit: int = 20, departement_code: str | None = None) -> list[Commune]:
    """Communes for a search box ("Autour de…"): exact name first, then names starting with, then containing
    the text; a postal code or INSEE code (or its beginning) also matches. Ties: larger population first."""
    query = name_key(text)
    if not query:
        return []
    digits = text.strip()
    scored: list[tuple[int, int, str, Commune]] = []
    for key, items in _by_name().items():
        if key == query:
            rank = 0
        elif key.startswith(query):
            rank = 1
        elif f" {query}" in f" {key}":
            rank = 2
        elif query in key:
            rank = 3
        else:
            continue
        scored.extend((rank, -item.population, item.code_insee, item) for item in items)
    if digits.isdigit() or re.fullmatch(r"\d[\dAB]\d*", digits):
        for item in communes().values():
            if item.code_insee.startswith(digits) or any(code.startswith(digits) for code in item.codes_postaux):
                scored.append(
                    (
                        0 if digits in item.codes_postaux or digits == item.code_insee else 1,
                        -item.population,
                        item.code_insee,
                        item,
                    )
                )
    if departement_code:
        scored = [entry for entry in scored if entry[3].departement == departement_code]
    seen: set[str] = set()
    result: list[Commune] = []
    for _, _, code, item in sorted(scored, key=lambda entry: entry[:3]):
        if code not in seen:
            seen.add(code)
            result.append(item)
            if len(result) >= limit:
                break
    return result


@lru_cache(maxsize=1)
def departements() -> dict[str, Departement]:
    return {
        row["code"]: Departement(row["code"], row["nom"], row["region"], row["zone"], row["chef_lieu"])
        for row in _rows("departements.csv")
    }


def departement(code: str) -> Departement | None:
    return departements().get(code)


def departement_of_insee(code_insee: str) -> str:
    """The département code an INSEE code belongs to ("13" for 13055, "971" for 97105, "2A" for 2A004)."""
    return code_insee[:3] if code_insee[:2] in ("97", "98") else code_insee[:2]


@lru_cache(maxsize=1)
def regions() -> dict[str, Region]:
    return {row["code"]: Region(row["code"], row["nom"], row["zone"], row["chef_lieu"]) for row in _rows("regions.csv")}


def region(code: str) -> Region | None:
    return regions().get(code)


@lru_cache(maxsize=1)
def epcis() -> dict[str, Epci]:
    members: dict[str, list[str]] = {}
    for item in communes().values():
        if item.epci:
            members.setdefault(item.epci, []).append(item.code_insee)
    return {
        row["siren"]: Epci(
            row["siren"], row["nom"], row["type"], int(row["population"] or 0), tuple(members.get(row["siren"], ()))
        )
        for row in _rows("epci.csv")
    }


def epci(siren: str) -> Epci | None:
    return epcis().get(siren)


def epci_of_commune(code_insee: str) -> Epci | None:
    item = commune(code_insee)
    return epci(item.epci) if item and item.epci else None


@lru_cache(maxsize=1)
def typologies() -> dict[str, str]:
    """The typologie vocabulary: code → label (92 codes of the ANCT model, ``Autre`` included)."""
    return {row["code"]: row["label"] for row in _rows("typologies.csv")}


# --------------------------------------------------------------------------------------------- geography


def centroid(code_insee: str) -> tuple[float, float] | None:
    """(longitude, latitude) of a commune's centroid; a municipal arrondissement falls back to its city's."""
    item = commune(code_insee)
    if item is None:
        return None
    if item.longitude is not None and item.latitude is not None:
        return item.longitude, item.latitude
    city = ARRONDISSEMENT_CITIES.get(code_insee[:3]) if item.type == "ARM" else None
    return centroid(city) if city else None


def distance_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle distance in kilometres (haversine, mean Earth radius)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


@lru_cache(maxsize=1)
def _departement_features() -> tuple[dict[str, Any], ...]:
    path = resource_path(REFERENCE_DIR, "departements-simplifies.geojson")
    return tuple(json.loads(path.read_text(encoding="utf-8"))["features"])


def _points(coordinates: Any) -> Iterable[tuple[float, float]]:
    if coordinates and isinstance(coordinates[0], (int, float)):
        yield coordinates[0], coordinates[1]
    else:
        for part in coordinates:
            yield from _points(part)


@lru_cache(maxsize=1)
def territory_boxes() -> dict[str, tuple[float, float, float, float]]:
    """Plausibility boxes: each metropolitan département's outline envelope (+ margin), then the overseas ones."""
    boxes: dict[str, tuple[float, float, float, float]] = {}
    for feature in _departement_features():
        points = list(_points(feature["geometry"]["coordinates"]))
        lons = [p[0] for p in points]
        lats = [p[1] for p in points]
        margin = METRO_MARGIN_DEGREES
        boxes[feature["properties"]["code"]] = (
            min(lons) - margin,
            min(lats) - margin,
            max(lons) + margin,
            max(lats) + margin,
        )
    boxes.update(OVERSEAS_BOXES)
    return boxes


def territory_at(longitude: float, latitude: float) -> str | None:
    """The territory a point plausibly lies in: "metro", or an overseas code ("971"…"988"); None outside France.

    A fast plausibility test (boxes), not a border check: use :func:`departement_at` for metropolitan outlines.
    """
    for code, (min_lon, min_lat, max_lon, max_lat) in territory_boxes().items():
        if min_lon <= longitude <= max_lon and min_lat <= latitude <= max_lat:
            return code if code in OVERSEAS_BOXES else "metro"
    return None


def in_france(longitude: float, latitude: float) -> bool:
    """True when the point plausibly lies in France, metropolitan or overseas (DROM and COM)."""
    return territory_at(longitude, latitude) is not None


def territory_of_departement(code: str) -> str:
    """The territory key :func:`territory_at` returns for a département code ("metro" or the overseas code)."""
    return code if code in OVERSEAS_BOXES else "metro"


# --------------------------------------------------------------------------------------------- outlines


@lru_cache(maxsize=1)
def _outlines() -> dict[str, Any] | None:
    try:
        import shapely
        from shapely.geometry import shape
    except ImportError:
        return None
    outlines = {}
    for feature in _departement_features():
        geometry = shape(feature["geometry"])
        shapely.prepare(geometry)
        outlines[feature["properties"]["code"]] = geometry
    return outlines


def outlines_available() -> bool:
    """True when point-in-département checks can run (shapely installed)."""
    return _outlines() is not None


def in_departement(code: str, longitude: float, latitude: float, tolerance_km: float = 0.0) -> bool | None:
    """Whether the point lies in the metropolitan département ``code`` (within ``tolerance_km`` of its outline).

    None when unknown: overseas département (no outline bundled) or shapely missing.
    """
    outlines = _outlines()
    if outlines is None or code not in outlines:
        return None
    import shapely

    geometry = outlines[code]
    if shapely.contains_xy(geometry, longitude, latitude):
        return True
    if tolerance_km <= 0:
        return False
    degrees = tolerance_km / 111.0  # latitude degrees; longitudes are shorter, so this errs on the lenient side
    distance = shapely.distance(geometry, shapely.Point(longitude, latitude))
    return bool(distance <= degrees / max(0.2, math.cos(math.radians(latitude))))


def departement_at(longitude: float, latitude: float) -> str | None:
    """The metropolitan département whose outline contains the point (None: outside, overseas, or no shapely)."""
    outlines = _outlines()
    if outlines is None:
        return None
    import shapely

    for code, (min_lon, min_lat, max_lon, max_lat) in territory_boxes().items():
        if code in outlines and min_lon <= longitude <= max_lon and min_lat <= latitude <= max_lat:
            if shapely.contains_xy(outlines[code], longitude, latitude):
                return code
    return None
