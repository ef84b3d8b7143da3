"""Every layer picker of the plugin lists point layers only: no attribute table, no polygon layer."""

from __future__ import annotations

from qgis.core import QgsProject, QgsVectorLayer


def listed(combo) -> set[str]:
    return {combo.layer(row).name() for row in range(combo.count()) if combo.layer(row) is not None}


def test_pickers_list_only_point_layers(qgis_iface, qgis_new_project, lieux_layer):
    from plugin.gui.export_dialog import ExportDialog
    from plugin.gui.orientation_dock import OrientationDock
    from plugin.gui.push_dialog import PushDialog
    from plugin.gui.validation_dock import ValidationDock

    table = QgsVectorLayer("None?field=code:string", "Anomalies", "memory")
    polygons = QgsVectorLayer("Polygon?crs=EPSG:4326", "Départements", "memory")
    QgsProject.instance().addMapLayers([table, polygons])
    export = ExportDialog(None, lieux_layer)
    orientation = OrientationDock(qgis_iface, background=False, lazy=False)
    validation = ValidationDock(qgis_iface)
    push = PushDialog(None, lieux_layer, qgis_iface)
    try:
        for combo in (export.layer_combo, orientation.layer_combo, validation.layer_combo, push.layer_combo):
            assert listed(combo) == {lieux_layer.name()}, combo.objectName()
    finally:
        orientation.cleanup()
        validation.unload()
        push.close()
        for widget in (export, orientation, validation, push):
            widget.deleteLater()
