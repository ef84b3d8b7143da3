"""Every enum parameter of every ``mednum`` algorithm takes its option strings (as the README documents them)
as well as their indexes; an unknown value is refused."""

from __future__ import annotations

import pytest
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingParameterEnum


@pytest.fixture()
def mednum_algorithms(qgis_processing):
    from plugin.processing.provider import MednumProvider

    provider = MednumProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    yield [QgsApplication.processingRegistry().createAlgorithmById(a.id()) for a in provider.algorithms()]
    QgsApplication.processingRegistry().removeProvider(provider)


def enum_parameters(algorithms):
    for algorithm in algorithms:
        for definition in algorithm.parameterDefinitions():
            if isinstance(definition, QgsProcessingParameterEnum):
                yield algorithm, definition


def test_the_provider_has_enum_parameters(mednum_algorithms):
    names = {(a.id(), d.name()) for a, d in enum_parameters(mednum_algorithms)}
    assert {("mednum:fetch", "SOURCE"), ("mednum:orient", "SERVICES_MODE")} <= names


def test_each_enum_takes_strings_and_indexes(mednum_algorithms):
    context = QgsProcessingContext()
    for algorithm, definition in enum_parameters(mednum_algorithms):
        assert definition.usesStaticStrings(), definition.name()
        for index, option in enumerate(definition.options()):
            for value in (option, index, str(index)):
                parameters = algorithm.normalised_parameters({definition.name(): value})
                value_ok = parameters[definition.name()]
                assert definition.checkValueIsAcceptable(value_ok, context), (algorithm.id(), value)
                assert algorithm.enum_string({definition.name(): value}, definition.name(), context) == option
        parameters = algorithm.normalised_parameters({definition.name(): "no-such-option"})
        assert not definition.checkValueIsAcceptable(parameters[definition.name()], context)
        parameters = algorithm.normalised_parameters({definition.name(): len(definition.options())})
        assert not definition.checkValueIsAcceptable(parameters[definition.name()], context)
