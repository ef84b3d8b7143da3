"""The schema core: field specs, enums parsed from the patterns, documented values."""

import re

from plugin.core.schema import enum_from_pattern, fold, load_schema


def test_schema_has_the_32_fields_in_order(schema):
    assert schema.version == "1.0.2"
    assert len(schema.fields) == 32
    assert schema.field_names[:3] == ("id", "pivot", "nom")
    assert schema.field_names[-1] == "prise_rdv"
    assert schema.primary_key == "id"
    assert schema.required_names == ("id", "pivot", "nom", "commune", "code_postal", "adresse", "date_maj")
    assert schema.field("id").unique


def test_types_and_constraints(schema):
    assert schema.field("latitude").type == "number"
    assert schema.field("date_maj").type == "date"
    assert schema.field("presentation_resume").max_length == 280
    assert schema.field("nom").title == "Nom"
    assert schema.field("code_postal").pattern == r"^\d{5}$"


def test_list_fields_and_enums_come_from_the_patterns(schema):
    services = schema.field("services")
    assert services.multi and len(services.enum) == 9
    assert "Aide aux démarches administratives" in services.enum
    # every parsed value matches the field's own pattern (full match, frictionless semantics)
    for spec in schema.enum_fields:
        regex = re.compile(f"^{spec.pattern}$")
        for value in spec.enum:
            assert regex.match(value), (spec.name, value)
        assert regex.match("|".join(spec.enum))
    assert schema.field("prise_en_charge_specifique").enum[4] == "Langues étrangères (anglais)"
    multi = {f.name for f in schema.list_fields}
    assert {"typologie", "courriels", "site_web", "services", "itinerance", "formations_labels"} <= multi
    assert "nom" not in multi and "autres_formations_labels" not in multi


def test_documented_values_reveal_the_schema_mismatches(schema):
    labels = schema.field("formations_labels")
    assert "Étapes numériques (La Poste)" in labels.documented_values
    assert "Étapes numériques (La Poste)" not in labels.enum
    assert "Étapes numériques(La Poste)" in labels.enum


def test_enum_from_pattern_ignores_other_patterns():
    assert enum_from_pattern(r"^\d{5}$") == ()
    assert enum_from_pattern(None) == ()
    assert enum_from_pattern(r"(?:(?:^|\|)(A \(b\)|C))+$") == ("A (b)", "C")


def test_another_schema_version_is_another_file(tmp_path):
    import json

    from plugin.core.schema import schema_path

    raw = json.loads(schema_path().read_text(encoding="utf-8"))
    raw["version"] = "v9.9.9"
    raw["fields"] = raw["fields"][:3]
    path = tmp_path / "schema-v9.9.9.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    other = load_schema(path)
    assert other.version == "9.9.9" and other.field_names == ("id", "pivot", "nom")


def test_fold_ignores_case_accents_and_spaces():
    assert fold("Étapes numériques (La Poste)") == fold("etapes numeriques(la poste)")
    assert fold("Comprehension du monde numérique") == fold("Compréhension du monde numérique")
