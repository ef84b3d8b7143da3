"""Orientation: filter the lieux on needs, place and time, with live counts and ranking (pure Python)."""

from .engine import HoursCounts, OrientationEngine, QueryResult
from .groups import GROUP_DECLARATIONS, GROUP_FIELDS, FilterGroup, FilterOption, build_groups
from .query import SERVICES_ALL, SERVICES_ANY, Around, OrientationError, Query, parse_moment

__all__ = [
    "GROUP_DECLARATIONS",
    "GROUP_FIELDS",
    "SERVICES_ALL",
    "SERVICES_ANY",
    "Around",
    "FilterGroup",
    "FilterOption",
    "HoursCounts",
    "OrientationEngine",
    "OrientationError",
    "Query",
    "QueryResult",
    "build_groups",
    "parse_moment",
]
