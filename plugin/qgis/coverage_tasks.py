"""Background work of the coverage dock: read the lieux (and the optional indicator), run the audit.

``run()`` never touches widgets or the project's layers: file-backed layers are read from copies opened in the
task's thread (memory layers are read on the main thread before the task starts); the result is handed to the
``done`` callback on the main thread by ``finished()``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from qgis.core import QgsFeedback, QgsTask, QgsVectorLayer

from ..core.coverage import CoverageResult, Territory, audit_coverage
from ..core.coverage.indicator import indicator_values
from ..core.i18n import translate
from ..core.orientation import OrientationEngine, Query
from ..toolbelt.cpp_guard import cpp_override
from .layer_records import records_from_layer


@dataclass
class CoverageRequest:
    layer: QgsVectorLayer
    territory: Territory
    radius_km: float
    query: Query
    indicator_layer: QgsVectorLayer | None = None
    indicator_field: str = ""
    indicator_insee_field: str = ""


class _LayerCopy:
    """What run() needs to read a layer from another thread: a copy (file-backed) or records read now (memory)."""

    def __init__(self, layer: QgsVectorLayer):
        self.name = layer.name()
        self.in_memory = layer.providerType() == "memory"
        self._source, self._provider, self._subset = layer.source(), layer.providerType(), layer.subsetString()
        self._layer = layer if self.in_memory else None

    def open(self) -> QgsVectorLayer:
        if self._layer is not None:
            return self._layer
        copy = QgsVectorLayer(self._source, self.name, self._provider)
        if not copy.isValid():
            raise ValueError(translate("CoverageTask", "The layer {layer} cannot be read.").format(layer=self.name))
        copy.setSubsetString(self._subset)
        return copy


class _TaskFeedback(QgsFeedback):
    def __init__(self, task: QgsTask):
        super().__init__()
        self._task = task

    def setProgress(self, progress: float) -> None:  # noqa: N802 (Qt API)
        self._task.setProgress(progress * 0.8)

    def isCanceled(self) -> bool:  # noqa: N802 (Qt API)
        return self._task.isCanceled()


def read_indicator(layer: QgsVectorLayer, value_field: str, insee_field: str) -> tuple[dict[str, float], int]:
    return indicator_values((f[insee_field], f[value_field]) for f in layer.getFeatures())


def run_request(request: CoverageRequest, feedback: QgsFeedback | None = None, lieux=None, indicator=None):
    """The audit of a request (synchronously): records from the layer (or ``lieux``), indicator, audit."""
    rows = lieux if lieux is not None else records_from_layer(request.layer, feedback=feedback).rows
    if indicator is None and request.indicator_layer is not None and request.indicator_field:
        indicator, _skipped = read_indicator(
            request.indicator_layer, request.indicator_field, request.indicator_insee_field
        )
    engine = OrientationEngine(rows)
    return audit_coverage(
        rows,
        request.territory,
        request.radius_km,
        request.query,
        indicator,
        request.indicator_field if indicator is not None else "",
        engine=engine,
    )


class CoverageTask(QgsTask):
    """Read the lieux of a layer and audit the coverage of a territory, cancellable, with progress."""

    def __init__(self, request: CoverageRequest, done: Callable[[CoverageResult | None, str], None]):
        super().__init__(
            translate("CoverageTask", "Coverage of {territory}").format(territory=request.territory.label),
            QgsTask.CanCancel,
        )
        self._request = request
        self._lieux = _LayerCopy(request.layer)
        self._indicator = _LayerCopy(request.indicator_layer) if request.indicator_layer is not None else None
        # memory layers are read now, on the main thread
        self._rows = records_from_layer(request.layer).rows if self._lieux.in_memory else None
        self._values = None
        if self._indicator is not None and self._indicator.in_memory and request.indicator_field:
            self._values, _ = read_indicator(
                request.indicator_layer, request.indicator_field, request.indicator_insee_field
            )
        self._done = done
        self.result: CoverageResult | None = None
        self.error = ""

    @cpp_override(False)
    def run(self) -> bool:
        try:
            feedback = _TaskFeedback(self)
            rows = self._rows
            if rows is None:
                rows = records_from_layer(self._lieux.open(), feedback=feedback).rows
            if self.isCanceled():
                return False
            values = self._values
            request = self._request
            if values is None and self._indicator is not None and request.indicator_field:
                values, _ = read_indicator(
                    self._indicator.open(), request.indicator_field, request.indicator_insee_field
                )
            self.setProgress(85)
            self.result = run_request(request, lieux=rows, indicator=values)
            self.setProgress(100)
            return not self.isCanceled()
        except Exception as error:  # noqa: BLE001 (reported on the main thread, never a traceback to the user)
            self.error = getattr(error, "message", None) or str(error)
            return False

    @cpp_override(None)
    def finished(self, result: bool) -> None:
        if result and self.result is not None:
            self._done(self.result, "")
        elif self.isCanceled():
            self._done(None, "")
        else:
            self._done(None, self.error or translate("CoverageTask", "The coverage could not be computed."))
