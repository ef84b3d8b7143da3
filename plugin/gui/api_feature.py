"""Menu entries of the API connectors: pull lieux from an API, push the changes back.

Both open the Processing dialogs of ``mednum:fetch`` / ``mednum:push``: they run in the background (QGIS stays
responsive), show progress per page, can be cancelled at any time, and load the pulled GeoPackage into the
project. The push dialog starts with "Dry run" checked so that the per-lieu diff is seen before anything is sent.
"""

from __future__ import annotations

from ..core.i18n import translate


class ApiFeature:
    def __init__(self, iface, plugin) -> None:
        self.iface = iface
        self.plugin = plugin

    def initGui(self) -> None:
        self.plugin.add_action(
            translate("ApiFeature", "Pull lieux from an API…"), self.open_pull, menu=True, toolbar=False,
            tooltip=translate("ApiFeature", "data·inclusion, DORA or the Cartographie nationale, for a territory"),
            object_name="mednumPullAction",
        )
        self.plugin.add_action(
            translate("ApiFeature", "Push changes to the Cartographie nationale…"), self.open_push, menu=True,
            toolbar=False, tooltip=translate("ApiFeature", "Lieux created or changed since the pull (dry run first)"),
            object_name="mednumPushAction",
        )

    def unload(self) -> None:
        return None

    @staticmethod
    def _exec(algorithm: str, parameters: dict) -> None:
        import processing

        processing.execAlgorithmDialog(algorithm, parameters)

    def open_pull(self) -> None:
        self._exec("mednum:fetch", {})

    def open_push(self) -> None:
        """The push dialog (one per session, non-modal) on the active working layer: preview, send, journal."""
        from .push_dialog import PushDialog

        dialog = getattr(self, "push_dialog", None)
        if dialog is None:
            dialog = self.push_dialog = PushDialog(self.iface.mainWindow(), self.iface.activeLayer(), self.iface)
            self.plugin.on_unload(dialog.shutdown)
        else:
            dialog.set_layer(self.iface.activeLayer())
            if not dialog.busy:
                dialog.refresh()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
