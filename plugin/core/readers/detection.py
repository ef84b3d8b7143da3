"""What a file of lieux is and whether it can be read: file checks, format detection, read errors.

Shared by every format's reader of :mod:`plugin.core.readers` (pure Python, no Qt/QGIS).
"""

from __future__ import annotations

import errno
import math
import os
import stat
from pathlib import Path
from typing import Any

from ..errors import ReadError
from ..i18n import translate

MAX_FILE_BYTES = 1 << 30  # 1 GiB: beyond that, refuse rather than exhaust memory
MAX_ROWS = 1_000_000  # rows of one table (20 × the national dataset): checked while reading
SNIFF_BYTES = 1 << 16
# Memory a text file costs once read as records: bytes + decoded text + one str per cell + one dict per row
# (measured: 28 MB of CSV → about 200 MB; JSON costs more than CSV).
MEMORY_PER_TEXT_BYTE = 10

CSV_EXTENSIONS = {".csv", ".tsv", ".txt", ".tab"}
XLSX_EXTENSIONS = {".xlsx", ".xlsm"}
JSON_EXTENSIONS = {".json", ".geojson"}
GPKG_EXTENSIONS = {".gpkg"}
SUPPORTED_EXTENSIONS = CSV_EXTENSIONS | XLSX_EXTENSIONS | JSON_EXTENSIONS | GPKG_EXTENSIONS


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
        if exc.errno == errno.ELOOP:
            raise _error(
                "link-loop",
                translate(
                    "ReadError",
                    "{name} is a symbolic link that leads back to itself (a loop of links): choose the real file."
                ),
                source,
            ) from None
        if exc.errno == errno.ENAMETOOLONG:
            raise _error("name-too-long", translate("ReadError", "The name of the file {name} is too long."),
                         source) from None
        raise _error(
            "unreadable",
            translate("ReadError", "The file {name} could not be read ({detail})."),
            source,
            detail=exc.strerror or str(exc),
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


def too_many_rows(source: Path | None) -> ReadError:
    return _error(
        "too-many-rows",
        translate(
            "ReadError",
            "The file {name} holds more than {limit} rows, the most a table of lieux may hold here (the national "
            "dataset has about 50,000): split it, or check that it is a table of lieux."
        ),
        source,
        limit=f"{MAX_ROWS:,}".replace(",", "\u202f"),
    )


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


def _corrupt(source: Path, exc: Any, kind: str) -> ReadError:
    """The file cannot be read as the ``kind`` it claims to be (``exc``: the parser's error, or a text)."""
    return _error(
        "corrupt",
        translate("ReadError", "The file {name} is damaged or truncated: it is not a valid {kind} file."),
        source,
        kind=kind,
        detail=f"{type(exc).__name__}: {exc}" if isinstance(exc, BaseException) else str(exc),
    )
