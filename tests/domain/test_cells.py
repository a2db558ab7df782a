"""Every CSV cell ddcheck writes is shown as text by a spreadsheet, never run as a formula."""

from __future__ import annotations

import pytest

from ddcheck.domain.cells import safe_cell, safe_row


@pytest.mark.parametrize(
    "text",
    ["=1+1", "+31 6", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "  =cmd|' /C calc'!A0", "＝1+1"],
)
def test_formula_starts_are_neutralised(text: str) -> None:
    assert safe_cell(text) == "'" + text


def test_plain_text_and_numbers_pass_unchanged() -> None:
    assert safe_row(["Van Dijk BV", 3, None, "", "a=b", 1.5]) == [
        "Van Dijk BV",
        3,
        None,
        "",
        "a=b",
        1.5,
    ]
