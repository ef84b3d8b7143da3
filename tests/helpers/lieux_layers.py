"""Lieux as QGIS layers for the QGIS tests: the 32 schema fields as strings, points in EPSG:4326."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)

from plugin.core.readers import read_table
from plugin.core.schema import load_schema
from plugin.qgis.field_types import new_field


def sample_records(path: Path) -> list[dict[str, str]]:
    """The records of a sample file, read by the plugin's reader."""
    return read_table(path).rows


def write_lieux_gpkg(path: Path, records: list[dict[str, str]], layer_name: str = "lieux") -> Path:
    """A GeoPackage of lieux (schema fields as strings, point from latitude/longitude)."""
    schema = load_schema()
    fields = QgsFields()
    for name in schema.field_names:
        fields.append(new_field(name))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = layer_name
    writer = QgsVectorFileWriter.create(
        str(path),
        fields,
        QgsWkbTypes.Type.Point,
        QgsCoordinateReferenceSystem("EPSG:4326"),
        QgsCoordinateTransformContext(),
        options,
    )
    for record in records:
        feature = QgsFeature(fields)
        feature.setAttributes([record.get(name, "") or None for name in schema.field_names])
        try:
            lat, lon = float(record.get("latitude", "")), float(record.get("longitude", ""))
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(lon, lat)))
        except ValueError:
            pass
        writer.addFeature(feature)
    del writer
    return path


def open_lieux_layer(path: Path, layer_name: str = "lieux", name: str = "Lieux") -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{path}|layername={layer_name}", name, "ogr")
    assert layer.isValid()
    return layer
