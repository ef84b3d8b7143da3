"""Accepted issues: a Hub agent's decision that an issue is not to be fixed, with the reason (pure Python).

An acceptance is about one issue of one lieu: the lieu (its key in the layer, the GeoPackage ``fid``, and its
``id`` for readers of the table), the issue's ``code``, ``field`` and ``value``, the reason, when and by whom.
It hides the issue from the counts; the dock still lists it under "Accepted".

It **lapses** when what it was about changes: when the lieu is validated again and no current issue has the
accepted code, field and value any more (the value was edited, the issue fixed, the duplicate partner gone),
the acceptance is marked lapsed (kept in the table with the date, never applied again).

Acceptances of a working GeoPackage are stored in its table ``anomalies_acceptees`` (they survive closing and
reopening the project); :class:`MemoryAcceptanceStore` serves layers that are not GeoPackages.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from typing import Any, Hashable, Iterable, Protocol

from .gpkg_tables import connect, ensure_table, now_iso, quote, read_rows
from .validation.issues import Issue

ACCEPTANCE_TABLE = "anomalies_acceptees"
_COLUMNS = (
    ("lieu_fid", "INTEGER"),
    ("lieu_id", "TEXT"),
    ("code", "TEXT"),
    ("champ", "TEXT"),
    ("valeur", "TEXT"),
    ("motif", "TEXT"),
    ("accepte_le", "TEXT"),
    ("accepte_par", "TEXT"),
    ("caduque_le", "TEXT"),
)

Key = Hashable


@dataclass(frozen=True)
class Acceptance:
    lieu: Any  # the lieu's key in the layer (feature id)
    lieu_id: str
    code: str
    field: str
    value: str
    reason: str
    accepted_at: str = ""
    accepted_by: str = ""
    lapsed_at: str = ""
    fid: int | None = None  # row of the store

    @property
    def match_key(self) -> tuple:
        return (self.lieu, self.code, self.field, self.value)

    @property
    def active(self) -> bool:
        return not self.lapsed_at


def issue_key(lieu: Key, issue: Issue) -> tuple:
    return (lieu, issue.code, issue.field, issue.value or "")


class AcceptanceStore(Protocol):
    def load(self) -> list[Acceptance]: ...

    def add(self, acceptance: Acceptance) -> Acceptance: ...

    def delete(self, acceptance: Acceptance) -> None: ...

    def mark_lapsed(self, acceptances: Iterable[Acceptance], when: str) -> None: ...

    @property
    def persistent(self) -> bool: ...


class MemoryAcceptanceStore:
    """Acceptances kept for the session only (layers that are not a working GeoPackage)."""

    persistent = False

    def __init__(self) -> None:
        self._rows: dict[int, Acceptance] = {}
        self._next = 1

    def load(self) -> list[Acceptance]:
        return list(self._rows.values())

    def add(self, acceptance: Acceptance) -> Acceptance:
        acceptance = replace(acceptance, fid=self._next)
        self._rows[self._next] = acceptance
        self._next += 1
        return acceptance

    def delete(self, acceptance: Acceptance) -> None:
        self._rows.pop(acceptance.fid, None)

    def mark_lapsed(self, acceptances: Iterable[Acceptance], when: str) -> None:
        for acceptance in acceptances:
            if acceptance.fid in self._rows:
                self._rows[acceptance.fid] = replace(self._rows[acceptance.fid], lapsed_at=when)


class GeoPackageAcceptanceStore:
    """Acceptances in the table ``anomalies_acceptees`` of a working GeoPackage."""

    persistent = True

    def __init__(self, path: str | os.PathLike):
        self.path = os.fspath(path)

    def load(self) -> list[Acceptance]:
        rows = read_rows(self.path, ACCEPTANCE_TABLE, [name for name, _ in _COLUMNS])
        return [
            Acceptance(
                lieu=row["lieu_fid"], lieu_id=row["lieu_id"] or "", code=row["code"] or "", field=row["champ"] or "",
                value=row["valeur"] or "", reason=row["motif"] or "", accepted_at=row["accepte_le"] or "",
                accepted_by=row["accepte_par"] or "", lapsed_at=row["caduque_le"] or "", fid=row["fid"],
            )
            for row in rows
        ]

    def add(self, acceptance: Acceptance) -> Acceptance:
        with connect(self.path) as connection:
            ensure_table(connection, ACCEPTANCE_TABLE, _COLUMNS, "Anomalies acceptées (dock Validation)")
            names = [name for name, _ in _COLUMNS]
            cursor = connection.execute(
                f"INSERT INTO {quote(ACCEPTANCE_TABLE)} ({', '.join(quote(n) for n in names)}) "
                f"VALUES ({', '.join('?' * len(names))})",
                (
                    acceptance.lieu, acceptance.lieu_id, acceptance.code, acceptance.field, acceptance.value,
                    acceptance.reason, acceptance.accepted_at, acceptance.accepted_by, acceptance.lapsed_at or None,
                ),
            )
            return replace(acceptance, fid=cursor.lastrowid)

    def delete(self, acceptance: Acceptance) -> None:
        if acceptance.fid is None:
            return
        with connect(self.path) as connection:
            ensure_table(connection, ACCEPTANCE_TABLE, _COLUMNS)
            connection.execute(f"DELETE FROM {quote(ACCEPTANCE_TABLE)} WHERE fid = ?", (acceptance.fid,))

    def mark_lapsed(self, acceptances: Iterable[Acceptance], when: str) -> None:
        fids = [(when, acceptance.fid) for acceptance in acceptances if acceptance.fid is not None]
        if not fids:
            return
        with connect(self.path) as connection:
            ensure_table(connection, ACCEPTANCE_TABLE, _COLUMNS)
            connection.executemany(f"UPDATE {quote(ACCEPTANCE_TABLE)} SET caduque_le = ? WHERE fid = ?", fids)


class AcceptanceBook:
    """The active acceptances of a layer, indexed by lieu, in front of their store."""

    def __init__(self, store: AcceptanceStore | None = None):
        self.store = store or MemoryAcceptanceStore()
        self._by_lieu: dict[Key, dict[tuple, Acceptance]] = {}
        self._touched: set = set()
        self.load()

    def snapshot(self) -> dict:
        """A read-only copy of the active acceptances by lieu (for a background task); starts tracking the
        lieux whose acceptances change from now on (:meth:`changed_since_snapshot`)."""
        self._touched = set()
        return {lieu: dict(items) for lieu, items in self._by_lieu.items()}

    def changed_since_snapshot(self) -> set:
        return set(self._touched)

    def load(self) -> None:
        self._by_lieu.clear()
        for acceptance in self.store.load():
            if acceptance.active:
                self._by_lieu.setdefault(acceptance.lieu, {})[acceptance.match_key] = acceptance

    def __len__(self) -> int:
        return sum(len(items) for items in self._by_lieu.values())

    def for_lieu(self, lieu: Key) -> list[Acceptance]:
        return list(self._by_lieu.get(lieu, {}).values())

    def match(self, lieu: Key, issue: Issue) -> Acceptance | None:
        items = self._by_lieu.get(lieu)
        return items.get(issue_key(lieu, issue)) if items else None

    def accept(self, lieu: Key, issue: Issue, reason: str, by: str = "") -> Acceptance:
        """Accept an issue of a lieu (stored at once)."""
        existing = self.match(lieu, issue)
        if existing is not None:
            self.revoke(existing)
        acceptance = self.store.add(
            Acceptance(lieu, issue.id, issue.code, issue.field, issue.value or "", reason.strip(), now_iso(), by)
        )
        self._by_lieu.setdefault(lieu, {})[acceptance.match_key] = acceptance
        self._touched.add(lieu)
        return acceptance

    def revoke(self, acceptance: Acceptance) -> None:
        """Withdraw an acceptance: the issue counts again."""
        self.store.delete(acceptance)
        self._touched.add(acceptance.lieu)
        items = self._by_lieu.get(acceptance.lieu)
        if items is not None:
            items.pop(acceptance.match_key, None)
            if not items:
                del self._by_lieu[acceptance.lieu]

    def review(self, lieu: Key, issues: Iterable[Issue]) -> tuple[list[Issue], list[tuple[Issue, Acceptance]], list]:
        """Split a lieu's current issues into (open, accepted with their acceptance) and lapse the acceptances
        that no current issue matches any more (returned third, already marked in the store)."""
        items = self._by_lieu.get(lieu)
        if not items:
            return list(issues), [], []
        open_issues: list[Issue] = []
        accepted: list[tuple[Issue, Acceptance]] = []
        seen: set = set()
        for issue in issues:
            acceptance = items.get(issue_key(lieu, issue))
            if acceptance is None:
                open_issues.append(issue)
            else:
                accepted.append((issue, acceptance))
                seen.add(acceptance.match_key)
        lapsed = [acceptance for key, acceptance in items.items() if key not in seen]
        if lapsed:
            self._lapse(lapsed)
        return open_issues, accepted, lapsed

    def _lapse(self, acceptances: list[Acceptance]) -> None:
        self.store.mark_lapsed(acceptances, now_iso())
        for acceptance in acceptances:
            self._touched.add(acceptance.lieu)
            items = self._by_lieu.get(acceptance.lieu)
            if items is not None:
                items.pop(acceptance.match_key, None)
                if not items:
                    del self._by_lieu[acceptance.lieu]
