"""Processing algorithms ``mednum:fetch`` (pull lieux from an API into a GeoPackage) and ``mednum:push``."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
    QgsProcessingParameterVectorLayer,
)

from ..api.errors import ApiError
from ..api.sources import PULL_SOURCES, SOURCES
from ..api.territory import resolve_territory
from ..core.i18n import translate
from ..core.schema import load_schema
from ..qgis import api_session
from ..qgis.network import QgisTransport
from .base import EnumValues, enum_parameter


class _ApiAlgorithm(EnumValues, QgsProcessingAlgorithm):
    def group(self) -> str:
        return translate("ApiAlgorithms", "API")

    def groupId(self) -> str:
        return "api"

    def createInstance(self):
        return type(self)()

    def flags(self):
        # QgsBlockingNetworkRequest works in the Processing thread; credentials are read there once
        return super().flags()


class FetchAlgorithm(_ApiAlgorithm):
    SOURCE, TERRITORY, OUTPUT, REPLACE = "SOURCE", "TERRITORY", "OUTPUT", "REPLACE"

    def name(self) -> str:
        return "fetch"

    def displayName(self) -> str:
        return translate("ApiAlgorithms", "Pull lieux from an API")

    def shortHelpString(self) -> str:
        return translate("ApiAlgorithms",
            "Pulls the lieux de médiation numérique of a territory from data·inclusion (API v1), DORA (API v2) or "
            "the Cartographie nationale (/carto) into a new working GeoPackage, in the standard's form. TERRITORY "
            "is a département code (13, 2A, 974), a commune INSEE code or an EPCI SIREN. Each lieu remembers its "
            "origin (source, remote id, remote date_maj, hash) in the GeoPackage's sync table. Tokens: QGIS "
            "authentication configuration chosen in the plugin settings, or the variables MEDNUM_DATA_INCLUSION_TOKEN, "
            "MEDNUM_DORA_TOKEN, MEDNUM_CARTO_TOKEN."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(enum_parameter(
            self.SOURCE, translate("ApiAlgorithms", "Source"), list(PULL_SOURCES), PULL_SOURCES[0]))
        self.addParameter(QgsProcessingParameterString(
            self.TERRITORY,
            translate("ApiAlgorithms", "Territory (département, commune INSEE code or EPCI SIREN)")))
        self.addParameter(QgsProcessingParameterVectorDestination(
            self.OUTPUT, translate("ApiAlgorithms", "Working GeoPackage"), QgsProcessing.TypeVectorPoint))
        from .team_algorithms import add_database_parameters

        add_database_parameters(self, optional=True, advanced=True)
        self.addParameter(QgsProcessingParameterBoolean(
            self.REPLACE, translate("ApiAlgorithms", "Replace the lieux of the team database"), False, optional=True))

    def processAlgorithm(self, parameters, context, feedback):
        key = self.enum_string(parameters, self.SOURCE, context) or PULL_SOURCES[0]
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        if not output.lower().endswith(".gpkg"):
            output = output.rsplit(".", 1)[0] + ".gpkg" if "." in output else output + ".gpkg"
        from ..core.postgis_schema import TeamDatabaseError
        from .team_algorithms import team_database

        team = team_database(self, parameters, context, required=False)
        try:
            territory = resolve_territory(self.parameterAsString(parameters, self.TERRITORY, context))
            client = api_session.prepare_client(key, transport=QgisTransport(feedback), cancelled=feedback.isCanceled)
            feedback.pushInfo(translate("ApiAlgorithms", "Pulling {territory} from {source}…").format(
                territory=territory.label, source=SOURCES[key].label))
            result = api_session.pull(key, territory, client,
                                      lambda percent, message: (feedback.setProgress(percent * 0.9),
                                                                feedback.pushDebugInfo(message)))
            for warning in result.warnings[:200]:
                feedback.pushWarning(warning)
            if team is not None:
                written = api_session.write_pull_team(
                    result, team, self.parameterAsBoolean(parameters, self.REPLACE, context), feedback.isCanceled)
                output = team.display_name()
            else:
                written = api_session.write_pull_geopackage(result, output, feedback.isCanceled)
        except (ApiError, TeamDatabaseError) as error:
            raise QgsProcessingException(error.message) from None
        feedback.pushInfo(translate("ApiAlgorithms", "{n} lieux written to {path}.").format(n=written, path=output))
        return {self.OUTPUT: output, "COUNT": written}


class PushAlgorithm(_ApiAlgorithm):
    INPUT, DRY_RUN, OUTPUT = "INPUT", "DRY_RUN", "OUTPUT"

    def name(self) -> str:
        return "push"

    def displayName(self) -> str:
        return translate("ApiAlgorithms", "Push changed lieux to the Cartographie nationale")

    def shortHelpString(self) -> str:
        return translate("ApiAlgorithms",
            "Sends the lieux of a working layer (GeoPackage or team database) created or changed since the pull to "
            "the Cartographie nationale (PATCH /lieux-inclusion-numerique, x-api-key). Lieux with validation errors "
            "are not sent; lieux changed remotely since the pull are held back (conflict). Every push is journaled "
            "in the GeoPackage (or the team database); pushing twice sends nothing the second time. DRY_RUN shows "
            "what would be sent. OUTPUT: "
            "the push report (JSON or CSV) with the per-lieu diff."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterVectorLayer(self.INPUT, translate("ApiAlgorithms", "Working layer"),
                                                            [QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterBoolean(
            self.DRY_RUN, translate("ApiAlgorithms", "Dry run (send nothing)"), False))
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, translate("ApiAlgorithms", "Push report"),
                                                                "JSON (*.json);;CSV (*.csv)"))

    def processAlgorithm(self, parameters, context, feedback):
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        dry_run = self.parameterAsBool(parameters, self.DRY_RUN, context)
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        from ..qgis.team_layer import is_team_layer

        path = layer.dataProvider().dataSourceUri().split("|")[0]
        if is_team_layer(layer):  # a team layer: the team database's sync table and push journal
            from ..qgis.team_database import TeamDatabase

            path = TeamDatabase.from_layer(layer).sync_store()
        elif not path.lower().endswith(".gpkg"):
            raise QgsProcessingException(translate(
                "ApiAlgorithms",
                "The working layer must be stored in a GeoPackage (its sync table and push journal live there)."))
        from ..qgis.layer_records import records_from_layer

        records = records_from_layer(layer, feedback=feedback).schema_records(load_schema())
        try:
            transport = QgisTransport(feedback)
            sources = {key: api_session.prepare_client(key, transport=transport, cancelled=feedback.isCanceled)
                       for key in api_session.origin_sources(path) if key in PULL_SOURCES}
            target = None if dry_run else api_session.prepare_client("carto-v0", transport=transport,
                                                                    cancelled=feedback.isCanceled)
            report = api_session.push(records, path, dry_run, target, sources,
                                      lambda percent, message: (feedback.setProgress(percent),
                                                                feedback.pushInfo(message)),
                                      feedback.isCanceled)
        except ApiError as error:
            raise QgsProcessingException(error.message) from None
        api_session.write_report(report, output)
        for item in report.items:
            line = f"{item.lieu_id} — {item.status}: {item.message}"
            (feedback.pushWarning if item.status in ("invalid", "conflict", "rejected", "failed") else
             feedback.pushInfo)(line)
        feedback.pushInfo(report.summary())
        if report.error:
            feedback.reportError(report.error)
        return {self.OUTPUT: output, **{k.upper().replace("-", "_"): v for k, v in report.counts().items()}}
