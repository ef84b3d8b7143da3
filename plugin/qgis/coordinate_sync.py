"""Keep a working layer's point and its latitude/longitude fields in step, both ways, in the edit buffer.

* a point moved (vertex tool, move feature…) → latitude/longitude rewritten (6 decimals);
* latitude or longitude edited (form, attribute table, field calculator) → the point moves to
  them when both are valid WGS84 numbers, and is removed when they are emptied;
* a lieu added → its point follows its fields when they say otherwise (a form where the user typed
  coordinates), else its fields follow its point (a lieu digitised on the map).

Everything goes through the layer's edit buffer, so the changes join the user's undo stack and are
saved (or rolled back) with the rest. Attached to any working layer (GeoPackage, PostGIS, memory).
"""

from __future__ import annotations

from qgis.core import QgsGeometry, QgsPointXY, QgsVectorLayer
from qgis.PyQt.QtCore import QObject

from ..core.coordinates import format_coordinate, point_of, same_coordinate
from .working_layer import attribute_text

SYNC_OBJECT_NAME = "lieux_mednum_coordinate_sync"


class CoordinateSync(QObject):
    """Child of its layer (lives and dies with it); re-entrancy guarded."""

    def __init__(self, layer: QgsVectorLayer):
        super().__init__(layer)
        self.setObjectName(SYNC_OBJECT_NAME)
        self.layer = layer
        self._busy = False
        layer.geometryChanged.connect(self._on_geometry_changed)
        layer.attributeValueChanged.connect(self._on_attribute_changed)
        layer.featureAdded.connect(self._on_feature_added)

    @property
    def _indexes(self) -> tuple[int, int]:
        fields = self.layer.fields()
        return fields.indexFromName("latitude"), fields.indexFromName("longitude")

    def _write_fields(self, fid: int, geometry: QgsGeometry | None) -> None:
        lat_index, lon_index = self._indexes
        if lat_index < 0 or lon_index < 0:
            return
        feature = self.layer.getFeature(fid)
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            return  # a removed point leaves the fields to the user
        point = geometry.asPoint()
        if not same_coordinate(attribute_text(feature[lat_index]), point.y()):
            self.layer.changeAttributeValue(fid, lat_index, format_coordinate(point.y()))
        if not same_coordinate(attribute_text(feature[lon_index]), point.x()):
            self.layer.changeAttributeValue(fid, lon_index, format_coordinate(point.x()))

    def _write_geometry(self, fid: int) -> None:
        feature = self.layer.getFeature(fid)
        record = {"latitude": attribute_text(feature["latitude"]), "longitude": attribute_text(feature["longitude"])}
        point = point_of(record)
        geometry = feature.geometry()
        if point is None:
            if not record["latitude"].strip() and not record["longitude"].strip() and not geometry.isNull():
                self.layer.changeGeometry(fid, QgsGeometry())
            return
        if not geometry.isNull() and not geometry.isEmpty():
            current = geometry.asPoint()
            if same_coordinate(format_coordinate(current.x()), point[0]) and same_coordinate(
                format_coordinate(current.y()), point[1]
            ):
                return
        self.layer.changeGeometry(fid, QgsGeometry.fromPointXY(QgsPointXY(point[0], point[1])))

    def _guarded(self, action, *args) -> None:
        if self._busy or not self.layer.isEditable():
            return
        self._busy = True
        try:
            action(*args)
        finally:
            self._busy = False

    def _on_geometry_changed(self, fid: int, geometry: QgsGeometry) -> None:
        self._guarded(self._write_fields, fid, geometry)

    def _on_attribute_changed(self, fid: int, index: int, _value) -> None:
        if index in self._indexes:
            self._guarded(self._write_geometry, fid)

    def _on_feature_added(self, fid: int) -> None:
        self._guarded(self._reconcile_new, fid)

    def _reconcile_new(self, fid: int) -> None:
        feature = self.layer.getFeature(fid)
        record = {"latitude": attribute_text(feature["latitude"]), "longitude": attribute_text(feature["longitude"])}
        if point_of(record) is not None:
            self._write_geometry(fid)
        elif not record["latitude"].strip() and not record["longitude"].strip():
            self._write_fields(fid, feature.geometry())


def attach_coordinate_sync(layer: QgsVectorLayer) -> CoordinateSync:
    """The layer's sync object (created once per layer)."""
    existing = layer.findChild(QObject, SYNC_OBJECT_NAME)
    if isinstance(existing, CoordinateSync):
        return existing
    return CoordinateSync(layer)
