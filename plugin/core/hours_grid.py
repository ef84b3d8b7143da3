"""A weekly grid ↔ the OpenStreetMap opening-hours string of `horaires` (pure Python).

The form's grid editor shows one row per day with its opening spans. :func:`week_from_hours` reads a
plain weekly string (``Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00``, ``24/7``) into the grid and
gives None for anything more (months, holidays, comments…), which the grid then leaves untouched;
:func:`hours_from_week` writes the grid back, grouping consecutive days with the same hours.
(Putting hours into words is `core/hours_text.py`.)
"""

from __future__ import annotations

import re

OSM_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
FULL_DAY = (0, 1440)

Week = list[list[tuple[int, int]]]  # per day Monday..Sunday: (start, end) in minutes, end ≤ 1440

_DAYS = r"(?:Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?"
_TIME = r"\d{2}:\d{2}-\d{2}:\d{2}"
_PLAIN_RULE = re.compile(rf"^(?P<days>{_DAYS}(?:,{_DAYS})*)\s+(?P<times>{_TIME}(?:,{_TIME})*|off|closed)$")


def _minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def _expand_days(days: str) -> list[int]:
    result = []
    for part in days.split(","):
        if "-" in part:
            first, last = (OSM_DAYS.index(p) for p in part.split("-"))
            result.extend(range(first, last + 1) if first <= last else [*range(first, 7), *range(0, last + 1)])
        else:
            result.append(OSM_DAYS.index(part))
    return result


def week_from_hours(text: str | None) -> Week | None:
    """The grid of a plain weekly OSM string (later rules replace earlier ones for a day, as in OSM),
    or None when the string says more than days and times."""
    text = (text or "").strip()
    week: Week = [[] for _ in OSM_DAYS]
    if not text:
        return week
    if text == "24/7":
        return [[FULL_DAY] for _ in OSM_DAYS]
    for rule in text.split(";"):
        rule = rule.strip()
        if not rule:
            continue
        match = _PLAIN_RULE.match(rule)
        if not match:
            return None
        times = match.group("times")
        spans = [] if times in ("off", "closed") else [
            (_minutes(span.split("-")[0]), _minutes(span.split("-")[1])) for span in times.split(",")
        ]
        for day in _expand_days(match.group("days")):
            week[day] = list(spans)
    return week


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _day_list(days: list[int]) -> str:
    """Mo-Fr,Su: runs of three days or more as ranges, shorter runs listed."""
    parts, run = [], [days[0]]
    for day in days[1:] + [None]:
        if day is not None and day == run[-1] + 1:
            run.append(day)
            continue
        if len(run) >= 3:
            parts.append(f"{OSM_DAYS[run[0]]}-{OSM_DAYS[run[-1]]}")
        else:
            parts.extend(OSM_DAYS[d] for d in run)
        if day is not None:
            run = [day]
    return ",".join(parts)


def hours_from_week(week: Week) -> str:
    """The OSM string of a grid ("" when closed every day): days with the same hours share a rule."""
    if all(spans == [FULL_DAY] for spans in week):
        return "24/7"
    groups: dict[str, list[int]] = {}
    for day, spans in enumerate(week):
        text = ",".join(f"{_hhmm(s)}-{_hhmm(e)}" for s, e in sorted(spans))
        if text:
            groups.setdefault(text, []).append(day)
    return "; ".join(f"{_day_list(days)} {text}" for text, days in groups.items())
