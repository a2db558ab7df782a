"""The checklist tree: templates › sections › items, with progress and a status dot per item."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from ddcheck.domain.applicability import ItemApplicability
from ddcheck.domain.dossier import Answer
from ddcheck.domain.glossary import term as glossary_term
from ddcheck.domain.scoring import Flag, is_gap, is_red_flag
from ddcheck.domain.text import Language
from ddcheck.ui.models.icons import status_icon
from ddcheck.ui.style import current_theme

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3
STATUS_ROLE = Qt.ItemDataRole.UserRole + 4

COL_TITLE, COL_PROGRESS = 0, 1
_SHOWN_ROLES = [
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.ToolTipRole,
    STATUS_ROLE,
]
_Index = QModelIndex | QPersistentModelIndex


@dataclass(eq=False)
class _Node:
    kind: str  # "template", "section" or "item"
    title: str
    key: str
    parent: _Node | None = None
    row: int = 0
    children: list[_Node] = field(default_factory=list)
    entry: ItemApplicability | None = None
    search: str = ""
    status: str = "open"


class StatusOf:
    """Item statuses from the summary's flags (fast), or computed per item without them."""

    def __init__(self, answers: Mapping[str, Answer], flags: Iterable[Flag] | None) -> None:
        self._answers = answers
        self._red: set[str] | None = None
        self._gap: set[str] = set()
        if flags is not None:
            listed = list(flags)
            self._red = {f.key for f in listed if f.red_flag}
            self._gap = {f.key for f in listed}

    def __call__(self, entry: ItemApplicability) -> str:
        answer = self._answers.get(entry.key)
        if self._red is None:
            return item_status(entry, answer)
        if not entry.applies:
            return "na"
        if entry.key in self._red:
            return "red"
        if entry.key in self._gap:
            return "gap"
        return "answered" if answer is not None and answer.is_answered else "open"


def item_status(entry: ItemApplicability, answer: Answer | None) -> str:
    """Return the status of an item: na, red, gap, answered or open."""
    if not entry.applies:
        return "na"
    if is_red_flag(entry, answer):
        return "red"
    if is_gap(entry, answer):
        return "gap"
    return "answered" if answer is not None and answer.is_answered else "open"


def _status_hint(status: str, lang: Language) -> str:
    """Return what a red or amber dot means, from the glossary (rich text; empty otherwise)."""
    key = {"red": "red-flag", "gap": "gap"}.get(status)
    found = glossary_term(key, lang) if key else None
    if found is None:
        return ""
    return f"<p><b>{escape(found.term)}</b>: {escape(found.explanation)}</p>"


class SectionTreeModel(QAbstractItemModel):
    """Templates, their sections and items; items carry their `template_id/item_id` key."""

    def __init__(self, lang: Language, parent: Any = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._roots: list[_Node] = []
        self._items: dict[str, _Node] = {}
        self._answers: Mapping[str, Answer] = {}
        self._progress_cache: dict[int, tuple[int, int]] = {}

    def set_entries(
        self,
        entries: Sequence[ItemApplicability],
        answers: Mapping[str, Answer],
        flags: Iterable[Flag] | None = None,
    ) -> None:
        """Rebuild the tree from every item of the dossier (applicable or not)."""
        self.beginResetModel()
        self._roots, self._items, self._answers = [], {}, answers
        self._progress_cache = {}
        status_of = StatusOf(answers, flags)
        lang = self._lang
        by_template: dict[str, _Node] = {}
        by_section: dict[tuple[str, str], _Node] = {}
        for entry in entries:
            tid, sid = entry.template.id, entry.section.id
            t_node = by_template.get(tid)
            if t_node is None:
                t_node = _Node(
                    "template", entry.template.title.get(lang), tid, row=len(self._roots)
                )
                by_template[tid] = t_node
                self._roots.append(t_node)
            s_node = by_section.get((tid, sid))
            if s_node is None:
                s_node = _Node(
                    "section",
                    entry.section.title.get(lang),
                    f"{tid}#{sid}",
                    t_node,
                    len(t_node.children),
                )
                by_section[(tid, sid)] = s_node
                t_node.children.append(s_node)
            question = entry.item.question.get(lang)
            node = _Node("item", question, entry.key, s_node, len(s_node.children), entry=entry)
            node.status = status_of(entry)
            node.search = f"{question}\n{entry.item.guidance.get(lang)}\n{entry.item.id}".casefold()
            s_node.children.append(node)
            self._items[entry.key] = node
        self.endResetModel()

    def update_answers(
        self,
        entries: Sequence[ItemApplicability],
        answers: Mapping[str, Answer],
        flags: Iterable[Flag] | None = None,
    ) -> None:
        """Refresh statuses and progress after answers changed (same items, same order)."""
        self._answers = answers
        self._progress_cache = {}
        changed: list[_Node] = []
        status_of = StatusOf(answers, flags)
        for entry in entries:
            node = self._items.get(entry.key)
            if node is None:
                continue
            node.entry = entry
            status = status_of(entry)
            if status != node.status:
                node.status = status
                changed.append(node)
        parents: dict[int, _Node] = {}
        for node in changed:
            self.dataChanged.emit(
                self.createIndex(node.row, 0, node), self.createIndex(node.row, 1, node)
            )
            parent = node.parent
            while parent is not None:
                parents[id(parent)] = parent
                parent = parent.parent
        for parent in parents.values():
            self.dataChanged.emit(
                self.createIndex(parent.row, 0, parent), self.createIndex(parent.row, 1, parent)
            )

    def update_items(
        self, keys: Iterable[str], answers: Mapping[str, Answer], flags: Iterable[Flag]
    ) -> None:
        """Refresh the status of some items (and their sections' progress) after answers changed.

        Only the shown roles change, so a search filter over the tree is not run again.
        """
        self._answers = answers
        status_of = StatusOf(answers, flags)
        for key in keys:
            node = self._items.get(key)
            if node is None or node.entry is None:
                continue
            node.status = status_of(node.entry)
            while node is not None:
                self._progress_cache.pop(id(node), None)
                self.dataChanged.emit(
                    self.createIndex(node.row, 0, node),
                    self.createIndex(node.row, 1, node),
                    _SHOWN_ROLES,
                )
                node = node.parent

    def widest_progress(self) -> str:
        """Return the widest progress text a template or section can show ("12/12")."""
        total = max((self._progress(n)[1] for n in self._roots), default=0)
        return f"{total}/{total}"

    def item_keys(self) -> list[str]:
        """Return every item key in tree order."""
        return list(self._items)

    def index_of(self, key: str) -> QModelIndex:
        """Return the index of the item with `key` (invalid when unknown)."""
        node = self._items.get(key)
        return self.createIndex(node.row, 0, node) if node else QModelIndex()

    def _node(self, index: _Index) -> _Node | None:
        return index.internalPointer() if index.isValid() else None  # type: ignore[return-value]

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """Return the index of a child of `parent`."""
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        node = self._node(parent)
        children = node.children if node else self._roots
        return self.createIndex(row, column, children[row])

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        """Return the parent index of `index`."""
        node = self._node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Return how many children `parent` has."""
        if parent.column() > 0:
            return 0
        node = self._node(parent)
        return len(node.children) if node else len(self._roots)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Return the number of columns (title and progress)."""
        return 2

    def _progress(self, node: _Node) -> tuple[int, int]:
        cached = self._progress_cache.get(id(node))
        if cached is None:
            cached = self._progress_cache[id(node)] = self._count(node)
        return cached

    def _count(self, node: _Node) -> tuple[int, int]:
        if node.kind == "item":
            assert node.entry is not None
            answer = self._answers.get(node.key)
            done = node.entry.applies and answer is not None and answer.is_answered
            return int(done), int(node.entry.applies)
        answered = total = 0
        for child in node.children:
            a, t = self._progress(child)
            answered, total = answered + a, total + t
        return answered, total

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return the data of one cell."""
        node = self._node(index)
        if node is None:
            return None
        column = index.column()
        if role == KEY_ROLE:
            return node.key
        if role == KIND_ROLE:
            return node.kind
        if role == SEARCH_ROLE:
            return node.search if node.kind == "item" else ""
        if node.kind == "item":
            return self._item_data(node, column, role)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_TITLE:
                return node.title
            answered, total = self._progress(node)
            return f"{answered}/{total}"
        if role == Qt.ItemDataRole.FontRole and node.kind == "template":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            answered, total = self._progress(node)
            if not total:
                return QColor(current_theme().disabled_ink)
            if column == COL_PROGRESS:
                return QColor(current_theme().green if answered == total else current_theme().muted)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"<p>{escape(node.title)}</p>"
        return None

    def _item_data(self, node: _Node, column: int, role: int) -> Any:
        entry = node.entry
        assert entry is not None
        status = node.status
        if role == STATUS_ROLE:
            return status
        if column == COL_TITLE:
            if role == Qt.ItemDataRole.DisplayRole:
                return node.title
            if role == Qt.ItemDataRole.DecorationRole:
                return status_icon(status)
            if role == Qt.ItemDataRole.ToolTipRole:  # rich text, so a long question wraps
                reason = "" if entry.applies else f"<p><i>{escape(entry.reason)}</i></p>"
                mark = _status_hint(status, self._lang)
                return f"<p>{escape(node.title)}</p>{reason}{mark}"
        if role == Qt.ItemDataRole.ForegroundRole and not entry.applies:
            return QColor(current_theme().disabled_ink)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Return the item flags (everything is selectable, nothing editable)."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Return the column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            from ddcheck.ui.i18n import tr

            return tr("Item") if section == COL_TITLE else tr("Done")
        return None
