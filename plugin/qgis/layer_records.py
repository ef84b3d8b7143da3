"""Records of ANY QGIS vector layer (or Processing feature source), in the standard's own flat form.

``records_from_layer(layer)`` reads the features of a layer into a :class:`LayerTable` (a core
:class:`~..core.records.Table`) that the validation engine, the writers and the working layer consume like
the table of a file reader:

* fields are matched **by name** (exact name first, then a case/space-insensitive match to a schema field
  name, so ``Code_Postal`` feeds ``code_postal``); fields that are not in the schema are **kept** under
  their own name (``Table.extra_columns(schema)`` lists them) — nothing is dropped;
* values become the standard's strings (:func:`attribute_text`: Qt types unwrapped, then the core's
  :func:`~plugin.core.records.cell_text`): NULL → ``""``, numbers with a decimal point and no exponent,
  ``QDate`` → ``YYYY-MM-DD``, ``QDateTime`` → ISO (its date at midnight and for the schema's date fields),
  string lists and arrays → ``a|b``, maps → JSON;
* ``latitude``/``longitude`` come from the geometry (transformed to EPSG:4326; centroid-like point on
  surface for lines and polygons) when those fields are absent or empty in a feature — the values of the
  fields win when they are filled;
* the storage key of the provider (GeoPackage ``fid``, a database serial key) is not a column of the lieux
  and is left out, unless it is a field of the standard (see :func:`storage_key_fields`);
* ``LayerTable.feature_ids[i]`` is the feature id of record ``i + 1`` (issue ``row`` → feature);
  ``Table.derived_columns`` names latitude/longitude when the layer has no such fields (computed, not read).

Pass ``feedback`` (a ``QgsFeedback``, e.g. the Processing feedback) for progress and cancellation:
cancelling raises :class:`LayerReadCancelledError`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsFeedback,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QByteArray, QDate, QDateTime, QTime, QVariant

from ..core.i18n import translate
from ..core.records import Table, cell_text, format_number, match_field_names
from ..core.schema import Schema, load_schema

LATITUDE = "latitude"
LONGITUDE = "longitude"
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
# Coordinates computed by a CRS transformation are rounded to 7 decimals (≈ 1 cm), as the standard's data are.
COORDINATE_DECIMALS = 7


class LayerReadCancelledError(Exception):
    """The user cancelled while the layer was being read."""

    def __init__(self) -> None:
        self.message = translate("LayerRecords", "Reading the layer was cancelled.")
        super().__init__(self.message)


@dataclass
class LayerTable(Table):
    """A :class:`Table` read from a layer: also the feature id of each record."""

    feature_ids: list[int] = field(default_factory=list)
    # source field name → record key (the schema name it was matched to, or itself)
    field_keys: dict[str, str] = field(default_factory=dict)


def storage_key_fields(layer: QgsVectorLayer | None, schema: Schema | None = None) -> list[str]:
    """Names of the layer's primary-key fields that only identify rows in their storage (GeoPackage ``fid``)."""
    if not isinstance(layer, QgsVectorLayer):
        return []
    schema = schema or load_schema()
    fields = layer.fields()
    names = [fields.at(index).name() for index in layer.primaryKeyAttributes() if 0 <= index < fields.count()]
    return [name for name in names if name not in schema]


def attribute_text(value: Any, date_only: bool = False) -> str:
    """A QGIS attribute value as the standard's string ("" for NULL): the Qt types unwrapped here (``QVariant``,
    ``QDate``, ``QDateTime``, ``QTime``, ``QByteArray``), then the core's one converter
    (:func:`~plugin.core.records.cell_text`; ``date_only`` for the schema's date fields)."""
    if value.__class__ is str:  # first: most attributes are text (and comparing a str with NULL is slow)
        return value
    return cell_text(_python_value(value), date_only)


def _python_value(value: Any) -> Any:
    """The Python value of a Qt one (None for NULL and invalid dates), lists and maps unwrapped item by item."""
    if isinstance(value, QVariant):
        if value.isNull():
            return None
        value = value.value()
    if isinstance(value, QDateTime):
        return value.toPyDateTime() if value.isValid() else None
    if isinstance(value, QDate):
        return value.toPyDate() if value.isValid() else None
    if isinstance(value, QTime):
        return value.toPyTime() if value.isValid() else None
    if isinstance(value, QByteArray):
        return bytes(value)
    if isinstance(value, (list, tuple)):
        return [_python_value(item) for item in value]
    if isinstance(value, dict):
        return {key: _python_value(item) for key, item in value.items()}
    return value


def _point_of(geometry: QgsGeometry) -> tuple[float, float] | None:
    """(x, y) of a point geometry, first part of a multipoint, or a point on the surface of anything else."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    if geometry.type() == QgsWkbTypes.GeometryType.PointGeometry:
        if geometry.isMultipart():
            points = geometry.asMultiPoint()
            if not points:
                return None
            point = points[0]
        else:
            point = geometry.asPoint()
    else:
        surface_point = geometry.pointOnSurface()
        if surface_point.isNull():
            return None
        point = surface_point.asPoint()
    return point.x(), point.y()


def records_from_layer(
    layer: QgsVectorLayer | QgsFeatureSource,
    selected_only: bool = False,
    feedback: QgsFeedback | None = None,
    schema: Schema | None = None,
    exclude_fields: Iterable[str] | None = None,
) -> LayerTable:
    """Read every feature (or the selected ones) of ``layer`` into records of the standard (see module doc).

    ``exclude_fields``: fields to leave out; by default the storage key of a layer (pass the layer's
    :func:`storage_key_fields` when ``layer`` is a feature source made from it).
    """
    schema = schema or load_schema()
    excluded = set(storage_key_fields(layer, schema) if exclude_fields is None else exclude_fields)
    source_fields = layer.fields()
    indexes = [i for i in range(source_fields.count()) if source_fields.at(i).name() not in excluded]
    names = [source_fields.at(i).name() for i in indexes]
    keys = match_field_names(names, schema)
    row_keys = [keys[name] for name in names]
    all_fields = len(indexes) == source_fields.count()
    date_fields = {spec.name for spec in schema.fields if spec.type == "date"}
    date_flags = [key in date_fields for key in row_keys]

    spatial = QgsWkbTypes.geometryType(layer.wkbType()) not in (
        QgsWkbTypes.GeometryType.NullGeometry,
        QgsWkbTypes.GeometryType.UnknownGeometry,
    )
    header = [keys[name] for name in names]
    derived = [c for c in (LATITUDE, LONGITUDE) if spatial and c not in header]
    header.extend(derived)

    transform = None
    if spatial:
        crs = layer.sourceCrs() if hasattr(layer, "sourceCrs") else layer.crs()
        if crs.isValid() and crs != WGS84:
            transform = QgsCoordinateTransform(crs, WGS84, QgsProject.instance())

    request = QgsFeatureRequest()
    if not spatial:
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    if selected_only and isinstance(layer, QgsVectorLayer):
        total = layer.selectedFeatureCount()
        features = layer.getSelectedFeatures(request)
    else:
        total = layer.featureCount()
        features = layer.getFeatures(request)

    rows: list[dict[str, str]] = []
    feature_ids: list[int] = []
    from_geometry = 0
    step = max(1, total // 100) if total and total > 0 else 1000
    for position, feature in enumerate(features):
        if feedback is not None and position % step == 0:
            if feedback.isCanceled():
                raise LayerReadCancelledError()
            if total and total > 0:
                feedback.setProgress(100.0 * position / total)
        attributes = feature.attributes()
        if all_fields:
            # text attributes (most of them) are taken as they are; the rest goes through attribute_text
            row = {
                key: value if value.__class__ is str else attribute_text(value, date_only)
                for key, value, date_only in zip(row_keys, attributes, date_flags)
            }
        else:
            row = {
                key: value if value.__class__ is str else attribute_text(value, date_only)
                for key, value, date_only in zip(row_keys, (attributes[i] for i in indexes), date_flags)
            }
        if spatial and (not row.get(LATITUDE) or not row.get(LONGITUDE)):
            xy = _geometry_lon_lat(feature.geometry(), transform)
            if xy is not None:
                row[LONGITUDE], row[LATITUDE] = xy
                from_geometry += 1
            else:
                row.setdefault(LATITUDE, "")
                row.setdefault(LONGITUDE, "")
        rows.append(row)
        feature_ids.append(feature.id())
    if feedback is not None:
        if feedback.isCanceled():
            raise LayerReadCancelledError()
        feedback.setProgress(100.0)

    notes = []
    if from_geometry:
        notes.append(
            translate("LayerRecords", "{count} coordinates taken from the feature geometry.").format(
                count=from_geometry
            )
        )
    return LayerTable(
        header=header,
        rows=rows,
        source_format="layer",
        notes=notes,
        derived_columns=derived,
        path=layer.source() if isinstance(layer, QgsVectorLayer) else None,
        feature_ids=feature_ids,
        field_keys=keys,
    )


def _geometry_lon_lat(geometry: QgsGeometry, transform: QgsCoordinateTransform | None) -> tuple[str, str] | None:
    xy = _point_of(geometry)
    if xy is None:
        return None
    x, y = xy
    if transform is not None:
        try:
            point = transform.transform(x, y)
        except Exception:  # noqa: BLE001 (QgsCsException: point outside the CRS's domain)
            return None
        x, y = round(point.x(), COORDINATE_DECIMALS), round(point.y(), COORDINATE_DECIMALS)
    return format_number(x), format_number(y)
