"""The report's words come from the one catalog (nl.po) and read exactly as before the move.

report_words.json holds every label, coded value, OECD step, counted noun and review-PDF word
in both languages as the report's own word tables wrote them before they moved into nl.po.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ddcheck.domain.text import Language
from ddcheck.report import labels, review_pdf

BEFORE = json.loads((Path(__file__).parent / "report_words.json").read_text(encoding="utf-8"))


def _words(lang: Language) -> dict[str, str]:
    found: dict[str, str] = {}
    for key in labels._LABELS:
        found[f"label:{key}"] = labels.label(key, lang)
    for kind, values in labels._VALUES.items():
        for value in values:
            found[f"value:{kind}:{value}"] = labels.value_label(kind, value, lang)
    for step in labels.OECD_STEPS:
        found[f"oecd:{step}"] = labels.oecd_step_label(step, lang)
    for name in labels._NOUNS:
        for n in (0, 1, 2):
            found[f"noun:{name}:{n}"] = labels.noun(name, n, lang)
    for key in review_pdf._WORDS:
        found[f"review:{key}"] = review_pdf.word(key, lang)
    return found


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_report_word_reads_as_before(lang: Language) -> None:
    assert _words(lang) == BEFORE[lang]


def test_fields_are_filled_in_either_language() -> None:
    assert labels.label("answered_of", "nl", answered=3, applicable=7) == (
        "3 van 7 vragen beantwoord"
    )
    assert labels.counted("question", 1, "nl") == "1 vraag"
    assert labels.counted("question", 2, "en") == "2 questions"
