"""One checklist item: question, guidance, sources, answer, note, marks, risk, evidence, action."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QFrame,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from ddcheck.domain.applicability import ItemApplicability
from ddcheck.domain.dossier import Action, Answer, Evidence, ItemReview, Risk
from ddcheck.domain.glossary import explain
from ddcheck.domain.scoring import (
    can_rate_risk,
    is_gap,
    is_red_flag,
    needs_justification,
)
from ddcheck.domain.sources import SourceRegistry
from ddcheck.domain.text import Language
from ddcheck.ui.accessibility import named
from ddcheck.ui.i18n import tr
from ddcheck.ui.layout import MARGIN, SPACING, TIGHT, card, hbox, label, separator, vbox
from ddcheck.ui.style import repolish
from ddcheck.ui.widgets.answer_editor import DEBOUNCE_MS, AnswerEditor
from ddcheck.ui.widgets.evidence_list import EvidenceList
from ddcheck.ui.widgets.link import LinkLabel
from ddcheck.ui.widgets.references import ReferenceLinks
from ddcheck.ui.widgets.risk_editor import RiskEditor


@dataclass(frozen=True)
class ItemState:
    """Everything the panel shows about one item."""

    entry: ItemApplicability
    answer: Answer | None
    evidence: tuple[Evidence, ...]
    actions: tuple[Action, ...]
    registry: SourceRegistry
    lang: Language
    position: int  # among the items that apply (0: this one does not)
    total: int
    reviews: tuple[ItemReview, ...] = ()

    @property
    def key(self) -> str:
        """Return the item's key."""
        return self.entry.key


def _intro_text(entry: ItemApplicability, lang: Language) -> str:
    """Return the template description and section intro to show above a first item."""
    parts = []
    section = entry.section
    if entry.template.sections[0] is section and section.items[0] is entry.item:
        parts.append(entry.template.description.get(lang))
    if section.intro is not None and section.items[0] is entry.item:
        parts.append(section.intro.get(lang))
    return "\n\n".join(parts)


class ItemPanel(QScrollArea):
    """Show and edit one item; every edit is emitted as a dict of changed answer fields."""

    answerEdited = Signal(dict)
    addEvidenceRequested = Signal()
    addLinkRequested = Signal()
    filesDropped = Signal(list)
    openEvidenceRequested = Signal(str)
    removeEvidenceRequested = Signal(str)
    createActionRequested = Signal()
    showActionRequested = Signal(str)
    typing = Signal()

    def __init__(
        self, state: ItemState, guidance_open: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lang = state.lang
        entry = state.entry
        item = entry.item
        scale = entry.template.scale_for(item)
        named(self, tr("Question and answer"), item.question.get(lang))

        self.where = label(entry.section.title.get(lang), "small")
        self.where.setToolTip(f"{entry.template.title.get(lang)} › {entry.section.title.get(lang)}")
        self.where.setMinimumWidth(10)
        self.where.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.position = label(self._position_text(state), "small")
        self.question = label(item.question.get(lang), "question", wrap=True)
        self.intro = label(_intro_text(entry, lang), "intro", wrap=True)
        self.intro.setVisible(bool(self.intro.text()))
        self.adviser = label("", "notice", wrap=True)
        self.adviser.setVisible(False)
        self.badges = hbox(spacing=TIGHT)
        self.not_applicable = label("", "greyed", wrap=True)

        self.editor = AnswerEditor(scale, lang, item.red_flags, self)
        self.editor.valueChanged.connect(lambda v: self.answerEdited.emit({"value": v}))
        self.justification = label(
            tr("This answer needs a justification. Explain it in the note below."),
            "notice",
            wrap=True,
        )
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText(tr("Note or justification (optional unless asked for)"))
        self.note.setFixedHeight(96)
        self.note.setTabChangesFocus(True)
        self.note_label = label(tr("Note"), "muted")
        self.note_label.setBuddy(self.note)
        self._note_timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._note_timer.timeout.connect(self._emit_note)
        self.note.textChanged.connect(self._note_typed)
        self.confidential = QCheckBox(tr("Confidential — keep out of the adviser's PDF"), self)
        self.review = QCheckBox(tr("Mark for review"), self)
        self.confidential.toggled.connect(lambda on: self.answerEdited.emit({"confidential": on}))
        self.review.toggled.connect(lambda on: self.answerEdited.emit({"review": on}))
        # Guidance and sources come after the answer, on the page and in the Tab order, so
        # the answer options stay above the fold on a 1366×768 laptop.
        self.guidance_toggle = QToolButton(self)
        self.guidance_toggle.setProperty("role", "disclosure")
        self.guidance_toggle.setCheckable(True)
        self.guidance_toggle.setChecked(guidance_open)
        self.guidance_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.guidance_toggle.setArrowType(
            Qt.ArrowType.DownArrow if guidance_open else Qt.ArrowType.RightArrow
        )
        self.guidance_toggle.setText(tr("Guidance"))
        hints = "".join(f"\n• {h.get(lang)}" for h in item.evidence_hints)
        guidance_text = item.guidance.get(lang) + (
            f"\n\n{tr('Typical evidence')}:{hints}" if hints else ""
        )
        self.guidance = label(guidance_text, "", wrap=True)
        self.guidance.setVisible(guidance_open)
        self.guidance_toggle.toggled.connect(self._toggle_guidance)
        self.references = ReferenceLinks(item.refs, state.registry, lang, self)
        self.risk = RiskEditor(self)
        self.risk.riskChanged.connect(lambda r: self.answerEdited.emit({"risk": r}))
        self.evidence = EvidenceList(self)
        self.evidence.addRequested.connect(self.addEvidenceRequested)
        self.evidence.addLinkRequested.connect(self.addLinkRequested)
        self.evidence.filesDropped.connect(self.filesDropped)
        self.evidence.openRequested.connect(self.openEvidenceRequested)
        self.evidence.removeRequested.connect(self.removeEvidenceRequested)
        self.gap_text = label("", "notice", wrap=True)
        self.create_action = QPushButton(tr("Create action…"), self)
        self.create_action.clicked.connect(self.createActionRequested)
        self.action_links = vbox(spacing=0)

        self._editable: list[QWidget] = [
            self.editor,
            self.note,
            self.confidential,
            self.review,
            self.risk,
            self.evidence,
            self.create_action,
        ]
        self.marks_row = hbox(self.confidential, self.review, 1, spacing=MARGIN)
        self.risk_title = label(tr("Risk"), "subtitle")
        self.risk_title.setToolTip(explain("risk", lang))
        self.risk_block = QWidget(self)
        self.risk_block.setLayout(vbox(self.risk_title, self.risk, 1))
        self.risk_and_evidence = hbox(
            self.risk_block,
            vbox(label(tr("Evidence"), "subtitle"), self.evidence, 1),
            spacing=MARGIN,
        )
        body = card(self)
        body.setLayout(
            vbox(
                hbox(self.where, self.position),
                self.intro,
                self.question,
                self.badges,
                self.adviser,
                self.not_applicable,
                label(tr("Answer"), "subtitle"),
                self.editor,
                self.justification,
                self.note_label,
                self.note,
                self.marks_row,
                separator(),
                hbox(self.guidance_toggle, 1),
                self.guidance,
                self.references,
                separator(),
                self.risk_and_evidence,
                separator(),
                self.gap_text,
                hbox(self.create_action, 1),
                self.action_links,
                1,
                margin=MARGIN,
                spacing=SPACING,
            )
        )
        holder = QWidget(self)
        holder.setLayout(vbox(body, margin=SPACING))
        self.setWidget(holder)
        self.refresh(state, force=True)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Put risk and evidence (and the two check boxes) side by side when they fit."""
        side_by_side = (
            self.risk.minimumSizeHint().width()
            + self.evidence.minimumSizeHint().width()
            + 3 * MARGIN
            + 2 * SPACING
        )
        wide = self.viewport().width() >= side_by_side + 2 * MARGIN
        across, down = QBoxLayout.Direction.LeftToRight, QBoxLayout.Direction.TopToBottom
        direction = across if wide else down
        if self.risk_and_evidence.direction() != direction:
            self.risk_and_evidence.setDirection(direction)
        marks = (
            self.confidential.sizeHint().width() + self.review.sizeHint().width() + MARGIN
        )  # the two check boxes side by side when they fit, else one under the other
        direction = across if self.viewport().width() >= marks + 4 * MARGIN else down
        if self.marks_row.direction() != direction:
            self.marks_row.setDirection(direction)
        super().resizeEvent(event)

    @property
    def key(self) -> str:
        """Return the key of the item shown."""
        return self.state.key

    def _toggle_guidance(self, open_: bool) -> None:
        self.guidance.setVisible(open_)
        self.guidance_toggle.setArrowType(
            Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow
        )

    def _note_typed(self) -> None:
        if not self._refreshing:
            self._note_timer.start()
            self.typing.emit()

    def _emit_note(self) -> None:
        self.answerEdited.emit({"note": self.note.toPlainText()})

    @property
    def pending(self) -> bool:
        """Return whether typed text has not been sent yet."""
        return self._note_timer.isActive() or self.editor.pending

    def flush(self) -> None:
        """Send typed text now (before leaving the item)."""
        if self._note_timer.isActive():
            self._note_timer.stop()
            self._emit_note()
        self.editor.flush()

    _refreshing = False

    @staticmethod
    def _position_text(state: ItemState) -> str:
        """Return where the item stands among those that apply ("Item 4 of 124")."""
        if not state.position:
            return tr("Does not apply")
        return tr("Item {i} of {n}", i=state.position, n=state.total)

    def refresh(self, state: ItemState, force: bool = False) -> None:
        """Show the newest saved state without disturbing text being typed."""
        self.state = state
        self.position.setText(self._position_text(state))
        answer = state.answer
        self._refreshing = True
        try:
            widgets: list[Any] = [self.confidential, self.review, self.risk]
            for widget in widgets:
                widget.blockSignals(True)
            if force or not self.editor.pending:
                self.editor.set_value(answer.value if answer else None)
            note = answer.note if answer else ""
            if (force or not self._note_timer.isActive()) and self.note.toPlainText() != note:
                self.note.setPlainText(note)
            self.confidential.setChecked(bool(answer and answer.confidential))
            self.review.setChecked(bool(answer and answer.review))
            self.risk.set_risk(answer.risk if answer else Risk())
            for widget in widgets:
                widget.blockSignals(False)
        finally:
            self._refreshing = False
        self.evidence.set_evidence(list(state.evidence))
        rated = answer is not None and answer.risk != Risk()
        self.risk_block.setHidden(not (can_rate_risk(state.entry) or rated))
        self._refresh_marks()

    def _refresh_marks(self) -> None:
        state = self.state
        entry, answer = state.entry, state.answer
        while self.badges.count():
            taken = self.badges.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        lang = state.lang
        badges: list[tuple[str, str, str]] = []  # text, role, tooltip
        if is_red_flag(entry, answer):
            badges.append((tr("Red flag"), "badge-red", explain("red-flag", lang)))
        elif is_gap(entry, answer):
            badges.append((tr("Gap"), "badge-amber", explain("gap", lang)))
        if answer is not None and answer.confidential:
            hint = tr("Kept out of the PDF for your adviser.")
            badges.append((tr("Confidential"), "badge-amber", hint))
        if answer is not None and answer.review:
            hint = tr("You marked this answer to look at again.")
            badges.append((tr("Marked for review"), "badge-muted", hint))
        if entry.item.required:
            hint = tr("Answer this question before you export the PDF.")
            badges.append((tr("Required"), "badge-muted", hint))
        for key, text in self.term_chips():
            badges.append((text, "badge-muted", explain(key, lang)))
        for text, role, hint in badges:
            chip = label(text, role)
            chip.setToolTip(hint)
            self.badges.addWidget(chip)
        self.badges.addStretch(1)
        assessments = {
            "accepted": tr("accepted"),
            "question": tr("has a question"),
            "insufficient": tr("not sufficient yet"),
        }
        remarks = [
            tr("Adviser: {assessment}.", assessment=assessments.get(r.assessment, r.assessment))
            + (f" {r.comment}" if r.comment else "")
            for r in state.reviews
        ]
        self.adviser.setText("\n".join(remarks))
        self.adviser.setVisible(bool(remarks))
        self.not_applicable.setVisible(not entry.applies)
        self.not_applicable.setText(tr("Does not apply to this dossier.") + " " + entry.reason)
        for widget in self._editable:
            widget.setEnabled(entry.applies)
        missing = needs_justification(entry, answer)
        self.justification.setVisible(missing and not self._note_timer.isActive())
        self.note.setProperty("invalid", missing)
        repolish(self.note)
        gap = is_gap(entry, answer)
        linked = state.actions
        self.gap_text.setVisible(gap and not linked)
        self.gap_text.setText(
            tr("This answer shows a gap. Turn it into an action for your action plan.")
        )
        self.create_action.setText(
            tr("Create action…") if not linked else tr("Add another action…")
        )
        while self.action_links.count():
            taken = self.action_links.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        for action in linked:
            link = LinkLabel(tr("Action: {what}", what=action.action), self)
            link.clicked.connect(lambda aid=action.id: self.showActionRequested.emit(aid))
            self.action_links.addWidget(link)

    def term_chips(self) -> list[tuple[str, str]]:
        """Return the (glossary key, text) of the item's OECD step and IFC standard chips."""
        entry = self.state.entry
        chips = []
        step = entry.template.oecd_step_of(entry.item)
        if step and step != "0":
            chips.append(("oecd-step", tr("OECD step {step}", step=step)))
        standard = entry.template.ifc_standard_of(entry.item)
        if standard:
            chips.append(("ifc-ps", tr("IFC {ps}", ps=standard)))
        return chips

    def term_keys(self) -> list[str]:
        """Return the glossary keys of what this item shows (for F1)."""
        entry, answer = self.state.entry, self.state.answer
        keys = ["red-flag"] if is_red_flag(entry, answer) else []
        keys += ["gap"] if is_gap(entry, answer) and not keys else []
        keys += [key for key, _text in self.term_chips()]
        if not self.risk_block.isHidden():
            keys += ["risk", "cause", "contribute", "linked"]
        if any(ref.expectation for ref in entry.item.refs):
            keys.append("source-code")
        return keys

    def choose_number(self, number: int) -> bool:
        """Choose option `number` of the answer scale."""
        return self.state.entry.applies and self.editor.choose_number(number)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Let the number keys choose answer options."""
        text = event.text()
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if text.isdigit() and plain and self.choose_number(int(text)):
            event.accept()
            return
        super().keyPressEvent(event)
