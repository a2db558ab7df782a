"""An item's references as links; a click shows the letter's expectation or the framework source."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from ddcheck.domain.glossary import source_code_hint
from ddcheck.domain.sources import SourceRegistry
from ddcheck.domain.templates import Reference
from ddcheck.domain.text import Language
from ddcheck.ui.i18n import tr
from ddcheck.ui.layout import TIGHT, hbox, label, vbox
from ddcheck.ui.style import current_theme
from ddcheck.ui.widgets.link import LinkLabel


def reference_title(ref: Reference, registry: SourceRegistry, lang: Language) -> str:
    """Return a short link text for a reference."""
    if ref.expectation:
        expectation = registry.expectation(ref.expectation)
        if expectation is None:
            return ref.expectation
        return f"{ref.expectation} · {expectation.citation.get(lang)}"
    source = registry.source(ref.source or "")
    name = ref.source or ""
    if source is not None:
        name = source.title.get(lang)
        if len(name) > 48:
            name = name[:46].rstrip() + "…"
    text = f"{name} · {ref.locator}" if ref.locator else name
    return text if len(text) <= 80 else text[:78].rstrip() + "…"


def reference_hint(ref: Reference, registry: SourceRegistry, lang: Language) -> str:
    """Return the tooltip of a reference: which letter a code points to, or the full title."""
    if ref.expectation:
        return source_code_hint(ref.expectation, registry, lang)
    source = registry.source(ref.source or "")
    title = source.title.get(lang) if source is not None else ref.source or ""
    return f"{title} · {ref.locator}" if ref.locator else title


def reference_detail(ref: Reference, registry: SourceRegistry, lang: Language) -> str:
    """Return the rich-text explanation of a reference: expectation or source, with citation."""
    if ref.expectation:
        expectation = registry.expectation(ref.expectation)
        if expectation is None:
            return escape(tr("Unknown expectation {id}", id=ref.expectation))
        letter = registry.source(expectation.letter)
        letter_title = letter.title.get(lang) if letter else expectation.letter
        parts = [
            f"<p>{escape(expectation.text.get(lang))}</p>",
            f"<p><b>{escape(expectation.citation.get(lang))}</b> — {escape(letter_title)}</p>",
        ]
        if expectation.advice is not None:
            heading = escape(tr("Advice (ddcheck, not the letter)"))
            parts.append(f"<p><i>{heading}: {escape(expectation.advice.get(lang))}</i></p>")
        if letter and letter.citation:
            parts.append(f"<p style='color:{_muted()}'>{escape(letter.citation)}</p>")
        return "".join(parts)
    source = registry.source(ref.source or "")
    if source is None:
        return escape(tr("Unknown source {id}", id=ref.source or ""))
    parts = [f"<p><b>{escape(source.title.get(lang))}</b></p>"]
    if ref.locator:
        parts.append(f"<p>{escape(tr('Where'))}: {escape(ref.locator)}</p>")
    meta = ", ".join(
        x for x in (source.publisher, source.date.isoformat() if source.date else "") if x
    )
    parts.append(f"<p style='color:{_muted()}'>{escape(meta)}</p>")
    if source.citation:
        parts.append(f"<p style='color:{_muted()}'>{escape(source.citation)}</p>")
    if source.url:
        parts.append(f"<p style='color:{_muted()}'>{escape(source.url)}</p>")
    return "".join(parts)


def _muted() -> str:
    return current_theme().muted


class ReferenceLinks(QWidget):
    """Links to an item's references; clicking one toggles its explanation below."""

    shown = Signal(int)

    def __init__(
        self,
        refs: tuple[Reference, ...],
        registry: SourceRegistry,
        lang: Language,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._refs = refs
        self._registry = registry
        self._lang = lang
        self._open: int | None = None
        self.buttons: list[LinkLabel] = []
        for index, ref in enumerate(refs):
            button = LinkLabel(reference_title(ref, registry, lang), self)
            button.setToolTip(reference_hint(ref, registry, lang))
            button.clicked.connect(lambda i=index: self.toggle(i))
            self.buttons.append(button)
        self.detail = QLabel(self)
        self.detail.setProperty("role", "greyed")
        self.detail.setWordWrap(True)
        self.detail.setOpenExternalLinks(False)
        self.detail.hide()
        links = vbox(*self.buttons, spacing=0)
        self.setLayout(
            vbox(hbox(label(tr("Sources"), "small"), 1), links, self.detail, spacing=TIGHT)
        )

    def toggle(self, index: int) -> None:
        """Show the explanation of reference `index`, or hide it when it is already shown."""
        if self._open == index:
            self._open = None
            self.detail.hide()
            return
        self._open = index
        self.detail.setText(reference_detail(self._refs[index], self._registry, self._lang))
        self.detail.show()
        self.shown.emit(index)
