"""The engine as a whole: reports, languages, the clean-cell shortcut, batch = record by record."""

import dataclasses
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plugin.core import i18n
from plugin.core.schema import load_schema
from plugin.core.validation import Report, check_record, validate_records, validator_for
from plugin.core.validation.codes import CODES, render
from tests.unit.validation.helpers import VALID

SCHEMA = load_schema()

# Characters that matter to the rules: digits, letters, accents, separators, spaces, formula starts, U+FFFD.
ALPHABET = "0123456789abcdefxyzWABCDÉéèàç +-=@|;,./:_()'’«»\t\n\xa0\ufffd#%?&~"
CELL = st.one_of(
    st.text(alphabet=ALPHABET, max_size=40),
    st.sampled_from([v for v in VALID.values()] + ["", " ", "+33180059880", "51100", "2024-04-02", "Fixe",
                                                   "W751234567", "00000000000000", "TIERS_LIEUX", "a@b.fr"]),
)


def test_report_counts_and_json_shape(options):
    records = [dict(VALID), dict(VALID, id="b", code_postal="4000", nom=" x")]
    report = validate_records(records, options=options)
    assert isinstance(report, Report)
    assert (report.rows, report.errors, report.warnings) == (2, 1, 1)
    payload = report.to_dict()
    assert list(payload) == ["rows", "errors", "warnings", "issues"]
    assert list(payload["issues"][0]) == ["row", "id", "field", "code", "severity", "message", "value", "suggestion"]
    json.dumps(payload)
    assert report.by_code() == {"postal-code-format": 1, "whitespace": 1}
    assert report.by_field() == {"code_postal": 1, "nom": 1}
    assert [issue.row for issue in report.issues] == [2, 2]
    assert report.issues[0].field == "nom"  # schema order within a row


def test_every_code_has_a_severity_title_and_message():
    for code, entry in CODES.items():
        assert entry.severity in ("error", "warning"), code
        assert entry.title and entry.template, code
        assert render(code, field="x", value="v", items="“i”", count=2) != "", code


def test_messages_follow_the_language(options):
    translations = {("Validation", CODES["required"].template): "Cellule vide : « {field} » est obligatoire."}

    def fake_french(context, text):
        return translations.get((context, text), text)

    # under a language of its own: validators (and their cached messages) are kept per language, and the real
    # French of the shipped catalogue may already be cached under "fr" by an earlier test
    i18n.install_translator(fake_french, "xx")
    try:
        french = check_record(dict(VALID, nom=""), options=options)
    finally:
        i18n.use_language("en")
    assert french[0].message == "Cellule vide : « nom » est obligatoire."
    english = check_record(dict(VALID, nom=""), options=options)
    assert english[0].message == "Empty cell: “nom” is required. Fill it in."


def test_language_option_restores_the_active_translator(options):
    import dataclasses

    check_record(dict(VALID, nom=""), options=dataclasses.replace(options, language="fr"))
    assert i18n.current_language() == "en"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_clean_cell_never_hides_a_finding(options, data):
    """The C-speed shortcut (clean regex) must agree with the full check of every field."""
    validator = validator_for(SCHEMA, options)
    for spec in SCHEMA.fields:
        check = validator.cell_checks[spec.name]
        value = data.draw(CELL, label=spec.name)
        if check.clean is not None and check.clean.fullmatch(value):
            assert check(value, "FR") == (), (spec.name, value)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=st.lists(st.fixed_dictionaries({name: CELL for name in SCHEMA.field_names}), min_size=1, max_size=6))
def test_batch_validation_equals_record_by_record(options, cells):
    batch = validate_records(cells, options=options)
    single = []
    for row, record in enumerate(cells, start=1):
        single.extend(check_record(record, options=options, row=row))
    without_unique = [_base_id(issue) for issue in batch.issues if issue.code != "unique"]
    assert sorted(without_unique, key=repr) == sorted(map(_base_id, single), key=repr)


def _base_id(issue):
    """A generated id without the ``-2``… a batch adds to keep ids unique (it depends on the other records)."""
    if issue.field == "id" and issue.suggestion:
        return dataclasses.replace(issue, suggestion=issue.suggestion.rsplit("-", 1)[0]
                                   if issue.suggestion.count("-") > 1 else issue.suggestion)
    return issue


def test_records_with_missing_keys_and_non_string_values(options):
    record = {k: v for k, v in VALID.items() if k != "horaires"}
    record["latitude"] = 49.25174
    record["longitude"] = None
    issues = check_record(record, options=options)
    assert {(i.field, i.code) for i in issues} == {("longitude", "coordinates-incomplete")}


def test_every_code_is_documented_in_the_readme(repo_root):
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Codes des anomalies", 1)[1].split("\n## ", 1)[0]
    documented = {line.split("`")[1] for line in section.splitlines() if line.startswith("| `")}
    assert documented == set(CODES)


def test_options_from_the_plugin_settings():
    from plugin.core.validation import ValidationOptions
    from plugin.toolbelt.settings import PlgSettings

    options = ValidationOptions.from_settings(PlgSettings(validation_max_age_days=365), language="en")
    assert (options.max_age_days, options.centroid_distance_km, options.language) == (365, 30.0, "en")
    assert options.ignore_header_case is False
