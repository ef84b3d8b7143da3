"""The Arrow fast path of CSV reading and validation gives what the Python path gives, or steps aside.

Every test compares both paths on the same bytes: the table read (header, keys, cells, row numbers, every
diagnostic) and the validation report (every issue, field by field). The Python path is forced by making
:func:`plugin.core.readers.arrow_csv.read_columns` decline.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("pyarrow")

from plugin.core import readers  # noqa: E402
from plugin.core.columns import ArrowColumns  # noqa: E402
from plugin.core.readers import arrow_csv  # noqa: E402
from plugin.core.readers.arrow_csv import regular_quoting  # noqa: E402
from plugin.core.validation import validate_table  # noqa: E402
from plugin.core.validation.engine import clear_caches  # noqa: E402
from tests.unit.arrow_paths import assert_same_table, issue_tuples, python_read  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "samples"
def _same_report(fast, slow) -> None:
    clear_caches()
    expected = validate_table(slow)
    clear_caches()
    got = validate_table(fast)
    assert got.rows == expected.rows
    assert issue_tuples(got) == issue_tuples(expected)


CSV_SAMPLES = sorted(path for path in SAMPLES.glob("*.csv"))


@pytest.mark.parametrize("path", CSV_SAMPLES, ids=lambda path: path.name)
def test_samples_read_and_validate_the_same_on_both_paths(path):
    fast = readers.read_table(path)
    slow = python_read(path)
    assert_same_table(fast, slow)
    _same_report(fast, slow)


def test_a_regular_utf8_csv_takes_the_fast_path(tmp_path):
    path = tmp_path / "lieux.csv"
    path.write_text('id,nom,horaires\r\n1,"Espace, numérique","Mo-Fr 09:00-12:00"\r\n2,B,""\r\n', encoding="utf-8")
    table = readers.read_table(path)
    assert isinstance(table.column_data, ArrowColumns)
    assert table.column("nom") == ["Espace, numérique", "B"] and table.column("horaires") == ["Mo-Fr 09:00-12:00", ""]


@pytest.mark.parametrize(
    "text",
    [
        "id,nom\n1,a\n\n2,b\n",  # an empty line: a blank row
        "id,nom\n1,a\n,\n2,b\n",  # a blank row of delimiters
        "id,nom\n1,a,extra\n",  # extra cell
        "id,nom\n1\n",  # missing cell
        'id,nom\n1,a"b\n',  # a quote inside an unquoted cell
        'id,nom\n1,"a"b\n',  # text after a closing quote
        'id,nom\n1,"never closed\n',  # truncated
        '"id\nx",nom\n1,a\n',  # a header whose quoted name holds a line break
        "\nid,nom\n1,a\n",  # an empty line before the header
        "id,nom\n1,a\x00\n",  # a NUL byte
    ],
)
def test_irregular_files_are_left_to_the_python_reader(tmp_path, text):
    path = tmp_path / "lieux.csv"
    path.write_bytes(text.encode("utf-8"))
    data = path.read_bytes()
    assert arrow_csv.read_columns(data, ",", 1 << 20) is None


@pytest.mark.parametrize(
    "text",
    [
        '"id","nom","horaires"\r\n"1","Espace, numérique",""\r\n"2","B ""b""","Mo-Fr 09:00-12:00"\r\n',
        '"id";nom;"a;b";"c""d";""\n1;2;3;4;5\n',
        '"id,nom",x\r1,2\r',
    ],
)
def test_a_quoted_header_is_read_by_arrow_as_by_python(tmp_path, text):
    """Files written with every cell quoted (the standard's own example, many exports) take the fast path."""
    path = tmp_path / "lieux.csv"
    path.write_bytes(text.encode("utf-8"))
    fast = readers.read_table(path)
    assert isinstance(fast.column_data, ArrowColumns)
    slow = python_read(path)
    assert_same_table(fast, slow)


def test_a_cell_over_the_python_readers_limit_is_left_to_it():
    assert arrow_csv.read_columns(b"id,nom\n1,abcdef\n", ",", 5) is None
    assert arrow_csv.read_columns(b"id,nom\n1,abcde\n", ",", 5) is not None


@pytest.mark.parametrize(
    "text, regular",
    [
        ('a,"b,c",d\n', True),
        ('a,"b""c",d\n', True),
        ('a,"",d\n', True),
        ('"a\nb",c\r\n', True),
        ('a,""""\n', True),
        ('a,"b"c\n', False),
        ('a,b"c\n', False),
        ('a,"b\n', False),
        ('a,"""\n', False),
        ('""a,b\n', False),
    ],
)
def test_regular_quoting(text, regular):
    assert regular_quoting(text.encode(), 0, ord(",")) is regular


# Texts built from the characters that matter to a CSV parser; both readers must agree whenever Arrow reads.
CSV_CHARS = st.sampled_from(list('ab,;"\r\n é\t\x85\u2028\ufffd'))
CSV_TEXT = st.text(alphabet=CSV_CHARS, max_size=60)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=CSV_TEXT, header=st.sampled_from(["id,nom,x", "id;nom;x", "a", "id,nom,nom,", "id\tnom", '"id","nom",x',
                                               '"id;nom";x', '"a""b",""', '"id\nnom",x']),
       bom=st.booleans())
def test_generated_texts_read_the_same_on_both_paths_whenever_arrow_reads(tmp_path_factory, body, header, bom):
    path = tmp_path_factory.mktemp("gen") / "lieux.csv"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + f"{header}\n{body}".encode())
    try:
        slow = python_read(path)
    except readers.ReadError:
        slow = None
    try:
        fast = readers.read_table(path)
    except readers.ReadError:
        fast = None
    if slow is None or fast is None:
        assert slow is None and fast is None
        return
    assert_same_table(fast, slow)


def test_bench_like_file_validates_the_same_on_both_paths(tmp_path):
    from bench.generate import generate

    path = tmp_path / "lieux.csv"
    generate(path, rows=3000, seed=7)
    fast = readers.read_table(path)
    assert isinstance(fast.column_data, ArrowColumns)
    slow = python_read(path)
    assert_same_table(fast, slow)
    _same_report(fast, slow)


RAW_CELL = st.text(alphabet=st.sampled_from(list('ab ,;"\r\n\té\x85\u2028\ufffd|=')), max_size=6)


def _csv_cell(text: str, delimiter: str, quote: bool) -> str:
    if quote or any(char in text for char in (delimiter, '"', "\r", "\n")):
        return '"' + text.replace('"', '""') + '"'
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(st.lists(st.tuples(RAW_CELL, st.booleans()), min_size=3, max_size=3), max_size=8),
    delimiter=st.sampled_from([",", ";", "\t"]),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
    final_newline=st.booleans(),
)
def test_well_formed_csv_is_read_by_arrow_as_by_python(tmp_path_factory, rows, delimiter, newline, final_newline):
    lines = [delimiter.join(("id", "nom", "horaires"))]
    lines += [delimiter.join(_csv_cell(text, delimiter, quote) for text, quote in row) for row in rows]
    text = newline.join(lines) + (newline if final_newline else "")
    path = tmp_path_factory.mktemp("wf") / "lieux.csv"
    path.write_bytes(text.encode("utf-8"))
    slow = python_read(path)
    fast = readers.read_table(path)
    assert_same_table(fast, slow)
    blank = any(not any(text for text, _ in row) for row in rows)
    if rows and not blank and slow.delimiter == delimiter:  # sniffing may pick another delimiter on tiny files
        assert isinstance(fast.column_data, ArrowColumns)


def test_without_pyarrow_the_python_path_reads_and_validates(tmp_path, monkeypatch):
    path = tmp_path / "lieux.csv"
    path.write_text("id,nom,code_postal\n1,Espace,0600\n2,B,06000\n", encoding="utf-8")
    fast = readers.read_table(path)
    monkeypatch.setattr(arrow_csv, "_PYARROW", None)  # as when pyarrow is absent or cannot be imported
    slow = readers.read_table(path)
    assert isinstance(fast.column_data, ArrowColumns) and isinstance(slow.column_data, dict)
    assert_same_table(fast, slow)
    _same_report(fast, slow)


def test_quoted_line_breaks_across_arrows_blocks_read_the_same(tmp_path):
    """A file over Arrow's 1 MB blocks, dense with quoted cells holding line breaks, quotes and delimiters: rows
    straddling the block boundaries are read as the Python reader reads them."""
    import random

    rnd = random.Random(3)
    lines = ["id,nom,horaires"]
    for index in range(40_000):
        text = "".join(rnd.choice('ab \n\r,"é') for _ in range(rnd.randint(0, 40)))
        lines.append(f'{index},"{text.replace(chr(34), chr(34) * 2)}",x{index}')
    path = tmp_path / "multiline.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    assert path.stat().st_size > 1_500_000
    fast = readers.read_table(path)
    assert isinstance(fast.column_data, ArrowColumns)
    assert_same_table(fast, python_read(path))
