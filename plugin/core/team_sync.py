"""The sync table and push journal of a team database (PostgreSQL): the same :class:`~.sync.SyncStore`, its
statements run on the team schema's ``mednum_sync`` and ``mednum_push_journal`` (migration 3) through a DB-API
connection (psycopg2). Pure Python: the caller gives the function that opens a connection."""

from __future__ import annotations

import re
from contextlib import contextmanager
from typing import Callable, Iterator

from .postgis_schema import quote_identifier
from .sync import JOURNAL_TABLE, SYNC_TABLE, SyncStore

_TABLES = re.compile(rf"\b({SYNC_TABLE}|{JOURNAL_TABLE})\b")


class _Connection:
    """What SyncStore asks of a sqlite connection (execute, executemany), over a DB-API cursor."""

    def __init__(self, connection, schema_name: str):
        self.connection = connection
        self.schema = quote_identifier(schema_name)

    def _sql(self, sql: str) -> str:
        return _TABLES.sub(lambda m: f"{self.schema}.{m.group(1)}", sql).replace("?", "%s")

    def execute(self, sql: str, args=()):
        cursor = self.connection.cursor()
        cursor.execute(self._sql(sql), tuple(args))
        return cursor

    def executemany(self, sql: str, rows):
        cursor = self.connection.cursor()
        cursor.executemany(self._sql(sql), list(rows))
        return cursor


class PostgresSyncStore(SyncStore):
    def __init__(self, connect: Callable[[], object], schema_name: str, label: str = "") -> None:
        self.connect = connect
        self.schema_name = schema_name
        self.path = label or schema_name  # what messages name

    @contextmanager
    def _connect(self) -> Iterator[_Connection]:
        connection = self.connect()
        try:
            connection.autocommit = False
            yield _Connection(connection, self.schema_name)
            connection.commit()
        except BaseException:
            connection.rollback()
            raise
        finally:
            connection.close()

    _returning_fid = " RETURNING fid"

    @staticmethod
    def _inserted_fid(cursor) -> int:
        return int(cursor.fetchone()[0])

    def sources(self) -> set[str]:
        """The sources the team's lieux were pulled from."""
        with self._connect() as db:
            return {row[0] for row in db.execute(f"SELECT DISTINCT source FROM {SYNC_TABLE}").fetchall()}
