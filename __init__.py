"""QGIS entry point of the lieux_mednum plugin."""


def classFactory(iface):  # noqa: N802 (QGIS API name)
    from .plugin.main import LieuxMednumPlugin

    return LieuxMednumPlugin(iface)
