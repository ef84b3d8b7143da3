"""What an import and an export tell the user."""

from plugin.core.summaries import summarize_export, summarize_import
from plugin.core.validation import validate_records


def _records():
    base = {"id": "a", "nom": "Espace A", "latitude": "43.5", "longitude": "5.4"}
    return [
        base,
        {**base, "id": "b", "nom": "Espace B", "latitude": "", "longitude": ""},
        {**base, "id": "c", "nom": "", "latitude": "43,5"},
        {**base, "id": "", "nom": ""},
    ]


def test_import_summary_counts_and_lists(schema):
    records = _records()
    summary = summarize_import("lieux.csv", records, ["ref interne"], validate_records(records, schema))
    assert summary.lieux == 4
    assert summary.without_point == ["b (Espace B)", "c"]
    assert summary.unreadable_point == ["c"]
    assert summary.errors > 0 and summary.records_with_errors >= 1
    text = summary.details()
    assert "ref interne" in text and "b (Espace B)" in text and "lieux.csv" in text
    assert str(summary.errors) in summary.headline()
    assert summary.to_dict()["without_coordinates"] == 2


def test_import_summary_without_extra_columns(schema):
    summary = summarize_import("x.csv", _records()[:1], [], None)
    assert summary.extra_columns == [] and summary.errors == 0
    assert "without coordinates" not in summary.headline()


def test_export_summary(schema):
    records = _records()
    summary = summarize_export("out.csv", "csv", records, validate_records(records, schema), source="lieux")
    assert summary.lieux == 4 and not summary.conformant
    assert "NON conforme" in summary.headline()  # the French the user reads
    assert "out.csv" in summary.details()
    clean = summarize_export("out.csv", "csv", [], None)
    assert clean.conformant and "conforme au standard" in clean.headline()
