"""Territorial rules: postal code ↔ INSEE code ↔ commune, and coordinates in France near their commune.

They read the reference geodata (communes with postal codes and centroids) through :class:`Gazetteer`, a
small index built once from the reference rows that ``plugin/core/reference.py`` ships (or any iterable of
commune rows: tests build one from the shared ``communes.csv``).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Mapping, NamedTuple

from .. import fixes
from .common import Context, FieldFinding, finding

POSTAL_CODE = re.compile(r"\d{5}", re.ASCII)
INSEE_CODE = re.compile(r"(?:[013-9]\d|2[AB1-9])\d{3}", re.ASCII)
# municipal arrondissements of Paris, Lyon, Marseille (COG type "ARM")
ARRONDISSEMENT_TYPES = {"ARM", "ARRONDISSEMENT-MUNICIPAL"}


class CommuneInfo(NamedTuple):
    code_insee: str
    nom: str
    departement: str
    codes_postaux: tuple
    latitude: float | None
    longitude: float | None
    arrondissement: bool = False


def _float(text) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except (TypeError, ValueError):
        return None


_NAME_NOISE = re.compile(r"[^a-z0-9]+")
_SAINT = re.compile(r"\bsainte?\b")
_CEDEX = re.compile(r"\s+cedex(\s*\d+)?\s*$", re.IGNORECASE)


def name_key(name: str) -> str:
    """Comparison key of a commune name: no case, accents, punctuation; Saint/Sainte → st/ste; no CEDEX."""
    text = _CEDEX.sub("", name or "")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _SAINT.sub(lambda m: "ste" if m.group(0) == "sainte" else "st", text)
    return _NAME_NOISE.sub("", text)


@dataclass
class Gazetteer:
    """Communes by INSEE code and by postal code."""

    by_insee: dict
    by_postal_code: dict

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping]) -> Gazetteer:
        """Rows with ``code_insee, nom, type, departement, codes_postaux ('|'-joined or a list), latitude,
        longitude`` (the columns of the reference ``communes.csv``)."""
        by_insee: dict[str, CommuneInfo] = {}
        by_postal_code: dict[str, list[CommuneInfo]] = {}
        for row in rows:
            codes = row.get("codes_postaux") or ()
            if isinstance(codes, str):
                codes = tuple(code for code in codes.split("|") if code)
            info = CommuneInfo(
                code_insee=str(row["code_insee"]),
                nom=str(row.get("nom", "")),
                departement=str(row.get("departement", "") or ""),
                codes_postaux=tuple(codes),
                latitude=_float(row.get("latitude")),
                longitude=_float(row.get("longitude")),
                arrondissement=str(row.get("type", "")).upper() in ARRONDISSEMENT_TYPES,
            )
            by_insee[info.code_insee] = info
            for code in info.codes_postaux:
                by_postal_code.setdefault(code, []).append(info)
        return cls(by_insee, {code: tuple(infos) for code, infos in by_postal_code.items()})

    @classmethod
    def from_csv(cls, path) -> Gazetteer:
        import csv

        with open(path, encoding="utf-8", newline="") as handle:
            return cls.from_rows(csv.DictReader(handle))

    def commune(self, code_insee: str) -> CommuneInfo | None:
        return self.by_insee.get(code_insee)

    def communes_for_postal_code(self, code_postal: str) -> tuple:
        return self.by_postal_code.get(code_postal, ())


def _names_match(given: str, commune: CommuneInfo) -> bool:
    key, official = name_key(given), name_key(commune.nom)
    if not key:
        return True
    if key == official or key.startswith(official):
        return True  # "Marseille 13", "Aix-en-Provence CEDEX 1"
    return commune.arrondissement and official.startswith(key)  # "Paris" for "Paris 15e Arrondissement"


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
        postal_communes = geo.communes_for_postal_code(code_postal)
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
    if commune and candidates and not any(_names_match(commune, c) for c in candidates):
        expected = ", ".join(sorted({c.nom for c in candidates}))
        found.append(FieldFinding("commune", finding("commune-mismatch", None, commune, expected=expected)))
    return found


# ── Coordinates ───────────────────────────────────────────────────────────────────────────────────────────

# (territory, longitude min, latitude min, longitude max, latitude max): generous boxes around France,
# its overseas départements (DROM) and collectivités (COM).
FRANCE_BOXES = (
    ("France métropolitaine", -5.6, 41.2, 9.8, 51.3),
    ("Guadeloupe", -61.9, 15.8, -60.9, 16.6),
    ("Martinique", -61.3, 14.3, -60.75, 14.95),
    ("Guyane", -54.7, 2.0, -51.5, 5.9),
    ("La Réunion", 55.15, -21.45, 55.9, -20.8),
    ("Mayotte", 44.9, -13.1, 45.35, -12.55),
    ("Saint-Pierre-et-Miquelon", -56.5, 46.7, -56.1, 47.2),
    ("Saint-Barthélemy", -62.95, 17.85, -62.75, 17.98),
    ("Saint-Martin", -63.2, 18.0, -62.95, 18.15),
    ("Wallis-et-Futuna", -178.3, -14.45, -176.0, -13.15),
    ("Polynésie française", -154.8, -28.0, -134.0, -7.8),
    ("Nouvelle-Calédonie", 163.5, -22.9, 168.2, -19.5),
)


def in_france(latitude: float, longitude: float) -> bool:
    return any(x0 <= longitude <= x1 and y0 <= latitude <= y1 for _, x0, y0, x1, y1 in FRANCE_BOXES)


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


KM_PER_DEGREE = 6371.0088 * math.pi / 180


class Place(NamedTuple):
    """A commune centroid prepared for fast distance tests (equirectangular, fine at commune scale)."""

    latitude: float
    longitude: float
    km_per_degree_longitude: float
    limit_km: float
    commune: CommuneInfo


class CoordinateRule:
    """Coordinates: both or neither given, not 0/0, inside France (else swapped?), near the commune."""

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
            communes = (info,) if info is not None else geo.communes_for_postal_code(code_postal) if code_postal else ()
        by_departement = self.ctx.centroid_distance_km_by_departement
        found = tuple(
            Place(
                c.latitude,
                c.longitude,
                KM_PER_DEGREE * math.cos(math.radians(c.latitude)),
                by_departement.get(c.departement, self.ctx.centroid_distance_km),
                c,
            )
            for c in communes
            if c is not None and c.latitude is not None and c.longitude is not None
        )
        self._places[key] = found
        return found

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
        if not in_france(lat, lon):
            code = "coordinates-swapped" if in_france(lon, lat) else "coordinates-outside-france"
            return [FieldFinding("latitude", finding(code, None, about, about=about))]
        places = self.places(code_insee, code_postal)
        if not places:
            return []
        for place in places:
            dy = (lat - place.latitude) * KM_PER_DEGREE
            dx = (lon - place.longitude) * place.km_per_degree_longitude
            if dx * dx + dy * dy <= place.limit_km * place.limit_km:
                return []
        nearest = min(places, key=lambda p: distance_km(lat, lon, p.latitude, p.longitude))
        distance = distance_km(lat, lon, nearest.latitude, nearest.longitude)
        if distance <= nearest.limit_km:
            return []
        commune = nearest.commune
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
                    detail=f"{commune.nom} ({commune.code_insee})",
                ),
            )
        ]


    def check_columns(self, latitudes, longitudes, insees, postals) -> list[tuple[int, list[FieldFinding]]]:
        """(row index, findings) for the rows of columns whose coordinates have findings (the batch path).

        The common case, a well-formed point in metropolitan France near its commune, is decided inline.
        """
        out: list[tuple[int, list[FieldFinding]]] = []
        number = fixes.NUMBER.fullmatch
        x0, y0, x1, y1 = FRANCE_BOXES[0][1:]
        places_of = self.places
        for index, (latitude, longitude) in enumerate(zip(latitudes, longitudes)):
            if not latitude and not longitude:
                continue
            if number(latitude) and number(longitude):
                lat, lon = float(latitude), float(longitude)
                if x0 <= lon <= x1 and y0 <= lat <= y1:
                    places = places_of(insees[index], postals[index])
                    near = not places
                    for place in places:
                        dy = (lat - place.latitude) * KM_PER_DEGREE
                        dx = (lon - place.longitude) * place.km_per_degree_longitude
                        if dx * dx + dy * dy <= place.limit_km * place.limit_km:
                            near = True
                            break
                    if near:
                        continue
            found = self(latitude, longitude, insees[index], postals[index])
            if found:
                out.append((index, found))
        return out


def coordinate_findings(
    ctx: Context, latitude: str, longitude: str, code_insee: str, code_postal: str
) -> list[FieldFinding]:
    """The coordinate rule for one row (builds a throw-away :class:`CoordinateRule`)."""
    return CoordinateRule(ctx)(latitude, longitude, code_insee, code_postal)
