"""The team schema on a real PostgreSQL/PostGIS (a throw-away cluster, one schema per test): migrations,
hard rules, optimistic locking, journal triggers and restoration of a deleted lieu."""

from __future__ import annotations

import json

import pytest

from plugin.core import postgis_schema as ps


@pytest.fixture()
def db(postgres_cluster, pg_schema):
    connection = postgres_cluster.connect()
    yield connection, ps.dbapi_executor(connection), pg_schema
    connection.close()


def _insert(execute, s, **values):
    values = {"id": "L1", "pivot": "00000000000000", "nom": "Médiathèque", "commune": "Lyon", "code_postal": "69001",
              "adresse": "1 rue A", "date_maj": "2024-01-01", **values}
    names = ",".join(f'"{k}"' for k in values)
    literals = ",".join("NULL" if v is None else ps.quote_literal(v) for v in values.values())
    return execute(f'INSERT INTO "{s}".lieux ({names}) VALUES ({literals}) RETURNING fid')[0][0]


def test_migrations_create_the_tables_and_run_again_as_no_op(db, schema):
    connection, execute, s = db
    assert ps.current_version(execute, s) == 0
    assert ps.migrate(execute, s) == (0, ps.LATEST_VERSION)
    assert ps.migrate(execute, s) == (ps.LATEST_VERSION, ps.LATEST_VERSION)
    assert execute(f'SELECT count(*) FROM "{s}".schema_version')[0][0] == len(ps.MIGRATIONS)
    columns = execute(
        "SELECT column_name, data_type FROM information_schema.columns "
        f"WHERE table_schema = '{s}' AND table_name = 'lieux' ORDER BY ordinal_position"
    )
    names = [c for c, _ in columns]
    assert names == ["fid", *schema.field_names, "geom", "row_version"]
    assert {t for c, t in columns if c in schema.field_names} == {"text"}
    srid = execute(f"SELECT Find_SRID('{s}', 'lieux', 'geom')")[0][0]
    assert srid == 4326
    tables = {r[0] for r in execute(f"SELECT table_name FROM information_schema.tables WHERE table_schema = '{s}'")}
    assert {"lieux", "colonnes_source", "mednum_sync", "journal", "schema_version"} <= tables


def test_an_older_schema_is_upgraded_and_keeps_its_lieux(db):
    _, execute, s = db
    execute(ps.migration_script(s, 0, to_version=1))
    assert ps.current_version(execute, s) == 1
    _insert(execute, s)
    assert ps.migrate(execute, s) == (1, ps.LATEST_VERSION)
    assert execute(f'SELECT id FROM "{s}".lieux') == [("L1",)]
    triggers = {r[0] for r in execute(
        f"SELECT tgname FROM pg_trigger WHERE tgrelid = '\"{s}\".lieux'::regclass AND NOT tgisinternal")}
    assert triggers == {"lieux_before_write", "lieux_journal", "lieux_notify"}


def test_a_newer_schema_is_refused_with_a_message(db, english):
    _, execute, s = db
    ps.migrate(execute, s)
    execute(f"INSERT INTO \"{s}\".schema_version (version, description) VALUES ({ps.LATEST_VERSION + 1}, 'future')")
    with pytest.raises(ps.TeamDatabaseError, match="newer version"):
        ps.migrate(execute, s)


def test_bad_schema_names_are_refused(english):
    with pytest.raises(ps.TeamDatabaseError):
        ps.check_schema_name('x"; DROP TABLE lieux; --')


def test_hard_rules_apply_to_edits_but_a_bulk_import_keeps_the_source(db):
    import psycopg2

    connection, execute, s = db
    ps.migrate(execute, s)
    _insert(execute, s)
    with pytest.raises(psycopg2.Error, match="unique id L1"):
        _insert(execute, s)
    with pytest.raises(psycopg2.Error, match="required"):
        _insert(execute, s, id="L2", nom=None)
    with pytest.raises(psycopg2.Error, match="required id"):
        _insert(execute, s, id=None)
    # a bulk import: duplicates and gaps of the source are kept (the validation reports them)
    execute(f"BEGIN; SET LOCAL {ps.BULK_SETTING} = 'on';"
            f"INSERT INTO \"{s}\".lieux (id, nom) VALUES ('L1', NULL), (NULL, 'sans id'); COMMIT;")
    assert execute(f'SELECT count(*) FROM "{s}".lieux')[0][0] == 3
    assert execute(f'SELECT count(*) FROM "{s}".journal')[0][0] == 1  # the bulk rows are not journaled one by one


def test_row_version_refuses_a_stale_update(db):
    import psycopg2

    connection, execute, s = db
    ps.migrate(execute, s)
    fid = _insert(execute, s)
    execute(f"UPDATE \"{s}\".lieux SET nom = 'A', row_version = 1 WHERE fid = {fid}")  # read version 1: accepted
    assert execute(f'SELECT row_version FROM "{s}".lieux')[0][0] == 2
    with pytest.raises(psycopg2.Error) as refused:  # a second agent who also read version 1
        execute(f"UPDATE \"{s}\".lieux SET nom = 'B', row_version = 1 WHERE fid = {fid}")
    assert ps.conflict_fids(str(refused.value)) == [fid]
    assert execute(f'SELECT nom, row_version FROM "{s}".lieux')[0] == ("A", 2)
    execute(f"UPDATE \"{s}\".lieux SET telephone = '+33100000000' WHERE fid = {fid}")  # no version sent: accepted
    assert execute(f'SELECT row_version FROM "{s}".lieux')[0][0] == 3


def test_the_journal_records_who_changed_which_field_and_deletions_can_be_restored(db):
    connection, execute, s = db
    ps.migrate(execute, s)
    fid = execute(f"SET {ps.AGENT_SETTING} = 'Camille'; SELECT 1")  # noqa: F841 (session setting)
    fid = _insert(execute, s, latitude="45.76", longitude="4.83")
    execute(f"UPDATE \"{s}\".lieux SET geom = ST_SetSRID(ST_MakePoint(4.83, 45.76), 4326) WHERE fid = {fid}")
    execute(f"UPDATE \"{s}\".lieux SET nom = 'Médiathèque B', telephone = '+33472000000' WHERE fid = {fid}")
    execute(f"SET {ps.AGENT_SETTING} = ''; DELETE FROM \"{s}\".lieux WHERE fid = {fid}")
    rows = execute(f'SELECT agent, operation, lieu_id, field, before, after FROM "{s}".journal ORDER BY id')
    assert [r[:4] for r in rows] == [
        ("Camille", "insert", "L1", None),
        ("Camille", "update", "L1", "nom"),
        ("Camille", "update", "L1", "telephone"),
        ("mednum_admin", "delete", "L1", None),  # no agent setting: the database role
    ]
    assert rows[1][4:] == ("Médiathèque", "Médiathèque B")
    assert rows[2][4:] == (None, "+33472000000")
    deleted = json.loads(rows[3][4])
    assert deleted["nom"] == "Médiathèque B" and deleted["geom"].startswith("SRID=4326;POINT")
    journal_id = execute(f"SELECT id FROM \"{s}\".journal WHERE operation = 'delete'")[0][0]
    restored = execute(f'SELECT "{s}".restaurer_lieu({journal_id})')[0][0]
    assert restored == fid
    back = execute(f'SELECT nom, telephone, ST_AsText(geom), row_version FROM "{s}".lieux WHERE fid = {fid}')
    assert back == [("Médiathèque B", "+33472000000", "POINT(4.83 45.76)", 1)]
    assert execute(f'SELECT operation FROM "{s}".journal ORDER BY id DESC LIMIT 1')[0][0] == "restore"
