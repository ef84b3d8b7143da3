"""The "Orientation" dock: need, place and moment → the right lieux, counted, ranked and shown on the map.

Widgets only: the query runs in :class:`~..core.orientation.OrientationEngine`, the display filter, the
stored state and the presets live in :mod:`..qgis.orientation_layer`, the service symbology in
:mod:`..qgis.service_style`, the background work in :mod:`..qgis.orientation_tasks`. The place picker
(:mod:`.orientation_place`), the presets (:mod:`.orientation_presets`) and the colours dialog
(:mod:`.service_colours_dialog`) have their own modules; the plugin feature is :mod:`.orientation_feature`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from qgis.core import (
    QgsApplication,
    QgsFeatureRequest,
    QgsMapLayerProxyModel,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsCollapsibleGroupBox, QgsDockWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QDateTime, QLocale, Qt, QTimer, QUrl, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor, QDesktopServices, QFont
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.i18n import current_language, translate
from ..core.orientation import SERVICES_ALL, SERVICES_ANY, Around, FilterGroup, Query, QueryResult
from ..core.orientation.cards import LIEU_SCHEME, MORE_LINK, results_html
from ..core.orientation.groups import SERVICES
from ..core.orientation.places import Place
from ..core.schema import fold
from ..qgis import orientation_layer as ol
from ..qgis import service_style
from ..qgis.orientation_tasks import BuildIndexTask
from ..toolbelt.cpp_guard import cpp_override
from .orientation_export import export_filtered_lieux
from .orientation_place import PlacePicker
from .orientation_presets import Presets
from .service_colours_dialog import ServiceColoursDialog

CTX = "OrientationDock"
RESULTS_PAGE = 30
SEARCHABLE_GROUP_SIZE = 15
APPLY_DELAY_MS = 150
COUNT_COLUMN_WIDTH = 56
GREY = QColor("#9a9a9a")


def tr(text: str) -> str:
    return translate(CTX, text)


class FilterGroupWidget(QgsCollapsibleGroupBox):
    """One filter group: a checkable list of options with their live counts right-aligned."""

    toggled_option = pyqtSignal(str, str, bool)  # group field, value, checked

    def __init__(self, group: FilterGroup, parent: QWidget | None = None):
        super().__init__(group.title, parent)
        self.group = group
        self.setObjectName(f"mednumOrientationGroup_{group.field}")
        self.setSaveCollapsedState(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        self.extra_row = QHBoxLayout()
        layout.addLayout(self.extra_row)
        self.search = None
        if len(group.options) > SEARCHABLE_GROUP_SIZE:
            self.search = QLineEdit(self)
            self.search.setPlaceholderText(tr("Search in this list…"))
            self.search.setClearButtonEnabled(True)
            self.search.textChanged.connect(self._filter_rows)
            layout.addWidget(self.search)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName(f"mednumOrientationOptions_{group.field}")
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.NoSelection)
        self.tree.setFocusPolicy(Qt.NoFocus)
        self.tree.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.tree.setFrameShape(QTreeWidget.NoFrame)
        self.tree.viewport().setAutoFillBackground(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(1, QHeaderView.Fixed)
        header.resizeSection(1, COUNT_COLUMN_WIDTH)
        self.items: dict[str, QTreeWidgetItem] = {}
        for option in group.options:
            label = option.label
            if group.field == "typologie" and option.standard and option.label != option.value:
                label = f"{option.label} ({option.value})"
            if not option.standard:
                label = tr("{value} (not in the standard)").format(value=option.value)
            item = QTreeWidgetItem([label, ""])
            item.setData(0, Qt.UserRole, option.value)
            item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsUserCheckable)
            item.setCheckState(0, Qt.Unchecked)
            item.setToolTip(0, label)
            item.setTextAlignment(1, int(Qt.AlignRight | Qt.AlignVCenter))
            if not option.standard:
                font = QFont(item.font(0))
                font.setItalic(True)
                item.setFont(0, font)
            self.tree.addTopLevelItem(item)
            self.items[option.value] = item
        self.tree.itemChanged.connect(self._item_changed)
        layout.addWidget(self.tree)
        self._fit_height()

    def _fit_height(self) -> None:
        rows = sum(1 for i in range(self.tree.topLevelItemCount()) if not self.tree.topLevelItem(i).isHidden())
        row_height = self.tree.sizeHintForRow(0) if self.tree.topLevelItemCount() else 20
        self.tree.setFixedHeight(max(1, rows) * max(row_height, 18) + 4)

    def _filter_rows(self, text: str) -> None:
        needle = fold(text)  # accents, case and spaces ignored
        for item in self.items.values():
            item.setHidden(bool(needle) and needle not in fold(f"{item.text(0)} {item.data(0, Qt.UserRole)}"))
        self._fit_height()

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column != 0:
            return
        self.toggled_option.emit(self.group.field, item.data(0, Qt.UserRole), item.checkState(0) == Qt.Checked)

    def set_state(self, selected: tuple[str, ...], counts: dict[str, int] | None) -> None:
        """Tick the selected options, show the counts, grey the options with no lieu."""
        self.tree.blockSignals(True)
        try:
            for value, item in self.items.items():
                item.setCheckState(0, Qt.Checked if value in selected else Qt.Unchecked)
                count = None if counts is None else counts.get(value, 0)
                item.setText(1, "" if count is None else f"{count:,}".replace(",", "\u202f"))
                brush = QBrush(GREY) if count == 0 and value not in selected else QBrush()
                item.setForeground(0, brush)
                item.setForeground(1, brush)
        finally:
            self.tree.blockSignals(False)
        ticked = len([v for v in selected if v in self.items])
        title = self.group.title if not ticked else f"{self.group.title} ({ticked})"
        self.setTitle(title)


class OrientationDock(PlacePicker, Presets, QgsDockWidget):
    """The Orientation dock (see the module docstring)."""

    def __init__(self, iface, parent: QWidget | None = None, background: bool = True, lazy: bool = True):
        super().__init__(tr("Orientation"), parent)
        self.setObjectName("MednumOrientationDock")
        self.iface = iface
        self.background = background  # index the layer in a QgsTask (False: synchronously, for scripts)
        self.lazy = lazy  # index only while the dock is shown (nothing is read for a closed dock)
        self._index_pending = False
        self._closed = False
        self.layer: QgsVectorLayer | None = None
        self.index: ol.LayerIndex | None = None
        self.query = Query()
        self.result: QueryResult | None = None
        self.pending_apply = False
        self.shown_results = RESULTS_PAGE
        self._task = None
        self._geocode_task = None
        self._map_tool = None
        self._previous_map_tool = None
        self._restoring = False
        self.group_widgets: dict[str, FilterGroupWidget] = {}
        self.on_index_ready: list[Callable[[], None]] = []

        self._apply_timer = QTimer(self)
        self._apply_timer.setSingleShot(True)
        self._apply_timer.timeout.connect(self.apply_to_layer)
        self._now_timer = QTimer(self)
        self._now_timer.setInterval(60_000)
        self._now_timer.timeout.connect(self._refresh_now)

        self._build_ui()
        project = QgsProject.instance()
        project.readProject.connect(self._on_project_read)
        project.cleared.connect(self._on_project_cleared)
        project.layerWillBeRemoved.connect(self._on_layer_removed)
        self.layer_combo.layerChanged.connect(self.set_layer)
        self.visibilityChanged.connect(self._visibility_changed)
        self._reload_presets()
        self.set_layer(self.layer_combo.currentLayer())

    # ================================================================== UI
    def _build_ui(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)

        row = QHBoxLayout()
        self.layer_combo = QgsMapLayerComboBox(body)
        self.layer_combo.setObjectName("mednumOrientationLayer")
        self.layer_combo.setFilters(QgsMapLayerProxyModel.PointLayer)  # lieux are points: no tables, no polygons
        self.layer_combo.setAllowEmptyLayer(True)
        self.layer_combo.setToolTip(tr("The layer of lieux to filter"))
        row.addWidget(self.layer_combo, 1)
        self.reset_button = QPushButton(tr("Show all"), body)
        self.reset_button.setObjectName("mednumOrientationReset")
        self.reset_button.setToolTip(tr("Remove every filter and show all the lieux"))
        self.reset_button.clicked.connect(self.reset)
        row.addWidget(self.reset_button)
        layout.addLayout(row)

        self.summary = QLabel(body)
        self.summary.setObjectName("mednumOrientationSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.RichText)
        layout.addWidget(self.summary)

        layout.addLayout(self._build_presets_row(body))

        self.tabs = QTabWidget(body)
        self.tabs.setObjectName("mednumOrientationTabs")
        self.tabs.addTab(self._build_needs_tab(), tr("Needs"))
        self.tabs.addTab(self._build_place_time_tab(), tr("Place and time"))
        self.results_browser = QTextBrowser(body)
        self.results_browser.setObjectName("mednumOrientationResults")
        self.results_browser.setOpenLinks(False)
        self.results_browser.anchorClicked.connect(self._result_link)
        self.tabs.addTab(self.results_browser, tr("Results"))
        self.tabs.currentChanged.connect(lambda _i: self._show_results())
        layout.addWidget(self.tabs, 1)

        bottom = QHBoxLayout()
        self.service_style_check = QCheckBox(tr("Colour by service"), body)
        self.service_style_check.setObjectName("mednumOrientationServiceStyle")
        self.service_style_check.setToolTip(tr("One colour per service (a ring per service of the lieu)"))
        self.service_style_check.toggled.connect(self._toggle_service_style)
        bottom.addWidget(self.service_style_check)
        self.colours_button = QToolButton(body)
        self.colours_button.setText(tr("Colours…"))
        self.colours_button.setToolTip(tr("Choose the colour of each service (saved with the project)"))
        self.colours_button.clicked.connect(self.edit_colours)
        bottom.addWidget(self.colours_button)
        bottom.addStretch(1)
        self.export_button = QPushButton(QgsApplication.getThemeIcon("/mActionFileSaveAs.svg"), tr("Export…"), body)
        self.export_button.setObjectName("mednumOrientationExport")
        self.export_button.setToolTip(tr("Export the filtered lieux to a conformant file"))
        self.export_button.clicked.connect(self.export_filtered)
        bottom.addWidget(self.export_button)
        layout.addLayout(bottom)
        self.setWidget(body)

    def _build_needs_tab(self) -> QWidget:
        self.needs_scroll = QScrollArea()
        self.needs_scroll.setWidgetResizable(True)
        self.needs_scroll.setFrameShape(QScrollArea.NoFrame)
        self.needs_container = QWidget()
        self.needs_layout = QVBoxLayout(self.needs_container)
        self.needs_layout.setContentsMargins(0, 0, 0, 0)
        self.needs_layout.addStretch(1)
        self.needs_scroll.setWidget(self.needs_container)
        self._services_mode_widgets(None)
        return self.needs_scroll

    def _services_mode_widgets(self, parent: QWidget | None) -> None:
        """The "any of them" / "all of them" switch (it lives in the services group)."""
        self.services_any = QRadioButton(tr("any of them"), parent)
        self.services_all = QRadioButton(tr("all of them"), parent)
        self.services_any.setChecked(self.query.services_mode != SERVICES_ALL)
        self.services_all.setChecked(self.query.services_mode == SERVICES_ALL)
        self.services_mode_group = QButtonGroup(parent or self)
        self.services_mode_group.addButton(self.services_any)
        self.services_mode_group.addButton(self.services_all)
        self.services_all.toggled.connect(self._services_mode_changed)

    def _build_place_time_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(2, 2, 2, 2)

        self.open_box = QgsCollapsibleGroupBox(tr("Open on…"), page)
        self.open_box.setObjectName("mednumOrientationOpenBox")
        self.open_box.setCheckable(True)
        self.open_box.setChecked(False)
        self.open_box.setSaveCollapsedState(False)
        self.open_box.setSaveCheckedState(False)
        open_layout = QVBoxLayout(self.open_box)
        self.open_now = QRadioButton(tr("now"), self.open_box)
        self.open_now.setChecked(True)
        self.open_at_radio = QRadioButton(tr("on"), self.open_box)
        self.open_at_edit = QDateTimeEdit(QDateTime.currentDateTime(), self.open_box)
        self.open_at_edit.setCalendarPopup(True)
        self.open_at_edit.setLocale(QLocale(current_language()))  # "sam." in French, whatever the system locale
        self.open_at_edit.setDisplayFormat("ddd dd/MM/yyyy HH:mm")
        at_row = QHBoxLayout()
        at_row.addWidget(self.open_now)
        at_row.addWidget(self.open_at_radio)
        at_row.addWidget(self.open_at_edit, 1)
        open_layout.addLayout(at_row)
        self.include_unknown = QCheckBox(tr("Also show the lieux whose hours are unknown"), self.open_box)
        open_layout.addWidget(self.include_unknown)
        self.hours_label = QLabel(self.open_box)
        self.hours_label.setWordWrap(True)
        open_layout.addWidget(self.hours_label)
        for signal in (
            self.open_box.toggled,
            self.open_now.toggled,
            self.open_at_edit.dateTimeChanged,
            self.include_unknown.toggled,
        ):
            signal.connect(self._time_changed)
        layout.addWidget(self.open_box)

        layout.addWidget(self._build_around_box(page))
        layout.addStretch(1)
        return page

    def _rebuild_groups(self) -> None:
        for widget in self.group_widgets.values():
            self.needs_layout.removeWidget(widget)
            widget.deleteLater()
        self.group_widgets.clear()
        if self.index is None:
            return
        for position, group in enumerate(self.index.engine.groups):
            widget = FilterGroupWidget(group, self.needs_container)
            widget.toggled_option.connect(self._option_toggled)
            if group.field == SERVICES:
                self._services_mode_widgets(widget)
                widget.extra_row.addWidget(QLabel(tr("Lieux offering:"), widget))
                widget.extra_row.addWidget(self.services_any)
                widget.extra_row.addWidget(self.services_all)
                widget.extra_row.addStretch(1)
            widget.setCollapsed(position > 1 and not self.query.selected(group.field))
            self.needs_layout.insertWidget(position, widget)
            self.group_widgets[group.field] = widget

    # ================================================================== layer and index
    def set_layer(self, layer) -> None:
        """Work on ``layer`` (or nothing): index its lieux, restore its saved filter."""
        if self.layer is not None:
            try:
                self.layer.afterCommitChanges.disconnect(self._layer_committed)
                self.layer.editingStopped.disconnect(self._editing_stopped)
            except (TypeError, RuntimeError):
                pass
        self.index = None
        self.result = None
        self.layer = layer if isinstance(layer, QgsVectorLayer) and ol.is_lieux_layer(layer) else None
        if self.layer_combo.currentLayer() is not layer:
            self.layer_combo.blockSignals(True)
            self.layer_combo.setLayer(layer)
            self.layer_combo.blockSignals(False)
        self._rebuild_groups()
        if self.layer is None:
            self.summary.setText(
                tr("Choose a layer of lieux (a working layer, or any layer with the fields of the standard).")
                if layer is None
                else tr("This layer does not hold lieux of the standard (no field “nom” and “services”…).")
            )
            self._set_enabled(False)
            return
        self.layer.afterCommitChanges.connect(self._layer_committed)
        self.layer.editingStopped.connect(self._editing_stopped)
        self.query = ol.stored_query(self.layer) or Query()
        self.service_style_check.blockSignals(True)
        self.service_style_check.setChecked(service_style.has_service_style(self.layer))
        self.service_style_check.blockSignals(False)
        self._set_enabled(False)
        self.summary.setText(tr("Reading the lieux…"))
        self._index_pending = True
        if not self.lazy or self.isVisible():
            self._start_index()

    def _visibility_changed(self, visible: bool) -> None:
        if visible and self._index_pending:
            self._start_index()

    def _start_index(self) -> None:
        layer = self.layer
        self._index_pending = False
        if layer is None or self._closed:
            return
        if not self.background or layer.providerType() == "memory":
            try:
                self._index_ready(ol.build_layer_index(layer), "")
            except Exception as error:  # noqa: BLE001 (shown as a message, never a traceback)
                self._index_ready(None, getattr(error, "message", None) or str(error))
            return
        if self._task is not None:
            try:
                self._task.cancel()
            except RuntimeError:
                pass
        task = BuildIndexTask(layer, lambda index, error: self._index_ready(index, error, task))
        self._task = task
        QgsApplication.taskManager().addTask(task)

    def _index_ready(self, index: ol.LayerIndex | None, error: str, task=None) -> None:
        if self._closed or (task is not None and task is not self._task):
            return  # the dock is gone, or a newer reading replaced this one
        self._task = None
        if self.layer is None or (index is not None and index.layer_id != self.layer.id()):
            return
        if index is None:
            if error:
                self.summary.setText(tr("The lieux could not be read: {error}").format(error=error))
            return
        self.index = index
        self._rebuild_groups()
        self._set_enabled(True)
        self._query_to_widgets()
        self.refresh(apply=True)
        for callback in list(self.on_index_ready):
            callback()

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (
            self.tabs,
            self.reset_button,
            self.preset_combo,
            self.save_preset_button,
            self.delete_preset_button,
            self.service_style_check,
            self.colours_button,
            self.export_button,
        ):
            widget.setEnabled(enabled)

    def _layer_committed(self) -> None:
        """Edits saved: index again (services, hours or places may have changed)."""
        self._start_index()

    def _editing_stopped(self) -> None:
        if self.pending_apply:
            self.apply_to_layer()

    def _on_layer_removed(self, layer_id: str) -> None:
        if self.layer is not None and self.layer.id() == layer_id:
            self.set_layer(None)

    # ================================================================== query ↔ widgets
    def _query_to_widgets(self) -> None:
        """Show ``self.query`` in the widgets (without re-running on each widget change)."""
        self._restoring = True
        try:
            query = self.query
            self.services_all.setChecked(query.services_mode == SERVICES_ALL)
            self.services_any.setChecked(query.services_mode != SERVICES_ALL)
            self.open_box.setChecked(query.has_hours_filter)
            self.open_now.setChecked(query.open_now or query.open_at is None)
            self.open_at_radio.setChecked(not query.open_now and query.open_at is not None)
            if query.open_at is not None:
                self.open_at_edit.setDateTime(QDateTime(query.open_at.replace(tzinfo=None)))
            self.include_unknown.setChecked(query.include_unknown_hours)
            around = query.around
            self.around_box.setChecked(around is not None)
            if around is not None:
                self.place = Place(around.label, around.latitude, around.longitude, "point")
                self.radius_spin.setValue(around.radius_km or 0)
            self._show_place()
        finally:
            self._restoring = False

    def _option_toggled(self, group: str, value: str, checked: bool) -> None:
        self.query = self.query.toggled(group, value, checked)
        self.refresh()

    def _services_mode_changed(self) -> None:
        if self._restoring:
            return
        mode = SERVICES_ALL if self.services_all.isChecked() else SERVICES_ANY
        self.query = replace(self.query, services_mode=mode)
        self.refresh()

    def _time_changed(self, *_args) -> None:
        if self._restoring:
            return
        open_now = self.open_box.isChecked() and self.open_now.isChecked()
        open_at = None
        if self.open_box.isChecked() and not open_now:
            open_at = self.open_at_edit.dateTime().toPyDateTime().replace(second=0, microsecond=0)
        self.query = replace(
            self.query, open_at=open_at, open_now=open_now, include_unknown_hours=self.include_unknown.isChecked()
        )
        self.refresh()

    def _place_changed(self, *_args) -> None:
        if self._restoring:
            return
        around = None
        if self.around_box.isChecked() and self.place is not None:
            radius = self.radius_spin.value() or None
            around = Around(self.place.latitude, self.place.longitude, radius, self.place.label)
        self.query = replace(self.query, around=around)
        self.refresh()

    def set_query(self, query: Query) -> None:
        """Apply ``query`` (a preset, a script): widgets, counts, results, layer."""
        self.query = query
        self._query_to_widgets()
        self.refresh()

    # ================================================================== running
    def refresh(self, apply: bool = True) -> QueryResult | None:
        """Run the query: counts, summary, results; then (debounced) the layer's display filter."""
        if self.index is None:
            return None
        self.result = self.index.engine.run(self.query)
        for field, widget in self.group_widgets.items():
            widget.set_state(self.query.selected(field), self.result.facets.get(field))
        self._show_summary()
        self._show_hours_counts()
        self._show_around_counts()
        self.shown_results = RESULTS_PAGE
        self._show_results()
        if self.query.open_now and not self._now_timer.isActive():
            self._now_timer.start()
        elif not self.query.open_now:
            self._now_timer.stop()
        if apply:
            self._apply_timer.start(APPLY_DELAY_MS)
        return self.result

    def _refresh_now(self) -> None:
        if self.query.open_now:
            self.refresh()

    def apply_to_layer(self) -> bool:
        """Put the current result on the layer's display (or say why it waits)."""
        self._apply_timer.stop()
        if self.layer is None or self.index is None or self.result is None:
            return False
        applied = ol.apply_result(self.layer, self.index, self.result)
        if applied and not self.result.query.is_empty:
            ol.bring_to_top(self.layer)  # a layer drawn above it would hide the filter
        self.pending_apply = not applied
        self._show_summary()
        return applied

    def reset(self) -> None:
        """ "Tout afficher": no filter, all the lieux."""
        self.query = Query()
        self.place = None
        self._query_to_widgets()
        self.refresh(apply=False)
        if self.layer is not None:
            self.pending_apply = not ol.clear_filter(self.layer)
        self._show_summary()

    # ================================================================== showing
    def _show_summary(self) -> None:
        if self.result is None or self.index is None:
            return
        total = self.index.size
        if self.query.is_empty:
            text = tr("<b>{total}</b> lieux, no filter.").format(total=_n(total))
        else:
            text = tr("<b>{count}</b> lieux out of {total} match.").format(count=_n(self.result.count), total=_n(total))
        if self.pending_apply:
            text += "<br><i>" + tr("The map will show this filter when the layer leaves edit mode.") + "</i>"
        self.summary.setText(text)
        self.tabs.setTabText(2, tr("Results ({count})").format(count=_n(self.result.count)))

    def _show_hours_counts(self) -> None:
        hours = self.result.hours if self.result else None
        if hours is None:
            self.hours_label.setText("")
            self.include_unknown.setText(tr("Also show the lieux whose hours are unknown"))
            return
        self.include_unknown.setText(
            tr("Also show the {count} lieux whose hours are unknown").format(count=_n(hours.undetermined))
        )
        self.hours_label.setText(
            tr("Open: {open} · closed: {closed} · unknown: {unknown} ({missing} not given, {invalid} not in the "
               "OSM format, {maybe} marked unknown)").format(
                open=_n(hours.open), closed=_n(hours.closed), unknown=_n(hours.undetermined),
                missing=_n(hours.missing), invalid=_n(hours.invalid), maybe=_n(hours.unknown),
            )
        )  # fmt: skip

    def _show_around_counts(self) -> None:
        result = self.result
        if result is None or self.query.around is None:
            self.around_label.setText("")
            return
        parts = []
        if result.beyond_radius is not None:
            parts.append(tr("{count} more lieux beyond the radius").format(count=_n(result.beyond_radius)))
        if result.without_coordinates:
            parts.append(tr("{count} without coordinates").format(count=_n(result.without_coordinates)))
        self.around_label.setText(" · ".join(parts))

    def _show_results(self) -> None:
        if self.tabs.currentWidget() is not self.results_browser or self.result is None or self.index is None:
            return
        positions = self.result.ranked(self.shown_results)
        distances = [self.result.distance_km(p) for p in positions]
        scroll = self.results_browser.verticalScrollBar().value()
        self.results_browser.setHtml(results_html(self.index.records, positions, distances, self.result.count))
        self.results_browser.verticalScrollBar().setValue(scroll if self.shown_results > RESULTS_PAGE else 0)

    def _result_link(self, url: QUrl) -> None:
        text = url.toString()
        if text == MORE_LINK:
            self.shown_results += RESULTS_PAGE
            self._show_results()
        elif text.startswith(LIEU_SCHEME + ":"):
            self.show_lieu(int(text.split(":", 1)[1]))
        elif url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)

    def show_lieu(self, position: int, open_form: bool = True) -> None:
        """Zoom to the lieu at ``position`` and open its form."""
        if self.layer is None or self.index is None:
            return
        fid = int(self.index.feature_ids[position])
        feature = next(self.layer.getFeatures(QgsFeatureRequest(fid)), None)
        if feature is None:
            return
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        if canvas is not None and feature.hasGeometry():
            self.iface.setActiveLayer(self.layer)
            canvas.zoomToFeatureIds(self.layer, [fid])
            if canvas.scale() < 2500:
                canvas.zoomScale(2500)
            canvas.flashFeatureIds(self.layer, [fid])
        if open_form and self.iface is not None:
            self.iface.openFeatureForm(self.layer, feature, False, False)


    # ================================================================== style and export
    def _toggle_service_style(self, checked: bool) -> None:
        if self.layer is None:
            return
        if checked:
            service_style.apply_service_style(self.layer, ol.load_service_colours())
        else:
            service_style.remove_service_style(self.layer)
        if self.iface is not None:
            self.iface.layerTreeView().refreshLayerSymbology(self.layer.id())

    def edit_colours(self) -> None:
        dialog = ServiceColoursDialog(ol.load_service_colours(), self)
        if dialog.exec_() != QDialog.Accepted:
            return
        ol.save_service_colours(dialog.colours())
        if self.layer is not None:
            self.service_style_check.setChecked(True)
            service_style.apply_service_style(self.layer, ol.load_service_colours())
            if self.iface is not None:
                self.iface.layerTreeView().refreshLayerSymbology(self.layer.id())

    def export_filtered(self) -> None:
        """Export the lieux shown by the filter, ranked, to a conformant file (CSV, JSON, GeoJSON)."""
        if self.index is None or self.result is None:
            return
        export_filtered_lieux(self, self.iface, self.index, self.result, self.layer)

    # ================================================================== project
    def _on_project_read(self, *_args) -> None:
        self._reload_presets()
        layers = ol.orientation_layers()
        if layers:
            self.set_layer(layers[0])
        else:
            self.set_layer(self.layer_combo.currentLayer())

    def _on_project_cleared(self) -> None:
        self.set_layer(None)
        self._reload_presets()

    @cpp_override(None)
    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if self.pick_button.isChecked():
            self.pick_button.setChecked(False)
        super().closeEvent(event)

    def cleanup(self) -> None:
        """Before the dock is deleted: no more signals, timers, map tool or task callbacks."""
        self._closed = True
        for task in (self._task, self._geocode_task):
            if task is not None:
                try:
                    task.cancel()
                except RuntimeError:  # already deleted by the task manager
                    pass
        self._task = self._geocode_task = None
        project = QgsProject.instance()
        for signal, slot in (
            (project.readProject, self._on_project_read),
            (project.cleared, self._on_project_cleared),
            (project.layerWillBeRemoved, self._on_layer_removed),
        ):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass
        self._apply_timer.stop()
        self._now_timer.stop()
        if self.pick_button.isChecked():
            self.pick_button.setChecked(False)


# ====================================================================== helpers


def _n(number: int) -> str:
    """A count with a narrow no-break space between thousands (French typography)."""
    return f"{number:,}".replace(",", "\u202f")


__all__ = ["OrientationDock"]
