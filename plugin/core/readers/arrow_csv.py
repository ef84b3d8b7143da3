"""The fast path of CSV reading: pyarrow's C parser, used only where it reads exactly what the Python reader reads.

:func:`read_columns` parses a UTF-8 CSV whose structure is regular — every row as wide as the header, no blank
row or empty line, every quote opening or closing a whole cell (or doubled inside one), a header on its first line —
into an Arrow table of strings, and returns ``None`` for anything else: the Python reader
(:mod:`plugin.core.readers`) then reads the file, with its diagnostics (blank rows, extra or missing cells,
irregular quoting read leniently, truncated file). The unit tests compare both readers on generated texts.

The cells stay in Arrow memory: :class:`plugin.core.columns.ArrowColumns` is the ``{column key: cells}`` mapping the
engine and the writers read, each column becoming a list of ``str`` only when a caller asks for it, while the
validation rules work on the Arrow arrays themselves (RE2 proofs, dictionary encodings: C speed) without creating
their strings.

pyarrow is optional: without it (or when it cannot be imported), :func:`read_columns` returns ``None``.
Pure Python (no Qt, no QGIS).
"""

from __future__ import annotations

import csv
from typing import Any

_QUOTE = 34  # b'"'
_LINE_ENDS = (10, 13)  # b"\n", b"\r"


_MISSING = object()
_PYARROW: Any = _MISSING


def _pyarrow():
    """The pyarrow module, or None when it cannot be imported here (absent, or built for another numpy: any
    failure to import means the Python path). Tried once per process."""
    global _PYARROW
    if _PYARROW is _MISSING:
        try:
            import pyarrow
            import pyarrow.compute  # noqa: F401
            import pyarrow.csv  # noqa: F401
        except Exception:  # ImportError, or an ABI error of a pyarrow built against another numpy
            _PYARROW = None
        else:
            _PYARROW = pyarrow
    return _PYARROW


def regular_quoting(data: bytes, start: int, delimiter: int) -> bool:
    """Whether every quote of ``data[start:]`` opens a cell at its start, closes it before a delimiter or a line
    end, or is doubled inside a quoted cell, with no quoted cell left open (computed in bulk with numpy).

    Runs of consecutive quotes are classified by the state before them (inside a quoted cell or not, the parity
    of the odd runs before): outside, a run must start a cell; a run after which the cell is closed (outside
    after it) must end the cell. Anything else — a quote inside an unquoted cell, text after a closing quote —
    is the Python reader's business (it reports it).
    """
    import numpy as np

    array = np.frombuffer(data, dtype=np.uint8)[start:]
    positions = np.flatnonzero(array == _QUOTE)
    if not positions.size:
        return True
    breaks = np.flatnonzero(np.diff(positions) != 1) + 1
    first = positions[np.concatenate(([0], breaks))]
    last = positions[np.concatenate((breaks - 1, [positions.size - 1]))]
    odd = ((last - first + 1) & 1).astype(bool)
    inside_before = (np.cumsum(odd) - odd) & 1  # odd runs before each run, mod 2
    inside_after = inside_before ^ odd
    if inside_after[-1]:
        return False  # a quoted cell never closed
    previous = np.where(first > 0, array[np.maximum(first - 1, 0)], _LINE_ENDS[0])
    following = np.where(last + 1 < array.size, array[np.minimum(last + 1, array.size - 1)], _LINE_ENDS[0])
    starts_cell = (previous == delimiter) | (previous == _LINE_ENDS[0]) | (previous == _LINE_ENDS[1])
    ends_cell = (following == delimiter) | (following == _LINE_ENDS[0]) | (following == _LINE_ENDS[1])
    if not starts_cell[inside_before == 0].all():
        return False
    return bool(ends_cell[inside_after == 0].all())


def read_columns(data: bytes, delimiter: str, field_size_limit: int) -> tuple[list[str], Any] | None:
    """(header, Arrow table of strings) of a regular UTF-8 CSV (see the module docstring), or None.

    ``data`` may start with a UTF-8 BOM. ``field_size_limit``: the Python reader's largest cell (a larger one
    is left to it). The table's columns are in header order.
    """
    pa = _pyarrow()
    if pa is None or len(delimiter) != 1 or delimiter == '"' or not delimiter.isascii():
        return None
    import pyarrow.compute as pc
    import pyarrow.csv as pcsv

    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    if start >= len(data) or data[start] in _LINE_ENDS or b"\x00" in data:
        return None
    line_end = _line_end(data, start)
    head = data[start:line_end]
    if not regular_quoting(data, start, ord(delimiter)):
        return None
    try:
        header = _header(head.decode("utf-8"), delimiter)
    except UnicodeDecodeError:
        return None
    if header is None:
        return None
    width = len(header)
    names = [f"c{index}" for index in range(width)]  # the caller keys the columns (duplicates, blanks)
    try:
        table = pcsv.read_csv(
            pa.BufferReader(pa.py_buffer(data)[start:]),
            read_options=pcsv.ReadOptions(use_threads=False, column_names=names, skip_rows=1, block_size=1 << 20),
            parse_options=pcsv.ParseOptions(
                delimiter=delimiter,
                quote_char='"',
                double_quote=True,
                escape_char=False,
                newlines_in_values=True,
                ignore_empty_lines=False,
            ),
            convert_options=pcsv.ConvertOptions(
                column_types={name: pa.string() for name in names},
                null_values=[],
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
                check_utf8=True,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowException, ValueError, OverflowError, MemoryError):
        return None  # a row of another width (an empty line included) raises: the Python reader reports it
    if table.num_columns != width:
        return None
    if table.num_rows:
        lengths = None
        longest = 0
        for column in table.columns:
            sizes = pc.binary_length(column)
            longest = max(longest, pc.max(sizes).as_py() or 0)
            lengths = sizes if lengths is None else pc.add(lengths, sizes)
        if longest > field_size_limit or pc.min(lengths).as_py() == 0:
            return None  # a cell too large for the Python reader, or a blank row: its diagnostics
    return header, table


def _header(line: str, delimiter: str) -> list[str] | None:
    """The names of a header line (quoting already known to be regular), or None when the header record
    does not end on its first line (a quoted line break: the Python reader's business)."""
    if '"' not in line:
        return line.split(delimiter)
    if line.count('"') & 1:  # with regular quoting, an odd count leaves a quoted cell open at the line end
        return None
    try:
        return next(csv.reader([line], delimiter=delimiter, strict=True))
    except (csv.Error, StopIteration):
        return None


def _line_end(data: bytes, start: int) -> int:
    """Index of the first line end (``\\n`` or ``\\r``) from ``start``, or the length of ``data``."""
    ends = [index for index in (data.find(b"\n", start), data.find(b"\r", start)) if index >= 0]
    return min(ends) if ends else len(data)
