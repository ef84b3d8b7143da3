"""« Qui a modifié quoi » : the journal of a team database, filtered by agent and dates, exported as CSV (cells
defused for spreadsheets), a deleted lieu restored. Reads the database on open and on each filter change."""

from __future__ import annotations

import csv
from datetime import datetime, time, timedelta

from qgis.PyQt.QtCore import QDate, Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.csv_safety import defuse_row
from ..core.i18n import translate
from ..core.postgis_schema import TeamDatabaseError
from ..qgis.team_database import JournalEntry, TeamDatabase


def _tr(text: str) -> str:
    return translate("JournalDialog", text)


def operation_label(operation: str) -> str:
    return {
        "insert": _tr("created"),
        "update": _tr("changed"),
        "delete": _tr("deleted"),
        "restore": _tr("restored"),
        "import": _tr("import"),
    }.get(operation, operation)


def journal_rows(entries: list[JournalEntry]) -> list[list[str]]:
    """The rows shown and exported: time, agent, operation, lieu id, field, before, after."""
    return [
        [entry.time.astimezone().strftime("%Y-%m-%d %H:%M:%S"), entry.agent, operation_label(entry.operation),
         entry.lieu_id, entry.field, entry.before, entry.after]
        for entry in entries
    ]


def write_journal_csv(path: str, entries: list[JournalEntry]) -> int:
    """The journal as a CSV for people (UTF-8 with BOM for spreadsheets, formula-like cells defused)."""
    headers = [_tr("When"), _tr("Agent"), _tr("Operation"), _tr("Lieu (id)"), _tr("Field"), _tr("Before"),
               _tr("After")]
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        for row in journal_rows(entries):
            writer.writerow(defuse_row(row))
    return len(entries)


class JournalDialog(QDialog):
    COLUMNS = 7

    def __init__(self, database: TeamDatabase, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.entries: list[JournalEntry] = []
        self.setWindowTitle(_tr("Who changed what — {name}").format(name=database.display_name()))
        self.setMinimumSize(980, 540)
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(_tr("Agent")))
        self.agent_combo = QComboBox()
        self.agent_combo.addItem(_tr("All agents"), "")
        filters.addWidget(self.agent_combo)
        filters.addWidget(QLabel(_tr("From")))
        today = QDate.currentDate()
        self.since_edit = QDateEdit(today.addDays(-30))
        self.since_edit.setCalendarPopup(True)
        filters.addWidget(self.since_edit)
        filters.addWidget(QLabel(_tr("to")))
        self.until_edit = QDateEdit(today)
        self.until_edit.setCalendarPopup(True)
        filters.addWidget(self.until_edit)
        filters.addStretch(1)
        self.count_label = QLabel()
        filters.addWidget(self.count_label)
        layout.addLayout(filters)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels([_tr("When"), _tr("Agent"), _tr("Operation"), _tr("Lieu (id)"),
                                              _tr("Field"), _tr("Before"), _tr("After")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(5):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.Stretch)
        header.setSectionResizeMode(6, QHeaderView.Stretch)
        layout.addWidget(self.table, 1)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        layout.addWidget(self.message_label)
        bottom = QHBoxLayout()
        self.restore_button = QPushButton(_tr("Restore the deleted lieu"))
        self.restore_button.setEnabled(False)
        self.export_button = QPushButton(_tr("Export as CSV…"))
        bottom.addWidget(self.restore_button)
        bottom.addWidget(self.export_button)
        bottom.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)

        self._load_agents()
        self.agent_combo.currentIndexChanged.connect(lambda _index: self.reload())
        self.since_edit.dateChanged.connect(lambda _date: self.reload())
        self.until_edit.dateChanged.connect(lambda _date: self.reload())
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.restore_button.clicked.connect(self.restore_selected)
        self.export_button.clicked.connect(lambda: self.export_csv())
        self.reload()

    def _load_agents(self) -> None:
        try:
            agents = self.database.agents()
        except TeamDatabaseError as error:
            self.message_label.setText(error.message)
            return
        for agent in agents:
            self.agent_combo.addItem(agent, agent)

    def _bounds(self) -> tuple[datetime, datetime]:
        since = datetime.combine(self.since_edit.date().toPyDate(), time.min).astimezone()
        until = datetime.combine(self.until_edit.date().toPyDate() + timedelta(days=1), time.min).astimezone()
        return since, until

    def reload(self) -> None:
        since, until = self._bounds()
        try:
            self.entries = self.database.journal(agent=self.agent_combo.currentData() or "", since=since, until=until)
        except TeamDatabaseError as error:
            self.entries = []
            self.message_label.setText(error.message)
        rows = journal_rows(self.entries)
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            for column, value in enumerate(row):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if column == 0:
                    item.setData(Qt.UserRole, self.entries[index].id)
                self.table.setItem(index, column, item)
        self.count_label.setText(_tr("{n} changes").format(n=len(rows)))
        self._on_selection()

    def selected_entry(self) -> JournalEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None

    def _on_selection(self) -> None:
        entry = self.selected_entry()
        self.restore_button.setEnabled(bool(entry and entry.operation == "delete"))

    def restore_selected(self) -> int | None:
        entry = self.selected_entry()
        if entry is None or entry.operation != "delete":
            return None
        try:
            fid = self.database.restore(entry.id)
        except TeamDatabaseError as error:
            self.message_label.setText(error.message)
            return None
        self.message_label.setText(_tr("The lieu {id} is back in the team's lieux.").format(id=entry.lieu_id))
        self.reload()
        return fid

    def export_csv(self, path: str | None = None) -> int:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, _tr("Export the journal"), "journal.csv", _tr("CSV (*.csv)"))
            if not path:
                return 0
        try:
            count = write_journal_csv(path, self.entries)
        except OSError as error:
            self.message_label.setText(_tr("The journal could not be written: {error}").format(error=error))
            return 0
        self.message_label.setText(_tr("{n} changes written to {path}.").format(n=count, path=path))
        return count
