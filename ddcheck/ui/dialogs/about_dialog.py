"""About ddcheck: version, licence, the third-party notices and SBOM of a bundle, and About Qt."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QWidget

from ddcheck.ui.i18n import tr
from ddcheck.ui.layout import MARGIN, label, vbox

NOTICES = "THIRD-PARTY-NOTICES.txt"
SBOM = "sbom.cdx.json"


class AboutDialog(QDialog):
    """Show what ddcheck is; open the shipped licence files with `open_path`."""

    def __init__(
        self,
        version: str,
        licences: Path,
        open_path: Callable[[Path], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("About ddcheck"))
        self._open_path = open_path
        self._files = {name: licences / name for name in (NOTICES, SBOM)}
        title = label(f"ddcheck {version}", "title")
        what = label(tr("Offline IMVO due-diligence checklists for trade missions."), wrap=True)
        licence = label(tr("Licensed under the EUPL-1.2."), wrap=True)
        self.links = QLabel(self._links_text(), self)
        self.links.setWordWrap(True)
        self.links.setTextFormat(Qt.TextFormat.RichText)
        self.links.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.links.linkActivated.connect(self._open)
        self.links.setAccessibleName(tr("Third-party software"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.about_qt = self.buttons.addButton(
            tr("About &Qt"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.about_qt.clicked.connect(QApplication.aboutQt)
        self.buttons.rejected.connect(self.reject)
        self.setLayout(vbox(title, what, licence, self.links, self.buttons, margin=MARGIN))
        self.setMinimumWidth(420)

    def shipped(self) -> bool:
        """Return whether this installation carries the notices and the SBOM (bundles do)."""
        return all(path.is_file() for path in self._files.values())

    def _links_text(self) -> str:
        if not self.shipped():
            return tr(
                "ddcheck uses Qt (LGPL-3.0) through PySide6 and other open-source libraries; "
                "their licences are installed with each of them."
            )
        notices = f'<a href="{NOTICES}">{tr("Third-party software and licences")}</a>'
        sbom = f'<a href="{SBOM}">{tr("Software bill of materials (CycloneDX)")}</a>'
        intro = tr("ddcheck uses Qt (LGPL-3.0) through PySide6 and other open-source libraries.")
        return f"{intro}<br>{notices}<br>{sbom}"

    def _open(self, name: str) -> None:
        path = self._files.get(name)
        if path is not None:
            self._open_path(path)
