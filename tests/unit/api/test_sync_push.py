"""Pull → edit → push → pull again, headless, against the fake server; conflicts, faults, journal, canary."""

from __future__ import annotations

import json

import pytest

from plugin.api import errors
from plugin.api.connectors import make_connector
from plugin.api.pull import plan_merge, sync_entries
from plugin.api.push import (
    ACCEPTED,
    CONFLICT,
    DRY_RUN,
    FAILED,
    INVALID,
    PENDING,
    REJECTED,
    CartographieV0Target,
    DoraStructureTarget,
    PlanChangedError,
    confirm_shown_plan,
    plan_push,
    run_push,
)
from plugin.api.territory import Territory
from plugin.core.sync import JOURNAL_TABLE, SyncStore
from tests.fakeapi.data import carto_dataset

from .conftest import CANARY

DEP13 = Territory("departement", "13")


@pytest.fixture
def fresh_carto(fake):
    fake.set_carto(carto_dataset(32))
    fake.v0.clear()
    fake.patches.clear()
    return fake


@pytest.fixture
def session(fresh_carto, carto_client, make_client, tmp_path):
    """A pulled 'working layer' (records) with its sync store, plus the push target and connectors."""
    connector = make_connector("carto", carto_client, page_size=10)
    result = connector.pull(DEP13)
    store = SyncStore(tmp_path / "travail.gpkg")
    store.record_pull(sync_entries(result, connector.carried_fields))
    push_client = make_client("/api/v0", "x-api-key", fresh_carto.tokens["push"], name="Cartographie (écriture)")
    target = CartographieV0Target(push_client, batch_size=2)

    class Session:
        records = [dict(lieu.record) for lieu in result.lieux]

        def push(self, dry_run=False, records=None):
            report = plan_push(records or self.records, store, target.key, dry_run=dry_run)
            return run_push(report, target, store, {"carto": connector}, batch_size=2)

        def pull(self):
            return {lieu.record["id"]: lieu.record for lieu in connector.pull(DEP13).lieux}

    s = Session()
    s.store, s.target, s.connector, s.fake, s.path = store, target, connector, fresh_carto, tmp_path / "travail.gpkg"
    return s


def test_pull_edit_push_pull_again_shows_the_edit(session):
    lieu = session.records[0]
    lieu["nom"] = "Médiathèque rénovée"
    lieu["services"] = "Aide aux démarches administratives"
    report = session.push()
    assert [i.status for i in report.items] == [ACCEPTED]
    assert {(c.field, c.after) for c in report.items[0].changes} == {
        ("nom", "Médiathèque rénovée"), ("services", "Aide aux démarches administratives")}
    patch = session.fake.requests_to("/api/v0/lieux-inclusion-numerique")[0]
    assert patch["method"] == "PATCH" and patch["headers"]["x-api-key"] == session.fake.tokens["push"]
    sent = json.loads(patch["body"])
    assert sent[0]["nom"] == "Médiathèque rénovée" and "structure_parente" not in sent[0]  # empty left out
    again = session.pull()[lieu["id"]]
    assert again["nom"] == "Médiathèque rénovée" and again["services"] == "Aide aux démarches administratives"
    journal = session.store.journal_rows(lieu["id"])
    assert [row.status for row in journal] == [ACCEPTED] and journal[0].after["nom"] == "Médiathèque rénovée"
    assert journal[0].before["nom"] != "Médiathèque rénovée" and journal[0].http_status == 200


def test_pushing_twice_sends_nothing_the_second_time(session):
    session.records[1]["horaires"] = "Mo-Fr 09:00-17:00"
    assert session.push().counts()[ACCEPTED] == 1
    second = session.push()
    assert second.items == [] and second.unchanged == len(session.records)
    assert len(session.fake.patches) == 1
    session.records[1]["horaires"] = "Mo-Sa 09:00-17:00"  # a later edit is pushed without a false conflict
    assert [i.status for i in session.push().items] == [ACCEPTED]


def test_created_lieu_is_sent_then_known(session):
    new = dict(session.records[0], id="nouveau-lieu-1", nom="Nouveau lieu", pivot="43493312300029")
    report = session.push(records=[*session.records, new])
    assert report.items[0].created and report.items[0].status == ACCEPTED
    assert "nouveau-lieu-1" in session.pull()
    assert session.push(records=[*session.records, new]).items == []


def test_dry_run_sends_nothing(session):
    session.records[2]["nom"] = "Autre nom"
    report = session.push(dry_run=True)
    assert [i.status for i in report.items] == [DRY_RUN] and session.fake.patches == []
    assert "Autre nom" in json.dumps(report.to_dict(), ensure_ascii=False)


def test_conflict_is_held_back_with_the_remote_version(session):
    lieu = session.records[3]
    remote = session.fake.carto[lieu["id"]]
    remote.update(nom="Changé par la Coop", date_maj="2026-01-05T10:00:00Z")
    lieu["nom"] = "Changé localement"
    report = session.push()
    item = report.items[0]
    assert item.status == CONFLICT and session.fake.patches == []
    assert item.remote["nom"] == "Changé par la Coop"
    assert ("nom", "Changé par la Coop", "Changé localement") in {
        (c.field, c.before, c.after) for c in item.remote_differences()}
    assert session.fake.carto[lieu["id"]]["nom"] == "Changé par la Coop"  # nobody's edit overwritten


def test_a_send_sends_what_the_preview_showed_and_only_that(session):
    shown_lieu, conflicting = session.records[4], session.records[5]
    shown_lieu["nom"] = "Montré dans l'aperçu"
    conflicting["nom"] = "Changé localement"
    session.fake.carto[conflicting["id"]].update(nom="Changé à distance", date_maj="2026-01-05T10:00:00Z")
    shown = session.push(dry_run=True)
    assert [i.status for i in shown.items] == [DRY_RUN, CONFLICT]

    shown_lieu["nom"] = "Jamais montré"  # the layer changes after the preview: nothing is sent
    with pytest.raises(PlanChangedError) as info:
        confirm_shown_plan(shown, plan_push(session.records, session.store, session.target.key))
    assert info.value.lieu_ids == [shown_lieu["id"]] and shown_lieu["id"] in info.value.message

    shown_lieu["nom"] = "Montré dans l'aperçu"
    session.fake.carto[conflicting["id"]].update(nom="Changé localement")  # the remote agrees now…
    fresh = confirm_shown_plan(shown, plan_push(session.records, session.store, session.target.key))
    report = run_push(fresh, session.target, session.store, {"carto": session.connector})
    assert [(i.lieu_id, i.status) for i in report.items] == [
        (shown_lieu["id"], ACCEPTED), (conflicting["id"], CONFLICT)]
    assert [r["id"] for batch in session.fake.patches for r in batch] == [shown_lieu["id"]]  # …held back as shown


def test_invalid_lieux_are_listed_not_sent(session):
    session.records[4]["code_postal"] = "ABCDE"
    session.records[5]["nom"] = "Valide"
    report = session.push()
    statuses = {i.lieu_id: i.status for i in report.items}
    assert statuses[session.records[4]["id"]] == INVALID and statuses[session.records[5]["id"]] == ACCEPTED
    invalid = next(i for i in report.items if i.status == INVALID)
    assert any("code_postal" in e for e in invalid.errors)
    assert all(r["id"] != session.records[4]["id"] for batch in session.fake.patches for r in batch)


def test_422_detail_shown_per_lieu(session):
    session.records[0]["nom"] = "Un"
    session.records[1]["nom"] = "Deux"
    session.fake.inject("/api/v0/lieux-inclusion-numerique", status=422, method="PATCH", body={
        "message": "Lieux invalides",
        "errors": [{"id": session.records[0]["id"], "message": "pivot inconnu de l'annuaire"}]})
    report = session.push()
    statuses = {i.lieu_id: (i.status, i.message) for i in report.items}
    assert statuses[session.records[0]["id"]] == (REJECTED, "pivot inconnu de l'annuaire")
    assert statuses[session.records[1]["id"]][0] == ACCEPTED  # the rest of the batch was sent again
    assert session.store.journal_rows(session.records[0]["id"])[0].status == REJECTED


def test_failure_mid_way_is_resumable(session):
    for index in range(5):
        session.records[index]["nom"] = f"Modifié {index}"
    # batches of 2: the second PATCH fails for good (5xx after the bounded retries)
    session.fake.inject("/api/v0/lieux-inclusion-numerique", status=503, method="PATCH", times=3, on_page=None)
    session.fake.faults[-1].times = 0
    calls = {"n": 0}
    original = session.target.send

    def flaky(records):
        calls["n"] += 1
        if calls["n"] == 2:
            session.fake.faults[-1].times = 3
        return original(records)

    session.target.send = flaky
    report = session.push()
    counts = report.counts()
    assert counts[ACCEPTED] == 2 and counts[FAILED] == 2 and counts[PENDING] == 1
    assert "503" in report.error
    assert len([r for r in session.store.journal_rows() if r.status == FAILED]) == 2
    session.target.send = original
    resumed = session.push()
    assert resumed.counts()[ACCEPTED] == 3 and resumed.error == ""
    assert {r["nom"] for r in session.pull().values()} >= {f"Modifié {i}" for i in range(5)}


def test_network_down_during_conflict_check_leaves_everything_pending(session):
    session.records[0]["nom"] = "Pas envoyé"
    session.fake.inject("/carto", status=500, times=10)
    report = session.push()
    assert report.items[0].status == PENDING and "500" in report.error and session.fake.patches == []
    assert session.store.journal_rows() == []


def test_wrong_push_key(session, make_client):
    session.records[0]["nom"] = "X"
    session.target.client = make_client("/api/v0", "x-api-key", "mauvaise-cle")
    report = session.push()
    assert report.items[0].status == FAILED and "403" in report.error
    assert session.store.entry(session.records[0]["id"]).base_record["nom"] != "X"  # local state intact


def test_merge_never_overwrites_a_local_edit(session):
    local = [dict(r) for r in session.records]
    local[0]["nom"] = "Édité localement"
    remote_changed = session.connector.pull(DEP13)
    for lieu in remote_changed.lieux[:2]:
        lieu.record["horaires"] = "Mo 10:00-12:00"
    plan = plan_merge(local, remote_changed.lieux, session.store.entries())
    assert [local[i]["id"] for i, _ in plan.conflicts] == [local[0]["id"]]
    assert [local[i]["id"] for i, _ in plan.updated] == [local[1]["id"]]
    assert plan.added == [] and plan.unchanged == len(local) - 2
    dirty = plan_merge(session.records, remote_changed.lieux, session.store.entries(), dirty_ids={local[1]["id"]})
    assert local[1]["id"] in [session.records[i]["id"] for i, _ in dirty.conflicts]


def test_merge_matches_by_pivot_and_proximity(session):
    local = [dict(session.records[0], id="mon-id-local")]
    pulled = session.connector.pull(DEP13).lieux
    plan = plan_merge(local, pulled, {})
    assert plan.matched_ids[session.records[0]["id"]] == "mon-id-local"
    assert len(plan.added) == len(pulled) - 1


def test_dora_target_is_one_more_class(fake, make_client):
    client = make_client("/api/v2", "Token", "user-token")
    target = DoraStructureTarget(client, slug_of=lambda r: "mobilette")
    body = target.body({"nom": "MOBILETTE", "courriels": "a@b.fr|c@d.fr", "latitude": "48.1", "longitude": ""})
    assert body["name"] == "MOBILETTE" and body["email"] == "a@b.fr" and body["latitude"] == 48.1


def test_canary_token_appears_nowhere(session, tmp_path):
    """Every token is a canary: search the GeoPackage, the journal, reports and error messages for it."""
    session.records[0]["nom"] = "Canari"
    session.fake.inject("/api/v0/lieux-inclusion-numerique", status=500, method="PATCH", times=5,
                        body={"detail": f"echo {session.fake.tokens['push']} {session.fake.tokens['carto']}"})
    report = session.push()
    texts = [json.dumps(report.to_dict(), ensure_ascii=False), report.error]
    for exc_case in ("/api/v1", "/api/v2"):
        try:
            from plugin.api.http import ApiClient, Credentials, Secret
            ApiClient(session.fake.url + exc_case, credentials=Credentials("Bearer", Secret(CANARY + "-x")),
                      retry=None, sleep=lambda s: None).get_json("structures")
        except errors.ApiError as error:
            texts += [error.message, str(error), repr(error), error.body]
    texts.append(session.path.read_bytes().decode("utf-8", "replace"))
    for row in session.store.journal_rows():
        texts.append(json.dumps(row.__dict__, ensure_ascii=False, default=str))
    for text in texts:
        assert CANARY not in text
    assert session.store.journal_rows()[0].response_body  # the body was kept, redacted
    with session.store._connect() as db:
        assert db.execute(f"SELECT count(*) FROM {JOURNAL_TABLE}").fetchone()[0] >= 1
