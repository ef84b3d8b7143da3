"""Merge a pull into a working layer (no widgets): plan in a task, apply on the main thread in one edit command.

* :func:`prepare_merge` (main thread) takes what the task needs: a snapshot of the layer's records (edit buffer
  included), the lieux with unsaved edits, the lieux deleted in the edit buffer (as saved), the layer's
  GeoPackage (its sync table) and a token of the layer's edit state;
* :func:`plan_layer_merge` (task) reads the sync table and plans the merge (:func:`~..api.pull.plan_merge`);
* :func:`apply_merge` (main thread) writes the added and updated lieux, and the remote versions the user chose,
  into the edit buffer as **one** edit command (one Ctrl+Z undoes it), then the sync rows are recorded in the
  GeoPackage when those edits are saved — only the rows whose lieu was saved as the merge wrote it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping, Sequence

from qgis.core import QgsDefaultValue, QgsFeatureRequest, QgsGeometry, QgsProviderRegistry, QgsVectorLayer
from qgis.PyQt.QtCore import QObject

from ..api.connectors import PullResult
from ..api.pull import Conflict, MergeChanges, MergePlan, confirmed_entries, conflicts_of, plan_merge, resolve_merge
from ..core.errors import MednumError
from ..core.i18n import translate
from ..core.records import Record
from ..core.schema import load_schema
from ..core.sync import SyncStore
from ..toolbelt.log import PlgLogger
from .api_session import connector_carried
from .working_layer import attribute_text, features_from_records, is_working_layer, layer_snapshot, point_geometry


class MergeError(MednumError):
    default_code = "pull-merge"


def layer_geopackage(layer: QgsVectorLayer) -> Path | None:
    """The GeoPackage file of a layer (whatever its edit state), or None."""
    if layer is None or layer.providerType() != "ogr":
        return None
    path = QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("path") or ""
    return Path(path) if path.lower().endswith(".gpkg") and Path(path).is_file() else None


def can_merge_into(layer) -> bool:
    return isinstance(layer, QgsVectorLayer) and is_working_layer(layer) and layer_geopackage(layer) is not None


def dirty_lieu_ids(layer: QgsVectorLayer) -> set[str]:
    """Ids of the lieux with unsaved edits (attributes, geometry, or added) in the layer's edit buffer."""
    buffer = layer.editBuffer() if layer.isEditable() else None
    if buffer is None:
        return set()
    fids = set(buffer.changedAttributeValues()) | set(buffer.changedGeometries()) | set(buffer.addedFeatures())
    index = layer.fields().indexOf("id")
    ids = set()
    for fid in fids:
        feature = layer.getFeature(fid)
        if feature.isValid() and feature.attribute(index):
            ids.add(str(feature.attribute(index)))
    return ids


def deleted_lieux(layer: QgsVectorLayer) -> dict[str, Record]:
    """The lieux deleted in the layer's edit buffer (not saved yet): id → the record as saved (provider)."""
    buffer = layer.editBuffer() if layer.isEditable() else None
    fids = [fid for fid in (buffer.deletedFeatureIds() if buffer is not None else []) if fid >= 0]
    if not fids:
        return {}
    provider = layer.dataProvider()
    fields = provider.fields()
    names = [name for name in load_schema().field_names if fields.indexOf(name) >= 0]
    if "id" not in names:
        return {}
    request = (QgsFeatureRequest().setFilterFids(fids).setFlags(QgsFeatureRequest.Flag.NoGeometry)
               .setSubsetOfAttributes([fields.indexOf(name) for name in names]))
    deleted = {}
    for feature in provider.getFeatures(request):
        record = {name: attribute_text(feature.attribute(fields.indexOf(name))) for name in names}
        if record["id"]:
            deleted[record["id"]] = record
    return deleted


def edit_state(layer: QgsVectorLayer) -> tuple:
    """Changes when the layer is edited, saved, rolled back or undone (compared before and after a pull)."""
    stack = layer.undoStack()
    return (layer.isEditable(), layer.isModified(), stack.index() if stack else -1, stack.count() if stack else -1,
            layer.featureCount())


@dataclass
class MergeSource:
    """What the merge task needs from the layer, taken on the main thread."""

    layer_id: str
    path: Path
    read: Callable[[], Sequence[Record]]
    dirty: set[str]
    state: tuple
    deleted: dict[str, Record] = field(default_factory=dict)  # deleted in the edit buffer: id → saved record


def prepare_merge(layer: QgsVectorLayer) -> MergeSource:
    path = layer_geopackage(layer)
    if path is None or not is_working_layer(layer):
        raise MergeError(translate(
            "PullMerge", "The layer « {name} » is not a working layer saved in a GeoPackage: a pull can only be "
            "merged into one (its sync table lives in the GeoPackage).").format(name=layer.name()))
    if layer.subsetString():
        raise MergeError(translate(
            "PullMerge", "The layer « {name} » is filtered: remove its filter before merging a pull into it (the "
            "lieux the filter hides would be taken for lieux deleted here).").format(name=layer.name()))
    return MergeSource(layer.id(), path, layer_snapshot(layer), dirty_lieu_ids(layer), edit_state(layer),
                       deleted_lieux(layer))


@dataclass
class PlannedMerge:
    result: PullResult
    local: list[Record]
    plan: MergePlan
    conflicts: list[Conflict] = field(default_factory=list)

    def changes(self, choices: Mapping[str, str]) -> MergeChanges:
        return resolve_merge(self.plan, self.local, self.result, connector_carried(self.result.source), choices)


def plan_layer_merge(result: PullResult, source: MergeSource, local: Sequence[Record] | None = None) -> PlannedMerge:
    """The merge plan of a pull (any thread): matched by id, then pivot + proximity; edits and deletions made
    here → conflicts."""
    local = list(source.read() if local is None else local)
    entries = SyncStore(source.path).entries()
    plan = plan_merge(local, result.lieux, entries, source.dirty, deleted=source.deleted)
    return PlannedMerge(result, local, plan, conflicts_of(plan, local, load_schema().field_names))


def apply_merge(layer: QgsVectorLayer, changes: MergeChanges, description: str) -> PendingSync:
    """Write the changes into the layer's edit buffer as one edit command (editing is started if needed)."""
    if not layer.isEditable() and not layer.startEditing():
        raise MergeError(translate("PullMerge", "The layer « {name} » cannot be edited.").format(name=layer.name()))
    fields = layer.fields()
    names = [name for name in load_schema().field_names if fields.indexOf(name) >= 0]
    indexes = {name: fields.indexOf(name) for name in names}
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setSubsetOfAttributes([indexes["id"]])
    fid_of = {str(f.attribute(indexes["id"])): f.id() for f in layer.getFeatures(request) if f.attribute(indexes["id"])}
    missing = [lieu_id for lieu_id in changes.updated if lieu_id not in fid_of]
    if missing:
        raise MergeError(translate(
            "PullMerge", "{n} lieux to update are no longer in the layer (deleted during the pull?): nothing was "
            "changed; pull again.").format(n=len(missing)))
    # the remote version is written as it is: defaults applied on update (date_maj = today) stay out of it
    on_update = {i: layer.defaultValueDefinition(i) for i in range(fields.count())
                 if layer.defaultValueDefinition(i).applyOnUpdate()}
    for index, definition in on_update.items():
        layer.setDefaultValueDefinition(index, QgsDefaultValue(definition.expression(), False))
    layer.beginEditCommand(description)
    try:
        for lieu_id, record in changes.updated.items():
            fid = fid_of[lieu_id]
            layer.changeAttributeValues(fid, {indexes[name]: (record.get(name) or None) for name in names})
            geometry = point_geometry(record)
            layer.changeGeometry(fid, geometry if geometry is not None else QgsGeometry())
        if changes.added and not layer.addFeatures(features_from_records(changes.added, fields)):
            raise MergeError(translate("PullMerge", "The pulled lieux could not be added to the layer."))
    except Exception:
        layer.destroyEditCommand()
        raise
    else:
        layer.endEditCommand()
    finally:
        for index, definition in on_update.items():
            layer.setDefaultValueDefinition(index, definition)
    return PendingSync(layer, changes)


class PendingSync(QObject):
    """Records the sync rows of a merge in the layer's GeoPackage when the layer's edits are saved; forgets
    them when the edits are rolled back. Child of the layer: dies with it."""

    def __init__(self, layer: QgsVectorLayer, changes: MergeChanges) -> None:
        super().__init__(layer)
        self.layer, self.changes = layer, changes
        self.recorded: int | None = None
        layer.afterCommitChanges.connect(self._on_commit)
        layer.afterRollBack.connect(self._forget)

    def _disconnect(self) -> None:
        layer = self.layer
        for signal, slot in ((layer.afterCommitChanges, self._on_commit), (layer.afterRollBack, self._forget)):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass

    def _forget(self) -> None:
        self._disconnect()
        self.recorded = 0
        self.deleteLater()

    def _on_commit(self) -> None:
        self._disconnect()
        try:
            self.recorded = self.record()
        except Exception as error:  # a slot must not raise; the sync rows are simply not recorded
            PlgLogger.log(translate("PullMerge", "The sync table could not be updated: {error}").format(error=error),
                          push=False)
            self.recorded = 0
        self.deleteLater()

    def record(self) -> int:
        return record_sync(self.layer, self.changes)


def record_sync(layer: QgsVectorLayer, changes: MergeChanges) -> int:
    """Record the sync rows of a merge whose lieu is saved as the merge wrote it (see ``confirmed_entries``)."""
    from .working_layer import records_from_layer

    wanted = {entry.lieu_id for entry in changes.entries}
    saved = {r.get("id", ""): dict(r) for r in records_from_layer(layer) if r.get("id", "") in wanted}
    entries = confirmed_entries(changes, saved)
    store = SyncStore(layer_geopackage(layer))
    store.record_pull(entries)
    recorded = {entry.lieu_id for entry in entries}
    store.record_extras({k: v for k, v in changes.extras.items() if k in recorded})
    return len(entries)
