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
    """What a reader returns: the header as read, the records, and what it noticed on the way.

    Row numbering: ``row_numbers[i]`` is the 1-based position of ``rows[i]`` among the source's data rows
    (header excluded, blank rows counted), i.e. spreadsheet line ``row_number + 1`` for a file with a header.
    ``blank_rows``, ``extra_cells``, ``missing_cells`` and ``lossy_cells`` use the same numbering, so an issue
    points at the row the user sees. Blank rows are not records: they appear only in ``blank_rows``.
    A GeoPackage's rows are numbered by their feature id (``fid``), as QGIS shows them.

    Columns: ``header`` is the source header exactly as read (duplicates and blank names included);
    ``columns`` is parallel to it and gives the key of each column in ``rows``: the name itself, or a
    disambiguated key for a repeated name (``"nom (2)"``) or a blank one (``"colonne_5"``), so that no value
    is lost. ``duplicate_headers`` maps a repeated name to its 1-based column positions.
    """

    header: list[str]
    rows: list[dict[str, str]]
    source_format: str
    encoding: str | None = None
    delimiter: str | None = None
    blank_rows: list[int] = field(default_factory=list)
    # source row number → the values beyond the header's width (kept here, not in ``rows``)
    extra_cells: dict[int, list[str]] = field(default_factory=dict)
    # source row number → how many cells the row lacks (those cells read as "")
    missing_cells: dict[int, int] = field(default_factory=dict)
    # human-readable (translated) remarks of the reader: lenient parsing, geometry not used, …
    notes: list[str] = field(default_factory=list)
    row_numbers: list[int] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    duplicate_headers: dict[str, list[int]] = field(default_factory=dict)
    blank_headers: list[int] = field(default_factory=list)
    # (source row number, column key) of cells holding U+FFFD (characters already lost); row 0 = header
    lossy_cells: list[tuple[int, str]] = field(default_factory=list)
    # columns the reader computed rather than read (latitude/longitude from a point geometry…)
    derived_columns: list[str] = field(default_factory=list)
    path: str | None = None
    # sheet (XLSX) or table (GeoPackage) that was read
    layer: str | None = None

    def __post_init__(self) -> None:
        if not self.columns:
            self.columns = column_keys(self.header)[0]
        if not self.row_numbers:
            self.row_numbers = list(range(1, len(self.rows) + 1))

    def extra_columns(self, schema: Schema) -> list[str]:
        """Keys of the columns that are not schema fields (repeated columns included), in source order."""
        return [key for key in self.columns if key not in schema]

    def schema_records(self, schema: Schema) -> list[Record]:
        """The records restricted to the schema fields, in schema order ("" when absent)."""
        names = schema.field_names
        return [{name: row.get(name, "") or "" for name in names} for row in self.rows]


def column_keys(header: Sequence[str]) -> tuple[list[str], dict[str, list[int]], list[int]]:
    """Unique keys for a header: (keys, duplicate names → 1-based positions, blank positions)."""
    taken = {name for name in header if name}
    keys: list[str] = []
    seen: dict[str, int] = {}
    positions: dict[str, list[int]] = {}
    blanks: list[int] = []
    for position, name in enumerate(header, start=1):
        if not name.strip():
            blanks.append(position)
            key = f"colonne_{position}"
        elif name in seen:
            seen[name] += 1
            key = f"{name} ({seen[name]})"
        else:
            seen[name] = 1
            key = name
        while key in keys or (key != name and key in taken):
            key += "_"
        keys.append(key)
        taken.add(key)
        positions.setdefault(name, []).append(position)
    duplicates = {name: pos for name, pos in positions.items() if len(pos) > 1 and name.strip()}
    return keys, duplicates, blanks


def empty_record(schema: Schema) -> Record:
    return {name: "" for name in schema.field_names}


def ordered(record: dict[str, str], names: Sequence[str]) -> Record:
    return {name: record.get(name, "") or "" for name in names}
