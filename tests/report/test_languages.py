"""A report speaks one language: no Dutch template text in an English report of a Dutch dossier."""

from __future__ import annotations

import re

import pytest

from ddcheck.domain.applicability import applicable_items
from ddcheck.domain.snapshot import DossierSnapshot
from ddcheck.domain.text import LocalizedText
from ddcheck.report.linked_items import shorten
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
        short = shorten(item.question.get(lang), 80).removesuffix("…")  # the ESAP's short form
        assert short in esap, lang
        other = "nl" if lang == "en" else "en"
        assert flat(item.question.get(other)) not in text, lang


def test_counts_agree_with_their_nouns(demo_reports: DemoReports) -> None:
    nl = flat(pdf_text(demo_reports.pdfs["nl"]))
    en = flat(pdf_text(demo_reports.pdfs["en"]))
    assert "1 vraag achtergehouden" in nl and "vraag/vragen" not in nl
    assert "Achtergehouden: 1 vraag." in nl
    assert "1 question withheld" in en and "question(s)" not in en
    assert "Withheld: 1 question." in en


def test_plural_forms() -> None:
    from ddcheck.report.labels import counted

    assert counted("question", 1, "nl") == "1 vraag"
    assert counted("question", 2, "nl") == "2 vragen"
    assert counted("evidence", 1, "en") == "1 evidence file"
    assert counted("action", 0, "en") == "0 actions"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_report_has_no_report_labels_of_the_other_language(
    demo_reports: DemoReports, lang: str
) -> None:
    from ddcheck.report.labels import _LABELS, _VALUES, label, value_label

    snapshot = demo_reports.snapshot
    text = flat(pdf_text(demo_reports.pdfs[lang]))
    # Not labels: what the user typed or stored, ids, and locators pointing into documents.
    d = snapshot.dossier
    removals = [d.company.sector, *(a.note for a in d.answers)]
    removals += [text for a in d.actions for text in (a.action, a.gap, a.deliverable)]
    removals += [str(a.value) for a in d.answers if isinstance(a.value, str)]
    removals += [s.id for s in snapshot.registry.sources]
    for template in snapshot.templates.values():
        for _, item in template.iter_items():
            removals.append(f"{template.id}/{item.id}")
            removals += [ref.locator for ref in item.refs if ref.locator]
    removals.append("IFC Performance Standard")  # a name
    for removal in sorted({flat(r) for r in removals if r.strip()}, key=len, reverse=True):
        text = text.replace(removal, " ")
    pairs = [(label(key, "nl"), label(key, "en")) for key in _LABELS]
    pairs += [
        (value_label(kind, value, "nl"), value_label(kind, value, "en"))
        for kind, values in _VALUES.items()
        for value in values
    ]
    other = {
        flat(en if lang == "nl" else nl)
        for nl, en in pairs
        if "{" not in nl + en and flat(en) != flat(nl)
    }
    # a one-word label the user also typed cannot be told apart (table columns interleave)
    typed = {w for r in removals for w in re.findall(r"\w+", r)}
    leaked = sorted(
        label for label in other if len(label) > 3 and label not in typed and _found(text, label)
    )
    assert not leaked, leaked
