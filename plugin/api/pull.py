"""Pull bookkeeping (pure): what the sync table remembers of a pull, and how a pull merges into a layer.

Merge rules (a merge never overwrites a local edit without asking):

* a pulled lieu is matched to a local one by ``id``, else by ``pivot`` (a real SIRET/RNA, not ``000…``) and
  proximity (≤ ``radius_m`` metres; same INSEE code when coordinates are missing);
* matched and the local lieu is unchanged since its last sync → updated with the remote version (if it differs);
* matched and the local lieu was edited (differs from its base record, or has unsaved edits in the layer) →
  listed in ``conflicts``; the caller asks the user, and only then applies them;
* matched to a lieu deleted here (by ``id`` or remote id: deleted in the layer's edit buffer, or deleted and saved
  since its last sync — its sync row remains but the lieu is gone) → a deletion is a local edit: kept silently
  when the remote did not change since the last sync, else listed in ``deleted_conflicts`` (keeping it deleted
  unless the user takes the remote version, which adds it back);
* not matched → added.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from ..core.converters.common import UNKNOWN_PIVOT, Converted, record_hash
from ..core.records import Record
from ..core.sync import SyncEntry
from .connectors import PullResult


def sync_entries(result: PullResult, carried_fields: Sequence[str], matched_ids: Mapping[str, str] | None = None
                 ) -> list[SyncEntry]:
    """The sync-table rows of a pull (``matched_ids``: remote id → local lieu id when a merge matched them)."""
    matched_ids = matched_ids or {}
    entries = []
    for lieu in result.lieux:
        record = lieu.record
        lieu_id = matched_ids.get(lieu.remote_id, record["id"])
        base = dict(record, id=lieu_id)
        entries.append(
            SyncEntry(lieu_id, result.source, lieu.remote_id, lieu.remote_date_maj,
                      record_hash(record, carried_fields), base)
        )
    return entries


def distance_m(a: Mapping[str, str], b: Mapping[str, str]) -> float | None:
    try:
        lat1, lon1 = float(a["latitude"]), float(a["longitude"])
        lat2, lon2 = float(b["latitude"]), float(b["longitude"])
    except (KeyError, TypeError, ValueError):
        return None
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6_371_000 * math.asin(min(1.0, math.sqrt(h)))


@dataclass
class MergePlan:
    added: list[Converted] = field(default_factory=list)
    updated: list[tuple[int, Converted]] = field(default_factory=list)  # (local index, remote)
    conflicts: list[tuple[int, Converted]] = field(default_factory=list)  # local edits the remote would overwrite
    # lieux deleted here that the remote changed since the last sync: (local record before deletion, remote)
    deleted_conflicts: list[tuple[Record, Converted]] = field(default_factory=list)
    unchanged: int = 0
    matched_ids: dict[str, str] = field(default_factory=dict)  # remote id → local id

    def record_for(self, local: Record, remote: Converted) -> Record:
        """The remote version, under the local lieu's id."""
        return dict(remote.record, id=local.get("id", "") or remote.record["id"])


def plan_merge(
    local_records: Sequence[Record],
    pulled: Sequence[Converted],
    entries: Mapping[str, SyncEntry],
    dirty_ids: frozenset[str] | set[str] = frozenset(),
    radius_m: float = 100.0,
    deleted: Mapping[str, Record] | None = None,
) -> MergePlan:
    """``deleted``: lieux deleted in the layer's edit buffer (id → record as saved). A sync row whose lieu is not
    in ``local_records`` is a lieu deleted and saved since its last sync (its last known version: the base)."""
    plan = MergePlan()
    by_id = {r.get("id", ""): i for i, r in enumerate(local_records) if r.get("id")}
    gone = _deleted_here(by_id, entries, deleted or {})
    gone_by_remote = {(entries[lieu_id].source, entries[lieu_id].remote_id): lieu_id
                      for lieu_id in gone if lieu_id in entries}
    by_pivot: dict[str, list[int]] = {}
    for index, record in enumerate(local_records):
        pivot = record.get("pivot", "") or ""
        if pivot and pivot != UNKNOWN_PIVOT:
            by_pivot.setdefault(pivot, []).append(index)
    for lieu in pulled:
        index = by_id.get(lieu.record["id"])
        gone_id = None
        if index is None:
            gone_id = lieu.record["id"] if lieu.record["id"] in gone else \
                gone_by_remote.get((lieu.source, lieu.remote_id))
        if gone_id is not None:
            _plan_deleted(plan, gone[gone_id], lieu, entries.get(gone_id))
            continue
        if index is None:
            index = _match_pivot(lieu.record, local_records, by_pivot.get(lieu.record.get("pivot", ""), []), radius_m)
        if index is None:
            plan.added.append(lieu)
            continue
        local = local_records[index]
        local_id = local.get("id", "")
        plan.matched_ids[lieu.remote_id] = local_id
        remote_version = plan.record_for(local, lieu)
        if _same(local, remote_version):
            plan.unchanged += 1
            continue
        entry = entries.get(local_id)
        edited = local_id in dirty_ids or (entry is not None and not _same(local, entry.base_record)) or entry is None
        if edited:
            if entry is not None and _same(entry.base_record, remote_version):
                plan.unchanged += 1  # the remote did not move: the local edit simply stays
            else:
                plan.conflicts.append((index, lieu))
        else:
            plan.updated.append((index, lieu))
    return plan


def _deleted_here(by_id: Mapping[str, int], entries: Mapping[str, SyncEntry], deleted: Mapping[str, Record]
                  ) -> dict[str, Record]:
    """Lieu id → last local version of the lieux deleted here: unsaved deletions, then synced lieux now gone."""
    gone = {lieu_id: dict(record, id=lieu_id) for lieu_id, record in deleted.items()
            if lieu_id and lieu_id not in by_id}
    for lieu_id, entry in entries.items():
        if lieu_id and lieu_id not in by_id and lieu_id not in gone:
            gone[lieu_id] = dict(entry.base_record, id=lieu_id)
    return gone


def _plan_deleted(plan: MergePlan, local: Record, lieu: Converted, entry: SyncEntry | None) -> None:
    plan.matched_ids[lieu.remote_id] = local["id"]
    if entry is not None and _same(entry.base_record, plan.record_for(local, lieu)):
        plan.unchanged += 1  # the remote did not move: the local deletion simply stays
    else:
        plan.deleted_conflicts.append((local, lieu))


def _same(a: Mapping[str, str], b: Mapping[str, str]) -> bool:
    names = set(a) | set(b)
    return all((a.get(n, "") or "") == (b.get(n, "") or "") for n in names)


def _match_pivot(record: Record, local: Sequence[Record], candidates: list[int], radius_m: float) -> int | None:
    best, best_distance = None, None
    for index in candidates:
        distance = distance_m(record, local[index])
        if distance is None:
            if record.get("code_insee") and record.get("code_insee") == local[index].get("code_insee"):
                return index
            continue
        if distance <= radius_m and (best_distance is None or distance < best_distance):
            best, best_distance = index, distance
    return best


# ------------------------------------------------------------------ conflicts and what a merge applies

KEEP_LOCAL = "local"
TAKE_REMOTE = "remote"


@dataclass
class Conflict:
    """A local lieu the pull would overwrite although it was edited: both versions, field by field.

    ``deleted``: the lieu was deleted here; ``local`` is its last local version, ``differences`` lists every
    non-empty remote field (local value empty); keeping it leaves it deleted, taking the remote adds it back."""

    index: int  # in the local records (-1 for a lieu deleted here)
    local: Record
    remote: Record  # the remote version, under the local lieu's id
    differences: list[tuple[str, str, str]]  # (field, local value, remote value), in ``field_order``
    deleted: bool = False

    @property
    def lieu_id(self) -> str:
        return self.local.get("id", "") or self.remote.get("id", "")

    @property
    def nom(self) -> str:
        return self.local.get("nom", "") or self.remote.get("nom", "")


def conflicts_of(plan: MergePlan, local_records: Sequence[Record], field_order: Sequence[str]) -> list[Conflict]:
    conflicts = []
    for index, lieu in plan.conflicts:
        local = local_records[index]
        remote = plan.record_for(local, lieu)
        names = list(field_order) + sorted((set(local) | set(remote)) - set(field_order))
        differences = [
            (name, local.get(name, "") or "", remote.get(name, "") or "")
            for name in names
            if (local.get(name, "") or "") != (remote.get(name, "") or "")
        ]
        conflicts.append(Conflict(index, local, remote, differences))
    for local, lieu in plan.deleted_conflicts:
        remote = plan.record_for(local, lieu)
        names = list(field_order) + sorted(set(remote) - set(field_order))
        differences = [(name, "", remote.get(name, "") or "") for name in names if remote.get(name, "")]
        conflicts.append(Conflict(-1, local, remote, differences, deleted=True))
    return conflicts


@dataclass
class MergeChanges:
    """What a merge writes into the layer, and the sync rows to record once those edits are saved."""

    added: list[Record] = field(default_factory=list)  # new lieux, and lieux deleted here the user took back
    updated: dict[str, Record] = field(default_factory=dict)  # local id → record replacing the local one
    kept_local: list[str] = field(default_factory=list)  # conflicts where the local version stays
    taken_remote: list[str] = field(default_factory=list)  # conflicts where the remote version replaces it
    unchanged: int = 0
    entries: list[SyncEntry] = field(default_factory=list)
    extras: dict[str, dict[str, str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.added or self.updated or self.entries)


def resolve_merge(
    plan: MergePlan,
    local_records: Sequence[Record],
    result: PullResult,
    carried_fields: Sequence[str],
    choices: Mapping[str, str],
) -> MergeChanges:
    """The changes of a merge once the user chose, per conflicting lieu (local id → KEEP_LOCAL | TAKE_REMOTE).

    A conflict without a choice keeps the local version: nothing is overwritten without asking."""
    changes = MergeChanges(unchanged=plan.unchanged)
    changes.added = [dict(lieu.record) for lieu in plan.added]
    for index, lieu in plan.updated:
        local = local_records[index]
        changes.updated[local.get("id", "") or lieu.id] = plan.record_for(local, lieu)
    for index, lieu in plan.conflicts:
        local = local_records[index]
        lieu_id = local.get("id", "") or lieu.id
        if choices.get(lieu_id) == TAKE_REMOTE:
            changes.updated[lieu_id] = plan.record_for(local, lieu)
            changes.taken_remote.append(lieu_id)
        else:
            changes.kept_local.append(lieu_id)
    for local, lieu in plan.deleted_conflicts:
        lieu_id = local["id"]
        if choices.get(lieu_id) == TAKE_REMOTE:
            changes.added.append(plan.record_for(local, lieu))
            changes.taken_remote.append(lieu_id)
        else:
            changes.kept_local.append(lieu_id)  # stays deleted
    # every pulled lieu is now in step with the remote (a kept local version is an edit over the remote one; a
    # lieu kept deleted keeps its sync row, so that the next pull still knows it was deleted here)
    changes.entries = sync_entries(result, carried_fields, plan.matched_ids)
    changes.extras = {
        plan.matched_ids.get(lieu.remote_id, lieu.id): dict(lieu.extras) for lieu in result.lieux if lieu.extras
    }
    return changes


def confirmed_entries(changes: MergeChanges, saved: Mapping[str, Record]) -> list[SyncEntry]:
    """The sync rows to record after the layer's edits were saved (``saved``: lieu id → saved record).

    A lieu the merge added or updated is recorded only if it was saved as the merge wrote it (the merge may
    have been undone, or edited again, before saving); a kept or unchanged lieu was not written: recorded."""
    written = {record.get("id", ""): record for record in changes.added}
    written.update(changes.updated)
    confirmed = []
    for entry in changes.entries:
        expected = written.get(entry.lieu_id)
        if expected is None or (entry.lieu_id in saved and same_record(saved[entry.lieu_id], expected)):
            confirmed.append(entry)
    return confirmed


def same_record(a: Mapping[str, str], b: Mapping[str, str]) -> bool:
    """Equal records, coordinates compared as numbers (a layer may write them back with other digits)."""
    names = set(a) | set(b)
    for name in names:
        left, right = a.get(name, "") or "", b.get(name, "") or ""
        if left == right:
            continue
        if name in ("latitude", "longitude"):
            try:
                if abs(float(left) - float(right)) < 1e-7:
                    continue
            except ValueError:
                pass
        return False
    return True
