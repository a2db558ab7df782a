"""The action plan: sorted by priority then due date, header only at page tops, one language."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tests.report.conftest import DemoReports
from tests.report.pdf_tools import flat, requires_poppler

pytestmark = requires_poppler

HEAD = {"en": "No. Action to take From question", "nl": "Nr. Actie Komt voort uit vraag"}
TITLE = {"en": "Action plan (ESAP)", "nl": "Actieplan (ESAP)"}
# words ddcheck itself wrote in Dutch that must never reach an English report
DUTCH_BY_DDCHECK = (
    "Los het tekort op",
    "Het antwoord laat een tekort zien",
    "Het antwoord is een rode vlag",
    "Verkrijg de ontbrekende informatie",
    "Tekortkoming",
    "verplichte vragen",
    "hoge prioriteit",
    "Nog niet bekend; de informatie is opgevraagd",
)


def _pages(pdf: Path) -> list[str]:
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True)
    return [flat(page) for page in done.stdout.decode("utf-8").split("\f")[:-1]]


def test_action_plan_header_stands_once_at_the_top_of_each_of_its_pages(
    demo_reports: DemoReports,
) -> None:
    for lang in ("nl", "en"):
        pages = _pages(demo_reports.pdfs[lang])
        esap = [p for p in pages if re.search(r"\bA\d+\b", p) and HEAD[lang] in p]
        assert esap, lang
        for page in esap:
            assert page.count(HEAD[lang]) == 1, (lang, page[:200])
            first_action = re.search(r"\bA\d+\b", page[page.index(HEAD[lang]) :])
            assert first_action is not None
            before = page[: page.index(HEAD[lang])]
            assert not re.search(r"\bA\d+\b", before.replace(TITLE[lang], "")), lang


def test_action_plan_is_sorted_by_priority_then_due_date(demo_reports: DemoReports) -> None:
    from ddcheck.domain.redaction import redact
    from ddcheck.report.builder import make_context

    ctx = make_context(redact(demo_reports.snapshot, "adviser"), "en", "0" * 64)
    rank = {"high": 0, "medium": 1, "low": 2}
    keys = [(rank[a.priority], a.due is None, a.due) for a in ctx.ordered_actions]
    assert [k[:2] for k in keys] == sorted(k[:2] for k in keys)
    assert list(ctx.action_numbers.values())[:2] == ["A1", "A2"]
    text = " ".join(_pages(demo_reports.pdfs["en"]))
    plan = text[text.rindex(TITLE["en"]) :]
    numbers = [int(n) for n in re.findall(r"\bA(\d+)\b", plan)]
    assert numbers[: len(ctx.ordered_actions)] == list(range(1, len(ctx.ordered_actions) + 1))


def test_english_report_has_no_dutch_that_ddcheck_wrote(demo_reports: DemoReports) -> None:
    text = " ".join(_pages(demo_reports.pdfs["en"]))
    for words in DUTCH_BY_DDCHECK:
        assert words not in text, words
    assert "seeds/" not in text
