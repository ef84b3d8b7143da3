"""The issues tree model under Qt's own model checker: batches handed to the view, live replacements of
lieux shown or not yet shown, groups appearing and disappearing, accepted issues, sorting and filters."""

from __future__ import annotations

import random

import pytest
from qgis.PyQt.QtCore import QCoreApplication, QModelIndex, QObject, Qt, pyqtSignal, qInstallMessageHandler
from qgis.PyQt.QtTest import QAbstractItemModelTester
from qgis.PyQt.QtWidgets import QTreeView

from plugin.core.acceptances import Acceptance
from plugin.core.schema import load_schema
from plugin.core.validation import Issue
from plugin.gui.issues_model import BY_RULE, LABEL, Filters, IssuesModel
from plugin.qgis.live_validation import LiveState

CODES = ["phone-format", "date-old", "whitespace", "postal-code-format"]


class FakeLive(QObject):
    """The interface of LiveValidation the model reads, over a LiveState the test edits."""

    reset = pyqtSignal()
    lieuxChanged = pyqtSignal(object)

    def __init__(self):
        super().__init__()
        self.schema = load_schema()
        self.state = LiveState()
        self.ready = True
        self.preparations, self.prepared = {}, {}

    def add_preparation(self, name, function):
        self.preparations[name] = function

    def __getattr__(self, name):
        return getattr(self.__dict__["state"], name)

    def all_open(self):
        for key, issues in self.state.open.items():
            for issue in issues:
                yield key, issue

    def set_lieu(self, key: int, codes: list[str], accepted: list[str] = ()):
        def issue(code):
            severity = "error" if code in ("phone-format", "postal-code-format") else "warning"
            return Issue(key, f"id-{key}", "telephone", code, severity, code, f"v{key}", None)

        open_issues = [issue(code) for code in codes]
        accepted_items = [(issue(code), Acceptance(key, f"id-{key}", code, "telephone", f"v{key}", "ok"))
                          for code in accepted]
        self.state.store(key, open_issues, accepted_items, (4.0 + key / 1000, 49.0), (f"id-{key}", f"Lieu {key}",
                                                                                     "Reims"))


@pytest.fixture(autouse=True)
def small_batches(monkeypatch):
    """Batches of 20 rows: the same code paths as 400 with few enough rows for Qt's checker to stay quick."""
    import plugin.gui.issues_model as issues_model

    monkeypatch.setattr(issues_model, "BATCH", 20)
    return 20


@pytest.fixture()
def checked(qgis_app):
    warnings = []

    def handler(_mode, _context, message):
        warnings.append(message)

    previous = qInstallMessageHandler(handler)
    yield warnings
    qInstallMessageHandler(previous)


def make(count: int, seed: int = 1, tester: bool = True):
    rng = random.Random(seed)
    live = FakeLive()
    for key in range(1, count + 1):
        live.set_lieu(key, rng.sample(CODES, rng.randint(1, 3)))
    model = IssuesModel(live)
    # Qt's checker validates every signal against the model's answers (it fetches every batch itself)
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning) if tester else None
    view = QTreeView()
    view.setModel(model)
    view.resize(500, 400)
    view.show()
    model.rebuild()
    return live, model, view, tester


def test_rows_are_handed_to_the_view_in_batches(checked, small_batches):
    batch = small_batches
    live, model, view, _tester = make(batch * 2 + 5, tester=False)
    assert model.rowCount() == batch and len(model.groups) == batch * 2 + 5
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == batch * 2
    model.fetch_all()
    assert model.rowCount() == len(model.groups)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    assert not [w for w in checked if "FAIL" in w or "ASSERT" in w], checked


@pytest.mark.parametrize("with_checker", [True, False], ids=["checked", "rows-not-fetched"])
def test_live_replacements_shown_and_not_shown(checked, with_checker):
    """With Qt's checker (which fetches every row) and without (most rows never handed to the view)."""
    live, model, view, _tester = make(45, seed=2, tester=with_checker)
    view.expand(model.index(0, 0))
    rng = random.Random(5)
    keys = list(live.state.keys())
    for step in range(80):
        key = rng.choice(keys)
        if step % 7 == 0:
            live.state.forget(key)  # deleted
        else:
            live.set_lieu(key, rng.sample(CODES, rng.randint(0, 3)), accepted=["date-old"] if step % 5 == 0 else [])
        model.update_lieux({key})
        if step == 60:
            model.set_group_by(BY_RULE)
            view.expand(model.index(1, 0))
    # the model now holds exactly what a fresh build gives
    expected = {(key, issue.code) for key, issues in live.state.open.items() for issue in issues}
    held = {(item.key, item.issue.code) for group in model.groups if group.kind != "accepted" for item in group.items}
    assert held == expected
    accepted = {(key, issue.code) for key, items in live.state.accepted.items() for issue, _ in items}
    assert {(item.key, item.issue.code) for item in (model.accepted.items if model.accepted else [])} == accepted
    assert not [w for w in checked if "FAIL" in w or "ASSERT" in w], checked


def test_sort_and_filters(checked):
    live, model, view, _tester = make(60, seed=3)
    model.set_group_by(BY_RULE)
    model.sort(LABEL, Qt.SortOrder.AscendingOrder)
    titles = [group.label for group in model.groups]
    assert titles == sorted(titles, key=str.casefold)
    first = model.groups[0]
    names = [model.item_label(item) for item in first.items]
    assert names == sorted(names, key=str.casefold)
    model.sort(LABEL, Qt.SortOrder.DescendingOrder)
    assert [group.label for group in model.groups] == sorted(titles, key=str.casefold, reverse=True)
    model.set_filters(Filters(severity="error"))
    assert {item.issue.severity for group in model.groups for item in group.items} == {"error"}
    model.set_filters(Filters(extent=(4.0, 48.0, 4.0105, 50.0)))  # lieux 1..10
    assert {item.key for group in model.groups for item in group.items} <= set(range(1, 11))
    model.set_filters(Filters(text="Lieu 42"))
    assert {item.key for group in model.groups for item in group.items} == {42}
    assert not [w for w in checked if "FAIL" in w or "ASSERT" in w], checked


@pytest.mark.parametrize("group_by", ["lieu", "rule"])
@pytest.mark.parametrize(
    "order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder], ids=["ascending", "descending"]
)
def test_long_lists_sorted_in_slices_as_by_one_sort(checked, monkeypatch, group_by, order):
    """The full pass sorts long lists by slices merged in Python (the main thread keeps the GIL's turns): the
    groups and their items come out exactly as one ``sorted`` puts them, ties included."""
    import plugin.core.validation.issues_tree as issues_tree
    import plugin.gui.issues_model as issues_model

    live, model, _view, _tester = make(300, seed=5, tester=False)
    model.group_by, model.sort_column, model.sort_order = group_by, issues_model.SEVERITY, order

    def layout():
        model.rebuild()
        return [(group.key, [(item.key, item.issue.code) for item in group.items]) for group in model.groups]

    whole = layout()
    monkeypatch.setattr(issues_tree, "SORT_SLICE", 7)
    assert layout() == whole
    assert sum(len(items) for _key, items in whole) == sum(len(issues) for issues in live.state.open.values())


def test_sorted_in_slices_is_sorted():
    from plugin.core.validation.issues_tree import Descending, sorted_in_slices

    rng = random.Random(2)
    values = [(rng.randint(0, 20), number) for number in range(20_000)]
    assert sorted_in_slices(values, lambda value: value[0]) == sorted(values, key=lambda value: value[0])
    descending = sorted_in_slices(values, lambda value: Descending(value[0]))
    assert descending == sorted(values, key=lambda value: Descending(value[0]))


def shape(model):
    """Everything the view shows of the model's list: groups and items, in order."""
    return [
        (group.kind, group.key, group.label, group.errors, group.warnings,
         [(item.key, item.issue.code, item.accepted, model.item_label(item)) for item in group.items])
        for group in model.groups
    ]


def settle(model, timeout: float = 30.0) -> int:
    """Turns of the event loop until the model's build in steps is over; how many it took."""
    import time

    turns, deadline = 0, time.monotonic() + timeout
    while model.building:
        assert time.monotonic() < deadline, "the build never ends"
        QCoreApplication.processEvents()
        turns += 1
    return turns


@pytest.fixture()
def stepped(monkeypatch):
    """Every rebuild in steps, small ones (one per turn of the event loop), slices of 7 for the sorts."""
    import plugin.core.validation.issues_tree as issues_tree
    import plugin.gui.issues_model as issues_model

    monkeypatch.setattr(issues_model, "STEPPED_FROM", 0)
    monkeypatch.setattr(issues_tree, "STEP", 3)
    monkeypatch.setattr(issues_tree, "SORT_SLICE", 7)
    monkeypatch.setattr(issues_model, "BUDGET", 0.0)
    return issues_model


def fresh_shape(live, group_by, filters, column, order, monkeypatch):
    """The list a model built at once (no steps) shows for these settings."""
    import plugin.gui.issues_model as issues_model

    with monkeypatch.context() as patch:
        patch.setattr(issues_model, "STEPPED_FROM", 10**9)
        model = IssuesModel(live)
        model.group_by, model.filters, model.sort_column, model.sort_order = group_by, filters, column, order
        model.rebuild()
        result = shape(model)
        model.detach()
    return result


@pytest.mark.parametrize("group_by", ["lieu", "rule"])
@pytest.mark.parametrize("column", [LABEL, 1], ids=["label", "severity"])
@pytest.mark.parametrize(
    "order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder], ids=["ascending", "descending"]
)
def test_a_rebuild_in_steps_shows_the_same_list(checked, stepped, monkeypatch, group_by, column, order):
    live, model, view, _tester = make(120, seed=7)
    view.setModel(None)  # a view laid out by the event loop fetches rows inside the checker's checks (nested
    # inserts the checker misreads, whatever the build): the checker alone here, the dock's tests have the view
    settle(model)
    for key in (3, 9, 40):
        live.set_lieu(key, ["whitespace"], accepted=["date-old"])
    model.update_lieux({3, 9, 40})
    before = shape(model)
    model.set_group_by(group_by)
    model.sort(column, order)
    if (group_by, column, order) != ("lieu", 1, Qt.SortOrder.AscendingOrder):  # else nothing changed (the edited lieux
        # kept their places: not the order of a fresh build)
        assert shape(model) == before  # the previous list stays shown while the new one is built
        assert settle(model) > 5  # built across many turns of the event loop
        assert shape(model) == fresh_shape(live, group_by, Filters(), column, order, monkeypatch)
    model.set_filters(Filters(severity="error", text="Lieu 1"))
    assert settle(model) > 5
    assert shape(model) == fresh_shape(live, group_by, Filters(severity="error", text="Lieu 1"), column, order,
                                       monkeypatch)
    assert not [w for w in checked if "FAIL" in w or "ASSERT" in w], checked


def test_rapid_changes_the_last_one_wins(checked, stepped, monkeypatch):
    """Grouping, filter and sort changed in quick succession: the builds under way are dropped (no list but the
    last one is shown, nothing of theirs left for the collector), lieux edited meanwhile are up to date."""
    import gc

    live, model, view, _tester = make(150, seed=8)
    view.setModel(None)
    settle(model)
    resets = []
    model.modelReset.connect(lambda: resets.append(model.group_by))
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        model.set_group_by(BY_RULE)
        for _turn in range(4):
            QCoreApplication.processEvents()
        assert model.building and model.group_by == "lieu"  # still the previous list
        model.set_filters(Filters(severity="warning"))  # drops the regrouping under way, keeps its grouping
        QCoreApplication.processEvents()
        live.set_lieu(12, ["date-old", "whitespace"])  # an edit meanwhile
        model.update_lieux({12})
        live.state.forget(20)
        model.update_lieux({20})
        model.sort(LABEL, Qt.SortOrder.DescendingOrder)
        settle(model)
        shown = shape(model)
        model.detach()  # unlinks the list shown: only the dropped builds could leave cycles
        gc.collect()
        kinds = {type(each).__name__ for each in gc.garbage}
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert not kinds & {"Item", "Group"}
    assert resets == ["rule"]  # one list swapped in: the last asked for
    expected = fresh_shape(live, BY_RULE, Filters(severity="warning"), LABEL, Qt.SortOrder.DescendingOrder, monkeypatch)
    assert any(item[0] == 12 for group in expected for item in group[5])
    assert not any(item[0] == 20 for group in expected for item in group[5])
    assert shown == expected
    assert not [w for w in checked if "FAIL" in w or "ASSERT" in w], checked


def test_the_model_answers_qt_even_when_its_data_is_broken(monkeypatch):
    """An exception in data()/parent() would abort QGIS from C++: the model logs it and answers empty."""
    _live, model, _view, _tester = make(3, tester=False)

    def broken(*_args):
        raise RuntimeError("broken")

    monkeypatch.setattr(model, "node", broken)
    assert model.data(model.index(0, 0)) is None
    monkeypatch.setattr(model, "_group_row", broken)
    assert not model.parent(model.index(0, 0, model.index(0, 0))).isValid()
