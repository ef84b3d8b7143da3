"""Oracle: frictionless 5 (the engine behind Validata) validates the same files with the same schema; every
schema error it reports must be reported by our engine too, as an error, at the same row and field.

frictionless runs with ``Detector(schema_sync=True)`` (columns matched by name, as Validata does) in a trusted
context with no error limit. Its row numbers count the header as row 1; ours count data rows (blank rows
included), so frictionless's row N is our row N - 1.
"""

from __future__ import annotations

import csv
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plugin.core.readers import read_table
from plugin.core.records import cell_text
from plugin.core.schema import load_schema
from plugin.core.validation import ValidationOptions, validate_table
from tests.unit.validation.helpers import TODAY, VALID

frictionless = pytest.importorskip("frictionless")

SCHEMA = load_schema()
ROW_ERRORS = {"blank-row", "primary-key", "extra-cell", "missing-cell", "duplicate-row"}


def frictionless_errors(path) -> list[dict]:
    from frictionless import Detector, Resource, Schema, system

    schema = Schema.from_descriptor(str(SCHEMA.source_path))
    with system.use_context(trusted=True):
        report = Resource(str(path), schema=schema, detector=Detector(schema_sync=True)).validate(
            limit_errors=1_000_000
        )
    return [error.to_dict() for task in report.tasks for error in task.errors]


def assert_covered(path) -> tuple[int, int]:
    """Every frictionless error on ``path`` is one of ours; returns (their count, our error count)."""
    theirs = frictionless_errors(path)
    report = validate_table(read_table(path), options=ValidationOptions(today=TODAY))
    errors = [issue for issue in report.issues if issue.severity == "error"]
    cells = {(issue.row, issue.field) for issue in errors}
    rows = {issue.row for issue in errors}
    missing = []
    for error in theirs:
        row = error.get("rowNumber")
        row = row - 1 if row else None
        field = error.get("fieldName") or None
        if error["type"] in ROW_ERRORS or (row is not None and field is None):
            ok = row in rows
        else:
            ok = (row, field) in cells
        if not ok:
            missing.append((error["type"], row, field, error.get("cell")))
    assert not missing, f"frictionless errors we do not report: {missing[:10]}"
    return len(theirs), len(errors)


@pytest.mark.parametrize("name", ["bad.csv", "bad_header.csv", "exemple-valide.csv", "reordered.csv",
                                  "semicolon_cp1252.csv"])
def test_shared_samples(samples, name):
    theirs, ours = assert_covered(samples / name)
    if name == "bad.csv":
        assert theirs == 32  # validation-rules.md §1.2


def test_what_frictionless_misses(samples, tmp_path):
    """The defects frictionless (and Validata) miss: typologie, horaires (bad.csv), the placeholder pivot."""
    report = validate_table(read_table(samples / "bad.csv"), options=ValidationOptions(today=TODAY))
    found = {(issue.id, issue.field, issue.code) for issue in report.issues}
    assert ("bad-typo", "typologie", "typologie-unknown") in found
    assert ("bad-horaires", "horaires", "opening-hours-invalid") in found
    path = write_records(tmp_path / "placeholder.csv", [dict(VALID, pivot="00000000000000")])
    assert frictionless_errors(path) == []
    report = validate_table(read_table(path), options=ValidationOptions(today=TODAY))
    assert [(i.field, i.code) for i in report.issues] == [("pivot", "pivot-placeholder")]


def write_records(path, records, header=SCHEMA.field_names):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(header), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(records)
    return path


def test_paca_sample_flattened(samples, tmp_path):
    data = json.loads((samples / "hub-du-sud-paca-2023.json").read_text(encoding="utf-8"))
    records = [{name: cell_text(item.get(name)) for name in SCHEMA.field_names}
               for item in data]
    theirs, ours = assert_covered(write_records(tmp_path / "paca.csv", records))
    assert theirs == 0 and ours == 0


# Cells that break the schema in the ways real files do, mixed with valid ones.
PERTURBED = {
    "id": st.sampled_from(["", "a", "b", "lieu-1", " "]),
    "pivot": st.sampled_from(["43493312300029", "4349331230002", "434 933 123 00029", "W751234567", "x", "",
                              "00000000000000", "RIDET12"]),
    "nom": st.sampled_from(["Médiathèque", "", " ", "=1+1"]),
    "code_postal": st.sampled_from(["51100", "4000", "51100 ", "2A004", "", "5110a"]),
    "code_insee": st.sampled_from(["51454", "4070", "2A004", "20004", "", "2a004", "97411"]),
    "latitude": st.sampled_from(["49.25", "49,25", "", "x", " 49.25", "1e3", "-0", "NaN", "inf", "4 9"]),
    "longitude": st.sampled_from(["4.03", "4,03", "", "4.03.1", "+4"]),
    "telephone": st.sampled_from(["+33180059880", "01 80 05 98 80", "", "+3318005988", "+33 1", "3949"]),
    "date_maj": st.sampled_from(["2024-04-02", "02/04/2024", "2024-4-2", "2024-02-30", "", "2024-04-02T10:00",
                                 "20240402"]),
    "presentation_resume": st.sampled_from(["court", "x" * 280, "x" * 281, "é" * 290, ""]),
    "itinerance": st.sampled_from(["Fixe", "fixe", "Fixe|Itinérant", "Fixe|", "|Fixe", "Fixe| Itinérant", "x", ""]),
    "services": st.sampled_from(["Aide aux démarches administratives", "Aide aux démarches administratives,Loisirs "
                                 "et créations numériques", "aide aux démarches administratives", "", "Autre"]),
    "formations_labels": st.sampled_from(["Étapes numériques (La Poste)", "Étapes numériques(La Poste)", "ORDI 3.0",
                                          "ORDI 3.0||ORDI 3.0"]),
    "modalites_accompagnement": st.sampled_from(["À distance", "À distance (par téléphone ou en visioconférence)",
                                                 "A distance", ""]),
}


@st.composite
def perturbed_records(draw):
    count = draw(st.integers(min_value=1, max_value=8))
    records = []
    for _ in range(count):
        record = dict(VALID)
        for name in draw(st.sets(st.sampled_from(sorted(PERTURBED)), min_size=1, max_size=6)):
            record[name] = draw(PERTURBED[name])
        records.append(record)
    return records


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=perturbed_records(), columns=st.permutations(SCHEMA.field_names))
def test_generated_invalid_files(tmp_path_factory, records, columns):
    path = tmp_path_factory.mktemp("oracle") / "generated.csv"
    assert_covered(write_records(path, records, header=columns))
