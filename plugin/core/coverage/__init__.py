"""Territorial coverage audit (pure Python): which communes of a territory have no matching lieu within
reach, and how many inhabitants they leave out. The Processing algorithm ``mednum:coverage``, the dock
« Couverture du territoire » and the reports all go through :func:`audit_coverage`."""

from .audit import DEFAULT_RADIUS_KM, CommuneCoverage, CoverageResult, CoverageTotals, audit_coverage
from .locate import commune_of
from .nearest import LieuIndex
from .territory import CoverageError, Territory, resolve_territory, search_territories, territory

__all__ = [
    "DEFAULT_RADIUS_KM",
    "CommuneCoverage",
    "CoverageError",
    "CoverageResult",
    "CoverageTotals",
    "LieuIndex",
    "Territory",
    "audit_coverage",
    "commune_of",
    "resolve_territory",
    "search_territories",
    "territory",
]
