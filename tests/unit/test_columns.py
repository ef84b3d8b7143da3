"""The column operations of plugin.core.columns: an Arrow column gives what a list column gives, and a list column
what plain Python gives — operation by operation, on the shapes the validation rules really use."""

from __future__ import annotations

import functools
import re

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plugin.core import columns as columns_module
from plugin.core.columns import ListColumn, ListColumns, Shape
from plugin.core.schema import load_schema
from plugin.core.validation import ValidationOptions, validator_for
from plugin.core.validation.rules.cells import _SIRET_SHAPE
from plugin.core.validation.rules.geography import NUMBER_SHAPE
from tests.unit.column_kinds import arrow_available, columns_of

SCHEMA = load_schema()
ALPHABET = list("ab AZé0159.-+,|;@=\t\n\xa0\u2028\u3000\ufffd\x1c") + ["W", "e", "E", "\x00"]
CELL = st.one_of(
    st.text(alphabet=st.sampled_from(ALPHABET), max_size=12),
    st.sampled_from(["", " ", "43.5", "-0.25", "1e3", "13001", "2A004", "43493312300029", "00000000000000",
                     "W751234567", "https://exemple.fr", "+33123456789", "2024-05-01", "Mo-Fr 09:00-17:00"]),
)


@functools.cache
def shapes() -> list[tuple[str, Shape]]:
    """The shapes the rules use: every field's clean shape (with and without quality checks), numbers, SIRETs."""
    found = [("number", NUMBER_SHAPE), ("siret", _SIRET_SHAPE)]
    for quality in (True, False):
        checks = validator_for(SCHEMA, ValidationOptions(quality=quality)).cell_checks
        found += [(f"{name}/{quality}", check.shape) for name, check in checks.items() if check.shape is not None]
    return found


def _each_kind(values: list[str]):
    """(list column, every kind of column over the same cells)."""
    kinds = columns_of(values)
    return kinds[0], kinds


def _array(mask) -> list:
    assert isinstance(mask, np.ndarray)
    return mask.tolist()


@settings(max_examples=300, deadline=None)
@given(values=st.lists(CELL, max_size=30), data=st.data())
def test_every_operation_gives_what_plain_python_gives(values, data):
    rows = sorted(data.draw(st.lists(st.integers(0, max(len(values) - 1, 0)), max_size=10))) if values else []
    chosen = set(data.draw(st.lists(CELL, max_size=6))) | set(data.draw(st.sets(st.sampled_from(values or [""]))))
    text = data.draw(st.sampled_from(["", "a", "|", "é", "\x00", " 0"]))
    separator = data.draw(st.sampled_from(["|", "\x00", ""]))
    other = data.draw(st.lists(CELL, min_size=len(values), max_size=len(values)))
    mapping = {value: index for index, value in enumerate(sorted(chosen))}
    for column, other_column in zip(columns_of(values), columns_of(other)):
        kind = type(column).__name__
        assert len(column) == len(values) and [column[i] for i in range(len(values))] == values, kind
        assert column.values() == values and column.take(rows) == [values[i] for i in rows], kind
        assert column.take(np.array(rows, dtype=np.intp)) == [values[i] for i in rows], kind
        assert column.subset(rows).values() == [values[i] for i in rows], kind
        assert column.distinct() == set(values), kind
        assert _array(column.filled()) == [value != "" for value in values], kind
        assert _array(column.blank()) == [not value.strip() for value in values], kind
        assert _array(column.contains(text)) == [text in value for value in values], kind
        assert _array(column.is_in(chosen)) == [value in chosen for value in values], kind
        assert _array(column.is_in(set())) == [False] * len(values), kind
        assert column.lookup(mapping, -1).tolist() == [mapping.get(value, -1) for value in values], kind
        ordered = sorted(chosen)
        assert column.index_in(ordered).tolist() == [mapping.get(value, -1) for value in values], kind
        assert column.index_in([]).tolist() == [-1] * len(values), kind
        assert column.join((other_column,), separator).values() == [a + separator + b for a, b in zip(values, other)]
        for name, shape in shapes():
            matched = [shape.regex.fullmatch(value) is not None for value in values]
            assert _array(column.matches(shape)) == matched, (kind, name)
            suspects = column.suspect_rows(shape).tolist()
            assert suspects == sorted(set(suspects)) and set(suspects) >= {i for i, ok in enumerate(matched) if not ok}
            assert column.unmatched_values(shape) == {v for v, ok in zip(values, matched) if not ok}, (kind, name)


@settings(max_examples=100, deadline=None)
@given(values=st.lists(CELL, min_size=1, max_size=20), chosen=st.sets(CELL, max_size=8))
def test_membership_is_the_same_by_every_strategy(values, chosen):
    """An Arrow column looks a set up in Arrow (small sets), once per distinct cell (large ones), or among its
    distinct cells once they are known: all give the list column's answer."""
    chosen = chosen | {values[0]}
    expected = [value in chosen for value in values]
    original = columns_module._IS_IN_SET
    try:
        for limit in (0, 1000):
            columns_module._IS_IN_SET = limit
            for column in columns_of(values):
                ordered = sorted(chosen)
                positions = [ordered.index(value) if value in chosen else -1 for value in values]
                assert _array(column.is_in(chosen)) == expected and column.index_in(ordered).tolist() == positions
                column.distinct()  # the distinct cells are now known (Arrow: its dictionary encoding)
                assert _array(column.is_in(chosen)) == expected and column.index_in(ordered).tolist() == positions
    finally:
        columns_module._IS_IN_SET = original


@settings(max_examples=100, deadline=None)
@given(st.lists(st.from_regex(re.compile(r"[+-]?(?:[0-9]{1,4}(?:\.[0-9]{0,6})?|\.[0-9]{1,4})(?:[eE][+-]?[0-9]{1,2})?"),
                              fullmatch=True), max_size=20))
def test_numbers_are_read_as_python_reads_them(values):
    for column in columns_of(values):
        assert column.numbers().tolist() == [float(value) for value in values]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet="0123456789", min_size=14, max_size=14), max_size=20), st.integers(0, 5))
def test_fixed_width_bytes_are_the_cells_bytes(values, start):
    expected = [list(value.encode("ascii")) for value in values]
    for column in columns_of(["x"] * start + values):
        part = column.subset(range(start, start + len(values)))  # Arrow: an array taken from another
        assert part.fixed_width_bytes(14).tolist() == expected
    if arrow_available() and values:
        import pyarrow as pa

        from plugin.core.columns import ArrowColumn

        sliced = ArrowColumn(pa.array(["abc"] + values, pa.string()).slice(1))  # a slice: offset into the buffers
        assert sliced.fixed_width_bytes(14).tolist() == expected


@pytest.mark.parametrize("kind", ["distinct", "repeated", "short"])
def test_mostly_distinct_is_judged_the_same_on_both_kinds(kind):
    count = {"distinct": 10_000, "repeated": 20_000, "short": 100}[kind]
    values = [f"lieu {index % (count if kind != 'repeated' else 3_000)}" for index in range(count)]
    verdicts = {column.mostly_distinct() for column in columns_of(values)}
    assert verdicts == {kind == "distinct"}


def test_mappings_of_columns_give_blank_cells_for_an_absent_key():
    lists = ListColumns({"nom": ["a", "b"]}, 2)
    assert "nom" in lists and "commune" not in lists and list(lists) == ["nom"] and lists["nom"] == ["a", "b"]
    assert lists.cells("commune").values() == ["", ""] and "commune" not in lists
    assert isinstance(lists.cells("nom"), ListColumn) and lists.cells("nom").values() == ["a", "b"]
    if arrow_available():
        import pyarrow as pa

        from plugin.core.columns import ArrowColumn, ArrowColumns

        table = pa.table({"c0": pa.array(["a", "b"]), "c1": pa.array(["x", "y"])})
        arrow = ArrowColumns(table, ["nom", "ville"]).select({"commune": "ville"})
        assert list(arrow) == ["commune"] and arrow["commune"] == ["x", "y"] and arrow.row_count == 2
        assert isinstance(arrow.cells("commune"), ArrowColumn) and arrow.cells("nom").values() == ["", ""]


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["43493312300029", "35600000049837", "00000000000000", "1234", "W751234567",
                                 "43493312300028", "73282932000074", "٣3493312300029", ""]), max_size=40))
def test_the_siret_mask_is_the_same_on_both_kinds(values):
    from plugin.core.validation.rules.cells import siret_is_valid, valid_siret_mask

    expected = [len(v) == 14 and v.isascii() and v.isdigit() and v.strip("0") != "" and not v.startswith("356000000")
                and siret_is_valid(v) for v in values]
    for column in columns_of(values):
        assert valid_siret_mask(column).tolist() == expected
