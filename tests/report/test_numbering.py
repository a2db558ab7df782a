"""Headings and item numbers follow the sections' own numbering (OECD step 6 is 1.6), once."""

from __future__ import annotations

import re

from ddcheck.domain.redaction import redact
from ddcheck.report.builder import make_context
from tests.report.conftest import DemoReports
from tests.report.pdf_tools import pdf_text, requires_poppler


def test_item_numbers_use_the_sections_own_numbers(demo_reports: DemoReports) -> None:
    snapshot = demo_reports.snapshot
    ctx = make_context(redact(snapshot, "adviser"), "nl", "0" * 64)
    oecd = snapshot.templates["oecd-selfscan"]
    checklist = ctx.numbers[f"oecd-selfscan/{oecd.sections[0].items[0].id}"].split(".")[0]
    for section in oecd.sections:
        own = section.title.nl.split(".")[0]
        assert own.isdigit()
        for index, item in enumerate(section.items, start=1):
            assert ctx.numbers[f"oecd-selfscan/{item.id}"] == f"{checklist}.{own}.{index}"
    assert ctx.numbers["oecd-selfscan/s6-past-harm"].startswith(f"{checklist}.6.")


@requires_poppler
def test_headings_carry_one_number(demo_reports: DemoReports) -> None:
    for lang, path in demo_reports.pdfs.items():
        lines = [line.strip() for line in pdf_text(path).splitlines()]
        doubled = [line for line in lines if re.match(r"^\d+(\.\d+)+\s+\d+\.\s", line)]
        assert not doubled, (lang, doubled[:3])
        first = "Uw bedrijf en de missie" if lang == "nl" else "Your company and the mission"
        assert any(re.fullmatch(rf"\d+\.0\s+{first}", line) for line in lines), lang
    nl = pdf_text(demo_reports.pdfs["nl"])
    withheld = demo_reports.snapshot.templates["oecd-selfscan"].item("s6-past-harm")
    assert withheld is not None
    start = " ".join(withheld.question.nl.split()[:3])
    assert re.search(rf"\b1\.6\.\d+ {re.escape(start)}", " ".join(nl.split()))
