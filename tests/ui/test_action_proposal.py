"""'Create action' on a flagged item in the app offers what the services (and CLI) propose."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from ddcheck.ui.main_window import PAGE_CHECKLIST
from tests.ui.adviser_helpers import company, start_app

__all__ = ["company"]  # fixture used below


def test_create_action_from_a_gap_uses_the_services_proposal(
    qtbot: Any, company: Any, tmp_path: Path, prompts: Any
) -> None:
    from ddcheck.services.demo import build_demo

    dossier = build_demo(company, lang="nl")  # a Dutch dossier in the English app
    proposal = company.propose_actions(dossier.id)[0]
    key = proposal.item_keys[0]
    app = start_app(qtbot, tmp_path / "company-ui", company, prompts)
    app.open_dossier(dossier.id)
    page = app.window.page(PAGE_CHECKLIST)
    page.select(key)
    seen: dict[str, Any] = {}

    def fill(dialog: Any) -> Any:
        seen["gap"] = dialog.gap.toPlainText()
        seen["what"] = dialog.what.toPlainText()
        return dialog.result_value()

    prompts.action_editor = fill
    qtbot.mouseClick(page.panel.create_action, Qt.MouseButton.LeftButton)
    assert seen == {"gap": proposal.gap, "what": proposal.action}
    assert proposal.gap in ("Het antwoord laat een tekort zien.", "Het antwoord is een rode vlag.")
    stored = [a for a in company.get_dossier(dossier.id).actions if key in a.item_keys]
    assert len(stored) == 1
    fields = ("item_keys", "standard_ref", "gap", "action", "priority")
    assert {f: getattr(stored[0], f) for f in fields} == {f: getattr(proposal, f) for f in fields}
    assert key not in {k for a in company.propose_actions(dossier.id) for k in a.item_keys}
