"""The issue set every view validates (duplicates included) and the counts every view shows."""

from __future__ import annotations

import csv

from plugin.core.readers import read_table
from plugin.core.validation import DuplicateSettings, IncrementalValidator, ValidationOptions, validate_table
from plugin.core.validation.issue_set import IssueCounts, issue_counts, issue_options, issue_set

from .helpers import TODAY, VALID


def _lieux() -> list[dict]:
    twin = dict(VALID, id="structure-2", nom="ANONYMAL", latitude="49.25175")  # same pivot a metre away
    stale = dict(VALID, id="structure-3", pivot="", nom="Autre lieu", latitude="49.3", date_maj="2019-01-02")
    broken = dict(VALID, id="structure-4", pivot="", nom="Encore un", latitude="49.4", code_postal="5110")
    return [dict(VALID), twin, stale, broken]


def _csv(path, records, drop=("itinerance",)) -> str:
    names = [name for name in VALID if name not in drop] + ["ma_colonne"]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=names, extrasaction="ignore")
        writer.writeheader()
        writer.writerows({**record, "ma_colonne": "x"} for record in records)
    return str(path)


def test_issue_options_add_duplicates_and_keep_the_rest():
    options = issue_options(ValidationOptions(today=TODAY, max_age_days=10))
    assert options.duplicates == DuplicateSettings() and options.today == TODAY and options.max_age_days == 10
    settings = DuplicateSettings(pivot_distance_m=5.0)
    assert issue_options(duplicates=settings, today=TODAY).duplicates is settings
    assert issue_options(ValidationOptions(duplicates=settings)).duplicates is settings


def test_a_file_and_its_records_give_the_same_lieux_counts(tmp_path):
    records = _lieux()
    table = read_table(_csv(tmp_path / "lieux.csv", records, drop=()))
    options = ValidationOptions(today=TODAY)
    of_file = issue_counts(issue_set(table, options=options))
    of_records = issue_counts(issue_set(records, options=options))
    live = IncrementalValidator(options=issue_options(options))
    live.load(dict(enumerate(records, start=1)))
    of_live = issue_counts(live.report())
    # the file has a column of its own: an issue of the file, not of a lieu
    assert (of_file.file_errors, of_file.file_warnings) != (0, 0)
    assert of_records.file_errors == of_records.file_warnings == 0
    lieux = lambda counts: (counts.errors, counts.warnings, counts.lieux_with_errors, counts.duplicates)  # noqa: E731
    assert lieux(of_file) == lieux(of_records) == lieux(of_live)
    assert of_file.duplicates == 2 and of_file.errors >= of_file.lieux_with_errors >= 1
    # the engine alone finds no duplicate: the issue set adds them
    assert issue_counts(validate_table(table, options=options)).duplicates == 0


def test_counts_split_lieux_and_file_and_say_it(tmp_path, english):
    table = read_table(_csv(tmp_path / "lieux.csv", _lieux()))
    report = issue_set(table, options=ValidationOptions(today=TODAY))
    counts = issue_counts(report)
    missing = [issue for issue in report.issues if issue.row is None]
    assert counts.file_errors + counts.file_warnings == len(missing) >= 2  # itinerance missing, ma_colonne extra
    assert counts.total_errors == report.errors and counts.total_warnings == report.warnings
    assert counts.lieux == 4 and not counts.conformant
    assert issue_counts(report.issues, lieux=4) == counts
    by_lieu: dict = {}
    for issue in report.issues:
        by_lieu.setdefault(issue.row, []).append(issue)
    assert issue_counts(by_lieu, lieux=4) == counts
    text = counts.text()
    assert f"{counts.errors} errors" in text and "2 lieux flagged as probable duplicates" in text
    assert "the file's columns" in text
    assert "file" not in IssueCounts(lieux=1).text() and IssueCounts().conformant
