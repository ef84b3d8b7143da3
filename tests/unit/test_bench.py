"""The benchmark harness and its generator (small sizes: the real run is `make bench`)."""

from __future__ import annotations

import json

import pytest

from bench import generate
from bench.run import Context, _meets
from plugin.core.readers import read_table


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    path = tmp_path_factory.mktemp("bench") / "lieux.csv"
    truth = generate.generate(path, rows=2000, seed=7)
    return path, truth


def test_generator_is_deterministic_and_conformant_in_shape(generated, tmp_path, schema):
    path, truth = generated
    again = tmp_path / "again.csv"
    generate.generate(again, rows=2000, seed=7)
    assert again.read_bytes() == path.read_bytes()
    table = read_table(path)
    assert table.header == list(schema.field_names) and len(table.rows) == 2000
    assert not (table.blank_rows or table.extra_cells or table.missing_cells)
    assert 0.04 < truth["rows_with_defects"] / 2000 < 0.15


def test_injected_defects_are_where_the_ground_truth_says(generated):
    path, truth = generated
    rows = read_table(path).rows
    defects = json.loads(generate.defects_path(path).read_text(encoding="utf-8"))["defects"]
    assert defects == truth["defects"]
    checks = {
        "date_maj_french_format": lambda r: "/" in r["date_maj"],
        "latitude_decimal_comma": lambda r: "," in r["latitude"],
        "pivot_placeholder": lambda r: r["pivot"] == "00000000000000",
        "code_postal_lost_zero": lambda r: len(r["code_postal"]) == 4,
        "telephone_national_format": lambda r: r["telephone"].startswith("0"),
        "adresse_missing": lambda r: r["adresse"] == "",
    }
    for kind, check in checks.items():
        assert defects[kind], kind
        assert all(check(rows[number - 1]) for number in defects[kind]), kind
    ids = [row["id"] for row in rows]
    assert all(ids.count(rows[number - 1]["id"]) >= 2 for number in defects["id_duplicated"])
    clean = set(range(1, 2001)) - {n for numbers in defects.values() for n in numbers}
    assert all(rows[n - 1]["pivot"] != "00000000000000" and "/" not in rows[n - 1]["date_maj"] for n in clean)


def test_context_measures_and_reports(tmp_path, capsys):
    ctx = Context(data_csv=tmp_path / "x.csv", rows=10, repeat=3, output=tmp_path)
    calls = []
    seconds, value = ctx.measure(lambda: calls.append(1) or 42, warmup=1)
    assert len(calls) == 4 and value == 42 and seconds >= 0
    ctx.module = "demo"
    ctx.report("speed", 60_000, "rows/s", 50_000)
    ctx.report("time", 3.0, "s", 2)
    ctx.report("ratio", 4.0, "×", ">= 5")
    assert [r.ok for r in ctx.results] == [True, False, False]
    assert "speed" in capsys.readouterr().out
    assert _meets(1.0, "MB", None) is None and _meets(400, "MB", "< 500") is True


def test_peak_memory_sees_what_a_function_allocates(tmp_path):
    ctx = Context(data_csv=tmp_path / "x.csv", rows=0, output=tmp_path)
    assert ctx.peak_memory(lambda: bytearray(80 * 1024 * 1024)) > 60
    assert ctx.peak_memory(lambda: None) < 20


def test_process_peak_memory_is_the_child_s_own(tmp_path):
    """A fresh process's peak is its own, not the resident size it inherits from a large parent (ru_maxrss)."""
    ctx = Context(data_csv=tmp_path / "x.csv", rows=0, output=tmp_path)
    ballast = bytearray(300 * 1024 * 1024)
    ballast[:: 4096] = b"\x01" * len(ballast[:: 4096])  # resident, not just reserved
    assert ctx.process_peak_memory("pass") < 150
    assert ctx.process_peak_memory("x = bytearray(200 * 1024 * 1024); x[::4096] = b'1' * len(x[::4096])") > 180
    del ballast
