"""Table Schema constraints with frictionless semantics: required, types, patterns, maxLength, enums, unique."""

import pytest

from plugin.core.validation import check_record, validate_records
from tests.unit.validation.helpers import VALID, codes, only


def test_the_valid_record_has_no_issue(check):
    assert check() == []


@pytest.mark.parametrize("name", ["id", "pivot", "nom", "commune", "code_postal", "adresse", "date_maj"])
def test_required_fields(check, name):
    issue = only(check(**{name: ""}), name)
    assert (issue.code, issue.severity) == ("required", "error")
    # only a missing id has a safe fix: a stable id generated from the lieu (fixes.stable_ids)
    assert (issue.suggestion is not None) == (name == "id")
    assert name in issue.message


def test_whitespace_only_required_cell_is_missing(check):
    assert codes(check(nom="   "), "nom") == {"required"}


@pytest.mark.parametrize("name", ["code_insee", "latitude", "telephone", "services", "horaires", "typologie"])
def test_optional_fields_may_be_empty(check, name):
    cells = {name: ""}
    if name == "latitude":
        cells["longitude"] = ""
    assert [i for i in check(**cells) if i.field == name and i.severity == "error"] == []


@pytest.mark.parametrize("value", ["43.52609", "-4", "+5.1", ".5", "5.", "1e3", " 43.5 "])
def test_numbers_that_frictionless_reads(check, value):
    assert "type-number" not in codes(check(latitude=value), "latitude")


@pytest.mark.parametrize(
    "value, suggestion",
    [("43,52609", "43.52609"), ("x", None), ("43.5°", None), ("1 234", None), (" ", None), ("NaN", None)],
)
def test_numbers_rejected(check, value, suggestion):
    issue = next(i for i in check(latitude=value) if i.code == "type-number")
    assert issue.severity == "error" and issue.value == value and issue.suggestion == suggestion


@pytest.mark.parametrize(
    "value, suggestion",
    [
        ("02/04/2024", "2024-04-02"),
        ("2/4/2024", "2024-04-02"),
        ("02.04.2024", "2024-04-02"),
        ("2024/04/02", "2024-04-02"),
        ("2024-4-2", "2024-04-02"),
        ("2024-04-02T10:30:00+02:00", "2024-04-02"),
        ("2024-04-02 10:30", "2024-04-02"),
        ("31/02/2024", None),
        ("2024-02-30", None),
        ("avril 2024", None),
        ("04/2024", None),
    ],
)
def test_dates(check, value, suggestion):
    issue = only(check(date_maj=value), "date_maj")
    assert (issue.code, issue.suggestion) == ("type-date", suggestion)


@pytest.mark.parametrize(
    "name, value, code, suggestion",
    [
        ("code_postal", "4000", "postal-code-format", "04000"),
        ("code_postal", "4000.0", "postal-code-format", "04000"),
        ("code_postal", "51 100", "postal-code-format", "51100"),
        ("code_postal", "510000", "postal-code-format", None),
        ("code_postal", "BP 51100", "postal-code-format", None),
        ("code_insee", "4070", "insee-format", "04070"),
        ("code_insee", "20004", "insee-format", None),  # Corsica is 2A/2B
        ("code_insee", "2a004", "insee-format", None),
        ("pivot", "434 933 123 00029", "pivot-format", "43493312300029"),
        ("pivot", "000000000000000", "pivot-format", None),
        ("pivot", "12345", "pivot-format", None),
        ("telephone", "01 80 05 98 80", "phone-format", "+33180059880"),
        ("telephone", "0180059880", "phone-format", "+33180059880"),
        ("telephone", "+33 1 80 05 98 80", "phone-format", "+33180059880"),
        ("telephone", "+33 (0)1 80 05 98 80", "phone-format", "+33180059880"),
        ("telephone", "0033180059880", "phone-format", "+33180059880"),
        ("telephone", "3949", "phone-format", None),
        ("telephone", "01 80 05 98 80 / 06 12 34 56 78", "phone-format", None),
        ("telephone", "+44 20 7946 0958", "phone-format", None),  # valid, but not a prefix the schema allows
    ],
)
def test_patterns_full_match_with_safe_suggestions(check, name, value, code, suggestion):
    issue = only(check(**{name: value}), name)
    assert (issue.code, issue.severity, issue.suggestion) == (code, "error", suggestion)


def test_pattern_is_a_full_match_not_a_search(check):
    assert codes(check(code_postal="511000"), "code_postal") == {"postal-code-format"}
    assert codes(check(code_postal="51100\n"), "code_postal") == {"postal-code-format"}


def test_overseas_phone_suggestion_uses_the_postal_code(check):
    issue = only(check(telephone="0590 12 34 56", code_postal="97110", code_insee="97120", commune="Pointe-à-Pitre",
                       latitude="", longitude=""), "telephone")
    assert issue.suggestion == "+590590123456"
    issue = only(check(telephone="0262 21 34 56", code_postal="97400", code_insee="97411", commune="Saint-Denis",
                       latitude="", longitude=""), "telephone")
    assert issue.suggestion == "+262262213456"


def test_max_length(check):
    issue = only(check(presentation_resume="x" * 281), "presentation_resume")
    assert (issue.code, issue.severity) == ("max-length", "error")
    assert "281" in issue.message and "280" in issue.message
    assert check(presentation_resume="é" * 280) == []


@pytest.mark.parametrize(
    "name, value, code, suggestion",
    [
        ("services", "Aide aux démarches administratives;Loisirs et créations numériques", "list-separator",
         "Aide aux démarches administratives|Loisirs et créations numériques"),
        ("services", "Aide aux démarches administratives | Loisirs et créations numériques", "list-separator",
         "Aide aux démarches administratives|Loisirs et créations numériques"),
        ("frais_a_charge", "Gratuit, Payant", "list-separator", "Gratuit|Payant"),
        ("frais_a_charge", "Gratuit|", "list-separator", "Gratuit"),
        ("frais_a_charge", "gratuit", "enum-spelling", "Gratuit"),
        ("publics_specifiquement_adresses", "Etudiants", "enum-spelling", "Étudiants"),
        ("itinerance", "itinerant", "enum-spelling", "Itinérant"),
        ("formations_labels", "Étapes numériques (La Poste)", "documented-value", "Étapes numériques(La Poste)"),
        ("modalites_accompagnement",
         "Dans un atelier collectif : j'apprends collectivement à utiliser le numérique|En autonomie",
         "documented-value", "Dans un atelier collectif|En autonomie"),
        ("modalites_accompagnement", "À distance (par téléphone ou en visioconférence)", "documented-value",
         "À distance"),
        ("services", "Comprehension du monde numérique", "documented-value", "Compréhension du monde numérique"),
        ("itinerance", "Mobile", "enum", None),
        ("services", "Aide aux démarches administratives|Cours de cuisine", "enum", None),
    ],
)
def test_list_fields(check, name, value, code, suggestion):
    issues = [i for i in check(**{name: value}) if i.field == name]
    assert code in {i.code for i in issues}
    assert all(i.severity == "error" for i in issues)
    assert {i.suggestion for i in issues} == {suggestion}


def test_enum_message_names_the_wrong_item_and_the_allowed_values(check):
    issue = only(check(itinerance="Fixe|Mobile"), "itinerance")
    assert "“Mobile”" in issue.message and "Itinérant" in issue.message and "Fixe" in issue.message


def test_list_with_duplicates_and_every_allowed_value_passes(schema_v102, check):
    for spec in schema_v102.enum_fields:
        issues = check(**{spec.name: "|".join(spec.enum) + "|" + spec.enum[0]})
        assert [i for i in issues if i.field == spec.name and i.severity == "error"] == [], spec.name


def test_unique_id_flags_every_record_sharing_it(options):
    records = [dict(VALID, id="a"), dict(VALID, id="b"), dict(VALID, id="a"), dict(VALID, id="")]
    report = validate_records(records, options=options)
    unique = [i for i in report.issues if i.code == "unique"]
    assert [(i.row, i.id) for i in unique] == [(1, "a"), (3, "a")]
    assert "2 lieux" in unique[0].message
    assert codes(report.issues, "id") == {"unique", "required"}


def test_check_record_does_not_check_uniqueness(options):
    assert check_record(VALID, options=options) == []


def test_schema_errors_silence_the_quality_checks_of_the_cell(check):
    assert codes(check(telephone="01 80 05 98 80"), "telephone") == {"phone-format"}
    assert codes(check(pivot="00000000000000"), "pivot") == {"pivot-placeholder"}
