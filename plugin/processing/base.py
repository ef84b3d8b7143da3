"""Base class of the ``mednum`` Processing algorithms.

A subclass gives ``name()``, ``displayName()``, ``help_text()`` (translated with ``translate(...)`` — the
English source is the English help, the French one comes from the .ts), ``GROUP`` (a key of :data:`GROUPS`),
``initAlgorithm()`` and ``processAlgorithm()``. The base class gives ``createInstance``, the group, the icon,
the help URL, and refuses to run (``canExecute``) with the pip command when a runtime dependency is missing.
Raise :func:`processing_error` from a :class:`~..core.errors`-style error to show its French message.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qgis.core import (
    QgsMapLayer,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingParameterEnum,
    QgsProperty,
)
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
    "coverage": QT_TRANSLATE_NOOP("MednumAlgorithm", "Coverage"),
}


def processing_error(error: Exception) -> QgsProcessingException:
    """A QgsProcessingException carrying the user-facing message of a plugin error."""
    return QgsProcessingException(getattr(error, "message", None) or str(error))


def enum_parameter(name: str, description: str, options: list[str], default: str, **kwargs):
    """An enum parameter whose value is one of its option strings (stable in scripts and models)."""
    return QgsProcessingParameterEnum(name, description, options=list(options), defaultValue=default,
                                      usesStaticStrings=True, **kwargs)


def _normalised_enum_value(definition: QgsProcessingParameterEnum, value: Any) -> Any:
    """The value in the form the definition checks (option string or index), given either form."""
    if value is None or definition.checkValueIsAcceptable(value):
        return value
    options = definition.options()
    values = value if isinstance(value, (list, tuple)) else [value]
    converted = []
    for item in values:
        text = str(item).strip()
        if definition.usesStaticStrings():
            if text.lstrip("-").isdigit() and 0 <= int(text) < len(options):
                text = options[int(text)]
            converted.append(text)
        else:
            index = next((i for i, option in enumerate(options) if option.casefold() == text.casefold()), None)
            converted.append(item if index is None else index)
    if isinstance(value, (list, tuple)):
        return converted
    return converted[0]


class EnumValues:
    """Mixin: the enum parameters accept their option strings (as the README documents) and their indexes.

    ``processing.run`` and ``qgis_process`` check the raw values with :meth:`checkParameterValues`; the
    algorithm reads them with :meth:`enum_string`.
    """

    def normalised_parameters(self, parameters: dict[str, Any]) -> dict[str, Any]:
        """A copy of parameters whose enum values are in the form their definitions expect."""
        parameters = dict(parameters)
        for definition in self.parameterDefinitions():
            if isinstance(definition, QgsProcessingParameterEnum) and definition.name() in parameters:
                parameters[definition.name()] = _normalised_enum_value(definition, parameters[definition.name()])
        return parameters

    def checkParameterValues(self, parameters: dict[str, Any], context) -> tuple[bool, str]:
        return super().checkParameterValues(self.normalised_parameters(parameters), context)

    def enum_string(self, parameters: dict[str, Any], name: str, context) -> str:
        """The option string chosen for the enum parameter ``name`` (given as a string or an index)."""
        return self.parameterAsEnumString(self.normalised_parameters(parameters), name, context)


class MednumAlgorithm(EnumValues, QgsProcessingAlgorithm):
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


class FileOrLayerInput:
    """Mixin of the algorithms whose ``INPUT`` feature source may also be a file that the plugin's readers read
    (a JSON array of records is not an OGR dataset): put it before :class:`MednumAlgorithm` in the bases."""

    INPUT = "INPUT"

    def input_file(self, parameters: dict[str, Any], context) -> Path | None:
        """The file to read with the plugin's readers, or None when INPUT is a layer."""
        value = parameters.get(self.INPUT)
        if isinstance(value, QgsProcessingFeatureSourceDefinition):
            if value.selectedFeaturesOnly or value.source.propertyType() != QgsProperty.Type.StaticProperty:
                return None
            value = value.source.staticValue()
        if isinstance(value, QgsMapLayer) or not isinstance(value, str) or not value:
            return None
        if context.project() is not None and context.project().mapLayer(value) is not None:
            return None  # a layer id of the project
        path = Path(value)
        return path if path.is_file() else None

    def checkParameterValues(self, parameters: dict[str, Any], context) -> tuple[bool, str]:
        """A file path INPUT is read by the plugin's readers: QGIS must not insist on opening it as a layer."""
        if self.input_file(parameters, context) is None:
            return super().checkParameterValues(parameters, context)
        parameters = self.normalised_parameters(parameters)
        for definition in self.parameterDefinitions():
            if definition.name() == self.INPUT:
                continue
            if not definition.checkValueIsAcceptable(parameters.get(definition.name()), context):
                return False, translate("MednumAlgorithm", "Incorrect parameter value for {name}").format(
                    name=definition.description()
                )
        return True, ""
