"""``mednum:orient`` — the orientation query headless: the lieux matching needs, moment and place, ranked.

The same :class:`~..core.orientation.OrientationEngine` as the Orientation dock. Each filter parameter is a
``|``-separated list of values of the standard (empty = no filter): OR within a parameter, AND across
parameters; SERVICES_MODE "all" asks for every listed service. OPEN_AT is an ISO date-time (the wall-clock
time at each lieu; "now" for the current instant). With POINT, the lieux are ranked by distance (and cut at
RADIUS_KM when given) and OUTPUT has ``distance_km``; without a point they are ranked by name. OUTPUT holds the
lieux in rank order (new feature ids) with their rank in ``rang`` (1 = first).

    qgis_process run mednum:orient -- INPUT=lieux.gpkg SERVICES="Aide aux démarches administratives" \\
        FRAIS=Gratuit OPEN_AT=2024-07-16T10:00 POINT="5.3698,43.2965 [EPSG:4326]" RADIUS_KM=10 OUTPUT=out.gpkg
"""

from __future__ import annotations

import math
from typing import Any

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterPoint,
    QgsProcessingParameterString,
)

from ..core.i18n import translate
from ..core.orientation import (
    GROUP_DECLARATIONS,
    SERVICES_ALL,
    SERVICES_ANY,
    Around,
    OrientationEngine,
    OrientationError,
    Query,
    parse_moment,
)
from ..core.records import split_list
from ..core.schema import load_schema
from ..qgis import field_types
from ..qgis.layer_records import LayerReadCancelledError, records_from_layer
from .base import MednumAlgorithm, enum_parameter

CTX = "OrientAlgorithm"
DISTANCE_FIELD = "distance_km"
RANK_FIELD = "rang"
FID_FIELD = "fid"
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
MODES = (SERVICES_ANY, SERVICES_ALL)
NOW_WORDS = ("now", "maintenant")


def _tr(text: str) -> str:
    return translate(CTX, text)


def output_field_indexes(fields: QgsFields, features) -> list[int]:
    """The source fields copied to OUTPUT: all but a GeoPackage's ``fid`` key (its value is each feature's id),
    which would make the output keep the source ids and so open in source order instead of rank order."""
    fid = fields.lookupField(FID_FIELD)
    if fid >= 0 and all(feature.attribute(fid) == feature.id() for feature in features):
        return [index for index in range(fields.count()) if index != fid]
    return list(range(fields.count()))


class OrientAlgorithm(MednumAlgorithm):
    INPUT = "INPUT"
    SERVICES_MODE = "SERVICES_MODE"
    OPEN_AT = "OPEN_AT"
    INCLUDE_UNKNOWN_HOURS = "INCLUDE_UNKNOWN_HOURS"
    POINT = "POINT"
    RADIUS_KM = "RADIUS_KM"
    OUTPUT = "OUTPUT"
    COUNT = "COUNT"
    GROUP = "orientation"

    def name(self) -> str:
        return "orient"

    def displayName(self) -> str:
        return _tr("Find lieux for a need (orientation)")

    def tags(self) -> list[str]:
        return _tr("orientation,filter,services,publics,opening hours,distance,lieux,mednum").split(",")

    def help_text(self) -> str:
        return _tr(
            "<p>The lieux that answer a need, as in the Orientation dock: services, publics, specific support, "
            "fees, ways of access and of support, national programmes, typologie and itinerance.</p>"
            "<p>Each filter is a list of values of the standard separated by <code>|</code> (empty = no "
            "filter). A lieu matches a filter when it has at least one of the values, and must match every "
            "filter; with <i>Services mode</i> = all, it must offer every listed service.</p>"
            "<p><b>Open at</b>: an ISO date and time such as <code>2024-07-16T10:00</code> (the time where each "
            "lieu is; public holidays, nights and week numbers of the OSM hours are taken into account) or "
            "<code>now</code>. Lieux whose hours are missing or not in the OSM format are left out unless "
            "<i>Include lieux with unknown hours</i> is ticked.</p>"
            "<p><b>Around a point</b>: the lieux are ranked by distance, with the field <code>distance_km</code>, "
            "and with a radius only those within it are kept. Without a point they are ranked by name.</p>"
            "<p>The output holds the lieux in rank order, with their rank in the field <code>rang</code> (1 = the "
            "first).</p>",
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT,
                _tr("Lieux"),
                [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVector],
            )
        )
        add_filter_parameters(self)
        self.addParameter(QgsProcessingParameterPoint(self.POINT, _tr("Around a point"), optional=True))
        self.addParameter(
            QgsProcessingParameterNumber(
                self.RADIUS_KM,
                _tr("Radius (km)"),
                QgsProcessingParameterNumber.Type.Double,
                optional=True,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, _tr("Matching lieux"), QgsProcessing.SourceType.TypeVector)
        )
        self.addOutput(QgsProcessingOutputNumber(self.COUNT, _tr("Number of matching lieux")))

    # ------------------------------------------------------------------ the query from the parameters
    def query_from_parameters(self, parameters, context) -> Query:
        selections, mode, open_at, open_now, include = filter_values(self, parameters, context)
        around = None
        if parameters.get(self.POINT) not in (None, ""):
            point = self.parameterAsPoint(parameters, self.POINT, context, WGS84)
            radius = None
            if parameters.get(self.RADIUS_KM) not in (None, ""):
                radius = self.parameterAsDouble(parameters, self.RADIUS_KM, context)
                if radius <= 0 or math.isnan(radius):
                    radius = None
            around = Around(point.y(), point.x(), radius, _tr("point"))
        elif parameters.get(self.RADIUS_KM) not in (None, ""):
            raise OrientationError(_tr("A radius needs a point: give POINT too."))
        return Query(selections, mode, open_at, open_now, include, around)

    # ------------------------------------------------------------------ run
    def processAlgorithm(self, parameters, context, feedback):
        self.check_dependencies()
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        try:
            query = self.query_from_parameters(parameters, context)
            table = records_from_layer(source, feedback=feedback)
        except OrientationError as error:
            raise QgsProcessingException(error.message) from None
        except LayerReadCancelledError:
            return {}
        engine = OrientationEngine(table.rows)
        message = unknown_values_message(engine, query)
        if message:
            raise QgsProcessingException(message)
        result = engine.run(query)
        feedback.pushInfo(_tr("{count} lieux out of {total} match.").format(count=result.count, total=engine.size))
        if result.hours is not None and result.hours.undetermined:
            feedback.pushInfo(
                _tr("{count} lieux have missing, invalid or unknown hours at that moment ({kept}).").format(
                    count=result.hours.undetermined,
                    kept=_tr("kept") if query.include_unknown_hours else _tr("left out"),
                )
            )

        ranked = result.ranked()
        fids = [table.feature_ids[position] for position in ranked]
        features = {feature.id(): feature for feature in source.getFeatures(QgsFeatureRequest().setFilterFids(fids))}
        kept = output_field_indexes(source.fields(), features.values())
        fields = QgsFields()
        for index in kept:
            fields.append(source.fields().at(index))
        extra = {}
        for name, kind in ((RANK_FIELD, field_types.INT), (DISTANCE_FIELD, field_types.DOUBLE)):
            extra[name] = fields.lookupField(name)
            if extra[name] < 0:
                fields.append(field_types.new_field(name, kind))
                extra[name] = fields.count() - 1
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, source.wkbType(), source.sourceCrs()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))

        total = len(ranked) or 1
        rank = 0
        for n, position in enumerate(ranked):
            if n % 500 == 0:
                if feedback.isCanceled():
                    break
                feedback.setProgress(100.0 * n / total)
            feature = features.get(table.feature_ids[position])
            if feature is None:
                continue
            source_attributes = feature.attributes()
            attributes = [source_attributes[index] for index in kept]
            attributes += [None] * (fields.count() - len(attributes))
            rank += 1
            attributes[extra[RANK_FIELD]] = rank
            distance = result.distance_km(position)
            attributes[extra[DISTANCE_FIELD]] = None if distance is None else round(distance, 3)
            out = QgsFeature(fields)  # a new feature: the sink gives it a new fid, in rank order
            out.setGeometry(feature.geometry())
            out.setAttributes(attributes)
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        return {self.OUTPUT: dest_id, self.COUNT: result.count}


def add_filter_parameters(algorithm) -> None:
    """The filter parameters of the orientation (one per filter group, SERVICES_MODE, OPEN_AT,
    INCLUDE_UNKNOWN_HOURS), shared by ``mednum:orient`` and ``mednum:coverage``."""
    schema = load_schema()
    for field, parameter in GROUP_DECLARATIONS:
        algorithm.addParameter(
            QgsProcessingParameterString(
                parameter,
                _tr("{title} (values separated by |)").format(title=schema.field(field).title),
                optional=True,
            )
        )
    algorithm.addParameter(
        enum_parameter(
            OrientAlgorithm.SERVICES_MODE,
            _tr("Services mode (any: at least one service, all: every service)"),
            list(MODES),
            SERVICES_ANY,
        )
    )
    algorithm.addParameter(
        QgsProcessingParameterString(OrientAlgorithm.OPEN_AT, _tr("Open at (ISO date and time, or now)"), optional=True)
    )
    algorithm.addParameter(
        QgsProcessingParameterBoolean(
            OrientAlgorithm.INCLUDE_UNKNOWN_HOURS, _tr("Include lieux with unknown hours"), defaultValue=False
        )
    )


def filter_values(algorithm, parameters, context):
    """(selections, services mode, open_at, open_now, include unknown hours) read from the filter parameters."""
    selections = {}
    for field, parameter in GROUP_DECLARATIONS:
        text = algorithm.parameterAsString(parameters, parameter, context) or ""
        values = [value.strip() for value in split_list(text) if value.strip()]
        if values:
            selections[field] = tuple(values)
    mode = algorithm.enum_string(parameters, OrientAlgorithm.SERVICES_MODE, context) or SERVICES_ANY
    open_text = (algorithm.parameterAsString(parameters, OrientAlgorithm.OPEN_AT, context) or "").strip()
    open_now = open_text.casefold() in NOW_WORDS
    open_at = parse_moment(open_text) if open_text and not open_now else None
    include = algorithm.parameterAsBoolean(parameters, OrientAlgorithm.INCLUDE_UNKNOWN_HOURS, context)
    return selections, mode, open_at, open_now, include


def unknown_values_message(engine: OrientationEngine, query: Query) -> str:
    """The user message for filter values that neither the standard nor the data know ("" when none)."""
    lines = []
    for field, values in engine.unknown_values(query).items():
        group = engine.group(field)
        lines.append(
            _tr("{parameter}: unknown value(s) {values}; allowed: {allowed}").format(
                parameter=group.parameter,
                values=", ".join(f"« {v} »" for v in values),
                allowed=" | ".join(group.values),
            )
        )
    return "\n".join(lines)


__all__ = ["OrientAlgorithm", "add_filter_parameters", "filter_values", "unknown_values_message"]
