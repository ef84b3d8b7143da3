"""Merging two records of one lieu (probable duplicates) and the merge journal (pure Python).

The agent picks the lieu to keep; for every field where the two differ the dialog pre-selects the most
recent value — the value of the lieu with the later ``date_maj``, unless it is empty and the other is not
(nothing is lost by default) — and list fields may also take the union of both. The kept lieu gets the chosen
values, the other lieu is deleted, and the journal (table ``journal_fusions`` of the working GeoPackage)
keeps, for each merge, the ids of both lieux, the deleted lieu's complete record, the kept lieu's record
before the merge and the choices made: a merge can be undone by hand from the journal.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from .gpkg_tables import connect, ensure_table, now_iso, quote, read_rows
from .schema import LIST_SEPARATOR, Schema, load_schema

JOURNAL_TABLE = "journal_fusions"
_COLUMNS = (
    ("fusionne_le", "TEXT"),
    ("fusionne_par", "TEXT"),
    ("lieu_conserve_fid", "INTEGER"),
    ("lieu_conserve_id", "TEXT"),
    ("lieu_fusionne_fid", "INTEGER"),
    ("lieu_fusionne_id", "TEXT"),
    ("lieu_fusionne", "TEXT"),  # JSON: the deleted lieu's record (all fields), nothing lost
    ("lieu_conserve_avant", "TEXT"),  # JSON: the kept lieu's record before the merge
    ("choix", "TEXT"),  # JSON: field → "kept" | "other" | "both"
)

KEPT = "kept"
OTHER = "other"
BOTH = "both"  # list fields: the union, kept lieu's items first


def _date(record: Mapping[str, str]) -> str:
    value = (record.get("date_maj") or "").strip()
    return value if len(value) == 10 and value[4] == "-" and value[7] == "-" else ""


def union(first: str, second: str) -> str:
    """``a|b`` + ``b|c`` → ``a|b|c`` (order kept, duplicates dropped)."""
    items = [item for item in (first or "").split(LIST_SEPARATOR) + (second or "").split(LIST_SEPARATOR) if item]
    return LIST_SEPARATOR.join(dict.fromkeys(items))


def differing_fields(kept: Mapping[str, str], other: Mapping[str, str], schema: Schema | None = None) -> list[str]:
    schema = schema or load_schema()
    return [name for name in schema.field_names if (kept.get(name) or "") != (other.get(name) or "")]


def default_choices(
    kept: Mapping[str, str], other: Mapping[str, str], schema: Schema | None = None
) -> dict[str, str]:
    """For each differing field, which value the merge takes by default: the most recent one (the lieu with
    the later date_maj; the kept lieu on a tie), or the only one filled in."""
    schema = schema or load_schema()
    newer = OTHER if _date(other) > _date(kept) else KEPT
    choices = {}
    for name in differing_fields(kept, other, schema):
        if name == schema.primary_key:
            choices[name] = KEPT  # the kept lieu keeps its id; the other's is in the journal
            continue
        mine, theirs = kept.get(name) or "", other.get(name) or ""
        if not mine:
            choices[name] = OTHER
        elif not theirs:
            choices[name] = KEPT
        else:
            choices[name] = newer
    return choices


def merged_record(
    kept: Mapping[str, str], other: Mapping[str, str], choices: Mapping[str, str], schema: Schema | None = None
) -> dict[str, str]:
    """The kept lieu's record with the chosen values."""
    schema = schema or load_schema()
    merged = {name: kept.get(name) or "" for name in schema.field_names}
    for name, choice in choices.items():
        if name not in merged:
            continue
        if choice == OTHER:
            merged[name] = other.get(name) or ""
        elif choice == BOTH:
            merged[name] = union(kept.get(name) or "", other.get(name) or "")
    return merged


@dataclass
class MergeEntry:
    """One merge, as the journal keeps it."""

    kept_fid: Any
    kept_id: str
    removed_fid: Any
    removed_id: str
    removed_record: dict[str, str]
    kept_before: dict[str, str]
    choices: dict[str, str]
    merged_at: str = field(default_factory=now_iso)
    merged_by: str = ""
    fid: int | None = None


class MemoryMergeJournal:
    persistent = False

    def __init__(self) -> None:
        self.entries: list[MergeEntry] = []

    def write(self, entries: Iterable[MergeEntry]) -> None:
        self.entries.extend(entries)

    def load(self) -> list[MergeEntry]:
        return list(self.entries)


class GeoPackageMergeJournal:
    """The table ``journal_fusions`` of a working GeoPackage."""

    persistent = True

    def __init__(self, path: str | os.PathLike):
        self.path = os.fspath(path)

    def write(self, entries: Iterable[MergeEntry]) -> None:
        entries = list(entries)
        if not entries:
            return
        names = [name for name, _ in _COLUMNS]
        rows = [
            (
                entry.merged_at, entry.merged_by, entry.kept_fid, entry.kept_id, entry.removed_fid, entry.removed_id,
                json.dumps(entry.removed_record, ensure_ascii=False),
                json.dumps(entry.kept_before, ensure_ascii=False),
                json.dumps(entry.choices, ensure_ascii=False),
            )
            for entry in entries
        ]
        with connect(self.path) as connection:
            ensure_table(connection, JOURNAL_TABLE, _COLUMNS, "Journal des fusions de doublons (dock Validation)")
            connection.executemany(
                f"INSERT INTO {quote(JOURNAL_TABLE)} ({', '.join(quote(n) for n in names)}) "
                f"VALUES ({', '.join('?' * len(names))})",
                rows,
            )

    def load(self) -> list[MergeEntry]:
        rows = read_rows(self.path, JOURNAL_TABLE, [name for name, _ in _COLUMNS])
        return [
            MergeEntry(
                kept_fid=row["lieu_conserve_fid"], kept_id=row["lieu_conserve_id"] or "",
                removed_fid=row["lieu_fusionne_fid"], removed_id=row["lieu_fusionne_id"] or "",
                removed_record=json.loads(row["lieu_fusionne"] or "{}"),
                kept_before=json.loads(row["lieu_conserve_avant"] or "{}"),
                choices=json.loads(row["choix"] or "{}"),
                merged_at=row["fusionne_le"] or "", merged_by=row["fusionne_par"] or "", fid=row["fid"],
            )
            for row in rows
        ]
