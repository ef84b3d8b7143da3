"""``mednum:validate`` — validate lieux (a layer or a file) against the national standard.

INPUT is a feature source parameter: the toolbox offers the project's vector layers (with "selected features
only") and a file chooser, and ``qgis_process run mednum:validate -- INPUT=/path/lieux.csv OUTPUT=…`` passes a
path. A path to a file is read by the plugin's own readers (``read_table``: encoding and delimiter
detection, JSON arrays, XLSX, structure checks on the header as written); a layer is read with
``records_from_layer`` (its fields, its edits, its geometry for missing coordinates).
"""

from __future__ import annotations

import math
from operator import attrgetter
from typing import Any

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsWkbTypes,
)

from ..core.csv_safety import defuse_row, is_text_table
from ..core.i18n import translate
from ..qgis import field_types
from ..qgis.layer_records import LayerReadCancelledError, LayerTable, records_from_layer, storage_key_fields
from ..qgis.styles import apply_severity_style
from ..toolbelt.cpp_guard import cpp_override
from .base import FileOrLayerInput, MednumAlgorithm, processing_error

ISSUE_FIELDS = (
    ("row", field_types.INT),
    ("id", field_types.STRING),
    ("field", field_types.STRING),
    ("code", field_types.STRING),
    ("severity", field_types.STRING),
    ("message", field_types.STRING),
    ("value", field_types.STRING),
    ("suggestion", field_types.STRING),
)
_ISSUE_VALUES = attrgetter(*(name for name, _ in ISSUE_FIELDS))  # an issue's attributes in ISSUE_FIELDS order
ISSUE_COUNT = "issue_count"
MAX_SEVERITY = "max_severity"
SEVERITY_RANK = {"warning": 1, "error": 2}


def issue_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind in ISSUE_FIELDS:
        fields.append(field_types.new_field(name, kind))
    return fields


def row_summary(issues) -> dict[int, tuple[int, str]]:
    """{row: (number of issues, highest severity)} for the issues that concern a record."""
    summary: dict[int, tuple[int, str]] = {}
    for issue in issues:
        if issue.row is None:
            continue
        count, severity = summary.get(issue.row, (0, ""))
        if SEVERITY_RANK.get(issue.severity, 0) > SEVERITY_RANK.get(severity, 0):
            severity = issue.severity
        summary[issue.row] = (count + 1, severity)
    return summary


def _coordinate(text: str) -> float | None:
    try:
        value = float(str(text).strip().replace(",", "."))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


class SeverityStyler(QgsProcessingLayerPostProcessorInterface):
    """Styles the FLAGGED layer by max_severity when Processing loads it into the project."""

    instance: SeverityStyler | None = None  # Processing keeps a C++ pointer: keep the Python object alive

    @cpp_override(None)
    def postProcessLayer(self, layer, context, feedback) -> None:
        apply_severity_style(layer)

    @staticmethod
    def create() -> SeverityStyler:
        SeverityStyler.instance = SeverityStyler()
        return SeverityStyler.instance


class ValidateAlgorithm(FileOrLayerInput, MednumAlgorithm):
    INPUT = "INPUT"
    OUTPUT = "OUTPUT"
    FLAGGED = "FLAGGED"
    ROWS = "ROWS"
    ERRORS = "ERRORS"
    WARNINGS = "WARNINGS"
    DUPLICATES = "DUPLICATES"
    GROUP = "validation"

    def name(self) -> str:
        return "validate"

    def displayName(self) -> str:
        return translate("ValidateAlgorithm", "Validate lieux against the national standard")

    def tags(self) -> list[str]:
        return translate("ValidateAlgorithm", "validation,standard,schema,quality,lieux,mednum").split(",")

    def help_text(self) -> str:
        return translate(
            "ValidateAlgorithm",
            "<p>Checks lieux de médiation numérique against the national standard (La MedNum schema v1.0.2): "
            "structure, schema constraints (required fields, types, patterns, list values, unique id) and "
            "quality checks beyond the schema (SIRET, phone numbers, e-mails, opening hours, postal and INSEE "
            "codes, coordinates in France, dates…).</p>"
            "<p><b>Lieux</b>: a vector layer of the project (tick <i>Selected features only</i> to check a "
            "selection) or a file (CSV, XLSX, JSON, GeoJSON, GeoPackage). A file is read by the plugin's own "
            "readers (encoding and separator detection, checks of the header as written); a layer is read from "
            "its fields, and its geometry gives the coordinates when latitude/longitude are empty.</p>"
            "<p><b>Issues</b>: one row per issue with row (position of the lieu, 1 = first), id, field, code, "
            "severity (error or warning), message, value and suggestion (the corrected value when a safe fix "
            "exists). Probable duplicates are looked for as in the validation dock (thresholds of the plugin "
            "settings).</p>"
            "<p><b>Lieux with issue counts</b> (optional): a copy of the input with the fields issue_count and "
            "max_severity, to style or filter the lieux on the map.</p>"
            "<p>Results ROWS, ERRORS, WARNINGS and DUPLICATES (lieux flagged as probable duplicates) give the "
            "counts. Command line: "
            "<code>qgis_process run mednum:validate -- INPUT=lieux.csv OUTPUT=issues.csv</code></p>"
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT,
                translate("ValidateAlgorithm", "Lieux (layer or file)"),
                [QgsProcessing.TypeVector],
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, translate("ValidateAlgorithm", "Issues"), QgsProcessing.TypeVector
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.FLAGGED,
                translate("ValidateAlgorithm", "Lieux with issue counts"),
                QgsProcessing.TypeVectorAnyGeometry,
                optional=True,
                createByDefault=False,
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.ROWS, translate("ValidateAlgorithm", "Number of lieux")))
        self.addOutput(QgsProcessingOutputNumber(self.ERRORS, translate("ValidateAlgorithm", "Number of errors")))
        self.addOutput(
            QgsProcessingOutputNumber(self.WARNINGS, translate("ValidateAlgorithm", "Number of warnings"))
        )
        self.addOutput(
            QgsProcessingOutputNumber(
                self.DUPLICATES, translate("ValidateAlgorithm", "Number of lieux flagged as probable duplicates")
            )
        )

    # ------------------------------------------------------------------ input
    def read_input(self, parameters, context, feedback):
        """(table, source): the records to validate and, for a layer, its feature source."""
        path = self.input_file(parameters, context)
        if path is not None:
            from ..core.errors import MednumError
            from ..core.readers import read_table

            feedback.pushInfo(translate("ValidateAlgorithm", "Reading {path}…").format(path=path))
            try:
                return read_table(path), None
            except MednumError as error:
                raise processing_error(error) from None
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        try:
            layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
            excluded = storage_key_fields(layer)  # the GeoPackage fid is not a column of the lieux
            return records_from_layer(source, feedback=feedback, exclude_fields=excluded), source
        except LayerReadCancelledError:
            return None, source

    # ------------------------------------------------------------------ run
    def processAlgorithm(self, parameters, context, model_feedback):
        self.check_dependencies()
        from ..core.validation.issue_set import issue_counts, issue_options, issue_set
        from ..qgis.live_validation import duplicate_settings

        want_flagged = parameters.get(self.FLAGGED) is not None
        if model_feedback.isCanceled():
            return {}
        feedback = QgsProcessingMultiStepFeedback(4 if want_flagged else 3, model_feedback)

        table, source = self.read_input(parameters, context, feedback)
        if table is None or feedback.isCanceled():
            return {}
        feedback.setCurrentStep(1)
        feedback.pushInfo(translate("ValidateAlgorithm", "Validating {count} lieux…").format(count=table.row_count))
        # the issue set of the dock and of the CLI: duplicates included (the thresholds of the plugin settings)
        report = issue_set(table, options=issue_options(duplicates=duplicate_settings()))
        if feedback.isCanceled():
            return {}

        feedback.setCurrentStep(2)
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, issue_fields(), QgsWkbTypes.NoGeometry, QgsCoordinateReferenceSystem()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        # an issues table written as CSV is opened in a spreadsheet: every text cell defused (never a formula)
        cells = defuse_row if is_text_table(self.parameterAsOutputLayer(parameters, self.OUTPUT, context)) else list
        if not self.write_issues(sink, report.issues, feedback, cells):
            return {}

        results: dict[str, Any] = {self.OUTPUT: dest_id}
        if want_flagged:
            feedback.setCurrentStep(3)
            flagged_id = self.write_flagged(parameters, context, feedback, table, source, report)
            results[self.FLAGGED] = flagged_id
            if flagged_id and context.willLoadLayerOnCompletion(flagged_id):
                context.layerToLoadOnCompletionDetails(flagged_id).setPostProcessor(SeverityStyler.create())

        counts = issue_counts(report)
        results.update({self.ROWS: report.rows, self.ERRORS: counts.total_errors,
                        self.WARNINGS: counts.total_warnings, self.DUPLICATES: counts.duplicates})
        feedback.pushInfo(
            translate("ValidateAlgorithm", "{rows} lieux: {counts}.").format(rows=report.rows, counts=counts.text())
        )
        return results

    ISSUES_PER_STEP = 4096  # issues written between two looks at the cancel button and the progress

    def write_issues(self, sink, issues, feedback, cells=list) -> bool:
        """Write the issues to the sink (``cells``: the attributes' final form); False when canceled.

        One feature object is filled and added again and again: a sink copies what it keeps (implicitly shared
        data, detached when the next issue's attributes are set), and 46,000 QgsFeature objects built from
        Python cost more than the GeoPackage's own inserts."""
        total = len(issues) or 1
        feature = QgsFeature(issue_fields())
        set_attributes, add = feature.setAttributes, sink.addFeature
        fast = QgsFeatureSink.FastInsert
        for start in range(0, len(issues), self.ISSUES_PER_STEP):
            if feedback.isCanceled():
                return False
            feedback.setProgress(100.0 * start / total)
            for values in map(_ISSUE_VALUES, issues[start : start + self.ISSUES_PER_STEP]):
                set_attributes(cells(values))
                add(feature, fast)
        return True

    # ------------------------------------------------------------------ FLAGGED
    def write_flagged(self, parameters, context, feedback, table, source, report) -> str | None:
        summary = row_summary(report.issues)
        if source is not None and isinstance(table, LayerTable):
            return self._flag_layer(parameters, context, feedback, table, source, summary)
        return self._flag_file(parameters, context, feedback, table, summary)

    def _flagged_fields(self, base: QgsFields) -> tuple[QgsFields, int, int]:
        fields = QgsFields(base)
        for name, kind in ((ISSUE_COUNT, field_types.INT), (MAX_SEVERITY, field_types.STRING)):
            if fields.lookupField(name) < 0:
                fields.append(field_types.new_field(name, kind))
        return fields, fields.lookupField(ISSUE_COUNT), fields.lookupField(MAX_SEVERITY)

    def _flag_layer(self, parameters, context, feedback, table, source, summary) -> str:
        fields, count_index, severity_index = self._flagged_fields(source.fields())
        sink, dest_id = self.parameterAsSink(
            parameters, self.FLAGGED, context, fields, source.wkbType(), source.sourceCrs()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.FLAGGED))
        row_of = {fid: position for position, fid in enumerate(table.feature_ids, start=1)}
        total = len(table.feature_ids) or 1
        for index, feature in enumerate(source.getFeatures()):
            if index % 1000 == 0:
                if feedback.isCanceled():
                    break
                feedback.setProgress(100.0 * index / total)
            count, severity = summary.get(row_of.get(feature.id(), -1), (0, None))
            attributes = feature.attributes() + [None] * (fields.count() - len(feature.attributes()))
            attributes[count_index] = count
            attributes[severity_index] = severity or None
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            out.setAttributes(attributes)
            sink.addFeature(out, QgsFeatureSink.FastInsert)
        return dest_id

    def _flag_file(self, parameters, context, feedback, table, summary) -> str:
        base = QgsFields()
        names: list[str] = []
        for name in table.header:
            unique, suffix = name or "field", 2
            while base.lookupField(unique) >= 0:
                unique, suffix = f"{name}_{suffix}", suffix + 1
            base.append(field_types.new_field(unique))
            names.append(name)
        fields, count_index, severity_index = self._flagged_fields(base)
        sink, dest_id = self.parameterAsSink(
            parameters, self.FLAGGED, context, fields, QgsWkbTypes.Point, QgsCoordinateReferenceSystem("EPSG:4326")
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.FLAGGED))
        total = table.row_count or 1
        # issues are numbered by source row (blank rows counted); a row's cells are keyed by column key
        # (a repeated or blank header name has its own key)
        keys = list(table.columns)
        for position, (number, row) in enumerate(zip(table.row_numbers, table.rows), start=1):
            if position % 1000 == 0:
                if feedback.isCanceled():
                    break
                feedback.setProgress(100.0 * position / total)
            count, severity = summary.get(number, (0, None))
            attributes: list[Any] = [row.get(key, "") for key in keys] + [None] * (fields.count() - len(names))
            attributes[count_index] = count
            attributes[severity_index] = severity or None
            out = QgsFeature(fields)
            out.setAttributes(attributes)
            lat, lon = _coordinate(row.get("latitude", "")), _coordinate(row.get("longitude", ""))
            if lat is not None and lon is not None and -90 <= lat <= 90 and -180 <= lon <= 180:
                out.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(lon, lat)))
            sink.addFeature(out, QgsFeatureSink.FastInsert)
        return dest_id
