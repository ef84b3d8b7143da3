"""The plugin class: wires the menu, toolbar, docks, translator and the Processing provider. No business logic.

How a feature plugs its GUI in
------------------------------
A *feature* is a class ``Feature(iface, plugin)`` with ``initGui()`` and ``unload()``, listed in
:func:`feature_classes`. In ``initGui()`` it uses the helpers of :class:`LieuxMednumPlugin`; everything added
through them is removed by the plugin at unload, after the feature's own ``unload()``:

* ``plugin.add_action(text, callback, icon=None, menu=True, toolbar=False, checkable=False, tooltip="",
  shortcut="", object_name="")`` → ``QAction`` in the "Lieux de médiation numérique" menu (Vector menu) and/or
  the plugin toolbar;
* ``plugin.add_dock(dock, area=Qt.RightDockWidgetArea)`` → adds a ``QDockWidget`` to the main window (give it
  an ``objectName`` so QGIS restores its position);
* ``plugin.on_unload(callback)`` → anything else to undo at unload (signal connections, map tools…);
* ``plugin.menu`` (``QMenu``) and ``plugin.toolbar`` (``QToolBar``) exist from ``initGui()`` on;
* ``plugin.iface``, ``plugin.provider`` (the Processing provider).

Runtime dependencies (requirements.txt) are checked at load: when one is missing the user gets a message
bar entry with the exact pip command, and a feature whose module cannot be imported is skipped (see
:func:`optional_feature`) instead of breaking the plugin.
"""

from __future__ import annotations

import importlib
import os
import traceback
from typing import Callable

from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTranslator
from qgis.PyQt.QtGui import QGuiApplication, QIcon
from qgis.PyQt.QtWidgets import QAction, QDockWidget, QMenu, QPushButton, QToolBar

from .__about__ import __icon_path__, __title__
from .core import i18n
from .core.dependencies import (
    Requirement,
    missing_message,
    missing_optional_requirements,
    missing_requirements,
    optional_message,
    pip_install_command,
    read_requirements,
)
from .core.i18n import translate
from .core.resources import I18N
from .toolbelt.log import PlgLogger

TRANSLATION_FILE = "lieux_mednum_{lang}.qm"
TOOLBAR_NAME = "LieuxMednumToolbar"
MENU_NAME = "LieuxMednumMenu"

# features whose import failed: {"module:Class": "missing module"} (filled by optional_feature)
_DISABLED_FEATURES: dict[str, str] = {}


def optional_feature(module: str, class_name: str) -> list[type]:
    """``[FeatureClass]`` imported from ``module`` (relative to this package), or ``[]`` when a module it
    needs is missing (a runtime dependency not installed): that feature alone is disabled."""
    try:
        return [getattr(importlib.import_module(module, __package__), class_name)]
    except ModuleNotFoundError as error:
        _DISABLED_FEATURES[f"{module}:{class_name}"] = error.name or str(error)
        PlgLogger.log(f"{class_name} disabled: module {error.name} is missing", Qgis.MessageLevel.Warning)
        return []


def feature_classes() -> list[type]:
    """GUI features (docks, dialogs) of the plugin, each ``cls(iface, plugin)`` with initGui()/unload().

    Add yours here, one line each: ``classes += optional_feature(".gui.my_dock", "MyDockFeature")`` (imported
    lazily, so that a missing runtime dependency disables only that feature).
    """
    classes: list[type] = []
    classes += optional_feature(".gui.lieux_files", "LieuxFilesFeature")
    classes += optional_feature(".gui.api_feature", "ApiFeature")
    classes += optional_feature(".gui.orientation_feature", "OrientationFeature")
    classes += optional_feature(".gui.validation_feature", "ValidationDockFeature")
    classes += optional_feature(".gui.team_feature", "TeamFeature")
    classes += optional_feature(".gui.coverage_feature", "CoverageFeature")
    return classes


def qgis_language() -> str:
    """Two-letter language of the QGIS user interface (QGIS's locale setting, else the system's), "en" by default.

    The environment variable MEDNUM_LANG (e.g. ``MEDNUM_LANG=fr qgis_process run mednum:validate …``) overrides it.
    """
    forced = os.environ.get("MEDNUM_LANG", "")[:2].lower()
    if len(forced) == 2 and forced.isalpha():
        return forced
    locale = ""
    try:
        locale = QgsApplication.locale() or ""
    except AttributeError:  # pragma: no cover (older QGIS)
        from qgis.core import QgsSettings

        locale = QgsSettings().value("locale/userLocale", "") or ""
    lang = locale[:2].lower()
    return lang if len(lang) == 2 and lang.isalpha() and lang != "c" else "en"


class LieuxMednumPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.features: list = []
        self.actions: list[QAction] = []
        self.docks: list[QDockWidget] = []
        self.menu: QMenu | None = None
        self.toolbar: QToolBar | None = None
        self.translator: QTranslator | None = None
        self.language = "en"
        self.missing_dependencies: list[Requirement] = []
        self.options_factory = None
        self._unload_callbacks: list[Callable[[], None]] = []
        self._help_action: QAction | None = None
        self._setup_translation()

    # ---------------------------------------------------------------- translation
    def _setup_translation(self) -> None:
        """Load i18n/lieux_mednum_<lang>.qm for the QGIS language; make the core's translate() follow it."""
        self.language = qgis_language()
        path = I18N / TRANSLATION_FILE.format(lang=self.language)
        translator = QTranslator()
        if path.exists() and translator.load(str(path)):
            QCoreApplication.installTranslator(translator)
            self.translator = translator
            i18n.install_translator(QCoreApplication.translate, self.language)
        else:
            # no compiled catalogue (English, or a development checkout): the core reads the .ts itself
            i18n.use_language(self.language)

    def _remove_translation(self) -> None:
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
        i18n.use_language(i18n.DEFAULT_LANGUAGE)

    # ---------------------------------------------------------------- processing
    def initProcessing(self) -> None:
        from .processing.provider import MednumProvider

        if self.provider is not None:
            return
        self.provider = MednumProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    # ---------------------------------------------------------------- GUI
    def initGui(self) -> None:
        _DISABLED_FEATURES.clear()
        self.initProcessing()
        self.menu = QMenu(__title__, self.iface.mainWindow())
        self.menu.setObjectName(MENU_NAME)
        self.menu.setIcon(QIcon(str(__icon_path__)))
        self.iface.vectorMenu().addMenu(self.menu)
        self.toolbar = self.iface.addToolBar(__title__)
        self.toolbar.setObjectName(TOOLBAR_NAME)

        self._check_dependencies()
        for cls in self._feature_classes():
            feature = None
            try:
                feature = cls(self.iface, self)
                feature.initGui()
            except ModuleNotFoundError as error:
                _DISABLED_FEATURES[cls.__name__] = error.name or str(error)
                PlgLogger.log(f"{cls.__name__} disabled: module {error.name} is missing", Qgis.MessageLevel.Warning)
                continue
            except Exception:  # noqa: BLE001 (a broken feature must not take the plugin down)
                self._feature_failed(cls, feature)
                continue
            self.features.append(feature)
        self._add_shell_actions()  # settings and help close the menu, after the features' actions

    def _feature_failed(self, cls: type, feature) -> None:
        """A feature raised in its start-up: details in the log, one line in the message bar, the rest runs."""
        PlgLogger.log(f"{cls.__name__} could not start:\n{traceback.format_exc()}", Qgis.MessageLevel.Critical)
        _DISABLED_FEATURES[cls.__name__] = "error"
        if feature is not None:
            try:
                feature.unload()
            except Exception:  # noqa: BLE001
                PlgLogger.log(f"{cls.__name__}.unload failed:\n{traceback.format_exc()}", Qgis.MessageLevel.Critical)
        self.iface.messageBar().pushMessage(
            __title__,
            translate("LieuxMednumPlugin", "A part of the plugin could not start ({name}); the details are in the "
                      "log panel, tab “{title}”.").format(name=cls.__name__, title=__title__),
            Qgis.MessageLevel.Critical,
            0,
        )

    def _feature_classes(self) -> list[type]:
        try:
            return feature_classes()
        except ModuleNotFoundError as error:
            # a feature imported without optional_feature() needs a missing module: no feature can load
            _DISABLED_FEATURES["*"] = error.name or str(error)
            PlgLogger.log(f"features disabled: module {error.name} is missing", Qgis.MessageLevel.Warning)
            return []

    def _add_shell_actions(self) -> None:
        from .gui.about_dialog import show_about
        from .gui.options_page import MednumOptionsFactory

        self.options_factory = MednumOptionsFactory()
        self.iface.registerOptionsWidgetFactory(self.options_factory)
        if self.menu.actions():
            self.menu.addSeparator()
        self.add_action(
            translate("LieuxMednumPlugin", "Settings…"),
            self.show_settings,
            icon=QgsApplication.getThemeIcon("/mActionOptions.svg"),
            object_name="mednumSettingsAction",
        )
        self._help_action = self.add_action(
            translate("LieuxMednumPlugin", "Help and about…"),
            lambda: show_about(self.iface.mainWindow(), self.missing_dependencies),
            icon=QgsApplication.getThemeIcon("/mActionHelpContents.svg"),
            object_name="mednumAboutAction",
        )
        # QGIS's "Plugins > Plugin help" menu, where users look for a plugin's documentation
        self.iface.pluginHelpMenu().addAction(self._help_action)
        self.on_unload(lambda: self.iface.pluginHelpMenu().removeAction(self._help_action))

    def show_settings(self) -> None:
        from .gui.options_page import OPTIONS_PAGE_NAME

        self.iface.showOptionsDialog(self.iface.mainWindow(), currentPage=OPTIONS_PAGE_NAME)

    # ---------------------------------------------------------------- helpers for features
    def add_action(
        self,
        text: str,
        callback: Callable | None = None,
        icon: QIcon | str | None = None,
        menu: bool = True,
        toolbar: bool = False,
        checkable: bool = False,
        tooltip: str = "",
        shortcut: str = "",
        object_name: str = "",
    ) -> QAction:
        """Create a QAction in the plugin menu and/or toolbar; it is removed and deleted at unload."""
        if isinstance(icon, str):
            icon = QIcon(icon)
        action = QAction(icon or QIcon(), text, self.iface.mainWindow())
        action.setCheckable(checkable)
        if tooltip:
            action.setToolTip(tooltip)
            action.setStatusTip(tooltip)
        if shortcut:
            action.setShortcut(shortcut)
        if object_name:
            action.setObjectName(object_name)
        if callback is not None and checkable:
            action.toggled.connect(callback)
        elif callback is not None:
            action.triggered.connect(lambda _checked=False: callback())
        if menu and self.menu is not None:
            self.menu.addAction(action)
        if toolbar and self.toolbar is not None:
            self.toolbar.addAction(action)
        self.actions.append(action)
        return action

    def add_dock(self, dock: QDockWidget, area: Qt.DockWidgetArea = Qt.RightDockWidgetArea) -> QDockWidget:
        """Add a dock widget to the QGIS main window; it is removed and deleted at unload."""
        self.iface.addDockWidget(area, dock)
        self.docks.append(dock)
        return dock

    def on_unload(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` at unload (after the features' own unload)."""
        self._unload_callbacks.append(callback)

    # ---------------------------------------------------------------- dependencies
    def _check_dependencies(self) -> None:
        requirements = read_requirements()  # requirements.txt read once for both lists
        self.missing_dependencies = missing_requirements(requirements)
        optional = missing_optional_requirements(requirements)
        if optional:  # a faster path only: said in the log, no message bar
            PlgLogger.log(optional_message(optional), Qgis.MessageLevel.Info)
        if not self.missing_dependencies:
            return
        message = missing_message(self.missing_dependencies)
        PlgLogger.log(message, Qgis.MessageLevel.Warning)
        bar = self.iface.messageBar()
        item = bar.createMessage(__title__, message)
        button = QPushButton(translate("LieuxMednumPlugin", "Copy the command"), item)
        command = pip_install_command(self.missing_dependencies)
        button.clicked.connect(lambda: QGuiApplication.clipboard().setText(command))
        item.layout().addWidget(button)
        bar.pushWidget(item, Qgis.MessageLevel.Warning, 0)

    @property
    def disabled_features(self) -> dict[str, str]:
        """Features not loaded because a module is missing: {feature: module}."""
        return dict(_DISABLED_FEATURES)

    # ---------------------------------------------------------------- unload
    def unload(self) -> None:
        for feature in reversed(self.features):
            try:
                feature.unload()
            except Exception as error:  # noqa: BLE001 (one broken feature must not keep the others loaded)
                PlgLogger.log(f"{type(feature).__name__}.unload failed: {error}", Qgis.MessageLevel.Critical)
        self.features.clear()
        for callback in reversed(self._unload_callbacks):
            callback()
        self._unload_callbacks.clear()
        for dock in self.docks:
            self.iface.removeDockWidget(dock)
            dock.setParent(None)
            dock.deleteLater()
        self.docks.clear()
        for action in self.actions:
            if self.menu is not None:
                self.menu.removeAction(action)
            if self.toolbar is not None:
                self.toolbar.removeAction(action)
            action.deleteLater()
        self.actions.clear()
        if self.options_factory is not None:
            self.iface.unregisterOptionsWidgetFactory(self.options_factory)
            self.options_factory = None
        if self.menu is not None:
            self.iface.vectorMenu().removeAction(self.menu.menuAction())
            self.menu.deleteLater()
            self.menu = None
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        self._remove_translation()

    @property
    def title(self) -> str:
        return __title__
