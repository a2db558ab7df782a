"""The checklist page: the section tree with progress on the left, the item on the right."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTreeView,
    QWidget,
)

from ddcheck.ui.accessibility import named
from ddcheck.ui.context import AppContext
from ddcheck.ui.evidence_links import add_link, open_link
from ddcheck.ui.i18n import tr
from ddcheck.ui.layout import SPACING, TIGHT, hbox, label, vbox
from ddcheck.ui.models.section_tree import (
    COL_PROGRESS,
    COL_TITLE,
    KEY_ROLE,
    KIND_ROLE,
    SEARCH_ROLE,
    SectionTreeModel,
)
from ddcheck.ui.pages.page import Page
from ddcheck.ui.session import DossierSession, SessionUpdate
from ddcheck.ui.widgets.item_panel import ItemPanel, ItemState

NEXT_OPEN_KEY = "Ctrl+J"
NEXT_FLAG_KEY = "Ctrl+R"


class _TreeFilter(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterRole(SEARCH_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.words: list[str] = []

    def set_words(self, text: str) -> None:
        """Filter on the words of `text` (empty: show everything)."""
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+
            self.beginFilterChange()
            self.words = text.casefold().split()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.words = text.casefold().split()
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        """Match items whose question or guidance contains every typed word."""
        words = self.words
        if not words:
            return True
        index = self.sourceModel().index(row, 0, parent)
        if index.data(KIND_ROLE) != "item":
            return False
        text = str(index.data(SEARCH_ROLE) or "")
        return all(word in text for word in words)


GUIDANCE_KEY = "checklist/guidance"  # "open" or "closed", remembered in the preferences


class ChecklistPage(QWidget, Page):
    """Answer the items of the open dossier."""

    actionRequested = Signal(str)

    def __init__(
        self, ctx: AppContext, session: DossierSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session = session
        self.guidance_open = ctx.settings.text(GUIDANCE_KEY, "open") != "closed"
        self.model = SectionTreeModel(session.lang, self)
        self.proxy = _TreeFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("Find items (Ctrl+F)"))
        named(self.search, tr("Find items"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.tree = QTreeView(self)
        named(self.tree, tr("Questions"), tr("Checklists, their sections and questions"))
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        # Fixed, sized for the widest count in _rebuild: measuring the contents after each save
        # would read every visible row again.
        self.tree.header().setSectionResizeMode(COL_PROGRESS, QHeaderView.ResizeMode.Fixed)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.installEventFilter(self)
        self.next_open = QPushButton(tr("Next open"), self)
        self.next_open.setToolTip(tr("Go to the next unanswered item ({key})", key=NEXT_OPEN_KEY))
        self.next_open.clicked.connect(self.go_next_unanswered)
        self.next_flag = QPushButton(tr("Next red flag"), self)
        self.next_flag.setToolTip(tr("Go to the next red flag ({key})", key=NEXT_FLAG_KEY))
        self.next_flag.clicked.connect(self.go_next_red_flag)
        self.progress_label = label("", "muted")
        left = QWidget(self)
        left.setLayout(
            vbox(
                self.search,
                self.tree,
                hbox(self.next_open, self.next_flag, 1, spacing=TIGHT),
                self.progress_label,
                margin=SPACING,
                spacing=TIGHT,
            )
        )
        self.placeholder = label(tr("Choose an item on the left."), "muted")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.panel: ItemPanel | None = None
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("checklist")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.placeholder)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([540, 800])  # ~450 px of tree at 1366 px: questions readable
        self.splitter.setChildrenCollapsible(False)
        self.setLayout(vbox(self.splitter))
        for keys, slot in (
            ("Ctrl+F", self.focus_find),
            (NEXT_OPEN_KEY, self.go_next_unanswered),
            (NEXT_FLAG_KEY, self.go_next_red_flag),
            ("Ctrl+PgDown", lambda: self.step(1)),
            ("Ctrl+PgUp", lambda: self.step(-1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        session.changed.connect(self._session_changed)
        self._keys: list[str] = []
        self._applicable: dict[str, int] = {}
        self._rebuild()

    # ------------------------------------------------------------ tree
    def _rebuild(self) -> None:
        session = self.session
        self._keys = [e.key for e in session.entries]
        self._number_applicable()
        self.model.set_entries(session.entries, session.summary.answers, session.summary.flags)
        bold = QFont(self.tree.font())
        bold.setBold(True)  # checklist rows show their count in bold
        widest = QFontMetrics(bold).horizontalAdvance(self.model.widest_progress())
        self.tree.header().resizeSection(COL_PROGRESS, widest + SPACING)
        self.tree.expandToDepth(0)
        self._update_progress()

    def _session_changed(self, update: SessionUpdate) -> None:
        focus = QApplication.focusWidget()
        keyboard_on_answer = (
            self.panel is not None and focus is not None and (self.panel.isAncestorOf(focus))
        )
        self._apply_session_change(update)
        focus = QApplication.focusWidget()
        on_new_panel = (
            self.panel is not None and focus is not None and self.panel.isAncestorOf(focus)
        )
        if keyboard_on_answer and not on_new_panel:
            self.focus_answer()  # a rebuilt panel keeps the keyboard user where they were

    def _apply_session_change(self, update: SessionUpdate) -> None:
        if not update.full:  # only these items' answers (or the actions) changed
            summary = self.session.summary
            self.model.update_items(update.items, summary.answers, summary.flags)
            self._update_progress()
            if self.panel is not None and (
                not update.answers_only or update.touches_item(self.panel.key)
            ):
                state = self._state(self.panel.key)
                if state is not None:
                    self.panel.refresh(state)
            return
        keys = [e.key for e in self.session.entries]
        if keys != self._keys:
            current = self.current_key()
            self._rebuild()
            if current:
                self.select(current)
        else:
            self.model.update_answers(
                self.session.entries, self.session.summary.answers, self.session.summary.flags
            )
            self._update_progress()
        if self.panel is not None:
            state = self._state(self.panel.key)
            if state is not None:
                self.panel.refresh(state)

    def _number_applicable(self) -> None:
        """Number the items that apply now, as the footer counts them ("Item 10 of 124")."""
        entries = self.session.summary.entries
        self._applicable = {e.key: n for n, e in enumerate(entries, start=1)}

    def _update_progress(self) -> None:
        self._number_applicable()  # an answer may have made items apply or stop applying
        overall = self.session.summary.overall
        flags = len(self.session.summary.red_flags)
        text = tr("{a} of {n} answered", a=overall.answered, n=overall.total)
        if flags:
            text += " · " + tr("{n} red flags", n=flags)
        self.progress_label.setText(text)

    def _filter(self, text: str) -> None:
        self.proxy.set_words(text)
        if text:
            self.tree.expandAll()
            first = self._first_item(QModelIndex())
            if first is not None and self.current_key() is None:
                self.tree.setCurrentIndex(first)

    def _first_item(self, parent: QModelIndex) -> QModelIndex | None:
        for row in range(self.proxy.rowCount(parent)):
            index = self.proxy.index(row, 0, parent)
            if index.data(KIND_ROLE) == "item":
                return index
            found = self._first_item(index)
            if found is not None:
                return found
        return None

    def focus_find(self) -> None:
        """Put the cursor in the find field."""
        self.search.setFocus()
        self.search.selectAll()

    def current_key(self) -> str | None:
        """Return the key of the item shown."""
        return self.panel.key if self.panel is not None else None

    def select(self, key: str) -> bool:
        """Show the item with `key` (clearing the find filter when it hides the item)."""
        source = self.model.index_of(key)
        if not source.isValid():
            return False
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            self.search.clear()
            index = self.proxy.mapFromSource(source)
        self.tree.scrollTo(index)
        self.tree.setCurrentIndex(index)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.data(KIND_ROLE) != "item":
            return
        key = str(current.data(KEY_ROLE))
        if self.panel is not None and self.panel.key == key:
            return
        self._show(key)

    # ------------------------------------------------------------ item panel
    def _state(self, key: str) -> ItemState | None:
        session = self.session
        entry = session.entry(key)
        if entry is None:
            return None
        return ItemState(
            entry=entry,
            answer=session.answer(key),
            evidence=session.evidence_for(key),
            actions=session.actions_for(key),
            registry=session.registry,
            lang=session.lang,
            position=self._applicable.get(key, 0),  # among the items that apply, as the footer
            total=len(self._applicable),
            reviews=session.reviews_for(key),
        )

    def _guidance_toggled(self, open_: bool) -> None:
        """Remember whether the guidance is shown, for the next item and the next start."""
        self.guidance_open = open_
        self.ctx.settings.set_text(GUIDANCE_KEY, "open" if open_ else "closed")

    def _show(self, key: str) -> None:
        state = self._state(key)
        if state is None:
            return
        if self.panel is not None:
            self.panel.flush()
        panel = ItemPanel(state, self.guidance_open, self)
        panel.guidance_toggle.toggled.connect(self._guidance_toggled)
        panel.answerEdited.connect(lambda fields, k=key: self.session.set_answer(k, **fields))
        panel.typing.connect(self.session.mark_editing)
        panel.addEvidenceRequested.connect(lambda k=key: self._add_evidence(k))
        panel.addLinkRequested.connect(lambda k=key: add_link(self.ctx, self, self.session, k))
        panel.filesDropped.connect(lambda files, k=key: self.session.attach_evidence(k, files))
        panel.openEvidenceRequested.connect(self._open_evidence)
        panel.removeEvidenceRequested.connect(lambda eid, k=key: self._remove_evidence(k, eid))
        panel.createActionRequested.connect(lambda k=key: self.create_action(k))
        panel.showActionRequested.connect(self.actionRequested)
        old = self.splitter.widget(1)
        assert old is not None  # the placeholder or the previous item's panel
        focus = QApplication.focusWidget()
        had_focus = focus is not None and (focus is old or old.isAncestorOf(focus))
        self.splitter.replaceWidget(1, panel)
        old.hide()
        if old is not self.placeholder:
            old.deleteLater()
        self.panel = panel
        if had_focus:
            self.focus_answer()

    def _add_evidence(self, key: str) -> None:
        files = self.ctx.prompts.open_files(self, tr("Add evidence"), tr("All files (*)"))
        if files:
            self.session.attach_evidence(key, files)

    def _open_evidence(self, evidence_id: str) -> None:
        evidence = next((e for e in self.session.dossier.evidence if e.id == evidence_id), None)
        if evidence is not None and evidence.is_link:
            open_link(self.ctx, self, evidence)
            return
        folder = Path(tempfile.mkdtemp(prefix="ddcheck-evidence-"))
        self.ctx.open_path(self.session.export_evidence(evidence_id, folder))

    def _remove_evidence(self, key: str, evidence_id: str) -> None:
        evidence = next((e for e in self.session.dossier.evidence if e.id == evidence_id), None)
        name = evidence.name if evidence else evidence_id
        if self.ctx.prompts.confirm(
            self,
            tr("Remove evidence"),
            tr("Remove {name} from this item?", name=name),
            tr("Remove"),
        ):
            self.session.detach_evidence(key, evidence_id)

    def create_action(self, key: str) -> None:
        """Open the action editor pre-filled from the item's gap, and add the action."""
        draft = self.session.new_action_from_gap(key)
        action = self.ctx.prompts.edit_action(self, draft, tr("New action"))
        if action is not None:
            self.session.add_action(action)

    # ------------------------------------------------------------ navigation
    def _ordered_from_current(self) -> list[str]:
        current = self.current_key()
        if current not in self._keys:
            return list(self._keys)
        i = self._keys.index(current)  # type: ignore[arg-type]
        return self._keys[i + 1 :] + self._keys[: i + 1]

    def first_open_key(self) -> str | None:
        """Return the first applicable item without an answer (else the first item), or None."""
        answers = self.session.summary.answers
        applicable = {e.key for e in self.session.summary.entries}
        for key in self._keys:
            answer = answers.get(key)
            if key in applicable and (answer is None or not answer.is_answered):
                return key
        return self._keys[0] if self._keys else None

    def focus_answer(self) -> None:
        """Put the keyboard focus on the shown item's answer, so a number key answers it."""
        if self.panel is not None:
            self.panel.show()  # a panel not shown yet cannot take the focus
            self.panel.editor.focus_first()

    def go_next_unanswered(self) -> bool:
        """Show the next applicable item without an answer."""
        answers = self.session.summary.answers
        applicable = {e.key for e in self.session.summary.entries}
        for key in self._ordered_from_current():
            answer = answers.get(key)
            if key in applicable and (answer is None or not answer.is_answered):
                return self.select(key)
        self.ctx.prompts.inform(
            self, tr("All answered"), tr("Every item that applies has an answer.")
        )
        return False

    def go_next_red_flag(self) -> bool:
        """Show the next item whose answer is a red flag."""
        flagged = {f.key for f in self.session.summary.red_flags}
        for key in self._ordered_from_current():
            if key in flagged:
                return self.select(key)
        self.ctx.prompts.inform(self, tr("No red flags"), tr("No answer is a red flag."))
        return False

    def step(self, delta: int) -> None:
        """Show the next (1) or previous (-1) item."""
        current = self.current_key()
        if not self._keys:
            return
        i = self._keys.index(current) if current in self._keys else -1
        self.select(self._keys[max(0, min(len(self._keys) - 1, i + delta))])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Let number keys pressed in the tree choose answer options."""
        if watched is self.tree and event.type() == QEvent.Type.KeyPress and self.panel is not None:
            key_event = event if isinstance(event, QKeyEvent) else None
            if (
                key_event is not None
                and key_event.text().isdigit()
                and key_event.modifiers()
                in (
                    Qt.KeyboardModifier.NoModifier,
                    Qt.KeyboardModifier.KeypadModifier,
                )
            ):
                return self.panel.choose_number(int(key_event.text()))
        return super().eventFilter(watched, event)

    def flush(self) -> None:
        """Save text still being typed."""
        if self.panel is not None:
            self.panel.flush()
