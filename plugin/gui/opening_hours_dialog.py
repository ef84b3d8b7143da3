"""A weekly grid that writes the OpenStreetMap opening-hours string of a lieu.

Each day has up to two opening spans (morning, afternoon). The grid reads plain weekly strings
(``Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00``); a string with more (months, holidays,
comments, three spans a day) is shown as it is and replaced only if the user edits the grid.
"""

from __future__ import annotations

import html

from qgis.PyQt.QtCore import QTime
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ..core.hours_grid import hours_from_week, week_from_hours
from ..core.hours_text import describe_hours, weekday_name

SPANS_PER_DAY = 2
DEFAULT_SPANS = ((9 * 60, 12 * 60), (14 * 60, 17 * 60))


def _time(minutes: int) -> QTime:
    return QTime(min(minutes, 1439) // 60, min(minutes, 1439) % 60)


def _minutes(time: QTime, end: bool = False) -> int:
    minutes = time.hour() * 60 + time.minute()
    return 1440 if end and minutes == 0 else minutes


class OpeningHoursDialog(QDialog):
    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Opening hours"))
        self._original = text or ""
        self._edited = False
        layout = QVBoxLayout(self)
        week = week_from_hours(self._original)
        if week is None or any(len(spans) > SPANS_PER_DAY for spans in week):
            note = QLabel(
                self.tr(
                    "The current opening hours use rules the grid cannot show ({text}). "
                    "They are kept unless you change the grid."
                ).format(text=self._original),
                self,
            )
            note.setWordWrap(True)
            layout.addWidget(note)
            week = [[] for _ in range(7)]
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Open"), self), 0, 1)
        grid.addWidget(QLabel(self.tr("Morning / first span"), self), 0, 2, 1, 3)
        grid.addWidget(QLabel(self.tr("Afternoon / second span"), self), 0, 5, 1, 3)
        self.rows = []
        for day in range(7):
            name = weekday_name(day)  # the plugin's language, not the number locale of the system
            name = name[:1].upper() + name[1:]
            open_box = QCheckBox(name, self)
            open_box.setChecked(bool(week[day]))
            grid.addWidget(open_box, day + 1, 0, 1, 2)
            spans = []
            for index in range(SPANS_PER_DAY):
                enabled = QCheckBox(self)
                start = QTimeEdit(self)
                end = QTimeEdit(self)
                for edit in (start, end):
                    edit.setDisplayFormat("HH:mm")
                default = week[day][index] if index < len(week[day]) else DEFAULT_SPANS[index]
                start.setTime(_time(default[0]))
                end.setTime(_time(default[1] % 1440 if default[1] != 1440 else 0))
                enabled.setChecked(index < len(week[day]))
                column = 2 + 3 * index
                grid.addWidget(enabled, day + 1, column)
                grid.addWidget(start, day + 1, column + 1)
                grid.addWidget(end, day + 1, column + 2)
                for widget in (enabled, start, end):
                    signal = widget.toggled if isinstance(widget, QCheckBox) else widget.timeChanged
                    signal.connect(self._on_edit)
                spans.append((enabled, start, end))
            open_box.toggled.connect(self._on_edit)
            self.rows.append((open_box, spans))
        layout.addLayout(grid)
        self.preview = QLabel(self)
        self.preview.setWordWrap(True)
        layout.addWidget(self.preview)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update_enabled()
        self._update_preview()

    def week(self) -> list[list[tuple[int, int]]]:
        week = []
        for open_box, spans in self.rows:
            day = []
            if open_box.isChecked():
                for enabled, start, end in spans:
                    if enabled.isChecked():
                        day.append((_minutes(start.time()), _minutes(end.time(), end=True)))
            week.append(day)
        return week

    def opening_hours(self) -> str:
        """The OSM string of the grid, or the original string when the grid was not changed."""
        return hours_from_week(self.week()) if self._edited else self._original

    def _on_edit(self, *_args) -> None:
        self._edited = True
        self._update_enabled()
        self._update_preview()

    def _update_enabled(self) -> None:
        """Times of a closed day or an unticked span are greyed out."""
        for open_box, spans in self.rows:
            for enabled, start, end in spans:
                enabled.setEnabled(open_box.isChecked())
                for edit in (start, end):
                    edit.setEnabled(open_box.isChecked() and enabled.isChecked())

    def _update_preview(self) -> None:
        text = self.opening_hours()
        lines = describe_hours(text).lines
        if not text:
            self.preview.setText(self.tr("Closed every day"))
            return
        self.preview.setText(f"<b>{html.escape(text)}</b><br>" + "<br>".join(html.escape(line) for line in lines))
