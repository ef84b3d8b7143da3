"""Edits the validation dock makes to a working layer, always through its edit buffer (Ctrl+Z undoes them).

* :func:`apply_suggestions` — the safe fixes of some issues, in **one** undo step (``beginEditCommand`` …
  ``endEditCommand``), skipping a cell whose value changed since it was validated;
* :func:`merge_lieux` — two probable duplicates merged into the lieu kept, the other deleted, in one undo
  step; :class:`MergeJournalKeeper` writes the merge to the journal table when the edit is saved (an undone
  or rolled-back merge is never journaled); :func:`merge_duplicates` does both for the dock's merge dialog.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from qgis.core import Qgis, QgsVectorLayer
from qgis.PyQt.QtCore import QObject

from ..core.errors import MednumError
from ..core.i18n import translate
from ..core.merge import GeoPackageMergeJournal, MemoryMergeJournal, MergeEntry
from ..core.validation import Issue
from ..toolbelt.log import PlgLogger
from .live_validation import geopackage_path
from .working_layer import attribute_text


class EditError(MednumError):
    default_code = "edit"


def ensure_editable(layer: QgsVectorLayer) -> None:
    """Start an edit session when the layer is not in one (the user saves or discards it as usual)."""
    if layer.isEditable():
        return
    if not layer.startEditing():
        raise EditError(
            translate("ValidationEdits", "The layer {name} cannot be edited (read-only file or provider).").format(
                name=layer.name()
            )
        )


def apply_suggestions(layer: QgsVectorLayer, items: Iterable[tuple[int, Issue]], description: str) -> int:
    """Write the suggestion of each (feature id, issue) in one undo step; return how many cells changed.

    A cell whose current value is no longer the issue's value (edited since) is left alone; an empty
    suggestion empties the cell (NULL, the standard's missing value)."""
    items = [(fid, issue) for fid, issue in items if issue.suggestion is not None]
    if not items:
        return 0
    ensure_editable(layer)
    fields = layer.fields()
    changed = 0
    layer.beginEditCommand(description)
    try:
        for fid, issue in items:
            index = fields.indexFromName(issue.field)
            if index < 0:
                continue
            feature = layer.getFeature(fid)
            if not feature.isValid() or attribute_text(feature.attribute(index)) != (issue.value or ""):
                continue
            if layer.changeAttributeValue(fid, index, issue.suggestion or None, feature.attribute(index)):
                changed += 1
    except Exception:
        layer.destroyEditCommand()
        raise
    if changed:
        layer.endEditCommand()
    else:
        layer.destroyEditCommand()
    return changed


def merge_lieux(
    layer: QgsVectorLayer, kept: int, removed: int, merged: Mapping[str, str], description: str
) -> dict[str, str]:
    """Give the lieu ``kept`` the values ``merged`` and delete ``removed``, in one undo step.
    Returns the kept lieu's values before the merge (for the journal)."""
    ensure_editable(layer)
    kept_feature, removed_feature = layer.getFeature(kept), layer.getFeature(removed)
    if not kept_feature.isValid() or not removed_feature.isValid():
        raise EditError(
            translate("ValidationEdits", "One of the two lieux no longer exists: validate the layer again.")
        )
    fields = layer.fields()
    before = {field.name(): attribute_text(kept_feature.attribute(i)) for i, field in enumerate(fields)}
    changes = {}
    for name, value in merged.items():
        index = fields.indexFromName(name)
        if index >= 0 and before.get(name, "") != (value or ""):
            changes[index] = value or None
    layer.beginEditCommand(description)
    try:
        if changes:
            old = {index: kept_feature.attribute(index) for index in changes}
            layer.changeAttributeValues(kept, changes, old)
        if not layer.deleteFeature(removed):
            raise EditError(translate("ValidationEdits", "The merged lieu could not be deleted."))
    except Exception:
        layer.destroyEditCommand()
        raise
    layer.endEditCommand()
    return before


def merge_duplicates(
    layer: QgsVectorLayer,
    journal: MergeJournalKeeper,
    live,
    kept: int,
    removed: int,
    merged: Mapping[str, str],
    choices: Any,
    merged_by: str = "",
) -> MergeEntry:
    """Merge two probable duplicates as the merge dialog decided (:func:`merge_lieux`, one undo step), give the
    merge to the journal (written when the layer is saved) and re-validate the lieux (``live``: the layer's
    :class:`~.live_validation.LiveValidation`). Raises :class:`EditError`, nothing changed."""
    kept_record = live.record(kept)
    removed_record = dict(live.record(removed))
    before = merge_lieux(
        layer, kept, removed, merged,
        translate("ValidationDock", "Merge {removed} into {kept}").format(removed=removed_record.get("id", ""),
                                                                          kept=kept_record.get("id", "")),
    )
    entry = MergeEntry(kept, kept_record.get("id", ""), removed, removed_record.get("id", ""), removed_record,
                       before, choices, merged_by=merged_by)
    journal.add(entry)
    live.flush()
    return entry


class MergeJournalKeeper(QObject):
    """Journals the merges of a layer when they are saved (``journal_fusions`` of its GeoPackage)."""

    def __init__(self, layer: QgsVectorLayer, parent: QObject | None = None):
        super().__init__(parent)
        self.layer = layer
        path = geopackage_path(layer)
        self.journal = GeoPackageMergeJournal(path) if path else MemoryMergeJournal()
        self.pending: list[MergeEntry] = []
        layer.afterCommitChanges.connect(self._on_commit)
        layer.afterRollBack.connect(self._on_rollback)

    def detach(self) -> None:
        for signal, slot in ((self.layer.afterCommitChanges, self._on_commit), (self.layer.afterRollBack,
                                                                                  self._on_rollback)):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass

    def add(self, entry: MergeEntry) -> None:
        self.pending.append(entry)

    def _on_rollback(self) -> None:
        self.pending.clear()

    def _on_commit(self) -> None:
        # every pending merge is either saved now or was undone before saving (its lieu is back): not journaled
        done = [entry for entry in self.pending if not self.layer.getFeature(entry.removed_fid).isValid()]
        self.pending = []
        if not done:
            return
        try:
            self.journal.write(done)
        except MednumError as error:
            PlgLogger.log(error.message, Qgis.MessageLevel.Warning, push=True)
