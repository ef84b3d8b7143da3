"""lieux_mednum: the QGIS plugin for the lieux de médiation numérique standard."""
