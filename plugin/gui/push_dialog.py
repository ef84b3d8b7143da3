"""Push dialog: see what would be sent to the Cartographie nationale, lieu by lieu, then send it.

Opening the dialog (or choosing another layer, or Refresh) plans the push in a background task: the lieux
created or changed since the pull, each with its per-field diff; the remote version of each changed lieu is
fetched again (conflicts). Nothing is sent until "Send": a second task plans again, checks that the lieux are
exactly those shown (else nothing is sent and the preview is refreshed), sends them and journals every lieu.
The "Journal" tab reads the push journal of the GeoPackage (read-only).

Tests drive the dialog without ``exec()``: :meth:`PushDialog.refresh` and :meth:`PushDialog.send` start the
tasks, :attr:`PushDialog.busy` says when they are over.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Callable, Sequence

from qgis.core import QgsMapLayerProxyModel, QgsProject, QgsProviderRegistry, QgsVectorLayer
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..api import push as push_core
from ..api.errors import ApiError
from ..api.push import PushItem, PushReport
from ..api.sources import PULL_SOURCES, SOURCES
from ..core.errors import MednumError
from ..core.i18n import translate
from ..core.schema import Schema, load_schema
from ..core.sync import JournalRow
from ..qgis import api_session
from ..qgis.tasks import LieuxTask, TaskCanceledError, start_task, user_message
from ..qgis.working_layer import is_working_layer, layer_snapshot
from ..toolbelt.cpp_guard import cpp_override

TARGET = "carto-v0"
JOURNAL_ROWS = 2000  # the journal tab shows the latest rows
ClientFactory = Callable[..., object]


def _database_errors() -> tuple[type[BaseException], ...]:
    try:
        import psycopg2
    except ImportError:
        return ()
    return (psycopg2.Error,)


def _tr(text: str) -> str:
    return translate("PushDialog", text)


def status_labels() -> dict[str, str]:
    return {
        push_core.TO_SEND: _tr("to send"),
        push_core.DRY_RUN: _tr("to send"),
        push_core.UP_TO_DATE: _tr("already up to date at the source"),
        push_core.PENDING: _tr("not sent yet"),
        push_core.FAILED: _tr("failed: not sent"),
        push_core.ACCEPTED: _tr("accepted"),
        push_core.REJECTED: _tr("rejected"),
        push_core.CONFLICT: _tr("held back: changed remotely"),
        push_core.INVALID: _tr("held back: validation errors"),
    }


_COLOURS = {
    push_core.ACCEPTED: "#dff0d8", push_core.UP_TO_DATE: "#dff0d8", push_core.REJECTED: "#f8d7da",
    push_core.FAILED: "#f8d7da", push_core.PENDING: "#fff3cd", push_core.CONFLICT: "#fff3cd",
    push_core.INVALID: "#fff3cd",
}
_CHANGED = QColor("#fff3cd")


def _cell(text: str, tooltip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(tooltip or text)
    item.setFlags(Qt.ItemIsSelectable | Qt.ItemIsEnabled)
    return item


class ItemsPane(QWidget):
    """A list of lieux (or journal rows) and, for the selected one, a message and a table of fields."""

    def __init__(self, columns: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Vertical)
        self.list = QTreeWidget()
        self.list.setColumnCount(len(columns))
        self.list.setHeaderLabels(list(columns))
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.header().setStretchLastSection(True)
        self.list.setSelectionMode(QAbstractItemView.SingleSelection)
        splitter.addWidget(self.list)
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 4, 0, 0)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)
        details_layout.addWidget(self.message)
        self.table = QTableWidget(0, 0)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        details_layout.addWidget(self.table, 1)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter)
        self.entries: list = []
        # entry → (message, headers, rows, highlighted cells {(row, column)})
        self.details: Callable[[object], tuple[str, list[str], list[list[str]], set]] | None = None
        self.list.currentItemChanged.connect(self._show_current)

    def set_entries(self, entries: Sequence, rows: Sequence[Sequence[str]], colours: Sequence[str] = ()) -> None:
        self.list.clear()
        self.entries = list(entries)
        for index, row in enumerate(rows):
            item = QTreeWidgetItem([str(value) for value in row])
            item.setData(0, Qt.UserRole, index)
            for column, value in enumerate(row):
                item.setToolTip(column, str(value))
            colour = colours[index] if index < len(colours) else ""
            if colour:
                for column in range(len(row)):
                    item.setBackground(column, QBrush(QColor(colour)))
            self.list.addTopLevelItem(item)
        for column in range(self.list.columnCount() - 1):
            self.list.resizeColumnToContents(column)
            self.list.setColumnWidth(column, min(self.list.columnWidth(column), 400 if column == 0 else 300))
        if rows:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        else:
            self._show_current(None)

    def select(self, index: int) -> None:
        self.list.setCurrentItem(self.list.topLevelItem(index))

    def _show_current(self, current, _previous=None) -> None:
        if current is None or self.details is None:
            self.message.clear()
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            return
        message, headers, rows, highlighted = self.details(self.entries[current.data(0, Qt.UserRole)])
        self.message.setText(message)
        self.message.setVisible(bool(message))
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                cell = _cell(value)
                if (r, c) in highlighted:
                    cell.setBackground(QBrush(_CHANGED))
                self.table.setItem(r, c, cell)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        if headers:
            self.table.resizeColumnToContents(0)
            self.table.setColumnWidth(0, min(self.table.columnWidth(0), 260))
            for column in range(1, len(headers)):
                header.setSectionResizeMode(column, QHeaderView.Stretch)
        self.table.resizeRowsToContents()

    def rows(self) -> list[list[str]]:
        """The list's rows as shown (tests, screenshots)."""
        return [
            [self.list.topLevelItem(i).text(c) for c in range(self.list.columnCount())]
            for i in range(self.list.topLevelItemCount())
        ]

    def table_rows(self) -> list[list[str]]:
        """The detail table of the selected entry as shown."""
        return [
            [self.table.item(r, c).text() if self.table.item(r, c) else "" for c in range(self.table.columnCount())]
            for r in range(self.table.rowCount())
        ]


class PushDialog(QDialog):
    """Preview, send and journal of a push of a working layer to the Cartographie nationale."""

    def __init__(self, parent: QWidget | None = None, layer: QgsVectorLayer | None = None, iface=None,
                 schema: Schema | None = None, client_factory: ClientFactory | None = None,
                 batch_size: int = 50) -> None:
        super().__init__(parent)
        self.iface = iface
        self.schema = schema or load_schema()
        self.client_factory = client_factory or api_session.prepare_client
        self.batch_size = batch_size
        self.report: PushReport | None = None  # what the dialog shows
        self.sent = False  # the report shown is the result of a send (not a preview)
        self.stale = False  # the layer was edited since the preview
        self.target_problem = ""
        self.task: LieuxTask | None = None
        self._task_kind = ""  # "preview" or "send"
        self._progress_message = ""
        self._layer: QgsVectorLayer | None = None
        self._source_problems: list[str] = []
        self._note = ""  # said once above the next summary (why the preview was refreshed)
        self.setWindowTitle(_tr("Push changes to the Cartographie nationale"))
        self.resize(980, 680)
        self._build()
        QgsProject.instance().layersAdded.connect(self._except_other_layers)
        if layer is not None and self._accepts(layer):
            self.layer_combo.setLayer(layer)
        self.layer_combo.layerChanged.connect(self._on_layer_changed)
        self._on_layer_changed(self.layer_combo.currentLayer())

    # ---------------------------------------------------------------- widgets
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(_tr("Working layer")))
        self.layer_combo = QgsMapLayerComboBox()
        self.layer_combo.setFilters(QgsMapLayerProxyModel.PointLayer)
        self._except_other_layers()
        row.addWidget(self.layer_combo, 1)
        self.refresh_button = QPushButton(_tr("Refresh"))
        self.refresh_button.setToolTip(_tr("Read the layer again and check the remote versions again"))
        self.refresh_button.clicked.connect(self.refresh)
        row.addWidget(self.refresh_button)
        layout.addLayout(row)
        self.target_label = QLabel()
        self.target_label.setWordWrap(True)
        layout.addWidget(self.target_label)

        notice_row = QHBoxLayout()
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.notice.setStyleSheet("QLabel { background: #fff3cd; border: 1px solid #e0c36a; padding: 6px; }")
        notice_row.addWidget(self.notice, 1)
        self.save_button = QPushButton(_tr("Save the edits"))
        self.save_button.clicked.connect(self.save_edits)
        notice_row.addWidget(self.save_button, 0, Qt.AlignTop)
        layout.addLayout(notice_row)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.tabs = QTabWidget()
        self.to_send = ItemsPane([_tr("Lieu"), _tr("Change"), _tr("Status")])
        self.to_send.details = self._diff_details
        self.conflicts = ItemsPane([_tr("Lieu"), _tr("Fields that differ"), _tr("Status")])
        self.conflicts.details = self._conflict_details
        self.invalid = ItemsPane([_tr("Lieu"), _tr("Errors"), _tr("Status")])
        self.invalid.details = self._error_details
        self.journal = ItemsPane([_tr("Time"), _tr("Lieu"), _tr("Status"), _tr("HTTP"), _tr("Message")])
        self.journal.details = self._journal_details
        for pane in (self.to_send, self.conflicts, self.invalid, self.journal):
            self.tabs.addTab(pane, "")
        layout.addWidget(self.tabs, 1)

        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress_label = QLabel()
        self.cancel_button = QPushButton(_tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        progress_row.addWidget(self.progress_label)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        layout.addLayout(progress_row)

        self.buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.send_button = self.buttons.addButton(_tr("Send"), QDialogButtonBox.ActionRole)
        self.send_button.setAutoDefault(False)
        self.send_button.clicked.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update()

    def _except_other_layers(self, *_args) -> None:
        layers = QgsProject.instance().mapLayers().values()
        self.layer_combo.setExceptedLayerList([layer for layer in layers if not self._accepts(layer)])

    def _accepts(self, layer) -> bool:
        return is_working_layer(layer, self.schema) and bool(self._gpkg_path(layer))

    @staticmethod
    def _gpkg_path(layer):
        """Where the layer's sync table and push journal live: its GeoPackage's path, or for a team layer the
        team database's store (:class:`~..core.team_sync.PostgresSyncStore`); "" when nowhere."""
        from ..qgis.team_layer import is_team_layer

        if is_team_layer(layer):
            from ..qgis.team_database import TeamDatabase

            return TeamDatabase.from_layer(layer).sync_store()
        if not isinstance(layer, QgsVectorLayer) or layer.providerType() != "ogr":
            return ""
        path = QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("path") or ""
        return path if path.lower().endswith(".gpkg") else ""

    # ---------------------------------------------------------------- layer
    @property
    def layer(self) -> QgsVectorLayer | None:
        return self._layer

    def set_layer(self, layer: QgsVectorLayer | None) -> None:
        self._except_other_layers()
        if layer is not None and self._accepts(layer):
            self.layer_combo.setLayer(layer)

    def _on_layer_changed(self, layer) -> None:
        self._forget_layer()
        self._layer = layer if isinstance(layer, QgsVectorLayer) else None
        if self._layer is not None:
            self._layer.layerModified.connect(self._layer_edited)
            self._layer.afterCommitChanges.connect(self._layer_saved)
            self._layer.afterRollBack.connect(self._layer_saved)
        self.refresh()

    def _layer_edited(self) -> None:
        if self.report is not None and not self.sent:
            self.stale = True
        self._update()

    def _layer_saved(self) -> None:
        if not self.busy:
            self.refresh()

    def save_edits(self) -> None:
        layer = self._layer
        if layer is None or not layer.isModified():
            return
        if not layer.commitChanges(False):
            self.notice.setText(_tr("The edits could not be saved: {errors}").format(
                errors="; ".join(layer.commitErrors())))
            return
        self.refresh()

    # ---------------------------------------------------------------- state
    @property
    def busy(self) -> bool:
        return self.task is not None

    def sendable(self) -> list[PushItem]:
        if self.report is None or self.sent:
            return []
        return [item for item in self.report.items if item.status in push_core.SENDABLE]

    def _target(self):
        """The push target's client (main thread: credentials are read here), or None with the reason kept."""
        self.target_problem = ""
        spec = SOURCES[TARGET]
        try:
            client = self.client_factory(TARGET)
        except ApiError as error:
            self.target_problem = error.message
            self.target_label.setText(_tr("Sends to: {target}").format(target=spec.label))
            return None
        self.target_label.setText(_tr("Sends to: {target} — {url}").format(target=spec.label, url=client.base_url))
        if client.credentials is None:
            self.target_problem = _tr(
                "No push key is configured: in Settings › Options › Lieux de médiation numérique, choose the QGIS "
                "authentication configuration that holds the x-api-key (« Cartographie nationale push key »); for "
                "headless runs, set the environment variable {env}."
            ).format(env=spec.env_token)
            return None
        return client

    def _source_clients(self, path: str) -> tuple[dict[str, object], list[str]]:
        clients, problems = {}, []
        for key in sorted(api_session.origin_sources(path)):
            if key not in PULL_SOURCES:
                continue
            try:
                clients[key] = self.client_factory(key)
            except ApiError as error:
                problems.append(error.message)
        return clients, problems

    def _update(self) -> None:
        layer, report = self._layer, self.report
        notices = []
        self.save_button.setVisible(bool(layer is not None and layer.isModified()))
        if layer is None:
            notices.append(_tr("Choose a working layer stored in a GeoPackage (the lieux pulled from an API, or "
                               "a working layer created by the plugin)."))
        elif layer.isModified():
            notices.append(_tr(
                "The layer has unsaved edits. A push sends the lieux as saved in the GeoPackage: save the edits "
                "to see what would be sent."))
        if self.stale and layer is not None and not layer.isModified():
            notices.append(_tr("The layer changed since this preview: press Refresh."))
        if report is not None and report.error:
            notices.append(report.error)
        if self.target_problem and not self.sent:
            notices.append(self.target_problem)
        notices += self._source_problems
        if self.sent and report is not None:
            waiting = [i for i in report.items if i.status in (push_core.PENDING, push_core.FAILED)]
            if waiting:
                notices.append(_tr("{n} lieu(x) not sent yet: press Refresh, then Send to resume.").format(
                    n=len(waiting)))
        self.notice.setText("\n".join(notices))
        self.notice.setVisible(bool(notices))
        sendable = self.sendable()
        self.send_button.setEnabled(
            not self.busy and bool(sendable) and not self.target_problem and not self.stale
            and layer is not None and not layer.isModified()
        )
        self.refresh_button.setEnabled(not self.busy and layer is not None)
        self.layer_combo.setEnabled(not self.busy)
        for widget in (self.progress, self.progress_label, self.cancel_button):
            widget.setVisible(self.busy)
        counts = self._counts()
        titles = (
            (_tr("Sent ({n})") if self.sent else _tr("To send ({n})")).format(n=counts["send"]),
            _tr("Conflicts ({n})").format(n=counts["conflict"]),
            _tr("Validation errors ({n})").format(n=counts["invalid"]),
            _tr("Journal"),
        )
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)

    def _counts(self) -> dict[str, int]:
        items = self.report.items if self.report is not None else []
        return {
            "send": len(self._send_items()),
            "conflict": sum(1 for i in items if i.status == push_core.CONFLICT),
            "invalid": sum(1 for i in items if i.status == push_core.INVALID),
        }

    def _send_items(self) -> list[PushItem]:
        if self.report is None:
            return []
        return [i for i in self.report.items if i.status not in (push_core.CONFLICT, push_core.INVALID)]

    # ---------------------------------------------------------------- tasks
    def refresh(self) -> None:
        """Plan the push of the chosen layer again (background task); nothing is sent."""
        if self.busy:
            return
        self.report, self.sent, self.stale, self._source_problems = None, False, False, []
        layer = self._layer
        self._show_report()
        self._load_journal()
        self._target()
        if layer is None or layer.isModified():
            self._update()
            return
        path = self._gpkg_path(layer)
        read = layer_snapshot(layer, schema=self.schema)
        sources, self._source_problems = self._source_clients(path)

        def work(progress, cancelled):
            for client in sources.values():
                client.cancelled = cancelled
            records = read()
            return api_session.preview_push(records, path, sources, self._progress(progress), cancelled)

        self._start(_tr("Preparing the push preview"), work, self._previewed, kind="preview")

    def send(self) -> None:
        """Send what the preview shows (background task); the result replaces the preview."""
        if self.busy or not self.sendable() or self._layer is None:
            return
        layer, shown = self._layer, self.report
        if layer.isModified() or self.stale:
            self._update()
            return
        target = self._target()
        if target is None:
            self._update()
            return
        path = self._gpkg_path(layer)
        read = layer_snapshot(layer, schema=self.schema)
        sources, self._source_problems = self._source_clients(path)
        batch_size = self.batch_size

        def work(progress, cancelled):
            for client in (target, *sources.values()):
                client.cancelled = cancelled
            records = read()
            return api_session.send_previewed(shown, records, path, target, sources, self._progress(progress),
                                              cancelled, batch_size)

        self._start(_tr("Sending the lieux to the Cartographie nationale"), work, self._sent, kind="send")

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _progress(self, set_progress) -> Callable[[float, str], None]:
        def progress(percent: float, message: str) -> None:
            self._progress_message = message  # read on the main thread (progressChanged)
            set_progress(percent)

        return progress

    def _start(self, description: str, work, done, kind: str) -> None:
        self._task_kind = kind
        self.progress.setValue(0)
        self.progress_label.setText(description)
        task = LieuxTask(description, work, lambda result, error: self._finished(task, result, error, done))
        task.progressChanged.connect(self._on_progress)
        self.task = task
        self._update()
        start_task(task)

    def _on_progress(self, value: float) -> None:
        self.progress.setValue(int(value))
        if self._progress_message:
            self.progress_label.setText(self._progress_message)

    @cpp_override(None)
    def hideEvent(self, event) -> None:  # noqa: N802 (Qt)
        """A preview nobody will look at is cancelled when the dialog closes (a send goes on: it is journaled)."""
        if self.task is not None and self._task_kind == "preview":
            self.task.cancel()
        super().hideEvent(event)

    def _finished(self, task: LieuxTask, result, error, done) -> None:
        if sip.isdeleted(self):  # the plugin was unloaded meanwhile
            return
        if self.task is task:
            self.task = None
        if isinstance(error, TaskCanceledError) and task.result is not None:
            result = task.result  # cancelled half-way: what was done is in the report
        done(result, error)
        self._update()

    def _previewed(self, report: PushReport | None, error: BaseException | None) -> None:
        self.report, self.sent = report, False
        if report is None:
            cancelled = isinstance(error, TaskCanceledError)
            self._show_report(_tr("Preview cancelled.") if cancelled else user_message(error))
        else:
            self._show_report()

    def _sent(self, report: PushReport | None, error: BaseException | None) -> None:
        self._load_journal()
        if isinstance(error, push_core.PlanChangedError):
            self._note = error.message
            self.refresh()
            return
        if report is None:
            self.report, self.sent = None, False
            self._show_report(user_message(error) if error is not None else "")
            return
        self.report, self.sent = report, True
        if isinstance(error, TaskCanceledError):
            self._note = _tr("Sending cancelled: what was accepted is journaled, the rest is still to send.")
        self._show_report()

    # ---------------------------------------------------------------- showing
    def _show_report(self, problem: str = "") -> None:
        report = self.report
        labels = status_labels()
        text = problem or (self._summary(report) if report is not None else "")
        if self._note and (report is not None or problem):
            text, self._note = self._note + "\n" + text, ""
        self.summary.setText(text)
        send_items = self._send_items()
        self.to_send.set_entries(
            send_items,
            [[self._name(i), self._change_text(i), labels.get(i.status, i.status)] for i in send_items],
            [_COLOURS.get(i.status, "") for i in send_items],
        )
        conflicts = [i for i in (report.items if report else []) if i.status == push_core.CONFLICT]
        self.conflicts.set_entries(
            conflicts,
            [[self._name(i), ", ".join(self._title(c.field) for c in i.remote_differences()) or "—",
              labels[push_core.CONFLICT]] for i in conflicts],
        )
        invalid = [i for i in (report.items if report else []) if i.status == push_core.INVALID]
        self.invalid.set_entries(
            invalid,
            [[self._name(i), str(len(i.errors)), labels[push_core.INVALID]] for i in invalid],
        )
        self._update()

    def _summary(self, report: PushReport) -> str:
        counts = report.counts()
        sent = counts.get(push_core.ACCEPTED, 0)
        if self.sent:
            return _tr(
                "{accepted} accepted, {rejected} rejected, {pending} not sent yet, {up} already up to date; "
                "{conflict} held back (changed remotely), {invalid} with validation errors, {unchanged} unchanged."
            ).format(accepted=sent, rejected=counts.get(push_core.REJECTED, 0),
                     pending=counts.get(push_core.PENDING, 0) + counts.get(push_core.FAILED, 0),
                     up=counts.get(push_core.UP_TO_DATE, 0), conflict=counts.get(push_core.CONFLICT, 0),
                     invalid=counts.get(push_core.INVALID, 0), unchanged=report.unchanged)
        items = self.sendable()
        created = sum(1 for i in items if i.created)
        if not items:
            head = _tr("Nothing to send.")
        else:
            head = _tr("Preview, nothing sent yet: {n} lieu(x) to send ({created} new, {changed} changed).").format(
                n=len(items), created=created, changed=len(items) - created)
        return head + " " + _tr(
            "{conflict} held back (changed remotely), {invalid} with validation errors, {up} already up to date at "
            "the source, {unchanged} unchanged since the pull or the last push."
        ).format(conflict=counts.get(push_core.CONFLICT, 0), invalid=counts.get(push_core.INVALID, 0),
                 up=counts.get(push_core.UP_TO_DATE, 0), unchanged=report.unchanged)

    def _title(self, name: str) -> str:
        try:
            return self.schema.field(name).title or name
        except KeyError:
            return name

    @staticmethod
    def _name(item: PushItem) -> str:
        return f"{item.nom or '—'}  ({item.lieu_id or '—'})"

    def _change_text(self, item: PushItem) -> str:
        if item.created:
            return _tr("new lieu")
        return _tr("{n} field(s): {fields}").format(
            n=len(item.changes), fields=", ".join(self._title(c.field) for c in item.changes[:4])
            + (" …" if len(item.changes) > 4 else ""))

    def _diff_details(self, item: PushItem):
        rows = [[f"{self._title(c.field)} ({c.field})", c.before, c.after] for c in item.changes]
        message = item.message
        if item.status == push_core.REJECTED and item.http_status:
            message = _tr("Rejected by the server (HTTP {status}): {detail}").format(
                status=item.http_status, detail=item.message)
        return message, [_tr("Field"), _tr("Before"), _tr("After")], rows, set()

    def _conflict_details(self, item: PushItem):
        remote = item.remote or {}
        base = item.before or {}
        names = [c.field for c in item.changes] + [c.field for c in item.remote_differences()]
        rows, highlighted = [], set()
        for name in (n for n in self.schema.field_names if n in names):
            row = [f"{self._title(name)} ({name})", base.get(name, "") or "", item.after.get(name, "") or "",
                   (remote.get(name, "") or "") if item.remote is not None else "—"]
            if row[2] != row[1]:
                highlighted.add((len(rows), 2))
            if row[3] != row[1]:
                highlighted.add((len(rows), 3))
            rows.append(row)
        headers = [_tr("Field"), _tr("At the pull"), _tr("Local version"), _tr("Remote version now")]
        return item.message, headers, rows, highlighted

    def _error_details(self, item: PushItem):
        rows = []
        for error in item.errors:
            name, _, message = error.partition(": ")
            if name in self.schema:
                rows.append([f"{self._title(name)} ({name})", item.after.get(name, "") or "", message])
            else:
                rows.append(["", "", error])
        return item.message, [_tr("Field"), _tr("Value"), _tr("Error")], rows, set()

    # ---------------------------------------------------------------- journal
    def _load_journal(self) -> None:
        layer = self._layer
        path = self._gpkg_path(layer) if layer is not None else ""
        try:
            rows: list[JournalRow] = api_session.sync_store(path).journal_rows(latest=JOURNAL_ROWS) if path else []
        # a read-only or damaged file, an unreachable team database: said in the tab, nothing else breaks
        except (sqlite3.Error, MednumError, *_database_errors()) as error:
            rows = []
            self.journal.set_entries([], [])
            self.journal.message.setText(_tr("The push journal cannot be read: {error}").format(error=error))
            self.journal.message.setVisible(True)
            return
        rows.reverse()  # newest first
        labels = status_labels()
        labels["dry-run"] = _tr("dry run")
        self.journal.set_entries(
            rows,
            [[r.time.replace("T", " ").replace("+00:00", " UTC"), f"{(r.after or {}).get('nom', '') or '—'}  "
              f"({r.lieu_id})", labels.get(r.status, r.status), str(r.http_status or ""), r.message] for r in rows],
            [_COLOURS.get(r.status, "") for r in rows],
        )

    def _journal_details(self, row: JournalRow):
        after = row.after or {}
        before = row.before or {}
        changes = push_core.diff_records(row.before, after, self.schema.field_names)
        table = [[f"{self._title(c.field)} ({c.field})", c.before, c.after] for c in changes]
        response = row.response_body
        try:
            response = json.dumps(json.loads(response), ensure_ascii=False) if response else ""
        except ValueError:
            pass
        message = _tr("Push {push} to {target}. Server response: {response}").format(
            push=row.push_id, target=SOURCES[row.target].label if row.target in SOURCES else row.target,
            response=response[:600] or "—")
        if not before:
            message = _tr("New lieu.") + " " + message
        return message, [_tr("Field"), _tr("Before"), _tr("After")], table, set()

    # ---------------------------------------------------------------- closing
    def shutdown(self) -> None:
        """Cancel a running task and forget the layer (plugin unload)."""
        self.cancel()
        self._forget_layer()
        try:
            QgsProject.instance().layersAdded.disconnect(self._except_other_layers)
        except (TypeError, RuntimeError):
            pass
        self.close()
        self.deleteLater()

    def _forget_layer(self) -> None:
        if self._layer is not None:
            try:
                self._layer.layerModified.disconnect(self._layer_edited)
                self._layer.afterCommitChanges.disconnect(self._layer_saved)
                self._layer.afterRollBack.disconnect(self._layer_saved)
            except (TypeError, RuntimeError):
                pass
        self._layer = None
