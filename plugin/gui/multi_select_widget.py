"""A checkable list that edits a list field of the standard (``a|b``), optionally searchable.

The widget edits the text value itself: it is given ``a|b`` and gives back ``a|b``. It never
rewrites a value the user did not touch (same order, same duplicates), keeps checked values that
are not in the choices (shown as "not in the list" so they can be unchecked), and appends newly
checked values after the kept ones, in the order of the choices.
"""

from __future__ import annotations

from collections.abc import Sequence

from qgis.PyQt.QtCore import QSize, Qt, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor, QFont
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.records import join_list, split_list

VALUE_ROLE = Qt.ItemDataRole.UserRole
OUT_OF_LIST_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_VISIBLE_ROWS = 9


class MultiSelectWidget(QWidget):
    """Checkable choices (value, label) editing a ``|``-joined value. ``valueChanged`` on user change."""

    valueChanged = pyqtSignal(str)

    def __init__(self, choices: Sequence[tuple[str, str]], searchable: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self._choices = list(choices)
        self._original: str | None = None  # the value as given, returned while the user changes nothing
        self._selection: list[str] = []  # checked values, in stored order
        self._updating = False
        self._touched = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.search = None
        if searchable:
            bar = QHBoxLayout()
            self.search = QLineEdit(self)
            self.search.setClearButtonEnabled(True)
            self.search.setPlaceholderText(self.tr("Search…"))
            self.search.textChanged.connect(self._filter)
            bar.addWidget(self.search)
            self.count_label = QLabel(self)
            bar.addWidget(self.count_label)
            layout.addLayout(bar)
        else:
            self.count_label = None
        self.list = QListWidget(self)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.list.setUniformItemSizes(True)
        self.list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.list.itemChanged.connect(self._on_item_changed)
        layout.addWidget(self.list)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.clear_button = QToolButton(self)
        self.clear_button.setText(self.tr("Uncheck all"))
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(self.clear)
        buttons.addWidget(self.clear_button)
        layout.addLayout(buttons)
        self._rebuild()

    # -- value ----------------------------------------------------------------------------------

    def value(self) -> str:
        if not self._touched and self._original is not None:
            return self._original
        return join_list(self._selection)

    def setValue(self, value: str | None) -> None:
        self._original = value or ""
        self._selection = split_list(value or "")
        self._touched = False
        self._rebuild()

    def checked_values(self) -> list[str]:
        return list(self._selection)

    def set_checked(self, value: str, checked: bool) -> None:
        """Check or uncheck ``value`` as a user click would."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(VALUE_ROLE) == value:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                return
        raise KeyError(value)

    def clear(self) -> None:
        if not self._selection:
            return
        self._selection = []
        self._touched = True
        self._rebuild()
        self.valueChanged.emit(self.value())

    def setReadOnly(self, read_only: bool) -> None:
        self.list.setEnabled(not read_only)
        self.clear_button.setEnabled(not read_only)

    # -- display --------------------------------------------------------------------------------

    def _rebuild(self) -> None:
        self._updating = True
        self.list.clear()
        known = {value for value, _ in self._choices}
        selected = set(self._selection)
        for value in dict.fromkeys(v for v in self._selection if v not in known):
            item = QListWidgetItem(self.tr("{value} (not in the list of the standard)").format(value=value))
            item.setData(VALUE_ROLE, value)
            item.setData(OUT_OF_LIST_ROLE, True)
            font = QFont(item.font())
            font.setItalic(True)
            item.setFont(font)
            item.setForeground(QBrush(QColor("#b35900")))
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        for value, label in self._choices:
            item = QListWidgetItem(label)
            item.setData(VALUE_ROLE, value)
            item.setToolTip(value if label != value else "")
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            item.setCheckState(Qt.CheckState.Checked if value in selected else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self._updating = False
        self._filter(self.search.text() if self.search else "")
        self._update_count()
        self.updateGeometry()

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if self._updating:
            return
        value = item.data(VALUE_ROLE)
        checked = item.checkState() == Qt.CheckState.Checked
        if checked and value not in self._selection:
            self._selection.append(value)
        elif not checked:
            self._selection = [v for v in self._selection if v != value]
        else:
            return
        self._touched = True
        self._update_count()
        self.valueChanged.emit(self.value())

    def _filter(self, text: str) -> None:
        needle = (text or "").strip().casefold()
        for row in range(self.list.count()):
            item = self.list.item(row)
            haystack = f"{item.text()} {item.data(VALUE_ROLE)}".casefold()
            item.setHidden(bool(needle) and needle not in haystack)

    def _update_count(self) -> None:
        if self.count_label is not None:
            self.count_label.setText(self.tr("{n} checked").format(n=len(self._selection)))

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        rows = min(max(self.list.count(), 1), MAX_VISIBLE_ROWS)
        row_height = self.list.sizeHintForRow(0) if self.list.count() else self.fontMetrics().height() + 4
        list_height = rows * row_height + 2 * self.list.frameWidth() + 4
        extra = hint.height() - self.list.sizeHint().height()
        return QSize(hint.width(), list_height + max(extra, 0))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()
