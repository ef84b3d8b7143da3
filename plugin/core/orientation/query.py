"""What the user asks: ticked options per group, a moment, a place and a radius (serialisable to JSON)."""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass, field, replace
from typing import Any, Mapping

from ..errors import MednumError
from ..i18n import translate
from .groups import GROUP_FIELDS, SERVICES

SERVICES_ANY = "any"
SERVICES_ALL = "all"
QUERY_FORMAT_VERSION = 1


class OrientationError(MednumError):
    """A query the engine cannot run; ``message`` is for the user (French once translated)."""

    default_code = "orientation"


@dataclass(frozen=True)
class Around:
    """ "Autour de…": a WGS84 point, an optional radius in km, and what the user typed or clicked."""

    latitude: float
    longitude: float
    radius_km: float | None = None
    label: str = ""

    def __post_init__(self):
        if not (-90 <= self.latitude <= 90) or not (-180 <= self.longitude <= 180):
            raise OrientationError(
                translate("Orientation", "The point {lat}, {lon} is not a WGS84 latitude/longitude.").format(
                    lat=self.latitude, lon=self.longitude
                )
            )
        if self.radius_km is not None and (math.isnan(self.radius_km) or self.radius_km <= 0):
            raise OrientationError(translate("Orientation", "The radius must be a positive number of kilometres."))


@dataclass(frozen=True)
class Query:
    """A filter of the orientation journey. Empty = every lieu.

    ``selections`` maps a group field (``services``, ``frais_a_charge``…) to the ticked values: OR within a
    group, AND across groups; for services ``services_mode`` "all" asks for every ticked service.
    ``open_at``: a naive datetime is the wall-clock time at each lieu; ``open_now`` takes the current
    instant when the query runs. Lieux whose hours are missing, invalid or "unknown" at that moment are
    counted apart and kept only with ``include_unknown_hours``.
    """

    selections: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    services_mode: str = SERVICES_ANY
    open_at: dt.datetime | None = None
    open_now: bool = False
    include_unknown_hours: bool = False
    around: Around | None = None

    def __post_init__(self):
        cleaned = {}
        for group, values in dict(self.selections).items():
            if group not in GROUP_FIELDS:
                raise OrientationError(translate("Orientation", "Unknown filter group: {group}.").format(group=group))
            kept = tuple(dict.fromkeys(v.strip() for v in values if v and v.strip()))
            if kept:
                cleaned[group] = kept
        object.__setattr__(self, "selections", cleaned)
        if self.services_mode not in (SERVICES_ANY, SERVICES_ALL):
            raise OrientationError(
                translate("Orientation", "The services mode must be 'any' or 'all', not '{mode}'.").format(
                    mode=self.services_mode
                )
            )

    # ------------------------------------------------------------------ state

    @property
    def has_hours_filter(self) -> bool:
        return self.open_now or self.open_at is not None

    @property
    def is_empty(self) -> bool:
        """True when the query keeps every lieu (a point without radius only ranks)."""
        radius = self.around is not None and self.around.radius_km is not None
        return not self.selections and not self.has_hours_filter and not radius

    def selected(self, group: str) -> tuple[str, ...]:
        return self.selections.get(group, ())

    def with_selection(self, group: str, values) -> Query:
        selections = dict(self.selections)
        selections[group] = tuple(values)
        return replace(self, selections=selections)

    def toggled(self, group: str, value: str, checked: bool) -> Query:
        values = [v for v in self.selected(group) if v != value]
        if checked:
            values.append(value)
        return self.with_selection(group, values)

    def moment(self, now: dt.datetime | None = None) -> dt.datetime | None:
        """The moment to evaluate the hours at (aware "now" for ``open_now``)."""
        if self.open_now:
            return now or dt.datetime.now(dt.timezone.utc)
        return self.open_at

    # ------------------------------------------------------------------ JSON

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "version": QUERY_FORMAT_VERSION,
            "selections": {k: list(v) for k, v in self.selections.items()},
        }
        if self.services_mode != SERVICES_ANY:
            data["services_mode"] = self.services_mode
        if self.open_now:
            data["open_now"] = True
        elif self.open_at is not None:
            data["open_at"] = self.open_at.isoformat(timespec="minutes")
        if self.include_unknown_hours:
            data["include_unknown_hours"] = True
        if self.around is not None:
            data["around"] = {
                "latitude": self.around.latitude,
                "longitude": self.around.longitude,
                "radius_km": self.around.radius_km,
                "label": self.around.label,
            }
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Query:
        try:
            around = data.get("around")
            return cls(
                selections={k: tuple(v) for k, v in (data.get("selections") or {}).items()},
                services_mode=data.get("services_mode", SERVICES_ANY),
                open_at=parse_moment(data["open_at"]) if data.get("open_at") else None,
                open_now=bool(data.get("open_now", False)),
                include_unknown_hours=bool(data.get("include_unknown_hours", False)),
                around=Around(
                    float(around["latitude"]),
                    float(around["longitude"]),
                    None if around.get("radius_km") in (None, "") else float(around["radius_km"]),
                    str(around.get("label", "")),
                )
                if around
                else None,
            )
        except OrientationError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise OrientationError(
                translate("Orientation", "This saved filter cannot be read: {error}").format(error=error)
            ) from error

    @classmethod
    def from_json(cls, text: str) -> Query:
        try:
            data = json.loads(text)
        except ValueError as error:
            raise OrientationError(
                translate("Orientation", "This saved filter cannot be read: {error}").format(error=error)
            ) from error
        if not isinstance(data, dict):
            raise OrientationError(translate("Orientation", "This saved filter cannot be read: not an object."))
        return cls.from_dict(data)


def parse_moment(text: str) -> dt.datetime:
    """An ISO date-time ("2024-07-15T10:00", "2024-07-15 10:00", with or without offset)."""
    text = (text or "").strip()
    try:
        if text.endswith("Z"):
            text = text[:-1] + "+00:00"
        moment = dt.datetime.fromisoformat(text)
    except ValueError as error:
        raise OrientationError(
            translate("Orientation", "'{value}' is not an ISO date and time such as 2024-07-15T10:00.").format(
                value=text
            )
        ) from error
    return moment


__all__ = ["Around", "OrientationError", "Query", "SERVICES", "SERVICES_ALL", "SERVICES_ANY", "parse_moment"]
