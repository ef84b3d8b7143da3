"""Pull connectors: one per source, each turning the source's pages into lieux (standard records).

A connector is built on an :class:`~.http.ApiClient` (whatever its transport) and offers:

* ``pull(territory, progress)`` → :class:`PullResult` (lieux of the territory, warnings);
* ``fetch_current(remote_ids)`` → the current remote version of some lieux (the conflict check before a push);
* ``carried_fields`` — the standard fields the source fills (the sync hash is computed on these).

Progress is reported per page as ``progress(percent, message)``; cancellation is the client's ``cancelled`` hook,
checked before every request.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

from ..core.converters import cartographie, data_inclusion, dora
from ..core.converters.common import Converted
from ..core.i18n import translate
from ..core.schema import Schema, load_schema
from .errors import NotFoundError
from .http import ApiClient
from .pagination import Page, iter_data_inclusion, iter_dora, iter_postgrest
from .sources import SOURCES, source_spec
from .territory import COMMUNE, DEPARTEMENT, Territory

Progress = Callable[[float, str], None]


@dataclass
class PullResult:
    source: str
    territory: Territory | None
    lieux: list[Converted] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pages: int = 0

    @property
    def records(self) -> list[dict[str, str]]:
        return [lieu.record for lieu in self.lieux]


def _no_progress(percent: float, message: str) -> None:
    return None


class _Phase:
    """Maps the pages of one walk onto a slice [start, end] of the overall percentage."""

    def __init__(self, progress: Progress, start: float, end: float, what: str) -> None:
        self.progress, self.start, self.end, self.what = progress, start, end, what

    def page(self, page: Page) -> None:
        if page.pages:
            share = min(page.number / page.pages, 1.0)
        elif page.total:
            share = min(page.fetched / page.total, 1.0)
        else:
            share = 1.0
        message = translate("Connectors", "{what}: page {number}/{pages} ({fetched}/{total})").format(
            what=self.what, number=page.number, pages=page.pages or "?", fetched=page.fetched,
            total=page.total if page.total is not None else "?",
        )
        self.progress(self.start + (self.end - self.start) * share, message)


class Connector:
    key = ""
    carried_fields: tuple[str, ...] = ()

    def __init__(self, client: ApiClient, page_size: int = 5000, schema: Schema | None = None) -> None:
        self.client = client
        self.page_size = page_size
        self.schema = schema or load_schema()
        self.spec = source_spec(self.key)
        client.token_env = self.spec.env_token

    @property
    def label(self) -> str:
        return self.spec.label

    def pull(self, territory: Territory, progress: Progress | None = None) -> PullResult:
        raise NotImplementedError

    def fetch_current(self, remote_ids: Sequence[str]) -> dict[str, Converted]:
        raise NotImplementedError


class DataInclusionConnector(Connector):
    """data·inclusion API v1: ``/structures`` + ``/services?thematiques=numerique``, one lieu per structure."""

    key = "data-inclusion"
    carried_fields = data_inclusion.CARRIED_FIELDS

    def __init__(self, client: ApiClient, page_size: int = 5000, schema=None, sources: Sequence[str] = ()) -> None:
        super().__init__(client, page_size, schema)
        self.sources = list(sources)

    def _territory_params(self, territory: Territory) -> list[list[tuple[str, str]]]:
        """One parameter set per request series (an EPCI spanning two départements → two series)."""
        if territory.kind == COMMUNE:
            return [[("code_commune", territory.code)]]
        return [[("code_departement", dep)] for dep in territory.departements]

    def pull(self, territory: Territory, progress: Progress | None = None) -> PullResult:
        progress = progress or _no_progress
        result = PullResult(self.key, territory)
        base = [("sources", s) for s in self.sources]
        series = self._territory_params(territory)
        structures: dict[str, dict[str, Any]] = {}
        services: list[dict[str, Any]] = []
        step = 1.0 / (2 * len(series))
        for index, params in enumerate(series):
            phase = _Phase(progress, 100 * 2 * index * step, 100 * (2 * index + 1) * step,
                           translate("Connectors", "data·inclusion structures"))
            for page in iter_data_inclusion(self.client, "structures", [*base, *params], self.page_size):
                result.pages += 1
                for item in page.items:
                    structures[str(item.get("id", ""))] = item
                phase.page(page)
            phase = _Phase(progress, 100 * (2 * index + 1) * step, 100 * (2 * index + 2) * step,
                           translate("Connectors", "data·inclusion numérique services"))
            for page in iter_data_inclusion(
                self.client, "services", [*base, *params, ("thematiques", "numerique")], self.page_size
            ):
                result.pages += 1
                services.extend(page.items)
                phase.page(page)
        by_structure = data_inclusion.group_services(services)
        # a numérique service whose structure lies outside the filtered territory: fetch that structure
        for structure_id in [sid for sid in by_structure if sid and sid not in structures]:
            try:
                data, _ = self.client.get_json(f"structures/{structure_id}")
            except NotFoundError:
                result.warnings.append(
                    translate("Connectors", "data·inclusion: structure {id} of numérique services not found.").format(
                        id=structure_id
                    )
                )
                continue
            if isinstance(data, dict):
                structures[structure_id] = {k: v for k, v in data.items() if k != "services"}
        del services  # in by_structure now; each raw item is let go once converted (no long free at the end)
        for structure_id in list(structures):
            structure = structures.pop(structure_id)
            numeriques = by_structure.pop(structure_id, [])
            if not numeriques:
                continue  # a structure without numérique service is not a lieu de médiation numérique
            converted = data_inclusion.convert_structure(structure, numeriques, self.schema)
            if converted is None:
                result.warnings.append(
                    translate("Connectors", "data·inclusion: structure {id} skipped (no id or no name).").format(
                        id=structure_id
                    )
                )
                continue
            if territory.kind != DEPARTEMENT and territory.kind != COMMUNE:
                if not territory.contains(converted.record["code_insee"], converted.record["code_postal"]):
                    continue
            result.warnings.extend(converted.warnings)
            result.lieux.append(converted)
        progress(100.0, translate("Connectors", "{n} lieux read").format(n=len(result.lieux)))
        return result

    def fetch_current(self, remote_ids: Sequence[str]) -> dict[str, Converted]:
        current: dict[str, Converted] = {}
        for remote_id in remote_ids:
            self.client.check_cancelled()
            try:
                data, _ = self.client.get_json(f"structures/{remote_id}")
            except NotFoundError:
                continue
            if not isinstance(data, dict):
                continue
            services = [s for s in data.get("services") or [] if isinstance(s, dict)]
            structure = {k: v for k, v in data.items() if k != "services"}
            converted = data_inclusion.convert_structure(structure, services, self.schema, check=False)
            if converted is not None:
                current[remote_id] = converted
        return current


class DoraConnector(Connector):
    """DORA API v2: all structures and services (no server-side filter), territory filtered client-side."""

    key = "dora"
    carried_fields = dora.CARRIED_FIELDS

    def __init__(self, client: ApiClient, page_size: int = 1000, schema=None) -> None:
        super().__init__(client, page_size, schema)

    def _read_all(self, progress: Progress, result: PullResult) -> tuple[list[dict], list[dict]]:
        structures: list[dict] = []
        services: list[dict] = []
        phase = _Phase(progress, 0, 50, translate("Connectors", "DORA structures"))
        for page in iter_dora(self.client, "structures/", self.page_size):
            result.pages += 1
            structures.extend(page.items)
            phase.page(page)
        phase = _Phase(progress, 50, 100, translate("Connectors", "DORA services"))
        for page in iter_dora(self.client, "services/", self.page_size):
            result.pages += 1
            services.extend(s for s in page.items if data_inclusion.is_numerique(s))
            phase.page(page)
        return structures, services

    def _convert(self, structures: Iterable[dict], services: list[dict]) -> list[Converted]:
        by_structure = data_inclusion.group_services(services)
        out = []
        for structure in structures:
            numeriques = by_structure.get(str(structure.get("id", "")), [])
            if not numeriques:
                continue
            converted = dora.convert_structure(structure, numeriques, self.schema)
            if converted is not None:
                out.append(converted)
        return out

    def pull(self, territory: Territory, progress: Progress | None = None) -> PullResult:
        progress = progress or _no_progress
        result = PullResult(self.key, territory)
        structures, services = self._read_all(progress, result)
        kept = [
            s for s in structures
            if territory.contains(str(s.get("code_insee") or ""), str(s.get("code_postal") or ""))
        ]
        result.lieux = self._convert(kept, services)
        progress(100.0, translate("Connectors", "{n} lieux read").format(n=len(result.lieux)))
        return result

    def fetch_current(self, remote_ids: Sequence[str]) -> dict[str, Converted]:
        """DORA v2 has no filter by structure: read structures one by one, services once for all."""
        wanted = set(remote_ids)
        if not wanted:
            return {}
        structures = []
        for remote_id in remote_ids:
            try:
                data, _ = self.client.get_json(f"structures/{remote_id}/")
            except NotFoundError:
                continue
            if isinstance(data, dict):
                structures.append(data)
        services = []
        for page in iter_dora(self.client, "services/", self.page_size):
            services.extend(
                s for s in page.items if str(s.get("structure_id")) in wanted and data_inclusion.is_numerique(s)
            )
        return {lieu.remote_id: lieu for lieu in self._convert(structures, services)}


class CartographieConnector(Connector):
    """Cartographie nationale PostgREST ``/carto``: limit/offset pages, territory filter on ``adresse->>code_insee``."""

    key = "carto"
    carried_fields = cartographie.CARRIED_FIELDS
    path = "carto"

    def territory_params(self, territory: Territory) -> list[tuple[str, str]]:
        column = "adresse->>code_insee"
        if territory.kind == DEPARTEMENT:
            return [(column, f"like.{territory.code}*")]
        if territory.kind == COMMUNE:
            return [(column, f"eq.{territory.code}")]
        return [(column, "in.(" + ",".join(sorted(territory.communes)) + ")")]

    def pull(self, territory: Territory, progress: Progress | None = None) -> PullResult:
        progress = progress or _no_progress
        result = PullResult(self.key, territory)
        phase = _Phase(progress, 0, 100, translate("Connectors", "Cartographie lieux"))
        params = [("select", "*"), ("order", "id.asc"), *self.territory_params(territory)]
        for page in iter_postgrest(self.client, self.path, params, self.page_size):
            result.pages += 1
            for item in page.items:
                converted = cartographie.convert_item(item, self.schema)
                if converted is None:
                    result.warnings.append(translate("Connectors", "Cartographie: an item without id was skipped."))
                    continue
                result.lieux.append(converted)
            phase.page(page)
        progress(100.0, translate("Connectors", "{n} lieux read").format(n=len(result.lieux)))
        return result

    def fetch_current(self, remote_ids: Sequence[str]) -> dict[str, Converted]:
        current: dict[str, Converted] = {}
        ids = list(remote_ids)
        for start in range(0, len(ids), 50):
            chunk = ids[start : start + 50]
            quoted = ",".join('"' + i.replace('"', '\\"') + '"' for i in chunk)
            params = [("select", "*"), ("id", f"in.({quoted})")]
            for page in iter_postgrest(self.client, self.path, params, max(len(chunk), 1)):
                for item in page.items:
                    converted = cartographie.convert_item(item, self.schema)
                    if converted is not None:
                        current[converted.remote_id] = converted
        return current


CONNECTORS: dict[str, type[Connector]] = {
    cls.key: cls for cls in (DataInclusionConnector, DoraConnector, CartographieConnector)
}


def make_connector(key: str, client: ApiClient, **kwargs) -> Connector:
    source_spec(key)
    return CONNECTORS[key](client, **kwargs)


def estimated_pages(total: int, size: int) -> int:
    return math.ceil(total / size) if total else 0


__all__ = ["CONNECTORS", "SOURCES", "Connector", "PullResult", "make_connector"]
