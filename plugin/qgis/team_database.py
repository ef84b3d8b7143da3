"""Team mode: a shared set of lieux in PostgreSQL/PostGIS, reached through a QGIS PostgreSQL connection.

* **Credentials** come from the QGIS connection: its ``authcfg`` (the QGIS authentication database) is
  expanded in memory when a connection is opened, never written anywhere. Headless (a script, the CLI, CI):
  a connection URI without password plus libpq's own ``PGPASSWORD`` / ``~/.pgpass`` / ``PGSERVICE``.
* **Administration** (migrations, bulk import, the journal) goes through psycopg2, which QGIS ships (a
  dependency of Debian's ``python3-qgis``, in OSGeo4W too): COPY writes 50,000 lieux in seconds, and QGIS's
  own connection pool, which caches whether PostGIS is installed when a connection opens, never sees the
  database before the PostGIS extension exists.
* **The working layer** is a plain QGIS ``postgres`` layer on ``<schema>.lieux``: the form, constraints and
  style of the GeoPackage working layer, the style stored in the database's ``layer_styles`` (QGIS
  restores it for every agent), refreshed when a colleague saves (the triggers NOTIFY ``qgis``).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from qgis.core import QgsDataSourceUri, QgsProviderRegistry, QgsVectorLayer, QgsWkbTypes

from ..core import postgis_schema as ps
from ..core.coordinates import point_of, points_of_columns
from ..core.i18n import translate
from ..core.records import ColumnarRecords
from ..core.schema import Schema, load_schema
from .working_layer import (
    WORKING_LAYER_PROPERTY,
    ImportCanceledError,
    SideTable,
    WorkingLayerError,
    configure_working_layer,
    save_default_style,
)

_COPY_CHUNK = 5000


def _tr(text: str) -> str:
    return translate("TeamDatabase", text)


def connection_names() -> list[str]:
    """The PostgreSQL connections saved in QGIS (Browser → PostgreSQL), sorted."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    return sorted(metadata.connections().keys()) if metadata else []


@dataclass
class JournalEntry:
    id: int
    time: datetime
    agent: str
    operation: str
    lieu_fid: int | None
    lieu_id: str
    field: str
    before: str
    after: str


class TeamDatabase:
    """One team schema in one PostgreSQL database."""

    def __init__(self, uri: QgsDataSourceUri | str, schema_name: str = ps.DEFAULT_SCHEMA, label: str = ""):
        self.uri = QgsDataSourceUri(uri) if isinstance(uri, str) else QgsDataSourceUri(uri)
        self.schema_name = ps.check_schema_name(schema_name)
        self.label = label or self.uri.database() or self.uri.service()

    @classmethod
    def from_connection(cls, name: str, schema_name: str = ps.DEFAULT_SCHEMA) -> TeamDatabase:
        """The database of the QGIS PostgreSQL connection ``name``."""
        metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
        try:
            connection = metadata.findConnection(name) if metadata else None
        except Exception:  # noqa: BLE001 (QgsProviderConnectionException)
            connection = None
        if connection is None:
            raise ps.TeamDatabaseError(
                _tr("There is no PostgreSQL connection named “{name}” in QGIS (Browser → PostgreSQL → New "
                    "Connection).").format(name=name)
            )
        return cls(connection.uri(), schema_name, label=name)

    @classmethod
    def from_layer(cls, layer: QgsVectorLayer) -> TeamDatabase:
        """The team database of a team working layer (its connection and schema)."""
        uri = QgsDataSourceUri(layer.source())
        return cls(uri, uri.schema() or "public", label=uri.database())

    # ── connections ──────────────────────────────────────────────────────────────────────────────────

    def _dsn(self) -> str:
        uri = QgsDataSourceUri(self.uri)
        return uri.connectionInfo(True)  # the authcfg expanded into user/password, in memory only

    def connect(self):
        """A psycopg2 connection in autocommit mode; failures become TeamDatabaseError (French)."""
        try:
            import psycopg2
        except ImportError as error:
            raise ps.TeamDatabaseError(
                _tr("The Python module psycopg2 is missing (Debian/Ubuntu: apt install python3-psycopg2).")
            ) from error
        try:
            connection = psycopg2.connect(self._dsn(), application_name="lieux_mednum", connect_timeout=15)
        except psycopg2.Error as error:
            raise ps.TeamDatabaseError(
                _tr("The database {name} cannot be reached: {error}Check the connection (host, port, user, "
                    "password in the QGIS authentication database).").format(name=self.label, error=error)
            ) from error
        connection.autocommit = True
        return connection

    def run(self, sql: str, agent: str = "") -> list[tuple]:
        """Run a script on a new connection; the rows of its last statement."""
        import psycopg2

        connection = self.connect()
        try:
            if agent:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT set_config(%s, %s, false)", (ps.AGENT_SETTING, agent))
            return list(ps.dbapi_executor(connection)(sql))
        except psycopg2.Error as error:
            raise ps.TeamDatabaseError(
                _tr("The database {name} refused the request: {error}").format(name=self.label, error=error)
            ) from error
        finally:
            connection.close()

    # ── schema ───────────────────────────────────────────────────────────────────────────────────────

    def version(self) -> int:
        connection = self.connect()
        try:
            return ps.current_version(ps.dbapi_executor(connection), self.schema_name)
        finally:
            connection.close()

    def initialise(self, schema: Schema | None = None) -> tuple[int, int]:
        """Create or upgrade the team schema (idempotent); (version before, version after)."""
        import psycopg2

        connection = self.connect()
        try:
            return ps.migrate(ps.dbapi_executor(connection), self.schema_name, schema)
        except psycopg2.Error as error:
            hint = ""
            if "postgis" in str(error).lower() or "extension" in str(error).lower():
                hint = _tr(" PostGIS must be installed on the server and the user allowed to create the "
                           "extension (or an administrator runs CREATE EXTENSION postgis once).")
            raise ps.TeamDatabaseError(
                _tr("The schema {schema} could not be created in {name}: {error}").format(
                    schema=self.schema_name, name=self.label, error=error) + hint
            ) from error
        finally:
            connection.close()

    def _table(self, name: str) -> str:
        return f"{ps.quote_identifier(self.schema_name)}.{ps.quote_identifier(name)}"

    def lieux_count(self) -> int:
        return int(self.run(f"SELECT count(*) FROM {self._table(ps.LIEUX_TABLE)}")[0][0])

    # ── bulk import ──────────────────────────────────────────────────────────────────────────────────

    def write_records(
        self,
        records: Sequence[Mapping[str, str]],
        side_table: SideTable | None = None,
        metadata: Mapping[str, str] | None = None,
        schema: Schema | None = None,
        progress=None,
        is_canceled=None,
        points: Sequence[tuple[float, float] | None] | None = None,
        replace: bool = False,
    ) -> int:
        """Write the lieux of an import into the team schema (initialised if needed), in one transaction.

        The schema's ``lieux`` must be empty unless ``replace`` (then the team's lieux are replaced; the
        journal records the import with the number of lieux replaced). Written as the source has them
        (bulk mode: the hard rules are for later edits); one journal row for the import."""
        import psycopg2

        schema = schema or load_schema()
        self.initialise(schema)
        names = schema.field_names
        columnar = records.column_data() if isinstance(records, ColumnarRecords) else None
        if columnar is not None:
            cells = [records.column(name) for name in names]
            if points is None:
                points = points_of_columns(records.column("latitude"), records.column("longitude"))
        total = len(records)
        lieux, side = self._table(ps.LIEUX_TABLE), self._table(ps.SIDE_TABLE)
        column_list = ",".join(ps.quote_identifier(n) for n in (ps.KEY_COLUMN, *names, ps.GEOMETRY_COLUMN))
        connection = self.connect()
        connection.autocommit = False
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT set_config(%s, 'on', true)", (ps.BULK_SETTING,))
                cursor.execute(f"LOCK TABLE {lieux} IN EXCLUSIVE MODE")
                cursor.execute(f"SELECT count(*) FROM {lieux}")
                existing = cursor.fetchone()[0]
                if existing and not replace:
                    raise ps.TeamDatabaseError(
                        _tr("The schema {schema} of {name} already holds {n} lieux: open them, or choose to "
                            "replace them.").format(schema=self.schema_name, name=self.label, n=existing)
                    )
                if existing:
                    cursor.execute(f"DELETE FROM {lieux}")
                    cursor.execute(f"DELETE FROM {side}")
                start_fid = 1  # the source row number, as in a working GeoPackage
                for start in range(0, total, _COPY_CHUNK):
                    if is_canceled and is_canceled():
                        raise ImportCanceledError()
                    end = min(start + _COPY_CHUNK, total)
                    buffer = io.StringIO()
                    writer = csv.writer(buffer, lineterminator="\n")
                    for index in range(start, end):
                        if columnar is not None:
                            values = [column[index] for column in cells]
                            point = points[index]
                        else:
                            record = records[index]
                            values = [record.get(name) or "" for name in names]
                            point = points[index] if points is not None else point_of(record)
                        geometry = f"SRID=4326;POINT({point[0]!r} {point[1]!r})" if point else ""
                        writer.writerow([start_fid + index, *values, geometry])
                    buffer.seek(0)
                    # CSV: an unquoted empty cell is NULL (the standard's missing value)
                    cursor.copy_expert(f"COPY {lieux} ({column_list}) FROM STDIN WITH (FORMAT csv)", buffer)
                    if progress:
                        progress(90.0 * end / max(total, 1))
                cursor.execute(
                    "SELECT setval(pg_get_serial_sequence(%s, %s), greatest(%s, 1), %s)",
                    (f"{ps.quote_identifier(self.schema_name)}.{ps.LIEUX_TABLE}", ps.KEY_COLUMN, total, total > 0),
                )
                if side_table and side_table.columns:
                    buffer = io.StringIO()
                    writer = csv.writer(buffer, lineterminator="\n")
                    ids = records.column("id") if columnar is not None else [r.get("id") or "" for r in records]
                    for index, row in enumerate(side_table.rows):
                        kept = {column: value for column, value in row.items() if value}
                        writer.writerow([start_fid + index, ids[index] or "", json.dumps(kept, ensure_ascii=False)])
                    buffer.seek(0)
                    cursor.copy_expert(f"COPY {side} (fid, id, columns) FROM STDIN WITH (FORMAT csv)", buffer)
                details = {"lieux": total, "replaced": existing, **(metadata or {}),
                           "colonnes_source": list(side_table.columns) if side_table else []}
                cursor.execute(
                    f"INSERT INTO {self._table(ps.JOURNAL_TABLE)} (agent, operation, after) "
                    f"VALUES ({ps.quote_identifier(self.schema_name)}.mednum_agent(), 'import', %s)",
                    (json.dumps(details, ensure_ascii=False),),
                )
                cursor.execute(f"NOTIFY qgis, {ps.quote_literal(self.schema_name)}")
            connection.commit()
        except psycopg2.Error as error:
            connection.rollback()
            raise ps.TeamDatabaseError(
                _tr("The lieux could not be written to {name}: {error}").format(name=self.label, error=error)
            ) from error
        except BaseException:
            connection.rollback()
            raise
        finally:
            connection.close()
        self.store_form_and_style()
        if progress:
            progress(100.0)
        return total

    def store_form_and_style(self) -> None:
        """Form and style of the working layer as the table's default style in ``layer_styles`` (QGIS restores
        it for every agent). Safe in a background task: the layer is never added to a project."""
        layer = QgsVectorLayer(self.layer_uri().uri(False), ps.LIEUX_TABLE, "postgres")
        if not layer.isValid() or layer.customProperty(WORKING_LAYER_PROPERTY):
            return  # the team's stored style is kept (QGIS 3.22 would ask before replacing it)
        configure_working_layer(layer)
        try:
            save_default_style(layer)
        except WorkingLayerError:
            pass  # no right to create public.layer_styles: the plugin configures the form at each opening

    def sync_store(self):
        """The team's sync table and push journal (:class:`~..core.team_sync.PostgresSyncStore`)."""
        from ..core.team_sync import PostgresSyncStore

        return PostgresSyncStore(self.connect, self.schema_name, label=self.display_name())

    def record_pull(self, entries, extras: Mapping[str, Mapping[str, str]] | None = None) -> int:
        """The origins of pulled lieux in the team's sync table (``mednum_sync``, as in a GeoPackage)."""
        import psycopg2

        store = self.sync_store()
        try:
            count = store.record_pull(entries)
            if extras:
                store.record_extras(extras)
        except psycopg2.Error as error:
            raise ps.TeamDatabaseError(
                _tr("The sync table of {name} could not be written: {error}").format(name=self.label, error=error)
            ) from error
        return count

    # ── the working layer ────────────────────────────────────────────────────────────────────────────

    def layer_uri(self) -> QgsDataSourceUri:
        uri = QgsDataSourceUri(self.uri)
        uri.setDataSource(self.schema_name, ps.LIEUX_TABLE, ps.GEOMETRY_COLUMN, "", ps.KEY_COLUMN)
        uri.setSrid("4326")
        uri.setWkbType(QgsWkbTypes.Point)
        return uri

    def open_layer(self, name: str | None = None) -> QgsVectorLayer:
        """The team's working layer: form and style of the working layer (stored in ``layer_styles`` the
        first time), refreshed when a colleague saves, guarded against overwriting a colleague's edit."""
        from .team_layer import guard_layer

        layer = QgsVectorLayer(self.layer_uri().uri(False), name or self.default_layer_name(), "postgres")
        if not layer.isValid():
            raise WorkingLayerError(
                _tr("The table {schema}.lieux of {name} cannot be opened: initialise the team database first "
                    "(Processing: mednum:init_database).").format(schema=self.schema_name, name=self.label)
            )
        had_style = bool(layer.customProperty(WORKING_LAYER_PROPERTY))
        # the form follows the current schema and settings; the stored symbology is the team's: kept
        configure_working_layer(layer, style=not had_style)
        if not had_style:
            try:
                save_default_style(layer)
            except WorkingLayerError:
                pass  # no right to create layer_styles: the form still comes from the plugin each time
        layer.setRefreshOnNotifyEnabled(True)  # NOTIFY qgis from the triggers: every save of a colleague
        guard_layer(layer)
        return layer

    def display_name(self) -> str:
        return f"{self.label} · {self.schema_name}"

    def default_layer_name(self) -> str:
        return _tr("Lieux — team {schema} ({name})").format(schema=self.schema_name, name=self.label)

    # ── journal ──────────────────────────────────────────────────────────────────────────────────────

    def journal(
        self,
        agent: str = "",
        since: datetime | None = None,
        until: datetime | None = None,
        lieu_fid: int | None = None,
        limit: int = 10000,
    ) -> list[JournalEntry]:
        """« Who changed what », newest first, filtered by agent, time and lieu."""
        import psycopg2

        clauses, values = [], []
        if agent:
            clauses.append("agent = %s")
            values.append(agent)
        if since is not None:
            clauses.append("time >= %s")
            values.append(since)
        if until is not None:
            clauses.append("time < %s")
            values.append(until)
        if lieu_fid is not None:
            clauses.append("lieu_fid = %s")
            values.append(lieu_fid)
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        connection = self.connect()
        try:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT id, time, agent, operation, lieu_fid, coalesce(lieu_id, ''), coalesce(field, ''), "
                    f"coalesce(before, ''), coalesce(after, '') FROM {self._table(ps.JOURNAL_TABLE)}{where} "
                    "ORDER BY id DESC LIMIT %s",
                    (*values, limit),
                )
                return [JournalEntry(*row) for row in cursor.fetchall()]
        except psycopg2.Error as error:
            raise ps.TeamDatabaseError(
                _tr("The journal of {name} could not be read: {error}").format(name=self.label, error=error)
            ) from error
        finally:
            connection.close()

    def agents(self) -> list[str]:
        return [row[0] for row in self.run(f"SELECT DISTINCT agent FROM {self._table(ps.JOURNAL_TABLE)} ORDER BY 1")]

    def restore(self, journal_id: int) -> int:
        """Restore the lieu deleted by the journal row ``journal_id``; its fid."""
        rows = self.run(f"SELECT {ps.quote_identifier(self.schema_name)}.{ps.RESTORE_FUNCTION}({int(journal_id)})")
        return int(rows[0][0])
