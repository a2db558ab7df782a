"""A report speaks one language: no Dutch template text in an English report of a Dutch dossier."""

from __future__ import annotations

import re

from ddcheck.domain.applicability import applicable_items
from ddcheck.domain.snapshot import DossierSnapshot
from ddcheck.domain.text import LocalizedText
from tests.report.conftest import DemoReports
from tests.report.pdf_tools import flat, pdf_text, requires_poppler

pytestmark = requires_poppler


def _user_text(snapshot: DossierSnapshot) -> str:
    """Return everything the user typed or stored in the dossier, as one flat string."""
    d = snapshot.dossier
    parts: list[str] = [d.model_dump_json()]
    for action in d.actions:
        parts += [action.action, action.gap, action.deliverable, action.progress_note]
    for answer in d.answers:
        parts.append(answer.note)
        if isinstance(answer.value, str):
            parts.append(answer.value)
    return flat(" ".join(parts))


def _dutch_template_texts(snapshot: DossierSnapshot) -> set[str]:
    """Return the Dutch texts of the applicable items' templates that differ from the English."""
    texts: set[str] = set()

    def add(text: LocalizedText | None) -> None:
        if text is not None and flat(text.nl) != flat(text.en):
            texts.add(flat(text.nl))

    for entry in applicable_items(snapshot.dossier, snapshot.templates):
        template, item = entry.template, entry.item
        add(template.title)
        add(entry.section.title)
        add(item.question)
        add(item.gap_action)
        for option in template.scale_for(item).options:
            add(option.label)
    return texts


def _found(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


def test_english_report_of_a_dutch_dossier_has_no_dutch_template_text(
    demo_reports: DemoReports,
) -> None:
    snapshot = demo_reports.snapshot
    text = flat(pdf_text(demo_reports.pdfs["en"]))
    user = _user_text(snapshot)
    dutch = _dutch_template_texts(snapshot)
    assert len(dutch) > 100
    leaked = sorted(p for p in dutch if _found(text, p) and p not in user)
    assert not leaked, leaked[:10]


def test_action_plan_shows_linked_items_in_the_report_language(demo_reports: DemoReports) -> None:
    snapshot = demo_reports.snapshot
    action = next(a for a in snapshot.dossier.actions if a.priority == "high" and a.item_keys)
    template_id, _, item_id = action.item_keys[0].partition("/")
    item = snapshot.templates[template_id].item(item_id)
    assert item is not None
    for lang in ("nl", "en"):
        text = flat(pdf_text(demo_reports.pdfs[lang]))
        esap = text[text.rindex("Action plan (ESAP)" if lang == "en" else "Actieplan (ESAP)") :]
        assert flat(item.question.get(lang)) in esap, lang
        other = "nl" if lang == "en" else "en"
        assert flat(item.question.get(other)) not in text, lang
