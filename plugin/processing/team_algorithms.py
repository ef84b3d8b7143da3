"""Processing algorithm ``mednum:init_database`` (team mode) and the database parameters shared with
``mednum:import``: a QGIS PostgreSQL connection (credentials in the QGIS authentication database) or, for
headless runs, a connection URI without password (libpq reads ``PGPASSWORD`` / ``~/.pgpass`` / ``PGSERVICE``)."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterProviderConnection,
    QgsProcessingParameterString,
)

from ..core.i18n import translate
from ..core.postgis_schema import DEFAULT_SCHEMA
from .base import MednumAlgorithm, processing_error

DATABASE, DATABASE_URI, SCHEMA = "DATABASE", "DATABASE_URI", "SCHEMA"


def add_database_parameters(algorithm, optional: bool, advanced: bool = False) -> None:
    """The connection, URI and schema parameters of a team database."""
    parameters = [
        QgsProcessingParameterProviderConnection(
            DATABASE, translate("TeamAlgorithms", "PostgreSQL connection (team database)"), "postgres",
            optional=True,
        ),
        QgsProcessingParameterString(
            DATABASE_URI,
            translate("TeamAlgorithms", "…or a connection URI without password (host=… dbname=… user=…)"),
            optional=True,
        ),
        QgsProcessingParameterString(
            SCHEMA, translate("TeamAlgorithms", "Schema of the team's lieux"), DEFAULT_SCHEMA, optional=optional
        ),
    ]
    for parameter in parameters:
        if advanced:
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        algorithm.addParameter(parameter)


def team_database(algorithm, parameters: dict[str, Any], context, required: bool):
    """The TeamDatabase the parameters name, or None when none is given (and ``required`` is False)."""
    from ..core.postgis_schema import TeamDatabaseError
    from ..qgis.team_database import TeamDatabase

    name = algorithm.parameterAsConnectionName(parameters, DATABASE, context) if parameters.get(DATABASE) else ""
    uri = algorithm.parameterAsString(parameters, DATABASE_URI, context).strip()
    schema = algorithm.parameterAsString(parameters, SCHEMA, context).strip() or DEFAULT_SCHEMA
    try:
        if name:
            return TeamDatabase.from_connection(name, schema)
        if uri:
            if "password=" in uri.replace(" ", "").lower():
                raise TeamDatabaseError(translate(
                    "TeamAlgorithms",
                    "Give no password in the URI (it would stay in the Processing history): use a QGIS connection "
                    "with an authentication configuration, or the PGPASSWORD variable / ~/.pgpass."))
            return TeamDatabase(uri, schema)
    except TeamDatabaseError as error:
        raise processing_error(error) from error
    if required:
        raise QgsProcessingException(
            translate("TeamAlgorithms", "Choose a PostgreSQL connection, or give a connection URI.")
        )
    return None


class InitDatabaseAlgorithm(MednumAlgorithm):
    VERSION_BEFORE, VERSION, LIEUX, LAYER = "VERSION_BEFORE", "VERSION", "LIEUX", "LAYER"
    GROUP = "import"

    def name(self) -> str:
        return "init_database"

    def displayName(self) -> str:
        return translate("InitDatabaseAlgorithm", "Create or upgrade a team database (PostGIS)")

    def tags(self) -> list[str]:
        return translate("InitDatabaseAlgorithm", "team,postgis,postgresql,database,journal,mednum").split(",")

    def help_text(self) -> str:
        return translate(
            "InitDatabaseAlgorithm",
            "<p>Creates, or upgrades to this version of the plugin, the <b>team schema</b> of a PostgreSQL/PostGIS "
            "database: the table <code>lieux</code> (the 32 fields of the standard as text, a point in EPSG:4326, "
            "a row version that refuses to overwrite a colleague's save), <code>colonnes_source</code>, the sync "
            "table of the API connectors and <code>journal</code>: who changed which field of which lieu, when, "
            "before and after, deletions included (restorable). Running it again changes nothing.</p>"
            "<p>The connection is a QGIS PostgreSQL connection (password in the QGIS authentication database); "
            "headless, a URI without password and the PGPASSWORD variable or ~/.pgpass. The user must be allowed "
            "to create the schema, and the PostGIS extension if it is not installed yet.</p>"
            "<p>Results: VERSION_BEFORE (0: new), VERSION, LIEUX (lieux already in it), LAYER (the layer's source)."
            "</p>",
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:
        add_database_parameters(self, optional=False)
        self.addOutput(QgsProcessingOutputNumber(
            self.VERSION_BEFORE, translate("InitDatabaseAlgorithm", "Schema version before")))
        self.addOutput(QgsProcessingOutputNumber(self.VERSION, translate("InitDatabaseAlgorithm", "Schema version")))
        self.addOutput(QgsProcessingOutputNumber(self.LIEUX, translate("InitDatabaseAlgorithm", "Number of lieux")))
        self.addOutput(QgsProcessingOutputString(self.LAYER, translate("InitDatabaseAlgorithm", "Layer source")))

    def processAlgorithm(self, parameters, context, feedback):
        from ..core.postgis_schema import TeamDatabaseError

        database = team_database(self, parameters, context, required=True)
        try:
            before, after = database.initialise()
            lieux = database.lieux_count()
        except TeamDatabaseError as error:
            raise processing_error(error) from error
        if before == after:
            feedback.pushInfo(translate("InitDatabaseAlgorithm", "The schema {schema} is up to date (version {v}).")
                              .format(schema=database.schema_name, v=after))
        else:
            feedback.pushInfo(translate("InitDatabaseAlgorithm", "The schema {schema} went from version {a} to {b}.")
                              .format(schema=database.schema_name, a=before, b=after))
        return {
            self.VERSION_BEFORE: before,
            self.VERSION: after,
            self.LIEUX: lieux,
            self.LAYER: "postgres://" + database.layer_uri().uri(False),
        }
