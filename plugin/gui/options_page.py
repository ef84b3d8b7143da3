"""The plugin's page in the QGIS options (Settings > Options), generated from :class:`PlgSettings`.

Every field of the settings dataclass that has a ``label`` in its metadata gets a widget chosen from its type
(or ``widget="authcfg"``: QGIS's authentication configuration selector);
"OK" in the QGIS options dialog saves them. Adding a setting never needs a change here.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from qgis.gui import QgsAuthConfigSelect, QgsOptionsPageWidget, QgsOptionsWidgetFactory
from qgis.PyQt import sip
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..__about__ import __icon_path__, __title__, __version__
from ..core.i18n import translate
from ..toolbelt.cpp_guard import cpp_override
from ..toolbelt.settings import PlgSettings, load_settings, save_settings

OPTIONS_PAGE_NAME = "mOptionsPageLieuxMednum"  # the page's object name (the plugin's Settings… action opens it)

SETTINGS_CONTEXT = "PlgSettings"


def _widget_for(value: Any, parent: QWidget, kind: str = "", help_text: str = "", metadata=None) -> QWidget:
    metadata = metadata or {}
    minimum, maximum = metadata.get("minimum", 0), metadata.get("maximum", 1e6)
    if kind == "authcfg":
        widget = QgsAuthConfigSelect(parent)
        widget.setConfigId(str(value or ""))
        return widget
    if isinstance(value, bool):
        widget = QCheckBox(parent)
        widget.setChecked(value)
    elif isinstance(value, int):
        widget = QSpinBox(parent)
        widget.setRange(int(minimum), int(min(maximum, 2**31 - 1)))
        widget.setValue(value)
    elif isinstance(value, float):
        widget = QDoubleSpinBox(parent)
        widget.setDecimals(int(metadata.get("decimals", 2)))  # « 30,0 », not « 30,000000 »
        widget.setRange(float(minimum), float(maximum))
        widget.setValue(value)
    else:
        widget = QLineEdit(parent)
        widget.setText(str(value))
        widget.setPlaceholderText(help_text)
        widget.setClearButtonEnabled(True)
    return widget


def _widget_value(widget: QWidget) -> Any:
    if isinstance(widget, QgsAuthConfigSelect):
        return widget.configId()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        return widget.value()
    return widget.text()


class MednumOptionsPage(QgsOptionsPageWidget):
    """Settings of the plugin, one row per labelled field of :class:`PlgSettings`."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)

        self.setObjectName(OPTIONS_PAGE_NAME)
        layout = QVBoxLayout(self)
        group = QGroupBox(f"{__title__} {__version__}", self)
        form = QFormLayout(group)
        self.widgets: dict[str, QWidget] = {}
        current = load_settings()
        for spec in fields(PlgSettings):
            label = spec.metadata.get("label")
            if not label:
                continue
            help_text = spec.metadata.get("help", "")
            help_text = translate(SETTINGS_CONTEXT, help_text) if help_text else ""
            widget = _widget_for(getattr(current, spec.name), group, spec.metadata.get("widget", ""), help_text,
                                 spec.metadata)
            widget.setObjectName(f"setting_{spec.name}")
            widget.setToolTip(help_text)
            form.addRow(QLabel(translate(SETTINGS_CONTEXT, label), group), widget)
            self.widgets[spec.name] = widget
        layout.addWidget(group)
        layout.addStretch(1)

    @cpp_override(None)
    def apply(self) -> None:
        current = load_settings()
        for name, widget in self.widgets.items():
            setattr(current, name, _widget_value(widget))
        save_settings(current)


class MednumOptionsFactory(QgsOptionsWidgetFactory):
    def __init__(self):
        super().__init__()
        self.setTitle(__title__)
        self.setIcon(QIcon(str(__icon_path__)))

    @cpp_override(None)
    def createWidget(self, parent: QWidget | None) -> MednumOptionsPage:
        page = MednumOptionsPage(parent)
        # QGIS keeps only the C++ page: the factory keeps the Python one (its apply() override) until QGIS
        # deletes it, and C++ owns it when it has no parent yet
        self._pages = [p for p in getattr(self, "_pages", []) if not sip.isdeleted(p)] + [page]
        if page.parent() is None:
            sip.transferto(page, None)
        return page
