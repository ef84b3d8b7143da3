"""The tree of issues of the validation dock, without Qt: groups (a lieu, or a rule) of issues, an "Accepted"
group, filters, labels, sort keys, and the build of the groups in steps (a generator that yields between steps,
so that the dock builds a long list across turns of QGIS's event loop, and the full pass's task builds it at
once). :class:`plugin.gui.issues_model.IssuesModel` is the thin Qt model over it (as QgisModelBaker's
``ValidationResultTableModel`` is over its result model). Pure Python, tested in tests/qgis/test_issues_model.py
through the model.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import Any, Callable, Generator

from ..i18n import translate
from .codes import CODES, ERROR
from .issues import Issue

BY_LIEU = "lieu"
BY_RULE = "rule"
LIEU, RULE, ACCEPTED = "lieu", "rule", "accepted"

LABEL, SEVERITY, FIELD, VALUE = range(4)  # columns of the view; VALUE shows "value → suggested fix"
SORT_SLICE = 4000  # see sorted_in_slices
STEP = 500  # lieux, groups or merged items between two looks at the clock of a stepped build


def _tr(text: str) -> str:
    return translate("IssuesModel", text)


def short(text: str, limit: int = 80) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def visible(text: str, limit: int = 60) -> str:
    """A value on one line, its leading/trailing spaces shown as ␣ (the "whitespace" issues are about them)."""
    text = text or ""
    core = text.strip()
    lead = len(text) - len(text.lstrip())
    trail = len(text) - len(text.rstrip())
    return "␣" * min(lead, 3) + short(core, limit) + "␣" * min(trail, 3)


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
    __slots__ = ("kind", "key", "items", "label", "errors", "warnings", "shown")

    def __init__(self, kind: str, key: Any, label: str):
        self.kind = kind
        self.key = key
        self.label = label
        self.items: list[Item] = []
        self.errors = 0
        self.warnings = 0
        self.shown = 0  # children handed to the view so far (fetchMore)

    def recount(self) -> None:
        self.errors = sum(1 for item in self.items if item.issue.severity == ERROR)
        self.warnings = len(self.items) - self.errors


Steps = Generator[None, None, Any]  # a computation that yields between steps and returns its result


def finish_steps(steps: Steps) -> Any:
    """Run a stepped computation to its end at once; its result."""
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            return stop.value


def sorted_in_steps(values: list, key: Callable) -> Steps:
    """``sorted(values, key=key)`` by slices merged by ``heapq.merge``, yielding between slices and every
    ``SORT_SLICE`` merged values. Stable like ``sorted``: equal keys keep their order."""
    if len(values) <= SORT_SLICE:
        return sorted(values, key=key)
    runs = []
    for start in range(0, len(values), SORT_SLICE):
        runs.append(sorted(values[start : start + SORT_SLICE], key=key))
        yield
    merged = []
    for count, value in enumerate(heapq.merge(*runs, key=key), 1):
        merged.append(value)
        if count % SORT_SLICE == 0:
            yield
    return merged


def sorted_in_slices(values: list, key: Callable) -> list:
    """``sorted(values, key=key)``, for a long list built in the full pass's task: Python's sort is one C call
    that holds the GIL throughout (~90 ms for 40,000 groups on a busy machine: QGIS's event loop waits), so
    slices are sorted and merged by ``heapq.merge``, a Python generator that lets the main thread run at each
    switch interval. Stable like ``sorted``: equal keys keep their order."""
    return finish_steps(sorted_in_steps(values, key))


def bisect_by(items: list, key, key_of: Callable) -> int:
    """Leftmost insertion point of ``key`` in ``items`` sorted by ``key_of`` (bisect's key= needs Python 3.10)."""
    low, high = 0, len(items)
    while low < high:
        middle = (low + high) // 2
        if key_of(items[middle]) < key:
            low = middle + 1
        else:
            high = middle
    return low


class Descending:
    """Inverts the order of a sort key (bisect needs ascending keys)."""

    __slots__ = ("key",)

    def __init__(self, key):
        self.key = key

    def __lt__(self, other):
        return other.key < self.key

    def __eq__(self, other):
        return self.key == other.key


class TreeRules:
    """How issues are filtered, grouped, labelled and sorted, for the settings ``group_by``, ``filters``,
    ``sort_column`` and ``sort_order`` of ``self`` (pure Python): the dock's model's own settings (those of the
    list it shows) or a :class:`TreeLayout` (a snapshot of settings asked for, being built). ``live`` is the
    source of the issues (:class:`~plugin.qgis.live_validation.LiveValidation` or one of its states)."""

    live: Any
    group_by: str
    filters: Filters
    sort_column: int
    sort_order: Any  # the view's value (Qt.SortOrder in the dock); descending when == descending_order
    descending_order: Any = "descending"
    _field_order: dict[str, int]

    # ── labels and sort keys ────────────────────────────────────────────────────────────────────────────

    def lieu_label(self, key: int, source=None) -> str:
        lieu_id, nom, commune = (source or self.live).lieu(key)
        label = " ".join(nom.split()) or lieu_id or _tr("Lieu {fid}").format(fid=key)
        commune = " ".join(commune.split())
        return f"{label} ({commune})" if commune else label

    def rule_title(self, code: str) -> str:
        entry = CODES.get(code)
        return entry.title if entry is not None else code

    def item_label(self, item: Item, source=None) -> str:
        if item.group is not None and item.group.kind == ACCEPTED:
            return f"{self.lieu_label(item.key, source)} — {self.rule_title(item.issue.code)}"
        if self.group_by == BY_RULE:
            return self.lieu_label(item.key, source)
        return self.rule_title(item.issue.code)

    def _item_key(self, item: Item, source=None):
        if item.sort_key is None:
            item.sort_key = self._compute_item_key(item, source)
        return item.sort_key

    def _compute_item_key(self, item: Item, source=None):
        issue = item.issue
        column = self.sort_column
        base = (issue.severity != ERROR, self._field_order.get(issue.field, 99), issue.code)
        if column == LABEL:
            key = (self.item_label(item, source).casefold(), base)
        elif column == FIELD:
            key = (self._field_order.get(issue.field, 99), base)
        elif column == VALUE:
            key = ((issue.value or "").casefold(), base)
        else:
            key = base
        key = (key, item.key)
        return Descending(key) if self.sort_order == self.descending_order else key

    def _group_key(self, group: Group):
        if self.sort_column == LABEL:
            key = (group.label.casefold(), str(group.key))
        else:
            key = (-group.errors, -(group.errors + group.warnings), group.label.casefold(), str(group.key))
        return Descending(key) if self.sort_order == self.descending_order else key

    # ── filtering ───────────────────────────────────────────────────────────────────────────────────────

    def _lieu_passes(self, key: int, source=None) -> bool:
        source = source or self.live
        filters = self.filters
        if filters.extent is not None:
            point = source.point(key)
            if point is None:
                return False
            xmin, ymin, xmax, ymax = filters.extent
            if not (xmin <= point[0] <= xmax and ymin <= point[1] <= ymax):
                return False
        if filters.text:
            lieu_id, nom, commune = source.lieu(key)
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

    def _items_of(self, key: int, source=None) -> tuple[list[Item], list[Item]]:
        """(open items, accepted items) of a lieu that pass the filters."""
        source = source or self.live
        if not self._lieu_passes(key, source):
            return [], []
        passes = self._issue_passes
        open_items = [Item(key, issue) for issue in source.open_issues(key) if passes(issue)]
        accepted = [Item(key, issue, acc) for issue, acc in source.accepted_issues(key) if passes(issue)]
        return open_items, accepted

    def _group_key_of(self, item: Item):
        return item.key if self.group_by == BY_LIEU else item.issue.code

    def _new_group(self, key, source=None) -> Group:
        if self.group_by == BY_LIEU:
            return Group(LIEU, key, self.lieu_label(key, source))
        return Group(RULE, key, self.rule_title(key))

    # ── building ────────────────────────────────────────────────────────────────────────────────────────

    def _settings(self) -> tuple:
        return (self.group_by, self.filters, self.sort_column, self.sort_order)

    def _build_steps(self, source) -> Steps:
        """The groups for ``source`` (a state), built in steps (see :func:`finish_steps`); returns (settings, groups,
        groups by key, groups of each lieu, accepted group). Pure Python: also run in the full pass's task."""
        settings = self._settings()
        by_key: dict = {}
        groups_of: dict[int, set] = {}
        accepted = Group(ACCEPTED, None, _tr("Accepted"))
        by_rule = self.group_by == BY_RULE

        def item_key(item):
            return self._item_key(item, source)

        try:
            for count, key in enumerate(list(source.keys()), 1):
                open_items, accepted_items = self._items_of(key, source)
                for item in open_items:
                    group_key = self._group_key_of(item)
                    group = by_key.get(group_key)
                    if group is None:
                        group = by_key[group_key] = self._new_group(group_key, source)
                    item.group = group
                    group.items.append(item)
                    item_key(item)  # computed (and kept) here, step by step, rather than inside a long sort
                    if by_rule:
                        groups_of.setdefault(key, set()).add(group_key)
                for item in accepted_items:
                    item.group = accepted
                    accepted.items.append(item)
                    item_key(item)
                if count % STEP == 0:
                    yield
            groups = list(by_key.values())
            for count, group in enumerate(groups, 1):
                group.items = yield from sorted_in_steps(group.items, item_key)
                group.recount()
                if count % STEP == 0:
                    yield
            groups = yield from sorted_in_steps(groups, self._group_key)
            accepted.items = yield from sorted_in_steps(accepted.items, item_key)
            accepted.recount()
        except GeneratorExit:  # dropped (a newer change): no item → group cycle left behind
            for group in by_key.values():
                unlink(group)
            unlink(accepted)
            raise
        return settings, groups, by_key, groups_of, (accepted if accepted.items else None)

    def _build(self, source) -> tuple:
        """The same, at once."""
        return finish_steps(self._build_steps(source))


class TreeLayout(TreeRules):
    """A snapshot of settings asked for (the model's may change while it is built)."""

    def __init__(self, live, field_order: dict, group_by: str, filters: Filters, sort_column: int, sort_order):
        self.live = live
        self._field_order = field_order
        self.group_by = group_by
        self.filters = filters
        self.sort_column = sort_column
        self.sort_order = sort_order


def unlink(group: Group) -> None:
    """Break the item → group links of a group the model dropped: the model's state stays free of reference
    cycles, freed by reference counting alone (the collector may be paused or the state frozen: gc_pause)."""
    for item in group.items:
        item.group = None


def one_field(group: Group) -> bool:
    first = group.items[0].issue.field
    return all(item.issue.field == first for item in group.items[:50])
