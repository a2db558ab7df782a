"""Painted charts for the overview: score bars and the risk heat map."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from ddcheck.ui.i18n import tr, tr_n
from ddcheck.ui.style import current_theme

ROW_HEIGHT = 26


def score_colour(percent: int | None) -> QColor:
    """Return the bar colour for a score."""
    if percent is None:
        return QColor(current_theme().bar_none)
    if percent >= 75:
        return QColor(current_theme().green)
    if percent >= 50:
        return QColor(current_theme().bar_medium)
    return QColor(current_theme().red)


def _announce(widget: QWidget, text: str) -> None:
    """Make `text` the widget's spoken name and tell assistive technology it changed."""
    widget.setAccessibleName(text)
    QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.NameChanged))


def score_words(text: str, percent: int | None) -> str:
    """Return one bar in words: its label and score."""
    return f"{text}: {tr('not scored') if percent is None else f'{percent}%'}"


class ScoreBars(QWidget):
    """Horizontal bars: one labelled score (0–100 or none) per row; arrows read them one by one."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self._rows: list[tuple[str, int | None, str]] = []
        self.current = -1
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(title)

    def set_rows(self, rows: Sequence[tuple[str, int | None, str]]) -> None:
        """Show (label, percent or None, tooltip) rows."""
        self._rows = list(rows)
        self.current = min(self.current, len(self._rows) - 1)
        self.setFixedHeight(max(1, len(self._rows)) * ROW_HEIGHT + 4)
        self.setAccessibleDescription(self.text_alternative())
        self.update()

    def text_alternative(self) -> str:
        """Return every bar in words, one per line: what a screen reader reads for the chart."""
        if not self._rows:
            return tr("Nothing scored yet")
        return "\n".join(score_words(text, percent) for text, percent, _tip in self._rows)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Up and Down move through the bars and say the one reached."""
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()))
        if step is None or not self._rows:
            super().keyPressEvent(event)
            return
        self.current = max(0, min(len(self._rows) - 1, self.current + step))
        text, percent, tip = self._rows[self.current]
        self.setToolTip(tip)
        _announce(self, f"{self.title}. {score_words(text, percent)}")
        self.update()

    def rows(self) -> list[tuple[str, int | None, str]]:
        """Return the rows shown."""
        return list(self._rows)

    def sizeHint(self) -> QSize:
        """Return a comfortable size."""
        return QSize(360, max(1, len(self._rows)) * ROW_HEIGHT + 4)

    def paintEvent(self, _event: QPaintEvent) -> None:
        """Paint the bars."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self.width()
        label_w = min(300, width * 2 // 5)
        value_w = 56
        bar_w = max(20, width - label_w - value_w - 16)
        if not self._rows:
            painter.setPen(QColor(current_theme().muted))
            painter.drawText(
                self.rect(),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                tr("Nothing scored yet"),
            )
        for row, (text, percent, _tip) in enumerate(self._rows):
            top = row * ROW_HEIGHT + 2
            if row == self.current and self.hasFocus():
                painter.setPen(self.palette().highlight().color())
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(QRectF(1, top, width - 2, ROW_HEIGHT - 1), 4, 4)
            painter.setPen(QColor(current_theme().ink))
            painter.drawText(
                QRect(0, top, label_w, ROW_HEIGHT),
                int(Qt.AlignmentFlag.AlignVCenter),
                painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, label_w - 4),
            )
            track = QRectF(label_w + 8, top + ROW_HEIGHT / 2 - 5, bar_w, 10)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(current_theme().track))
            painter.drawRoundedRect(track, 5, 5)
            if percent:
                fill = QRectF(track.left(), track.top(), max(10.0, bar_w * percent / 100), 10)
                painter.setBrush(score_colour(percent))
                painter.drawRoundedRect(fill, 5, 5)
            painter.setPen(QColor(current_theme().subtle_ink))
            shown = "–" if percent is None else f"{percent}%"
            painter.drawText(
                QRect(int(track.right()) + 8, top, value_w, ROW_HEIGHT),
                int(Qt.AlignmentFlag.AlignVCenter),
                shown,
            )
        painter.end()


def cell_words(severity: int, likelihood: int, count: int) -> str:
    """Return one heat-map cell in words."""
    return tr_n(
        "Severity {s}, likelihood {l}: {n} item",
        "Severity {s}, likelihood {l}: {n} items",
        count,
        s=severity,
        l=likelihood,
    )


class HeatMap(QWidget):
    """A 4×4 grid of severity (rows, high at the top) by likelihood (columns) with counts.

    Arrow keys move a cursor over the cells and say the one reached; Enter or Space picks it,
    as a click does.
    """

    cellClicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._counts: dict[tuple[int, int], int] = {}
        self.current = (4, 1)
        self.setMinimumSize(300, 240)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(tr("Risk heat map"))

    def set_counts(self, counts: dict[tuple[int, int], int]) -> None:
        """Show counts keyed by (severity, likelihood), both 1–4."""
        self._counts = dict(counts)
        self.setAccessibleDescription(self.text_alternative())
        self.update()

    def text_alternative(self) -> str:
        """Return the rated risks in words, the most severe first: what a screen reader reads."""
        cells = sorted(((s, lk, n) for (s, lk), n in self._counts.items() if n), reverse=True)
        if not cells:
            return tr("No risks rated yet")
        return "\n".join(cell_words(s, lk, n) for s, lk, n in cells)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Arrows move over the cells; Enter or Space picks the cell, as a click does."""
        key = Qt.Key(event.key())
        severity, likelihood = self.current
        moves = {
            Qt.Key.Key_Up: (1, 0),
            Qt.Key.Key_Down: (-1, 0),
            Qt.Key.Key_Left: (0, -1),
            Qt.Key.Key_Right: (0, 1),
        }
        if key in moves:
            d_s, d_l = moves[key]
            self.current = (max(1, min(4, severity + d_s)), max(1, min(4, likelihood + d_l)))
            count = self._counts.get(self.current, 0)
            _announce(self, f"{tr('Risk heat map')}. {cell_words(*self.current, count)}")
            self.update()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.cellClicked.emit(severity, likelihood)
        else:
            super().keyPressEvent(event)

    def _grid(self) -> tuple[int, int, float, float]:
        left, top = 92, 8
        cell_w = (self.width() - left - 8) / 4
        cell_h = (self.height() - top - 36) / 4
        return left, top, cell_w, cell_h

    def cell_rect(self, severity: int, likelihood: int) -> QRectF:
        """Return the rectangle of a cell."""
        left, top, cell_w, cell_h = self._grid()
        return QRectF(
            left + (likelihood - 1) * cell_w, top + (4 - severity) * cell_h, cell_w - 3, cell_h - 3
        )

    def paintEvent(self, _event: QPaintEvent) -> None:
        """Paint the grid."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        left, top, cell_w, cell_h = self._grid()
        for severity in range(1, 5):
            for likelihood in range(1, 5):
                rect = self.cell_rect(severity, likelihood)
                level = severity * likelihood
                base = (
                    current_theme().heat_low
                    if level <= 3
                    else current_theme().heat_medium
                    if level <= 6
                    else current_theme().heat_high
                    if level <= 9
                    else current_theme().heat_severe
                )
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(base))
                painter.drawRoundedRect(rect, 4, 4)
                if self.hasFocus() and (severity, likelihood) == self.current:
                    painter.setPen(self.palette().highlight().color())
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 4, 4)
                count = self._counts.get((severity, likelihood), 0)
                if count:
                    painter.setPen(QColor(current_theme().strong))
                    font = painter.font()
                    font.setBold(True)
                    font.setPointSizeF(font.pointSizeF() * 1.3)
                    painter.setFont(font)
                    painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), str(count))
                    font.setBold(False)
                    font.setPointSizeF(font.pointSizeF() / 1.3)
                    painter.setFont(font)
        painter.setPen(QColor(current_theme().muted))
        for severity in range(1, 5):
            rect = QRectF(0, top + (4 - severity) * cell_h, left - 8, cell_h)
            painter.drawText(
                rect,
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
                f"{tr('Severity')} {severity}",
            )
        for likelihood in range(1, 5):
            rect = QRectF(left + (likelihood - 1) * cell_w, top + 4 * cell_h, cell_w, 20)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), str(likelihood))
        painter.drawText(
            QRectF(left, top + 4 * cell_h + 16, 4 * cell_w, 20),
            int(Qt.AlignmentFlag.AlignCenter),
            tr("Likelihood"),
        )
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Report which cell was clicked."""
        for severity in range(1, 5):
            for likelihood in range(1, 5):
                if self.cell_rect(severity, likelihood).contains(event.position()):
                    self.cellClicked.emit(severity, likelihood)
                    return
