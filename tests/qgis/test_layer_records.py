"""records_from_layer: any vector layer → records of the standard, nothing dropped."""

from __future__ import annotations

import pytest
from qgis.core import (
    QgsFeature,
    QgsFeedback,
    QgsGeometry,
    QgsPointXY,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime

from plugin.qgis.layer_records import LayerReadCancelledError, attribute_text, match_field_names, records_from_layer


def memory_layer(uri: str, rows: list[list], geometries: list[QgsGeometry | None] | None = None) -> QgsVectorLayer:
    layer = QgsVectorLayer(uri, "lieux", "memory")
    assert layer.isValid()
    features = []
    for i, attributes in enumerate(rows):
        feature = QgsFeature(layer.fields())
        feature.setAttributes(attributes)
        if geometries and geometries[i] is not None:
            feature.setGeometry(geometries[i])
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    return layer


def test_values_become_the_standards_strings(schema):
    layer = memory_layer(
        "None?field=id:string&field=latitude:double&field=code_postal:integer&field=date_maj:date"
        "&field=services:stringlist&field=horodatage:datetime&field=ouvert:boolean&field=heure:time",
        [
            ["a", 43.5, 13500, QDate(2024, 4, 2), ["Aide aux démarches", "Insertion"],
             QDateTime(QDate(2024, 1, 2), QTime(10, 30, 0)), True, QTime(9, 5)],
            [None, None, None, None, None, None, None, None],
        ],
    )
    table = records_from_layer(layer, schema=schema)
    first, second = table.rows
    assert first == {
        "id": "a",
        "latitude": "43.5",
        "code_postal": "13500",
        "date_maj": "2024-04-02",
        "services": "Aide aux démarches|Insertion",
        "horodatage": "2024-01-02T10:30:00",
        "ouvert": "true",
        "heure": "09:05:00",
    }
    assert set(second.values()) == {""}, "NULL must become an empty string"
    assert table.header == ["id", "latitude", "code_postal", "date_maj", "services", "horodatage", "ouvert", "heure"]
    assert table.extra_columns(schema) == ["horodatage", "ouvert", "heure"], "non-schema fields are kept"
    assert table.source_format == "layer"


def test_attribute_text_numbers_never_use_exponent_or_comma():
    assert attribute_text(0.00001) == "0.00001"
    assert attribute_text(5.41423) == "5.41423"
    assert attribute_text(1e20) == "100000000000000000000"
    assert attribute_text(QDateTime(QDate(2024, 4, 2), QTime(0, 0)), date_only=True) == "2024-04-02"
    assert attribute_text({"a": "é"}) == '{"a": "é"}'


def test_fields_matched_by_name_ignoring_case(schema):
    keys = match_field_names(["ID", "Nom", "code_postal", "Code_Postal", "remarque"], schema)
    assert keys == {"ID": "id", "Nom": "nom", "code_postal": "code_postal", "Code_Postal": "Code_Postal",
                    "remarque": "remarque"}


def test_geometry_fills_missing_coordinates_in_wgs84(schema):
    # Lambert-93 point of Marseille's Vieux-Port; the second feature has its own coordinates, which win
    geometry = QgsGeometry.fromPointXY(QgsPointXY(892390.0, 6247035.0))
    layer = memory_layer(
        "Point?crs=EPSG:2154&field=id:string&field=latitude:string&field=longitude:string",
        [["a", None, None], ["b", "45.1", "5.2"]],
        [geometry, geometry],
    )
    table = records_from_layer(layer, schema=schema)
    lat, lon = float(table.rows[0]["latitude"]), float(table.rows[0]["longitude"])
    assert 43.2 < lat < 43.4 and 5.3 < lon < 5.45
    assert len(table.rows[0]["latitude"].split(".")[1]) <= 7
    assert table.rows[1]["latitude"] == "45.1" and table.rows[1]["longitude"] == "5.2"
    assert table.notes and "1" in table.notes[0]


def test_geometry_adds_absent_coordinate_columns_and_polygons_use_a_point_on_surface(schema):
    square = QgsGeometry.fromWkt("POLYGON((5 43, 6 43, 6 44, 5 44, 5 43))")
    layer = memory_layer("Polygon?crs=EPSG:4326&field=id:string", [["a"], ["b"]], [square, None])
    table = records_from_layer(layer, schema=schema)
    assert table.header == ["id", "latitude", "longitude"]
    assert table.derived_columns == ["latitude", "longitude"]
    assert 43 < float(table.rows[0]["latitude"]) < 44 and 5 < float(table.rows[0]["longitude"]) < 6
    assert table.rows[1]["latitude"] == "" and table.rows[1]["longitude"] == ""


def test_selected_only_and_feature_ids(schema):
    layer = memory_layer("None?field=id:string", [["a"], ["b"], ["c"]])
    ids = [f.id() for f in layer.getFeatures()]
    layer.selectByIds([ids[2], ids[0]])
    table = records_from_layer(layer, selected_only=True, schema=schema)
    assert sorted(row["id"] for row in table.rows) == ["a", "c"]
    assert sorted(table.feature_ids) == sorted([ids[0], ids[2]])
    assert records_from_layer(layer, schema=schema).feature_ids == ids


def test_cancel_raises_and_progress_reaches_100(schema):
    layer = memory_layer("None?field=id:string", [[str(i)] for i in range(300)])
    feedback = QgsFeedback()
    seen = []
    feedback.progressChanged.connect(seen.append)
    records_from_layer(layer, feedback=feedback, schema=schema)
    assert seen[-1] == 100.0 and len(seen) > 2
    feedback.cancel()
    with pytest.raises(LayerReadCancelledError) as error:
        records_from_layer(layer, feedback=feedback, schema=schema)
    assert error.value.message


def test_a_csv_layer_of_the_valid_sample(samples, schema):
    uri = (samples / "exemple-valide.csv").as_uri() + "?type=csv&detectTypes=yes&geomType=none"
    csv_layer = QgsVectorLayer(uri, "csv", "delimitedtext")
    assert csv_layer.isValid()
    table = records_from_layer(csv_layer, schema=schema)
    assert len(table.rows) == csv_layer.featureCount() > 0
    first = table.rows[0]
    assert first["id"] == "structure-1"
    assert first["latitude"] == "43.52609"
    assert first["date_maj"] == "2024-04-02"
    assert first["typologie"] == "TIERS_LIEUX|ASSO"
    assert list(first) == list(schema.field_names)


def test_the_geopackage_fid_is_not_a_column_of_the_lieux(schema, tmp_path):
    from qgis.core import QgsVectorFileWriter

    from plugin.qgis.layer_records import storage_key_fields

    memory = memory_layer("Point?crs=EPSG:4326&field=id:string&field=remarque:string", [["a", "x"]],
                          [QgsGeometry.fromPointXY(QgsPointXY(5.4, 43.3))])
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    path = str(tmp_path / "lieux.gpkg")
    error = QgsVectorFileWriter.writeAsVectorFormatV3(memory, path, memory.transformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError
    gpkg_layer = QgsVectorLayer(path, "lieux", "ogr")
    assert "fid" in gpkg_layer.fields().names()
    assert storage_key_fields(gpkg_layer, schema) == ["fid"]
    table = records_from_layer(gpkg_layer, schema=schema)
    assert table.header == ["id", "remarque", "latitude", "longitude"]
    assert "fid" not in table.rows[0]
    assert table.extra_columns(schema) == ["remarque"]
    assert "fid" in records_from_layer(gpkg_layer, schema=schema, exclude_fields=()).header


def test_attribute_text_unwraps_qt_values_into_the_core_converter():
    """Qt values give what the same Python values give to ``cell_text`` (readers, writers, API)."""
    import datetime as dt

    from qgis.core import NULL
    from qgis.PyQt.QtCore import QByteArray, QVariant

    from plugin.core.records import cell_text

    pairs = [
        (NULL, None),
        (QVariant(), None),
        (QDate(), None),
        (QDate(2024, 4, 2), dt.date(2024, 4, 2)),
        (QDateTime(QDate(2024, 4, 2), QTime(0, 0)), dt.datetime(2024, 4, 2)),  # midnight: the date
        (QDateTime(QDate(2024, 4, 2), QTime(10, 30)), dt.datetime(2024, 4, 2, 10, 30)),
        (QTime(9, 30), dt.time(9, 30)),
        (QByteArray(b"\x00\xff"), b"\x00\xff"),
        (["a", "", NULL, "b"], ["a", "", None, "b"]),
        ([["a"], "b"], [["a"], "b"]),
        ({"a": QDate(2024, 4, 2)}, {"a": dt.date(2024, 4, 2)}),
        (True, True),
        (4000.0, 4000.0),
    ]
    for qt_value, python_value in pairs:
        assert attribute_text(qt_value) == cell_text(python_value), (qt_value, python_value)
    assert attribute_text(QDateTime(QDate(2024, 4, 2), QTime(10, 30)), date_only=True) == "2024-04-02"
