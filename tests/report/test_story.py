"""The story: parts in order, every applicable item, languages, audiences, outline, safety."""

from __future__ import annotations

from itertools import pairwise
from xml.sax.saxutils import escape

from ddcheck.domain.applicability import applicable_items
from ddcheck.domain.dossier import Answer
from tests.factories import SECRET, filled_dossier, make_snapshot, synthetic_template
from tests.report.story_tools import headings, outline, story_for, texts


def test_parts_come_in_the_order_of_the_report() -> None:
    h1 = headings(story_for(make_snapshot()), "h1")
    assert h1 == [
        "Summary",
        "Answers per checklist",
        "Action plan (ESAP)",
        "Evidence register",
        "Sources",
        "Glossary",
        "About this document",
    ]


def test_every_applicable_item_appears_in_english_and_in_dutch() -> None:
    snapshot = make_snapshot()
    entries = applicable_items(snapshot.dossier, snapshot.templates)
    for lang in ("en", "nl"):
        joined = "\n".join(texts(story_for(snapshot, lang)))
        for entry in entries:
            assert escape(entry.item.question.get(lang)) in joined
            assert entry.key not in joined  # ids stay in the embedded data, off the page


def test_labels_follow_the_language() -> None:
    nl = headings(story_for(make_snapshot(), "nl"), "h1")
    assert nl[:2] == ["Samenvatting", "Antwoorden per checklist"]
    assert "Begrippen" in nl


def test_unanswered_items_are_visibly_marked() -> None:
    template = synthetic_template()
    dossier = filled_dossier({template.id: template}, unanswered_every=2)
    joined = "\n".join(texts(story_for(make_snapshot(dossier, {template.id: template}))))
    assert "NOT ANSWERED" in joined


def test_adviser_story_withholds_confidential_items_and_summarises_them() -> None:
    story = story_for(make_snapshot(), audience="adviser")
    joined = "\n".join(texts(story))
    assert SECRET not in joined
    assert "Withheld by the company" in joined
    assert "Redaction summary" in headings(story, "h2")
    assert "CONFIDENTIAL" not in joined


def test_internal_story_shows_confidential_items_marked() -> None:
    joined = "\n".join(texts(story_for(make_snapshot(), audience="internal")))
    assert SECRET in joined
    assert "CONFIDENTIAL" in joined
    assert "Internal version" in joined
    assert "Withheld by the company" not in joined


def test_outline_has_parts_checklists_and_sections() -> None:
    entries = outline(story_for(make_snapshot()))
    assert ("Summary", 0) in entries
    assert ("1 Synthetic checklist", 1) in entries
    assert ("1.2 Section 2: topics", 2) in entries
    levels = [level for _, level in entries]
    assert all(b <= a + 1 for a, b in pairwise(levels))


def test_user_text_is_never_markup_in_the_story() -> None:
    template = synthetic_template()
    dossier = filled_dossier({template.id: template}, confidential_every=1000)
    hostile = '<img src="/etc/passwd"/> <font color="white">x</font> R&D'
    answers = [a.model_copy(update={"note": hostile}) for a in dossier.answers]
    snapshot = make_snapshot(
        dossier.model_copy(update={"answers": answers}), {template.id: template}
    )
    joined = "\n".join(texts(story_for(snapshot)))
    assert "<img" not in joined and '<font color="white">' not in joined
    assert escape(hostile) in joined


def test_withheld_answer_shows_no_value_even_when_it_is_a_text_answer() -> None:
    template = synthetic_template()
    answer = Answer(
        template_id=template.id, item_id="q1-5", value=f"{SECRET} text", confidential=True
    )
    dossier = filled_dossier({template.id: template}).model_copy(update={"answers": [answer]})
    joined = "\n".join(texts(story_for(make_snapshot(dossier, {template.id: template}))))
    assert SECRET not in joined
