"""The validation dock's tree of issues without Qt (plugin.core.validation.issues_tree): grouping, filters,
sort order, the Accepted group, and the build in steps giving the same tree as the build at once."""

from __future__ import annotations

import pytest

from plugin.core.schema import load_schema
from plugin.core.validation import Issue
from plugin.core.validation import issues_tree as tree
from plugin.core.validation.issues_tree import BY_LIEU, BY_RULE, LABEL, SEVERITY, Filters, TreeLayout


class Source:
    """What the tree reads of a live validation: the lieux, their open and accepted issues, their points."""

    def __init__(self):
        self.lieux = {1: ("l1", "Médiathèque", "Arles"), 2: ("l2", "Espace", "Nice"), 3: ("l3", "", "Gap")}
        self.points = {1: (4.6, 43.7), 2: (7.3, 43.7), 3: None}
        issue = lambda key, field, code, severity: Issue(key, self.lieux[key][0], field, code, severity, "", "", None)  # noqa: E731
        self.open = {
            1: [issue(1, "telephone", "invalid-phone", "warning"), issue(1, "nom", "required", "error")],
            2: [issue(2, "telephone", "invalid-phone", "warning")],
            3: [issue(3, "nom", "required", "error")],
        }
        self.accepted = {2: [(issue(2, "courriels", "invalid-email", "warning"), "vérifié")]}

    def keys(self):
        return list(self.lieux)

    def lieu(self, key):
        return self.lieux[key]

    def point(self, key):
        return self.points[key]

    def open_issues(self, key):
        return self.open.get(key, [])

    def accepted_issues(self, key):
        return self.accepted.get(key, [])


def layout(group_by=BY_LIEU, filters=None, column=SEVERITY, order="ascending"):
    order_of = {name: i for i, name in enumerate(load_schema().field_names)}
    return TreeLayout(Source(), order_of, group_by, filters or Filters(), column, order)


def shape(built):
    _settings, groups, _by_key, _groups_of, accepted = built
    return [(g.key, g.label, g.errors, g.warnings, [(i.key, i.issue.code) for i in g.items]) for g in groups], (
        [(i.key, i.issue.code) for i in accepted.items] if accepted else None
    )


def test_by_lieu_errors_first_and_accepted_apart():
    groups, accepted = shape(layout()._build(Source()))
    assert groups == [
        (1, "Médiathèque (Arles)", 1, 1, [(1, "required"), (1, "invalid-phone")]),
        (3, "l3 (Gap)", 1, 0, [(3, "required")]),  # no nom: the id names the lieu
        (2, "Espace (Nice)", 0, 1, [(2, "invalid-phone")]),
    ]
    assert accepted == [(2, "invalid-email")]


def test_by_rule_descending_label_and_filters():
    groups, _ = shape(layout(BY_RULE, column=LABEL, order="descending")._build(Source()))
    assert sorted(key for key, *_ in groups) == ["invalid-phone", "required"]
    assert [label for _, label, *_ in groups] == sorted((label for _, label, *_ in groups), key=str.casefold,
                                                         reverse=True)
    extent = shape(layout(filters=Filters(extent=(4.0, 43.0, 5.0, 44.0)))._build(Source()))[0]
    assert [key for key, *_ in extent] == [1]  # Nice is outside, Gap has no point
    text = shape(layout(filters=Filters(text="nice", severity="warning"))._build(Source()))[0]
    assert text == [(2, "Espace (Nice)", 0, 1, [(2, "invalid-phone")])]


@pytest.mark.parametrize("group_by", [BY_LIEU, BY_RULE])
def test_the_build_in_steps_gives_the_build_at_once(monkeypatch, group_by):
    at_once = shape(layout(group_by)._build(Source()))
    monkeypatch.setattr(tree, "STEP", 1)
    monkeypatch.setattr(tree, "SORT_SLICE", 1)
    steps = layout(group_by)._build_steps(Source())
    turns = 0
    while True:
        try:
            next(steps)
            turns += 1
        except StopIteration as stop:
            built = stop.value
            break
    assert turns > 3 and shape(built) == at_once
