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
"""

from __future__ import annotations

import base64
import codecs
import csv
import io
import json
import math
import operator
import os
import re
import sqlite3
import stat
import struct
import warnings
import zipfile
from itertools import compress, islice, repeat
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from . import arrow_csv
from .errors import ReadError
from .i18n import translate
from .records import ColumnarRecords, Table, column_keys, format_number, join_list

MAX_FILE_BYTES = 1 << 30  # 1 GiB: beyond that, refuse rather than exhaust memory
MAX_XLSX_UNCOMPRESSED_BYTES = 4 << 30  # zip-bomb guard for workbooks
SNIFF_BYTES = 1 << 16
# Memory a text file costs once read as records: bytes + decoded text + one str per cell + one dict per row
# (measured: 28 MB of CSV → about 200 MB; JSON costs more than CSV).
MEMORY_PER_TEXT_BYTE = 10
CSV_DELIMITERS = (",", ";", "\t")
CSV_FIELD_SIZE_LIMIT = 64 << 20
_CSV_CHUNK = 1000  # CSV records transposed into columns at a time
_LINE_ENDS = ("\n", "\r")

CSV_EXTENSIONS = {".csv", ".tsv", ".txt", ".tab"}
XLSX_EXTENSIONS = {".xlsx", ".xlsm"}
JSON_EXTENSIONS = {".json", ".geojson"}
GPKG_EXTENSIONS = {".gpkg"}
SUPPORTED_EXTENSIONS = CSV_EXTENSIONS | XLSX_EXTENSIONS | JSON_EXTENSIONS | GPKG_EXTENSIONS

# Single-byte encodings French files come in when they are not UTF-8 (Excel, old Mac, DOS exports).
EIGHT_BIT_CANDIDATES = ("cp1252", "mac_roman", "cp850")
JSON_ENVELOPE_KEYS = ("items", "data", "results", "lieux", "records", "features")
CARTO_ADDRESS_KEYS = ("numero_voie", "repetition", "nom_voie", "code_postal", "code_insee", "commune")
COORDINATE_COLUMNS = ("latitude", "longitude")

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
_SEP_HINT = re.compile(r"^sep=([,;\t|])[ \t]*(?:\r\n|\n|\r)")
_ISO_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}")

# What a French text's non-ASCII characters are (accented letters, French quotes, dashes, NBSP, €, °).
_FRENCH_CHARS = frozenset("éèêëàâäîïôöùûüÿçœæÉÈÊËÀÂÄÎÏÔÖÙÛÜŸÇŒÆ«»‘’“”–—…°€\xa0")


# --------------------------------------------------------------------------------------------- entry point


def read_table(path: str | Path, *, layer: str | None = None, max_bytes: int = MAX_FILE_BYTES) -> Table:
    """Read a file of lieux. ``layer``: the XLSX sheet or GeoPackage table (default: the first one).

    Raises :class:`ReadError` (and nothing else) when the file cannot be read as a table of lieux.
    """
    source = Path(path)
    try:
        table = _read(source, layer, max_bytes)
    except ReadError:
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


def _error(code: str, text: str, source: Path | None = None, *, detail: str = "", **values: Any) -> ReadError:
    """A ReadError whose message is ``text`` (already translated) formatted with the file name and values."""
    name = f"« {source.name} »" if source is not None else ""
    message = text.format(name=name, detail=detail, **values)
    return ReadError(message, code, detail=detail, path=source)


def _check_file(source: Path, max_bytes: int) -> int:
    try:
        info = source.stat()
    except FileNotFoundError:
        raise _error("not-found", translate("ReadError", "The file {name} does not exist."), source) from None
    except PermissionError:
        raise _error(
            "permission", translate("ReadError", "The file {name} cannot be opened: permission denied."), source
        ) from None
    except OSError as exc:
        raise _error(
            "unreadable",
            translate("ReadError", "The file {name} could not be read ({detail})."),
            source,
            detail=str(exc),
        ) from None
    if stat.S_ISDIR(info.st_mode):
        raise _error(
            "is-directory",
            translate(
                "ReadError",
                "{name} is a folder, not a file: choose a file of lieux (CSV, XLSX, JSON, GeoJSON or GeoPackage)."
            ),
            source,
        )
    if not stat.S_ISREG(info.st_mode):
        raise _error("not-a-file", translate("ReadError", "{name} is not a regular file."), source)
    if info.st_size == 0:
        raise _error("empty", translate("ReadError", "The file {name} is empty."), source)
    if info.st_size > max_bytes:
        raise _error(
            "too-large",
            translate("ReadError", "The file {name} is too large ({size} MB); the limit is {limit} MB."),
            source,
            size=math.ceil(info.st_size / 1e6),
            limit=max_bytes // 1_000_000,
        )
    if not os.access(source, os.R_OK):
        raise _error(
            "permission", translate("ReadError", "The file {name} cannot be opened: permission denied."), source
        )
    return info.st_size


def available_memory_mb() -> float | None:
    """Memory available to a new allocation (MB), where the system says (Linux, macOS); else None."""
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (AttributeError, ValueError, OSError):
        return None


def _check_memory(source: Path, size: int) -> None:
    """Refuse a text file whose parsed records would not fit in memory (rather than let the OS kill QGIS)."""
    if size < 16 << 20:
        return
    needed = size * MEMORY_PER_TEXT_BYTE / 2**20
    available = available_memory_mb()
    if available is not None and needed > available:
        raise _error(
            "too-large",
            translate(
                "ReadError",
                "The file {name} ({size} MB) needs about {needed} MB of memory to be read; only {available} MB "
                "are available. Close other programs or split the file."
            ),
            source,
            size=math.ceil(size / 1e6),
            needed=math.ceil(needed),
            available=math.floor(available),
        )


def _read_bytes(source: Path) -> bytes:
    try:
        with open(source, "rb") as handle:
            return handle.read()
    except PermissionError:
        raise _error(
            "permission", translate("ReadError", "The file {name} cannot be opened: permission denied."), source
        ) from None


def detect_format(source: Path, head: bytes) -> str:
    """``csv``, ``json``, ``xlsx`` or ``gpkg`` from the content's magic bytes, then the extension.

    Formats we recognise but do not read (legacy ``.xls``, ``.ods``, PDF…) raise a ReadError that says so.
    """
    ext = source.suffix.lower()
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        if b"mimetype" in head[:100] and b"opendocument" in head[:200]:
            raise _error(
                "unsupported-format",
                translate(
                    "ReadError",
                    "{name} is an OpenDocument spreadsheet (.ods), which is not read: save it as XLSX or CSV."
                ),
                source,
            )
        return "xlsx"
    if head.startswith(b"SQLite format 3\x00"):
        return "gpkg"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise _error(
            "unsupported-format",
            translate(
                "ReadError",
                "{name} is a legacy Excel 97-2003 workbook (.xls), which is not read: save it as XLSX or CSV."
            ),
            source,
        )
    if ext in XLSX_EXTENSIONS | GPKG_EXTENSIONS:
        # the extension promises a binary container that the content does not hold
        raise _error(
            "corrupt",
            translate("ReadError", "The file {name} is damaged or truncated: it is not a valid {kind} file."),
            source,
            kind="XLSX" if ext in XLSX_EXTENSIONS else "GeoPackage",
        )
    for magic, kind in ((b"%PDF", "PDF"), (b"\x89PNG", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"\x1f\x8b", "gzip")):
        if head.startswith(magic):
            raise _error(
                "unsupported-format",
                translate("ReadError", "{name} is a {kind} file, not a table of lieux."),
                source,
                kind=kind,
            )
    if ext in JSON_EXTENSIONS:
        return "json"
    if ext in CSV_EXTENSIONS:
        return "csv"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return "json" if stripped[:1] in (b"[", b"{") else "csv"


# --------------------------------------------------------------------------------------------- text decoding


def decode_text(data: bytes, source: Path | None = None) -> tuple[str, str, list[str]]:
    """Decode bytes of a text file: (text, encoding, notes).

    UTF-8 (with or without BOM) first, UTF-16/32 with a BOM (or UTF-16 without one), then the single-byte
    encodings French exports come in (Windows-1252, Mac Roman, DOS cp850: see :func:`_guess_eight_bit`),
    Latin-1 last.
    A file mixing UTF-8 and Windows-1252 lines is decoded line by line (with a note).
    Binary content raises :class:`ReadError`.
    """
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                if encoding != "utf-8-sig":
                    raise _error(
                        "encoding",
                        translate("ReadError", "The text encoding of {name} could not be recognised ({detail})."),
                        source,
                        detail=encoding,
                    ) from None
                break  # a UTF-8 BOM followed by other bytes: detect below
            _check_text(text, source)
            return text, encoding, []
    body = data[3:] if data.startswith(codecs.BOM_UTF8) else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_invalid = exc.start
    else:
        _check_text(text, source)
        return text, "utf-8" if body is data else "utf-8-sig", []
    head = body[:SNIFF_BYTES]
    if b"\x00" in head:
        text = _utf16_without_bom(body)
        if text is None:
            raise _binary(source)
        _check_text(text, source)
        return text, "utf-16", []
    if _UTF8_MULTIBYTE.search(body, 0, first_invalid):  # UTF-8 accents before the first non-UTF-8 byte
        mixed = _decode_mixed(body)
        if mixed is not None:
            text, fallback_lines = mixed
            _check_text(text, source)
            note = translate(
                "ReadError", "The file mixes encodings: {count} line(s) were not UTF-8 and were read as Windows-1252."
            ).format(count=fallback_lines)
            return text, "utf-8+cp1252", [note]
    encoding = _guess_eight_bit(body)
    for candidate in (encoding, "cp1252", "latin-1"):
        try:
            text = body.decode(candidate)
        except UnicodeDecodeError:
            continue
        _check_text(text, source)
        return text, candidate, []
    raise _binary(source)  # unreachable: latin-1 decodes any byte string


def _guess_eight_bit(data: bytes) -> str:
    """The most plausible single-byte encoding among :data:`EIGHT_BIT_CANDIDATES` (default Windows-1252).

    Lieux files are French: the encoding whose non-ASCII characters are French letters and punctuation
    wins (deterministic, and steadier than a statistical detector on repetitive data). When no candidate
    reads as French, charset-normalizer decides among the same candidates on a small sample.
    """
    sample = _non_ascii_sample(data)
    scores = {}
    for encoding in EIGHT_BIT_CANDIDATES:
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        scores[encoding] = sum(1 if char in _FRENCH_CHARS else -1 for char in text if ord(char) > 0x7F)
    if not scores:
        return "cp1252"
    best = max(scores, key=lambda encoding: (scores[encoding], encoding == "cp1252"))
    if scores[best] > 0:
        return best
    try:
        from charset_normalizer import from_bytes

        guess = from_bytes(sample[: 1 << 14], cp_isolation=list(scores)).best()
    except Exception:  # charset-normalizer must never turn a readable file into a failure
        return "cp1252"
    return guess.encoding if guess is not None and guess.encoding in scores else "cp1252"


def _non_ascii_sample(data: bytes, limit: int = 1 << 16) -> bytes:
    """Distinct lines holding non-ASCII bytes (where encodings differ), up to ``limit`` bytes."""
    lines = dict.fromkeys(line for line in data[: limit * 16].splitlines() if max(line, default=0) > 0x7F)
    sample = b"\n".join(lines)[:limit]
    return sample or data[:limit]


def _decode_mixed(data: bytes) -> tuple[str, int] | None:
    """Decode a mostly-UTF-8 file whose few lines are Windows-1252: (text, number of such lines)."""
    lines = data.splitlines(keepends=True)
    decoded, fallback = [], 0
    for line in lines:
        try:
            decoded.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            fallback += 1
            decoded.append(line.decode("cp1252", errors="strict") if _cp1252_ok(line) else line.decode("latin-1"))
    if fallback * 2 > len(lines):  # mostly not UTF-8: a single-byte file with a few lucky sequences
        return None
    return "".join(decoded), fallback


def _cp1252_ok(line: bytes) -> bool:
    try:
        line.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without BOM (ASCII-heavy text has a NUL in every other byte), else None."""
    head = data[:SNIFF_BYTES]
    if len(head) < 4:
        return None
    even_zeros = head[0::2].count(0) / len(head[0::2])
    odd_zeros = head[1::2].count(0) / len(head[1::2])
    encoding = "utf-16-le" if odd_zeros > 0.6 and even_zeros < 0.05 else "utf-16-be" if even_zeros > 0.6 else None
    if encoding is None or odd_zeros > 0.6 and even_zeros > 0.6:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _check_text(text: str, source: Path | None) -> None:
    """Refuse content that decoded but is not text (control characters, NUL)."""
    sample = text[:SNIFF_BYTES]
    if "\x00" in sample or len(_CONTROL_CHARS.findall(sample)) > max(2, len(sample) // 100):
        raise _binary(source)


def _binary(source: Path | None) -> ReadError:
    return _error(
        "binary",
        translate(
            "ReadError", "The file {name} is not a text file (binary content) nor a supported workbook or GeoPackage."
        ),
        source,
    )


# --------------------------------------------------------------------------------------------- CSV


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
        # malformed quoting ("a"b): read it as spreadsheets do and say so
        table = _parse_csv(text, delimiter, strict=False)
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
    if data.startswith(_UTF16_32_BOMS):
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
        except (UnicodeDecodeError, csv.Error):
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
        rows=ColumnarRecords(arrow_csv.ArrowColumns(arrow_table, keys), count=count),
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
    if all(map(str.endswith, islice(lines, len(lines) - 1), repeat(_LINE_ENDS))):
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


def _find_lossy_cells(table: Table) -> None:
    table.lossy_cells = [(0, key) for key, name in zip(table.columns, table.header) if "\ufffd" in name]
    data = table.column_data
    if data is None:
        for number, row in zip(table.row_numbers, table.rows):
            for key, value in row.items():
                if "\ufffd" in value:
                    table.lossy_cells.append((number, key))
        return
    found = []  # (record index, column position, key): sorted back into the rows' reading order
    for position, (key, column) in enumerate(data.items()):
        hits = compress(range(len(column)), map(operator.contains, column, repeat("\ufffd")))
        found.extend((index, position, key) for index in hits)
    found.sort()
    table.lossy_cells.extend((table.row_numbers[index], key) for index, _, key in found)


# --------------------------------------------------------------------------------------------- cells


def cell_from_value(value: Any) -> str:
    """A JSON/XLSX/SQLite value as the standard's string: lists → ``a|b``, numbers with ``.``, ISO dates."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
            return str(int(value))  # a code typed as a number: 4000.0 → "4000" (the engine suggests "04000")
        return format_number(value) if math.isfinite(value) else str(value)
    if isinstance(value, (list, tuple)):
        if all(item is None or isinstance(item, (str, int, float)) for item in value):
            return join_list(cell_from_value(item) for item in value)
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if hasattr(value, "isoformat"):  # datetime before date: a datetime at midnight is a date
        if hasattr(value, "hour") and hasattr(value, "date"):
            if (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0):
                return value.date().isoformat()
        return value.isoformat()
    return str(value)


def _table_from_records(
    records: Iterable[dict[str, Any]], source_format: str, convert: Callable[[Any], str] = cell_from_value
) -> Table:
    """A Table from records (dicts of values): header = union of keys in first-seen order."""
    header: dict[str, None] = {}
    rows: list[dict[str, str]] = []
    numbers: list[int] = []
    blank_rows: list[int] = []
    for number, record in enumerate(records, start=1):
        row = {str(key): convert(value) for key, value in record.items()}
        if not any(row.values()):
            blank_rows.append(number)
            continue
        for key in row:
            if key not in header:
                header[key] = None
        rows.append(row)
        numbers.append(number)
    names = list(header)
    keys, _, blank_headers = column_keys(names)
    renamed = {name: key for name, key in zip(names, keys) if name != key}  # blank names ("") get a key
    for index, row in enumerate(rows):
        if renamed:
            row = rows[index] = {renamed.get(name, name): value for name, value in row.items()}
        if len(row) != len(keys):
            for key in keys:
                row.setdefault(key, "")
    return Table(
        header=names,
        rows=rows,
        source_format=source_format,
        blank_rows=blank_rows,
        row_numbers=numbers,
        columns=keys,
        blank_headers=blank_headers,
    )


# --------------------------------------------------------------------------------------------- JSON / GeoJSON


def _read_json(data: bytes, source: Path) -> Table:
    text, encoding, notes = decode_text(data, source)
    if not text or text.isspace():
        raise _error("empty", translate("ReadError", "The file {name} is empty."), source)
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _error(
            "invalid-json",
            translate(
                "ReadError", "The file {name} is not valid JSON (line {line}, column {column}): it may be truncated."
            ),
            source,
            line=exc.lineno,
            column=exc.colno,
            detail=exc.msg,
        ) from None
    table = table_from_json(payload, source)
    table.encoding = encoding
    table.notes[:0] = notes
    if "\ufffd" in text:
        _find_lossy_cells(table)
    return table


def table_from_json(payload: Any, source: Path | None = None) -> Table:
    """A Table from decoded JSON: records, an envelope of records, a GeoJSON Feature(Collection).

    Also usable on API payloads already decoded (``source`` only names the origin in messages).
    """
    if isinstance(payload, dict):
        kind = payload.get("type")
        if kind == "FeatureCollection" or (kind == "Feature" and "properties" in payload):
            features = payload.get("features") if kind == "FeatureCollection" else [payload]
            if not isinstance(features, list):
                raise _not_records(source)
            return _table_from_features(features, payload.get("crs"), source)
        for key in JSON_ENVELOPE_KEYS:
            if isinstance(payload.get(key), list):
                payload = payload[key]
                break
        else:
            if payload and all(not isinstance(v, (dict, list)) or k == "adresse" for k, v in payload.items()):
                payload = [payload]  # a single record
            else:
                raise _not_records(source)
    if not isinstance(payload, list):
        raise _not_records(source)
    if payload and all(isinstance(item, dict) and item.get("type") == "Feature" for item in payload):
        return _table_from_features(payload, None, source)
    for position, item in enumerate(payload, start=1):
        if not isinstance(item, dict):
            raise _error(
                "not-records",
                translate("ReadError", "Element {position} of {name} is not an object: expected a list of lieux."),
                source,
                position=position,
            )
    records = (_flatten_json_record(item) for item in payload)
    return _table_from_records(records, "json")


def _not_records(source: Path | None) -> ReadError:
    return _error(
        "not-records",
        translate(
            "ReadError",
            "The file {name} does not contain a list of lieux (a JSON array of objects or a GeoJSON FeatureCollection)."
        ),
        source,
    )


def _flatten_json_record(item: dict[str, Any]) -> dict[str, Any]:
    if isinstance(item.get("attributes"), dict) and "type" in item:  # JSON:API (La Coop API v1)
        item = {"id": item.get("id"), **item["attributes"]}
    if isinstance(item.get("adresse"), dict):
        return carto_item_to_row(item)
    return item


def carto_item_to_row(item: dict[str, Any]) -> dict[str, Any]:
    """Flatten a Cartographie ``/carto`` item read from a file, keeping every key and the values as given.

    The ``adresse`` object becomes adresse (``numero_voie repetition nom_voie``, as the API connector's
    :func:`~plugin.core.converters.cartographie.address_line` writes it), code_postal, code_insee, commune;
    unknown keys of the object are kept as ``adresse.<key>`` columns; the timestamp ``date_maj`` keeps its date
    part (the standard's field is a date). Unlike the API connector, nothing is trimmed or de-duplicated:
    a file is read as it is and the validation engine reports what needs fixing.
    """
    from .converters.cartographie import address_line

    row: dict[str, Any] = {}
    for key, value in item.items():
        if key != "adresse":
            row[key] = value
            continue
        row["adresse"] = address_line(value)
        for part in ("code_postal", "code_insee", "commune"):
            if part in value and not row.get(part):
                row[part] = value[part]
        for extra_key, extra_value in value.items():
            if extra_key not in CARTO_ADDRESS_KEYS:
                row[f"adresse.{extra_key}"] = extra_value
    date = row.get("date_maj")
    if isinstance(date, str):
        match = _ISO_DATETIME.match(date)
        if match:
            row["date_maj"] = match.group(1)
    return row


def _table_from_features(features: list[Any], crs: Any, source: Path | None) -> Table:
    use_geometry = _is_wgs84(crs)
    records: list[dict[str, Any]] = []
    derived = False
    non_point = 0
    feature_ids = 0
    for position, feature in enumerate(features, start=1):
        if not isinstance(feature, dict):
            raise _error(
                "not-records",
                translate("ReadError", "Element {position} of {name} is not a GeoJSON feature."),
                source,
                position=position,
            )
        properties = feature.get("properties")
        record = _flatten_json_record(dict(properties)) if isinstance(properties, dict) else {}
        if "id" not in record and feature.get("id") not in (None, ""):
            record["id"] = feature["id"]
            feature_ids += 1
        point = geojson_point(feature.get("geometry"))
        if point is None:
            if feature.get("geometry") not in (None, {}):
                non_point += 1
        elif use_geometry and not all(record.get(name) not in (None, "") for name in COORDINATE_COLUMNS):
            record["longitude"], record["latitude"] = point
            derived = True
        records.append(record)
    table = _table_from_records(records, "geojson")
    if derived:
        table.derived_columns = list(COORDINATE_COLUMNS)
    if not use_geometry:
        table.notes.append(
            translate(
                "ReadError", "The GeoJSON declares a coordinate system other than WGS 84: geometries were not used."
            )
        )
    if non_point:
        table.notes.append(
            translate(
                "ReadError", "{count} feature(s) have a geometry that is not a point: no coordinates taken."
            ).format(count=non_point)
        )
    if feature_ids:
        table.notes.append(
            translate("ReadError", "{count} feature(s) had no id property: the GeoJSON feature id was used.").format(
                count=feature_ids
            )
        )
    return table


def geojson_point(geometry: Any) -> tuple[float, float] | None:
    """(longitude, latitude) of a GeoJSON Point (or one-point MultiPoint), else None."""
    if not isinstance(geometry, dict):
        return None
    coordinates = geometry.get("coordinates")
    if geometry.get("type") == "MultiPoint" and isinstance(coordinates, list) and len(coordinates) == 1:
        coordinates = coordinates[0]
    elif geometry.get("type") != "Point":
        return None
    if not isinstance(coordinates, list) or len(coordinates) < 2:
        return None
    x, y = coordinates[0], coordinates[1]
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in (x, y)):
        return None
    return float(x), float(y)


def _is_wgs84(crs: Any) -> bool:
    if not isinstance(crs, dict):
        return True  # RFC 7946: WGS 84 unless said otherwise
    name = str((crs.get("properties") or {}).get("name", "")) if isinstance(crs.get("properties"), dict) else ""
    return not name or "CRS84" in name or name.endswith(":4326") or name.endswith("::4326")


# --------------------------------------------------------------------------------------------- XLSX


def _read_xlsx(source: Path, sheet: str | None) -> Table:
    try:
        with zipfile.ZipFile(source) as archive:
            names = set(archive.namelist())
            uncompressed = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
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


def _corrupt(source: Path, exc: Any, kind: str) -> ReadError:
    """The file cannot be read as the ``kind`` it claims to be (``exc``: the parser's error, or a text)."""
    return _error(
        "corrupt",
        translate("ReadError", "The file {name} is damaged or truncated: it is not a valid {kind} file."),
        source,
        kind=kind,
        detail=f"{type(exc).__name__}: {exc}" if isinstance(exc, BaseException) else str(exc),
    )


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
        header = _trim([cell_from_value(value) for value in values])
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
        cells = _trim([cell_from_value(value) for value in values])
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


# --------------------------------------------------------------------------------------------- GeoPackage


def _read_gpkg(source: Path, layer: str | None) -> Table:
    uri = source.resolve().as_uri() + "?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True)
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
    rows: list[dict[str, str]] = []
    numbers: list[int] = []
    blank_rows: list[int] = []
    derived = False
    for position, values in enumerate(connection.execute(query), start=1):
        number = values[-1] if isinstance(values[-1], int) and values[-1] > 0 else position
        row = dict.fromkeys(output, "")
        row.update((name, cell_from_value(value)) for name, value in zip(header, values[:width]))
        if geometry_column and srs_ok and isinstance(values[width], (bytes, bytearray, memoryview)):
            point = gpkg_point(bytes(values[width]))
            if point is not None and not (row["latitude"] and row["longitude"]):
                row["longitude"], row["latitude"] = format_number(point[0]), format_number(point[1])
                derived = True
        if not any(row.values()):
            blank_rows.append(number)
            continue
        rows.append(row)
        numbers.append(number)
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
    table.layer = layer
    return table


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
