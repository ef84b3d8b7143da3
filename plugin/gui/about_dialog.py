"""The "Help and about" dialog: version, links, licences, missing dependencies, and the README (offline)."""

from __future__ import annotations

import html
from typing import Sequence

from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from ..__about__ import PLUGIN_ROOT, __homepage__, __icon_path__, __title__, __tracker__, __version__, metadata_text
from ..core.dependencies import Requirement, missing_message
from ..core.i18n import current_language, translate

README = PLUGIN_ROOT / "README.md"


def about_html(missing: Sequence[Requirement] = ()) -> str:
    """The "About" page: what the plugin is, its version, links, licences and what is missing."""
    lang = current_language()
    parts = [
        f"<h2>{html.escape(__title__)} {html.escape(__version__)}</h2>",
        f"<p>{html.escape(metadata_text('description', lang))}</p>",
        f"<p>{html.escape(metadata_text('about', lang))}</p>",
    ]
    if missing:
        parts.append(f"<p style='color:#b34700'><b>{html.escape(missing_message(missing))}</b></p>")
    links = [
        (translate("AboutDialog", "Home page"), __homepage__),
        (translate("AboutDialog", "Report a problem"), __tracker__),
    ]
    parts.append("<ul>" + "".join(f"<li><a href='{u}'>{html.escape(t)}</a></li>" for t, u in links if u) + "</ul>")
    parts.append(
        "<p>"
        + html.escape(translate("AboutDialog", "Licence: GNU GPL v2 or later."))
        + " "
        + html.escape(
            translate(
                "AboutDialog",
                "Bundled data: the national standard's schema and the reference data are under the "
                "Licence Ouverte 2.0 or MIT; see the ATTRIBUTION files in resources/."
            )
        )
        + "</p>"
    )
    return "\n".join(parts)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, missing: Sequence[Requirement] = ()):
        super().__init__(parent)
        self.setObjectName("mednumAboutDialog")
        self.setWindowTitle(translate("AboutDialog", "Help and about — {title}").format(title=__title__))
        self.setWindowIcon(QIcon(str(__icon_path__)))
        self.resize(760, 600)
        layout = QVBoxLayout(self)
        tabs = QTabWidget(self)
        self.about_browser = QTextBrowser(tabs)
        self.about_browser.setOpenExternalLinks(True)
        self.about_browser.setHtml(about_html(missing))
        tabs.addTab(self.about_browser, translate("AboutDialog", "About"))
        self.help_browser = QTextBrowser(tabs)
        self.help_browser.setOpenExternalLinks(True)
        self.help_browser.setSearchPaths([str(PLUGIN_ROOT)])
        if README.exists():
            self.help_browser.document().setBaseUrl(QUrl.fromLocalFile(str(PLUGIN_ROOT) + "/"))
            self.help_browser.setMarkdown(README.read_text(encoding="utf-8"))
        tabs.addTab(self.help_browser, translate("AboutDialog", "Help (README)"))
        layout.addWidget(tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def show_about(parent: QWidget | None = None, missing: Sequence[Requirement] = ()) -> AboutDialog:
    dialog = AboutDialog(parent, missing)
    dialog.exec()
    return dialog
