"""A received dossier, read-only: its items, what changed since the last version, the review."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTreeView,
    QWidget,
)

from ddcheck.domain.applicability import item_applicability
from ddcheck.domain.dossier import Action
from ddcheck.domain.formatting import country_name
from ddcheck.domain.visible import visible_controls
from ddcheck.ui import i18n
from ddcheck.ui.accessibility import named
from ddcheck.ui.context import AppContext
from ddcheck.ui.dates import date_text, datetime_text
from ddcheck.ui.exporting import ask_save_path, safe_name, write_pdf_in_background
from ddcheck.ui.i18n import tr, tr_n
from ddcheck.ui.layout import MARGIN, SPACING, TIGHT, hbox, label, vbox
from ddcheck.ui.models.assessed_tree import AssessedTreeModel
from ddcheck.ui.models.section_tree import COL_PROGRESS, COL_TITLE, KEY_ROLE, SectionTreeModel
from ddcheck.ui.pages.review_history import ReviewHistoryView
from ddcheck.ui.pages.review_panel import ReviewPanel, clear_layout
from ddcheck.ui.pages.review_undo import ReviewCommand
from ddcheck.ui.pages.review_verdict import VerdictPanel
from ddcheck.ui.pages.revision_changes import RevisionChangesView

log = logging.getLogger(__name__)

TAB_ITEMS, TAB_CHANGES, TAB_REVIEW, TAB_HISTORY = range(4)
_KEYS = {"1": "accepted", "2": "question", "3": "insufficient"}


class ReceivedPage(QWidget):
    """Read a received dossier and review it; every review change is saved at once."""

    savedState = Signal(str, str)
    changed = Signal()
    deleteRequested = Signal(str)

    def __init__(self, ctx: AppContext, received_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.received_id = received_id
        self.lang = i18n.language()
        self.received: Any = None
        self.review: Any = None
        self.entries: list[Any] = []
        self.handle: Any = None
        self.heading = label("", "title", wrap=True)
        self.meta = label("", "muted", wrap=True)
        self.badges = hbox(spacing=TIGHT)
        self.trust_button: QPushButton | None = None  # on "Signed with another key"
        self.revision = QComboBox(self)
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
        self.panel = ReviewPanel(self.lang, self)
        self.panel.assessed.connect(self._assess)
        self.panel.agreeRequested.connect(self.add_agreed_action)
        self.panel.evidenceOpenRequested.connect(self._open_evidence)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("received-splitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([380, 720])
        self.changes = RevisionChangesView(self.item_title, self)
        self.changes.itemRequested.connect(self.select)
        self.verdict = VerdictPanel(self.item_title, self)
        self.verdict.verdictEdited.connect(self._verdict)
        self.verdict.addRequested.connect(lambda: self.add_agreed_action(None))
        self.verdict.editRequested.connect(self.edit_agreed_action)
        self.verdict.removeRequested.connect(self.remove_agreed_action)
        self.undo_stack = QUndoStack(self)
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
        top = vbox(
            hbox(
                vbox(self.heading, self.meta, self.badges, spacing=TIGHT),
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
        self.load()

    # ------------------------------------------------------------ loading
    def load(self, revision: int | None = None) -> None:
        """Read the received dossier (a revision, default the newest) and its review."""
        ws = self.ctx.workspace
        self.received = ws.get_received(self.received_id, revision)
        self.review = ws.review_of(self.received_id)
        dossier = self.received.dossier
        templates = ws.templates
        used = {u.id: templates[u.id] for u in dossier.templates if u.id in templates}
        self.entries = item_applicability(dossier, used, self.lang)
        summary = ws.received_summary(self.received)
        self.summary = summary
        key = self.panel.key
        self.tree_model.set_entries(self.entries, summary.answers, summary.flags)
        self.assessed.set_withheld(self.received.withheld_items)
        self.tree.expandToDepth(0)
        self._show_assessments()
        self._show_header()
        self._show_revisions()
        self._show_changes()
        self.verdict.set_review(self.review)
        self._show_history()
        if key and self.tree_model.index_of(key).isValid():
            self.select(key)
        else:
            self.panel.show_item(None, None, None, None)

    def _show_header(self) -> None:
        received, dossier = self.received, self.received.dossier
        self.heading.setText(visible_controls(dossier.company.name))
        self.heading.setToolTip(received.title)
        places = ", ".join(country_name(c, i18n.language()) for c in dossier.mission.destinations)
        parts = [
            dossier.mission.name,
            tr("KvK {number}", number=dossier.company.kvk_number)
            if dossier.company.kvk_number
            else "",
            places,
            tr("exported {date}", date=datetime_text(received.revision.generated_at)),
            tr("read-only"),
        ]
        self.meta.setText(visible_controls(" · ".join(p for p in parts if p)))
        clear_layout(self.badges)
        self.trust_button = None
        progress = self.summary.overall
        percent = 100 * progress.answered // progress.total if progress.total else 0
        red = len(self.summary.red_flags)
        withheld = len(received.withheld_items)
        self.badges.addWidget(label(tr("{p}% complete", p=percent), "badge-muted"))
        if red:
            self.badges.addWidget(label(tr("{n} red flags", n=red), "badge-red"))
        if withheld:
            self.badges.addWidget(label(tr("{n} withheld", n=withheld), "badge-amber"))
        if received.revision.text_only:
            unchecked = label(tr("pages not checked"), "badge-amber")
            unchecked.setToolTip(
                tr(
                    "Another ddcheck version made this PDF, so its pages could not be compared "
                    "with its data; only the text was checked."
                )
            )
            self.badges.addWidget(unchecked)
        signature = received.revision.signature
        if signature == "other_key":
            flag = label(tr("Signed with another key"), "badge-red")
            flag.setToolTip(
                tr(
                    "This version is signed with another key than earlier files from this "
                    "company: it may not come from them. Check with the company."
                )
            )
            self.badges.addWidget(flag)
            if received.is_latest:  # accept the new key, once checked with the company
                self.trust_button = QPushButton(tr("Accept this key…"), self)
                named(
                    self.trust_button,
                    tr("Accept this key"),
                    tr("Trust the key this version is signed with for this company from now on"),
                )
                self.trust_button.clicked.connect(self.trust_key)
                self.badges.addWidget(self.trust_button)
        elif signature == "unsigned":
            flag = label(tr("Unsigned"), "badge-amber")
            flag.setToolTip(tr("This version carries no signature: its origin cannot be checked."))
            self.badges.addWidget(flag)
        assessed = len(self.review.items)
        self.badges.addWidget(
            label(tr_n("{n} item assessed", "{n} items assessed", assessed), "badge-muted")
        )
        self.badges.addStretch(1)
        latest = received.is_latest
        for button in (self.export_file_button, self.export_pdf_button):
            button.setEnabled(latest)

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
            self.ctx.workspace.trust_key(self.received_id)
        except Exception as error:
            log.info("accepting the key failed: %s", error)
            text = getattr(error, "text", None)
            message = text(i18n.language()) if callable(text) else str(error)
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
        if not many:
            self.changes.show_nothing(tr("Only one version was received."))
            return
        result = self.ctx.workspace.changes_since_previous(
            self.received_id, self.received.revision.number
        )
        if result.old is None:
            self.changes.show_nothing(tr("This is the first version; there is nothing before it."))
        else:
            self.changes.show_changes(result)

    def _show_history(self) -> None:
        rows = self.ctx.workspace.review_history(self.received_id)
        self.history.show_rows(rows, self.review.agreed_actions)

    def entries_keys(self) -> set[str]:
        """Return the keys of the items shown in the tree."""
        return {e.key for e in self.entries}

    def item_title(self, key: str) -> str:
        """Return the question of an item (its key when unknown)."""
        entry = next((e for e in self.entries if e.key == key), None)
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
        entry = next((e for e in self.entries if e.key == key), None)
        if entry is None:
            return
        review = next((r for r in self.review.items if r.key == key), None)
        actions = [a for a in self.received.dossier.actions if key in a.item_keys]
        self.panel.show_item(entry, self.received, review, actions)

    def _revision_chosen(self, index: int) -> None:
        number = self.revision.itemData(index)
        if number and number != self.received.revision.number:
            self.load(int(number))

    # ------------------------------------------------------------ review edits
    def _save(self, write: Any, undo_text: str = "", merge_key: str | None = None) -> bool:
        if undo_text:  # text typed before this edit is saved first, as its own undo step
            self.flush()
        self.savedState.emit("saving", tr("Saving…"))
        before = self.review
        try:
            write()
        except Exception as error:
            log.exception("saving the review failed")
            self.savedState.emit("error", tr("Not saved: {error}", error=str(error)))
            self.ctx.prompts.error(self, tr("Not saved"), str(error))
            return False
        self.review = self.ctx.workspace.review_of(self.received_id)
        if undo_text and self.review != before:
            self.undo_stack.push(
                ReviewCommand(undo_text, before, self.review, self._put_back, merge_key)
            )
        self._show_history()
        self.savedState.emit(
            "saved", tr("Review saved · {time}", time=self.ctx.now().strftime("%H:%M"))
        )
        self.changed.emit()
        return True

    def _put_back(self, review: Any) -> None:
        """Undo or redo: write a whole earlier review state and show it (flushed before)."""
        ws, rid = self.ctx.workspace, self.received_id
        if self._save(lambda: ws.put_review(rid, review)):
            self.load(self.received.revision.number)

    def _assess(self, key: str, assessment: str, comment: str) -> None:
        ws, rid = self.ctx.workspace, self.received_id
        old = next((i for i in self.review.items if i.key == key), None)
        comment_only = old is not None and old.assessment == assessment
        if assessment:
            self._save(
                lambda: ws.assess_item(rid, key, assessment, comment),
                tr("Comment") if comment_only else tr("Assess item"),
                key if comment_only else None,
            )
        else:
            self._save(lambda: ws.clear_assessment(rid, key), tr("Clear assessment"))
        self._show_header()
        self._show_assessments()

    def _verdict(self, fields: dict[str, Any]) -> None:
        ws, rid = self.ctx.workspace, self.received_id
        self._save(
            lambda: ws.set_verdict(
                rid,
                fields["verdict"],
                fields["note"],
                reviewer=fields["reviewer"],
                organisation=fields["organisation"],
            ),
            tr("Change verdict"),
        )

    def add_agreed_action(self, key: str | None) -> None:
        """Agree a new improvement action (for an item, or for the dossier as a whole)."""
        import uuid

        gap = self.item_title(key) if key else ""
        entry = next((e for e in self.entries if e.key == key), None)
        standard = ""
        if entry is not None:
            step = entry.template.oecd_step_of(entry.item)
            standard = entry.template.ifc_standard_of(entry.item) or (
                f"OECD {step}" if step else ""
            )
        red = key is not None and key in {f.key for f in self.summary.red_flags}
        draft = Action(
            id=uuid.uuid4().hex[:12],
            item_keys=[key] if key else [],
            gap=gap,
            standard_ref=standard,
            action=tr("Close the gap: {question}", question=gap) if gap else tr("Improvement"),
            due=self.ctx.today() + dt.timedelta(days=90),
            priority="high" if red else "medium",
            agreed_with_adviser=True,
        )
        result = self.ctx.prompts.edit_action(self, draft, tr("Agree an improvement action"))
        if result is None:
            return
        ws, rid = self.ctx.workspace, self.received_id
        if self._save(lambda: ws.add_agreed_action(rid, result), tr("Add agreed action")):
            self.verdict.set_review(self.review)

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
        ws, rid = self.ctx.workspace, self.received_id
        if self._save(
            lambda: ws.update_agreed_action(rid, action_id, **fields), tr("Change agreed action")
        ):
            self.verdict.set_review(self.review)

    def remove_agreed_action(self, action_id: str) -> None:
        """Remove an agreed action."""
        ws, rid = self.ctx.workspace, self.received_id
        if self._save(lambda: ws.remove_agreed_action(rid, action_id), tr("Remove agreed action")):
            self.verdict.set_review(self.review)

    def flush(self) -> None:
        """Save text still being typed."""
        self.panel.flush()
        self.verdict.flush()

    # ------------------------------------------------------------ evidence, export
    def _open_evidence(self, evidence_id: str) -> None:
        try:
            data = self.ctx.workspace.received_evidence_bytes(self.received_id, evidence_id)
        except Exception as error:
            self.ctx.prompts.error(self, tr("Evidence"), str(error))
            return
        item = next(e for e in self.received.dossier.evidence if e.id == evidence_id)
        try:
            self.ctx.open_evidence(self, item.name, data)
        except OSError as error:
            self.ctx.prompts.error(self, tr("Evidence"), error.strerror or str(error))

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
            self.ctx.workspace.export_review_file(self.received_id, path)
        except Exception as error:
            self.ctx.prompts.error(self, tr("Export failed"), str(error))
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
