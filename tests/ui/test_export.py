"""Export: gate warnings first, background task with progress, cancel, and the PDF read back."""

from __future__ import annotations

import io
import threading
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from PySide6.QtCore import Qt

from ddcheck.ui.dialogs.export_dialog import ExportDialog
from ddcheck.ui.main_window import PAGE_CHECKLIST


def answer_everything(controller: Any) -> None:
    """Answer every applicable item 'yes' / first option / some text."""
    page = controller.window.page(PAGE_CHECKLIST)
    session = page.session
    for entry in list(session.summary.entries):
        scale = entry.template.scale_for(entry.item)
        if scale.is_choice:
            option = next(
                o
                for o in scale.options
                if not o.red_flag and not o.needs_justification and not o.gap
            )
            value: Any = option.id if scale.kind == "single" else [option.id]
        elif scale.kind == "number":
            value = 3.0
        elif scale.kind == "date":
            value = "2027-01-01"
        else:
            value = "Answered in the test"
        session.set_answer(entry.key, value=value)


def test_export_writes_a_pdf_with_the_answers_and_offers_to_open_it(
    qtbot: Any, controller: Any, saudi: Any, prompts: Any, tmp_path: Path
) -> None:
    controller.open_dossier(saudi.id)
    session = controller.session
    key = session.summary.entries[0].key
    session.set_answer(
        key, value="Our buyer is the Riyadh Water Company", note="Contract signed in 2026"
    )
    target = tmp_path / "out" / "adviser.pdf"
    prompts.open_result = True
    dialogs: list[ExportDialog] = []

    def handle(dialog: ExportDialog) -> None:
        dialogs.append(dialog)
        assert dialog.findings.count() > 0  # unanswered items are listed before exporting
        assert dialog.export_button.isEnabled()
        dialog.path.setText(str(target))
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        dialog.path.setText(str(target))
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        assert dialog.progress.isVisible()
        qtbot.waitUntil(lambda: not dialog.running, timeout=60000)

    prompts.export_handler = handle
    controller.window.export_button.click()
    assert target.is_file()
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Van Dijk Pompen" in text
    assert "Riyadh Water Company" in text
    assert reader.attachments, "the dossier JSON is embedded"
    assert ("ask_open_result", str(target)) in prompts.asked
    assert controller.ctx.open_path == [target]


def test_red_flag_without_action_blocks_the_adviser_export_and_leads_to_the_item(
    qtbot: Any, controller: Any, saudi: Any, prompts: Any
) -> None:
    controller.open_dossier(saudi.id)
    session = controller.session
    flagged = next(
        e
        for e in session.summary.entries
        if e.template.scale_for(e.item).is_choice
        and any(
            o.red_flag or o.id in e.item.red_flags for o in e.template.scale_for(e.item).options
        )
    )
    scale = flagged.template.scale_for(flagged.item)
    red = next(o for o in scale.options if o.red_flag or o.id in flagged.item.red_flags)
    session.set_answer(flagged.key, value=red.id, note="Honest answer")

    def handle(dialog: ExportDialog) -> None:
        assert not dialog.export_button.isEnabled()
        assert dialog.gate_title.text() == "Fix these before exporting for the adviser"
        dialog.audience.setCurrentIndex(dialog.audience.findData("internal"))
        assert dialog.export_button.isEnabled()
        dialog.audience.setCurrentIndex(dialog.audience.findData("adviser"))
        row = next(
            i
            for i in range(dialog.findings.count())
            if dialog.findings.item(i).data(Qt.ItemDataRole.UserRole + 1) == flagged.key
        )
        dialog.findings.itemDoubleClicked.emit(dialog.findings.item(row))

    prompts.export_handler = handle
    controller.export()
    assert controller.window.current_page() == PAGE_CHECKLIST
    assert controller.window.page(PAGE_CHECKLIST).current_key() == flagged.key


def test_cancel_stops_the_export_and_writes_nothing(
    qtbot: Any, controller: Any, saudi: Any, tmp_path: Path
) -> None:
    controller.open_dossier(saudi.id)
    started = threading.Event()

    def slow_export(snapshot: Any, path: Path, *, progress: Any, cancel: Any, **_kw: Any) -> None:
        started.set()
        for step in range(2000):
            progress(step, 2000)
            if cancel():
                from ddcheck.report.errors import ExportCancelled

                raise ExportCancelled("cancelled")
            threading.Event().wait(0.005)
        path.write_bytes(b"late")

    dialog = ExportDialog(
        controller.ctx, controller.session, export_fn=slow_export, parent=controller.window
    )
    qtbot.addWidget(dialog)
    dialog.show()
    target = tmp_path / "never.pdf"
    dialog.path.setText(str(target))
    dialog.start()
    assert started.wait(5)
    qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=5000)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=10000)
    assert dialog.status.text() == "Export cancelled; nothing was written."
    assert not target.exists()
    assert dialog.isVisible()


def test_export_dialog_writes_a_workbook_when_excel_is_chosen(
    qtbot: Any, controller: Any, saudi: Any, prompts: Any, tmp_path: Path
) -> None:
    import openpyxl

    controller.open_dossier(saudi.id)
    session = controller.session
    key = session.summary.entries[0].key
    session.set_answer(key, value="Our buyer is the Riyadh Water Company", note="=1+1")
    folder = tmp_path / "out"
    folder.mkdir()

    def handle(dialog: ExportDialog) -> None:
        assert dialog.windowTitle() == "Export"
        dialog.audience.setCurrentIndex(dialog.audience.findData("internal"))
        dialog.file_type.setCurrentIndex(dialog.file_type.findData(".xlsx"))
        assert dialog.path.text().endswith(" - internal.xlsx")
        dialog.path.setText(str(folder / "dossier"))  # the suffix is added
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.running, timeout=60000)

    prompts.export_handler = handle
    controller.window.export_button.click()
    target = folder / "dossier.xlsx"
    assert target.is_file(), prompts.asked
    book = openpyxl.load_workbook(target)
    cells = [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert "Our buyer is the Riyadh Water Company" in cells
    assert "=1+1" in cells  # a text cell, not a formula
    assert ("ask_open_result", str(target)) in prompts.asked


def test_the_export_check_names_expired_evidence_in_the_chosen_language(
    qtbot: Any, controller: Any, fake_ws: Any, prompts: Any
) -> None:
    import datetime as dt

    from ddcheck.domain.dossier import Answer, Company, Evidence, Mission

    mission = Mission(
        name="Riyad 2027", destinations=["SA"], start=dt.date(2027, 2, 14), end=dt.date(2027, 2, 18)
    )
    dossier = fake_ws.create_dossier(
        Company(name="Van Dijk BV", kvk_number="12345678"), mission, "nl"
    )
    link = Evidence(
        id="ev-link",
        name="audit 2026.pdf",
        size=0,
        sha256="e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        added_at=dt.datetime(2026, 11, 23, tzinfo=dt.UTC),
        location="S:\\HR\\audit 2026.pdf",
        valid_until=dt.date(2027, 2, 1),
    )
    stored = fake_ws.dossiers[dossier.id]
    stored.evidence.append(link)
    template_id = stored.templates[0].id
    item_id = fake_ws.templates[template_id].sections[0].items[0].id
    stored.answers.append(Answer(template_id=template_id, item_id=item_id, evidence_ids=[link.id]))
    controller.open_dossier(dossier.id)
    seen: dict[str, list[str]] = {}

    def handle(dialog: ExportDialog) -> None:
        for lang in ("nl", "en"):
            dialog.language.setCurrentIndex(dialog.language.findData(lang))
            seen[lang] = [dialog.findings.item(i).text() for i in range(dialog.findings.count())]

    prompts.export_handler = handle
    controller.export()
    assert any("audit 2026.pdf, geldig tot 01-02-2027" in t for t in seen["nl"]), seen["nl"]
    assert any("18-02-2027" in t and "verlopen" in t for t in seen["nl"])
    assert any("audit 2026.pdf, valid until 2027-02-01" in t for t in seen["en"]), seen["en"]
