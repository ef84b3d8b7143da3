"""The Validation feature of the plugin (see plugin/main.py): the "Validation" dock and its menu/toolbar action."""

from __future__ import annotations

from qgis.core import QgsApplication, QgsProject

from ..core.i18n import translate
from ..qgis.validation_overlay import remove_stale_overlays
from .validation_dock import ValidationDock


def _tr(text: str) -> str:
    return translate("ValidationDock", text)


class ValidationDockFeature:
    """Plugin feature (see plugin/main.py): the "Validation" dock and its menu/toolbar action."""

    def __init__(self, iface, plugin):
        self.iface = iface
        self.plugin = plugin
        self.dock: ValidationDock | None = None
        self.action = None

    def initGui(self) -> None:
        remove_stale_overlays()
        QgsProject.instance().readProject.connect(self._on_project_read)
        self.action = self.plugin.add_action(
            _tr("Validation dock"),
            self.toggle,
            icon=QgsApplication.getThemeIcon("/mIconWarning.svg"),
            toolbar=True,
            checkable=True,
            tooltip=_tr("Issues of the working layer, live: fixes, acceptances, duplicates, report"),
            object_name="mednumValidationDockAction",
        )

    def _on_project_read(self, *_args) -> None:
        remove_stale_overlays()

    def toggle(self, checked: bool) -> None:
        if checked:
            self.show()
        elif self.dock is not None:
            self.dock.hide()

    def show(self) -> ValidationDock:
        if self.dock is None:
            self.dock = ValidationDock(self.iface, self.iface.mainWindow())
            self.dock.visibilityChanged.connect(self._on_visibility)
            self.plugin.add_dock(self.dock)
        self.dock.show()
        self.dock.raise_()
        return self.dock

    def _on_visibility(self, visible: bool) -> None:
        if self.action is not None and self.action.isChecked() != visible:
            self.action.blockSignals(True)
            self.action.setChecked(visible)
            self.action.blockSignals(False)

    def unload(self) -> None:
        try:
            QgsProject.instance().readProject.disconnect(self._on_project_read)
        except (TypeError, RuntimeError):
            pass
        if self.dock is not None:
            self.dock.unload()
        self.dock = None
