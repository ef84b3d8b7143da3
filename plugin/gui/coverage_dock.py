"""The dock « Couverture du territoire »: territory, filters, radius → styled layer, totals, least-served table.

The audit runs in a :class:`~..qgis.coverage_tasks.CoverageTask` (``background=False`` runs it at once, for
scripts and tests); the filters are the orientation's groups (same widgets, no live counts). The report buttons
write the PDF (QGIS print layout), HTML page or CSV of the last audit.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFieldProxyModel,
    QgsMapLayerProxyModel,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
)
from qgis.gui import QgsCollapsibleGroupBox, QgsDockWidget, QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QDateTime, QStringListModel, Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QCompleter,
    QDateTimeEdit,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.coverage import DEFAULT_RADIUS_KM, CoverageError, CoverageResult, resolve_territory, search_territories
from ..core.coverage.indicator import guess_insee_field
from ..core.coverage.report import key_figures, least_served_headers, least_served_table, write_csv, write_html
from ..core.i18n import translate
from ..core.orientation import SERVICES_ALL, SERVICES_ANY, Query, build_groups
from ..core.orientation.groups import SERVICES
from ..qgis.coverage_layer import coverage_layer
from ..qgis.coverage_tasks import CoverageRequest, CoverageTask, run_request
from .orientation_dock import FilterGroupWidget

CTX = "CoverageDock"
TABLE_ROWS = 50
ZOOM_HALF_WIDTH_M = 4000  # the extent around a commune when zooming to it (metres, about 8 km wide)
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


def tr(text: str) -> str:
    return translate(CTX, text)


class CoverageDock(QgsDockWidget):
    def __init__(self, iface, parent: QWidget | None = None, background: bool = True):
        super().__init__(tr("Territorial coverage"), parent)
        self.setObjectName("mednumCoverageDock")
        self.iface = iface
        self.background = background
        self.selections: dict[str, tuple[str, ...]] = {}
        self.result: CoverageResult | None = None
        self.result_layer_id = ""
        self._task: CoverageTask | None = None
        self._closed = False
        self._codes: list[str] = []
        self._build_ui()
        self._update_territory()

    # ------------------------------------------------------------------ UI
    def _build_ui(self) -> None:
        root = QWidget(self)
        root_layout = QVBoxLayout(root)
        root_layout.setContentsMargins(4, 4, 4, 4)
        self.tabs = QTabWidget(root)
        self.tabs.setObjectName("mednumCoverageTabs")
        root_layout.addWidget(self.tabs, 1)
        body = QWidget()
        outer = QVBoxLayout(body)
        outer.setContentsMargins(4, 4, 4, 4)
        form = QFormLayout()
        self.layer_combo = QgsMapLayerComboBox(body)
        self.layer_combo.setObjectName("mednumCoverageLayer")
        self.layer_combo.setFilters(QgsMapLayerProxyModel.PointLayer)
        self.layer_combo.setToolTip(tr("The layer of lieux (lieux outside the territory count for the distances)"))
        form.addRow(tr("Lieux"), self.layer_combo)

        self.territory_edit = QLineEdit(body)
        self.territory_edit.setObjectName("mednumCoverageTerritory")
        self.territory_edit.setPlaceholderText(tr("Commune, EPCI, département or région: a name or a code"))
        self.territory_edit.setClearButtonEnabled(True)
        self.completion_model = QStringListModel(self)
        self._choices: dict[str, str] = {}
        self.completer = QCompleter(self.completion_model, self)
        self.completer.setCompletionMode(QCompleter.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseInsensitive)
        self.territory_edit.setCompleter(self.completer)
        self.territory_edit.textEdited.connect(self._search)
        self.territory_edit.textChanged.connect(self._update_territory)
        form.addRow(tr("Territory"), self.territory_edit)
        self.territory_status = QLabel(body)
        self.territory_status.setWordWrap(True)
        form.addRow("", self.territory_status)

        self.radius_spin = QDoubleSpinBox(body)
        self.radius_spin.setObjectName("mednumCoverageRadius")
        self.radius_spin.setRange(0.5, 500)
        self.radius_spin.setDecimals(1)
        self.radius_spin.setSingleStep(1)
        self.radius_spin.setValue(DEFAULT_RADIUS_KM)
        self.radius_spin.setSuffix(" km")
        self.radius_spin.setToolTip(tr("A commune is covered when its nearest matching lieu is within this distance"))
        form.addRow(tr("Radius"), self.radius_spin)
        outer.addLayout(form)

        # filters: the orientation's groups (standard values), services mode, "open at"
        self.filters_box = QgsCollapsibleGroupBox(tr("Which lieux count (filters)"), body)
        self.filters_box.setObjectName("mednumCoverageFilters")
        self.filters_box.setCollapsed(False)
        self.filters_box.setSaveCollapsedState(False)
        filters_layout = QVBoxLayout(self.filters_box)
        self.services_all = QCheckBox(tr("Every ticked service (otherwise at least one)"), self.filters_box)
        filters_layout.addWidget(self.services_all)
        open_row = QHBoxLayout()
        self.open_check = QCheckBox(tr("Open on"), self.filters_box)
        self.open_edit = QDateTimeEdit(QDateTime.currentDateTime(), self.filters_box)
        self.open_edit.setCalendarPopup(True)
        self.open_edit.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.open_edit.setEnabled(False)
        self.open_check.toggled.connect(self.open_edit.setEnabled)
        open_row.addWidget(self.open_check)
        open_row.addWidget(self.open_edit, 1)
        filters_layout.addLayout(open_row)
        self.include_unknown = QCheckBox(tr("Also count the lieux whose hours are unknown"), self.filters_box)
        filters_layout.addWidget(self.include_unknown)
        self.group_widgets: dict[str, FilterGroupWidget] = {}
        for group in build_groups():
            widget = FilterGroupWidget(group, self.filters_box)
            widget.setCollapsed(True)
            widget.toggled_option.connect(self._option_toggled)
            filters_layout.addWidget(widget)
            self.group_widgets[group.field] = widget
        outer.addWidget(self.filters_box)

        # options: indicator and boundaries
        options = QgsCollapsibleGroupBox(tr("Indicator and boundaries (optional)"), body)
        options.setCollapsed(True)
        options.setSaveCollapsedState(False)
        options_form = QFormLayout(options)
        self.indicator_combo = QgsMapLayerComboBox(options)
        self.indicator_combo.setObjectName("mednumCoverageIndicator")
        self.indicator_combo.setFilters(QgsMapLayerProxyModel.VectorLayer)
        self.indicator_combo.setAllowEmptyLayer(True)
        self.indicator_combo.setLayer(None)
        self.indicator_combo.setToolTip(tr("A layer or CSV with an INSEE code and a value per commune"))
        self.indicator_field = QgsFieldComboBox(options)
        self.indicator_field.setFilters(QgsFieldProxyModel.AllTypes)
        self.indicator_combo.layerChanged.connect(self.indicator_field.setLayer)
        options_form.addRow(tr("Indicator"), self.indicator_combo)
        options_form.addRow(tr("Value field"), self.indicator_field)
        self.boundaries_combo = QgsMapLayerComboBox(options)
        self.boundaries_combo.setObjectName("mednumCoverageBoundaries")
        self.boundaries_combo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.boundaries_combo.setAllowEmptyLayer(True)
        self.boundaries_combo.setLayer(None)
        self.boundaries_combo.setToolTip(tr("Commune polygons (e.g. IGN ADMIN EXPRESS) joined by INSEE code"))
        options_form.addRow(tr("Boundaries"), self.boundaries_combo)
        outer.addWidget(options)
        outer.addStretch(1)
        scroll = QScrollArea(root)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.tabs.addTab(scroll, tr("Territory and filters"))

        results = QWidget()
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(4, 4, 4, 4)
        self.tabs.addTab(results, tr("Results"))

        row = QHBoxLayout()
        body = root
        self.run_button = QPushButton(QgsApplication.getThemeIcon("/mActionStart.svg"), tr("Compute"), body)
        self.run_button.setObjectName("mednumCoverageRun")
        self.run_button.clicked.connect(self.run)
        row.addWidget(self.run_button)
        row.addStretch(1)
        self.report_buttons = []
        for suffix, label in (("pdf", tr("PDF…")), ("html", tr("HTML…")), ("csv", tr("CSV…"))):
            button = QPushButton(label, body)
            button.setObjectName(f"mednumCoverageReport_{suffix}")
            button.setToolTip(tr("Save the report of the last audit"))
            button.setEnabled(False)
            button.clicked.connect(lambda _checked=False, s=suffix: self._ask_report(s))
            row.addWidget(button)
            self.report_buttons.append(button)
        root_layout.addLayout(row)
        outer = results_layout

        self.totals_label = QLabel(body)
        self.totals_label.setObjectName("mednumCoverageTotals")
        self.totals_label.setWordWrap(True)
        self.totals_label.setTextFormat(Qt.RichText)
        outer.addWidget(self.totals_label)
        self.table = QTableWidget(0, 5, body)
        self.table.setObjectName("mednumCoverageTable")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.table.setWordWrap(False)
        self.table.setToolTip(tr("Click a commune to zoom to it"))
        self.table.cellClicked.connect(lambda row, _column: self.zoom_to_row(row))
        outer.addWidget(self.table, 1)
        self.setWidget(root)

    # ------------------------------------------------------------------ territory
    def _search(self, text: str) -> None:
        found = search_territories(text, limit=15) if len(text.strip()) >= 2 else []
        self._choices = {territory.label: territory.key for territory in found}
        self.completion_model.setStringList(list(self._choices))

    def territory_text(self) -> str:
        text = self.territory_edit.text().strip()
        return self._choices.get(text, text)

    def _update_territory(self, *_args):
        text = self.territory_text()
        self.territory = None
        if not text:
            self.territory_status.setText(tr("Type a name or a code, then choose in the list."))
            self.territory_status.setStyleSheet("")
        else:
            try:
                self.territory = resolve_territory(text)
            except CoverageError as error:
                self.territory_status.setText(error.message)
                self.territory_status.setStyleSheet("color: #b00020;")
            else:
                self.territory_status.setText(
                    "✓ "
                    + tr("{territory}: {communes} communes").format(
                        territory=self.territory.label, communes=len(self.territory.communes)
                    )
                )
                self.territory_status.setStyleSheet("color: #1b7a2f;")
        self.run_button.setEnabled(self.territory is not None and self._task is None)
        return self.territory

    def set_territory_text(self, text: str) -> None:
        self.territory_edit.setText(text)

    # ------------------------------------------------------------------ filters
    def _option_toggled(self, group: str, value: str, checked: bool) -> None:
        values = [v for v in self.selections.get(group, ()) if v != value]
        if checked:
            values.append(value)
        self.selections[group] = tuple(values)
        self.group_widgets[group].set_state(self.selections[group], None)

    def set_selection(self, group: str, values) -> None:
        self.selections[group] = tuple(values)
        self.group_widgets[group].set_state(self.selections[group], None)

    def query(self) -> Query:
        mode = SERVICES_ALL if self.services_all.isChecked() and self.selections.get(SERVICES) else SERVICES_ANY
        open_at = None
        if self.open_check.isChecked():
            open_at = self.open_edit.dateTime().toPyDateTime().replace(second=0, microsecond=0)
            open_at = dt.datetime(open_at.year, open_at.month, open_at.day, open_at.hour, open_at.minute)
        return Query(dict(self.selections), mode, open_at, False, self.include_unknown.isChecked())

    # ------------------------------------------------------------------ run
    def request(self) -> CoverageRequest | None:
        layer = self.layer_combo.currentLayer()
        if layer is None or self.territory is None:
            return None
        indicator = self.indicator_combo.currentLayer()
        field = self.indicator_field.currentField() if indicator is not None else ""
        insee_field = ""
        if indicator is not None and field:
            names = [f.name() for f in indicator.fields() if f.name() != field]
            insee_field = guess_insee_field(names) or ""
        return CoverageRequest(
            layer,
            self.territory,
            self.radius_spin.value(),
            self.query(),
            indicator if insee_field else None,
            field if insee_field else "",
            insee_field,
        )

    def run(self) -> None:
        request = self.request()
        if request is None:
            self._message(tr("Choose a layer of lieux and a territory."), warning=True)
            return
        if request.indicator_layer is None and self.indicator_combo.currentLayer() is not None:
            self._message(tr("The indicator has no INSEE code field (code_insee, codgeo…): it is left out."), True)
        self.totals_label.setText(tr("Computing…"))
        if not self.background:
            try:
                result = run_request(request)
            except Exception as error:  # noqa: BLE001 (shown as a message, never a traceback)
                self._done(None, getattr(error, "message", None) or str(error))
                return
            self._done(result, "")
            return
        task = CoverageTask(request, lambda result, error: self._done(result, error, task))
        self._task = task
        self.run_button.setEnabled(False)
        QgsApplication.taskManager().addTask(task)

    def _done(self, result: CoverageResult | None, error: str, task=None) -> None:
        if self._closed or (task is not None and task is not self._task):
            return
        self._task = None
        self._update_territory()
        if result is None:
            self.totals_label.setText(error or tr("Cancelled."))
            if error:
                self._message(error, warning=True)
            return
        self.result = result
        self.tabs.setCurrentIndex(1)
        self._show_layer()
        self._show_totals()
        self._show_table()
        for button in self.report_buttons:
            button.setEnabled(True)

    def _show_layer(self) -> None:
        project = QgsProject.instance()
        if self.result_layer_id and project.mapLayer(self.result_layer_id) is not None:
            project.removeMapLayer(self.result_layer_id)
        boundaries_layer = self.boundaries_combo.currentLayer()
        boundaries = crs = None
        if boundaries_layer is not None:
            from ..qgis.coverage_layer import boundaries_by_insee

            try:
                boundaries, _field = boundaries_by_insee(boundaries_layer)
                crs = boundaries_layer.crs()
            except ValueError as error:
                self._message(str(error), warning=True)
        self.layer = coverage_layer(self.result, boundaries=boundaries, boundaries_crs=crs)
        project.addMapLayer(self.layer)
        self.result_layer_id = self.layer.id()
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        if canvas is not None and self.layer.featureCount():
            transform = QgsCoordinateTransform(self.layer.crs(), canvas.mapSettings().destinationCrs(), project)
            extent = transform.transformBoundingBox(self.layer.extent())
            extent.scale(1.1)
            canvas.setExtent(extent)
            canvas.refresh()

    def _show_totals(self) -> None:
        rows = "".join(f"<tr><td>{label}</td><td><b>{value}</b></td></tr>" for label, value in key_figures(self.result))
        self.totals_label.setText(f"<b>{self.result.territory.label}</b><table>{rows}</table>")

    def _show_table(self) -> None:
        headers = least_served_headers(self.result)
        rows = least_served_table(self.result, TABLE_ROWS)
        communes = (
            self.result.priorities(TABLE_ROWS) if self.result.indicator_name else self.result.worst_served(TABLE_ROWS)
        )
        self._codes = [c.code_insee for c in communes]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(value)
                if c >= 2:
                    item.setTextAlignment(int(Qt.AlignRight | Qt.AlignVCenter))
                self.table.setItem(r, c, item)

    def zoom_to_row(self, row: int) -> None:
        """Centre the map on the commune of a row of the table (about 8 km around its centroid)."""
        if self.result is None or not (0 <= row < len(self._codes)) or self.iface is None:
            return
        commune = next(c for c in self.result.communes if c.code_insee == self._codes[row])
        if commune.longitude is None:
            return
        canvas = self.iface.mapCanvas()
        crs = canvas.mapSettings().destinationCrs()
        point = QgsCoordinateTransform(WGS84, crs, QgsProject.instance()).transform(
            QgsPointXY(commune.longitude, commune.latitude)
        )
        half = ZOOM_HALF_WIDTH_M if not crs.isGeographic() else ZOOM_HALF_WIDTH_M / 111_000
        canvas.setExtent(QgsRectangle(point.x() - half, point.y() - half, point.x() + half, point.y() + half))
        canvas.refresh()

    # ------------------------------------------------------------------ reports
    def _ask_report(self, suffix: str) -> None:
        if self.result is None:
            return
        filters = {"pdf": "PDF (*.pdf)", "html": "HTML (*.html)", "csv": "CSV (*.csv)"}
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Save the coverage report"), f"couverture.{suffix}", filters[suffix]
        )
        if path:
            self.export_report(path)

    def export_report(self, path: str | Path) -> Path | None:
        path = Path(path)
        layer = self.layer_combo.currentLayer()
        source = layer.name() if layer is not None else ""
        try:
            if path.suffix.lower() == ".pdf":
                from ..qgis.coverage_layout import CoverageReportError, export_pdf

                try:
                    export_pdf(self.result, self.layer, path, source)
                except CoverageReportError as error:
                    self._message(error.message, warning=True)
                    return None
            elif path.suffix.lower() == ".csv":
                write_csv(self.result, path)
            else:
                write_html(self.result, path, source)
        except OSError as error:
            self._message(tr("Cannot write {path}: {reason}").format(path=path, reason=error.strerror or error), True)
            return None
        self._message(tr("Report written to {path}").format(path=path))
        return path

    # ------------------------------------------------------------------ misc
    def _message(self, text: str, warning: bool = False) -> None:
        if self.iface is None:
            return
        from qgis.core import Qgis

        level = Qgis.Warning if warning else Qgis.Info
        self.iface.messageBar().pushMessage(tr("Territorial coverage"), text, level, 6)

    def cleanup(self) -> None:
        self._closed = True
        if self._task is not None:
            try:
                self._task.cancel()
            except RuntimeError:
                pass
            self._task = None
