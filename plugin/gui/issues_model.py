"""The tree of issues shown by the validation dock: grouped by lieu or by rule, sorted, filtered, live.

A two-level :class:`QAbstractItemModel` over a :class:`~..qgis.live_validation.LiveValidation`: groups (a lieu,
or a rule) hold the open issues; a last group "Accepted" holds the accepted ones. Sorting (header click) and
filtering (severity, field, rule, map extent, text) happen in the model with Python's sort on precomputed
keys — a proxy model would call back into Python for every comparison, too slow for 50,000 issues. After an
edit only the groups of the lieux that changed are touched (rows removed/inserted, groups moved), so the
view keeps its expanded groups and its scroll position.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

from qgis.PyQt.QtCore import QAbstractItemModel, QModelIndex, Qt
from qgis.PyQt.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap

from ..core.i18n import translate
from ..core.validation import Issue
from ..core.validation.codes import CODES, ERROR
from ..qgis.live_validation import LiveValidation

BY_LIEU = "lieu"
BY_RULE = "rule"
LIEU, RULE, ACCEPTED = "lieu", "rule", "accepted"

LABEL, SEVERITY, FIELD, VALUE, SUGGESTION = range(5)
COLUMN_COUNT = 5
ITEM_ROLE = Qt.UserRole + 1
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


def short(text: str, limit: int = 80) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class Filters:
    severity: str | None = None  # "error" | "warning" | None
    field: str | None = None
    code: str | None = None
    extent: tuple[float, float, float, float] | None = None  # xmin, ymin, xmax, ymax in EPSG:4326
    text: str = ""

    def active(self) -> bool:
        return bool(self.severity or self.field or self.code or self.extent or self.text)


class Item:
    """One issue of one lieu (``acceptance`` set when it is accepted)."""

    __slots__ = ("key", "issue", "acceptance", "group", "sort_key")

    def __init__(self, key: int, issue: Issue, acceptance=None):
        self.key = key
        self.issue = issue
        self.acceptance = acceptance
        self.group: Group | None = None
        self.sort_key = None

    @property
    def accepted(self) -> bool:
        return self.acceptance is not None


class Group:
    __slots__ = ("kind", "key", "items", "label", "errors", "warnings")

    def __init__(self, kind: str, key: Any, label: str):
        self.kind = kind
        self.key = key
        self.label = label
        self.items: list[Item] = []
        self.errors = 0
        self.warnings = 0

    def recount(self) -> None:
        self.errors = sum(1 for item in self.items if item.issue.severity == ERROR)
        self.warnings = len(self.items) - self.errors


def _bisect(items: list, key, key_of: Callable) -> int:
    """Leftmost insertion point of ``key`` in ``items`` sorted by ``key_of`` (bisect's key= needs Python 3.10)."""
    low, high = 0, len(items)
    while low < high:
        middle = (low + high) // 2
        if key_of(items[middle]) < key:
            low = middle + 1
        else:
            high = middle
    return low


class _Descending:
    """Inverts the order of a sort key (bisect needs ascending keys)."""

    __slots__ = ("key",)

    def __init__(self, key):
        self.key = key

    def __lt__(self, other):
        return other.key < self.key

    def __eq__(self, other):
        return self.key == other.key


class IssuesModel(QAbstractItemModel):
    def __init__(self, live: LiveValidation, parent=None):
        super().__init__(parent)
        self.live = live
        self.group_by = BY_LIEU
        self.filters = Filters()
        self.sort_column = SEVERITY
        self.sort_order = Qt.AscendingOrder
        self.groups: list[Group] = []  # the sorted groups, then the accepted group (if any)
        self.accepted: Group | None = None
        self._by_key: dict[Any, Group] = {}
        self._rows: dict[int, int] | None = None  # id(group) → row, rebuilt after each structural change
        self._field_order = {name: i for i, name in enumerate(live.schema.field_names)}
        live.reset.connect(self.rebuild)
        live.lieuxChanged.connect(self.update_lieux)

    def detach(self) -> None:
        for signal, slot in ((self.live.reset, self.rebuild), (self.live.lieuxChanged, self.update_lieux)):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass

    # ── labels and sort keys ────────────────────────────────────────────────────────────────────────────

    def lieu_label(self, key: int) -> str:
        lieu_id, nom, commune = self.live.lieu(key)
        label = nom or lieu_id or _tr("Lieu {fid}").format(fid=key)
        return f"{label} ({commune})" if commune else label

    def rule_title(self, code: str) -> str:
        entry = CODES.get(code)
        return entry.title if entry is not None else code

    def item_label(self, item: Item) -> str:
        if item.group is not None and item.group.kind == ACCEPTED:
            return f"{self.lieu_label(item.key)} — {self.rule_title(item.issue.code)}"
        if self.group_by == BY_RULE:
            return self.lieu_label(item.key)
        return self.rule_title(item.issue.code)

    def _item_key(self, item: Item):
        if item.sort_key is None:
            item.sort_key = self._compute_item_key(item)
        return item.sort_key

    def _compute_item_key(self, item: Item):
        issue = item.issue
        column = self.sort_column
        base = (issue.severity != ERROR, self._field_order.get(issue.field, 99), issue.code)
        if column == LABEL:
            key = (self.item_label(item).casefold(), base)
        elif column == FIELD:
            key = (self._field_order.get(issue.field, 99), base)
        elif column == VALUE:
            key = ((issue.value or "").casefold(), base)
        elif column == SUGGESTION:
            key = (issue.suggestion is None, (issue.suggestion or "").casefold(), base)
        else:
            key = base
        key = (key, item.key)
        return _Descending(key) if self.sort_order == Qt.DescendingOrder else key

    def _group_key(self, group: Group):
        if self.sort_column == LABEL:
            key = (group.label.casefold(), str(group.key))
        else:
            key = (-group.errors, -(group.errors + group.warnings), group.label.casefold(), str(group.key))
        return _Descending(key) if self.sort_order == Qt.DescendingOrder else key

    # ── filtering ───────────────────────────────────────────────────────────────────────────────────────

    def _lieu_passes(self, key: int) -> bool:
        filters = self.filters
        if filters.extent is not None:
            point = self.live.point(key)
            if point is None:
                return False
            xmin, ymin, xmax, ymax = filters.extent
            if not (xmin <= point[0] <= xmax and ymin <= point[1] <= ymax):
                return False
        if filters.text:
            lieu_id, nom, commune = self.live.lieu(key)
            haystack = f"{nom} {lieu_id} {commune}".casefold()
            if filters.text.casefold() not in haystack:
                return False
        return True

    def _issue_passes(self, issue: Issue) -> bool:
        filters = self.filters
        return (
            (filters.severity is None or issue.severity == filters.severity)
            and (filters.field is None or issue.field == filters.field)
            and (filters.code is None or issue.code == filters.code)
        )

    def _items_of(self, key: int) -> tuple[list[Item], list[Item]]:
        """(open items, accepted items) of a lieu that pass the filters."""
        if not self._lieu_passes(key):
            return [], []
        passes = self._issue_passes
        open_items = [Item(key, issue) for issue in self.live.open_issues(key) if passes(issue)]
        accepted = [Item(key, issue, acc) for issue, acc in self.live.accepted_issues(key) if passes(issue)]
        return open_items, accepted

    # ── building ────────────────────────────────────────────────────────────────────────────────────────

    def _group_for(self, item: Item, create: dict) -> Group:
        if self.group_by == BY_LIEU:
            key, kind = item.key, LIEU
        else:
            key, kind = item.issue.code, RULE
        group = self._by_key.get(key)
        if group is None:
            label = self.lieu_label(key) if kind == LIEU else self.rule_title(key)
            group = self._by_key[key] = Group(kind, key, label)
            create[key] = group
        return group

    def rebuild(self) -> None:
        """Recompute every group (after a full pass, a change of grouping, filters or sort)."""
        self.beginResetModel()
        self._by_key = {}
        created: dict = {}
        accepted = Group(ACCEPTED, None, _tr("Accepted"))
        if self.live.ready:
            for key in self.live.keys():
                open_items, accepted_items = self._items_of(key)
                for item in open_items:
                    group = self._group_for(item, created)
                    item.group = group
                    group.items.append(item)
                for item in accepted_items:
                    item.group = accepted
                    accepted.items.append(item)
        groups = list(created.values())
        for group in groups:
            group.items.sort(key=self._item_key)
            group.recount()
        groups.sort(key=self._group_key)
        accepted.items.sort(key=self._item_key)
        accepted.recount()
        self.accepted = accepted if accepted.items else None
        self.groups = groups + ([accepted] if accepted.items else [])
        self._changed_structure()
        self.endResetModel()

    def set_group_by(self, mode: str) -> None:
        if mode != self.group_by:
            self.group_by = mode
            self.rebuild()

    def set_filters(self, filters: Filters) -> None:
        self.filters = filters
        self.rebuild()

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        if (column, order) == (self.sort_column, self.sort_order) and self.groups:
            return
        self.sort_column, self.sort_order = column, order
        self.rebuild()

    # ── live updates ────────────────────────────────────────────────────────────────────────────────────

    def _sorted_groups(self) -> list[Group]:
        return self.groups[:-1] if self.accepted is not None else self.groups

    def update_lieux(self, keys) -> None:
        """The issues of the lieux ``keys`` changed: replace their items, group by group."""
        if not self.live.ready:
            return
        keys = set(keys)
        new_open: dict[Any, list[Item]] = {}
        new_accepted: list[Item] = []
        for key in keys:
            open_items, accepted_items = self._items_of(key) if key in self.live.keys() else ([], [])
            for item in open_items:
                group_key = item.key if self.group_by == BY_LIEU else item.issue.code
                new_open.setdefault(group_key, []).append(item)
            new_accepted.extend(accepted_items)
        # groups that hold items of these lieux now, or will
        touched = set(new_open)
        if self.group_by == BY_LIEU:
            touched |= {key for key in keys if key in self._by_key}
        else:
            for group in self._sorted_groups():
                if any(item.key in keys for item in group.items):
                    touched.add(group.key)
        for group_key in touched:
            self._replace_in_group(group_key, keys, new_open.get(group_key, []))
        if self.accepted is not None or new_accepted:
            self._replace_accepted(keys, new_accepted)

    def _group_row(self, group: Group) -> int:
        if self._rows is None:
            self._rows = {id(g): row for row, g in enumerate(self.groups)}
        return self._rows.get(id(group), -1)

    def _changed_structure(self) -> None:
        self._rows = None

    def _replace_in_group(self, group_key, keys: set, items: list[Item]) -> None:
        group = self._by_key.get(group_key)
        if group is None:
            if not items:
                return
            kind = LIEU if self.group_by == BY_LIEU else RULE
            label = self.lieu_label(group_key) if kind == LIEU else self.rule_title(group_key)
            group = Group(kind, group_key, label)
            for item in items:
                item.group = group
            group.items = sorted(items, key=self._item_key)
            group.recount()
            row = _bisect(self._sorted_groups(), self._group_key(group), self._group_key)
            self.beginInsertRows(QModelIndex(), row, row)
            self.groups.insert(row, group)
            self._by_key[group_key] = group
            self._changed_structure()
            self.endInsertRows()
            return
        row = self._group_row(group)
        parent = self.index(row, 0)
        self._remove_items(group, parent, keys)
        if not items and not group.items:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.groups[row]
            del self._by_key[group_key]
            self._changed_structure()
            self.endRemoveRows()
            return
        if group.kind == LIEU:
            group.label = self.lieu_label(group_key)
        self._insert_items(group, parent, items)
        group.recount()
        self._reposition(group)
        row = self._group_row(group)
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))

    def _replace_accepted(self, keys: set, items: list[Item]) -> None:
        group = self.accepted
        if group is None:
            group = Group(ACCEPTED, None, _tr("Accepted"))
            for item in items:
                item.group = group
            group.items = sorted(items, key=self._item_key)
            group.recount()
            row = len(self.groups)
            self.beginInsertRows(QModelIndex(), row, row)
            self.groups.append(group)
            self.accepted = group
            self._changed_structure()
            self.endInsertRows()
            return
        row = self._group_row(group)
        parent = self.index(row, 0)
        self._remove_items(group, parent, keys)
        self._insert_items(group, parent, items)
        group.recount()
        if not group.items:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.groups[row]
            self.accepted = None
            self._changed_structure()
            self.endRemoveRows()
        else:
            self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))

    def _remove_items(self, group: Group, parent: QModelIndex, keys: set) -> None:
        rows = [i for i, item in enumerate(group.items) if item.key in keys]
        # contiguous runs, last first, so that row numbers stay valid
        runs: list[list[int]] = []
        for row in rows:
            if runs and runs[-1][1] == row - 1:
                runs[-1][1] = row
            else:
                runs.append([row, row])
        for first, last in reversed(runs):
            self.beginRemoveRows(parent, first, last)
            del group.items[first : last + 1]
            self.endRemoveRows()

    def _insert_items(self, group: Group, parent: QModelIndex, items: list[Item]) -> None:
        for item in sorted(items, key=self._item_key):
            item.group = group
            row = _bisect(group.items, self._item_key(item), self._item_key)
            self.beginInsertRows(parent, row, row)
            group.items.insert(row, item)
            self.endInsertRows()

    def _reposition(self, group: Group) -> None:
        sorted_groups = self._sorted_groups()
        row = self._group_row(group)
        key = self._group_key(group)
        before_ok = row == 0 or not key < self._group_key(sorted_groups[row - 1])
        after_ok = row == len(sorted_groups) - 1 or not self._group_key(sorted_groups[row + 1]) < key
        if before_ok and after_ok:
            return
        others = sorted_groups[:row] + sorted_groups[row + 1 :]
        target = _bisect(others, key, self._group_key)
        # beginMoveRows wants the destination row in the list before the move
        destination = target if target < row else target + 1
        if self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination):
            del self.groups[row]
            self.groups.insert(target, group)
            self._changed_structure()
            self.endMoveRows()

    # ── QAbstractItemModel ──────────────────────────────────────────────────────────────────────────────

    def columnCount(self, parent: QModelIndex = _ROOT) -> int:
        return COLUMN_COUNT

    def rowCount(self, parent: QModelIndex = _ROOT) -> int:
        if not parent.isValid():
            return len(self.groups)
        if parent.internalPointer() is None and 0 <= parent.row() < len(self.groups):
            return len(self.groups[parent.row()].items)
        return 0

    def index(self, row: int, column: int, parent: QModelIndex = _ROOT) -> QModelIndex:
        if column < 0 or column >= COLUMN_COUNT:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, None) if 0 <= row < len(self.groups) else QModelIndex()
        if parent.internalPointer() is not None or not 0 <= parent.row() < len(self.groups):
            return QModelIndex()
        group = self.groups[parent.row()]
        return self.createIndex(row, column, group) if 0 <= row < len(group.items) else QModelIndex()

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
            return self.groups[index.row()] if 0 <= index.row() < len(self.groups) else None
        return group.items[index.row()] if 0 <= index.row() < len(group.items) else None

    def index_of_item(self, item: Item) -> QModelIndex:
        group = item.group
        row = self._group_row(group) if group is not None else -1
        if row < 0:
            return QModelIndex()
        try:
            return self.index(group.items.index(item), 0, self.index(row, 0))
        except ValueError:
            return QModelIndex()

    def flags(self, index: QModelIndex) -> Qt.ItemFlags:
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable if index.isValid() else Qt.NoItemFlags

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        if orientation != Qt.Horizontal:
            return None
        if role == Qt.DisplayRole:
            first = _tr("Lieu / issue") if self.group_by == BY_LIEU else _tr("Rule / lieu")
            return [first, _tr("Severity"), _tr("Field"), _tr("Value"), _tr("Suggested fix")][section]
        if role == Qt.ToolTipRole:
            return _tr("Click to sort")
        return None

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        if role == ITEM_ROLE:
            return node
        if isinstance(node, Group):
            return self._group_data(node, index.column(), role)
        return self._item_data(node, index.column(), role)

    def _group_data(self, group: Group, column: int, role: int) -> Any:
        if role == Qt.DisplayRole:
            if column == LABEL:
                return f"{group.label} ({len(group.items)})"
            if column == SEVERITY and group.kind != ACCEPTED:
                return _counts_text(group.errors, group.warnings)
            if column == FIELD and group.kind == RULE:
                return group.items[0].issue.field if group.items and _one_field(group) else ""
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
                return short(issue.value, 60)
            if column == SUGGESTION:
                if issue.suggestion is None:
                    return ""
                return short(issue.suggestion, 60) if issue.suggestion else _tr("(empty the cell)")
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
            if column == SUGGESTION:
                return QBrush(QColor("#1b6e20"))
        return None

    # ── queries for the dock ────────────────────────────────────────────────────────────────────────────

    def visible_issue_count(self) -> int:
        return sum(len(group.items) for group in self._sorted_groups())

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


def _one_field(group: Group) -> bool:
    first = group.items[0].issue.field
    return all(item.issue.field == first for item in group.items[:50])


def _counts_text(errors: int, warnings: int) -> str:
    parts = []
    if errors:
        parts.append(_tr("{n} err.").format(n=errors))
    if warnings:
        parts.append(_tr("{n} warn.").format(n=warnings))
    return ", ".join(parts)
