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
