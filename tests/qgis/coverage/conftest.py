"""Fixtures of the coverage tests: the PACA sample as records and as a GeoPackage layer, the provider."""

from __future__ import annotations

import pytest
from qgis.core import QgsApplication, QgsProject

from tests.helpers.lieux_layers import open_lieux_layer, sample_records, write_lieux_gpkg


@pytest.fixture(scope="session")
def paca_records(samples):
    return sample_records(samples / "hub-du-sud-paca-2023.json")


@pytest.fixture()
def paca_layer(tmp_path, paca_records, qgis_new_project):
    """The 646 PACA lieux in a GeoPackage (32 fields as strings), added to a new project."""
    layer = open_lieux_layer(write_lieux_gpkg(tmp_path / "paca.gpkg", paca_records))
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().removeAllMapLayers()


@pytest.fixture()
def provider(plugin_package, qgis_processing):
    from lieux_mednum.plugin.processing.provider import MednumProvider

    registry = QgsApplication.processingRegistry()
    if registry.providerById("mednum") is None:
        provider = MednumProvider()
        registry.addProvider(provider)
        yield provider
        registry.removeProvider(provider)
    else:
        yield registry.providerById("mednum")
