"""Team mode on PostgreSQL/PostGIS (issue 17): ``make bench ARGS="--only postgis"``.

A throw-away cluster (Debian's postgresql-15 + postgis, as the tests start it) on a free loopback port, then:

* ``postgis_import_50k`` — the 50,000-lieux CSV imported into the team schema (read, COPY in one transaction,
  form and style stored in ``layer_styles``), beside ``gpkg_import_50k`` (the same into a working GeoPackage);
* ``postgis_open_50k`` / ``gpkg_open_50k`` — the working layer opened as an agent opens it (layer, form, style,
  edit guard) and every feature read with its point (what a first full drawing or the attribute table costs),
  and ``postgis_open_ratio`` (target ≤ 3× the GeoPackage);
* ``postgis_filter_change_50k`` — an orientation filter change on the PostGIS layer (subset string on the
  primary key, the layer's count read back; target < 100 ms);
* ``agents_lost_updates_unguarded`` — the control: the same agents for 5 s without sending the version they read
  (a client that ignores the lock): the lost updates the check counts when nothing prevents them;
* ``agents_10_updates`` — 10 simulated agents (10 connections, each its own ``mednum.agent``) editing a hot set
  of 200 lieux for a minute (``MEDNUM_BENCH_AGENT_SECONDS``) the way the plugin saves: the version read is sent
  with the change, a refused save is read again and retried (the « keep mine » of the dialog). Each save
  appends a token to ``presentation_detail``: **no lost update** = every accepted token is in the final value,
  and **every change journaled** = one journal row per accepted save with the value before and after
  (``agents_lost_updates`` and ``agents_unjournaled``, target 0), ``agents_conflicts`` the refused saves.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import statistics
import tempfile
import threading
import time
from pathlib import Path

HOT_LIEUX = 200
AGENTS = 10


def run(ctx) -> None:
    from tests.helpers import postgres_cluster as pg

    reason = pg.missing_reason()
    if reason:
        ctx.report("postgis_open_50k", 0, "s", None, f"skipped: {reason}")
        return
    from bench.bench_working_layer import _qgis_app

    _qgis_app()
    directory = Path(tempfile.mkdtemp(prefix="mednum-pg-bench-"))
    work = Path(tempfile.mkdtemp(prefix="bench-postgis-", dir=ctx.path("")))
    cluster = pg.start_cluster(directory)
    try:
        _run(ctx, cluster, work)
    finally:
        cluster.stop()
        shutil.rmtree(directory, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)


def _read_all(layer) -> int:
    count = 0
    for feature in layer.getFeatures():
        feature.geometry()
        count += 1
    return count


def _run(ctx, cluster, work: Path) -> None:
    from plugin.qgis import orientation_layer
    from plugin.qgis.import_export import import_lieux
    from plugin.qgis.team_database import TeamDatabase
    from plugin.qgis.working_layer import load_working_layer

    from .bench_orientation import session

    source = Path(ctx.data_csv)
    uri = f"host=127.0.0.1 port={cluster.port} dbname='{cluster.database}' user='{cluster.user}'"
    team = TeamDatabase(uri, "mednum", label="bench")
    gpkg = work / "lieux.gpkg"

    seconds = ctx.median(lambda: import_lieux(source, gpkg, validate=False), repeat=3)
    ctx.report("gpkg_import_50k", seconds, "s", None, "CSV → working GeoPackage (reference)")
    seconds = ctx.median(lambda: import_lieux(source, team, validate=False, replace=True), repeat=3)
    ctx.report("postgis_import_50k", seconds, "s", None,
               f"CSV → team schema (COPY, one transaction), CPU {ctx.last_cpu_seconds:.2f} s")

    gpkg_times, pg_times, rows = [], [], 0
    for _ in range(ctx.repeat):  # interleaved: both measured under the same load
        start = time.perf_counter()
        rows = _read_all(load_working_layer(gpkg))
        gpkg_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        assert _read_all(team.open_layer()) == rows
        pg_times.append(time.perf_counter() - start)
    gpkg_open, pg_open = statistics.median(gpkg_times), statistics.median(pg_times)
    ctx.report("gpkg_open_50k", gpkg_open, "s", None, f"{rows} lieux, every feature read with its point")
    ctx.report("postgis_open_50k", pg_open, "s", None, "the team layer (form, style, guard) and every feature")
    ctx.report("postgis_open_ratio", pg_open / gpkg_open, "ratio", "<= 3", "PostGIS / GeoPackage, same repeats")

    layer = team.open_layer()
    index = orientation_layer.build_layer_index(layer)
    results = [index.engine.run(query) for query in session(dt.datetime(2024, 7, 16, 10, 30))]
    times = []
    for _ in range(max(1, ctx.repeat // 2)):
        for result in results:
            start = time.perf_counter()
            orientation_layer.apply_result(layer, index, result)
            assert layer.featureCount() == result.count
            times.append((time.perf_counter() - start) * 1000)
    ctx.report("postgis_filter_change_50k", statistics.median(times), "ms", 100,
               f"orientation filter on the PostGIS layer, median of {len(times)}, worst {max(times):.0f} ms")

    _agents(ctx, cluster, team)
    _agents(ctx, cluster, team, guarded=False, duration=5.0)


def _agents(ctx, cluster, team, guarded: bool = True, duration: float | None = None) -> None:
    import psycopg2

    from plugin.core import postgis_schema as ps

    if duration is None:
        duration = float(os.environ.get("MEDNUM_BENCH_AGENT_SECONDS", "60"))
    s = ps.quote_identifier(team.schema_name)
    hot = [row[0] for row in team.run(f"SELECT fid FROM {s}.lieux ORDER BY fid LIMIT {HOT_LIEUX}")]
    team.run(f"UPDATE {s}.lieux SET presentation_detail = NULL WHERE fid <= {max(hot)}")
    first_journal = team.run(f"SELECT coalesce(max(id), 0) FROM {s}.journal")[0][0]
    accepted: dict[int, list[str]] = {fid: [] for fid in hot}
    conflicts = [0] * AGENTS
    lock = threading.Lock()
    stop_at = time.monotonic() + duration

    def agent(number: int) -> None:
        connection = psycopg2.connect(cluster.dsn)
        connection.autocommit = True
        cursor = connection.cursor()
        cursor.execute("SELECT set_config(%s, %s, false)", (ps.AGENT_SETTING, f"agent-{number}"))
        chooser = random.Random(number)
        saves = 0
        while time.monotonic() < stop_at:
            fid = chooser.choice(hot)
            while True:  # read, think, save with the version read; refused → read again (keep mine)
                cursor.execute(f"SELECT row_version, coalesce(presentation_detail, '') FROM {s}.lieux "
                               "WHERE fid = %s", (fid,))
                version, text = cursor.fetchone()
                time.sleep(chooser.uniform(0.0, 0.004))
                token = f"a{number}n{saves}"
                try:
                    if guarded:
                        cursor.execute(f"UPDATE {s}.lieux SET presentation_detail = %s, row_version = %s "
                                       "WHERE fid = %s", ((text + " " + token).strip(), version, fid))
                    else:  # the control: a client that does not send the version it read
                        cursor.execute(f"UPDATE {s}.lieux SET presentation_detail = %s WHERE fid = %s",
                                       ((text + " " + token).strip(), fid))
                except psycopg2.errors.SerializationFailure:
                    conflicts[number] += 1
                    continue
                with lock:
                    accepted[fid].append(token)
                saves += 1
                break
        connection.close()

    threads = [threading.Thread(target=agent, args=(n,)) for n in range(AGENTS)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    total = sum(len(tokens) for tokens in accepted.values())
    final = dict(team.run(f"SELECT fid, coalesce(presentation_detail, '') FROM {s}.lieux WHERE fid <= {max(hot)}"))
    lost = sum(len(set(tokens) - set(final[fid].split())) for fid, tokens in accepted.items())
    journal = team.run(
        f"SELECT lieu_fid, before, after FROM {s}.journal WHERE id > {first_journal} "
        "AND field = 'presentation_detail' ORDER BY id")
    journaled_tokens = {(fid, (after or "").split()[-1]) for fid, _before, after in journal if after}
    unjournaled = sum(1 for fid, tokens in accepted.items() for token in tokens if (fid, token) not in journaled_tokens)
    agents_seen = team.run(f"SELECT count(DISTINCT agent) FROM {s}.journal WHERE id > {first_journal}")[0][0]
    if not guarded:
        ctx.report("agents_lost_updates_unguarded", lost, "count", None,
                   f"control, {duration:.0f} s: the same agents without sending the version read lose {lost} of "
                   f"{total} saves (what the row version prevents)")
        return
    ctx.report("agents_10_updates", total / elapsed, "/s", None,
               f"{total} saves by {AGENTS} agents in {elapsed:.0f} s on {HOT_LIEUX} lieux, {agents_seen} agents "
               "in the journal")
    ctx.report("agents_conflicts", sum(conflicts), "count", None, "saves refused (a colleague saved first), retried")
    ctx.report("agents_lost_updates", lost, "count", 0, "accepted tokens missing from the final values")
    ctx.report("agents_unjournaled", unjournaled + abs(len(journal) - total), "count", 0,
               f"{len(journal)} journal rows for {total} saves")
