"""Keep a working layer's point and its latitude/longitude fields in step, both ways, in the edit buffer.

* a point moved (vertex tool, move feature…) → latitude/longitude rewritten (6 decimals);
* latitude or longitude edited (form, attribute table, field calculator) → the point moves to
  them when both are valid WGS84 numbers, and is removed when both are emptied;
* a lieu added → its point follows its fields when they say otherwise (a form where the user typed
  coordinates), else its empty fields follow its point (a lieu digitised on the map).

Everything goes through the layer's edit buffer. Inside an edit command (what QGIS map tools, the form
and the field calculator open) the synced change joins that command, so one undo reverts both. Outside
one (undo/redo, roll back, a script), the check waits for the event loop: an undo or a roll back leaves
point and fields consistent again, so nothing is written; a script's change is synced then.
A failure here is logged, never raised: an exception in a Qt slot would abort QGIS.
"""

from __future__ import annotations

import traceback

from qgis.core import Qgis, QgsGeometry, QgsPointXY, QgsVectorLayer
from qgis.PyQt.QtCore import QObject, QTimer

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
        self._rolling_back = False
        self._pending: dict[int, str] = {}  # fid → what to reconcile after the event loop turn
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._flush)
        layer.geometryChanged.connect(lambda fid, _geometry: self._on_change(fid, "fields"))
        layer.attributeValueChanged.connect(self._on_attribute_changed)
        layer.featureAdded.connect(lambda fid: self._on_change(fid, "new"))
        layer.beforeRollBack.connect(self._before_roll_back)
        layer.afterRollBack.connect(self._after_roll_back)
        self._added_in_command: list[int] = []
        layer.editCommandEnded.connect(self._after_command)
        layer.editCommandDestroyed.connect(self._after_command)

    # -- signals ------------------------------------------------------------------------------------

    def _before_roll_back(self) -> None:
        self._rolling_back = True
        self._pending.clear()

    def _after_roll_back(self) -> None:
        self._rolling_back = False

    def _on_attribute_changed(self, fid: int, index: int, _value) -> None:
        if index in self._indexes:
            self._on_change(fid, "geometry")

    def _on_change(self, fid: int, what: str) -> None:
        if self._busy or self._rolling_back or not self.layer.isEditable():
            return
        if what == "new" and self.layer.isEditCommandActive():
            # featureAdded comes while QGIS pushes the "add": an edit made now would be recorded *before* it, and
            # undoing the command (Ctrl+Z, rollback) would then edit a lieu already removed — QGIS crashes.
            # The new lieu is reconciled as soon as the command that adds it ends.
            self._added_in_command.append(fid)
            return
        if self.layer.isEditCommandActive():  # a user action: join its edit command (one undo)
            self._run(fid, what)
        else:  # undo/redo, a script: after the event loop turn, when the state is final
            self._pending.setdefault(fid, what)
            self._timer.start()

    def _after_command(self) -> None:
        added, self._added_in_command = self._added_in_command, []
        if self._rolling_back or not self.layer.isEditable():
            return
        for fid in added:
            self._run(fid, "new")

    def _flush(self) -> None:
        pending, self._pending = self._pending, {}
        if self._rolling_back or not self.layer.isEditable():
            return
        for fid, what in pending.items():
            self._run(fid, what)

    def _run(self, fid: int, what: str) -> None:
        self._busy = True
        try:
            feature = self.layer.getFeature(fid)
            if feature.isValid():
                {"fields": self._write_fields, "geometry": self._write_geometry, "new": self._reconcile_new}[what](
                    feature
                )
        except Exception:  # never let an exception reach Qt (it would abort QGIS): log it
            from ..toolbelt.log import PlgLogger

            PlgLogger.log(traceback.format_exc(), Qgis.MessageLevel.Critical)
        finally:
            self._busy = False

    # -- the two directions ---------------------------------------------------------------------------

    @property
    def _indexes(self) -> tuple[int, int]:
        fields = self.layer.fields()
        return fields.indexFromName("latitude"), fields.indexFromName("longitude")

    def _coordinates(self, feature) -> dict[str, str]:
        lat_index, lon_index = self._indexes
        return {"latitude": attribute_text(feature[lat_index]), "longitude": attribute_text(feature[lon_index])}

    def _write_fields(self, feature) -> None:
        """Fields from the point (a removed point leaves the fields to the user)."""
        geometry = feature.geometry()
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            return
        lat_index, lon_index = self._indexes
        point = geometry.asPoint()
        current = self._coordinates(feature)
        if not same_coordinate(current["latitude"], point.y()):
            self.layer.changeAttributeValue(feature.id(), lat_index, format_coordinate(point.y()))
        if not same_coordinate(current["longitude"], point.x()):
            self.layer.changeAttributeValue(feature.id(), lon_index, format_coordinate(point.x()))

    def _write_geometry(self, feature) -> None:
        """The point from the fields: moved to valid coordinates, removed when both are emptied."""
        record = self._coordinates(feature)
        point = point_of(record)
        geometry = feature.geometry()
        has_point = not (geometry is None or geometry.isNull() or geometry.isEmpty())
        if point is None:
            if has_point and not record["latitude"].strip() and not record["longitude"].strip():
                self.layer.changeGeometry(feature.id(), QgsGeometry())
            return
        if has_point:
            current = geometry.asPoint()
            if same_coordinate(format_coordinate(current.x()), point[0]) and same_coordinate(
                format_coordinate(current.y()), point[1]
            ):
                return
        self.layer.changeGeometry(feature.id(), QgsGeometry.fromPointXY(QgsPointXY(point[0], point[1])))

    def _reconcile_new(self, feature) -> None:
        record = self._coordinates(feature)
        if point_of(record) is not None:
            self._write_geometry(feature)
        elif not record["latitude"].strip() and not record["longitude"].strip():
            self._write_fields(feature)


def attach_coordinate_sync(layer: QgsVectorLayer) -> CoordinateSync:
    """The layer's sync object (created once per layer)."""
    existing = layer.findChild(QObject, SYNC_OBJECT_NAME)
    if isinstance(existing, CoordinateSync):
        return existing
    return CoordinateSync(layer)
