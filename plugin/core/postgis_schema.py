"""Team mode: the PostgreSQL/PostGIS schema that holds one shared set of lieux (pure Python, no Qt/QGIS).

The database side of a team working layer, created and upgraded by versioned, idempotent migrations
(``schema_version`` records what was applied; running them again does nothing). One PostgreSQL schema
(``mednum`` by default) holds:

* ``lieux`` — the 32 fields of the standard, **as text** in their conformant representation (exactly as in
  the working GeoPackage: a value a real column would refuse, ``43,5`` or ``N/A``, stays and is reported),
  ``geom`` a point in EPSG:4326, an integer key ``fid`` and ``row_version`` for optimistic locking: every
  saved change increments it; a client that sends the version it read is refused when someone saved since
  (``MEDNUM_CONFLICT``), so a colleague's edit is never overwritten silently;
* the *hard* rules of the standard, checked by a trigger on every insert and update: ``id`` required and
  unique, the required fields present. A bulk import (``SET LOCAL mednum.bulk_import = 'on'``) writes the
  lieux as the source has them — duplicates and gaps included, reported by the validation, nothing lost —
  and the rules apply to every later edit, as the form's hard constraints do;
* ``colonnes_source`` — the source columns that are not fields of the standard (one JSON object per lieu);
* ``mednum_sync`` — the sync table of the API connectors (same columns as in the GeoPackage);
* ``journal`` — who changed what: one row per changed field (time, agent, lieu, field, before, after), one
  per creation and per deletion (the whole lieu as JSON, so that :data:`RESTORE_FUNCTION` restores it),
  written by triggers whatever the client (QGIS, a script, psql). The agent is the database role, or the
  session setting ``mednum.agent`` when one role serves several people (a workshop laptop).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

from .errors import MednumError
from .i18n import translate
from .schema import Schema, load_schema

DEFAULT_SCHEMA = "mednum"
LIEUX_TABLE = "lieux"
SIDE_TABLE = "colonnes_source"
SYNC_TABLE = "mednum_sync"
JOURNAL_TABLE = "journal"
VERSION_TABLE = "schema_version"
KEY_COLUMN = "fid"
GEOMETRY_COLUMN = "geom"
ROW_VERSION_COLUMN = "row_version"
RESTORE_FUNCTION = "restaurer_lieu"
CONFLICT_MARK = "MEDNUM_CONFLICT"  # in the error message of a refused update (the client parses it)
RULE_MARK = "MEDNUM_RULE"  # in the error message of a hard rule refused
AGENT_SETTING = "mednum.agent"
BULK_SETTING = "mednum.bulk_import"

_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")

# one callable runs a (possibly multi-statement) SQL script and returns the rows of its last statement
Executor = Callable[[str], Sequence[Sequence]]


class TeamDatabaseError(MednumError):
    """The team database could not be created, upgraded or read; ``message`` is for the user (French)."""

    default_code = "team-database"


def quote_identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def quote_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def check_schema_name(name: str) -> str:
    """A PostgreSQL schema name the plugin accepts (lower-case letters, digits, underscores)."""
    if not _IDENTIFIER.match(name or ""):
        raise TeamDatabaseError(
            translate(
                "TeamDatabase",
                "“{name}” is not a valid schema name: use lower-case letters, digits and underscores "
                "(for example mednum).",
            ).format(name=name)
        )
    return name


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    sql: Callable[[str, Schema], str]  # (quoted schema, schema of the standard) → SQL


def _lieux_table(s: str, schema: Schema) -> str:
    columns = ",\n  ".join(f"{quote_identifier(name)} text" for name in schema.field_names)
    required = " OR ".join(f"NEW.{quote_identifier(n)} IS NULL" for n in schema.required_names if n != "id")
    required_names = ", ".join(n for n in schema.required_names if n != "id")
    return f"""
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE TABLE IF NOT EXISTS {s}.{LIEUX_TABLE} (
  {KEY_COLUMN} serial PRIMARY KEY,  -- int4: QGIS uses it as the feature id (an int8 key is remapped)
  {columns},
  {GEOMETRY_COLUMN} geometry(Point, 4326),
  {ROW_VERSION_COLUMN} integer NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS {LIEUX_TABLE}_{GEOMETRY_COLUMN}_idx ON {s}.{LIEUX_TABLE} USING gist ({GEOMETRY_COLUMN});
CREATE INDEX IF NOT EXISTS {LIEUX_TABLE}_id_idx ON {s}.{LIEUX_TABLE} (id);

CREATE TABLE IF NOT EXISTS {s}.{SIDE_TABLE} (
  {KEY_COLUMN} integer PRIMARY KEY,
  id text,
  columns jsonb NOT NULL DEFAULT '{{}}'::jsonb
);

CREATE TABLE IF NOT EXISTS {s}.{SYNC_TABLE} (
  lieu_id text PRIMARY KEY,
  source text NOT NULL,
  remote_id text NOT NULL,
  remote_date_maj text,
  remote_hash text,
  base_record text NOT NULL,
  pulled_at text,
  pushed_hash text,
  pushed_date_maj text,
  pushed_at text,
  extras text
);

CREATE TABLE IF NOT EXISTS {s}.{JOURNAL_TABLE} (
  id bigserial PRIMARY KEY,
  time timestamptz NOT NULL DEFAULT now(),
  agent text NOT NULL,
  operation text NOT NULL CHECK (operation IN ('insert', 'update', 'delete', 'restore', 'import')),
  lieu_fid bigint,
  lieu_id text,
  field text,
  before text,
  after text
);
CREATE INDEX IF NOT EXISTS {JOURNAL_TABLE}_time_idx ON {s}.{JOURNAL_TABLE} (time);
CREATE INDEX IF NOT EXISTS {JOURNAL_TABLE}_agent_idx ON {s}.{JOURNAL_TABLE} (agent);
CREATE INDEX IF NOT EXISTS {JOURNAL_TABLE}_lieu_idx ON {s}.{JOURNAL_TABLE} (lieu_fid);

CREATE OR REPLACE FUNCTION {s}.mednum_agent() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(nullif(current_setting('{AGENT_SETTING}', true), ''), session_user::text)
$$;

CREATE OR REPLACE FUNCTION {s}.mednum_is_bulk() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('{BULK_SETTING}', true), '') = 'on'
$$;

-- the hard rules and the optimistic lock, before the row is written
CREATE OR REPLACE FUNCTION {s}.lieux_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.{ROW_VERSION_COLUMN} IS DISTINCT FROM OLD.{ROW_VERSION_COLUMN} THEN
      RAISE EXCEPTION '{CONFLICT_MARK} fid=% id=% version=% read=%',
        OLD.{KEY_COLUMN}, OLD.id, OLD.{ROW_VERSION_COLUMN}, NEW.{ROW_VERSION_COLUMN}
        USING ERRCODE = 'serialization_failure';
    END IF;
    NEW.{ROW_VERSION_COLUMN} := OLD.{ROW_VERSION_COLUMN} + 1;
  ELSE
    NEW.{ROW_VERSION_COLUMN} := 1;
  END IF;
  IF {s}.mednum_is_bulk() THEN
    RETURN NEW;
  END IF;
  IF NEW.id IS NULL THEN
    RAISE EXCEPTION '{RULE_MARK} required id' USING ERRCODE = 'not_null_violation';
  END IF;
  IF TG_OP = 'INSERT' OR NEW.id IS DISTINCT FROM OLD.id THEN
    PERFORM pg_advisory_xact_lock(hashtext('{s}.lieux.id:' || NEW.id));
    IF EXISTS (SELECT 1 FROM {s}.{LIEUX_TABLE} WHERE id = NEW.id AND {KEY_COLUMN} <> NEW.{KEY_COLUMN}) THEN
      RAISE EXCEPTION '{RULE_MARK} unique id %', NEW.id USING ERRCODE = 'unique_violation';
    END IF;
  END IF;
  IF {required} THEN
    RAISE EXCEPTION '{RULE_MARK} required {required_names}' USING ERRCODE = 'not_null_violation';
  END IF;
  RETURN NEW;
END
$$;

-- the journal: one row per changed field, one per creation or deletion (the whole lieu)
CREATE OR REPLACE FUNCTION {s}.lieux_journal() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_row jsonb;
  new_row jsonb;
  key text;
  operation text;
BEGIN
  IF {s}.mednum_is_bulk() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    old_row := to_jsonb(OLD) - '{ROW_VERSION_COLUMN}'
      || jsonb_build_object('{GEOMETRY_COLUMN}', ST_AsEWKT(OLD.{GEOMETRY_COLUMN}));
    INSERT INTO {s}.{JOURNAL_TABLE} (agent, operation, lieu_fid, lieu_id, before)
      VALUES ({s}.mednum_agent(), 'delete', OLD.{KEY_COLUMN}, OLD.id, old_row::text);
    RETURN NULL;
  END IF;
  new_row := to_jsonb(NEW) - '{ROW_VERSION_COLUMN}' - '{GEOMETRY_COLUMN}' - '{KEY_COLUMN}';
  IF TG_OP = 'INSERT' THEN
    operation := CASE WHEN current_setting('mednum.restoring', true) = 'on' THEN 'restore' ELSE 'insert' END;
    INSERT INTO {s}.{JOURNAL_TABLE} (agent, operation, lieu_fid, lieu_id, after)
      VALUES ({s}.mednum_agent(), operation, NEW.{KEY_COLUMN}, NEW.id, jsonb_strip_nulls(new_row)::text);
    RETURN NULL;
  END IF;
  old_row := to_jsonb(OLD) - '{ROW_VERSION_COLUMN}' - '{GEOMETRY_COLUMN}' - '{KEY_COLUMN}';
  FOR key IN SELECT jsonb_object_keys(new_row) LOOP
    IF new_row -> key IS DISTINCT FROM old_row -> key THEN
      INSERT INTO {s}.{JOURNAL_TABLE} (agent, operation, lieu_fid, lieu_id, field, before, after)
        VALUES ({s}.mednum_agent(), 'update', NEW.{KEY_COLUMN}, NEW.id, key, old_row ->> key, new_row ->> key);
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS lieux_before_write ON {s}.{LIEUX_TABLE};
CREATE TRIGGER lieux_before_write BEFORE INSERT OR UPDATE ON {s}.{LIEUX_TABLE}
  FOR EACH ROW EXECUTE FUNCTION {s}.lieux_before_write();
DROP TRIGGER IF EXISTS lieux_journal ON {s}.{LIEUX_TABLE};
CREATE TRIGGER lieux_journal AFTER INSERT OR UPDATE OR DELETE ON {s}.{LIEUX_TABLE}
  FOR EACH ROW EXECUTE FUNCTION {s}.lieux_journal();

-- a deleted lieu back, as it was (same fid when it is free), journaled as a restoration
CREATE OR REPLACE FUNCTION {s}.{RESTORE_FUNCTION}(journal_id bigint) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  saved jsonb;
  restored {s}.{LIEUX_TABLE};
  new_fid bigint;
BEGIN
  SELECT before::jsonb INTO saved FROM {s}.{JOURNAL_TABLE} WHERE id = journal_id AND operation = 'delete';
  IF saved IS NULL THEN
    RAISE EXCEPTION '{RULE_MARK} no deletion % in the journal', journal_id;
  END IF;
  restored := jsonb_populate_record(NULL::{s}.{LIEUX_TABLE}, saved);
  IF EXISTS (SELECT 1 FROM {s}.{LIEUX_TABLE} WHERE {KEY_COLUMN} = restored.{KEY_COLUMN}) THEN
    restored.{KEY_COLUMN} := nextval(pg_get_serial_sequence('{s}.{LIEUX_TABLE}', '{KEY_COLUMN}'));
  END IF;
  PERFORM set_config('mednum.restoring', 'on', true);
  INSERT INTO {s}.{LIEUX_TABLE} SELECT (restored).* RETURNING {KEY_COLUMN} INTO new_fid;
  PERFORM set_config('mednum.restoring', 'off', true);
  RETURN new_fid;
END
$$;
"""


def _notify(s: str, schema: Schema) -> str:
    """Open QGIS layers refresh when anyone saves (QGIS listens on the channel ``qgis``)."""
    return f"""
CREATE OR REPLACE FUNCTION {s}.lieux_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('qgis', TG_TABLE_SCHEMA);
  RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS lieux_notify ON {s}.{LIEUX_TABLE};
CREATE TRIGGER lieux_notify AFTER INSERT OR UPDATE OR DELETE ON {s}.{LIEUX_TABLE}
  FOR EACH STATEMENT EXECUTE FUNCTION {s}.lieux_notify();
"""


def _push_journal(s: str, schema: Schema) -> str:
    """The push journal of the API connectors, as in a working GeoPackage (a push from the team layer)."""
    return f"""
CREATE TABLE IF NOT EXISTS {s}.mednum_push_journal (
  fid bigserial PRIMARY KEY,
  time text NOT NULL,
  push_id text NOT NULL,
  target text NOT NULL,
  lieu_id text NOT NULL,
  before text,
  after text,
  status text NOT NULL,
  http_status integer,
  response_body text,
  message text
);
CREATE INDEX IF NOT EXISTS mednum_push_journal_lieu ON {s}.mednum_push_journal (lieu_id);
"""


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "lieux, colonnes_source, mednum_sync, journal, triggers", _lieux_table),
    Migration(2, "open QGIS layers refreshed on every save (NOTIFY qgis)", _notify),
    Migration(3, "push journal of the API connectors (mednum_push_journal)", _push_journal),
)
LATEST_VERSION = MIGRATIONS[-1].version


def current_version(execute: Executor, schema_name: str = DEFAULT_SCHEMA) -> int:
    """The last migration applied to ``schema_name`` (0 when the schema was never initialised)."""
    check_schema_name(schema_name)
    rows = execute(
        "SELECT to_regclass(" + quote_literal(f"{quote_identifier(schema_name)}.{VERSION_TABLE}") + ") IS NOT NULL"
    )
    if not rows or not rows[0][0]:
        return 0
    rows = execute(f"SELECT coalesce(max(version), 0) FROM {quote_identifier(schema_name)}.{VERSION_TABLE}")
    return int(rows[0][0]) if rows else 0


def migration_script(
    schema_name: str, from_version: int, schema: Schema | None = None, to_version: int = LATEST_VERSION
) -> str:
    """One transaction that brings ``schema_name`` from ``from_version`` to ``to_version`` (the latest).

    An advisory lock serialises two agents initialising at once; each migration records its version
    (a primary key: a concurrent run that got there first makes this one roll back, nothing half done)."""
    check_schema_name(schema_name)
    schema = schema or load_schema()
    s = quote_identifier(schema_name)
    parts = [
        "BEGIN;",
        f"SELECT pg_advisory_xact_lock(hashtext({quote_literal('mednum-migrate:' + schema_name)}));",
        f"CREATE SCHEMA IF NOT EXISTS {s};",
        f"CREATE TABLE IF NOT EXISTS {s}.{VERSION_TABLE} (version integer PRIMARY KEY, "
        "description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(), "
        "applied_by text NOT NULL DEFAULT session_user);",
    ]
    for migration in MIGRATIONS:
        if migration.version <= from_version or migration.version > to_version:
            continue
        parts.append(migration.sql(s, schema))
        parts.append(
            f"INSERT INTO {s}.{VERSION_TABLE} (version, description) "
            f"VALUES ({migration.version}, {quote_literal(migration.description)});"
        )
    parts.append("COMMIT;")
    return "\n".join(parts)


def migrate(execute: Executor, schema_name: str = DEFAULT_SCHEMA, schema: Schema | None = None) -> tuple[int, int]:
    """Create or upgrade the team schema; returns (version before, version after). Idempotent."""
    before = current_version(execute, schema_name)
    if before > LATEST_VERSION:
        raise TeamDatabaseError(
            translate(
                "TeamDatabase",
                "The schema {name} was created by a newer version of the plugin (version {found}, this one "
                "knows {known}): update the plugin.",
            ).format(name=schema_name, found=before, known=LATEST_VERSION)
        )
    if before < LATEST_VERSION:
        execute(migration_script(schema_name, before, schema))
    return before, current_version(execute, schema_name)


def conflict_fids(message: str) -> list[int]:
    """The fids named in a refused update's error message (the :data:`CONFLICT_MARK` lines)."""
    return [int(fid) for fid in re.findall(CONFLICT_MARK + r" fid=(\d+)", message or "")]


def dbapi_executor(connection) -> Executor:
    """An :data:`Executor` over a DB-API connection in autocommit mode (psycopg2: scripts, the benchmark)."""

    def run(sql: str) -> Sequence[Sequence]:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall() if cursor.description else []

    return run
