"""Every SQLite connection the plugin opens on a GeoPackage (pure Python, standard-library ``sqlite3``).

Two ways in, so that how a file is opened is decided in one place:

* :func:`open_read_only` — a file the plugin only reads (a source GeoPackage, a working layer read without
  QGIS): a ``mode=ro`` URI built from the absolute path (percent-encoded, so a ``?`` or ``#`` in a folder name
  is part of the path); SQLite can never write to it through this connection.
* :func:`open_writable` — a working GeoPackage the plugin writes (a new one is created): the side tables, the
  pull's metadata.

Both return a plain :class:`sqlite3.Connection` (close it, e.g. with ``contextlib.closing``) and raise
``sqlite3.Error`` as ``sqlite3.connect`` does; ``timeout``: seconds to wait for a lock held by QGIS's own edits.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

DEFAULT_TIMEOUT_S = 5.0  # sqlite3's own default


def read_only_uri(path: str | os.PathLike) -> str:
    """The ``file:`` URI that opens ``path`` read-only.

    A database in WAL mode would get its ``-wal`` and ``-shm`` files created beside it even by a read: when no
    ``-wal`` file exists (nothing waits to be checkpointed), the file is opened ``immutable`` (no lock, no
    side file, nothing left beside the user's file); when one exists, SQLite must read it (plain ``mode=ro``).
    """
    resolved = Path(path).resolve()
    uri = resolved.as_uri() + "?mode=ro"
    if not resolved.with_name(resolved.name + "-wal").exists():
        uri += "&immutable=1"
    return uri


def open_read_only(path: str | os.PathLike, timeout: float = DEFAULT_TIMEOUT_S) -> sqlite3.Connection:
    """A read-only connection to an existing GeoPackage."""
    return sqlite3.connect(read_only_uri(path), uri=True, timeout=timeout)


def open_writable(path: str | os.PathLike, timeout: float = DEFAULT_TIMEOUT_S) -> sqlite3.Connection:
    """A read-write connection to a GeoPackage the plugin owns (created when it does not exist)."""
    return sqlite3.connect(str(path), timeout=timeout)
