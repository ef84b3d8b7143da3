"""Safe fixes: the normalisers, and apply_fixes on a copy of the records."""

import pytest

from plugin.core.validation import apply_fixes, validate_records
from plugin.core.validation.fixes import fix_code, fix_date, fix_number, fix_phone, phone_region, split_items
from tests.unit.validation.helpers import VALID


@pytest.mark.parametrize("value, fixed", [("43,52609", "43.52609"), (" 5.1 ", "5.1"), ("-0,5", "-0.5"),
                                          ("43,5,1", None), ("quarante", None)])
def test_fix_number(value, fixed):
    assert fix_number(value) == fixed


@pytest.mark.parametrize("value, fixed", [("01/02/2024", "2024-02-01"), ("29/02/2023", None), ("2024-13-01", None)])
def test_fix_date_is_day_first_and_checks_the_calendar(value, fixed):
    assert fix_date(value) == fixed


@pytest.mark.parametrize("value, fixed", [("1000", "01000"), ("1000.0", "01000"), ("01 000", "01000"),
                                          ("2A004", "2A004"), ("123", "123")])
def test_fix_code(value, fixed):
    assert fix_code(value) == fixed


@pytest.mark.parametrize("code_postal, region", [("51100", "FR"), ("97110", "GP"), ("97133", "BL"), ("97150", "MF"),
                                                 ("97400", "RE"), ("97600", "YT"), ("98800", "NC"), ("", "FR")])
def test_phone_region_from_postal_code(code_postal, region):
    assert phone_region(code_postal) == region


def test_fix_phone_finds_the_overseas_prefix_even_without_the_postal_code():
    assert fix_phone("0690 12 34 56") == "+590690123456"
    assert fix_phone("06 12 34 56 78") == "+33612345678"
    assert fix_phone("+33180059880") is None  # already right: nothing to fix
    assert fix_phone("Tél. 01 80 05 98 80") is None  # text around the number: not a safe fix


def test_split_items():
    assert split_items("a; b|c ,d") == ["a", "b", "c", "d"]
    assert split_items("a b", allow_space=True) == ["a", "b"]


def test_apply_fixes_changes_a_copy_and_lists_every_change(options):
    records = [
        dict(VALID),
        dict(VALID, id="b", code_postal="4000", code_insee="4070", commune="Digne-les-Bains", latitude="44,09",
             longitude="6.23", telephone="04 92 30 52 00", date_maj="02/04/2024", frais_a_charge="gratuit",
             nom=" Médiathèque ", services="Aide aux démarches administratives;Loisirs et créations numériques"),
    ]
    before = [dict(record) for record in records]
    report = validate_records(records, options=options)
    fixed, changes = apply_fixes(records, report.issues)
    assert records == before  # the input is never modified
    assert {(c.row, c.field, c.before, c.after) for c in changes} == {
        (2, "code_postal", "4000", "04000"),
        (2, "code_insee", "4070", "04070"),
        (2, "latitude", "44,09", "44.09"),
        (2, "telephone", "04 92 30 52 00", "+33492305200"),
        (2, "date_maj", "02/04/2024", "2024-04-02"),
        (2, "frais_a_charge", "gratuit", "Gratuit"),
        (2, "nom", " Médiathèque ", "Médiathèque"),
        (2, "services", "Aide aux démarches administratives;Loisirs et créations numériques",
         "Aide aux démarches administratives|Loisirs et créations numériques"),
    }
    assert validate_records(fixed, options=options).errors == 0


def test_apply_fixes_by_rule_and_with_reader_row_numbers(options):
    records = [dict(VALID, id="a", code_postal="4000", code_insee="4070", commune="Digne-les-Bains", latitude="",
                    longitude="", nom=" X ")]
    report = validate_records(records, options=options, row_numbers=[7])
    fixed, changes = apply_fixes(records, report.issues, row_numbers=[7], codes=["whitespace"])
    assert [(c.row, c.field, c.after, c.codes) for c in changes] == [(7, "nom", "X", ("whitespace",))]
    assert fixed[0]["code_postal"] == "4000"


def test_apply_fixes_never_overwrites_a_value_that_changed_since_validation(options):
    records = [dict(VALID, nom=" X ")]
    report = validate_records(records, options=options)
    records[0]["nom"] = "Edited by hand"
    fixed, changes = apply_fixes(records, report.issues)
    assert changes == [] and fixed[0]["nom"] == "Edited by hand"
