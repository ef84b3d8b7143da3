"""The QGIS test environment is the one the plugin targets."""

from qgis.core import Qgis, QgsApplication


def test_qgis_version_is_supported(qgis_app):
    assert Qgis.QGIS_VERSION_INT >= 32200
    assert QgsApplication.instance() is not None
