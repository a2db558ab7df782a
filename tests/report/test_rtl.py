"""Right-to-left user text: wrapped in logical order, then shaped and reordered per line."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from ddcheck.domain.direction import has_rtl, is_mainly_rtl
from ddcheck.domain.dossier import Action
from ddcheck.exchange.verify import verify_pdf
from ddcheck.report.rtl import logical_lines, visual_lines
from ddcheck.report.styles import FONT, register_fonts
from tests.factories import filled_dossier, make_snapshot, synthetic_template
from tests.report.pdf_tools import export, flat, pdf_text, requires_poppler

ARABIC_NOTE = (
    "يعمل لدى موزعنا في الرياض نحو أربعين مشغلا وميكانيكيا من نيبال وبنغلاديش عن طريق وكالة "
    "توظيف (Employer Pays) ولم نطلع بعد على عقودهم، وسنطلب نسخا منها قبل 2027 ونتحقق من أن "
    "أحدا منهم لم يدفع رسوم التوظيف."
)
ARABIC_ACTION = (
    "اطلب من الموزع نسخا من عقود جميع العمال وتحقق من عدم دفع أي رسوم توظيف قبل نهاية مارس"
)
MIXED_NOTE = (
    "We checked the contracts with our distributor شركة البناء المتحدة in Riyadh (since 2024); "
    "its director, م. العتيبي, signed the Employer Pays pledge."
)
HEBREW_ANSWER = "העובדים קיבלו חוזה בשפתם (ISO 45001) לפני היציאה, ונבדוק זאת שוב בביקור הבא."


def _base(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def test_direction_of_user_text() -> None:
    assert is_mainly_rtl(ARABIC_NOTE) and is_mainly_rtl(HEBREW_ANSWER)
    assert not is_mainly_rtl("Checked with the Saudi distributor (مرحبا)")
    assert not is_mainly_rtl("123 — ()")
    assert not is_mainly_rtl(MIXED_NOTE) and has_rtl(MIXED_NOTE)
    assert not has_rtl("Gewone Nederlandse tekst, ook met é en ß")


def test_rtl_words_in_a_left_to_right_sentence_are_shaped_and_reversed_in_place() -> None:
    register_fonts()
    from reportlab.pdfbase.pdfmetrics import stringWidth

    visual = visual_lines(MIXED_NOTE, FONT, 8.5, 220, base="L")
    assert len(visual) >= 3
    for line in visual:
        assert stringWidth(line, FONT, 8.5) <= 220
    joined = _base(" ".join(visual))
    assert joined.startswith("We checked the contracts") and joined.endswith("pledge.")
    [line] = visual_lines(MIXED_NOTE, FONT, 8.5, 2000, base="L")
    # the Arabic run is drawn right to left where it stands: its last word comes first
    name = "شركة البناء المتحدة"
    drawn = " ".join(_base(w)[::-1] for w in reversed(name.split()))
    assert f"distributor {drawn} in Riyadh (since 2024);" in _base(line)
    assert any(ord(c) >= 0xFE70 for c in " ".join(visual)), "Arabic letters are joined (shaped)"


def test_lines_keep_their_reading_order_and_fit() -> None:
    register_fonts()
    from reportlab.pdfbase.pdfmetrics import stringWidth

    logical = logical_lines(ARABIC_NOTE, FONT, 8.5, 200)
    visual = visual_lines(ARABIC_NOTE, FONT, 8.5, 200)
    assert len(logical) == len(visual) >= 3
    assert " ".join(logical) == " ".join(ARABIC_NOTE.split())
    first_word, last_word = ARABIC_NOTE.split()[0], ARABIC_NOTE.split()[-1]
    assert logical[0].startswith(first_word) and logical[-1].endswith(last_word)
    # drawn left to right, the first word of a line is at its right end
    assert _base(visual[0]).endswith(first_word[::-1])
    for line in visual:
        assert stringWidth(line, FONT, 8.5) <= 200
    joined = " ".join(visual)
    assert "(Employer Pays)" in joined and "2027" in joined  # left-to-right runs stay readable


def test_brackets_are_mirrored_and_numbers_read_left_to_right() -> None:
    register_fonts()
    [line] = visual_lines(HEBREW_ANSWER, FONT, 9.5, 1000)
    assert "(ISO 45001)" in line
    assert line.endswith("העובדים"[::-1])


def test_a_long_rtl_word_is_split_over_lines_that_fit() -> None:
    register_fonts()
    word = "ب" * 400
    lines = logical_lines(f"كلمة {word} نهاية", FONT, 9.5, 150)
    assert "".join(lines).replace(" ", "") == f"كلمة{word}نهاية"
    assert len(lines) >= 3


@requires_poppler
def test_rtl_note_and_answer_in_the_pdf_and_verify_still_matches(tmp_path: Path) -> None:
    template = synthetic_template()
    dossier = filled_dossier({template.id: template}, confidential_every=1000)
    answers = list(dossier.answers)
    text_at = next(i for i, a in enumerate(answers) if isinstance(a.value, str) and a.value)
    answers[0] = answers[0].model_copy(update={"note": ARABIC_NOTE})
    answers[1] = answers[1].model_copy(update={"note": MIXED_NOTE})
    answers[text_at] = answers[text_at].model_copy(update={"value": HEBREW_ANSWER})
    action = Action(
        id="rtl",
        item_keys=[answers[0].key],
        action=ARABIC_ACTION,
        gap=HEBREW_ANSWER,
        owner="سارة الأحمد",
    )
    company = dossier.company.model_copy(update={"name": "Van Dijk Pompen / شركة فان دايك"})
    dossier = dossier.model_copy(
        update={"answers": answers, "actions": [action], "company": company}
    )
    path, _ = export(make_snapshot(dossier, {template.id: template}), tmp_path, "rtl.pdf")
    # pdftotext puts right-to-left runs back into logical order, marked with U+202B/U+202C
    text = _base(flat(pdf_text(path).translate(dict.fromkeys(range(0x202A, 0x202F)))))
    words = ARABIC_NOTE.split()
    assert " ".join(words[:8]) in text and " ".join(words[-4:-1]) in text
    assert "45001" in text and "קיבלו חוזה בשפתם" in text
    esap = text[text.index("Action plan (ESAP)") :]
    assert " ".join(ARABIC_ACTION.split()[:6]) in esap and "קיבלו חוזה בשפתם" in esap
    assert "سارة الأحمد" in esap
    assert "Van Dijk Pompen / شركة فان دايك" in text  # a name set inline: shaped, reordered
    mixed = text.index("We checked the contracts")
    around = text[mixed : mixed + 400]
    assert "شركة البناء المتحدة" in around and "in Riyadh (since 2024);" in around
    result = verify_pdf(path)
    assert result.ok, result.problems


def test_has_rtl_finds_every_right_to_left_letter_unicode_knows() -> None:
    strong = (
        c
        for c in map(chr, range(0x110000))
        if unicodedata.bidirectional(c) in ("R", "AL") and c != "\u200f"  # the RLM mark alone
    )
    assert all(has_rtl(c) for c in strong)
    assert not any(has_rtl(chr(c)) for c in range(0x0590))  # Latin, Greek, Cyrillic, ...
