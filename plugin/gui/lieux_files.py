"""Menu and toolbar actions "Open a lieux file…" and "Export a conformant file…", and the upkeep of
working layers in the project (editor widgets registered, point ↔ latitude/longitude kept in step).
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsMapLayer, QgsProject, QgsVectorLayer
from qgis.PyQt.QtWidgets import QFileDialog

from ..core.errors import MednumError
from ..core.i18n import translate
from ..qgis.coordinate_sync import attach_coordinate_sync
from ..qgis.import_export import INPUT_EXTENSIONS, import_lieux, validate_import
from ..qgis.tasks import LieuxTask, cancel_running, start_task, user_message
from ..qgis.working_layer import (
    WORKING_LAYER_PROPERTY,
    WorkingLayerError,
    adopt_working_layer,
    is_open_in_project,
    is_working_geopackage,
    is_working_layer,
    load_working_layer,
)
from ..toolbelt.log import PlgLogger
from .editor_widgets import register_editor_widgets, unregister_editor_widgets

ICON_OPEN = "/mActionFileOpen.svg"
ICON_EXPORT = "/mActionFileSaveAs.svg"
ICON_MAPPING = "/mActionAddTable.svg"


def input_filter() -> str:
    patterns = " ".join(f"*{ext}" for ext in INPUT_EXTENSIONS)
    return translate("LieuxFiles", "Lieux files ({patterns})").format(patterns=patterns)


def working_gpkg_name(source: Path) -> Path:
    """Suggested working GeoPackage beside the source (never the source itself)."""
    return source.with_name(f"{source.stem}_travail.gpkg")


def show_summary(iface, headline: str, details: str, level=Qgis.MessageLevel.Success, title: str = "") -> None:
    """A message bar entry with QGIS's "More…" button showing the details (also written to the plugin's log)."""
    title = title or translate("LieuxFiles", "Lieux de médiation numérique")
    PlgLogger.log(f"{headline}\n{details}", level)
    duration = 0 if level in (Qgis.MessageLevel.Warning, Qgis.MessageLevel.Critical) else 15
    iface.messageBar().pushMessage(title, headline, details, level, duration)


def add_working_layer(layer: QgsVectorLayer, iface=None) -> QgsVectorLayer:
    """Add a working layer to the project (sync attached), and zoom to it."""
    QgsProject.instance().addMapLayer(layer)
    attach_coordinate_sync(layer)
    if iface is not None and layer.featureCount() and not layer.extent().isEmpty():
        try:
            iface.setActiveLayer(layer)
            canvas = iface.mapCanvas()
            canvas.setExtent(canvas.mapSettings().layerExtentToOutputExtent(layer, layer.extent()))
            iface.mapCanvas().refresh()
        except (AttributeError, TypeError):
            pass
    return layer


def _csv_header(source: Path) -> list[str] | None:
    """The header of a CSV/TSV/TXT file from its first bytes (None for other formats or when unsure)."""
    import csv

    from ..core.readers import CSV_EXTENSIONS, sniff_delimiter

    if source.suffix.lower() not in CSV_EXTENSIONS:
        return None
    try:
        with open(source, "rb") as handle:
            head = handle.read(65536)
        text = head.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    lines = text.splitlines()
    if not lines:
        return None
    return next(csv.reader([lines[0]], delimiter=sniff_delimiter(text, source.suffix)), None)


class LieuxFilesFeature:
    """Plugin feature (see plugin/main.py): the two actions, editor widgets, working-layer upkeep."""

    def __init__(self, iface, plugin):
        self.iface = iface
        self.plugin = plugin
        self.tasks: list[LieuxTask] = []
        self.open_action = None
        self.mapping_action = None
        self.export_action = None
        self.validation_task: LieuxTask | None = None

    # -- plugin feature protocol ------------------------------------------------------------------

    def initGui(self) -> None:
        register_editor_widgets()
        self.open_action = self.plugin.add_action(
            translate("LieuxFiles", "Open a lieux file…"),
            self.open_file,
            icon=QgsApplication.getThemeIcon(ICON_OPEN),
            toolbar=True,
            tooltip=translate(
                "LieuxFiles",
                "Open a file of lieux (CSV, XLSX, JSON, GeoJSON, GeoPackage) as a working layer with the "
                "standard's form"
            ),
            object_name="mednumOpenLieuxAction",
        )
        self.mapping_action = self.plugin.add_action(
            translate("LieuxFiles", "Import with a mapping…"),
            lambda: self.import_with_mapping(),
            icon=QgsApplication.getThemeIcon(ICON_MAPPING),
            toolbar=False,
            tooltip=translate(
                "LieuxFiles",
                "Bring a Hub's own file (its own columns) into the standard: proposed mapping, value table, "
                "live preview, saved profiles (mednum-cli's configurations)"
            ),
            object_name="mednumImportMappingAction",
        )
        self.export_action = self.plugin.add_action(
            translate("LieuxFiles", "Export a conformant file…"),
            self.export_file,
            icon=QgsApplication.getThemeIcon(ICON_EXPORT),
            toolbar=True,
            tooltip=translate(
                "LieuxFiles", "Write the lieux of a layer as a CSV, JSON or GeoJSON file of the standard"
            ),
            object_name="mednumExportLieuxAction",
        )
        QgsProject.instance().layersAdded.connect(self._on_layers_added)
        self._on_layers_added(list(QgsProject.instance().mapLayers().values()))

    def unload(self) -> None:
        try:
            QgsProject.instance().layersAdded.disconnect(self._on_layers_added)
        except TypeError:
            pass
        cancel_running(self.tasks)
        unregister_editor_widgets()

    def _track(self, task: LieuxTask) -> None:
        self.tasks = [t for t in self.tasks if not t.done] + [task]

    # -- working layers in the project ------------------------------------------------------------

    def _on_layers_added(self, layers: list[QgsMapLayer]) -> None:
        for layer in layers:
            try:
                adopt_working_layer(layer)  # opened by Processing, drag and drop, the browser, a project…
            except WorkingLayerError as error:
                PlgLogger.log(error.message, Qgis.MessageLevel.Warning)
            if isinstance(layer, QgsVectorLayer) and layer.customProperty(WORKING_LAYER_PROPERTY):
                attach_coordinate_sync(layer)

    # -- open ---------------------------------------------------------------------------------------

    def open_file(self, path: str | None = None, output=None, replace: bool = False) -> LieuxTask | None:
        """Open ``path`` (asked when None): a working GeoPackage directly, any other file through an import
        into a new working GeoPackage ``output`` (asked when None), or into a team database (``output`` a
        :class:`~..qgis.team_database.TeamDatabase`; ``replace``: its lieux replaced), whose team layer is then
        opened. Returns the import task, if any."""
        window = self.iface.mainWindow()
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                window, translate("LieuxFiles", "Open a lieux file"), "", input_filter()
            )
            if not path:
                return None
        source = Path(path)
        team = output if hasattr(output, "write_records") else None
        if is_working_geopackage(source) and team is None:
            try:
                layer = load_working_layer(source)
            except WorkingLayerError as error:
                self.iface.messageBar().pushMessage(
                    translate("LieuxFiles", "Open a lieux file"), error.message, Qgis.MessageLevel.Critical
                )
                return None
            add_working_layer(layer, self.iface)
            self.iface.messageBar().pushMessage(
                translate("LieuxFiles", "Lieux de médiation numérique"),
                translate("LieuxFiles", "Working layer {name} opened: {n} lieux").format(
                    name=source.name, n=layer.featureCount()
                ),
                Qgis.MessageLevel.Success,
            )
            return None
        table = self._table_to_map(source) if team is None else None
        if table is not None and self.ask_mapping(source):
            return self.import_with_mapping(str(source), output, table)
        output = self._ask_output(source, output) if team is None else team
        if output is None:
            return None
        task = LieuxTask(
            translate("LieuxFiles", "Import of {name}").format(name=source.name),
            lambda progress, canceled: import_lieux(source, output, progress, canceled, validate=False,
                                                    replace=replace),
            lambda summary, error: self._import_done(output, summary, error),
        )
        return self._start_import(task, source)

    def _ask_output(self, source: Path, output: str | None) -> str | None:
        """The working GeoPackage to create (asked when None), or None when the user gives up."""
        if output is None:
            output, _ = QFileDialog.getSaveFileName(
                self.iface.mainWindow(),
                translate("LieuxFiles", "Working GeoPackage to create"),
                str(working_gpkg_name(source)),
                translate("LieuxFiles", "GeoPackage (*.gpkg)"),
            )
            if not output:
                return None
        if Path(output).suffix.lower() != ".gpkg":
            output = f"{output}.gpkg"
        if is_open_in_project(Path(output)):
            self.iface.messageBar().pushMessage(
                translate("LieuxFiles", "Open a lieux file"),
                translate(
                    "LieuxFiles", "{name} is open in the project: remove its layers or choose another file name."
                ).format(name=Path(output).name),
                Qgis.MessageLevel.Warning,
            )
            return None
        return output

    def _start_import(self, task: LieuxTask, source: Path) -> LieuxTask:
        self._track(task)
        self.iface.messageBar().pushMessage(
            translate("LieuxFiles", "Lieux de médiation numérique"),
            translate("LieuxFiles", "Importing {name}… (progress and cancel in the task manager)").format(
                name=source.name
            ),
            Qgis.MessageLevel.Info,
        )
        return start_task(task)

    # -- import with a mapping ---------------------------------------------------------------------------

    def _table_to_map(self, source: Path):
        """The table of a file whose header is not the standard's (to offer a mapping), else None."""
        from ..core.errors import MednumError
        from ..core.mapping import read_source
        from ..core.mapping.proposal import header_is_standard

        header = _csv_header(source)
        if header is not None:  # a CSV: its first line tells (a standard file is then read once, by the import)
            from types import SimpleNamespace

            if header_is_standard(SimpleNamespace(header=header)):
                return None
        try:
            table = read_source(source)
        except MednumError:
            return None  # the import reports it with its own message
        return None if header_is_standard(table) else table

    def ask_mapping(self, source: Path) -> bool:
        """Offer the import with a mapping for a file whose columns are not the standard's."""
        from qgis.PyQt.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self.iface.mainWindow(),
            translate("LieuxFiles", "Open a lieux file"),
            translate(
                "LieuxFiles",
                "The columns of {name} are not the standard's: most fields would be empty and its columns kept "
                "aside. Import it with a mapping (proposed from its columns, editable, with a preview)?",
            ).format(name=source.name),
        )
        return answer == QMessageBox.StandardButton.Yes

    def profile_store(self):
        """The saved mapping profiles: the user's folder and, for a saved project, ``correspondances/`` beside it."""
        from ..core.mapping.store import ProfileStore

        user = Path(QgsApplication.qgisSettingsDirPath()) / "lieux_mednum" / "correspondances"
        home = QgsProject.instance().homePath()
        return ProfileStore(user, Path(home) / "correspondances" if home else None)

    def geocoding_cache_path(self) -> Path:
        """The BAN's answers kept between imports (addresses and their coordinates: no secret)."""
        return Path(QgsApplication.qgisSettingsDirPath()) / "lieux_mednum" / "ban-cache.json"

    def mapping_dialog(self, source: Path, table):
        from .mapping_dialog import MappingDialog

        return MappingDialog(table, source, self.profile_store(), parent=self.iface.mainWindow())

    def import_with_mapping(self, path: str | None = None, output: str | None = None, table=None):
        """« Importer avec une correspondance… »: the mapping dialog, then the import into a working GeoPackage."""
        from ..core.errors import MednumError
        from ..core.mapping import read_source

        title = translate("LieuxFiles", "Import with a mapping")
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.iface.mainWindow(), title, "", input_filter())
            if not path:
                return None
        source = Path(path)
        if table is None:
            try:
                table = read_source(source)
            except MednumError as error:
                self.iface.messageBar().pushMessage(title, error.message, Qgis.MessageLevel.Critical)
                return None
        dialog = self.mapping_dialog(source, table)
        if not dialog.exec():
            return None
        output = self._ask_output(source, output)
        if output is None:
            return None
        return self.start_mapped_import(source, output, dialog.profile(), dialog.source_name(), dialog.geocode())

    def start_mapped_import(self, source: Path, output: str, profile, source_name: str = "", geocode: bool = False):
        send = None
        if geocode:
            from ..api.ban import BanGeocoder
            from ..qgis.network import QgisTransport

            send = BanGeocoder(transport=QgisTransport()).geocode_csv
        task = LieuxTask(
            translate("LieuxFiles", "Import of {name}").format(name=source.name),
            lambda progress, canceled: import_lieux(
                source, output, progress, canceled, validate=False, mapping=profile, source_name=source_name,
                geocode=send, geocode_cache=self.geocoding_cache_path() if send else None,
            ),
            lambda summary, error: self._import_done(output, summary, error),
        )
        return self._start_import(task, source)

    def _import_done(self, output: str, summary, error: BaseException | None) -> None:
        title = translate("LieuxFiles", "Open a lieux file")
        if error is not None:
            self.iface.messageBar().pushMessage(title, user_message(error), Qgis.MessageLevel.Critical)
            return
        team = output if hasattr(output, "open_layer") else None
        try:
            layer = team.open_layer() if team is not None else load_working_layer(output)
        except MednumError as load_error:
            self.iface.messageBar().pushMessage(title, load_error.message, Qgis.MessageLevel.Critical)
            return
        add_working_layer(layer, self.iface)
        if summary.validated:
            self._validation_done(summary, None)
            return
        # the lieux are on the map: the validation counts of the summary follow, in the background
        self.iface.messageBar().pushMessage(
            translate("LieuxFiles", "Lieux de médiation numérique"), summary.headline(), Qgis.MessageLevel.Info, 5
        )
        self.validation_task = LieuxTask(
            translate("LieuxFiles", "Validation of {name}").format(
                name=team.display_name() if team is not None else Path(output).name),
            lambda progress, canceled: validate_import(summary),
            self._validation_done,
        )
        self._track(self.validation_task)
        start_task(self.validation_task)

    def _validation_done(self, summary, error: BaseException | None) -> None:
        if error is not None:
            self.iface.messageBar().pushMessage(
                translate("LieuxFiles", "Open a lieux file"), user_message(error), Qgis.MessageLevel.Critical
            )
            return
        level = Qgis.MessageLevel.Success if not summary.errors else Qgis.MessageLevel.Warning
        show_summary(self.iface, summary.headline(), summary.details(), level)

    # -- export ---------------------------------------------------------------------------------------

    def export_file(self) -> None:
        from .export_dialog import ExportDialog

        layer = self.iface.activeLayer()
        dialog = ExportDialog(self.iface.mainWindow(), layer if is_working_layer(layer) else None)
        if not dialog.exec():
            return
        self.start_export(dialog.selected_layer(), dialog.output_path(), dialog.selected_only(),
                          dialog.source_columns(), dialog.defuse_formulas())

    def start_export(
        self, layer: QgsVectorLayer, output: str, selected_only: bool = False, source_columns: bool = False,
        defuse_formulas: bool = False,
    ) -> LieuxTask | None:
        from ..qgis.import_export import export_records
        from ..qgis.working_layer import layer_snapshot

        read = layer_snapshot(layer, selected_only, source_columns=source_columns)  # read() runs in the task
        task = LieuxTask(
            translate("LieuxFiles", "Export to {name}").format(name=Path(output).name),
            lambda progress, canceled: export_records(read(), output, source=layer.name(), is_canceled=canceled,
                                                      source_columns=source_columns,
                                                      defuse_formulas=defuse_formulas),
            self._export_done,
        )
        self._track(task)
        return start_task(task)

    def _export_done(self, summary, error: BaseException | None) -> None:
        title = translate("LieuxFiles", "Export a conformant file")
        if error is not None:
            self.iface.messageBar().pushMessage(title, user_message(error), Qgis.MessageLevel.Critical)
            return
        level = Qgis.MessageLevel.Success if summary.conformant else Qgis.MessageLevel.Warning
        show_summary(self.iface, summary.headline(), summary.details(), level, title)
