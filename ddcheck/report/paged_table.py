"""Long tables whose column header stands only at the top of the table and of each page.

Long tables are set in chunks (reportlab re-measures every remaining row on each split), and a
chunk that starts mid-page must not print the header again: it asks its frame whether it stands
at the top of a page, and carries the header only then, or on the part it carries over.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reportlab.platypus import Flowable, Table, TableStyle

from ddcheck.report.styles import font_table

CHUNK_ROWS = 24
StyleMaker = Callable[[int, bool, int], TableStyle]  # (rows, headed, first row's index) -> style


class PageTopTable(Flowable):
    """A chunk of table rows, headed when it is first or starts at the top of a page."""

    def __init__(
        self,
        head: list[object],
        rows: list[list[object]],
        widths: Sequence[float | None],
        style: StyleMaker,
        *,
        first: bool,
        offset: int = 0,
        split_in_row: bool = True,
    ) -> None:
        """Keep the rows; `offset` is the index of the first row in the whole table.

        Without `split_in_row` a page breaks only between rows (each row must fit a page).
        """
        super().__init__()
        self._head = head
        self._rows = rows
        self._widths = list(widths)
        self._style = style
        self._first = first
        self._offset = offset
        self._split_in_row = split_in_row
        self._made: dict[bool, Table] = {}
        self._current: Table | None = None
        self.hAlign = "LEFT"

    @property
    def cell_values(self) -> list[list[object]]:
        """Return the header row and the rows, as a Table's cell values (for readers and tests)."""
        return [self._head, *self._rows]

    def _headed(self) -> bool:
        frame = getattr(self, "_frame", None)
        return self._first or bool(frame is not None and frame._atTop)

    def _table(self, headed: bool) -> Table:
        if headed not in self._made:
            data = [self._head, *self._rows] if headed else self._rows
            table = font_table(
                data,
                colWidths=self._widths,
                repeatRows=1 if headed else 0,
                splitInRow=1 if self._split_in_row else 0,
                hAlign="LEFT",
            )
            table.setStyle(self._style(len(self._rows), headed, self._offset))
            self._made[headed] = table
        return self._made[headed]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Measure the headed or the headerless form, whichever this place needs."""
        self._current = self._table(self._headed())
        self.width, self.height = self._current.wrap(availWidth, availHeight)
        return self.width, self.height

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        """Draw the form measured last."""
        table = self._current or self._table(self._first)
        table.drawOn(canvas, x, y, _sW)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """Split; the part carried over is headed only where it lands at the top of a page.

        reportlab may place a carried-over part in the room left on the same page (after a
        split inside a row), so that part decides about its header when it is placed.
        """
        headed = self._headed()
        parts = self._table(headed).split(availWidth, availHeight)
        if len(parts) < 2:
            return parts
        done = len(parts[0]._cellvalues) - (1 if headed else 0)
        rest = [list(row) for row in parts[1]._cellvalues[1 if headed else 0 :]]
        carried = PageTopTable(
            self._head,
            rest,
            self._widths,
            self._style,
            first=False,
            offset=self._offset + done,
            split_in_row=self._split_in_row,
        )
        return [parts[0], carried]


def paged_tables(
    head: list[object],
    rows: list[list[object]],
    widths: Sequence[float | None],
    style: StyleMaker,
    split_in_row: bool = True,
) -> list[Flowable]:
    """Return the rows as chunks of at most CHUNK_ROWS rows; the header only at page tops."""
    return [
        PageTopTable(
            head,
            rows[start : start + CHUNK_ROWS],
            widths,
            style,
            first=start == 0,
            offset=start,
            split_in_row=split_in_row,
        )
        for start in range(0, len(rows), CHUNK_ROWS)
    ]
