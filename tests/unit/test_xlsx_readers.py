"""The two XLSX readers (python-calamine, openpyxl as the fallback) give the same table, cell for cell."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from plugin.core.readers import read_table, xlsx_reader

openpyxl = pytest.importorskip("openpyxl")
pytest.importorskip("python_calamine")


@pytest.fixture(params=["calamine", "openpyxl"])
def reader(request, monkeypatch):
    """Each test runs with each reader: ``openpyxl`` hides python-calamine as if it were not installed."""
    if request.param == "openpyxl":
        monkeypatch.setattr(xlsx_reader, "_calamine", lambda: None)
    return request.param


def _read_both(path: Path, **kwargs):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(xlsx_reader, "_calamine", lambda: None)
        by_openpyxl = read_table(path, **kwargs)
    return read_table(path, **kwargs), by_openpyxl


def _shape(table) -> tuple:
    return (table.header, table.rows, table.row_numbers, table.blank_rows, table.extra_cells, table.layer,
            table.duplicate_headers, table.blank_headers, table.lossy_cells)


def _workbook(path: Path, fill) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Lieux"
    fill(workbook, sheet)
    workbook.save(path)
    return path


def _every_kind_of_cell(workbook, sheet) -> None:
    # the data starts at C3 (rows and columns above and left of it empty), as in hand-made workbooks
    header = ["id", "code_postal", "latitude", "date_maj", "maj", "ouverture", "actif", "nom", "formule", "part",
              "id", "", "nombre"]
    for column, name in enumerate(header, start=3):
        sheet.cell(row=3, column=column, value=name or None)
    rows = [
        ["a", 4000, 43.52609, datetime.date(2024, 4, 2), datetime.datetime(2024, 4, 2, 10, 30, 15, 500000),
         datetime.time(9, 30), True, "Été", "=D4*2", 0.25, "a-bis", "sans titre", 12345678901234],
        [],
        ["b", 13001.0, 5, datetime.datetime(2024, 4, 2), None, None, False, None, None, -0.0, None, None, 1e-7,
         "en trop", 7],
        [" espacé ", "0123", 1 / 3, "02/04/2024", "", datetime.time(0, 0), None, "x\ufffdy", None, 1e20, None, None,
         -12.5],
        [None, None, None, None, None, None, None, "seul", None, None],
    ]
    for number, values in enumerate(rows, start=4):
        for column, value in enumerate(values, start=3):
            sheet.cell(row=number, column=column, value=value)
    sheet.cell(row=4, column=6).number_format = "dd/mm/yyyy"
    sheet.cell(row=4, column=12).number_format = "0%"
    for number in (9, 10):  # trailing formatted but empty rows
        sheet.cell(row=number, column=3).number_format = "@"
    workbook.create_sheet("Autre").append(["id", "nom"])
    workbook["Autre"].append(["z", "Z"])


def test_both_readers_give_the_same_cells(tmp_path):
    path = _workbook(tmp_path / "lieux.xlsx", _every_kind_of_cell)
    calamine, fallback = _read_both(path)
    assert _shape(calamine) == _shape(fallback)
    first = calamine.rows[0]
    assert (first["code_postal"], first["latitude"], first["date_maj"], first["maj"], first["ouverture"]) == (
        "4000", "43.52609", "2024-04-02", "2024-04-02T10:30:15.500000", "09:30:00")
    assert (first["actif"], first["formule"], first["part"], first["nombre"]) == ("true", "", "0.25", "12345678901234")
    assert calamine.rows[1]["actif"] == "false" and calamine.rows[1]["part"] == "0"
    assert calamine.rows[2]["id"] == " espacé " and calamine.rows[2]["code_postal"] == "0123"
    assert calamine.row_numbers == [1, 3, 4, 5] and calamine.blank_rows == [2]
    assert calamine.extra_cells == {3: ["en trop", "7"]}
    assert calamine.lossy_cells and calamine.duplicate_headers == {"id": [3, 13]}  # columns A and B are blank
    assert _shape(read_table(path, layer="Autre")) == _shape(_read_both(path, layer="Autre")[1])


def test_error_cells_keep_their_text_with_either_reader(tmp_path, reader):
    def fill(workbook, sheet):
        sheet.append(["id", "code_insee"])
        sheet.append(["a", "#N/A"])  # openpyxl writes a string starting with # as an error cell
        sheet.append(["b", "04070"])

    table = read_table(_workbook(tmp_path / "erreurs.xlsx", fill))
    assert table.rows == [{"id": "a", "code_insee": "#N/A"}, {"id": "b", "code_insee": "04070"}]


def test_the_lieux_of_a_generated_file_are_read_alike(tmp_path):
    from bench.generate import Generator

    records = Generator(7).records(300)

    def fill(workbook, sheet):
        header = list(records[0])
        sheet.append(header)
        for record in records:  # coordinates typed as numbers, as a spreadsheet user has them
            sheet.append([_number(record[name]) if name in ("latitude", "longitude") else record[name]
                          for name in header])

    calamine, fallback = _read_both(_workbook(tmp_path / "lieux.xlsx", fill))
    assert calamine.row_count == 300 and calamine.column_data is not None  # columns, no record dicts built
    assert _shape(calamine) == _shape(fallback)


def _number(text: str):
    try:
        return float(text)
    except ValueError:
        return text


def test_sheet_errors_are_the_same(tmp_path, reader):
    from plugin.core.errors import ReadError

    path = _workbook(tmp_path / "lieux.xlsx", lambda workbook, sheet: sheet.append(["id"]))
    with pytest.raises(ReadError) as info:
        read_table(path, layer="Nope")
    assert info.value.code == "unknown-layer" and "Lieux" in info.value.message
    empty = _workbook(tmp_path / "vide.xlsx", lambda workbook, sheet: None)
    with pytest.raises(ReadError) as info:
        read_table(empty)
    assert info.value.code == "empty"
