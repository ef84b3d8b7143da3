"""The "Pull lieux from an API" dialog: source, territory (searched in the bundled reference), destination.

The dialog only collects a :class:`PullRequest`; :mod:`.api_pull` runs it. It is shown non-modal (``open()``)
so that tests drive it like a user: type in the territory box, pick a completion, click "Pull".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qgis.core import QgsProject, QgsVectorLayer
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import QStringListModel, Qt
from qgis.PyQt.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..api.errors import ConfigurationError
from ..api.sources import PULL_SOURCES, SOURCES
from ..api.territory import Territory, TerritorySearch, default_search, resolve_territory, territory_code
from ..core.i18n import translate
from ..qgis.pull_merge import can_merge_into

NEW_FILE, MERGE = "new", "merge"


def _tr(text: str) -> str:
    return translate("PullDialog", text)


@dataclass
class PullRequest:
    source: str  # data-inclusion | dora | carto
    territory: Territory
    destination: str  # NEW_FILE | MERGE
    output: str = ""  # NEW_FILE: the GeoPackage to write
    layer_id: str = ""  # MERGE: the working layer
    territory_text: str = ""  # what the territory box held (the dialog shows it again next time)


class PullDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, active_layer=None, search: TerritorySearch | None = None,
                 previous: PullRequest | None = None):
        """``previous``: the last request of the session (after a failure, the user corrects it rather than
        typing it again): its source, territory and destination are filled in."""
        super().__init__(parent)
        self.search = search or default_search()
        self.territory: Territory | None = None
        self.setWindowTitle(_tr("Pull lieux from an API"))
        self.setMinimumWidth(640)  # the French texts of the radio buttons fit
        layout = QVBoxLayout(self)

        what = QGroupBox(_tr("What to pull"))
        form = QFormLayout(what)
        self.source_combo = QComboBox()
        for key in PULL_SOURCES:
            self.source_combo.addItem(SOURCES[key].label, key)
        self.source_combo.setToolTip(_tr(
            "data·inclusion: structures with numérique services (API v1); DORA: structures and services (API v2), "
            "filtered here by territory; Cartographie nationale: the lieux de médiation numérique already merged."))
        form.addRow(_tr("Source"), self.source_combo)

        self.territory_edit = QLineEdit()
        self.territory_edit.setPlaceholderText(_tr("Département, EPCI or commune: a name or a code"))
        self.territory_edit.setClearButtonEnabled(True)
        self.completion_model = QStringListModel(self)
        self.completer = QCompleter(self.completion_model, self)
        # the model is the search result
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(12)
        self.territory_edit.setCompleter(self.completer)
        form.addRow(_tr("Territory"), self.territory_edit)
        self.territory_status = QLabel()
        self.territory_status.setWordWrap(True)
        form.addRow("", self.territory_status)
        layout.addWidget(what)

        where = QGroupBox(_tr("Where to put the lieux"))
        where_layout = QVBoxLayout(where)
        self.destination_group = QButtonGroup(self)
        self.new_radio = QRadioButton(_tr("Into a new working GeoPackage (added to the project)"))
        self.output_widget = QgsFileWidget()
        self.output_widget.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.output_widget.setFilter(_tr("GeoPackage (*.gpkg)"))
        self.output_widget.setDialogTitle(_tr("Working GeoPackage to create"))
        self.merge_radio = QRadioButton(_tr("Merged into a working layer of the project"))
        self.layer_combo = QComboBox()
        merge_help = QLabel(_tr(
            "Lieux are matched by id, then by SIRET/RNA (pivot) within 100 m. A lieu you edited (unsaved, or "
            "changed since the last pull) is never overwritten without asking: you choose, lieu by lieu. The merge "
            "is one edit (Ctrl+Z undoes it) and is kept when you save the layer."))
        merge_help.setWordWrap(True)
        merge_help.setMinimumHeight(merge_help.heightForWidth(420))  # a wrapped label in a group box: no cut
        for button, key in ((self.new_radio, NEW_FILE), (self.merge_radio, MERGE)):
            self.destination_group.addButton(button)
            button.setProperty("destination", key)
        where_layout.addWidget(self.new_radio)
        where_layout.addWidget(self.output_widget)
        where_layout.addWidget(self.merge_radio)
        where_layout.addWidget(self.layer_combo)
        where_layout.addWidget(merge_help)
        layout.addWidget(where)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.pull_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.pull_button.setText(_tr("Pull"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self._fill_layers(active_layer)
        self.territory_edit.textEdited.connect(self._on_text_edited)
        self.territory_edit.textChanged.connect(self._update)
        self.completer.activated[str].connect(self._on_completion)
        self.output_widget.fileChanged.connect(self._update)
        self.destination_group.buttonToggled.connect(self._update)
        self.layer_combo.currentIndexChanged.connect(self._update)
        # a new file unless the user merged last time: a pull never merges into the active layer by surprise
        self.new_radio.setChecked(True)
        if previous is not None:
            self._restore(previous)
        self._update()

    def _restore(self, previous: PullRequest) -> None:
        index = self.source_combo.findData(previous.source)
        if index >= 0:
            self.source_combo.setCurrentIndex(index)
        self.territory_edit.setText(previous.territory_text or previous.territory.label)
        if previous.output:
            self.output_widget.setFilePath(previous.output)
        if previous.destination == MERGE:
            index = self.layer_combo.findData(previous.layer_id)
            if index >= 0 and self.merge_radio.isEnabled():
                self.layer_combo.setCurrentIndex(index)
                self.merge_radio.setChecked(True)

    # ── territory ───────────────────────────────────────────────────────────────────────────────────────

    def _on_text_edited(self, text: str) -> None:
        self.completion_model.setStringList([choice.label for choice in self.search.search(text)])

    def _on_completion(self, label: str) -> None:
        self.territory_edit.setText(label)

    def set_territory_text(self, text: str) -> None:
        """As if the user typed ``text`` (the completion list follows)."""
        self.territory_edit.setText(text)
        self._on_text_edited(text)

    def completions(self) -> list[str]:
        return self.completion_model.stringList()

    def _resolve(self) -> Territory | None:
        text = self.territory_edit.text().strip()
        if not text:
            self.territory_status.setText(_tr("Type a name or a code, then choose in the list."))
            self.territory_status.setStyleSheet("")
            return None
        try:
            territory = resolve_territory(territory_code(text))
        except ConfigurationError as error:
            self.territory_status.setText(error.message)
            self.territory_status.setStyleSheet("color: #b00020;")
            return None
        self.territory_status.setText("✓ " + territory.label)
        self.territory_status.setStyleSheet("color: #1b7a2f;")
        return territory

    # ── destination ─────────────────────────────────────────────────────────────────────────────────────

    def _fill_layers(self, active_layer) -> None:
        layers = [layer for layer in QgsProject.instance().mapLayers().values() if can_merge_into(layer)]
        for layer in sorted(layers, key=lambda item: item.name().lower()):
            self.layer_combo.addItem(layer.name(), layer.id())
        if active_layer is not None:
            index = self.layer_combo.findData(active_layer.id())
            if index >= 0:
                self.layer_combo.setCurrentIndex(index)
        if not layers:
            self.merge_radio.setEnabled(False)
            self.merge_radio.setToolTip(_tr("No working layer saved in a GeoPackage in the project."))

    def destination(self) -> str:
        return MERGE if self.merge_radio.isChecked() else NEW_FILE

    def output_path(self) -> str:
        path = self.output_widget.filePath().strip()
        if path and Path(path).suffix.lower() != ".gpkg":
            path += ".gpkg"
        return path

    def merge_layer(self) -> QgsVectorLayer | None:
        layer_id = self.layer_combo.currentData()
        return QgsProject.instance().mapLayer(layer_id) if layer_id else None

    def _update(self, *_args) -> None:
        self.territory = self._resolve()
        merge = self.destination() == MERGE
        self.output_widget.setEnabled(not merge)
        self.layer_combo.setEnabled(merge)
        ready = self.territory is not None and (self.merge_layer() is not None if merge else bool(self.output_path()))
        self.pull_button.setEnabled(ready)

    def request(self) -> PullRequest | None:
        """What the user asked for (None while the dialog is incomplete)."""
        self._update()
        if not self.pull_button.isEnabled() or self.territory is None:
            return None
        source = self.source_combo.currentData()
        text = self.territory_edit.text().strip()
        if self.destination() == MERGE:
            return PullRequest(source, self.territory, MERGE, output=self.output_path(),
                               layer_id=self.merge_layer().id(), territory_text=text)
        return PullRequest(source, self.territory, NEW_FILE, output=self.output_path(), territory_text=text)
