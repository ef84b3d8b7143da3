"""Read a file of lieux into a :class:`~plugin.core.records.Table` (pure Python, no Qt/QGIS).

``read_table(path)`` reads CSV/TSV/TXT, XLSX (first sheet), JSON (array of records, ``{"items": […]}``-like
envelopes, JSON:API ``data``/``attributes``, the Cartographie ``/carto`` shape), GeoJSON and GeoPackage
(standard-library ``sqlite3``: attributes + point geometry decoded from the GPKG header and WKB).

What a reader guarantees:

* every cell is a string in the standard's form (numbers with ``.`` and no spurious ``.0``, ISO dates,
  JSON arrays joined with ``|``); values are *not* corrected: fixing is the validation engine's job;
* all source columns are kept, matched later by name (``Table.rows`` keys are the source names); structure
  anomalies (blank rows, extra/missing cells, duplicate or blank header names, U+FFFD) are recorded in the
  ``Table`` for the engine to report, with row numbers the user can find in the file;
* bad input (missing, directory, empty, binary, truncated, too large, undecodable, unknown format) raises
  :class:`~plugin.core.errors.ReadError` with a translated message — never another exception;
* the input file is only ever opened for reading (GeoPackages through a read-only SQLite URI).

One module per job: :mod:`.detection` (file checks, format detection, read errors), :mod:`.text_decoding`,
:mod:`.csv_reader` (with :mod:`.arrow_csv`, its C fast path), :mod:`.json_reader` (JSON and GeoJSON),
:mod:`.xlsx_reader`, :mod:`.gpkg_reader`; :mod:`.cells` turns typed values into the standard's strings.
The public names are importable from :mod:`plugin.core.readers` itself.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ReadError
from ..i18n import translate
from ..records import Table
from ..records import cell_text as cell_from_value  # the readers' former name of the converter
from .cells import COORDINATE_COLUMNS
from .csv_reader import CSV_DELIMITERS, CSV_FIELD_SIZE_LIMIT, _read_csv, csv_rows, sniff_delimiter
from .detection import (
    CSV_EXTENSIONS,
    GPKG_EXTENSIONS,
    JSON_EXTENSIONS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    MEMORY_PER_TEXT_BYTE,
    SNIFF_BYTES,
    SUPPORTED_EXTENSIONS,
    XLSX_EXTENSIONS,
    _check_file,
    _check_memory,
    _error,
    _read_bytes,
    available_memory_mb,
    detect_format,
    too_many_rows,
)
from .gpkg_reader import _read_gpkg, gpkg_point, gpkg_tables, wkb_point
from .json_reader import (
    CARTO_ADDRESS_KEYS,
    JSON_ENVELOPE_KEYS,
    _read_json,
    carto_item_to_row,
    geojson_point,
    table_from_json,
)
from .text_decoding import EIGHT_BIT_CANDIDATES, decode_text
from .xlsx_reader import MAX_XLSX_UNCOMPRESSED_BYTES, _read_xlsx

__all__ = [
    "CARTO_ADDRESS_KEYS",
    "COORDINATE_COLUMNS",
    "CSV_DELIMITERS",
    "CSV_EXTENSIONS",
    "CSV_FIELD_SIZE_LIMIT",
    "EIGHT_BIT_CANDIDATES",
    "GPKG_EXTENSIONS",
    "JSON_ENVELOPE_KEYS",
    "JSON_EXTENSIONS",
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "MAX_XLSX_UNCOMPRESSED_BYTES",
    "MEMORY_PER_TEXT_BYTE",
    "ReadError",
    "SNIFF_BYTES",
    "SUPPORTED_EXTENSIONS",
    "XLSX_EXTENSIONS",
    "available_memory_mb",
    "carto_item_to_row",
    "cell_from_value",
    "csv_rows",
    "decode_text",
    "detect_format",
    "geojson_point",
    "gpkg_point",
    "gpkg_tables",
    "read_table",
    "sniff_delimiter",
    "table_from_json",
    "wkb_point",
]


def read_table(path: str | Path, *, layer: str | None = None, max_bytes: int = MAX_FILE_BYTES) -> Table:
    """Read a file of lieux. ``layer``: the XLSX sheet or GeoPackage table (default: the first one).

    Raises :class:`ReadError` (and nothing else) when the file cannot be read as a table of lieux.
    """
    source = Path(path)
    try:
        table = _read(source, layer, max_bytes)
    except ReadError as error:
        if error.code == "too-many-rows" and not error.path:  # raised by a parser that does not know the file
            raise too_many_rows(source) from None
        raise
    except MemoryError:
        raise _error(
            "too-large", translate("ReadError", "The file {name} is too large to be read in memory."), source
        ) from None
    except RecursionError:
        raise _error(
            "too-deep", translate("ReadError", "The file {name} is nested too deeply to be read."), source
        ) from None
    except Exception as exc:  # last-resort net: a reader bug must still reach the user as a clear message
        raise _error(
            "unexpected",
            translate("ReadError", "The file {name} could not be read ({detail})."),
            source,
            detail=f"{type(exc).__name__}: {exc}",
        ) from exc
    if table.row_count + len(table.blank_rows or ()) > MAX_ROWS:  # the readers without a check of their own
        raise too_many_rows(source)
    table.path = str(source)
    return table


def _read(source: Path, layer: str | None, max_bytes: int) -> Table:
    size = _check_file(source, max_bytes)
    with open(source, "rb") as handle:
        head = handle.read(SNIFF_BYTES)
    kind = detect_format(source, head)
    if kind == "xlsx":
        return _read_xlsx(source, layer)
    if kind == "gpkg":
        return _read_gpkg(source, layer)
    _check_memory(source, size)
    data = head if size <= len(head) else _read_bytes(source)
    if kind == "json":
        return _read_json(data, source)
    return _read_csv(data, source)
