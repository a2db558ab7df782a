"""File → Import and drag and drop of a returned hand-out: every change shown before it is saved,
conflicts asked one by one, the colleague's name in the history."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from ddcheck.domain.applicability import applicable_items
from tests.ui.test_with_workspace import create_saudi


def _filled_handout(real_ws: Any, tmp_path: Path) -> tuple[Any, dict[str, int], Path]:
    """Hand out one section to Fatima; she changes one answer and one note."""
    dossier = create_saudi(real_ws)
    entries = [
        e
        for e in applicable_items(dossier, real_ws.catalog.templates)
        if e.template.scale_for(e.item).id == "status"
    ]
    section = entries[0].section.id
    status = {e.key for e in entries if e.section.id == section}
    real_ws.write_handout(dossier.id, tmp_path / "h.xlsx", to="Fatima Haddad", sections=[section])
    book = openpyxl.load_workbook(tmp_path / "h.xlsx")
    ws = book["Questions"]
    rows = {ws[f"A{r}"].value: r for r in range(2, ws.max_row + 1) if ws[f"A{r}"].value in status}
    return dossier, rows, tmp_path / "h.xlsx"


def _edit(path: Path, target: Path, cells: dict[str, str]) -> Path:
    book = openpyxl.load_workbook(path)
    for ref, value in cells.items():
        book["Questions"][ref] = value
    book.save(target)
    return target


def test_import_shows_the_changes_asks_about_the_conflict_and_saves_under_her_name(
    qtbot: Any, real_controller: Any, real_ws: Any, prompts: Any, tmp_path: Path
) -> None:
    dossier, rows, handout = _filled_handout(real_ws, tmp_path)
    first, second = list(rows)[:2]
    filled = _edit(
        handout,
        tmp_path / "filled.xlsx",
        {
            f"E{rows[first]}": "Partly",
            f"F{rows[second]}": "HR checked this in March",
        },
    )
    # meanwhile, in ddcheck, the second item's note changes: a conflict
    real_ws.answer(dossier.id, *second.split("/"), note="changed in ddcheck")
    real_controller.refresh_list()
    real_controller.open_dossier(dossier.id)
    seen: dict[str, Any] = {}

    def review(dialog: Any) -> None:
        qtbot.addWidget(dialog)
        table = dialog.table
        seen["rows"] = [
            [table.item(r, c).text() if table.item(r, c) else "" for c in range(4)]
            for r in range(table.rowCount())
        ]
        seen["summary"] = dialog.summary.text()
        (box,) = dialog.takes.values()
        box.setChecked(True)  # take Fatima's note after all
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    prompts.files.append([filled])
    prompts.dialog_handlers.append(review)
    real_controller.window.import_action.trigger()
    qtbot.waitUntil(lambda: any(kind == "inform" for kind, _ in prompts.asked), timeout=20000)
    assert "Fatima Haddad" in seen["summary"] and "also changed in ddcheck" in seen["summary"]
    by_field = {(r[1], r[2], r[3]) for r in seen["rows"]}
    assert ("Answer", "—", "Partly") in by_field
    assert ("Note", "changed in ddcheck", "HR checked this in March") in by_field
    assert all(r[0].split()[0].count(".") == 2 for r in seen["rows"])  # "1.2.3 question"
    stored = real_ws.get_dossier(dossier.id)
    assert stored.answer(*first.split("/")).value == "partly"
    assert stored.answer(*second.split("/")).note == "HR checked this in March"
    who = {h.who for h in real_ws.history(dossier.id) if h.entity_id in (first, second)}
    assert "Fatima Haddad (hand-out)" in who
    assert "2 changes from Fatima Haddad's hand-out were saved." in prompts.asked[-1][1]


def test_a_dropped_hand_out_can_be_cancelled_and_nothing_is_saved(
    qtbot: Any, real_controller: Any, real_ws: Any, prompts: Any, tmp_path: Path
) -> None:
    dossier, rows, handout = _filled_handout(real_ws, tmp_path)
    key = next(iter(rows))
    filled = _edit(handout, tmp_path / "dropped.xlsx", {f"E{rows[key]}": "No"})
    before = real_ws.history(dossier.id)

    def cancel(dialog: Any) -> None:
        qtbot.addWidget(dialog)
        assert dialog.table.rowCount() == 1 and not dialog.takes
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    prompts.dialog_handlers.append(cancel)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(filled))])
    drop = QDropEvent(
        QPointF(QPoint(400, 300)),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window = real_controller.window
    assert real_controller.adviser.receiver.eventFilter(window, drop)
    qtbot.waitUntil(lambda: any(kind == "inform" for kind, _ in prompts.asked), timeout=20000)
    assert "nothing was saved" in prompts.asked[-1][1]
    assert real_ws.history(dossier.id) == before


def test_a_hand_out_for_another_dossier_is_refused_with_the_reason(
    qtbot: Any, real_controller: Any, real_ws: Any, prompts: Any, tmp_path: Path
) -> None:
    _dossier, _rows, handout = _filled_handout(real_ws, tmp_path)
    book = openpyxl.load_workbook(handout)
    book["ddcheck"]["B2"] = "0000000000000000"
    book.save(tmp_path / "other.xlsx")
    real_controller.import_files([tmp_path / "other.xlsx"])
    qtbot.waitUntil(lambda: any(kind == "error" for kind, _ in prompts.asked), timeout=20000)
    assert "another dossier" in prompts.asked[-1][1]


def test_hand_out_sections_from_the_file_menu_writes_the_workbook(
    qtbot: Any, real_controller: Any, real_ws: Any, prompts: Any, tmp_path: Path
) -> None:
    dossier = create_saudi(real_ws)
    real_controller.refresh_list()
    real_controller.open_dossier(dossier.id)
    window = real_controller.window
    assert window.handout_action.isEnabled()
    target = tmp_path / "out" / "fatima"
    target.parent.mkdir()

    def choose(dialog: Any) -> None:
        qtbot.addWidget(dialog)
        assert dialog.sections.count() > 1
        assert dialog.sections.item(0).text().startswith("1.")
        qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and "Tick at least one section" in dialog.problem.text()
        dialog.sections.item(0).setCheckState(Qt.CheckState.Checked)
        qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
        assert "Name the colleague" in dialog.problem.text()
        qtbot.keyClicks(dialog.colleague, "Fatima Haddad")
        qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)

    prompts.dialog_handlers.append(choose)
    prompts.save_paths.append(target)
    window.handout_action.trigger()
    written = target.with_name("fatima.xlsx")
    assert written.is_file(), prompts.asked
    assert "questions for Fatima Haddad" in prompts.asked[-1][1]
    book = openpyxl.load_workbook(written)
    assert (
        book["ddcheck"]["B2"].value == dossier.id and book["ddcheck"]["B3"].value == "Fatima Haddad"
    )


def test_evidence_as_a_link_is_asked_for_and_opened_only_after_asking(
    qtbot: Any, real_controller: Any, real_ws: Any, prompts: Any
) -> None:
    from ddcheck.ui.main_window import PAGE_CHECKLIST

    dossier = create_saudi(real_ws)
    real_controller.refresh_list()
    real_controller.open_dossier(dossier.id)
    page = real_controller.window.page(PAGE_CHECKLIST)
    key = page.session.summary.entries[0].key
    page.select(key)
    opened: list[str] = []
    real_controller.ctx.open_location = opened.append
    url = "https://sharepoint.example.com/hr/Gedragscode.pdf"
    prompts.texts += [url, "next March", "2027-03-01"]
    qtbot.mouseClick(page.panel.evidence.link_button, Qt.MouseButton.LeftButton)
    assert any(kind == "error" and "not a date" in text for kind, text in prompts.asked)
    (evidence,) = real_ws.get_dossier(dossier.id).evidence
    assert evidence.location == url and str(evidence.valid_until) == "2027-03-01"
    assert evidence.id in real_ws.get_dossier(dossier.id).answer(*key.split("/")).evidence_ids
    shown = page.panel.evidence.list.item(0)
    assert "link" in shown.text() and "valid until 2027-03-01" in shown.text()
    assert shown.toolTip() == url
    page.panel.evidence.list.setCurrentRow(0)
    prompts.confirms.append(False)
    qtbot.mouseClick(page.panel.evidence.open_button, Qt.MouseButton.LeftButton)
    assert opened == []  # asked first; the answer was no
    prompts.confirms.append(True)
    qtbot.mouseClick(page.panel.evidence.open_button, Qt.MouseButton.LeftButton)
    assert opened == [url]
