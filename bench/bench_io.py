"""Readers and writers on the 50,000-lieux file (owner: core-io).

* ``read_csv_50k`` — ``read_table`` on the generated CSV (decoding, delimiter sniffing, parsing, structure
  checks), rows/s, and the extra peak memory it needs;
* ``write_csv_50k`` / ``write_json_50k`` / ``write_geojson_50k`` — ``write_records`` of the 50,000 records as
  conformant files (atomic write included), seconds;
* ``read_json_50k`` / ``read_geojson_50k`` / ``read_xlsx_50k`` / ``read_gpkg_50k`` — the other readers on the same
  lieux (the XLSX and GeoPackage copies are built once and cached in bench-output/; the GeoPackage needs GDAL's
  Python bindings, present with QGIS); the XLSX with python-calamine (target ≥ 20,000 rows/s) and with the openpyxl
  fallback (``read_xlsx_openpyxl_50k``, ``read_xlsx_calamine_vs_openpyxl``).
"""

from __future__ import annotations

from pathlib import Path

from plugin.core.readers import read_table
from plugin.core.writers import write_records


def run(ctx) -> None:
    rows = ctx.rows
    size_mb = ctx.data_csv.stat().st_size / 1e6
    seconds = ctx.median(lambda: read_table(ctx.data_csv))
    cpu = ctx.last_cpu_seconds
    ctx.report(
        "read_csv_50k", rows / seconds, "rows/s", 50_000, f"median {seconds:.2f} s (cpu {cpu:.2f} s), {size_mb:.0f} MB"
    )
    ctx.report("read_csv_50k_cpu", rows / cpu, "rows/s", None, "rows per CPU second (less sensitive to machine load)")
    ctx.report("read_csv_50k_peak_memory", ctx.peak_memory(lambda: read_table(ctx.data_csv)), "MB", 500,
               "extra resident memory of read_table (forked child)")  # fmt: skip

    records = ctx.records()
    for fmt in ("csv", "json", "geojson"):
        target = ctx.path(f"export-50k.{fmt}")
        seconds = ctx.median(lambda target=target: write_records(target, records))
        limit = 2.0 if fmt == "csv" else 5.0  # JSON encoding of non-ASCII text costs more than CSV quoting
        note = f"cpu {ctx.last_cpu_seconds:.2f} s, {target.stat().st_size / 1e6:.0f} MB"
        ctx.report(f"write_{fmt}_50k", seconds, "s", limit, note)

    for fmt in ("json", "geojson"):
        path = ctx.path(f"export-50k.{fmt}")
        seconds = ctx.median(lambda path=path: read_table(path), repeat=3)
        ctx.report(
            f"read_{fmt}_50k",
            rows / seconds,
            "rows/s",
            None,
            f"median {seconds:.2f} s (cpu {ctx.last_cpu_seconds:.2f} s)",
        )

    xlsx = _xlsx_copy(ctx, records)
    _xlsx_readers(ctx, xlsx, rows)

    gpkg = _gpkg_copy(ctx, records)
    if gpkg is None:
        ctx.report("read_gpkg_50k", 0, "rows/s", None, "skipped: GDAL Python bindings (osgeo) not available")
    else:
        seconds = ctx.median(lambda: read_table(gpkg), repeat=3)
        ctx.report(
            "read_gpkg_50k",
            rows / seconds,
            "rows/s",
            None,
            f"median {seconds:.2f} s (cpu {ctx.last_cpu_seconds:.2f} s)",
        )


def _xlsx_readers(ctx, xlsx: Path, rows: int) -> None:
    """``read_table`` on the 50,000-row workbook with python-calamine (the default when installed) and with the
    openpyxl fallback; the same cells either way (tests/unit/test_xlsx_readers.py)."""
    from plugin.core.readers import read_table, xlsx_reader

    if xlsx_reader._calamine() is not None:
        seconds = ctx.median(lambda: read_table(xlsx), repeat=3, warmup=1)
        cpu = ctx.last_cpu_seconds
        ctx.report("read_xlsx_50k", rows / seconds, "rows/s", 20_000,
                   f"python-calamine: median {seconds:.2f} s (cpu {cpu:.2f} s: {rows / cpu:,.0f} rows/s)")
    else:
        seconds = None
        ctx.report("read_xlsx_50k", 0, "rows/s", 20_000, "skipped: python-calamine not installed")
    original = xlsx_reader._calamine
    xlsx_reader._calamine = lambda: None
    try:
        fallback = ctx.median(lambda: read_table(xlsx), repeat=1)
    finally:
        xlsx_reader._calamine = original
    ctx.report("read_xlsx_openpyxl_50k", rows / fallback, "rows/s", None,
               f"openpyxl read-only: {fallback:.1f} s, 1 run")
    if seconds:
        ctx.report("read_xlsx_calamine_vs_openpyxl", fallback / seconds, "×", None, "same run")


def _fresh(copy: Path, source: Path) -> bool:
    return copy.exists() and copy.stat().st_mtime >= source.stat().st_mtime


def _xlsx_copy(ctx, records: list[dict[str, str]]) -> Path:
    path = ctx.path(f"lieux-{ctx.rows}.xlsx")
    if _fresh(path, ctx.data_csv):
        return path
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Lieux")
    header = list(records[0])
    sheet.append(header)
    numeric = {"latitude", "longitude"}
    for record in records:
        row = []
        for name in header:
            value = record[name]
            if name in numeric:  # typed as numbers, as a spreadsheet user would have them
                try:
                    value = float(value)
                except ValueError:
                    pass
            row.append(value)
        sheet.append(row)
    workbook.save(path)
    return path


def _gpkg_copy(ctx, records: list[dict[str, str]]) -> Path | None:
    path = ctx.path(f"lieux-{ctx.rows}.gpkg")
    if _fresh(path, ctx.data_csv):
        return path
    try:
        from osgeo import ogr, osr
    except ImportError:
        return None
    if path.exists():
        path.unlink()
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    layer = source.CreateLayer("lieux", srs, ogr.wkbPoint)
    header = list(records[0])
    for name in header:
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    definition = layer.GetLayerDefn()
    layer.StartTransaction()
    for record in records:
        feature = ogr.Feature(definition)
        for index, name in enumerate(header):
            feature.SetField(index, record[name])
        try:
            point = ogr.Geometry(ogr.wkbPoint)
            point.AddPoint_2D(float(record["longitude"]), float(record["latitude"]))
            feature.SetGeometry(point)
        except ValueError:
            pass
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    source = None  # noqa: F841 - closes the file
    return path
