"""The columnar path (reader → engine → writer): same records, same issues, same bytes as the row path."""

from __future__ import annotations

import csv
import dataclasses
import io
import pickle
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plugin.core import readers
from plugin.core.readers import read_table
from plugin.core.records import ColumnarRecords, Table
from plugin.core.validation import Issue, validate_records, validate_table
from plugin.core.validation.engine import validator_for
from plugin.core.validation.issues import new_issue
from plugin.core.validation.rules.geography import CoordinateRule
from plugin.core.writers import _write_csv_columns, write_records
from tests.unit.column_kinds import columns_of

CELL_TEXT = st.text(alphabet=st.sampled_from(list('ab ,;"\r\n\t\x85\u2028é\ufffd\x00')), max_size=8)


def _rows_parser(text: str, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


# ── ColumnarRecords ─────────────────────────────────────────────────────────────────────────────────────────


def test_columnar_records_behave_as_the_list_of_records():
    records = ColumnarRecords({"id": ["1", "2"], "nom": ["A", ""]})
    assert len(records) == 2 and records.column_data() is not None  # len does not build the dicts
    assert records.column("nom") == ["A", ""] and records.column("absent") == ["", ""]
    assert records == [{"id": "1", "nom": "A"}, {"id": "2", "nom": ""}]
    assert records.column_data() is None  # built once: the dicts are the truth from now on
    records[0]["nom"] = "B"
    assert records.column("nom") == ["B", ""] and records[0]["nom"] == "B"
    assert not ColumnarRecords({}, 0) and len(ColumnarRecords({}, 3)) == 3


def test_a_columnar_table_builds_its_rows_on_first_access_only():
    table = Table(["id", "nom"], ColumnarRecords({"id": ["1", "2"], "nom": ["A", "B"]}), "csv")
    assert table.row_count == 2 and table.row_numbers == [1, 2]
    assert table.column_data == {"id": ["1", "2"], "nom": ["A", "B"]} and table.column("nom") == ["A", "B"]
    rows = table.rows
    assert rows == [{"id": "1", "nom": "A"}, {"id": "2", "nom": "B"}] and table.rows is rows
    assert table.column_data is None and table.column("nom") == ["A", "B"]


def test_schema_records_are_the_same_from_columns_and_from_rows(samples, schema):
    columnar = read_table(samples / "bad.csv")
    assert columnar.column_data is not None
    from_columns = columnar.schema_records(schema)
    assert columnar.column_data is not None  # not materialised by it
    assert from_columns == read_table(samples / "bad.csv").schema_records(schema) == [
        {name: row.get(name, "") for name in schema.field_names} for row in columnar.rows
    ]


# ── CSV reader: chunked columns = csv.reader row by row ─────────────────────────────────────────────────────


def _expected(text: str) -> tuple[list[list[str]], list[int], list[int], dict, dict]:
    """(rows, numbers, blank rows, extra cells, missing cells) as the reader documents them, from csv.reader."""
    parsed = _rows_parser(text)
    start = next(i for i, row in enumerate(parsed) if row)
    width = len(parsed[start])
    rows, numbers, blanks, pending, extra, missing = [], [], [], [], {}, {}
    for number, cells in enumerate(parsed[start + 1 :], start=1):
        if not cells:
            pending.append(number)
            continue
        blanks.extend(pending)
        pending = []
        if not any(cells):
            blanks.append(number)
            continue
        if len(cells) > width:
            extra[number] = cells[width:]
        elif len(cells) < width:
            missing[number] = width - len(cells)
        rows.append((cells + [""] * width)[:width])
        numbers.append(number)
    return rows, numbers, blanks, extra, missing


@pytest.mark.parametrize("seed", range(6))
def test_chunked_columns_match_csv_reader_row_by_row(tmp_path, seed):
    rng = random.Random(seed)
    lines = ["id,nom,commune"]
    for number in range(3 * readers.csv_reader._CSV_CHUNK + 17):
        kind = rng.random()
        if kind < 0.01:
            lines.append("")
        elif kind < 0.02:
            lines.append(",,")
        elif kind < 0.03:
            lines.append(f"{number},extra,cells,here")
        elif kind < 0.04:
            lines.append(f"{number}")
        elif kind < 0.06:
            lines.append(f'{number},"multi\nline, ""quoted""",C')
        else:
            lines.append(f"{number},N{number},C{number % 7}")
    text = "\r\n".join(lines) + "\r\n" + ("\r\n" if seed % 2 else "")
    path = tmp_path / "lieux.csv"
    path.write_text(text, encoding="utf-8", newline="")
    table = read_table(path)
    rows, numbers, blanks, extra, missing = _expected(text)
    assert table.column_data is not None
    assert [table.column(key) for key in table.columns] == [list(values) for values in zip(*rows)]
    assert (table.row_numbers, table.blank_rows, table.extra_cells, table.missing_cells) == (
        numbers, blanks, extra, missing
    )


def test_line_breaks_csv_keeps_inside_cells_are_kept(tmp_path):
    path = tmp_path / "exotic.csv"
    path.write_text("id,nom\n1,A\x85B\n2,C\u2028D\n3,E\x0bF\r4,G\x0cH\r\n", encoding="utf-8", newline="")
    assert read_table(path).rows == [
        {"id": "1", "nom": "A\x85B"}, {"id": "2", "nom": "C\u2028D"}, {"id": "3", "nom": "E\x0bF"},
        {"id": "4", "nom": "G\x0cH"},
    ]


def test_lost_characters_are_listed_in_reading_order(tmp_path):
    path = tmp_path / "lossy.csv"
    path.write_text("id,n\ufffdm,autre\n1,A\ufffd,x\ufffd\n2,B,y\n3,\ufffd,\n", encoding="utf-8", newline="")
    table = read_table(path)
    assert table.lossy_cells == [(0, "n\ufffdm"), (1, "n\ufffdm"), (1, "autre"), (3, "n\ufffdm")]


# ── Engine: columns = records = one record at a time ────────────────────────────────────────────────────────


def test_validation_of_columnar_records_equals_validation_of_dicts(samples, schema):
    records = read_table(samples / "hub-du-sud-paca-2023.json").schema_records(schema)
    columnar = ColumnarRecords({name: [r[name] for r in records] for name in schema.field_names})
    assert validate_records(columnar, schema).issues == validate_records(records, schema).issues
    assert columnar.column_data is not None


def test_validation_of_a_columnar_table_equals_validation_of_its_rows(samples):
    columnar = read_table(samples / "bad.csv")
    issues = validate_table(columnar).issues
    columnar.rows  # noqa: B018 (materialise: the engine then reads the dicts)
    assert columnar.column_data is None and validate_table(columnar).issues == issues


def test_issues_built_in_bulk_are_issues_in_every_respect():
    fields = (3, "id-3", "telephone", "phone-format", "error", "message", "01 23", "+33123")
    fast, slow = new_issue(*fields), Issue(*fields)
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert fast.to_dict() == slow.to_dict() and pickle.loads(pickle.dumps(fast)) == slow
    assert dataclasses.replace(fast, row=4) == Issue(4, *fields[1:])
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.row = 5  # type: ignore[misc]


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.one_of(st.none(), st.integers(0, 5)), st.sampled_from(["", "id", "nom", "zz"]),
                          st.sampled_from(["error", "warning"]), st.sampled_from(["a", "b", "c"])), max_size=40))
def test_sorting_issues_is_the_documented_stable_order(schema, keys):
    validator = validator_for(schema)
    issues = [Issue(row, str(n), field, code, severity, "m") for n, (row, field, severity, code) in enumerate(keys)]
    order = validator.field_order
    expected = sorted(issues, key=lambda i: (-1 if i.row is None else i.row, order.get(i.field, len(order)),
                                             i.severity != "error", i.code))
    validator.sort(issues)
    assert [i.id for i in issues] == [i.id for i in expected]


def test_coordinates_with_suspect_cells_given_equal_coordinates_matched_one_by_one(schema):
    rule = CoordinateRule(validator_for(schema).context)
    lats = ["43.5", "", "43,5", "0", " 43.3", "48.85", "abc", "5.4", "43.29"]
    lons = ["5.4", "5.4", "5.4", "0", "5.37", "2.35", "", "43.5", "5.37"]
    insees = ["13001", "", "13001", "", "13055", "75056", "", "13001", "13055"]
    postals = ["13001", "", "13001", "", "13001", "75001", "", "13001", "13001"]
    suspects = ({"43,5", " 43.3", "abc"}, set())
    expected = [(index, rule(*cells)) for index, cells in enumerate(zip(lats, lons, insees, postals)) if rule(*cells)]
    assert expected
    for columns in zip(*map(columns_of, (lats, lons, insees, postals))):  # Python lists, Arrow arrays
        assert rule.check_columns(*columns, suspects) == rule.check_columns(*columns) == expected


# ── CSV writer: columns written byte for byte as csv.writer writes rows ─────────────────────────────────────


@settings(max_examples=200, deadline=None)
@given(st.integers(2, 5).flatmap(lambda width: st.lists(st.lists(CELL_TEXT, min_size=width, max_size=width),
                                                          max_size=12)))
def test_columns_are_written_as_csv_writer_writes_rows(rows):
    expected = io.StringIO(newline="")
    csv.writer(expected, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n").writerows(rows)
    written = io.StringIO(newline="")
    if rows:
        _write_csv_columns(written, [list(column) for column in zip(*rows)])
    assert written.getvalue() == expected.getvalue()


def test_columnar_records_are_exported_as_dict_records_are(tmp_path, samples, schema):
    records = read_table(samples / "hub-du-sud-paca-2023.json").schema_records(schema)
    columnar = ColumnarRecords({name: [r[name] for r in records] for name in schema.field_names})
    write_records(tmp_path / "rows.csv", records, schema)
    write_records(tmp_path / "columns.csv", columnar, schema)
    assert (tmp_path / "columns.csv").read_bytes() == (tmp_path / "rows.csv").read_bytes()
    assert columnar.column_data is not None


# ── The CSV row splitter ────────────────────────────────────────────────────────────────────────────────────

CSV_TEXT = st.text(alphabet=st.sampled_from(list('ab ,;"\r\n\t\x85\u2028\x00')), max_size=80)


def _csv_outcome(make_rows) -> list | str:
    rows = []
    try:
        for row in make_rows():
            rows.append(row)
    except csv.Error as exc:
        return rows + [f"csv.Error: {exc}"]
    return rows


@settings(max_examples=1500, deadline=None)
@given(text=CSV_TEXT, delimiter=st.sampled_from([",", ";", "\t"]))
def test_csv_rows_yield_what_csv_reader_yields(text, delimiter):
    def by_csv():
        return csv.reader(io.TextIOWrapper(io.BytesIO(text.encode()), encoding="utf-8", newline=""),
                          delimiter=delimiter, strict=True)

    def by_split():
        return readers.csv_rows(io.TextIOWrapper(io.BytesIO(text.encode()), encoding="utf-8", newline=""),
                                delimiter)

    assert _csv_outcome(by_split) == _csv_outcome(by_csv)


@pytest.mark.parametrize("line", [
    'a,"b,c",d\r\n', '"a","b"\n', '"",x,""\n', ',"a",\n', '"a""b",c\n', '"a"b,c\n', 'a,b"c,d\n', 'a, "b"\n',
    '"a",x"b"\n', '"a\n', 'x,"a\r\nb",c\n', '\r\n', ',\n', '"a",,"b"\n', '"a",x,"b"', '"a" ,b\n', '"",""\n',
])
def test_csv_rows_on_the_quoting_cases(line):
    lines = [line, "z,z\n"]
    expected = _csv_outcome(lambda: csv.reader(io.StringIO("".join(lines), newline=""), strict=True))
    assert _csv_outcome(lambda: readers.csv_rows(io.StringIO("".join(lines), newline=""), ",")) == expected
