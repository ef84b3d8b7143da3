"""The tree of issues shown by the validation dock: grouped by lieu or by rule, sorted, filtered, live.

A two-level :class:`QAbstractItemModel` over a :class:`~..qgis.live_validation.LiveValidation` and the Qt-free
tree of :mod:`plugin.core.validation.issues_tree`: groups (a lieu,
or a rule) hold the open issues; a last group "Accepted" holds the accepted ones. Sorting (header click) and
filtering (severity, field, rule, map extent, text) happen in the model with Python's sort on precomputed
keys — a proxy model would call back into Python for every comparison, too slow for 50,000 issues. After an
edit only the groups of the lieux that changed are touched (rows removed/inserted, groups moved), so the
view keeps its expanded groups and its scroll position.

A change of grouping, filters or sort rebuilds every group: on a large layer (~46,000 issues for 50,000 lieux,
0.3–0.5 s of Python) the build runs in steps across turns of QGIS's event loop (``BUDGET`` of work per turn,
QGIS never freezes), on a snapshot of the settings asked for; the view keeps showing the previous list until
the new one is swapped in by one model reset. A newer change drops the build under way (the last one asked
for wins); lieux edited meanwhile are updated in the new list once it is swapped in.
"""

from __future__ import annotations

import time
from functools import lru_cache
from typing import Any, Callable

from qgis.PyQt.QtCore import QAbstractItemModel, QModelIndex, Qt, QTimer
from qgis.PyQt.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap

from ..core import gc_pause
from ..core.i18n import translate
from ..core.validation import Issue, issues_tree
from ..core.validation.codes import ERROR
from ..core.validation.issues_tree import (  # noqa: F401 (BY_LIEU … Item: the dock imports them from here)
    ACCEPTED,
    BY_LIEU,
    BY_RULE,
    FIELD,
    LABEL,
    LIEU,
    RULE,
    SEVERITY,
    VALUE,
    Filters,
    Group,
    Item,
    Steps,
    TreeLayout,
    TreeRules,
    bisect_by,
    one_field,
    short,
    unlink,
    visible,
)
from ..qgis.live_validation import LiveValidation
from ..toolbelt.cpp_guard import cpp_override

COLUMN_COUNT = 4
ITEM_ROLE = Qt.UserRole + 1
BATCH = 400  # rows handed to the view at a time
BUDGET = 0.02  # seconds of a stepped build per turn of the event loop
STEPPED_FROM = 2000  # lieux: a smaller layer is rebuilt at once (a few ms)
PREPARATION = "issues_model"
_ROOT = QModelIndex()
COLOURS = {"error": "#d7191c", "warning": "#f59f00", "accepted": "#8a8a8a"}


def _tr(text: str) -> str:
    return translate("IssuesModel", text)


@lru_cache(maxsize=8)
def dot_icon(colour: str, hollow: bool = False) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setPen(QColor(colour))
    painter.setBrush(QBrush(Qt.NoBrush if hollow else QColor(colour)))
    painter.drawEllipse(2, 2, 10, 10)
    painter.end()
    return QIcon(pixmap)


class _Layout(TreeLayout):
    descending_order = Qt.SortOrder.DescendingOrder


class IssuesModel(QAbstractItemModel, TreeRules):
    """Groups and items are handed to the view in batches (``canFetchMore``/``fetchMore``): a view lays out
    every row it knows after each change, and 40,000 rows would each cost a call into Python.

    The tree itself (groups, filters, labels, sort keys, the build in steps) is
    :mod:`plugin.core.validation.issues_tree`; this class hands it to Qt's views."""

    descending_order = Qt.SortOrder.DescendingOrder

    def __init__(self, live: LiveValidation, parent=None):
        super().__init__(parent)
        self.live = live
        self.group_by = BY_LIEU  # the settings of the list shown (a change asked for is in _pending until built)
        self.filters = Filters()
        self.sort_column = SEVERITY
        self.sort_order = Qt.AscendingOrder
        self._pending: _Layout | None = None  # settings asked for, being built in steps
        self._steps: Steps | None = None
        self._changed_meanwhile: set = set()  # lieux updated while a build is under way
        self._build_timer = QTimer(self)
        self._build_timer.setInterval(0)
        self._build_timer.timeout.connect(self._build_step)
        self._gc_token: object | None = None  # the collector's pause while a build is under way (gc_pause)
        self._discarded: list[Group] = []  # groups of a list replaced, freed a slice per turn (_discard_step)
        self._discard_timer = QTimer(self)
        self._discard_timer.setInterval(0)
        self._discard_timer.timeout.connect(self._discard_step)
        self.groups: list[Group] = []  # the accepted group first (if any), then the sorted groups
        self.accepted: Group | None = None
        self._by_key: dict[Any, Group] = {}
        self._groups_of: dict[int, set] = {}  # lieu → keys of the groups holding its items (by rule)
        self._shown = 0  # groups handed to the view so far
        self._rows: dict[int, int] | None = None  # id(group) → row, for the groups shown
        self._field_order = {name: i for i, name in enumerate(live.schema.field_names)}
        self._fetch_timer = QTimer(self)
        self._fetch_timer.setSingleShot(True)
        self._fetch_timer.setInterval(0)
        self._fetch_timer.timeout.connect(self._fetch_pending)
        self._fetch_wanted: list[Group] = []
        live.reset.connect(self._on_reset)
        live.lieuxChanged.connect(self.update_lieux)
        live.add_preparation(PREPARATION, self._prepare)

    def detach(self) -> None:
        self._drop_build()
        self._discard_timer.stop()
        for group in self._discarded:
            unlink(group)
        self._discarded = []
        for group in self.groups:
            unlink(group)
        self.live.preparations.pop(PREPARATION, None)
        for signal, slot in ((self.live.reset, self._on_reset), (self.live.lieuxChanged, self.update_lieux)):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass

    def _layout(self, **changes) -> _Layout:
        """The settings last asked for (being built, else those of the list shown), with ``changes``."""
        base = self._pending or self
        settings = dict(group_by=base.group_by, filters=base.filters, sort_column=base.sort_column,
                        sort_order=base.sort_order)
        settings.update(changes)
        return _Layout(self.live, self._field_order, **settings)

    def _prepare(self, state):
        """Run in the full pass's task: the groups for the new state, with the settings they were built for."""
        return self._layout()._build(state)

    def _on_reset(self) -> None:
        layout = self._layout()
        prepared = self.live.prepared.get(PREPARATION)
        if prepared is not None and prepared[0] == layout._settings():
            self._drop_build()
            self._install(prepared)
        else:
            self._request(layout)

    def rebuild(self) -> None:
        """Recompute every group for the model's settings."""
        self._request(self._layout(group_by=self.group_by, filters=self.filters, sort_column=self.sort_column,
                                   sort_order=self.sort_order))

    @property
    def building(self) -> bool:
        """A new list is being built (the view shows the previous one meanwhile)."""
        return self._steps is not None

    def _request(self, layout: _Layout) -> None:
        """Build the groups for ``layout`` and show them: at once on a small layer, else in steps across turns
        of the event loop (a build under way is dropped: the last change asked for wins)."""
        self._drop_build()
        if not self.live.ready:
            self._install((layout._settings(), [], {}, {}, None))
        elif len(self.live.keys()) < STEPPED_FROM:
            self._install(layout._build(self.live))
        else:
            self._pending = layout
            self._steps = layout._build_steps(self.live)
            # no cyclic collection walking the heap while it grows by ~200,000 objects (see gc_pause)
            self._gc_token = gc_pause.pause()
            self._build_timer.start()

    def _build_step(self) -> None:
        steps = self._steps
        if steps is None:
            self._build_timer.stop()
            return
        deadline = time.perf_counter() + BUDGET
        try:
            next(steps)
            while time.perf_counter() < deadline:
                next(steps)
        except StopIteration as stop:
            changed = self._changed_meanwhile
            token = self._end_build()
            self._install(stop.value)
            if changed:  # lieux edited while the build read the state: read again with the new settings
                self.update_lieux(changed)
            # the new list is long-lived and acyclic once replaced (unlink): later collections skip it
            gc_pause.resume(token, freeze=True)
        except BaseException:
            gc_pause.resume(self._end_build(), freeze=False)
            raise

    def _end_build(self) -> object | None:
        token = self._gc_token
        self._steps, self._pending, self._changed_meanwhile, self._gc_token = None, None, set(), None
        self._build_timer.stop()
        return token

    def _drop_build(self) -> None:
        steps = self._steps
        token = self._end_build()
        if steps is not None:
            steps.close()  # unlinks what it built so far
        gc_pause.resume(token, freeze=False)

    def _install(self, built: tuple) -> None:
        settings, groups, by_key, groups_of, accepted = built
        old = self.groups
        self.beginResetModel()
        self.group_by, self.filters, self.sort_column, self.sort_order = settings
        self._by_key = by_key
        self._groups_of = groups_of
        self.accepted = accepted
        self.groups = ([accepted] if accepted is not None else []) + groups
        self._shown = min(len(self.groups), BATCH)
        self._rows = None
        self._fetch_wanted = []
        self.endResetModel()
        self._discard(old)

    def _discard(self, groups: list[Group]) -> None:
        """Unlink and free the groups of a replaced list: at once if few, else by slices across turns of the
        event loop (~200,000 objects for 50,000 lieux: ~50 ms at once)."""
        if len(groups) <= issues_tree.STEP and sum(len(group.items) for group in groups) <= issues_tree.SORT_SLICE:
            for group in groups:
                unlink(group)
        else:
            self._discarded.extend(groups)
            self._discard_timer.start()

    def _discard_step(self) -> None:
        discarded = self._discarded
        deadline = time.perf_counter() + BUDGET
        while discarded and time.perf_counter() < deadline:
            items = discarded[-1].items
            if len(items) > issues_tree.SORT_SLICE:
                for item in items[-issues_tree.SORT_SLICE:]:
                    item.group = None
                del items[-issues_tree.SORT_SLICE:]
            else:
                for group in discarded[-issues_tree.STEP:]:
                    unlink(group)
                del discarded[-issues_tree.STEP:]
        if not discarded:
            self._discard_timer.stop()

    def set_group_by(self, mode: str) -> None:
        if mode != self._layout().group_by:
            self._request(self._layout(group_by=mode))

    def set_filters(self, filters: Filters) -> None:
        self._request(self._layout(filters=filters))

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        layout = self._layout()
        if (column, order) == (layout.sort_column, layout.sort_order) and (self.groups or self.building):
            return
        self._request(self._layout(sort_column=column, sort_order=order))

    # ── batches handed to the view ──────────────────────────────────────────────────────────────────────

    @cpp_override(False)
    def canFetchMore(self, parent: QModelIndex) -> bool:
        if not parent.isValid():
            return self._shown < len(self.groups)
        if parent.column() != 0:
            return False
        group = self.node(parent)
        return isinstance(group, Group) and group.shown < len(group.items)

    @cpp_override(None)
    def fetchMore(self, parent: QModelIndex) -> None:
        if not parent.isValid():
            count = min(BATCH, len(self.groups) - self._shown)
            if count > 0:
                self.beginInsertRows(_ROOT, self._shown, self._shown + count - 1)
                self._shown += count
                self._rows = None
                self.endInsertRows()
            return
        group = self.node(parent) if parent.column() == 0 else None
        if isinstance(group, Group):
            count = min(BATCH, len(group.items) - group.shown)
            if count > 0:
                self.beginInsertRows(parent, group.shown, group.shown + count - 1)
                group.shown += count
                self.endInsertRows()

    @cpp_override(False)
    def hasChildren(self, parent: QModelIndex = _ROOT) -> bool:
        if not parent.isValid():
            return bool(self.groups)
        return (
            parent.internalPointer() is None
            and parent.column() == 0
            and 0 <= parent.row() < self._shown
            and bool(self.groups[parent.row()].items)
        )

    def _fetch_pending(self) -> None:
        wanted, self._fetch_wanted = self._fetch_wanted, []
        for group in wanted:
            row = self._group_row(group)
            if row >= 0:
                self.fetchMore(self.index(row, 0))

    def fetch_all(self) -> None:
        """Hand every group and item to the view (tests, small layers)."""
        self.fetchMore(_ROOT)
        while self._shown < len(self.groups):
            self.fetchMore(_ROOT)
        for row in range(self._shown):
            parent = self.index(row, 0)
            while self.canFetchMore(parent):
                self.fetchMore(parent)

    # ── live updates ────────────────────────────────────────────────────────────────────────────────────

    def update_lieux(self, keys) -> None:
        """The issues of the lieux ``keys`` changed: replace their items, group by group. Groups keep their
        place (nothing jumps under the cursor); a new group goes where the sort puts it."""
        if not self.live.ready:
            return
        keys = set(keys)
        if self._steps is not None:
            self._changed_meanwhile |= keys
        new_open: dict[Any, list[Item]] = {}
        new_accepted: list[Item] = []
        for key in keys:
            open_items, accepted_items = self._items_of(key) if key in self.live.keys() else ([], [])
            for item in open_items:
                new_open.setdefault(self._group_key_of(item), []).append(item)
            new_accepted.extend(accepted_items)
        touched = set(new_open)
        if self.group_by == BY_LIEU:
            touched |= {key for key in keys if key in self._by_key}
        else:
            for key in keys:
                touched |= self._groups_of.pop(key, set())
            for group_key, items in new_open.items():
                for item in items:
                    self._groups_of.setdefault(item.key, set()).add(group_key)
        for group_key in touched:
            self._replace_in_group(group_key, keys, new_open.get(group_key, []))
        if self.accepted is not None or new_accepted:
            self._replace_accepted(keys, new_accepted)

    def _group_row(self, group: Group) -> int:
        """Row of a group handed to the view (-1 for one not shown yet)."""
        if self._rows is None:
            self._rows = {id(g): row for row, g in enumerate(self.groups[: self._shown])}
        return self._rows.get(id(group), -1)

    def _insert_group(self, group: Group, row: int) -> None:
        if row <= self._shown and (row < self._shown or self._shown == len(self.groups)):
            self.beginInsertRows(_ROOT, row, row)
            self.groups.insert(row, group)
            self._shown += 1
            self._rows = None
            self.endInsertRows()
        else:
            self.groups.insert(row, group)

    def _remove_group(self, group: Group) -> None:
        row = self._group_row(group)
        if row >= 0:
            self.beginRemoveRows(_ROOT, row, row)
            del self.groups[row]
            self._shown -= 1
            self._rows = None
            self.endRemoveRows()
        else:
            self.groups.remove(group)
        unlink(group)

    def _replace_in_group(self, group_key, keys: set, items: list[Item]) -> None:
        group = self._by_key.get(group_key)
        if group is None:
            if not items:
                return
            group = self._new_group(group_key)
            for item in items:
                item.group = group
            group.items = sorted(items, key=self._item_key)
            group.recount()
            first = 1 if self.accepted is not None else 0
            row = first + bisect_by(self.groups[first:], self._group_key(group), self._group_key)
            self._by_key[group_key] = group
            self._insert_group(group, row)
            return
        self._replace_items(group, keys, items)
        if not group.items:
            del self._by_key[group_key]
            self._remove_group(group)
            return
        if group.kind == LIEU:
            group.label = self.lieu_label(group_key)
        self._group_changed(group)

    def _replace_accepted(self, keys: set, items: list[Item]) -> None:
        group = self.accepted
        if group is None:
            group = Group(ACCEPTED, None, _tr("Accepted"))
            for item in items:
                item.group = group
            group.items = sorted(items, key=self._item_key)
            group.recount()
            self.accepted = group
            self._insert_group(group, 0)
            return
        self._replace_items(group, keys, items)
        if not group.items:
            self.accepted = None
            self._remove_group(group)
        else:
            self._group_changed(group)

    def _group_changed(self, group: Group) -> None:
        group.recount()
        row = self._group_row(group)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))

    def _replace_items(self, group: Group, keys: set, items: list[Item]) -> None:
        """Remove the items of ``keys`` from a group and insert ``items`` at their sorted places."""
        row = self._group_row(group)
        parent = self.index(row, 0) if row >= 0 else None
        rows = [i for i, item in enumerate(group.items) if item.key in keys]
        runs: list[list[int]] = []  # contiguous runs, removed last first so that row numbers stay valid
        for index in rows:
            if runs and runs[-1][1] == index - 1:
                runs[-1][1] = index
            else:
                runs.append([index, index])
        for first, last in reversed(runs):
            shown_last = min(last, group.shown - 1)
            if parent is not None and first <= shown_last:
                self.beginRemoveRows(parent, first, shown_last)
                del group.items[first : last + 1]
                group.shown -= shown_last - first + 1
                self.endRemoveRows()
            else:
                del group.items[first : last + 1]
        for item in sorted(items, key=self._item_key):
            item.group = group
            index = bisect_by(group.items, self._item_key(item), self._item_key)
            visible = index < group.shown or (group.shown == len(group.items) and group.shown > 0)
            if parent is not None and visible:
                self.beginInsertRows(parent, index, index)
                group.items.insert(index, item)
                group.shown += 1
                self.endInsertRows()
            else:
                group.items.insert(index, item)

    # ── QAbstractItemModel ──────────────────────────────────────────────────────────────────────────────

    @cpp_override(0)
    def columnCount(self, parent: QModelIndex = _ROOT) -> int:
        return COLUMN_COUNT

    @cpp_override(0)
    def rowCount(self, parent: QModelIndex = _ROOT) -> int:
        if not parent.isValid():
            return self._shown
        if parent.internalPointer() is None and parent.column() == 0 and 0 <= parent.row() < self._shown:
            return self.groups[parent.row()].shown
        return 0

    @cpp_override(default_factory=QModelIndex)
    def index(self, row: int, column: int, parent: QModelIndex = _ROOT) -> QModelIndex:
        if column < 0 or column >= COLUMN_COUNT:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, None) if 0 <= row < self._shown else QModelIndex()
        if parent.internalPointer() is not None or parent.column() != 0 or not 0 <= parent.row() < self._shown:
            return QModelIndex()
        group = self.groups[parent.row()]
        return self.createIndex(row, column, group) if 0 <= row < group.shown else QModelIndex()

    @cpp_override(default_factory=QModelIndex)
    def parent(self, index: QModelIndex) -> QModelIndex:  # noqa: A003 (Qt's name)
        if not index.isValid():
            return QModelIndex()
        group = index.internalPointer()
        if group is None:
            return QModelIndex()
        row = self._group_row(group)
        return self.createIndex(row, 0, None) if row >= 0 else QModelIndex()

    def node(self, index: QModelIndex) -> Group | Item | None:
        if not index.isValid():
            return None
        group = index.internalPointer()
        if group is None:
            return self.groups[index.row()] if 0 <= index.row() < self._shown else None
        return group.items[index.row()] if 0 <= index.row() < group.shown else None

    def index_of_item(self, item: Item) -> QModelIndex:
        """The index of an item, fetching its group and rows as far as needed."""
        group = item.group
        if group is None or group not in self.groups:
            return QModelIndex()
        while self._group_row(group) < 0 and self.canFetchMore(_ROOT):
            self.fetchMore(_ROOT)
        parent = self.index(self._group_row(group), 0)
        try:
            position = group.items.index(item)
        except ValueError:
            return QModelIndex()
        while group.shown <= position and self.canFetchMore(parent):
            self.fetchMore(parent)
        return self.index(position, 0, parent)

    @cpp_override(default_factory=lambda: Qt.ItemFlag.NoItemFlags)
    def flags(self, index: QModelIndex) -> Qt.ItemFlags:
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable if index.isValid() else Qt.NoItemFlags

    @cpp_override(None)
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        if orientation != Qt.Horizontal:
            return None
        if role == Qt.DisplayRole:
            first = _tr("Lieu / issue") if self.group_by == BY_LIEU else _tr("Rule / lieu")
            return [first, _tr("Severity"), _tr("Field"), _tr("Value → suggested fix")][section]
        if role == Qt.ToolTipRole:
            return _tr("Click to sort")
        return None

    @cpp_override(None)
    def data(self, index: QModelIndex, role: int = Qt.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        if role == ITEM_ROLE:
            return node
        if isinstance(node, Group):
            return self._group_data(node, index.column(), role)
        group = node.group
        if role == Qt.DisplayRole and group is not None and index.row() == group.shown - 1 and group.shown < len(
            group.items
        ):  # the view reached the last child handed so far: hand the next batch (infinite scroll)
            if group not in self._fetch_wanted:
                self._fetch_wanted.append(group)
            self._fetch_timer.start()
        return self._item_data(node, index.column(), role)

    def _group_data(self, group: Group, column: int, role: int) -> Any:
        if role == Qt.DisplayRole:
            if column == LABEL:
                return f"{group.label} ({len(group.items)})"
            if column == SEVERITY and group.kind != ACCEPTED:
                return _counts_text(group.errors, group.warnings)
            if column == FIELD and group.kind == RULE:
                return group.items[0].issue.field if group.items and one_field(group) else ""
            return None
        if role == Qt.DecorationRole and column == LABEL:
            if group.kind == ACCEPTED:
                return dot_icon(COLOURS["accepted"], True)
            return dot_icon(COLOURS["error" if group.errors else "warning"])
        if role == Qt.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ToolTipRole:
            if group.kind == RULE:
                return f"{group.key} — {group.label}"
            return group.label
        return None

    def _item_data(self, item: Item, column: int, role: int) -> Any:
        issue = item.issue
        if role == Qt.DisplayRole:
            if column == LABEL:
                return self.item_label(item)
            if column == SEVERITY:
                return _tr("Error") if issue.severity == ERROR else _tr("Warning")
            if column == FIELD:
                return issue.field
            if column == VALUE:
                value = visible(issue.value, 40)
                if issue.suggestion is None:
                    return value
                fix = visible(issue.suggestion, 40) if issue.suggestion else _tr("(empty the cell)")
                return f"{value} → {fix}"
            return None
        if role == Qt.DecorationRole and column == LABEL:
            return dot_icon(COLOURS[issue.severity if not item.accepted else "accepted"], item.accepted)
        if role == Qt.ToolTipRole:
            tip = issue.message
            if item.accepted:
                tip += "\n" + _tr("Accepted: {reason}").format(reason=item.acceptance.reason)
            return tip
        if role == Qt.ForegroundRole:
            if item.accepted:
                return QBrush(QColor(COLOURS["accepted"]))
            if column == VALUE and issue.suggestion is not None:
                return QBrush(QColor("#1b6e20"))  # a safe fix is waiting
        return None

    # ── queries for the dock ────────────────────────────────────────────────────────────────────────────

    def visible_issue_count(self) -> int:
        return sum(len(group.items) for group in self.groups if group.kind != ACCEPTED)

    def fixable_of_rule(self, code: str) -> list[tuple[int, Issue]]:
        """Every open issue of a rule with a safe fix (all lieux, whatever the filters)."""
        return [
            (key, issue) for key, issue in self.live.all_open() if issue.code == code and issue.suggestion is not None
        ]

    def find(self, predicate: Callable[[Item], bool]) -> Item | None:
        for group in self.groups:
            for item in group.items:
                if predicate(item):
                    return item
        return None


def _counts_text(errors: int, warnings: int) -> str:
    parts = []
    if errors:
        parts.append(_tr("{n} err.").format(n=errors))
    if warnings:
        parts.append(_tr("{n} warn.").format(n=warnings))
    return ", ".join(parts)
