"""A received dossier opens on its summary; the sidebar says what is open; undo goes through the
review session (issue 15 point 7, issue 16 point 2)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ddcheck.ui.main_window import PAGE_DOSSIERS
from tests.ui.adviser_helpers import adviser, company, company_pdf, import_files, start_app

__all__ = ["adviser", "company", "company_pdf"]  # fixtures used by the tests below

LONG_NAME = (
    "Koninklijke Van der Heijden-Oosterhuis Pomp- en Watertechniek Internationaal "
    "Holding B.V. (afdeling Midden-Oosten)"
)


def _click_row(qtbot: Any, widget: Any, row: int) -> None:
    """Click a row of a list widget where a person would: in the middle of its text."""
    rect = widget.visualItemRect(widget.item(row))
    qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_received_dossier_opens_on_its_summary_with_the_overview_figures(
    qtbot: Any,
    company: Any,
    adviser: Any,
    company_pdf: tuple[Any, Path],
    tmp_path: Path,
    prompts: Any,
) -> None:
    from ddcheck.ui.pages.received_summary import figure_texts

    dossier, pdf = company_pdf
    answer = next(a for a in dossier.answers if a.note and not a.confidential)
    company.answer(dossier.id, answer.template_id, answer.item_id, note="Updated after the call")
    newer = tmp_path / "files" / "dossier-v2.pdf"
    company.export_pdf(dossier.id, newer, lang="en", audience="adviser")
    app = start_app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    window = app.window
    window.show()
    import_files(qtbot, app, prompts, [pdf])
    import_files(qtbot, app, prompts, [newer])  # version 2 opens, on its summary
    page = app.adviser.page
    assert window.pages.currentWidget() is page
    summary = page.overview
    assert page.right.currentWidget() is summary and summary.isVisible()
    assert not page.panel.isVisible()  # not an empty "choose an item" panel
    [row] = adviser.mission_overview().rows
    assert figure_texts(summary) == {
        "answered": f"{row.completion}%",
        "required questions unanswered": str(row.required_unanswered),
        "red flags": str(row.red_flags),
        "open high-priority actions": str(row.open_high_actions),
        "withheld (confidential)": str(row.withheld_items),
        "questions assessed by you": "0",
    }
    assert summary.answered.detail.text() == f"{row.answered} of {row.total}"
    flagged = [summary.flags.item(r) for r in range(summary.flags.count())]
    shown = page.session.summary.red_flags
    assert len(flagged) == row.red_flags == len(shown) > 0
    assert summary.flags_title.text() == f"Red flags ({row.red_flags})"
    for item, flag in zip(flagged, shown, strict=True):  # named, with the answer chosen
        assert item.text().startswith(flag.entry.item.question.get("en") + " — ")
    assert summary.status.text().startswith(("Not complete", "Complete", "A draft"))
    # what changed since the version before: the note, named by its question
    assert summary.changes_title.text() == "Changes since version 1"
    assert "1 answer changed" in summary.changes_text.text()
    changed = [summary.changes.item(r).text() for r in range(summary.changes.count())]
    assert changed == [page.item_title(answer.key)]
    # a red flag named in the summary opens its question; the summary button comes back
    _click_row(qtbot, summary.flags, 0)
    assert page.panel.key == shown[0].key and page.right.currentWidget() is page.panel
    qtbot.mouseClick(page.summary_button, Qt.MouseButton.LeftButton)
    assert page.right.currentWidget() is summary and page.panel.key is None
    qtbot.mouseClick(summary.all_changes, Qt.MouseButton.LeftButton)
    assert page.tabs.currentWidget() is page.changes


def test_the_sidebar_says_what_is_open_and_long_names_have_tooltips(
    qtbot: Any, company: Any, adviser: Any, tmp_path: Path, prompts: Any
) -> None:
    from ddcheck.domain.dossier import Company
    from ddcheck.services.demo import build_demo
    from ddcheck.ui.models.mission_overview import COL_COMPANY, COL_MISSION

    dossier = build_demo(company, lang="en")
    company.update_profile(dossier.id, company=Company(name=LONG_NAME, kvk_number="12345678"))
    pdf = tmp_path / "files" / "long.pdf"
    company.export_pdf(dossier.id, pdf, lang="en", audience="adviser")
    app = start_app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    window = app.window
    window.show()
    assert window.dossier_label.text() == "No dossier open"
    import_files(qtbot, app, prompts, [pdf])
    title = app.adviser.session.title
    assert LONG_NAME in title
    # the sidebar names what is open (wrapped), with the full title on hover
    label = window.dossier_label
    assert label.text() == f"Received: {LONG_NAME}" and label.wordWrap()
    assert label.toolTip() == title
    # the received list elides a long name and gives it in full as a tooltip
    side = app.adviser.list
    item = side.item(1)
    assert item.text() == LONG_NAME and LONG_NAME in item.toolTip()
    assert side.fontMetrics().horizontalAdvance(LONG_NAME) > side.viewport().width()
    # the page's heading wraps, with the title as tooltip
    page = app.adviser.page
    assert page.heading.wordWrap() and page.heading.toolTip() == title
    # the mission overview: company and mission cells carry their full text
    overview = app.adviser.show_overview()
    model = overview.model
    assert model.index(0, COL_COMPANY).data(Qt.ItemDataRole.ToolTipRole) == LONG_NAME
    mission = model.index(0, COL_MISSION).data(Qt.ItemDataRole.ToolTipRole)
    assert mission == dossier.mission.name
    assert overview.mission.toolTip() == overview.mission.currentText()
    assert window.dossier_label.text() == "No dossier open"  # the overview is no dossier
    app.adviser.open_received(item.data(Qt.ItemDataRole.UserRole + 1))
    assert window.dossier_label.text() == f"Received: {LONG_NAME}"
    window.show_page(PAGE_DOSSIERS)  # back on one's own pages: one's own (none) again
    assert window.dossier_label.text() == "No dossier open"


def test_an_assessment_is_undone_with_ctrl_z_through_the_review_session(
    qtbot: Any, adviser: Any, company_pdf: tuple[Any, Path], tmp_path: Path, prompts: Any
) -> None:
    _dossier, pdf = company_pdf
    app = start_app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    window = app.window
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    import_files(qtbot, app, prompts, [pdf])
    page, session = app.adviser.page, app.adviser.session
    assert page.session is session and window.undo_stack() is session.undo_stack
    summary = page.overview
    _click_row(qtbot, summary.flags, 0)
    key = page.panel.key
    qtbot.mouseClick(page.panel.buttons["insufficient"], Qt.MouseButton.LeftButton)
    rid = session.received_id
    assert [(i.key, i.assessment) for i in adviser.review_of(rid).items] == [(key, "insufficient")]
    assert session.undo_stack.count() == 1 and session.undo_stack.undoText() == "Assess item"
    assert window.undo_action.text() == "&Undo: Assess item"
    assert window.saved.text() == "Review saved · 14:30"
    assert figure_texts_assessed(summary) == "1"
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert adviser.review_of(rid).items == []
    assert session.review.items == [] and session.undo_stack.index() == 0
    assert page.panel.current_assessment() == ""
    assert not page.panel.buttons["insufficient"].isChecked()
    assert figure_texts_assessed(summary) == "0"
    assert not window.undo_action.isEnabled() and window.redo_action.isEnabled()
    window.redo_action.trigger()  # Edit › Redo
    assert [(i.key, i.assessment) for i in adviser.review_of(rid).items] == [(key, "insufficient")]
    assert page.panel.buttons["insufficient"].isChecked()


def figure_texts_assessed(summary: Any) -> str:
    """Return the number of questions assessed, as the summary shows it."""
    return summary.assessed.value.text()


def test_the_adviser_side_uses_the_windows_hooks_not_its_menus(
    qtbot: Any, adviser: Any, tmp_path: Path, prompts: Any
) -> None:
    import ddcheck.ui

    app = start_app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    texts = [a.text() for a in app.window.file_menu.actions()]
    at = texts.index("&Import…")
    assert texts[at : at + 4] == [
        "&Import…",
        "Export &checklist…",
        "&Missions…",
        "S&ync mission folder",
    ]
    sidebar = app.window.sidebar.layout()
    assert sidebar.indexOf(app.adviser.section) == sidebar.indexOf(app.window.nav) + 1
    ui = Path(ddcheck.ui.__file__).parent
    reaching = [
        path.name
        for path in ui.rglob("*.py")
        if "findChildren(QMenu" in path.read_text(encoding="utf-8")
    ]
    assert reaching == []


def test_a_refused_review_edit_says_so_and_leaves_no_undo_step(
    qtbot: Any, adviser: Any, company_pdf: tuple[Any, Path], tmp_path: Path, prompts: Any
) -> None:
    _dossier, pdf = company_pdf
    app = start_app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    import_files(qtbot, app, prompts, [pdf])
    session = app.adviser.session
    failures: list[str] = []
    session.saveFailed.connect(failures.append)
    assert not session.assess("no-such-checklist/item", "accepted")
    assert failures and prompts.asked[-1][0] == "error"
    assert app.window.saved.text().startswith("Not saved")
    assert session.undo_stack.count() == 0 and session.review.items == []
    key = app.adviser.page.tree_model.item_keys()[0]
    assert session.assess(key, "accepted") and session.undo_stack.count() == 1
    assert session.assess(key, "accepted")  # nothing changed: no error, and no second step
    assert session.undo_stack.count() == 1
