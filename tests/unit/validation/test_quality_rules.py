"""Quality rules beyond the schema: warnings (the schema passes) with their safe suggestions."""

import dataclasses

import pytest

from plugin.core.validation import check_record
from tests.unit.validation.helpers import TODAY, VALID, codes, only


def warnings_of(issues, field):
    return {i.code for i in issues if i.field == field and i.severity == "warning"}


# ── pivot ────────────────────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "value, code",
    [
        ("43493312300029", None),  # valid SIRET
        ("35600000000048", None),  # La Poste SIRET (digit sum multiple of 5)
        ("W751234567", None),  # RNA
        ("00000000000000", "pivot-placeholder"),
        ("000000000", "pivot-placeholder"),
        ("43493312300028", "pivot-siret-checksum"),
        ("434933123", "pivot-siren"),
        ("ABCDEFGHIJ", "pivot-unknown"),
        ("W7512345678", "pivot-rna"),
        ("w751234567", "pivot-rna"),
        ("1234567890", "pivot-unknown"),
    ],
)
def test_pivot(check, value, code):
    found = warnings_of(check(pivot=value), "pivot")
    assert found == ({code} if code else set())


def test_lower_case_rna_is_fixed(check):
    assert only(check(pivot="w751234567"), "pivot").suggestion == "W751234567"


def test_placeholder_pivot_is_named_as_such(check):
    issue = only(check(pivot="00000000000000"), "pivot")
    assert "00000000000000" in issue.message and "placeholder" in issue.message


# ── telephone ────────────────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("value", ["+33180059880", "+33612345678", "+590590123456", "+262262213456"])
def test_valid_phones(check, value):
    assert codes(check(telephone=value), "telephone") == set()


def test_phone_with_the_schema_format_but_not_a_number(check):
    issue = only(check(telephone="+33012345678"), "telephone")
    assert (issue.code, issue.severity) == ("phone-invalid", "warning")


# ── e-mails and URLs ─────────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "value, suggestion",
    [
        ("contact@mairie.fr;accueil@mairie.fr", "contact@mairie.fr|accueil@mairie.fr"),
        ("contact@mairie.fr, accueil@mairie.fr", "contact@mairie.fr|accueil@mairie.fr"),
        ("contact@mairie.fr accueil@mairie.fr", "contact@mairie.fr|accueil@mairie.fr"),
        ("contact@mairie.fr|", "contact@mairie.fr"),
        ("contact(at)mairie.fr", None),
        ("contact@mairie", None),
        ("josé@mairie.fr", None),
        ("contact@mairie.fr|x", None),
    ],
)
def test_emails(check, value, suggestion):
    issue = only(check(courriels=value), "courriels")
    assert (issue.code, issue.severity, issue.suggestion) == ("email-invalid", "warning", suggestion)


def test_email_message_names_only_the_bad_item(check):
    issue = only(check(courriels="contact@mairie.fr|pas-un-mail"), "courriels")
    assert "pas-un-mail" in issue.message and "contact@mairie.fr" not in issue.message


@pytest.mark.parametrize(
    "name, value, bad",
    [
        ("site_web", "https://www.mairie.fr", False),
        ("site_web", "https://a.fr/|https://b.fr/page?x=1#top", False),
        ("site_web", "www.mairie.fr", True),
        ("site_web", "https://mairie-épinal.fr", True),  # ASCII regex, like the ANCT's JavaScript
        ("site_web", "https://a.fr/ https://b.fr/", True),
        ("fiche_acces_libre", "https://acceslibre.beta.gouv.fr/app/x/", False),
        ("fiche_acces_libre", "acceslibre", True),
        ("prise_rdv", "https://www.rdv-solidarites.fr/", False),
        ("prise_rdv", "https://rdv.fr:8443/", True),
    ],
)
def test_urls(check, name, value, bad):
    assert warnings_of(check(**{name: value}), name) == ({"url-invalid"} if bad else set())


def test_url_list_separator_suggestion(check):
    issue = only(check(site_web="https://a.fr/ ; https://b.fr/"), "site_web")
    assert issue.suggestion == "https://a.fr/|https://b.fr/"


# ── typologie ────────────────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "value, suggestion",
    [
        ("TIERS LIEUX;ASSO", "TIERS_LIEUX|ASSO"),
        ("tiers_lieux|asso", "TIERS_LIEUX|ASSO"),
        ("Bibliothèque / Médiathèque", "BIB"),
        ("autre", "Autre"),
        ("MAIRIE", None),
        ("TIERS_LIEUX|MAIRIE", None),
    ],
)
def test_typologie(check, value, suggestion):
    issue = only(check(typologie=value), "typologie")
    assert (issue.code, issue.severity, issue.suggestion) == ("typologie-unknown", "warning", suggestion)


def test_typologie_without_reference_list_is_not_checked(options):
    no_list = dataclasses.replace(options, typologies={})
    assert check_record(dict(VALID, typologie="MAIRIE"), options=no_list) == []


# ── horaires ─────────────────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("value", ["Mo-Fr 09:00-12:00", "Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00", "24/7",
                                   "Tu 14:00-17:00; PH off"])
def test_valid_opening_hours(check, value):
    assert codes(check(horaires=value), "horaires") == set()


@pytest.mark.parametrize("value", ["Lundi au vendredi 9h-12h", "Mo-Fr 09:00-19:00; Sa 17:00", "Mo 08:45-12:00-13:45",
                                   "9h-12h"])
def test_invalid_opening_hours(check, value):
    issue = only(check(horaires=value), "horaires")
    assert (issue.code, issue.severity) == ("opening-hours-invalid", "warning")


# ── dates ────────────────────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "value, code",
    [("2024-06-01", None), ("2022-06-02", None), ("2024-06-02", "date-future"), ("2022-05-30", "date-old"),
     ("1970-01-01", "date-old")],
)
def test_date_maj_age(check, value, code):
    assert warnings_of(check(date_maj=value), "date_maj") == ({code} if code else set())


# ── communes and coordinates ─────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "cells, field, code",
    [
        ({"code_postal": "99999"}, "code_postal", "postal-code-unknown"),
        ({"code_insee": "51999"}, "code_insee", "insee-unknown"),
        ({"code_postal": "13001"}, "code_postal", "postal-code-insee-mismatch"),
        ({"commune": "Marseille"}, "commune", "commune-mismatch"),
        ({"commune": "REIMS"}, None, None),
        ({"commune": "Reims Cedex 2"}, None, None),
        ({"code_insee": ""}, None, None),
    ],
)
def test_commune_codes(check, cells, field, code):
    issues = check(**cells)
    found = {(i.field, i.code) for i in issues if i.severity == "warning"}
    assert found == ({(field, code)} if code else set())


def test_commune_names_of_arrondissements_and_saints(check):
    assert check(commune="Marseille", code_postal="13001", code_insee="13201", latitude="43.30", longitude="5.38") == []
    assert check(commune="Marseille 1er", code_postal="13001", code_insee="13201", latitude="43.30",
                 longitude="5.38") == []
    assert check(commune="St Denis", code_postal="93200", code_insee="93066", latitude="48.93", longitude="2.36") == []


def test_commune_checked_against_the_postal_code_without_insee(check):
    issue = only(check(code_insee="", commune="Lyon"), "commune")
    assert issue.code == "commune-mismatch" and "Reims" in issue.message


@pytest.mark.parametrize(
    "lat, lon, code",
    [
        ("49.25", "4.03", None),
        ("0", "0", "coordinates-zero"),
        ("4.03", "49.25", "coordinates-swapped"),
        ("6900000", "700000", "coordinates-outside-france"),
        ("40.7", "-74.0", "coordinates-outside-france"),
        ("43.52609", "5.41423", "coordinates-far-from-commune"),
        ("49.5", "4.03", None),  # 28 km: within the default 30 km
    ],
)
def test_coordinates(check, lat, lon, code):
    found = {i.code for i in check(latitude=lat, longitude=lon) if i.severity == "warning"}
    assert found == ({code} if code else set())


def test_far_from_commune_says_how_far(check):
    issue = next(i for i in check(latitude="43.52609", longitude="5.41423") if i.code == "coordinates-far-from-commune")
    assert issue.value == "43.52609, 5.41423" and "Reims" in issue.message and "km" in issue.message


def test_only_one_coordinate(check):
    issue = only(check(latitude="49.25", longitude=""), "longitude")
    assert issue.code == "coordinates-incomplete"


@pytest.mark.parametrize(
    "commune, cp, insee, lat, lon",
    [
        ("Nouméa", "98800", "98818", "-22.27", "166.44"),  # Nouvelle-Calédonie (COM, no centroid)
        ("Papeete", "98714", "98735", "-17.53", "-149.56"),  # Polynésie française
        ("Saint-Pierre", "97500", "97502", "46.78", "-56.17"),  # Saint-Pierre-et-Miquelon
        ("Mamoudzou", "97600", "97611", "-12.78", "45.23"),  # Mayotte
        ("Cayenne", "97300", "97302", "4.93", "-52.33"),  # Guyane
    ],
)
def test_overseas_points_are_in_france(check, commune, cp, insee, lat, lon):
    issues = check(commune=commune, code_postal=cp, code_insee=insee, latitude=lat, longitude=lon, telephone="")
    assert [i for i in issues if i.code.startswith("coordinates")] == []


# ── text cells ───────────────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("name", ["nom", "adresse", "presentation_resume", "autres_formations_labels", "commune"])
@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_formula_injection(check, name, start):
    assert "formula-injection" in warnings_of(check(**{name: start + "HYPERLINK(1)"}), name)


def test_phones_are_exempt_from_the_formula_check(check):
    assert check(telephone="+33180059880") == []


def test_whitespace_is_trimmed(check):
    issue = only(check(nom=" Anonymal\xa0"), "nom")
    assert (issue.code, issue.suggestion) == ("whitespace", "Anonymal")
    issue = only(check(latitude=" 49.25174 "), "latitude")
    assert (issue.code, issue.suggestion) == ("whitespace", "49.25174")


def test_lost_characters(check):
    issue = only(check(nom="M\ufffddiath\ufffdque"), "nom")
    assert (issue.code, issue.severity) == ("lost-characters", "warning")


# ── services conditions (ANCT) ───────────────────────────────────────────────────────────────────────────


def test_service_dependent_fields_without_services(check):
    issues = check(services="")
    found = {(i.field, i.code) for i in issues}
    assert ("services", "no-services-access") in found
    for name in ("publics_specifiquement_adresses", "prise_en_charge_specifique", "frais_a_charge", "itinerance",
                 "modalites_accompagnement"):
        assert (name, "without-services") in found


def test_no_services_and_no_public_is_consistent(check):
    cells = dict.fromkeys(["services", "publics_specifiquement_adresses", "prise_en_charge_specifique",
                           "frais_a_charge", "itinerance", "modalites_accompagnement"], "")
    assert check(modalites_acces="Ce lieu n'accueille pas de public", **cells) == []


def test_services_but_no_public(check):
    issue = only(check(modalites_acces="Se présenter|Ce lieu n'accueille pas de public"), "modalites_acces")
    assert issue.code == "services-but-no-public"


def test_the_bundled_typologie_list(schema_v102):
    from plugin.core.validation import ValidationOptions

    bundled = ValidationOptions(today=TODAY)
    assert check_record(dict(VALID, typologie="TIERS_LIEUX|BIB|FABRIQUE|Autre"), options=bundled) == []
    issue = only(check_record(dict(VALID, typologie="TIERS LIEUX;ASSO"), options=bundled), "typologie")
    assert issue.suggestion == "TIERS_LIEUX|ASSO"
    issue = only(check_record(dict(VALID, typologie="Préfecture, Sous-Préfecture"), options=bundled), "typologie")
    assert issue.suggestion == "PREF"


def test_fast_siret_check_agrees_with_python_stdnum():
    import random

    from stdnum.fr import siret

    from plugin.core.validation.rules.cells import siret_is_valid

    rng = random.Random(7)
    samples = ["".join(rng.choice("0123456789") for _ in range(14)) for _ in range(3000)]
    samples += ["35600000000048", "35600000049837", "35600000049838", "43493312300029", "73282932000074"]
    for value in samples:
        base = value[:13]
        for last in "0123456789":  # every check digit: about one in ten passes the SIRET Luhn
            candidate = base + last
            assert siret_is_valid(candidate) == siret.is_valid(candidate), candidate


def test_bulk_siret_check_agrees_with_python_stdnum():
    import random

    from stdnum.fr import siret

    from plugin.core.validation.rules.cells import valid_sirets

    rng = random.Random(11)
    values = ["".join(rng.choice("0123456789") for _ in range(13)) for _ in range(400)]
    values = [value + last for value in values for last in "0123456789"] + ["35600000049837", "1234", "W751234567"]
    bulk = valid_sirets(values)
    assert bulk and all(siret.is_valid(value) for value in bulk)
    assert {v for v in values if siret.is_valid(v) and not v.startswith("356000000")} == bulk


def test_bulk_siret_mask_agrees_with_python_stdnum_cell_by_cell():
    import random

    from stdnum.fr import siret

    from plugin.core.validation.rules.cells import valid_siret_mask
    from tests.unit.column_kinds import columns_of

    rng = random.Random(12)
    values = ["".join(rng.choice("0123456789") for _ in range(13)) for _ in range(300)]
    values = [value + last for value in values for last in "0123456789"]
    values += ["35600000049837", "00000000000000", "1234", "W751234567", "", " 43493312300029", "43493312300029"]
    rng.shuffle(values)
    values += values[:50]  # repeated cells
    expected = [siret.is_valid(v) and not v.startswith("356000000") and v.isdigit() and len(v) == 14
                and v != "00000000000000" for v in values]
    assert any(expected)
    for column in columns_of(values):  # on Python lists and, with pyarrow, on Arrow arrays
        assert valid_siret_mask(column).tolist() == expected, type(column).__name__
        # a column that is a part of a larger one (Arrow: an offset into the same buffers)
        assert valid_siret_mask(column.subset(range(7, len(values)))).tolist() == expected[7:]


def test_pivots_proven_valid_in_bulk_have_no_finding(options):
    import random

    from plugin.core.schema import load_schema
    from plugin.core.validation import validator_for

    rng = random.Random(3)
    values = ["".join(rng.choice("0123456789") for _ in range(14)) for _ in range(2000)]
    values += ["00000000000000", " 43493312300029", "43493312300029"]
    check = validator_for(load_schema(), options).cell_checks["pivot"]
    proven = check.prepare(values)
    assert "43493312300029" in proven and "00000000000000" not in proven
    assert all(check(value, None) == () for value in proven)
