"""Helpers shared by the converters: the result type, hashing, small normalisers."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from ..records import Record, cell_text, empty_record, join_list
from ..schema import Schema, load_schema

UNKNOWN_PIVOT = "00000000000000"
RESUME_MAX = 280


@dataclass
class Converted:
    """One lieu converted from a source: the standard record plus what the sync table must remember."""

    record: Record
    source: str  # connector key: data-inclusion | dora | carto
    remote_id: str
    remote_date_maj: str  # ISO date (YYYY-MM-DD) as the source gave it
    extras: dict[str, str] = field(default_factory=dict)  # source data that has no standard field (kept aside)
    warnings: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.record.get("id", "")


def record_hash(record: Mapping[str, str], fields: Iterable[str] | None = None) -> str:
    """A stable hash of a record (restricted to ``fields``, in sorted order)."""
    names = sorted(fields) if fields is not None else sorted(record)
    payload = json.dumps([(name, record.get(name, "") or "") for name in names], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def new_record(schema: Schema | None = None) -> Record:
    return empty_record(schema or load_schema())


def text(value: Any) -> str:
    """A scalar as the standard writes it ("" for null), trimmed."""
    return cell_text(value).strip() if value is not None else ""


def unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        if item and item not in seen:
            seen[item] = None
    return list(seen)


def joined(items: Iterable[str]) -> str:
    return join_list(unique(items))


def as_list(value: Any) -> list[str]:
    """A JSON list, a ``|``-joined string or a single value → list of strings."""
    if value is None or value == "":
        return []
    if isinstance(value, (list, tuple, set)):
        return [text(v) for v in value if text(v)]
    return [part.strip() for part in str(value).split("|") if part.strip()]


_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def date_part(value: Any) -> str:
    """``2022-04-28T16:53:11Z`` or ``2022-04-28`` → ``2022-04-28`` ("" if absent/unreadable)."""
    match = _DATE.match(text(value))
    return match.group(1) if match else ""


def latest_date(values: Iterable[Any]) -> str:
    dates = [d for d in (date_part(v) for v in values) if d]
    return max(dates) if dates else ""


_FR_NATIONAL = re.compile(r"^0[1-9]\d{8}$")


def phone(value: Any) -> str:
    """French national numbers → E.164 (``0102030405`` → ``+33102030405``); others kept (validation flags them)."""
    raw = text(value)
    compact = re.sub(r"[\s.\-()]", "", raw)
    if _FR_NATIONAL.match(compact):
        return "+33" + compact[1:]
    if compact.startswith("0033"):
        return "+" + compact[2:]
    if re.match(r"^\+\d{6,15}$", compact):
        return compact
    return raw


def split_description(description: Any) -> tuple[str, str]:
    """One description → (presentation_resume ≤ 280 chars, presentation_detail when it is longer)."""
    full = text(description)
    if len(full) <= RESUME_MAX:
        return full, ""
    cut = full[: RESUME_MAX - 1]
    if " " in cut:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:.") + "…", full


def map_values(values: Iterable[str], table: Mapping[str, Any]) -> list[str]:
    """Map each value through ``table`` (a target string, a list of targets, or None = no equivalent)."""
    out: list[str] = []
    for value in values:
        target = table.get(value)
        if target is None:
            continue
        out.extend(target if isinstance(target, (list, tuple)) else [target])
    return unique(out)


def coordinate(value: Any) -> str:
    if value is None or value == "":
        return ""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return text(value)
    return cell_text(number)
