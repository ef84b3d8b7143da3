"""Safe fixes: corrections that cannot change the meaning of a value, and their application.

A fix is *safe* when the corrected value says exactly what the producer meant, only written the way the
standard wants it: a national telephone number in E.164, a postal or INSEE code that lost its leading zero,
a French date in ISO form, a decimal comma, an allowed value with the wrong case/accents/spacing, a list with
``;`` or ``,`` separators, spaces around a value, a value the schema's documentation gives but its pattern
rejects. Anything that needs judgement (swapped coordinates, a guessed URL scheme, a SIRET typo…) is reported
without a suggestion.

The normalisers below return the corrected text or ``None``; the rules attach it to an issue as its
``suggestion`` only after checking that the corrected value passes the schema. :func:`apply_fixes` applies
the suggestions to a copy of the records and lists every change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Mapping, Sequence

from ..schema import fold
from .issues import Issue

NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)

_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+", re.ASCII)
_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", re.ASCII)
_YMD = re.compile(r"(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})", re.ASCII)
_ISO_DATETIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?", re.ASCII
)
_EXCEL_FLOAT_CODE = re.compile(r"(\d{4,5})\.0+", re.ASCII)
_DIGITS_WITH_SPACES = re.compile(r"\d[\d\s.]*\d", re.ASCII)
_LIST_SPLIT = re.compile(r"\s*[|;\n\r]\s*")
_LIST_SPLIT_WITH_COMMA = re.compile(r"\s*[|;,\n\r]\s*")
_LIST_SPLIT_WITH_SPACE = re.compile(r"\s*[|;,\s]\s*")
_PIVOT_SEPARATORS = re.compile(r"[\s.\-]", re.ASCII)


def fix_number(value: str) -> str | None:
    """``43,52609`` → ``43.52609``; surrounding spaces removed."""
    text = value.strip()
    if _DECIMAL_COMMA.fullmatch(text):
        text = text.replace(",", ".")
    return text if NUMBER.fullmatch(text) else None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def fix_date(value: str) -> str | None:
    """``02/04/2024`` (French day-first), ``2024/04/02``, ``2024-4-2``, ``2024-04-02T10:00:00`` → ``2024-04-02``."""
    text = value.strip()
    match = _DMY.fullmatch(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return _iso(year, month, day)
    match = _YMD.fullmatch(text) or _ISO_DATETIME.fullmatch(text)
    if match:
        year, month, day = (int(g) for g in match.groups()[:3])
        return _iso(year, month, day)
    return None


def fix_code(value: str, width: int = 5) -> str | None:
    """A postal/INSEE code that lost its leading zero (``4000``, ``4000.0``) or holds spaces (``13 001``)."""
    text = value.strip()
    excel = _EXCEL_FLOAT_CODE.fullmatch(text)
    if excel:
        text = excel.group(1)
    elif _DIGITS_WITH_SPACES.fullmatch(text):
        text = re.sub(r"[\s.]", "", text)
    if text.isascii() and text.isdigit() and len(text) == width - 1:
        text = "0" + text
    return text


def fix_pivot(value: str) -> str:
    """A SIRET written with spaces, dots or dashes (``434 933 123 00029``) → digits only."""
    return _PIVOT_SEPARATORS.sub("", value.strip())


def split_items(value: str, allow_comma: bool = True, allow_space: bool = False) -> list[str]:
    """Items of a list cell written with ``|``, ``;``, line breaks (and ``,`` or spaces when allowed)."""
    splitter = _LIST_SPLIT_WITH_SPACE if allow_space else _LIST_SPLIT_WITH_COMMA if allow_comma else _LIST_SPLIT
    return [item for item in splitter.split(value.strip()) if item]


@dataclass(frozen=True)
class EnumMatcher:
    """Maps a written item to an allowed value: exactly, by spelling (case/accents/spaces) or documented."""

    allowed: frozenset
    by_fold: Mapping[str, str]
    documented: Mapping[str, str]

    EXACT = "exact"
    SPELLING = "spelling"
    DOCUMENTED = "documented"

    @classmethod
    def for_values(cls, values: Sequence[str], documented: Sequence[str] = (), extra_keys: Mapping[str, str] = ()):
        by_fold = {fold(value): value for value in values}
        for key, value in dict(extra_keys).items():
            by_fold.setdefault(fold(key), value)
        doc_map: dict[str, str] = {}
        folded = sorted(by_fold.items(), key=lambda kv: -len(kv[0]))
        for text in documented:
            if text in values:
                continue
            key = fold(text)
            target = by_fold.get(key)
            if target is None:
                # a long documented label whose beginning is the allowed short one
                target = next((value for fkey, value in folded if key.startswith(fkey)), None)
            if target is not None:
                doc_map[text] = target
                doc_map.setdefault(text.strip(), target)
        return cls(frozenset(values), by_fold, doc_map)

    def match(self, item: str) -> tuple[str | None, str | None]:
        """(kind, allowed value) or (None, None) when the item is unknown."""
        if item in self.allowed:
            return self.EXACT, item
        documented = self.documented.get(item) or self.documented.get(item.strip())
        if documented is not None:
            return self.DOCUMENTED, documented
        found = self.by_fold.get(fold(item))
        if found is not None:
            return self.SPELLING, found
        return None, None


@dataclass(frozen=True)
class ListAnalysis:
    """How a list cell departs from ``a|b``: unknown items, misspelt ones, documented ones, separators."""

    unknown: tuple[str, ...]
    misspelt: tuple[str, ...]
    documented: tuple[str, ...]
    separators: bool
    suggestion: str | None


def analyse_list(value: str, matcher: EnumMatcher, allow_comma: bool = True) -> ListAnalysis:
    items = split_items(value, allow_comma=allow_comma)
    unknown, misspelt, documented, fixed = [], [], [], []
    for item in items:
        kind, allowed = matcher.match(item)
        if kind is None:
            unknown.append(item)
            continue
        if kind == EnumMatcher.SPELLING:
            misspelt.append(item)
        elif kind == EnumMatcher.DOCUMENTED:
            documented.append(item)
        fixed.append(allowed)
    joined_as_written = "|".join(items)
    separators = value != joined_as_written or not items
    suggestion = "|".join(fixed) if fixed and not unknown else None
    if suggestion == value:
        suggestion = None
    return ListAnalysis(tuple(unknown), tuple(misspelt), tuple(documented), separators, suggestion)


def fix_free_list(value: str, item_ok: Callable[[str], bool], allow_space: bool = True) -> str | None:
    """A list of e-mails/URLs with ``;``, ``,`` or spaces as separators → ``a|b`` when every item is valid."""
    items = split_items(value, allow_comma=True, allow_space=allow_space)
    if not items or not all(item_ok(item) for item in items):
        return None
    fixed = "|".join(items)
    return fixed if fixed != value else None


# ── Telephone ──────────────────────────────────────────────────────────────────────────────────────────────

# Region of the telephone numbering plan from the postal code (overseas départements and collectivités).
_OVERSEAS_REGIONS = {
    "97133": "BL",  # Saint-Barthélemy
    "97150": "MF",  # Saint-Martin
    "971": "GP",
    "972": "MQ",
    "973": "GF",
    "974": "RE",
    "975": "PM",
    "976": "YT",
    "977": "BL",
    "978": "MF",
    "986": "WF",
    "987": "PF",
    "988": "NC",
}
_FALLBACK_REGIONS = ("FR", "GP", "MQ", "GF", "RE", "YT", "PM", "NC", "PF", "WF", "BL", "MF")
_PHONE_CHARS = re.compile(r"[\d\s+().\-/]+", re.ASCII)
# A metropolitan number in the national format, digits grouped by two or not ("01 23 45 67 89", "0123456789").
_FRENCH_NATIONAL = re.compile(r"0([1-9])[ .\-]?([0-9]{2})[ .\-]?([0-9]{2})[ .\-]?([0-9]{2})[ .\-]?([0-9]{2})")


def phone_region(code_postal: str) -> str:
    """The numbering region of a lieu from its postal code (``FR`` for metropolitan France)."""
    code = (code_postal or "").strip()
    return _OVERSEAS_REGIONS.get(code) or _OVERSEAS_REGIONS.get(code[:3]) or "FR"


@lru_cache(maxsize=1)
def _french_number_descs() -> tuple:
    """phonenumbers' metadata of France, compiled once: (general description, the descriptions of each type),
    each as (possible lengths, pattern) or None."""
    from phonenumbers import PhoneMetadata

    metadata = PhoneMetadata.metadata_for_region("FR")

    def compiled(desc):
        if desc is None or not desc.national_number_pattern:
            return None
        return frozenset(desc.possible_length), re.compile(desc.national_number_pattern)

    kinds = (
        metadata.premium_rate, metadata.toll_free, metadata.shared_cost, metadata.voip, metadata.personal_number,
        metadata.pager, metadata.uan, metadata.voicemail, metadata.fixed_line, metadata.mobile,
    )
    return compiled(metadata.general_desc), tuple(desc for desc in map(compiled, kinds) if desc is not None)


def french_number_is_valid(significant: str) -> bool:
    """``phonenumbers.is_valid_number`` of ``+33<significant>``, read from the same metadata without the
    library's per-call overhead (40 µs a number: a file of 30,000 national numbers spent 1.2 s there).

    The same test as ``phonenumbers``: the number matches France's general description and the description of
    at least one type (fixed line, mobile, toll free…), lengths first then the pattern (tested equal)."""
    general, kinds = _french_number_descs()
    length = len(significant)

    def matches(desc) -> bool:
        lengths, pattern = desc
        return (not lengths or length in lengths) and pattern.fullmatch(significant) is not None

    return general is not None and matches(general) and any(matches(desc) for desc in kinds)


def fix_phone(value: str, region: str = "FR", accept: Callable[[str], bool] = lambda _: True) -> str | None:
    """A telephone written in a national or spaced format → E.164 (``01 80 05 98 80`` → ``+33180059880``).

    The region comes from the lieu's postal code (a ``0590…`` number in Guadeloupe is ``+590590…``); the
    result must be a valid number (python ``phonenumbers``) and pass ``accept`` (the schema's pattern).
    """
    text = value.strip()
    national = _FRENCH_NATIONAL.fullmatch(text) if region == "FR" else None
    if national is not None:
        # "01 23 45 67 89": what phonenumbers.parse(text, "FR") returns, without its parsing (tested equal)
        significant = "".join(national.groups())
        if french_number_is_valid(significant):
            e164 = "+33" + significant
            if accept(e164):
                return e164 if e164 != value else None
    return fix_phone_by_parsing(value, region, accept)


def fix_phone_by_parsing(value: str, region: str = "FR", accept: Callable[[str], bool] = lambda _: True) -> str | None:
    """:func:`fix_phone`'s general path alone: ``phonenumbers.parse`` in the lieu's region, then the fallback
    regions (its fast path for French national numbers must give the same: tested)."""
    import phonenumbers

    text = value.strip()
    digits = sum(ch.isdigit() for ch in text)
    if not _PHONE_CHARS.fullmatch(text) or not 6 <= digits <= 15:
        return None
    for candidate_region in dict.fromkeys((region, *_FALLBACK_REGIONS)):
        try:
            number = phonenumbers.parse(text, candidate_region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            if accept(e164):
                return e164 if e164 != value else None
    return None


# Metropolitan numbers (+33 then 9 digits, not starting with 0): valid without asking phonenumbers (fast path).
FRENCH_NUMBER = re.compile(r"\+33[1-9]\d{8}", re.ASCII)


def phone_is_valid(value: str) -> bool:
    """Whether an E.164 number is an assigned number (right length and prefix for its country)."""
    if FRENCH_NUMBER.fullmatch(value):
        return True
    import phonenumbers

    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(value, None))
    except phonenumbers.NumberParseException:
        return False


# ── Stable ids for lieux without one ─────────────────────────────────────────────────────────────────────

# what identifies a lieu on the ground: the same lieu gets the same id on every run, whatever else changes
STABLE_ID_FIELDS = ("pivot", "nom", "adresse", "complement_adresse", "code_postal", "code_insee", "commune",
                    "latitude", "longitude")
STABLE_ID_PREFIX = "lieu-"


def stable_id(record: Mapping[str, str]) -> str:
    """``lieu-`` and 16 hex digits of the SHA-256 of the lieu's identifying fields (:data:`STABLE_ID_FIELDS`,
    spaces collapsed, case folded): deterministic from the content, so fixing the same file twice gives the
    same ids."""
    text = "\x1f".join(" ".join((record.get(name) or "").split()).casefold() for name in STABLE_ID_FIELDS)
    return STABLE_ID_PREFIX + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def stable_ids(
    columns: Mapping[str, Sequence[str]], indexes: Iterable[int], taken: Iterable[str] = ()
) -> dict[int, str]:
    """{record index: new id} for the records at ``indexes`` (records given column by column). Records with
    the same identifying fields, or whose id is already ``taken``, get ``-2``, ``-3``… in record order."""
    used = set(taken)
    present = [name for name in STABLE_ID_FIELDS if name in columns]
    result: dict[int, str] = {}
    for index in sorted(indexes):
        base = stable_id({name: columns[name][index] for name in present})
        candidate, n = base, 1
        while candidate in used:
            n += 1
            candidate = f"{base}-{n}"
        used.add(candidate)
        result[index] = candidate
    return result


# ── Applying fixes ─────────────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Change:
    """One corrected cell: where, what it was, what it became, and which rule asked for it."""

    row: int | None
    id: str
    field: str
    before: str
    after: str
    codes: tuple[str, ...]

    def to_dict(self) -> dict:
        return {
            "row": self.row,
            "id": self.id,
            "field": self.field,
            "before": self.before,
            "after": self.after,
            "codes": list(self.codes),
        }


def apply_fixes(
    records: Sequence[Mapping[str, str]],
    issues: Iterable[Issue],
    row_numbers: Sequence[int] | None = None,
    codes: Iterable[str] | None = None,
    field_keys: Mapping[str, str] | None = None,
) -> tuple[list[dict[str, str]], list[Change]]:
    """Apply the issues' suggestions to copies of ``records``; return (fixed records, changes).

    ``issues`` come from validating ``records``: an issue's ``row`` is matched to a record through
    ``row_numbers`` (``Table.row_numbers``; default: position + 1). ``codes`` restricts the fixes to some rules
    (the dock's "fix every issue of this rule"). ``field_keys`` maps a schema field to the record's key when the
    records use source column names. The records given are never modified. When several issues suggest a value
    for one cell they agree (one corrected cell per cell); the change lists all their codes.
    """
    wanted = set(codes) if codes is not None else None
    positions = {number: index for index, number in enumerate(row_numbers)} if row_numbers else None
    fixed = [dict(record) for record in records]
    pending: dict[tuple[int, str], tuple[Issue, list[str]]] = {}
    for issue in issues:
        if issue.suggestion is None or issue.row is None or (wanted is not None and issue.code not in wanted):
            continue
        index = positions.get(issue.row) if positions is not None else issue.row - 1
        if index is None or not 0 <= index < len(fixed):
            continue
        cell = (index, issue.field)
        if cell in pending:
            pending[cell][1].append(issue.code)
        else:
            pending[cell] = (issue, [issue.code])
    changes: list[Change] = []
    for (index, field_name), (issue, issue_codes) in sorted(pending.items()):
        key = field_keys.get(field_name, field_name) if field_keys else field_name
        record = fixed[index]
        before = record.get(key, "") or ""
        if before != issue.value:
            continue  # the record changed since it was validated: never overwrite blindly
        record[key] = issue.suggestion
        changes.append(Change(issue.row, issue.id, field_name, before, issue.suggestion, tuple(issue_codes)))
    return fixed, changes

