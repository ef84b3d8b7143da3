"""``mednum:import`` (a file of lieux → a working GeoPackage) and ``mednum:export`` (lieux → a conformant file).

Command line::

    qgis_process run mednum:import -- INPUT=lieux.xlsx OUTPUT=travail.gpkg
    qgis_process run mednum:import -- INPUT=hub.xlsx MAPPING=hub.config.json SOURCE_NAME=hub-sud OUTPUT=travail.gpkg
    qgis_process run mednum:export -- INPUT=travail.gpkg OUTPUT=2024-04-02_siren_lieux-de-mediation-numerique_13.csv
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..core.i18n import translate
from ..qgis.import_export import INPUT_EXTENSIONS, export_records, import_lieux, records_of_file
from ..qgis.working_layer import (
    WORKING_TABLE,
    default_layer_name,
    geopackage_table,
    gpkg_uri,
    is_working_layer,
    records_from_layer,
    source_records,
)
from .base import FileOrLayerInput, MednumAlgorithm, processing_error


def _raise(error: Exception) -> None:
    raise processing_error(error) from None


class ImportLieuxAlgorithm(MednumAlgorithm):
    INPUT, OUTPUT, REPLACE = "INPUT", "OUTPUT", "REPLACE"
    MAPPING, SOURCE_NAME, GEOCODE = "MAPPING", "SOURCE_NAME", "GEOCODE"
    LIEUX, WITHOUT_COORDINATES, EXTRA_COLUMNS = "LIEUX", "WITHOUT_COORDINATES", "EXTRA_COLUMNS"
    ERRORS, WARNINGS = "ERRORS", "WARNINGS"
    GROUP = "import"

    def name(self) -> str:
        return "import"

    def displayName(self) -> str:
        return translate("ImportLieuxAlgorithm", "Open a lieux file as a working layer")

    def tags(self) -> list[str]:
        return translate("ImportLieuxAlgorithm", "import,open,geopackage,form,lieux,mednum").split(",")

    def help_text(self) -> str:
        return translate(
            "ImportLieuxAlgorithm",
            "<p>Reads a file of lieux de médiation numérique (CSV, XLSX, JSON, GeoJSON or GeoPackage) into a new "
            "<b>working GeoPackage</b>: a point layer (EPSG:4326, from latitude/longitude) holding exactly the "
            "32 fields of the standard in their conformant form (lists as <code>a|b</code>, ISO dates), with the "
            "standard's edit form and a style stored as the layer's default style.</p>"
            "<p>Lieux without valid coordinates are kept without a point and listed in the log. Source columns "
            "that are not fields of the standard are kept in the table <code>colonnes_source</code> of the "
            "GeoPackage, linked by id. The source file is never modified.</p>"
            "<p>Results: LIEUX, WITHOUT_COORDINATES, EXTRA_COLUMNS (names), ERRORS and WARNINGS (validation).</p>"
            "<p><b>MAPPING</b> (optional): a mapping profile in mednum-cli's configuration grammar "
            "(<code>&lt;source&gt;.config.json</code>) for a Hub's file whose columns are not the standard's; "
            "<b>SOURCE_NAME</b> then makes the ids <code>&lt;source&gt;_&lt;id&gt;</code> as mednum-cli does. "
            "Lieux without coordinates are placed at their commune's centre (approximate, listed in the log), "
            "or first geocoded with the Base Adresse Nationale when <b>GEOCODE</b> is checked. Every value the "
            "mapping changed is listed in the log.</p>"
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:
        extensions = " ".join(f"*{e}" for e in INPUT_EXTENSIONS)
        self.addParameter(
            QgsProcessingParameterFile(
                self.INPUT,
                translate("ImportLieuxAlgorithm", "File of lieux"),
                fileFilter=translate("ImportLieuxAlgorithm", "Lieux files ({patterns})").format(patterns=extensions),
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT,
                translate("ImportLieuxAlgorithm", "Working GeoPackage"),
                translate("ImportLieuxAlgorithm", "GeoPackage (*.gpkg)"),
            )
        )
        mapping = QgsProcessingParameterFile(
            self.MAPPING,
            translate("ImportLieuxAlgorithm", "Mapping profile (mednum-cli configuration)"),
            fileFilter=translate("ImportLieuxAlgorithm", "Mapping profiles (*.json)"),
            optional=True,
        )
        self.addParameter(mapping)
        self.addParameter(
            QgsProcessingParameterString(
                self.SOURCE_NAME, translate("ImportLieuxAlgorithm", "Source name (ids <source>_<id>)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.GEOCODE,
                translate("ImportLieuxAlgorithm", "Geocode lieux without coordinates (Base Adresse Nationale)"),
                defaultValue=False,
                optional=True,
            )
        )
        from .team_algorithms import add_database_parameters

        add_database_parameters(self, optional=True, advanced=True)
        replace = QgsProcessingParameterBoolean(
            self.REPLACE, translate("ImportLieuxAlgorithm", "Replace the lieux of the team database"), False,
            optional=True)
        replace.setFlags(replace.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(replace)
        self.addOutput(QgsProcessingOutputNumber(self.LIEUX, translate("ImportLieuxAlgorithm", "Number of lieux")))
        self.addOutput(
            QgsProcessingOutputNumber(
                self.WITHOUT_COORDINATES, translate("ImportLieuxAlgorithm", "Lieux without coordinates")
            )
        )
        self.addOutput(
            QgsProcessingOutputString(self.EXTRA_COLUMNS, translate("ImportLieuxAlgorithm", "Columns kept aside"))
        )
        self.addOutput(QgsProcessingOutputNumber(self.ERRORS, translate("ImportLieuxAlgorithm", "Number of errors")))
        self.addOutput(
            QgsProcessingOutputNumber(self.WARNINGS, translate("ImportLieuxAlgorithm", "Number of warnings"))
        )

    def processAlgorithm(self, parameters, context, feedback):
        self.check_dependencies()
        source = self.parameterAsFile(parameters, self.INPUT, context)
        from .team_algorithms import team_database

        team = team_database(self, parameters, context, required=False)
        if team is not None:
            output = team
        else:
            output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
            if not output.lower().endswith(".gpkg"):
                output = str(Path(output).with_suffix(".gpkg"))
        mapping = self.parameterAsFile(parameters, self.MAPPING, context) or None
        source_name = self.parameterAsString(parameters, self.SOURCE_NAME, context) or ""
        geocode = None
        if mapping and self.parameterAsBoolean(parameters, self.GEOCODE, context):
            from ..api.ban import BanGeocoder
            from ..qgis.network import QgisTransport

            geocode = BanGeocoder(transport=QgisTransport(feedback)).geocode_csv
        feedback.pushInfo(translate("ImportLieuxAlgorithm", "Reading {path}…").format(path=source))
        try:
            summary = import_lieux(
                source, output, feedback.setProgress, feedback.isCanceled,
                mapping=mapping, source_name=source_name, geocode=geocode,
                replace=self.parameterAsBoolean(parameters, self.REPLACE, context),
            )
        except Exception as error:  # noqa: BLE001 (every plugin error becomes a French message)
            _raise(error)
        for line in summary.details().splitlines():
            feedback.pushInfo(line)
        if team is not None:  # the team layer (its form and style come from layer_styles)
            output = summary.output
            details = QgsProcessingContext.LayerDetails(team.default_layer_name(), context.project(), self.OUTPUT)
            context.addLayerToLoadOnCompletion("postgres://" + team.layer_uri().uri(False), details)
        else:
            details = QgsProcessingContext.LayerDetails(default_layer_name(output), context.project(), self.OUTPUT)
            context.addLayerToLoadOnCompletion(gpkg_uri(output, WORKING_TABLE), details)
        return {
            self.OUTPUT: output,
            self.LIEUX: summary.lieux,
            self.WITHOUT_COORDINATES: len(summary.without_point),
            self.EXTRA_COLUMNS: ", ".join(summary.extra_columns),
            self.ERRORS: summary.errors,
            self.WARNINGS: summary.warnings,
        }


class ExportLieuxAlgorithm(FileOrLayerInput, MednumAlgorithm):
    INPUT, OUTPUT, SELECTED_ONLY, SOURCE_COLUMNS = "INPUT", "OUTPUT", "SELECTED_ONLY", "SOURCE_COLUMNS"
    DEFUSE_FORMULAS = "DEFUSE_FORMULAS"
    LIEUX, ERRORS, WARNINGS = "LIEUX", "ERRORS", "WARNINGS"
    GROUP = "export"

    def name(self) -> str:
        return "export"

    def displayName(self) -> str:
        return translate("ExportLieuxAlgorithm", "Export a conformant file")

    def tags(self) -> list[str]:
        return translate("ExportLieuxAlgorithm", "export,csv,json,geojson,standard,publish,lieux,mednum").split(",")

    def help_text(self) -> str:
        return translate(
            "ExportLieuxAlgorithm",
            "<p>Writes lieux de médiation numérique as a file of the national standard. The extension of the "
            "output picks the format: <b>.csv</b> (the standard's CSV: header in schema order, UTF-8, comma "
            "separator, lists joined with <code>|</code>, decimal point), <b>.json</b> (array of records) or "
            "<b>.geojson</b> (points).</p>"
            "<p><b>Lieux</b>: a layer of the project (a working layer, or any layer whose fields are named like "
            "the standard's) or a file (CSV, XLSX, JSON, GeoJSON, GeoPackage). <b>Selected lieux only</b>: "
            "export the selection of the layer.</p>"
            "<p>The standard recommends naming the file "
            "<code>YYYY-MM-DD_idProducteur_lieux-de-mediation-numerique_territoire.csv</code>. The log gives the "
            "validation of what was written; results LIEUX, ERRORS and WARNINGS give the counts.</p>"
            "<p>Every lieu is written, or nothing: a lieu with no value in any written column is refused (with "
            "their number), since a file cannot hold it. <b>Also export the source columns</b> adds the columns "
            "that are not fields of the standard (the <code>colonnes_source</code> kept at the import, the other "
            "fields of a layer or columns of a file) after the 32 fields.</p>"
            "<p><b>CSV for a spreadsheet</b>: cells that a spreadsheet would run as a formula (starting with = + - "
            "@) get a leading apostrophe; the file is then meant to be read by people, not published.</p>"
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, translate("ExportLieuxAlgorithm", "Lieux (layer or file)"), [QgsProcessing.TypeVector]
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.SELECTED_ONLY, translate("ExportLieuxAlgorithm", "Selected lieux only"), defaultValue=False
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.SOURCE_COLUMNS,
                translate("ExportLieuxAlgorithm", "Also export the source columns (colonnes_source)"),
                defaultValue=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.DEFUSE_FORMULAS,
                translate("ExportLieuxAlgorithm", "CSV for a spreadsheet (formulas defused)"),
                defaultValue=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT,
                translate("ExportLieuxAlgorithm", "Conformant file"),
                translate("ExportLieuxAlgorithm", "CSV (*.csv);;JSON (*.json);;GeoJSON (*.geojson)"),
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.LIEUX, translate("ExportLieuxAlgorithm", "Number of lieux")))
        self.addOutput(QgsProcessingOutputNumber(self.ERRORS, translate("ExportLieuxAlgorithm", "Number of errors")))
        self.addOutput(
            QgsProcessingOutputNumber(self.WARNINGS, translate("ExportLieuxAlgorithm", "Number of warnings"))
        )

    def _layer_parameters(self, parameters: dict[str, Any], context) -> dict[str, Any]:
        """INPUT narrowed to the selection when SELECTED_ONLY is set."""
        if not self.parameterAsBoolean(parameters, self.SELECTED_ONLY, context):
            return parameters
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        if layer is None:
            raise QgsProcessingException(
                translate("ExportLieuxAlgorithm", "“Selected lieux only” needs a layer of the project as input.")
            )
        narrowed = dict(parameters)
        narrowed[self.INPUT] = QgsProcessingFeatureSourceDefinition(layer.id(), True)
        return narrowed

    def _layer_records(self, parameters: dict[str, Any], context) -> tuple[list, str]:
        """(records, name) of a layer INPUT: a saved working GeoPackage layer is read directly (fast), any
        other source through its features."""
        selected = self.parameterAsBoolean(parameters, self.SELECTED_ONLY, context)
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        definition = parameters.get(self.INPUT)
        selected = selected or (isinstance(definition, QgsProcessingFeatureSourceDefinition)
                                and definition.selectedFeaturesOnly)
        extra = self.parameterAsBoolean(parameters, self.SOURCE_COLUMNS, context)
        if layer is not None and (extra or (is_working_layer(layer) and geopackage_table(layer) is not None)):
            return records_from_layer(layer, selected_only=selected, source_columns=extra), layer.name()
        source = self.parameterAsSource(self._layer_parameters(parameters, context), self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        return source_records(source), source.sourceName()

    def processAlgorithm(self, parameters, context, feedback):
        self.check_dependencies()
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        path = self.input_file(parameters, context)
        extra = self.parameterAsBoolean(parameters, self.SOURCE_COLUMNS, context)
        try:
            if path is not None:
                if self.parameterAsBoolean(parameters, self.SELECTED_ONLY, context):
                    feedback.reportError(
                        translate("ExportLieuxAlgorithm", "A file has no selection: every lieu is exported.")
                    )
                feedback.pushInfo(translate("ExportLieuxAlgorithm", "Reading {path}…").format(path=path))
                records = records_of_file(path, source_columns=extra)
                label = str(path)
            else:
                records, label = self._layer_records(parameters, context)
            if feedback.isCanceled():
                return {}
            feedback.setProgress(40)
            summary = export_records(records, output, source=label, source_path=path, is_canceled=feedback.isCanceled,
                                     source_columns=extra,
                                     defuse_formulas=self.parameterAsBoolean(parameters, self.DEFUSE_FORMULAS, context))
        except QgsProcessingException:
            raise
        except Exception as error:  # noqa: BLE001 (every plugin error becomes a French message)
            _raise(error)
        feedback.setProgress(100)
        for line in summary.details().splitlines():
            feedback.pushInfo(line)
        if not summary.conformant:
            feedback.reportError(summary.headline())
        return {
            self.OUTPUT: output,
            self.LIEUX: summary.lieux,
            self.ERRORS: summary.errors,
            self.WARNINGS: summary.warnings,
        }

