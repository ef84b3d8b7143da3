"""Write records as conformant files: CSV, JSON or GeoJSON (pure Python, no Qt/QGIS).

* CSV — the schema's header in schema order (then the ``extra`` columns asked for), UTF-8 without BOM,
  ``,`` delimiter, RFC 4180 quoting (only where needed) and line endings, list values joined with ``|``.
* JSON — an array of records (objects of strings, lists as ``a|b`` strings), one record per line.
* GeoJSON — a FeatureCollection; a Point from ``longitude``/``latitude`` when both are valid WGS 84 numbers,
  a null geometry otherwise; every column is also kept in the properties (nothing lost).

Values are written as they are: the writer never corrects data (the validation engine's fixes do).
Writes are atomic (temporary file in the same folder, then rename) so a failure never leaves a half-written
file, and the file the records were read from is never overwritten unless explicitly allowed.
"""

from __future__ import annotations

import csv
import json
import math
import operator
import os
import tempfile
from itertools import compress, repeat
from pathlib import Path
from typing import IO, Any, Iterable, Mapping, Sequence

from .csv_safety import defuse_row
from .errors import WriteError
from .i18n import translate
from .records import ColumnarRecords, Table, cell_text
from .schema import Schema, load_schema

FORMATS_BY_EXTENSION = {".csv": "csv", ".txt": "csv", ".json": "json", ".geojson": "geojson"}
FORMATS = ("csv", "json", "geojson")


def write_records(
    path: str | Path,
    records: Iterable[Mapping[str, Any]],
    schema: Schema | None = None,
    fmt: str | None = None,
    extra: Sequence[str] | None = None,
    *,
    source_path: str | Path | None = None,
    overwrite_source: bool = False,
    defuse_formulas: bool = False,
) -> Path:
    """Write ``records`` to ``path`` as ``fmt`` (default: from the extension) and return the path.

    Columns: the schema fields in schema order, then the ``extra`` column names (non-schema columns to keep,
    e.g. ``Table.extra_columns(schema)``). ``source_path``: the file the records came from, which is not
    overwritten unless ``overwrite_source`` is true. ``defuse_formulas`` (CSV only, on request: a file to open in
    a spreadsheet rather than a conformant one): every cell through :func:`~.csv_safety.defuse_cell`.
    Raises :class:`WriteError` with a translated message.
    """
    schema = schema or load_schema()
    target = Path(path)
    kind = _format(target, fmt)
    if source_path is not None and not overwrite_source and _same_file(target, Path(source_path)):
        raise _error(
            "overwrite-source",
            translate(
                "WriteError", "Refusing to overwrite the source file {name}: choose another file name for the export."
            ),
            target,
        )
    columns = list(schema.field_names) + [name for name in dict.fromkeys(extra or ()) if name not in schema]
    writer = {"csv": _write_csv, "json": _write_json, "geojson": _write_geojson}[kind]
    if defuse_formulas and kind == "csv":
        writer = _write_defused_csv
    if isinstance(records, Sequence):  # checked before anything is written
        _refuse_empty(empty_positions(records, columns), len(records), target)
        _atomic_write(target, lambda handle: writer(handle, records, columns))
        return target
    empty: list[int] = []
    counted = [0]

    def write_checked(handle: IO[str]) -> None:  # a stream of records: checked as it is written
        writer(handle, _noting_empty(records, columns, empty, counted), columns)
        _refuse_empty(empty, counted[0], target)  # the temporary file is removed, the target left as it was

    _atomic_write(target, write_checked)
    return target


def _noting_empty(records: Iterable[Mapping[str, Any]], columns: Sequence[str], empty: list[int], counted: list[int]):
    for position, record in enumerate(records, start=1):
        counted[0] = position
        if not any(map(record.get, columns)) and all(v is None or v == "" for v in map(record.get, columns)):
            empty.append(position)
        yield record


def _refuse_empty(empty: Sequence[int], total: int, target: Path) -> None:
    """Every lieu is written, or nothing: a lieu without any value would be read back as a blank row (lost)."""
    if not empty:
        return
    shown = ", ".join(str(position) for position in empty[:10]) + (" …" if len(empty) > 10 else "")
    raise WriteError(
        translate(
            "WriteError",
            "Nothing was written to « {name} »: {count} of the {total} lieux have no value in any column written "
            "(lieux n° {positions}). A file cannot hold them: they would be read back as blank rows, i.e. lost. "
            "Fill them in or delete them; if their data is in columns that are not fields of the standard "
            "(kept aside at the import), export those source columns too."
        ).format(name=target.name, count=len(empty), total=total, positions=shown),
        "empty-lieux",
        path=target,
    )


def write_table(
    path: str | Path, table: Table, schema: Schema | None = None, fmt: str | None = None, **options: Any
) -> Path:
    """Write everything a :class:`Table` holds: schema fields, then its extra columns (source file protected)."""
    schema = schema or load_schema()
    options.setdefault("source_path", table.path)
    return write_records(path, table.rows, schema, fmt, extra=table.extra_columns(schema), **options)


def empty_positions(records: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> list[int]:
    """1-based positions of the records that have no value in any of ``columns`` (None or "" everywhere)."""
    data = records.column_data() if isinstance(records, ColumnarRecords) else None
    if data is not None:  # columns of strings: a row is empty when none of its cells is truthy
        cells = [records.column(name) for name in columns]
        return [position for position, row in enumerate(zip(*cells), start=1) if not any(row)]
    empty = []
    for position, record in enumerate(records, start=1):
        if any(map(record.get, columns)):
            continue
        if all(value is None or value == "" for value in map(record.get, columns)):  # 0 and False are values
            empty.append(position)
    return empty


def _format(target: Path, fmt: str | None) -> str:
    kind = (fmt or FORMATS_BY_EXTENSION.get(target.suffix.lower(), "")).lower().lstrip(".")
    if kind not in FORMATS:
        raise _error(
            "unknown-format",
            translate("WriteError", "Cannot export to {name}: choose a .csv, .json or .geojson file."),
            target,
        )
    return kind


def _error(code: str, text: str, target: Path, *, detail: str = "") -> WriteError:
    message = text.format(name=f"« {target.name} »", folder=f"« {target.parent} »", detail=detail)
    return WriteError(message, code, detail=detail, path=target)


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _atomic_write(target: Path, write: Any) -> None:
    """Write through a temporary file in the target's folder, then rename it over the target."""
    folder = target.parent
    if not folder.is_dir():
        raise _error(
            "no-folder", translate("WriteError", "Cannot write {name}: the folder {folder} does not exist."), target
        )
    if target.is_dir():
        raise _error("is-directory", translate("WriteError", "Cannot write {name}: it is a folder."), target)
    temporary = None
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, _file_mode(target))
        os.replace(temporary, target)
        temporary = None
    except PermissionError as exc:
        raise _error(
            "permission",
            translate("WriteError", "Cannot write {name}: permission denied (is the file open in another program?)."),
            target,
            detail=str(exc),
        ) from None
    except OSError as exc:
        raise _error(
            "unwritable",
            translate("WriteError", "Cannot write {name} ({detail})."),
            target,
            detail=exc.strerror or str(exc),
        ) from None
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass


def _file_mode(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 & ~umask (mkstemp gives 0600)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _cells(record: Mapping[str, Any], columns: Sequence[str]) -> list[str]:
    values = list(map(record.get, columns))
    try:
        "".join(values)  # fast path: every value is already a string (a TypeError otherwise)
    except TypeError:
        values = [value if isinstance(value, str) else cell_text(value) for value in values]
    return values


def _write_csv(handle: IO[str], records: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> None:
    writer = csv.writer(handle, delimiter=",", quotechar='"', quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(columns)
    data = records.column_data() if isinstance(records, ColumnarRecords) else None
    if data is not None:  # records held as columns (strings): written column-wise, see _write_csv_columns
        _write_csv_columns(handle, [records.column(name) for name in columns])
        return
    writer.writerows(_cells(record, columns) for record in records)


def _write_defused_csv(handle: IO[str], records: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> None:
    writer = csv.writer(handle, delimiter=",", quotechar='"', quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(defuse_row(columns))
    writer.writerows(defuse_row(_cells(record, columns)) for record in records)


_CSV_SPECIAL = (",", '"', "\r", "\n")  # what makes csv.writer (QUOTE_MINIMAL, "\r\n" lines) quote a cell
_CSV_ROWS = 4096


def _write_csv_columns(handle: IO[str], columns: Sequence[list[str]]) -> None:
    """The data rows of columns of strings, byte for byte as ``csv.writer`` writes them, at C speed.

    A column whose cells hold no delimiter, quote or line break (most of them: decided with four scans of the
    column joined) is written as is; the others get their cells quoted one by one, as csv.writer quotes
    them. Rows are then joined by chunks. (csv.writer's one exception, a row made of a single empty cell
    written ``""``, cannot occur: a row has at least two columns, else csv.writer is used.)
    """
    if len(columns) < 2:
        csv.writer(handle, lineterminator="\r\n").writerows(zip(*columns))
        return
    cells = []
    for column in columns:
        joined = "\x00".join(column)
        found = [special for special in _CSV_SPECIAL if special in joined]
        if found:  # quote the cells holding a special character (found at C speed), keep the others
            column = list(column)
            flagged: set[int] = set()
            for special in found:
                flagged.update(compress(range(len(column)), map(operator.contains, column, repeat(special))))
            for index in flagged:
                column[index] = '"' + column[index].replace('"', '""') + '"'
        cells.append(column)
    count = len(cells[0])
    for start in range(0, count, _CSV_ROWS):
        rows = zip(*(column[start : start + _CSV_ROWS] for column in cells))
        handle.write("\r\n".join(map(",".join, rows)) + "\r\n")


_ENCODER = json.JSONEncoder(ensure_ascii=False)
_BATCH = 1000


def _write_lines(handle: IO[str], opening: str, lines: Iterable[str], closing: str) -> None:
    """``opening``, the lines joined with ``,\\n`` (written by batches), ``closing``."""
    handle.write(opening)
    batch: list[str] = []
    first = True
    for line in lines:
        batch.append(line)
        if len(batch) == _BATCH:
            handle.write(("\n" if first else ",\n") + ",\n".join(batch))
            batch, first = [], False
    if batch:
        handle.write(("\n" if first else ",\n") + ",\n".join(batch))
    handle.write(closing)


def _write_json(handle: IO[str], records: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> None:
    lines = (_ENCODER.encode(dict(zip(columns, _cells(record, columns)))) for record in records)
    _write_lines(handle, "[", lines, "\n]\n")


def point_geometry(record: Mapping[str, Any]) -> dict[str, Any] | None:
    """A GeoJSON Point from the record's longitude/latitude when both are valid WGS 84 numbers, else None."""
    try:
        longitude = float(str(record.get("longitude", "")).strip())
        latitude = float(str(record.get("latitude", "")).strip())
    except ValueError:
        return None
    if not (math.isfinite(longitude) and math.isfinite(latitude)):
        return None
    if not (-180 <= longitude <= 180 and -90 <= latitude <= 90):
        return None
    return {"type": "Point", "coordinates": [longitude, latitude]}


def _feature(properties: dict[str, str]) -> str:
    return _ENCODER.encode({"type": "Feature", "geometry": point_geometry(properties), "properties": properties})


def _write_geojson(handle: IO[str], records: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> None:
    lines = (_feature(dict(zip(columns, _cells(record, columns)))) for record in records)
    _write_lines(handle, '{"type": "FeatureCollection", "features": [', lines, "\n]}\n")
