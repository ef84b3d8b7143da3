"""The presets of the Orientation dock: filters saved with the project (``qgis.orientation_layer``), chosen,
saved under a name, replaced after a question, deleted.

A mixin of :class:`~.orientation_dock.OrientationDock` (it reads and sets the dock's ``query``).
"""

from __future__ import annotations

from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QComboBox, QHBoxLayout, QInputDialog, QLabel, QMessageBox, QToolButton, QWidget

from ..core.i18n import translate
from ..qgis import orientation_layer as ol

CTX = "OrientationDock"


def tr(text: str) -> str:
    return translate(CTX, text)


class Presets:
    """Builds the row of presets (:meth:`_build_presets_row`) and handles its actions."""

    def _build_presets_row(self, body: QWidget) -> QHBoxLayout:
        """The row of presets: the saved filters of the project, save, delete."""
        presets = QHBoxLayout()
        presets.addWidget(QLabel(tr("Preset:"), body))
        self.preset_combo = QComboBox(body)
        self.preset_combo.setObjectName("mednumOrientationPresets")
        self.preset_combo.setToolTip(tr("Filters saved with the project"))
        self.preset_combo.activated.connect(self._preset_chosen)
        presets.addWidget(self.preset_combo, 1)
        self.save_preset_button = QToolButton(body)
        self.save_preset_button.setIcon(QgsApplication.getThemeIcon("/mActionFileSave.svg"))
        self.save_preset_button.setToolTip(tr("Save the current filter as a preset of the project…"))
        self.save_preset_button.clicked.connect(self.save_preset_interactively)
        presets.addWidget(self.save_preset_button)
        self.delete_preset_button = QToolButton(body)
        self.delete_preset_button.setIcon(QgsApplication.getThemeIcon("/mActionDeleteSelected.svg"))
        self.delete_preset_button.setToolTip(tr("Delete the chosen preset"))
        self.delete_preset_button.clicked.connect(self.delete_current_preset)
        presets.addWidget(self.delete_preset_button)
        return presets

    def _reload_presets(self, select: str = "") -> None:
        presets = ol.load_presets()
        self.preset_combo.blockSignals(True)
        self.preset_combo.clear()
        self.preset_combo.addItem(tr("— choose a saved filter —"), None)
        for name in presets:
            self.preset_combo.addItem(name, name)
        if select:
            self.preset_combo.setCurrentIndex(max(0, self.preset_combo.findData(select)))
        self.preset_combo.blockSignals(False)

    def save_preset(self, name: str) -> None:
        presets = ol.load_presets()
        presets[name] = self.query
        ol.save_presets(presets)
        self._reload_presets(select=name)

    def save_preset_interactively(self) -> None:
        name, ok = QInputDialog.getText(self, tr("Save the filter"), tr("Name of the preset:"))
        name = name.strip()
        if not ok or not name:
            return
        if name in ol.load_presets():
            answer = QMessageBox.question(
                self, tr("Save the filter"), tr("Replace the preset « {name} »?").format(name=name)
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.save_preset(name)

    def delete_current_preset(self) -> None:
        name = self.preset_combo.currentData()
        if not name:
            return
        presets = ol.load_presets()
        presets.pop(name, None)
        ol.save_presets(presets)
        self._reload_presets()

    def apply_preset(self, name: str) -> None:
        preset = ol.load_presets().get(name)
        if preset is None:
            return
        self.place = None
        self.set_query(preset)

    def _preset_chosen(self, _index: int) -> None:
        name = self.preset_combo.currentData()
        if name:
            self.apply_preset(name)
