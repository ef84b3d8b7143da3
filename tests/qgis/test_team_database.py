"""Team mode on a real PostgreSQL/PostGIS (one throw-away cluster per session, one schema per test): a file
imported into the team schema, opened as a working layer with the form and style, the journal, and two
agents saving the same lieu — the second is told and chooses; different lieux merge without a word."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
from qgis.core import QgsVectorLayer

from plugin.api.pull import KEEP_LOCAL, TAKE_REMOTE
from plugin.core import postgis_schema as ps
from plugin.core.readers import read_table
from plugin.qgis.import_export import import_lieux
from plugin.qgis.team_database import TeamDatabase
from plugin.qgis.team_layer import guard_layer, is_team_layer, team_guard
from plugin.qgis.working_layer import is_working_layer, records_from_layer

HUB = "hub-du-sud-paca-2023.json"


def _connection_uri(cluster) -> str:
    return f"host=127.0.0.1 port={cluster.port} dbname='{cluster.database}' user='{cluster.user}'"


@pytest.fixture()
def team(postgres_cluster, pg_schema) -> TeamDatabase:
    return TeamDatabase(_connection_uri(postgres_cluster), pg_schema, label="test")


@pytest.fixture()
def imported_team(team, samples) -> TeamDatabase:
    import_lieux(samples / HUB, team, validate=False)
    return team


@pytest.fixture()
def team_layer(imported_team):
    return imported_team.open_layer()  # pytest-qgis deletes it after the test (a fixture named *layer*)


@pytest.fixture()
def colleague_layer(imported_team):
    """The same team layer opened by a second agent (another layer, another edit buffer)."""
    return imported_team.open_layer("colleague")


def _fid_of(layer, lieu_id: str) -> int:
    return next(f.id() for f in layer.getFeatures(f"\"id\" = '{lieu_id}'"))


def _edit(layer, fid: int, **values) -> None:
    if not layer.isEditable():
        layer.startEditing()
    for name, value in values.items():
        assert layer.changeAttributeValue(fid, layer.fields().indexFromName(name), value)


def test_a_file_imported_into_the_team_schema_opens_as_a_working_layer(imported_team, team_layer, samples, schema):
    source = read_table(samples / HUB).schema_records(schema)
    assert imported_team.lieux_count() == len(source) == 646
    assert is_team_layer(team_layer) and is_working_layer(team_layer)
    assert team_layer.featureCount() == 646
    assert list(records_from_layer(team_layer)) == source  # the standard's text, nothing changed
    index = team_layer.fields().indexFromName("nom")
    assert team_layer.attributeAlias(index) == schema.field("nom").title
    assert team_layer.editorWidgetSetup(team_layer.fields().indexFromName("row_version")).type() == "Hidden"
    # the form and style are stored in the database: a second agent gets them without the plugin's help
    styles = imported_team.run(
        "SELECT count(*) FROM public.layer_styles WHERE f_table_schema = "
        f"{ps.quote_literal(imported_team.schema_name)} AND useasdefault")
    assert styles == [(1,)]
    plain = QgsVectorLayer(imported_team.layer_uri().uri(False), "plain", "postgres")
    assert plain.attributeAlias(index) == schema.field("nom").title
    journal = imported_team.journal()
    assert [(e.operation, json.loads(e.after)["lieux"]) for e in journal] == [("import", 646)]


def test_importing_again_is_refused_unless_replacing(imported_team, samples, english):
    with pytest.raises(ps.TeamDatabaseError, match="already holds 646 lieux"):
        import_lieux(samples / HUB, imported_team, validate=False)
    summary = import_lieux(samples / "exemple-valide.csv", imported_team, validate=False, replace=True)
    assert summary.lieux == 1 and imported_team.lieux_count() == 1


def test_edits_are_journaled_per_field_and_a_deletion_can_be_restored(imported_team, team_layer):
    fid = _fid_of(team_layer, read_first_id(team_layer))
    before = team_layer.getFeature(fid)["nom"]
    _edit(team_layer, fid, nom="Nouveau nom", telephone="+33491000000")
    assert team_layer.commitChanges(), team_layer.commitErrors()
    team_layer.startEditing()
    assert team_layer.deleteFeature(fid)
    assert team_layer.commitChanges(), team_layer.commitErrors()
    entries = imported_team.journal(lieu_fid=fid)  # newest first; the form's default puts today in date_maj
    assert [(e.operation, e.field) for e in reversed(entries)] == [
        ("update", "nom"), ("update", "date_maj"), ("update", "telephone"), ("delete", "")]
    assert (entries[-1].before, entries[-1].after) == (before, "Nouveau nom")
    assert {e.agent for e in entries} == {"mednum_admin"}
    assert imported_team.restore(entries[0].id) == fid
    team_layer.reload()
    assert team_layer.getFeature(fid)["nom"] == "Nouveau nom"
    assert imported_team.journal(lieu_fid=fid)[0].operation == "restore"


def read_first_id(layer) -> str:
    return next(layer.getFeatures())["id"]


def test_different_lieux_saved_by_two_agents_merge_without_a_word(team_layer, colleague_layer):
    first, second = [f.id() for f in team_layer.getFeatures()][:2]
    _edit(team_layer, first, nom="Mon nom")
    # the guard writes nothing in the edit buffer while one edits (the undo steps stay the agent's own)
    version_index = team_layer.fields().indexFromName("row_version")
    assert version_index not in team_layer.editBuffer().changedAttributeValues()[first]
    _edit(colleague_layer, second, nom="Son nom")
    assert colleague_layer.commitChanges(), colleague_layer.commitErrors()
    assert team_layer.commitChanges(), team_layer.commitErrors()
    team_layer.reload()
    assert team_layer.getFeature(first)["nom"] == "Mon nom"
    assert team_layer.getFeature(second)["nom"] == "Son nom"


def test_the_second_saver_of_a_lieu_is_refused_without_losing_the_edit(team_layer, colleague_layer):
    fid = next(team_layer.getFeatures()).id()
    _edit(team_layer, fid, nom="Mon nom")
    _edit(colleague_layer, fid, nom="Son nom")
    assert colleague_layer.commitChanges(), colleague_layer.commitErrors()
    assert not team_layer.commitChanges()  # no one to ask: refused
    assert ps.CONFLICT_MARK in "\n".join(team_layer.commitErrors())
    assert team_layer.isEditable() and team_layer.getFeature(fid)["nom"] == "Mon nom"  # still in the buffer
    assert [c.fid for c in team_guard(team_layer).last_conflicts] == [fid]


@pytest.mark.parametrize("choice, expected", [(KEEP_LOCAL, "Mon nom"), (TAKE_REMOTE, "Son nom")])
def test_the_second_saver_sees_both_versions_and_chooses(team_layer, colleague_layer, choice, expected):
    fid = next(team_layer.getFeatures()).id()
    _edit(team_layer, fid, nom="Mon nom")
    _edit(colleague_layer, fid, nom="Son nom", telephone="+33491111111")
    assert colleague_layer.commitChanges(), colleague_layer.commitErrors()
    seen = []

    def resolver(conflicts):
        seen.extend(conflicts)
        return {conflict.lieu_id: choice for conflict in conflicts}

    guard_layer(team_layer, resolver)
    assert team_layer.commitChanges(), team_layer.commitErrors()
    [conflict] = seen
    assert conflict.fid == fid and (conflict.my_version, conflict.their_version) == (1, 2)
    # side by side: the fields that differ (the colleague's other changes are under mine too)
    assert conflict.differences == [("nom", "Mon nom", "Son nom")]
    team_layer.reload()
    saved = team_layer.getFeature(fid)
    assert saved["nom"] == expected
    assert saved["telephone"] == "+33491111111"  # the colleague's other field is kept either way


AGENT_SCRIPT = textwrap.dedent(
    """
    import sys
    from qgis.core import QgsApplication
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.insert(0, sys.argv[1])
    from plugin.qgis.team_database import TeamDatabase
    layer = TeamDatabase(sys.argv[2], sys.argv[3]).open_layer()
    fid_same, fid_other = int(sys.argv[4]), int(sys.argv[5])
    layer.startEditing()
    for fid, value in ((fid_same, "nom de l'autre agent"), (fid_other, "autre lieu")):
        layer.changeAttributeValue(fid, layer.fields().indexFromName("nom"), value)
    print("saved" if layer.commitChanges() else "refused " + " ".join(layer.commitErrors()), flush=True)
    """
)


def test_two_processes_edit_concurrently(imported_team, team_layer, postgres_cluster, repo_root, tmp_path):
    fids = [f.id() for f in team_layer.getFeatures()][:3]
    _edit(team_layer, fids[0], nom="mon nom")  # editing started here first
    _edit(team_layer, fids[2], commune="Marseille")
    script = tmp_path / "agent.py"
    script.write_text(AGENT_SCRIPT, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PGAPPNAME": "second-agent"}
    done = subprocess.run(
        [sys.executable, str(script), str(repo_root), _connection_uri(postgres_cluster), imported_team.schema_name,
         str(fids[0]), str(fids[1])],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert "saved" in done.stdout, done.stderr[-2000:]
    seen = []
    guard_layer(team_layer, lambda conflicts: seen.extend(conflicts) or {c.lieu_id: KEEP_LOCAL for c in conflicts})
    assert team_layer.commitChanges(), team_layer.commitErrors()
    assert [c.fid for c in seen] == [fids[0]]  # only the lieu both edited
    rows = dict(imported_team.run(
        f'SELECT fid, nom || \' / \' || commune FROM "{imported_team.schema_name}".lieux WHERE fid IN {tuple(fids)}'))
    assert rows[fids[0]].startswith("mon nom / ")
    assert rows[fids[1]].startswith("autre lieu / ")
    assert rows[fids[2]].endswith(" / Marseille")
    edits = [e for e in imported_team.journal() if e.operation == "update"]
    # every save journaled: nom of 2 lieux by the other agent, nom and commune here (date_maj: today once)
    assert sorted((e.lieu_fid, e.field) for e in edits if e.field != "date_maj") == sorted(
        [(fids[0], "nom"), (fids[1], "nom"), (fids[0], "nom"), (fids[2], "commune")])


@pytest.fixture()
def mednum_provider(qgis_processing):
    from qgis.core import QgsApplication

    from plugin.processing.provider import MednumProvider

    provider = MednumProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    yield provider
    QgsApplication.processingRegistry().removeProvider(provider)


def test_processing_init_database_then_import_into_it(team, postgres_cluster, samples, mednum_provider, english,
                                                      qgis_new_project):
    import processing
    from qgis.core import QgsProcessingException

    target = {"DATABASE_URI": _connection_uri(postgres_cluster), "SCHEMA": team.schema_name}
    result = processing.run("mednum:init_database", target)
    assert (result["VERSION_BEFORE"], result["VERSION"], result["LIEUX"]) == (0, ps.LATEST_VERSION, 0)
    result = processing.run("mednum:init_database", target)  # idempotent
    assert (result["VERSION_BEFORE"], result["VERSION"]) == (ps.LATEST_VERSION, ps.LATEST_VERSION)
    with pytest.raises(QgsProcessingException, match="no password"):
        processing.run("mednum:init_database", {**target, "DATABASE_URI": target["DATABASE_URI"] + " password=x"})

    result = processing.run("mednum:import", {"INPUT": str(samples / HUB), "OUTPUT": "TEMPORARY_OUTPUT", **target})
    assert result["LIEUX"] == 646 and team.lieux_count() == 646
    kept = team.run(f'SELECT DISTINCT jsonb_object_keys(columns) FROM "{team.schema_name}".colonnes_source')
    assert sorted(kept) == [("labels_nationaux",), ("publics_accueillis",)]  # kept aside, by lieu
    [entry] = team.journal()
    assert json.loads(entry.after)["colonnes_source"] == ["labels_nationaux", "publics_accueillis"]
    with pytest.raises(QgsProcessingException, match="already holds 646 lieux"):
        processing.run("mednum:import", {"INPUT": str(samples / HUB), "OUTPUT": "TEMPORARY_OUTPUT", **target})


def test_live_validation_and_the_orientation_filter_work_on_the_team_layer(team_layer):
    import time

    from qgis.PyQt.QtCore import QCoreApplication

    from plugin.core.orientation import Query
    from plugin.qgis import orientation_layer
    from plugin.qgis.live_validation import LiveValidation

    live = LiveValidation(team_layer)
    live.start()
    deadline = time.monotonic() + 60
    while not live.ready and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    assert live.ready
    fid = next(team_layer.getFeatures()).id()
    assert not [i for i in live.state.open_issues(fid) if i.value == "ABCDE"]
    team_layer.startEditing()
    team_layer.changeAttributeValue(fid, team_layer.fields().indexFromName("code_postal"), "ABCDE")
    live.flush()
    # the edit is validated as it is made
    assert [i.field for i in live.state.open_issues(fid) if i.value == "ABCDE"] == ["code_postal"]
    team_layer.rollBack()
    live.detach()

    index = orientation_layer.build_layer_index(team_layer)
    service = next(f["services"] for f in team_layer.getFeatures() if f["services"]).split("|")[0]
    result = index.engine.run(Query(selections={"services": (service,)}))
    assert 0 < result.count < team_layer.featureCount()
    assert orientation_layer.apply_result(team_layer, index, result)
    assert team_layer.featureCount() == result.count  # a subset string on the primary key, in PostgreSQL
    assert '"fid"' in team_layer.subsetString()


def test_the_push_dialog_previews_a_team_layer_from_the_team_database(team_layer, qgis_new_project):
    import time

    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import QCoreApplication

    from plugin.api.errors import ApiError
    from plugin.gui.push_dialog import PushDialog

    asked = []

    def no_client(key):  # no token configured: the dialog says so and previews offline
        asked.append(key)
        raise ApiError(f"no token for {key}")

    QgsProject.instance().addMapLayer(team_layer)
    dialog = PushDialog(None, team_layer, client_factory=no_client)
    try:
        deadline = time.monotonic() + 120
        while dialog.busy and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.01)
        assert dialog.report is not None  # planned from the team's sync table: never pulled, every lieu is new
        assert len(dialog.report.items) + len(getattr(dialog.report, "invalid", []) or []) > 0
        assert all(item.created for item in dialog.report.items)
        assert dialog.journal.rows() == []  # the team's push journal, empty
        assert asked == ["carto-v0"] * len(asked)  # no source client: the lieux were never pulled
    finally:
        dialog.deleteLater()
        QgsProject.instance().removeMapLayer(team_layer.id())
