"""Helpers of the tests comparing the Arrow fast path with the Python path (the reference): read a file on the
Python path, compare two tables and two reports."""

from __future__ import annotations

from pathlib import Path

from plugin.core import readers
from plugin.core.readers import arrow_csv

# every attribute of a Table a reader sets (cells compared column by column besides)
TABLE_FIELDS = ("header", "columns", "row_numbers", "blank_rows", "extra_cells", "missing_cells", "duplicate_headers",
                "blank_headers", "lossy_cells", "encoding", "delimiter", "notes", "source_format", "derived_columns")


def python_read(path: Path):
    """``read_table(path)`` on the Python path (the Arrow reader made to decline)."""
    original = arrow_csv.read_columns
    arrow_csv.read_columns = lambda *args: None
    try:
        return readers.read_table(path)
    finally:
        arrow_csv.read_columns = original


def assert_same_table(fast, slow) -> None:
    for name in TABLE_FIELDS:
        assert getattr(fast, name) == getattr(slow, name), name
    assert fast.row_count == slow.row_count
    for key in slow.columns:
        assert fast.column(key) == slow.column(key), key


def issue_tuples(report) -> list[tuple]:
    """Every issue of a report, field by field, in order."""
    return [(issue.row, issue.id, issue.field, issue.code, issue.severity, issue.message, issue.value,
             issue.suggestion) for issue in report.issues]
