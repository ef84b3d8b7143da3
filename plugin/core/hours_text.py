"""`horaires` (OSM opening_hours) in plain words: "Du lundi au vendredi : de 9 h à 12 h et de 14 h à 18 h".

One implementation for every place that shows hours to a person (edit form, orientation result list, exports
for print). The string is first normalised by opening-hours-py (which resolves the override semantics of
``;``: ``Mo-Fr 09:00-18:00; We 09:00-12:00`` becomes ``Mo-Tu,Th-Fr 09:00-18:00; We 09:00-12:00``), then each
rule is put into words. A rule using syntax this module does not put into words (``12:00-16:00/02:00``,
variable dates…) is shown as written, so nothing is hidden or invented.

Every phrase goes through :func:`translate` with whole-phrase English templates, so the French translation
can say "du lundi au vendredi", "le 25 décembre", "8 h 30".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .hours import parse_hours
from .i18n import translate

_CTX = "HoursText"


def _t(text: str) -> str:
    return translate(_CTX, text)


_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _day_name(code: str) -> str:
    names = {
        "Mo": _t("Monday"),
        "Tu": _t("Tuesday"),
        "We": _t("Wednesday"),
        "Th": _t("Thursday"),
        "Fr": _t("Friday"),
        "Sa": _t("Saturday"),
        "Su": _t("Sunday"),
        "PH": _t("public holidays"),
        "SH": _t("school holidays"),
        "easter": _t("Easter"),
    }
    return names[code]


def weekday_name(index: int) -> str:
    """The name of day ``index`` (0 = Monday) in the active language, as the hours in words write it."""
    return _day_name(_DAYS[index])


def _month_name(code: str) -> str:
    names = (
        _t("January"),
        _t("February"),
        _t("March"),
        _t("April"),
        _t("May"),
        _t("June"),
        _t("July"),
        _t("August"),
        _t("September"),
        _t("October"),
        _t("November"),
        _t("December"),
    )
    return names[_MONTHS.index(code)]


def _join(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return _t("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


class _UnsupportedSyntaxError(ValueError):
    """A construct this module does not put into words (the rule is then shown as written)."""


# --------------------------------------------------------------------------- times

_TIME = r"(?:\d{1,2}:\d{2}|sunrise|sunset|dawn|dusk)"
_TIMESPAN = re.compile(rf"^(?P<start>{_TIME})(?:(?P<plus>\+)|-(?P<end>{_TIME})(?P<endplus>\+)?)?$")


def _clock(text: str) -> tuple[int, int]:
    hour, minute = text.split(":")
    return int(hour), int(minute)


def _time_words(text: str) -> str:
    solar = {
        "sunrise": _t("sunrise"),
        "sunset": _t("sunset"),
        "dawn": _t("dawn"),
        "dusk": _t("dusk"),
    }
    if text in solar:
        return solar[text]
    hour, minute = _clock(text)
    hour %= 24
    if hour == 0 and minute == 0:
        return _t("midnight")
    if minute == 0:
        return _t("{hour}:00").format(hour=hour)
    return _t("{hour}:{minute}").format(hour=hour, minute=f"{minute:02d}")


def _timespan_words(span: str) -> str:
    match = _TIMESPAN.match(span)
    if not match:
        raise _UnsupportedSyntaxError(span)
    start, end = match.group("start"), match.group("end")
    if match.group("plus") or end is None:
        if match.group("plus"):
            return _t("from {start} onwards").format(start=_time_words(start))
        return _t("at {time}").format(time=_time_words(start))
    if start == "00:00" and end == "24:00":
        return _t("all day")
    overnight = False
    if ":" in start and ":" in end:
        start_minutes = _clock(start)[0] * 60 + _clock(start)[1]
        end_minutes = _clock(end)[0] * 60 + _clock(end)[1]
        overnight = end_minutes > 24 * 60 or end_minutes <= start_minutes
    template = _t("from {start} to {end} the next day") if overnight else _t("from {start} to {end}")
    return template.format(start=_time_words(start), end=_time_words(end))


def _times_words(text: str) -> str:
    return _join([_timespan_words(span) for span in text.split(",")])


# --------------------------------------------------------------------------- selectors

_WEEKDAY_ITEM = re.compile(
    r"^(?P<first>Mo|Tu|We|Th|Fr|Sa|Su)(?:\[(?P<nth>[-\d,]+)\])?(?:-(?P<last>Mo|Tu|We|Th|Fr|Sa|Su))?$"
)


def _nth_words(nth: str, day: str) -> str:
    ordinals = {
        "1": _t("first"),
        "2": _t("second"),
        "3": _t("third"),
        "4": _t("fourth"),
        "5": _t("fifth"),
        "-1": _t("last"),
        "-2": _t("second to last"),
    }
    try:
        nths = _join([ordinals[n] for n in nth.split(",")])
    except KeyError as missing:
        raise _UnsupportedSyntaxError(nth) from missing
    return _t("the {nth} {day} of the month").format(nth=nths, day=_day_name(day))


def _weekdays_words(text: str) -> str:
    """``Mo-Fr`` → "from Monday to Friday"; ``Mo-Tu,Th`` → "Monday, Tuesday and Thursday"; PH, SH."""
    ranges: list[str] = []
    singles: list[str] = []
    for item in re.split(r",(?![^\[]*\])", text):
        if item in ("PH", "SH", "easter"):
            singles.append(_day_name(item))
            continue
        match = _WEEKDAY_ITEM.match(item)
        if not match:
            raise _UnsupportedSyntaxError(item)
        first, last, nth = match.group("first"), match.group("last"), match.group("nth")
        if nth:
            if last:
                raise _UnsupportedSyntaxError(item)
            singles.append(_nth_words(nth, first))
            continue
        if not last or last == first:
            singles.append(_day_name(first))
            continue
        i, j = _DAYS.index(first), _DAYS.index(last)
        days = [_DAYS[(i + k) % 7] for k in range(((j - i) % 7) + 1)]
        if len(days) <= 2:
            singles.extend(_day_name(day) for day in days)
        else:
            ranges.append(
                _t("from {first_day} to {last_day}").format(first_day=_day_name(days[0]), last_day=_day_name(days[-1]))
            )
    if ranges and not singles:
        return _join(ranges)
    return _join(ranges + singles) if ranges else _join(singles)


_MONTH_RE = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_MONTH_ITEM = re.compile(
    rf"^(?P<m1>{_MONTH_RE})(?: (?P<d1>\d{{1,2}}))?(?:-(?P<m2>{_MONTH_RE})?(?: ?(?P<d2>\d{{1,2}}))?)?$"
)


def _date_words(month: str, day: str) -> str:
    number = int(day)
    day_text = _t("1st") if number == 1 else str(number)  # "1er janvier", not "1 janvier"
    return _t("{month} {day}").format(month=_month_name(month), day=day_text)


def _months_words(text: str) -> str:
    parts = []
    for item in text.split(","):
        match = _MONTH_ITEM.match(item)
        if not match:
            raise _UnsupportedSyntaxError(item)
        m1, d1, m2, d2 = match.group("m1", "d1", "m2", "d2")
        if d1 is None:
            if d2 is not None:
                raise _UnsupportedSyntaxError(item)
            if m2 is None or m2 == m1:
                parts.append(_t("in {month}").format(month=_month_name(m1)))
            else:
                parts.append(
                    _t("from {first_month} to {last_month}").format(
                        first_month=_month_name(m1), last_month=_month_name(m2)
                    )
                )
            continue
        if m2 is None and d2 is None:
            parts.append(_t("on {date}").format(date=_date_words(m1, d1)))
            continue
        if d2 is None:
            raise _UnsupportedSyntaxError(item)
        parts.append(
            _t("from {start_date} to {end_date}").format(
                start_date=_date_words(m1, d1), end_date=_date_words(m2 or m1, d2)
            )
        )
    return _join(parts)


_WEEK_ITEM = re.compile(r"^(?P<first>\d{1,2})(?:-(?P<last>\d{1,2})(?:/(?P<step>\d+))?)?$")


def _weeks_words(text: str) -> str:
    parts = []
    for item in text.split(","):
        match = _WEEK_ITEM.match(item)
        if not match:
            raise _UnsupportedSyntaxError(item)
        first = int(match.group("first"))
        last = int(match.group("last")) if match.group("last") else None
        step = int(match.group("step")) if match.group("step") else 1
        if last is None:
            parts.append(_t("week {week}").format(week=first))
        elif step == 2 and first in (1, 2) and last >= 52:
            parts.append(_t("odd weeks") if first == 1 else _t("even weeks"))
        elif step == 1:
            parts.append(_t("weeks {first_week} to {last_week}").format(first_week=first, last_week=last))
        else:
            parts.append(
                _t("every {step} weeks from week {first_week} to {last_week}").format(
                    step=step, first_week=first, last_week=last
                )
            )
    return _join(parts)


_YEAR_ITEM = re.compile(r"^(?P<first>\d{4})(?:-(?P<last>\d{4}))?$")


def _years_words(text: str) -> str:
    parts = []
    for item in text.split(","):
        match = _YEAR_ITEM.match(item)
        if not match:
            raise _UnsupportedSyntaxError(item)
        if match.group("last"):
            parts.append(
                _t("from {first_year} to {last_year}").format(
                    first_year=match.group("first"), last_year=match.group("last")
                )
            )
        else:
            parts.append(_t("in {year}").format(year=match.group("first")))
    return _join(parts)


# --------------------------------------------------------------------------- rules

_TOKEN_KINDS = (
    ("year", re.compile(r"^\d{4}(?:-\d{4})?(?:,\d{4}(?:-\d{4})?)*$")),
    ("week", re.compile(r"^week ?\d{1,2}(?:-\d{1,2}(?:/\d+)?)?(?:,\d{1,2}(?:-\d{1,2}(?:/\d+)?)?)*$")),
    ("weekday", re.compile(r"^(?:Mo|Tu|We|Th|Fr|Sa|Su|PH|SH|easter)[\w\[\],\-]*$")),
    ("times", re.compile(rf"^{_TIME}[\d:+\-,a-z]*$")),
    ("modifier", re.compile(r"^(?:open|closed|off|unknown)$")),
)
_MONTH_START = re.compile(rf"^{_MONTH_RE}\b")
_DAY_NUM = r"\d{1,2}(?![\d:])"
_MONTH_ONE = rf"{_MONTH_RE}(?: {_DAY_NUM})?(?:-(?:{_MONTH_RE})?(?: ?{_DAY_NUM})?)?"
_MONTH_CHUNK = re.compile(rf"^{_MONTH_ONE}(?:,{_MONTH_ONE})*")


@dataclass
class _Rule:
    year: str = ""
    months: str = ""
    week: str = ""
    weekday: str = ""
    times: str = ""
    modifier: str = ""
    comment: str = ""
    always: bool = False
    selectors: list[str] = field(default_factory=list)


def _parse_rule(text: str) -> _Rule:
    rule = _Rule()
    comment = re.search(r'"([^"]*)"\s*$', text)
    if comment:
        rule.comment = comment.group(1)
        text = text[: comment.start()]
    rest = text.strip()
    if rest.startswith("24/7"):
        rule.always = True
        rest = rest[4:].strip()
    while rest:
        month_match = _MONTH_START.match(rest) and _MONTH_CHUNK.match(rest)
        if month_match:
            if rule.months:
                raise _UnsupportedSyntaxError(rest)
            rule.months = month_match.group(0)
            rest = rest[month_match.end() :].strip()
            continue
        if rest.startswith("week "):
            rest = "week" + rest[5:]
        token, _, remainder = rest.partition(" ")
        for kind, pattern in _TOKEN_KINDS:
            if pattern.match(token) and not getattr(rule, kind):
                setattr(rule, kind, token)
                break
        else:
            raise _UnsupportedSyntaxError(token)
        rest = remainder.strip()
    return rule


def _rule_words(rule: _Rule) -> str:
    when_parts = []
    if rule.year:
        when_parts.append(_years_words(rule.year))
    if rule.months:
        when_parts.append(_months_words(rule.months))
    if rule.week:
        when_parts.append(_weeks_words(rule.week[4:]))
    if rule.weekday:
        when_parts.append(_weekdays_words(rule.weekday))
    modifier = "closed" if rule.modifier == "off" else rule.modifier
    if modifier == "closed":
        what = _t("closed")
    elif modifier == "unknown":
        what = _t("hours not known")
    elif rule.times:
        what = _times_words(rule.times)
    elif rule.always and not when_parts:
        what = _t("open 24/7")
    else:
        what = _t("all day")
    if rule.always and not when_parts:
        text = what
    else:
        when = ", ".join(when_parts) if when_parts else _t("every day")
        text = _t("{when}: {what}").format(when=when, what=what)
    if rule.comment:
        text = _t("{text} ({comment})").format(text=text, comment=rule.comment)
    return text


def _split_rules(text: str) -> list[tuple[str, str]]:
    """Split an expression into (separator, rule) pairs, honouring quoted comments."""
    pieces: list[tuple[str, str]] = []
    current: list[str] = []
    separator = ""
    i, quoted = 0, False
    while i < len(text):
        char = text[i]
        if char == '"':
            quoted = not quoted
        elif not quoted and char == ";":
            pieces.append((separator, "".join(current).strip()))
            current, separator = [], ";"
            i += 1
            continue
        elif not quoted and text.startswith("||", i):
            pieces.append((separator, "".join(current).strip()))
            current, separator = [], "||"
            i += 2
            continue
        elif not quoted and text.startswith(", ", i):
            pieces.append((separator, "".join(current).strip()))
            current, separator = [], ","
            i += 2
            continue
        current.append(char)
        i += 1
    pieces.append((separator, "".join(current).strip()))
    return [(sep, rule) for sep, rule in pieces if rule]


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _expression_lines(expression: str, written: str) -> list[str]:
    lines = []
    for separator, rule_text in _split_rules(expression):
        try:
            rule = _parse_rule(rule_text)
            if separator == "||" and rule.always and rule.comment and "24/7" not in written:
                # the normaliser writes the comment-only fallback `|| "sur rendez-vous"` as `24/7 "…"`
                words = rule.comment
            else:
                words = _rule_words(rule)
        except (_UnsupportedSyntaxError, ValueError, IndexError):
            words = rule_text
        if separator == "||":
            words = _t("otherwise: {rule}").format(rule=words)
        lines.append(_capitalise(words))
    return lines


@dataclass(frozen=True)
class HoursText:
    """The words for one `horaires` value."""

    value: str
    valid: bool
    lines: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not self.value.strip()

    @property
    def text(self) -> str:
        """One line: the rules joined by "; " (French: by ". ", each rule starting with a capital)."""
        return _t("; ").join(self.lines)

    @property
    def multiline(self) -> str:
        return "\n".join(self.lines)


def describe_hours(value: str | None) -> HoursText:
    """Put a `horaires` value into words; an invalid value is flagged and shown as written."""
    value = (value or "").strip()
    if not value:
        return HoursText(value, False, (_t("Opening hours not given"),))
    parsed = parse_hours(value)
    if parsed is None:
        message = _t("Opening hours not in the OpenStreetMap format: {value}").format(value=value)
        return HoursText(value, False, (message,))
    try:
        normalised = str(parsed.normalize())
    except Exception:
        normalised = value
    lines = _expression_lines(normalised, value)
    return HoursText(value, True, tuple(lines))


def hours_in_words(value: str | None) -> str:
    """Shortcut: the one-line words for a `horaires` value."""
    return describe_hours(value).text
