"""XLSX/XLSM workbooks: one sheet, the first by default. Pure Python.

Read by python-calamine (Rust: ~15× faster) when it is installed, else by openpyxl (read-only); both give the
same cells (tested: text, numbers, dates, times, booleans, empty cells). calamine reads a cell holding an error
(``#N/A``, ``#REF!``…) as empty while openpyxl keeps its text: a sheet with error cells is read by openpyxl.
"""

from __future__ import annotations

import math
import re
import warnings
import zipfile
import zlib
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import ReadError
from ..i18n import translate
from ..records import ColumnarRecords, Table, cell_text, column_keys
from .cells import _find_lossy_cells
from .detection import _corrupt, _error

MAX_XLSX_UNCOMPRESSED_BYTES = 512 << 20  # zip-bomb guard for workbooks (declared, then counted while reading)


def _read_xlsx(source: Path, sheet: str | None) -> Table:
    try:
        with zipfile.ZipFile(source) as archive:
            names = set(archive.namelist())
            uncompressed = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:  # (a flipped version byte)
        raise _corrupt_xlsx(source, exc) from None
    if "xl/workbook.xml" not in names:
        if "content.xml" in names:
            raise _error(
                "unsupported-format",
                translate(
                    "ReadError",
                    "{name} is an OpenDocument spreadsheet (.ods), which is not read: save it as XLSX or CSV."
                ),
                source,
            )
        raise _corrupt_xlsx(source, "xl/workbook.xml missing")
    if uncompressed > MAX_XLSX_UNCOMPRESSED_BYTES:
        raise _error(
            "too-large",
            translate("ReadError", "The file {name} is too large ({size} MB); the limit is {limit} MB."),
            source,
            size=math.ceil(uncompressed / 1e6),
            limit=MAX_XLSX_UNCOMPRESSED_BYTES // 1_000_000,
        )
    calamine = _calamine()
    scan = _scan_sheets(source)
    if scan.inflated > MAX_XLSX_UNCOMPRESSED_BYTES:  # the zip declared less than it holds
        raise _error(
            "too-large",
            translate("ReadError", "The file {name} is too large ({size} MB); the limit is {limit} MB."),
            source,
            size=math.ceil(scan.inflated / 1e6),
            limit=MAX_XLSX_UNCOMPRESSED_BYTES // 1_000_000,
        )
    if scan.far_cells:  # calamine builds the whole rectangle up to the farthest cell (XFD1048576: aborts)
        calamine = None
    if calamine is not None and not scan.error_cells:
        try:
            table = _read_with_calamine(calamine, source, sheet)
        except ReadError:
            raise
        except Exception as exc:  # a damaged zip, or calamine's own types (CalamineError, XmlError, ZipError…)
            raise _corrupt_xlsx(source, exc) from None
        if table is not None:
            return table
    import openpyxl  # imported lazily: only XLSX needs it

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            workbook = openpyxl.load_workbook(source, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many types (KeyError, XML errors…) on damaged files
            raise _corrupt_xlsx(source, exc) from None
        try:
            return _table_from_workbook(workbook, sheet, source)
        except ReadError:
            raise
        except Exception as exc:
            raise _corrupt_xlsx(source, exc) from None
        finally:
            workbook.close()


def _corrupt_xlsx(source: Path, exc: Any) -> ReadError:
    return _corrupt(source, exc, "XLSX")


def _calamine():
    """The python_calamine module, or None when it is not installed (openpyxl then reads every workbook)."""
    try:
        import python_calamine
    except ImportError:
        return None
    return python_calamine


_ERROR_CELL = b' t="e"'  # how SpreadsheetML marks a cell holding an error value


# a cell beyond column ZZ or row 99,999: a grid read whole (calamine) would not fit in memory
_FAR_CELL = re.compile(rb' r="(?:[A-Z]{3,}[0-9]|[A-Z]{0,2}[0-9]{6,})')


class _SheetScan(NamedTuple):
    error_cells: bool
    far_cells: bool
    inflated: int


def _scan_sheets(source: Path) -> _SheetScan:
    """One streamed pass over the worksheets' XML (never held whole): error cells, far cells, real size.

    The size is counted as the XML inflates, up to just past the limit: a zip that declares less than it holds
    is caught too.
    """
    error_cells = far_cells = False
    inflated = 0
    try:
        with zipfile.ZipFile(source) as archive:
            for name in archive.namelist():
                if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                    continue
                with archive.open(name) as member:
                    tail = b""
                    while inflated <= MAX_XLSX_UNCOMPRESSED_BYTES:
                        chunk = member.read(1 << 20)
                        if not chunk:
                            break
                        inflated += len(chunk)
                        joined = tail + chunk
                        error_cells = error_cells or _ERROR_CELL in joined
                        far_cells = far_cells or _FAR_CELL.search(joined) is not None
                        tail = chunk[-16:]
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError, zlib.error):
        pass  # the readers below report the damage
    return _SheetScan(error_cells, far_cells, inflated)


def _has_error_cells(source: Path) -> bool:
    """Whether a worksheet of the workbook holds an error cell (its XML streamed, never held whole)."""
    return _scan_sheets(source).error_cells


def _read_with_calamine(calamine, source: Path, sheet: str | None) -> Table | None:
    """The table read by calamine (a workbook without error cells nor far cells: :func:`_scan_sheets`)."""
    workbook = calamine.CalamineWorkbook.from_path(str(source))
    try:
        names = [meta.name for meta in workbook.sheets_metadata if meta.typ == calamine.SheetTypeEnum.WorkSheet]
        title = _chosen_sheet(names, sheet, source)
        # from cell A1 (skip_empty_area=False): row numbers count the rows above the header, as openpyxl's
        grid = workbook.get_sheet_by_name(title).to_python(skip_empty_area=False)
    finally:
        workbook.close()
    return _table_from_grid(grid, title, source)


def _chosen_sheet(names: list[str], sheet: str | None, source: Path) -> str:
    if not names:
        raise _error("no-sheet", translate("ReadError", "The workbook {name} has no worksheet."), source)
    if sheet is None:
        return names[0]
    if sheet not in names:
        raise _error(
            "unknown-layer",
            translate("ReadError", "The workbook {name} has no sheet named {layer}; sheets: {available}."),
            source,
            layer=sheet,
            available=", ".join(names),
        )
    return sheet


def _table_from_workbook(workbook: Any, sheet: str | None, source: Path) -> Table:
    sheets = {ws.title: ws for ws in workbook.worksheets}
    worksheet = sheets[_chosen_sheet(list(sheets), sheet, source)]
    worksheet.reset_dimensions()  # never trust (or pre-scan for) the declared dimension: read what is there
    return _table_from_rows(worksheet.iter_rows(values_only=True), worksheet.title, source)


def _texts(values) -> list[str]:
    """A row's cells as the standard's strings (text as it is: most cells), trailing empty cells dropped."""
    return _trim([value if value.__class__ is str else cell_text(value) for value in values])


_STR_ONLY = frozenset((str,))


def _table_from_grid(grid: list[list], title: str, source: Path) -> Table:
    """:func:`_table_from_rows` for calamine's grid (every row as wide as the sheet, ``""`` for an empty cell),
    column by column at C speed: the same table (tested)."""
    total = len(grid[0]) if grid else 0
    start = next((index for index, row in enumerate(grid) if row.count("") != total), None)
    if start is None:
        raise _error("empty", translate("ReadError", "The file {name} is empty."), source)
    header = _texts(grid[start])
    keys, duplicates, blank_headers = column_keys(header)
    width = len(keys)
    kept: list[list] = []
    numbers: list[int] = []
    blanks: list[int] = []
    for number, row in enumerate(grid[start + 1 :], start=1):
        if row.count("") == total:
            blanks.append(number)
        else:
            kept.append(row)
            numbers.append(number)
    del grid
    extra: dict[int, list[str]] = {}
    if total > width:  # cells beyond the header's last name
        for number, row in zip(numbers, kept):
            beyond = row[width:]
            if beyond.count("") != len(beyond):
                extra[number] = _texts(beyond)
    columns = []
    for column in zip(*kept) if kept else [() for _ in range(width)]:
        if len(columns) == width:
            break
        columns.append(_column_texts(column))
    del kept
    return _new_table(header, keys, duplicates, blank_headers, columns, numbers, blanks, extra, title)


_NUMBERS = frozenset((str, float))


def _column_texts(column) -> list[str]:
    """A column's cells as the standard's strings: :func:`~..records.cell_text` of each, with the two common
    columns converted in bulk: text only (as it is) and text with plain floats (their ``repr``, ``.0`` dropped)."""
    types = set(map(type, column))
    if types <= _STR_ONLY:
        return list(column)
    if types <= _NUMBERS:
        texts = [value if value.__class__ is str else repr(value) for value in column]
        for index in [i for i, (value, text) in enumerate(zip(column, texts))
                      if value.__class__ is float and not _PLAIN_FLOAT(text)]:
            texts[index] = cell_text(column[index])
        return texts
    return [value if value.__class__ is str else cell_text(value) for value in column]


# a float whose repr is its text in the standard: digits with a fractional part that is not ".0" (no exponent,
# no inf/nan, no "-0.0"); the others (integers, "1e-07"…) go through cell_text
_PLAIN_FLOAT = re.compile(r"-?\d+\.\d*[1-9]\d*").fullmatch


def _table_from_rows(iterator, title: str, source: Path) -> Table:
    """The table of a sheet's rows (sequences of typed cell values, from the first row of the sheet)."""
    header: list[str] = []
    for values in iterator:
        header = _texts(values)
        if header:
            break
    if not header:
        raise _error("empty", translate("ReadError", "The file {name} is empty."), source)
    keys, duplicates, blank_headers = column_keys(header)
    width = len(keys)
    rows: list[list[str]] = []
    numbers: list[int] = []
    blanks: list[int] = []
    extra: dict[int, list[str]] = {}
    pad = [""] * width
    for number, values in enumerate(iterator, start=1):
        cells = _texts(values)
        if not cells:
            blanks.append(number)
            continue
        if len(cells) > width:
            extra[number] = cells[width:]
            cells = cells[:width]
        elif len(cells) < width:
            cells += pad[len(cells):]
        rows.append(cells)
        numbers.append(number)
    # the cells as columns (transposed at C speed): the engine and the import read them without record dicts
    columns = [list(column) for column in zip(*rows)] if rows else [[] for _ in keys]
    del rows
    return _new_table(header, keys, duplicates, blank_headers, columns, numbers, blanks, extra, title)


def _new_table(header, keys, duplicates, blank_headers, columns, numbers, blanks, extra, title) -> Table:
    last = numbers[-1] if numbers else 0
    columns = columns or [[] for _ in keys]
    table = Table(
        header=header,
        rows=ColumnarRecords(dict(zip(keys, columns)), len(numbers)),
        source_format="xlsx",
        blank_rows=[n for n in blanks if n < last],  # trailing empty rows are invisible formatting, not data
        extra_cells=extra,
        row_numbers=numbers,
        columns=keys,
        duplicate_headers=duplicates,
        blank_headers=blank_headers,
        layer=title,
    )
    if any("\ufffd" in h for h in header) or any("\ufffd" in "\n".join(column) for column in columns):
        _find_lossy_cells(table)
    return table


def _trim(cells: list[str]) -> list[str]:
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return cells[:end]
