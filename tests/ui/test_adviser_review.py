"""The adviser's side in the app: read a received dossier, review it; the company loads it back."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from ddcheck.ui.main_window import PAGE_ACTIONS, PAGE_CHECKLIST
from tests.ui.adviser_helpers import adviser, company, company_pdf, import_files, start_app

__all__ = ["adviser", "company", "company_pdf"]  # fixtures used by the tests below


def test_round_trip_between_two_workspaces_through_the_app(
    qtbot: Any,
    qtmodeltester: Any,
    company: Any,
    adviser: Any,
    company_pdf: tuple[Any, Path],
    tmp_path: Path,
    prompts: Any,
) -> None:
    dossier, pdf = company_pdf
    app = start_app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    side = app.adviser
    assert not side.section.isVisibleTo(app.window)

    message = import_files(qtbot, app, prompts, [pdf])
    assert prompts.asked[-1][0] == "inform"
    assert "was received" in message and dossier.company.name in message
    assert side.section.isVisibleTo(app.window)
    assert [side.list.item(r).text() for r in range(side.list.count())] == [
        "Mission overview",
        dossier.company.name,
    ]
    assert adviser.list_dossiers() == []  # never mixed with the adviser's own
    page = side.page
    assert app.window.pages.currentWidget() is page
    assert page.heading.text() == dossier.company.name
    assert page.meta.text().startswith(dossier.mission.name) and "read-only" in page.meta.text()

    # read-only: pick an answered item, see the answer, assess it with a comment
    key = next(k for k in page.tree_model.item_keys() if page.received.rendered_answers.get(k))
    page.select(key)
    assert page.panel.answer.text() == page.received.rendered_answers[key]
    qtbot.mouseClick(page.panel.buttons["question"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.panel.comment, "Which suppliers did you visit?")
    qtbot.waitUntil(
        lambda: any(
            i.comment == "Which suppliers did you visit?"
            for i in adviser.review_of(page.received_id).items
        ),
        timeout=3000,
    )
    review = adviser.review_of(page.received_id)
    assert [(i.key, i.assessment) for i in review.items] == [(key, "question")]
    qtmodeltester.check(page.assessed)
    mark = page.assessed.mapFromSource(page.tree_model.index_of(key)).siblingAtColumn(1)
    assert mark.data() == "?" and mark.data(Qt.ItemDataRole.ToolTipRole) == "Question"
    assert app.window.saved.text() == "Review saved · 14:30"

    # verdict and an agreed action, through the real widgets
    page.tabs.setCurrentIndex(2)
    verdict = page.verdict
    verdict.verdict.setCurrentIndex(verdict.verdict.findData("sufficient_with_actions"))
    assert adviser.review_of(page.received_id).verdict == "sufficient_with_actions"

    def agree(dialog: Any) -> Any:
        dialog.what.setPlainText("Map the suppliers of the Riyadh project")
        return dialog.result_value()

    prompts.action_editor = agree
    page.panel.agreeRequested.emit(key)
    agreed = adviser.review_of(page.received_id).agreed_actions
    assert [a.action for a in agreed] == ["Map the suppliers of the Riyadh project"]
    assert agreed[0].item_keys == [key] and agreed[0].due == dt.date(2027, 2, 21)
    assert verdict.model.rowCount() == 1

    # export the review file (prompted save path)
    review_path = tmp_path / "files" / "review.ddreview"
    prompts.save_paths.append(review_path)
    qtbot.mouseClick(page.export_file_button, Qt.MouseButton.LeftButton)
    assert review_path.is_file()

    # the company loads it in its own app
    company_prompts = type(prompts)()
    company_app = start_app(qtbot, tmp_path / "company-ui", company, company_prompts)
    message = import_files(qtbot, company_app, company_prompts, [review_path])
    assert message == f"The adviser's review of “{dossier.mission.name}” was loaded."
    session = company_app.window.session
    assert session is not None and session.dossier_id == dossier.id
    remarks = session.reviews_for(key)
    assert [(r.assessment, r.comment) for r in remarks] == [
        ("question", "Which suppliers did you visit?")
    ]
    company_app.go_to_item(key)
    panel = company_app.window.page(PAGE_CHECKLIST).panel
    assert "Which suppliers did you visit?" in panel.adviser.text()
    company_app.window.show_page(PAGE_ACTIONS)
    plan = company.get_dossier(dossier.id).actions
    mine = [a for a in plan if a.action == "Map the suppliers of the Riyadh project"]
    assert len(mine) == 1 and mine[0].agreed_with_adviser
    table = company_app.window.page(PAGE_ACTIONS).model
    row = table.row_of(mine[0].id)
    assert table.index(row, 0).data() == "Agreed: Map the suppliers of the Riyadh project"
    # none of the company's own answers was overwritten
    assert company.get_dossier(dossier.id).answers == dossier.answers


def test_a_second_version_shows_what_changed(
    qtbot: Any,
    company: Any,
    adviser: Any,
    company_pdf: tuple[Any, Path],
    tmp_path: Path,
    prompts: Any,
) -> None:
    dossier, pdf = company_pdf
    app = start_app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    import_files(qtbot, app, prompts, [pdf])
    first = app.adviser.page
    assert not first.tabs.isTabEnabled(1)
    answer = next(a for a in dossier.answers if a.note and not a.confidential)
    company.answer(dossier.id, answer.template_id, answer.item_id, note="Updated after the call")
    newer = tmp_path / "files" / "dossier-v2.pdf"
    company.export_pdf(dossier.id, newer, lang="en", audience="adviser")
    message = import_files(qtbot, app, prompts, [newer])
    assert "version 2 was received" in message
    page = app.adviser.page
    assert page.revision.count() == 2 and page.tabs.isTabEnabled(1)
    rows = {
        (
            page.changes.table.item(r, 0).text(),
            page.changes.table.item(r, 2).text(),
            page.changes.table.item(r, 4).text(),
        )
        for r in range(page.changes.table.rowCount())
    }
    assert ("Answer", "note", "Updated after the call") in rows
    table = page.changes.table
    row = next(
        r for r in range(table.rowCount()) if table.item(r, 4).text() == "Updated after the call"
    )
    table.cellDoubleClicked.emit(row, 1)
    assert page.tabs.currentIndex() == 0 and page.panel.key == answer.key
    withheld = next(iter(page.received.withheld_items), None)
    if withheld:
        mark = page.assessed.mapFromSource(page.tree_model.index_of(withheld)).siblingAtColumn(1)
        assert mark.data() == "⊘" and mark.data(Qt.ItemDataRole.ToolTipRole) == "Withheld"
    assert import_files(qtbot, app, prompts, [newer]).endswith(
        "was already imported; nothing changed."
    )


def test_review_pdf_older_version_evidence_and_delete(
    qtbot: Any,
    company: Any,
    adviser: Any,
    company_pdf: tuple[Any, Path],
    tmp_path: Path,
    prompts: Any,
) -> None:
    from pypdf import PdfReader

    dossier, pdf = company_pdf
    bundle = tmp_path / "files" / "dossier.ddcheck"
    company.export_bundle(dossier.id, bundle, audience="adviser")
    app = start_app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    message = import_files(qtbot, app, prompts, [pdf, bundle])
    assert "version 2 was received" in message  # the bundle is a newer export of the same dossier
    assert adviser.list_dossiers() == []  # an adviser's bundle is received, not restored as own
    page = app.adviser.open_received(app.adviser.list.item(1).data(Qt.ItemDataRole.UserRole + 1))
    assert page.revision.count() == 2
    # evidence came with the bundle: open it
    key = next(
        a.key
        for a in page.received.dossier.answers
        if a.evidence_ids and a.key in page.entries_keys()
    )
    page.select(key)
    links = [page.panel.evidence.itemAt(i).widget() for i in range(page.panel.evidence.count())]
    assert links and links[0].text().startswith("Open ")
    qtbot.mouseClick(links[0], Qt.MouseButton.LeftButton)
    opened = app.ctx.open_path
    assert len(opened) == 1 and opened[0].is_file()
    evidence = next(e for e in page.received.dossier.evidence if e.name == opened[0].name)
    assert hashlib.sha256(opened[0].read_bytes()).hexdigest() == evidence.sha256
    # the older version is read-only history: no export from it
    page.revision.setCurrentIndex(0)
    assert page.received.revision.number == 1 and not page.export_file_button.isEnabled()
    page.revision.setCurrentIndex(1)
    assert page.export_pdf_button.isEnabled()
    out = tmp_path / "files" / "review.pdf"
    prompts.save_paths.append(out)
    qtbot.mouseClick(page.export_pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: out.is_file() and page.export_pdf_button.isEnabled(), timeout=20000)
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert dossier.company.name in text
    # delete after confirmation; the overview is empty again
    prompts.confirms.append(True)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert adviser.mission_overview().rows == ()
    assert not app.adviser.section.isVisibleTo(app.window)


def test_switching_language_keeps_the_received_dossier_open(
    qtbot: Any, adviser: Any, company_pdf: tuple[Any, Path], tmp_path: Path, prompts: Any
) -> None:
    from ddcheck.ui import i18n

    _dossier, pdf = company_pdf
    app = start_app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    import_files(qtbot, app, prompts, [pdf])
    received_id = app.adviser.page.received_id
    try:
        app.switch_language("nl")
        qtbot.addWidget(app.window)
        assert app.adviser.current_id() == received_id
        assert app.adviser.page.tabs.tabText(0) == "Vragen"
        assert app.adviser.list.item(0).text() == "Missieoverzicht"
    finally:
        i18n.set_language("en")


def test_a_comment_typed_just_before_closing_is_saved(
    qtbot: Any, adviser: Any, company_pdf: tuple[Any, Path], tmp_path: Path, prompts: Any
) -> None:
    _dossier, pdf = company_pdf
    app = start_app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    import_files(qtbot, app, prompts, [pdf])
    page = app.adviser.page
    key = page.tree_model.item_keys()[0]
    page.select(key)
    qtbot.mouseClick(page.panel.buttons["accepted"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.panel.comment, "Fine")
    page.verdict.reviewer.setText("Fatima")
    app.window.close()  # before the typing pause saved them
    review = adviser.review_of(page.received_id)
    assert [(i.assessment, i.comment) for i in review.items] == [("accepted", "Fine")]
    assert review.reviewer == "Fatima"


def test_number_keys_in_the_tree_assess_the_item(
    qtbot: Any, adviser: Any, company_pdf: tuple[Any, Path], tmp_path: Path, prompts: Any
) -> None:
    _dossier, pdf = company_pdf
    app = start_app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    import_files(qtbot, app, prompts, [pdf])
    page = app.adviser.page
    key = page.tree_model.item_keys()[1]
    page.select(key)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_1)
    assert [(i.key, i.assessment) for i in adviser.review_of(page.received_id).items] == [
        (key, "accepted")
    ]
    qtbot.keyClick(page.tree, Qt.Key.Key_3)
    assert adviser.review_of(page.received_id).items[0].assessment == "insufficient"
    assert page.panel.buttons["insufficient"].isChecked()


def test_the_history_tab_shows_versions_received_and_every_review_change_in_dutch(
    qtbot: Any,
    qtmodeltester: Any,
    adviser: Any,
    company_pdf: tuple[Any, Path],
    tmp_path: Path,
    prompts: Any,
) -> None:
    from ddcheck.ui import i18n
    from ddcheck.ui.pages.history import COL_NEW, COL_OLD, COL_WHAT, COL_WHO
    from ddcheck.ui.pages.received import TAB_HISTORY, TAB_ITEMS

    _dossier, pdf = company_pdf
    i18n.set_language("nl")
    app = start_app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    import_files(qtbot, app, prompts, [pdf])
    page = app.adviser.page
    key = next(k for k in page.tree_model.item_keys() if page.received.rendered_answers.get(k))
    page.select(key)
    qtbot.mouseClick(page.panel.buttons["question"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.panel.buttons["accepted"], Qt.MouseButton.LeftButton)
    verdict = page.verdict.verdict
    verdict.setCurrentIndex(verdict.findData("sufficient"))
    page.tabs.setCurrentIndex(TAB_HISTORY)
    model = page.history.model
    qtmodeltester.check(model)

    def row(r: int) -> tuple[str, str, str, str]:
        return tuple(model.index(r, c).data() for c in (COL_WHO, COL_WHAT, COL_OLD, COL_NEW))

    question = page.item_title(key)
    assert [row(r) for r in range(model.rowCount())] == [
        ("adviser", "Oordeel", "", "Voldoende"),
        ("adviser", f"Beoordeling: {question}", "Vraag", "Akkoord"),
        ("adviser", f"Beoordeling: {question}", "", "Vraag"),
        ("adviser", "Versie 1 ontvangen", "", pdf.name),
    ]
    assert page.history.count.text() == "4 wijzigingen"
    page.history.table.doubleClicked.emit(model.index(1, COL_WHAT))
    assert page.tabs.currentIndex() == TAB_ITEMS and page.panel.key == key


def test_review_edits_undo_and_redo_from_the_edit_menu_without_touching_the_own_dossier(
    qtbot: Any, adviser: Any, company_pdf: tuple[Any, Path], tmp_path: Path, prompts: Any
) -> None:
    from tests.ui.test_with_workspace import create_saudi

    _dossier, pdf = company_pdf
    own = create_saudi(adviser)
    app = start_app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    app.open_dossier(own.id)
    session = app.window.session
    key_own = session.entries[0].key
    session.set_answer(key_own, note="my own note")
    assert session.undo_stack.canUndo()
    import_files(qtbot, app, prompts, [pdf])
    page, window = app.adviser.page, app.window
    rid = page.received_id
    key = page.tree_model.item_keys()[0]
    page.select(key)
    qtbot.mouseClick(page.panel.buttons["question"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.panel.comment, "Which")
    page.panel.flush()
    qtbot.keyClicks(page.panel.comment, " year?")
    verdict = page.verdict.verdict
    verdict.setCurrentIndex(verdict.findData("insufficient"))
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == "&Undo: Change verdict"

    window.undo_action.trigger()  # the comment typed before the verdict was saved before it
    assert adviser.review_of(rid).verdict is None
    assert [(i.assessment, i.comment) for i in adviser.review_of(rid).items] == [
        ("question", "Which year?")
    ]
    window.undo_action.trigger()  # both comment edits are one step
    assert [(i.assessment, i.comment) for i in adviser.review_of(rid).items] == [("question", "")]
    assert page.panel.comment.toPlainText() == ""
    window.undo_action.trigger()
    assert adviser.review_of(rid).items == []
    assert page.panel.current_assessment() == ""
    assert not window.undo_action.isEnabled()
    assert adviser.get_dossier(own.id).answer(*key_own.split("/")).note == "my own note"

    window.redo_action.trigger()
    window.redo_action.trigger()
    assert [(i.assessment, i.comment) for i in adviser.review_of(rid).items] == [
        ("question", "Which year?")
    ]
    assert page.panel.comment.toPlainText() == "Which year?"
    # received, assessed, two comment saves, verdict; three undone; two redone: all logged
    assert page.history.model.rowCount() == 1 + 4 + 3 + 2
    prompts.action_editor = lambda dialog: (
        dialog.what.setPlainText("Share the supplier list"),
        dialog.result_value(),
    )[1]
    page.panel.agreeRequested.emit(key)
    [agreed] = adviser.review_of(rid).agreed_actions
    page.remove_agreed_action(agreed.id)  # removed at once, no question asked
    assert adviser.review_of(rid).agreed_actions == []
    assert window.undo_action.text() == "&Undo: Remove agreed action"
    window.undo_action.trigger()
    assert adviser.review_of(rid).agreed_actions == [agreed]
    assert page.verdict.model.rowCount() == 1
    app.adviser.show_overview()  # the mission overview has nothing to undo
    assert not window.undo_action.isEnabled() and window.undo_action.text() == "&Undo"
    app.window.show_page(PAGE_CHECKLIST)  # back on the own dossier, undo is the own again
    assert window.undo_action.text() == "&Undo: Change answer"
