"""Import a file of lieux into a working GeoPackage, export lieux to a conformant file.

Both are plain functions with progress and cancel callbacks: the GUI runs them in a QgsTask, the
Processing algorithms call them with their feedback, tests call them directly. The source file is
only ever read; every problem reaches the user as a French message (``.message``), never a traceback.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from ..core.coordinates import points_of_columns
from ..core.i18n import translate
from ..core.records import ColumnarRecords, Record
from ..core.schema import Schema, load_schema
from ..core.summaries import ExportSummary, ImportSummary, summarize_export, summarize_import
from .working_layer import (
    OVERFLOW_COLUMN,
    WORKING_TABLE,
    CancelCheck,
    ImportCanceledError,
    ProgressCallback,
    SideTable,
    WorkingLayerError,
    _read_geopackage,
    create_working_geopackage,
    is_working_geopackage,
    read_side_table,
    side_table_names,
)

INPUT_EXTENSIONS = (".csv", ".tsv", ".txt", ".xlsx", ".json", ".geojson", ".gpkg")
EXPORT_FORMATS = {".csv": "csv", ".json": "json", ".geojson": "geojson"}  # offered in the dialogs


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


class _Background:
    """Run ``work`` in a thread now; ``result()`` waits for it and re-raises its error."""

    def __init__(self, work):
        import threading

        self._value = None
        self._error: BaseException | None = None

        def target():
            try:
                self._value = work()
            except BaseException as error:  # handed to result()
                self._error = error

        self._thread = threading.Thread(target=target, name="lieux-validation", daemon=True)
        self._thread.start()

    def result(self):
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value


def _carry_side_table(current: SideTable, previous: SideTable, row_numbers) -> SideTable:
    """``current`` plus the columns of a working GeoPackage's side table, matched by fid (its row numbers)."""
    if not previous.columns:
        return current
    by_fid = dict(zip(previous.fids, previous.rows))
    numbers = list(row_numbers or range(1, len(current.rows) + 1))
    rows = [{**row, **by_fid.get(number, {})} for row, number in zip(current.rows, numbers)]
    columns = current.columns + [c for c in previous.columns if c not in current.columns]
    return SideTable(columns=columns, rows=rows)


def side_table_of(table, schema: Schema, ignore_header_case: bool = False) -> SideTable:
    """The side table of a read table: its non-schema columns (and overflow cells), one row per record."""
    columns = list(table.extra_columns(schema, ignore_header_case))
    if columns:  # column by column: a reader's columnar table is not turned into records
        rows = [dict(zip(columns, values)) for values in zip(*(table.column(column) for column in columns))]
    else:
        rows = [{} for _ in range(table.row_count)]
    overflow = getattr(table, "extra_cells", None) or {}
    if overflow:  # cells beyond the header (malformed CSV rows): kept, one JSON list per row
        import json

        numbers = list(getattr(table, "row_numbers", None) or range(1, len(rows) + 1))
        columns.append(OVERFLOW_COLUMN)
        for number, row in zip(numbers, rows):
            cells = overflow.get(number)
            row[OVERFLOW_COLUMN] = json.dumps(cells, ensure_ascii=False) if cells else ""
    return SideTable(columns=columns, stored=side_table_names(columns), rows=rows)


def _geopackage_output(source: Path, output: str | os.PathLike) -> Path:
    output = Path(output)
    if output.suffix.lower() != ".gpkg":
        raise WorkingLayerError(
            translate("ImportExport", "The working layer must be a GeoPackage file (.gpkg): {path}").format(path=output)
        )
    if _same_file(source, output) or source.resolve() == output.resolve():
        raise WorkingLayerError(
            translate("ImportExport", "The working GeoPackage cannot replace the source file {path}.").format(
                path=source
            )
        )
    return output


def import_lieux(
    source: str | os.PathLike,
    output: str | os.PathLike,
    progress: ProgressCallback | None = None,
    is_canceled: CancelCheck | None = None,
    schema: Schema | None = None,
    validate: bool = True,
    ignore_header_case: bool = False,
    mapping=None,
    source_name: str = "",
    geocode=None,
    geocode_cache: str | os.PathLike | None = None,
    replace: bool = False,
) -> ImportSummary:
    """Read ``source`` (CSV, XLSX, JSON, GeoJSON, GeoPackage) into a new working GeoPackage ``output``,
    or into a team database (``output`` a :class:`~.team_database.TeamDatabase`; ``replace``: its lieux
    are replaced, else it must hold none).

    ``mapping`` (a :class:`~plugin.core.mapping.Profile` or the path of one): the file is a Hub's own export,
    mapped to the standard first (:func:`~plugin.core.mapping.convert_table`, ``source_name`` for the ids); the
    lieux without coordinates are then placed (``geocode``: the BAN's batch ``send_csv``, or None for the
    commune centroids alone; ``geocode_cache``: the JSON file of the BAN's answers kept between imports) and every
    changed value is listed in the summary's notes.

    Every lieu is kept (without a valid point: NULL geometry), every source column that is not a
    field of the standard goes to the side table, the form and style are stored with the layer.
    Columns are matched to fields as the validation engine matches them (``Table.header_match``;
    ``ignore_header_case``: as ``ValidationOptions.ignore_header_case``).
    ``validate=False`` leaves the validation counts to :func:`validate_import` (the GUI shows the
    layer first, then the counts); the summary then keeps the records for it.
    """
    from ..core.readers import read_table

    schema = schema or load_schema()
    team = output if hasattr(output, "write_records") else None
    source = Path(source)
    if team is None:
        output = _geopackage_output(source, output)

    def step(start: float, span: float) -> ProgressCallback:
        return lambda value: progress(start + span * value / 100.0) if progress else None

    def check_cancel() -> None:
        if is_canceled and is_canceled():
            raise ImportCanceledError()

    mapping_notes: list[str] = []
    if mapping is not None:
        table, mapping_notes = _mapped_table(source, mapping, schema, source_name, geocode, is_canceled, geocode_cache)
    else:
        table = read_table(source)
    check_cancel()
    if progress:
        progress(25.0)
    keys = table.field_keys(schema, ignore_header_case)
    points = None
    if table.column_data is not None:  # a reader's columns: kept as columns (no record dicts are built)
        blank = [""] * table.row_count
        records = ColumnarRecords(
            {name: table.column(keys[name]) if name in keys else blank for name in schema.field_names},
            table.row_count,
        )
        points = points_of_columns(records.column("latitude"), records.column("longitude"))
    elif all(keys.get(name) == name for name in schema.field_names):
        records = table.rows  # they already hold every field of the standard (extra keys are ignored downstream)
    else:
        records = table.schema_records(schema, ignore_header_case)
    side_table = side_table_of(table, schema, ignore_header_case)
    if is_working_geopackage(source):  # re-import of a working GeoPackage: its kept-aside columns come along
        side_table = _carry_side_table(side_table, read_side_table(source), getattr(table, "row_numbers", None))
    metadata = {"SOURCE": str(source), "SOURCE_FORMAT": getattr(table, "source_format", "") or ""}
    # validation (for the summary) runs beside the GeoPackage writing: SQLite works without the GIL
    if validate:
        options = import_options()  # the settings read here, the lieux validated in the thread
        validation = _Background(lambda: import_issues(records, schema, options))
    else:
        validation = None
    if team is not None:
        team.write_records(records, side_table, metadata, schema, progress=step(25.0, 70.0),
                           is_canceled=is_canceled, points=points, replace=replace)
    else:
        create_working_geopackage(
            output, records, side_table, metadata, schema, progress=step(25.0, 70.0), is_canceled=is_canceled,
            points=points,
        )
    report = validation.result() if validation is not None else None
    if progress:
        progress(100.0)
    notes = list(getattr(table, "notes", []) or [])
    blank_rows = getattr(table, "blank_rows", []) or []
    if blank_rows:
        notes.append(
            translate("ImportExport", "Blank rows of the source skipped: {n}").format(n=len(blank_rows))
        )
    notes.extend(mapping_notes)
    summary = summarize_import(str(source), records, side_table.columns, report, notes, points=points)
    summary.output = team.display_name() if team is not None else str(output)
    if not validate:
        summary.validated = False
        summary.records = records
    return summary


def _mapped_table(source: Path, mapping, schema: Schema, source_name: str, geocode, is_canceled, cache_path=None):
    """The table of a Hub's file through a mapping profile, and the summary's lines of what the mapping did."""
    from ..core.mapping import Profile, convert_table, load_profile, read_source
    from ..core.mapping.geocoding import GeocodingCache, place_lieux

    profile = mapping if isinstance(mapping, Profile) else load_profile(mapping, schema)
    read = read_source(source)
    name = source_name or str(profile.extras.get("source") or "")
    result = convert_table(read, profile, schema, source_name=name)
    cache = GeocodingCache.load(cache_path) if geocode is not None and cache_path else None
    place_lieux(result, geocode, cache, is_canceled=is_canceled)
    notes = list(getattr(read, "notes", []) or []) + list(result.notes)
    changes = result.summary_lines()
    if changes:
        name = profile.name or translate("ImportExport", "proposed mapping")
        notes.append(translate("ImportExport", "Values changed by the mapping ({profile}):").format(profile=name))
        notes.extend("  " + line for line in changes)
    table = result.table(schema)
    table.path = str(source)
    return table, notes


def import_options():
    """The validation options of the dock: every rule, duplicates with the thresholds of the plugin settings."""
    from ..core.validation.issue_set import issue_options
    from .live_validation import duplicate_settings

    return issue_options(duplicates=duplicate_settings())


def import_issues(records, schema: Schema | None = None, options=None):
    """The issue set of imported lieux (:func:`~..core.validation.issue_set.issue_set`, duplicates included), as
    the validation dock finds it on the working layer."""
    from ..core.validation.issue_set import issue_set

    return issue_set(records, schema or load_schema(), options or import_options())


def validate_import(summary: ImportSummary, schema: Schema | None = None) -> ImportSummary:
    """Complete the validation counts of a summary made by ``import_lieux(..., validate=False)``."""
    from ..core.summaries import set_validation_counts

    if summary.validated:
        return summary
    set_validation_counts(summary, import_issues(summary.records, schema))
    summary.validated = True
    summary.records = []
    return summary


def export_format(path: str | os.PathLike) -> str:
    """csv, json or geojson from the extension of ``path`` (the writer's own table)."""
    from ..core.writers import FORMATS_BY_EXTENSION

    fmt = FORMATS_BY_EXTENSION.get(Path(path).suffix.lower())
    if fmt is None:
        raise WorkingLayerError(
            translate(
                "ImportExport", "Unknown export format “{ext}”: name the file .csv, .json or .geojson."
            ).format(ext=Path(path).suffix or Path(path).name)
        )
    return fmt


def records_of_file(
    path: str | os.PathLike, schema: Schema | None = None, ignore_header_case: bool = False,
    source_columns: bool = False,
) -> Sequence[Record]:
    """The records of a file of lieux (any readable format, a working GeoPackage included): every lieu of a
    GeoPackage, even one whose fields are all empty (only a file's blank rows are not lieux).

    ``source_columns``: each record also holds the columns that are not fields of the standard (a working
    GeoPackage's kept-aside ``colonnes_source``, a file's other columns), after the fields."""
    from ..core.readers import read_table

    schema = schema or load_schema()
    path = Path(path)
    if is_working_geopackage(path):
        return _read_geopackage(str(path), WORKING_TABLE, schema, source_columns=source_columns)
    table = read_table(path)
    if source_columns:
        records = table.records_with_extra(schema, ignore_header_case)
    else:
        records = table.schema_records(schema, ignore_header_case)
    if table.source_format == "gpkg" and table.blank_rows:  # features without any value are lieux too
        keys = list(records[0]) if records else list(schema.field_names)
        blank = dict.fromkeys(keys, "")
        numbered = list(zip(table.row_numbers, records)) + [(n, dict(blank)) for n in table.blank_rows]
        records = [record for _, record in sorted(numbered, key=lambda item: item[0])]
    return records


def export_records(
    records: Sequence[Record],
    output: str | os.PathLike,
    source: str = "",
    source_path: str | os.PathLike | None = None,
    schema: Schema | None = None,
    is_canceled: CancelCheck | None = None,
    source_columns: bool = False,
    defuse_formulas: bool = False,
) -> ExportSummary:
    """Write ``records`` as a conformant file (format from the extension: CSV, JSON, GeoJSON) and
    report the validation of what was written. ``source_path`` (the file read) is never overwritten.

    Every lieu is written, or nothing: a lieu with no value in any written column is refused by the writer
    (with the count), since a file cannot hold it (it would be read back as a blank row). ``source_columns``:
    the keys of the records that are not fields of the standard are written too, after the fields.
    ``defuse_formulas`` (CSV): cells that a spreadsheet would run as formulas are written as text (``'=…``)."""
    from ..core.validation import validate_records
    from ..core.writers import write_records

    schema = schema or load_schema()
    output = Path(output)
    fmt = export_format(output)
    if not isinstance(records, Sequence):  # ColumnarRecords (a working layer read back) stays columnar
        records = list(records)
    if is_canceled and is_canceled():
        raise WorkingLayerError(translate("ImportExport", "Export canceled."))
    extra = extra_keys(records, schema) if source_columns else []
    # the validation (for the summary) runs beside the writing, whose flush to disk works without the GIL
    validation = _Background(lambda: validate_records(records, schema))
    try:
        write_records(output, records, schema=schema, fmt=fmt, extra=extra, source_path=source_path,
                      defuse_formulas=defuse_formulas)
    finally:
        report = validation.result()
    return summarize_export(str(output), fmt, records, report, source=source or str(source_path or ""))


def extra_keys(records: Sequence[Record], schema: Schema) -> list[str]:
    """The keys of the records that are not fields of the standard, in order of first appearance."""
    data = records.column_data() if isinstance(records, ColumnarRecords) else None
    keys = list(data) if data is not None else list(dict.fromkeys(key for record in records for key in record))
    return [key for key in keys if key not in schema]
