"""A checkable list that edits a list field of the standard (``a|b``), optionally searchable.

The widget edits the text value itself: it is given ``a|b`` and gives back ``a|b``. It never
rewrites a value the user did not touch (same order, same duplicates), keeps checked values that
are not in the choices (shown as "not in the list" so they can be unchecked), and appends newly
checked values after the kept ones, in the order of the choices.
"""

from __future__ import annotations

from collections.abc import Sequence

from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor, QFont
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QAction,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..core.i18n import translate
from ..core.records import join_list, split_list
from ..core.schema import fold

VALUE_ROLE = Qt.ItemDataRole.UserRole
OUT_OF_LIST_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_VISIBLE_ROWS = 9


def _tr(text: str) -> str:
    """A fixed context: ``self.tr()`` would look the text up under the name of a subclass (_MultiSelectEditor)."""
    return translate("MultiSelectWidget", text)


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
            self.search.setPlaceholderText(_tr("Search…"))
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
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.check_all_action = QAction(_tr("Check all"), self.list)
        self.check_all_action.triggered.connect(self.check_all)
        self.clear_action = QAction(_tr("Uncheck all"), self.list)
        self.clear_action.triggered.connect(self.clear)
        self.list.addActions([self.check_all_action, self.clear_action])
        self._read_only = False
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
        """Uncheck every value (right-click menu)."""
        if not self._selection or self._read_only:
            return
        self._selection = []
        self._touched = True
        self._rebuild()
        self.valueChanged.emit(self.value())

    def check_all(self) -> None:
        """Check every value of the list (right-click menu); kept out-of-list values stay checked."""
        missing = [value for value, _ in self._choices if value not in self._selection]
        if not missing or self._read_only:
            return
        self._selection.extend(missing)
        self._touched = True
        self._rebuild()
        self.valueChanged.emit(self.value())

    def setReadOnly(self, read_only: bool) -> None:
        self._read_only = read_only
        self.list.setEnabled(not read_only)
        self.check_all_action.setEnabled(not read_only)
        self.clear_action.setEnabled(not read_only)

    # -- display --------------------------------------------------------------------------------

    def _rebuild(self) -> None:
        self._updating = True
        self.list.clear()
        known = {value for value, _ in self._choices}
        selected = set(self._selection)
        for value in dict.fromkeys(v for v in self._selection if v not in known):
            item = QListWidgetItem(_tr("{value} (not in the list of the standard)").format(value=value))
            item.setData(VALUE_ROLE, value)
            item.setData(OUT_OF_LIST_ROLE, True)
            font = QFont(item.font())
            font.setItalic(True)
            item.setFont(font)
            item.setForeground(QBrush(QColor("#b35900")))
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        choices = self._choices
        if self.search is not None and not self._touched:  # long list: what is checked comes first
            choices = sorted(choices, key=lambda choice: choice[0] not in selected)
        for value, label in choices:
            item = QListWidgetItem(label)
            item.setData(VALUE_ROLE, value)
            item.setToolTip(value if label != value else "")
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            item.setCheckState(Qt.CheckState.Checked if value in selected else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self._updating = False
        self._filter(self.search.text() if self.search else "")
        self._update_count()
        self._fit_height()

    def _fit_height(self) -> None:
        """Show up to MAX_VISIBLE_ROWS rows without scrolling; longer lists scroll."""
        rows = min(max(self.list.count(), 1), MAX_VISIBLE_ROWS)
        row_height = self.list.sizeHintForRow(0) if self.list.count() else self.fontMetrics().height() + 4
        self.list.setFixedHeight(rows * row_height + 2 * self.list.frameWidth() + 2)

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
        needle = fold(text or "")  # accents, case and spaces ignored: "media" finds « Médiathèque »
        for row in range(self.list.count()):
            item = self.list.item(row)
            haystack = fold(f"{item.text()} {item.data(VALUE_ROLE)}")
            item.setHidden(bool(needle) and needle not in haystack)

    def _update_count(self) -> None:
        if self.count_label is not None:
            self.count_label.setText(_tr("{n} checked").format(n=len(self._selection)))

