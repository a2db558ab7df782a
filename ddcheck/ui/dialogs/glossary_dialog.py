"""Help › Glossary (F1): the one glossary's terms, searchable; F1 on an item shows its terms."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QTextBrowser, QWidget

from ddcheck.domain.glossary import Term, glossary
from ddcheck.domain.text import Language
from ddcheck.ui.accessibility import named
from ddcheck.ui.i18n import tr
from ddcheck.ui.layout import MARGIN, SPACING, vbox


class GlossaryDialog(QDialog):
    """Show the glossary; `first` are the keys of the terms to put on top (the focused item's)."""

    def __init__(
        self, lang: Language, first: Sequence[str] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Glossary"))
        named(self, tr("Glossary"))
        terms = glossary(lang)
        order = {key: n for n, key in enumerate(first)}
        self.terms: list[Term] = sorted(terms, key=lambda t: order.get(t.key, len(order)))
        self.first = [t.key for t in self.terms if t.key in order]
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("Search the glossary"))
        named(self.search, tr("Search the glossary"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._show)
        self.text = QTextBrowser(self)
        named(self.text, tr("Terms and their explanations"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.setLayout(vbox(self.search, self.text, buttons, margin=MARGIN, spacing=SPACING))
        self.resize(560, 520)
        self._show("")
        self.search.setFocus()

    def shown_terms(self) -> list[str]:
        """Return the keys of the terms shown (for tests)."""
        words = self.search.text().casefold().split()
        return [
            t.key
            for t in self.terms
            if all(w in f"{t.term} {t.explanation}".casefold() for w in words)
        ]

    def _show(self, _text: str) -> None:
        keys = set(self.shown_terms())
        parts = []
        for term in self.terms:
            if term.key not in keys:
                continue
            if self.first and term.key == self.first[0]:
                parts.append(f"<h3>{escape(tr('On this question'))}</h3>")
            if self.first and term.key not in self.first and term is self._first_other(keys):
                parts.append(f"<h3>{escape(tr('All terms'))}</h3>")
            parts.append(f"<p><b>{escape(term.term)}</b><br/>{escape(term.explanation)}</p>")
        if not parts:
            parts.append(f"<p>{escape(tr('No term matches.'))}</p>")
        self.text.setHtml("".join(parts))

    def _first_other(self, keys: set[str]) -> Term | None:
        return next((t for t in self.terms if t.key in keys and t.key not in self.first), None)
