"""Menu entries of the API connectors: pull lieux from an API, push the changes back.

"Pull lieux from an API…" opens :class:`~.pull_dialog.PullDialog` (source, territory, new GeoPackage or merge
into a working layer); :class:`~.api_pull.PullRun` does the rest in the background. The push entry opens
:class:`~.push_dialog.PushDialog`.
"""

from __future__ import annotations

from ..core.i18n import translate


class ApiFeature:
    def __init__(self, iface, plugin) -> None:
        self.iface = iface
        self.plugin = plugin
        self.pull_dialog = None
        self.last_pull = None
        self.pulls: list = []  # PullRun objects until they end (their task, their conflicts dialog)

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
        from ..qgis.tasks import cancel_running

        cancel_running([run.task for run in self.pulls if run.task is not None])
        for run in self.pulls:
            if run.conflicts_dialog is not None:
                run.conflicts_dialog.close()
        self.pulls.clear()
        if self.pull_dialog is not None:
            self.pull_dialog.close()
            self.pull_dialog = None

    def open_pull(self):
        """Open the pull dialog (non-modal); "Pull" starts :meth:`start_pull`. Returns the dialog."""
        from .pull_dialog import PullDialog

        if self.pull_dialog is not None:
            self.pull_dialog.close()
        previous = self.last_pull.request if self.last_pull is not None else None
        dialog = PullDialog(self.iface.mainWindow(), self.iface.activeLayer(), previous=previous)
        dialog.accepted.connect(lambda: self.start_pull(dialog.request()))
        dialog.finished.connect(lambda _result: setattr(self, "pull_dialog", None))
        self.pull_dialog = dialog
        dialog.open()
        return dialog

    def start_pull(self, request):
        from .api_pull import PullRun

        if request is None:
            return None
        run = PullRun(self.iface, request, on_end=self._pull_ended)
        self.pulls.append(run)
        self.last_pull = run
        run.start()
        return run

    def _pull_ended(self, run) -> None:
        if run in self.pulls:
            self.pulls.remove(run)

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
