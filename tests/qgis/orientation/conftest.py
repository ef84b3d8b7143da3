"""Fixtures of the orientation tests: the PACA sample as records and as a GeoPackage layer in the project."""

from __future__ import annotations

import pytest
from qgis.core import QgsProject

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
