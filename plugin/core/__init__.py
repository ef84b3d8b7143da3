"""Pure-Python core: no Qt, no QGIS import anywhere below this package."""
