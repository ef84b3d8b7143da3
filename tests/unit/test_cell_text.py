"""One converter of a typed value into the standard's text (``records.cell_text``), whoever reads the value:
a JSON or XLSX file, a GeoPackage, an API payload, a QGIS layer (tests/qgis/test_layer_records.py unwraps the
Qt types into the same cases)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from plugin.core.readers import read_table
from plugin.core.records import cell_text
from plugin.core.writers import write_records

CASES = [
    (None, ""),
    ("texte", "texte"),
    (True, "true"),
    (0, "0"),
    (4000.0, "4000"),  # a code typed as a number: no spurious ".0"
    (0.00001, "0.00001"),
    (1e20, "100000000000000000000"),
    (dt.date(2024, 4, 2), "2024-04-02"),
    (dt.datetime(2024, 4, 2), "2024-04-02"),  # a datetime at midnight is a date (how spreadsheets store one)
    (dt.datetime(2024, 4, 2, 10, 30), "2024-04-02T10:30:00"),
    (dt.time(9, 30), "09:30:00"),
    (b"\x00\xff", "AP8="),  # bytes: base64, not Python's b'…' repr
    (["a", "", None, "b"], "a|b"),  # empty list items dropped
    ([1, 2.5], "1|2.5"),
    ([["a", "b"], "c"], '[["a", "b"], "c"]'),  # a nested list: its JSON, nothing flattened away
    ({"a": "é"}, '{"a": "é"}'),  # an object: JSON, not Python's repr
]


@pytest.mark.parametrize(("value", "text"), CASES, ids=[repr(value)[:30] for value, _ in CASES])
def test_cell_text(value, text):
    assert cell_text(value) == text


def test_date_only_keeps_the_date_of_a_datetime():
    assert cell_text(dt.datetime(2024, 4, 2, 10, 30), date_only=True) == "2024-04-02"


def test_json_reader_and_csv_writer_convert_alike(tmp_path, schema):
    """A JSON file's typed values and records handed to the writer give the same text."""
    item = {"id": "1", "nom": "Lieu", "services": ["Aide aux démarches administratives", ""], "pivot": 12345.0,
            "horaires": None, "complement": {"étage": 2}, "typologie": [["TIERS_LIEUX"], "FRANCE_SERVICES"]}
    path = tmp_path / "lieux.json"
    path.write_text(json.dumps([item], ensure_ascii=False), encoding="utf-8")
    read = read_table(path).rows[0]
    assert read == {key: cell_text(value) for key, value in item.items()}
    written = tmp_path / "lieux.csv"
    write_records(written, [{name: item.get(name, "") for name in schema.field_names}], schema)
    again = read_table(written).rows[0]
    assert {key: again[key] for key in item if key in schema} == {key: read[key] for key in item if key in schema}
