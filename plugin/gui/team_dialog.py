"""« Team database… »: choose a QGIS PostgreSQL connection and a schema, create or upgrade it, fill it from a
file, open the team's working layer. Long work (import) runs in a QgsTask; the dialog edits nothing itself."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.i18n import translate
from ..core.postgis_schema import DEFAULT_SCHEMA, LATEST_VERSION, TeamDatabaseError
from ..qgis.team_database import TeamDatabase, connection_names


def _tr(text: str) -> str:
    return translate("TeamDialog", text)


class TeamDialog(QDialog):
    """The connection and schema, the state of the schema, and the three actions."""

    def __init__(self, parent: QWidget | None = None, connections: list[str] | None = None):
        super().__init__(parent)
        self.setWindowTitle(_tr("Team database (PostgreSQL/PostGIS)"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(_tr(
            "One shared set of lieux for a team: each agent opens it with the same form, validation and export, "
            "sees the others' saves and never overwrites a colleague's edit without being told. The connection is "
            "a QGIS PostgreSQL connection (Browser → PostgreSQL), its password in the QGIS authentication database."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.connection_combo = QComboBox()
        self.connection_combo.addItems(connections if connections is not None else connection_names())
        form.addRow(_tr("PostgreSQL connection"), self.connection_combo)
        self.schema_edit = QLineEdit(DEFAULT_SCHEMA)
        form.addRow(_tr("Schema"), self.schema_edit)
        layout.addLayout(form)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        actions = QHBoxLayout()
        self.check_button = QPushButton(_tr("Check"))
        self.init_button = QPushButton(_tr("Create or upgrade the schema"))
        self.import_button = QPushButton(_tr("Import a file into it…"))
        self.open_button = QPushButton(_tr("Open the team layer"))
        for button in (self.check_button, self.init_button, self.import_button, self.open_button):
            actions.addWidget(button)
        layout.addLayout(actions)
        self.replace_check = QCheckBox(_tr("Replace the lieux already in the team database"))
        layout.addWidget(self.replace_check)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.check_button.clicked.connect(self.refresh)
        self.connection_combo.currentIndexChanged.connect(lambda _index: self._clear_status())
        self.schema_edit.textChanged.connect(lambda _text: self._clear_status())
        if not self.connection_combo.count():
            self.status_label.setText(_tr(
                "No PostgreSQL connection in QGIS yet: create one in the Browser (PostgreSQL → New Connection), "
                "with an authentication configuration for the password, then open this dialog again."))
        self._set_enabled(bool(self.connection_combo.count()))

    def _set_enabled(self, enabled: bool) -> None:
        for button in (self.check_button, self.init_button, self.import_button, self.open_button):
            button.setEnabled(enabled)

    def _clear_status(self) -> None:
        self.status_label.setText("")

    def database(self) -> TeamDatabase:
        """The chosen database (raises TeamDatabaseError with a French message)."""
        return TeamDatabase.from_connection(self.connection_combo.currentText(), self.schema_edit.text().strip())

    def refresh(self) -> str:
        """Show the state of the chosen schema: not created, to upgrade, or up to date with its lieux."""
        try:
            database = self.database()
            version = database.version()
            if version == 0:
                text = _tr("The schema {schema} does not exist yet in {name}: create it.")
            elif version < LATEST_VERSION:
                text = _tr("The schema {schema} of {name} is at version {version}: upgrade it (version {latest}).")
            else:
                text = _tr("The schema {schema} of {name} is up to date (version {version}): {n} lieux.")
            n = database.lieux_count() if version else 0
            text = text.format(schema=database.schema_name, name=database.label, version=version,
                               latest=LATEST_VERSION, n=n)
        except TeamDatabaseError as error:
            text = error.message
        self.status_label.setText(text)
        return text
