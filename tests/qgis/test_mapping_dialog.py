"""« Importer avec une correspondance… »: the mapping dialog as a user drives it, and the import it leads to."""

from __future__ import annotations

import time

import pytest
from pytest_qgis.utils import wait_until
from qgis.core import Qgis, QgsProject

from plugin.core.mapping import read_source
from plugin.core.mapping.preview import preview, preview_table
from plugin.core.mapping.store import ProfileStore
from plugin.gui.mapping_dialog import MappingDialog
from plugin.qgis.working_layer import is_working_layer, read_side_table, records_from_layer

HEADER = (
    "USER_ID;Nom de votre structure;c_postcode;Ville;Adresse;LAT;LON;Téléphone;Email;"
    "Aide aux démarches administratives;Maîtrise des outils numériques;Tarif;Lundi;Mardi;Dernière mise à jour;Notes\n"
)


def _row(number: int) -> str:
    tarif = ("Gratuit", "Payant", "Gratuit sous condition", "adhésion 5 €")[number % 4]
    return (
        f"{number};EPN {number};59000;Lille;{number} rue A;50,63;3,06;03 20 00 00 00;epn{number}@lille.fr;"
        f"{'Oui' if number % 2 else 'Non'};Oui;{tarif};9h-12h / 14h-17h;fermé;02/04/2026;note {number}\n"
    )


@pytest.fixture()
def hub_file(tmp_path):
    path = tmp_path / "hub-nord.csv"
    path.write_text(HEADER + "".join(_row(n) for n in range(1, 1201)), encoding="utf-8")
    return path


@pytest.fixture()
def store(tmp_path):
    return ProfileStore(tmp_path / "user", tmp_path / "project")


def test_the_dialog_proposes_a_mapping_and_previews_it(hub_file, store, qgis_new_project):
    dialog = MappingDialog(read_source(hub_file), hub_file, store)
    assert dialog.combos["nom"].currentData() == "Nom de votre structure"
    assert dialog.combos["code_postal"].currentData() == "c_postcode"
    assert dialog.combos["telephone"].currentData() == "Téléphone"
    # the preview: the first 1,000 rows in the standard with their validation counts
    assert len(dialog.last_result.records) == 1000
    assert dialog.preview_table.rowCount() == 20
    first = dialog.last_result.records[0]
    assert first["id"] == "hub-nord_1" and first["telephone"] == "+33320000000"
    assert first["horaires"] == "Mo 09:00-12:00,14:00-17:00"
    errors_before = dialog.last_counts[0]
    assert errors_before > 0  # pivot is missing: the preview says so
    assert "errors" in dialog.preview_label.text() or "erreurs" in dialog.preview_label.text()
    # the user removes the name's column: the preview counts follow
    dialog.set_field_column("nom", "")
    dialog.refresh_preview()
    assert dialog.last_counts[0] == errors_before + 1000
    dialog.set_field_column("nom", "Nom de votre structure")
    dialog.refresh_preview()
    assert dialog.last_counts[0] == errors_before
    dialog.close()


def test_the_value_table_is_editable(hub_file, store, qgis_new_project):
    dialog = MappingDialog(read_source(hub_file), hub_file, store)
    dialog.select_field("frais_a_charge")
    table = dialog.current_value_table()
    assert table[("Tarif", "Gratuit")] == ["Gratuit"]
    assert table[("Tarif", "adhésion 5 €")] == []  # listed as unmatched
    assert "without a standard value" in dialog.values_label.text() or "sans valeur" in dialog.values_label.text()
    table[("Tarif", "adhésion 5 €")] = ["Payant"]
    dialog.set_values("frais_a_charge", table)
    dialog.refresh_preview()
    values = dialog.last_result.columns["frais_a_charge"][:4]
    assert values == ["Payant", "Gratuit sous condition", "Payant", "Gratuit"]
    dialog.close()


def test_preview_of_1000_rows_is_fast(hub_file, schema):
    table = read_source(hub_file)
    sample = preview_table(table)
    from plugin.core.mapping.proposal import propose_profile

    profile = propose_profile(table)
    preview(sample, profile, schema)  # warm-up (regexes, phone metadata)
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        preview(sample, profile, schema, "hub")
        timings.append((time.perf_counter() - start) * 1000)
    assert sorted(timings)[2] < 200, timings


def test_profiles_are_saved_and_proposed_for_the_same_header(hub_file, store, qgis_new_project):
    dialog = MappingDialog(read_source(hub_file), hub_file, store)
    dialog.set_field_column("presentation_resume", "Notes")
    path = dialog.save_profile_as("Hub du Nord", "project")
    assert path is not None and path.parent == store.project_folder
    dialog.close()
    again = MappingDialog(read_source(hub_file), hub_file, store)
    assert again.matched_profile == "hub-du-nord"
    assert again.combos["presentation_resume"].currentData() == "Notes"
    assert again.source_name() == "hub-nord"
    again.close()


@pytest.fixture()
def loaded_plugin(qgis_iface, qgis_new_project):
    from plugin.main import LieuxMednumPlugin

    qgis_iface.messageBar().clear_messages()
    plugin = LieuxMednumPlugin(qgis_iface)
    plugin.initGui()
    feature = next(f for f in plugin.features if type(f).__name__ == "LieuxFilesFeature")
    yield plugin, feature
    plugin.unload()


def test_open_a_hub_file_offers_the_mapping_and_imports(loaded_plugin, hub_file, tmp_path, qgis_iface, monkeypatch):
    plugin, feature = loaded_plugin
    assert "mednumImportMappingAction" in {action.objectName() for action in plugin.actions}
    asked = []
    monkeypatch.setattr(feature, "ask_mapping", lambda source: asked.append(source.name) or True)
    monkeypatch.setattr(feature, "profile_store", lambda: ProfileStore(tmp_path / "user"))
    monkeypatch.setattr(MappingDialog, "exec", lambda self: True)  # the user accepts the proposed mapping
    shown = []
    import plugin.gui.lieux_files as lieux_files

    real_show = lieux_files.show_summary
    def show(*args, **kwargs):
        shown.append(args[2])
        return real_show(*args, **kwargs)

    monkeypatch.setattr(lieux_files, "show_summary", show)
    task = feature.open_file(str(hub_file), str(tmp_path / "hub_travail.gpkg"))
    assert asked == ["hub-nord.csv"]
    assert wait_until(lambda: task.done, timeout_milliseconds=60000)
    assert wait_until(lambda: feature.validation_task is not None and feature.validation_task.done,
                      timeout_milliseconds=60000)  # fmt: skip
    layers = [layer for layer in QgsProject.instance().mapLayers().values() if is_working_layer(layer)]
    assert len(layers) == 1 and layers[0].featureCount() == 1200
    records = records_from_layer(layers[0])
    assert records[0]["id"] == "hub-nord_1" and records[0]["services"] == (
        "Aide aux démarches administratives|Maîtrise des outils numériques du quotidien"
    )
    assert read_side_table(tmp_path / "hub_travail.gpkg").columns == ["Notes"]
    messages = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    assert any("1200 lieux" in m for m in messages), messages
    # the summary's details list the values the mapping changed
    assert any("telephone" in details and "+33320000000" in details for details in shown), shown


def test_a_standard_file_is_opened_without_asking(loaded_plugin, samples, tmp_path, monkeypatch):
    _, feature = loaded_plugin
    monkeypatch.setattr(feature, "ask_mapping", lambda source: pytest.fail("asked for a standard file"))
    task = feature.open_file(str(samples / "exemple-valide.csv"), str(tmp_path / "x.gpkg"))
    assert wait_until(lambda: task.done, timeout_milliseconds=60000)
