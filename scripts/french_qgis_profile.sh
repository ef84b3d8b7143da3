# Sourced by the screenshot scripts: a throw-away QGIS settings folder with the plugin linked in and QGIS in
# French, without tips or news at start-up (your own profile is left alone).
# french_qgis_profile CONFIG_DIR
french_qgis_profile() {
  QGIS_CUSTOM_CONFIG_PATH="$1" scripts/install.sh --no-deps >/dev/null
  /usr/bin/python3 - "$1/profiles/default/QGIS/QGIS3.ini" <<'PY'
import sys
from PyQt5.QtCore import QSettings
s = QSettings(sys.argv[1], QSettings.IniFormat)
for key, value in {"locale/overrideFlag": True, "locale/userLocale": "fr_FR", "qgis/showTips322": False,
                   "core/NewsFeed/httpsfeedqgisorg/disabled": True, "qgis/checkVersion": False}.items():
    s.setValue(key, value)
s.sync()
PY
}
