"""The Qt widgets of the lieu form: a text editor that knows its field (links, opening hours,
length counter) and shows the validator's messages for it. No QGIS form logic here: the editor
widget wrappers (`editor_widgets.py`) put these widgets into QGIS attribute forms.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from urllib.parse import urlparse

from qgis.PyQt.QtCore import QSize, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..core.form_layout import EditorKind
from ..core.hours_text import describe_hours
from ..core.i18n import translate
from ..core.records import split_list
from ..toolbelt.cpp_guard import cpp_override

LINK_SCHEMES = ("http", "https")
ERROR_COLOR = "#c62828"
WARNING_COLOR = "#b35900"
HINT_COLOR = "#555555"


def is_web_link(text: str) -> bool:
    """An absolute http(s) URL with a host: the only links the form makes clickable."""
    try:
        parsed = urlparse(text.strip())
    except ValueError:
        return False
    return parsed.scheme.lower() in LINK_SCHEMES and bool(parsed.netloc)


def links_html(value: str, multi: bool) -> str:
    """Clickable links for the http(s) URLs of ``value``; anything else is shown as plain text."""
    items = split_list(value) if multi else ([value] if value else [])
    parts = []
    for item in items:
        if is_web_link(item):
            url = html.escape(item.strip(), quote=True)
            parts.append(f'<a href="{url}">{html.escape(item.strip())}</a>')
        else:
            parts.append(
                f'<span style="color:{WARNING_COLOR}">{html.escape(item)} — '
                + html.escape(translate("FieldEditor", "not a web link (http or https)"))
                + "</span>"
            )
    return "<br>".join(parts)


class MessageLabel(QLabel):
    """The validator's messages for one field, under its editor (hidden when there are none)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.hide()

    # The attribute form's grid does not ask a wrapped label its height for the width it gets: Qt's guess
    # (a narrower width, more lines) leaves a gap under the messages. Report the height for the real width.
    @cpp_override(default_factory=QSize)
    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        hint = super().sizeHint()
        return QSize(hint.width(), self.heightForWidth(self.width())) if self.width() > 50 else hint

    @cpp_override(default_factory=QSize)
    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        hint = super().minimumSizeHint()
        return QSize(hint.width(), self.sizeHint().height())

    @cpp_override(None)
    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()

    def set_messages(self, messages: Sequence[tuple[str, str]]) -> None:
        """``messages``: (severity "error"|"warning", text)."""
        if not messages:
            self.clear()
            self.hide()
            return
        lines = []
        for severity, text in messages:
            color = ERROR_COLOR if severity == "error" else WARNING_COLOR
            symbol = "✖" if severity == "error" else "⚠"
            lines.append(f'<span style="color:{color}">{symbol} {html.escape(text)}</span>')
        self.setText("<br>".join(lines))
        self.show()


class FieldEditor(QWidget):
    """Edits the text of one field. ``kind`` (form_layout.EditorKind) adds what the field needs:
    clickable links, opening hours in words with a weekly grid, a length counter."""

    valueChanged = pyqtSignal(str)

    def __init__(
        self,
        kind: str = EditorKind.TEXT,
        multi: bool = False,
        max_length: int | None = None,
        placeholder: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.kind = kind
        self.multi = multi
        self.max_length = max_length
        self._read_only = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        row = QHBoxLayout()
        row.setSpacing(4)
        if kind == EditorKind.MULTILINE:
            self.editor = QPlainTextEdit(self)
            self.editor.setTabChangesFocus(True)
            self.editor.setPlaceholderText(placeholder)
            lines = 3 if (max_length or 0) and max_length <= 500 else 6
            self.editor.setFixedHeight(self.editor.fontMetrics().lineSpacing() * lines + 12)
            self.editor.textChanged.connect(self._changed)
        else:
            self.editor = QLineEdit(self)
            self.editor.setPlaceholderText(placeholder)
            self.editor.textEdited.connect(self._changed)
        row.addWidget(self.editor, 1)
        self.grid_button = None
        if kind == EditorKind.OPENING_HOURS:
            self.grid_button = QPushButton(self.tr("Weekly grid…"), self)
            self.grid_button.setToolTip(self.tr("Edit the opening hours day by day"))
            self.grid_button.clicked.connect(self._edit_grid)
            row.addWidget(self.grid_button)
        layout.addLayout(row)
        self.info = QLabel(self)  # links, hours in words, length
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.info.setOpenExternalLinks(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.info.hide()
        layout.addWidget(self.info)
        self.messages = MessageLabel(self)
        layout.addWidget(self.messages)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.setFocusProxy(self.editor)

    # -- value ----------------------------------------------------------------------------------

    def text(self) -> str:
        if isinstance(self.editor, QPlainTextEdit):
            return self.editor.toPlainText()
        return self.editor.text()

    def setText(self, text: str | None) -> None:
        text = text or ""
        if isinstance(self.editor, QPlainTextEdit):
            self.editor.blockSignals(True)
            self.editor.setPlainText(text)
            self.editor.blockSignals(False)
        else:
            self.editor.setText(text)
        self._update_info()

    def set_user_text(self, text: str) -> None:
        """Replace the text as if the user typed it (signals emitted)."""
        self.setText(text)
        self.valueChanged.emit(self.text())

    def setReadOnly(self, read_only: bool) -> None:
        self._read_only = read_only
        self.editor.setReadOnly(read_only)
        if self.grid_button is not None:
            self.grid_button.setEnabled(not read_only)

    def set_messages(self, messages: Sequence[tuple[str, str]]) -> None:
        self.messages.set_messages(messages)

    # -- behaviour ------------------------------------------------------------------------------

    def _changed(self, *_args) -> None:
        self._update_info()
        self.valueChanged.emit(self.text())

    def _update_info(self) -> None:
        text = self.text()
        html_text = ""
        if self.kind == EditorKind.LINK:
            html_text = links_html(text, self.multi)
        elif self.kind == EditorKind.OPENING_HOURS:
            html_text = self._hours_html(text)
        elif self.max_length:
            color = ERROR_COLOR if len(text) > self.max_length else HINT_COLOR
            html_text = f'<span style="color:{color}">{len(text)} / {self.max_length}</span>'
        self.info.setText(html_text)
        self.info.setVisible(bool(html_text))

    def _hours_html(self, text: str) -> str:
        if not text.strip():
            return ""
        words = describe_hours(text)
        color = HINT_COLOR if words.valid else ERROR_COLOR
        prefix = "" if words.valid else "✖ "
        lines = "<br>".join(html.escape(line) for line in words.lines)
        return f'<span style="color:{color}">{prefix}{lines}</span>'

    def _edit_grid(self) -> None:
        from .opening_hours_dialog import OpeningHoursDialog

        dialog = OpeningHoursDialog(self.text(), self)
        if dialog.exec():
            self.set_user_text(dialog.opening_hours())
