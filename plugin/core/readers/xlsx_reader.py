"""XLSX/XLSM workbooks (openpyxl, read-only): one sheet, the first by default. Pure Python."""

from __future__ import annotations

import math
import warnings
import zipfile
from pathlib import Path
from typing import Any

from ..errors import ReadError
from ..i18n import translate
from ..records import Table, cell_text, column_keys
from .cells import _find_lossy_cells
from .detection import _corrupt, _error

MAX_XLSX_UNCOMPRESSED_BYTES = 4 << 30  # zip-bomb guard for workbooks


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


def _table_from_workbook(workbook: Any, sheet: str | None, source: Path) -> Table:
    sheets = workbook.worksheets
    if not sheets:
        raise _error("no-sheet", translate("ReadError", "The workbook {name} has no worksheet."), source)
    if sheet is not None:
        matching = [ws for ws in sheets if ws.title == sheet]
        if not matching:
            raise _error(
                "unknown-layer",
                translate("ReadError", "The workbook {name} has no sheet named {layer}; sheets: {available}."),
                source,
                layer=sheet,
                available=", ".join(ws.title for ws in sheets),
            )
        worksheet = matching[0]
    else:
        worksheet = sheets[0]
    worksheet.reset_dimensions()  # never trust (or pre-scan for) the declared dimension: read what is there
    iterator = worksheet.iter_rows(values_only=True)
    header: list[str] = []
    for values in iterator:
        header = _trim([cell_text(value) for value in values])
        if header:
            break
    if not header:
        raise _error("empty", translate("ReadError", "The file {name} is empty."), source)
    keys, duplicates, blank_headers = column_keys(header)
    width = len(keys)
    rows: list[dict[str, str]] = []
    numbers: list[int] = []
    blanks: list[int] = []
    extra: dict[int, list[str]] = {}
    for number, values in enumerate(iterator, start=1):
        cells = _trim([cell_text(value) for value in values])
        if not cells:
            blanks.append(number)
            continue
        if len(cells) > width:
            extra[number] = cells[width:]
            cells = cells[:width]
        rows.append(dict(zip(keys, cells + [""] * (width - len(cells)))))
        numbers.append(number)
    last = numbers[-1] if numbers else 0
    table = Table(
        header=header,
        rows=rows,
        source_format="xlsx",
        blank_rows=[n for n in blanks if n < last],  # trailing empty rows are invisible formatting, not data
        extra_cells=extra,
        row_numbers=numbers,
        columns=keys,
        duplicate_headers=duplicates,
        blank_headers=blank_headers,
        layer=worksheet.title,
    )
    if any("\ufffd" in value for row in rows for value in row.values()) or any("\ufffd" in h for h in header):
        _find_lossy_cells(table)
    return table


def _trim(cells: list[str]) -> list[str]:
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return cells[:end]
