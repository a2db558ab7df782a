"""A received dossier, read-only: its items, what changed since the last version, the review."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTreeView,
    QWidget,
)

from ddcheck.domain.visible import visible_controls
from ddcheck.ui import i18n
from ddcheck.ui.accessibility import named
from ddcheck.ui.context import AppContext
from ddcheck.ui.dates import date_text
from ddcheck.ui.errors import error_text
from ddcheck.ui.exporting import ask_save_path, safe_name, write_pdf_in_background
from ddcheck.ui.i18n import tr
from ddcheck.ui.layout import MARGIN, SPACING, TIGHT, hbox, label, vbox
from ddcheck.ui.models.assessed_tree import AssessedTreeModel
from ddcheck.ui.models.section_tree import COL_PROGRESS, COL_TITLE, KEY_ROLE, SectionTreeModel
from ddcheck.ui.pages.received_header import ReceivedHeader
from ddcheck.ui.pages.received_summary import ReceivedSummary
from ddcheck.ui.pages.review_history import ReviewHistoryView
from ddcheck.ui.pages.review_panel import ReviewPanel
from ddcheck.ui.pages.review_verdict import VerdictPanel
from ddcheck.ui.pages.revision_changes import RevisionChangesView
from ddcheck.ui.review_session import ReviewSession, ReviewUpdate

log = logging.getLogger(__name__)

TAB_ITEMS, TAB_CHANGES, TAB_REVIEW, TAB_HISTORY = range(4)
_KEYS = {"1": "accepted", "2": "question", "3": "insufficient"}


class ReceivedPage(QWidget):
    """A view of a review session: read the received dossier and review it (saved at once)."""

    savedState = Signal(str, str)  # an export's progress (the review's is the session's)
    changed = Signal()
    deleteRequested = Signal(str)

    def __init__(
        self, ctx: AppContext, session: ReviewSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session = session
        self.received_id = session.received_id
        self.lang = i18n.language()
        self.handle: Any = None
        self.header = ReceivedHeader(self)
        self.heading, self.meta = self.header.heading, self.header.meta
        self.revision = QComboBox(self)
        named(self.revision, tr("Version"))
        self.revision.currentIndexChanged.connect(self._revision_chosen)
        self.export_pdf_button = QPushButton(tr("Export review PDF…"), self)
        self.export_file_button = QPushButton(tr("Export review file…"), self)
        self.export_file_button.setProperty("role", "primary")
        self.export_file_button.setToolTip(
            tr("The .ddreview file the company loads into ddcheck to see your comments")
        )
        self.delete_button = QPushButton(tr("Delete…"), self)
        self.export_pdf_button.clicked.connect(self.export_review_pdf)
        self.export_file_button.clicked.connect(self.export_review_file)
        self.delete_button.clicked.connect(lambda: self.deleteRequested.emit(self.received_id))
        self.tree_model = SectionTreeModel(self.lang, self)
        self.assessed = AssessedTreeModel(self)
        self.assessed.setSourceModel(self.tree_model)
        self.tree = QTreeView(self)
        named(self.tree, tr("Questions"), tr("Checklists, their sections and questions"))
        self.tree.setModel(self.assessed)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(
            COL_PROGRESS, QHeaderView.ResizeMode.ResizeToContents
        )
        self.tree.selectionModel().currentChanged.connect(self._item_chosen)
        for keys, choice in _KEYS.items():  # keys 1–3 in the tree assess the item shown
            shortcut = QShortcut(QKeySequence(keys), self.tree)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda c=choice: self._key_assess(c))
        self.tree.setToolTip(tr("Keys 1, 2 and 3: accepted, question, not sufficient"))
        self.summary_button = QPushButton(tr("Summary of the dossier"), self)
        self.summary_button.setProperty("role", "link")
        self.summary_button.setToolTip(tr("Readiness, red flags and what changed (Esc)"))
        self.summary_button.clicked.connect(self.show_summary)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.tree)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self.show_summary)
        self.panel = ReviewPanel(self.lang, self)
        self.panel.assessed.connect(self._assess)
        self.panel.agreeRequested.connect(self.add_agreed_action)
        self.panel.evidenceOpenRequested.connect(self._open_evidence)
        self.overview = ReceivedSummary(self)
        self.overview.itemRequested.connect(self.select)
        self.right = QStackedWidget(self)
        self.right.addWidget(self.overview)
        self.right.addWidget(self.panel)
        left = QWidget(self)
        left.setLayout(vbox(hbox(self.summary_button, 1), self.tree, spacing=TIGHT))
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("received-splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([380, 720])
        self.changes = RevisionChangesView(self.item_title, self)
        self.changes.itemRequested.connect(self.select)
        self.verdict = VerdictPanel(self.item_title, self)
        self.verdict.verdictEdited.connect(self._verdict)
        self.verdict.addRequested.connect(lambda: self.add_agreed_action(None))
        self.verdict.editRequested.connect(self.edit_agreed_action)
        self.verdict.removeRequested.connect(self.remove_agreed_action)
        self.tabs = QTabWidget(self)
        named(self.tabs, tr("Views of the received dossier"))
        self.tabs.addTab(self.splitter, tr("Items"))
        self.tabs.addTab(self.changes, tr("Changes since the last version"))
        verdict_scroll = named(QScrollArea(self), tr("Verdict and agreed actions"))
        verdict_scroll.setWidgetResizable(True)
        verdict_scroll.setWidget(self.verdict)
        self.tabs.addTab(verdict_scroll, tr("Verdict and agreed actions"))
        self.history = ReviewHistoryView(self.item_title, self)
        self.history.itemRequested.connect(self.select)
        self.tabs.addTab(self.history, tr("History"))
        self.tabs.setDocumentMode(True)
        self.overview.changesRequested.connect(lambda: self.tabs.setCurrentIndex(TAB_CHANGES))
        top = vbox(
            hbox(
                self.header,
                1,
                vbox(
                    hbox(label(tr("Version"), "muted"), self.revision, spacing=TIGHT),
                    hbox(self.export_pdf_button, self.export_file_button, spacing=TIGHT),
                    hbox(1, self.delete_button),
                    spacing=TIGHT,
                ),
            ),
            spacing=SPACING,
        )
        self.setLayout(vbox(top, self.tabs, margin=MARGIN, spacing=SPACING))
        session.add_flusher(self.flush)
        session.changed.connect(self._session_changed)
        self._show_all()

    # ------------------------------------------------------------ the session's state
    @property
    def received(self) -> Any:
        """Return the received dossier shown (one revision)."""
        return self.session.received

    @property
    def review(self) -> Any:
        """Return the adviser's review as saved."""
        return self.session.review

    @property
    def entries(self) -> list[Any]:
        """Return the items of the received dossier."""
        return self.session.entries

    @property
    def summary(self) -> Any:
        """Return completeness and red flags of the revision shown."""
        return self.session.summary

    @property
    def undo_stack(self) -> Any:
        """Return the review session's undo stack."""
        return self.session.undo_stack

    def load(self, revision: int | None = None) -> None:
        """Read the received dossier (a revision, default the newest) and its review again."""
        self.session.load(revision)

    def _session_changed(self, update: ReviewUpdate) -> None:
        if update.full:
            self._show_all()
            return
        self._show_header()
        self._show_assessments()
        self._show_history()
        if update.touches_agreed_actions:
            self.verdict.set_review(self.review)
        key = self.panel.key
        if update.restored and key and self.right.currentWidget() is self.panel:
            self._item_chosen(self.assessed.mapFromSource(self.tree_model.index_of(key)))
        self.overview.show_session(self.session)
        self.changed.emit()

    def _show_all(self) -> None:
        key = self.panel.key if self.right.currentWidget() is self.panel else None
        self.tree_model.set_entries(self.entries, self.summary.answers, self.summary.flags)
        self.assessed.set_withheld(self.received.withheld_items)
        self.tree.expandToDepth(0)
        self._show_assessments()
        self._show_header()
        self._show_revisions()
        self._show_changes()
        self.verdict.set_review(self.review)
        self._show_history()
        self.overview.show_session(self.session)
        if key and self.tree_model.index_of(key).isValid():
            self.select(key)
        else:
            self.show_summary()

    def show_summary(self) -> None:
        """Show the dossier's summary beside the tree (where an item's review shows)."""
        self.panel.show_item(None, None, None, None)
        self.tree.selectionModel().clearCurrentIndex()
        self.tree.clearSelection()
        self.tabs.setCurrentIndex(TAB_ITEMS)
        self.right.setCurrentWidget(self.overview)

    def _show_header(self) -> None:
        self.header.show_session(self.session, on_trust=self.trust_key)
        latest = self.received.is_latest
        for button in (self.export_file_button, self.export_pdf_button):
            button.setEnabled(latest)

    @property
    def trust_button(self) -> QPushButton | None:
        """Return the 'Accept this key…' button, shown on a newest version signed by another
        key."""
        return self.header.trust_button

    def trust_key(self) -> bool:
        """Ask, then pin the key of the newest version for this company (`received trust`)."""
        from ddcheck.exchange.signing import short_id

        revision = self.received.revision
        if not self.ctx.prompts.confirm(
            self,
            tr("Accept this key"),
            tr(
                "Accept key {key} as the key of {company} from now on? Do this only after "
                "checking with the company, by phone or in person, that it sent this version "
                "(a new laptop or a reinstalled ddcheck makes a new key).",
                key=short_id(revision.signer),
                company=visible_controls(self.received.dossier.company.name),
            ),
            tr("Accept key"),
        ):
            return False
        try:
            self.ctx.attached_workspace().trust_key(self.received_id)
        except Exception as error:
            log.info("accepting the key failed: %s", error)
            message = error_text(error, i18n.language())
            self.ctx.prompts.error(self, tr("Accept this key"), message)
            return False
        self.load(revision.number)
        self.changed.emit()
        return True

    def _key_assess(self, choice: str) -> None:
        if self.panel.key:
            self.panel.buttons[choice].click()

    def _show_assessments(self) -> None:
        self.assessed.set_assessments({i.key: i.assessment for i in self.review.items})

    def _show_revisions(self) -> None:
        self.revision.blockSignals(True)
        self.revision.clear()
        for info in self.received.revisions:
            self.revision.addItem(
                tr(
                    "{n} of {total} · {date}",
                    n=info.number,
                    total=len(self.received.revisions),
                    date=date_text(info.generated_at),
                ),
                info.number,
            )
        self.revision.setCurrentIndex(self.received.revision.number - 1)
        self.revision.setEnabled(len(self.received.revisions) > 1)
        self.revision.blockSignals(False)

    def _show_changes(self) -> None:
        many = len(self.received.revisions) > 1
        self.tabs.setTabEnabled(TAB_CHANGES, many)
        result = self.session.revision_changes
        if not many or result is None:
            self.changes.show_nothing(tr("Only one version was received."))
        elif result.old is None:
            self.changes.show_nothing(tr("This is the first version; there is nothing before it."))
        else:
            self.changes.show_changes(result)

    def _show_history(self) -> None:
        self.history.show_rows(self.session.history(), self.review.agreed_actions)

    def entries_keys(self) -> set[str]:
        """Return the keys of the items shown in the tree."""
        return {e.key for e in self.entries}

    def item_title(self, key: str) -> str:
        """Return the question of an item (its key when unknown)."""
        entry = self.session.entry(key)
        return entry.item.question.get(self.lang) if entry else key

    def select(self, key: str) -> None:
        """Show an item."""
        index = self.assessed.mapFromSource(self.tree_model.index_of(key))
        if index.isValid():
            self.tabs.setCurrentIndex(TAB_ITEMS)
            self.tree.scrollTo(index)
            self.tree.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self._item_chosen(index)

    def _item_chosen(self, index: Any, _previous: Any = None) -> None:
        key = index.data(KEY_ROLE) if index.isValid() else None
        entry = self.session.entry(key) if key else None
        if entry is None:
            return
        review = self.session.item_review(entry.key)
        actions = self.session.actions_for(entry.key)
        self.panel.show_item(entry, self.received, review, actions)
        self.right.setCurrentWidget(self.panel)

    def _revision_chosen(self, index: int) -> None:
        number = self.revision.itemData(index)
        if number and number != self.received.revision.number:
            self.flush()
            self.session.load(int(number))

    # ------------------------------------------------------------ review edits (the session's)
    def _assess(self, key: str, assessment: str, comment: str) -> None:
        self.session.assess(key, assessment, comment)

    def _verdict(self, fields: dict[str, Any]) -> None:
        self.session.set_verdict(fields)

    def add_agreed_action(self, key: str | None) -> None:
        """Agree a new improvement action (for an item, or for the dossier as a whole)."""
        draft = self.session.draft_agreed_action(key, self.ctx.today())
        result = self.ctx.prompts.edit_action(self, draft, tr("Agree an improvement action"))
        if result is not None:
            self.session.add_agreed_action(result)

    def edit_agreed_action(self, action_id: str) -> None:
        """Change an agreed action in the action dialog."""
        current = next((a for a in self.review.agreed_actions if a.id == action_id), None)
        if current is None:
            return
        result = self.ctx.prompts.edit_action(self, current, tr("Edit agreed action"))
        if result is None:
            return
        fields = result.model_dump(exclude={"id"})
        fields["agreed_with_adviser"] = True
        self.session.update_agreed_action(action_id, **fields)

    def remove_agreed_action(self, action_id: str) -> None:
        """Remove an agreed action."""
        self.session.remove_agreed_action(action_id)

    def flush(self) -> None:
        """Save text still being typed."""
        self.panel.flush()
        self.verdict.flush()

    # ------------------------------------------------------------ evidence, export
    def _open_evidence(self, evidence_id: str) -> None:
        try:
            data = self.ctx.attached_workspace().received_evidence_bytes(
                self.received_id, evidence_id
            )
        except Exception as error:
            self.ctx.prompts.error(self, tr("Evidence"), error_text(error, self.lang))
            return
        item = next(e for e in self.received.dossier.evidence if e.id == evidence_id)
        try:
            self.ctx.open_evidence(self, item.name, data)
        except OSError as error:
            self.ctx.prompts.error(self, tr("Evidence"), error_text(error, self.lang))

    def _suggested(self, suffix: str) -> Path:
        name = safe_name(self.received.dossier.company.name, "dossier")
        return Path.home() / f"{tr('review')}-{name}{suffix}"

    def export_review_file(self) -> Path | None:
        """Write the .ddreview file for the company."""
        self.flush()
        path = ask_save_path(
            self.ctx,
            self,
            tr("Save the review file as"),
            self._suggested(".ddreview"),
            tr("ddcheck review files (*.ddreview)"),
        )
        if path is None:
            return None
        try:
            self.ctx.attached_workspace().export_review_file(self.received_id, path)
        except Exception as error:
            self.ctx.prompts.error(self, tr("Export failed"), error_text(error, self.lang))
            return None
        self.ctx.prompts.inform(
            self,
            tr("Review file saved"),
            tr("Saved as {name}. Send it to the company; it opens it with Import.", name=path.name),
        )
        return path

    def export_review_pdf(self) -> None:
        """Write the review as a PDF, in the background."""
        self.flush()
        path = ask_save_path(
            self.ctx,
            self,
            tr("Save the review PDF as"),
            self._suggested(".pdf"),
            tr("PDF files (*.pdf)"),
        )
        if path is None:
            return
        rid, lang = self.received_id, self.lang
        self.handle = write_pdf_in_background(
            self.ctx,
            self,
            self.export_pdf_button,
            path,
            lambda ws, target: ws.export_review_pdf(rid, target, lang=lang),
            self.savedState.emit,
        )
