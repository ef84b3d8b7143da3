"""Processing provider `mednum`.

Each algorithm module is imported on its own: when a runtime dependency is missing (python-stdnum,
opening-hours-py…), the provider still loads, and each algorithm that cannot be imported is replaced by one of
the same id that says, in the user's language, which dependencies to install and the pip command (in the
Processing toolbox and from ``qgis_process run mednum:<id>``) instead of a ``ModuleNotFoundError``.
"""

from __future__ import annotations

import importlib

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..__about__ import __icon_path__, __version__
from ..core.dependencies import Requirement, missing_message, missing_requirements
from ..core.i18n import translate

# (module, class, algorithm id): the id is needed when the module cannot be imported; a test checks that it
# is the one the class gives (tests/qgis/test_processing_validate.py)
ALGORITHMS = (
    ("validate", "ValidateAlgorithm", "validate"),
    ("api_algorithms", "FetchAlgorithm", "fetch"),
    ("api_algorithms", "PushAlgorithm", "push"),
    ("lieux_files_algorithms", "ImportLieuxAlgorithm", "import"),
    ("lieux_files_algorithms", "ExportLieuxAlgorithm", "export"),
    ("orient", "OrientAlgorithm", "orient"),
    ("coverage", "CoverageAlgorithm", "coverage"),
    ("report", "ReportAlgorithm", "report"),
    ("team_algorithms", "InitDatabaseAlgorithm", "init_database"),
)


def algorithm_classes() -> list[type]:
    """Every algorithm class of the provider (raises ImportError when a dependency is missing)."""
    return [getattr(importlib.import_module(f"{__package__}.{module}"), name) for module, name, _id in ALGORITHMS]


def dependency_message(error: ImportError) -> str:
    """The plugin's missing-dependency message (names and pip command); the module itself when it is not a
    requirement of requirements.txt."""
    missing = missing_requirements() or [Requirement(error.name or str(error))]
    return missing_message(missing)


class MissingDependencyAlgorithm(QgsProcessingAlgorithm):
    """Stands for an algorithm whose module could not be imported: it says what to install."""

    def __init__(self, algorithm_id: str, message: str):
        super().__init__()
        self._id = algorithm_id
        self._message = message

    def createInstance(self) -> MissingDependencyAlgorithm:
        return MissingDependencyAlgorithm(self._id, self._message)

    def name(self) -> str:
        return self._id

    def displayName(self) -> str:
        return translate("MednumProvider", "{name} (Python dependencies missing)").format(name=self._id)

    def shortHelpString(self) -> str:
        return self._message

    def icon(self) -> QIcon:
        return QIcon(str(__icon_path__))

    def initAlgorithm(self, config=None) -> None:
        pass

    def canExecute(self) -> tuple[bool, str]:
        return False, self._message

    def checkParameterValues(self, parameters, context) -> tuple[bool, str]:
        return False, self._message  # qgis_process shows it before running

    def processAlgorithm(self, parameters, context, feedback) -> dict:
        raise QgsProcessingException(self._message)


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
        for module, class_name, algorithm_id in ALGORITHMS:
            try:
                cls = getattr(importlib.import_module(f"{__package__}.{module}"), class_name)
            except ImportError as error:
                self.addAlgorithm(MissingDependencyAlgorithm(algorithm_id, dependency_message(error)))
                continue
            self.addAlgorithm(cls())
