"""Records in the standard's own flat form: a dict of strings, list values joined with ``|``.

A record maps each schema field name to a string ("" = missing). Readers also keep the source
columns that are not schema fields, so that nothing is lost on the way (see :class:`Table`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from .schema import LIST_SEPARATOR, Schema

Record = dict[str, str]


def split_list(value: str | None) -> list[str]:
    """Items of a ``a|b`` cell (empty items dropped, items not trimmed)."""
    if not value:
        return []
    return [item for item in value.split(LIST_SEPARATOR) if item != ""]


def join_list(items: Iterable[str]) -> str:
    """The ``a|b`` cell of a list of items (empty items dropped, order and duplicates kept)."""
    return LIST_SEPARATOR.join(str(item) for item in items if item not in (None, ""))


def format_number(value: float | int) -> str:
    """A number as the standard writes it: decimal point, no exponent, no trailing zeros."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return str(value)
    text = repr(float(value))
    if "e" in text or "E" in text:
        text = f"{float(value):.10f}".rstrip("0").rstrip(".")
    if text.endswith(".0"):
        text = text[:-2]
    return text


def cell_text(value: Any, multi: bool = False) -> str:
    """Convert a value read from JSON, XLSX or a layer to the standard's string form."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return join_list(cell_text(v) for v in value) if multi else LIST_SEPARATOR.join(cell_text(v) for v in value)
    if isinstance(value, (int, float)):
        return format_number(value)
    if hasattr(value, "isoformat"):
        text = value.isoformat()
        # datetime → date part for the standard's date fields is the caller's decision; keep ISO text
        return text
    return str(value)


@dataclass
class Table:
    """What a reader returns: the header as read, the records, and what it noticed on the way."""

    header: list[str]
    rows: list[dict[str, str]]
    source_format: str
    encoding: str | None = None
    delimiter: str | None = None
    # 1-based positions (record numbers) of blank rows, and cell-count anomalies per record index
    blank_rows: list[int] = field(default_factory=list)
    extra_cells: dict[int, list[str]] = field(default_factory=dict)
    missing_cells: dict[int, int] = field(default_factory=dict)
    # record number → (longitude, latitude) taken from a geometry when the columns are absent
    notes: list[str] = field(default_factory=list)

    def extra_columns(self, schema: Schema) -> list[str]:
        return [name for name in self.header if name not in schema]

    def schema_records(self, schema: Schema) -> list[Record]:
        """The records restricted to the schema fields, in schema order ("" when absent)."""
        names = schema.field_names
        return [{name: row.get(name, "") or "" for name in names} for row in self.rows]


def empty_record(schema: Schema) -> Record:
    return {name: "" for name in schema.field_names}


def ordered(record: dict[str, str], names: Sequence[str]) -> Record:
    return {name: record.get(name, "") or "" for name in names}
