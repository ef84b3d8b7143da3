"""Live re-validation: only changed lieux and those whose uniqueness depends on them are re-checked."""

from plugin.core.validation import IncrementalValidator, validate_records
from plugin.core.validation.incremental import UniqueRule
from tests.unit.validation.helpers import VALID


def lieux(count):
    return {fid: dict(VALID, id=f"lieu-{fid}") for fid in range(count)}


def test_load_then_update_one_record(options):
    live = IncrementalValidator(options=options)
    delta = live.load(lieux(5))
    assert set(delta.changed) == set(range(5)) and all(issues == [] for issues in delta.changed.values())
    delta = live.update({3: dict(VALID, id="lieu-3", code_postal="4000")})
    assert list(delta.changed) == [3]
    (issue,) = delta.changed[3]
    assert (issue.row, issue.id, issue.field, issue.code, issue.suggestion) == (
        3, "lieu-3", "code_postal", "postal-code-format", "04000"
    )
    assert live.issues_for(3) == delta.changed[3]


def test_duplicate_ids_affect_the_other_records(options):
    live = IncrementalValidator(options=options)
    live.load(lieux(4))
    delta = live.update({2: dict(VALID, id="lieu-0")})
    assert set(delta.changed) == {0, 2}
    assert [i.code for i in delta.changed[0]] == ["unique"] and [i.code for i in delta.changed[2]] == ["unique"]
    delta = live.update({3: dict(VALID, id="lieu-0")})
    assert set(delta.changed) == {0, 2, 3}
    assert "3 lieux" in delta.changed[0][0].message
    delta = live.update(deleted=[0])
    assert delta.deleted == {0} and set(delta.changed) == {2, 3}
    delta = live.update({2: dict(VALID, id="lieu-2")})
    assert set(delta.changed) == {2, 3} and delta.changed[3] == [] and delta.changed[2] == []


def test_added_records_and_unknown_deletions(options):
    live = IncrementalValidator(options=options)
    live.load(lieux(2))
    delta = live.update({-1: dict(VALID, id="", nom="")})  # a new feature (negative fid in the edit buffer)
    assert {i.code for i in delta.changed[-1]} == {"required"}
    assert live.update(deleted=[99]).keys == set()
    assert len(live) == 3


def test_live_state_equals_a_full_pass(options):
    records = lieux(30)
    live = IncrementalValidator(options=options)
    live.load(records)
    edits = {4: dict(VALID, id="lieu-7", telephone="01 80 05 98 80"), 9: dict(VALID, id="lieu-9", nom=" x"),
             7: dict(VALID, id="lieu-7", latitude="0", longitude="0")}
    live.update(edits, deleted=[12, 13])
    records.update(edits)
    del records[12], records[13]
    keys = list(records)
    full = validate_records([records[k] for k in keys], options=options, row_numbers=keys)
    assert sorted(live.issues(), key=repr) == sorted(full.issues, key=repr)
    assert live.report().errors == full.errors


class SameNameRule:
    """A toy cross-record rule (the dock's duplicate detector plugs in the same way)."""

    def __init__(self, unique_rule):
        self.inner = unique_rule

    def reset(self, records):
        self.inner.reset(records)

    def update(self, changed, deleted):
        return self.inner.update(changed, deleted)

    def issues(self, key):
        return self.inner.issues(key)


def test_extra_cross_record_rules_plug_in(options):
    live = IncrementalValidator(options=options)
    name_rule = SameNameRule(UniqueRule(live.validator, "nom"))
    live = IncrementalValidator(options=options, cross_rules=[name_rule])
    live.load({1: dict(VALID, id="a"), 2: dict(VALID, id="b", nom="Autre")})
    delta = live.update({2: dict(VALID, id="b")})
    assert set(delta.changed) == {1, 2}
    assert [(i.field, i.code) for i in delta.changed[1]] == [("nom", "unique")]
