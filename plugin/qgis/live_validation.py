"""Live validation of a working layer: a full pass in a background task, then only what each edit touches.

:class:`LiveValidation` (a QObject, no widget) keeps the engine's
:class:`~..core.validation.IncrementalValidator` (every rule, probable duplicates included) in step with the
layer and its edit buffer:

* :meth:`LiveValidation.start` reads the layer (a snapshot, edit buffer included) on the main thread and
  validates it in a cancellable :class:`~.tasks.LieuxTask` with progress;
* every edit — a feature added, changed (form, attribute table, field calculator, paste, undo/redo) or
  deleted, a commit, a rollback — marks the lieux it touches; once control returns to the event loop the
  marked lieux are read again and re-validated together, with those whose uniqueness or duplicate status
  depends on them (the validator's cross-record rules say which);
* the accepted issues (:class:`~..core.acceptances.AcceptanceBook`, stored in the working GeoPackage) are
  set apart, and an acceptance whose issue changed lapses.

Listeners (the dock, the map overlay) get ``reset`` after a full pass and ``lieuxChanged(set of keys)`` after
an edit, and read the state: :meth:`open_issues`, :meth:`accepted_issues`, :meth:`severity`, :meth:`point`,
:meth:`lieu`, :attr:`counts`. Keys are feature ids.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from typing import Any

from qgis.core import QgsFeatureRequest, QgsFields, QgsVectorLayer, QgsVectorLayerFeatureSource
from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal

from ..core import gc_pause
from ..core.acceptances import (
    Acceptance,
    AcceptanceBook,
    GeoPackageAcceptanceStore,
    MemoryAcceptanceStore,
    issue_key,
)
from ..core.coordinates import point_of
from ..core.gpkg_sqlite import open_read_only
from ..core.i18n import translate
from ..core.schema import Schema, load_schema
from ..core.validation import DuplicateSettings, IncrementalValidator, Issue
from ..core.validation.codes import ERROR, WARNING
from ..core.validation.issue_set import issue_options
from ..toolbelt.log import PlgLogger
from .tasks import LieuxTask, start_task
from .working_layer import attribute_text, geopackage_table, is_working_layer

Key = int
ERRORS = "error"
WARNINGS_ONLY = "warning"
CLEAN = "ok"


def duplicate_settings() -> DuplicateSettings:
    """The duplicate thresholds of the plugin settings (defaults when the settings cannot be read)."""
    try:
        from ..toolbelt.settings import load_settings

        s = load_settings()
        return DuplicateSettings(
            pivot_distance_m=float(s.duplicate_pivot_distance_m),
            name_address_distance_m=float(s.duplicate_name_address_distance_m),
            name_distance_m=float(s.duplicate_name_distance_m),
            name_similarity=float(s.duplicate_name_similarity),
            address_similarity=float(s.duplicate_address_similarity),
        )
    except Exception:  # noqa: BLE001 (headless without a profile: the defaults)
        return DuplicateSettings()


def geopackage_path(layer: QgsVectorLayer) -> str | None:
    """The file of a layer stored in a GeoPackage (edits pending or not), else None."""
    if layer.providerType() != "ogr":
        return None
    path = layer.source().split("|")[0]
    return path if path.lower().endswith(".gpkg") else None


def acceptance_book(layer: QgsVectorLayer) -> AcceptanceBook:
    path = geopackage_path(layer)
    return AcceptanceBook(GeoPackageAcceptanceStore(path) if path else MemoryAcceptanceStore())


# ── reading the layer ───────────────────────────────────────────────────────────────────────────────────────


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def keyed_snapshot(layer: QgsVectorLayer, schema: Schema):
    """On the main thread: a function that reads ``{fid: record}`` anywhere (in a task), edit buffer included."""
    names = schema.field_names
    table = geopackage_table(layer)
    if table is not None:  # saved GeoPackage table: SQLite reads it ~20× faster than feature iteration
        path, table_name = table

        def read_sqlite(is_canceled=lambda: False) -> dict[Key, dict]:
            columns = ",".join(f"IFNULL(CAST({_quote(n)} AS TEXT), '')" for n in names)
            connection = open_read_only(path)
            try:
                cursor = connection.execute(f"SELECT fid, {columns} FROM {_quote(table_name)} ORDER BY fid")
                return {row[0]: dict(zip(names, row[1:])) for row in cursor}
            finally:
                connection.close()

        return read_sqlite
    fields = QgsFields(layer.fields())
    indexes = [fields.indexFromName(name) for name in names]
    source = QgsVectorLayerFeatureSource(layer)

    def read_features(is_canceled=lambda: False) -> dict[Key, dict]:
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
        request.setSubsetOfAttributes([i for i in indexes if i >= 0])
        out = {}
        for position, feature in enumerate(source.getFeatures(request)):
            if position % 2000 == 0 and is_canceled():
                break
            attributes = feature.attributes()
            out[feature.id()] = {
                name: attribute_text(attributes[i]) if i >= 0 else "" for name, i in zip(names, indexes)
            }
        return out

    return read_features


def read_records(layer: QgsVectorLayer, keys, schema: Schema) -> dict[Key, dict]:
    """The current records (edit buffer included) of some features, read on the main thread."""
    keys = list(keys)
    if not keys:
        return {}
    names = schema.field_names
    fields = layer.fields()
    indexes = [fields.indexFromName(name) for name in names]
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes([i for i in indexes if i >= 0])
    request.setFilterFids(keys)
    out = {}
    for feature in layer.getFeatures(request):
        attributes = feature.attributes()
        out[feature.id()] = {name: attribute_text(attributes[i]) if i >= 0 else "" for name, i in zip(names, indexes)}
    return out


def _summary(
    validator: IncrementalValidator, key: Key, issues: list[Issue] | None = None
) -> tuple[list[Issue], Any, tuple[str, str, str]]:
    """(issues, point, (id, nom, commune)) of one lieu (pure: also run in the background task)."""
    record = validator.record(key) or {}
    lieu = (record.get("id") or "", record.get("nom") or "", record.get("commune") or "")
    return validator.issues_for(key) if issues is None else issues, point_of(record), lieu


# ── state ───────────────────────────────────────────────────────────────────────────────────────────────────


@dataclass
class Counts:
    errors: int = 0
    warnings: int = 0
    accepted: int = 0
    lieux: int = 0
    lieux_with_errors: int = 0
    lieux_with_warnings_only: int = 0

    @property
    def clean_lieux(self) -> int:
        return self.lieux - self.lieux_with_errors - self.lieux_with_warnings_only


class LiveState:
    """What is known of each lieu (pure Python: a full pass builds one in its task, the main thread swaps it in):
    its open issues, accepted issues, severity for the overlay, point, (id, nom, commune), and the counts."""

    def __init__(self) -> None:
        self.open: dict[Key, list[Issue]] = {}
        self.accepted: dict[Key, list[tuple[Issue, Acceptance]]] = {}
        self.severities: dict[Key, str] = {}
        self.points: dict[Key, tuple[float, float] | None] = {}
        self.lieux: dict[Key, tuple[str, str, str]] = {}  # key → (id, nom, commune)
        self.counts = Counts()

    # reading
    def keys(self):
        return self.severities.keys()

    def open_issues(self, key: Key) -> list[Issue]:
        return self.open.get(key, [])

    def accepted_issues(self, key: Key) -> list[tuple[Issue, Acceptance]]:
        return self.accepted.get(key, [])

    def severity(self, key: Key) -> str | None:
        return self.severities.get(key)

    def point(self, key: Key) -> tuple[float, float] | None:
        return self.points.get(key)

    def lieu(self, key: Key) -> tuple[str, str, str]:
        return self.lieux.get(key, ("", "", ""))

    # writing
    def store(self, key: Key, open_issues: list[Issue], accepted: list, point, lieu, tally: bool = True) -> None:
        if tally:
            self.untally(key)
        self.open[key] = open_issues
        if accepted:
            self.accepted[key] = accepted
        else:
            self.accepted.pop(key, None)
        if any(issue.severity == ERROR for issue in open_issues):
            self.severities[key] = ERRORS
        elif open_issues:
            self.severities[key] = WARNINGS_ONLY
        else:
            self.severities[key] = CLEAN
        self.points[key] = point
        self.lieux[key] = lieu
        if tally:
            self.tally(key)

    def forget(self, key: Key) -> None:
        self.untally(key)
        for index in (self.open, self.accepted, self.severities, self.points, self.lieux):
            index.pop(key, None)

    def _add_counts(self, key: Key, sign: int) -> None:
        severity = self.severities.get(key)
        if severity is None:
            return
        counts = self.counts
        issues = self.open.get(key, ())
        errors = sum(1 for issue in issues if issue.severity == ERROR)
        counts.errors += sign * errors
        counts.warnings += sign * (len(issues) - errors)
        counts.accepted += sign * len(self.accepted.get(key, ()))
        counts.lieux += sign
        if severity == ERRORS:
            counts.lieux_with_errors += sign
        elif severity == WARNINGS_ONLY:
            counts.lieux_with_warnings_only += sign

    def untally(self, key: Key) -> None:
        """Take a lieu out of the counts (before its issues are replaced or forgotten)."""
        self._add_counts(key, -1)

    def tally(self, key: Key) -> None:
        self._add_counts(key, +1)

    def recount(self) -> None:
        severities = Counter(issue.severity for issues in self.open.values() for issue in issues)
        lieux = Counter(self.severities.values())
        self.counts = Counts(
            errors=severities[ERROR],
            warnings=severities[WARNING],
            accepted=sum(len(items) for items in self.accepted.values()),
            lieux=len(self.severities),
            lieux_with_errors=lieux[ERRORS],
            lieux_with_warnings_only=lieux[WARNINGS_ONLY],
        )


def split_by_acceptances(key: Key, issues: list[Issue], matches: dict | None) -> tuple[list, list, bool]:
    """(open, accepted, all acceptances matched) of a lieu against a read-only copy of its acceptances."""
    if not matches:
        return issues, [], True
    open_issues, accepted, seen = [], [], set()
    for issue in issues:
        acceptance = matches.get(issue_key(key, issue))
        if acceptance is None:
            open_issues.append(issue)
        else:
            accepted.append((issue, acceptance))
            seen.add(acceptance.match_key)
    return open_issues, accepted, len(seen) == len(matches)


class LiveValidation(QObject):
    """The validation state of one working layer, kept up to date edit after edit (see module doc).

    Listeners that must rebuild something big after a full pass can do the heavy part in the task:
    ``add_preparation(name, function)`` runs ``function(state)`` (pure Python, or thread-safe QGIS value
    classes) at the end of the task; its result is in ``prepared[name]`` when ``reset`` is emitted.
    """

    started = pyqtSignal()
    progressChanged = pyqtSignal(float)
    reset = pyqtSignal()  # a full pass finished: everything may have changed
    lieuxChanged = pyqtSignal(object)  # set of keys whose issues (or acceptances) changed
    failed = pyqtSignal(str)  # the full pass failed or was canceled: French message

    def __init__(self, layer: QgsVectorLayer, schema: Schema | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.layer = layer
        self.schema = schema or load_schema()
        self.options = issue_options(duplicates=duplicate_settings())
        self.validator = IncrementalValidator(self.schema, self.options)
        self.book = acceptance_book(layer)
        self.ready = False
        self.task: LieuxTask | None = None
        self.last_update_ms = 0.0  # duration of the last live update (read + validate + listeners)
        self.last_reset_ms = 0.0  # main-thread time taken by the end of the last full pass (state + listeners)
        self.state = LiveState()
        self.preparations: dict[str, Any] = {}
        self.prepared: dict[str, Any] = {}
        self._dirty: set[Key] = set()
        self._deleted: set[Key] = set()
        self._rollback_keys: set[Key] = set()
        self._committed_added: list[Key] = []
        self._gc_token: object | None = None  # the collector's pause of the running full pass (gc_pause)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.flush)
        self._connect()

    def add_preparation(self, name: str, function) -> None:
        self.preparations[name] = function

    @property
    def counts(self) -> Counts:
        return self.state.counts

    # ── layer signals ───────────────────────────────────────────────────────────────────────────────────

    def _connections(self):
        layer = self.layer
        return [
            (layer.featureAdded, self._on_feature_added),
            (layer.featuresDeleted, self._on_features_deleted),
            (layer.attributeValueChanged, self._on_attribute_changed),
            (layer.geometryChanged, self._on_geometry_changed),
            (layer.beforeRollBack, self._on_before_rollback),
            (layer.afterRollBack, self._on_after_rollback),
            (layer.committedFeaturesAdded, self._on_committed_added),
            (layer.afterCommitChanges, self._on_after_commit),
            (layer.subsetStringChanged, self.start),
        ]

    def _connect(self) -> None:
        for signal, slot in self._connections():
            signal.connect(slot)

    def detach(self) -> None:
        """Stop following the layer (dock closed, layer removed) and cancel a running pass."""
        self._timer.stop()
        gc_pause.resume(self._gc_token, freeze=False)
        gc_pause.unfreeze()  # the state of this layer is being dropped
        try:
            for signal, slot in self._connections():
                try:
                    signal.disconnect(slot)
                except (TypeError, RuntimeError):
                    pass
        except RuntimeError:  # the layer is already deleted
            pass
        self.cancel()

    def _mark(self, keys) -> None:
        self._dirty.update(keys)
        if not self._timer.isActive():
            self._timer.start()

    def _on_feature_added(self, fid: int) -> None:
        self._deleted.discard(fid)
        self._mark([fid])

    def _on_features_deleted(self, fids) -> None:
        self._deleted.update(fids)
        self._dirty.difference_update(fids)
        if not self._timer.isActive():
            self._timer.start()

    def _on_attribute_changed(self, fid: int, _index: int, _value) -> None:
        self._mark([fid])

    def _on_geometry_changed(self, fid: int, _geometry) -> None:
        self._mark([fid])

    def _on_before_rollback(self) -> None:
        buffer = self.layer.editBuffer()
        if buffer is None:
            return
        keys = set(buffer.changedAttributeValues().keys()) | set(buffer.changedGeometries().keys())
        keys |= set(buffer.deletedFeatureIds()) | set(buffer.addedFeatures().keys())
        self._rollback_keys = keys

    def _on_after_rollback(self) -> None:
        keys, self._rollback_keys = self._rollback_keys, set()
        added = {key for key in keys if key < 0}
        self._deleted.update(added)
        self._mark(keys - added)

    def _on_committed_added(self, _layer_id: str, features) -> None:
        self._committed_added.extend(feature.id() for feature in features)

    def _on_after_commit(self) -> None:
        # features added in the edit buffer had temporary negative ids: they now have their stored ids
        temporary = {key for key in self.state.keys() if key < 0} | {key for key in self._dirty if key < 0}
        self._deleted.update(temporary)
        self._dirty.difference_update(temporary)
        added, self._committed_added = self._committed_added, []
        self._mark(added)

    # ── full pass ───────────────────────────────────────────────────────────────────────────────────────

    @property
    def running(self) -> bool:
        return self.task is not None and not self.task.done

    def start(self) -> LieuxTask | None:
        """Validate the whole layer in a background task (a running pass is canceled first)."""
        self.cancel()
        if not is_working_layer(self.layer, self.schema):
            self.failed.emit(translate("LiveValidation", "This layer does not have the fields of the standard."))
            return None
        self.options = issue_options(duplicates=duplicate_settings())
        validator = IncrementalValidator(self.schema, self.options)
        read = keyed_snapshot(self.layer, self.schema)
        self.book.load()
        matches = self.book.snapshot()
        preparations = dict(self.preparations)
        self._dirty.clear()
        self._deleted.clear()
        self.ready = False

        def work(progress, is_canceled):
            progress(5.0)
            records = read(is_canceled)
            if is_canceled():
                return None
            progress(35.0)
            delta = validator.load(records)
            if is_canceled():
                return None
            progress(80.0)
            state, unmatched = LiveState(), []
            for key, issues in delta.changed.items():
                record = validator.record(key) or {}
                open_issues, accepted, all_matched = split_by_acceptances(key, issues, matches.get(key))
                if not all_matched:
                    unmatched.append(key)  # lapsed acceptances are marked on the main thread
                lieu = (record.get("id") or "", record.get("nom") or "", record.get("commune") or "")
                state.store(key, open_issues, accepted, point_of(record), lieu, tally=False)
            state.recount()
            progress(90.0)
            prepared = {name: function(state) for name, function in preparations.items()}
            progress(100.0)
            return validator, state, unmatched, prepared

        # no cyclic garbage collection while the pass builds its state, frozen at the end (see gc_pause)
        token = self._gc_token = gc_pause.pause()

        def done(result, error) -> None:
            try:
                self._loaded(result, error)
            finally:
                gc_pause.resume(token, freeze=error is None and result is not None)

        task = LieuxTask(
            translate("LiveValidation", "Validation of {name}").format(name=self.layer.name()), work, done
        )
        task.progressChanged.connect(self.progressChanged.emit)
        self.task = task
        self.started.emit()
        return start_task(task)

    def cancel(self) -> None:
        if self.task is not None and not self.task.done:
            try:
                self.task.cancel()
            except RuntimeError:
                pass

    def _loaded(self, result, error) -> None:
        self.task = None
        if error is not None or result is None:
            message = getattr(error, "message", None) or translate("LiveValidation", "Validation canceled.")
            self.failed.emit(message)
            return
        start = time.perf_counter()
        self.validator, self.state, unmatched, self.prepared = result
        self.ready = True
        # acceptances that lapsed, or were given while the pass ran: reviewed here (they write to the store)
        changed = set(unmatched) | self.book.changed_since_snapshot()
        for key in changed:
            if key in self.state.keys():
                self._refresh(key)
        self.reset.emit()
        self.prepared = {}
        if changed:
            self.lieuxChanged.emit(changed)
        self.last_reset_ms = 1000.0 * (time.perf_counter() - start)
        if self._dirty or self._deleted:  # edits made while the pass ran
            self.flush()

    # ── live updates ────────────────────────────────────────────────────────────────────────────────────

    def flush(self) -> set:
        """Re-validate the lieux marked since the last flush (called from the event loop; tests may call it)."""
        self._timer.stop()
        if not self.ready or (not self._dirty and not self._deleted):
            return set()
        start = time.perf_counter()
        dirty, deleted = self._dirty, self._deleted
        self._dirty, self._deleted = set(), set()
        records = read_records(self.layer, dirty, self.schema)
        vanished = dirty - set(records)  # marked but gone (deleted meanwhile)
        delta = self.validator.update(records, deleted | vanished)
        keys = set(delta.changed) | delta.deleted
        for key in delta.deleted:
            self.state.forget(key)
        for key in delta.changed:
            self._refresh(key)
        self.lieuxChanged.emit(keys)
        self.last_update_ms = 1000.0 * (time.perf_counter() - start)
        if self.last_update_ms > 200:
            PlgLogger.log(f"live validation of {len(keys)} lieux took {self.last_update_ms:.0f} ms")
        return keys

    def refresh_acceptances(self, keys) -> None:
        """Acceptances of these lieux changed (accepted, withdrawn): sort their issues again."""
        keys = set(keys)
        for key in keys:
            self._refresh(key)
        self.lieuxChanged.emit(keys)

    def _refresh(self, key: Key) -> None:
        record = self.validator.record(key)
        if record is None:
            self.state.forget(key)
            return
        issues, point, lieu = _summary(self.validator, key)
        open_issues, accepted, _lapsed = self.book.review(key, issues)
        self.state.store(key, open_issues, accepted, point, lieu)

    # ── reading the state ───────────────────────────────────────────────────────────────────────────────

    def keys(self):
        return self.state.keys()

    def open_issues(self, key: Key) -> list[Issue]:
        return self.state.open_issues(key)

    def accepted_issues(self, key: Key) -> list[tuple[Issue, Acceptance]]:
        return self.state.accepted_issues(key)

    def all_open(self):
        """(key, issue) of every open issue."""
        for key, issues in self.state.open.items():
            for issue in issues:
                yield key, issue

    def all_accepted(self):
        for key, items in self.state.accepted.items():
            for issue, acceptance in items:
                yield key, issue, acceptance

    def severity(self, key: Key) -> str | None:
        return self.state.severity(key)

    def point(self, key: Key) -> tuple[float, float] | None:
        return self.state.point(key)

    def lieu(self, key: Key) -> tuple[str, str, str]:
        """(id, nom, commune) of a lieu."""
        return self.state.lieu(key)

    def record(self, key: Key) -> dict[str, Any] | None:
        return self.validator.record(key)

    def partners(self, key: Key):
        """Probable duplicates of a lieu (the duplicate rule's partners)."""
        index = self.validator.duplicates
        return index.partners(key) if index is not None else []

    # ── acceptances ─────────────────────────────────────────────────────────────────────────────────────

    def accept(self, key: Key, issue: Issue, reason: str, by: str = "") -> Acceptance:
        acceptance = self.book.accept(key, issue, reason, by)
        self.refresh_acceptances([key])
        return acceptance

    def revoke(self, acceptance: Acceptance) -> None:
        self.book.revoke(acceptance)
        self.refresh_acceptances([acceptance.lieu])
