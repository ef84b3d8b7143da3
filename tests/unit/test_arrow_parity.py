"""Property tests: a file of lieux reads and validates the same on the Arrow fast path and on the Python path.

Tables of lieux are generated with the standard's columns (a random subset and order, extra, repeated or blank
header names) and cells drawn from valid values (the shared samples, ``bench/generate.py``) and from tricky
ones (whitespace variants, formulas, lost characters, wrong separators or case, national phones, decimal
commas, swapped or zero coordinates, French dates, placeholder SIRETs, quotes and line breaks…), written as
CSV in several dialects. Both paths must give the same table (every diagnostic) and the same report (every
issue, field by field, in order) — under several validation options. The Python path is the reference: it is
forced by making :func:`plugin.core.readers.arrow_csv.read_columns` decline.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("pyarrow")

from plugin.core import readers  # noqa: E402
from plugin.core.columns import ArrowColumns  # noqa: E402
from plugin.core.readers import arrow_csv  # noqa: E402
from plugin.core.schema import load_schema  # noqa: E402
from plugin.core.validation import ValidationOptions, validate_table  # noqa: E402
from plugin.core.validation.duplicates import DuplicateSettings  # noqa: E402
from plugin.core.validation.engine import clear_caches  # noqa: E402
from plugin.core.validation.reference_data import bundled_geography  # noqa: E402
from tests.unit.arrow_paths import assert_same_table, issue_tuples, python_read  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "samples"
SCHEMA = load_schema()
FIELDS = list(SCHEMA.field_names)


class _UnlistedGeography:
    """The bundled reference data without its listing of communes (the commune rule then looks up every row)."""

    def __init__(self):
        self._geography = bundled_geography()

    def __getattr__(self, name):
        if name == "communes":
            raise AttributeError(name)
        return getattr(self._geography, name)


OPTIONS = (
    ValidationOptions(),
    ValidationOptions(quality=False),
    ValidationOptions(language="en", ignore_header_case=True),
    ValidationOptions(duplicates=DuplicateSettings(), geography=_UnlistedGeography()),
)


@functools.cache
def valid_values() -> dict[str, tuple[str, ...]]:
    """{field: distinct values} from the shared CSV samples and 300 generated lieux."""
    from bench.generate import Generator

    pool: dict[str, set] = {name: set() for name in FIELDS}
    for path in sorted(SAMPLES.glob("*.csv")):
        table = readers.read_table(path)
        for name in FIELDS:
            if name in table.columns:
                pool[name].update(table.column(name))
    for record in Generator(11).records(300):
        for name in FIELDS:
            pool[name].add(record.get(name, ""))
    return {name: tuple(sorted(values)) or ("",) for name, values in pool.items()}


SPACES = [" ", "\xa0", "\u2028", "\x1c", "\v", "\t", "\u3000", "\u202f", "\x85", "\f"]


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _national_phone(text: str) -> str:
    return "0" + text[3:] if text.startswith("+33") else text.replace("+", "00")


def _french_date(text: str) -> str:
    parts = text.split("-")
    return "/".join(reversed(parts)) if len(parts) == 3 else text


TRANSFORMS = {
    "same": lambda v, d: v,
    "space": lambda v, d: d(st.sampled_from(SPACES)) + v,
    "space_after": lambda v, d: v + d(st.sampled_from(SPACES)),
    "space_inside": lambda v, d: v[: len(v) // 2] + d(st.sampled_from(SPACES)) + v[len(v) // 2 :],
    "formula": lambda v, d: d(st.sampled_from("=+-@")) + v,
    "lost": lambda v, d: v + "\ufffd",
    "semicolon_list": lambda v, d: v.replace("|", d(st.sampled_from([";", "; ", ",", ", "]))),
    "lower": lambda v, d: v.lower(),
    "upper": lambda v, d: v.upper(),
    "no_accent": lambda v, d: _strip_accents(v),
    "national_phone": lambda v, d: _national_phone(v),
    "decimal_comma": lambda v, d: v.replace(".", ","),
    "french_date": lambda v, d: _french_date(v),
    "placeholder": lambda v, d: "00000000000000",
    "rna_lower": lambda v, d: "w" + d(st.from_regex(r"\A[0-9]{9}\Z")),
    "long": lambda v, d: (v or "texte") * (300 // max(1, len(v or "texte")) + 1),
    "quote": lambda v, d: f'{v[:3]}"{v[3:]}',
    "quoted": lambda v, d: f'"{v}"',
    "newline": lambda v, d: v[:4] + d(st.sampled_from(["\n", "\r\n", "\r"])) + v[4:],
    "empty": lambda v, d: "",
    "pipes": lambda v, d: "|" + v + "||",
    "zero_lost": lambda v, d: v[1:] if v[:1] == "0" else v,
    "siren": lambda v, d: v[:9],
    "bad_checksum": lambda v, d: v[:-1] + str((int(v[-1]) + 1) % 10) if v[-1:].isdigit() else v,
    "number_text": lambda v, d: d(st.sampled_from(["1.", ".5", "+1", "-0", "1e3", "1E-2", "0x1", "inf", "nan",
                                                         "1_000", "٣", "0", "00", "43,5", "43.5.1"])),
    "random": lambda v, d: d(st.text(alphabet=st.sampled_from(list('ab1 |;,"\n=é\xa0\ufffd-@+.')), max_size=8)),
}


@st.composite
def cells(draw, name: str) -> str:
    value = draw(st.sampled_from(valid_values()[name]))
    kind = draw(st.sampled_from(list(TRANSFORMS)))
    if kind == "same" or draw(st.booleans()):
        kind = draw(st.sampled_from(["same", "same", kind]))
    return TRANSFORMS[kind](value, draw)


@st.composite
def records(draw, names: list[str]) -> list[str]:
    row = {name: draw(cells(name)) for name in dict.fromkeys(names) if name in FIELDS}
    coordinates = draw(st.sampled_from(["keep", "keep", "swap", "zero", "lat_only", "lon_only", "none"]))
    if coordinates == "swap":
        row["latitude"], row["longitude"] = row.get("longitude", ""), row.get("latitude", "")
    elif coordinates == "zero":
        row["latitude"] = row["longitude"] = "0"
    elif coordinates == "lat_only":
        row["longitude"] = ""
    elif coordinates == "lon_only":
        row["latitude"] = ""
    elif coordinates == "none":
        row["latitude"] = row["longitude"] = ""
    return [row.get(name, "") if name in FIELDS else draw(st.sampled_from(["", "x", "x y", "1"])) for name in names]


@st.composite
def headers(draw) -> list[str]:
    layout = draw(st.sampled_from(["all", "all", "subset", "shuffled"]))
    if layout == "all":
        names = list(FIELDS)
    elif layout == "subset":
        names = draw(st.lists(st.sampled_from(FIELDS), min_size=1, max_size=12, unique=True))
    else:
        names = draw(st.permutations(FIELDS))
        names = list(names)
    extra = draw(st.lists(st.sampled_from(["", "Nom", "remarque", "id", "latitude", " ", "services"]), max_size=2))
    for name in extra:
        names.insert(draw(st.integers(0, len(names))), name)
    return names


def _write(names: list[str], rows: list[list[str]], delimiter: str, newline: str, bom: bool, quote_all: bool) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline,
                        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    writer.writerow(names)
    writer.writerows(rows)
    return (b"\xef\xbb\xbf" if bom else b"") + buffer.getvalue().encode("utf-8")


def _read(path: Path, python: bool):
    try:
        return python_read(path) if python else readers.read_table(path)
    except readers.ReadError as exc:
        return exc


def assert_same_reports(path: Path, options=OPTIONS) -> bool:
    """Read ``path`` on both paths, compare the tables and the reports; whether the Arrow path read it."""
    slow = _read(path, python=True)
    fast = _read(path, python=False)
    if isinstance(slow, Exception) or isinstance(fast, Exception):
        assert type(slow) is type(fast) and str(slow) == str(fast)
        return False
    arrow = isinstance(fast.column_data, ArrowColumns)
    for option in options:
        clear_caches()
        expected = validate_table(python_read(path), options=option)
        clear_caches()
        got = validate_table(readers.read_table(path), options=option)
        assert got.rows == expected.rows
        assert issue_tuples(got) == issue_tuples(expected), option
    # and with the caches warm (each path after the other), as in a QGIS session
    expected = issue_tuples(validate_table(python_read(path)))
    assert issue_tuples(validate_table(readers.read_table(path))) == expected
    assert_same_table(fast, slow)
    return arrow


DIALECTS = st.tuples(
    st.sampled_from([",", ",", ";", "\t"]),
    st.sampled_from(["\r\n", "\n", "\r"]),
    st.booleans(),
    st.sampled_from([False, False, False, True]),
)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data(), dialect=DIALECTS)
def test_generated_lieux_validate_the_same_on_both_paths(tmp_path_factory, data, dialect):
    names = data.draw(headers())
    rows = data.draw(st.lists(records(names), min_size=1, max_size=8))
    path = tmp_path_factory.mktemp("parity") / "lieux.csv"
    path.write_bytes(_write(names, rows, *dialect))
    assert_same_reports(path)


def test_most_generated_files_take_the_arrow_path(tmp_path):
    """The property above is not vacuous: files written regularly are read by Arrow."""
    names = list(FIELDS)
    values = valid_values()
    rows = [[values[name][index % len(values[name])] for name in names] for index in range(20)]
    path = tmp_path / "lieux.csv"
    path.write_bytes(_write(names, rows, ";", "\r\n", True, False))
    assert assert_same_reports(path)


@functools.cache
def _bench_rows(count: int) -> tuple[tuple[str, ...], ...]:
    from bench.generate import Generator

    return tuple(tuple(record.get(name, "") for name in FIELDS) for record in Generator(5).records(count))


@st.composite
def mutations(draw, count: int) -> list[tuple[int, int, str]]:
    """(row, column, new cell) of a few hundred cells of a long table: tricky values, some repeated."""
    values = valid_values()
    found = []
    for _ in range(draw(st.integers(50, 300))):
        column = draw(st.integers(0, len(FIELDS) - 1))
        kind = draw(st.sampled_from(list(TRANSFORMS)))
        cell = TRANSFORMS[kind](draw(st.sampled_from(values[FIELDS[column]])), draw)
        for _ in range(draw(st.sampled_from([1, 1, 1, 2, 80]))):  # some values repeated across rows
            found.append((draw(st.integers(0, count - 1)), column, cell))
    return found


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_long_tables_validate_the_same_on_both_paths(tmp_path_factory, data):
    """Over 8,192 rows the engine takes its bulk shortcuts (columns of mostly distinct values proven cell by cell,
    SIRET checksums in bulk, prepared values): with tricky cells scattered among generated lieux."""
    count = 8400
    rows = [list(row) for row in _bench_rows(count)]
    for row, column, cell in data.draw(mutations(count)):
        rows[row][column] = cell
    path = tmp_path_factory.mktemp("long") / "lieux.csv"
    path.write_bytes(_write(FIELDS, rows, ",", "\r\n", False, False))
    assert assert_same_reports(path, options=OPTIONS[:2])


# ── consumers of a table read on the Arrow path ──────────────────────────────────────────────────────────


def _cli(capsys, *args) -> tuple:
    from plugin.core import cli

    code = cli.main(["validate", *map(str, args), "--today", "2024-06-01", "--lang", "en"])
    out, err = capsys.readouterr()
    # the HTML report's generation time (to the minute): two runs may straddle a minute
    return code, re.sub(r"\b\d{4}-\d{2}-\d{2} \d{2}:\d{2}\b", "DATE", out), err


@pytest.mark.parametrize("kind", ["json", "html", "text"])
def test_cli_validate_and_fix_give_the_same_output_on_both_paths(capsys, tmp_path, kind):
    """``validate FILE --fix OUT``: the same report, the same corrected copy, the same summary."""
    from bench.generate import generate

    source = tmp_path / "lieux.csv"
    generate(source, rows=1500, seed=13)
    assert isinstance(readers.read_table(source).column_data, ArrowColumns)
    fixed = tmp_path / "corrige.csv"
    outputs = []
    for python in (True, False):
        original = arrow_csv.read_columns
        if python:
            arrow_csv.read_columns = lambda *args: None
        try:
            clear_caches()
            result = _cli(capsys, source, "--fix", fixed, "--format", kind)
        finally:
            arrow_csv.read_columns = original
        outputs.append((result, fixed.read_bytes()))
        fixed.unlink()
    assert outputs[0][0][0] == 1 and "changes" in outputs[0][0][1 if kind == "text" else 2]
    assert outputs[1] == outputs[0]


def test_records_built_and_edited_are_what_is_validated_on_both_paths(tmp_path):
    """Once a caller asks for the records (``table.rows``) they are the truth: an edit made to them is validated,
    whatever path read the file (the Arrow columns are no longer read)."""
    names = list(FIELDS)
    values = valid_values()
    rows = [[values[name][index % len(values[name])] for name in names] for index in range(30)]
    path = tmp_path / "lieux.csv"
    path.write_bytes(_write(names, rows, ",", "\r\n", False, False))
    reports = []
    for table in (readers.read_table(path), python_read(path)):
        table.rows[3]["code_postal"] = "123"
        table.rows[4]["latitude"] = "0"
        table.rows[4]["longitude"] = "0"
        assert table.column_data is None and table.column("code_postal")[3] == "123"
        clear_caches()
        reports.append(issue_tuples(validate_table(table)))
    assert reports[0] == reports[1]
    assert {(row, field) for row, _, field, *_ in reports[0]} >= {(4, "code_postal"), (5, "latitude")}
