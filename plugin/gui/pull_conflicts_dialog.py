"""Conflicts of a pull merged into a working layer: lieux edited locally that the source changed too.

Left, the lieux (with the choice made for each); right, the selected lieu's fields that differ, local and remote
values side by side, and the choice "keep my version" / "take the remote version". Every lieu starts on "keep
my version": nothing is overwritten unless the user says so. A lieu deleted here shows "(deleted here)" in the
local column beside every remote field; keeping it leaves it deleted, taking the remote version adds it back.
The dialog edits nothing; :meth:`choices` goes to :func:`~..api.pull.resolve_merge`. Shown non-modal
(``open()``): tests select, choose and click like a user.
"""

from __future__ import annotations

from dataclasses import dataclass

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..api.pull import KEEP_LOCAL, TAKE_REMOTE, Conflict
from ..core.i18n import translate
from ..core.schema import Schema, load_schema


def _tr(text: str) -> str:
    return translate("PullConflictsDialog", text)


@dataclass
class ConflictTexts:
    """The words of the dialog; the defaults speak of a pull, team mode gives its own (a colleague's save)."""

    title: str = ""
    intro: str = ""  # {n}: number of lieux, {source}: the other side
    remote_version: str = ""
    take_remote: str = ""
    take_remote_all: str = ""
    remote_mark: str = ""
    apply: str = ""
    cancel: str = ""

    def __post_init__(self) -> None:
        self.title = self.title or _tr("Pull: lieux edited on both sides")
        self.intro = self.intro or _tr(
            "{n} lieux were edited here and changed in {source} since. For each one, keep your version or take the "
            "remote one; nothing is changed until you click « Apply the merge ».")
        self.remote_version = self.remote_version or _tr("Remote version")
        self.take_remote = self.take_remote or _tr("Take the remote version")
        self.take_remote_all = self.take_remote_all or _tr("Take the remote version for all")
        self.remote_mark = self.remote_mark or _tr("remote")
        self.apply = self.apply or _tr("Apply the merge")
        self.cancel = self.cancel or _tr("Cancel the merge")


class PullConflictsDialog(QDialog):
    def __init__(self, conflicts: list[Conflict], source_label: str, parent: QWidget | None = None,
                 schema: Schema | None = None, texts: ConflictTexts | None = None):
        super().__init__(parent)
        self.texts = texts = texts or ConflictTexts()
        self.conflicts = conflicts
        self.schema = schema or load_schema()
        self._choices = {conflict.lieu_id: KEEP_LOCAL for conflict in conflicts}
        self.setWindowTitle(texts.title)
        self.setMinimumSize(960, 520)
        layout = QVBoxLayout(self)
        intro = QLabel(texts.intro.format(n=len(conflicts), source=source_label))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        splitter = QSplitter(Qt.Horizontal)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SingleSelection)
        splitter.addWidget(self.list)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.lieu_title = QLabel()
        self.lieu_title.setWordWrap(True)
        right_layout.addWidget(self.lieu_title)
        choice_row = QHBoxLayout()
        self.choice_group = QButtonGroup(self)
        self.keep_radio = QRadioButton(_tr("Keep my version"))
        self.remote_radio = QRadioButton(texts.take_remote)
        for button in (self.keep_radio, self.remote_radio):
            self.choice_group.addButton(button)
            choice_row.addWidget(button)
        choice_row.addStretch(1)
        right_layout.addLayout(choice_row)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([_tr("Field"), _tr("My version"), texts.remote_version])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        right_layout.addWidget(self.table, 1)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([270, 590])
        layout.addWidget(splitter, 1)

        bottom = QHBoxLayout()
        self.all_local_button = QPushButton(_tr("Keep my version for all"))
        self.all_remote_button = QPushButton(texts.take_remote_all)
        bottom.addWidget(self.all_local_button)
        bottom.addWidget(self.all_remote_button)
        bottom.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.apply_button = self.buttons.button(QDialogButtonBox.Ok)
        self.apply_button.setText(texts.apply)
        self.buttons.button(QDialogButtonBox.Cancel).setText(texts.cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

        for conflict in conflicts:
            item = QListWidgetItem()
            item.setData(Qt.UserRole, conflict.lieu_id)
            self.list.addItem(item)
            self._label_item(item, conflict)
        self.list.currentRowChanged.connect(self._show)
        self.choice_group.buttonToggled.connect(self._on_choice_toggled)
        self.all_local_button.clicked.connect(lambda: self.set_all(KEEP_LOCAL))
        self.all_remote_button.clicked.connect(lambda: self.set_all(TAKE_REMOTE))
        if conflicts:
            self.list.setCurrentRow(0)

    # ── display ─────────────────────────────────────────────────────────────────────────────────────────

    def _label_item(self, item: QListWidgetItem, conflict: Conflict) -> None:
        remote = self._choices[conflict.lieu_id] == TAKE_REMOTE
        mark = self.texts.remote_mark if remote else _tr("mine")
        text = f"[{mark}] {conflict.nom or conflict.lieu_id}"
        if conflict.deleted:
            text = f"[{mark}] {_tr('(deleted here)')} {conflict.nom or conflict.lieu_id}"
            item.setToolTip(_tr("id: {id} — deleted here, changed at the source").format(id=conflict.lieu_id))
        else:
            item.setToolTip(_tr("id: {id} — {n} fields differ").format(id=conflict.lieu_id,
                                                                        n=len(conflict.differences)))
        item.setText(text)

    def _title(self, name: str) -> str:
        try:
            return self.schema.field(name).title or name
        except KeyError:
            return name

    def _show(self, row: int) -> None:
        if row < 0 or row >= len(self.conflicts):
            return
        conflict = self.conflicts[row]
        if conflict.deleted:
            self.lieu_title.setText(_tr(
                "<b>{nom}</b> — id {id} — deleted here, changed at the source since: keep it deleted, or take the "
                "remote version to add it back").format(nom=conflict.nom, id=conflict.lieu_id))
            self.keep_radio.setText(_tr("Keep it deleted"))
            self.remote_radio.setText(_tr("Take the remote version (add it back)"))
        else:
            self.lieu_title.setText(_tr("<b>{nom}</b> — id {id} — {n} fields differ").format(
                nom=conflict.nom, id=conflict.lieu_id, n=len(conflict.differences)))
            self.keep_radio.setText(_tr("Keep my version"))
            self.remote_radio.setText(self.texts.take_remote)
        self.table.setRowCount(len(conflict.differences))
        for index, (name, local, remote) in enumerate(conflict.differences):
            label = QTableWidgetItem(self._title(name))
            label.setToolTip(name)
            self.table.setItem(index, 0, label)
            for column, value in ((1, local), (2, remote)):
                if column == 1 and conflict.deleted:
                    cell = QTableWidgetItem(_tr("(deleted here)"))
                    font = cell.font()
                    font.setItalic(True)
                    cell.setFont(font)
                    cell.setForeground(Qt.darkRed)
                else:
                    cell = QTableWidgetItem(value if value else _tr("(empty)"))
                    cell.setToolTip(value)
                    if not value:
                        cell.setForeground(Qt.gray)
                self.table.setItem(index, column, cell)
        self.table.resizeRowsToContents()
        button = self.remote_radio if self._choices[conflict.lieu_id] == TAKE_REMOTE else self.keep_radio
        button.blockSignals(True)
        button.setChecked(True)
        button.blockSignals(False)

    def _on_choice_toggled(self, button, checked: bool) -> None:
        row = self.list.currentRow()
        if checked and 0 <= row < len(self.conflicts):
            self.set_choice(row, TAKE_REMOTE if button is self.remote_radio else KEEP_LOCAL)

    # ── choices ─────────────────────────────────────────────────────────────────────────────────────────

    def set_choice(self, row: int, choice: str) -> None:
        conflict = self.conflicts[row]
        self._choices[conflict.lieu_id] = choice
        self._label_item(self.list.item(row), conflict)
        if row == self.list.currentRow():
            (self.remote_radio if choice == TAKE_REMOTE else self.keep_radio).setChecked(True)

    def set_all(self, choice: str) -> None:
        for row in range(len(self.conflicts)):
            self.set_choice(row, choice)

    def choices(self) -> dict[str, str]:
        return dict(self._choices)
