"""OpenStreetMap opening hours (the standard's `horaires`) in plain words, and back (pure Python).

:func:`describe_opening_hours` reads an OSM string with opening-hours-py and tells the week in
words ("Monday to Friday: 9 h – 12 h, 14 h – 18 h 30"), computed from the parsed rules over a
reference week — so every valid string is described, not only the simple ones.
:func:`weekly_opening_hours` / :func:`opening_hours_from_week` convert between an OSM string and a
weekly grid (the form's grid editor), when the string is a plain weekly schedule.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Optional

from .i18n import translate

# A week without any special day (dates are irrelevant without a country for public holidays).
REFERENCE_MONDAY = dt.datetime(2024, 1, 8)
OSM_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
# Selectors that make the schedule change across the year (months, weeks, years, dates, holidays).
_SEASONAL = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|week|easter)\b|\b\d{4}\b", re.I)
# A plain weekly rule: days (Mo-Fr,Sa) then times (09:00-12:00,14:00-18:30) or off/closed.
_DAYS = r"(?:Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?"
_TIME = r"\d{2}:\d{2}-\d{2}:\d{2}"
_PLAIN_RULE = re.compile(rf"^(?P<days>{_DAYS}(?:,{_DAYS})*)\s+(?P<times>{_TIME}(?:,{_TIME})*|off|closed)$")


def day_names() -> tuple[str, ...]:
    return (
        translate("OpeningHours", "Monday"),
        translate("OpeningHours", "Tuesday"),
        translate("OpeningHours", "Wednesday"),
        translate("OpeningHours", "Thursday"),
        translate("OpeningHours", "Friday"),
        translate("OpeningHours", "Saturday"),
        translate("OpeningHours", "Sunday"),
    )


def format_time(minutes: int) -> str:
    """9 h, 8 h 30, 24 h (French way of writing hours)."""
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d}" if rest else f"{hours} h"


Span = tuple[int, int, str]  # start minute, end minute (≤ 1440), comment


@dataclass
class OpeningHoursDescription:
    text: str  # the OSM string as given
    valid: bool
    error: str = ""
    lines: list[str] = field(default_factory=list)
    week: list[list[Span]] = field(default_factory=list)  # per day Monday..Sunday
    seasonal: bool = False

    def as_text(self) -> str:
        return "\n".join(self.lines)


def _parse(text: str):
    import opening_hours

    return opening_hours.OpeningHours(text)


def _week_spans(parsed) -> list[list[Span]]:
    week: list[list[Span]] = [[] for _ in OSM_DAYS]
    end_of_week = REFERENCE_MONDAY + dt.timedelta(days=7)
    for start, end, state, comment in parsed.intervals(REFERENCE_MONDAY, end_of_week):
        if str(state).split(".")[-1].upper() not in ("OPEN", "UNKNOWN"):
            continue
        cursor = max(start, REFERENCE_MONDAY)
        end = min(end or end_of_week, end_of_week)
        while cursor < end:
            day = (cursor - REFERENCE_MONDAY).days
            midnight = REFERENCE_MONDAY + dt.timedelta(days=day + 1)
            stop = min(end, midnight)
            start_minute = cursor.hour * 60 + cursor.minute
            stop_minute = 1440 if stop == midnight else stop.hour * 60 + stop.minute
            week[day].append((start_minute, stop_minute, comment or ""))
            cursor = stop
    return week


def _day_text(spans: list[Span]) -> str:
    if not spans:
        return translate("OpeningHours", "closed")
    if len(spans) == 1 and spans[0][0] == 0 and spans[0][1] == 1440:
        text = translate("OpeningHours", "open all day")
        return f"{text} ({spans[0][2]})" if spans[0][2] else text
    parts = []
    for start, end, comment in spans:
        part = f"{format_time(start)} – {format_time(end)}"
        parts.append(f"{part} ({comment})" if comment else part)
    return ", ".join(parts)


def _group_days(week: list[list[Span]]) -> list[tuple[int, int, str]]:
    groups: list[tuple[int, int, str]] = []
    for day, spans in enumerate(week):
        text = _day_text(spans)
        if groups and groups[-1][2] == text and groups[-1][1] == day - 1:
            groups[-1] = (groups[-1][0], day, text)
        else:
            groups.append((day, day, text))
    return groups


def describe_opening_hours(text: Optional[str]) -> OpeningHoursDescription:
    """The week of an OSM opening-hours string in words, or why it cannot be read."""
    text = (text or "").strip()
    if not text:
        return OpeningHoursDescription(text, True)
    try:
        parsed = _parse(text)
    except (SyntaxError, ValueError) as err:
        first_line = str(err).strip().splitlines()[0] if str(err).strip() else ""
        return OpeningHoursDescription(text, False, error=first_line)
    except Exception as err:  # the parser raises its own ParserError type
        first_line = str(err).strip().splitlines()[0] if str(err).strip() else ""
        return OpeningHoursDescription(text, False, error=first_line)
    week = _week_spans(parsed)
    names = day_names()
    lines = []
    groups = _group_days(week)
    if len(groups) == 1 and groups[0][2] != translate("OpeningHours", "closed"):
        lines.append(
            translate("OpeningHours", "{days}: {hours}").format(
                days=translate("OpeningHours", "Every day"), hours=groups[0][2]
            )
        )
    else:
        for first, last, day_text in groups:
            if first == last:
                label = names[first]
            elif last == first + 1:
                label = translate("OpeningHours", "{first} and {last}").format(first=names[first], last=names[last])
            else:
                label = translate("OpeningHours", "{first} to {last}").format(first=names[first], last=names[last])
            lines.append(translate("OpeningHours", "{days}: {hours}").format(days=label, hours=day_text))
    canonical = str(parsed)
    if re.search(r"\bPH\b", canonical):
        if re.search(r"\bPH\s+(off|closed)\b", canonical):
            lines.append(translate("OpeningHours", "Closed on public holidays"))
        else:
            lines.append(translate("OpeningHours", "Public holidays have their own hours"))
    seasonal = bool(_SEASONAL.search(canonical))
    if seasonal:
        lines.append(translate("OpeningHours", "(a week in January: these hours change during the year)"))
    return OpeningHoursDescription(text, True, lines=lines, week=week, seasonal=seasonal)


# -- weekly grid ----------------------------------------------------------------------------------


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


def weekly_opening_hours(text: Optional[str]) -> Optional[list[list[tuple[int, int]]]]:
    """The weekly grid (per day Monday..Sunday, (start, end) minutes) of a plain weekly OSM string,
    or None when the string uses more than days and times (months, holidays, comments…)."""
    text = (text or "").strip()
    week: list[list[tuple[int, int]]] = [[] for _ in OSM_DAYS]
    if not text:
        return week
    if text == "24/7":
        return [[(0, 1440)] for _ in OSM_DAYS]
    for rule in text.split(";"):
        rule = rule.strip()
        if not rule:
            continue
        match = _PLAIN_RULE.match(rule)
        if not match:
            return None
        for day in _expand_days(match.group("days")):
            if match.group("times") in ("off", "closed"):
                week[day] = []
            else:  # a later rule for the same day replaces it (OSM semantics)
                week[day] = [
                    (_minutes(span.split("-")[0]), _minutes(span.split("-")[1]))
                    for span in match.group("times").split(",")
                ]
    return week


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def opening_hours_from_week(week: list[list[tuple[int, int]]]) -> str:
    """The OSM string of a weekly grid: consecutive days with the same hours grouped (Mo-Fr)."""
    if all(spans == [(0, 1440)] for spans in week):
        return "24/7"
    texts = [",".join(f"{_hhmm(s)}-{_hhmm(e)}" for s, e in sorted(spans)) for spans in week]
    rules = []
    day = 0
    while day < 7:
        if not texts[day]:
            day += 1
            continue
        last = day
        while last + 1 < 7 and texts[last + 1] == texts[day]:
            last += 1
        days = OSM_DAYS[day] if last == day else (
            f"{OSM_DAYS[day]},{OSM_DAYS[last]}" if last == day + 1 else f"{OSM_DAYS[day]}-{OSM_DAYS[last]}"
        )
        rules.append(f"{days} {texts[day]}")
        day = last + 1
    return "; ".join(rules)
