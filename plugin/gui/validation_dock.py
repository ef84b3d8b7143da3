"""The dock "Validation": the issues of a working layer, live, with fixes, acceptances, merges and reports.

* a full pass of the engine (every rule, probable duplicates included) in a cancellable task with progress,
  then live re-validation of what each edit touches (:mod:`..qgis.live_validation`);
* the issues grouped by lieu or by rule (:mod:`.issues_model`), sortable by any column, with the counts by
  severity and filters by severity, field, rule, text and the current map extent;
* click → select, zoom to and flash the lieu; double-click → its form, on the tab of the field;
* "Apply the fix" (one issue) and "Fix the whole rule" (every safe fix of a rule), one undo step each;
* "Accept…" with a reason (stored in the working GeoPackage), "Withdraw the acceptance";
* "Merge…" for probable duplicates (:mod:`.merge_dialog`), journaled when saved;
* "Report" — the producers' report as HTML or CSV;
* a map overlay (:mod:`..qgis.validation_overlay`): lieux with errors, warnings only, no open issue.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsMapLayerProxyModel,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsAttributeDialog, QgsAttributeEditorContext, QgsDockWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QItemSelectionModel, Qt, QTimer
from qgis.PyQt.QtGui import QFont, QFontMetrics
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QAction,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..core.form_layout import form_tabs
from ..core.i18n import translate
from ..core.producer_report import write_report
from ..core.report_html import Lieu
from ..core.validation import Issue, Report
from ..core.validation.codes import CODES
from ..core.validation.duplicates import CODE as DUPLICATE_CODE
from ..qgis.live_validation import LiveValidation
from ..qgis.tasks import LieuxTask, cancel_running, start_task, user_message
from ..qgis.validation_edits import EditError, MergeJournalKeeper, apply_suggestions, merge_duplicates
from ..qgis.validation_overlay import OVERLAY_PROPERTY, ValidationOverlay
from ..qgis.working_layer import is_working_layer
from .issues_model import (
    BY_LIEU,
    BY_RULE,
    COLOURS,
    FIELD,
    ITEM_ROLE,
    LABEL,
    SEVERITY,
    VALUE,
    Filters,
    Group,
    IssuesModel,
    Item,
)

DOCK_OBJECT_NAME = "LieuxMednumValidationDock"
ZOOM_SCALE = 5000  # zooming to a lieu: at least this close
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


def _tr(text: str) -> str:
    return translate("ValidationDock", text)


def user_name() -> str:
    try:
        return QgsApplication.userFullName() or QgsApplication.userLoginName() or ""
    except AttributeError:  # pragma: no cover
        return ""


class LayerSession:
    """What the dock keeps for the layer it shows: live validation, issues model, overlay, merge journal."""

    def __init__(self, layer: QgsVectorLayer, parent):
        self.layer = layer
        self.live = LiveValidation(layer, parent=parent)
        self.model = IssuesModel(self.live, parent)
        self.overlay = ValidationOverlay(self.live, parent)
        self.journal = MergeJournalKeeper(layer, parent)

    def close(self) -> None:
        self.live.detach()
        self.model.detach()
        self.overlay.detach()
        self.journal.detach()


class ValidationDock(QgsDockWidget):
    def __init__(self, iface, parent: QWidget | None = None):
        super().__init__(_tr("Validation"), parent)
        self.iface = iface
        self.setObjectName(DOCK_OBJECT_NAME)
        self.session: LayerSession | None = None
        self.tasks: list[LieuxTask] = []
        self._own_zoom = False
        self._columns_sized = False
        self._extent_timer = QTimer(self)
        self._extent_timer.setSingleShot(True)
        self._extent_timer.setInterval(300)
        self._extent_timer.timeout.connect(self._apply_filters)
        self._build()
        self._connect_project()
        self._update_layer_choices()
        self._on_layer_changed(self.layer_combo.currentLayer())

    # ── widgets ─────────────────────────────────────────────────────────────────────────────────────────

    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)

        top = QHBoxLayout()
        self.layer_combo = QgsMapLayerComboBox(body)
        self.layer_combo.setFilters(QgsMapLayerProxyModel.PointLayer)
        self.layer_combo.setAllowEmptyLayer(True)
        self.layer_combo.setToolTip(_tr("Working layer of lieux to validate"))
        self.layer_combo.layerChanged.connect(self._on_layer_changed)
        top.addWidget(self.layer_combo, 1)
        self.run_button = QPushButton(QgsApplication.getThemeIcon("/mActionRefresh.svg"), _tr("Validate"), body)
        self.run_button.setToolTip(_tr("Validate the whole layer again (in the background)"))
        self.run_button.clicked.connect(self._on_run_clicked)
        top.addWidget(self.run_button)
        layout.addLayout(top)

        self.progress = QProgressBar(body)
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(True)
        self.progress.hide()
        layout.addWidget(self.progress)

        self.counts_label = QLabel(body)
        self.counts_label.setWordWrap(True)
        self.counts_label.setTextFormat(Qt.RichText)
        layout.addWidget(self.counts_label)

        filters = QGridLayout()
        filters.setHorizontalSpacing(6)
        filters.setVerticalSpacing(4)
        self.group_combo = QComboBox(body)
        self.group_combo.addItem(_tr("by lieu"), BY_LIEU)
        self.group_combo.addItem(_tr("by rule"), BY_RULE)
        self.severity_combo = QComboBox(body)
        self.severity_combo.addItem(_tr("All severities"), None)
        self.severity_combo.addItem(_tr("Errors"), "error")
        self.severity_combo.addItem(_tr("Warnings"), "warning")
        self.field_combo = QComboBox(body)
        self.code_combo = QComboBox(body)
        self.code_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.code_combo.setMinimumContentsLength(12)
        self.field_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.field_combo.setMinimumContentsLength(10)
        self.search_edit = QLineEdit(body)
        self.search_edit.setPlaceholderText(_tr("Search a lieu…"))
        self.search_edit.setToolTip(_tr("Show the lieux whose name, id or commune contains this text"))
        self.search_edit.setClearButtonEnabled(True)
        self.extent_check = QCheckBox(_tr("Map extent"), body)
        self.extent_check.setToolTip(_tr("Only the lieux in the current map extent"))
        filters.addWidget(QLabel(_tr("Group")), 0, 0)
        filters.addWidget(self.group_combo, 0, 1)
        filters.addWidget(self.severity_combo, 0, 2)
        filters.addWidget(self.extent_check, 0, 3)
        filters.addWidget(self.field_combo, 1, 0, 1, 2)
        filters.addWidget(self.code_combo, 1, 2)
        filters.addWidget(self.search_edit, 1, 3)
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(2, 2)
        filters.setColumnStretch(3, 2)
        layout.addLayout(filters)
        self._fill_filter_combos()
        self.group_combo.currentIndexChanged.connect(self._on_group_changed)
        for combo in (self.severity_combo, self.field_combo, self.code_combo):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.search_edit.textChanged.connect(lambda _text: self._extent_timer.start())
        self.extent_check.toggled.connect(self._apply_filters)

        self.tree = QTreeView(body)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.tree.setContextMenuPolicy(Qt.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.doubleClicked.connect(self._on_double_clicked)
        self.tree.setMinimumHeight(180)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setMinimumSectionSize(48)
        layout.addWidget(self.tree, 1)

        self.details = QTextBrowser(body)
        self.details.setOpenLinks(False)
        self.details.setMaximumHeight(100)
        self.details.setPlaceholderText(_tr("Select an issue to see its message and suggested fix."))
        layout.addWidget(self.details)

        buttons = QGridLayout()
        buttons.setHorizontalSpacing(6)
        buttons.setVerticalSpacing(4)
        self.fix_button = QPushButton(_tr("Apply the fix"), body)
        self.fix_button.setToolTip(_tr("Write the suggested value (one undo step: Ctrl+Z)"))
        self.fix_rule_button = QPushButton(_tr("Fix the whole rule"), body)
        self.fix_rule_button.setToolTip(_tr("Apply every safe fix of this rule, in all lieux (one undo step)"))
        self.accept_button = QPushButton(_tr("Accept…"), body)
        self.accept_button.setToolTip(_tr("Accept this issue with a reason: it is no longer counted"))
        self.merge_button = QPushButton(_tr("Merge…"), body)
        self.merge_button.setToolTip(_tr("Merge this lieu and its probable duplicate"))
        self.form_button = QPushButton(_tr("Open the form"), body)
        self.report_button = QToolButton(body)
        self.report_button.setText(_tr("Report"))
        self.report_button.setToolTip(_tr("Export the issues for the producers"))
        self.report_button.setPopupMode(QToolButton.InstantPopup)
        self.report_button.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.report_button.setIcon(QgsApplication.getThemeIcon("/mActionFileSaveAs.svg"))
        menu = QMenu(self.report_button)
        self.html_action = menu.addAction(_tr("Printable HTML report…"), lambda: self.export_report(".html"))
        self.csv_action = menu.addAction(_tr("Issues as CSV…"), lambda: self.export_report(".csv"))
        self.report_button.setMenu(menu)
        buttons.addWidget(self.fix_button, 0, 0)
        buttons.addWidget(self.fix_rule_button, 0, 1, 1, 2)
        buttons.addWidget(self.accept_button, 1, 0)
        buttons.addWidget(self.merge_button, 1, 1)
        buttons.addWidget(self.form_button, 1, 2)
        buttons.addWidget(self.report_button, 0, 3, 2, 1)
        self.report_button.setSizePolicy(self.fix_button.sizePolicy())
        layout.addLayout(buttons)
        self.fix_button.clicked.connect(lambda: self.apply_fix(self.current_item()))
        self.fix_rule_button.clicked.connect(lambda: self.apply_rule_fixes(self.current_code()))
        self.accept_button.clicked.connect(self._on_accept_clicked)
        self.merge_button.clicked.connect(lambda: self.merge(self.current_item()))
        self.form_button.clicked.connect(lambda: self.open_form(self.current_node()))
        self.setWidget(body)
        self._update_buttons()
        self._update_counts()

    def _fill_filter_combos(self) -> None:
        from ..core.schema import load_schema

        self.field_combo.addItem(_tr("All fields"), None)
        self.field_combo.setToolTip(_tr("Only the issues of one field"))
        self.code_combo.setToolTip(_tr("Only the issues of one rule"))
        for spec in load_schema().fields:
            self.field_combo.addItem(spec.name, spec.name)
            self.field_combo.setItemData(self.field_combo.count() - 1, spec.title, Qt.ToolTipRole)
        self.code_combo.addItem(_tr("All rules"), None)
        for code, entry in sorted(CODES.items(), key=lambda pair: pair[1].title.casefold()):
            self.code_combo.addItem(entry.title, code)
            self.code_combo.setItemData(self.code_combo.count() - 1, code, Qt.ToolTipRole)

    # ── project and layer ───────────────────────────────────────────────────────────────────────────────

    def _connect_project(self) -> None:
        project = QgsProject.instance()
        project.layersAdded.connect(self._update_layer_choices)
        project.layersRemoved.connect(self._update_layer_choices)
        project.layerWillBeRemoved.connect(self._on_layer_will_be_removed)
        canvas = self._canvas()
        if canvas is not None:
            canvas.extentsChanged.connect(self._on_extent_changed)

    def disconnect_project(self) -> None:
        project = QgsProject.instance()
        for signal, slot in (
            (project.layersAdded, self._update_layer_choices),
            (project.layersRemoved, self._update_layer_choices),
            (project.layerWillBeRemoved, self._on_layer_will_be_removed),
        ):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass
        canvas = self._canvas()
        if canvas is not None:
            try:
                canvas.extentsChanged.disconnect(self._on_extent_changed)
            except (TypeError, RuntimeError):
                pass

    def _canvas(self):
        try:
            return self.iface.mapCanvas()
        except (AttributeError, RuntimeError):
            return None

    def _update_layer_choices(self, *_args) -> None:
        excepted = [
            layer
            for layer in QgsProject.instance().mapLayers().values()
            if not is_working_layer(layer) or layer.customProperty(OVERLAY_PROPERTY)
        ]
        self.layer_combo.setExceptedLayerList(excepted)
        if self.layer_combo.currentLayer() is None:
            active = self.iface.activeLayer() if hasattr(self.iface, "activeLayer") else None
            candidates = [active] if is_working_layer(active) else []
            candidates += [
                layer for layer in QgsProject.instance().mapLayers().values() if layer not in excepted
            ]
            if candidates:
                self.layer_combo.setLayer(candidates[0])

    def _on_layer_will_be_removed(self, layer_id: str) -> None:
        if self.session is not None and self.session.layer.id() == layer_id:
            self._close_session()
            self._update_counts()
            self._update_buttons()

    def set_layer(self, layer: QgsVectorLayer | None) -> None:
        self.layer_combo.setLayer(layer)
        if self.session is None or self.session.layer is not layer:
            self._on_layer_changed(layer)

    def _on_layer_changed(self, layer) -> None:
        if self.session is not None and self.session.layer is layer:
            return
        self._close_session()
        if layer is None or not is_working_layer(layer):
            self.tree.setModel(None)
            self._update_counts()
            self._update_buttons()
            return
        session = self.session = LayerSession(layer, self)
        session.model.sort_column, session.model.sort_order = SEVERITY, Qt.AscendingOrder
        session.model.group_by = self.group_combo.currentData()
        session.model.filters = self._filters()
        self.tree.setModel(session.model)
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(SEVERITY, Qt.AscendingOrder)
        self._size_columns()
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        session.model.modelReset.connect(self._on_model_reset)
        live = session.live
        live.started.connect(self._on_started)
        live.progressChanged.connect(lambda value: self.progress.setValue(int(value)))
        live.reset.connect(self._on_reset)
        live.lieuxChanged.connect(self._on_lieux_changed)
        live.failed.connect(self._on_failed)
        live.start()

    def _close_session(self) -> None:
        if self.session is not None:
            self.tree.setModel(None)
            self.session.close()
            self.session = None
        self.progress.hide()
        self.details.clear()

    def unload(self) -> None:
        cancel_running(self.tasks)
        self._close_session()
        self.disconnect_project()

    def _size_columns(self) -> None:
        header = self.tree.header()
        header.setStretchLastSection(True)
        for column, share in ((LABEL, 0.40), (SEVERITY, 0.15), (FIELD, 0.17)):
            header.setSectionResizeMode(column, QHeaderView.Interactive)
            width = max(70, int(share * max(self.tree.viewport().width(), 420)))
            if column == SEVERITY:  # the words of the user's language ("Avertissement", "646 avert.") fit
                width = max(width, self._severity_width())
            if column == LABEL:  # rule names whole (a narrow dock scrolls sideways rather than cutting them)
                width = max(width, self._rule_name_width())
            header.resizeSection(column, width)
        header.setSectionResizeMode(VALUE, QHeaderView.Stretch)

    def _rule_name_width(self) -> int:
        """Width of the first column that shows every rule name whole: a rule group's bold title with its
        count, or a rule under a lieu (one level deeper), plus the dot icon and the branch indentation."""
        bold = QFont(self.tree.font())
        bold.setBold(True)
        group_metrics, item_metrics = QFontMetrics(bold), QFontMetrics(self.tree.font())
        titles = [entry.title for entry in CODES.values()]
        indentation = self.tree.indentation()
        group = max(group_metrics.horizontalAdvance(f"{title} (99999)") for title in titles) + indentation
        item = max(item_metrics.horizontalAdvance(title) for title in titles) + 2 * indentation
        return max(group, item) + 32  # dot icon, margins

    def _severity_width(self) -> int:
        font = QFont(self.tree.font())
        font.setBold(True)  # group rows
        texts = (
            translate("IssuesModel", "Warning"),
            translate("IssuesModel", "Error"),
            translate("IssuesModel", "{n} warn.").format(n=9999),
        )
        return max(QFontMetrics(font).horizontalAdvance(text) for text in texts) + 28  # dot icon, margins

    # ── validation runs ─────────────────────────────────────────────────────────────────────────────────

    @property
    def live(self) -> LiveValidation | None:
        return self.session.live if self.session is not None else None

    @property
    def model(self) -> IssuesModel | None:
        return self.session.model if self.session is not None else None

    def _on_run_clicked(self) -> None:
        live = self.live
        if live is None:
            return
        if live.running:
            live.cancel()
        else:
            live.start()

    def _on_started(self) -> None:
        self.progress.setValue(0)
        self.progress.show()
        self.run_button.setText(_tr("Cancel"))
        self.run_button.setIcon(QgsApplication.getThemeIcon("/mTaskCancel.svg"))
        self.counts_label.setText(_tr("Validating {name}…").format(name=escape(self.session.layer.name())))

    def _idle(self) -> None:
        self.progress.hide()
        self.run_button.setText(_tr("Validate"))
        self.run_button.setIcon(QgsApplication.getThemeIcon("/mActionRefresh.svg"))

    def _on_reset(self) -> None:
        if not self._columns_sized:  # once the dock has its width; the user's widths are kept afterwards
            self._size_columns()
            self._columns_sized = True
        self._idle()
        self._update_counts()
        self._update_buttons()

    def _on_model_reset(self) -> None:  # also the end of a rebuild in steps (the counts of the filtered list)
        self._show_details(self.current_node())
        self._update_counts()
        self._update_buttons()

    def _on_failed(self, message: str) -> None:
        self._idle()
        self.counts_label.setText(escape(message))

    def _on_lieux_changed(self, _keys) -> None:
        self._update_counts()
        self._update_buttons()

    def _update_counts(self) -> None:
        live = self.live
        if live is None:
            self.counts_label.setText(_tr("Choose a working layer of lieux (open a lieux file first)."))
            return
        if not live.ready:
            return
        counts = live.counts
        text = _tr(
            '<b style="color:{error}">{errors}</b> errors · <b style="color:{warning}">{warnings}</b> warnings · '
            "{accepted} accepted<br>{lieux_errors} lieux with errors, {lieux_warnings} with warnings only, "
            "{clean} without issue"
        ).format(
            error=COLOURS["error"], warning=COLOURS["warning"], errors=counts.errors, warnings=counts.warnings,
            accepted=counts.accepted, lieux_errors=counts.lieux_with_errors,
            lieux_warnings=counts.lieux_with_warnings_only, clean=counts.clean_lieux,
        )
        model = self.model
        if model is not None and model.filters.active():
            text += "<br><i>" + _tr("{n} issues shown (filters on)").format(n=model.visible_issue_count()) + "</i>"
        self.counts_label.setText(text)

    # ── filters ─────────────────────────────────────────────────────────────────────────────────────────

    def _filters(self) -> Filters:
        extent = None
        if self.extent_check.isChecked():
            extent = self._canvas_extent_wgs84()
        return Filters(
            severity=self.severity_combo.currentData(),
            field=self.field_combo.currentData(),
            code=self.code_combo.currentData(),
            extent=extent,
            text=self.search_edit.text().strip(),
        )

    def _canvas_extent_wgs84(self):
        canvas = self._canvas()
        if canvas is None:
            return None
        rectangle = canvas.extent()
        crs = canvas.mapSettings().destinationCrs()
        if crs.isValid() and crs != WGS84:
            transform = QgsCoordinateTransform(crs, WGS84, QgsProject.instance())
            try:
                rectangle = transform.transformBoundingBox(rectangle)
            except Exception:  # noqa: BLE001 (QgsCsException: extent outside the CRS's area)
                return None
        return (rectangle.xMinimum(), rectangle.yMinimum(), rectangle.xMaximum(), rectangle.yMaximum())

    def _apply_filters(self, *_args) -> None:
        model = self.model
        if model is None:
            return
        model.set_filters(self._filters())
        self._update_counts()
        self._update_buttons()

    def _on_group_changed(self, *_args) -> None:
        if self.model is not None:
            self.model.set_group_by(self.group_combo.currentData())
            self._update_buttons()

    def _on_extent_changed(self) -> None:
        if self.extent_check.isChecked() and not self._own_zoom:
            self._extent_timer.start()
        self._own_zoom = False

    # ── selection ───────────────────────────────────────────────────────────────────────────────────────

    def current_node(self) -> Group | Item | None:
        index = self.tree.currentIndex()
        return index.data(ITEM_ROLE) if index.isValid() else None

    def current_item(self) -> Item | None:
        node = self.current_node()
        return node if isinstance(node, Item) else None

    def current_code(self) -> str | None:
        node = self.current_node()
        if isinstance(node, Item):
            return node.issue.code
        if isinstance(node, Group) and node.kind == "rule":
            return node.key
        return None

    def select_item(self, item: Item) -> None:
        """Make ``item`` the current row (as a click does)."""
        index = self.model.index_of_item(item)
        if index.isValid():
            self.tree.expand(index.parent())
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows
            )
            self.tree.scrollTo(index)

    def _on_current_changed(self, current, _previous) -> None:
        node = current.data(ITEM_ROLE) if current.isValid() else None
        self._show_details(node)
        self._update_buttons()
        if isinstance(node, Item) or (isinstance(node, Group) and node.kind == "lieu"):
            self.show_lieu(node.key)
        elif isinstance(node, Group) and node.kind == "rule":
            self.session.layer.selectByIds(sorted({item.key for item in node.items}))

    def show_lieu(self, key: int) -> None:
        """Select the lieu, zoom to it (not farther than it is), and flash it."""
        layer = self.session.layer
        layer.selectByIds([key])
        canvas = self._canvas()
        point = self.live.point(key)
        if canvas is None or point is None:
            if point is None:
                self.iface.messageBar().pushMessage(
                    _tr("Validation"), _tr("This lieu has no coordinates: it is not on the map."),
                    Qgis.MessageLevel.Info, 4,
                )
            return
        center = canvas.mapSettings().layerToMapCoordinates(layer, QgsPointXY(point[0], point[1]))
        self._own_zoom = True
        canvas.setCenter(center)
        if canvas.scale() > ZOOM_SCALE:
            canvas.zoomScale(ZOOM_SCALE)
        canvas.refresh()
        canvas.flashFeatureIds(layer, [key])

    def _show_details(self, node) -> None:
        if not isinstance(node, Item):
            if isinstance(node, Group):
                self.details.setHtml(f"<b>{escape(node.label)}</b> — {len(node.items)}")
            else:
                self.details.clear()
            return
        issue = node.issue
        lieu_id, nom, commune = self.live.lieu(node.key)
        parts = [
            f"<b>{escape(nom or lieu_id)}</b> {escape(commune)} <small>(id {escape(lieu_id) or '—'})</small>",
            f"<span style='color:{COLOURS[issue.severity]}'>■</span> <code>{escape(issue.field)}</code> · "
            f"<code>{escape(issue.code)}</code>",
            escape(issue.message),
        ]
        if issue.value:
            parts.append(_tr("Value: {value}").format(value=f"<code>{_quoted(escape(issue.value))}</code>"))
        if issue.suggestion is not None:
            fix = _quoted(escape(issue.suggestion)) if issue.suggestion else _tr("(empty the cell)")
            parts.append(_tr("Suggested fix: {fix}").format(fix=f"<code style='color:#1b6e20'>{fix}</code>"))
        if node.accepted:
            parts.append(
                _tr("Accepted on {date} by {who}: {reason}").format(
                    date=escape(node.acceptance.accepted_at.replace("T", " ")),
                    who=escape(node.acceptance.accepted_by or "—"),
                    reason=f"<i>{escape(node.acceptance.reason)}</i>",
                )
            )
        self.details.setHtml("<br>".join(parts))

    def _update_buttons(self, *_args) -> None:
        item = self.current_item() if self.session is not None else None
        issue = item.issue if item is not None else None
        ready = self.live is not None and self.live.ready
        open_issue = ready and item is not None and not item.accepted
        self.fix_button.setEnabled(bool(open_issue and issue.suggestion is not None))
        code = self.current_code() if ready else None
        fixable = len(self.model.fixable_of_rule(code)) if code and self.model is not None else 0
        self.fix_rule_button.setEnabled(fixable > 0)
        title = CODES[code].title if code in CODES else ""
        self.fix_rule_button.setText(
            _tr("Fix all “{rule}” ({n})").format(rule=_clip(title, 26), n=fixable) if fixable else
            _tr("Fix the whole rule")
        )
        self.fix_rule_button.setToolTip(
            _tr("Apply every safe fix of the rule “{rule}” in all lieux (one undo step)").format(rule=title)
            if fixable else _tr("Apply every safe fix of this rule, in all lieux (one undo step)")
        )
        self.accept_button.setEnabled(bool(ready and item is not None))
        self.accept_button.setText(_tr("Withdraw acceptance") if item is not None and item.accepted else _tr("Accept…"))
        self.merge_button.setEnabled(bool(open_issue and issue.code == DUPLICATE_CODE))
        node = self.current_node() if self.session is not None else None
        lieu_group = isinstance(node, Group) and node.kind == "lieu"
        self.form_button.setEnabled(bool(ready and (item is not None or lieu_group)))
        self.report_button.setEnabled(ready)
        self.run_button.setEnabled(self.session is not None)

    # ── actions ─────────────────────────────────────────────────────────────────────────────────────────

    def _context_menu(self, position) -> None:
        index = self.tree.indexAt(position)
        if not index.isValid():
            return
        self.tree.setCurrentIndex(index)
        menu = QMenu(self.tree)
        for button in (self.fix_button, self.fix_rule_button, self.accept_button, self.merge_button, self.form_button):
            if button.isEnabled():
                action = QAction(button.text(), menu)
                action.triggered.connect(button.click)
                menu.addAction(action)
        if menu.actions():
            menu.exec_(self.tree.viewport().mapToGlobal(position))

    def _warn(self, message: str) -> None:
        self.iface.messageBar().pushMessage(_tr("Validation"), message, Qgis.MessageLevel.Warning, 8)

    def _next_after(self, item: Item) -> None:
        """After an issue disappears, keep the cursor in its group when possible."""
        model = self.model
        if model is None or item.group is None:
            return
        row = model._group_row(item.group)
        if row >= 0:
            parent = model.index(row, 0)
            count = model.rowCount(parent)
            if count:
                self.tree.setCurrentIndex(model.index(0, 0, parent))

    def apply_fix(self, item: Item | None) -> int:
        """Write the suggestion of one issue (one undo step). Returns the number of cells changed."""
        if item is None or item.issue.suggestion is None:
            return 0
        description = _tr("Fix {code} of {lieu}").format(code=item.issue.code, lieu=self.live.lieu(item.key)[1])
        return self._apply([(item.key, item.issue)], description)

    def apply_rule_fixes(self, code: str | None) -> int:
        """Apply every safe fix of a rule in all lieux (one undo step)."""
        if not code or self.model is None:
            return 0
        items = self.model.fixable_of_rule(code)
        title = CODES[code].title if code in CODES else code
        return self._apply(items, _tr("Fix all “{rule}” ({n})").format(rule=title, n=len(items)))

    def _apply(self, items: list[tuple[int, Issue]], description: str) -> int:
        try:
            changed = apply_suggestions(self.session.layer, items, description)
        except EditError as error:
            self._warn(error.message)
            return 0
        self.live.flush()
        if changed < len(items):
            self._warn(
                _tr("{done} of {total} cells fixed: the others changed since the validation.").format(
                    done=changed, total=len(items)
                )
            )
        else:
            self.iface.messageBar().pushMessage(
                _tr("Validation"),
                _tr("{n} cells fixed. Ctrl+Z undoes it; save the layer to keep it.").format(n=changed),
                Qgis.MessageLevel.Success, 5,
            )
        return changed

    def _on_accept_clicked(self) -> None:
        item = self.current_item()
        if item is None:
            return
        if item.accepted:
            self.withdraw(item)
        else:
            self.accept_issue(item)

    def accept_issue(self, item: Item, reason: str | None = None) -> bool:
        """Accept an issue with a reason (asked when None)."""
        if item is None or item.accepted:
            return False
        if reason is None:
            reason, ok = QInputDialog.getMultiLineText(
                self,
                _tr("Accept the issue"),
                _tr("Why is “{rule}” acceptable for {lieu}? (kept in the GeoPackage with your name)").format(
                    rule=CODES[item.issue.code].title if item.issue.code in CODES else item.issue.code,
                    lieu=self.live.lieu(item.key)[1],
                ),
            )
            if not ok:
                return False
        if not reason.strip():
            self._warn(_tr("Give a reason to accept an issue."))
            return False
        try:
            self.live.accept(item.key, item.issue, reason, user_name())
        except Exception as error:  # noqa: BLE001 (store errors carry a French message)
            self._warn(user_message(error))
            return False
        if not self.live.book.store.persistent:
            self._warn(_tr("This layer is not a GeoPackage: the acceptance lasts until QGIS is closed."))
        return True

    def withdraw(self, item: Item) -> None:
        if item is not None and item.accepted:
            try:
                self.live.revoke(item.acceptance)
            except Exception as error:  # noqa: BLE001
                self._warn(user_message(error))

    def partner_of(self, item: Item) -> int | None:
        """The lieu a probable-duplicate issue is about."""
        partners = self.live.partners(item.key)
        for partner in partners:
            lieu_id, nom, _commune = self.live.lieu(partner.key)
            if item.issue.value in (lieu_id, nom):
                return partner.key
        return partners[0].key if partners else None

    def merge(self, item: Item | None, dialog=None) -> bool:
        """Merge a lieu and its probable duplicate through the merge dialog (``dialog`` given by tests)."""
        if item is None or item.issue.code != DUPLICATE_CODE:
            return False
        other = self.partner_of(item)
        if other is None:
            self._warn(_tr("The other lieu is no longer a probable duplicate: validate again."))
            return False
        from .merge_dialog import A, MergeDialog

        first, second = self.live.record(item.key), self.live.record(other)
        if dialog is None:
            dialog = MergeDialog(first, second, (self.model.lieu_label(item.key), self.model.lieu_label(other)),
                                 parent=self)
            if not dialog.exec_():
                return False
        kept, removed = (item.key, other) if dialog.kept_side == A else (other, item.key)
        try:
            merge_duplicates(self.session.layer, self.session.journal, self.live, kept, removed, dialog.merged(),
                             dialog.choices(), user_name())
        except EditError as error:
            self._warn(error.message)
            return False
        self.iface.messageBar().pushMessage(
            _tr("Validation"),
            _tr("Lieux merged. Ctrl+Z undoes it; the merge is journaled when you save the layer."),
            Qgis.MessageLevel.Success, 6,
        )
        return True

    def _on_double_clicked(self, index) -> None:
        self.open_form(index.data(ITEM_ROLE))

    def open_form(self, node) -> QgsAttributeDialog | None:
        """The lieu's form, editable, on the tab of the issue's field."""
        if node is None or (isinstance(node, Group) and node.kind != "lieu"):
            return None
        layer = self.session.layer
        key = node.key
        feature = layer.getFeature(key)
        if not feature.isValid():
            return None
        try:
            from ..qgis.validation_edits import ensure_editable

            ensure_editable(layer)
        except EditError as error:
            self._warn(error.message)
        context = QgsAttributeEditorContext()
        canvas = self._canvas()
        if canvas is not None:
            context.setMapCanvas(canvas)
        try:
            context.setVectorLayerTools(self.iface.vectorLayerTools())
        except (AttributeError, TypeError):
            pass
        dialog = QgsAttributeDialog(layer, feature, False, self.iface.mainWindow(), True, context)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        if layer.isEditable():
            dialog.setMode(QgsAttributeEditorContext.SingleEditMode)
        dialog.show()
        if isinstance(node, Item):
            self._show_tab(dialog, node.issue.field)
        return dialog

    def _show_tab(self, dialog: QgsAttributeDialog, field_name: str) -> int:
        """Show the form's tab holding ``field_name`` (the tabs of core/form_layout); returns its index."""
        tabs = dialog.findChild(QTabWidget)
        if tabs is None:
            return -1
        title = next((tab.title for tab in form_tabs(self.live.schema) if field_name in tab.fields), None)
        for index in range(tabs.count()):
            if title is not None and tabs.tabText(index).replace("&", "") == title:
                tabs.setCurrentIndex(index)
                return index
        return -1

    # ── report ──────────────────────────────────────────────────────────────────────────────────────────

    def report_data(self) -> tuple[Report, dict, list]:
        """(report of the open issues, lieux, accepted issues with reasons) of the whole layer."""
        live = self.live
        issues = [issue for _key, issue in live.all_open()]
        accepted = [(issue, acceptance.reason) for _key, issue, acceptance in live.all_accepted()]
        lieux = {key: Lieu(*live.lieu(key)[1:]) for key in live.keys()}
        report = Report(rows=len(lieux), issues=issues, source=self.session.layer.name(),
                        schema_version=live.schema.version)
        live.validator.validator.sort(report.issues)
        return report, lieux, accepted

    def export_report(self, suffix: str, path: str | None = None) -> LieuxTask | None:
        if self.live is None or not self.live.ready:
            return None
        if path is None:
            layer = self.session.layer
            base = Path(layer.source().split("|")[0])
            suggested = base.with_name(f"{base.stem}_anomalies{suffix}") if base.parent.exists() else Path(
                f"anomalies{suffix}"
            )
            label = _tr("HTML report (*.html)") if suffix == ".html" else _tr("CSV file (*.csv)")
            path, _ = QFileDialog.getSaveFileName(self, _tr("Export the issues"), str(suggested), label)
            if not path:
                return None
            if not path.lower().endswith(suffix):
                path += suffix
        report, lieux, accepted = self.report_data()
        name = self.session.layer.name()
        task = LieuxTask(
            _tr("Report of {name}").format(name=name),
            lambda progress, canceled: write_report(path, report, lieux, accepted, source=name),
            self._report_done,
        )
        self.tasks = [t for t in self.tasks if not t.done] + [task]
        return start_task(task)

    def _report_done(self, path, error) -> None:
        if error is not None:
            self._warn(user_message(error))
            return
        self.iface.messageBar().pushMessage(
            _tr("Validation"), _tr("Report written: {path}").format(path=path), Qgis.MessageLevel.Success, 8
        )


def _quoted(text: str) -> str:
    """“text” in English, « text » in French (the quotes of the validation messages)."""
    return translate("Validation", "“{item}”").format(item=text)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"

