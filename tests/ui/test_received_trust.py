"""Accepting a company's new key on the received dossier's "Signed with another key" badge."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from ddcheck.exchange.signing import SigningKey
from ddcheck.services.export import export_pdf
from ddcheck.store import signing as signing_rows
from tests.ui.adviser_helpers import adviser, company, company_pdf, make_ctx_for

__all__ = ["adviser", "company", "company_pdf"]  # fixtures used below

LATER = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)


def _badges(page: Any) -> list[str]:
    return [w.text() for w in page.findChildren(QLabel) if w.isVisibleTo(page)]


def test_the_badge_offers_to_accept_the_key_after_confirmation(
    qtbot: Any, prompts: Any, company: Any, adviser: Any, company_pdf: Any, tmp_path: Path
) -> None:
    from ddcheck.ui.pages.received import ReceivedPage
    from ddcheck.ui.review_session import ReviewSession

    dossier, pdf = company_pdf
    received_id = adviser.import_file(pdf).received_id
    new_laptop = SigningKey.create("Company (new laptop)", LATER)
    snapshot = company.snapshot(dossier.id).model_copy(update={"generated_at": LATER})
    export_pdf(snapshot, tmp_path / "v2.pdf", lang="en", key=new_laptop)
    assert adviser.import_file(tmp_path / "v2.pdf").warnings
    ctx = make_ctx_for(tmp_path, adviser, prompts)
    page = ReceivedPage(ctx, ReviewSession(adviser, received_id, "en", ctx.now), None)
    qtbot.addWidget(page)
    page.show()
    assert "Signed with another key" in _badges(page)
    assert page.trust_button is not None and page.trust_button.isVisible()

    prompts.confirms.append(False)  # not now: nothing changes
    qtbot.mouseClick(page.trust_button, Qt.MouseButton.LeftButton)
    assert prompts.asked[-1][0] == "confirm" and "only after checking" in prompts.asked[-1][1]
    assert adviser.get_received(received_id).revision.signature == "other_key"
    assert "Signed with another key" in _badges(page)

    prompts.confirms.append(True)
    with qtbot.waitSignal(page.changed, timeout=5000):
        qtbot.mouseClick(page.trust_button, Qt.MouseButton.LeftButton)
    assert "Signed with another key" not in _badges(page)
    assert page.trust_button is None
    pin = signing_rows.pinned(adviser._store.conn, "dossier", dossier.id)
    assert pin is not None and pin.key_id == new_laptop.signer.key_id
    assert adviser.get_received(received_id).revision.signature == "signed"
    [entry] = [h for h in adviser.review_history(received_id) if h.field == "key_trusted"]
    from ddcheck.ui.pages.review_history import ReviewHistoryWords

    words = ReviewHistoryWords(lambda key: key)
    assert words.describe(entry) == f"New signing key {entry.entity_id} accepted"
    assert "\u202e" not in words.value(entry, "Company\u202e (new laptop)")


def test_an_older_version_offers_no_button(
    qtbot: Any, prompts: Any, company: Any, adviser: Any, company_pdf: Any, tmp_path: Path
) -> None:
    from ddcheck.ui.pages.received import ReceivedPage
    from ddcheck.ui.review_session import ReviewSession

    dossier, pdf = company_pdf
    snapshot = company.snapshot(dossier.id)
    mallory = SigningKey.create("Mallory", LATER)
    export_pdf(snapshot.model_copy(update={"generated_at": LATER}), tmp_path / "m.pdf",
               lang="en", key=mallory)  # fmt: skip
    received_id = adviser.import_file(pdf).received_id
    adviser.import_file(tmp_path / "m.pdf")
    later = LATER + dt.timedelta(days=1)
    export_pdf(snapshot.model_copy(update={"generated_at": later}), tmp_path / "v3.pdf",
               lang="en", key=company.signing_key())  # fmt: skip
    adviser.import_file(tmp_path / "v3.pdf")
    ctx = make_ctx_for(tmp_path, adviser, prompts)
    page = ReceivedPage(ctx, ReviewSession(adviser, received_id, "en", ctx.now), None)
    qtbot.addWidget(page)
    page.load(2)
    assert adviser.get_received(received_id, 2).revision.signature == "other_key"
    assert page.trust_button is None
