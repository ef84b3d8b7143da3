"""A pull from the dialog to the layer: the task, the conflicts dialog, the merge, the messages.

1. :class:`PullRun` prepares the client on the main thread (credentials from the QGIS authentication database)
   and, for a merge, a snapshot of the layer; the :class:`~..qgis.tasks.LieuxTask` pulls page by page (progress,
   cancel) and either writes the new GeoPackage (next to its destination, moved in place at the end) or plans
   the merge. Nothing of the project changes while the task runs.
2. On the main thread: a new GeoPackage is added to the project; a merge with conflicts opens
   :class:`~.pull_conflicts_dialog.PullConflictsDialog`, then everything is applied as one edit command. A
   cancelled or failed pull, or a cancelled conflicts dialog, changes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from qgis.core import Qgis, QgsProject

from ..api.errors import CancelledError
from ..api.sources import PULL_SOURCES, SOURCES
from ..core.errors import MednumError
from ..core.i18n import translate
from ..qgis import api_session
from ..qgis.pull_merge import (
    MergeSource,
    PendingSync,
    PlannedMerge,
    apply_merge,
    edit_state,
    plan_layer_merge,
    prepare_merge,
    record_sync,
)
from ..qgis.tasks import LieuxTask, TaskCanceledError, start_task, user_message
from ..qgis.working_layer import ImportCanceledError, WorkingLayerError, is_open_in_project, load_working_layer
from .lieux_files import add_working_layer, show_summary
from .pull_conflicts_dialog import PullConflictsDialog
from .pull_dialog import MERGE, PullRequest

PULL_SHARE = 90.0  # of the task's progress; the rest is the write or the merge plan


def _tr(text: str) -> str:
    return translate("ApiPull", text)


class PullRun:
    """One pull, from the request to the message bar. ``conflicts_dialog`` is set while the user chooses."""

    def __init__(self, iface, request: PullRequest, on_end: Callable[[PullRun], None] | None = None) -> None:
        self.iface = iface
        self.request = request
        self.on_end = on_end
        self.task: LieuxTask | None = None
        self.conflicts_dialog: PullConflictsDialog | None = None
        self.planned: PlannedMerge | None = None
        self.pending_sync: PendingSync | None = None
        self.merge_source: MergeSource | None = None
        self.outcome = ""  # written | merged | nothing | canceled | failed

    @property
    def source_label(self) -> str:
        return SOURCES[self.request.source].label

    @property
    def title(self) -> str:
        return _tr("Pull from {source}").format(source=self.source_label)

    def _message(self, text: str, level=Qgis.MessageLevel.Info, duration: int | None = None) -> None:
        if duration is None:
            duration = 0 if level in (Qgis.MessageLevel.Warning, Qgis.MessageLevel.Critical) else 10
        self.iface.messageBar().pushMessage(self.title, text, level, duration)

    def _fail(self, message: str) -> None:
        self.outcome = "failed"
        self._message(message, Qgis.MessageLevel.Critical)
        self._end()

    def _end(self) -> None:
        if self.on_end is not None:
            self.on_end(self)

    def clear_previous_errors(self) -> None:
        """Take the red messages of earlier pulls off the message bar: they stay until closed (duration 0), and
        would come back once the next pull's message expires."""
        titles = {_tr("Pull from {source}").format(source=SOURCES[key].label) for key in PULL_SOURCES}
        bar = self.iface.messageBar()
        for item in list(bar.items()):
            if item.level() == Qgis.MessageLevel.Critical and item.title() in titles:
                bar.popWidget(item)

    def layer(self):
        return QgsProject.instance().mapLayer(self.request.layer_id) if self.request.layer_id else None

    # ── start ───────────────────────────────────────────────────────────────────────────────────────────

    def start(self) -> LieuxTask | None:
        request = self.request
        self.clear_previous_errors()
        try:
            client = api_session.prepare_client(request.source)
            if request.destination == MERGE:
                layer = self.layer()
                if layer is None:
                    raise WorkingLayerError(_tr("The working layer to merge into is no longer in the project."))
                self.merge_source = prepare_merge(layer)
            elif is_open_in_project(Path(request.output)):
                raise WorkingLayerError(_tr(
                    "{name} is open in the project: remove its layers or choose another file name.").format(
                        name=Path(request.output).name))
        except MednumError as error:  # ApiError, ConfigurationError, WorkingLayerError…
            self._fail(error.message)
            return None
        territory = request.territory
        if request.source == "data-inclusion":
            from ..core.converters.data_inclusion import prepare_payload_models

            prepare_payload_models()  # at the click, not inside the task: see its docstring

        def work(progress, canceled):
            client.cancelled = canceled
            result = api_session.pull(request.source, territory, client,
                                      lambda percent, _message: progress(percent * PULL_SHARE / 100))
            if canceled():
                return None
            if self.merge_source is not None:
                planned = plan_layer_merge(result, self.merge_source)
                progress(100.0)
                return planned
            written = api_session.write_pull_geopackage(result, request.output, canceled)
            progress(100.0)
            return result, written

        self.task = LieuxTask(
            _tr("Pull of {territory} from {source}").format(territory=territory.label, source=self.source_label),
            work, self._task_done,
        )
        self._message(_tr("Pulling {territory}… (progress and cancel in the task manager)").format(
            territory=territory.label))
        return start_task(self.task)

    # ── task done (main thread) ─────────────────────────────────────────────────────────────────────────

    def _task_done(self, value, error: BaseException | None) -> None:
        if error is not None:
            canceled = isinstance(error, (TaskCanceledError, CancelledError, ImportCanceledError))
            try:
                canceled = canceled or self.task.isCanceled()  # an aborted request fails as a consequence
            except RuntimeError:
                pass
            if canceled:
                self.outcome = "canceled"
                self._message(_tr("Pull canceled: nothing was changed."), Qgis.MessageLevel.Warning, 10)
                self._end()
                return
            self._fail(user_message(error))
            return
        if self.merge_source is not None:
            self._merge_planned(value)
        else:
            self._file_written(*value)

    def _file_written(self, result, written: int) -> None:
        try:
            layer = load_working_layer(self.request.output)
        except WorkingLayerError as error:
            self._fail(error.message)
            return
        add_working_layer(layer, self.iface)
        self.outcome = "written"
        headline = _tr("{n} lieux of {territory} pulled from {source} into {name}.").format(
            n=written, territory=self.request.territory.label, source=self.source_label,
            name=Path(self.request.output).name)
        self._summary(headline, result.warnings)
        self._end()

    def _summary(self, headline: str, warnings: list[str]) -> None:
        if warnings:
            details = _tr("{n} remarks on the source data:").format(n=len(warnings)) + "\n" + "\n".join(warnings[:500])
            show_summary(self.iface, headline, details, Qgis.MessageLevel.Success, self.title)
        else:
            self._message(headline, Qgis.MessageLevel.Success)

    def _merge_planned(self, planned: PlannedMerge) -> None:
        layer = self.layer()
        if layer is None:
            self._fail(_tr("The working layer was removed from the project during the pull: nothing was changed."))
            return
        if edit_state(layer) != self.merge_source.state:
            # edited, saved or undone during the pull: plan again on what the layer holds now
            try:
                planned = plan_layer_merge(planned.result, prepare_merge(layer))
            except MednumError as error:
                self._fail(error.message)
                return
        self.planned = planned
        if not planned.conflicts:
            self.apply({})
            return
        self.conflicts_dialog = PullConflictsDialog(planned.conflicts, self.source_label, self.iface.mainWindow())
        self.conflicts_dialog.accepted.connect(lambda: self.apply(self.conflicts_dialog.choices()))
        self.conflicts_dialog.rejected.connect(self._merge_canceled)
        self.conflicts_dialog.open()

    def _merge_canceled(self) -> None:
        self.outcome = "canceled"
        self._message(_tr("Merge canceled: the layer was not changed."), Qgis.MessageLevel.Warning, 10)
        self._end()

    def apply(self, choices: dict[str, str]) -> None:
        layer = self.layer()
        if layer is None:
            self._fail(_tr("The working layer was removed from the project: nothing was changed."))
            return
        changes = self.planned.changes(choices)
        if not changes.added and not changes.updated:
            self.outcome = "nothing"
            if changes.entries:  # nothing to write: the sync table alone learns the remote dates and versions
                record_sync(layer, changes)
            self._message(_tr("{territory}: nothing new in {source} ({n} lieux already the same{kept}).").format(
                territory=self.request.territory.label, source=self.source_label, n=changes.unchanged,
                kept=_kept(changes)), Qgis.MessageLevel.Success)
            self._end()
            return
        try:
            self.pending_sync = apply_merge(layer, changes, _tr("Pull from {source}").format(
                source=self.source_label))
        except MednumError as error:
            self._fail(error.message)
            return
        self.outcome = "merged"
        headline = _tr(
            "{added} lieux added and {updated} updated in « {layer} » from {source}{kept}; {same} already the same. "
            "Save the layer to keep the merge (Ctrl+Z undoes it)."
        ).format(added=len(changes.added), updated=len(changes.updated), layer=layer.name(),
                 source=self.source_label, kept=_kept(changes), same=changes.unchanged)
        self._summary(headline, self.planned.result.warnings)
        self._end()


def _kept(changes) -> str:
    if not changes.kept_local:
        return ""
    return translate("ApiPull", ", {n} of your edits kept").format(n=len(changes.kept_local))

