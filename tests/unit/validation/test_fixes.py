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


def test_lieux_without_id_get_a_stable_generated_id(options):
    from plugin.core.validation.fixes import stable_id

    other = dict(VALID, nom="Espace numérique de Digne", adresse="1 place du Tampinet")
    records = [dict(VALID, id=""), dict(other, id=" "), dict(VALID, id="taken"), dict(VALID, id="")]
    report = validate_records(records, options=options)
    missing = [i for i in report.issues if i.field == "id" and i.code == "required"]
    assert [i.row for i in missing] == [1, 2, 4]
    assert all(i.fixable for i in missing)
    base = stable_id(VALID)
    assert base.startswith("lieu-") and len(base) == len("lieu-") + 16
    # same content, same id; a second lieu with the same content gets a suffix; ids already there are kept
    assert [i.suggestion for i in missing] == [base, stable_id(other), base + "-2"]
    fixed, changes = apply_fixes(records, report.issues, codes=["required"])
    assert [r["id"] for r in fixed] == [base, stable_id(other), "taken", base + "-2"]
    assert not [i for i in validate_records(fixed, options=options).issues if i.field == "id"]
    # deterministic: the same file fixed again gives the same ids; spaces and case do not matter
    again = validate_records([dict(r) for r in records], options=options)
    assert [i.suggestion for i in again.issues if i.field == "id"] == [i.suggestion for i in missing]
    assert stable_id(dict(VALID, nom=VALID["nom"].upper() + "  ")) == base


def test_a_stable_id_on_the_arrow_path_is_the_same(tmp_path, options):
    import csv

    from plugin.core.readers import read_table
    from plugin.core.validation import validate_table

    path = tmp_path / "sans-id.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(VALID))
        writer.writeheader()
        writer.writerows([dict(VALID, id=""), dict(VALID, id="x")])
    report = validate_table(read_table(path), options=options)
    records = [dict(VALID, id=""), dict(VALID, id="x")]
    expected = [i.suggestion for i in validate_records(records, options=options).issues if i.field == "id"]
    assert [i.suggestion for i in report.issues if i.field == "id"] == expected and expected[0]
