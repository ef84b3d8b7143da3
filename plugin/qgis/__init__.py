"""QGIS side without widgets: layers, records of layers, tasks (imports qgis.core; no widgets here)."""
