"""A paragraph that is not broken into lines again for the width it was just measured at."""

from __future__ import annotations

from reportlab.platypus import Paragraph


class Para(Paragraph):
    """reportlab's Paragraph; a repeated wrap at the same width reuses the lines it broke.

    Tables measure every cell on each wrap and split, and the frame measures a paragraph again
    before it splits or draws it: the line breaking is the most expensive part of the export.
    """

    _wrapped_at: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Return (width, height) for `availWidth`; the line breaks are kept for the same width."""
        if self._wrapped_at == availWidth and "blPara" in self.__dict__:
            return self.width, self.height
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._wrapped_at = availWidth
        return size
