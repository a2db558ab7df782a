"""The mission overview as a PDF table in the report's style."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from ddcheck.domain.formatting import format_number
from ddcheck.domain.text import Language
from ddcheck.report.appendix import chunked_tables
from ddcheck.report.labels import value_label
from ddcheck.report.review_pdf import Writer, day, render_document, word
from ddcheck.report.template import PageFurniture, mark_outline

if TYPE_CHECKING:
    from ddcheck.domain.overview import MissionOverview, MissionStatus, OverviewRow

WIDTHS = [40 * mm, 24 * mm, 19 * mm, 15 * mm, 19 * mm, 25 * mm, 28 * mm]
# what needs the adviser first: a negative verdict, then not yet reviewed, then the rest
_VERDICT_ATTENTION = {"insufficient": 0, None: 1, "sufficient_with_actions": 2, "sufficient": 3}


def attention_order(row: OverviewRow) -> tuple[int, int, int, int, int, str]:
    """Return the sort key that puts the companies needing attention first."""
    return (
        _VERDICT_ATTENTION.get(row.verdict, 1),
        -row.red_flags,
        -row.required_unanswered,
        -row.open_high_actions,
        row.completion,
        row.company.casefold(),
    )


def render_overview_pdf(overview: MissionOverview, lang: Language, now: dt.datetime) -> bytes:
    """Return the PDF of the overview: one row per company."""
    w = Writer()

    def number(value: int) -> str:
        return format_number(value, lang)

    title = word("overview_title", lang)
    mission = overview.mission or word("all_missions", lang)
    story: list[Flowable] = [
        Spacer(1, 10 * mm),
        mark_outline(w.para(title, "cover_title"), title, 0),
        w.para(mission, "cover_subtitle"),
        w.para(f"{word('generated_on', lang)} {day(now, lang)}", "muted"),
        Spacer(1, 4 * mm),
    ]
    if overview.status is not None:
        story += _participants(w, overview.status, lang)
    if not overview.rows:
        story.append(w.para(word("no_dossiers", lang), "muted"))
    else:
        head = w.head(
            [
                word("company", lang),
                word("answered_of", lang),
                word("required_open", lang),
                word("red_flags", lang),
                word("open_high", lang),
                word("withheld_col", lang),
                word("verdict", lang),
            ]
        )
        rows: list[list[object]] = []
        for row in sorted(overview.rows, key=attention_order):
            name = row.company if overview.mission else f"{row.company}\n{row.mission}"
            if overview.status is not None and row in overview.status.unexpected:
                name = f"{name}\n({word('not_listed', lang)})"
            verdict = value_label("verdict", row.verdict, lang) or word("no_verdict", lang)
            rows.append(
                [
                    w.para(name, "cell", WIDTHS[0]),
                    w.para(
                        word("of", lang).format(n=number(row.answered), total=number(row.total))
                        + f" ({row.completion} %)",
                        "cell",
                        WIDTHS[1],
                    ),
                    number(row.required_unanswered),
                    number(row.red_flags),
                    number(row.open_high_actions),
                    number(row.withheld_items),
                    w.para(verdict, "cell", WIDTHS[-1]),
                ]
            )
        story += chunked_tables(head, rows, WIDTHS)
    furniture = PageFurniture(
        header_left=title,
        header_right=w.safety.plain(w.shown(" ".join(mission.split()))),
        footer_label=word("overview_footer", lang),
        footer_date=day(now, lang),
        page_of=word("page_of", lang),
    )
    return render_document(story, furniture, lang, w.safety.plain(f"{title}: {mission}"))


def _participants(w: Writer, status: MissionStatus, lang: Language) -> list[Flowable]:
    """Return who the mission expects, how many sent their dossier, who is missing, the deadline."""
    counts = word("expected_received_missing", lang).format(
        expected=len(status.expected), received=len(status.received), missing=len(status.missing)
    )
    story: list[Flowable] = [w.para(counts, "body")]
    if status.deadline is not None and status.days_to_deadline is not None:
        key = "deadline_in" if status.days_to_deadline >= 0 else "deadline_passed"
        text = word(key, lang).format(date=day(status.deadline, lang), n=status.days_to_deadline)
        story.append(w.para(text, "body"))
    if status.missing:
        story.append(Spacer(1, 2 * mm))
        head = w.head([word("missing_title", lang), word("kvk", lang)])
        rows: list[list[object]] = [
            [w.para(e.company, "cell", MISSING_WIDTHS[0]), e.kvk] for e in status.missing
        ]
        story += chunked_tables(head, rows, MISSING_WIDTHS)
    story.append(Spacer(1, 4 * mm))
    return story


MISSING_WIDTHS = [120 * mm, 50 * mm]
