"""The form layout table covers the schema: every field in exactly one tab, the editor each gets."""

from dataclasses import replace

from plugin.core.form_layout import EditorKind, editor_kind, field_help, form_tabs
from plugin.core.schema import Schema


def test_every_field_is_in_exactly_one_tab(schema):
    tabs = form_tabs(schema)
    placed = [name for tab in tabs for name in tab.fields]
    assert sorted(placed) == sorted(schema.field_names)
    assert len(placed) == len(set(placed)) == 32
    assert [tab.key for tab in tabs] == [
        "identity", "address", "contact", "presentation", "services", "access", "labels", "hours", "collection",
    ]
    assert all(tab.title for tab in tabs)


def test_a_field_unknown_to_the_table_gets_the_other_tab(schema):
    extra = replace(schema.field("nom"), name="nouveau_champ", title="Nouveau")
    bigger = Schema(schema.name, schema.title, "9.9", schema.fields + (extra,), "id", schema.source_path)
    tabs = form_tabs(bigger)
    assert tabs[-1].key == "other" and tabs[-1].fields == ("nouveau_champ",)


def test_editor_kinds_come_from_the_schema(schema):
    kinds = {spec.name: editor_kind(spec) for spec in schema.fields}
    for spec in schema.list_fields:
        if spec.enum:
            assert kinds[spec.name] == EditorKind.MULTI_SELECT, spec.name
    assert kinds["typologie"] == EditorKind.TYPOLOGIE
    assert kinds["horaires"] == EditorKind.OPENING_HOURS
    assert kinds["date_maj"] == EditorKind.DATE
    assert kinds["latitude"] == kinds["longitude"] == EditorKind.COORDINATE
    assert {kinds[n] for n in ("site_web", "prise_rdv", "fiche_acces_libre")} == {EditorKind.LINK}
    assert kinds["presentation_detail"] == EditorKind.MULTILINE
    assert kinds["nom"] == kinds["courriels"] == EditorKind.TEXT


def test_help_is_the_schema_description_with_its_example(schema):
    text = field_help(schema.field("code_postal"))
    assert schema.field("code_postal").description.strip() in text
    assert "51100" in text
