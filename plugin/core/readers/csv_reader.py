"""CSV/TSV/TXT: the streamed UTF-8 path (pyarrow's C parser first, :mod:`.arrow_csv`), then the general path
(any encoding, ``sep=`` line, irregular quoting read leniently, truncated files). Pure Python."""

from __future__ import annotations

import codecs
import csv
import io
import re
from itertools import islice, repeat
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..columns import ArrowColumns
from ..errors import ReadError
from ..i18n import translate
from ..records import ColumnarRecords, Table, column_keys
from . import arrow_csv
from .cells import _find_lossy_cells
from .detection import MAX_ROWS, SNIFF_BYTES, _error, too_many_rows
from .text_decoding import _check_text, decode_text

CSV_DELIMITERS = (",", ";", "\t")
CSV_FIELD_SIZE_LIMIT = 64 << 20
_CSV_CHUNK = 1000  # CSV records transposed into columns at a time
_LINE_ENDS = ("\n", "\r")

_SEP_HINT = re.compile(r"^sep=([,;\t|])[ \t]*(?:\r\n|\n|\r)")


def sniff_delimiter(text: str, extension: str = "") -> str:
    """The delimiter among ``,`` ``;`` tab that splits the header into most columns consistently."""
    sample = text[:SNIFF_BYTES]
    if len(text) > len(sample) and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    best, best_score = None, None
    for delimiter in CSV_DELIMITERS:
        rows = []
        reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
        try:
            for row in reader:
                if row:
                    rows.append(len(row))
                if len(rows) >= 50:
                    break
        except csv.Error:
            continue
        if not rows or rows[0] < 2:
            continue
        consistency = sum(1 for width in rows[1:] if width == rows[0]) / max(1, len(rows) - 1)
        score = (round(consistency, 1), rows[0], delimiter == "\t" and extension == ".tsv")
        if best_score is None or score > best_score:
            best, best_score = delimiter, score
    if best is None:
        return "\t" if extension in (".tsv", ".tab") else ","
    return best


def _read_csv(data: bytes, source: Path) -> Table:
    table = _read_utf8_csv(data, source)
    if table is not None:
        return table
    text, encoding, notes = decode_text(data, source)
    if not text or text.isspace():
        raise _error("empty", translate("ReadError", "The file {name} is empty."), source)
    hint = _SEP_HINT.match(text)  # Excel's "sep=;" first line names the delimiter
    if hint:
        delimiter, text = hint.group(1), text[hint.end() :]
        if not text.strip():
            raise _error(
                "empty",
                translate("ReadError", "The file {name} holds only the line « {line} »: no header and no lieu."),
                source,
                line=hint.group(0).strip(),
            )
    else:
        delimiter = sniff_delimiter(text, source.suffix.lower())
    if csv.field_size_limit() < CSV_FIELD_SIZE_LIMIT:
        csv.field_size_limit(CSV_FIELD_SIZE_LIMIT)
    try:
        table = _parse_csv(text, delimiter, strict=True)
    except _UnterminatedQuoteError as exc:
        raise _error(
            "truncated",
            translate(
                "ReadError",
                "A quoted cell that starts on line {line} of {name} is never closed: the file may be truncated."
            ),
            source,
            line=exc.line + (1 if hint else 0),
        ) from None
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise _cell_too_large(source, getattr(exc, "line", "?")) from None
        # malformed quoting ("a"b): read it as spreadsheets do and say so
        try:
            table = _parse_csv(text, delimiter, strict=False)
        except csv.Error as lenient:
            if "field larger than field limit" in str(lenient):
                raise _cell_too_large(source, getattr(lenient, "line", "?")) from None
            raise
        notes.append(
            translate("ReadError", "Irregular quoting near line {line} was read leniently ({detail}).").format(
                line=getattr(exc, "line", "?"), detail=str(exc)
            )
        )
    table.encoding = encoding
    table.delimiter = delimiter
    table.notes[:0] = notes
    if "\ufffd" in text:
        _find_lossy_cells(table)
    return table


def _cell_too_large(source: Path, line) -> Exception:
    if line is None:
        text = translate(
            "ReadError",
            "A cell of {name} is longer than {limit} MB, the longest cell read: the file is probably damaged (a quote "
            "never closed?) or is not a table of lieux."
        )
    else:
        text = translate(
            "ReadError",
            "A cell of {name} near line {line} is longer than {limit} MB, the longest cell read: the file is probably "
            "damaged (a quote never closed?) or is not a table of lieux."
        )
    return _error("cell-too-large", text, source, line=line, limit=CSV_FIELD_SIZE_LIMIT >> 20)


_UTF16_32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _read_utf8_csv(data: bytes, source: Path) -> Table | None:
    """The common case read as a stream: a UTF-8 CSV (BOM or not), well-formed, without ``sep=`` line.

    The text is decoded as the CSV parser reads it (``TextIOWrapper``: a few kB at a time, which keeps the
    parse in the CPU cache and spares the whole text and its lines in memory). What it decides from the head
    (text or binary, delimiter) is what :func:`decode_text` and :func:`sniff_delimiter` decide from the whole
    text, which they only read the head of. Anything else — another encoding, a byte that is not UTF-8 further
    on, a ``sep=`` line, a CSV error (with its line number and the lenient re-read) — returns None: the general
    path reads the file.
    """
    if data.startswith(_UTF16_32_BOMS) or b"\x00" in data:  # NUL anywhere: the general path says where
        return None
    bom = data.startswith(codecs.BOM_UTF8)
    encoding = "utf-8-sig" if bom else "utf-8"
    head_bytes = data[: 4 * SNIFF_BYTES + 8]  # at least SNIFF_BYTES characters (a character has ≤ 4 bytes)
    try:
        head = codecs.getincrementaldecoder(encoding)().decode(head_bytes, final=len(head_bytes) == len(data))
    except UnicodeDecodeError:
        return None
    if not head or head.isspace() or _SEP_HINT.match(head):
        return None
    try:
        _check_text(head, source)
    except ReadError:
        return None
    delimiter = sniff_delimiter(head, source.suffix.lower())
    if csv.field_size_limit() < CSV_FIELD_SIZE_LIMIT:
        csv.field_size_limit(CSV_FIELD_SIZE_LIMIT)
    table = _arrow_csv_table(data, delimiter)
    if table is None:
        stream = io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline="")
        try:
            table = _table_from_csv_reader(csv_rows(stream, delimiter))
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):  # said now: the general path would read it all again
                raise _cell_too_large(source, None) from None
            return None
        except UnicodeDecodeError:
            return None
    table.encoding = encoding
    table.delimiter = delimiter
    if b"\xef\xbf\xbd" in data:  # U+FFFD in UTF-8: characters already lost
        _find_lossy_cells(table)
    return table


def _arrow_csv_table(data: bytes, delimiter: str) -> Table | None:
    """The table of a regular UTF-8 CSV read by pyarrow's C parser (:mod:`.arrow_csv`), or None (no pyarrow, or
    something only the Python reader reads and reports: blank rows, irregular rows or quoting, …)."""
    found = arrow_csv.read_columns(data, delimiter, csv.field_size_limit())
    if found is None:
        return None
    header, arrow_table = found
    keys, duplicates, blank_headers = column_keys(header)
    count = arrow_table.num_rows
    return Table(
        header=header,
        rows=ColumnarRecords(ArrowColumns(arrow_table, keys), count=count),
        source_format="csv",
        row_numbers=list(range(1, count + 1)),
        columns=keys,
        duplicate_headers=duplicates,
        blank_headers=blank_headers,
    )


class _Pending:
    """The line source of the fallback ``csv.reader`` of :func:`csv_rows`: the line just read, then the
    following ones (a record whose quoted cell spans several lines)."""

    __slots__ = ("line", "lines")

    def __init__(self, lines: Iterator[str]):
        self.line: str | None = None
        self.lines = lines

    def __iter__(self) -> _Pending:
        return self

    def __next__(self) -> str:
        line = self.line
        if line is not None:
            self.line = None
            return line
        return next(self.lines)


def csv_rows(lines: Iterable[str], delimiter: str) -> Iterator[list[str]]:
    """The records ``csv.reader(lines, delimiter=delimiter, strict=True)`` yields, the same lists, faster.

    ``lines`` are what csv reads (a text stream opened with ``newline=""``: each line ends at ``\\n``, ``\\r``
    or ``\\r\\n``). A line that holds one whole record — no quote, or quotes only around whole cells, none
    doubled nor spanning lines — is split with ``str.split`` (C speed, a fraction of csv's cost per
    character); any other line (a quote inside a cell, a doubled quote, a quoted line break, a cell over the
    field size limit) goes to ``csv.reader``, which reads its record (and the lines it spans) and raises the
    same ``csv.Error`` as before. The unit tests compare both on generated texts.
    """
    lines = iter(lines)  # read by the map below and, after a line it leaves to csv, by csv's line source
    source = _Pending(lines)
    reader = csv.reader(source, delimiter=delimiter, strict=True)
    limit = csv.field_size_limit()

    def row(line: str) -> list[str]:
        body = line.rstrip("\r\n")
        if '"' not in body:
            if not body:
                return []
            if len(body) <= limit:
                return body.split(delimiter)
        else:
            cells = _quoted_cells(body, delimiter)
            if cells is not None and len(body) <= limit:
                return cells
        source.line = line
        return next(reader)

    return map(row, lines)


def _quoted_cells(body: str, delimiter: str) -> list[str] | None:
    """The cells of a line whose quotes all wrap whole cells (``a,"b,c",d``), None for anything else."""
    parts = body.split('"')
    last = len(parts) - 1
    if last == 2:  # one quoted cell (the usual case): 'a,b,"c,d",e'
        first, inside, after = parts
        if (not first or first[-1] == delimiter) and (not after or after[0] == delimiter):
            cells = first[:-1].split(delimiter) if first else []
            cells.append(inside)
            if after:
                cells += after[1:].split(delimiter)
            return cells
        return None
    if last & 1:
        return None  # an odd number of quotes: a quoted line break, or a quote inside a cell
    first = parts[0]
    if not first:
        cells = []
    elif first[-1] == delimiter:
        cells = first[:-1].split(delimiter)
    else:
        return None
    for index in range(1, last, 2):
        cells.append(parts[index])
        after = parts[index + 1]
        if index + 1 == last:
            if after:
                if after[0] != delimiter:
                    return None
                cells.extend(after[1:].split(delimiter))
        elif len(after) == 1:
            if after != delimiter:
                return None
        elif not after or after[0] != delimiter or after[-1] != delimiter:
            return None  # a doubled quote ("a""b") or text after a closing quote
        else:
            cells.extend(after[1:-1].split(delimiter))
    return cells


class _UnterminatedQuoteError(Exception):
    def __init__(self, line: int):
        super().__init__(line)
        self.line = line


def _csv_lines(text: str) -> Iterable[str]:
    """The lines ``csv.reader`` reads from ``io.StringIO(text, newline="")``, split at C speed when possible.

    ``str.splitlines`` breaks at ``\n``, ``\r`` and ``\r\n`` as the StringIO does, but also at ``\v``, ``\f``,
    ``\x1c``-``\x1e``, ``\x85``, U+2028 and U+2029, which csv keeps inside cells: a text holding one of those
    (a line not ending with ``\n`` or ``\r`` before the last) is read through the StringIO instead.
    """
    lines = text.splitlines(keepends=True)
    if all(map(str.endswith, islice(lines, max(len(lines) - 1, 0)), repeat(_LINE_ENDS))):
        return lines
    return io.StringIO(text, newline="")


def _parse_csv(text: str, delimiter: str, strict: bool) -> Table:
    lines = _csv_lines(text)
    reader = csv_rows(lines, delimiter) if strict else csv.reader(lines, delimiter=delimiter, strict=False)
    try:
        return _table_from_csv_reader(reader)
    except csv.Error as exc:
        line = _csv_error_line(text, delimiter, strict)
        if strict and "unexpected end of data" in str(exc):
            raise _UnterminatedQuoteError(line) from None
        exc.line = line  # type: ignore[attr-defined]
        raise


def _csv_error_line(text: str, delimiter: str, strict: bool) -> int:
    """The line where the record that ``csv`` fails on starts (read again record by record)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=strict)
    last_line = 0
    try:
        for _ in reader:
            last_line = reader.line_num
    except csv.Error:
        pass
    return last_line + 1


def _table_from_csv_reader(reader: Any) -> Table:
    """The table of a CSV, kept column by column (:class:`ColumnarRecords`).

    Records are read by chunks; a chunk of regular rows (as many cells as the header, not blank: nearly all of
    them) is transposed at C speed while it is in the CPU cache; the rows of a chunk holding an empty line, a
    blank row or a row with extra or missing cells are looked at one by one.
    """
    header: list[str] = []
    for header in reader:  # skip empty lines before the header
        if header:
            break
    keys, duplicates, blank_headers = column_keys(header)
    width = len(keys)
    columns: list[list[str]] = [[] for _ in keys]
    numbers: list[int] = []
    blank_rows: list[int] = []
    pending_empty: list[int] = []  # empty lines: blank rows unless they trail at the end of the file
    extra: dict[int, list[str]] = {}
    missing: dict[int, int] = {}
    number = 0
    while True:
        chunk = list(islice(reader, _CSV_CHUNK))
        if not chunk:
            break
        if number + len(chunk) > MAX_ROWS:
            raise too_many_rows(None)
        if width and all(map(width.__eq__, map(len, chunk))) and all(map(any, chunk)):
            if pending_empty:
                blank_rows.extend(pending_empty)
                pending_empty = []
            numbers.extend(range(number + 1, number + len(chunk) + 1))
            number += len(chunk)
            regular = chunk
        else:
            regular = []
            for cells in chunk:
                number += 1
                count = len(cells)
                if count == 0:
                    pending_empty.append(number)
                    continue
                if pending_empty:
                    blank_rows.extend(pending_empty)
                    pending_empty = []
                if not any(cells):
                    blank_rows.append(number)
                    continue
                if count > width:
                    extra[number] = cells[width:]
                    cells = cells[:width]
                elif count < width:
                    missing[number] = width - count
                    cells = cells + [""] * (width - count)
                regular.append(cells)
                numbers.append(number)
        for column, values in zip(columns, zip(*regular)):
            column.extend(values)
    return Table(
        header=list(header),
        rows=ColumnarRecords(dict(zip(keys, columns)), count=len(numbers)),
        source_format="csv",
        blank_rows=blank_rows,
        extra_cells=extra,
        missing_cells=missing,
        row_numbers=numbers,
        columns=keys,
        duplicate_headers=duplicates,
        blank_headers=blank_headers,
    )
