"""Load an installed copy of the plugin in a fresh QGIS process, as QGIS does, and print what happened as JSON.

Usage: python load_installed_plugin.py PLUGINS_DIR DATA_FILE — PLUGINS_DIR holds ``lieux_mednum/``. The QGIS
settings folder comes from QGIS_CUSTOM_CONFIG_PATH (the caller sets the language there).
Run by tests/qgis/test_package.py in a subprocess: the test process already imported ``lieux_mednum``.
"""

import json
import sys

plugins_dir, data_file = sys.argv[1], sys.argv[2]
sys.path.insert(0, plugins_dir)

from qgis.core import QgsApplication  # noqa: E402
from qgis.PyQt.QtCore import QCoreApplication  # noqa: E402

# as QGIS Desktop: the settings are <profile>/QGIS/QGIS3.ini
QCoreApplication.setOrganizationName("QGIS")
QCoreApplication.setApplicationName("QGIS3")
app = QgsApplication([], False)
app.initQgis()
sys.path.append(QgsApplication.pkgDataPath() + "/python/plugins")
from processing.core.Processing import Processing  # noqa: E402

Processing.initialize()
from unittest.mock import MagicMock  # noqa: E402

import processing  # noqa: E402
from qgis.gui import QgsMessageBar  # noqa: E402
from qgis.PyQt.QtWidgets import QMainWindow  # noqa: E402

# a QgisInterface stand-in: real main window, toolbar and message bar; every other call is recorded
main_window, message_bar = QMainWindow(), QgsMessageBar()
iface = MagicMock()
iface.mainWindow.return_value = main_window
iface.messageBar.return_value = message_bar
iface.addToolBar.side_effect = main_window.addToolBar

import lieux_mednum  # noqa: E402

plugin = lieux_mednum.classFactory(iface)
plugin.initGui()
registry = QgsApplication.processingRegistry()
results = processing.run("mednum:validate", {"INPUT": data_file, "OUTPUT": "TEMPORARY_OUTPUT"})
outcome = {
    "module": lieux_mednum.__file__,
    "language": plugin.language,
    "translator": plugin.translator is not None,
    "actions": {action.objectName(): action.text() for action in plugin.actions},
    "algorithm": registry.algorithmById("mednum:validate").displayName(),
    "rows": results["ROWS"],
    "errors": results["ERRORS"],
    "warnings": results["WARNINGS"],
    "missing_dependencies": [req.distribution for req in plugin.missing_dependencies],
}
plugin.unload()
outcome["provider_after_unload"] = registry.providerById("mednum") is not None
print(json.dumps(outcome))
app.exitQgis()
