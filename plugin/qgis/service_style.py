"""Symbology by service: a rule-based renderer, one colour per service of the standard, French legend.

A lieu offers several services: each service is a ring of its own colour and size (the first service of the
standard the innermost), so a lieu shows all its services as concentric rings, and unticking a service in the
legend hides its ring. Lieux without any service are grey dots. Colours are a project setting (the Hubs'
own palette), edited from the Orientation dock.
"""

from __future__ import annotations

from typing import Mapping

from qgis.core import (
    QgsFeatureRenderer,
    QgsMarkerSymbol,
    QgsReadWriteContext,
    QgsRuleBasedRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtXml import QDomDocument

from ..core.i18n import translate
from ..core.schema import load_schema
from .orientation_layer import PROPERTY_PREFIX

PREVIOUS_RENDERER_PROPERTY = PROPERTY_PREFIX + "previous_renderer"
SERVICE_STYLE_PROPERTY = PROPERTY_PREFIX + "service_style"

# One distinct, colour-blind-aware colour per service of the standard, in schema order (Okabe-Ito + Tol).
DEFAULT_PALETTE = (
    "#0072b2",
    "#e69f00",
    "#009e73",
    "#cc79a7",
    "#d55e00",
    "#56b4e9",
    "#882255",
    "#999933",
    "#332288",
)
NO_SERVICE_COLOUR = "#9e9e9e"
INNERMOST_MM = 1.9
STEP_MM = 0.9
RING_WIDTH_MM = 0.45


def service_values() -> tuple[str, ...]:
    return load_schema().field("services").enum


def default_colours() -> dict[str, str]:
    return {service: DEFAULT_PALETTE[i % len(DEFAULT_PALETTE)] for i, service in enumerate(service_values())}


def colours_with_defaults(colours: Mapping[str, str] | None) -> dict[str, str]:
    merged = default_colours()
    for service, colour in (colours or {}).items():
        if service in merged and QColor(colour).isValid():
            merged[service] = QColor(colour).name()
    return merged


def service_expression(service: str) -> str:
    """QGIS expression: the lieu lists ``service`` in its `|`-separated `services` (whole item)."""
    item = "|" + service + "|"
    return "('|' || \"services\" || '|') LIKE '%" + item.replace("'", "''") + "%'"


def _ring(colour: str, size: float) -> QgsMarkerSymbol:
    return QgsMarkerSymbol.createSimple(
        {
            "name": "circle",
            "color": "0,0,0,0",
            "size": f"{size:.2f}",
            "outline_color": colour,
            "outline_width": f"{RING_WIDTH_MM:.2f}",
        }
    )


def _dot(colour: str, size: float) -> QgsMarkerSymbol:
    return QgsMarkerSymbol.createSimple(
        {"name": "circle", "color": colour, "size": f"{size:.2f}", "outline_color": "#ffffff", "outline_width": "0.2"}
    )


def service_renderer(colours: Mapping[str, str] | None = None) -> QgsRuleBasedRenderer:
    """The rule-based renderer: one rule per service (innermost ring first), then lieux without service."""
    colours = colours_with_defaults(colours)
    root = QgsRuleBasedRenderer.Rule(None)
    services = service_values()
    for i, service in enumerate(services):
        size = INNERMOST_MM + i * STEP_MM
        rule = QgsRuleBasedRenderer.Rule(_ring(colours[service], size), 0, 0, service_expression(service), service)
        rule.setRuleKey(f"mednum-service-{i}")
        root.appendChild(rule)
    other = QgsRuleBasedRenderer.Rule(
        _dot(NO_SERVICE_COLOUR, INNERMOST_MM), 0, 0, "", translate("ServiceStyle", "No service given")
    )
    other.setIsElse(True)
    other.setRuleKey("mednum-service-none")
    root.appendChild(other)
    return QgsRuleBasedRenderer(root)


def _renderer_xml(renderer: QgsFeatureRenderer) -> str:
    document = QDomDocument()
    element = renderer.save(document, QgsReadWriteContext())
    document.appendChild(element)
    return document.toString()


def _renderer_from_xml(text: str) -> QgsFeatureRenderer | None:
    document = QDomDocument()
    if not text or not document.setContent(text):
        return None
    return QgsFeatureRenderer.load(document.documentElement(), QgsReadWriteContext())


def has_service_style(layer: QgsVectorLayer) -> bool:
    return bool(layer.customProperty(SERVICE_STYLE_PROPERTY, False))


def apply_service_style(layer: QgsVectorLayer, colours: Mapping[str, str] | None = None) -> None:
    """Colour the lieux by service (the previous renderer is kept to give it back)."""
    if not has_service_style(layer) and layer.renderer() is not None:
        layer.setCustomProperty(PREVIOUS_RENDERER_PROPERTY, _renderer_xml(layer.renderer()))
    layer.setRenderer(service_renderer(colours))
    layer.setCustomProperty(SERVICE_STYLE_PROPERTY, True)
    layer.triggerRepaint()
    layer.emitStyleChanged()


def remove_service_style(layer: QgsVectorLayer) -> None:
    """Give the layer back the renderer it had before (or its default style)."""
    previous = _renderer_from_xml(layer.customProperty(PREVIOUS_RENDERER_PROPERTY, "") or "")
    if previous is not None:
        layer.setRenderer(previous)
    else:
        layer.loadDefaultStyle()
    layer.removeCustomProperty(PREVIOUS_RENDERER_PROPERTY)
    layer.removeCustomProperty(SERVICE_STYLE_PROPERTY)
    layer.triggerRepaint()
    layer.emitStyleChanged()
