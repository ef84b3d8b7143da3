"""The command line: exit codes, JSON report, HTML report, fix mode; never a traceback."""

import csv
import hashlib
import json
import subprocess
import sys

import pytest

from plugin.core import cli
from tests.unit.validation.helpers import VALID

ROOT_ARGS = ["--today", "2024-06-01", "--lang", "en"]


def run(capsys, *args):
    code = cli.main(["validate", *map(str, args), *ROOT_ARGS])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def write_csv(path, records):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(VALID))
        writer.writeheader()
        writer.writerows(records)
    return path


def test_valid_file_exits_0(capsys, tmp_path):
    code, out, _ = run(capsys, write_csv(tmp_path / "ok.csv", [VALID]))
    assert code == 0
    assert "CONFORMANT" in out and "0 errors" in out


def test_bad_file_exits_1_with_the_json_report(capsys, samples):
    code, out, _ = run(capsys, samples / "bad.csv", "--format", "json")
    assert code == 1
    payload = json.loads(out)
    assert list(payload) == ["rows", "errors", "warnings", "counts", "issues"]
    assert payload["rows"] == 13
    assert payload["errors"] == len([i for i in payload["issues"] if i["severity"] == "error"])
    counts = payload["counts"]  # the split of every view: the lieux's issues, the file's columns'
    assert counts["errors"] + counts["file_errors"] == payload["errors"]
    assert counts["file_errors"] + counts["file_warnings"] == len([i for i in payload["issues"] if i["row"] is None])
    first = payload["issues"][0]
    assert set(first) == {"row", "id", "field", "code", "severity", "message", "value", "suggestion"}
    found = {(i["row"], i["field"], i["code"]) for i in payload["issues"]}
    assert {(2, "date_maj", "type-date"), (13, "", "blank-row"), (14, "", "extra-cell"), (11, "typologie",
            "typologie-unknown"), (12, "horaires", "opening-hours-invalid")} <= found
    date = next(i for i in payload["issues"] if i["code"] == "type-date" and i["row"] == 2)
    assert date["suggestion"] == "2024-04-02" and date["value"] == "02/04/2024"


def test_text_report_summarises_by_rule_then_lists_the_issues(capsys, samples):
    code, out, _ = run(capsys, samples / "bad.csv")
    assert code == 1
    summary, issues = out.split("Summary by rule")[1].split("\nIssues\n")
    assert "enum" in summary and "blank-row" in summary
    assert "Row 2 · id bad-date" in issues and "→ suggested fix: “2024-04-02”" in issues


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00\x01\x02\xff\xfe" * 200, b"PK\x03\x04garbage", b'[{"id": "a", "nom": '],
    ids=["empty", "binary", "broken-zip", "truncated-json"],
)
def test_unreadable_input_exits_2_with_a_message(capsys, tmp_path, content):
    path = tmp_path / ("file.json" if content.startswith(b"[") else "file.csv")
    path.write_bytes(content)
    code, out, err = run(capsys, path)
    assert code == 2 and out == "" and err.strip()


def test_missing_file_and_bad_arguments_exit_2(capsys, tmp_path):
    code, _, err = run(capsys, tmp_path / "absent.csv")
    assert code == 2 and "absent.csv" in err
    assert cli.main(["validate"]) == 2
    assert cli.main(["validate", "x.csv", "--format", "pdf"]) == 2
    assert cli.main(["validate", str(tmp_path / "absent.csv"), "--today", "hier"]) == 2
    capsys.readouterr()


def test_internal_error_exits_3_without_traceback(capsys, tmp_path, monkeypatch):
    import plugin.core.validation.issue_set as issue_set  # the CLI validates through the issue set

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(issue_set, "validate_table", broken)
    monkeypatch.delenv("MEDNUM_DEBUG", raising=False)
    code, _, err = run(capsys, write_csv(tmp_path / "ok.csv", [VALID]))
    assert code == 3 and "RuntimeError" in err and "bug" in err


def test_html_report_is_self_contained(capsys, samples, tmp_path):
    target = tmp_path / "rapport.html"
    code, out, err = run(capsys, samples / "bad.csv", "--format", "html", "-o", target)
    assert code == 1 and out == "" and str(target) in err
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page and 'src="http' not in page
    for text in ("Summary by rule", "Summary by field", "Summary by commune", "type-date", "2024-04-02", "Anonymal",
                 "Reims"):
        assert text in page


def test_fix_mode_writes_a_corrected_copy_and_never_touches_the_input(capsys, tmp_path):
    bad = dict(VALID, id="b", code_postal="4000", code_insee="4070", commune="Digne-les-Bains", latitude="44,09",
               longitude="6.23", telephone="04 92 30 52 00", date_maj="02/04/2024")
    source = write_csv(tmp_path / "in.csv", [VALID, bad])
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    target = tmp_path / "out.csv"
    code, out, err = run(capsys, source, "--fix", target, "--format", "json")
    assert code == 1  # the report is about the input
    assert hashlib.sha256(source.read_bytes()).hexdigest() == digest
    payload = json.loads(out)
    assert {(c["row"], c["field"], c["after"]) for c in payload["changes"]} == {
        (2, "code_postal", "04000"), (2, "code_insee", "04070"), (2, "latitude", "44.09"),
        (2, "telephone", "+33492305200"), (2, "date_maj", "2024-04-02")}
    assert "5 changes (safe fixes only)" in err and "0 errors left" in err
    with open(target, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[1]["code_postal"] == "04000" and rows[1]["telephone"] == "+33492305200"
    code, _, _ = run(capsys, target)
    assert code == 0


def test_fix_mode_lists_the_blank_rows_and_extra_cells_it_drops(capsys, samples, tmp_path):
    code, out, _ = run(capsys, samples / "bad.csv", "--fix", tmp_path / "fixed.csv", "--format", "json")
    changes = json.loads(out)["changes"]
    assert {"row": 13, "id": "", "field": "", "before": "", "after": "", "codes": ["blank-row"]} in changes
    assert {"row": 14, "id": "x", "field": "", "before": "x", "after": "", "codes": ["extra-cell"]} in changes
    assert [c["row"] for c in changes] == sorted(c["row"] for c in changes)


def test_fix_mode_keeps_extra_columns_and_refuses_to_overwrite_the_input(capsys, tmp_path):
    source = tmp_path / "in.csv"
    with open(source, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([*VALID, "remarque"])
        writer.writerow([*VALID.values(), "à garder"])
    code, _, _ = run(capsys, source, "--fix", tmp_path / "out.csv")
    assert code == 0
    with open(tmp_path / "out.csv", encoding="utf-8", newline="") as handle:
        assert next(csv.DictReader(handle))["remarque"] == "à garder"
    code, _, err = run(capsys, source, "--fix", source)
    assert code == 2 and err.strip()


def test_python_dash_m_plugin_from_the_repository_root(repo_root, samples):
    result = subprocess.run(
        [sys.executable, "-m", "plugin", "validate", str(samples / "bad.csv"), "--format", "json"],
        cwd=repo_root, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["rows"] == 13


@pytest.mark.parametrize("suffix", [".csv", ".json", ".xlsx", ".geojson", ".gpkg", ".txt"])
def test_generated_garbage_never_gives_a_traceback(tmp_path, suffix):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(content=st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300).map(lambda text: text.encode("utf-8", "surrogatepass")),
        st.lists(st.text(alphabet='ab,;"\n\t\r|é\x00', max_size=12), max_size=12).map(
            lambda cells: ("id,nom\n" + ",".join(cells)).encode("cp1252", "replace")),
    ))
    def check(content):
        path = tmp_path / f"garbage{suffix}"
        path.write_bytes(content)
        import contextlib
        import io

        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(["validate", str(path), "--format", "json"])
        assert code in (0, 1, 2), (code, err.getvalue())
        assert "Traceback" not in out.getvalue() + err.getvalue()
        if code == 2:
            assert err.getvalue().strip()
        else:
            json.loads(out.getvalue())

    check()
