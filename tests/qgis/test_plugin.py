"""The plugin loads through classFactory like QGIS loads it, and unload() leaves nothing behind."""

from __future__ import annotations

import importlib
import sys
import textwrap

import pytest
from qgis.core import Qgis, QgsApplication
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QMenu, QPushButton, QToolBar


def flush_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    QCoreApplication.processEvents()


@pytest.fixture()
def loaded_plugin(plugin_package, qgis_iface, qgis_processing):
    plugin = plugin_package.classFactory(qgis_iface)
    plugin.initGui()
    yield plugin
    if plugin.provider is not None or plugin.menu is not None:
        plugin.unload()
    flush_deletes()


def test_class_factory_gives_the_plugin(plugin_package, qgis_iface):
    plugin = plugin_package.classFactory(qgis_iface)
    assert type(plugin).__module__ == "lieux_mednum.plugin.main"
    assert plugin.title == "Lieux de médiation numérique"


def test_init_gui_registers_provider_menu_toolbar_and_actions(loaded_plugin, qgis_iface):
    registry = QgsApplication.processingRegistry()
    assert registry.providerById("mednum") is loaded_plugin.provider
    assert isinstance(loaded_plugin.menu, QMenu)
    qgis_iface.vectorMenu().addMenu.assert_called_with(loaded_plugin.menu)
    assert isinstance(loaded_plugin.toolbar, QToolBar)
    names = [action.objectName() for action in loaded_plugin.menu.actions()]
    assert names[-2:] == ["mednumSettingsAction", "mednumAboutAction"], "settings and help close the menu"
    qgis_iface.registerOptionsWidgetFactory.assert_called_with(loaded_plugin.options_factory)


def test_unload_leaves_no_action_menu_toolbar_or_provider(loaded_plugin, qgis_iface):
    plugin = loaded_plugin
    toolbar_action = plugin.add_action("Test", lambda: None, toolbar=True, object_name="mednumTestAction")
    actions = list(plugin.actions)
    menu, toolbar, factory = plugin.menu, plugin.toolbar, plugin.options_factory
    menu_action = menu.menuAction()
    main_window = qgis_iface.mainWindow()
    assert toolbar_action in toolbar.actions()

    plugin.unload()
    flush_deletes()

    assert QgsApplication.processingRegistry().providerById("mednum") is None
    assert all(sip.isdeleted(action) for action in actions)
    assert sip.isdeleted(menu)
    qgis_iface.vectorMenu().removeAction.assert_called_with(menu_action)
    assert sip.isdeleted(toolbar)
    assert main_window.findChildren(QToolBar, "LieuxMednumToolbar") == []
    qgis_iface.unregisterOptionsWidgetFactory.assert_called_with(factory)
    assert plugin.actions == [] and plugin.docks == [] and plugin.features == []
    assert plugin.translator is None


def test_features_get_helpers_and_are_unloaded(plugin_package, qgis_iface, qgis_processing, monkeypatch):
    from qgis.PyQt.QtWidgets import QDockWidget

    main = importlib.import_module("lieux_mednum.plugin.main")
    events = []

    class DockFeature:
        def __init__(self, iface, plugin):
            self.plugin = plugin

        def initGui(self):
            self.dock = self.plugin.add_dock(QDockWidget("Dock"))
            self.action = self.plugin.add_action("Show", self.dock.show, toolbar=True)
            self.plugin.on_unload(lambda: events.append("callback"))

        def unload(self):
            events.append("feature")

    monkeypatch.setattr(main, "feature_classes", lambda: [DockFeature])
    plugin = plugin_package.classFactory(qgis_iface)
    plugin.initGui()
    feature = plugin.features[0]
    dock = feature.dock
    assert plugin.docks == [dock]
    plugin.unload()
    flush_deletes()
    assert events == ["feature", "callback"]
    assert plugin.docks == []
    assert sip.isdeleted(dock) and sip.isdeleted(feature.action)


def test_missing_dependency_is_named_with_its_pip_command_and_disables_only_its_feature(
    plugin_package, qgis_iface, qgis_processing, monkeypatch, tmp_path
):
    """Simulate an uninstalled phonenumbers: import fails, as it does in a QGIS without it."""
    monkeypatch.setitem(sys.modules, "phonenumbers", None)
    (tmp_path / "needs_phonenumbers.py").write_text(
        textwrap.dedent(
            """
            import phonenumbers

            class PhoneFeature:
                def __init__(self, iface, plugin): pass
                def initGui(self): pass
                def unload(self): pass
            """
        )
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    main = importlib.import_module("lieux_mednum.plugin.main")

    class PlainFeature:
        def __init__(self, iface, plugin):
            pass

        def initGui(self):
            pass

        def unload(self):
            pass

    monkeypatch.setattr(
        main, "feature_classes", lambda: main.optional_feature("needs_phonenumbers", "PhoneFeature") + [PlainFeature]
    )
    bar = qgis_iface.messageBar()
    plugin = plugin_package.classFactory(qgis_iface)
    plugin.initGui()  # no exception: the user gets a message, not a traceback
    try:
        assert [req.distribution for req in plugin.missing_dependencies] == ["phonenumbers"]
        item = bar.currentItem()
        assert item is not None and item.level() == Qgis.MessageLevel.Warning
        assert "phonenumbers" in item.text()
        assert 'pip install --user' in item.text() and '"phonenumbers>=8.13"' in item.text()
        button = item.findChild(QPushButton)
        button.click()
        assert "pip install" in QgsApplication.clipboard().text()
        assert plugin.disabled_features == {"needs_phonenumbers:PhoneFeature": "phonenumbers"}
        assert [type(f).__name__ for f in plugin.features] == ["PlainFeature"]
        assert QgsApplication.processingRegistry().providerById("mednum") is not None
    finally:
        plugin.unload()
        bar.clearWidgets()
        flush_deletes()


def test_no_message_when_every_dependency_is_installed(loaded_plugin, qgis_iface):
    assert loaded_plugin.missing_dependencies == []
    assert qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning) == []


def test_settings_page_reads_and_saves_plg_settings(plugin_package, qgis_iface):
    from lieux_mednum.plugin.gui.options_page import MednumOptionsFactory
    from lieux_mednum.plugin.toolbelt.settings import load_settings, set_setting

    set_setting("default_source", "Hub du Sud")
    page = MednumOptionsFactory().createWidget(None)
    assert page.objectName() == "mOptionsPageLieuxMednum"
    assert page.widgets["default_source"].text() == "Hub du Sud"
    page.widgets["default_source"].setText("Hub Ultra Numérique")
    page.apply()
    assert load_settings().default_source == "Hub Ultra Numérique"
    set_setting("default_source", "")


def test_number_settings_show_sensible_decimals_and_ranges(plugin_package):
    from lieux_mednum.plugin.gui.options_page import MednumOptionsFactory
    from qgis.PyQt.QtWidgets import QDoubleSpinBox, QSpinBox

    page = MednumOptionsFactory().createWidget(None)
    distance = page.widgets["validation_centroid_distance_km"]
    assert isinstance(distance, QDoubleSpinBox)
    assert distance.decimals() == 1 and distance.value() == 30.0
    assert distance.textFromValue(distance.value()) in ("30.0", "30,0")  # not « 30.000000 »
    for widget in page.widgets.values():
        if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
            assert widget.minimum() == 0, widget.objectName()  # no negative distance, delay or similarity


def test_about_dialog_shows_version_and_readme(plugin_package):
    from lieux_mednum.plugin.__about__ import __version__
    from lieux_mednum.plugin.gui.about_dialog import AboutDialog

    dialog = AboutDialog(None)
    assert __version__ in dialog.about_browser.toPlainText()
    assert "make demo" in dialog.help_browser.toPlainText()


def test_authcfg_settings_use_the_qgis_authentication_selector(plugin_package):
    from dataclasses import fields

    from lieux_mednum.plugin.gui.options_page import MednumOptionsFactory
    from lieux_mednum.plugin.toolbelt.settings import PlgSettings
    from qgis.gui import QgsAuthConfigSelect

    page = MednumOptionsFactory().createWidget(None)
    auth_fields = [f.name for f in fields(PlgSettings) if f.metadata.get("widget") == "authcfg"]
    for name in auth_fields:
        assert isinstance(page.widgets[name], QgsAuthConfigSelect)
    labelled = [f.name for f in fields(PlgSettings) if f.metadata.get("label")]
    assert sorted(page.widgets) == sorted(labelled), "every labelled setting has its widget"


def test_every_processing_algorithm_is_documented_in_the_readme(repo_root, qgis_processing):
    from plugin.processing.provider import algorithm_classes

    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    processing_section = readme[readme.index("## Processing"):readme.index("## Ligne de commande")]
    for cls in algorithm_classes():
        algorithm = cls()
        assert f"`mednum:{algorithm.name()}`" in processing_section, algorithm.name()
        assert algorithm.shortHelpString().strip(), f"mednum:{algorithm.name()} has no help"


def test_the_providers_table_names_each_algorithm_by_its_own_id(qgis_processing):
    """The ids the provider keeps for algorithms whose module cannot be imported are the classes' own."""
    from plugin.processing.provider import ALGORITHMS, algorithm_classes

    assert [cls().name() for cls in algorithm_classes()] == [algorithm_id for _m, _c, algorithm_id in ALGORITHMS]


def test_an_algorithm_whose_module_cannot_be_imported_says_what_to_install(qgis_processing, monkeypatch):
    from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback

    from plugin.processing import provider as provider_module

    real_import = provider_module.importlib.import_module

    def without_orient(name, *args):
        if name.endswith(".orient"):
            raise ModuleNotFoundError("No module named 'rapidfuzz'", name="rapidfuzz")
        return real_import(name, *args)

    monkeypatch.setattr(provider_module.importlib, "import_module", without_orient)
    monkeypatch.setattr(provider_module, "missing_requirements",
                        lambda: [provider_module.Requirement("rapidfuzz", ">=3.0")])
    provider = provider_module.MednumProvider()
    provider.loadAlgorithms()
    algorithms = {a.name(): a for a in provider.algorithms()}
    assert sorted(algorithms) == sorted(a for _m, _c, a in provider_module.ALGORITHMS)
    orient = algorithms["orient"]
    assert isinstance(orient, provider_module.MissingDependencyAlgorithm)
    ok, message = orient.canExecute()
    assert not ok and "rapidfuzz" in message and "pip install" in message
    assert orient.createInstance().shortHelpString() == message
    with pytest.raises(QgsProcessingException, match="rapidfuzz"):
        orient.processAlgorithm({}, QgsProcessingContext(), QgsProcessingFeedback())
    assert not isinstance(algorithms["validate"], provider_module.MissingDependencyAlgorithm)


def test_a_feature_that_fails_to_start_is_reported_and_the_others_load(
    plugin_package, qgis_iface, qgis_processing, monkeypatch
):
    main = importlib.import_module("lieux_mednum.plugin.main")
    unloaded = []

    class BrokenFeature:
        def __init__(self, iface, plugin):
            self.plugin = plugin

        def initGui(self):
            self.plugin.add_action("Half-made", lambda: None, object_name="mednumHalfMade")
            raise RuntimeError("bug in a feature")

        def unload(self):
            unloaded.append(True)

    class GoodFeature:
        def __init__(self, iface, plugin):
            pass

        def initGui(self):
            pass

        def unload(self):
            pass

    monkeypatch.setattr(main, "feature_classes", lambda: [BrokenFeature, GoodFeature])
    bar = qgis_iface.messageBar()
    bar.clear_messages()
    plugin = plugin_package.classFactory(qgis_iface)
    plugin.initGui()  # no exception reaches QGIS
    try:
        assert [type(f).__name__ for f in plugin.features] == ["GoodFeature"]
        assert unloaded == [True], "the broken feature could undo what it started"
        messages = bar.get_messages(Qgis.MessageLevel.Critical)
        assert len(messages) == 1 and "BrokenFeature" in messages[0]
        assert "Traceback" not in messages[0]
        assert plugin.disabled_features["BrokenFeature"] == "error"
    finally:
        plugin.unload()
        flush_deletes()
    assert all(action.objectName() != "mednumHalfMade" for action in plugin.actions)
