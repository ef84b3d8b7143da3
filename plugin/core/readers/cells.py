"""What every reader records about its cells: the table of typed records (JSON, …) as the standard's strings
(:func:`~plugin.core.records.cell_text`), the cells holding U+FFFD. Pure Python."""

from __future__ import annotations

import operator
from itertools import compress, repeat
from typing import Any, Callable, Iterable

from ..records import Table, cell_text, column_keys

COORDINATE_COLUMNS = ("latitude", "longitude")


def _table_from_records(
    records: Iterable[dict[str, Any]], source_format: str, convert: Callable[[Any], str] = cell_text
) -> Table:
    """A Table from records (dicts of values): header = union of keys in first-seen order."""
    header: dict[str, None] = {}
    rows: list[dict[str, str]] = []
    numbers: list[int] = []
    blank_rows: list[int] = []
    for number, record in enumerate(records, start=1):
        row = {str(key): convert(value) for key, value in record.items()}
        if not any(row.values()):
            blank_rows.append(number)
            continue
        for key in row:
            if key not in header:
                header[key] = None
        rows.append(row)
        numbers.append(number)
    names = list(header)
    keys, _, blank_headers = column_keys(names)
    renamed = {name: key for name, key in zip(names, keys) if name != key}  # blank names ("") get a key
    for index, row in enumerate(rows):
        if renamed:
            row = rows[index] = {renamed.get(name, name): value for name, value in row.items()}
        if len(row) != len(keys):
            for key in keys:
                row.setdefault(key, "")
    return Table(
        header=names,
        rows=rows,
        source_format=source_format,
        blank_rows=blank_rows,
        row_numbers=numbers,
        columns=keys,
        blank_headers=blank_headers,
    )


def _find_lossy_cells(table: Table) -> None:
    table.lossy_cells = [(0, key) for key, name in zip(table.columns, table.header) if "\ufffd" in name]
    data = table.column_data
    if data is None:
        for number, row in zip(table.row_numbers, table.rows):
            for key, value in row.items():
                if "\ufffd" in value:
                    table.lossy_cells.append((number, key))
        return
    found = []  # (record index, column position, key): sorted back into the rows' reading order
    for position, (key, column) in enumerate(data.items()):
        hits = compress(range(len(column)), map(operator.contains, column, repeat("\ufffd")))
        found.extend((index, position, key) for index in hits)
    found.sort()
    table.lossy_cells.extend((table.row_numbers[index], key) for index, _, key in found)
