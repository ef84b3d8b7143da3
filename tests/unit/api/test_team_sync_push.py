"""Pull → edit → push from a team database: the sync table and the push journal in the team schema
(PostgreSQL, a throw-away cluster), as in a working GeoPackage; pushing twice sends nothing the second time."""

from __future__ import annotations

import pytest

from plugin.api.connectors import make_connector
from plugin.api.pull import sync_entries
from plugin.api.push import ACCEPTED, CartographieV0Target, plan_push, run_push
from plugin.api.territory import Territory
from plugin.core import postgis_schema as ps
from plugin.core.team_sync import PostgresSyncStore
from tests.fakeapi.data import carto_dataset


@pytest.fixture
def team_store(postgres_cluster, pg_schema):
    connection = postgres_cluster.connect()
    ps.migrate(ps.dbapi_executor(connection), pg_schema)
    connection.close()
    return PostgresSyncStore(lambda: postgres_cluster.connect(), pg_schema)


def test_a_push_from_the_team_database_is_journaled_there(fake, carto_client, make_client, team_store, postgres_cluster,
                                                          pg_schema):
    fake.set_carto(carto_dataset(12))
    fake.v0.clear()
    fake.patches.clear()
    connector = make_connector("carto", carto_client, page_size=10)
    result = connector.pull(Territory("departement", "13"))
    team_store.record_pull(sync_entries(result, connector.carried_fields))
    assert team_store.sources() == {"carto"}
    records = [dict(lieu.record) for lieu in result.lieux]
    records[0]["nom"] = "Médiathèque rénovée"
    target = CartographieV0Target(make_client("/api/v0", "x-api-key", fake.tokens["push"]), batch_size=2)

    def push():
        report = plan_push(records, team_store, target.key)
        return run_push(report, target, team_store, {"carto": connector}, batch_size=2)

    assert [item.status for item in push().items] == [ACCEPTED]
    journal = team_store.journal_rows(records[0]["id"])
    assert [row.status for row in journal] == [ACCEPTED] and journal[0].after["nom"] == "Médiathèque rénovée"
    assert push().items == []  # the pushed record is the new base, in the team's sync table
    with postgres_cluster.connect() as connection, connection.cursor() as cursor:
        cursor.execute(f'SELECT count(*) FROM "{pg_schema}".mednum_push_journal')
        assert cursor.fetchone()[0] == 1
    assert len(fake.patches) == 1
