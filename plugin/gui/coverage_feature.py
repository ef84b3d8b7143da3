"""The coverage feature of the plugin (see plugin/main.py): the dock « Couverture du territoire » and its action."""

from __future__ import annotations

from qgis.core import QgsApplication

from ..core.i18n import translate
from .coverage_dock import CoverageDock


def tr(text: str) -> str:
    return translate("CoverageDock", text)


class CoverageFeature:
    def __init__(self, iface, plugin):
        self.iface = iface
        self.plugin = plugin
        self.dock: CoverageDock | None = None
        self.action = None

    def initGui(self) -> None:  # noqa: N802 (QGIS API)
        self.dock = CoverageDock(self.iface, self.iface.mainWindow())
        self.plugin.add_dock(self.dock)
        self.dock.hide()
        self.action = self.plugin.add_action(
            tr("Territorial coverage…"),
            self.dock.setUserVisible,
            icon=QgsApplication.getThemeIcon("/mActionMeasureArea.svg"),
            checkable=True,
            tooltip=tr("Which communes have no matching lieu within reach, and how many inhabitants"),
            object_name="mednumCoverageAction",
        )
        self.dock.visibilityChanged.connect(self.action.setChecked)

    def unload(self) -> None:
        if self.dock is not None:
            self.dock.cleanup()
            self.dock = None
