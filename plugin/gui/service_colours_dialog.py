"""The dialog of the Orientation dock that chooses one colour per service of the standard (saved with the
project by the dock; defaults from :mod:`..qgis.service_style`)."""

from __future__ import annotations

from qgis.gui import QgsColorButton
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QWidget

from ..core.i18n import translate
from ..qgis import service_style

CTX = "OrientationDock"


def tr(text: str) -> str:
    return translate(CTX, text)


class ServiceColoursDialog(QDialog):
    """One colour button per service of the standard."""

    def __init__(self, colours: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Colours of the services"))
        layout = QFormLayout(self)
        self.buttons: dict[str, QgsColorButton] = {}
        for service, colour in service_style.colours_with_defaults(colours).items():
            button = QgsColorButton(self)
            button.setColor(QColor(colour))
            button.setDefaultColor(QColor(service_style.default_colours()[service]))
            button.setShowNoColor(False)
            button.setMinimumWidth(80)
            layout.addRow(service, button)
            self.buttons[service] = button
        buttons = QDialogButtonBox.StandardButton
        box = QDialogButtonBox(buttons.Ok | buttons.Cancel | buttons.RestoreDefaults, self)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        box.button(buttons.RestoreDefaults).clicked.connect(self._defaults)
        layout.addRow(box)

    def _defaults(self) -> None:
        for service, colour in service_style.default_colours().items():
            self.buttons[service].setColor(QColor(colour))

    def colours(self) -> dict[str, str]:
        return {service: button.color().name() for service, button in self.buttons.items()}
