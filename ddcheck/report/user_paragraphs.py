"""Paragraphs of user text: always escaped; text with right-to-left letters laid out by line."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from ddcheck.domain.direction import has_rtl, is_mainly_rtl
from ddcheck.report.para import Para
from ddcheck.report.rtl import visual_fragment, visual_lines
from ddcheck.report.styles import FONT_BOLD, Styles
from ddcheck.report.template import FRAME_WIDTH
from ddcheck.report.text_safety import TextSafety

RTL_WIDTH_SHARE = 0.98  # lines laid out here are wrapped a little short of the room they have
BLOCK_LINES = 40  # user text with more line breaks is set as several paragraphs of this many


class UserParagraphs:
    """Make paragraphs of user text in the named styles of one document."""

    def __init__(self, styles: Styles, safety: TextSafety) -> None:
        self._styles = styles
        self._safety = safety
        self._line_styles: dict[str, ParagraphStyle] = {}

    def inline(self, text: object) -> str:
        """Return user text as markup to set inside other text: escaped; RTL words shaped."""
        source = "" if text is None else str(text)
        return self._safety.markup(visual_fragment(source) if has_rtl(source) else source)

    def make(
        self,
        text: object,
        style: str = "body",
        bullet: str | None = None,
        suffix: str = "",
        *,
        width: float | None = None,
        bold: bool = False,
    ) -> Paragraph:
        """Return user text as a paragraph, with `suffix` markup after it.

        Text with right-to-left letters is wrapped here (to `width`, default the frame less the
        style's indents), shaped and reordered per line; right-aligned when it is mainly
        right-to-left, left-aligned when those letters sit in a left-to-right sentence.
        """
        source = "" if text is None else str(text)
        base: ParagraphStyle = getattr(self._styles, style)
        if not has_rtl(source):
            markup = self._safety.markup(source)
            markup = f"<b>{markup}</b>" if bold else markup
            return Para(markup + suffix, base, bulletText=bullet)
        room = width if width is not None else FRAME_WIDTH - base.leftIndent - base.rightIndent
        rtl = is_mainly_rtl(source)
        lines = visual_lines(
            self._safety.plain(source),
            FONT_BOLD if bold else base.fontName,
            base.fontSize,
            room * RTL_WIDTH_SHARE,
            base="R" if rtl else "L",
        )
        markup = "<br/>".join(escape(self._safety.plain(line)) for line in lines)
        markup = f"<b>{markup}</b>" if bold else markup
        return Para(markup + suffix, self._line_style(style, rtl), bulletText=bullet)

    def blocks(
        self,
        text: object,
        style: str = "body",
        bullet: str | None = None,
        suffix: str = "",
        *,
        width: float | None = None,
        bold: bool = False,
    ) -> list[Paragraph]:
        """Return user text as paragraphs of at most BLOCK_LINES lines each, read as one.

        reportlab wraps a paragraph again for every page it is split over, so one paragraph of
        thousands of lines takes time quadratic in its length; short blocks keep layout linear.
        The first block carries the bullet (label); only the last keeps the space after it.
        """
        source = "" if text is None else str(text)
        if source.count("\n") < BLOCK_LINES:
            return [self.make(source, style, bullet, suffix, width=width, bold=bold)]
        base: ParagraphStyle = getattr(self._styles, style)
        if has_rtl(source):
            room = width if width is not None else FRAME_WIDTH - base.leftIndent - base.rightIndent
            rtl = is_mainly_rtl(source)
            lines = [
                escape(self._safety.plain(line))
                for line in visual_lines(
                    self._safety.plain(source),
                    FONT_BOLD if bold else base.fontName,
                    base.fontSize,
                    room * RTL_WIDTH_SHARE,
                    base="R" if rtl else "L",
                )
            ]
            first = self._line_style(style, rtl)
        else:
            lines = [self._safety.markup(line) for line in source.split("\n")]
            first = base
        chunks = [lines[i : i + BLOCK_LINES] for i in range(0, len(lines), BLOCK_LINES)]
        paragraphs = []
        for index, chunk in enumerate(chunks):
            ends = [0, len(chunk) - 1]
            markup = "<br/>".join(
                "&#160;" if not line and n in ends else line for n, line in enumerate(chunk)
            )
            markup = f"<b>{markup}</b>" if bold else markup
            last = index == len(chunks) - 1
            paragraphs.append(
                Para(
                    markup + (suffix if last else ""),
                    self._block_style(first, index == 0, last),
                    bulletText=bullet if index == 0 else None,
                )
            )
        return paragraphs

    def _block_style(self, style: ParagraphStyle, first: bool, last: bool) -> ParagraphStyle:
        """Return `style` without the space before (not first) or after (not last) a block."""
        if first and last:
            return style
        name = f"{style.name}_block_{int(first)}{int(last)}"
        if name not in self._line_styles:
            self._line_styles[name] = ParagraphStyle(
                name,
                parent=style,
                spaceBefore=style.spaceBefore if first else 0,
                spaceAfter=style.spaceAfter if last else 0,
            )
        return self._line_styles[name]

    def _line_style(self, style: str, rtl: bool) -> ParagraphStyle:
        """Return the style for text laid out by line: right-aligned or left-aligned."""
        name = f"{style}_{'rtl' if rtl else 'ltr'}"
        if name not in self._line_styles:
            self._line_styles[name] = ParagraphStyle(
                name,
                parent=getattr(self._styles, style),
                alignment=TA_RIGHT if rtl else TA_LEFT,
            )
        return self._line_styles[name]
