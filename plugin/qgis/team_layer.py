"""Team mode: two agents editing the same PostGIS working layer never overwrite each other silently.

Optimistic locking on ``row_version`` (see ``plugin/core/postgis_schema.py``):

* the first time a lieu is changed in an edit session, the guard reads its ``row_version`` in the database
  (the version the agent is editing); just before the save it writes it into the edit buffer, so that the
  UPDATE QGIS sends carries it; the database refuses an UPDATE whose version is not the current one;
* before the layer is saved, the guard compares those versions with the database: the lieux a colleague
  saved in between are *conflicts*. A resolver (the GUI: the pull-merge dialog, both versions side by side)
  chooses per lieu — keep mine (the colleague's other fields stay, mine win where we both changed) or take
  theirs. Without a resolver, or when the agent cancels, the save is refused and the edits stay in the
  buffer: nothing is lost, nothing overwritten;
* lieux that only one agent changed are saved as they are: QGIS sends only the changed fields, so two
  agents editing different lieux merge without a word, and the layer refreshes on every save (NOTIFY).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from qgis.core import QgsFeatureRequest, QgsVectorLayer
from qgis.PyQt.QtCore import QObject

from ..api.pull import KEEP_LOCAL, TAKE_REMOTE, Conflict
from ..core.postgis_schema import ROW_VERSION_COLUMN
from ..core.schema import Schema, load_schema
from .layer_records import attribute_text

GUARD_PROPERTY = "_mednum_team_guard"


@dataclass
class TeamConflict(Conflict):
    """A lieu changed here and saved by a colleague since: mine (``local``) and theirs (``remote``)."""

    fid: int = -1
    my_version: int = 0
    their_version: int = 0


# conflicts → {lieu id: KEEP_LOCAL | TAKE_REMOTE}, or None to cancel the save
Resolver = Callable[[list[TeamConflict]], "dict[str, str] | None"]


def _record(feature, names) -> dict[str, str]:
    return {name: attribute_text(feature[name]) for name in names}


class TeamEditGuard(QObject):
    def __init__(self, layer: QgsVectorLayer, resolver: Resolver | None = None, schema: Schema | None = None):
        super().__init__(layer)
        self.layer = layer
        self.resolver = resolver
        self.schema = schema or load_schema()
        self.base: dict[int, int] = {}  # fid → row_version being edited
        self.last_conflicts: list[TeamConflict] = []
        self._writing = False
        self._version_index = layer.fields().indexFromName(ROW_VERSION_COLUMN)
        layer.attributeValueChanged.connect(self._on_attribute)
        layer.geometryChanged.connect(self._on_geometry)
        layer.beforeCommitChanges.connect(self._before_commit)
        layer.afterCommitChanges.connect(self._reset)
        layer.afterRollBack.connect(self._reset)

    # ── tracking ─────────────────────────────────────────────────────────────────────────────────────

    def _database_features(self, fids, with_geometry: bool = False) -> dict:
        request = QgsFeatureRequest().setFilterFids(list(fids))
        if not with_geometry:
            request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
        return {feature.id(): feature for feature in self.layer.dataProvider().getFeatures(request)}

    def _track(self, fid: int) -> None:
        if fid < 0 or fid in self.base or self._writing:
            return
        feature = self._database_features([fid]).get(fid)
        if feature is None:
            return
        self.base[fid] = int(feature[ROW_VERSION_COLUMN])

    def _set_version(self, fid: int, version: int) -> None:
        if fid not in self.layer.editBuffer().deletedFeatureIds():
            self._writing = True
            try:
                self.layer.changeAttributeValue(fid, self._version_index, version, version)
            finally:
                self._writing = False

    def _on_attribute(self, fid: int, index: int, _value) -> None:
        if index != self._version_index:
            self._track(fid)

    def _on_geometry(self, fid: int, _geometry) -> None:
        self._track(fid)

    def _reset(self, *_args) -> None:
        self.base.clear()

    # ── before saving ────────────────────────────────────────────────────────────────────────────────

    def conflicts(self) -> list[TeamConflict]:
        """The tracked lieux whose database version moved since they were first changed here."""
        if not self.base:
            return []
        current = self._database_features(self.base)
        names = self.schema.field_names
        buffer = self.layer.editBuffer()
        deleted = set(buffer.deletedFeatureIds()) if buffer else set()
        found = []
        for fid, version in sorted(self.base.items()):
            theirs = current.get(fid)
            if fid in deleted or theirs is None or int(theirs[ROW_VERSION_COLUMN]) == version:
                continue  # unchanged; deleted here (journaled, restorable) or by a colleague (nothing to save)
            remote = _record(theirs, names)
            mine = _record(self.layer.getFeature(fid), names)
            differences = [(n, mine[n], remote[n]) for n in names if mine[n] != remote[n]]
            found.append(TeamConflict(index=fid, local=mine, remote=remote, differences=differences, fid=fid,
                                      my_version=version, their_version=int(theirs[ROW_VERSION_COLUMN])))
        return found

    def _before_commit(self, *_args) -> None:
        self.last_conflicts = conflicts = self.conflicts()
        choices = self.resolver(conflicts) if conflicts and self.resolver is not None else None
        if choices is not None:
            self._apply_choices(conflicts, choices)
        # every changed lieu is sent with the version it was edited from: the database refuses the stale ones
        # (no conflict resolved: no one to ask, or canceled) and the edits stay in the buffer. Written now, not
        # at the first change, so that the user's undo steps stay the user's own.
        for fid, version in self.base.items():
            self._set_version(fid, version)

    def _apply_choices(self, conflicts: list[TeamConflict], choices: dict[str, str]) -> None:
        theirs_features = self._database_features([c.fid for c in conflicts], with_geometry=True)
        buffer = self.layer.editBuffer()
        for conflict in conflicts:
            choice = choices.get(conflict.lieu_id, KEEP_LOCAL)
            if choice == TAKE_REMOTE:
                theirs = theirs_features[conflict.fid]
                self._writing = True
                try:
                    for index in buffer.changedAttributeValues().get(conflict.fid, {}):
                        if index != self._version_index:
                            self.layer.changeAttributeValue(conflict.fid, index, theirs.attribute(index))
                    if conflict.fid in buffer.changedGeometries():
                        self.layer.changeGeometry(conflict.fid, theirs.geometry())
                finally:
                    self._writing = False
            self.base[conflict.fid] = conflict.their_version


def guard_layer(layer: QgsVectorLayer, resolver: Resolver | None = None) -> TeamEditGuard:
    """The guard of a team layer (created once; ``resolver`` replaces the current one when given)."""
    guard = layer.property(GUARD_PROPERTY)
    if not isinstance(guard, TeamEditGuard):
        guard = TeamEditGuard(layer, resolver)
        layer.setProperty(GUARD_PROPERTY, guard)
    elif resolver is not None:
        guard.resolver = resolver
    return guard


def team_guard(layer) -> TeamEditGuard | None:
    guard = layer.property(GUARD_PROPERTY) if isinstance(layer, QgsVectorLayer) else None
    return guard if isinstance(guard, TeamEditGuard) else None


def is_team_layer(layer) -> bool:
    return isinstance(layer, QgsVectorLayer) and layer.providerType() == "postgres" and (
        layer.fields().indexFromName(ROW_VERSION_COLUMN) >= 0
    )
