"""The mapping dialog's live preview, Qt-free: the first rows mapped and validated (pure Python)."""

from __future__ import annotations

import time

from ..records import ColumnarRecords, Table
from ..schema import Schema
from .apply import MappingResult, convert_table
from .profile import Profile

PREVIEW_ROWS = 1000


def preview_table(table: Table, rows: int = PREVIEW_ROWS) -> Table:
    """The first ``rows`` records of a table, as columns (the preview's input: built once per dialog)."""
    count = min(rows, table.row_count)
    columns = {key: [cell or "" for cell in table.column(key)[:count]] for key in table.columns}
    return Table(
        header=list(table.header), rows=ColumnarRecords(columns, count), source_format=table.source_format,
        columns=list(table.columns), row_numbers=list(table.row_numbers[:count]),
    )  # fmt: skip


def preview(
    table: Table, profile: Profile, schema: Schema, source_name: str = ""
) -> tuple[MappingResult, int, int, float]:
    """(mapping result, errors, warnings, milliseconds) of mapping and validating ``table``."""
    from ..validation import validate_records

    start = time.perf_counter()
    result = convert_table(table, profile, schema, source_name=source_name)
    report = validate_records(result.records, schema, row_numbers=result.row_numbers)
    errors, warnings = report.counts()
    return result, errors, warnings, (time.perf_counter() - start) * 1000.0
