"""The coverage audit: per commune of a territory, the matching lieux in it, near it, and who is left out.

Reference point of a commune: its bundled centroid. Lieux outside the territory count for the distances
(a commune's nearest lieu may be next door). A commune is covered when its nearest matching lieu is within
the radius; a commune without a known centroid (a few created after 2018, and the COM) is covered when a
matching lieu is located in it, and has no distance.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Mapping, Sequence

import numpy as np

from .. import reference
from ..i18n import translate
from ..orientation import OrientationEngine, Query
from .locate import locate_lieux
from .nearest import LieuIndex
from .territory import CoverageError, Territory

DEFAULT_RADIUS_KM = 10.0


@dataclass
class CommuneCoverage:
    code_insee: str
    commune: str
    departement: str
    epci: str
    population: int
    nb_lieux: int  # matching lieux located in the commune
    nb_lieux_rayon: int  # matching lieux within the radius of its centroid (wherever they are)
    distance_km: float | None  # to the nearest matching lieu; None without any (or without a centroid)
    couvert: bool
    longitude: float | None
    latitude: float | None
    indicateur: float | None = None

    @property
    def lieux_pour_10000(self) -> float | None:
        """Matching lieux in the commune per 10,000 inhabitants (None for a commune without population)."""
        return self.nb_lieux * 10000 / self.population if self.population else None

    @property
    def population_non_couverte(self) -> int:
        return 0 if self.couvert else self.population

    @property
    def priorite(self) -> float | None:
        """Population left out × indicator (None without an indicator value)."""
        return None if self.indicateur is None else self.population_non_couverte * self.indicateur


@dataclass
class CoverageTotals:
    communes: int
    communes_non_couvertes: int
    communes_sans_lieu: int  # no matching lieu located in the commune
    population: int
    population_couverte: int

    @property
    def population_non_couverte(self) -> int:
        return self.population - self.population_couverte

    @property
    def part_couverte(self) -> float | None:
        """Share (0–1) of the population covered; None for a territory without population."""
        return self.population_couverte / self.population if self.population else None


@dataclass
class CoverageResult:
    territory: Territory
    radius_km: float
    query: Query
    communes: list[CommuneCoverage]
    totals: CoverageTotals
    lieux: int  # lieux read
    lieux_correspondants: int  # matching the filters
    lieux_dans_territoire: int  # matching and located in a commune of the territory
    lieux_sans_position: int  # matching, with neither coordinates nor a known commune centroid
    lieux_position_commune: int  # matching, placed at their commune's centroid (no valid coordinates)
    lieux_commune_inconnue: int  # matching, whose commune neither code_insee nor postal code + name tell
    indicator_name: str = ""
    computed_at: dt.datetime = field(default_factory=lambda: dt.datetime.now().replace(microsecond=0))

    def worst_served(self, limit: int | None = 20) -> list[CommuneCoverage]:
        """The communes not covered, most inhabitants left out first (then farthest from a lieu)."""
        left_out = [c for c in self.communes if not c.couvert]
        left_out.sort(
            key=lambda c: (-c.population, -(c.distance_km if c.distance_km is not None else np.inf), c.code_insee)
        )
        return left_out if limit is None else left_out[:limit]

    def priorities(self, limit: int | None = 20) -> list[CommuneCoverage]:
        """With an indicator: the communes not covered ranked by population left out × indicator."""
        ranked = [c for c in self.communes if not c.couvert and c.indicateur is not None]
        ranked.sort(key=lambda c: (-(c.priorite or 0.0), -c.population, c.code_insee))
        return ranked if limit is None else ranked[:limit]


def audit_coverage(
    records: Sequence[Mapping[str, str]],
    territory: Territory,
    radius_km: float = DEFAULT_RADIUS_KM,
    query: Query | None = None,
    indicator: Mapping[str, float] | None = None,
    indicator_name: str = "",
    engine: OrientationEngine | None = None,
    now: dt.datetime | None = None,
) -> CoverageResult:
    """Audit the coverage of ``territory`` by the lieux of ``records`` matching ``query`` (the orientation
    filters; its "Autour de…" is ignored) within ``radius_km``; ``indicator`` maps INSEE codes to a value."""
    if not radius_km or radius_km <= 0 or radius_km != radius_km:
        raise CoverageError(translate("Coverage", "The radius must be a positive number of kilometres."))
    query = query or Query()
    if query.around is not None:
        query = Query(query.selections, query.services_mode, query.open_at, query.open_now, query.include_unknown_hours)
    engine = engine or OrientationEngine(records)
    matching = [int(i) for i in engine.run(query, now=now).indices()]
    codes, lons, lats, from_commune = locate_lieux(records, matching)
    placed = ~(np.isnan(lons) | np.isnan(lats))
    index = LieuIndex(lons[placed], lats[placed])

    table = reference.communes()
    items = [table[code] for code in territory.communes]
    points = [reference.centroid(item.code_insee) for item in items]
    known = np.array([p is not None for p in points], dtype=bool)
    c_lons = np.array([p[0] if p else np.nan for p in points], dtype=float)
    c_lats = np.array([p[1] if p else np.nan for p in points], dtype=float)
    distances = np.full(len(items), np.nan)
    within = np.zeros(len(items), dtype=np.int64)
    if known.any():
        distances[known], _ = index.nearest(c_lons[known], c_lats[known])
        within[known] = index.count_within(c_lons[known], c_lats[known], radius_km)
    in_commune = Counter(code for code in codes if code)

    communes: list[CommuneCoverage] = []
    for n, item in enumerate(items):
        distance = None if np.isnan(distances[n]) else float(distances[n])
        count = in_commune.get(item.code_insee, 0)
        covered = (distance is not None and distance <= radius_km) if known[n] else count > 0
        communes.append(
            CommuneCoverage(
                code_insee=item.code_insee,
                commune=item.nom,
                departement=item.departement,
                epci=item.epci,
                population=item.population,
                nb_lieux=count,
                nb_lieux_rayon=int(within[n]),
                distance_km=distance,
                couvert=bool(covered),
                longitude=None if not known[n] else float(c_lons[n]),
                latitude=None if not known[n] else float(c_lats[n]),
                indicateur=None if indicator is None else indicator.get(item.code_insee),
            )
        )
    members = set(territory.communes)
    totals = CoverageTotals(
        communes=len(communes),
        communes_non_couvertes=sum(1 for c in communes if not c.couvert),
        communes_sans_lieu=sum(1 for c in communes if c.nb_lieux == 0),
        population=sum(c.population for c in communes),
        population_couverte=sum(c.population for c in communes if c.couvert),
    )
    return CoverageResult(
        territory=territory,
        radius_km=float(radius_km),
        query=query,
        communes=communes,
        totals=totals,
        lieux=len(records),
        lieux_correspondants=len(matching),
        lieux_dans_territoire=sum(1 for code in codes if code in members),
        lieux_sans_position=int((~placed).sum()),
        lieux_position_commune=int(from_commune.sum()),
        lieux_commune_inconnue=sum(1 for code in codes if code is None),
        indicator_name=indicator_name,
    )
