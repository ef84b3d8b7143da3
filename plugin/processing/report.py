"""``mednum:report`` — the producers' report of lieux (a layer or a file): HTML or CSV, duplicates included.

The same report as the validation dock's "Report" button (:mod:`..core.producer_report`): every rule of
the engine plus probable duplicates (thresholds from the plugin settings), a summary by rule and by commune,
the lieux with the most issues, each issue with its value and suggested fix. When the lieux come from a
working GeoPackage, the issues accepted in the dock are set apart with their reason.

``qgis_process run mednum:report -- INPUT=lieux.csv OUTPUT=rapport.html``
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
)

from ..core.i18n import translate
from ..qgis.layer_records import LayerTable
from .base import processing_error
from .validate import ValidateAlgorithm


class ReportAlgorithm(ValidateAlgorithm):
    """Reads INPUT like ``mednum:validate`` (layer or file, the plugin's readers for files)."""

    INPUT = "INPUT"
    OUTPUT = "OUTPUT"
    DUPLICATES = "DUPLICATES"
    ACCEPTED = "ACCEPTED"
    GROUP = "validation"

    def name(self) -> str:
        return "report"

    def displayName(self) -> str:
        return translate("ReportAlgorithm", "Report of issues for the producers")

    def tags(self) -> list[str]:
        return translate("ReportAlgorithm", "report,producer,issues,duplicates,html,csv,validation").split(",")

    def help_text(self) -> str:
        return translate(
            "ReportAlgorithm",
            "<p>Writes the report to hand to the producers of lieux de médiation numérique: every issue found by "
            "the validation engine (the national standard's schema and the quality rules) plus the <b>probable "
            "duplicates</b> (same pivot nearby, same name and address within 100 m, same name within 30 m; "
            "thresholds in the plugin settings).</p>"
            "<p><b>Lieux</b>: a vector layer or a file (CSV, XLSX, JSON, GeoJSON, GeoPackage). When it is a working "
            "GeoPackage, the issues accepted in the validation dock are listed apart with their reason and not "
            "counted.</p>"
            "<p><b>Report</b>: a <code>.html</code> file (printable page in French: summary by rule and by commune, "
            "lieux with the most issues, each issue with its current value and suggested fix) or a <code>.csv</code> "
            "file (one row per issue: row, id, nom, commune, field, code, severity, rule, message, value, "
            "suggestion, status, reason).</p>"
            "<p>Command line: <code>qgis_process run mednum:report -- INPUT=lieux.csv OUTPUT=rapport.html</code></p>"
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, translate("ReportAlgorithm", "Lieux (layer or file)"), [QgsProcessing.SourceType.TypeVector]
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT,
                translate("ReportAlgorithm", "Report (.html or .csv)"),
                translate("ReportAlgorithm", "HTML report (*.html);;CSV file (*.csv)"),
            )
        )
        for name, label in (
            (self.ROWS, translate("ReportAlgorithm", "Number of lieux")),
            (self.ERRORS, translate("ReportAlgorithm", "Number of errors")),
            (self.WARNINGS, translate("ReportAlgorithm", "Number of warnings")),
            (self.DUPLICATES, translate("ReportAlgorithm", "Lieux flagged as probable duplicates")),
            (self.ACCEPTED, translate("ReportAlgorithm", "Accepted issues (not counted)")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def _acceptances(self, parameters, context, table):
        """(acceptance book or None, row → lieu key) for a working GeoPackage input."""
        from ..core.acceptances import AcceptanceBook, GeoPackageAcceptanceStore
        from ..qgis.live_validation import geopackage_path

        path = None
        lieu_of_row = None
        if isinstance(table, LayerTable):
            layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
            path = geopackage_path(layer) if layer is not None else None
            ids = table.feature_ids
            lieu_of_row = lambda row: ids[row - 1] if 0 < row <= len(ids) else None  # noqa: E731
        else:
            source = self.input_file(parameters, context)
            if source is not None and source.suffix.lower() == ".gpkg":
                path = str(source)
                lieu_of_row = lambda row: row  # noqa: E731 (GeoPackage rows are numbered by fid)
        if not path or not Path(path).is_file():
            return None, None
        book = AcceptanceBook(GeoPackageAcceptanceStore(path))
        return (book if len(book) else None), lieu_of_row

    def processAlgorithm(self, parameters, context, feedback):
        self.check_dependencies()
        from ..core.errors import MednumError
        from ..core.producer_report import (
            REPORT_EXTENSIONS,
            lieux_of,
            lieux_of_table,
            report_options,
            split_accepted,
            write_report,
        )
        from ..core.validation.issue_set import issue_counts, issue_set
        from ..qgis.live_validation import duplicate_settings

        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if Path(output).suffix.lower() not in REPORT_EXTENSIONS:
            raise QgsProcessingException(
                translate("ReportAlgorithm", "The report must be a .html or .csv file (not “{name}”).").format(
                    name=Path(output).name
                )
            )
        table, _source = self.read_input(parameters, context, feedback)
        if table is None or feedback.isCanceled():
            return {}
        feedback.setProgress(40)
        message = translate("ReportAlgorithm", "Validating {count} lieux (duplicates included)…")
        feedback.pushInfo(message.format(count=table.row_count))
        report = issue_set(table, options=report_options(duplicate_settings()))
        if feedback.isCanceled():
            return {}
        feedback.setProgress(80)
        book, lieu_of_row = self._acceptances(parameters, context, table)
        report, accepted = split_accepted(report, book, lieu_of_row) if book is not None else (report, [])
        if isinstance(table, LayerTable):
            lieux = lieux_of(table.rows)
        else:
            lieux = lieux_of_table(table)
        source_name = self.input_file(parameters, context)
        try:
            write_report(output, report, lieux, accepted, source=str(source_name or report.source or ""))
        except MednumError as error:
            raise processing_error(error) from None
        duplicates = issue_counts(report).duplicates
        feedback.pushInfo(
            translate(
                "ReportAlgorithm",
                "{rows} lieux: {errors} errors, {warnings} warnings ({duplicates} probable duplicates), "
                "{accepted} accepted issues. Report: {path}",
            ).format(
                rows=report.rows, errors=report.errors, warnings=report.warnings, duplicates=duplicates,
                accepted=len(accepted), path=output,
            )
        )
        feedback.setProgress(100)
        return {
            self.OUTPUT: output,
            self.ROWS: report.rows,
            self.ERRORS: report.errors,
            self.WARNINGS: report.warnings,
            self.DUPLICATES: duplicates,
            self.ACCEPTED: len(accepted),
        }
