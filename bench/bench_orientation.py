"""Orientation on the 50,000-lieux file (owner: orientation).

* ``orientation_index_50k`` — building the engine's index of the 50,000 records (once per layer), s;
* ``orientation_filter_change_50k`` — one filter change as the dock runs it: the query, the live count of every
  option of every group, the hours and radius counts and the first page of the ranked list; median (and worst)
  over a realistic session of 12 successive changes, ms (target < 100);
* ``orientation_open_at_50k`` — "Ouvert le…" on the 50,000 lieux at a new moment with nothing cached (every
  distinct `horaires` string parsed by opening-hours-py, then evaluated), s (target < 1); and
  ``orientation_open_at_50k_warm`` at another moment once the strings are parsed, ms;
* ``orientation_layer_index_50k`` — the dock's background task on a 50,000-lieux GeoPackage layer (read, index,
  hours parsed), s;
* ``orientation_layer_filter_50k`` — applying a filter to a 50,000-lieux GeoPackage layer in QGIS (the subset
  string on the feature ids, provider reload and feature count; canvas rendering excluded), ms.
"""

from __future__ import annotations

import datetime as dt
import itertools
import statistics
import time

from plugin.core.orientation import Around, OrientationEngine, Query

DEMARCHES = "Aide aux démarches administratives"
OUTILS = "Maîtrise des outils numériques du quotidien"
INSERTION = "Insertion professionnelle via le numérique"


def session(moment: dt.datetime) -> list[Query]:
    """A prescripteur's successive clicks in the dock."""
    q = Query()
    steps = [q := q.toggled("services", DEMARCHES, True)]
    steps.append(q := q.toggled("services", OUTILS, True))
    steps.append(q := Query(q.selections, "all"))
    steps.append(q := q.toggled("frais_a_charge", "Gratuit", True))
    steps.append(q := q.toggled("modalites_accompagnement", "Accompagnement individuel", True))
    steps.append(q := q.toggled("publics_specifiquement_adresses", "Seniors", True))
    steps.append(q := Query(q.selections, "all", open_at=moment))
    steps.append(q := Query(q.selections, "all", open_at=moment, include_unknown_hours=True))
    steps.append(q := Query(q.selections, "all", moment, False, True, Around(43.2965, 5.3698, 20.0, "Marseille")))
    steps.append(q := Query(q.selections, "all", moment, False, True, Around(48.8566, 2.3522, 10.0, "Paris")))
    steps.append(q := q.toggled("services", INSERTION, True))
    steps.append(Query())
    return steps


def _change_ms(engine: OrientationEngine, query: Query) -> float:
    start = time.perf_counter()
    result = engine.run(query)
    result.ranked(30)
    return (time.perf_counter() - start) * 1000


def run(ctx) -> None:
    records = ctx.records()
    seconds, engine = ctx.measure(lambda: OrientationEngine(records), repeat=3)
    ctx.report(
        "orientation_index_50k", seconds, "s", None,
        f"{len(records)} lieux, {engine.distinct_hours} distinct (horaires, time zone) pairs",
    )  # fmt: skip

    moment = dt.datetime(2024, 7, 16, 10, 30)
    steps = session(moment)
    engine.run(Query(open_at=moment))  # the dock evaluates the moment once when it is chosen
    times = []
    for _ in range(ctx.repeat):
        engine.clear_caches()
        times.extend(_change_ms(engine, query) for query in steps)
    ctx.report(
        "orientation_filter_change_50k", statistics.median(times), "ms", 100,
        f"median of {len(times)} changes ({len(steps)}-step session × {ctx.repeat}), worst {max(times):.0f} ms, "
        f"counts of {sum(len(g.options) for g in engine.groups)} options each time",
    )  # fmt: skip

    minutes = itertools.count(1)

    def open_at_cold():  # a new moment, nothing parsed, nothing cached
        engine.clear_caches(parsed_hours=True)
        return engine.run(Query(open_at=dt.datetime(2024, 7, 17, 9, next(minutes) % 60))).count

    seconds, count = ctx.measure(open_at_cold)
    ctx.report(
        "orientation_open_at_50k", seconds, "s", 1.0,
        f"{count} open, {engine.distinct_hours} distinct hours parsed (cpu {ctx.last_cpu_seconds:.2f} s)",
    )  # fmt: skip

    def open_at_warm():
        engine.clear_caches()
        return engine.run(Query(open_at=dt.datetime(2024, 7, 18, 14, next(minutes) % 60))).count

    seconds, _count = ctx.measure(open_at_warm)
    ctx.report("orientation_open_at_50k_warm", seconds * 1000, "ms", None, "another moment, hours already parsed")

    _distinct_hours(ctx, records)
    _layer_filter(ctx, records)


def distinct_hours(n: int) -> list[str]:
    """``n`` different valid hours strings (worst case: no two lieux share their hours)."""
    texts = []
    for i in range(n):
        start, lunch, close = 7 * 60 + i % 120, 12 * 60 + (i // 120) % 60, 16 * 60 + (i // 7200) % 120
        texts.append(
            f"Mo-Fr {start // 60:02d}:{start % 60:02d}-{lunch // 60:02d}:{lunch % 60:02d},"
            f"{lunch // 60 + 1:02d}:{lunch % 60:02d}-{close // 60:02d}:{close % 60:02d}; Sa 09:00-12:00; PH off"
        )
    return texts


def _distinct_hours(ctx, records) -> None:
    """Worst case: 50,000 distinct hours strings."""
    varied = [dict(record, horaires=text) for record, text in zip(records, distinct_hours(len(records)))]
    engine = OrientationEngine(varied)
    engine.clear_caches(parsed_hours=True)
    start = time.perf_counter()
    engine.prepare_hours()
    parse = time.perf_counter() - start

    minutes = itertools.count(1)

    def open_at():
        engine.clear_caches()
        return engine.run(Query(open_at=dt.datetime(2024, 7, 16, 9, next(minutes) % 60))).count

    seconds = ctx.median(open_at)
    ctx.report(
        "orientation_open_at_50k_distinct", seconds, "s", 1.0,
        f"{engine.distinct_hours} distinct strings, parsed beforehand in {parse:.1f} s (index task); "
        f"parse + evaluate cold = {parse + seconds:.1f} s",
    )  # fmt: skip


def _layer_filter(ctx, records) -> None:
    """The display filter on a real 50,000-lieux GeoPackage layer (QGIS needed)."""
    try:
        from qgis.core import QgsApplication, QgsVectorLayer
    except ImportError:
        ctx.report("orientation_layer_filter_50k", 0, "ms", None, "skipped: QGIS is not importable")
        return
    from bench.bench_io import _gpkg_copy
    from plugin.qgis import orientation_layer

    gpkg = _gpkg_copy(ctx, records)
    if gpkg is None:
        ctx.report("orientation_layer_filter_50k", 0, "ms", None, "skipped: GDAL Python bindings missing")
        return
    app = QgsApplication.instance()
    if app is None:
        app = QgsApplication([], False)
        app.initQgis()
    layer = QgsVectorLayer(f"{gpkg}|layername=lieux", "lieux", "ogr")
    seconds, index = ctx.measure(lambda: orientation_layer.build_layer_index(layer), repeat=3)
    ctx.report(
        "orientation_layer_index_50k", seconds, "s", None,
        "what the dock does in its background task when it opens a 50,000-lieux GeoPackage (SQLite read + index)",
    )  # fmt: skip
    moment = dt.datetime(2024, 7, 16, 10, 30)
    results = [index.engine.run(query) for query in session(moment)]
    times = []
    for _ in range(max(1, ctx.repeat // 2)):
        for result in results:
            start = time.perf_counter()
            orientation_layer.apply_result(layer, index, result)
            assert layer.featureCount() == result.count
            times.append((time.perf_counter() - start) * 1000)
    ctx.report(
        "orientation_layer_filter_50k", statistics.median(times), "ms", 100,
        f"subset string on the feature ids of a GeoPackage, median of {len(times)}, worst {max(times):.0f} ms",
    )  # fmt: skip
