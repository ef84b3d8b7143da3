""" "Exporter la sélection filtrée": the lieux of the current filter, in the order of the result list, through
the plugin's conformant export (``import_export.export_records``: CSV, JSON or GeoJSON by extension, schema
order, validation of what was written) in a background task, with the standard's recommended file name and
the same summary in the message bar as "Exporter un fichier conforme…".
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis
from qgis.PyQt.QtWidgets import QFileDialog, QWidget

from ..core.export_name import available_path, suggested_export_name
from ..core.i18n import translate
from ..core.orientation import QueryResult
from ..qgis.import_export import export_records
from ..qgis.orientation_layer import LayerIndex
from ..qgis.tasks import LieuxTask, start_task, user_message
from ..toolbelt.log import PlgLogger
from ..toolbelt.settings import load_settings
from .lieux_files import show_summary

CTX = "OrientationExport"


def _tr(text: str) -> str:
    return translate(CTX, text)


def filtered_records(index: LayerIndex, result: QueryResult) -> list[dict[str, str]]:
    """The records of the filter in the order of the result list (distance, or name)."""
    return [index.records[position] for position in result.ranked()]


def suggested_path(records: list[dict[str, str]], layer=None) -> str:
    settings = load_settings()
    folder = Path.home()
    if layer is not None:
        source = Path(layer.source().split("|")[0])
        if source.parent.is_dir():
            folder = source.parent
    return str(available_path(folder / suggested_export_name(records, settings.producer_id, settings.territory)))


def export_filtered_lieux(
    parent: QWidget, iface, index: LayerIndex, result: QueryResult, layer=None
) -> LieuxTask | None:
    """Ask for a file, then export the filtered lieux in a task; the summary goes to the message bar."""
    if layer is not None and layer.isEditable() and layer.isModified():
        PlgLogger.log(
            _tr("The layer has unsaved edits: the export holds the lieux as last saved."),
            Qgis.MessageLevel.Warning,
            push=True,
        )
    records = filtered_records(index, result)
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        _tr("Export the filtered lieux"),
        suggested_path(records, layer),
        _tr("CSV (*.csv);;JSON (*.json);;GeoJSON (*.geojson)"),
    )
    if not path:
        return None
    return start_export(iface, records, path, layer.name() if layer is not None else "")


def start_export(iface, records: list[dict[str, str]], path: str, source: str = "") -> LieuxTask:
    title = _tr("Export the filtered lieux")

    def done(summary, error) -> None:
        if error is not None:
            iface.messageBar().pushMessage(title, user_message(error), Qgis.MessageLevel.Critical)
            return
        level = Qgis.MessageLevel.Success if summary.conformant else Qgis.MessageLevel.Warning
        show_summary(iface, summary.headline(), summary.details(), level, title)

    task = LieuxTask(
        translate("OrientationExport", "Export to {name}").format(name=Path(path).name),
        lambda progress, canceled: export_records(records, path, source=source, is_canceled=canceled),
        done,
    )
    return start_task(task)
