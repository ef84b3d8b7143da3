"""The working GeoPackage: exactly the schema's fields as text, every lieu kept, extra columns aside,
form and style stored with the layer and restored when it is opened again."""

from __future__ import annotations

import csv
import sqlite3

import pytest
from qgis.core import QgsFeatureRequest, QgsMapLayer, QgsProject, QgsVectorLayer

from plugin.core.readers import read_table
from plugin.qgis import field_types
from plugin.qgis.import_export import import_lieux
from plugin.qgis.working_layer import (
    SIDE_TABLE,
    WORKING_LAYER_PROPERTY,
    WorkingLayerError,
    add_records,
    configure_working_layer,
    geopackage_metadata,
    gpkg_uri,
    is_working_geopackage,
    is_working_layer,
    load_working_layer,
    read_side_table,
    records_from_layer,
    side_table_names,
    working_fields,
)


def _write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.fixture()
def messy_csv(tmp_path, samples, schema):
    """exemple-valide plus: a lieu without coordinates, one with a comma decimal, extra source columns."""
    table = read_table(samples / "exemple-valide.csv")
    base = table.schema_records(schema)[0]
    header = list(schema.field_names) + ["Référence interne", "fid", "commentaire"]
    rows = []
    variants = [
        dict(base),
        {**base, "id": "sans-point", "latitude": "", "longitude": ""},
        {**base, "id": "virgule", "latitude": "43,52609"},
        {**base, "id": "accents-€", "nom": "Médiathèque d'Aix « centre »",
         "services": "Aide aux démarches administratives"},
    ]
    for position, record in enumerate(variants, start=1):
        rows.append([record[name] for name in schema.field_names] + [f"REF-{position}", str(position * 10), "à revoir"])
    return _write_csv(tmp_path / "source.csv", header, rows)


def test_import_keeps_every_lieu_and_every_column(tmp_path, messy_csv, schema):
    before = messy_csv.read_bytes()
    output = tmp_path / "travail.gpkg"
    summary = import_lieux(messy_csv, output)

    assert messy_csv.read_bytes() == before  # the source is never modified
    assert summary.lieux == 4
    assert [label.split(" ")[0] for label in summary.without_point] == ["sans-point", "virgule"]
    assert len(summary.unreadable_point) == 1
    assert summary.extra_columns == ["Référence interne", "fid", "commentaire"]
    assert "Référence interne" in summary.details() and "sans-point" in summary.details()

    layer = QgsVectorLayer(gpkg_uri(output), "lieux", "ogr")
    assert layer.isValid() and layer.featureCount() == 4
    names = [f.name() for f in layer.fields() if f.name() != "fid"]
    assert tuple(names) == schema.field_names
    assert {layer.fields().field(n).type() for n in names} == {field_types.STRING}
    assert layer.crs().authid() == "EPSG:4326"
    by_id = {f["id"]: f for f in layer.getFeatures()}
    assert by_id["sans-point"].geometry().isNull()
    assert by_id["virgule"].geometry().isNull() and by_id["virgule"]["latitude"] == "43,52609"  # kept as written
    point = by_id["accents-€"].geometry().asPoint()
    assert (round(point.x(), 5), round(point.y(), 5)) == (5.41423, 43.52609)
    assert by_id["accents-€"]["nom"] == "Médiathèque d'Aix « centre »"
    assert by_id["accents-€"]["complement_adresse"] == "Le patio du bois de l'Aulne"

    side = read_side_table(output)
    assert side.columns == ["Référence interne", "fid", "commentaire"]
    assert side.stored == ["Référence interne", "fid_2", "commentaire"]
    assert [row["Référence interne"] for row in side.rows] == ["REF-1", "REF-2", "REF-3", "REF-4"]
    assert [row["fid"] for row in side.rows] == ["10", "20", "30", "40"]
    with sqlite3.connect(output) as connection:
        linked = connection.execute(
            f'SELECT l.id, s."Référence interne" FROM lieux l JOIN {SIDE_TABLE} s ON s.id = l.id ORDER BY l.fid'
        ).fetchall()
    assert linked == [(r, f"REF-{i}") for i, r in enumerate(["structure-1", "sans-point", "virgule", "accents-€"], 1)]
    assert geopackage_metadata(output)["SOURCE"] == str(messy_csv)


def test_records_read_back_are_the_records_imported(tmp_path, messy_csv, schema):
    output = tmp_path / "travail.gpkg"
    import_lieux(messy_csv, output)
    layer = QgsVectorLayer(gpkg_uri(output), "lieux", "ogr")
    assert records_from_layer(layer) == read_table(messy_csv).schema_records(schema)
    layer.selectByExpression("\"id\" IN ('virgule', 'structure-1')")
    assert [r["id"] for r in records_from_layer(layer, selected_only=True)] == ["structure-1", "virgule"]


def test_reopening_restores_form_and_style_without_the_plugin(tmp_path, samples, schema):
    output = tmp_path / "travail.gpkg"
    import_lieux(samples / "exemple-valide.csv", output)
    assert is_working_geopackage(output)
    # a plain QGIS open (browser, drag and drop): the default style stored in the GeoPackage applies
    layer = QgsVectorLayer(gpkg_uri(output), "lieux", "ogr")
    assert layer.customProperty(WORKING_LAYER_PROPERTY) == schema.version
    config = layer.editFormConfig()
    assert config.layout() == config.EditorLayout.TabLayout
    tabs = [element.name() for element in config.tabs()]
    assert len(tabs) == 9
    fields = layer.fields()
    services = fields.indexFromName("services")
    assert layer.editorWidgetSetup(services).type() == "MednumMultiSelect"
    assert layer.editorWidgetSetup(fields.indexFromName("typologie")).config()["kind"] == "typologie"
    assert layer.editorWidgetSetup(fields.indexFromName("nom")).type() == "MednumText"
    assert layer.editorWidgetSetup(fields.indexFromName("date_maj")).type() == "DateTime"
    assert layer.attributeAlias(fields.indexFromName("code_postal")) == "Code postal"
    assert layer.defaultValueDefinition(fields.indexFromName("date_maj")).applyOnUpdate()
    assert "uuid" in layer.defaultValueDefinition(fields.indexFromName("id")).expression()
    assert layer.constraintExpression(fields.indexFromName("code_postal"))
    assert layer.renderer().type() == "graduatedSymbol"
    assert layer.labelsEnabled()


def test_load_working_layer_refuses_other_geopackages(tmp_path):
    other = QgsVectorLayer("Point?crs=EPSG:4326&field=name:string", "x", "memory")
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "lieux"
    context = QgsCoordinateTransformContext()
    QgsVectorFileWriter.writeAsVectorFormatV3(other, str(tmp_path / "other.gpkg"), context, options)
    assert not is_working_geopackage(tmp_path / "other.gpkg")
    with pytest.raises(WorkingLayerError) as error:
        load_working_layer(tmp_path / "other.gpkg")
    assert "standard" in error.value.message


def test_any_provider_can_hold_a_working_layer(samples, schema):
    """The layer logic does not assume a file: a memory layer gets the same fields, form and records."""
    layer = QgsVectorLayer("Point?crs=EPSG:4326", "lieux", "memory")
    layer.dataProvider().addAttributes(working_fields(schema).toList())
    layer.updateFields()
    configure_working_layer(layer)
    records = read_table(samples / "exemple-valide.csv").schema_records(schema)
    assert add_records(layer, records) == 1
    assert is_working_layer(layer)
    assert records_from_layer(layer) == records
    assert next(layer.getFeatures()).geometry().asPoint().y() == pytest.approx(43.52609)
    from plugin.core.i18n import translate

    legend = [r.label() for r in layer.renderer().ranges()]
    assert legend[1] == translate("WorkingLayer", "1 or 2 services")  # the legend follows the user's language


def test_side_table_names_are_safe():
    assert side_table_names(["a", "A", "", "FID", "Id", "a"]) == ["a", "A_2", "colonne_3", "FID_2", "Id_2", "a_3"]


def test_import_of_an_unreadable_file_is_a_french_message(tmp_path):
    from plugin.core.errors import MednumError

    bad = tmp_path / "vide.csv"
    bad.write_text("")
    with pytest.raises(MednumError) as error:
        import_lieux(bad, tmp_path / "out.gpkg")
    assert error.value.message
    with pytest.raises(WorkingLayerError):
        import_lieux(bad, bad)


def test_loaded_layer_is_configured_for_the_current_settings(lieux_layer):
    assert is_working_layer(lieux_layer)
    assert lieux_layer in QgsProject.instance().mapLayers().values()
    assert lieux_layer.type() == QgsMapLayer.LayerType.VectorLayer
    request = QgsFeatureRequest().setFilterExpression("\"id\" = 'structure-1'")
    assert next(lieux_layer.getFeatures(request))["services"].startswith("Maîtrise des outils")


def test_cells_beyond_the_header_are_kept_aside(tmp_path, samples, schema):
    """A malformed CSV row with more cells than the header: the extra cells go to the side table."""
    lines = (samples / "exemple-valide.csv").read_text(encoding="utf-8").splitlines()
    source = tmp_path / "cellules.csv"
    source.write_text("\n".join([lines[0], lines[1] + ',"en trop",encore']) + "\n", encoding="utf-8")
    summary = import_lieux(source, tmp_path / "cellules.gpkg")
    assert summary.lieux == 1
    side = read_side_table(tmp_path / "cellules.gpkg")
    assert side.rows[0]["cellules_en_trop"] == '["en trop", "encore"]'


def test_reimporting_a_working_geopackage_keeps_its_side_table(tmp_path, messy_csv):
    first = tmp_path / "premier.gpkg"
    import_lieux(messy_csv, first)
    second = tmp_path / "second.gpkg"
    summary = import_lieux(first, second)
    assert summary.lieux == 4
    assert read_side_table(second).rows == read_side_table(first).rows
    assert records_from_layer(QgsVectorLayer(gpkg_uri(second), "l", "ogr")) == records_from_layer(
        QgsVectorLayer(gpkg_uri(first), "l", "ogr")
    )


def test_profile_symbols_get_the_palettes_colour_not_a_random_one(tmp_path):
    """QGIS 3.26+ draws a layer's elevation-profile symbols in a random colour: the stored style would differ
    from one import to the next. The working layer's take the service palette's first colour."""
    from qgis.core import QgsVectorLayer

    from plugin.qgis.service_style import DEFAULT_PALETTE
    from plugin.qgis.working_layer import apply_default_style

    colours = set()
    for _ in range(2):
        layer = QgsVectorLayer("Point?crs=EPSG:4326&field=services:string", "lieux", "memory")
        apply_default_style(layer)
        properties = layer.elevationProperties() if hasattr(layer, "elevationProperties") else None
        if properties is None or not hasattr(properties, "profileMarkerSymbol"):
            pytest.skip("QGIS < 3.26: no elevation-profile symbols")
        for kind in ("Line", "Fill", "Marker"):
            colours.add((kind, getattr(properties, f"profile{kind}Symbol")().color().name()))
    assert colours == {(kind, DEFAULT_PALETTE[0]) for kind in ("Line", "Fill", "Marker")}
