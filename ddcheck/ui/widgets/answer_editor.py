"""The answer widget for one item, chosen by the kind of its scale."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ddcheck.domain.dossier import AnswerValue
from ddcheck.domain.formatting import format_number, parse_number
from ddcheck.domain.scales import AnswerScale
from ddcheck.domain.text import Language
from ddcheck.ui.accessibility import named
from ddcheck.ui.dates import date_format
from ddcheck.ui.i18n import tr
from ddcheck.ui.layout import TIGHT, hbox, vbox
from ddcheck.ui.style import repolish

DEBOUNCE_MS = 500
_NO_DATE = QDate(1900, 1, 1)
_OWN_DIGIT = re.compile(r"(\d)\s*[–\-.:)]\s")


OPTION_PADDING = 2 * 14 + 2 * 2 + 8  # the style sheet's padding and checked border, and some air


class OptionButton(QPushButton):
    """An answer option whose size fits its text in bold too (the chosen option is bold)."""

    def _bold_width(self) -> int:
        font = QFont(self.font())
        font.setWeight(QFont.Weight.DemiBold)
        return QFontMetrics(font).horizontalAdvance(self.text()) + OPTION_PADDING

    def sizeHint(self) -> QSize:
        """Return the normal size, widened to fit the text when the option is chosen."""
        hint = super().sizeHint()
        return QSize(max(hint.width(), self._bold_width()), hint.height())

    def minimumSizeHint(self) -> QSize:
        """Return a minimum that never clips the (bold) text."""
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self._bold_width()), hint.height())


class AnswerEditor(QWidget):
    """Edit an answer value; emits `valueChanged` once per deliberate change."""

    valueChanged = Signal(object)

    def __init__(
        self,
        scale: AnswerScale,
        lang: Language,
        red_flags: tuple[str, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.scale = scale
        self._lang = lang
        self._buttons: list[QPushButton | QCheckBox] = []
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit_typed)
        self._text: QPlainTextEdit | None = None
        self._line: QLineEdit | None = None
        self._date: QDateEdit | None = None
        self._keys: list[int | None] = []
        if scale.kind == "single":
            self._build_single(lang, red_flags)
        elif scale.kind == "multiple":
            self._build_multiple(lang)
        elif scale.kind == "text":
            self._text = QPlainTextEdit(self)
            named(self._text, tr("Answer"))
            self._text.setTabChangesFocus(True)  # Tab moves on; a keyboard user is never trapped
            self._text.setPlaceholderText(tr("Type your answer"))
            self._text.setFixedHeight(110)
            self._text.textChanged.connect(self._timer.start)
            self.setLayout(vbox(self._text))
        elif scale.kind == "number":
            self._line = QLineEdit(self)
            named(self._line, tr("Answer (a number)"))
            self._line.setPlaceholderText(tr("Number"))
            self._line.setToolTip(format_number(12_500.5, lang))
            self._line.setMaximumWidth(220)
            self._line.textEdited.connect(self._timer.start)
            self._line.editingFinished.connect(self.flush)
            self.setLayout(hbox(self._line, 1))
        else:
            self._build_date()

    def _caption(self, number: int | None, label: str) -> str:
        """Return an option's text with its key in front (unless the label starts with it)."""
        if number is None or label.startswith(str(number)):
            return label
        return f"{number}{self._separator}{label}"

    def _build_single(self, lang: Language, red_flags: tuple[str, ...]) -> None:
        self._group = QButtonGroup(self)
        self._group.setExclusive(False)
        labels = [o.label.get(lang) for o in self.scale.options]
        self._keys = key_numbers(labels)
        self._separator = key_separator(labels)
        for number, option, text in zip(self._keys, self.scale.options, labels, strict=True):
            button = OptionButton(self._caption(number, text), self)
            button.setCheckable(True)
            button.setProperty("option_id", option.id)
            button.setProperty(
                "role", "option-red" if option.red_flag or option.id in red_flags else "option"
            )
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setToolTip(tr("Press {n} to choose", n=number) if number is not None else "")
            button.clicked.connect(lambda _checked=False, oid=option.id: self._single_clicked(oid))
            self._group.addButton(button)
            self._buttons.append(button)
        box = vbox(*self._buttons, spacing=TIGHT)
        self.setLayout(hbox(box, 1))

    def _build_multiple(self, lang: Language) -> None:
        labels = [o.label.get(lang) for o in self.scale.options]
        self._keys = key_numbers(labels)
        self._separator = key_separator(labels)
        for number, option, text in zip(self._keys, self.scale.options, labels, strict=True):
            box = QCheckBox(self._caption(number, text), self)
            box.setProperty("option_id", option.id)
            box.setProperty("exclusive", option.exclusive)
            box.toggled.connect(lambda on, b=box: self._multiple_toggled(b, on))
            self._buttons.append(box)
        self.setLayout(vbox(*self._buttons, spacing=TIGHT))

    def _multiple_toggled(self, box: QCheckBox, on: bool) -> None:
        """Tick off what an exclusive option ('None of these') cannot go with; emit the value."""
        if on:
            for other in self._buttons:
                clash = bool(box.property("exclusive")) or bool(other.property("exclusive"))
                if other is not box and clash and other.isChecked():
                    other.blockSignals(True)
                    other.setChecked(False)
                    other.blockSignals(False)
        self.valueChanged.emit(self.value())

    def _build_date(self) -> None:
        self._date = QDateEdit(self)
        self._date.setCalendarPopup(True)
        self._date.setDisplayFormat(date_format())
        self._date.setMinimumDate(_NO_DATE)
        self._date.setSpecialValueText(tr("No date"))
        self._date.setDate(_NO_DATE)
        self._date.dateChanged.connect(lambda _d: self.valueChanged.emit(self.value()))
        clear = QPushButton(tr("Clear"), self)
        clear.clicked.connect(lambda: self._date.setDate(_NO_DATE))  # type: ignore[union-attr]
        self.setLayout(hbox(self._date, clear, 1))

    def _single_clicked(self, option_id: str) -> None:
        new = option_id if self.option_button(option_id).isChecked() else None
        self._check_single(new)
        self.valueChanged.emit(new)

    def _check_single(self, option_id: str | None) -> None:
        for button in self._buttons:
            button.setChecked(button.property("option_id") == option_id)

    def choose_number(self, number: int) -> bool:
        """Choose (multiple: toggle) the option of number key `number`; return whether it exists."""
        if not self.scale.is_choice or number not in self._keys:
            return False
        button = self._buttons[self._keys.index(number)]
        if self.scale.kind == "single":
            option_id = str(button.property("option_id"))
            if self.value() != option_id:
                self._check_single(option_id)
                self.valueChanged.emit(option_id)
        else:
            button.setChecked(not button.isChecked())
        return True

    def option_button(self, option_id: str) -> QPushButton | QCheckBox:
        """Return the button of an option (for tests and focus)."""
        return next(b for b in self._buttons if b.property("option_id") == option_id)

    def value(self) -> AnswerValue:
        """Return the value shown."""
        kind = self.scale.kind
        if kind == "single":
            return next(
                (str(b.property("option_id")) for b in self._buttons if b.isChecked()), None
            )
        if kind == "multiple":
            return [str(b.property("option_id")) for b in self._buttons if b.isChecked()]
        if kind == "text":
            return self._text.toPlainText() if self._text else ""
        if kind == "number":
            text = self._line.text().strip() if self._line else ""
            return parse_number(text, self._lang) if text else None
        date = self._date.date() if self._date else _NO_DATE
        return None if date == _NO_DATE else date.toString("yyyy-MM-dd")

    def set_value(self, value: AnswerValue) -> None:
        """Show `value` without emitting a change."""
        self.blockSignals(True)
        try:
            self._set_value(value)
        finally:
            self.blockSignals(False)

    def _set_value(self, value: AnswerValue) -> None:
        kind = self.scale.kind
        if kind == "single":
            self._check_single(str(value) if value else None)
        elif kind == "multiple":
            chosen = set(value) if isinstance(value, list) else set()
            for button in self._buttons:
                button.setChecked(button.property("option_id") in chosen)
        elif kind == "text" and self._text is not None:
            if self._text.toPlainText() != (value or ""):
                self._text.setPlainText(str(value or ""))
        elif kind == "number" and self._line is not None:
            number = value if isinstance(value, int | float) else None
            text = "" if number is None else format_number(number, self._lang)
            self._show_number_problem(False)
            if self._line.text() != text:
                self._line.setText(text)
        elif self._date is not None:
            parsed = _parse_date(value)
            self._date.setDate(QDate(parsed.year, parsed.month, parsed.day) if parsed else _NO_DATE)

    @property
    def pending(self) -> bool:
        """Return whether typed text waits to be sent."""
        return self._timer.isActive()

    def flush(self) -> None:
        """Send typed text now instead of after the pause."""
        if self._timer.isActive():
            self._timer.stop()
            self._emit_typed()

    def _emit_typed(self) -> None:
        try:
            value = self.value()
        except ValueError:  # an unreadable number: keep the saved answer, say what is wrong
            self._show_number_problem(True)
            return
        if self._line is not None:
            self._show_number_problem(False)
        self.valueChanged.emit(value)

    def _show_number_problem(self, unreadable: bool) -> None:
        """Mark the number field while its text is no number in the UI language."""
        if self._line is None:
            return
        example = format_number(12_500.5, self._lang)
        self._line.setProperty("problem", unreadable)
        self._line.setProperty("invalid", unreadable)  # the style sheet's theme red
        repolish(self._line)
        self._line.setToolTip(
            tr("Not a number; write it like {example}", example=example) if unreadable else example
        )

    def focus_first(self) -> None:
        """Put keyboard focus on the editor: the chosen option, else the first one or the field."""
        chosen: list[QWidget | None] = [b for b in self._buttons if b.isChecked()]
        target = (chosen or list(self._buttons) or [self._text or self._line or self._date])[0]
        if target is not None:
            target.setFocus()


def key_separator(labels: list[str]) -> str:
    """Return what goes between a key and its label: the scale's own dash when its labels number
    themselves ('0 – Not in place' makes '6 – Not applicable'), else a wide space."""
    return " – " if any(_OWN_DIGIT.match(text) for text in labels) else "   "


def key_numbers(labels: list[str]) -> list[int | None]:
    """Return the number key of each option: the label's own leading digit when the labels
    number themselves (maturity '0 – …' to '5 – …'), the others after them; else 1…n (≤ 9)."""
    own = [int(m.group(1)) if (m := _OWN_DIGIT.match(text)) else None for text in labels]
    digits = [d for d in own if d is not None]
    if len(digits) < 2 or len(set(digits)) != len(digits):
        return [n if n <= 9 else None for n in range(1, len(labels) + 1)]
    free = list(range(max(digits) + 1, 10))
    numbers: list[int | None] = []
    for digit in own:
        numbers.append(digit if digit is not None else (free.pop(0) if free else None))
    return numbers


def _parse_date(value: AnswerValue) -> dt.date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None
