"""One item of a received dossier, read-only, with the adviser's assessment and comment."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QWidget,
)

from ddcheck.domain.applicability import ItemApplicability
from ddcheck.domain.dossier import ItemReview
from ddcheck.domain.scoring import is_red_flag
from ddcheck.domain.text import Language
from ddcheck.domain.visible import visible_controls
from ddcheck.ui.accessibility import named
from ddcheck.ui.i18n import tr
from ddcheck.ui.layout import MARGIN, SPACING, TIGHT, card, hbox, label, separator, vbox
from ddcheck.ui.models.assessed_tree import assessment_names as assessment_labels

DEBOUNCE_MS = 600
ASSESSMENTS = ("accepted", "question", "insufficient")


def clear_layout(layout: Any) -> None:
    """Remove and delete every widget of a layout (hidden at once, deleted later)."""
    while layout.count():
        widget = layout.takeAt(0).widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()


def _risk_text(risk: Any) -> str:
    if risk is None or risk.is_empty:
        return ""
    involvement = {
        "cause": tr("causes"),
        "contribute": tr("contributes"),
        "linked": tr("directly linked"),
    }.get(risk.involvement or "", "")
    parts = [
        tr("severity {n}/4", n=risk.severity) if risk.severity else "",
        tr("likelihood {n}/4", n=risk.likelihood) if risk.likelihood else "",
        involvement,
    ]
    return ", ".join(p for p in parts if p)


class ReviewPanel(QScrollArea):
    """Show what the company answered to one item and record the adviser's assessment."""

    assessed = Signal(str, str, str)  # key, assessment ("" clears), comment
    agreeRequested = Signal(str)
    evidenceOpenRequested = Signal(str)

    def __init__(self, lang: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.key: str | None = None
        named(self, tr("Item and your assessment"))
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.where = label("", "small", wrap=True)
        self.question = label("", "question", wrap=True)
        self.withheld = label(
            tr("The company withheld this answer as confidential; it is not in the file."),
            "greyed",
            wrap=True,
        )
        self.not_applicable = label("", "greyed", wrap=True)
        self.answer = label("", "subtitle", wrap=True)
        self.note = label("", "", wrap=True)
        self.risk = label("", "muted", wrap=True)
        self.evidence = vbox(spacing=TIGHT)
        self.linked_actions = label("", "", wrap=True)  # not `actions`: QWidget.actions()
        self.adviser_note = label("", "", wrap=True)
        self.adviser_note.setObjectName("adviserNote")
        self.buttons: dict[str, QPushButton] = {}
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)
        row = hbox(spacing=TIGHT)
        for name, text in assessment_labels().items():
            button = QPushButton(text, self)
            button.setCheckable(True)
            button.setProperty("role", "option-red" if name == "insufficient" else "option")
            button.clicked.connect(lambda _c=False, n=name: self._choose(n))
            button.setMinimumWidth(button.sizeHint().width() + 28)  # bold when checked
            self.group.addButton(button)
            self.buttons[name] = button
            row.addWidget(button)
        row.addStretch(1)
        self.clear_button = QPushButton(tr("Clear"), self)
        self.clear_button.setProperty("role", "link")
        self.clear_button.clicked.connect(lambda: self._choose(""))
        row.addWidget(self.clear_button)
        self.comment = QPlainTextEdit(self)
        named(self.comment, tr("Your comment to the company"))
        self.comment.setFixedHeight(110)
        self.comment.setTabChangesFocus(True)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit_comment)
        self.comment.textChanged.connect(self._typed)
        self.agree_button = QPushButton(tr("Agree an improvement action…"), self)
        self.agree_button.clicked.connect(lambda: self.key and self.agreeRequested.emit(self.key))
        self._current = ""
        self._loading = False
        body = card(self)
        body.setLayout(
            vbox(
                self.where,
                self.question,
                self.not_applicable,
                separator(),
                label(tr("The company's answer"), "small"),
                self.withheld,
                self.answer,
                self.note,
                self.risk,
                self.evidence,
                self.linked_actions,
                self.adviser_note,
                separator(),
                label(tr("Your assessment"), "subtitle"),
                row,
                self.comment,
                hbox(self.agree_button, 1),
                1,
                margin=MARGIN,
                spacing=SPACING,
            )
        )
        holder = QWidget(self)
        holder.setLayout(vbox(body, margin=SPACING))
        self.setWidget(holder)
        self.show_item(None, None, None, None)

    def show_item(
        self,
        entry: ItemApplicability | None,
        received: Any,
        review: ItemReview | None,
        actions: Any,
    ) -> None:
        """Show one item of `received` (None: nothing selected) with its current assessment."""
        self.flush()
        self._loading = True
        self.key = entry.key if entry else None
        lang = self.lang
        if entry is None or received is None:
            self.where.setText("")
            self.question.setText(tr("Choose an item on the left to read and assess it."))
            for widget in (
                self.withheld,
                self.not_applicable,
                self.answer,
                self.note,
                self.adviser_note,
            ):
                widget.setVisible(False)
            self._set_review(None)
            self._enable(False)
            self._loading = False
            return
        self._enable(True)
        self.where.setText(f"{entry.template.title.get(lang)} › {entry.section.title.get(lang)}")
        self.question.setText(entry.item.question.get(lang))
        self.not_applicable.setText(tr("Does not apply to this dossier.") + " " + entry.reason)
        self.not_applicable.setVisible(not entry.applies)
        withheld = entry.key in received.withheld_items
        self.withheld.setVisible(withheld)
        answer = received.dossier.answer(entry.template.id, entry.item.id)
        rendered = received.rendered_answers.get(entry.key, "")
        if not rendered and answer is not None and answer.is_answered:
            rendered = (
                ", ".join(answer.value) if isinstance(answer.value, list) else str(answer.value)
            )
        self.answer.setText(visible_controls(rendered) or tr("Not answered"))
        self.answer.setProperty("role", "subtitle" if rendered else "muted")
        self.answer.style().unpolish(self.answer)
        self.answer.style().polish(self.answer)
        self.answer.setVisible(not withheld)
        note = answer.note if answer is not None else ""
        self.note.setText(tr("Note: {note}", note=visible_controls(note)) if note else "")
        self.note.setVisible(bool(note) and not withheld)
        risk = _risk_text(answer.risk if answer is not None else None)
        self.risk.setText(tr("Risk: {risk}", risk=risk) if risk else "")
        self.risk.setVisible(bool(risk))
        self._show_evidence(received, answer)
        linked = [visible_controls(a.action) for a in actions or ()]
        self.linked_actions.setText(
            tr("Company's actions: {list}", list="; ".join(linked)) if linked else ""
        )
        self.linked_actions.setVisible(bool(linked))
        note = entry.template.adviser_note_of(entry.item)
        flagged = not withheld and note is not None and is_red_flag(entry, answer)
        text = note.get(lang) if flagged and note is not None else ""
        shown = tr("Red flag — for the adviser: {note}", note=text) if text else ""
        self.adviser_note.setText(shown)
        self.adviser_note.setVisible(flagged)
        self._set_review(review)
        self._loading = False

    def _show_evidence(self, received: Any, answer: Any) -> None:
        clear_layout(self.evidence)
        ids = answer.evidence_ids if answer is not None else []
        by_id = {e.id: e for e in received.dossier.evidence}
        for evidence_id in ids:
            item = by_id.get(evidence_id)
            if item is None:
                continue
            if evidence_id in received.evidence_with_contents:
                button = QPushButton(tr("Open {name}", name=visible_controls(item.name)), self)
                button.setProperty("role", "link")
                button.clicked.connect(
                    lambda _c=False, i=evidence_id: self.evidenceOpenRequested.emit(i)
                )
                self.evidence.addWidget(button)
            else:
                self.evidence.addWidget(
                    label(
                        tr(
                            "Evidence: {name} (listed; the PDF carries no files)",
                            name=visible_controls(item.name),
                        ),
                        "muted",
                        wrap=True,
                    )
                )

    def _set_review(self, review: ItemReview | None) -> None:
        self._current = review.assessment if review else ""
        for name, button in self.buttons.items():
            button.setChecked(name == self._current)
        self.comment.setPlainText(review.comment if review else "")
        self._comment_state()

    def _enable(self, on: bool) -> None:
        for widget in (*self.buttons.values(), self.clear_button, self.agree_button):
            widget.setEnabled(on)
        self.comment.setEnabled(on)

    def _comment_state(self) -> None:
        chosen = bool(self._current)
        self.comment.setReadOnly(not chosen)
        self.comment.setPlaceholderText(
            tr("Comment for the company (what is missing, what you ask)")
            if chosen
            else tr("Choose an assessment first; then add a comment.")
        )
        self.clear_button.setVisible(chosen)

    def _choose(self, assessment: str) -> None:
        if self.key is None:
            return
        self._timer.stop()
        self._current = assessment
        for name, button in self.buttons.items():
            button.setChecked(name == assessment)
        if not assessment:
            self._loading = True
            self.comment.setPlainText("")
            self._loading = False
        self._comment_state()
        self.assessed.emit(self.key, assessment, self.comment.toPlainText())

    def _typed(self) -> None:
        if not self._loading and self._current:
            self._timer.start()

    def flush(self) -> None:
        """Save a comment still being typed."""
        if self._timer.isActive():
            self._timer.stop()
            self._emit_comment()

    def _emit_comment(self) -> None:
        if self.key and self._current:
            self.assessed.emit(self.key, self._current, self.comment.toPlainText())

    def current_assessment(self) -> str:
        """Return the assessment chosen for the shown item ('' when none)."""
        return self._current
