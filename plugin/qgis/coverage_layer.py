"""The coverage audit as a QGIS layer (no widgets): fields, features, boundaries joined by INSEE code, style.

One feature per commune of the territory: its centroid (EPSG:4326) or, with a boundary layer, its polygon
(joined by INSEE code, in the boundary layer's CRS). The style draws distance classes relative to the radius
with a French legend: covered (two shades of green), not covered (orange, red), no matching lieu (grey).
"""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSource,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsRuleBasedRenderer,
    QgsSymbol,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from ..core.coverage import CoverageResult
from ..core.coverage.indicator import guess_insee_field, insee_code
from ..core.coverage.report import commune_values, number
from ..core.i18n import translate
from . import field_types

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
# (name, type) of the output fields, in order
FIELDS = (
    ("code_insee", field_types.STRING),
    ("commune", field_types.STRING),
    ("departement", field_types.STRING),
    ("epci", field_types.STRING),
    ("population", field_types.INT),
    ("nb_lieux", field_types.INT),
    ("lieux_10000_hab", field_types.DOUBLE),
    ("nb_lieux_rayon", field_types.INT),
    ("distance_km", field_types.DOUBLE),
    ("couvert", field_types.BOOL),
    ("population_non_couverte", field_types.INT),
    ("indicateur", field_types.DOUBLE),
    ("priorite", field_types.DOUBLE),
)


def _tr(text: str) -> str:
    return translate("CoverageLayer", text)


def coverage_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind in FIELDS:
        fields.append(field_types.new_field(name, kind))
    return fields


def boundaries_by_insee(source: QgsFeatureSource, insee_field: str | None = None) -> tuple[dict[str, QgsGeometry], str]:
    """{INSEE code: geometry} of a boundary layer (its own CRS) and the field read; the field is guessed
    (code_insee, insee_com, codgeo…) when not given. Raises ValueError with a user message without one."""
    names = [field.name() for field in source.fields()]
    field = insee_field or guess_insee_field(names)
    if not field or field not in names:
        raise ValueError(_tr("The boundary layer has no INSEE code field (code_insee, insee_com, codgeo…): choose it."))
    geometries: dict[str, QgsGeometry] = {}
    for feature in source.getFeatures():
        code = insee_code(feature[field])
        if code and not feature.geometry().isNull():
            if code in geometries:  # arrondissements and multi-part rows: one polygon per commune
                geometries[code] = geometries[code].combine(feature.geometry())
            else:
                geometries[code] = QgsGeometry(feature.geometry())
    return geometries, field


def coverage_features(
    result: CoverageResult, fields: QgsFields, boundaries: dict[str, QgsGeometry] | None = None
) -> list[QgsFeature]:
    features = []
    for commune in result.communes:
        feature = QgsFeature(fields)
        values = commune_values(commune)
        feature.setAttributes([values[name] for name, _kind in FIELDS])
        if boundaries is not None:
            geometry = boundaries.get(commune.code_insee)
            if geometry is not None:
                feature.setGeometry(geometry)
        elif commune.longitude is not None and commune.latitude is not None:
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(commune.longitude, commune.latitude)))
        features.append(feature)
    return features


def coverage_layer(
    result: CoverageResult,
    name: str = "",
    boundaries: dict[str, QgsGeometry] | None = None,
    boundaries_crs: QgsCoordinateReferenceSystem | None = None,
) -> QgsVectorLayer:
    """A styled memory layer of the audit (points, or polygons with ``boundaries``)."""
    kind = "MultiPolygon" if boundaries is not None else "Point"
    crs = (boundaries_crs or WGS84) if boundaries is not None else WGS84
    layer = QgsVectorLayer(f"{kind}?crs={crs.authid() or 'EPSG:4326'}", name or default_layer_name(result), "memory")
    if boundaries is not None and not crs.authid():
        layer.setCrs(crs)
    provider = layer.dataProvider()
    provider.addAttributes(coverage_fields().toList())
    layer.updateFields()
    features = coverage_features(result, layer.fields(), boundaries)
    if boundaries is not None:
        for feature in features:
            if feature.hasGeometry():
                geometry = feature.geometry()
                geometry.convertToMultiType()
                feature.setGeometry(geometry)
    provider.addFeatures(features)
    layer.updateExtents()
    style_coverage_layer(layer, result.radius_km)
    return layer


def default_layer_name(result: CoverageResult) -> str:
    return _tr("Coverage {territory} ({radius} km)").format(
        territory=result.territory.nom, radius=number(result.radius_km, 1 if result.radius_km % 1 else 0)
    )


def coverage_classes(radius_km: float) -> list[tuple[str, str, str]]:
    """(filter expression, French legend label, colour) of the distance classes, best served first."""
    half, double = radius_km / 2, radius_km * 2

    def km(value: float) -> str:
        return number(value, 1 if value % 1 else 0)

    return [
        (f'"distance_km" <= {half!r}', _tr("Covered: lieu within {d} km").format(d=km(half)), "#1a7837"),
        (
            f'"distance_km" > {half!r} AND "distance_km" <= {float(radius_km)!r}',
            _tr("Covered: lieu {a} to {b} km away").format(a=km(half), b=km(radius_km)),
            "#7fbf7b",
        ),
        ('"distance_km" IS NULL AND "couvert"', _tr("Covered: lieu in the commune (no centroid)"), "#7fbf7b"),
        (
            f'"distance_km" > {float(radius_km)!r} AND "distance_km" <= {double!r}',
            _tr("Not covered: nearest lieu {a} to {b} km away").format(a=km(radius_km), b=km(double)),
            "#f4a442",
        ),
        (
            f'"distance_km" > {double!r}',
            _tr("Not covered: nearest lieu more than {d} km away").format(d=km(double)),
            "#d7301f",
        ),
        ('"distance_km" IS NULL AND NOT "couvert"', _tr("Not covered: no matching lieu"), "#8c8c8c"),
    ]


def point_size_mm(communes: int) -> float:
    """Smaller points for more communes: a département reads at 2.2 mm, all of France at 1 mm."""
    return 2.2 if communes <= 600 else 1.4 if communes <= 3000 else 1.0


def style_coverage_layer(layer: QgsVectorLayer, radius_km: float) -> None:
    """Distance classes around the radius, with a French legend (rule-based: NULL distances have a class)."""
    geometry_type = layer.geometryType()
    root = QgsRuleBasedRenderer.Rule(None)
    for expression, label, colour in coverage_classes(radius_km):
        symbol = QgsSymbol.defaultSymbol(geometry_type)
        symbol.setColor(QColor(colour))
        if geometry_type == QgsWkbTypes.PointGeometry:
            size = point_size_mm(layer.featureCount())
            symbol.setSize(size)
            symbol.setSizeUnit(QgsUnitTypes.RenderMillimeters)
            if size >= 2:
                symbol.symbolLayer(0).setStrokeColor(QColor("#404040"))
                symbol.symbolLayer(0).setStrokeWidth(0.1)
            else:  # dense maps: the outlines would hide the colours
                symbol.symbolLayer(0).setStrokeStyle(Qt.NoPen)
        elif geometry_type == QgsWkbTypes.PolygonGeometry:
            symbol.symbolLayer(0).setStrokeColor(QColor("#ffffff"))
            symbol.symbolLayer(0).setStrokeWidth(0.1)
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, expression, label))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    layer.triggerRepaint()
