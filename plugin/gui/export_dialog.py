"""The "Export a conformant file" dialog: which layer, selected lieux only, which file (CSV, JSON or
GeoJSON by its extension), with the file name the standard recommends already filled in (never an existing
file's: a file already there is replaced only after the user says so)."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsFeatureRequest, QgsMapLayerProxyModel, QgsVectorLayer
from qgis.gui import QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ..core.export_name import available_path, producer_needs_setting, suggested_export_name
from ..core.i18n import translate
from ..qgis.import_export import EXPORT_FORMATS
from ..qgis.working_layer import attribute_text

NAME_FIELDS = ("code_postal", "code_insee", "source", "nom", "pivot")


def _default_directory(layer: QgsVectorLayer | None) -> Path:
    if layer is not None:
        source = Path(layer.source().split("|")[0])
        if source.parent.is_dir():
            return source.parent
    return Path.home()


def name_records(layer: QgsVectorLayer | None) -> list[dict[str, str]]:
    """The fields of the lieux of ``layer`` that the recommended name reads."""
    records = []
    if layer is not None:
        names = [n for n in NAME_FIELDS if layer.fields().indexFromName(n) >= 0]
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setSubsetOfAttributes(
            names, layer.fields()
        )
        for feature in layer.getFeatures(request):
            records.append({name: attribute_text(feature[name]) for name in names})
    return records


def suggested_path(layer: QgsVectorLayer | None, producer_id: str = "", territory: str = "",
                   records: list[dict[str, str]] | None = None) -> str:
    """Recommended name, in the folder of the layer's file, from the lieux of ``layer``; a free name (``_2``…)
    when a file already has it."""
    records = name_records(layer) if records is None else records
    return str(available_path(_default_directory(layer) / suggested_export_name(records, producer_id, territory)))


class ExportDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, layer: QgsVectorLayer | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("ExportDialog", "Export a conformant file"))
        self.setMinimumWidth(680)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.layer_combo = QgsMapLayerComboBox(self)
        self.layer_combo.setFilters(QgsMapLayerProxyModel.Filter.PointLayer)  # lieux are points: no tables, no polygons
        if layer is not None:
            self.layer_combo.setLayer(layer)
        form.addRow(translate("ExportDialog", "Lieux"), self.layer_combo)
        self.selected_box = QCheckBox(translate("ExportDialog", "Selected lieux only"), self)
        form.addRow("", self.selected_box)
        self.source_columns_box = QCheckBox(
            translate("ExportDialog", "Also export the source columns (colonnes_source)"), self
        )
        self.source_columns_box.setToolTip(
            translate(
                "ExportDialog",
                "Adds, after the 32 fields of the standard, the columns of the source that are not fields of the "
                "standard (kept aside at the import)."
            )
        )
        form.addRow("", self.source_columns_box)
        self.defuse_box = QCheckBox(translate("ExportDialog", "CSV for a spreadsheet (formulas defused)"), self)
        self.defuse_box.setToolTip(
            translate(
                "ExportDialog",
                "Cells starting with = + - or @ get a leading apostrophe, so that a spreadsheet shows them instead "
                "of running them as formulas. For a file read by people; leave unchecked for a file to publish."
            )
        )
        form.addRow("", self.defuse_box)
        self.file_widget = QgsFileWidget(self)
        self.file_widget.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.file_widget.setFilter(
            translate("ExportDialog", "CSV (*.csv);;JSON (*.json);;GeoJSON (*.geojson)")
        )
        self.file_widget.setDialogTitle(translate("ExportDialog", "File to write"))
        form.addRow(translate("ExportDialog", "File"), self.file_widget)
        layout.addLayout(form)
        note = QLabel(
            translate(
                "ExportDialog",
                "The format follows the extension: .csv (the standard's CSV: UTF-8, comma, “|” lists), .json "
                "(array of records) or .geojson (points). The suggested name follows the standard's "
                "recommendation: date_producer_lieux-de-mediation-numerique_territory. The export reports the "
                "validation of what it wrote."
            ),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.producer_hint = QLabel(
            translate(
                "ExportDialog",
                "The standard names the file after the producer's SIREN: set it in Settings › Lieux de médiation "
                "numérique › “Producer identifier (exports)”; until then the name uses the collecting structure.",
            ),
            self,
        )
        self.producer_hint.setWordWrap(True)
        self.producer_hint.setStyleSheet("color: #8a5a00;")
        self.producer_hint.hide()
        layout.addWidget(self.producer_hint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("ExportDialog", "Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.layer_combo.layerChanged.connect(self._layer_changed)
        self.file_widget.fileChanged.connect(self._update_ok)
        self._layer_changed(self.layer_combo.currentLayer())

    def _settings(self) -> tuple[str, str]:
        from ..toolbelt.settings import load_settings

        settings = load_settings()
        return settings.producer_id, settings.territory

    def _layer_changed(self, layer) -> None:
        has_selection = isinstance(layer, QgsVectorLayer) and layer.selectedFeatureCount() > 0
        self.selected_box.setEnabled(has_selection)
        self.selected_box.setChecked(has_selection and self.selected_box.isChecked())
        if has_selection:
            self.selected_box.setText(
                translate("ExportDialog", "Selected lieux only ({n})").format(n=layer.selectedFeatureCount())
            )
        if isinstance(layer, QgsVectorLayer):
            producer_id, territory = self._settings()
            records = name_records(layer)
            self.file_widget.setFilePath(suggested_path(layer, producer_id, territory, records))
            self.producer_hint.setVisible(producer_needs_setting(producer_id, records))
        self._update_ok()

    def accept(self) -> None:
        """Export, after asking before replacing a file that exists."""
        path = Path(self.output_path())
        if path.exists():
            answer = QMessageBox.question(
                self,
                translate("ExportDialog", "Export a conformant file"),
                translate("ExportDialog", "{name} already exists. Replace it?").format(name=path.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                self.file_widget.setFilePath(str(available_path(path)))
                return
        super().accept()

    def _update_ok(self, *_args) -> None:
        path = self.output_path()
        ok = isinstance(self.layer_combo.currentLayer(), QgsVectorLayer) and Path(path).suffix.lower() in EXPORT_FORMATS
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def selected_layer(self) -> QgsVectorLayer:
        return self.layer_combo.currentLayer()

    def selected_only(self) -> bool:
        return self.selected_box.isEnabled() and self.selected_box.isChecked()

    def output_path(self) -> str:
        return self.file_widget.filePath()

    def source_columns(self) -> bool:
        return self.source_columns_box.isChecked()

    def defuse_formulas(self) -> bool:
        return self.defuse_box.isChecked() and Path(self.output_path()).suffix.lower() == ".csv"
