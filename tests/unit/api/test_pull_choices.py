"""Pure decisions of the pull dialog: territory search, conflicts and what a merge applies, chunked JSON."""

from __future__ import annotations

import json

import pytest

from plugin.api import json_chunks
from plugin.api.connectors import PullResult
from plugin.api.pull import (
    KEEP_LOCAL,
    TAKE_REMOTE,
    confirmed_entries,
    conflicts_of,
    plan_merge,
    resolve_merge,
    same_record,
    sync_entries,
)
from plugin.api.territory import (
    COMMUNE,
    DEPARTEMENT,
    EPCI,
    TerritoryChoice,
    TerritorySearch,
    default_search,
    resolve_territory,
    territory_code,
)
from plugin.core.converters.common import Converted

FIELDS = ("id", "pivot", "nom", "commune", "code_insee", "latitude", "longitude", "horaires", "date_maj")
CARRIED = ("pivot", "nom", "commune", "code_insee", "latitude", "longitude", "horaires", "date_maj")


def lieu(ident: str, **values) -> dict[str, str]:
    record = {name: "" for name in FIELDS}
    record.update(id=ident, pivot="12345678900011", nom=f"Lieu {ident}", commune="Marseille", code_insee="13055",
                  latitude="43.3", longitude="5.4", date_maj="2024-01-01")
    record.update(values)
    return record


def converted(record: dict[str, str]) -> Converted:
    return Converted(dict(record), "carto", "r-" + record["id"], record["date_maj"])


# ------------------------------------------------------------------ territory


def test_territory_code_of_labels_and_typed_codes():
    assert territory_code("13 — Bouches-du-Rhône") == "13"
    assert territory_code("Marseille (13055)") == "13055"
    assert territory_code("Ajaccio (2A004)") == "2A004"
    assert territory_code("Métropole d'Aix-Marseille-Provence (200054807)") == "200054807"
    assert territory_code(" 2a ") == "2A"
    assert territory_code("974") == "974"


def test_search_ranks_prefix_first_ignores_accents_and_resolves():
    search = default_search()
    labels = [c.label for c in search.search("bouches du rhone")]
    assert labels[0] == "13 — Bouches-du-Rhône"
    marseille = search.search("marseille", limit=5)
    assert marseille[0].label == "Marseille (13055)" and marseille[0].kind == COMMUNE
    epci = search.search("metropole d aix")
    assert epci and epci[0].kind == EPCI and epci[0].code == "200054807"
    # every label a user can pick resolves to its territory
    for choice in (labels and search.search("bouches")[0], marseille[0], epci[0]):
        territory = resolve_territory(territory_code(choice.label))
        assert (territory.kind, territory.code) == (choice.kind, choice.code)
    assert search.choice_of("2a").label == "2A — Corse-du-Sud"
    assert search.search("   ") == []


def test_search_limit_and_order_on_given_choices():
    choices = [TerritoryChoice(DEPARTEMENT, "01", "01 — Ain"), TerritoryChoice(COMMUNE, "01053", "Bourg (01053)"),
               TerritoryChoice(COMMUNE, "02001", "Ainay (02001)"), TerritoryChoice(COMMUNE, "03001", "Vain (03001)")]
    search = TerritorySearch(choices)
    assert [c.code for c in search.search("ain")] == ["02001", "01", "03001"]  # prefix, word, inside
    assert len(search.search("0", limit=2)) == 2


# ------------------------------------------------------------------ merge decisions


@pytest.fixture
def merge_case():
    base = [lieu("a"), lieu("b"), lieu("c"), lieu("d")]
    pulled_records = [
        lieu("a", horaires="Mo 09:00-12:00"),  # remote changed, local untouched → updated
        lieu("b", horaires="Tu 09:00-12:00"),  # remote changed, local edited since the pull → conflict
        lieu("c"),  # unchanged
        lieu("d", nom="Nouveau nom"),  # remote changed, local has an unsaved edit → conflict
        lieu("e", pivot="00000000000000", latitude="44.0"),  # new → added
    ]
    result = PullResult("carto", None, [converted(r) for r in pulled_records])
    entries = {e.lieu_id: e for e in sync_entries(PullResult("carto", None, [converted(r) for r in base]), CARRIED)}
    local = [dict(base[0]), dict(base[1], horaires="Sa 10:00-11:00"), dict(base[2]), dict(base[3], commune="MRS")]
    plan = plan_merge(local, result.lieux, entries, dirty_ids={"d"})
    return local, result, plan


def test_conflicts_list_field_differences_side_by_side(merge_case):
    local, _result, plan = merge_case
    conflicts = conflicts_of(plan, local, FIELDS)
    assert [c.lieu_id for c in conflicts] == ["b", "d"]
    assert conflicts[0].differences == [("horaires", "Sa 10:00-11:00", "Tu 09:00-12:00")]
    assert conflicts[1].differences == [("nom", "Lieu d", "Nouveau nom"), ("commune", "MRS", "Marseille")]


def test_resolve_merge_applies_only_what_was_chosen(merge_case):
    local, result, plan = merge_case
    changes = resolve_merge(plan, local, result, CARRIED, {"b": TAKE_REMOTE})
    assert [r["id"] for r in changes.added] == ["e"]
    assert set(changes.updated) == {"a", "b"} and changes.updated["b"]["horaires"] == "Tu 09:00-12:00"
    assert changes.kept_local == ["d"] and changes.taken_remote == ["b"]  # no choice → the local version stays
    assert changes.unchanged == 1
    assert {e.lieu_id for e in changes.entries} == {"a", "b", "c", "d", "e"}
    kept = resolve_merge(plan, local, result, CARRIED, {"b": KEEP_LOCAL, "d": KEEP_LOCAL})
    assert set(kept.updated) == {"a"} and kept.kept_local == ["b", "d"]


def test_sync_rows_recorded_only_for_what_was_saved(merge_case):
    local, result, plan = merge_case
    changes = resolve_merge(plan, local, result, CARRIED, {"b": TAKE_REMOTE})
    saved = {"a": dict(changes.updated["a"], latitude="43.300000"), "b": dict(local[1]),  # b's merge undone
             "c": local[2], "d": local[3], "e": changes.added[0]}
    recorded = {e.lieu_id for e in confirmed_entries(changes, saved)}
    assert recorded == {"a", "c", "d", "e"}
    del saved["e"]  # the added lieu was not saved
    assert {e.lieu_id for e in confirmed_entries(changes, saved)} == {"a", "c", "d"}


@pytest.fixture
def deleted_case():
    """f and g deleted here without saving, h and i deleted and saved (their sync rows remain)."""
    base = [lieu(x) for x in "afghi"]
    entries = {e.lieu_id: e for e in sync_entries(PullResult("carto", None, [converted(r) for r in base]), CARRIED)}
    local = [dict(base[0])]
    deleted = {"f": dict(base[1], nom="Nom local"), "g": dict(base[2])}
    pulled_records = [
        lieu("a"),
        lieu("f", horaires="Mo 09:00-12:00"),  # remote changed → conflict, local side "deleted here"
        lieu("g"),  # remote unchanged since the last pull → the deletion stays, silently
        lieu("h", nom="Renommé à la source"),  # remote changed → conflict
        lieu("i"),  # remote unchanged → stays deleted
    ]
    result = PullResult("carto", None, [converted(r) for r in pulled_records])
    return local, result, plan_merge(local, result.lieux, entries, deleted=deleted)


def test_a_lieu_deleted_here_is_a_local_edit(deleted_case):
    local, result, plan = deleted_case
    assert plan.added == [] and plan.updated == [] and plan.conflicts == []
    assert [(record["id"], lieu.id) for record, lieu in plan.deleted_conflicts] == [("f", "f"), ("h", "h")]
    assert plan.unchanged == 3  # a, and the deletions of g and i the remote does not contradict
    conflicts = conflicts_of(plan, local, FIELDS)
    assert [(c.lieu_id, c.deleted, c.index) for c in conflicts] == [("f", True, -1), ("h", True, -1)]
    assert conflicts[0].nom == "Nom local"  # the last local version names it
    # every non-empty remote field, nothing on the local side
    assert [name for name, _, _ in conflicts[1].differences] == [n for n in FIELDS if n != "horaires"]
    assert ("nom", "", "Renommé à la source") in conflicts[1].differences
    assert all(local_value == "" for _, local_value, _ in conflicts[0].differences)


def test_a_lieu_deleted_here_stays_deleted_unless_taken_back(deleted_case):
    local, result, plan = deleted_case
    kept = resolve_merge(plan, local, result, CARRIED, {})
    assert kept.added == [] and kept.updated == {} and kept.kept_local == ["f", "h"]
    # their sync rows stay (now at the remote version): the next pull keeps them deleted without asking
    assert {e.lieu_id for e in confirmed_entries(kept, {"a": local[0]})} == set("afghi")
    again = plan_merge(local, result.lieux, {e.lieu_id: e for e in kept.entries}, deleted={})
    assert again.deleted_conflicts == [] and again.added == [] and again.unchanged == 5
    taken = resolve_merge(plan, local, result, CARRIED, {"h": TAKE_REMOTE})
    assert [r["id"] for r in taken.added] == ["h"] and taken.added[0]["nom"] == "Renommé à la source"
    assert taken.taken_remote == ["h"] and taken.kept_local == ["f"]


def test_a_lieu_deleted_here_is_found_by_its_remote_id():
    base = lieu("x")
    entries = {e.lieu_id: e for e in sync_entries(PullResult("carto", None, [converted(base)]), CARRIED,
                                                  {"r-x": "mon-id"})}
    pulled = converted(lieu("x", nom="Changé"))
    plan = plan_merge([], [pulled], entries)
    assert [record["id"] for record, _ in plan.deleted_conflicts] == ["mon-id"]
    assert plan.matched_ids == {"r-x": "mon-id"}
    assert plan_merge([], [pulled], {}).added == [pulled]  # never pulled, never deleted: added


def test_same_record_compares_coordinates_as_numbers():
    assert same_record({"latitude": "43.3", "nom": "x"}, {"latitude": "43.300000", "nom": "x"})
    assert not same_record({"latitude": "43.3"}, {"latitude": "43.31"})
    assert not same_record({"nom": "x"}, {"nom": "y"})


# ------------------------------------------------------------------ JSON decoded in chunks


def test_chunked_json_equals_json_loads_and_pauses():
    page = {"items": [{"id": i, "nom": "Lieu é \"q\"", "l": [1, 2.5, None, True], "o": {"a": []}}
                      for i in range(6000)], "total": 6000, "page": 1, "size": 6000, "pages": 1}
    for body in (json.dumps(page).encode(), json.dumps(page, indent=1).encode(), json.dumps(page["items"])):
        pauses = []
        assert json_chunks.loads(body, pause=pauses.append, chunk=4096) == json.loads(body)
        assert len(pauses) > 10
    assert json_chunks.loads(b'{"a": 1}') == {"a": 1}


@pytest.mark.parametrize("damage", [lambda b: b[:-3], lambda b: b + b"]", lambda b: b.replace(b":", b"=", 1),
                                    lambda b: b.replace(b"},", b"} ", 1)])
def test_chunked_json_raises_like_json_loads(damage):
    body = damage(json.dumps({"items": [{"id": i, "x": "y" * 50} for i in range(5000)]}).encode())
    with pytest.raises(json.JSONDecodeError):
        json.loads(body)
    with pytest.raises(json.JSONDecodeError):
        json_chunks.loads(body, pause=lambda _s: None)
