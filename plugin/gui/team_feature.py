"""Plugin feature (see plugin/main.py): team mode on PostgreSQL/PostGIS.

* « Team database… » (TeamDialog): create or upgrade the schema, import a file into it (a QgsTask), open the
  team's working layer;
* « Who changed what… » (JournalDialog) on the active team layer;
* every team layer of the project gets the edit guard with the side-by-side dialog of a pull as its resolver:
  saving a lieu a colleague saved since shows both versions and asks (plugin/qgis/team_layer.py).
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsMapLayer, QgsProject
from qgis.PyQt.QtWidgets import QDialog, QFileDialog

from ..core.i18n import translate
from ..core.postgis_schema import TeamDatabaseError
from ..qgis.coordinate_sync import attach_coordinate_sync
from ..qgis.import_export import import_lieux
from ..qgis.tasks import LieuxTask, cancel_running, start_task, user_message
from ..qgis.team_database import TeamDatabase
from ..qgis.team_layer import TeamConflict, guard_layer, is_team_layer
from ..qgis.working_layer import WorkingLayerError

ICON_TEAM = "/mIconPostgis.svg"
ICON_JOURNAL = "/mActionHistory.svg"


def _tr(text: str) -> str:
    return translate("TeamFeature", text)


def team_conflict_texts():
    from .pull_conflicts_dialog import ConflictTexts

    return ConflictTexts(
        title=_tr("Save: lieux a colleague saved since you started editing them"),
        intro=_tr("{n} lieux you are saving were saved by {source} since you started editing them. For each one, "
                  "keep your version (the colleague's other changes stay) or take theirs; cancel to save nothing "
                  "(your edits stay in the layer)."),
        remote_version=_tr("Colleague's version (saved)"),
        take_remote=_tr("Take the colleague's version"),
        take_remote_all=_tr("Take the colleague's version for all"),
        remote_mark=_tr("colleague"),
        apply=_tr("Save with these choices"),
        cancel=_tr("Cancel the save"),
    )


class TeamFeature:
    def __init__(self, iface, plugin):
        self.iface = iface
        self.plugin = plugin
        self.tasks: list[LieuxTask] = []
        self.dialog = None

    # -- plugin feature protocol ------------------------------------------------------------------

    def initGui(self) -> None:
        self.plugin.add_action(
            _tr("Team database…"), self.show_team_dialog, icon=QgsApplication.getThemeIcon(ICON_TEAM),
            tooltip=_tr("Create, fill or open the team's shared lieux in PostgreSQL/PostGIS"),
            object_name="mednumTeamDatabaseAction",
        )
        self.plugin.add_action(
            _tr("Who changed what…"), self.show_journal, icon=QgsApplication.getThemeIcon(ICON_JOURNAL),
            tooltip=_tr("The journal of the active team layer: who changed which field of which lieu, when"),
            object_name="mednumTeamJournalAction",
        )
        QgsProject.instance().layersAdded.connect(self._on_layers_added)
        self._on_layers_added(list(QgsProject.instance().mapLayers().values()))

    def unload(self) -> None:
        try:
            QgsProject.instance().layersAdded.disconnect(self._on_layers_added)
        except TypeError:
            pass
        cancel_running(self.tasks)
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    # -- team layers in the project ----------------------------------------------------------------

    def resolve(self, conflicts: list[TeamConflict]) -> dict[str, str] | None:
        """Both versions side by side; the choices, or None when the agent cancels the save."""
        from .pull_conflicts_dialog import PullConflictsDialog

        dialog = PullConflictsDialog(conflicts, _tr("a colleague"), self.iface.mainWindow(),
                                     texts=team_conflict_texts())
        try:
            return dialog.choices() if dialog.exec_() == QDialog.Accepted else None
        finally:
            dialog.deleteLater()

    def _on_layers_added(self, layers: list[QgsMapLayer]) -> None:
        for layer in layers:
            if is_team_layer(layer):
                guard_layer(layer, self.resolve)
                attach_coordinate_sync(layer)

    # -- actions ------------------------------------------------------------------------------------

    def _message(self, text: str, level=Qgis.MessageLevel.Info, duration: int = 8) -> None:
        self.iface.messageBar().pushMessage(_tr("Team mode"), text, level, duration)

    def show_team_dialog(self):
        from .team_dialog import TeamDialog

        if self.dialog is None:
            self.dialog = TeamDialog(self.iface.mainWindow())
            self.dialog.init_button.clicked.connect(self.initialise)
            self.dialog.import_button.clicked.connect(lambda: self.import_file())
            self.dialog.open_button.clicked.connect(self.open_layer)
        self.dialog.show()
        self.dialog.raise_()
        if self.dialog.connection_combo.count():
            self.dialog.refresh()
        return self.dialog

    def initialise(self) -> None:
        try:
            database = self.dialog.database()
            before, after = database.initialise()
        except TeamDatabaseError as error:
            self.dialog.status_label.setText(error.message)
            return
        self.dialog.refresh()
        if before != after:
            self._message(_tr("The schema {schema} is ready (version {version}).").format(
                schema=database.schema_name, version=after), Qgis.MessageLevel.Success)

    def import_file(self, path: str | None = None) -> LieuxTask | None:
        from .lieux_files import input_filter

        try:
            database = self.dialog.database()
        except TeamDatabaseError as error:
            self.dialog.status_label.setText(error.message)
            return None
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.dialog, _tr("File of lieux to import into the team database"),
                                                  "", input_filter())
            if not path:
                return None
        replace = self.dialog.replace_check.isChecked()
        files = self._lieux_files()
        if files is not None:  # the same path as « Open a lieux file… »: summary, validation counts, layer opened
            task = files.open_file(path, database, replace=replace)
        else:
            task = LieuxTask(
                _tr("Import of {name} into the team database").format(name=Path(path).name),
                lambda progress, canceled: import_lieux(path, database, progress, canceled, validate=False,
                                                        replace=replace),
                lambda summary, error: self._import_done(database, summary, error),
            )
            self.tasks = [t for t in self.tasks if not t.done] + [task]
            start_task(task)
        if task is not None:
            task.taskCompleted.connect(self._refresh_dialog)
            task.taskTerminated.connect(self._refresh_dialog)
        self.dialog.status_label.setText(_tr("Importing {name}… (progress and cancel in the task manager)").format(
            name=Path(path).name))
        return task

    def _lieux_files(self):
        from .lieux_files import LieuxFilesFeature

        features = getattr(self.plugin, "features", None) or []
        return next((feature for feature in features if isinstance(feature, LieuxFilesFeature)), None)

    def _refresh_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.refresh()

    def _import_done(self, database: TeamDatabase, summary, error: BaseException | None) -> None:
        if error is not None:
            text = user_message(error)
            if self.dialog is not None:
                self.dialog.status_label.setText(text)
            self._message(text, Qgis.MessageLevel.Critical, 0)
            return
        self._message(_tr("{n} lieux written to {name}.").format(n=summary.lieux, name=database.display_name()),
                      Qgis.MessageLevel.Success)
        self._refresh_dialog()

    def open_layer(self):
        from .lieux_files import add_working_layer

        try:
            database = self.dialog.database()
            layer = database.open_layer()
        except (TeamDatabaseError, WorkingLayerError) as error:
            self.dialog.status_label.setText(error.message)
            return None
        return add_working_layer(layer, self.iface)

    def show_journal(self):
        from .journal_dialog import JournalDialog

        layer = self.iface.activeLayer()
        if not is_team_layer(layer):
            layer = next((lyr for lyr in QgsProject.instance().mapLayers().values() if is_team_layer(lyr)), None)
        if layer is None:
            self._message(_tr("Open a team layer first (Team database… → Open the team layer)."),
                          Qgis.MessageLevel.Warning)
            return None
        dialog = JournalDialog(TeamDatabase.from_layer(layer), self.iface.mainWindow())
        dialog.show()
        return dialog
