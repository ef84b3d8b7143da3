"""Columns of cells, one interface over two memories: Python lists (:class:`ListColumn`) and pyarrow string arrays
(:class:`ArrowColumn`, the cells of a CSV read by pyarrow's C parser, never turned into Python strings unless asked).

The validation rules are written once against the few operations below; each implementation does them its
own way (Python at C speed with ``map``/``compress``, or Arrow compute kernels and dictionary encodings) with the
same results, which the unit tests check operation by operation on both (``tests/unit/test_columns.py``).

A column's cells are ``str`` ("" = missing). Rows are 0-based positions; an operation that selects rows returns
them as a numpy ``intp`` array in ascending order, a mask is a numpy boolean array (one entry per cell):

================================  =================================================================================
``len(column)``, ``column[i]``    the number of cells, one cell
``values()``, ``take(rows)``      every cell / the cells of ``rows``, as a list of ``str``
``subset(rows)``                  the cells of ``rows`` as a column of the same kind
``distinct()``                    the set of distinct cells
``mostly_distinct()``             whether nearly every cell differs from the others (judged on a sample)
``matches(shape)``                mask: the cell fully matches ``shape.regex``
``suspect_rows(shape)``           rows that may not match ``shape`` (every row that does not is among them)
``unmatched_values(shape)``       the set of distinct cells that do not match ``shape``
``filled()``, ``blank()``         mask: not "" / empty once stripped (``str.strip``)
``contains(text)``                mask: ``text in cell``
``is_in(values)``                 mask: the cell is one of ``values`` (a set)
``index_in(values)``              the position of each cell in ``values`` (a list of distinct str), -1 if absent
``lookup(mapping, default)``      ``mapping.get(cell, default)`` for each cell (a numpy array of ``dtype``)
``numbers()``                     ``float(cell)`` for each cell (cells known to be numbers)
``fixed_width_bytes(width)``      the cells' bytes as an (n, width) uint8 matrix (cells of ``width`` ASCII characters)
``join(others, separator)``       the cells of this column and ``others`` joined row by row
================================  =================================================================================

A :class:`Shape` is a Python regex (the authority) and, optionally, an RE2 proof of it (see
:mod:`.validation.rules.re2_proof`) that an Arrow column evaluates in C: the proof never accepts a cell the regex
rejects, so only the cells it leaves become Python strings.

:class:`ListColumns` and :class:`ArrowColumns` are the ``{key: list of cells}`` mappings holding such columns
(:meth:`cells` gives one column; an absent key gives a column of blank cells). pyarrow is imported only by the
Arrow classes (it is optional). Pure Python (no Qt, no QGIS).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import compress, filterfalse, repeat
from typing import Any, Iterator

import numpy as np

_SAMPLE = 2048  # cells sampled to judge whether a column is mostly distinct
_IS_IN_SET = 4096  # larger sets are looked up once per distinct cell (Arrow) rather than hashed into Arrow


@dataclass(frozen=True)
class Shape:
    """What a cell must look like: ``regex`` fully matched (Python, the authority) and, when one exists, ``proof``
    (a :class:`~.validation.rules.re2_proof.CleanProof`: RE2 patterns, a largest length, the empty cell allowed or
    not) that never accepts a cell the regex rejects."""

    regex: re.Pattern
    proof: Any = None


def _intp(rows) -> np.ndarray:
    return np.fromiter(rows, dtype=np.intp)


class ListColumn:
    """A column held as a Python list of ``str``."""

    __slots__ = ("cells",)

    def __init__(self, cells: list[str]):
        self.cells = cells

    def __len__(self) -> int:
        return len(self.cells)

    def __getitem__(self, index: int) -> str:
        return self.cells[index]

    def values(self) -> list[str]:
        return self.cells

    def take(self, rows) -> list[str]:
        if isinstance(rows, np.ndarray):
            rows = rows.tolist()
        return list(map(self.cells.__getitem__, rows))

    def subset(self, rows) -> ListColumn:
        return ListColumn(self.take(rows))

    def distinct(self) -> set[str]:
        return set(self.cells)

    def mostly_distinct(self) -> bool:
        cells = self.cells
        count = len(cells)
        if count < 4 * _SAMPLE:
            return False
        sample = cells[:: count // _SAMPLE]
        return len(set(sample)) > 0.9 * len(sample)

    def matches(self, shape: Shape) -> np.ndarray:
        return np.fromiter(map(bool, map(shape.regex.fullmatch, self.cells)), dtype=bool, count=len(self.cells))

    def suspect_rows(self, shape: Shape) -> np.ndarray:
        cells = self.cells
        return _intp(compress(range(len(cells)), map(operator.not_, map(shape.regex.fullmatch, cells))))

    def unmatched_values(self, shape: Shape) -> set[str]:
        return set(filterfalse(shape.regex.fullmatch, set(self.cells)))

    def filled(self) -> np.ndarray:
        return np.fromiter(map(bool, self.cells), dtype=bool, count=len(self.cells))

    def blank(self) -> np.ndarray:
        return np.fromiter(map(operator.not_, map(str.strip, self.cells)), dtype=bool, count=len(self.cells))

    def contains(self, text: str) -> np.ndarray:
        return np.fromiter(map(operator.contains, self.cells, repeat(text)), dtype=bool, count=len(self.cells))

    def is_in(self, values) -> np.ndarray:
        return np.fromiter(map(values.__contains__, self.cells), dtype=bool, count=len(self.cells))

    def index_in(self, values: list[str]) -> np.ndarray:
        return self.lookup({value: index for index, value in enumerate(values)}, -1)

    def lookup(self, mapping: Mapping, default: Any, dtype: Any = np.intp) -> np.ndarray:
        return np.fromiter(map(mapping.get, self.cells, repeat(default)), dtype=dtype, count=len(self.cells))

    def numbers(self) -> np.ndarray:
        return np.fromiter(map(float, self.cells), dtype=np.float64, count=len(self.cells))

    def fixed_width_bytes(self, width: int) -> np.ndarray:
        data = "".join(self.cells).encode("ascii")
        return np.frombuffer(data, dtype=np.uint8).reshape(len(self.cells), width)

    def join(self, others: tuple[ListColumn, ...], separator: str) -> ListColumn:
        return ListColumn(list(map(separator.join, zip(self.cells, *(other.cells for other in others)))))


class ArrowColumn:
    """A column held as one pyarrow ``string`` array (no nulls): bulk work runs in Arrow's kernels; only the
    cells an operation returns as text become Python strings."""

    __slots__ = ("array", "_encoding")

    def __init__(self, array: Any):
        self.array = array
        self._encoding: tuple | None = None

    def __len__(self) -> int:
        return len(self.array)

    def __getitem__(self, index: int) -> str:
        return self.array[index].as_py()

    def values(self) -> list[str]:
        return _strings(self.array)

    def take(self, rows) -> list[str]:
        if not len(rows):
            return []
        return _strings(self.array.take(np.asarray(rows, dtype=np.intp)))

    def subset(self, rows) -> ArrowColumn:
        return ArrowColumn(self.array.take(np.asarray(rows, dtype=np.intp)))

    def _encoded(self) -> tuple:
        """(the distinct cells as an Arrow array, each cell's position among them: numpy), computed once."""
        if self._encoding is None:
            import pyarrow.compute as pc

            encoded = pc.dictionary_encode(self.array)
            self._encoding = (encoded.dictionary, encoded.indices.to_numpy(zero_copy_only=False))
        return self._encoding

    def _per_distinct(self, values) -> np.ndarray:
        """``values`` (one per distinct cell, a numpy array) spread over the cells."""
        return values[self._encoded()[1]]

    def distinct(self) -> set[str]:
        return set(_strings(self._encoded()[0]))

    def mostly_distinct(self) -> bool:
        import pyarrow.compute as pc

        count = len(self.array)
        if count < 4 * _SAMPLE:
            return False
        sample = self.array.take(np.arange(0, count, count // _SAMPLE))
        return pc.count_distinct(sample).as_py() > 0.9 * len(sample)

    def matches(self, shape: Shape) -> np.ndarray:
        if shape.proof is None:
            return ListColumn(self.values()).matches(shape)
        matched = proven_clean(self.array, shape.proof)
        rest = (~matched).nonzero()[0]
        if rest.size:  # not proven: the regex decides
            matched[rest] = np.fromiter(map(bool, map(shape.regex.fullmatch, self.take(rest))), dtype=bool,
                                        count=rest.size)
        return matched

    def suspect_rows(self, shape: Shape) -> np.ndarray:
        if shape.proof is None:
            return (~self.matches(shape)).nonzero()[0]
        return (~proven_clean(self.array, shape.proof)).nonzero()[0]

    def unmatched_values(self, shape: Shape) -> set[str]:
        dictionary = self._encoded()[0]
        if shape.proof is not None:  # only the distinct cells the proof leaves become strings
            suspects = (~proven_clean(dictionary, shape.proof)).nonzero()[0]
            dictionary = dictionary.take(suspects)
        return set(filterfalse(shape.regex.fullmatch, _strings(dictionary)))

    def filled(self) -> np.ndarray:
        import pyarrow.compute as pc

        return _mask(pc.not_equal(self.array, ""))

    def blank(self) -> np.ndarray:
        # str.strip's whitespace, not Arrow's: decided once per distinct cell, in Python
        distinct = _strings(self._encoded()[0])
        return self._per_distinct(np.fromiter(map(operator.not_, map(str.strip, distinct)), dtype=bool,
                                              count=len(distinct)))

    def contains(self, text: str) -> np.ndarray:
        import pyarrow.compute as pc

        return _mask(pc.match_substring(self.array, text))  # UTF-8 bytes: a substring is a substring

    def is_in(self, values) -> np.ndarray:
        if not values:
            return np.zeros(len(self.array), dtype=bool)
        if len(values) > _IS_IN_SET:  # hashing the set into Arrow would cost more: once per distinct cell
            distinct = _strings(self._encoded()[0])
            return self._per_distinct(np.fromiter(map(values.__contains__, distinct), dtype=bool,
                                                  count=len(distinct)))
        import pyarrow as pa
        import pyarrow.compute as pc

        value_set = pa.array(list(values), pa.string())
        if self._encoding is not None:  # the distinct cells are known: look them up, not every cell
            return self._per_distinct(_mask(pc.is_in(self._encoding[0], value_set=value_set)))
        return _mask(pc.is_in(self.array, value_set=value_set))

    def index_in(self, values: list[str]) -> np.ndarray:
        if not values:
            return np.full(len(self.array), -1, dtype=np.intp)
        import pyarrow as pa
        import pyarrow.compute as pc

        value_set = pa.array(values, pa.string())
        if self._encoding is not None:  # the distinct cells are known: look them up, not every cell
            found = pc.index_in(self._encoding[0], value_set=value_set)
            return self._per_distinct(np.asarray(pc.fill_null(found, -1).to_numpy(zero_copy_only=False), np.intp))
        found = pc.index_in(self.array, value_set=value_set)
        return np.asarray(pc.fill_null(found, -1).to_numpy(zero_copy_only=False), dtype=np.intp)

    def lookup(self, mapping: Mapping, default: Any, dtype: Any = np.intp) -> np.ndarray:
        distinct = _strings(self._encoded()[0])
        found = np.fromiter(map(mapping.get, distinct, repeat(default)), dtype=dtype, count=len(distinct))
        return self._per_distinct(found)

    def numbers(self) -> np.ndarray:
        import pyarrow as pa
        import pyarrow.compute as pc

        try:
            return pc.cast(self.array, pa.float64()).to_numpy(zero_copy_only=False)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            return ListColumn(self.values()).numbers()

    def fixed_width_bytes(self, width: int) -> np.ndarray:
        array = self.array
        count = len(array)
        if not count:
            return np.zeros((0, width), dtype=np.uint8)
        # the cells of a string array lie end to end in its data buffer, from the offset of its first cell
        offsets = np.frombuffer(array.buffers()[1], dtype=np.int32)[array.offset : array.offset + count + 1]
        data = np.frombuffer(array.buffers()[2], dtype=np.uint8)[offsets[0] : offsets[-1]]
        return data.reshape(count, width)

    def join(self, others: tuple[ArrowColumn, ...], separator: str) -> ArrowColumn:
        import pyarrow.compute as pc

        return ArrowColumn(pc.binary_join_element_wise(self.array, *(other.array for other in others), separator))


def _strings(array) -> list[str]:
    """The cells of an Arrow string array as Python strings (numpy's conversion: faster than ``to_pylist``)."""
    return array.to_numpy(zero_copy_only=False).tolist()


def _mask(array) -> np.ndarray:
    """An Arrow boolean array (no nulls) as a writable numpy boolean array."""
    return np.array(array.to_numpy(zero_copy_only=False), dtype=bool)


def proven_clean(array: Any, proof: Any) -> np.ndarray:
    """For each cell of an Arrow string array, whether ``proof`` (a :class:`~.validation.rules.re2_proof.CleanProof`:
    RE2 patterns that must all match, a largest length, the empty cell allowed or not) proves it clean: a numpy
    boolean array, computed in C."""
    import pyarrow.compute as pc

    mask = None
    for pattern in proof.patterns:
        matched = pc.match_substring_regex(array, pattern)
        mask = matched if mask is None else pc.and_(mask, matched)
    if proof.max_length is not None:
        short = pc.less_equal(pc.utf8_length(array), proof.max_length)
        mask = short if mask is None else pc.and_(mask, short)
    if mask is None:  # no constraint at all: every cell is proven
        return np.ones(len(array), dtype=bool)
    if proof.optional:
        mask = pc.or_(mask, pc.equal(array, ""))
    return _mask(mask)


# ── Mappings of columns ──────────────────────────────────────────────────────────────────────────────────


class ListColumns(Mapping):
    """``{key: list of str}`` (every list one cell per row) with :meth:`cells`: a key's :class:`ListColumn`."""

    def __init__(self, columns: Mapping[str, list[str]], row_count: int):
        self._columns = columns
        self._count = row_count
        self._cells = {key: ListColumn(values) for key, values in columns.items()}

    def __getitem__(self, key: str) -> list[str]:
        return self._columns[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._columns)

    def __len__(self) -> int:
        return len(self._columns)

    def __contains__(self, key: object) -> bool:
        return key in self._columns

    @property
    def row_count(self) -> int:
        return self._count

    def cells(self, key: str) -> ListColumn:
        """The column of ``key`` (blank cells when the key is absent)."""
        column = self._cells.get(key)
        if column is None:
            column = self._cells[key] = ListColumn([""] * self._count)
        return column


class ArrowColumns(Mapping):
    """``{column key: cells}`` over an Arrow table of strings: a column becomes a list of ``str`` on first access
    (then kept); :meth:`arrow` gives the Arrow array itself and :meth:`cells` its :class:`ArrowColumn`.

    The Arrow arrays are the truth: a list obtained here is a copy of the cells (changing it changes nothing the
    engine reads). To edit records, use ``table.rows`` (the records are then built and the columns dropped).
    """

    def __init__(self, table: Any, keys: list[str]):
        self._table = table
        self._keys = list(keys)
        self._positions = {key: index for index, key in enumerate(self._keys)}
        self._lists: dict[str, list[str]] = {}
        self._arrays: dict[str, Any] = {}
        self._cells: dict[str, ArrowColumn] = {}

    def arrow(self, key: str):
        """The column as one Arrow ``string`` array (chunks combined once)."""
        array = self._arrays.get(key)
        if array is None:
            array = self._arrays[key] = self._table.column(self._positions[key]).combine_chunks()
        return array

    def cells(self, key: str) -> ArrowColumn:
        """The column of ``key`` (blank cells when the key is absent)."""
        column = self._cells.get(key)
        if column is None:
            if key in self._positions:
                array = self.arrow(key)
            else:
                import pyarrow as pa

                array = pa.array([""] * self.row_count, pa.string())
            column = self._cells[key] = ArrowColumn(array)
        return column

    def __getitem__(self, key: str) -> list[str]:
        values = self._lists.get(key)
        if values is None:
            if key not in self._positions:
                raise KeyError(key)
            values = self._lists[key] = _strings(self.arrow(key))
        return values

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: object) -> bool:
        return key in self._positions

    @property
    def row_count(self) -> int:
        return self._table.num_rows

    def select(self, keys: Mapping[str, str]) -> ArrowColumns:
        """The columns ``keys`` (new key → key here) as another mapping over the same Arrow table."""
        view = ArrowColumns(self._table, [])
        view._keys = list(keys)
        view._positions = {new: self._positions[old] for new, old in keys.items()}
        return view
