"""Probable duplicate lieux (pure Python): a cross-record rule with a spatial grid index, not all pairs.

Two lieux are probable duplicates (code ``probable-duplicate``, a warning) when one of these holds:

* **same pivot** (SIRET/RNA, the placeholder ``00000000000000`` excepted) and points at most
  ``pivot_distance_m`` apart — a structure described twice at one place (the standard lists a lieu's
  services in one record, so one structure at one place is one lieu);
* **same name and same address** within ``name_address_distance_m`` — names compared after normalisation
  (case, accents, punctuation, "St" = "Saint") with rapidfuzz's ratio ≥ ``name_similarity``, addresses
  normalised the same way plus the usual abbreviations ("bd" = "boulevard"…), same house numbers, and a
  token-sort ratio ≥ ``address_similarity``;
* **same name** within ``name_distance_m`` (names compared as above).

Lieux without usable coordinates (empty, invalid, 0/0) cannot be placed and are never paired. Two services
of different structures in one building (different names, different pivots) are not duplicates.

The points are hashed into a grid of cells as large as the longest distance threshold; each lieu is only
compared with the lieux of the neighbouring cells, so a pass over 50,000 lieux takes about a second.
:class:`DuplicateIndex` is a :class:`~.incremental.CrossRecordRule`: after an edit it re-indexes the changed
lieux and reports which lieux gained or lost a partner, so live validation stays incremental.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, Hashable, Iterable, Iterator, Mapping, NamedTuple, Sequence

from .. import gc_pause
from ..coordinates import parse_coordinate
from ..i18n import translate
from ..reference import name_key
from .codes import CODES
from .fixes import fix_number
from .issues import Issue
from .rules.common import finding, shorten

CODE = "probable-duplicate"
FIELD = "id"  # the issue is about the identity of the lieu; its value is the other lieu's id
PLACEHOLDER_PIVOT = re.compile(r"0+")
EARTH_RADIUS_M = 6_371_008.8
METRES_PER_DEGREE = EARTH_RADIUS_M * math.pi / 180.0

REASON_PIVOT = "pivot"
REASON_NAME_ADDRESS = "name-address"
REASON_NAME = "name"
REASONS = (REASON_PIVOT, REASON_NAME_ADDRESS, REASON_NAME)

Key = Hashable
_WIDE_CELL_LATITUDE = 52.0
_WIDE_CELL_COS = math.cos(math.radians(_WIDE_CELL_LATITUDE))


def reason_text(reason: str) -> str:
    """The criterion that paired two lieux, in words (active language)."""
    return {
        REASON_PIVOT: translate("Validation", "same pivot"),
        REASON_NAME_ADDRESS: translate("Validation", "same name and address"),
        REASON_NAME: translate("Validation", "same name"),
    }[reason]


@dataclass(frozen=True)
class DuplicateSettings:
    """Thresholds of the duplicate rule (the plugin reads them from its settings)."""

    pivot_distance_m: float = 100.0
    name_address_distance_m: float = 100.0
    name_distance_m: float = 30.0
    name_similarity: float = 90.0  # rapidfuzz ratio (0–100) of the normalised names
    address_similarity: float = 90.0  # rapidfuzz token-sort ratio (0–100) of the normalised addresses

    @property
    def reach_m(self) -> float:
        """The longest distance at which two lieux may be paired (the grid's cell size)."""
        return max(self.pivot_distance_m, self.name_address_distance_m, self.name_distance_m, 1.0)


# ── Normalisation ────────────────────────────────────────────────────────────────────────────────────────

_ADDRESS_WORDS = {
    "av": "avenue", "ave": "avenue", "bd": "boulevard", "bld": "boulevard", "blvd": "boulevard", "bvd": "boulevard",
    "r": "rue", "pl": "place", "ch": "chemin", "chem": "chemin", "che": "chemin", "imp": "impasse", "all": "allee",
    "rte": "route", "crs": "cours", "sq": "square", "pas": "passage", "res": "residence", "fg": "faubourg",
    "fbg": "faubourg", "qu": "quai", "prom": "promenade", "lot": "lotissement", "hab": "hameau", "za": "zone",
    "zi": "zone", "gal": "general", "gen": "general", "mal": "marechal", "pdt": "president", "dr": "docteur",
    "bis": "b", "ter": "t",
}
_ADDRESS_NOISE = frozenset({"de", "du", "des", "la", "le", "les", "l", "d", "a", "au", "aux", "et"})
_NUMBER = re.compile(r"\d+")


def normalised_name(name: str) -> str:
    """A lieu's name for comparison: no case, accents or punctuation; "St"/"Ste" read as "Saint"/"Sainte"."""
    return name_key(name or "")


def normalised_address(address: str) -> str:
    """An address for comparison: normalised like a name, abbreviations expanded, little words dropped."""
    words = name_key(address or "").split()
    return " ".join(_ADDRESS_WORDS.get(word, word) for word in words if word not in _ADDRESS_NOISE)


def house_numbers(address_key: str) -> tuple[str, ...]:
    return tuple(_NUMBER.findall(address_key))


def usable_pivot(pivot: str) -> str:
    """The pivot as compared ("" for none or the placeholder of zeros)."""
    text = pivot.strip() if pivot else ""
    if " " in text:
        text = "".join(text.split())
    return "" if not text or PLACEHOLDER_PIVOT.fullmatch(text) else text


def distance_m(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Distance in metres between two nearby points (equirectangular: exact to a millimetre at 100 m)."""
    phi = math.radians((lat1 + lat2) / 2.0)
    dx = (lon2 - lon1) * math.cos(phi)
    dy = lat2 - lat1
    return math.hypot(dx, dy) * METRES_PER_DEGREE


# ── The index ────────────────────────────────────────────────────────────────────────────────────────────


class _Lieu:
    """What the rule knows of a lieu; the normalised name and address are computed on first comparison
    (most lieux have no other lieu within reach and are never normalised)."""

    __slots__ = ("id", "nom", "adresse", "pivot", "postal", "lon", "lat", "cell", "_name", "_address", "_numbers")

    def __init__(self, id: str, nom: str, adresse: str, pivot: str, postal: str, lon, lat, cell):
        self.id, self.nom, self.adresse, self.pivot, self.postal = id, nom, adresse, pivot, postal
        self.lon, self.lat, self.cell = lon, lat, cell
        self._name: str | None = None
        self._address: str | None = None
        self._numbers: tuple[str, ...] = ()

    @property
    def located(self) -> bool:
        return self.cell is not None

    @property
    def name(self) -> str:
        if self._name is None:
            self._name = normalised_name(self.nom)
        return self._name

    @property
    def address(self) -> str:
        if self._address is None:
            self._address = normalised_address(self.adresse)
            self._numbers = house_numbers(self._address)
        return self._address

    @property
    def numbers(self) -> tuple[str, ...]:
        if self._address is None:
            self.address  # noqa: B018 (computes the numbers)
        return self._numbers


class Partner(NamedTuple):
    """One probable duplicate of a lieu: which lieu, why, how far (None: not located, same address)."""

    key: Any
    reason: str
    distance_m: float | None
    name_score: float


class DuplicatePair(NamedTuple):
    a: Any
    b: Any
    reason: str
    distance_m: float | None
    name_score: float


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ("" if value is None else str(value))


def _coordinate(value: Any) -> float | None:
    """A coordinate as written, a decimal comma tolerated (the lieu is still placed while that is fixed)."""
    if not value:
        return None
    try:
        number = float(value)  # fast path; float() also reads "1e3", "nan", "inf": finite only
    except (TypeError, ValueError):
        text = _text(value)
        fixed = fix_number(text) if "," in text else None
        number = parse_coordinate(fixed) if fixed else None
    return number if number is not None and math.isfinite(number) else None


def _add_to(index: dict, bucket, key: Key) -> None:
    index.setdefault(bucket, set()).add(key)


def _remove_from(index: dict, bucket, key: Key) -> None:
    keys = index.get(bucket)
    if keys is not None:
        keys.discard(key)
        if not keys:
            del index[bucket]


class DuplicateIndex:
    """Probable duplicates among records kept by key; incremental (a :class:`CrossRecordRule`).

    Located lieux are compared with the located lieux of the neighbouring grid cells. A lieu without usable
    coordinates is compared with the lieux of its postal code: at the same (normalised) address, the same
    pivot or the same name make a probable duplicate.
    """

    def __init__(self, settings: DuplicateSettings | None = None):
        from rapidfuzz import fuzz

        self.settings = settings or DuplicateSettings()
        self._ratio = fuzz.ratio
        self._token_sort = fuzz.token_sort_ratio
        self._cell_deg = self.settings.reach_m / METRES_PER_DEGREE
        # cells span as many degrees of longitude as make ``reach_m`` at 52° N: up to that latitude (all of
        # France but nothing further north) the 3×3 cells around a lieu hold every lieu within reach
        self._lon_cell = self._cell_deg / _WIDE_CELL_COS
        self._lieux: dict[Key, _Lieu] = {}
        self._grid: dict[tuple[int, int], set] = {}
        self._by_postal: dict[str, set] = {}  # every lieu with a postal code
        self._unlocated_by_postal: dict[str, set] = {}  # lieux without coordinates
        self._partners: dict[Key, dict[Key, Partner]] = {}

    # ── indexing ────────────────────────────────────────────────────────────────────────────────────────

    def _entry(self, record: Mapping[str, Any]) -> _Lieu:
        lat = _coordinate(record.get("latitude"))
        lon = _coordinate(record.get("longitude"))
        cell = None
        if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0):
            lat = lon = None
        else:
            cell = (math.floor(lon / self._lon_cell), math.floor(lat / self._cell_deg))
        get = record.get
        return _Lieu(
            _text(get("id")).strip(), _text(get("nom")).strip(), _text(get("adresse")),
            usable_pivot(_text(get("pivot"))), _text(get("code_postal")).strip(), lon, lat, cell,
        )

    def _neighbours(self, lieu: _Lieu) -> Iterator[Key]:
        cx, cy = lieu.cell
        grid = self._grid
        reach = abs(lieu.lat) + 2 * self._cell_deg
        spread = 1
        if reach > _WIDE_CELL_LATITUDE:
            spread = math.ceil(_WIDE_CELL_COS / math.cos(math.radians(min(reach, 89.9))))
        for dx in range(-spread, spread + 1):
            for dy in (-1, 0, 1):
                keys = grid.get((cx + dx, cy + dy))
                if keys:
                    yield from keys

    def _names(self, a: _Lieu, b: _Lieu) -> float:
        return self._ratio(a.name, b.name) if a.name and b.name else 0.0

    def _same_address(self, a: _Lieu, b: _Lieu) -> bool:
        return bool(
            a.address
            and b.address
            and a.numbers == b.numbers
            and (a.address == b.address or self._token_sort(a.address, b.address) >= self.settings.address_similarity)
        )

    def compare(self, a: _Lieu, b: _Lieu) -> Partner | None:
        """Why ``a`` and ``b`` are probable duplicates (the first criterion that holds), or None."""
        settings = self.settings
        if not (a.located and b.located):
            # not placed: the postal code (checked by the caller) and the address stand for the location
            if not self._same_address(a, b):
                return None
            if a.pivot and a.pivot == b.pivot:
                return Partner(None, REASON_PIVOT, None, self._names(a, b))
            score = self._names(a, b)
            return Partner(None, REASON_NAME_ADDRESS, None, score) if score >= settings.name_similarity else None
        distance = distance_m(a.lon, a.lat, b.lon, b.lat)
        if distance > settings.reach_m:
            return None
        if a.pivot and a.pivot == b.pivot and distance <= settings.pivot_distance_m:
            return Partner(None, REASON_PIVOT, distance, self._names(a, b))
        if distance > max(settings.name_address_distance_m, settings.name_distance_m):
            return None
        score = self._names(a, b)
        if score < settings.name_similarity:
            return None
        if distance <= settings.name_address_distance_m and self._same_address(a, b):
            return Partner(None, REASON_NAME_ADDRESS, distance, score)
        if distance <= settings.name_distance_m:
            return Partner(None, REASON_NAME, distance, score)
        return None

    def _candidates(self, lieu: _Lieu) -> Iterator[Key]:
        if lieu.located:
            yield from self._neighbours(lieu)
            if lieu.postal:
                yield from self._unlocated_by_postal.get(lieu.postal, ())
        elif lieu.postal:
            yield from self._by_postal.get(lieu.postal, ())

    def _add(self, key: Key, record: Mapping[str, Any]) -> set:
        """Index one record; return its partners' keys."""
        lieu = self._entry(record)
        found: dict[Key, Partner] = {}
        lieux = self._lieux
        for other_key in self._candidates(lieu):
            partner = self.compare(lieu, lieux[other_key])
            if partner is not None:
                found[other_key] = partner._replace(key=other_key)
                self._partners.setdefault(other_key, {})[key] = partner._replace(key=key)
        lieux[key] = lieu
        if lieu.located:
            _add_to(self._grid, lieu.cell, key)
        if lieu.postal:
            _add_to(self._by_postal, lieu.postal, key)
            if not lieu.located:
                _add_to(self._unlocated_by_postal, lieu.postal, key)
        if found:
            self._partners[key] = found
        return set(found)

    def _remove(self, key: Key) -> set:
        """Forget one record; return the keys of its former partners."""
        lieu = self._lieux.pop(key, None)
        if lieu is None:
            return set()
        if lieu.located:
            _remove_from(self._grid, lieu.cell, key)
        if lieu.postal:
            _remove_from(self._by_postal, lieu.postal, key)
            if not lieu.located:
                _remove_from(self._unlocated_by_postal, lieu.postal, key)
        partners = self._partners.pop(key, {})
        for other in partners:
            mine = self._partners.get(other)
            if mine is not None:
                mine.pop(key, None)
                if not mine:
                    del self._partners[other]
        return set(partners)

    # ── CrossRecordRule protocol ────────────────────────────────────────────────────────────────────────

    def reset(self, records: Mapping[Key, Mapping[str, Any]]) -> None:
        for index in (self._lieux, self._grid, self._by_postal, self._unlocated_by_postal, self._partners):
            index.clear()
        for key, record in records.items():
            self._add(key, record)

    def update(self, changed: Mapping[Key, Mapping[str, Any]], deleted: Iterable[Key]) -> set:
        affected: set = set()
        for key in deleted:
            affected |= self._remove(key)
        for key, record in changed.items():
            affected |= self._remove(key)
            affected |= self._add(key, record)
            affected.add(key)
        return affected

    def issues(self, key: Key) -> list[Issue]:
        lieu = self._lieux.get(key)
        partners = self._partners.get(key)
        if lieu is None or not partners:
            return []
        return [self._issue(key, lieu, partner) for partner in sorted(partners.values(), key=_partner_order)]

    # ── queries ─────────────────────────────────────────────────────────────────────────────────────────

    def partners(self, key: Key) -> list[Partner]:
        """The probable duplicates of one lieu, by criterion then nearest first."""
        return sorted(self._partners.get(key, {}).values(), key=_partner_order)

    def flagged(self) -> set:
        """The keys that currently have a probable duplicate (the incremental validator's fast load)."""
        return set(self._partners)

    def partner_keys(self) -> list:
        """The keys of the lieux that have at least one probable duplicate."""
        return list(self._partners)

    def pairs(self) -> list[DuplicatePair]:
        """Every pair once."""
        seen: set = set()
        out = []
        for key, partners in self._partners.items():
            for other, partner in partners.items():
                if (other, key) in seen:
                    continue
                seen.add((key, other))
                out.append(DuplicatePair(key, other, partner.reason, partner.distance_m, partner.name_score))
        return out

    def __len__(self) -> int:
        return len(self._lieux)

    def _issue(self, key: Key, lieu: _Lieu, partner: Partner) -> Issue:
        other = self._lieux[partner.key]
        value = other.id or other.nom
        if partner.distance_m is None:
            where = translate("Validation", "at the same address (coordinates missing)")
        else:
            where = translate("Validation", "{distance} m apart").format(distance=f"{partner.distance_m:.0f}")
        item = finding(
            CODE,
            None,
            value,
            detail=shorten(other.nom or other.id, 50),
            distance=where,
            item=reason_text(partner.reason),
        )
        return Issue(key, lieu.id, FIELD, CODE, CODES[CODE].severity, item.message, value, None)


def _partner_order(partner: Partner) -> tuple:
    return (REASONS.index(partner.reason), partner.distance_m or 0.0, str(partner.key))


# ── Batch use (validate_records / validate_table) ────────────────────────────────────────────────────────


def find_duplicates(
    records: Sequence[Mapping[str, Any]] | Mapping[Key, Mapping[str, Any]], settings: DuplicateSettings | None = None
) -> DuplicateIndex:
    """The index of ``records`` (a sequence: keys are 1-based positions; or a mapping key → record)."""
    index = DuplicateIndex(settings)
    if not isinstance(records, Mapping):
        records = {position: record for position, record in enumerate(records, start=1)}
    with gc_pause.paused():
        index.reset(records)
    return index


def duplicate_issues(
    columns: Mapping[str, Sequence[str]],
    rows: Sequence[Any],
    settings: DuplicateSettings | None = None,
) -> list[Issue]:
    """The ``probable-duplicate`` issues of records given column by column (the engine's layout).

    The same issues as a :class:`DuplicateIndex` of every record (the dock's), found faster: only the lieux that
    can have a partner are indexed (:func:`candidate_positions`: most lieux have no other lieu within reach).
    """
    count = len(rows)
    blank = [""] * count
    wanted = ("id", "nom", "adresse", "pivot", "code_postal", "latitude", "longitude")
    cols = {name: columns.get(name) or blank for name in wanted}
    index = DuplicateIndex(settings)
    positions = candidate_positions(cols["latitude"], cols["longitude"], cols["code_postal"], index)
    # Lieux identical in every compared field (copies of one row) would be paired with each other: n copies make
    # n × (n - 1) issues (20,000 copies: 400 million). A group of more than CLASS_LIMIT copies is indexed through
    # its first lieu only; each copy is reported with COPY_PARTNERS of the others (a bounded report).
    compared = [name for name in wanted if name != "id"]
    groups: dict[tuple, list[int]] = {}
    for i in positions:
        groups.setdefault(tuple(cols[name][i] for name in compared), []).append(i)
    large = [members for members in groups.values() if len(members) > CLASS_LIMIT]
    if large:
        hidden = {i for members in large for i in members[1:]}
        positions = [i for i in positions if i not in hidden]
    records = {rows[i]: {name: cols[name][i] for name in wanted} for i in positions}
    with gc_pause.paused():
        index.reset(records)
    issues: list[Issue] = []
    for key in index.partner_keys():
        issues.extend(index.issues(key)[:PARTNER_LIMIT])
    for members in large:
        issues.extend(_copies_issues(index, members, rows, cols, wanted))
    return issues


CLASS_LIMIT = 20  # more identical lieux than this: a pathological file (each copy reported a bounded number of times)
COPY_PARTNERS = 2  # the copies of such a group each reported with the next two
PARTNER_LIMIT = 20  # probable duplicates reported per lieu by the batch validation


def _copies_issues(index: DuplicateIndex, members: Sequence[int], rows, cols, wanted) -> list[Issue]:
    """The issues of a large group of identical lieux: each with the next COPY_PARTNERS copies (cyclically)."""
    first = index._entry({name: cols[name][members[0]] for name in wanted})
    partner = index.compare(first, first)
    if partner is None:  # identical but not comparable (no name, no address…): copies are no duplicates
        return []
    issues: list[Issue] = []
    for position, i in enumerate(members):
        lieu = index._entry({name: cols[name][i] for name in wanted})
        others = [members[(position + step) % len(members)] for step in range(1, COPY_PARTNERS + 1)]
        for other in others:
            index._lieux.setdefault(rows[other], index._entry({name: cols[name][other] for name in wanted}))
            issues.append(index._issue(rows[i], lieu, partner._replace(key=rows[other])))
    return issues


def candidate_positions(
    latitudes: Sequence[Any], longitudes: Sequence[Any], postal_codes: Sequence[Any], index: DuplicateIndex
) -> list[int]:
    """The positions of the lieux that may have a probable duplicate, in order: a located lieu with another
    located lieu in its 3×3 grid cells (or north of 51°, where the index looks further), or whose postal code
    has a lieu without coordinates; a lieu without coordinates whose postal code has another lieu. Every other
    lieu has no candidate in :meth:`DuplicateIndex._candidates`: it cannot be paired."""
    import numpy as np

    count = len(latitudes)
    lats = np.array([value if value is not None else np.nan for value in map(_coordinate, latitudes)], dtype=float)
    lons = np.array([value if value is not None else np.nan for value in map(_coordinate, longitudes)], dtype=float)
    with np.errstate(invalid="ignore"):
        located = (np.abs(lats) <= 90) & (np.abs(lons) <= 180) & ~((lats == 0) & (lons == 0))
    postals = [_text(value).strip() for value in postal_codes]
    unlocated_postals = {postals[i] for i in np.flatnonzero(~located).tolist() if postals[i]}
    concerned = np.zeros(count, dtype=bool)
    where = np.flatnonzero(located)
    if where.size:
        cx = np.floor(lons[where] / index._lon_cell).astype(np.int64)
        cy = np.floor(lats[where] / index._cell_deg).astype(np.int64)
        shift = np.int64(1 << 32)
        keys = cx * shift + cy
        cells, occupancy = np.unique(keys, return_counts=True)
        around = np.zeros(where.size, dtype=np.int64)
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                neighbour = (cx + dx) * shift + (cy + dy)
                slot = np.minimum(np.searchsorted(cells, neighbour), cells.size - 1)
                around += np.where(cells[slot] == neighbour, occupancy[slot], 0)
        concerned[where] = (around > 1) | (np.abs(lats[where]) > 51.0)
    if unlocated_postals:
        totals: dict[str, int] = {}
        for postal in postals:
            if postal:
                totals[postal] = totals.get(postal, 0) + 1
        for i, postal in enumerate(postals):
            if postal in unlocated_postals and (located[i] or totals[postal] > 1):
                concerned[i] = True
    return np.flatnonzero(concerned).tolist()
