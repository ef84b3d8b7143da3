"""The map overlay of the validation dock: which lieux have errors, warnings only, or no open issue.

A memory layer "Validation : <layer>" placed just above the working layer draws a ring around each lieu
(:func:`~.styles.overlay_renderer`; legend "Errors" / "Warnings only" / "No issue", translated). It follows a
:class:`~.live_validation.LiveValidation`: rebuilt after a full pass, and after an edit only the features of
the lieux that changed are updated (attributes or point), so the map follows without a full pass.
The overlay is a view: it is removed with the dock and never saved with the data.
"""

from __future__ import annotations

import itertools

from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsMapLayer,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QObject, QTimer

from ..core.i18n import translate
from . import field_types
from .live_validation import CLEAN, LiveValidation
from .styles import overlay_renderer

OVERLAY_PROPERTY = "lieux_mednum/validation_overlay"  # custom property: the id of the working layer
FIELDS = (("lieu_fid", field_types.LONG), ("severity", field_types.STRING), ("errors", field_types.INT),
          ("warnings", field_types.INT))


PREPARATION = "validation_overlay"
CHUNK = 5000  # rings added per event-loop turn after a full pass


def overlay_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind in FIELDS:
        fields.append(QgsField(name, kind))
    return fields


def overlay_feature(source, key: int, fields: QgsFields) -> QgsFeature | None:
    """The ring of one lieu (None when it has no point). ``source``: a LiveState or a LiveValidation."""
    point = source.point(key)
    if point is None:
        return None
    issues = source.open_issues(key)
    errors = sum(1 for issue in issues if issue.severity == "error")
    feature = QgsFeature(fields)
    feature.setAttributes([key, source.severity(key) or CLEAN, errors, len(issues) - errors])
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(point[0], point[1])))
    return feature


def prepare_features(source) -> tuple[list[int], list[QgsFeature]]:
    """(keys, features) of every lieu with a point (thread-safe: run in the full pass's task)."""
    fields = overlay_fields()
    keys, features = [], []
    for key in list(source.keys()):
        feature = overlay_feature(source, key, fields)
        if feature is not None:
            keys.append(key)
            features.append(feature)
    return keys, features


def remove_stale_overlays(project: QgsProject | None = None) -> None:
    """Remove overlays left in a project (saved with it, reopened without their dock)."""
    project = project or QgsProject.instance()
    stale = [layer.id() for layer in project.mapLayers().values() if layer.customProperty(OVERLAY_PROPERTY)]
    if stale:
        project.removeMapLayers(stale)


class ValidationOverlay(QObject):
    def __init__(self, live: LiveValidation, parent: QObject | None = None):
        super().__init__(parent)
        self.live = live
        self.layer: QgsVectorLayer | None = None
        self._features: dict[int, int] = {}  # lieu key → overlay feature id
        self._pending: dict[int, QgsFeature] = {}  # rings of a full pass not added yet
        self._chunk_timer = QTimer(self)
        self._chunk_timer.setSingleShot(True)
        self._chunk_timer.setInterval(0)
        self._chunk_timer.timeout.connect(self._add_chunk)
        live.reset.connect(self.rebuild)
        live.lieuxChanged.connect(self.update)
        live.add_preparation(PREPARATION, prepare_features)

    # ── layer ───────────────────────────────────────────────────────────────────────────────────────────

    def _create(self) -> QgsVectorLayer:
        working = self.live.layer
        fields = "&".join(f"field={name}:{_type_name(kind)}" for name, kind in FIELDS)
        layer = QgsVectorLayer(
            f"Point?crs=EPSG:4326&{fields}",
            translate("ValidationOverlay", "Validation: {name}").format(name=working.name()),
            "memory",
        )
        layer.setCustomProperty(OVERLAY_PROPERTY, working.id())
        layer.setCustomProperty("skipMemoryLayersCheck", 1)  # a view, rebuilt by the dock: no "save it?" prompt
        layer.setFlags(layer.flags() & ~QgsMapLayer.LayerFlag.Identifiable & ~QgsMapLayer.LayerFlag.Searchable)
        layer.setRenderer(overlay_renderer())
        project = QgsProject.instance()
        project.addMapLayer(layer, False)
        root = project.layerTreeRoot()
        node = root.findLayer(working.id())
        if node is not None and node.parent() is not None:
            parent = node.parent()
            parent.insertLayer(parent.children().index(node), layer)
        else:
            root.insertLayer(0, layer)
        return layer

    def _alive(self) -> bool:
        if self.layer is None:
            return False
        try:
            return QgsProject.instance().mapLayer(self.layer.id()) is not None
        except RuntimeError:  # deleted by QGIS (user removed it)
            return False

    def remove(self) -> None:
        self._chunk_timer.stop()
        self._pending = {}
        if self._alive():
            QgsProject.instance().removeMapLayer(self.layer.id())
        self.layer = None
        self._features.clear()

    def detach(self) -> None:
        self.live.preparations.pop(PREPARATION, None)
        for signal, slot in ((self.live.reset, self.rebuild), (self.live.lieuxChanged, self.update)):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass
        self.remove()

    # ── content ─────────────────────────────────────────────────────────────────────────────────────────

    def _feature(self, key: int) -> QgsFeature | None:
        return overlay_feature(self.live, key, self.layer.fields())

    def rebuild(self) -> None:
        """All the lieux again (after a full pass; the features were made in its task). They are handed to
        the layer a chunk per event-loop turn: QGIS stays responsive while 50,000 rings are added."""
        if not self._alive():
            self.layer = self._create()
        self.layer.dataProvider().truncate()
        self._features.clear()
        prepared = self.live.prepared.get(PREPARATION)
        if prepared is None:
            prepared = prepare_features(self.live)
        keys, features = prepared
        self._pending = dict(zip(keys, features))
        self._add_chunk()

    def _add_chunk(self) -> None:
        if not self._pending or not self._alive():
            self._pending = {}
            return
        keys = list(itertools.islice(self._pending, CHUNK))
        features = [self._pending.pop(key) for key in keys]
        ok, added = self.layer.dataProvider().addFeatures(features)
        if ok:
            self._features.update({key: feature.id() for key, feature in zip(keys, added)})
        if self._pending:
            self._chunk_timer.start()
        else:
            self.layer.updateExtents()
        self.layer.triggerRepaint()

    @property
    def building(self) -> bool:
        """Rings of the last full pass still being added."""
        return bool(self._pending)

    def update(self, keys) -> None:
        """The lieux ``keys`` changed: update, add or remove their rings."""
        if not self._alive():
            return
        provider = self.layer.dataProvider()
        attribute_changes, geometry_changes, removed, new_keys, new_features = {}, {}, [], [], []
        for key in keys:
            feature = self._feature(key) if key in self.live.keys() else None
            if key in self._pending:  # not added yet: add the current state when its turn comes
                if feature is None:
                    del self._pending[key]
                else:
                    self._pending[key] = feature
                continue
            fid = self._features.get(key)
            if feature is None:
                if fid is not None:
                    removed.append(fid)
                    del self._features[key]
            elif fid is None:
                new_keys.append(key)
                new_features.append(feature)
            else:
                attribute_changes[fid] = dict(enumerate(feature.attributes()))
                geometry_changes[fid] = feature.geometry()
        if removed:
            provider.deleteFeatures(removed)
        if attribute_changes:
            provider.changeAttributeValues(attribute_changes)
            provider.changeGeometryValues(geometry_changes)
        if new_features:
            ok, added = provider.addFeatures(new_features)
            if ok:
                self._features.update({key: feature.id() for key, feature in zip(new_keys, added)})
        if removed or attribute_changes or new_features:
            self.layer.triggerRepaint()

    def severity_of(self, key: int) -> str | None:
        """The severity the overlay draws for a lieu (tests, legend checks)."""
        fid = self._features.get(key)
        if fid is None or not self._alive():
            return None
        return self.layer.getFeature(fid)["severity"]


def _type_name(kind) -> str:
    return {field_types.LONG: "long", field_types.INT: "integer", field_types.STRING: "string"}[kind]
