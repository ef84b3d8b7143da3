"""RE2 proofs of clean cells: the Python clean regexes of the cell rules, translated for pyarrow.

A column held in a pyarrow string array is proven clean in bulk with ``pyarrow.compute.match_substring_regex``,
whose engine is Google RE2: UTF-8, ASCII-only ``\\d \\w \\s`` (and RE2's ``\\s`` lacks ``\\v``), no lookaround,
no backreference, ``$`` = end of text. The translation below is conservative: a translated pattern never
accepts a value the Python pattern rejects (it may reject more — those cells are simply re-checked in Python),
and anything it does not understand exactly makes it give up (``None``).

It reads the pattern with Python's own parser (``re._parser``, ``sre_parse`` before Python 3.11), so a pattern
means here what it means to ``re``; character classes are rewritten as explicit code-point ranges, so no RE2
shorthand or escape is trusted. Only strings are built here (pyarrow is not imported): the engine evaluates
a proof with :func:`plugin.core.columns.proven_clean`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

try:  # Python ≥ 3.11
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.9/3.10 (QGIS 3.22's)
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

MAX_CODE_POINT = 0x10FFFF
SURROGATES = (0xD800, 0xDFFF)  # never in a UTF-8 string: left out of every class
RE2_MAX_REPEAT = 1000

# What Python's ``\s`` matches in a str pattern without the ASCII flag (``str.isspace``): every such code point
# (a unit test checks the list against re over the whole Unicode range).
UNICODE_WHITESPACE = (
    0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20, 0x85, 0xA0, 0x1680,
    0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A,
    0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
)
ASCII_WHITESPACE = (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20)  # Python's ``\s`` under the ASCII flag (\v included)

# Flags a pattern may carry: others (IGNORECASE, MULTILINE, LOCALE, …) make the translation give up.
_UNDERSTOOD_FLAGS = re.ASCII | re.UNICODE | re.DOTALL | re.VERBOSE
_TYPE_FLAGS = re.ASCII | re.UNICODE | re.LOCALE


@dataclass(frozen=True)
class CleanProof:
    """A bulk proof that a cell has no finding, for pyarrow (RE2) string arrays.

    A value is proven clean when ``optional and value == ""``, or when every pattern matches it (each pattern
    is anchored ``^…$``: a whole-cell match) and, when ``max_length`` is set, it has at most ``max_length``
    code points. A value the proof does not accept may still be clean: it is checked in Python.
    """

    patterns: tuple[str, ...]
    max_length: int | None
    optional: bool


class _UntranslatableError(Exception):
    """A construct the translation does not handle exactly (or conservatively)."""


def re2_pattern(pattern: str, flags: int = 0) -> str | None:
    """The RE2 pattern (anchored ``^…$``) that only matches whole values ``re.compile(pattern, flags)``
    fullmatches; None when some construct cannot be translated safely."""
    try:
        parsed = _sre_parse.parse(pattern, flags)
        flags = int(parsed.state.flags)
        if flags & ~_UNDERSTOOD_FLAGS:
            raise _UntranslatableError("flags")
        return f"^(?:{_sequence(parsed, flags)})$"
    except (_UntranslatableError, re.error, RecursionError):
        return None
    except Exception:  # a private parser that changed shape in another Python: no proof (the Python path)
        return None


# ── Expressions ──────────────────────────────────────────────────────────────────────────────────────────


def _sequence(items, flags: int) -> str:
    return "".join(_item(op, av, flags) for op, av in items)


def _item(op, av, flags: int) -> str:
    if op is _sre.LITERAL:
        return _literal(av)
    if op is _sre.NOT_LITERAL:
        return _class(_complement([(av, av)]))
    if op is _sre.ANY:
        return "(?s:.)" if flags & re.DOTALL else _class(_complement([(0x0A, 0x0A)]))
    if op is _sre.IN:
        return _class(_set_of(av, flags))
    if op is _sre.AT:
        # without MULTILINE (refused): Python's ^ is the start of the text, like RE2's; Python's $ also holds
        # before a final newline, RE2's only at the end: stricter, hence safe
        if av is _sre.AT_BEGINNING:
            return "^"
        if av is _sre.AT_END:
            return "$"
        raise _UntranslatableError(str(av))
    if op is _sre.BRANCH:
        return "(?:" + "|".join(_sequence(branch, flags) for branch in av[1]) + ")"
    if op is _sre.SUBPATTERN:
        _group, add_flags, del_flags, body = av
        if (add_flags | del_flags) & ~_UNDERSTOOD_FLAGS:
            raise _UntranslatableError("local flags")
        if add_flags & _TYPE_FLAGS:  # as re's compiler combines them
            flags &= ~_TYPE_FLAGS
        return "(?:" + _sequence(body, (flags | add_flags) & ~del_flags) + ")"
    if op is _sre.MAX_REPEAT or op is _sre.MIN_REPEAT:
        low, high, body = av
        if high is _sre.MAXREPEAT:
            quantifier = {0: "*", 1: "+"}.get(low, f"{{{low},}}")
        elif high > RE2_MAX_REPEAT:
            raise _UntranslatableError("repeat count")
        else:
            quantifier = {(0, 1): "?"}.get((low, high), f"{{{low},{high}}}" if low != high else f"{{{low}}}")
        if low > RE2_MAX_REPEAT:
            raise _UntranslatableError("repeat count")
        lazy = "?" if op is _sre.MIN_REPEAT else ""  # same language either way for a whole-cell match
        return f"(?:{_sequence(body, flags)}){quantifier}{lazy}"
    # lookarounds, backreferences, conditionals, possessive repeats, atomic groups, \A \Z \b …
    raise _UntranslatableError(str(op))


def _literal(code: int) -> str:
    char = chr(code)
    if char.isascii() and (char.isalnum() or char in " _"):
        return char
    if char.isascii() and char.isprintable():
        return "\\" + char  # escaped ASCII punctuation is a literal in RE2
    return f"\\x{{{code:x}}}"


# ── Character classes as code-point ranges ───────────────────────────────────────────────────────────────


_ASCII_DIGIT = [(0x30, 0x39)]
_ASCII_WORD = [(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)]


def _points(points) -> list:
    return _normalise([(point, point) for point in points])


def _category(category, flags: int) -> tuple[list, list | None]:
    """(ranges surely in the category, ranges covering all of it or None when unknown) under these flags."""
    ascii_only = bool(flags & re.ASCII)
    positive = {
        _sre.CATEGORY_DIGIT: (_ASCII_DIGIT, _ASCII_DIGIT if ascii_only else None),
        _sre.CATEGORY_WORD: (_ASCII_WORD, _ASCII_WORD if ascii_only else None),
        _sre.CATEGORY_SPACE: (_points(ASCII_WHITESPACE if ascii_only else UNICODE_WHITESPACE),) * 2,
    }
    negative = {
        _sre.CATEGORY_NOT_DIGIT: _sre.CATEGORY_DIGIT,
        _sre.CATEGORY_NOT_WORD: _sre.CATEGORY_WORD,
        _sre.CATEGORY_NOT_SPACE: _sre.CATEGORY_SPACE,
    }
    if category in positive:
        return positive[category]
    if category in negative:
        surely, covering = positive[negative[category]]
        return (_complement(covering) if covering is not None else None), _complement(surely)
    raise _UntranslatableError(str(category))


def _set_of(items, flags: int) -> list:
    """The code points an ``IN`` node matches, or a subset of them (never more)."""
    negated = bool(items) and items[0][0] is _sre.NEGATE
    surely: list = []
    covering: list | None = []
    for op, av in items[1:] if negated else items:
        if op is _sre.LITERAL:
            ranges = [(av, av)]
            surely, covering = surely + ranges, covering + ranges if covering is not None else None
        elif op is _sre.RANGE:
            ranges = [av]
            surely, covering = surely + ranges, covering + ranges if covering is not None else None
        elif op is _sre.CATEGORY:
            low, high = _category(av, flags)
            if low is None and not negated:
                raise _UntranslatableError(str(av))
            surely = surely + (low or [])
            covering = covering + high if covering is not None and high is not None else None
        else:  # RANGE_UNI_IGNORE, … (IGNORECASE is refused anyway)
            raise _UntranslatableError(str(op))
    if negated:
        if covering is None:  # e.g. [^\d] without the ASCII flag: Unicode digits not enumerated
            raise _UntranslatableError("negated class")
        return _complement(covering)
    return _normalise(surely)


def _normalise(ranges) -> list:
    merged: list = []
    for low, high in sorted(ranges):
        if merged and low <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def _complement(ranges) -> list:
    result, start = [], 0
    for low, high in _normalise(ranges):
        if low > start:
            result.append((start, low - 1))
        start = max(start, high + 1)
    if start <= MAX_CODE_POINT:
        result.append((start, MAX_CODE_POINT))
    return result


def _without_surrogates(ranges) -> list:
    low_s, high_s = SURROGATES
    result = []
    for low, high in ranges:
        if low < low_s:
            result.append((low, min(high, low_s - 1)))
        if high > high_s:
            result.append((max(low, high_s + 1), high))
    return result


def _class(ranges) -> str:
    ranges = _without_surrogates(_normalise(ranges))
    if not ranges:
        raise _UntranslatableError("empty class")
    parts = []
    for low, high in ranges:
        parts.append(f"\\x{{{low:x}}}" if low == high else f"\\x{{{low:x}}}-\\x{{{high:x}}}")
    return "[" + "".join(parts) + "]"


__all__ = ["CleanProof", "re2_pattern", "UNICODE_WHITESPACE"]
