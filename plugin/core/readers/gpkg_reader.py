"""GeoPackage layers through the standard library's ``sqlite3`` (read-only URI): attributes, and the point
geometry decoded from the GPKG header and WKB. Pure Python."""

from __future__ import annotations

import math
import sqlite3
import struct
from pathlib import Path

from ..errors import ReadError
from ..gpkg_sqlite import open_read_only
from ..i18n import translate
from ..records import Table, cell_text, format_number
from .cells import COORDINATE_COLUMNS
from .detection import _corrupt, _error


def _read_gpkg(source: Path, layer: str | None) -> Table:
    try:
        connection = open_read_only(source)
    except sqlite3.Error as exc:
        raise _corrupt_gpkg(source, exc) from None
    try:
        return _table_from_gpkg(connection, source, layer)
    except ReadError:
        raise
    except (sqlite3.Error, struct.error, ValueError) as exc:
        raise _corrupt_gpkg(source, exc) from None
    finally:
        connection.close()


def _corrupt_gpkg(source: Path, exc: BaseException) -> ReadError:
    return _corrupt(source, exc, "GeoPackage")


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def gpkg_tables(connection: sqlite3.Connection) -> list[tuple[str, str]]:
    """(table name, data type) of a GeoPackage's contents, features first, in declaration order."""
    rows = connection.execute("SELECT table_name, data_type FROM gpkg_contents ORDER BY rowid").fetchall()
    kinds = {"features": 0, "attributes": 1}
    return sorted(((str(name), str(kind)) for name, kind in rows if kind in kinds), key=lambda row: kinds[row[1]])


def _table_from_gpkg(connection: sqlite3.Connection, source: Path, layer: str | None) -> Table:
    try:
        tables = gpkg_tables(connection)
    except sqlite3.DatabaseError as exc:
        if "no such table" in str(exc):
            message = translate("ReadError", "The file {name} is a SQLite database but not a GeoPackage.")
            raise _error("not-geopackage", message, source) from None
        raise
    if not tables:
        raise _error("no-table", translate("ReadError", "The GeoPackage {name} contains no table."), source)
    names = [name for name, _ in tables]
    if layer is None:
        layer = names[0]
    elif layer not in names:
        raise _error(
            "unknown-layer",
            translate("ReadError", "The GeoPackage {name} has no table named {layer}; tables: {available}."),
            source,
            layer=layer,
            available=", ".join(names),
        )
    geometry_column, srs_ok = None, False
    row = connection.execute(
        "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?", (layer,)
    ).fetchone()
    if row:
        geometry_column = row[0]
        srs = connection.execute(
            "SELECT organization, organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = ?", (row[1],)
        ).fetchone()
        srs_ok = row[1] == 4326 or (srs is not None and str(srs[0]).upper() == "EPSG" and srs[1] == 4326)
    info = connection.execute(f"PRAGMA table_info({_quote(layer)})").fetchall()
    primary = [col[1] for col in info if col[5] and str(col[2]).upper() == "INTEGER"]
    skipped = {geometry_column} | ({primary[0]} if primary and primary[0] != "id" else set())
    header = [col[1] for col in info if col[1] not in skipped]
    # the feature id (what QGIS shows) numbers the rows; the table's position when there is none
    key = _quote(primary[0]) if primary else "rowid"
    selected = [_quote(name) for name in header + ([geometry_column] if geometry_column else [])] + [key]
    query = f"SELECT {', '.join(selected)} FROM {_quote(layer)} ORDER BY {key}"
    width = len(header)
    output = header + [name for name in COORDINATE_COLUMNS if geometry_column and srs_ok and name not in header]
    lossy = False
    while True:
        try:
            rows, numbers, blank_rows, derived, unread = _gpkg_rows(
                connection.execute(query), header, output, width, geometry_column if srs_ok else None
            )
            break
        except sqlite3.OperationalError as exc:
            if lossy or "decode" not in str(exc).lower():
                raise
            # a text that is not UTF-8 (one damaged cell): read again, its bytes replaced by U+FFFD and reported
            connection.text_factory = lambda data: data.decode("utf-8", errors="replace")
            lossy = True
    if not derived:
        output = header
        for row in rows:
            for name in COORDINATE_COLUMNS:
                if name not in header:
                    row.pop(name, None)
    table = Table(header=output, rows=rows, source_format="gpkg", blank_rows=blank_rows, row_numbers=numbers)
    if derived:
        table.derived_columns = list(COORDINATE_COLUMNS)
    if geometry_column and not srs_ok:
        table.notes.append(
            translate("ReadError", "The layer's coordinate system is not WGS 84 (EPSG:4326): geometries were not used.")
        )
    if unread:
        table.notes.append(
            translate(
                "ReadError",
                "{count} feature(s) have a geometry that could not be read as a point (damaged, or not a point): no "
                "coordinates taken from it, the feature is kept."
            ).format(count=unread)
        )
    if lossy:
        from .cells import _find_lossy_cells

        _find_lossy_cells(table)
    table.layer = layer
    return table


def _gpkg_rows(cursor, header: list[str], output: list[str], width: int, geometry_column: str | None):
    """(rows, their numbers, blank row numbers, whether coordinates came from points, geometries not read)."""
    rows: list[dict[str, str]] = []
    numbers: list[int] = []
    blank_rows: list[int] = []
    derived = False
    unread = 0
    for position, values in enumerate(cursor, start=1):
        number = values[-1] if isinstance(values[-1], int) and values[-1] > 0 else position
        row = dict.fromkeys(output, "")
        row.update((name, cell_text(value)) for name, value in zip(header, values[:width]))
        if geometry_column:
            geometry = values[width]
            point = gpkg_point(bytes(geometry)) if isinstance(geometry, (bytes, bytearray, memoryview)) else None
            if point is None and geometry not in (None, b""):
                unread += 1
            elif point is not None and not (row["latitude"] and row["longitude"]):
                row["longitude"], row["latitude"] = format_number(point[0]), format_number(point[1])
                derived = True
        if not any(row.values()):
            blank_rows.append(number)
            continue
        rows.append(row)
        numbers.append(number)
    return rows, numbers, blank_rows, derived, unread


def gpkg_point(blob: bytes) -> tuple[float, float] | None:
    """(x, y) of a GeoPackage geometry blob holding a point (or a one-point MultiPoint), else None."""
    if len(blob) < 8 or blob[:2] != b"GP":
        return wkb_point(blob, 0)
    flags = blob[3]
    if flags & 0x10:  # empty geometry
        return None
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}.get((flags >> 1) & 0x07)
    if envelope is None:
        return None
    return wkb_point(blob, 8 + envelope)


def wkb_point(blob: bytes, offset: int) -> tuple[float, float] | None:
    """(x, y) of a WKB/EWKB Point (or the first point of a MultiPoint) at ``offset``, else None."""
    try:
        order = blob[offset]
        if order not in (0, 1):
            return None
        endian = "<" if order == 1 else ">"
        (geometry_type,) = struct.unpack_from(endian + "I", blob, offset + 1)
        position = offset + 5 + (4 if geometry_type & 0x20000000 else 0)  # EWKB SRID
        base = (geometry_type & 0x0FFFFFFF) % 1000
        if base == 1:
            x, y = struct.unpack_from(endian + "dd", blob, position)
            return (x, y) if math.isfinite(x) and math.isfinite(y) else None
        if base == 4:
            (count,) = struct.unpack_from(endian + "I", blob, position)
            return wkb_point(blob, position + 4) if count >= 1 else None
    except (IndexError, struct.error):
        return None
    return None
