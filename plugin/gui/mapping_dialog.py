"""« Importer avec une correspondance… »: a Hub's own file → the standard, in one dialog.

Left, the source columns (fill rate, sample values, the shape of their values); right, the 32 fields of the
standard with their French titles and the column (or rule) each one takes — proposed by
:func:`~plugin.core.mapping.proposal.propose_profile` or by a saved profile whose columns fit the header, and
editable; under it, the value table of the selected list/enum field (each distinct source value → standard
values, editable). At the bottom, a live preview of the first lieux in the standard with their validation counts,
recomputed on each change on the first 1,000 rows. Profiles are saved in mednum-cli's grammar in the user folder
or the project's. The dialog edits a :class:`~plugin.core.mapping.Profile` only; the import is the caller's
(:meth:`plugin.gui.lieux_files.LieuxFilesFeature.import_with_mapping`).
"""

from __future__ import annotations

from pathlib import Path

from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.i18n import translate
from ..core.mapping import Profile, ProfileError, load_profile
from ..core.mapping.preview import preview, preview_table
from ..core.mapping.proposal import (
    ColumnInfo,
    describe_columns,
    describe_rule,
    propose_profile,
    rule_for_column,
    set_value_table,
    value_table,
)
from ..core.mapping.store import ProfileStore
from ..core.records import Table
from ..core.schema import Schema, load_schema

PREVIEW_SHOWN = 20
NO_COLUMN = ""
PROFILE_RULE = "\u0000profile"  # the combo entry of a rule the combo cannot express (join, split, values…)


def _tr(text: str) -> str:
    return translate("MappingDialog", text)


class MappingDialog(QDialog):
    """Edit the mapping of one source file; ``profile()`` and ``source_name()`` once accepted."""

    def __init__(
        self,
        table: Table,
        source: str | Path,
        store: ProfileStore | None = None,
        profile: Profile | None = None,
        schema: Schema | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.schema = schema or load_schema()
        self.table = table
        self.source = Path(source)
        self.store = store
        self.infos: list[ColumnInfo] = describe_columns(table)
        self.info_by_name = {info.name: info for info in self.infos}
        self.sample = preview_table(table)
        self._profile = profile or self._initial_profile()
        self._filling = False
        self.last_preview_ms = 0.0
        self.last_counts = (0, 0)
        self.setWindowTitle(_tr("Import with a mapping — {name}").format(name=self.source.name))
        self.resize(1340, 740)
        self._build()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.refresh_preview)
        self._fill_fields()
        self.refresh_preview()

    # ---- the profile proposed first
    def _initial_profile(self) -> Profile:
        self.matched_profile = None
        if self.store is not None:
            found = self.store.best_for_header(list(self.table.header))
            if found is not None:
                try:
                    profile = self.store.load(found[0])
                    self.matched_profile = found[0].name
                    return profile
                except ProfileError:
                    pass
        return propose_profile(self.table, self.schema, self.infos)

    # ---- layout
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        origin = (
            _tr("Profile “{name}” fits this file's columns.").format(name=self.matched_profile)
            if getattr(self, "matched_profile", None)
            else _tr("Mapping proposed from the columns' names and values: check it, correct it.")
        )
        rows = _tr("{n} rows").format(n=self.table.row_count)
        self.origin_label = QLabel(f"<b>{self.source.name}</b> · {rows} · {origin}")
        self.origin_label.setWordWrap(True)
        top.addWidget(self.origin_label, 1)
        top.addWidget(QLabel(_tr("Source name:")))
        self.source_name_edit = QLineEdit(str(self._profile.extras.get("source") or self.source.stem))
        self.source_name_edit.setToolTip(_tr("Ids are built as name_id (spaces → -), as mednum-cli builds them"))
        self.source_name_edit.setMaximumWidth(200)
        self.source_name_edit.textChanged.connect(self.schedule_preview)
        top.addWidget(self.source_name_edit)
        self.load_button = QPushButton(_tr("Load a profile…"))
        self.load_button.clicked.connect(self._load)
        self.save_button = QPushButton(_tr("Save the profile…"))
        self.save_button.clicked.connect(self._save)
        top.addWidget(self.load_button)
        top.addWidget(self.save_button)
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        columns_box = QGroupBox(_tr("Source columns"))
        columns_layout = QVBoxLayout(columns_box)
        self.columns_table = QTableWidget(len(self.infos), 4)
        self.columns_table.setHorizontalHeaderLabels([_tr("Column"), _tr("Filled"), _tr("Kind"), _tr("Examples")])
        self.columns_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.columns_table.verticalHeader().setVisible(False)
        for row, info in enumerate(self.infos):
            self.columns_table.setItem(row, 0, QTableWidgetItem(info.name))
            self.columns_table.setItem(row, 1, QTableWidgetItem(f"{info.fill:.0%}"))
            self.columns_table.setItem(row, 2, QTableWidgetItem(self._shape_word(info)))
            self.columns_table.setItem(row, 3, QTableWidgetItem(" · ".join(s[:40] for s in info.samples[:3])))
        self.columns_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.columns_table.resizeColumnsToContents()
        columns_layout.addWidget(self.columns_table)
        splitter.addWidget(columns_box)

        fields_box = QGroupBox(_tr("Fields of the standard"))
        fields_layout = QVBoxLayout(fields_box)
        self.fields_table = QTableWidget(len(self.schema.fields), 3)
        self.fields_table.setHorizontalHeaderLabels([_tr("Field"), _tr("Source column or rule"), _tr("Rule")])
        self.fields_table.verticalHeader().setVisible(False)
        self.fields_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.fields_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.fields_table.itemSelectionChanged.connect(self._fill_values)
        self.combos: dict[str, QComboBox] = {}
        for row, spec in enumerate(self.schema.fields):
            title = QTableWidgetItem(f"{spec.title}{' *' if spec.required else ''}")
            title.setToolTip(spec.name)
            title.setFlags(title.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.fields_table.setItem(row, 0, title)
            combo = QComboBox()
            combo.addItem("—", NO_COLUMN)
            for info in self.infos:
                combo.addItem(info.name, info.name)
            combo.currentIndexChanged.connect(lambda _index, name=spec.name: self._column_chosen(name))
            self.combos[spec.name] = combo
            self.fields_table.setCellWidget(row, 1, combo)
            rule_item = QTableWidgetItem("")
            rule_item.setFlags(rule_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.fields_table.setItem(row, 2, rule_item)
        self.fields_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.fields_table.setColumnWidth(0, 230)
        self.fields_table.setColumnWidth(1, 220)
        for view in (self.columns_table, self.fields_table):
            view.verticalHeader().setDefaultSectionSize(26)
        fields_layout.addWidget(self.fields_table, 3)
        self.values_label = QLabel(_tr("Select a list field to see its value table."))
        fields_layout.addWidget(self.values_label)
        self.values_table = QTableWidget(0, 4)
        self.values_table.setHorizontalHeaderLabels(
            [_tr("Column"), _tr("Source value"), _tr("Rows"), _tr("Standard values (a|b)")]
        )
        self.values_table.verticalHeader().setVisible(False)
        self.values_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.values_table.verticalHeader().setDefaultSectionSize(24)
        for position, width in enumerate((150, 260, 60)):
            self.values_table.setColumnWidth(position, width)
        self.values_table.itemChanged.connect(self._value_edited)
        fields_layout.addWidget(self.values_table, 2)
        splitter.addWidget(fields_box)
        splitter.setSizes([500, 840])
        layout.addWidget(splitter, 3)

        preview_box = QGroupBox(_tr("Preview in the standard"))
        preview_layout = QVBoxLayout(preview_box)
        self.preview_label = QLabel("")
        preview_layout.addWidget(self.preview_label)
        self.preview_table = QTableWidget(0, len(self.schema.fields))
        self.preview_table.setHorizontalHeaderLabels([spec.title for spec in self.schema.fields])
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.verticalHeader().setDefaultSectionSize(24)
        preview_layout.addWidget(self.preview_table)
        layout.addWidget(preview_box, 2)

        bottom = QHBoxLayout()
        self.geocode_check = QCheckBox(_tr("Geocode the lieux without coordinates (Base Adresse Nationale, online)"))
        self.geocode_check.setToolTip(
            _tr("Otherwise, or when the service does not answer, they are placed at their commune's centre "
                "(approximate, listed in the summary).")
        )  # fmt: skip
        bottom.addWidget(self.geocode_check, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_tr("Import…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)

    def _shape_word(self, info: ColumnInfo) -> str:
        words = {
            "postal_code": _tr("postal code"), "insee": _tr("INSEE code"), "latitude": _tr("latitude"),
            "longitude": _tr("longitude"), "latlon": _tr("lat,long pair"), "phone": _tr("telephone"),
            "email": _tr("e-mail"), "url": _tr("web address"), "osm_hours": _tr("OSM hours"),
            "hours_text": _tr("hours in words"), "day_hours": _tr("hours of one day"), "flag": _tr("Oui/Non"),
            "date": _tr("date"), "siret": _tr("SIRET"), "number": _tr("number"), "text": _tr("text"),
            "empty": _tr("empty"),
        }  # fmt: skip
        return words.get(info.shape, info.shape)

    # ---- fields ↔ profile
    def _fill_fields(self) -> None:
        self._filling = True
        try:
            for row, spec in enumerate(self.schema.fields):
                combo = self.combos[spec.name]
                rule = self._profile.rule(spec.name)
                index = combo.findData(PROFILE_RULE)
                if index >= 0:
                    combo.removeItem(index)
                column = rule.get("colonne") if isinstance(rule, dict) and set(rule) == {"colonne"} else None
                if isinstance(column, str) and combo.findData(column) >= 0:
                    combo.setCurrentIndex(combo.findData(column))
                elif rule is None:
                    combo.setCurrentIndex(0)
                else:
                    combo.insertItem(1, _tr("(rule of the profile)"), PROFILE_RULE)
                    combo.setCurrentIndex(1)
                self.fields_table.item(row, 2).setText(describe_rule(rule))
        finally:
            self._filling = False

    def _column_chosen(self, name: str) -> None:
        if self._filling:
            return
        data = self.combos[name].currentData()
        if data == PROFILE_RULE:
            return
        if data == NO_COLUMN:
            self._profile.set_rule(name, None)
        else:
            self._profile.set_rule(name, rule_for_column(name, self.info_by_name[data], self.schema))
        row = self.schema.field_names.index(name)
        self.fields_table.item(row, 2).setText(describe_rule(self._profile.rule(name)))
        self._fill_values()
        self.schedule_preview()

    def set_field_column(self, name: str, column: str) -> None:
        """Choose a column for a field (what the user does with the combo)."""
        combo = self.combos[name]
        combo.setCurrentIndex(combo.findData(column if column else NO_COLUMN))

    # ---- value table
    def _selected_field(self) -> str | None:
        rows = {index.row() for index in self.fields_table.selectedIndexes()}
        return self.schema.fields[min(rows)].name if rows else None

    def select_field(self, name: str) -> None:
        self.fields_table.selectRow(self.schema.field_names.index(name))

    def _fill_values(self) -> None:
        name = self._selected_field()
        self._filling = True
        try:
            self.values_table.setRowCount(0)
            spec = self.schema.field(name) if name else None
            if spec is None or not spec.multi:
                self.values_label.setText(_tr("Select a list field to see its value table."))
                return
            rows = value_table(self._profile, name, self.infos)
            unmatched = sum(1 for *_rest, targets in rows if not targets)
            self.values_label.setText(
                _tr("Values of {field}: {n} distinct source values, {u} without a standard value").format(
                    field=spec.title, n=len(rows), u=unmatched
                )
            )
            self.values_table.setRowCount(len(rows))
            for row, (column, value, count, targets) in enumerate(rows):
                for position, text in enumerate((column, value, str(count))):
                    item = QTableWidgetItem(text)
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    self.values_table.setItem(row, position, item)
                target_item = QTableWidgetItem("|".join(targets))
                if not targets:  # unmatched: the user sees what is left to decide
                    target_item.setBackground(QColor(255, 243, 205))
                    target_item.setToolTip(_tr("No standard value: type one (several with |), or leave it empty"))
                self.values_table.setItem(row, 3, target_item)
        finally:
            self._filling = False

    def _value_edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 3:
            return
        name = self._selected_field()
        if not name:
            return
        self.set_values(name, self.current_value_table())

    def current_value_table(self) -> dict[tuple[str, str], list[str]]:
        table = {}
        for row in range(self.values_table.rowCount()):
            column, value = self.values_table.item(row, 0).text(), self.values_table.item(row, 1).text()
            text = self.values_table.item(row, 3).text() if self.values_table.item(row, 3) else ""
            table[(column, value)] = [part.strip() for part in text.split("|") if part.strip()]
        return table

    def set_values(self, name: str, table: dict[tuple[str, str], list[str]]) -> None:
        from ..core.mapping.proposal import constant_targets

        set_value_table(self._profile, name, table, constant_targets(self._profile, name))
        row = self.schema.field_names.index(name)
        self.fields_table.item(row, 2).setText(describe_rule(self._profile.rule(name)))
        self.schedule_preview()

    # ---- preview
    def schedule_preview(self, *_args) -> None:
        self._timer.start()

    def refresh_preview(self) -> None:
        result, errors, warnings, elapsed = preview(self.sample, self._profile, self.schema, self.source_name())
        self.last_preview_ms, self.last_counts = elapsed, (errors, warnings)
        self.last_result = result
        shown = min(PREVIEW_SHOWN, result.count)
        self.preview_table.setRowCount(shown)
        for column, name in enumerate(self.schema.field_names):  # read from the columns: no record dicts
            for row, value in enumerate(result.columns[name][:shown]):
                self.preview_table.setItem(row, column, QTableWidgetItem(value))
        changed = len(result.transformations)
        self.preview_label.setText(
            _tr(
                "First {rows} lieux: {errors} errors, {warnings} warnings, {changed} values changed by the mapping, "
                "{kept} columns kept in colonnes_source ({ms:.0f} ms)"
            ).format(rows=result.count, errors=errors, warnings=warnings, changed=changed,
                     kept=len(result.extra_columns), ms=elapsed)  # fmt: skip
        )

    # ---- profiles
    def _load(self) -> None:
        folder = str(self.store.user_folder) if self.store else ""
        path, _ = QFileDialog.getOpenFileName(
            self, _tr("Load a mapping profile"), folder, _tr("Mapping profiles (*.json)")
        )
        if path:
            self.load_profile_file(path)

    def load_profile_file(self, path: str | Path) -> bool:
        try:
            self._profile = load_profile(path, self.schema)
        except ProfileError as error:
            QMessageBox.warning(self, _tr("Load a mapping profile"), error.message)
            return False
        if self._profile.extras.get("source"):
            self.source_name_edit.setText(str(self._profile.extras["source"]))
        self._fill_fields()
        self._fill_values()
        self.refresh_preview()
        return True

    def _save(self) -> None:
        if self.store is None:
            return
        name, ok = QInputDialog.getText(
            self, _tr("Save the profile"), _tr("Name of the profile:"), text=self._profile.name or self.source.stem
        )
        if not ok or not name.strip():
            return
        kind = "user"
        if self.store.project_folder is not None:
            answer = QMessageBox.question(
                self,
                _tr("Save the profile"),
                _tr("Save it with the project (folder {folder}) rather than in your own profiles?").format(
                    folder=self.store.project_folder
                ),
            )
            kind = "project" if answer == QMessageBox.StandardButton.Yes else "user"
        self.save_profile_as(name.strip(), kind)

    def save_profile_as(self, name: str, kind: str = "user") -> Path | None:
        self._profile.set_extras(en_tetes=list(self.table.header), source=self.source_name() or None)
        try:
            return self.store.save(self._profile, name, kind) if self.store else None
        except ProfileError as error:
            QMessageBox.warning(self, _tr("Save the profile"), error.message)
            return None

    # ---- results
    def profile(self) -> Profile:
        return self._profile

    def source_name(self) -> str:
        return self.source_name_edit.text().strip()

    def geocode(self) -> bool:
        return self.geocode_check.isChecked()
