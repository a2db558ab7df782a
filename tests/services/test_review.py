"""The adviser's review and the round trip back into the company's workspace."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest

from ddcheck.domain.dossier import Action
from ddcheck.services import InvalidInput, NotFound, Workspace
from ddcheck.services.received_model import ImportRefused
from ddcheck.services.roundtrip import agreed_action_id
from tests.report.pdf_tools import requires_poppler
from tests.services.exchange_helpers import dump, filled, open_workspace


@pytest.fixture
def pair(tmp_path: Path):
    with (
        open_workspace(tmp_path / "company") as company,
        open_workspace(tmp_path / "adviser", user="adviser") as adviser,
    ):
        dossier = filled(company)
        company.export_pdf(dossier.id, tmp_path / "d.pdf", lang="nl")
        received = adviser.import_file(tmp_path / "d.pdf").received_id
        yield company, adviser, dossier, received


def _review(adviser: Workspace, received: str) -> None:
    adviser.assess_item(received, "mini/policy", "accepted")
    adviser.assess_item(received, "mini/ekv-esap", "insufficient", "An ESAP is required for ekv.")
    adviser.assess_item(received, "mini/remarks", "question", "Can you share the supplier list?")
    adviser.set_verdict(
        received, "sufficient_with_actions", "Good start.", reviewer="J. Jansen", organisation="RVO"
    )
    adviser.add_agreed_action(
        received,
        Action(
            id="x1",
            action="Draw up an ESAP with Atradius DSB",
            item_keys=["mini/ekv-esap"],
            due=dt.date(2027, 3, 1),
            priority="high",
        ),
    )


def test_assessments_verdict_and_agreed_actions_are_stored_on_the_received_dossier(pair) -> None:
    _, adviser, _, received = pair
    _review(adviser, received)
    review = adviser.get_received(received).review
    assert {i.key: i.assessment for i in review.items} == {
        "mini/policy": "accepted",
        "mini/ekv-esap": "insufficient",
        "mini/remarks": "question",
    }
    assert review.verdict == "sufficient_with_actions" and review.reviewer == "J. Jansen"
    assert review.agreed_actions[0].agreed_with_adviser
    assert review.agreed_actions[0].due == dt.date(2027, 3, 1)
    again = adviser.assess_item(received, "mini/policy", "accepted")
    assert not again
    changed = adviser.assess_item(received, "mini/policy", "question", "Which year?")
    assert changed.touches("review", "mini/policy")
    assert adviser.clear_assessment(received, "mini/policy")
    assert len(adviser.review_of(received).items) == 2
    changed = adviser.update_agreed_action(received, "x1", due=dt.date(2027, 4, 1))
    assert changed.fields == {"due"}
    assert adviser.remove_agreed_action(received, "x1")
    assert adviser.review_of(received).agreed_actions == []


def test_every_review_edit_and_received_revision_is_in_the_review_history(
    pair, tmp_path: Path
) -> None:
    company, adviser, dossier, received = pair
    _review(adviser, received)
    adviser.assess_item(received, "mini/policy", "accepted")  # no change: no row
    adviser.assess_item(received, "mini/policy", "question", "Which year?")
    adviser.update_agreed_action(received, "x1", due=dt.date(2027, 4, 1))
    company.answer(dossier.id, "mini", "remarks", value="Supplier list attached.")
    company.export_pdf(dossier.id, tmp_path / "d2.pdf", lang="nl")
    adviser.import_file(tmp_path / "d2.pdf")
    rows = adviser.review_history(received)
    assert {r.who for r in rows} == {"adviser"}
    steps = [(r.entity, r.entity_id, r.field) for r in rows]
    assert steps[0] == ("revision", "1", "received") and rows[0].new == "d.pdf"
    assert steps[-1] == ("revision", "2", "received") and rows[-1].new == "d2.pdf"
    assert ("review", "mini/ekv-esap", "assessment") in steps
    assert ("agreed_action", "x1", "added") in steps
    [due] = [r for r in rows if r.field == "due"]
    assert (due.old, due.new) == ("2027-03-01", "2027-04-01")
    policy = [r for r in rows if r.entity_id == "mini/policy"]
    assert [(r.old, r.new) for r in policy] == [
        (None, "accepted: "),
        ("accepted: ", "question: Which year?"),
    ]
    assert adviser.review_history(received, limit=1) == rows[-1:]
    assert company.history(dossier.id)[-1].entity != "review", "the company's log is its own"
    adviser.delete_received(received)
    with pytest.raises(NotFound):
        adviser.review_history(received)


def test_putting_back_an_earlier_review_state_undoes_it_and_logs_each_difference(pair) -> None:
    _, adviser, _, received = pair
    adviser.assess_item(received, "mini/policy", "accepted")
    earlier = adviser.review_of(received)
    _review(adviser, received)
    adviser.update_agreed_action(received, "x1", priority="low")
    later = adviser.review_of(received)
    logged = len(adviser.review_history(received))

    undone = adviser.put_review(received, earlier)
    assert adviser.review_of(received) == earlier
    assert {(c.entity, c.field) for c in undone.changes} == {
        ("review", "assessment"),
        ("review", "verdict"),
        ("review", "verdict_note"),
        ("review", "reviewer"),
        ("review", "organisation"),
        ("agreed_action", "removed"),
    }
    assert len(adviser.review_history(received)) == logged + len(undone.changes)
    redone = adviser.put_review(received, later)
    assert adviser.review_of(received) == later
    assert ("agreed_action", "added") in {(c.entity, c.field) for c in redone.changes}
    assert not adviser.put_review(received, later), "the same state again changes nothing"
    foreign = later.model_copy(
        update={"items": [*later.items, later.items[0].model_copy(update={"item_id": "nope"})]}
    )
    with pytest.raises(InvalidInput, match="no item"):
        adviser.put_review(received, foreign)
    assert adviser.review_of(received) == later


def test_bad_review_input_is_refused(pair) -> None:
    _, adviser, _, received = pair
    with pytest.raises(InvalidInput, match="unknown"):
        adviser.assess_item(received, "mini/policy", "great")
    with pytest.raises(InvalidInput, match="not an item"):
        adviser.assess_item(received, "other/policy", "accepted")
    with pytest.raises(InvalidInput, match="no item"):
        adviser.assess_item(received, "mini/nothing", "accepted")
    with pytest.raises(InvalidInput, match="unknown"):
        adviser.set_verdict(received, "maybe")


def test_the_review_file_round_trip_adds_comments_and_agreed_actions(pair, tmp_path: Path) -> None:
    company, adviser, dossier, received = pair
    _review(adviser, received)
    exported = adviser.export_review_file(received, tmp_path / "r.ddreview")
    document = json.loads(exported.path.read_text())
    assert document["format"] == "ddcheck-review" and document["format_version"] == 2
    assert document["signature"]["algorithm"] == "ecdsa-p256-sha256"
    assert document["dossier_id"] == dossier.id
    assert document["reviewed_fingerprint"] == adviser.get_received(received).revision.fingerprint
    answers_before = company.get_dossier(dossier.id).answers
    changes = company.load_review(exported.path)
    assert changes.touches("review") and changes.touches("action")
    after = company.get_dossier(dossier.id)
    assert after.answers == answers_before
    review = after.reviews[-1]
    assert review.verdict == "sufficient_with_actions"
    assert {i.key for i in review.items} == {"mini/policy", "mini/ekv-esap", "mini/remarks"}
    agreed = [a for a in after.actions if a.agreed_with_adviser]
    assert [a.action for a in agreed] == ["Draw up an ESAP with Atradius DSB"]
    assert (
        agreed[0].id == agreed_action_id(dossier.id, review.id, "x1") and agreed[0].status == "open"
    )
    before = dump(company.paths.database)
    assert not company.load_review(exported.path)
    assert dump(company.paths.database) == before


def test_the_company_keeps_its_progress_on_an_agreed_action_when_a_newer_review_arrives(
    pair, tmp_path: Path
) -> None:
    company, adviser, dossier, received = pair
    _review(adviser, received)
    company.load_review(adviser.export_review_file(received, tmp_path / "r1.ddreview").path)
    local = next(a for a in company.get_dossier(dossier.id).actions if a.agreed_with_adviser)
    company.update_action(dossier.id, local.id, status="in_progress")
    adviser.set_verdict(received, "sufficient", "Thanks.")
    changes = company.load_review(
        adviser.export_review_file(received, tmp_path / "r2.ddreview").path
    )
    assert changes.touches("review") and not changes.touches("action")
    after = company.get_dossier(dossier.id)
    assert [r.verdict for r in after.reviews] == ["sufficient"]
    assert next(a for a in after.actions if a.id == local.id).status == "in_progress"


def test_a_changed_or_foreign_review_file_is_refused(pair, tmp_path: Path) -> None:
    company, adviser, _, received = pair
    _review(adviser, received)
    path = adviser.export_review_file(received, tmp_path / "r.ddreview").path
    before = dump(company.paths.database)
    tampered = tmp_path / "tampered.ddreview"
    tampered.write_text(path.read_text().replace("Good start.", "Excellent!"))
    with pytest.raises(ImportRefused, match="changed after it was exported"):
        company.import_file(tampered)
    with (
        open_workspace(tmp_path / "other") as other,
        pytest.raises(ImportRefused, match="not in this workspace"),
    ):
        other.load_review(path)
    assert dump(company.paths.database) == before


@requires_poppler
def test_right_to_left_comments_in_the_review_pdf_are_shaped_and_in_reading_order(
    pair, tmp_path: Path
) -> None:
    import unicodedata

    from tests.report.pdf_tools import flat, pdf_text

    _, adviser, _, received = pair
    comment = "Vraag de lijst op bij شركة البناء المتحدة voor 1 maart."
    arabic = "يرجى إرسال عقود العمال الموقعة مع وكالة التوظيف قبل الزيارة القادمة إلى الرياض"
    adviser.assess_item(received, "mini/policy", "question", comment)
    adviser.assess_item(received, "mini/remarks", "insufficient", arabic)
    out = adviser.export_review_pdf(received, tmp_path / "review.pdf", lang="nl").path
    raw = pdf_text(out).translate(dict.fromkeys(range(0x202A, 0x202F)))
    text = unicodedata.normalize("NFKC", flat(raw))
    assert "Vraag de lijst op bij" in text and "شركة البناء المتحدة" in text
    assert " ".join(arabic.split()[:5]) in text
    assert any(0xFE70 <= ord(c) <= 0xFEFF for c in raw), "Arabic letters are joined"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_review_pdf_shows_verdict_comments_and_actions(pair, tmp_path: Path, lang: str) -> None:
    _, adviser, _, received = pair
    _review(adviser, received)
    adviser.assess_item(received, "mini/grievance", "question", "<b>bold?</b> & R&D")
    out = adviser.export_review_pdf(received, tmp_path / "review.pdf", lang=lang).path
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(out).pages)
    words = " ".join(text.split())
    assert "Van Dijk BV" in words
    agreed = {"nl": "Voldoende met verbeterafspraken", "en": "Sufficient with agreed actions"}
    assert agreed[lang] in words  # the app's words
    assert "An ESAP is required for ekv." in words
    assert "Draw up an ESAP with Atradius DSB" in words
    assert "<b>bold?</b> & R&D" in words
    assert ("01-03-2027" if lang == "nl" else "2027-03-01") in words
    assert "mini/" not in words  # items by number and question, never by their internal key


def _readdressed(path: Path, dossier_id: str, out: Path) -> Path:
    """Return a copy of a review file addressed to another dossier, fingerprint recomputed."""
    from ddcheck.exchange.review_file import parse_review_file, review_file_bytes

    review_file = replace(parse_review_file(path.read_bytes()), dossier_id=dossier_id)
    out.write_bytes(review_file_bytes(review_file)[0])
    return out


def test_a_review_file_for_one_dossier_never_touches_another(pair, tmp_path: Path) -> None:
    company, adviser, dossier, received = pair
    _review(adviser, received)
    company.load_review(adviser.export_review_file(received, tmp_path / "a.ddreview").path)
    stored_a = company.get_dossier(dossier.id)
    other = filled(company, company="Other BV")
    # the same review (same review id, same agreed action id) addressed to the other dossier
    crafted = _readdressed(tmp_path / "a.ddreview", other.id, tmp_path / "b.ddreview")
    changes = company.load_review(crafted)
    assert changes.dossier_id == other.id
    after_a = company.get_dossier(dossier.id)
    assert after_a.reviews == stored_a.reviews and after_a.actions == stored_a.actions
    after_b = company.get_dossier(other.id)
    assert [r.id for r in after_b.reviews] == [r.id for r in stored_a.reviews]
    agreed = [a for a in after_b.actions if a.agreed_with_adviser]
    assert [a.id for a in agreed] == [agreed_action_id(other.id, stored_a.reviews[0].id, "x1")]
    assert not set(a.id for a in agreed) & {a.id for a in after_a.actions}
    # the adviser changes the review of the first dossier: only that one follows
    adviser.set_verdict(received, "insufficient", "Not enough.")
    company.load_review(adviser.export_review_file(received, tmp_path / "a2.ddreview").path)
    assert company.get_dossier(dossier.id).reviews[0].verdict == "insufficient"
    assert company.get_dossier(other.id).reviews[0].verdict == "sufficient_with_actions"


def test_a_review_none_of_whose_items_is_in_the_dossier_is_refused(pair, tmp_path: Path) -> None:
    from ddcheck.domain.dossier import ItemReview
    from ddcheck.exchange.review_file import parse_review_file, review_file_bytes

    company, adviser, _, received = pair
    _review(adviser, received)
    path = adviser.export_review_file(received, tmp_path / "a.ddreview").path
    review_file = parse_review_file(path.read_bytes())
    items = [ItemReview(template_id="elsewhere", item_id="q1", assessment="accepted")]
    review = review_file.review.model_copy(update={"items": items, "agreed_actions": []})
    crafted = tmp_path / "foreign.ddreview"
    crafted.write_bytes(review_file_bytes(replace(review_file, review=review))[0])
    before = dump(company.paths.database)
    with pytest.raises(ImportRefused, match="not a review of dossier"):
        company.import_file(crafted)
    assert dump(company.paths.database) == before
