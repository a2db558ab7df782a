"""Hand sections to a colleague: choose the sections and the colleague's name; write a workbook."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from ddcheck.domain.applicability import applicable_items
from ddcheck.domain.numbering import dossier_numbering
from ddcheck.domain.text import Language
from ddcheck.ui.accessibility import named
from ddcheck.ui.i18n import tr, tr_n
from ddcheck.ui.layout import MARGIN, SPACING, label, vbox

SECTION_ROLE = Qt.ItemDataRole.UserRole + 1


class HandoutDialog(QDialog):
    """Pick sections (ticked in a list) and the colleague they go to."""

    def __init__(self, dossier: Any, templates: Any, lang: Language, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Hand out sections"))
        named(self, tr("Hand out sections"))
        self.intro = label(
            tr(
                "The colleague fills in the answers and notes in Excel or LibreOffice, without "
                "ddcheck; File → Import takes the workbook back and shows every change first."
            ),
            "muted",
            wrap=True,
        )
        self.sections = named(QListWidget(self), tr("Sections to hand out"))
        numbering = dossier_numbering(dossier, templates)
        counts: dict[str, int] = {}
        titles: dict[str, str] = {}
        for entry in applicable_items(dossier, templates):
            ref = f"{entry.template.id}/{entry.section.id}"
            counts[ref] = counts.get(ref, 0) + 1
            number = numbering.sections.get((entry.template.id, entry.section.id), "")
            title = numbering.section_title(entry.template, entry.section, lang)
            titles[ref] = f"{number} {title}".strip()
        for ref, title in titles.items():
            text = tr_n(
                "{title} ({n} question)", "{title} ({n} questions)", counts[ref], title=title
            )
            item = QListWidgetItem(text)
            item.setData(SECTION_ROLE, ref)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.sections.addItem(item)
        self.colleague = named(QLineEdit(self), tr("Colleague's name"))
        self.colleague.setPlaceholderText(tr("e.g. Fatima Haddad (HR)"))
        self.language = named(QComboBox(self), tr("Language of the workbook"))
        self.language.addItem("Nederlands", "nl")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if dossier.language == "nl" else 1)
        self.problem = label("", "error", wrap=True)
        self.buttons = named(QDialogButtonBox(self), tr("Write or cancel"))
        self.write_button = self.buttons.addButton(
            tr("Write workbook…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        named(self.write_button, tr("Write workbook…"))
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        named(self.cancel_button, tr("Cancel"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("For"), self.colleague)
        form.addRow(tr("Language"), self.language)
        self.setLayout(
            vbox(
                self.intro,
                self.sections,
                form,
                self.problem,
                self.buttons,
                margin=MARGIN,
                spacing=SPACING,
            )
        )
        self.resize(640, 520)

    def chosen(self) -> list[str]:
        """Return the ticked sections as template/section."""
        return [
            str(self.sections.item(r).data(SECTION_ROLE))
            for r in range(self.sections.count())
            if self.sections.item(r).checkState() == Qt.CheckState.Checked
        ]

    def lang(self) -> Language:
        """Return the chosen language of the workbook."""
        return self.language.currentData()

    def _accept(self) -> None:
        if not self.chosen():
            self.problem.setText(tr("Tick at least one section."))
            return
        if not self.colleague.text().strip():
            self.problem.setText(tr("Name the colleague the hand-out is for."))
            self.colleague.setFocus()
            return
        self.accept()
