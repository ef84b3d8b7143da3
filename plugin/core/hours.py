"""Opening hours (`horaires`, OpenStreetMap opening_hours syntax) evaluated with opening-hours-py.

One parse per distinct (string, time zone), cached: a table of 50,000 lieux holds a few hundred distinct
strings. A lieu's wall-clock time is that of its territory: overseas lieux (postal codes 971…, 974…, 987…)
live in their own time zone, so "open on Tuesday at 10:00" means 10:00 where the lieu is, and "now" is the
same instant everywhere. Public holidays are France's (`country="FR"`).
"""

from __future__ import annotations

import datetime as dt
import enum
from functools import cache, lru_cache
from zoneinfo import ZoneInfo

from opening_hours import OpeningHours, State

METROPOLE_TIMEZONE = "Europe/Paris"

# Postal/INSEE code prefix of the overseas territories → IANA time zone.
OVERSEAS_TIMEZONES: dict[str, str] = {
    "971": "America/Guadeloupe",
    "972": "America/Martinique",
    "973": "America/Cayenne",
    "974": "Indian/Reunion",
    "975": "America/Miquelon",
    "976": "Indian/Mayotte",
    "977": "America/St_Barthelemy",
    "978": "America/Marigot",
    "984": "Indian/Kerguelen",
    "986": "Pacific/Wallis",
    "987": "Pacific/Tahiti",
    "988": "Pacific/Noumea",
}


class HoursState(enum.Enum):
    """What the `horaires` of a lieu say about one moment."""

    OPEN = "open"
    CLOSED = "closed"
    UNKNOWN = "unknown"  # valid hours that say "unknown" for that moment (e.g. `Sa unknown`)
    MISSING = "missing"  # no hours given
    INVALID = "invalid"  # not in the OSM syntax


def lieu_timezone(code_postal: str = "", code_insee: str = "") -> str:
    """The IANA time zone of a lieu, from its postal code (or INSEE code); metropolitan France otherwise."""
    for code in (code_postal, code_insee):
        code = (code or "").strip()
        if len(code) >= 3 and code[:3] in OVERSEAS_TIMEZONES:
            return OVERSEAS_TIMEZONES[code[:3]]
    return METROPOLE_TIMEZONE


@cache
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


@lru_cache(maxsize=262_144)
def parse_hours(text: str, timezone: str = METROPOLE_TIMEZONE) -> OpeningHours | None:
    """The parsed hours of a `horaires` string (cached), or None when it is empty or not OSM syntax."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        return OpeningHours(text, timezone=zone(timezone), country="FR")
    except Exception:  # ParserError, and any error the Rust binding raises on odd input
        return None


def local_wall_time(moment: dt.datetime, timezone: str) -> dt.datetime:
    """The naive wall-clock time of ``moment`` at the lieu: naive moments are already local to the lieu."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(zone(timezone)).replace(tzinfo=None)


_STATES = {State.OPEN: HoursState.OPEN, State.CLOSED: HoursState.CLOSED, State.UNKNOWN: HoursState.UNKNOWN}


def parsed_state(hours: OpeningHours, local_moment: dt.datetime) -> HoursState:
    """The state of parsed hours at a naive local moment."""
    try:
        state, _comment = hours.state(local_moment)
    except Exception:  # an expression the library parses but cannot evaluate
        return HoursState.INVALID
    return _STATES.get(state, HoursState.UNKNOWN)


def hours_state(text: str, moment: dt.datetime, timezone: str = METROPOLE_TIMEZONE) -> HoursState:
    """Whether a lieu with these hours is open at ``moment`` (naive = the lieu's local time)."""
    if not (text or "").strip():
        return HoursState.MISSING
    hours = parse_hours(text, timezone)
    if hours is None:
        return HoursState.INVALID
    return parsed_state(hours, local_wall_time(moment, timezone))


def is_valid_hours(text: str) -> bool:
    """True when ``text`` is a non-empty OSM opening_hours string."""
    return parse_hours(text) is not None
