"""Page templates: cover and body pages, header, footer with "page X of Y", outline, progress."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any, TypeVar

from reportlab.lib.colors import HexColor, white
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from ddcheck.report.archival import add_archival
from ddcheck.report.attachment import Attachment, attach
from ddcheck.report.errors import ExportCancelled
from ddcheck.report.styles import ACCENT, FONT, FONT_BOLD, MUTED, RULE

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 20 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
LANDSCAPE = landscape(A4)
WIDE_FRAME_WIDTH = LANDSCAPE[0] - 2 * MARGIN_X  # the action plan's pages
TOTAL_FORM = "ddcheckPageTotal"
DRAFT = HexColor("#9B1C1C")
TOTAL_WIDTH = 14  # points reserved for the page total in the footer

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


@dataclass(frozen=True)
class PageFurniture:
    """What every page shows around the text: header and footer texts."""

    header_left: str
    header_right: str
    footer_label: str
    footer_date: str
    page_of: str  # e.g. "Page {n} of "
    draft: str = ""  # e.g. "DRAFT — INCOMPLETE": printed at the top of every page when set


@dataclass(frozen=True)
class OutlineEntry:
    """A bookmark the template adds when the flowable carrying it is laid out."""

    title: str
    level: int


FlowableT = TypeVar("FlowableT", bound=Flowable)


def mark_outline(flowable: FlowableT, title: str, level: int) -> FlowableT:
    """Attach an outline entry to a flowable and return it."""
    flowable._ddcheck_outline = OutlineEntry(title, level)  # type: ignore[attr-defined]
    return flowable


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Return `text` shortened with an ellipsis so it fits `width`."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


class ReportDocTemplate(BaseDocTemplate):
    """A4 report with a cover template and a body template, an outline and progress callbacks."""

    def __init__(
        self,
        target: str | IO[bytes],
        furniture: PageFurniture,
        *,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
        attachment: Attachment | None = None,
        **metadata: Any,
    ) -> None:
        """Set up the page templates; `metadata` goes to the PDF (title, author, lang, ...)."""
        super().__init__(
            target,
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            # Every page's preamble sets the canvas's initial font: with the default, every page
            # would refer to an unembedded Helvetica.
            initialFontName=FONT,
            **metadata,
        )
        self.furniture = furniture
        self._attachment = attachment
        self._progress = progress
        self._cancel = cancel
        self._laid_out = 0
        self._total = 0
        self._outline_keys = 0
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        wide = Frame(
            self.leftMargin,
            self.bottomMargin,
            LANDSCAPE[0] - self.leftMargin - self.rightMargin,
            LANDSCAPE[1] - self.topMargin - self.bottomMargin,
            id="wide",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates(
            [
                PageTemplate(id="cover", frames=[frame], onPage=self._draw_cover_page),
                PageTemplate(id="body", frames=[frame], onPage=self._draw_body_page),
                PageTemplate(
                    id="landscape",
                    frames=[wide],
                    onPage=self._draw_body_page,
                    pagesize=LANDSCAPE,
                ),
            ]
        )

    def render(self, story: list[Flowable]) -> int:
        """Lay out the story, write the PDF and return the number of pages."""
        self._total = len(story)
        # "Page X of Y" in one pass (tech-notes §3f): every footer draws the form TOTAL_FORM,
        # which is defined only now that the page count is known. build() must not save yet.
        self._doSave = 0
        self.build(story, canvasmaker=Canvas)
        pages = self.page
        canvas = self.canv
        canvas.beginForm(TOTAL_FORM)
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(0, 0, str(pages))
        canvas.endForm()
        spec = attach(canvas, self._attachment) if self._attachment is not None else None
        add_archival(canvas, getattr(self, "lang", "") or "", spec)
        canvas.showOutline()
        canvas.save()
        return pages

    def afterFlowable(self, flowable: Flowable) -> None:
        """Add outline entries, report progress and honour cancellation."""
        entry = getattr(flowable, "_ddcheck_outline", None)
        if entry is not None:
            self._outline_keys += 1
            key = f"o{self._outline_keys}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(entry.title, key, entry.level, closed=entry.level > 0)
        self._laid_out += 1
        if self._cancel is not None and self._laid_out % 16 == 0 and self._cancel():
            raise ExportCancelled("the export was cancelled")
        if self._progress is not None and (
            self._laid_out % 64 == 0 or self._laid_out == self._total
        ):
            self._progress(min(self._laid_out, self._total), self._total)

    def _draw_footer(self, canvas: Canvas) -> None:
        f = self.furniture
        page_width = canvas._pagesize[0]
        y = MARGIN_BOTTOM - 10 * mm
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, y + 9, page_width - MARGIN_X, y + 9)
        canvas.setFont(FONT_BOLD, 7.5)
        canvas.setFillColor(ACCENT)
        canvas.drawString(MARGIN_X, y, _fit(f.footer_label, FONT_BOLD, 7.5, 80 * mm))
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawCentredString(page_width / 2 + 10 * mm, y, f.footer_date)
        right = page_width - MARGIN_X - TOTAL_WIDTH
        canvas.drawRightString(right, y, f.page_of.format(n=canvas.getPageNumber()))
        canvas.saveState()
        canvas.translate(right, y)
        canvas.doForm(TOTAL_FORM)
        canvas.restoreState()

    def _draw_draft(self, canvas: Canvas, height: float) -> None:
        """Draw the draft marking as a band across the top of the page."""
        width, top = canvas._pagesize
        canvas.setFillColor(DRAFT)
        canvas.rect(0, top - height, width, height, stroke=0, fill=1)
        canvas.setFillColor(white)
        canvas.setFont(FONT_BOLD, 9)
        canvas.drawCentredString(width / 2, top - height / 2 - 3, self.furniture.draft)

    def _draw_cover_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        if self.furniture.draft:
            self._draw_draft(canvas, 12 * mm)
        else:
            canvas.setFillColor(ACCENT)
            canvas.rect(0, PAGE_HEIGHT - 12 * mm, PAGE_WIDTH, 12 * mm, stroke=0, fill=1)
        self._draw_footer(canvas)
        canvas.restoreState()

    def _draw_body_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        f = self.furniture
        page_width, page_height = canvas._pagesize
        canvas.saveState()
        y = page_height - MARGIN_TOP + 8 * mm
        half = (page_width - 2 * MARGIN_X) / 2 - 4 * mm
        canvas.setFont(FONT_BOLD, 8)
        canvas.setFillColor(ACCENT)
        canvas.drawString(MARGIN_X, y, _fit(f.header_left, FONT_BOLD, 8, half))
        canvas.setFont(FONT, 8)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(page_width - MARGIN_X, y, _fit(f.header_right, FONT, 8, half))
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN_X, y - 4, page_width - MARGIN_X, y - 4)
        if f.draft:
            self._draw_draft(canvas, 7 * mm)
        self._draw_footer(canvas)
        canvas.restoreState()
