"""``mednum:coverage`` — the territorial coverage audit headless: one feature per commune of a territory.

The same :func:`~..core.coverage.audit_coverage` as the dock « Couverture du territoire », with the filter
parameters of ``mednum:orient`` (same names). REPORT writes the report: ``.html`` (page), ``.csv`` (one row per
commune) or ``.pdf`` (the QGIS print layout: map, legend, key figures, least-served communes, sources).

    qgis_process run mednum:coverage -- INPUT=lieux.gpkg TERRITORY=departement:13 \\
        SERVICES="Aide aux démarches administratives" RADIUS_KM=10 OUTPUT=couverture.gpkg REPORT=couverture.pdf
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qgis.core import (
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..core.coverage import DEFAULT_RADIUS_KM, CoverageError, audit_coverage, resolve_territory
from ..core.coverage.indicator import guess_insee_field, indicator_values
from ..core.coverage.report import write_csv, write_html
from ..core.i18n import translate
from ..core.orientation import OrientationEngine, OrientationError, Query
from ..qgis.coverage_layer import (
    WGS84,
    boundaries_by_insee,
    coverage_features,
    coverage_fields,
    coverage_layer,
    style_coverage_layer,
)
from ..qgis.layer_records import LayerReadCancelledError, records_from_layer
from ..toolbelt.cpp_guard import cpp_override
from .base import MednumAlgorithm
from .orient import add_filter_parameters, filter_values, unknown_values_message

CTX = "CoverageAlgorithm"


def _tr(text: str) -> str:
    return translate(CTX, text)


class _Styler(QgsProcessingLayerPostProcessorInterface):
    """Styles the OUTPUT layer once QGIS has loaded it (distance classes of the radius)."""

    def __init__(self, radius_km: float):
        super().__init__()
        self.radius_km = radius_km

    @cpp_override(None)
    def postProcessLayer(self, layer, context, feedback) -> None:  # noqa: N802 (QGIS API)
        style_coverage_layer(layer, self.radius_km)


class CoverageAlgorithm(MednumAlgorithm):
    INPUT = "INPUT"
    TERRITORY = "TERRITORY"
    RADIUS_KM = "RADIUS_KM"
    INDICATOR = "INDICATOR"
    INDICATOR_FIELD = "INDICATOR_FIELD"
    INDICATOR_INSEE_FIELD = "INDICATOR_INSEE_FIELD"
    BOUNDARIES = "BOUNDARIES"
    BOUNDARIES_INSEE_FIELD = "BOUNDARIES_INSEE_FIELD"
    OUTPUT = "OUTPUT"
    REPORT = "REPORT"
    COMMUNES = "COMMUNES"
    COMMUNES_NON_COUVERTES = "COMMUNES_NON_COUVERTES"
    POPULATION = "POPULATION"
    POPULATION_COUVERTE = "POPULATION_COUVERTE"
    GROUP = "coverage"

    def name(self) -> str:
        return "coverage"

    def displayName(self) -> str:
        return _tr("Territorial coverage audit")

    def tags(self) -> list[str]:
        return _tr("coverage,territory,communes,population,distance,gaps,mednum").split(",")

    def flags(self):
        # the PDF report renders a print layout: main thread, as QGIS's own layout export algorithms
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def help_text(self) -> str:
        return _tr(
            "<p>Which communes of a territory have no lieu offering the service within reach, and how many "
            "inhabitants live there. Offline: communes, centroids and INSEE populations come from the bundled "
            "reference.</p>"
            "<p><b>Territory</b>: <code>departement:13</code>, <code>epci:200054807</code> (SIREN), "
            "<code>region:93</code>, <code>commune:13055</code> or <code>france</code>; a bare 2–3 character "
            "code is a département, 5 characters a commune, 9 digits an EPCI.</p>"
            "<p>The filters are those of <i>Find lieux for a need</i> (same parameters). Lieux outside the "
            "territory count: a commune's nearest lieu may be next door. A lieu without coordinates is placed "
            "at the centroid of its commune (code_insee, else postal code and commune name).</p>"
            "<p><b>Output</b>: one feature per commune (centroid, or its polygon from the optional boundary "
            "layer joined by INSEE code) with <code>population</code>, <code>nb_lieux</code> (matching lieux "
            "in the commune), <code>lieux_10000_hab</code>, <code>nb_lieux_rayon</code>, "
            "<code>distance_km</code> to the nearest matching lieu (empty when there is none) and "
            "<code>couvert</code> (nearest lieu within the radius). With an indicator (a layer or CSV with an "
            "INSEE code and a value, e.g. the Indice de Fragilité Numérique), <code>priorite</code> = population "
            "left out × indicator.</p>"
            "<p><b>Report</b>: .html, .csv or .pdf (map, legend, key figures, least-served communes, "
            "sources and date).</p>"
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, _tr("Lieux"), [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVector]
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.TERRITORY, _tr("Territory (departement:13, epci:SIREN, region:93, commune:INSEE or france)")
            )
        )
        add_filter_parameters(self)
        self.addParameter(
            QgsProcessingParameterNumber(
                self.RADIUS_KM,
                _tr("Radius (km)"),
                QgsProcessingParameterNumber.Double,
                defaultValue=DEFAULT_RADIUS_KM,
                minValue=0.001,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INDICATOR, _tr("Indicator per commune (layer or table)"), [QgsProcessing.TypeVector], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.INDICATOR_FIELD, _tr("Indicator field"), parentLayerParameterName=self.INDICATOR, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.INDICATOR_INSEE_FIELD,
                _tr("INSEE code field of the indicator (guessed when empty)"),
                parentLayerParameterName=self.INDICATOR,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.BOUNDARIES,
                _tr("Commune boundaries (e.g. IGN ADMIN EXPRESS)"),
                [QgsProcessing.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.BOUNDARIES_INSEE_FIELD,
                _tr("INSEE code field of the boundaries (guessed when empty)"),
                parentLayerParameterName=self.BOUNDARIES,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, _tr("Coverage per commune"), QgsProcessing.TypeVector)
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.REPORT, _tr("Report"), "PDF (*.pdf);;HTML (*.html);;CSV (*.csv)", optional=True
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.COMMUNES, _tr("Communes")))
        self.addOutput(QgsProcessingOutputNumber(self.COMMUNES_NON_COUVERTES, _tr("Communes not covered")))
        self.addOutput(QgsProcessingOutputNumber(self.POPULATION, _tr("Population")))
        self.addOutput(QgsProcessingOutputNumber(self.POPULATION_COUVERTE, _tr("Population covered")))

    # ------------------------------------------------------------------ inputs
    def _indicator(self, parameters, context, feedback) -> tuple[dict[str, float] | None, str]:
        source = self.parameterAsSource(parameters, self.INDICATOR, context)
        if source is None:
            return None, ""
        names = [field.name() for field in source.fields()]
        value_field = self.parameterAsString(parameters, self.INDICATOR_FIELD, context)
        if not value_field:
            raise QgsProcessingException(_tr("Choose the indicator field (INDICATOR_FIELD)."))
        code_field = self.parameterAsString(parameters, self.INDICATOR_INSEE_FIELD, context) or guess_insee_field(
            [n for n in names if n != value_field]
        )
        if not code_field:
            raise QgsProcessingException(
                _tr("The indicator has no INSEE code field (code_insee, codgeo…): choose INDICATOR_INSEE_FIELD.")
            )
        values, skipped = indicator_values((f[code_field], f[value_field]) for f in source.getFeatures())
        feedback.pushInfo(
            _tr("Indicator « {field} »: {count} communes read by « {code} »; {skipped} rows skipped.").format(
                field=value_field, count=len(values), code=code_field, skipped=skipped
            )
        )
        return values, value_field

    def _boundaries(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.BOUNDARIES, context)
        if source is None:
            return None, None
        field = self.parameterAsString(parameters, self.BOUNDARIES_INSEE_FIELD, context) or None
        try:
            geometries, used = boundaries_by_insee(source, field)
        except ValueError as error:
            raise QgsProcessingException(str(error)) from None
        feedback.pushInfo(
            _tr("Boundaries: {count} communes read by « {field} ».").format(count=len(geometries), field=used)
        )
        return geometries, source.sourceCrs()

    # ------------------------------------------------------------------ run
    def processAlgorithm(self, parameters, context, feedback):
        self.check_dependencies()
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        try:
            territory = resolve_territory(self.parameterAsString(parameters, self.TERRITORY, context))
            selections, mode, open_at, open_now, include = filter_values(self, parameters, context)
            query = Query(selections, mode, open_at, open_now, include)
            table = records_from_layer(source, feedback=feedback)
        except (CoverageError, OrientationError) as error:
            raise QgsProcessingException(error.message) from None
        except LayerReadCancelledError:
            return {}
        radius = self.parameterAsDouble(parameters, self.RADIUS_KM, context)
        indicator, indicator_name = self._indicator(parameters, context, feedback)
        boundaries, boundaries_crs = self._boundaries(parameters, context, feedback)
        engine = OrientationEngine(table.rows)
        message = unknown_values_message(engine, query)
        if message:
            raise QgsProcessingException(message)
        try:
            result = audit_coverage(table.rows, territory, radius, query, indicator, indicator_name, engine=engine)
        except CoverageError as error:
            raise QgsProcessingException(error.message) from None
        totals = result.totals
        feedback.pushInfo(
            _tr(
                "{territory}: {communes} communes, {uncovered} not covered; {covered} inhabitants out of "
                "{population} have a matching lieu within {radius} km ({matching} matching lieux)."
            ).format(
                territory=territory.label,
                communes=totals.communes,
                uncovered=totals.communes_non_couvertes,
                covered=totals.population_couverte,
                population=totals.population,
                radius=radius,
                matching=result.lieux_correspondants,
            )
        )

        fields = coverage_fields()
        if boundaries is not None:
            wkb, crs = QgsWkbTypes.MultiPolygon, boundaries_crs
        else:
            wkb, crs = QgsWkbTypes.Point, WGS84
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, wkb, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for feature in coverage_features(result, fields, boundaries):
            if boundaries is not None and feature.hasGeometry():
                geometry = feature.geometry()
                geometry.convertToMultiType()
                feature.setGeometry(geometry)
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        if context.willLoadLayerOnCompletion(dest_id):
            self._styler = _Styler(radius)
            context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(self._styler)

        outputs = {
            self.OUTPUT: dest_id,
            self.COMMUNES: totals.communes,
            self.COMMUNES_NON_COUVERTES: totals.communes_non_couvertes,
            self.POPULATION: totals.population,
            self.POPULATION_COUVERTE: totals.population_couverte,
        }
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report:
            outputs[self.REPORT] = self._write_report(result, Path(report), source, boundaries, boundaries_crs)
            feedback.pushInfo(_tr("Report written to {path}").format(path=outputs[self.REPORT]))
        return outputs

    def _write_report(self, result, path: Path, source, boundaries, boundaries_crs) -> str:
        lieux_source = source.sourceName() if hasattr(source, "sourceName") else ""
        suffix = path.suffix.lower()
        try:
            if suffix == ".csv":
                write_csv(result, path)
            elif suffix == ".pdf":
                from ..qgis.coverage_layout import export_pdf

                layer = coverage_layer(result, boundaries=boundaries, boundaries_crs=boundaries_crs)
                export_pdf(result, layer, path, lieux_source)
            else:
                if suffix != ".html":
                    path = path.with_suffix(".html")
                write_html(result, path, lieux_source)
        except OSError as error:
            raise QgsProcessingException(
                _tr("Cannot write {path}: {reason}").format(path=path, reason=error.strerror or error)
            ) from None
        return str(path)


__all__ = ["CoverageAlgorithm"]
