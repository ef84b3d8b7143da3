""""Merge two lieux": both records side by side, field by field, the most recent value pre-selected.

The agent picks the lieu to keep (its ``id`` and feature stay; the other is deleted and journaled) and, for
each field where the two differ, the value to keep — for list fields also "both" (the union). The choices
are given to :func:`~..core.merge.merged_record`; the dialog itself edits nothing.
"""

from __future__ import annotations

from html import escape
from typing import Mapping

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..core.i18n import translate
from ..core.merge import BOTH, KEPT, OTHER, default_choices, merged_record
from ..core.schema import Schema, load_schema

A, B = "a", "b"


def _tr(text: str) -> str:
    return translate("MergeDialog", text)


class MergeDialog(QDialog):
    """Side by side merge of lieu A (``first``) and lieu B (``second``)."""

    def __init__(
        self,
        first: Mapping[str, str],
        second: Mapping[str, str],
        titles: tuple[str, str] = ("", ""),
        schema: Schema | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.schema = schema or load_schema()
        self.records = {A: dict(first), B: dict(second)}
        self.setWindowTitle(_tr("Merge two lieux"))
        self.setMinimumSize(760, 520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            _tr(
                "Choose the lieu to keep, then for each field that differs the value to keep (the most recent one "
                "is selected). The other lieu is deleted; its full record stays in the merge journal of the "
                "GeoPackage. Ctrl+Z undoes the merge until you save."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        header = QGridLayout()
        header.setColumnStretch(1, 1)
        header.setColumnStretch(2, 1)
        header.addWidget(QLabel(f"<b>{_tr('Lieu to keep')}</b>"), 0, 0)
        self.keep_group = QButtonGroup(self)
        self.keep_buttons = {}
        for column, side in ((1, A), (2, B)):
            title = titles[0 if side == A else 1] or self.records[side].get("nom") or ""
            updated = self.records[side].get("date_maj") or "—"
            button = QRadioButton(_tr("{lieu} — updated {date}").format(lieu=title, date=updated).replace("&", "&&"))
            button.setToolTip(_tr("id: {id}").format(id=self.records[side].get("id") or "—"))
            self.keep_group.addButton(button)
            self.keep_buttons[side] = button
            header.addWidget(button, 0, column)
        layout.addLayout(header)

        self.only_differences = QCheckBox(_tr("Show only the fields that differ"))
        self.only_differences.setChecked(True)
        layout.addWidget(self.only_differences)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        self.grid = QGridLayout(body)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        self.grid.setHorizontalSpacing(12)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)

        self.choice_groups: dict[str, QButtonGroup] = {}
        self._rows: dict[str, list[QWidget]] = {}
        self._build_rows()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_tr("Merge"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.keep_buttons[A].setChecked(True)
        self.keep_group.buttonToggled.connect(self._on_keep_changed)
        self.only_differences.toggled.connect(self._show_rows)
        self._preselect()
        self._show_rows()

    # ── rows ────────────────────────────────────────────────────────────────────────────────────────────

    def _build_rows(self) -> None:
        first, second = self.records[A], self.records[B]
        for row, spec in enumerate(self.schema.fields, start=1):
            name = spec.name
            label = QLabel(f"<b>{escape(spec.title or name)}</b><br><small>{escape(name)}</small>")
            label.setToolTip(spec.description or "")
            widgets: list[QWidget] = [label]
            self.grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            values = (first.get(name) or "", second.get(name) or "")
            if values[0] == values[1]:
                same = QLabel(_display(values[0]).replace("&&", "&") if values[0] else "—")
                same.setTextFormat(Qt.TextFormat.PlainText)
                same.setToolTip(values[0])
                same.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
                same.setEnabled(False)
                self.grid.addWidget(same, row, 1, 1, 2)
                widgets.append(same)
            else:
                group = QButtonGroup(self)
                for column, side, value in ((1, A, values[0]), (2, B, values[1])):
                    button = QRadioButton(_display(value))
                    button.setProperty("side", side)
                    button.setToolTip(value)
                    # long values are cut (whole value in the tooltip): both columns stay in view
                    button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
                    button.setMinimumWidth(120)
                    group.addButton(button)
                    self.grid.addWidget(button, row, column)
                    widgets.append(button)
                if spec.multi and values[0] and values[1]:
                    both = QRadioButton(_tr("both (union of the two lists)"))
                    both.setProperty("side", BOTH)
                    group.addButton(both)
                    self.grid.addWidget(both, row, 3)
                    widgets.append(both)
                if name == self.schema.primary_key:
                    for button in group.buttons():
                        button.setEnabled(False)  # follows the lieu kept
                self.choice_groups[name] = group
            self._rows[name] = widgets

    def _show_rows(self, *_args) -> None:
        only = self.only_differences.isChecked()
        for name, widgets in self._rows.items():
            visible = not only or name in self.choice_groups
            for widget in widgets:
                widget.setVisible(visible)

    # ── choices ─────────────────────────────────────────────────────────────────────────────────────────

    @property
    def kept_side(self) -> str:
        return A if self.keep_buttons[A].isChecked() else B

    def _relative(self) -> tuple[dict, dict]:
        kept = self.kept_side
        other = B if kept == A else A
        return self.records[kept], self.records[other]

    def _preselect(self) -> None:
        kept_side = self.kept_side
        other_side = B if kept_side == A else A
        kept, other = self._relative()
        for name, choice in default_choices(kept, other, self.schema).items():
            self._select(name, kept_side if choice == KEPT else other_side)

    def _on_keep_changed(self, _button, checked: bool) -> None:
        if checked:
            self._preselect()

    def _select(self, name: str, side: str) -> None:
        group = self.choice_groups.get(name)
        if group is None:
            return
        for button in group.buttons():
            if button.property("side") == side:
                button.setChecked(True)

    def choice(self, name: str) -> str | None:
        """"a", "b" or "both" for a differing field (None for an identical one)."""
        group = self.choice_groups.get(name)
        if group is None or group.checkedButton() is None:
            return None
        return group.checkedButton().property("side")

    def set_choice(self, name: str, side: str) -> None:
        """Select a value as the user would (tests)."""
        self._select(name, side)

    def choices(self) -> dict[str, str]:
        """Choices relative to the lieu kept: field → "kept" | "other" | "both"."""
        kept = self.kept_side
        out = {}
        for name in self.choice_groups:
            side = self.choice(name)
            if name == self.schema.primary_key or side is None:
                out[name] = KEPT
            elif side == BOTH:
                out[name] = BOTH
            else:
                out[name] = KEPT if side == kept else OTHER
        return out

    def merged(self) -> dict[str, str]:
        kept, other = self._relative()
        return merged_record(kept, other, self.choices(), self.schema)


def _display(value: str) -> str:
    if not value:
        return _tr("(empty)")
    text = " ".join(value.split())
    text = text if len(text) <= 48 else text[:47] + "…"
    return text.replace("&", "&&")  # not a keyboard shortcut
