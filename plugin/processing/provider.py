"""Processing provider `mednum`."""

from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..__about__ import __icon_path__, __version__
from ..core.i18n import translate


def algorithm_classes() -> list[type]:
    """Every algorithm of the provider (add yours here, one line each)."""
    from .validate import ValidateAlgorithm

    classes: list[type] = []
    classes.append(ValidateAlgorithm)
    from .api_algorithms import FetchAlgorithm, PushAlgorithm

    classes += [FetchAlgorithm, PushAlgorithm]
    from .lieux_files_algorithms import ExportLieuxAlgorithm, ImportLieuxAlgorithm

    classes += [ImportLieuxAlgorithm, ExportLieuxAlgorithm]
    from .team_algorithms import InitDatabaseAlgorithm

    classes.append(InitDatabaseAlgorithm)
    from .orient import OrientAlgorithm

    classes.append(OrientAlgorithm)
    from .report import ReportAlgorithm

    classes.append(ReportAlgorithm)
    return classes


class MednumProvider(QgsProcessingProvider):
    def id(self) -> str:
        return "mednum"

    def name(self) -> str:
        return translate("MednumProvider", "Lieux de médiation numérique")

    def longName(self) -> str:
        return f"{self.name()} {__version__}"

    def icon(self) -> QIcon:
        return QIcon(str(__icon_path__))

    def loadAlgorithms(self) -> None:
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
