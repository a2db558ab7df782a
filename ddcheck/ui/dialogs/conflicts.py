"""Choose between colleagues' values where two advisers changed the same review field."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QRadioButton,
    QScrollArea,
    QWidget,
)

from ddcheck.domain.review_merge import FieldRef, both_texts
from ddcheck.ui.i18n import tr
from ddcheck.ui.layout import MARGIN, label, vbox

Choice = tuple[str, FieldRef, Any]  # (received id, field, value to keep)


def _field_word(name: str) -> str:
    """Return a review field's name as the dialog shows it."""
    words = {
        "assessment": tr("Assessment"),
        "comment": tr("Comment"),
        "verdict": tr("Verdict"),
        "verdict_note": tr("Note with the verdict"),
        "action": tr("Agreed action"),
    }
    return words.get(name, name)


def _shown(value: Any) -> str:
    if value is None:
        return tr("(none)")
    if isinstance(value, dict):
        return str(value.get("action", ""))
    return str(value) or tr("(empty)")


class ConflictDialog(QDialog):
    """One group per conflicting field: each adviser's value, and for comments both texts."""

    def __init__(self, conflicts: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Review conflicts"))
        self._groups: list[tuple[Any, QButtonGroup, list[Any]]] = []
        body = QWidget(self)
        boxes = []
        for found in conflicts:
            conflict = found.conflict
            entity, key, name = conflict.ref
            what = _field_word(name)
            title = f"{found.company} — {what}" + (f" ({key})" if entity == "item" else "")
            box = QGroupBox(title, body)
            group = QButtonGroup(box)
            values: list[Any] = []
            buttons: list[QRadioButton] = []
            for edit in conflict.edits:
                button = QRadioButton(f"{edit.author_name}: {_shown(edit.value)}", box)
                group.addButton(button, len(values))
                values.append(edit.value)
                buttons.append(button)
            if name in ("comment", "verdict_note"):
                button = QRadioButton(tr("Keep both texts"), box)
                group.addButton(button, len(values))
                values.append(both_texts(conflict.edits))
                buttons.append(button)
            box.setLayout(vbox(*buttons))
            boxes.append(box)
            self._groups.append((found, group, values))
        body.setLayout(vbox(*boxes))
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        hint = label(
            tr(
                "You and other advisers changed these fields differently. Choose what to keep; "
                "your choice goes into the mission folder with the next sync. Fields you leave "
                "unchosen stay as they are and are asked again."
            ),
            "muted",
            wrap=True,
        )
        buttons_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons_box.accepted.connect(self.accept)
        buttons_box.rejected.connect(self.reject)
        self.buttons = buttons_box
        self.setLayout(vbox(hint, scroll, buttons_box, margin=MARGIN))
        self.resize(620, 420)

    def choose(self, number: int, option: int) -> None:
        """Select option `option` of conflict `number` (keyboard-free tests use this too)."""
        self._groups[number][1].button(option).setChecked(True)

    def result_value(self) -> list[Choice]:
        """Return the chosen value of every conflict that has one."""
        chosen = []
        for found, group, values in self._groups:
            option = group.checkedId()
            if option >= 0:
                chosen.append((found.received_id, found.conflict.ref, values[option]))
        return chosen
