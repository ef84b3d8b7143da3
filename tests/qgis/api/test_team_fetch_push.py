"""A team database filled by ``mednum:fetch`` from the fake Cartographie, a lieu edited on the team layer, then
pushed from it: the sync table and the push journal are the team schema's (PostgreSQL, a throw-away cluster)."""

from __future__ import annotations

import pytest
from qgis.core import QgsApplication

from plugin.api.push import ACCEPTED
from plugin.qgis import api_session
from plugin.qgis.team_database import TeamDatabase
from plugin.qgis.working_layer import records_from_layer
from tests.fakeapi import FakeApi
from tests.fakeapi.data import carto_dataset

PATCH_PATH = "/api/v0/lieux-inclusion-numerique"


@pytest.fixture
def fake(monkeypatch):
    fake = FakeApi(carto_token="team-carto-token", push_key="team-push-key")
    fake.set_carto(carto_dataset(12))
    fake.start()
    monkeypatch.setenv("MEDNUM_CARTO_URL", fake.url)
    monkeypatch.setenv("MEDNUM_CARTO_TOKEN", fake.tokens["carto"])
    monkeypatch.setenv("MEDNUM_CARTO_V0_URL", fake.url + "/api/v0")
    monkeypatch.setenv("MEDNUM_CARTO_V0_TOKEN", fake.tokens["push"])
    yield fake
    fake.stop()


@pytest.fixture()
def mednum_provider(qgis_processing):
    from plugin.processing.provider import MednumProvider

    provider = MednumProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    yield provider
    QgsApplication.processingRegistry().removeProvider(provider)


def test_fetch_into_the_team_database_edit_and_push_from_it(fake, postgres_cluster, pg_schema, mednum_provider,
                                                           qgis_new_project):
    import processing

    uri = f"host=127.0.0.1 port={postgres_cluster.port} dbname='{postgres_cluster.database}' " \
          f"user='{postgres_cluster.user}'"
    result = processing.run("mednum:fetch", {"SOURCE": 2, "TERRITORY": "13", "OUTPUT": "TEMPORARY_OUTPUT",
                                             "DATABASE_URI": uri, "SCHEMA": pg_schema})
    team = TeamDatabase(uri, pg_schema)
    assert result["COUNT"] == team.lieux_count() > 0
    store = team.sync_store()
    assert len(store.entries()) == result["COUNT"] and store.sources() == {"carto"}

    layer = team.open_layer()
    feature = next(layer.getFeatures())
    layer.startEditing()
    layer.changeAttributeValue(feature.id(), layer.fields().indexFromName("nom"), "Nom revu par l'équipe")
    assert layer.commitChanges(), layer.commitErrors()

    records = list(records_from_layer(layer))
    sources = {"carto": api_session.prepare_client("carto")}
    report = api_session.push(records, store, False, api_session.prepare_client("carto-v0"), sources)
    assert [item.status for item in report.items] == [ACCEPTED]
    assert len(fake.requests_to(PATCH_PATH)) == 1
    [row] = store.journal_rows(feature["id"])
    assert row.status == ACCEPTED and row.after["nom"] == "Nom revu par l'équipe"
    again = api_session.push(records, store, False, api_session.prepare_client("carto-v0"), sources)
    assert again.items == []  # the pushed version is the new base in the team's sync table
