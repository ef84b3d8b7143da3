"""Records in the standard's own flat form: a dict of strings, list values joined with ``|``.

A record maps each schema field name to a string ("" = missing). Readers also keep the source
columns that are not schema fields, so that nothing is lost on the way (see :class:`Table`).
"""

from __future__ import annotations

import base64
import json
import math
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


def cell_text(value: Any, date_only: bool = False) -> str:
    """A typed value (JSON, XLSX, SQLite, an API payload, a QGIS attribute once unwrapped) as the standard's
    string: the one converter of the plugin.

    ``None`` → ""; text as it is; booleans ``true``/``false``; numbers with a decimal point, no exponent and no
    spurious ``.0`` (``4000.0`` → ``4000``: a code typed as a number; the engine suggests ``04000``); a list of
    scalars → ``a|b`` (empty items dropped, as the standard has no empty list item); a nested list or an object
    → its JSON text (nothing is lost); bytes → base64; a date → ``YYYY-MM-DD``; a datetime → ISO, or its date
    when it is at midnight (how spreadsheets store a date) or ``date_only`` (a field of the standard that is a
    date); a time → ISO.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return format_number(value) if math.isfinite(value) else str(value)
    if isinstance(value, (list, tuple)):
        if all(item is None or isinstance(item, (str, int, float)) for item in value):
            return join_list(cell_text(item) for item in value)
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if hasattr(value, "isoformat"):
        if hasattr(value, "hour") and hasattr(value, "date"):  # a datetime (a date has no hour, a time no date)
            if date_only or (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0):
                return value.date().isoformat()
        return value.isoformat()
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
        from .columns import ArrowColumns  # here: numpy is imported only when columns are used

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

    def __getitem__(self, index):
        # a slice is a plain list of the records (UserList would rebuild this class from a list of dicts)
        return self.data[index]

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

    def header_match(self, schema: Schema, ignore_case: bool = False) -> HeaderMatch:
        """Which column holds each field of the standard (:func:`match_header` on this table's header)."""
        return match_header(self, schema, ignore_case)

    def field_keys(self, schema: Schema, ignore_case: bool = False) -> dict[str, str]:
        """{standard field: key of its column in ``rows``} (:meth:`header_match`)."""
        return match_header(self, schema, ignore_case).keys

    def extra_columns(self, schema: Schema, ignore_case: bool = False) -> list[str]:
        """Keys of the columns that hold no schema field (repeated columns included), in source order."""
        return match_header(self, schema, ignore_case).extra_keys

    def records_with_extra(self, schema: Schema, ignore_case: bool = False) -> list[Record]:
        """:meth:`schema_records` followed, in each record, by the columns that hold no schema field (their key)."""
        records = self.schema_records(schema, ignore_case)
        extra = self.extra_columns(schema, ignore_case)
        if extra:
            columns = [self.column(key) for key in extra]
            for record, values in zip(records, zip(*columns)):
                record.update(zip(extra, ("" if value is None else value for value in values)))
        return records

    def schema_records(self, schema: Schema, ignore_case: bool = False) -> list[Record]:
        """The records restricted to the schema fields, in schema order ("" when absent); columns matched to
        fields by :func:`match_header`, as the validation engine matches them."""
        names = schema.field_names
        keys = match_header(self, schema, ignore_case).keys
        data = self.column_data
        if data is not None:
            blank = [""] * self.row_count
            return [dict(zip(names, values)) for values in zip(*(data.get(keys.get(name), blank) for name in names))]
        wanted = [(name, keys.get(name)) for name in names]
        return [{name: (row.get(key, "") or "") if key else "" for name, key in wanted} for row in self.rows]


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


# --------------------------------------------------------------------------------------------- header → fields


@dataclass(frozen=True)
class HeaderMatch:
    """How the columns of a source become the fields of the standard: the one place this is decided.

    ``positions`` maps each standard field found in the source to the 0-based position of its column in the
    header (and in ``columns``, the keys of the records: ``Table.columns``); a field absent from ``positions``
    has no column. Every consumer — the validation engine (its header findings), the import into a working
    layer (``Table.schema_records``, ``Table.extra_columns``), the corrected copy and the lieu names of the
    reports — reads this object, so they always agree on which column is which field.

    :func:`match_header` builds it from the column names (exact name, or the name regardless of case with
    ``ignore_case``). A source → standard mapping chosen by the user is another way to build ``positions``
    (``{field: column position}``): give it to the consumers in place of :func:`match_header`'s result.
    """

    positions: dict[str, int]
    header: tuple[str, ...]
    columns: tuple[str, ...]
    # a repeated name → its 1-based positions (only the first copy can hold a field); 1-based blank positions
    duplicate_headers: dict[str, list[int]] = field(default_factory=dict)
    blank_positions: frozenset[int] = frozenset()

    @property
    def keys(self) -> dict[str, str]:
        """{standard field: key of its column in the records}, in source column order."""
        return {name: self.columns[position] for name, position in self.positions.items()}

    @property
    def order(self) -> list[str]:
        """The fields found, in the order of their columns in the source."""
        return list(self.positions)

    @property
    def extra_keys(self) -> list[str]:
        """Keys of the columns that hold no field (kept aside, never dropped), in source order."""
        used = set(self.positions.values())
        return [key for position, key in enumerate(self.columns) if position not in used]

    @property
    def extra_names(self) -> list[str]:
        """Source names of the columns outside the standard, repeated copies and blank names excluded."""
        used = set(self.positions.values())
        return [
            name
            for position, name in enumerate(self.header[: len(self.columns)])
            if position not in used and position + 1 not in self.blank_positions and not self._copy(name, position)
        ]

    def _copy(self, name: str, position: int) -> bool:
        return name in self.duplicate_headers and self.duplicate_headers[name][0] != position + 1


def match_header(table: Any, schema: Schema, ignore_case: bool = False) -> HeaderMatch:
    """Match a table's columns to the standard's fields by name (never by position).

    ``table`` is a :class:`Table` or anything with a ``header`` (and optionally ``columns``,
    ``duplicate_headers``, ``blank_headers``: a layer's table). A column matches the field of its exact name
    or, with ``ignore_case`` (Validata's ``--ignore_header_case``), the field whose name it equals regardless
    of case; blank names and the later copies of a repeated name hold no field; a field takes the first
    column that matches it.
    """
    header = [str(name) for name in getattr(table, "header", None) or ()]
    columns = list(getattr(table, "columns", None) or ()) or list(header)
    names = header or list(columns)
    duplicate_headers = dict(getattr(table, "duplicate_headers", None) or {})
    blank_positions = set(getattr(table, "blank_headers", None) or ())
    if not duplicate_headers:
        seen: dict[str, list[int]] = {}
        for position, name in enumerate(names, start=1):
            if name.strip():
                seen.setdefault(name, []).append(position)
        duplicate_headers = {name: pos for name, pos in seen.items() if len(pos) > 1}
    if not blank_positions:
        blank_positions = {position for position, name in enumerate(names, start=1) if not name.strip()}
    lookup = {name.casefold(): name for name in schema.field_names} if ignore_case else None
    positions: dict[str, int] = {}
    for index, name in enumerate(names[: len(columns)]):
        if index + 1 in blank_positions:
            continue
        if name in duplicate_headers and duplicate_headers[name][0] != index + 1:
            continue  # a later copy of a repeated name
        field_name = name if name in schema else (lookup.get(name.casefold()) if lookup else None)
        if field_name is not None and field_name not in positions:
            positions[field_name] = index
    return HeaderMatch(positions, tuple(names), tuple(columns), duplicate_headers, frozenset(blank_positions))


def _fold(name: str) -> str:
    return name.strip().casefold().replace(" ", "_")


def match_field_names(names: list[str], schema: Schema) -> dict[str, str]:
    """Record key of each field of a QGIS layer: itself, or the schema field it matches ignoring case and spaces.

    A layer's field names are matched more loosely than a file's header (:func:`match_header`): QGIS users
    rename fields freely (``Code Postal``), and a layer is read into records keyed by these names before any
    validation. Used by :func:`plugin.qgis.layer_records.records_from_layer`.
    """
    schema_names = set(schema.field_names)
    by_fold = {_fold(name): name for name in schema.field_names}
    taken = {name for name in names if name in schema_names}
    keys = {}
    for name in names:
        key = name
        if name not in schema_names:
            candidate = by_fold.get(_fold(name))
            if candidate and candidate not in taken:
                key = candidate
                taken.add(candidate)
        keys[name] = key
    return keys


def column_keys(header: Sequence[str]) -> tuple[list[str], dict[str, list[int]], list[int]]:
    """Unique keys for a header: (keys, duplicate names → 1-based positions, blank positions)."""
    taken = {name for name in header if name}
    keys: list[str] = []
    used: set[str] = set()  # the keys given so far (a set: a header of 100,000 columns stays linear)
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
        while key in used or (key != name and key in taken):
            key += "_"
        keys.append(key)
        used.add(key)
        taken.add(key)
        positions.setdefault(name, []).append(position)
    duplicates = {name: pos for name, pos in positions.items() if len(pos) > 1 and name.strip()}
    return keys, duplicates, blanks


def empty_record(schema: Schema) -> Record:
    return {name: "" for name in schema.field_names}


def ordered(record: dict[str, str], names: Sequence[str]) -> Record:
    return {name: record.get(name, "") or "" for name in names}
