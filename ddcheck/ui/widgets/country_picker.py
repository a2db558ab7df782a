"""Pick destination countries by typing their name in Dutch or English."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCompleter,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from ddcheck.domain.formatting import country_name
from ddcheck.domain.text import Language
from ddcheck.ui.accessibility import named
from ddcheck.ui.countries import search_countries
from ddcheck.ui.i18n import tr
from ddcheck.ui.layout import TIGHT, hbox, vbox


class CountryPicker(QWidget):
    """A search field with suggestions and the list of chosen countries."""

    changed = Signal(list)

    def __init__(self, lang: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._codes: list[str] = []
        self._suggested: list[str] = []
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("Type a country, e.g. Saudi Arabia or Saoedi-Arabië"))
        named(self.search, tr("Add a destination country"))
        self._model = QStringListModel(self)
        self.completer = QCompleter(self._model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.activated[str].connect(self._picked_text)  # type: ignore[index]
        self.search.setCompleter(self.completer)
        self.search.textEdited.connect(self._suggest)
        self.search.installEventFilter(self)  # Return adds the country; it does not finish a page
        self.add_button = QPushButton(tr("Add"), self)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self._return_pressed)
        self.chosen = QListWidget(self)
        named(self.chosen, tr("Destination countries"), tr("Delete removes the selected country"))
        self.chosen.setFixedHeight(78)
        self.chosen.hide()
        self.remove_button = QPushButton(tr("Remove"), self)
        self.remove_button.clicked.connect(self._remove_current)
        self.remove_button.hide()
        self.setLayout(
            vbox(
                hbox(self.search, self.add_button, spacing=TIGHT),
                self.chosen,
                hbox(self.remove_button, 1),
                spacing=TIGHT,
            )
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Let Return in the search add the country instead of pressing the dialog's default."""
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.search.text().strip()
        ):
            self._return_pressed()
            return True
        return super().eventFilter(watched, event)

    def _display(self, code: str) -> str:
        other: Language = "en" if self._lang == "nl" else "nl"
        own, alt = country_name(code, self._lang), country_name(code, other)
        return own if own == alt else f"{own} ({alt})"

    def _suggest(self, text: str) -> None:
        self._suggested = search_countries(text, self._lang)
        self._model.setStringList([self._display(c) for c in self._suggested])
        if self._suggested:
            self.completer.complete()

    def _picked_text(self, text: str) -> None:
        for code in self._suggested:
            if self._display(code) == text:
                self.add(code)
                return

    def _return_pressed(self) -> None:
        matches = search_countries(self.search.text(), self._lang)
        if matches:
            self.add(matches[0])

    def add(self, code: str) -> None:
        """Add a country by ISO code (ignored when already chosen)."""
        code = code.upper()
        if code not in self._codes:
            self._codes.append(code)
            item = QListWidgetItem(self._display(code))
            item.setData(Qt.ItemDataRole.UserRole, code)
            self.chosen.addItem(item)
            self.chosen.setCurrentItem(item)
            self._update_visibility()
            self.changed.emit(self.codes())
        self.search.clear()

    def _remove_current(self) -> None:
        item = self.chosen.currentItem()
        if item is None:
            return
        self._codes.remove(str(item.data(Qt.ItemDataRole.UserRole)))
        self.chosen.takeItem(self.chosen.row(item))
        self._update_visibility()
        self.changed.emit(self.codes())

    def _update_visibility(self) -> None:
        self.chosen.setVisible(bool(self._codes))
        self.remove_button.setVisible(bool(self._codes))

    def codes(self) -> list[str]:
        """Return the chosen ISO codes in the order they were added."""
        return list(self._codes)

    def set_codes(self, codes: list[str]) -> None:
        """Replace the chosen countries."""
        self._codes.clear()
        self.chosen.clear()
        for code in codes:
            self.add(code)
