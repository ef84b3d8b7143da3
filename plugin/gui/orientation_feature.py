"""The Orientation feature of the plugin (see plugin/main.py): the dock and its action in the menu and toolbar."""

from __future__ import annotations

from qgis.core import QgsApplication

from ..core.i18n import translate
from .orientation_dock import OrientationDock

CTX = "OrientationDock"


def tr(text: str) -> str:
    return translate(CTX, text)


class OrientationFeature:
    """The dock and its action ("Orientation" in the plugin menu and toolbar)."""

    def __init__(self, iface, plugin):
        self.iface = iface
        self.plugin = plugin
        self.dock: OrientationDock | None = None
        self.action = None

    def initGui(self) -> None:  # noqa: N802 (QGIS API)
        self.dock = OrientationDock(self.iface, self.iface.mainWindow())
        self.plugin.add_dock(self.dock)
        self.dock.hide()
        self.action = self.plugin.add_action(
            tr("Orientation: filter the lieux…"),
            self.dock.setUserVisible,
            icon=QgsApplication.getThemeIcon("/mActionFilter2.svg"),
            toolbar=True,
            checkable=True,
            tooltip=tr("Filter the lieux by services, publics, opening hours and distance"),
            object_name="mednumOrientationAction",
        )
        self.dock.visibilityChanged.connect(self.action.setChecked)

    def unload(self) -> None:
        if self.dock is not None:
            self.dock.cleanup()
            self.dock = None
