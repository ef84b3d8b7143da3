"""The orientation query engine: one index over the records, queries answered with counts in milliseconds.

Built once per table (or layer), the index holds, for every option of every filter group, the bitset of
the lieux having it; the coordinates as arrays; the distinct (horaires, time zone) pairs. A query is then a
handful of integer ANDs/ORs, and the live counts of the dock ("how many lieux would match with this option,
given the other active filters") one popcount per option. "Ouvert le…" evaluates each distinct hours string
once per moment (cached), "Autour de…" one vectorised haversine per point (cached).

The dock, the Processing algorithm ``mednum:orient`` and the tests all go through :class:`OrientationEngine`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Mapping, Sequence

import numpy as np

from ..hours import HoursState, lieu_timezone, local_wall_time, parse_hours, parsed_state
from ..schema import Schema
from . import bitset
from .geo import haversine_many_km, parse_coordinate
from .groups import GROUP_FIELDS, SERVICES, FilterGroup, build_groups, value_positions
from .query import SERVICES_ALL, Around, Query

_STATE_CODES = {
    HoursState.OPEN: 0,
    HoursState.CLOSED: 1,
    HoursState.UNKNOWN: 2,
    HoursState.MISSING: 3,
    HoursState.INVALID: 4,
}


@dataclass(frozen=True)
class HoursCounts:
    """Among the lieux matching every other filter: how many are open, and how many cannot be told."""

    open: int = 0
    closed: int = 0
    unknown: int = 0  # valid hours saying "unknown" at that moment
    missing: int = 0  # no hours given
    invalid: int = 0  # hours not in the OSM syntax

    @property
    def undetermined(self) -> int:
        return self.unknown + self.missing + self.invalid


@dataclass
class QueryResult:
    """The answer to one query: the matching lieux, the live counts, the ranking."""

    query: Query
    size: int
    matches: int  # bitset of record positions
    count: int
    facets: dict[str, dict[str, int]]  # group field → option value → count given the other filters
    hours: HoursCounts | None = None  # when the query has "Ouvert le…"
    beyond_radius: int | None = None  # lieux matching the other filters but farther than the radius
    without_coordinates: int = 0  # lieux matching the other filters that have no coordinates
    distances_km: np.ndarray | None = field(default=None, repr=False)
    _ranking: np.ndarray | None = field(default=None, repr=False)
    _engine: OrientationEngine | None = field(default=None, repr=False)

    def indices(self) -> np.ndarray:
        """Positions of the matching records, in record order."""
        return bitset.to_indices(self.matches, self.size)

    def ranked(self, limit: int | None = None) -> list[int]:
        """Positions of the matching records: by distance when there is a point (no coordinates last),
        otherwise by name."""
        if self._ranking is None:
            self._ranking = self._engine._rank(self.indices(), self.distances_km)
        ranking = self._ranking if limit is None else self._ranking[:limit]
        return [int(i) for i in ranking]

    def distance_km(self, position: int) -> float | None:
        if self.distances_km is None:
            return None
        value = float(self.distances_km[position])
        return None if math.isnan(value) else value


_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})
_PUNCTUATION = re.compile(r"[^0-9a-z\s]+")


def name_sort_key(name: str) -> str:
    """Names compared as a person reads them: no case, no accents, punctuation ignored (Latin script)."""
    ascii_text = unicodedata.normalize("NFKD", name.translate(_LIGATURES)).encode("ascii", "ignore").decode()
    return " ".join(_PUNCTUATION.sub("", ascii_text.lower()).split())


class OrientationEngine:
    """Index of a list of records (dicts of strings) for the orientation queries."""

    def __init__(
        self,
        records: Sequence[Mapping[str, str]],
        schema: Schema | None = None,
        typologie_labels: Mapping[str, str] | None = None,
        groups: Sequence[FilterGroup] | None = None,
    ):
        self.size = len(records)
        positions = {field: value_positions(records, field) for field in GROUP_FIELDS}
        self.groups: tuple[FilterGroup, ...] = tuple(
            groups or build_groups(records, schema, typologie_labels, positions=positions)
        )
        self._all = bitset.full(self.size)
        self._bits: dict[str, dict[str, int]] = {}
        for group in self.groups:
            found = positions.get(group.field, {})
            values = list(group.values) + [value for value in found if group.option(value) is None]
            self._bits[group.field] = {value: bitset.from_indices(found.get(value, ()), self.size) for value in values}
        self._lats = np.array([parse_coordinate(r.get("latitude", ""), -90, 90) for r in records], dtype=float)
        self._lons = np.array([parse_coordinate(r.get("longitude", ""), -180, 180) for r in records], dtype=float)
        self._has_coordinates = bitset.from_mask(~(np.isnan(self._lats) | np.isnan(self._lons)))
        # rank of each record in name order (accents and case folded), ties by id
        keys = [(name_sort_key(r.get("nom", "") or ""), r.get("id", "") or "") for r in records]
        order = sorted(range(self.size), key=keys.__getitem__)
        self._name_rank = np.empty(self.size, dtype=np.int64)
        self._name_rank[np.array(order, dtype=np.int64)] = np.arange(self.size)
        # distinct (horaires, time zone) pairs
        hours_keys: dict[tuple[str, str], int] = {}
        self._hours_key = np.empty(self.size, dtype=np.int64)
        for i, record in enumerate(records):
            key = (
                (record.get("horaires", "") or "").strip(),
                lieu_timezone(record.get("code_postal", ""), record.get("code_insee", "")),
            )
            self._hours_key[i] = hours_keys.setdefault(key, len(hours_keys))
        self._hours_distinct = list(hours_keys)
        self._hours_parsed: list | None = None
        self._hours_cache: OrderedDict = OrderedDict()
        self._distance_cache: OrderedDict = OrderedDict()

    # ------------------------------------------------------------------ look-ups

    def group(self, field_name: str) -> FilterGroup:
        for group in self.groups:
            if group.field == field_name:
                return group
        raise KeyError(field_name)

    def unknown_values(self, query: Query) -> dict[str, list[str]]:
        """Values of the query that neither the standard nor the data know (typos), per group."""
        unknown = {}
        for group_field, values in query.selections.items():
            known = self._bits.get(group_field, {})
            missing = [v for v in values if v not in known]
            if missing:
                unknown[group_field] = missing
        return unknown

    def option_bits(self, group_field: str, value: str) -> int:
        return self._bits.get(group_field, {}).get(value, 0)

    # ------------------------------------------------------------------ hours and distances

    @property
    def distinct_hours(self) -> int:
        return len(self._hours_distinct)

    def clear_caches(self, parsed_hours: bool = False) -> None:
        """Forget the evaluated moments and distances (and the parsed hours): for measurements."""
        self._hours_cache.clear()
        self._distance_cache.clear()
        if parsed_hours:
            self._hours_parsed = None
            parse_hours.cache_clear()

    def prepare_hours(self) -> int:
        """Parse every distinct `horaires` now (e.g. in the background task that builds the index), so that
        the first "Ouvert le…" only evaluates. Returns how many are not valid OSM hours."""
        if self._hours_parsed is None:
            self._hours_parsed = [parse_hours(text, tz) if text else None for text, tz in self._hours_distinct]
        return sum(1 for (text, _tz), hours in zip(self._hours_distinct, self._hours_parsed) if text and hours is None)

    def hours_states(self, moment: dt.datetime) -> np.ndarray:
        """State code of every record at ``moment`` (codes of ``_STATE_CODES``), cached per minute."""
        key = (moment.replace(second=0, microsecond=0), moment.utcoffset())
        cached = self._hours_cache.get(key)
        if cached is not None:
            self._hours_cache.move_to_end(key)
            return cached
        self.prepare_hours()
        local = {tz: local_wall_time(moment, tz) for tz in {tz for _text, tz in self._hours_distinct}}
        missing, invalid = _STATE_CODES[HoursState.MISSING], _STATE_CODES[HoursState.INVALID]
        codes = np.empty(len(self._hours_distinct), dtype=np.int8)
        for k, ((text, tz), hours) in enumerate(zip(self._hours_distinct, self._hours_parsed)):
            if hours is None:
                codes[k] = invalid if text else missing
            else:
                codes[k] = _STATE_CODES[parsed_state(hours, local[tz])]
        states = codes[self._hours_key] if self.size else np.zeros(0, dtype=np.int8)
        self._hours_cache[key] = states
        while len(self._hours_cache) > 8:
            self._hours_cache.popitem(last=False)
        return states

    def distances(self, latitude: float, longitude: float) -> np.ndarray:
        """Distance in km from a point to every record (NaN without coordinates), cached per point."""
        key = (round(latitude, 7), round(longitude, 7))
        cached = self._distance_cache.get(key)
        if cached is not None:
            self._distance_cache.move_to_end(key)
            return cached
        distances = haversine_many_km(latitude, longitude, self._lats, self._lons)
        self._distance_cache[key] = distances
        while len(self._distance_cache) > 4:
            self._distance_cache.popitem(last=False)
        return distances

    # ------------------------------------------------------------------ the query

    def _group_mask(self, query: Query, group_field: str) -> int | None:
        values = query.selected(group_field)
        if not values:
            return None
        bits = self._bits.get(group_field, {})
        if group_field == SERVICES and query.services_mode == SERVICES_ALL:
            mask = self._all
            for value in values:
                mask &= bits.get(value, 0)
            return mask
        mask = 0
        for value in values:
            mask |= bits.get(value, 0)
        return mask

    def run(self, query: Query, now: dt.datetime | None = None) -> QueryResult:
        """Answer ``query``: matches, live counts per option, hours and radius counts, ranking."""
        masks: dict[str, int] = {}
        for group in self.groups:
            mask = self._group_mask(query, group.field)
            if mask is not None:
                masks[group.field] = mask

        states = None
        open_mask = None
        undetermined_mask = 0
        moment = query.moment(now)
        if moment is not None:
            states = self.hours_states(moment)
            open_mask = bitset.from_mask(states == 0)
            undetermined_mask = bitset.from_mask(states >= 2)
            masks["__hours__"] = open_mask | undetermined_mask if query.include_unknown_hours else open_mask

        distances = None
        around: Around | None = query.around
        if around is not None:
            distances = self.distances(around.latitude, around.longitude)
            if around.radius_km is not None:
                with np.errstate(invalid="ignore"):
                    masks["__radius__"] = bitset.from_mask(distances <= around.radius_km)

        # AND of every mask but one, for each one (prefix/suffix products)
        names = list(masks)
        prefix = [self._all]
        for name in names:
            prefix.append(prefix[-1] & masks[name])
        suffix = [self._all]
        for name in reversed(names):
            suffix.append(suffix[-1] & masks[name])
        suffix.reverse()
        matches = prefix[-1]
        others = {name: prefix[i] & suffix[i + 1] for i, name in enumerate(names)}

        facets: dict[str, dict[str, int]] = {}
        for group in self.groups:
            context = others.get(group.field, matches)
            bits = self._bits[group.field]
            if group.field == SERVICES and query.services_mode == SERVICES_ALL and group.field in masks:
                context = matches  # ticking one more service keeps the ones already ticked
            facets[group.field] = {value: bitset.popcount(context & b) for value, b in bits.items()}

        hours_counts = None
        if states is not None:
            context = others["__hours__"]
            context_mask = bitset.to_mask(context, self.size)
            counts = np.bincount(states[context_mask], minlength=5)
            hours_counts = HoursCounts(*(int(n) for n in counts[:5]))

        beyond = None
        no_coordinates = self._all & ~self._has_coordinates
        without_coordinates = bitset.popcount(matches & no_coordinates)
        if "__radius__" in masks:
            context = others["__radius__"]
            beyond = bitset.popcount(context & ~masks["__radius__"] & self._has_coordinates)
            without_coordinates = bitset.popcount(context & no_coordinates)

        return QueryResult(
            query=query,
            size=self.size,
            matches=matches,
            count=bitset.popcount(matches),
            facets=facets,
            hours=hours_counts,
            beyond_radius=beyond,
            without_coordinates=without_coordinates,
            distances_km=distances,
            _engine=self,
        )

    def _rank(self, positions: np.ndarray, distances: np.ndarray | None) -> np.ndarray:
        if positions.size == 0:
            return positions
        names = self._name_rank[positions]
        if distances is None:
            return positions[np.argsort(names, kind="stable")]
        keys = distances[positions]
        keys = np.where(np.isnan(keys), np.inf, keys)
        return positions[np.lexsort((names, keys))]
