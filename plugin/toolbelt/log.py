"""The plugin's one logger: QGIS message log, and the message bar when the user must see it."""

from __future__ import annotations

from qgis.core import Qgis, QgsMessageLog

from ..__about__ import __title__


class PlgLogger:
    """Log to the "Lieux de médiation numérique" tab of the QGIS log; optionally push to the message bar."""

    @staticmethod
    def log(
        message: str,
        level: Qgis.MessageLevel = Qgis.MessageLevel.Info,
        push: bool = False,
        duration: int | None = None,
        title: str | None = None,
    ) -> None:
        QgsMessageLog.logMessage(message, __title__, level, notifyUser=push)
        if not push:
            return
        from qgis.utils import iface

        if iface is None:
            return
        bar = iface.messageBar()
        if duration is None:
            duration = {Qgis.MessageLevel.Critical: 0, Qgis.MessageLevel.Warning: 10}.get(level, 5)
        bar.pushMessage(title or __title__, message, level, duration)
