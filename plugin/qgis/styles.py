"""Map styles of the plugin's outputs (no widgets).

``severity_renderer(geometry_type)`` draws lieux by their ``max_severity`` (the FLAGGED output of
``mednum:validate``): errors in red on top, then warnings in orange, lieux without issue in green.
"""

from __future__ import annotations

from qgis.core import (
    QgsFeatureRequest,
    QgsRuleBasedRenderer,
    QgsSymbol,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QColor

from ..core.i18n import translate

SEVERITY_FIELD = "max_severity"
# (filter, label, colour) — drawn bottom to top by the renderer's order
SEVERITY_CLASSES = (
    ("\"max_severity\" = 'error'", "error", "#d7191c"),
    ("\"max_severity\" = 'warning'", "warning", "#f59f00"),
    ("ELSE", "ok", "#1a9641"),
)
_ORDER = "CASE WHEN \"max_severity\" = 'error' THEN 2 WHEN \"max_severity\" = 'warning' THEN 1 ELSE 0 END"


def severity_label(key: str) -> str:
    return {
        "error": translate("Styles", "Errors"),
        "warning": translate("Styles", "Warnings only"),
        "ok": translate("Styles", "No issue"),
    }[key]


def _symbol(geometry_type: QgsWkbTypes.GeometryType, colour: str) -> QgsSymbol:
    symbol = QgsSymbol.defaultSymbol(geometry_type)
    symbol.setColor(QColor(colour))
    if geometry_type == QgsWkbTypes.GeometryType.PointGeometry:
        symbol.setSize(2.6)
        symbol.setSizeUnit(QgsUnitTypes.RenderUnit.RenderMillimeters)
        layer = symbol.symbolLayer(0)
        if hasattr(layer, "setStrokeColor"):
            layer.setStrokeColor(QColor("white"))
            layer.setStrokeWidth(0.3)
    return symbol


def severity_renderer(
    geometry_type: QgsWkbTypes.GeometryType = QgsWkbTypes.GeometryType.PointGeometry,
) -> QgsRuleBasedRenderer:
    root = QgsRuleBasedRenderer.Rule(None)
    for expression, key, colour in SEVERITY_CLASSES:
        filter_expression = "" if expression == "ELSE" else expression
        rule = QgsRuleBasedRenderer.Rule(_symbol(geometry_type, colour), 0, 0, filter_expression, severity_label(key))
        if expression == "ELSE":
            rule.setIsElse(True)
        root.appendChild(rule)
    renderer = QgsRuleBasedRenderer(root)
    renderer.setOrderBy(QgsFeatureRequest.OrderBy([QgsFeatureRequest.OrderByClause(_ORDER, True)]))
    renderer.setOrderByEnabled(True)
    return renderer


def apply_severity_style(layer: QgsVectorLayer) -> bool:
    """Style a layer that has a ``max_severity`` field; False (unchanged) otherwise."""
    if not layer.isSpatial() or layer.fields().lookupField(SEVERITY_FIELD) < 0:
        return False
    layer.setRenderer(severity_renderer(layer.geometryType()))
    layer.triggerRepaint()
    return True


def overlay_renderer() -> QgsRuleBasedRenderer:
    """Rings drawn around the lieux of a working layer (its own symbols stay visible inside): red for lieux
    with errors, orange for warnings only, a thin green ring for lieux without open issue. Reads the field
    ``severity`` of the validation overlay (plugin/qgis/validation_overlay.py)."""
    root = QgsRuleBasedRenderer.Rule(None)
    sizes = {"error": (4.6, 0.9), "warning": (4.2, 0.7), "ok": (3.4, 0.35)}
    for _expression, key, colour in SEVERITY_CLASSES:
        symbol = QgsSymbol.defaultSymbol(QgsWkbTypes.GeometryType.PointGeometry)
        layer = symbol.symbolLayer(0)
        size, width = sizes[key]
        symbol.setSize(size)
        symbol.setSizeUnit(QgsUnitTypes.RenderUnit.RenderMillimeters)
        if hasattr(layer, "setStrokeColor"):
            layer.setFillColor(QColor(0, 0, 0, 0))
            layer.setStrokeColor(QColor(colour))
            layer.setStrokeWidth(width)
            layer.setStrokeWidthUnit(QgsUnitTypes.RenderUnit.RenderMillimeters)
        rule = QgsRuleBasedRenderer.Rule(symbol, 0, 0, f"\"severity\" = '{key}'", severity_label(key))
        root.appendChild(rule)
    renderer = QgsRuleBasedRenderer(root)
    order = "CASE WHEN \"severity\" = 'error' THEN 2 WHEN \"severity\" = 'warning' THEN 1 ELSE 0 END"
    renderer.setOrderBy(QgsFeatureRequest.OrderBy([QgsFeatureRequest.OrderByClause(order, True)]))
    renderer.setOrderByEnabled(True)
    return renderer
