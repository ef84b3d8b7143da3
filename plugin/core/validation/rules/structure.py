"""Structure rules: the header (columns matched by name, never by position) and the shape of the rows.

They read what the reader noticed and put in the :class:`~plugin.core.records.Table`: the header as read,
the column keys (a repeated name gets a disambiguated key such as ``"nom (2)"``), blank rows, rows with
extra or missing cells, cells where characters were already lost (U+FFFD). The header is checked *before*
the rows (frictionless, given no ``id`` column, fails with a schema error instead of naming the column).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...records import match_header
from ...schema import Schema
from .common import Finding, finding, shorten


@dataclass
class HeaderAnalysis:
    """Which row key holds each schema field, and the header findings as (field, finding)."""

    field_keys: dict[str, str]
    findings: list[tuple[str, Finding]] = field(default_factory=list)


def analyse_header(schema: Schema, table: Any, ignore_case: bool = False) -> HeaderAnalysis:
    """The header findings of a table whose columns :func:`~plugin.core.records.match_header` matches."""
    match = match_header(table, schema, ignore_case)
    field_keys = match.keys
    extras = match.extra_names
    order = match.order
    duplicate_headers = match.duplicate_headers
    blank_positions = match.blank_positions

    found: list[tuple[str, Finding]] = []
    for spec in schema.fields:
        if spec.name in field_keys:
            continue
        code = "missing-required-column" if spec.required else "missing-column"
        found.append((spec.name, finding(code, None, "", field=spec.name)))
    for name in extras:
        found.append(("", finding("extra-column", None, name, about=name, column=name)))
    for name, positions in duplicate_headers.items():
        found.append((name if name in schema else "", finding("duplicate-column", None, name, about=name,
                                                            column=name, count=len(positions))))
    for position in sorted(blank_positions):
        found.append(("", finding("blank-column-name", None, "", about="", column=position)))
    expected = [name for name in schema.field_names if name in field_keys]
    if order != expected:
        shown = ", ".join(expected[:6]) + (", …" if len(expected) > 6 else "")
        found.append(("", finding("disordered-columns", None, "", about=", ".join(order), expected=shown)))
    return HeaderAnalysis(field_keys, found)


def row_shape_findings(table) -> list[tuple[int, str, Finding]]:
    """(row number, field, finding) for blank rows, rows with extra or missing cells."""
    found: list[tuple[int, str, Finding]] = []
    for number in getattr(table, "blank_rows", None) or ():
        found.append((number, "", finding("blank-row", None, "", about="")))
    for number, cells in (getattr(table, "extra_cells", None) or {}).items():
        cells = list(cells)
        shown = shorten(" | ".join(str(c) for c in cells), 60)
        found.append((number, "", finding("extra-cell", None, shown, about=",".join(map(str, cells)),
                                          count=len(cells))))
    for number, count in (getattr(table, "missing_cells", None) or {}).items():
        found.append((number, "", finding("missing-cell", None, "", about="", count=count)))
    return found


def lossy_header_findings(
    table, field_keys: dict[str, str], rows_by_number: dict
) -> list[tuple[int | None, str, Finding]]:
    """Lost characters (U+FFFD) in the header or in columns outside the schema (the cell rules check the rest)."""
    schema_keys = set(field_keys.values())
    found: list[tuple[int | None, str, Finding]] = []
    for number, key in getattr(table, "lossy_cells", None) or ():
        if number == 0:
            found.append((None, "", finding("lost-characters", None, key, about=key)))
        elif key not in schema_keys:
            value = str((rows_by_number.get(number) or {}).get(key, "") or "")
            found.append((number, "", finding("lost-characters", None, value, about=value)))
    return found
