"""French free-text opening hours → the OpenStreetMap ``opening_hours`` syntax of ``horaires`` (pure Python).

What Hub files hold: ``Du lundi au vendredi de 9h à 12h et de 14h à 17h30``, ``Lundi : 9h-12h / Mercredi :
14h-18h``, ``mardi, jeudi 9h00-12h00 ; samedi fermé``, one cell per day (``9h-12h / 14h-18h``), or an OSM string
written loosely (``Mo-Fr 9h-12h``). The text is read as groups of days followed by their time spans; the week
is written back by :func:`~plugin.core.hours_grid.hours_from_week` (days with the same hours share a rule). A
text that cannot be read this way gives ``None``: the caller keeps it as it is and the validation reports it —
nothing is guessed (times without any day, spans that end before they start, unknown words between days).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..hours import is_valid_hours
from ..hours_grid import OSM_DAYS, hours_from_week

_FRENCH_DAYS = {
    "lundi": 0, "lun": 0, "mardi": 1, "mar": 1, "mercredi": 2, "mer": 2, "jeudi": 3, "jeu": 3,
    "vendredi": 4, "ven": 4, "samedi": 5, "sam": 5, "dimanche": 6, "dim": 6,
    "mo": 0, "tu": 1, "we": 2, "th": 3, "fr": 4, "sa": 5, "su": 6,
}  # fmt: skip
_TIME = r"(?:(?P<{h}>\d{{1,2}})\s*(?:h|:|heures?)\s*(?P<{m}>\d{{2}})?|(?P<{n}>midi|minuit))"
_BARE = r"(?P<{h}>\d{{1,2}})(?:\s*(?:h|:)\s*(?P<{m}>\d{{2}})?)?"
_RANGE_SEP = r"\s*(?:-|a|au|jusqu'?\s?a)\s*"
_TOKEN = re.compile(
    "|".join(
        (
            rf"(?P<range>(?:{_TIME.format(h='h1', m='m1', n='n1')}|{_BARE.format(h='b1', m='c1')}){_RANGE_SEP}"
            rf"{_TIME.format(h='h2', m='m2', n='n2')})",
            r"(?P<allday>24\s*h?\s*/\s*24|24/7)",
            r"\b(?P<day>" + "|".join(sorted(_FRENCH_DAYS, key=len, reverse=True)) + r")\b\.?",
            r"\b(?P<closed>fermee?s?|fermeture|closed|off)\b",
            r"(?P<to>\bau\b|\ba\b|-)",
            r"(?P<word>[a-z]{3,})",
        )
    )
)
# words that may sit between days and times without changing them
_FILLERS = frozenset(
    "les le la de du des et ou matin matins apres midi soir soirs journee journees uniquement seulement "
    "horaires horaire ouvert ouverte ouverts ouverture sur rendez vous rdv tous jours semaine inclus "
    "compris puis heures".split()
)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[\u2010-\u2015\u2212]", "-", text).replace("\u2019", "'")


def _minutes(match: re.Match, hour: str, minute: str, named: str | None) -> int | None:
    if named and match.group(named):
        return 720 if match.group(named) == "midi" else 1440
    hours = int(match.group(hour))
    minutes = int(match.group(minute) or 0)
    if hours > 24 or minutes > 59:
        return None
    return hours * 60 + minutes


def _span(match: re.Match) -> tuple[int, int] | None:
    start = (
        _minutes(match, "h1", "m1", "n1") if (match.group("h1") or match.group("n1")) else
        _minutes(match, "b1", "c1", None)
    )  # fmt: skip
    end = _minutes(match, "h2", "m2", "n2")
    if start is None or end is None:
        return None
    if end == 0:
        end = 1440
    return (start, end) if start < end <= 1440 else None


@lru_cache(maxsize=8192)
def _spans_of(text: str) -> tuple[tuple[int, int], ...] | None:
    spans = spans_of(text)
    return None if spans is None else tuple(spans)


def spans_of(text: str) -> list[tuple[int, int]] | None:
    """The time spans of a text that names no day (one cell per day); None when it holds anything else."""
    groups = _groups(_fold(text))
    if groups is None or any(days for days, _ in groups):
        return None
    spans = [span for _, group_spans in groups for span in group_spans]
    return spans


def _groups(text: str) -> list[tuple[list[int], list[tuple[int, int]]]] | None:
    """``[(days, spans)]`` in reading order; closed days get no span; None when the text cannot be read."""
    groups: list[tuple[list[int], list[tuple[int, int]]]] = []
    days: list[int] = []
    spans: list[tuple[int, int]] = []
    closed = False
    previous = ""
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup if match.lastgroup in ("range", "allday", "day", "closed", "to", "word") else None
        if match.group("range"):
            kind = "range"
        if kind == "day":
            day = _FRENCH_DAYS[match.group("day")]
            if spans or closed:
                groups.append((days, spans))
                days, spans, closed = [], [], False
            if previous == "to" and days:
                first = days[-1]
                days.extend(range(first + 1, day + 1) if first < day else [*range(first + 1, 7), *range(0, day + 1)])
            else:
                days.append(day)
        elif kind == "range":
            span = _span(match)
            if span is None:
                return None
            spans.append(span)
        elif kind == "allday":
            spans.append((0, 1440))
        elif kind == "closed":
            closed = True
        elif kind == "word":
            if match.group("word") not in _FILLERS:
                return None
        previous = kind or previous
    if days or spans:
        groups.append((days, spans))
    return groups


@lru_cache(maxsize=4096)
def french_hours_to_osm(text: str) -> str | None:
    """An OSM opening-hours string for a French weekly text, or None when it cannot be read safely."""
    if not text or not text.strip():
        return None
    stripped = text.strip()
    if is_valid_hours(stripped):
        return stripped
    loose = _loose_osm(stripped) if _OSM_DAY.search(stripped) else ""
    if loose and is_valid_hours(loose):
        return loose
    groups = _groups(_EVERY_DAY.sub(" lundi au dimanche ", _fold(stripped)))
    if not groups:
        return None
    if all(not days for days, _ in groups):
        return None  # times without days: which days is not ours to guess
    week: list[list[tuple[int, int]]] = [[] for _ in OSM_DAYS]
    seen = False
    for days, spans in groups:
        if not days:
            return None
        for day in days:
            week[day] = sorted(set(week[day]) | set(spans))
            seen = seen or bool(spans)
    if not seen:
        return None
    result = hours_from_week(week)
    return result if result and is_valid_hours(result) else None


def day_columns_to_osm(cells: dict[str, str]) -> tuple[str | None, list[str]]:
    """``{"Mo": "9h-12h / 14h-17h", …}`` → (OSM string or None, the days whose cell could not be read)."""
    result, unread = _day_columns_to_osm(tuple(cells.items()))
    return result, list(unread)


@lru_cache(maxsize=16384)
def _day_columns_to_osm(cells: tuple[tuple[str, str], ...]) -> tuple[str | None, tuple[str, ...]]:
    week: list[list[tuple[int, int]]] = [[] for _ in OSM_DAYS]
    unread = []
    for code, text in cells:
        if not text or not text.strip() or code not in OSM_DAYS:
            continue
        spans = _spans_of(text)
        if spans is None:
            folded = _fold(text)
            if re.fullmatch(r"\s*(fermee?s?|fermeture|closed|off|-|non)?\s*", folded):
                continue
            unread.append(code)
            continue
        day = OSM_DAYS.index(code)
        week[day] = sorted(set(week[day]) | set(spans))
    result = hours_from_week(week)
    return (result or None), tuple(unread)


_OSM_DAY = re.compile(r"\b(?:Mo|Tu|We|Th|Fr|Sa|Su)\b")
_EVERY_DAY = re.compile(r"\btous les jours\b|\b7\s*j(?:ours)?\s*(?:/|sur)\s*7\b")
_LOOSE_TIME = re.compile(r"\b(\d{1,2})\s*[h:]\s*(\d{2})?\b")


def _loose_osm(text: str) -> str:
    """``Mo-Fr 9h-12h, 14h-17h`` → ``Mo-Fr 09:00-12:00,14:00-17:00`` (as mednum-cli's fixOsmHours does)."""
    fixed = _LOOSE_TIME.sub(lambda m: f"{int(m.group(1)):02d}:{m.group(2) or '00'}", text)
    return re.sub(r",\s+", ",", fixed).replace(" - ", "-")


def week_parity(text: str) -> str | None:
    """mednum-cli's ``semaine_ouverture``: ``Semaine paire`` → ``week 2-52/2``, anything else → ``week 1-53/2``."""
    if not text or not text.strip():
        return None
    return "week 2-52/2" if text.strip() == "Semaine paire" else "week 1-53/2"
