"""Structure rules: the header (columns matched by name, never by position) and the shape of the rows.

They read what the reader noticed and put in the :class:`~plugin.core.records.Table`: the header as read,
the column keys (a repeated name gets a disambiguated key such as ``"nom (2)"``), blank rows, rows with
extra or missing cells, cells where characters were already lost (U+FFFD). The header is checked *before*
the rows (frictionless, given no ``id`` column, fails with a schema error instead of naming the column).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...schema import Schema
from .common import Finding, finding, shorten


@dataclass
class HeaderAnalysis:
    """Which row key holds each schema field, and the header findings as (field, finding)."""

    field_keys: dict[str, str]
    findings: list[tuple[str, Finding]] = field(default_factory=list)


def analyse_header(
    schema: Schema,
    header: list[str],
    columns: list[str] | None = None,
    duplicate_headers: dict | None = None,
    blank_headers: list[int] | None = None,
    ignore_case: bool = False,
) -> HeaderAnalysis:
    columns = list(columns) if columns else list(header)
    names = list(header) if header else list(columns)
    duplicate_headers = dict(duplicate_headers or {})
    blank_positions = set(blank_headers or [])
    if not duplicate_headers:
        seen: dict[str, list[int]] = {}
        for position, name in enumerate(names, start=1):
            if name.strip():
                seen.setdefault(name, []).append(position)
        duplicate_headers = {name: pos for name, pos in seen.items() if len(pos) > 1}
    if not blank_positions:
        blank_positions = {position for position, name in enumerate(names, start=1) if not name.strip()}
    lookup = {name.casefold(): name for name in schema.field_names} if ignore_case else None

    field_keys: dict[str, str] = {}
    extras: list[str] = []
    order: list[str] = []
    for position, (name, key) in enumerate(zip(names, columns), start=1):
        if position in blank_positions:
            continue
        duplicate_copy = name in duplicate_headers and duplicate_headers[name][0] != position
        if duplicate_copy:
            continue
        field_name = name if name in schema else (lookup.get(name.casefold()) if lookup else None)
        if field_name is not None and field_name not in field_keys:
            field_keys[field_name] = key
            order.append(field_name)
        else:
            extras.append(name)

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
