"""Plugin identity read from metadata.txt (the single source of truth for name and version).

Pure Python: imported by the CLI as well as by the QGIS plugin.
"""

from __future__ import annotations

import configparser
from pathlib import Path

PLUGIN_ROOT = Path(__file__).resolve().parent.parent
METADATA_FILE = PLUGIN_ROOT / "metadata.txt"


def _read_metadata() -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keep key case (description[fr])
    parser.read(METADATA_FILE, encoding="utf-8")
    return dict(parser["general"])


_METADATA = _read_metadata()

__title__: str = _METADATA["name"]
__version__: str = _METADATA["version"]
__icon_path__: Path = PLUGIN_ROOT / _METADATA["icon"]
__homepage__: str = _METADATA.get("homepage", "")
__tracker__: str = _METADATA.get("tracker", "")
PLUGIN_PACKAGE = "lieux_mednum"


def metadata_text(key: str, lang: str = "en") -> str:
    """A metadata.txt value in ``lang`` when translated there (``description[fr]``), else the default one."""
    return _METADATA.get(f"{key}[{lang}]") or _METADATA.get(key, "")
