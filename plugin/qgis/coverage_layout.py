"""The printable coverage report: a QGIS print layout (A4 portrait) exported to PDF.

Map of the communes styled by distance class over the bundled département outlines, its legend, the key
figures, the table of the least-served communes, the filters, sources and date — the same texts and figures
as the HTML page and the CSV (:mod:`..core.coverage.report`).
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFillSymbol,
    QgsLayerTree,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTableColumn,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsTableCell,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

from ..core.coverage import CoverageResult
from ..core.coverage.report import (
    filter_lines,
    key_figures,
    least_served_headers,
    least_served_table,
    notes,
    sources_line,
    title,
)
from ..core.i18n import translate
from ..core.resources import resource_path

LAMBERT93 = QgsCoordinateReferenceSystem("EPSG:2154")
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
METROPOLE_BOX = QgsRectangle(-5.3, 41.3, 9.7, 51.2)  # lon/lat of metropolitan France
TABLE_ROWS = 15
MM = QgsUnitTypes.LayoutMillimeters


class CoverageReportError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _tr(text: str) -> str:
    return translate("CoverageLayout", text)


def _label(layout, text: str, x: float, y: float, w: float, h: float, size: float, bold=False, colour="#161616"):
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    font = QFont("DejaVu Sans", 1)
    font.setBold(bold)
    text_format = QgsTextFormat()
    text_format.setFont(font)
    text_format.setSize(size)
    text_format.setColor(QColor(colour))
    if hasattr(label, "setTextFormat"):
        label.setTextFormat(text_format)
    else:  # QGIS < 3.24
        font.setPointSizeF(size)
        label.setFont(font)
        label.setFontColor(QColor(colour))
    label.setMode(QgsLayoutItemLabel.ModeFont)
    layout.addLayoutItem(label)
    label.attemptMove(QgsLayoutPoint(x, y, MM))
    label.attemptResize(QgsLayoutSize(w, h, MM))
    return label


def departements_layer() -> QgsVectorLayer:
    """The bundled metropolitan département outlines, thin grey (background of the map)."""
    path = resource_path("reference", "departements-simplifies.geojson")
    layer = QgsVectorLayer(str(path), _tr("Départements"), "ogr")
    symbol = QgsFillSymbol.createSimple({"color": "#f7f7f4", "outline_color": "#9a9a9a", "outline_width": "0.15"})
    layer.renderer().setSymbol(symbol)
    return layer


def _metropolitan(result: CoverageResult) -> bool:
    from ..core import reference

    return all(reference.commune(code).zone == "metro" for code in result.territory.communes)


def _map_extent(layer: QgsVectorLayer, crs: QgsCoordinateReferenceSystem, result: CoverageResult) -> QgsRectangle:
    transform = QgsCoordinateTransform(layer.crs(), crs, QgsProject.instance())
    if result.territory.kind == "france":
        extent = QgsCoordinateTransform(WGS84, crs, QgsProject.instance()).transformBoundingBox(METROPOLE_BOX)
    else:
        extent = transform.transformBoundingBox(layer.extent())
    if extent.isEmpty():  # one commune: a few km around it
        extent.grow(5000 if crs.isGeographic() is False else 0.05)
    extent.scale(1.08)
    return extent


def _fit(extent: QgsRectangle, ratio: float) -> QgsRectangle:
    """``extent`` grown around its centre to the width/height ``ratio`` of the map item (setExtent keeps it;
    zoomToExtent of a new map item with a CRS but no extent yet gives an empty one in QGIS 3.22)."""
    width, height = extent.width(), extent.height()
    if width / max(height, 1e-12) < ratio:
        width = height * ratio
    else:
        height = width / ratio
    centre = extent.center()
    x, y = centre.x(), centre.y()
    return QgsRectangle(x - width / 2, y - height / 2, x + width / 2, y + height / 2)


class CoverageLayout:
    """The print layout of one audit and the layers it draws (kept alive until the export)."""

    def __init__(self, result: CoverageResult, layer: QgsVectorLayer, lieux_source: str = ""):
        self.result, self.layer = result, layer
        self.background = departements_layer()
        self.legend_root = QgsLayerTree()
        self.layout = QgsPrintLayout(QgsProject.instance())
        self.layout.initializeDefaults()  # one A4 page
        self.layout.setName(title(result))
        self._build(lieux_source)

    def _build(self, lieux_source: str) -> None:
        layout, result = self.layout, self.result
        page = layout.pageCollection().page(0)
        page.setPageSize("A4", page.Portrait)
        _label(layout, title(result), 10, 8, 190, 14, 15, bold=True)
        _label(layout, " · ".join(filter_lines(result)), 10, 22, 190, 8, 8.5)

        crs = LAMBERT93 if _metropolitan(result) else self.layer.crs()
        item = QgsLayoutItemMap(layout)
        layout.addLayoutItem(item)
        item.attemptMove(QgsLayoutPoint(10, 31, MM))
        item.attemptResize(QgsLayoutSize(122, 140, MM))
        item.setCrs(crs)
        item.setLayers([self.layer, self.background])
        item.setKeepLayerSet(True)
        item.setFrameEnabled(True)
        item.setExtent(_fit(_map_extent(self.layer, crs, result), 122 / 140))
        self.map = item

        node = self.legend_root.addLayer(self.layer)
        QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Hidden)
        legend = QgsLayoutItemLegend(layout)
        legend.setTitle(_tr("Nearest matching lieu"))
        legend.setLinkedMap(item)
        legend.setAutoUpdateModel(False)
        legend.model().setRootGroup(self.legend_root)
        legend.setLegendFilterByMapEnabled(False)
        for style, size, bold in ((QgsLegendStyle.Title, 10, True), (QgsLegendStyle.SymbolLabel, 7.5, False)):
            font = QFont("DejaVu Sans")
            font.setPointSizeF(size)
            font.setBold(bold)
            legend.setStyleFont(style, font)
        legend.setSymbolWidth(3.5)
        legend.setSymbolHeight(3.5)
        legend.setBoxSpace(1)
        layout.addLayoutItem(legend)
        legend.attemptMove(QgsLayoutPoint(135, 31, MM))
        legend.adjustBoxSize()

        figures = "\n".join(f"{label}\u00a0: {value}" for label, value in key_figures(result))
        _label(layout, _tr("Key figures"), 136, 92, 64, 7, 10, bold=True)
        _label(layout, figures, 136, 99, 64, 72, 8.5)

        heading = (
            _tr("Priorities (population left out × {indicator})").format(indicator=result.indicator_name)
            if result.indicator_name
            else _tr("Least-served communes")
        )
        _label(layout, heading, 10, 175, 190, 7, 10, bold=True)
        rows = least_served_table(result, TABLE_ROWS)
        if rows:
            table = QgsLayoutItemManualTable.create(layout)
            columns = []
            for n, heading in enumerate(least_served_headers(result)):
                column = QgsLayoutTableColumn(heading)
                column.setHAlignment(Qt.AlignRight if n >= 2 else Qt.AlignLeft)
                columns.append(column)
            table.setHeaders(columns)
            table.setIncludeTableHeader(True)
            contents = []
            for row in rows:
                cells = []
                for n, value in enumerate(row):
                    cell = QgsTableCell(value)
                    if n >= 2:
                        cell.setHorizontalAlignment(Qt.AlignRight)
                    cells.append(cell)
                contents.append(cells)
            table.setTableContents(contents)
            content_format, header_format = QgsTextFormat(), QgsTextFormat()
            content_format.setFont(QFont("DejaVu Sans"))
            content_format.setSize(7.5)
            header_format.setFont(QFont("DejaVu Sans", 1, QFont.Bold))
            header_format.setSize(7.5)
            if hasattr(table, "setContentTextFormat"):
                table.setContentTextFormat(content_format)
                table.setHeaderTextFormat(header_format)
            table.setCellMargin(0.8)
            table.setGridStrokeWidth(0.15)
            table.setGridColor(QColor("#b0b4bc"))
            table.setHeaderHAlignment(table.FollowColumn)
            layout.addMultiFrame(table)
            frame = QgsLayoutFrame(layout, table)
            frame.attemptMove(QgsLayoutPoint(10, 183, MM))
            frame.attemptResize(QgsLayoutSize(190, 88, MM))
            table.addFrame(frame)
        else:
            _label(layout, _tr("Every commune of the territory is covered."), 10, 183, 190, 8, 9)

        footer = "\n".join([*notes(result), sources_line(result, lieux_source)])
        _label(layout, footer, 10, 272, 190, 20, 6.5, colour="#555555")

    def export_pdf(self, path: str | Path) -> Path:
        path = Path(path)
        exporter = QgsLayoutExporter(self.layout)
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.dpi = 200
        code = exporter.exportToPdf(str(path), settings)
        if code != QgsLayoutExporter.Success:
            raise CoverageReportError(
                _tr("The PDF report could not be written to {path} ({error}).").format(
                    path=path, error=exporter.errorMessage() or code
                )
            )
        return path

    def export_png(self, path: str | Path, dpi: int = 110) -> Path:
        path = Path(path)
        settings = QgsLayoutExporter.ImageExportSettings()
        settings.dpi = dpi
        code = QgsLayoutExporter(self.layout).exportToImage(str(path), settings)
        if code != QgsLayoutExporter.Success:
            raise CoverageReportError(_tr("The image of the report could not be written to {path}.").format(path=path))
        return path


def export_pdf(result: CoverageResult, layer: QgsVectorLayer, path: str | Path, lieux_source: str = "") -> Path:
    """Lay out the report of ``result`` (map of ``layer``) and export it to a one-page PDF."""
    return CoverageLayout(result, layer, lieux_source).export_pdf(path)
