""" "Exporter la sélection filtrée": the lieux of the current filter, ranked, to a conformant file.

The file is written by the core writers (schema header order, UTF-8, ``|`` lists; CSV, JSON or GeoJSON by
extension) and validated by the validation engine, whose summary the user reads in the message bar.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from qgis.core import Qgis
from qgis.PyQt.QtWidgets import QFileDialog, QWidget

from ..core.errors import MednumError
from ..core.i18n import translate
from ..core.orientation import QueryResult
from ..core.validation import validate_records
from ..core.writers import write_records
from ..qgis.orientation_layer import LayerIndex
from ..toolbelt.log import PlgLogger

CTX = "OrientationExport"


def _tr(text: str) -> str:
    return translate(CTX, text)


def filtered_records(index: LayerIndex, result: QueryResult) -> list[dict[str, str]]:
    """The records of the filter in the order of the result list (distance, or name)."""
    return [index.records[position] for position in result.ranked()]


def suggested_file_name(today: dt.date | None = None) -> str:
    """The standard's naming recommendation, with "orientation" as territory placeholder."""
    today = today or dt.date.today()
    return f"{today.isoformat()}_lieux-de-mediation-numerique_orientation.csv"


def export_records(path: str | Path, records: list[dict[str, str]]) -> tuple[Path, str]:
    """Write ``records`` to ``path`` and return (path, validation summary in words)."""
    target = write_records(path, records)
    report = validate_records(records)
    summary = _tr("{count} lieux written to {name}: {errors} errors, {warnings} warnings.").format(
        count=len(records), name=target.name, errors=report.errors, warnings=report.warnings
    )
    return target, summary


def export_filtered_lieux(parent: QWidget, index: LayerIndex, result: QueryResult, layer=None) -> Path | None:
    """Ask for a file, write the filtered lieux, report in the message bar."""
    if layer is not None and layer.isEditable() and layer.isModified():
        PlgLogger.log(
            _tr("The layer has unsaved edits: the export holds the lieux as last saved."),
            Qgis.MessageLevel.Warning,
            push=True,
        )
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        _tr("Export the filtered lieux"),
        suggested_file_name(),
        _tr("CSV (*.csv);;JSON (*.json);;GeoJSON (*.geojson)"),
    )
    if not path:
        return None
    try:
        target, summary = export_records(path, filtered_records(index, result))
    except MednumError as error:
        PlgLogger.log(error.message, Qgis.MessageLevel.Critical, push=True)
        return None
    PlgLogger.log(summary, Qgis.MessageLevel.Success, push=True)
    return target
