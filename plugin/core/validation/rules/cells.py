"""Cell rules: the Table Schema constraints of a field, then the quality checks of its values.

One function per field is built from the field's spec (a loop over the schema, no hand-written check per
field) plus the small table of quality checks below. The function maps a cell value (and, for a few fields,
a hint taken from the row: the telephone's numbering region) to a tuple of findings; the engine caches the
result per distinct value, since hours, phones, SIRETs and list values repeat a lot.

Semantics follow frictionless (the reference validator): a pattern matches the *whole* cell, an empty cell is
a missing value (only ``required`` applies to it), numbers are read after trimming spaces, dates are ISO
``YYYY-MM-DD``. Everything frictionless reports is reported here too (the oracle test checks it).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from itertools import compress
from typing import Callable, Optional

from ...columns import ListColumn, Shape
from ...schema import FieldSpec
from .. import fixes
from ..codes import ERROR, severity
from .common import Context, Finding, finding, quote_items, shorten
from .re2_proof import CleanProof, re2_pattern

CellCheck = Callable[[str, Optional[str]], tuple]
QualityCheck = Callable[[str, Optional[str]], list]

# The schema pattern breaches that deserve their own code (and message) rather than the generic "pattern".
PATTERN_CODES = {
    "pivot": "pivot-format",
    "code_postal": "postal-code-format",
    "code_insee": "insee-format",
    "telephone": "phone-format",
}

# ANCT regexes (anct-cartographie-nationale/lieux-de-mediation-numerique, src/models/courriel, src/models/url),
# ASCII like the JavaScript originals.
EMAIL = re.compile(
    r"[a-zA-Z0-9_][a-zA-Z0-9.!#$%&'*+\\=?^_`{}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
    r"(?:\.[a-zA-Z0-9][a-zA-Z0-9-]{0,61}[a-zA-Z0-9])+",
    re.ASCII,
)
URL = re.compile(
    r"[A-Za-z]{3,9}:(?://)?(?:[;:&=+$,\w-]+@)?[A-Za-z0-9.-]+(?:(?:/[+~,%@/.\w_-]*)?\??[-+=&;%@.\w_]*#?[.!/\\\w]*)?",
    re.ASCII,
)
RNA = re.compile(r"W[a-zA-Z0-9]{9}", re.ASCII)
FORMULA_STARTS = ("=", "+", "-", "@")
LOST_CHARACTER = "\ufffd"


# ── Schema constraints ────────────────────────────────────────────────────────────────────────────────────


def _valid_iso_date(value: str) -> bool:
    if not fixes.ISO_DATE.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _list_findings(spec: FieldSpec, value: str, matcher: fixes.EnumMatcher, pattern_ok) -> list[Finding]:
    analysis = fixes.analyse_list(value, matcher)
    allowed = " | ".join(spec.enum)
    if analysis.unknown:
        return [finding("enum", None, value, field=spec.name, items=quote_items(analysis.unknown), allowed=allowed)]
    suggestion = analysis.suggestion if analysis.suggestion is not None and pattern_ok(analysis.suggestion) else None
    found = []
    if analysis.documented:
        found.append(finding("documented-value", suggestion, value, items=quote_items(analysis.documented),
                             fix=suggestion or "", field=spec.name))
    if analysis.misspelt:
        found.append(finding("enum-spelling", suggestion, value, items=quote_items(analysis.misspelt),
                             fix=suggestion or "", field=spec.name))
    if analysis.separators and (suggestion is not None or not found):
        found.append(finding("list-separator", suggestion, value, fix=suggestion or "", field=spec.name))
    if not found:
        found.append(finding("pattern", None, value, field=spec.name, example=spec.example or ""))
    return found


def _pattern_suggestion(spec: FieldSpec, value: str, hint: str | None, pattern_ok) -> str | None:
    if spec.name == "telephone":
        candidate = fixes.fix_phone(value, hint or "FR", accept=pattern_ok)
    elif spec.name in ("code_postal", "code_insee"):
        candidate = fixes.fix_code(value)
    elif spec.name == "pivot":
        candidate = fixes.fix_pivot(value)
    else:
        candidate = value.strip()
    if candidate is None or candidate == value or not pattern_ok(candidate):
        return None
    return candidate


def schema_findings(spec: FieldSpec, matcher: fixes.EnumMatcher | None) -> CellCheck:
    """The Table Schema constraints of one field as a cell check (required, type, pattern, maxLength, enum)."""
    pattern = re.compile(spec.pattern) if spec.pattern else None
    pattern_ok = (lambda text: pattern.fullmatch(text) is not None) if pattern else (lambda text: True)
    pattern_code = PATTERN_CODES.get(spec.name, "pattern")
    example = spec.example or ""

    def check(value: str, hint: str | None = None) -> list[Finding]:
        if value == "":
            return [finding("required", None, value, field=spec.name)] if spec.required else []
        if spec.required and not value.strip():
            return [finding("required", None, value, field=spec.name)]
        found: list[Finding] = []
        if spec.type == "number":
            if not fixes.NUMBER.fullmatch(value.strip()):
                found.append(finding("type-number", fixes.fix_number(value), value, field=spec.name, example=example))
        elif spec.type == "date":
            if not _valid_iso_date(value):
                found.append(finding("type-date", fixes.fix_date(value), value, field=spec.name, example=example))
        if pattern is not None and not pattern_ok(value):
            if spec.enum and matcher is not None:
                found.extend(_list_findings(spec, value, matcher, pattern_ok))
            else:
                suggestion = _pattern_suggestion(spec, value, hint, pattern_ok)
                found.append(finding(pattern_code, suggestion, value, field=spec.name, example=example))
        if spec.max_length is not None and len(value) > spec.max_length:
            found.append(
                finding("max-length", None, value, field=spec.name, length=len(value), max=spec.max_length)
            )
        return found

    return check


# ── Quality checks (beyond the schema) ────────────────────────────────────────────────────────────────────


_DOUBLED = {str(d): (2 * d) // 10 + (2 * d) % 10 for d in range(10)}
_DIGIT = {str(d): d for d in range(10)}


def luhn_ok(digits: str) -> bool:
    """Luhn checksum of an ASCII digit string (fast path; python-stdnum stays the authority)."""
    total = sum(map(_DIGIT.__getitem__, digits[-1::-2])) + sum(map(_DOUBLED.__getitem__, digits[-2::-2]))
    return total % 10 == 0


def _plain_siret(value: str) -> bool:
    return len(value) == 14 and value.isascii() and value.isdigit() and not value.startswith("356000000")


# Fourteen ASCII digits, as a shape a column matches in bulk (an RE2 proof for Arrow columns).
_FOURTEEN_DIGITS = re.compile(r"[0-9]{14}")
_SIRET_SHAPE = Shape(_FOURTEEN_DIGITS, CleanProof((re2_pattern(_FOURTEEN_DIGITS.pattern),), None, False))
# The digits of La Poste's SIREN (its SIRETs do not follow the Luhn rule: stdnum decides them)
_LA_POSTE = tuple(map(int, "356000000"))


def siret_is_valid(value: str, known_valid: frozenset | set = frozenset()) -> bool:
    """``stdnum.fr.siret.is_valid`` with a fast path: a SIRET whose SIRET and SIREN Luhn checks both pass is
    valid for stdnum too; anything else (La Poste's 356000000…, a failing checksum) is decided by stdnum.
    ``known_valid``: SIRETs already proven valid in bulk (:func:`valid_sirets`)."""
    if value in known_valid:
        return True
    if _plain_siret(value) and luhn_ok(value) and luhn_ok(value[:9]):
        return True
    from stdnum.fr import siret

    return siret.is_valid(value)


def valid_sirets(values) -> set:
    """The plain 14-digit values whose SIRET and SIREN Luhn checks pass, computed in bulk with numpy (the
    placeholder 00000000000000 excluded): such a pivot cell has no finding at all."""
    values = list(values)
    return set(compress(values, valid_siret_mask(ListColumn(values)).tolist()))


# Luhn weights of a 14-digit SIRET, right to left: the digit, then its double less 9 when over 9 (table lookup)
_LUHN_DOUBLE = (0, 2, 4, 6, 8, 1, 3, 5, 7, 9)


def valid_siret_mask(column):
    """For each cell of a column (:mod:`plugin.core.columns`): True when it is a plain 14-digit SIRET (not the
    placeholder 00000000000000, not La Poste's 356000000…) whose SIRET and SIREN Luhn checks pass — computed in
    bulk with numpy on the cells' bytes (an Arrow column's cells never become strings); such a pivot cell has
    no finding at all. A numpy boolean array."""
    import numpy as np

    mask = np.zeros(len(column), dtype=bool)
    rows = column.matches(_SIRET_SHAPE).nonzero()[0]
    if rows.size:
        digits = (column.subset(rows).fixed_width_bytes(14) - 48).astype(np.intp)
        double = np.array(_LUHN_DOUBLE, dtype=np.intp)
        # positions counted from the right: SIRET doubles 1, 3, … from the right (even indexes from the left);
        # SIREN (the first 9 digits) doubles 1, 3, … from its right (odd indexes from the left)
        siret = digits[:, 1::2].sum(axis=1) + double[digits[:, 0::2]].sum(axis=1)
        siren = digits[:, 0:9:2].sum(axis=1) + double[digits[:, 1:9:2]].sum(axis=1)
        placeholder = ~digits.any(axis=1) | (digits[:, :9] == np.array(_LA_POSTE)).all(axis=1)
        mask[rows] = (siret % 10 == 0) & (siren % 10 == 0) & ~placeholder
    return mask


def _pivot_quality(ctx: Context, spec: FieldSpec) -> QualityCheck:
    from stdnum.fr import siren

    known_valid: set = set()

    def check(value: str, hint: str | None) -> list[Finding]:
        if value.strip("0") == "":
            return [finding("pivot-placeholder", None, value)]
        if value.isdigit() and len(value) == 14:
            return [] if siret_is_valid(value, known_valid) else [finding("pivot-siret-checksum", None, value)]
        if value.isdigit() and len(value) == 9 and siren.is_valid(value):
            return [finding("pivot-siren", None, value)]
        if RNA.fullmatch(value):
            return []
        if value[:1] in "Ww":
            fixed = "W" + value[1:]
            return [finding("pivot-rna", fixed if RNA.fullmatch(fixed) else None, value)]
        return [finding("pivot-unknown", None, value)]

    def prepare(values) -> set:
        known_valid.clear()
        known_valid.update(valid_sirets(values))
        return known_valid

    check.prepare = prepare
    check.mask = valid_siret_mask
    return check


def _items_check(code: str, regex: re.Pattern, multi: bool) -> Callable[[Context, FieldSpec], QualityCheck]:
    def build(ctx: Context, spec: FieldSpec) -> QualityCheck:
        def check(value: str, hint: str | None) -> list[Finding]:
            items = value.split("|") if multi else [value]
            bad = [item for item in items if not regex.fullmatch(item)]
            if not bad:
                return []
            shown = [item for item in bad if item.strip()] or [value]
            suggestion = fixes.fix_free_list(value, lambda item: regex.fullmatch(item) is not None) if multi else None
            return [finding(code, suggestion, value, items=quote_items(shown), field=spec.name)]

        return check

    return build


def _typologie_quality(ctx: Context, spec: FieldSpec) -> QualityCheck | None:
    if not ctx.typologies:
        return None
    codes = sorted(ctx.typologies)
    aliases = {}
    for code in codes:
        aliases[code.replace("_", " ")] = code
        aliases[code.replace("_", "-")] = code
    for code, label in ctx.typologie_labels.items():
        if label and code in ctx.typologies:
            aliases.setdefault(label, code)
    matcher = fixes.EnumMatcher.for_values(codes, extra_keys=aliases)
    example = spec.example or "TIERS_LIEUX|ASSO"

    def check(value: str, hint: str | None) -> list[Finding]:
        items = value.split("|")
        if all(item in ctx.typologies for item in items):
            return []
        analysis = fixes.analyse_list(value, matcher, allow_comma=False)
        shown = analysis.unknown or tuple(item for item in items if item not in ctx.typologies) or (value,)
        return [finding("typologie-unknown", analysis.suggestion, value, items=quote_items(shown), example=example)]

    return check


def _opening_hours_quality(ctx: Context, spec: FieldSpec) -> QualityCheck:
    import opening_hours

    def check(value: str, hint: str | None) -> list[Finding]:
        try:
            ok = opening_hours.validate(value)
        except Exception:  # the parser must never break validation
            ok = False
        return [] if ok else [finding("opening-hours-invalid", None, value)]

    return check


def _date_quality(ctx: Context, spec: FieldSpec) -> QualityCheck:
    def check(value: str, hint: str | None) -> list[Finding]:
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return []
        if day > ctx.today:
            return [finding("date-future", None, value)]
        if (ctx.today - day).days > ctx.max_age_days:
            return [finding("date-old", None, value, limit=ctx.max_age_days)]
        return []

    return check


def _phone_quality(ctx: Context, spec: FieldSpec) -> QualityCheck:
    def check(value: str, hint: str | None) -> list[Finding]:
        return [] if fixes.phone_is_valid(value) else [finding("phone-invalid", None, value)]

    return check


def _formula_quality(ctx: Context, spec: FieldSpec) -> QualityCheck:
    def check(value: str, hint: str | None) -> list[Finding]:
        if value[:1] in FORMULA_STARTS:
            return [finding("formula-injection", None, value, item=value[:1])]
        return []

    return check


# field name → builder of its quality check (a builder may return None when its reference data is absent)
QUALITY_CHECKS: dict[str, Callable[[Context, FieldSpec], QualityCheck | None]] = {
    "pivot": _pivot_quality,
    "telephone": _phone_quality,
    "courriels": _items_check("email-invalid", EMAIL, multi=True),
    "site_web": _items_check("url-invalid", URL, multi=True),
    "fiche_acces_libre": _items_check("url-invalid", URL, multi=False),
    "prise_rdv": _items_check("url-invalid", URL, multi=False),
    "typologie": _typologie_quality,
    "horaires": _opening_hours_quality,
    "date_maj": _date_quality,
}


def is_free_text(spec: FieldSpec) -> bool:
    """A field whose value is free text (the formula-injection check applies): no pattern, type or rule."""
    return spec.type == "string" and not spec.pattern and not spec.enum and spec.name not in QUALITY_CHECKS


def _body(regex: re.Pattern) -> str:
    """A compiled regex as a sub-pattern that keeps its ASCII flag (``(?a:…)``)."""
    return f"(?a:{regex.pattern})" if regex.flags & re.ASCII else f"(?:{regex.pattern})"


def _list_of(regex: re.Pattern) -> str:
    return f"{_body(regex)}(?:\\|{_body(regex)})*"


def _clean_body(ctx: Context, spec: FieldSpec) -> str | None:
    """A regex body such that a matching cell has no quality finding (None: no such shortcut)."""
    name = spec.name
    if name == "telephone":
        return _body(fixes.FRENCH_NUMBER)
    if name == "courriels":
        return _list_of(EMAIL)
    if name == "site_web":
        return _list_of(URL)
    if name in ("fiche_acces_libre", "prise_rdv"):
        return _body(URL)
    if name == "typologie":
        if not ctx.typologies:
            return FREE_TEXT_BODY
        codes = "|".join(re.escape(code) for code in sorted(ctx.typologies, key=len, reverse=True))
        return f"(?:{codes})(?:\\|(?:{codes}))*"
    if name == "pivot":
        return _body(RNA)  # an RNA number is clean; SIRETs need their checksums (checked in bulk, see prepare)
    if name in QUALITY_CHECKS:
        return None  # horaires (parser), date_maj (age): cached per value instead
    return FREE_TEXT_BODY


# Not empty, no spaces around, no lost character, not starting like a formula.
FREE_TEXT_BODY = "[^\\s\ufffd=+\\-@](?:[^\ufffd]*[^\\s\ufffd])?"


@dataclass(frozen=True)
class CleanPieces:
    """What a clean cell is, in pieces: it fully matches every body (Python regexes, read with DOTALL), has at
    most ``max_length`` characters, or is empty when ``optional``. :func:`clean_regex` joins the pieces into one
    Python regex, :func:`clean_proof` translates them for RE2 (pyarrow)."""

    bodies: tuple[str, ...]
    max_length: int | None
    optional: bool


def clean_pieces(ctx: Context, spec: FieldSpec) -> CleanPieces | None:
    """The pieces of a cell that has no finding at all (schema and quality); None when the field has no such
    shortcut (dates: their age; pivots: the SIRET checksum; opening hours: the parser)."""
    if spec.type == "date":
        return None
    if spec.type == "number":
        bodies = (_body(fixes.NUMBER),)
    elif spec.pattern:
        bodies = (spec.pattern,)
        if ctx.quality and spec.name in QUALITY_CHECKS:
            quality = _clean_body(ctx, spec)
            if quality is None:
                return None
            bodies += (quality,)
    elif ctx.quality:
        body = _clean_body(ctx, spec)
        if body is None:
            return None
        bodies = (body,)
    else:
        bodies = (FREE_TEXT_BODY,)
    return CleanPieces(bodies, spec.max_length, not spec.required)


def clean_regex(ctx: Context, spec: FieldSpec) -> re.Pattern | None:
    """A regex whose full match proves that a cell has no finding at all (schema and quality).

    It lets the engine skip the full check for most cells at C speed; ``None`` when the field has no such
    shortcut (see :func:`clean_pieces`). The unit tests check that a clean match never hides a finding.
    """
    pieces = clean_pieces(ctx, spec)
    if pieces is None:
        return None
    body = pieces.bodies[0]
    for other in pieces.bodies[1:]:
        body = f"(?=(?:{other})\\Z)(?:{body})"
    if pieces.max_length is not None:
        body = f"(?!.{{{pieces.max_length + 1}}})(?:{body})"
    if pieces.optional:
        body = f"(?:{body})?"
    return re.compile(body, re.DOTALL)


def clean_proof(ctx: Context, spec: FieldSpec) -> CleanProof | None:
    """:func:`clean_regex` for pyarrow: an RE2 proof that never accepts a cell the clean regex rejects (it may
    reject more); None when the field has no clean regex or a piece cannot be translated safely."""
    pieces = clean_pieces(ctx, spec)
    if pieces is None:
        return None
    patterns = tuple(re2_pattern(body, re.DOTALL) for body in pieces.bodies)
    if None in patterns:
        return None
    return CleanProof(patterns, pieces.max_length, pieces.optional)


def build_cell_check(ctx: Context, spec: FieldSpec) -> CellCheck:
    """The complete cell check of one field: schema constraints, then quality checks when the schema passes."""
    matcher = fixes.EnumMatcher.for_values(spec.enum, spec.documented_values) if spec.enum else None
    schema_check = schema_findings(spec, matcher)
    quality: list[QualityCheck] = []
    if ctx.quality:
        builder = QUALITY_CHECKS.get(spec.name)
        built = builder(ctx, spec) if builder else None
        if built is not None:
            quality.append(built)
        if is_free_text(spec):
            quality.append(_formula_quality(ctx, spec))

    def check(value: str, hint: str | None = None) -> tuple:
        found = schema_check(value, hint)
        if value == "":
            return tuple(found)
        if ctx.quality:
            if LOST_CHARACTER in value:
                found.append(finding("lost-characters", None, value))
            if not any(severity(f.code) == ERROR for f in found):
                stripped = value.strip()
                if stripped != value:
                    found.append(finding("whitespace", stripped, value))
                if stripped:
                    for rule in quality:
                        found.extend(rule(stripped, hint))
        return tuple(found)

    prepares = [rule.prepare for rule in quality if getattr(rule, "prepare", None) is not None]

    def prepare(values) -> set:
        """Bulk work before many distinct values are checked one by one (SIRET checksums with numpy).

        Returns values proven to have no finding at all for this field (the caller skips them). Contract of a
        quality rule's ``prepare``: only values whose complete cell check is empty (tested).
        """
        proven: set = set()
        for function in prepares:
            proven |= function(values)
        return proven

    masks = [rule.mask for rule in quality if getattr(rule, "mask", None) is not None]

    def mask(column):
        """``prepare`` for a column of cells (:mod:`plugin.core.columns`, repeats allowed): for each cell, True when
        proven to have no finding (a numpy boolean array)."""
        proven = masks[0](column)
        for function in masks[1:]:
            proven = proven | function(column)
        return proven

    check.clean = clean_regex(ctx, spec)
    check.proof = clean_proof(ctx, spec)
    # the clean regex and its RE2 proof, as the shape a column proves its clean cells with
    check.shape = Shape(check.clean, check.proof) if check.clean is not None else None
    check.prepare = prepare if prepares else None
    check.mask = mask if masks else None
    return check


__all__ = ["build_cell_check", "schema_findings", "QUALITY_CHECKS", "is_free_text", "shorten"]
