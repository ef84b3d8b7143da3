"""Structure rules: columns matched by name, header anomalies, blank rows, extra/missing cells."""

import dataclasses

from plugin.core.readers import read_table
from plugin.core.records import Table
from plugin.core.validation import validate_table
from tests.unit.validation.helpers import VALID


def header_issues(report):
    return {(i.field, i.code, i.value) for i in report.issues if i.row is None}


def table(header, rows, **kwargs):
    return Table(header=list(header), rows=[dict(zip(header, row)) for row in rows], source_format="csv", **kwargs)


def test_bad_header_sample(samples, options):
    report = validate_table(read_table(samples / "bad_header.csv"), options=options)
    assert header_issues(report) == {
        ("nom", "missing-required-column", ""),
        ("horaires", "missing-column", ""),
        ("", "extra-column", "colonne_en_trop"),
    }
    severities = {i.code: i.severity for i in report.issues}
    assert severities["missing-required-column"] == "error" and severities["missing-column"] == "warning"
    # a missing column is one issue, not one per row
    assert not [i for i in report.issues if i.field == "nom" and i.row is not None]


def test_reordered_columns_are_matched_by_name(samples, options):
    report = validate_table(read_table(samples / "reordered.csv"), options=options)
    assert report.errors == 0
    assert {i.code for i in report.issues if i.row is None} == {"disordered-columns"}


def test_semicolon_cp1252_sample_is_valid(samples, options):
    report = validate_table(read_table(samples / "semicolon_cp1252.csv"), options=options)
    assert report.errors == 0


def test_bad_sample_blank_row_and_extra_cell(samples, options):
    report = validate_table(read_table(samples / "bad.csv"), options=options)
    by_code = {}
    for issue in report.issues:
        by_code.setdefault(issue.code, []).append(issue)
    assert [(i.row, i.severity) for i in by_code["blank-row"]] == [(13, "error")]
    assert [(i.row, i.id, i.value) for i in by_code["extra-cell"]] == [(14, "x", "x")]


def test_missing_cells_and_lost_characters_in_an_extra_column(options):
    header = list(VALID) + ["remarque"]
    rows = [list(VALID.values()) + ["caf\ufffd"], list(VALID.values())[:-1] + ["", ""]]
    t = table(header, rows, missing_cells={2: 2}, lossy_cells=[(1, "remarque")])
    report = validate_table(t, options=options)
    found = {(i.row, i.code) for i in report.issues}
    assert (2, "missing-cell") in found and (1, "lost-characters") in found


def test_duplicate_and_blank_header_names(options):
    header = list(VALID) + ["nom", ""]
    rows = [list(VALID.values()) + ["autre nom", ""]]
    t = table(header, rows)
    report = validate_table(t, options=options)
    found = header_issues(report)
    assert ("nom", "duplicate-column", "nom") in found
    assert ("", "blank-column-name", "") in found
    assert not any(i.code == "extra-column" for i in report.issues)
    assert report.errors == 1


def test_header_case(options):
    header = [name.upper() if name == "nom" else name for name in VALID]
    t = table(header, [list(VALID.values())])
    strict = validate_table(t, options=options)
    assert ("nom", "missing-required-column", "") in header_issues(strict)
    lenient = validate_table(t, options=dataclasses.replace(options, ignore_header_case=True))
    assert lenient.errors == 0 and header_issues(lenient) == set()


def test_row_numbers_come_from_the_reader(options):
    second = dict(VALID, id="structure-2", nom="")
    t = table(list(VALID), [list(VALID.values()), list(second.values())])
    t.row_numbers = [1, 5]
    report = validate_table(t, options=options)
    assert [(i.row, i.field, i.code) for i in report.issues] == [(5, "nom", "required")]


def _paca_with_capital_nom(samples, tmp_path):
    """The PACA sample written as a CSV whose ``nom`` column is headed ``Nom``."""
    from plugin.core.schema import load_schema
    from plugin.core.writers import write_records

    schema = load_schema()
    records = read_table(samples / "hub-du-sud-paca-2023.json").schema_records(schema)
    path = tmp_path / "paca-Nom.csv"
    write_records(path, records, schema)
    lines = path.read_text(encoding="utf-8").split("\n", 1)
    path.write_text(lines[0].replace(",nom,", ",Nom,") + "\n" + lines[1], encoding="utf-8")
    return schema, records, path


def test_validation_and_import_match_a_capitalised_header_alike(samples, tmp_path, options):
    """``Nom`` with ``ignore_header_case``: the engine reads it as ``nom`` and so do the records an import
    takes (``Table.schema_records``), the side-table columns and the lieu names of the reports."""
    from plugin.core.producer_report import lieux_of_table

    schema, records, path = _paca_with_capital_nom(samples, tmp_path)
    source = read_table(path)
    assert "Nom" in source.header and len(records) == 646
    lenient = dataclasses.replace(options, ignore_header_case=True)
    assert not any(i.field == "nom" and i.row is None for i in validate_table(source, options=lenient).issues)
    assert source.field_keys(schema, ignore_case=True)["nom"] == "Nom"
    assert source.schema_records(schema, ignore_case=True) == records  # all 646 noms, none left empty
    assert "Nom" not in source.extra_columns(schema, ignore_case=True)
    assert [lieu.nom for lieu in lieux_of_table(source, schema, ignore_case=True).values()] == [
        record["nom"] for record in records
    ]
    # without the option, both read no nom and keep the column aside
    strict = validate_table(source, options=options)
    assert ("nom", "missing-required-column", "") in header_issues(strict)
    assert all(record["nom"] == "" for record in source.schema_records(schema))
    assert source.extra_columns(schema) == ["Nom"]


def test_header_match_is_the_same_from_columns_and_from_rows(options):
    """A columnar table and the same table as dicts match their headers alike (repeated and blank names)."""
    from plugin.core.records import ColumnarRecords, match_header
    from plugin.core.schema import load_schema

    schema = load_schema()
    header = ["NOM", "id", "nom", "", "remarque", "nom"]
    rows = [["A", "1", "a", "", "r", "a2"]]
    t = table(header, rows)
    columnar = Table(header=header, rows=ColumnarRecords(dict(zip(t.columns, zip(*rows)))), source_format="csv")
    for source in (t, columnar):
        match = match_header(source, schema, ignore_case=True)
        assert match.keys == {"nom": "NOM", "id": "id"}
        assert match.order == ["nom", "id"]
        assert match.extra_names == ["nom", "remarque"]  # the exact "nom" comes after "NOM": kept aside
        assert match.extra_keys == ["nom", "colonne_4", "remarque", "nom (2)"]
        assert match_header(source, schema).keys == {"id": "id", "nom": "nom"}
