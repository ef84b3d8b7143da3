"""Plain tables kept beside the lieux in a working GeoPackage (pure Python, ``sqlite3``).

The validation dock keeps two of them: the accepted issues (``anomalies_acceptees``) and the merge journal
(``journal_fusions``). Each is a GeoPackage *attributes* table, registered in ``gpkg_contents``, so that QGIS,
GDAL and any SQLite tool list and open it like the other tables of the file (a user can read the journal
and undo a merge by hand). Writes are short transactions: they never wait on QGIS's own edits for long
(the file is shared with the open layer; SQLite serialises the writers).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Iterator, Sequence

from .errors import MednumError
from .gpkg_sqlite import open_read_only, open_writable
from .i18n import translate

_TIMEOUT_S = 10.0


class TableStoreError(MednumError):
    """A table of the working GeoPackage could not be read or written (``message`` in French)."""

    default_code = "table-store"


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def now_iso() -> str:
    """The current local time, to the second, ISO 8601 (what the tables store)."""
    return dt.datetime.now().replace(microsecond=0).isoformat()


@contextmanager
def connect(path: str | os.PathLike) -> Iterator[sqlite3.Connection]:
    """A connection to an existing GeoPackage, committed on success; errors become TableStoreError."""
    path = Path(path)
    if not path.is_file():
        raise TableStoreError(
            translate("TableStore", "The GeoPackage {path} does not exist (moved or deleted?).").format(path=path)
        )
    try:
        with closing(open_writable(path, timeout=_TIMEOUT_S)) as connection:
            with connection:
                yield connection
    except sqlite3.Error as error:
        raise TableStoreError(
            translate("TableStore", "The GeoPackage {path} could not be updated: {error}").format(
                path=path.name, error=error
            )
        ) from error


def ensure_table(
    connection: sqlite3.Connection, name: str, columns: Sequence[tuple[str, str]], description: str = ""
) -> None:
    """Create the attributes table ``name`` (an integer ``fid`` key plus ``columns`` (name, SQL type)) when
    it is missing, and register it in ``gpkg_contents``. Columns added in a later version are added."""
    exists = connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()
    if not exists:
        body = ", ".join(
            [f"{quote('fid')} INTEGER PRIMARY KEY AUTOINCREMENT"] + [f"{quote(c)} {t}" for c, t in columns]
        )
        connection.execute(f"CREATE TABLE {quote(name)} ({body})")
    else:
        present = {row[1] for row in connection.execute(f"PRAGMA table_info({quote(name)})")}
        for column, sql_type in columns:
            if column not in present:
                connection.execute(f"ALTER TABLE {quote(name)} ADD COLUMN {quote(column)} {sql_type}")
    has_contents = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'gpkg_contents'"
    ).fetchone()
    if has_contents:
        connection.execute(
            "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description, last_change) "
            "VALUES (?, 'attributes', ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
            (name, name, description),
        )


def table_exists(path: str | os.PathLike, name: str) -> bool:
    try:
        with closing(open_read_only(path, timeout=_TIMEOUT_S)) as connection:
            return bool(
                connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()
            )
    except sqlite3.Error:
        return False


def read_rows(path: str | os.PathLike, name: str, columns: Sequence[str], where: str = "") -> list[dict]:
    """Rows of a table as dicts (``fid`` included); [] when the table does not exist yet."""
    if not table_exists(path, name):
        return []
    names = ["fid", *columns]
    query = f"SELECT {', '.join(quote(c) for c in names)} FROM {quote(name)}"
    if where:
        query += f" WHERE {where}"
    try:
        with closing(open_read_only(path, timeout=_TIMEOUT_S)) as connection:
            return [dict(zip(names, row)) for row in connection.execute(query + " ORDER BY fid")]
    except sqlite3.Error as error:
        raise TableStoreError(
            translate("TableStore", "The table {table} of {path} could not be read: {error}").format(
                table=name, path=Path(path).name, error=error
            )
        ) from error
