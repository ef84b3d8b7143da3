"""The working layer: the lieux of a source, in the standard's own form, on the map and in edit forms.

Storage decision (principle 1, "a layer saved at any moment is one export away from a conformant file"):

* the layer holds exactly the schema's fields, in schema order, **all stored as text** in their
  conformant representation: ``a|b`` lists, ISO dates, ``43.52609`` numbers with a decimal point.
  latitude/longitude are text too: a source value such as ``43,52609`` or ``N/A`` cannot live in a
  real column and would be lost; as text it stays, the validator reports it, the user fixes it.
  A missing value is NULL (the standard's ""), so that "required" is a plain not-null constraint;
* the geometry is a point in EPSG:4326 derived from latitude/longitude when both are valid WGS84
  numbers; a lieu without (valid) coordinates is kept with a NULL geometry and reported;
* the fields are the truth: editing latitude/longitude moves the point, moving the point rewrites
  them (`plugin/qgis/coordinate_sync.py`);
* a GeoPackage adds its own integer primary key ``fid`` (the source row number at import); it is
  not a field of the standard and never exported.

The layer logic here — fields, features ↔ records, configuration (form, style, marker), detection —
works on any ``QgsVectorLayer`` (memory, GeoPackage, PostGIS). Only :func:`create_working_geopackage`
and the side-table/metadata helpers are about the GeoPackage file a local import produces:

* table ``lieux`` — the working layer (bulk-written through GDAL/SQLite: 50,000 lieux in about a second);
* table ``colonnes_source`` — the source columns that are not fields of the standard, one row per lieu
  with the same ``fid`` and the lieu's ``id``, so nothing of the source is lost;
* ``layer_styles`` — the layer's default style: form, constraints, defaults, symbology and labels,
  so that QGIS restores them whenever the GeoPackage is opened again, with or without the plugin;
* GDAL metadata of ``lieux`` — schema version, source file and format, the side-table column names.
"""

from __future__ import annotations

import json
import operator
import os
import sqlite3
import struct
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsGeometry,
    QgsGraduatedSymbolRenderer,
    QgsMapLayer,
    QgsPointXY,
    QgsProject,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsVectorLayerFeatureSource,
)
from qgis.PyQt.QtGui import QColor

from ..core.coordinates import point_of, points_of_columns
from ..core.errors import MednumError
from ..core.gpkg_sqlite import open_read_only, open_writable
from ..core.i18n import translate
from ..core.postgis_schema import ROW_VERSION_COLUMN
from ..core.records import ColumnarRecords, Record
from ..core.resources import resource_path
from ..core.schema import Schema, load_schema
from .field_types import new_field
from .layer_records import attribute_text

WORKING_TABLE = "lieux"
SIDE_TABLE = "colonnes_source"
SIDE_TABLE_ID = "id"
OVERFLOW_COLUMN = "cellules_en_trop"  # cells beyond the header of a malformed CSV row (JSON list)
GEOMETRY_COLUMN = "geom"
WORKING_LAYER_PROPERTY = "lieux_mednum/working_layer"  # custom property: the schema version
STYLE_PATH = resource_path("styles", "lieux.qml")
STYLE_NAME = "lieux_mednum"
METADATA_PREFIX = "MEDNUM_"
_STORAGE_FIELDS = ("fid", ROW_VERSION_COLUMN)
_INSERT_CHUNK = 5000
_READ_CHUNK = 512

ProgressCallback = Callable[[float], None]
CancelCheck = Callable[[], bool]


class WorkingLayerError(MednumError):
    """A working layer could not be created, opened or read; ``message`` is for the user (French)."""

    default_code = "working-layer"


class ImportCanceledError(WorkingLayerError):
    def __init__(self):
        super().__init__(translate("WorkingLayer", "Import canceled."))


# --------------------------------------------------------------------------------------------------
# Fields and features (any provider)
# --------------------------------------------------------------------------------------------------


def working_fields(schema: Schema | None = None) -> QgsFields:
    """The schema's fields, in order, as text fields."""
    schema = schema or load_schema()
    fields = QgsFields()
    for spec in schema.fields:
        fields.append(new_field(spec.name))
    return fields


def attribute_values(record: Mapping[str, str], names: Sequence[str]) -> list:
    """Attribute values of a record for fields ``names`` ("" → NULL)."""
    return [(record.get(name) or None) for name in names]


def point_geometry(record: Mapping[str, str]) -> QgsGeometry | None:
    point = point_of(record)
    if point is None:
        return None
    return QgsGeometry.fromPointXY(QgsPointXY(point[0], point[1]))


def features_from_records(records: Iterable[Mapping[str, str]], fields: QgsFields) -> list[QgsFeature]:
    """Features for ``fields`` (a working layer's) from records: attributes by name, point from lat/long."""
    names = fields.names()
    features = []
    for record in records:
        feature = QgsFeature(fields)
        feature.setAttributes(attribute_values(record, names))
        geometry = point_geometry(record)
        if geometry is not None:
            feature.setGeometry(geometry)
        features.append(feature)
    return features


def add_records(layer: QgsVectorLayer, records: Iterable[Mapping[str, str]]) -> int:
    """Append records to any working layer through its provider (GeoPackage, PostGIS, memory…)."""
    features = features_from_records(records, layer.fields())
    ok, _ = layer.dataProvider().addFeatures(features)
    if not ok:
        raise WorkingLayerError(
            translate("WorkingLayer", "The lieux could not be written to the layer: {error}").format(
                error="; ".join(layer.dataProvider().errors()) or "?"
            )
        )
    layer.updateExtents()
    return len(features)


def _read_records(
    source, fields: QgsFields, schema: Schema, fids: list[int] | None = None, source_columns_of: str = ""
) -> list[Record]:
    """Records of the features of ``source`` (anything with getFeatures) whose fields are ``fields``.

    ``source_columns_of``: a working GeoPackage whose kept-aside source columns are added to each record (by fid).
    """
    names = schema.field_names
    indexes = [fields.indexFromName(name) for name in names]
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setSubsetOfAttributes(indexes)
    if fids is not None:
        request.setFilterFids(fids)
    rows = []
    for feature in source.getFeatures(request):
        attributes = feature.attributes()
        rows.append((feature.id(), {name: attribute_text(attributes[i]) for name, i in zip(names, indexes)}))
    # a fid filter comes back in hash order, a PostgreSQL table in its physical order: give the fid order
    rows.sort(key=lambda row: row[0])
    if source_columns_of:
        side = read_side_table(source_columns_of)
        by_fid = dict(zip(side.fids, side.rows))
        names = _extra_names(side.columns, schema)
        blank = dict.fromkeys(names.values(), "")
        for fid, record in rows:
            record.update(blank)
            record.update({names[key]: value for key, value in by_fid.get(fid, {}).items()})
    return [record for _, record in rows]


def _extra_names(columns: Sequence[str], schema: Schema) -> dict[str, str]:
    """The names under which kept-aside source columns are exported: their own, unless a field has it."""
    taken = set(schema.field_names)
    names = {}
    for column in columns:
        name = column
        while name in taken:
            name = f"{name} (source)"
        taken.add(name)
        names[column] = name
    return names


def geopackage_table(layer: QgsVectorLayer) -> tuple[str, str] | None:
    """(file, table) when ``layer`` is a whole GeoPackage table with no pending edit and no filter."""
    if layer.providerType() != "ogr" or layer.subsetString() or layer.isModified():
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path, table = parts.get("path") or "", parts.get("layerName") or ""
    if not path.lower().endswith(".gpkg") or not table or not Path(path).is_file():
        return None
    return path, table


def _read_geopackage(
    path: str, table: str, schema: Schema, fids: list[int] | None = None, source_columns: bool = False
) -> ColumnarRecords:
    """The records of a working GeoPackage table, read with SQLite straight into columns (50,000 lieux in a
    fraction of a second): a :class:`~..core.records.ColumnarRecords`, which the validation engine and the CSV
    writer consume column by column and which builds the dicts only if a caller asks for them.

    ``source_columns``: the kept-aside source columns (table ``colonnes_source``, joined by fid) come along,
    under their source names, after the fields of the standard."""
    names = list(schema.field_names)
    # the fields are TEXT; anything else (a table edited outside the plugin) is cast the way SQLite writes it
    selected = [f"IFNULL(CAST(t.{_quote(n)} AS TEXT), '')" for n in names]
    joined = ""
    if source_columns:
        mapping = json.loads(geopackage_metadata(path).get("SIDE_TABLE_COLUMNS") or "{}")
        if mapping:
            extra = _extra_names(list(mapping.values()), schema)
            selected += [f"IFNULL(CAST(s.{_quote(stored)} AS TEXT), '')" for stored in mapping]
            names += [extra[source_name] for source_name in mapping.values()]
            joined = f" LEFT JOIN {_quote(SIDE_TABLE)} AS s ON s.fid = t.fid"
    query = f"SELECT {','.join(selected)} FROM {_quote(table)} AS t{joined}"
    cells: list[list[str]] = [[] for _ in names]
    count = 0
    connection = open_read_only(path)
    try:
        if fids is None:
            cursor = connection.execute(query + " ORDER BY t.fid")
        else:
            connection.execute("CREATE TEMP TABLE wanted (fid INTEGER PRIMARY KEY)")
            connection.executemany("INSERT INTO wanted VALUES (?)", ((fid,) for fid in fids))
            cursor = connection.execute(query + " WHERE t.fid IN (SELECT fid FROM wanted) ORDER BY t.fid")
        while True:
            rows = cursor.fetchmany(_READ_CHUNK)  # transposed while they are in the CPU cache
            if not rows:
                break
            count += len(rows)
            for column, values in zip(cells, zip(*rows)):
                column.extend(values)
    finally:
        connection.close()
    return ColumnarRecords(dict(zip(names, cells)), count)


def _generic_records(source, selected_only: bool, schema: Schema, source_columns: bool = False) -> list[Record]:
    from .layer_records import records_from_layer as generic_records

    table = generic_records(source, selected_only=True) if selected_only else generic_records(source)
    return table.records_with_extra(schema) if source_columns else table.schema_records(schema)


def source_records(source, schema: Schema | None = None) -> list[Record]:
    """The records of a feature source (a Processing source, a layer): read field by field when its fields
    are the working layer's, else through the generic converter of `plugin/qgis/layer_records.py`."""
    schema = schema or load_schema()
    if _has_schema_fields(source.fields(), schema):
        return _read_records(source, source.fields(), schema)
    return _generic_records(source, False, schema)


def layer_snapshot(
    layer: QgsVectorLayer, selected_only: bool = False, schema: Schema | None = None, source_columns: bool = False
) -> Callable[[], Sequence[Record]]:
    """Take, on the main thread, what is needed to read the layer's records; the returned function
    reads them anywhere (a background task): a snapshot of the features, edit buffer included.
    A layer that is not a working layer is read now, through the generic converter. A saved GeoPackage
    table comes back as :class:`~..core.records.ColumnarRecords` (a list of records built on demand).
    ``source_columns``: the records also hold the columns that are not fields of the standard (the kept-aside
    ``colonnes_source`` of a working GeoPackage, the other fields of any other layer)."""
    schema = schema or load_schema()
    if not is_working_layer(layer, schema):
        records = _generic_records(layer, selected_only, schema, source_columns)
        return lambda: records
    fids = sorted(layer.selectedFeatureIds()) if selected_only else None
    table = geopackage_table(layer)
    if table is not None:  # saved GeoPackage table: SQLite reads it ~20× faster than feature iteration
        return lambda: _read_geopackage(table[0], table[1], schema, fids, source_columns)
    fields = QgsFields(layer.fields())
    snapshot = QgsVectorLayerFeatureSource(layer)
    side_of = ""
    if source_columns:
        path = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source()).get("path") or ""
        side_of = path if path.lower().endswith(".gpkg") and Path(path).is_file() else ""
    return lambda: _read_records(snapshot, fields, schema, fids, side_of)


def records_from_layer(
    layer: QgsVectorLayer, selected_only: bool = False, schema: Schema | None = None, source_columns: bool = False
) -> Sequence[Record]:
    """The records of a layer in the standard's form (edit buffer included), in feature order (a list, or
    for a saved GeoPackage table a :class:`~..core.records.ColumnarRecords` that behaves as one)."""
    return layer_snapshot(layer, selected_only, schema, source_columns)()


# --------------------------------------------------------------------------------------------------
# Detection and configuration (any provider)
# --------------------------------------------------------------------------------------------------


def _has_schema_fields(fields: QgsFields, schema: Schema, keys: Iterable[int] = ()) -> bool:
    keys = set(keys)
    # beside the schema's fields: the storage's key (GeoPackage fid) and a team table's row version
    names = tuple(name for i, name in enumerate(fields.names()) if i not in keys and name not in _STORAGE_FIELDS)
    return names == schema.field_names


def has_working_fields(layer: QgsVectorLayer, schema: Schema | None = None) -> bool:
    """Whether the layer's fields are the schema's (an extra primary key such as ``fid`` allowed)."""
    return _has_schema_fields(layer.fields(), schema or load_schema(), layer.primaryKeyAttributes())


def is_working_layer(layer, schema: Schema | None = None) -> bool:
    """A vector layer the plugin configured (marker in its style) or with exactly the schema's fields."""
    if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
        return False
    if layer.customProperty(WORKING_LAYER_PROPERTY):
        return True
    return has_working_fields(layer, schema)


def apply_default_style(layer: QgsVectorLayer) -> None:
    """Symbology and labels of the shipped QML style (resources/styles/lieux.qml)."""
    categories = QgsMapLayer.StyleCategory.Symbology | QgsMapLayer.StyleCategory.Labeling
    message, ok = layer.loadNamedStyle(str(STYLE_PATH), categories)
    if not ok:
        raise WorkingLayerError(
            translate("WorkingLayer", "The default style could not be loaded: {error}").format(error=message)
        )
    fix_profile_symbols(layer)
    renderer = layer.renderer()
    if isinstance(renderer, QgsGraduatedSymbolRenderer):  # legend in the user's language
        labels = (
            translate("WorkingLayer", "No service given"),
            translate("WorkingLayer", "1 or 2 services"),
            translate("WorkingLayer", "3 to 5 services"),
            translate("WorkingLayer", "6 services or more"),
        )
        for index, label in enumerate(labels[: len(renderer.ranges())]):
            renderer.updateRangeLabel(index, label)


def fix_profile_symbols(layer: QgsVectorLayer) -> None:
    """Fixed colours for the elevation-profile symbols of a layer (QGIS 3.26+): QGIS draws them a random colour
    per layer, so the style stored in two GeoPackages made from the same file would differ. They take the first
    colour of the service palette (plugin/qgis/service_style.py), a darker outline."""
    from .service_style import DEFAULT_PALETTE

    properties = layer.elevationProperties() if hasattr(layer, "elevationProperties") else None
    if properties is None or not hasattr(properties, "profileMarkerSymbol"):
        return  # QGIS < 3.26: no profile symbols
    fill, outline = QColor(DEFAULT_PALETTE[0]), QColor(DEFAULT_PALETTE[0]).darker(150)
    for kind in ("Line", "Fill", "Marker"):
        symbol = getattr(properties, f"profile{kind}Symbol")()
        if symbol is None:
            continue
        symbol = symbol.clone()
        symbol.setColor(fill)
        for symbol_layer in symbol.symbolLayers():
            if kind != "Line" and hasattr(symbol_layer, "setStrokeColor"):
                symbol_layer.setStrokeColor(outline)
        getattr(properties, f"setProfile{kind}Symbol")(symbol)


def configure_working_layer(layer: QgsVectorLayer, schema: Schema | None = None, style: bool = True) -> None:
    """Make ``layer`` a working layer: the schema-generated form, constraints and defaults, the style."""
    from .form_config import configure_form

    schema = schema or load_schema()
    if style:  # first: loading a QML (even restricted to symbology) resets the form configuration on 3.22
        apply_default_style(layer)
    configure_form(layer, schema)
    layer.setCustomProperty(WORKING_LAYER_PROPERTY, schema.version)


CONFIGURED_FLAG = "lieuxMednumConfigured"  # Qt dynamic property (not saved): form set up in this session
ADOPTED_PROVIDERS = ("ogr", "postgres", "spatialite")


def mark_configured(layer: QgsVectorLayer) -> None:
    layer.setProperty(CONFIGURED_FLAG, True)


def adopt_working_layer(layer) -> bool:
    """Give the plugin's form and style to a working layer that QGIS opened without them — Processing's result
    loading (``runAndLoadResults``, the toolbox) skips the default style stored in the GeoPackage.

    A working layer here is a vector layer of a file or database whose fields are the standard's. A layer that
    already carries the plugin's marker (opened with its stored style: drag and drop, the browser, a project,
    "Open a lieux file…") is left as it is. The style stored in the data source is loaded when there is one,
    else the shipped one; the form is set up for the current settings. Returns whether the layer was
    configured."""
    if not isinstance(layer, QgsVectorLayer) or not layer.isValid() or layer.property(CONFIGURED_FLAG):
        return False
    if layer.customProperty(WORKING_LAYER_PROPERTY):
        return False
    provider = layer.dataProvider()
    if provider is None or provider.name() not in ADOPTED_PROVIDERS or not has_working_fields(layer):
        return False
    layer.loadDefaultStyle()  # the form and style stored with the layer, when there is one
    had_style = bool(layer.customProperty(WORKING_LAYER_PROPERTY))
    configure_working_layer(layer, style=not had_style)
    mark_configured(layer)
    layer.triggerRepaint()
    return True


def save_default_style(layer: QgsVectorLayer) -> None:
    """Store the layer's whole style (form included) as its default style in the data source."""
    error = layer.saveStyleToDatabase(
        STYLE_NAME, translate("WorkingLayer", "Lieux de médiation numérique: form and style"), True, ""
    )
    if error:
        raise WorkingLayerError(
            translate("WorkingLayer", "The form and style could not be stored with the layer: {error}").format(
                error=error
            )
        )


# --------------------------------------------------------------------------------------------------
# The working GeoPackage (file storage of a local import)
# --------------------------------------------------------------------------------------------------


def gpkg_uri(path: str | os.PathLike, table: str = WORKING_TABLE) -> str:
    return f"{os.fspath(path)}|layername={table}"


@dataclass
class SideTable:
    """Source columns that are not schema fields: stored names ↔ source names, one row per lieu."""

    columns: list[str] = field(default_factory=list)  # source names, in source order
    stored: list[str] = field(default_factory=list)  # column names in the GeoPackage (unique, safe)
    rows: list[dict[str, str]] = field(default_factory=list)  # by source name, one per lieu
    fids: list[int] = field(default_factory=list)  # read back: the fid of each row (= the lieu's fid)

    def __post_init__(self) -> None:
        if len(self.stored) != len(self.columns):
            self.stored = side_table_names(self.columns)

    @property
    def mapping(self) -> dict[str, str]:
        return dict(zip(self.stored, self.columns))


def side_table_names(columns: Sequence[str]) -> list[str]:
    """Column names for the side table: unique without case (SQLite), never ``fid``/``id``, never empty."""
    used = {"fid", SIDE_TABLE_ID}
    names = []
    for position, column in enumerate(columns, start=1):
        base = (column or "").strip() or f"colonne_{position}"
        candidate, suffix = base, 2
        while candidate.casefold() in used:
            candidate = f"{base}_{suffix}"
            suffix += 1
        used.add(candidate.casefold())
        names.append(candidate)
    return names


def _point_blob(point: tuple[float, float] | None, header: bytes) -> bytes | None:
    if point is None:
        return None
    # GeoPackage binary: header (magic, version, flags = little endian without envelope, srs id) + WKB point
    return header + struct.pack("<BIdd", 1, 1, point[0], point[1])


def _row_values(names: Sequence[str]) -> Callable[[Mapping[str, str]], tuple]:
    """A fast getter of a record's values for ``names`` ("" is turned into NULL by the INSERT itself)."""
    getter = operator.itemgetter(*names) if len(names) > 1 else (lambda record: (record[names[0]],))

    def values(record: Mapping[str, str]) -> tuple:
        try:
            return getter(record)
        except KeyError:  # a record without some fields: they are missing
            return tuple(record.get(name) or None for name in names)

    return values


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _create_tables(path: Path, schema: Schema, side_table: SideTable | None, metadata: Mapping[str, str]) -> None:
    """The empty tables, through GDAL: GeoPackage metadata, spatial index, triggers, MEDNUM_* metadata."""
    from osgeo import gdal, ogr, osr

    gdal.UseExceptions()
    try:
        dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(4326)
        layer = dataset.CreateLayer(
            WORKING_TABLE, srs, ogr.wkbPoint, [f"GEOMETRY_NAME={GEOMETRY_COLUMN}", "FID=fid", "SPATIAL_INDEX=YES"]
        )
        for name in schema.field_names:
            layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
        meta = {"SCHEMA_VERSION": schema.version, **metadata}
        if side_table and side_table.columns:
            meta["SIDE_TABLE_COLUMNS"] = json.dumps(side_table.mapping, ensure_ascii=False)
            side = dataset.CreateLayer(SIDE_TABLE, None, ogr.wkbNone, ["FID=fid"])
            side.CreateField(ogr.FieldDefn(SIDE_TABLE_ID, ogr.OFTString))
            for stored in side_table.stored:
                side.CreateField(ogr.FieldDefn(stored, ogr.OFTString))
        for key, value in meta.items():
            layer.SetMetadataItem(METADATA_PREFIX + key, str(value))
        dataset = None  # closing writes the spatial index table and the triggers
    except RuntimeError as err:
        raise WorkingLayerError(
            translate("WorkingLayer", "The GeoPackage {path} could not be created: {error}").format(
                path=path, error=err
            )
        ) from err


def _insert(table: str, keys: Sequence[str], columns: Sequence[str]) -> str:
    """INSERT of ``keys`` as they are, then ``columns`` with "" stored as NULL (the standard's missing value)."""
    names = ",".join(_quote(c) for c in (*keys, *columns))
    values = ",".join(["?"] * len(keys) + ["NULLIF(?, '')"] * len(columns))
    return f"INSERT INTO {_quote(table)} ({names}) VALUES ({values})"


def create_working_geopackage(
    path: str | os.PathLike,
    records: Sequence[Mapping[str, str]],
    side_table: SideTable | None = None,
    metadata: Mapping[str, str] | None = None,
    schema: Schema | None = None,
    progress: ProgressCallback | None = None,
    is_canceled: CancelCheck | None = None,
    store_style: bool = True,
    points: Sequence[tuple[float, float] | None] | None = None,
) -> None:
    """Write a working GeoPackage at ``path`` (replaced if it exists): table ``lieux`` with the records
    (fid = position, 1-based), table ``colonnes_source`` when ``side_table`` has columns, and the form
    and style as the layer's default style (``store_style``).

    GDAL creates the tables (with their spatial index and triggers); the rows are then written with
    SQLite in bulk: the triggers that maintain the spatial index and the feature counts are set aside
    during the insert, their work is done once for all rows, and they are put back as GDAL wrote them.
    Safe in a background task: the QGIS layer used to store the style is never added to a project.
    ``points``: the records' points (``point_of`` of each), when the caller has them already.
    """
    path = Path(path)
    with replaced_on_success(path) as temporary:
        _write_geopackage(temporary, records, side_table, metadata, schema or load_schema(), progress, is_canceled,
                          points)
    if store_style:  # through QGIS (OGR keeps its connections open): on the final file, never on a name renamed
        store_form_and_style(path)
    if progress:
        progress(100.0)


@contextmanager
def replaced_on_success(path: Path) -> Iterator[Path]:
    """A temporary GeoPackage beside ``path`` that replaces it atomically when the block ends without error.

    A failed or cancelled write leaves an existing ``path`` exactly as it was (nothing half-written over it);
    the target's stale ``-wal``/``-shm`` files (which SQLite would replay onto the new file) are removed first.
    """
    temporary = path.with_name(f".{path.stem}.{os.getpid()}.tmp{path.suffix or '.gpkg'}")
    _remove_database(temporary)
    try:
        yield temporary
        for suffix in ("-wal", "-shm", "-journal"):
            stale = path.with_name(path.name + suffix)
            if stale.exists():
                stale.unlink()
        os.replace(temporary, path)
    except OSError as error:
        raise WorkingLayerError(
            translate("WorkingLayer", "The lieux could not be written to {path}: {error}").format(
                path=path, error=error.strerror or error
            )
        ) from None
    finally:
        _remove_database(temporary)


def _remove_database(path: Path) -> None:
    for name in (path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))):
        try:
            name.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            pass


def _write_geopackage(path, records, side_table, metadata, schema, progress, is_canceled, points):
    names = schema.field_names
    with_side = bool(side_table and side_table.columns)
    _create_tables(path, schema, side_table, metadata or {})

    header = b"GP\x00\x01" + struct.pack("<i", 4326)
    insert = _insert(WORKING_TABLE, ["fid", GEOMETRY_COLUMN], names)
    values = _row_values(names)
    index_insert = f"INSERT INTO {_quote(f'rtree_{WORKING_TABLE}_{GEOMETRY_COLUMN}')} VALUES (?, ?, ?, ?, ?)"
    side_insert = _insert(SIDE_TABLE, ["fid"], [SIDE_TABLE_ID, *side_table.stored]) if with_side else ""
    total = max(len(records), 1)
    xs, ys = [], []
    # records held as columns (a reader's table): rows are zipped from the columns, never built as dicts
    columns = records.column_data() if isinstance(records, ColumnarRecords) else None
    if columns is not None:
        cells = [records.column(name) for name in names]
        if points is None:
            points = points_of_columns(records.column("latitude"), records.column("longitude"))
        ids = records.column("id")

        def record_id(index: int) -> str:
            return ids[index] or ""
    else:

        def record_id(index: int) -> str:
            return records[index].get("id") or ""

    connection = open_writable(path)
    try:
        # a new file: nothing to protect until it is complete (a failed import leaves no usable file anyway)
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("PRAGMA journal_mode = OFF")
        tables = (WORKING_TABLE, SIDE_TABLE)
        triggers = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN (?, ?)", tables
        ).fetchall()
        for name, _sql in triggers:
            connection.execute(f"DROP TRIGGER {_quote(name)}")
        for start in range(0, len(records), _INSERT_CHUNK):
            if is_canceled and is_canceled():
                raise ImportCanceledError()
            end = min(start + _INSERT_CHUNK, len(records))
            boxes = []
            if points is not None:
                chunk_points = points[start:end]
            else:
                chunk_points = [point_of(record) for record in records[start:end]]
            blobs = []
            for fid, point in enumerate(chunk_points, start=start + 1):
                if point is not None:
                    xs.append(point[0])
                    ys.append(point[1])
                    boxes.append((fid, point[0], point[0], point[1], point[1]))
                blobs.append(_point_blob(point, header))
            fids = range(start + 1, end + 1)
            if columns is not None:
                rows = zip(fids, blobs, *(column[start:end] for column in cells))
            else:
                rows = ((fid, blob, *values(record)) for fid, blob, record in zip(fids, blobs, records[start:end]))
            connection.executemany(insert, rows)
            connection.executemany(index_insert, boxes)
            if with_side:
                side_values = _row_values(side_table.columns)
                connection.executemany(
                    side_insert,
                    (
                        (fid, record_id(fid - 1), *side_values(side_table.rows[fid - 1]))
                        for fid in range(start + 1, min(start + _INSERT_CHUNK, len(side_table.rows)) + 1)
                    ),
                )
            if progress:
                progress(85.0 * min(start + _INSERT_CHUNK, total) / total)
        for _name, sql in triggers:
            connection.execute(sql)
        counts = {WORKING_TABLE: len(records), SIDE_TABLE: len(side_table.rows) if with_side else 0}
        for table, count in counts.items():
            connection.execute("UPDATE gpkg_ogr_contents SET feature_count = ? WHERE table_name = ?", (count, table))
        if xs:
            connection.execute(
                "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = ?",
                (min(xs), min(ys), max(xs), max(ys), WORKING_TABLE),
            )
        connection.commit()
    except sqlite3.Error as err:
        raise WorkingLayerError(
            translate("WorkingLayer", "The lieux could not be written to {path}: {error}").format(path=path, error=err)
        ) from err
    except UnicodeEncodeError:
        raise WorkingLayerError(
            translate(
                "WorkingLayer",
                "The lieux could not be written: a value holds a character that cannot be stored as UTF-8 text (a "
                "lone surrogate, U+D800 to U+DFFF). Correct the source file and import it again."
            )
        ) from None
    finally:
        connection.close()


def load_working_layer(path: str | os.PathLike, name: str | None = None) -> QgsVectorLayer:
    """The ``lieux`` layer of a working GeoPackage (its stored default style applies), configured again
    with the current form definition and settings; raises WorkingLayerError if it is not one."""
    path = Path(path)
    layer = QgsVectorLayer(gpkg_uri(path), name or default_layer_name(path), "ogr")
    if not layer.isValid():
        raise WorkingLayerError(
            translate("WorkingLayer", "{path} has no layer “{table}”: it is not a working GeoPackage of lieux.").format(
                path=path, table=WORKING_TABLE
            )
        )
    if not is_working_layer(layer):
        raise WorkingLayerError(
            translate("WorkingLayer", "The layer “{table}” of {path} does not have the fields of the standard.").format(
                path=path, table=WORKING_TABLE
            )
        )
    had_style = bool(layer.customProperty(WORKING_LAYER_PROPERTY))
    # the form follows the current schema and settings; the stored symbology is the user's: keep it
    configure_working_layer(layer, style=not had_style)
    mark_configured(layer)
    return layer


def store_form_and_style(path: str | os.PathLike) -> None:
    """Configure the freshly written ``lieux`` layer and store form + style as its default style."""
    layer = QgsVectorLayer(gpkg_uri(path), WORKING_TABLE, "ogr")
    if not layer.isValid():
        raise WorkingLayerError(
            translate("WorkingLayer", "The working GeoPackage {path} cannot be opened.").format(path=path)
        )
    configure_working_layer(layer)
    save_default_style(layer)


def is_working_geopackage(path: str | os.PathLike) -> bool:
    """Whether ``path`` is a GeoPackage whose ``lieux`` table has the fields of the standard."""
    path = Path(path)
    if path.suffix.lower() != ".gpkg" or not path.is_file():
        return False
    try:
        connection = open_read_only(path)
        try:
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({_quote(WORKING_TABLE)})")]
        finally:
            connection.close()
    except sqlite3.Error:
        return False
    names = tuple(c for c in columns if c not in ("fid", GEOMETRY_COLUMN))
    return names == load_schema().field_names


def geopackage_metadata(path: str | os.PathLike) -> dict[str, str]:
    """The MEDNUM_* metadata items of a working GeoPackage's ``lieux`` layer (without the prefix)."""
    from osgeo import ogr

    dataset = ogr.Open(str(path))
    if dataset is None:
        return {}
    layer = dataset.GetLayerByName(WORKING_TABLE)
    items = (layer.GetMetadata() or {}) if layer is not None else {}
    return {k[len(METADATA_PREFIX) :]: v for k, v in items.items() if k.startswith(METADATA_PREFIX)}


def read_side_table(path: str | os.PathLike) -> SideTable:
    """The kept-aside source columns of a working GeoPackage (source names), rows by fid order."""
    mapping = json.loads(geopackage_metadata(path).get("SIDE_TABLE_COLUMNS") or "{}")
    if not mapping:
        return SideTable()
    connection = open_read_only(path)
    try:
        stored = list(mapping)
        cursor = connection.execute(
            f"SELECT fid, {','.join(_quote(s) for s in stored)} FROM {_quote(SIDE_TABLE)} ORDER BY fid"
        )
        fids, rows = [], []
        for fid, *values in cursor:
            fids.append(fid)
            rows.append({mapping[s]: (v or "") for s, v in zip(stored, values)})
    finally:
        connection.close()
    return SideTable(columns=[mapping[s] for s in stored], stored=stored, rows=rows, fids=fids)


def default_layer_name(path: str | os.PathLike) -> str:
    return translate("WorkingLayer", "Lieux — {name}").format(name=Path(path).stem)


def is_open_in_project(path: str | os.PathLike) -> bool:
    """Whether a layer of the current project reads the file ``path`` (it must not be replaced under it)."""
    path = Path(path)
    for layer in QgsProject.instance().mapLayers().values():
        source = layer.source().split("|")[0]
        try:
            if source and Path(source).resolve() == path.resolve():
                return True
        except OSError:
            continue
    return False
