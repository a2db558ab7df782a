"""The workbook's headings come from the one catalog (nl.po) and read exactly as before the move.

workbook_words.json holds every heading in both languages as exchange/workbook.py's own table
wrote them before they moved into nl.po (context "workbook").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ddcheck.domain.text import Language
from ddcheck.exchange import workbook

BEFORE = json.loads((Path(__file__).parent / "workbook_words.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_workbook_heading_reads_as_before(lang: Language) -> None:
    assert {key: workbook.word(key, lang) for key in workbook._WORDS} == BEFORE[lang]
