"""Orientation on a QGIS layer: index its lieux, show only the matching ones, remember the filter.

The filter changes the layer's *display* only: it becomes the layer's subset string (a provider-side
filter on the feature ids — ``"fid" IN (…)`` on a GeoPackage, the primary key on PostGIS), so the data are
untouched, the layer tree shows the filter icon, and the attribute table, the exports and other tools see
the same lieux. A subset string set by the user before (say, one département) is kept: the orientation
filter is ANDed to it and "Tout afficher" gives it back.

The query itself is stored in the layer's custom properties (saved with the project), so reopening the
project restores the dock's state and re-evaluates the query on the current data ("ouvert maintenant"
means now again). Named presets and the service colours are project entries.

While the layer is being edited a provider filter cannot change; :func:`apply_result` says so and the
caller applies it when the edit session ends.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

import numpy as np
from qgis.core import (
    QgsExpression,
    QgsFeatureRequest,
    QgsFeedback,
    QgsProject,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..core.gpkg_sqlite import open_read_only
from ..core.orientation import OrientationEngine, OrientationError, Query, QueryResult
from ..core.orientation.groups import GROUP_FIELDS
from ..core.schema import load_schema
from .field_types import is_integer
from .layer_records import records_from_layer

PROPERTY_PREFIX = "lieux_mednum/orientation/"
QUERY_PROPERTY = PROPERTY_PREFIX + "query"
APPLIED_SUBSET_PROPERTY = PROPERTY_PREFIX + "applied_subset"
BASE_SUBSET_PROPERTY = PROPERTY_PREFIX + "base_subset"

PROJECT_SCOPE = "lieux_mednum"
PRESETS_ENTRY = "orientation/presets"
COLOURS_ENTRY = "orientation/service_colours"

SQL_PROVIDERS = ("ogr", "postgres", "spatialite", "mssql", "oracle", "hana")


def is_lieux_layer(layer) -> bool:
    """A vector layer that holds lieux: the `nom` field and at least one orientation field."""
    if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
        return False
    names = set(layer.fields().names())
    return "nom" in names and any(name in names for name in GROUP_FIELDS)


# --------------------------------------------------------------------------- the index of a layer


@dataclass(frozen=True)
class FilterKey:
    """How the subset string names a lieu: a column (``"fid"``, a primary key, OGR's ``FID``, ``$id``)."""

    column: str
    numeric: bool
    record_field: str | None  # the record key holding the value; None = the feature id


def filter_key(layer: QgsVectorLayer) -> FilterKey:
    """The key of the layer's subset strings: its single primary key on a SQL provider, else the feature id."""
    keys = layer.primaryKeyAttributes()
    if layer.providerType() in SQL_PROVIDERS and len(keys) == 1:
        field = layer.fields().at(keys[0])
        numeric = is_integer(field)
        return FilterKey(QgsExpression.quotedColumnRef(field.name()), numeric, field.name())
    if layer.providerType() == "ogr":
        return FilterKey("FID", True, None)
    return FilterKey("$id", True, None)  # memory, delimited text…: the subset is a QGIS expression


@dataclass
class LayerIndex:
    """The engine over every lieu of a layer (within the user's own subset), with their feature ids."""

    layer_id: str
    engine: OrientationEngine
    records: list[dict[str, str]]
    feature_ids: np.ndarray
    key: FilterKey
    key_values: list  # subset key of each record (feature id or primary key value)
    base_subset: str

    @property
    def size(self) -> int:
        return self.engine.size

    def position_of(self, feature_id: int) -> int | None:
        found = np.flatnonzero(self.feature_ids == feature_id)
        return int(found[0]) if found.size else None


def base_subset(layer: QgsVectorLayer) -> str:
    """The layer's subset string without the orientation filter (the user's own filter, if any)."""
    current = layer.subsetString() or ""
    applied = layer.customProperty(APPLIED_SUBSET_PROPERTY, "") or ""
    if applied and current == applied:
        return layer.customProperty(BASE_SUBSET_PROPERTY, "") or ""
    return current


def readable_copy(layer: QgsVectorLayer) -> QgsVectorLayer | None:
    """A new layer on the same data with only the user's own subset (readable from a task's thread), or
    None for a memory layer (its data live in the layer itself)."""
    if layer.providerType() == "memory":
        return None
    copy = QgsVectorLayer(layer.source(), layer.name(), layer.providerType())
    copy.setSubsetString(base_subset(layer))
    return copy if copy.isValid() else None


def index_source(
    source,
    key: FilterKey,
    layer_id: str,
    base: str,
    feedback: QgsFeedback | None = None,
    typologie_labels: Mapping[str, str] | None = None,
) -> LayerIndex:
    """Index the lieux of ``source`` (a layer showing the lieux to index); safe in a task's thread."""
    schema = load_schema()
    fast = _geopackage_lieux(source, base, schema)
    if fast is not None:
        records, feature_ids = fast
    else:
        table = records_from_layer(source, feedback=feedback)
        records, feature_ids = table.rows, table.feature_ids
    engine = OrientationEngine(records, schema=schema, typologie_labels=typologie_labels)
    engine.prepare_hours()  # parsed here (in the background task), "Ouvert le…" then only evaluates
    key_values = list(feature_ids)
    if key.record_field is not None and source.providerType() != "ogr":  # a GeoPackage fid is the feature id
        key_values = _primary_key_values(source, key.record_field, feature_ids)
    return LayerIndex(
        layer_id=layer_id,
        engine=engine,
        records=records,
        feature_ids=np.array(feature_ids, dtype=np.int64),
        key=key,
        key_values=key_values,
        base_subset=base,
    )


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _geopackage_lieux(source, base: str, schema) -> tuple[list[dict[str, str]], list[int]] | None:
    """Fast path for a GeoPackage whose lieux are stored as text (a working layer): the records and their
    fids read with SQLite, ~20× faster than iterating features; the subset string of a GeoPackage layer is
    SQLite SQL, so it is the WHERE clause. None when this does not apply (then features are iterated)."""
    if source.providerType() != "ogr":
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", source.source())
    path, table = parts.get("path") or "", parts.get("layerName") or ""
    keys = source.primaryKeyAttributes()
    if not path.lower().endswith(".gpkg") or not table or len(keys) != 1 or not Path(path).is_file():
        return None
    fid = source.fields().at(keys[0]).name()
    try:
        connection = open_read_only(path)
    except sqlite3.Error:
        return None
    try:
        declared = {
            row[1]: (row[2] or "").upper() for row in connection.execute(f"PRAGMA table_info({_quoted(table)})")
        }
        names = [name for name in schema.field_names if name in declared]
        if not {"nom", "latitude", "longitude"} <= set(names) or any(declared[n] != "TEXT" for n in names):
            return None
        columns = ",".join(f"IFNULL({_quoted(name)}, '')" for name in names)
        where = f" WHERE ({base})" if base else ""
        rows = connection.execute(
            f"SELECT {_quoted(fid)}, {columns} FROM {_quoted(table)}{where} ORDER BY {_quoted(fid)}"
        ).fetchall()
    except sqlite3.Error:  # a subset string SQLite alone cannot run (spatial functions…): iterate features
        return None
    finally:
        connection.close()
    return [dict(zip(names, row[1:])) for row in rows], [row[0] for row in rows]


def _primary_key_values(source, field_name: str, feature_ids: Sequence[int]) -> list:
    """The primary key value of each feature (a database key is not a column of the lieux' records)."""
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes([field_name], source.fields())
    values = {feature.id(): feature[field_name] for feature in source.getFeatures(request)}
    return [values.get(fid) for fid in feature_ids]


def build_layer_index(
    layer: QgsVectorLayer,
    feedback: QgsFeedback | None = None,
    typologie_labels: Mapping[str, str] | None = None,
) -> LayerIndex:
    """Read the lieux of ``layer`` (ignoring the orientation filter) and index them, on the main thread."""
    base = base_subset(layer)
    copy = readable_copy(layer)
    if copy is not None:
        return index_source(copy, filter_key(layer), layer.id(), base, feedback, typologie_labels)
    current = layer.subsetString() or ""
    if current != base:
        layer.setSubsetString(base)
    try:
        return index_source(layer, filter_key(layer), layer.id(), base, feedback, typologie_labels)
    finally:
        if current != base:
            layer.setSubsetString(current)


# --------------------------------------------------------------------------- the subset string


def _literal(value, numeric: bool) -> str:
    if numeric:
        return str(int(float(value)))
    return "'" + str(value).replace("'", "''") + "'"


def id_filter(index: LayerIndex, positions: Sequence[int]) -> str:
    """A subset-string clause keeping the records at ``positions`` (the shorter of IN / NOT IN)."""
    column, numeric = index.key.column, index.key.numeric
    chosen = set(int(p) for p in positions)
    if not chosen:
        return f"{column} IS NULL"
    if len(chosen) == index.size:
        return f"{column} IS NOT NULL"
    if len(chosen) <= index.size // 2:
        values = [index.key_values[p] for p in sorted(chosen)]
        return f"{column} IN ({','.join(_literal(v, numeric) for v in values)})"
    values = [index.key_values[p] for p in range(index.size) if p not in chosen]
    return f"{column} NOT IN ({','.join(_literal(v, numeric) for v in values)})"


def apply_result(layer: QgsVectorLayer, index: LayerIndex, result: QueryResult) -> bool:
    """Show only the lieux of ``result`` (or all of them for an empty query); store the query.

    Returns False when the provider filter cannot change now (layer in edit mode); the query is stored
    anyway and :func:`reapply_stored` applies it later.
    """
    store_query(layer, result.query)
    base = index.base_subset
    if result.query.is_empty:
        subset = base
    else:
        clause = id_filter(index, result.indices().tolist())
        subset = f"({base}) AND ({clause})" if base else clause
    return _set_subset(layer, subset, base)


def bring_to_top(layer: QgsVectorLayer, project: QgsProject | None = None) -> bool:
    """Draw the filtered layer above the other point layers (e.g. the validation copy of the same lieux that
    would hide the filter): its node goes first in the layer tree (or in the custom layer order), shown.
    Nothing moves when no visible point layer is drawn above it. Returns whether it moved."""
    project = project or QgsProject.instance()
    root = project.layerTreeRoot()
    node = root.findLayer(layer.id())
    if node is None:
        return False
    order = root.customLayerOrder() if root.hasCustomLayerOrder() else root.layerOrder()
    above = order[: order.index(layer)] if layer in order else []

    def hides(other) -> bool:
        other_node = root.findLayer(other.id())
        return (
            isinstance(other, QgsVectorLayer)
            and other.geometryType() == QgsWkbTypes.GeometryType.PointGeometry
            and other_node is not None
            and other_node.isVisible()
        )

    if not any(hides(other) for other in above):
        return False
    if root.hasCustomLayerOrder():
        root.setCustomLayerOrder([layer] + [other for other in order if other is not layer])
    else:
        parent = node.parent()
        clone = node.clone()
        root.insertChildNode(0, clone)
        parent.removeChildNode(node)
        node = clone
    node.setItemVisibilityChecked(True)
    return True


def clear_filter(layer: QgsVectorLayer) -> bool:
    """ "Tout afficher": forget the query, give the layer back its own subset string."""
    base = base_subset(layer)
    layer.removeCustomProperty(QUERY_PROPERTY)
    ok = _set_subset(layer, base, base)
    if ok:
        layer.removeCustomProperty(APPLIED_SUBSET_PROPERTY)
        layer.removeCustomProperty(BASE_SUBSET_PROPERTY)
    return ok


def _set_subset(layer: QgsVectorLayer, subset: str, base: str) -> bool:
    if layer.isEditable():
        return False
    if (layer.subsetString() or "") != subset and not layer.setSubsetString(subset):
        return False
    layer.setCustomProperty(APPLIED_SUBSET_PROPERTY, subset)
    layer.setCustomProperty(BASE_SUBSET_PROPERTY, base)
    layer.triggerRepaint()
    return True


# --------------------------------------------------------------------------- stored state


def store_query(layer: QgsVectorLayer, query: Query) -> None:
    if query.is_empty and query.around is None and query.services_mode == "any":
        layer.removeCustomProperty(QUERY_PROPERTY)
    else:
        layer.setCustomProperty(QUERY_PROPERTY, query.to_json())
    QgsProject.instance().setDirty(True)


def stored_query(layer: QgsVectorLayer) -> Query | None:
    """The query saved with the layer, or None (also when it cannot be read any more)."""
    text = layer.customProperty(QUERY_PROPERTY, "") if layer is not None else ""
    if not text:
        return None
    try:
        return Query.from_json(str(text))
    except OrientationError:
        return None


def orientation_layers(project: QgsProject | None = None) -> list[QgsVectorLayer]:
    """The project's layers that carry an orientation filter."""
    project = project or QgsProject.instance()
    return [
        layer
        for layer in project.mapLayers().values()
        if isinstance(layer, QgsVectorLayer) and layer.customProperty(QUERY_PROPERTY, "")
    ]


def _project_json(entry: str, project: QgsProject | None) -> dict:
    """A JSON object stored in a project entry ({} when absent or unreadable)."""
    text, found = (project or QgsProject.instance()).readEntry(PROJECT_SCOPE, entry, "")
    if not found or not text:
        return {}
    try:
        raw = json.loads(text)
    except ValueError:
        return {}
    return raw if isinstance(raw, dict) else {}


def load_presets(project: QgsProject | None = None) -> dict[str, Query]:
    """Named filter presets saved in the project ({name: query}); unreadable entries are skipped."""
    presets = {}
    for name, data in _project_json(PRESETS_ENTRY, project).items():
        try:
            presets[str(name)] = Query.from_dict(data)
        except OrientationError:
            continue
    return presets


def save_presets(presets: Mapping[str, Query], project: QgsProject | None = None) -> None:
    project = project or QgsProject.instance()
    data = {name: query.to_dict() for name, query in sorted(presets.items(), key=lambda item: item[0].casefold())}
    project.writeEntry(PROJECT_SCOPE, PRESETS_ENTRY, json.dumps(data, ensure_ascii=False))


def load_service_colours(project: QgsProject | None = None) -> dict[str, str]:
    """The project's colour of each service ({service: "#rrggbb"})."""
    return {str(k): str(v) for k, v in _project_json(COLOURS_ENTRY, project).items()}


def save_service_colours(colours: Mapping[str, str], project: QgsProject | None = None) -> None:
    project = project or QgsProject.instance()
    project.writeEntry(PROJECT_SCOPE, COLOURS_ENTRY, json.dumps(dict(colours), ensure_ascii=False))
