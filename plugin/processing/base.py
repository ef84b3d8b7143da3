"""Base class of the ``mednum`` Processing algorithms.

A subclass gives ``name()``, ``displayName()``, ``help_text()`` (translated with ``translate(...)`` — the
English source is the English help, the French one comes from the .ts), ``GROUP`` (a key of :data:`GROUPS`),
``initAlgorithm()`` and ``processAlgorithm()``. The base class gives ``createInstance``, the group, the icon,
the help URL, and refuses to run (``canExecute``) with the pip command when a runtime dependency is missing.
Raise :func:`processing_error` from a :class:`~..core.errors`-style error to show its French message.
"""

from __future__ import annotations

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtGui import QIcon

from ..__about__ import __homepage__, __icon_path__
from ..core.dependencies import missing_message, missing_requirements
from ..core.i18n import QT_TRANSLATE_NOOP, translate

GROUP_CONTEXT = "MednumAlgorithm"
GROUPS = {
    "validation": QT_TRANSLATE_NOOP("MednumAlgorithm", "Validation"),
    "import": QT_TRANSLATE_NOOP("MednumAlgorithm", "Import"),
    "export": QT_TRANSLATE_NOOP("MednumAlgorithm", "Export"),
    "orientation": QT_TRANSLATE_NOOP("MednumAlgorithm", "Orientation"),
}


def processing_error(error: Exception) -> QgsProcessingException:
    """A QgsProcessingException carrying the user-facing message of a plugin error."""
    return QgsProcessingException(getattr(error, "message", None) or str(error))


class MednumAlgorithm(QgsProcessingAlgorithm):
    GROUP = "validation"

    def createInstance(self) -> MednumAlgorithm:
        return type(self)()

    def groupId(self) -> str:
        return self.GROUP

    def group(self) -> str:
        return translate(GROUP_CONTEXT, GROUPS[self.GROUP])

    def icon(self) -> QIcon:
        return QIcon(str(__icon_path__))

    def help_text(self) -> str:
        """The help of the algorithm (HTML allowed), already translated."""
        raise NotImplementedError

    def shortHelpString(self) -> str:
        return self.help_text()

    def helpUrl(self) -> str:
        return f"{__homepage__}#processing" if __homepage__ else ""

    def canExecute(self) -> tuple[bool, str]:
        missing = missing_requirements()
        if missing:
            return False, missing_message(missing)
        return True, ""

    def check_dependencies(self) -> None:
        """Raise the dependency message (qgis_process and processing.run do not call canExecute)."""
        ok, message = self.canExecute()
        if not ok:
            raise QgsProcessingException(message)
