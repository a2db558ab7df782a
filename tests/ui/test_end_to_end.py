"""The whole story a first-time user follows: new dossier for a Saudi mission, fill in the
self-scan, attach a document, turn a gap into an action, export the adviser PDF and read it."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from PySide6.QtCore import Qt

from ddcheck.ui.main_window import PAGE_CHECKLIST


def test_first_time_user_prepares_a_saudi_mission_and_exports_the_pdf(
    qtbot: Any,
    real_controller: Any,
    real_ws: Any,
    prompts: Any,
    tmp_path: Path,
) -> None:
    window = real_controller.window
    assert window.dossiers.currentWidget() is window.dossiers.welcome

    def wizard(w: Any) -> Any:
        qtbot.addWidget(w)
        w.show()
        qtbot.keyClicks(w.company_page.name, "Van Dijk Pompen B.V.")
        qtbot.keyClicks(w.company_page.kvk, "12345678")
        w.next()
        qtbot.keyClicks(w.mission_page.name, "Trade mission Saudi Arabia 2027")
        qtbot.keyClicks(w.mission_page.countries.search, "Saudi")
        qtbot.keyClick(w.mission_page.countries.search, Qt.Key.Key_Return)
        qtbot.mouseClick(w.mission_page.activities["export"], Qt.MouseButton.LeftButton)
        w.mission_page.language.setCurrentIndex(w.mission_page.language.findData("en"))
        w.next()
        assert "oecd-selfscan" in w.checklists_page.applying()
        return w.result_value()

    prompts.wizard = wizard
    qtbot.mouseClick(window.dossiers.welcome.new_button, Qt.MouseButton.LeftButton)
    session = window.session
    assert session is not None
    page = window.page(PAGE_CHECKLIST)

    # Fill in everything by keyboard: the number key chooses an option, text is typed,
    # Ctrl+J jumps to the next open item until every item that applies has an answer.
    selfscan = [e for e in session.summary.entries if e.template.id == "oecd-selfscan"]
    assert len(selfscan) > 30
    page.select(session.summary.entries[0].key)
    for _ in range(400):
        entry = session.entry(page.current_key())
        scale = entry.template.scale_for(entry.item)
        if scale.is_choice:
            number = next(
                n
                for n, o in enumerate(scale.options, 1)
                if not (o.needs_justification or o.red_flag or o.id in entry.item.red_flags)
            )
            page.tree.setFocus()
            qtbot.keyClick(page.tree, Qt.Key.Key_0 + number)
        elif scale.kind in ("text", "number"):
            widget = page.panel.editor._text or page.panel.editor._line
            qtbot.keyClicks(widget, "12" if scale.kind == "number" else "Described in our policy")
            page.panel.flush()
        else:
            session.set_answer(entry.key, value="2027-01-15")
        page.tree.setFocus()
        qtbot.keyClick(page.tree, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
        if ("inform", "Every item that applies has an answer.") in prompts.asked:
            break
    overall = session.summary.overall
    assert overall.answered == overall.total
    assert real_controller.window.saved.text().startswith("All changes saved")

    # A gap: the first yes/partly/no question answered "No", with a note.
    gap_entry = next(e for e in selfscan if e.template.scale_for(e.item).id == "status")
    page.select(gap_entry.key)
    qtbot.keyClick(page.panel, Qt.Key.Key_3)
    qtbot.keyClicks(page.panel.note, "No written policy yet")
    page.panel.flush()
    assert page.panel.gap_text.isVisibleTo(page.panel)

    # Attach a document by the file dialog.
    policy = tmp_path / "Draft human rights policy.pdf"
    policy.write_bytes(b"%PDF-1.4 draft policy")
    prompts.files.append([policy])
    qtbot.mouseClick(page.panel.evidence.add_button, Qt.MouseButton.LeftButton)
    assert page.panel.evidence.list.count() == 1

    # Turn the gap into an action.
    def action(dialog: Any) -> Any:
        qtbot.keyClicks(dialog.owner, "Anna de Vries")
        dialog.due.setDate(dialog.due.date().fromString("2027-01-31", "yyyy-MM-dd"))
        return dialog.result_value()

    prompts.action_editor = action
    qtbot.mouseClick(page.panel.create_action, Qt.MouseButton.LeftButton)
    stored = real_ws.get_dossier(session.dossier_id)
    assert [a.item_keys for a in stored.actions] == [[gap_entry.key]]
    assert stored.evidence[0].name == "Draft human rights policy.pdf"

    # Export the adviser PDF and read it back.
    target = tmp_path / "adviser.pdf"

    def export(dialog: Any) -> None:
        dialog.path.setText(str(target))
        assert dialog.audience.currentData() == "adviser"
        findings = [dialog.findings.item(i).text() for i in range(dialog.findings.count())]
        assert dialog.export_button.isEnabled(), findings
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.running, timeout=120000)
        assert dialog.result_path == target, dialog.status.text()

    prompts.export_handler = export
    qtbot.mouseClick(window.export_button, Qt.MouseButton.LeftButton)
    assert target.is_file(), prompts.asked
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Van Dijk Pompen" in text
    assert "No written policy yet" in text
    assert "Anna de Vries" in text
    assert "Draft human rights policy.pdf" in text
    (_name, payloads), *_ = reader.attachments.items()
    data = json.loads(payloads[0])
    assert "Van Dijk Pompen" in json.dumps(data)
