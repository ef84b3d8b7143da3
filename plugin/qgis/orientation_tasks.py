"""Background work of the Orientation dock: indexing a layer's lieux, geocoding an address.

``run()`` never touches widgets or the project's layers (it reads a copy of the layer opened in the task's
thread); the result is handed to the ``done`` callback on the main thread by ``finished()``.
"""

from __future__ import annotations

from typing import Callable

from qgis.core import QgsFeedback, QgsTask, QgsVectorLayer

from ..core.i18n import translate
from ..core.orientation.places import Place
from ..toolbelt.cpp_guard import cpp_override
from .orientation_layer import LayerIndex, base_subset, filter_key, index_source


class _TaskFeedback(QgsFeedback):
    """Feedback that follows the task: progress goes to the task, cancelling the task cancels the read."""

    def __init__(self, task: QgsTask):
        super().__init__()
        self._task = task

    @cpp_override(None)
    def setProgress(self, progress: float) -> None:  # noqa: N802 (Qt API)
        self._task.setProgress(progress)

    @cpp_override(False)
    def isCanceled(self) -> bool:  # noqa: N802 (Qt API)
        return self._task.isCanceled()


class BuildIndexTask(QgsTask):
    """Read and index every lieu of a layer (ignoring the orientation filter) from a copy of the layer."""

    def __init__(self, layer: QgsVectorLayer, done: Callable[[LayerIndex | None, str], None], typologie_labels=None):
        super().__init__(
            translate("Orientation", "Indexing the lieux of {layer}").format(layer=layer.name()), QgsTask.CanCancel
        )
        # facts of the layer taken on the main thread; run() only opens its own copy
        self._source, self._provider, self._name = layer.source(), layer.providerType(), layer.name()
        self._key, self._layer_id, self._base = filter_key(layer), layer.id(), base_subset(layer)
        self._typologie_labels = typologie_labels
        self._done = done
        self.index: LayerIndex | None = None
        self.error = ""

    @cpp_override(False)
    def run(self) -> bool:
        try:
            copy = QgsVectorLayer(self._source, self._name, self._provider)
            if not copy.isValid():
                self.error = translate("Orientation", "The layer {layer} cannot be read.").format(layer=self._name)
                return False
            copy.setSubsetString(self._base)
            feedback = _TaskFeedback(self)
            self.index = index_source(
                copy, self._key, self._layer_id, self._base, feedback, typologie_labels=self._typologie_labels
            )
            return not self.isCanceled()
        except Exception as error:  # noqa: BLE001 (reported on the main thread, never a traceback to the user)
            self.error = getattr(error, "message", None) or str(error)
            return False

    @cpp_override(None)
    def finished(self, result: bool) -> None:
        if result and self.index is not None:
            self._done(self.index, "")
        elif self.isCanceled():
            self._done(None, "")
        else:
            self._done(None, self.error or translate("Orientation", "The lieux could not be read."))


class GeocodeTask(QgsTask):
    """Search an address with the BAN API (through the QGIS network stack)."""

    def __init__(self, text: str, search: Callable[[str], list[Place]], done: Callable[[list[Place], str], None]):
        super().__init__(
            translate("Orientation", "Searching the address « {text} »").format(text=text), QgsTask.CanCancel
        )
        self._text = text
        self._search = search
        self._done = done
        self.places: list[Place] = []
        self.error = ""

    @cpp_override(False)
    def run(self) -> bool:
        try:
            self.places = self._search(self._text)
            return True
        except Exception as error:  # noqa: BLE001 (ApiError carries the French message)
            self.error = getattr(error, "message", None) or str(error)
            return False

    @cpp_override(None)
    def finished(self, result: bool) -> None:
        self._done(self.places if result else [], "" if result else self.error)
