"""The pull dialog end to end, driven like a user: menu entry → dialog → task → GeoPackage or merge with conflicts.

The fake server (tests/fakeapi) speaks the Cartographie's /carto contract on loopback.
"""

from __future__ import annotations

import copy
import os

import pytest
from pytest_qgis.utils import wait_until
from qgis.core import Qgis, QgsProject

from plugin.api.pull import KEEP_LOCAL, TAKE_REMOTE
from plugin.core.sync import SyncStore
from plugin.qgis.working_layer import load_working_layer
from tests.fakeapi import FakeApi
from tests.fakeapi.data import carto_dataset

CANARY = "CANARY-pull-dialog-91c2"


@pytest.fixture(scope="module")
def fake_server():
    fake = FakeApi(carto_token=CANARY + "-carto")
    fake.set_carto(carto_dataset(24))
    fake.start()
    yield fake
    fake.stop()


@pytest.fixture
def api_env(fake_server, monkeypatch):
    fake_server.faults.clear()
    fake_server.set_carto(carto_dataset(24))
    monkeypatch.setenv("MEDNUM_CARTO_URL", fake_server.url)
    monkeypatch.setenv("MEDNUM_CARTO_TOKEN", fake_server.tokens["carto"])
    return fake_server


@pytest.fixture
def feature(qgis_iface, qgis_new_project):
    from plugin.gui.api_feature import ApiFeature

    qgis_iface.messageBar().clear_messages()
    feature = ApiFeature(qgis_iface, None)
    yield feature
    feature.unload()
    QgsProject.instance().removeAllMapLayers()


def shoot(widget, name: str) -> None:
    """README screenshot of a dialog, when MEDNUM_SCREENSHOT_DIR is set (in the plugin's language, French by
    default): ``MEDNUM_SCREENSHOT_DIR=resources/screenshots pytest tests/qgis/api/test_pull_dialog.py``."""
    folder = os.environ.get("MEDNUM_SCREENSHOT_DIR")
    if folder:
        widget.grab().save(os.path.join(folder, name))


def messages(iface, level) -> str:
    return "\n".join(iface.messageBar().get_messages(level))


def pull(feature, territory_text: str, *, output=None, merge_layer=None, source="carto"):
    """Open the dialog from the menu entry, fill it as a user would, click "Pull"; return the run once its task
    has ended (the conflicts dialog, if any, is then open)."""
    dialog = feature.open_pull()
    dialog.source_combo.setCurrentIndex(dialog.source_combo.findData(source))
    dialog.set_territory_text(territory_text)
    dialog.territory_edit.setText(dialog.completions()[0])  # the first completion, clicked
    if merge_layer is not None:
        dialog.merge_radio.setChecked(True)
        dialog.layer_combo.setCurrentIndex(dialog.layer_combo.findData(merge_layer.id()))
    else:
        dialog.new_radio.setChecked(True)
        dialog.output_widget.setFilePath(str(output))
    assert dialog.pull_button.isEnabled()
    if output is not None and output.name == "marseille.gpkg":
        shoot(dialog, "api-pull-dialog.png")
    dialog.pull_button.click()
    run = feature.last_pull
    assert run is not None and run.task is not None
    assert wait_until(lambda: run.task.done, timeout_milliseconds=60000)
    return run


def dep13(fake) -> list[dict]:
    return [item for item in fake.carto.values() if item["adresse"]["code_insee"].startswith("13")]


def test_dialog_territory_search_and_readiness(feature, api_env):
    dialog = feature.open_pull()
    assert not dialog.pull_button.isEnabled()
    dialog.set_territory_text("bouches du rh")
    assert dialog.completions()[0] == "13 — Bouches-du-Rhône"
    dialog.set_territory_text("XYZ")
    assert "XYZ" in dialog.territory_status.text() and not dialog.pull_button.isEnabled()
    dialog.set_territory_text("13055")  # a code typed as such
    assert "13055" in dialog.territory_status.text()
    assert not dialog.pull_button.isEnabled()  # no file chosen yet
    assert not dialog.merge_radio.isEnabled()  # no working layer in the project
    dialog.reject()


def test_pull_into_a_new_geopackage_loads_it(feature, api_env, qgis_iface, tmp_path):
    output = tmp_path / "marseille.gpkg"
    run = pull(feature, "Bouches-du-R", output=output)
    assert run.outcome == "written", messages(qgis_iface, Qgis.MessageLevel.Critical)
    layers = [layer for layer in QgsProject.instance().mapLayers().values() if layer.source().startswith(str(output))]
    assert len(layers) == 1 and layers[0].featureCount() == len(dep13(api_env))
    assert "pulled from Cartographie nationale" in messages(qgis_iface, Qgis.MessageLevel.Success) or \
        "récupérés" in messages(qgis_iface, Qgis.MessageLevel.Success)
    assert len(SyncStore(output).entries()) == len(dep13(api_env))


def test_failed_pull_changes_nothing_and_says_why(feature, api_env, qgis_iface, tmp_path):
    output = tmp_path / "lieux.gpkg"
    output.write_bytes(b"previous content")
    api_env.inject("/carto", kind="truncate", on_page=1)
    run = pull(feature, "13 — Bouches", output=output)
    assert run.outcome == "failed"
    assert output.read_bytes() == b"previous content"
    error = messages(qgis_iface, Qgis.MessageLevel.Critical)
    assert error and "Traceback" not in error and CANARY not in error


@pytest.fixture
def pulled_layer(feature, api_env, tmp_path):
    """A working layer pulled from the fake Cartographie (Bouches-du-Rhône), in the project."""
    output = tmp_path / "lieux.gpkg"
    run = pull(feature, "13 — Bouches", output=output)
    assert run.outcome == "written"
    return next(layer for layer in QgsProject.instance().mapLayers().values()
                if layer.source().startswith(str(output)))


def _fid(layer, lieu_id: str) -> int:
    return next(f.id() for f in layer.getFeatures() if f["id"] == lieu_id)


def test_merge_asks_for_edited_lieux_and_applies_in_one_undoable_command(feature, api_env, pulled_layer, qgis_iface):
    layer = pulled_layer
    ids = sorted(f["id"] for f in layer.getFeatures())
    saved_edit, unsaved_edit, untouched = ids[0], ids[1], ids[2]
    nom = layer.fields().indexOf("nom")
    horaires = layer.fields().indexOf("horaires")
    # an edit saved since the pull, and an unsaved one
    assert layer.startEditing()
    layer.changeAttributeValue(_fid(layer, saved_edit), horaires, "Mo 08:00-09:00")
    assert layer.commitChanges()
    assert layer.startEditing()
    layer.changeAttributeValue(_fid(layer, unsaved_edit), nom, "Mon nom à moi")
    # meanwhile the source changed these three lieux, and a new one appeared
    for lieu_id in (saved_edit, unsaved_edit, untouched):
        api_env.carto[lieu_id]["nom"] = "Nom changé à la source " + lieu_id[-3:]
    new_item = copy.deepcopy(api_env.carto[untouched])
    new_item.update(id="Coop-numérique_nouveau", pivot="99999999900011", latitude=43.9, longitude=4.8)
    api_env.carto[new_item["id"]] = new_item
    count_before = layer.featureCount()
    undo_before = layer.undoStack().count()

    run = pull(feature, "13 — Bouches", merge_layer=layer)
    dialog = run.conflicts_dialog
    assert dialog is not None and dialog.isVisible()
    assert {c.lieu_id for c in dialog.conflicts} == {saved_edit, unsaved_edit}
    assert layer.undoStack().count() == undo_before  # nothing applied while the user chooses
    # the selected lieu's differing fields, local and remote side by side
    row = [c.lieu_id for c in dialog.conflicts].index(unsaved_edit)
    dialog.list.setCurrentRow(row)
    cells = {(dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text()) for r in range(dialog.table.rowCount())}
    assert ("Mon nom à moi", "Nom changé à la source " + unsaved_edit[-3:]) in cells
    shoot(dialog, "api-pull-conflicts.png")
    dialog.remote_radio.click()  # take the remote version for this one; the other keeps the local version
    assert dialog.choices()[unsaved_edit] == TAKE_REMOTE
    dialog.apply_button.click()

    assert run.outcome == "merged"
    values = {f["id"]: (f["nom"], f["horaires"]) for f in layer.getFeatures()}
    assert values[unsaved_edit][0] == "Nom changé à la source " + unsaved_edit[-3:]
    assert values[saved_edit][1] == "Mo 08:00-09:00"  # kept: never overwritten without asking
    assert values[saved_edit][0] != "Nom changé à la source " + saved_edit[-3:]
    assert values[untouched][0] == "Nom changé à la source " + untouched[-3:]
    assert layer.featureCount() == count_before + 1
    assert layer.undoStack().count() == undo_before + 1  # one edit command
    layer.undoStack().undo()
    assert layer.featureCount() == count_before
    assert {f["id"]: f["nom"] for f in layer.getFeatures()}[untouched] != "Nom changé à la source " + untouched[-3:]
    layer.undoStack().redo()
    assert layer.commitChanges()
    entries = SyncStore(load_working_layer(layer.source().split("|")[0]).source().split("|")[0]).entries()
    assert entries[untouched].base_record["nom"] == "Nom changé à la source " + untouched[-3:]
    assert "Coop-numérique_nouveau" in entries
    # the kept lieu's base is now the remote version: its local edit is what a push would send
    assert entries[saved_edit].base_record["nom"] == "Nom changé à la source " + saved_edit[-3:]


def test_merge_asks_before_bringing_back_a_lieu_deleted_here(feature, api_env, pulled_layer, qgis_iface):
    layer = pulled_layer
    path = layer.source().split("|")[0]
    ids = sorted(f["id"] for f in layer.getFeatures())
    unsaved, saved, quiet = ids[0], ids[1], ids[2]
    # two deletions saved since the pull (their sync rows remain), one not saved yet
    assert layer.startEditing()
    assert layer.deleteFeatures([_fid(layer, saved), _fid(layer, quiet)])
    layer.changeAttributeValue(_fid(layer, unsaved), layer.fields().indexOf("nom"), "Mon nom à moi")
    assert layer.commitChanges()
    assert {saved, quiet} <= set(SyncStore(path).entries())
    assert layer.startEditing()
    assert layer.deleteFeature(_fid(layer, unsaved))
    # the source changed two of them; the third did not move since the pull
    for lieu_id in (unsaved, saved):
        api_env.carto[lieu_id]["nom"] = "Nom changé à la source " + lieu_id[-3:]
    count_before = layer.featureCount()

    run = pull(feature, "13 — Bouches", merge_layer=layer)
    dialog = run.conflicts_dialog
    assert dialog is not None and dialog.isVisible()
    assert {c.lieu_id for c in dialog.conflicts} == {unsaved, saved}  # the unchanged one stays deleted silently
    assert all(c.deleted for c in dialog.conflicts)
    # the lieu deleted without saving is named as it was here (from the edit buffer), not as last pulled
    assert {c.lieu_id: c.nom for c in dialog.conflicts}[unsaved] == "Mon nom à moi"
    assert dialog.choices() == {unsaved: KEEP_LOCAL, saved: KEEP_LOCAL}  # by default, nothing comes back
    row = [c.lieu_id for c in dialog.conflicts].index(saved)
    dialog.list.setCurrentRow(row)
    assert dialog.list.item(row).text().startswith("[la mienne] (supprimé ici) ")
    assert dialog.keep_radio.text() == "Le garder supprimé"
    cells = [(dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text()) for r in range(dialog.table.rowCount())]
    assert {local for local, _ in cells} == {"(supprimé ici)"}
    assert ("(supprimé ici)", "Nom changé à la source " + saved[-3:]) in cells
    assert len(cells) == len(dialog.conflicts[row].differences) > 5  # every remote field, not only those that moved
    shoot(dialog, "api-pull-conflicts-deleted.png")
    # take the remote version of the lieu deleted without saving; keep the other one deleted
    dialog.list.setCurrentRow(1 - row)
    dialog.remote_radio.click()
    assert dialog.choices() == {unsaved: TAKE_REMOTE, saved: KEEP_LOCAL}
    dialog.apply_button.click()

    assert run.outcome == "merged"
    names = {f["id"]: f["nom"] for f in layer.getFeatures()}
    assert names[unsaved] == "Nom changé à la source " + unsaved[-3:]  # added back, as the source has it
    assert saved not in names and quiet not in names
    assert layer.featureCount() == count_before + 1
    assert "1 de vos modifications gardées" in messages(qgis_iface, Qgis.MessageLevel.Success) or \
        "1 of your edits kept" in messages(qgis_iface, Qgis.MessageLevel.Success)
    assert layer.commitChanges()
    assert {f["id"]: f["nom"] for f in layer.getFeatures()}[unsaved] == "Nom changé à la source " + unsaved[-3:]
    entries = SyncStore(path).entries()
    assert entries[saved].base_record["nom"] == "Nom changé à la source " + saved[-3:]  # still known: deleted here

    # pulled again, nothing moved at the source: the deletions stay, without a question
    run = pull(feature, "13 — Bouches", merge_layer=layer)
    assert run.conflicts_dialog is None and run.outcome == "nothing"
    assert not {saved, quiet} & {f["id"] for f in layer.getFeatures()}


def test_no_merge_into_a_filtered_layer(feature, api_env, pulled_layer, qgis_iface):
    layer = pulled_layer
    first = sorted(f["id"] for f in layer.getFeatures())[0]
    assert layer.setSubsetString(f"\"id\" = '{first}'")
    dialog = feature.open_pull()
    dialog.set_territory_text("13")
    dialog.territory_edit.setText(dialog.completions()[0])
    dialog.merge_radio.setChecked(True)
    dialog.layer_combo.setCurrentIndex(dialog.layer_combo.findData(layer.id()))
    dialog.pull_button.click()
    run = feature.last_pull
    assert run.outcome == "failed" and run.task is None
    assert "filtre" in messages(qgis_iface, Qgis.MessageLevel.Critical)
    assert layer.featureCount() == 1 and not layer.isEditable()


def test_cancelled_conflicts_dialog_and_rolled_back_merge_change_nothing(feature, api_env, pulled_layer):
    layer = pulled_layer
    path = layer.source().split("|")[0]
    lieu_id = sorted(f["id"] for f in layer.getFeatures())[0]
    assert layer.startEditing()
    layer.changeAttributeValue(_fid(layer, lieu_id), layer.fields().indexOf("nom"), "Édité ici")
    api_env.carto[lieu_id]["nom"] = "Édité là-bas"
    before = SyncStore(path).entries()[lieu_id]
    undo_before = layer.undoStack().count()
    run = pull(feature, "13 — Bouches", merge_layer=layer)
    run.conflicts_dialog.reject()
    assert run.outcome == "canceled"
    assert {f["id"]: f["nom"] for f in layer.getFeatures()}[lieu_id] == "Édité ici"
    assert layer.undoStack().count() == undo_before
    # taking the remote then rolling back: the sync table is not touched
    run = pull(feature, "13 — Bouches", merge_layer=layer)
    run.conflicts_dialog.set_all(TAKE_REMOTE)
    run.conflicts_dialog.apply_button.click()
    assert {f["id"]: f["nom"] for f in layer.getFeatures()}[lieu_id] == "Édité là-bas"
    assert layer.rollBack()
    assert SyncStore(path).entries()[lieu_id] == before


def test_cancel_during_the_pull_leaves_the_layer(feature, api_env, pulled_layer, qgis_iface):
    layer = pulled_layer
    api_env.inject("/carto", kind="delay", seconds=2.0)
    dialog = feature.open_pull()
    dialog.set_territory_text("13")
    dialog.merge_radio.setChecked(True)
    dialog.pull_button.click()
    run = feature.last_pull
    run.task.cancel()
    assert wait_until(lambda: run.task.done, timeout_milliseconds=30000)
    assert run.outcome == "canceled" and not layer.isEditable()
    assert messages(qgis_iface, Qgis.MessageLevel.Warning)


def test_the_error_of_a_failed_pull_does_not_come_back_after_a_success(api_env, qgis_iface, qgis_new_project, tmp_path):
    from qgis.gui import QgsMessageBar

    from plugin.gui.api_feature import ApiFeature

    bar = QgsMessageBar()  # a real bar: its items stack, the newest on top

    class Iface:
        def __getattr__(self, name):
            return getattr(qgis_iface, name)

        def messageBar(self):  # noqa: N802 (QGIS's name)
            return bar

    feature = ApiFeature(Iface(), None)
    try:
        api_env.inject("/carto", kind="truncate", on_page=1)
        assert pull(feature, "13 — Bouches", output=tmp_path / "a.gpkg").outcome == "failed"
        assert [item for item in bar.items() if item.level() == Qgis.MessageLevel.Critical]
        api_env.faults.clear()
        assert pull(feature, "13 — Bouches", output=tmp_path / "b.gpkg").outcome == "written"
        assert not [item for item in bar.items() if item.level() == Qgis.MessageLevel.Critical]
    finally:
        feature.unload()
        QgsProject.instance().removeAllMapLayers()


def test_the_dialog_keeps_territory_and_destination_after_a_failure(feature, api_env, qgis_iface, tmp_path):
    output = tmp_path / "lieux.gpkg"
    api_env.inject("/carto", kind="truncate", on_page=1)
    assert pull(feature, "13 — Bouches", output=output).outcome == "failed"
    dialog = feature.open_pull()
    assert dialog.source_combo.currentData() == "carto"
    assert dialog.territory_edit.text().startswith("13 — Bouches")
    assert dialog.output_path() == str(output) and dialog.new_radio.isChecked()
    assert dialog.pull_button.isEnabled()  # "Pull" again at once
    dialog.reject()


def test_the_dialog_does_not_default_to_merging_into_the_active_layer(feature, api_env, pulled_layer, qgis_iface):
    qgis_iface.setActiveLayer(pulled_layer)
    feature.last_pull = None
    dialog = feature.open_pull()
    assert dialog.merge_radio.isEnabled() and not dialog.merge_radio.isChecked()
    assert dialog.new_radio.isChecked()
    dialog.reject()
