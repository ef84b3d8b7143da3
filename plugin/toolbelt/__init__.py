"""Plugin-wide helpers for the QGIS side: one logger, one settings wrapper, translation set-up."""
