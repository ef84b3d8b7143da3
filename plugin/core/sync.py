"""The sync table and the push journal, stored in the working GeoPackage (plain sqlite3: no QGIS needed).

* ``mednum_sync`` — one row per lieu that came from (or went to) an API: its origin (source, remote id), the
  remote ``date_maj`` and hash seen at the last pull, the *base record* (what the lieu looked like when it was
  last in step with the remote: at the pull, then after each accepted push), and the hash of the last push.
  "Changed since the pull" = the layer's record differs from the base record.
* ``mednum_push_journal`` — one row per lieu per push attempt: time, push id, target, lieu, before, after,
  status (pending → accepted | rejected | conflict | failed; dry-run; invalid), HTTP status and response body.
  A row stays ``pending`` when a push stopped half-way: what was accepted is recorded, the rest is sent again.

Both tables are registered in ``gpkg_contents`` as attribute tables, so the file stays a valid GeoPackage.
Tokens never come here: response bodies are redacted by the HTTP client before anyone sees them.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from .gpkg_sqlite import open_writable
from .records import Record

SYNC_TABLE = "mednum_sync"
JOURNAL_TABLE = "mednum_push_journal"

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS {SYNC_TABLE} (
    lieu_id TEXT PRIMARY KEY NOT NULL,
    source TEXT NOT NULL,
    remote_id TEXT NOT NULL,
    remote_date_maj TEXT,
    remote_hash TEXT,
    base_record TEXT NOT NULL,
    pulled_at TEXT,
    pushed_hash TEXT,
    pushed_date_maj TEXT,
    pushed_at TEXT,
    extras TEXT
);
CREATE TABLE IF NOT EXISTS {JOURNAL_TABLE} (
    fid INTEGER PRIMARY KEY AUTOINCREMENT,
    time TEXT NOT NULL,
    push_id TEXT NOT NULL,
    target TEXT NOT NULL,
    lieu_id TEXT NOT NULL,
    before TEXT,
    after TEXT,
    status TEXT NOT NULL,
    http_status INTEGER,
    response_body TEXT,
    message TEXT
);
CREATE INDEX IF NOT EXISTS {JOURNAL_TABLE}_lieu ON {JOURNAL_TABLE} (lieu_id);
"""


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


@dataclass
class SyncEntry:
    lieu_id: str
    source: str
    remote_id: str
    remote_date_maj: str
    remote_hash: str
    base_record: Record
    pulled_at: str = ""
    pushed_hash: str = ""
    pushed_date_maj: str = ""
    pushed_at: str = ""


@dataclass
class JournalRow:
    fid: int
    time: str
    push_id: str
    target: str
    lieu_id: str
    before: Record | None
    after: Record | None
    status: str
    http_status: int | None
    response_body: str
    message: str


class SyncStore:
    """The sync table and push journal of one GeoPackage (or any sqlite file)."""

    _returning_fid = ""  # a database without cursor.lastrowid asks for the new fid (PostgreSQL: RETURNING)

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        with self._connect() as db:
            db.executescript(_SCHEMA)
            self._register(db)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        with closing(open_writable(self.path, timeout=30)) as db:
            with db:
                yield db

    @staticmethod
    def _register(db: sqlite3.Connection) -> None:
        has_contents = db.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='gpkg_contents'"
        ).fetchone()
        if not has_contents:
            return
        for table, description in (
            (SYNC_TABLE, "Origine des lieux tirés des API (lieux_mednum)"),
            (JOURNAL_TABLE, "Journal des envois vers les API (lieux_mednum)"),
        ):
            db.execute(
                "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description, last_change) "
                "VALUES (?, 'attributes', ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))",
                (table, table, description),
            )

    # ------------------------------------------------------------------ sync table
    def entries(self) -> dict[str, SyncEntry]:
        with self._connect() as db:
            rows = db.execute(
                f"SELECT lieu_id, source, remote_id, remote_date_maj, remote_hash, base_record, pulled_at, "
                f"pushed_hash, pushed_date_maj, pushed_at FROM {SYNC_TABLE}"
            ).fetchall()
        return {
            row[0]: SyncEntry(row[0], row[1], row[2], row[3] or "", row[4] or "", json.loads(row[5]), row[6] or "",
                              row[7] or "", row[8] or "", row[9] or "")
            for row in rows
        }

    def entry(self, lieu_id: str) -> SyncEntry | None:
        return self.entries().get(lieu_id)

    def record_pull(self, entries: Iterable[SyncEntry]) -> int:
        """Remember the origin of pulled lieux (replacing what an earlier pull said)."""
        stamp = now_iso()
        rows = [
            (e.lieu_id, e.source, e.remote_id, e.remote_date_maj, e.remote_hash,
             json.dumps(e.base_record, ensure_ascii=False), e.pulled_at or stamp)
            for e in entries
        ]
        with self._connect() as db:
            db.executemany(
                f"INSERT INTO {SYNC_TABLE} (lieu_id, source, remote_id, remote_date_maj, remote_hash, base_record, "
                f"pulled_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(lieu_id) DO UPDATE SET source=excluded.source, "
                "remote_id=excluded.remote_id, remote_date_maj=excluded.remote_date_maj, "
                "remote_hash=excluded.remote_hash, base_record=excluded.base_record, pulled_at=excluded.pulled_at, "
                "pushed_hash=NULL, pushed_date_maj=NULL, pushed_at=NULL",
                rows,
            )
        return len(rows)

    def record_extras(self, extras: Mapping[str, Mapping[str, str]]) -> None:
        """Source data without a standard field (kept aside, JSON per lieu)."""
        with self._connect() as db:
            db.executemany(
                f"UPDATE {SYNC_TABLE} SET extras=? WHERE lieu_id=?",
                [(json.dumps(dict(values), ensure_ascii=False), lieu_id) for lieu_id, values in extras.items()],
            )

    def record_pushed(self, lieu_id: str, after: Record, source: str, pushed_hash: str) -> None:
        """After an accepted push: the pushed record becomes the base; the push's hash/date are remembered."""
        stamp = now_iso()
        body = json.dumps(after, ensure_ascii=False)
        with self._connect() as db:
            updated = db.execute(
                f"UPDATE {SYNC_TABLE} SET base_record=?, pushed_hash=?, pushed_date_maj=?, pushed_at=? "
                "WHERE lieu_id=?",
                (body, pushed_hash, after.get("date_maj", ""), stamp, lieu_id),
            ).rowcount
            if not updated:  # a lieu created locally: from now on it is known remotely under its own id
                db.execute(
                    f"INSERT INTO {SYNC_TABLE} (lieu_id, source, remote_id, remote_date_maj, remote_hash, "
                    "base_record, pulled_at, pushed_hash, pushed_date_maj, pushed_at) "
                    "VALUES (?, ?, ?, '', '', ?, NULL, ?, ?, ?)",
                    (lieu_id, source, lieu_id, body, pushed_hash, after.get("date_maj", ""), stamp),
                )

    # ------------------------------------------------------------------ journal
    @staticmethod
    def _inserted_fid(cursor) -> int:
        return int(cursor.lastrowid)

    @staticmethod
    def new_push_id() -> str:
        return uuid.uuid4().hex[:12]

    def journal(
        self, push_id: str, target: str, lieu_id: str, before: Mapping | None, after: Mapping | None, status: str,
        http_status: int | None = None, response_body: str = "", message: str = "",
    ) -> int:
        with self._connect() as db:
            cursor = db.execute(
                f"INSERT INTO {JOURNAL_TABLE} (time, push_id, target, lieu_id, before, after, status, http_status, "
                "response_body, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" + self._returning_fid,
                (now_iso(), push_id, target, lieu_id,
                 json.dumps(before, ensure_ascii=False) if before is not None else None,
                 json.dumps(after, ensure_ascii=False) if after is not None else None,
                 status, http_status, response_body, message),
            )
            return self._inserted_fid(cursor)

    def update_journal(self, fids: Iterable[int], status: str, http_status: int | None, response_body: str,
                       message: str = "") -> None:
        with self._connect() as db:
            db.executemany(
                f"UPDATE {JOURNAL_TABLE} SET status=?, http_status=?, response_body=?, message=?, time=? WHERE fid=?",
                [(status, http_status, response_body, message, now_iso(), fid) for fid in fids],
            )

    def journal_rows(self, lieu_id: str | None = None, latest: int | None = None) -> list[JournalRow]:
        """Journal rows in the order they were written (only the ``latest`` ones when given)."""
        query = f"SELECT fid, time, push_id, target, lieu_id, before, after, status, http_status, response_body, " \
                f"message FROM {JOURNAL_TABLE}"
        args: tuple = ()
        if lieu_id is not None:
            query += " WHERE lieu_id=?"
            args = (lieu_id,)
        with self._connect() as db:
            if latest is None:
                rows = db.execute(query + " ORDER BY fid", args).fetchall()
            else:
                rows = db.execute(query + " ORDER BY fid DESC LIMIT ?", (*args, latest)).fetchall()[::-1]
        return [
            JournalRow(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]) if r[5] else None,
                       json.loads(r[6]) if r[6] else None, r[7], r[8], r[9] or "", r[10] or "")
            for r in rows
        ]

    def pending(self) -> list[JournalRow]:
        """Journal rows of a push that stopped before the answer came (sent again by the next push)."""
        return [row for row in self.journal_rows() if row.status == "pending"]
