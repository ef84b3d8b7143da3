"""The one defusing of CSV cells written for people (formula injection, CWE-1236). Pure Python.

A spreadsheet opening a CSV runs a cell that begins with ``=``, ``+``, ``-`` or ``@`` (and, depending on the
program, a tab, a carriage return or a line feed before them) as a formula: ``=HYPERLINK("http://…")`` in the
name of a lieu becomes a live link, ``=1+1`` shows 2, ``-2+3`` shows 1. Every CSV the plugin writes for people
to read — the producers' report, the issues of the validation dock, the issues table of ``mednum:validate``
written as CSV, the push report, an export when asked — passes each cell through :func:`defuse_cell`: such a
cell gets a leading apostrophe, which spreadsheets show as text and do not display. Every cell, every column,
numbers included (``-2`` becomes ``'-2``: the report shows the value as it was written, never computed).

Conformant exports are not defused unless asked: a file of the standard holds the values exactly.
"""

from __future__ import annotations

from typing import Any, Iterable

# what makes a spreadsheet read a cell as a formula (OWASP "CSV injection"), fullwidth forms included
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
DEFUSE_PREFIX = "'"


def defuse_cell(value: Any) -> Any:
    """``value`` as a spreadsheet must show it: a text starting like a formula gets a leading apostrophe.

    Leading spaces do not hide a formula (some programs trim them). Non-text values are returned unchanged.
    """
    if not isinstance(value, str) or not value:
        return value
    if value.lstrip(" ").startswith(FORMULA_STARTS):
        return DEFUSE_PREFIX + value
    return value


def defuse_row(values: Iterable[Any]) -> list[Any]:
    """Every cell of a row through :func:`defuse_cell`."""
    return [defuse_cell(value) for value in values]


def needs_defusing(value: Any) -> bool:
    return isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_STARTS)


def is_text_table(path: str) -> bool:
    """Whether a destination is a delimited text file a spreadsheet opens (CSV, TSV, TXT)."""
    return str(path).split("?")[0].split("|")[0].lower().endswith((".csv", ".tsv", ".txt"))
