"""The mission overview fits a 1366×768 laptop: long titles on up to three lines, every column
in view without scrolling sideways, in both languages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ddcheck.ui.models.mission_overview import balanced_lines
from tests.ui.adviser_helpers import adviser, company, company_pdf, import_files, start_app

__all__ = ["adviser", "company", "company_pdf"]  # fixtures used by the tests below


def test_a_long_title_breaks_into_as_few_even_lines_as_keep_it_narrow() -> None:
    assert balanced_lines("Open high-priority actions") == "Open\nhigh-priority\nactions"
    assert balanced_lines("Actions due within 14 days") == "Actions\ndue within\n14 days"
    assert balanced_lines("Overdue actions") == "Overdue\nactions"
    assert balanced_lines("Rode vlaggen") == "Rode\nvlaggen"
    assert balanced_lines("Red flags") == "Red flags"  # short enough on one line
    assert balanced_lines("Geëxporteerd") == "Geëxporteerd"  # one word stays one line


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_column_is_in_view_at_1366x768(
    qtbot: Any,
    company: Any,
    adviser: Any,
    company_pdf: tuple[Any, Path],
    tmp_path: Path,
    prompts: Any,
    lang: str,
) -> None:
    from ddcheck.ui import i18n

    _, pdf = company_pdf
    i18n.set_language(lang)  # type: ignore[arg-type]  # the conftest sets English back
    app = start_app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    app.window.show()
    import_files(qtbot, app, prompts, [pdf])
    page = app.adviser.show_overview()
    qtbot.waitUntil(lambda: page.table.viewport().width() > 800)
    assert page.model.rowCount() == 1
    assert page.table.horizontalScrollBar().maximum() == 0
    header = page.table.horizontalHeader()
    assert header.sectionSize(header.logicalIndex(0)) >= 160  # names wrap, never cut to dots
