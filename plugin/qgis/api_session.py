"""QGIS side of the API connectors (no widgets): clients from the settings, pull into a GeoPackage, push a layer.

Used by the Processing algorithms ``mednum:fetch`` / ``mednum:push`` and by the dialogs (inside a ``QgsTask``).
Credentials are resolved on the main thread (:func:`prepare_client`); the work itself may run in any thread.
"""

from __future__ import annotations

import json
import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..api.connectors import Connector, PullResult, make_connector
from ..api.errors import ApiError, CancelledError
from ..api.http import ApiClient, RetryPolicy, Transport
from ..api.pull import sync_entries
from ..api.push import CartographieV0Target, PushReport, confirm_shown_plan, plan_push, run_push
from ..api.sources import PULL_SOURCES, SourceSpec, source_credentials, source_spec, source_url
from ..api.territory import Territory, resolve_territory
from ..core.csv_safety import defuse_row
from ..core.gpkg_sqlite import open_writable
from ..core.i18n import translate
from ..core.records import Record
from ..core.schema import load_schema
from ..core.sync import SyncStore
from ..toolbelt.settings import PlgSettings, load_settings
from .network import QgisTransport, resolve_credentials
from .tasks import collection_paused

Progress = Callable[[float, str], None]
PAGE_SIZES = {"data-inclusion": 5000, "dora": 1000, "carto": 5000}


def prepare_client(
    key: str,
    settings: PlgSettings | None = None,
    transport: Transport | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ApiClient:
    """An API client for a source or push target, configured from the settings/env (main thread)."""
    spec: SourceSpec = source_spec(key)
    settings = settings or load_settings()
    url = source_url(spec, getattr(settings, f"{spec.settings_prefix}_url", ""))
    authcfg = getattr(settings, f"{spec.settings_prefix}_authcfg", "")
    credentials = resolve_credentials(source_credentials(spec, authcfg))
    client = ApiClient(
        url, name=spec.label, credentials=credentials, transport=transport or QgisTransport(),
        timeout=float(settings.api_timeout or 60), deadline=float(settings.api_deadline or 120),
        max_bytes=int(settings.api_max_response_mb or 100) * 1024 * 1024, retry=RetryPolicy(), cancelled=cancelled,
    )
    client.token_env = spec.env_token
    return client


@dataclass
class PullOutcome:
    result: PullResult
    path: str
    written: int
    warnings: list[str] = field(default_factory=list)


def connector_for(key: str, client: ApiClient) -> Connector:
    return make_connector(key, client, page_size=PAGE_SIZES.get(key, 5000))


def pull(key: str, territory: Territory | str, client: ApiClient, progress: Progress | None = None) -> PullResult:
    if key not in PULL_SOURCES:
        raise ApiError(translate("ApiSession", "« {key} » is not a source one can pull from.").format(key=key))
    if isinstance(territory, str):
        territory = resolve_territory(territory)
    with collection_paused():  # no full GC pause starving the main thread while pages are decoded
        return connector_for(key, client).pull(territory, progress)


def write_pull_geopackage(result: PullResult, path: str | Path, cancelled: Callable[[], bool] = lambda: False) -> int:
    """Write a new working GeoPackage with the pulled lieux, then their origins in its sync table.

    The file is written next to its destination and moved in place at the end: a cancelled or failed pull
    leaves any existing file as it was.
    """
    path = Path(path)
    temporary = path.with_name(path.stem + ".partial" + path.suffix)
    if temporary.exists():
        temporary.unlink()
    records = result.records
    try:
        _write_working_geopackage(temporary, records, cancelled)
        if cancelled():
            raise CancelledError()
        store = SyncStore(temporary)
        store.record_pull(sync_entries(result, connector_carried(result.source)))
        store.record_extras({lieu.id: lieu.extras for lieu in result.lieux if lieu.extras})
        os.replace(temporary, path)
    finally:
        if temporary.exists():
            temporary.unlink()
    return len(records)


def write_pull_team(result: PullResult, team, replace: bool = False,
                    cancelled: Callable[[], bool] = lambda: False) -> int:
    """Write the pulled lieux into a team database (:class:`~.team_database.TeamDatabase`), then their origins
    in its sync table; one transaction for the lieux: a cancelled or failed pull leaves the team's as they were."""
    records = result.records
    team.write_records(records, metadata={"source": "api", "api": result.source}, is_canceled=cancelled,
                       replace=replace)
    team.record_pull(sync_entries(result, connector_carried(result.source)),
                     {lieu.id: lieu.extras for lieu in result.lieux if lieu.extras})
    return len(records)


def connector_carried(key: str) -> tuple[str, ...]:
    from ..api.connectors import CONNECTORS

    return CONNECTORS[key].carried_fields


def _write_working_geopackage(path: Path, records: list[Record], cancelled: Callable[[], bool]) -> None:
    try:
        from .working_layer import create_working_geopackage  # the working layer (issue 3)
    except ImportError:
        create_working_geopackage = None
    if create_working_geopackage is not None:
        create_working_geopackage(path, records, metadata={"source": "api"}, is_canceled=cancelled)
        return
    _ogr_geopackage(path, records)


def _ogr_geopackage(path: Path, records: list[Record]) -> None:
    """A GeoPackage ``lieux`` layer: the 32 fields as text, points in EPSG:4326 (used until the working layer
    module is available)."""
    from osgeo import ogr, osr

    schema = load_schema()
    driver = ogr.GetDriverByName("GPKG")
    dataset = driver.CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    layer = dataset.CreateLayer("lieux", srs, ogr.wkbPoint, ["FID=fid", "GEOMETRY_NAME=geom"])
    for name in schema.field_names:
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    definition = layer.GetLayerDefn()
    dataset.StartTransaction()
    for record in records:
        feature = ogr.Feature(definition)
        for name in schema.field_names:
            if record.get(name):
                feature.SetField(name, record[name])
        try:
            lon, lat = float(record["longitude"]), float(record["latitude"])
            point = ogr.Geometry(ogr.wkbPoint)
            point.AddPoint_2D(lon, lat)
            feature.SetGeometry(point)
        except (KeyError, ValueError):
            pass
        layer.CreateFeature(feature)
    dataset.CommitTransaction()
    dataset = None


def push(
    records: list[Record],
    gpkg_path: str | Path,
    dry_run: bool,
    target_client: ApiClient | None,
    source_clients: dict[str, ApiClient],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> PushReport:
    """Plan and run a push of the layer's records (the sync table and journal live in ``gpkg_path``, or in the
    team database when it is a :class:`~..core.team_sync.PostgresSyncStore`)."""
    store = sync_store(gpkg_path)
    target = CartographieV0Target(target_client) if target_client is not None else None
    report = plan_push(records, store, CartographieV0Target.key, dry_run=dry_run)
    connectors = {key: connector_for(key, client) for key, client in source_clients.items()}
    if target is None:
        report.dry_run = True
        target = _OfflineTarget()
    return run_push(report, target, store, connectors, progress=progress, cancelled=cancelled)


def preview_push(
    records: list[Record],
    gpkg_path: str | Path,
    source_clients: dict[str, ApiClient],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> PushReport:
    """What a push would do, remote versions checked (conflicts): nothing is sent, nothing journaled."""
    return push(records, gpkg_path, True, None, source_clients, progress, cancelled)


def send_previewed(
    shown: PushReport,
    records: list[Record],
    gpkg_path: str | Path,
    target_client: ApiClient,
    source_clients: dict[str, ApiClient],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    batch_size: int = 50,
) -> PushReport:
    """Send what a preview showed, and only that: the layer is planned again and must give the same lieux
    (else :class:`~..api.push.PlanChangedError`, nothing sent); conflicts shown stay held back. Journaled."""
    store = sync_store(gpkg_path)
    fresh = confirm_shown_plan(shown, plan_push(records, store, CartographieV0Target.key))
    target = CartographieV0Target(target_client, batch_size=batch_size)
    connectors = {key: connector_for(key, client) for key, client in source_clients.items()}
    return run_push(fresh, target, store, connectors, progress=progress, cancelled=cancelled, batch_size=batch_size)


class _OfflineTarget:
    key = CartographieV0Target.key
    label = CartographieV0Target.label
    mirrors = CartographieV0Target.mirrors

    def send(self, records):  # never called: dry run
        raise CancelledError()


def sync_store(where) -> SyncStore:
    """The sync store of a working GeoPackage (a path), or ``where`` itself when it is one (a team database's)."""
    return where if isinstance(where, SyncStore) else SyncStore(where)


def origin_sources(gpkg_path) -> set[str]:
    """Sources the lieux of a GeoPackage (or a team database's store) were pulled from (whose clients the
    conflict check needs)."""
    if isinstance(gpkg_path, SyncStore):
        return gpkg_path.sources() if hasattr(gpkg_path, "sources") else set()
    with closing(open_writable(gpkg_path)) as db:
        try:
            return {row[0] for row in db.execute("SELECT DISTINCT source FROM mednum_sync")}
        except sqlite3.OperationalError:
            return set()


def write_report(report: PushReport, path: str | Path) -> None:
    """The push report as JSON (``.json``) or CSV (one row per changed field / error)."""
    path = Path(path)
    if path.suffix.lower() == ".csv":
        import csv

        with open(path, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id", "nom", "statut", "message", "champ", "avant", "apres"])
            for item in report.items:
                rows = [(c.field, c.before, c.after) for c in item.changes] or [("", "", "")]
                rows += [("erreur", e, "") for e in item.errors]
                rows += [("distant:" + c.field, c.before, c.after) for c in item.remote_differences()]
                for name, before, after in rows:
                    writer.writerow(
                        defuse_row([item.lieu_id, item.nom, item.status, item.message, name, before, after])
                    )
        return
    path.write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=2), encoding="utf-8")
