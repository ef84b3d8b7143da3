"""The "Around…" part of the Orientation dock: a place picked by commune, postal or INSEE code (offline), by
address (Base Adresse Nationale, online, in a task) or by a click on the map, and a radius.

A mixin of :class:`~.orientation_dock.OrientationDock` (its widgets are the dock's attributes; it calls back
the dock's ``_place_changed``).
"""

from __future__ import annotations

from qgis.core import Qgis, QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject
from qgis.gui import QgsCollapsibleGroupBox, QgsMapToolEmitPoint
from qgis.PyQt.QtCore import QLocale, Qt
from qgis.PyQt.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..api.ban import BanGeocoder
from ..core.i18n import current_language, translate
from ..core.orientation.places import Place, find_communes
from ..qgis.network import QgisTransport
from ..qgis.orientation_tasks import GeocodeTask
from ..toolbelt.settings import load_settings

CTX = "OrientationDock"
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


def tr(text: str) -> str:
    return translate(CTX, text)


class PlacePicker:
    """Builds the "Around…" box (:meth:`_build_around_box`) and keeps ``self.place``."""

    def _build_around_box(self, page: QWidget) -> QgsCollapsibleGroupBox:
        """The "Around…" box: a commune, code or address searched, or a point clicked, and a radius."""
        self.around_box = QgsCollapsibleGroupBox(tr("Around…"), page)
        self.around_box.setObjectName("mednumOrientationAroundBox")
        self.around_box.setCheckable(True)
        self.around_box.setChecked(False)
        self.around_box.setSaveCollapsedState(False)
        self.around_box.setSaveCheckedState(False)
        around_layout = QVBoxLayout(self.around_box)
        search_row = QHBoxLayout()
        self.place_edit = QLineEdit(self.around_box)
        self.place_edit.setObjectName("mednumOrientationPlace")
        self.place_edit.setPlaceholderText(tr("Commune, postal code, INSEE code or address"))
        self.place_edit.setClearButtonEnabled(True)
        self.place_edit.returnPressed.connect(self.search_place)
        search_row.addWidget(self.place_edit, 1)
        search_button = QToolButton(self.around_box)
        search_button.setIcon(QgsApplication.getThemeIcon("/search.svg"))
        search_button.setToolTip(tr("Search this place"))
        search_button.clicked.connect(self.search_place)
        search_row.addWidget(search_button)
        self.pick_button = QToolButton(self.around_box)
        self.pick_button.setObjectName("mednumOrientationPick")
        self.pick_button.setIcon(QgsApplication.getThemeIcon("/mActionCapturePoint.svg"))
        self.pick_button.setToolTip(tr("Click a point on the map"))
        self.pick_button.setCheckable(True)
        self.pick_button.toggled.connect(self._pick_on_map)
        search_row.addWidget(self.pick_button)
        around_layout.addLayout(search_row)
        self.candidates = QListWidget(self.around_box)
        self.candidates.setObjectName("mednumOrientationCandidates")
        self.candidates.setMaximumHeight(110)
        self.candidates.hide()
        self.candidates.itemActivated.connect(self._candidate_chosen)
        self.candidates.itemClicked.connect(self._candidate_chosen)
        around_layout.addWidget(self.candidates)
        self.place_label = QLabel(tr("No place chosen yet."), self.around_box)
        self.place_label.setWordWrap(True)
        around_layout.addWidget(self.place_label)
        form = QFormLayout()
        self.radius_spin = QDoubleSpinBox(self.around_box)
        self.radius_spin.setObjectName("mednumOrientationRadius")
        self.radius_spin.setRange(0, 1000)
        self.radius_spin.setDecimals(1)
        self.radius_spin.setSingleStep(1)
        self.radius_spin.setValue(10)
        self.radius_spin.setLocale(QLocale(current_language()))  # "15,0 km" in French
        self.radius_spin.setSuffix(" km")
        self.radius_spin.setSpecialValueText(tr("no limit (rank only)"))
        self.radius_spin.valueChanged.connect(self._place_changed)
        form.addRow(tr("Radius:"), self.radius_spin)
        around_layout.addLayout(form)
        self.around_label = QLabel(self.around_box)
        self.around_label.setWordWrap(True)
        around_layout.addWidget(self.around_label)
        self.around_box.toggled.connect(self._place_changed)
        self.place: Place | None = None
        return self.around_box

    def _show_place(self) -> None:
        if self.place is None:
            self.place_label.setText(tr("No place chosen yet."))
        else:
            self.place_label.setText(
                tr("Around: {label} ({lat:.5f}, {lon:.5f})").format(
                    label=self.place.label, lat=self.place.latitude, lon=self.place.longitude
                )
            )

    def choose_place(self, place: Place) -> None:
        self.place = place
        self.candidates.hide()
        self._show_place()
        self._restoring = True
        self.around_box.setChecked(True)
        self._restoring = False
        self._place_changed()

    def search_place(self) -> None:
        """Commune / INSEE / postal code offline; otherwise the address through the BAN (online)."""
        text = self.place_edit.text().strip()
        if not text:
            return
        places = find_communes(text)
        if places:
            self._offer(places)
            return
        self.place_label.setText(tr("Searching the address online (Base Adresse Nationale)…"))
        geocoder = BanGeocoder(load_settings().ban_url, transport=QgisTransport())
        self._geocode_task = GeocodeTask(text, geocoder.search, self._geocoded)
        QgsApplication.taskManager().addTask(self._geocode_task)

    def _geocoded(self, places: list[Place], error: str) -> None:
        if self._closed:
            return
        self._geocode_task = None
        if error:
            self._show_place()
            self.iface.messageBar().pushMessage(tr("Around…"), error, Qgis.MessageLevel.Warning, 10)
            self.place_label.setText(error)
            return
        if not places:
            self.place_label.setText(tr("No place found for « {text} ».").format(text=self.place_edit.text()))
            return
        self._offer(places)

    def _offer(self, places: list[Place]) -> None:
        if len(places) == 1:
            self.choose_place(places[0])
            return
        self.candidates.clear()
        for place in places:
            item = QListWidgetItem(place.label)
            item.setData(Qt.ItemDataRole.UserRole, place)
            self.candidates.addItem(item)
        self.candidates.show()
        self.place_label.setText(tr("Several places match: choose one."))

    def _candidate_chosen(self, item: QListWidgetItem) -> None:
        self.choose_place(item.data(Qt.ItemDataRole.UserRole))

    def _pick_on_map(self, checked: bool) -> None:
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        if canvas is None:
            return
        if checked:
            self._previous_map_tool = canvas.mapTool()
            self._map_tool = QgsMapToolEmitPoint(canvas)
            self._map_tool.canvasClicked.connect(self._map_clicked)
            self._map_tool.deactivated.connect(lambda: self.pick_button.setChecked(False))
            canvas.setMapTool(self._map_tool)
        elif self._map_tool is not None and canvas.mapTool() is self._map_tool:
            canvas.unsetMapTool(self._map_tool)
            if self._previous_map_tool is not None:
                canvas.setMapTool(self._previous_map_tool)

    def _map_clicked(self, point, _button=None) -> None:
        canvas = self.iface.mapCanvas()
        transform = QgsCoordinateTransform(canvas.mapSettings().destinationCrs(), WGS84, QgsProject.instance())
        wgs = transform.transform(point)
        label = tr("point clicked on the map")
        self.pick_button.setChecked(False)
        self.choose_place(Place(label, round(wgs.y(), 6), round(wgs.x(), 6), "point"))
