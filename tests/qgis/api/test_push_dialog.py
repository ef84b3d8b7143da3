"""The push dialog against the loopback fake server: preview (diff, conflicts, validation errors), send, 422,
failure half-way, unsaved edits, a layer changed after the preview, the journal tab, and the canary token."""

from __future__ import annotations

import time

import pytest
from qgis.core import QgsFeature, QgsProject, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QLabel

from plugin.api.http import RetryPolicy
from plugin.core.schema import load_schema
from plugin.core.sync import SyncStore
from plugin.qgis import api_session
from plugin.qgis.working_layer import load_working_layer
from tests.fakeapi import FakeApi
from tests.fakeapi.data import carto_dataset

CANARY = "CANARY-push-dialog-91c4-do-not-leak"
PATCH_PATH = "/api/v0/lieux-inclusion-numerique"


@pytest.fixture
def fake(monkeypatch):
    fake = FakeApi(carto_token=CANARY + "-carto", push_key=CANARY + "-push")
    fake.set_carto(carto_dataset(12))
    fake.start()
    monkeypatch.setenv("MEDNUM_CARTO_URL", fake.url)
    monkeypatch.setenv("MEDNUM_CARTO_TOKEN", fake.tokens["carto"])
    monkeypatch.setenv("MEDNUM_CARTO_V0_URL", fake.url + "/api/v0")
    monkeypatch.setenv("MEDNUM_CARTO_V0_TOKEN", fake.tokens["push"])
    yield fake
    fake.stop()


@pytest.fixture
def pulled_layer(fake, tmp_path, qgis_new_project):
    """The lieux of the Bouches-du-Rhône pulled from the fake Cartographie into a working GeoPackage."""
    client = api_session.prepare_client("carto")
    result = api_session.pull("carto", "13", client)
    path = tmp_path / "lieux13.gpkg"
    api_session.write_pull_geopackage(result, path)
    layer = load_working_layer(path, "Lieux 13")
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().removeMapLayer(layer.id())


def fast_client(key, **kwargs):
    client = api_session.prepare_client(key, **kwargs)
    client.retry = RetryPolicy(attempts=2, base=0.01, cap=0.02)
    return client


def wait_for(condition, timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "timed out"
        QCoreApplication.processEvents()
        time.sleep(0.01)
    QCoreApplication.processEvents()


def edit(layer, changes: dict[str, dict[str, str]], new: list[dict[str, str]] = ()) -> None:
    """Change some fields of some lieux (by id) and add lieux, then save."""
    features = {f["id"]: f for f in layer.getFeatures()}
    assert layer.startEditing()
    for lieu_id, values in changes.items():
        for name, value in values.items():
            assert layer.changeAttributeValue(features[lieu_id].id(), layer.fields().indexOf(name), value)
    for values in new:
        template = next(iter(features.values()))
        feature = QgsFeature(layer.fields())
        feature.setGeometry(template.geometry())
        for name in load_schema().field_names:
            feature[name] = values.get(name, template[name])
        assert layer.addFeature(feature)
    assert layer.commitChanges(), layer.commitErrors()


def open_dialog(layer, **kwargs):
    from plugin.gui.push_dialog import PushDialog

    dialog = PushDialog(None, layer, client_factory=fast_client, **kwargs)
    wait_for(lambda: not dialog.busy)
    return dialog


def ids(layer) -> list[str]:
    return sorted(f["id"] for f in layer.getFeatures())


def texts(dialog) -> str:
    """Everything the dialog shows: labels, lists, the detail table of every entry of every tab."""
    out = [label.text() for label in dialog.findChildren(QLabel)]
    for pane in (dialog.to_send, dialog.conflicts, dialog.invalid, dialog.journal):
        out += [" ".join(row) for row in pane.rows()]
        for index in range(len(pane.entries)):
            pane.select(index)
            out += [pane.message.text()] + [" ".join(row) for row in pane.table_rows()]
    return "\n".join(out)


def title(name: str) -> str:
    return load_schema().field(name).title


def test_preview_shows_diffs_conflicts_and_errors_and_sends_nothing(pulled_layer, fake):
    changed, conflicting, invalid = ids(pulled_layer)[:3]
    before_nom = {f["id"]: f["nom"] for f in pulled_layer.getFeatures()}
    edit(pulled_layer, {changed: {"nom": "Médiathèque corrigée"}, conflicting: {"telephone": "+33491000000"},
                        invalid: {"code_postal": "ABC"}},
         new=[{"id": "hub-nouveau-lieu-1", "nom": "Nouveau tiers-lieu"}])
    # someone else edits the conflicting lieu at the Cartographie after our pull
    fake.carto[conflicting] = dict(fake.carto[conflicting], nom="Renommé à distance", date_maj="2026-01-05T10:00:00Z")

    dialog = open_dialog(pulled_layer)

    assert [row[0] for row in dialog.to_send.rows()] == [
        f"Médiathèque corrigée  ({changed})", "Nouveau tiers-lieu  (hub-nouveau-lieu-1)"]
    assert dialog.to_send.rows()[1][1] == "nouveau lieu"
    dialog.to_send.select(0)
    diff = dialog.to_send.table_rows()  # the form stamps date_maj on every edit
    assert diff[0] == [f"{title('nom')} (nom)", before_nom[changed], "Médiathèque corrigée"]
    assert [row[0] for row in diff] == [f"{title('nom')} (nom)", f"{title('date_maj')} (date_maj)"]
    assert dialog.send_button.isEnabled()
    assert "2 lieu(x)" in dialog.summary.text() and fake.patches == []

    dialog.conflicts.select(0)
    assert len(dialog.conflicts.entries) == 1 and conflicting in dialog.conflicts.rows()[0][0]
    rows = {row[0]: row[1:] for row in dialog.conflicts.table_rows()}
    assert rows[f"{title('nom')} (nom)"] == [before_nom[conflicting], before_nom[conflicting], "Renommé à distance"]
    assert rows[f"{title('telephone')} (telephone)"][1] == "+33491000000"
    assert "Cartographie" in dialog.conflicts.message.text()

    dialog.invalid.select(0)
    assert invalid in dialog.invalid.rows()[0][0]
    errors = dialog.invalid.table_rows()
    assert errors and errors[0][:2] == [f"{title('code_postal')} (code_postal)", "ABC"] and errors[0][2]
    assert dialog.tabs.tabText(0) == "À envoyer (2)" and dialog.tabs.tabText(1) == "Conflits (1)"

    assert not [r for r in fake.log if r["method"] == "PATCH"]  # a preview sends nothing
    assert SyncStore(dialog._gpkg_path(pulled_layer)).journal_rows() == []
    assert CANARY not in texts(dialog)


def test_send_accepts_journals_and_a_second_push_sends_nothing(pulled_layer, fake, tmp_path):
    first, second = ids(pulled_layer)[:2]
    edit(pulled_layer, {first: {"nom": "Nom corrigé"}, second: {"commune": "Marseille 1er"}})
    dialog = open_dialog(pulled_layer)
    dialog.send()
    assert dialog.busy and not dialog.send_button.isEnabled()
    wait_for(lambda: not dialog.busy)

    assert [row[2] for row in dialog.to_send.rows()] == ["accepté", "accepté"]
    assert dialog.tabs.tabText(0) == "Envoyés (2)"
    assert sorted(r["id"] for r in fake.patches[0]) == [first, second]
    assert fake.carto[first]["nom"] == "Nom corrigé"
    journal = SyncStore(tmp_path / "lieux13.gpkg").journal_rows()
    assert sorted((row.lieu_id, row.status, row.http_status) for row in journal) == [
        (first, "accepted", 200), (second, "accepted", 200)]
    assert [row[2] for row in dialog.journal.rows()] == ["accepté", "accepté"]
    dialog.journal.select(0)
    assert "traités avec succès" in dialog.journal.message.text()
    assert dialog.journal.table_rows()  # before → after of the journaled lieu

    dialog.refresh()
    wait_for(lambda: not dialog.busy)
    assert dialog.sendable() == [] and not dialog.send_button.isEnabled()
    assert dialog.summary.text().startswith("Rien à envoyer.")
    assert len(fake.patches) == 1

    produced = [p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()]
    settings = QgsSettings()
    produced.append(" ".join(f"{k}={settings.value(k)}" for k in settings.allKeys()).encode())
    produced.append(texts(dialog).encode())
    assert not [blob for blob in produced if CANARY.encode() in blob]


def test_a_422_is_shown_on_its_lieu_and_the_others_are_accepted(pulled_layer, fake):
    refused, accepted = ids(pulled_layer)[:2]
    edit(pulled_layer, {refused: {"adresse": "Quelque part"}, accepted: {"nom": "Nom corrigé"}})
    fake.inject(PATCH_PATH, method="PATCH", status=422, body={
        "message": "Lieux invalides", "errors": [{"id": refused, "message": "Adresse inconnue de la BAN"}]})
    dialog = open_dialog(pulled_layer)
    dialog.send()
    wait_for(lambda: not dialog.busy)

    statuses = {row[0].rsplit("(", 1)[1].rstrip(")"): row[2] for row in dialog.to_send.rows()}
    assert statuses == {refused: "refusé", accepted: "accepté"}
    index = [item.lieu_id for item in dialog.to_send.entries].index(refused)
    dialog.to_send.select(index)
    assert "422" in dialog.to_send.message.text() and "Adresse inconnue de la BAN" in dialog.to_send.message.text()
    journal = {row.lieu_id: row for row in SyncStore(dialog._gpkg_path(pulled_layer)).journal_rows()}
    assert journal[refused].status == "rejected" and journal[refused].http_status == 422
    assert "Adresse inconnue de la BAN" in journal[refused].message


def test_a_network_failure_half_way_leaves_the_rest_to_send_again(pulled_layer, fake):
    lieux = ids(pulled_layer)[:3]
    edit(pulled_layer, {lieu_id: {"nom": f"Corrigé {n}"} for n, lieu_id in enumerate(lieux)})
    fake.inject(PATCH_PATH, kind="close", method="PATCH", skip=1, times=99)  # the 2nd request on: no answer
    dialog = open_dialog(pulled_layer, batch_size=1)
    dialog.send()
    wait_for(lambda: not dialog.busy)

    assert [row[2] for row in dialog.to_send.rows()] == ["accepté", "échec\u00a0: non envoyé", "pas encore envoyé"]
    assert "pas encore envoyé" in dialog.notice.text() and not dialog.send_button.isEnabled()
    journal = SyncStore(dialog._gpkg_path(pulled_layer)).journal_rows()
    assert [(row.lieu_id, row.status) for row in journal] == [(lieux[0], "accepted"), (lieux[1], "failed")]

    fake.faults.clear()  # the network is back: the next push sends the two others, only them
    dialog.refresh()
    wait_for(lambda: not dialog.busy)
    assert [item.lieu_id for item in dialog.sendable()] == lieux[1:]
    dialog.send()
    wait_for(lambda: not dialog.busy)
    assert [row[2] for row in dialog.to_send.rows()] == ["accepté", "accepté"]
    assert [[r["id"] for r in batch] for batch in fake.patches] == [[lieu_id] for lieu_id in lieux]


def test_unsaved_edits_are_saved_first(pulled_layer, fake):
    lieu_id = ids(pulled_layer)[0]
    feature = next(f for f in pulled_layer.getFeatures() if f["id"] == lieu_id)
    assert pulled_layer.startEditing()
    pulled_layer.changeAttributeValue(feature.id(), pulled_layer.fields().indexOf("nom"), "Pas encore enregistré")
    dialog = open_dialog(pulled_layer)
    assert dialog.report is None and not dialog.send_button.isEnabled()
    assert "modifications non enregistrées" in dialog.notice.text() and dialog.save_button.isVisibleTo(dialog)

    dialog.save_edits()
    wait_for(lambda: not dialog.busy)
    assert [item.after["nom"] for item in dialog.sendable()] == ["Pas encore enregistré"]
    assert dialog.send_button.isEnabled()
    pulled_layer.changeAttributeValue(feature.id(), pulled_layer.fields().indexOf("nom"), "Encore une retouche")
    assert dialog.stale and not dialog.send_button.isEnabled()
    pulled_layer.rollBack()  # the dialog plans again
    wait_for(lambda: not dialog.busy)
    assert not dialog.stale and [item.after["nom"] for item in dialog.sendable()] == ["Pas encore enregistré"]


def test_a_layer_changed_after_the_preview_sends_nothing(pulled_layer, fake):
    lieu_id = ids(pulled_layer)[0]
    edit(pulled_layer, {lieu_id: {"nom": "Version montrée"}})
    dialog = open_dialog(pulled_layer)
    # the GeoPackage changes behind the layer's back (another QGIS, a script) after the preview
    other = load_working_layer(dialog._gpkg_path(pulled_layer), "autre")
    edit(other, {lieu_id: {"nom": "Version jamais montrée"}})
    dialog.send()
    wait_for(lambda: not dialog.busy)
    wait_for(lambda: dialog.report is not None and not dialog.busy)
    assert fake.patches == []
    assert "Rien n'a été envoyé" in dialog.summary.text()
    assert [item.after["nom"] for item in dialog.sendable()] == ["Version jamais montrée"]


def test_without_a_push_key_the_dialog_says_where_to_set_it(pulled_layer, fake, monkeypatch):
    monkeypatch.delenv("MEDNUM_CARTO_V0_TOKEN")
    edit(pulled_layer, {ids(pulled_layer)[0]: {"nom": "Nom corrigé"}})
    dialog = open_dialog(pulled_layer)
    assert dialog.sendable() and not dialog.send_button.isEnabled()
    assert "MEDNUM_CARTO_V0_TOKEN" in dialog.notice.text() and "Options" in dialog.notice.text()


def test_menu_entry_opens_the_push_dialog_on_the_active_layer(pulled_layer, fake, qgis_iface):
    from plugin.gui.api_feature import ApiFeature

    unload = []

    class Plugin:
        def add_action(self, text, callback, **kwargs):
            pass

        def on_unload(self, callback):
            unload.append(callback)

    qgis_iface.setActiveLayer(pulled_layer)
    feature = ApiFeature(qgis_iface, Plugin())
    feature.open_push()
    dialog = feature.push_dialog
    wait_for(lambda: not dialog.busy)
    assert dialog.isVisible() and dialog.layer is pulled_layer and dialog.report is not None
    feature.open_push()  # the same dialog, planned again
    assert feature.push_dialog is dialog
    wait_for(lambda: not dialog.busy)
    for callback in unload:
        callback()
    assert not dialog.isVisible()
    QCoreApplication.processEvents()
