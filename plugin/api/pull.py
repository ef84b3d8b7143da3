"""Pull bookkeeping (pure): what the sync table remembers of a pull, and how a pull merges into a layer.

Merge rules (a merge never overwrites a local edit without asking):

* a pulled lieu is matched to a local one by ``id``, else by ``pivot`` (a real SIRET/RNA, not ``000…``) and
  proximity (≤ ``radius_m`` metres; same INSEE code when coordinates are missing);
* matched and the local lieu is unchanged since its last sync → updated with the remote version (if it differs);
* matched and the local lieu was edited (differs from its base record, or has unsaved edits in the layer) →
  listed in ``conflicts``; the caller asks the user, and only then applies them;
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
) -> MergePlan:
    plan = MergePlan()
    by_id = {r.get("id", ""): i for i, r in enumerate(local_records) if r.get("id")}
    by_pivot: dict[str, list[int]] = {}
    for index, record in enumerate(local_records):
        pivot = record.get("pivot", "") or ""
        if pivot and pivot != UNKNOWN_PIVOT:
            by_pivot.setdefault(pivot, []).append(index)
    for lieu in pulled:
        index = by_id.get(lieu.record["id"])
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
