"""The plugin class: wires the menu, toolbar, docks and the Processing provider. No business logic."""

from __future__ import annotations

from qgis.core import QgsApplication

from .__about__ import __title__
from .core.i18n import translate


def feature_classes() -> list[type]:
    """GUI features (docks, dialogs) of the plugin, each with initGui()/unload() (add yours here)."""
    classes: list[type] = []
    return classes


class LieuxMednumPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.features = []
        self.menu_title = translate("LieuxMednumPlugin", "Lieux de médiation numérique")

    def initProcessing(self) -> None:
        from .processing.provider import MednumProvider

        self.provider = MednumProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:
        self.initProcessing()
        for cls in feature_classes():
            feature = cls(self.iface, self)
            feature.initGui()
            self.features.append(feature)

    def unload(self) -> None:
        for feature in reversed(self.features):
            feature.unload()
        self.features.clear()
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None

    @property
    def title(self) -> str:
        return __title__
