"""Territorial coverage audit on the 50,000-lieux file (owner: coverage).

* ``coverage_france_50k`` — the audit of all of France (34,969 current communes × the 50,000 lieux, radius
  10 km) as the dock and ``mednum:coverage`` run it from the records: the orientation index, every lieu placed
  in its commune, the nearest lieu and the lieux within the radius of every commune, the totals; s (target < 10);
* ``coverage_france_filtered_50k`` — the same with a filter (one service, free of charge), index built; s;
* ``coverage_spatial_index_50k`` — the spatial part alone (STRtree of the lieux, nearest + count within 10 km for
  every commune), s; and ``coverage_index_vs_brute_force`` — how many times faster than a vectorised brute force
  (numpy haversine of each commune against every lieu), measured on 1,000 communes and extrapolated, with the
  answers compared on those communes (×);
* ``coverage_report_pdf`` — the PDF report of a département (QGIS print layout), s.
"""

from __future__ import annotations

import random
import time

import numpy as np

from plugin.core import reference
from plugin.core.coverage import LieuIndex, audit_coverage, resolve_territory
from plugin.core.coverage.locate import locate_lieux
from plugin.core.orientation import OrientationEngine, Query
from plugin.core.orientation.geo import haversine_many_km

DEMARCHES = "Aide aux démarches administratives"
RADIUS_KM = 10.0
BRUTE_FORCE_SAMPLE = 1000


def _brute_force(c_lons, c_lats, lons, lats):
    nearest = np.empty(len(c_lons))
    within = np.empty(len(c_lons), dtype=np.int64)
    for i in range(len(c_lons)):
        distances = haversine_many_km(c_lats[i], c_lons[i], lats, lons)
        nearest[i] = distances.min()
        within[i] = int((distances <= RADIUS_KM).sum())
    return nearest, within


def run(ctx) -> None:
    records = ctx.records()
    france = resolve_territory("france")

    def whole():
        return audit_coverage(records, france, RADIUS_KM)

    seconds, result = ctx.measure(whole, repeat=3)
    totals = result.totals
    ctx.report(
        "coverage_france_50k",
        seconds,
        "s",
        10,
        f"median of 3 (CPU {ctx.last_cpu_seconds:.2f} s): {totals.communes} communes × {result.lieux} lieux, "
        f"{totals.communes_non_couvertes} not covered, {100 * (totals.part_couverte or 0):.1f} % of the "
        f"population covered",
    )

    engine = OrientationEngine(records)
    query = Query({"services": (DEMARCHES,), "frais_a_charge": ("Gratuit",)})
    seconds, filtered = ctx.measure(lambda: audit_coverage(records, france, RADIUS_KM, query, engine=engine), repeat=3)
    ctx.report(
        "coverage_france_filtered_50k",
        seconds,
        "s",
        10,
        f"{filtered.lieux_correspondants} matching lieux, {filtered.totals.communes_non_couvertes} communes "
        f"not covered",
    )

    codes, lons, lats, _ = locate_lieux(records, range(len(records)))
    placed = ~(np.isnan(lons) | np.isnan(lats))
    lons, lats = lons[placed], lats[placed]
    points = [reference.centroid(code) for code in france.communes]
    c_lons = np.array([p[0] for p in points if p], dtype=float)
    c_lats = np.array([p[1] for p in points if p], dtype=float)

    def spatial():
        index = LieuIndex(lons, lats)
        return index.nearest(c_lons, c_lats)[0], index.count_within(c_lons, c_lats, RADIUS_KM)

    seconds, (nearest, within) = ctx.measure(spatial, repeat=3)
    ctx.report("coverage_spatial_index_50k", seconds, "s", None, f"{len(c_lons)} communes × {len(lons)} lieux")

    sample = sorted(random.Random(16).sample(range(len(c_lons)), BRUTE_FORCE_SAMPLE))
    start = time.perf_counter()
    brute_nearest, brute_within = _brute_force(c_lons[sample], c_lats[sample], lons, lats)
    brute_seconds = (time.perf_counter() - start) * len(c_lons) / BRUTE_FORCE_SAMPLE
    same = bool(np.allclose(brute_nearest, nearest[sample], atol=1e-6) and (brute_within == within[sample]).all())
    ctx.report(
        "coverage_index_vs_brute_force",
        brute_seconds / seconds,
        "×",
        None,
        f"brute force ~{brute_seconds:.1f} s for all communes (extrapolated from {BRUTE_FORCE_SAMPLE}); "
        f"same answers: {'yes' if same else 'NO'}",
    )
    if not same:
        raise AssertionError("the spatial index and the brute force disagree")

    try:
        from qgis.core import QgsApplication
    except ImportError:
        return
    app = QgsApplication.instance() or QgsApplication([], False)
    app.initQgis()
    from plugin.qgis.coverage_layer import coverage_layer
    from plugin.qgis.coverage_layout import export_pdf

    departement = audit_coverage(records, resolve_territory("departement:13"), RADIUS_KM, engine=engine)
    path = ctx.path("coverage-13.pdf")
    seconds = ctx.median(lambda: export_pdf(departement, coverage_layer(departement), path, ctx.data_csv.name), 3)
    ctx.report("coverage_report_pdf", seconds, "s", None, "Bouches-du-Rhône, 119 communes, A4 PDF")
