"""Records in the standard's own flat form: a dict of strings, list values joined with ``|``.

A record maps each schema field name to a string ("" = missing). Readers also keep the source
columns that are not schema fields, so that nothing is lost on the way (see :class:`Table`).
"""

from __future__ import annotations

from collections import UserList
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

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


class ColumnarRecords(UserList):
    """Records held column by column (``columns[key][i]`` is record ``i``'s cell): a lazy list of dicts.

    Readers fill their columns straight from the parser (``zip(*rows)`` at C speed) and the validation engine
    and the CSV writer consume the columns as they are: 50,000 records never become 50,000 dicts unless a
    caller asks for them. It behaves as the list of records it stands for (``len``, indexing, iteration,
    ``==`` with a list, …): the first access that needs the records builds the dicts once; from then on they
    are the truth (a caller may modify them) and :meth:`column_data` returns ``None``.

    Contract: every cell is a ``str`` ("" = missing) and every column has one cell per record.
    """

    def __init__(self, columns: Mapping[str, Sequence[str]], count: int | None = None):
        from .readers.arrow_csv import ArrowColumns  # here: the readers package imports this module

        if isinstance(columns, ArrowColumns):  # a fast reader's columns: lists built per column on demand
            self._columns: Mapping[str, list[str]] | None = columns
        else:
            self._columns = {
                key: values if isinstance(values, list) else list(values) for key, values in columns.items()
            }
        if count is None:
            count = len(next(iter(self._columns.values()))) if self._columns else 0
        self._count = count
        self._data: list[dict[str, str]] | None = None

    @property  # type: ignore[override]
    def data(self) -> list[dict[str, str]]:
        if self._data is None:
            columns = self._columns or {}  # (readers in other threads keep the column lists they took)
            keys = list(columns)
            if keys:
                self._data = [dict(zip(keys, values)) for values in zip(*columns.values())]
            else:
                self._data = [{} for _ in range(self._count)]
            self._columns = None
        return self._data

    @data.setter
    def data(self, value: list[dict[str, str]]) -> None:
        self._data = value
        self._columns = None

    def __len__(self) -> int:
        return self._count if self._data is None else len(self._data)

    def __bool__(self) -> bool:
        return len(self) > 0

    def column_data(self) -> dict[str, list[str]] | None:
        """{key: cells} while the records are still held as columns (not materialised), else None."""
        return self._columns

    def column(self, key: str) -> list[str]:
        """The cells of one column ("" for every record where the key is absent)."""
        columns = self._columns  # one read: another thread may materialise the records meanwhile
        if columns is not None:
            values = columns.get(key)
            return values if values is not None else [""] * self._count
        return [row.get(key, "") for row in self.data]


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

    ``rows`` may be given as :class:`ColumnarRecords` (what the CSV and GeoPackage readers do): the cells then
    stay in columns, which the validation engine reads directly (:attr:`column_data`, :meth:`column`), and
    ``table.rows`` builds the list of dicts on first access only. ``row_count`` never builds it.
    """

    header: list[str]
    rows: list[dict[str, str]]  # a property (below): the records, built on demand from columnar data
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
            self.row_numbers = list(range(1, self.row_count + 1))

    @property
    def row_count(self) -> int:
        """Number of records (without building them)."""
        return len(self._records)

    @property
    def column_data(self) -> dict[str, list[str]] | None:
        """{column key: cells} when the records are still held as columns (strings), else None."""
        records = self._records
        return records.column_data() if isinstance(records, ColumnarRecords) else None

    def column(self, key: str) -> list[str]:
        """The cells of one column (by key), "" where a record lacks it."""
        records = self._records
        if isinstance(records, ColumnarRecords):
            return records.column(key)
        return [row.get(key, "") or "" for row in records]

    def extra_columns(self, schema: Schema) -> list[str]:
        """Keys of the columns that are not schema fields (repeated columns included), in source order."""
        return [key for key in self.columns if key not in schema]

    def schema_records(self, schema: Schema) -> list[Record]:
        """The records restricted to the schema fields, in schema order ("" when absent)."""
        names = schema.field_names
        data = self.column_data
        if data is not None:
            blank = [""] * self.row_count
            return [dict(zip(names, values)) for values in zip(*(data.get(name, blank) for name in names))]
        return [{name: row.get(name, "") or "" for name in names} for row in self.rows]


def _table_rows(table: Table) -> list[dict[str, str]]:
    records = table._records
    if isinstance(records, ColumnarRecords):
        records = table._records = records.data  # from now on the dicts are the truth
    return records


def _set_table_rows(table: Table, rows: Sequence[dict[str, str]]) -> None:
    table._records = rows


Table.rows = property(  # type: ignore[assignment]
    _table_rows, _set_table_rows, doc="The records (dicts keyed by column key), built on first access."
)


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
