"""Dutch checklist and action plan: one population in both counts, a labelled note, Dutch dates."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt

from ddcheck.ui import i18n
from ddcheck.ui.main_window import PAGE_ACTIONS, PAGE_CHECKLIST
from ddcheck.ui.models.action_table import COL_DUE
from ddcheck.ui.models.dossier_list import COL_FLAGS, COL_UPDATED


def test_counts_note_label_and_dates_in_dutch(qtbot: Any, make_ctx: Any, real_ws: Any) -> None:
    from ddcheck.services.demo import build_demo
    from ddcheck.ui.controller import Controller

    i18n.set_language("nl")
    demo = build_demo(real_ws, lang="nl")
    ctrl = Controller(make_ctx(real_ws), i18n.set_language)
    window = ctrl.start()
    qtbot.addWidget(window)
    ctrl.open_dossier(demo.id)
    page = window.page(PAGE_CHECKLIST)
    total = ctrl.session.summary.overall.total
    assert f"van {total} beantwoord" in page.progress_label.text()
    first = ctrl.session.summary.entries[0].key
    page.select(first)  # opening shows the first open question; the first one is number 1
    assert page.panel.position.text() == f"Vraag 1 van {total}"
    skipped = next(e.key for e in ctrl.session.entries if not e.applies)
    page.select(skipped)
    assert page.panel.position.text() == "Niet van toepassing"
    assert page.panel.note_label.text() == "Notitie" and page.panel.note_label.isVisible()
    assert page.panel.note_label.buddy() is page.panel.note
    window.show_page(PAGE_ACTIONS)
    actions = window.page(PAGE_ACTIONS)
    dues = [
        actions.model.index(r, COL_DUE).data()
        for r in range(actions.model.rowCount())
        if actions.model.index(r, COL_DUE).data()
    ]
    assert dues and all(re.fullmatch(r"\d\d-\d\d-\d{4}", d) for d in dues), dues
    table = window.dossiers.list.table
    model = window.dossiers.list.model
    assert re.fullmatch(r"\d\d-\d\d-\d{4} \d\d:\d\d", model.index(0, COL_UPDATED).data())
    metrics = table.horizontalHeader().fontMetrics()
    for column in (COL_FLAGS, COL_UPDATED):
        title = model.headerData(column, Qt.Orientation.Horizontal)
        assert table.columnWidth(column) > metrics.horizontalAdvance(title), title


def test_dialog_buttons_carry_no_icons_in_any_dialog(qtbot: Any) -> None:
    import datetime as dt

    from PySide6.QtWidgets import QApplication, QDialogButtonBox, QStyle

    from ddcheck.domain.dossier import Action
    from ddcheck.ui.dialogs.action_editor import ActionEditor
    from ddcheck.ui.style import style_sheet

    app = QApplication.instance()
    app.setStyleSheet(style_sheet())
    try:
        editor = ActionEditor(Action(id="a", action="x", due=dt.date(2027, 1, 31)), "t", [])
        qtbot.addWidget(editor)
        box = editor.findChild(QDialogButtonBox)
        hint = QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons
        assert box.style().styleHint(hint, None, box) == 0
        assert all(b.icon().isNull() for b in box.buttons())
    finally:
        app.setStyleSheet("")


def test_wider_tree_at_1366_without_clipping_the_item_panel(
    qtbot: Any, make_ctx: Any, real_ws: Any
) -> None:
    from PySide6.QtWidgets import QBoxLayout

    from ddcheck.services.demo import build_demo
    from ddcheck.ui.controller import Controller

    i18n.set_language("nl")
    demo = build_demo(real_ws, lang="nl")
    ctrl = Controller(make_ctx(real_ws), i18n.set_language)
    window = ctrl.start()
    qtbot.addWidget(window)
    ctrl.open_dossier(demo.id)
    page = window.page(PAGE_CHECKLIST)
    for (width, height), direction in (
        ((1366, 768), QBoxLayout.Direction.TopToBottom),
        ((1920, 1080), QBoxLayout.Direction.LeftToRight),
    ):
        window.resize(width, height)
        qtbot.wait(30)
        tree = page.splitter.sizes()[0]
        panel = page.panel
        assert tree >= 440 if width == 1366 else tree > 0
        content = panel.widget().minimumSizeHint().width()
        assert content <= panel.viewport().width(), "nothing cut off on the right"
        assert panel.risk_and_evidence.direction() == direction


def test_dutch_welcome_card_shows_every_button_line_whole_with_the_real_style(
    qtbot: Any,
) -> None:
    from PySide6.QtWidgets import QApplication

    from ddcheck.ui.pages.dossiers import WelcomePanel
    from ddcheck.ui.style import apply_font_and_sheet

    app = QApplication.instance()
    font, sheet = app.font(), app.styleSheet()
    i18n.set_language("nl")
    try:
        apply_font_and_sheet(app)
        panel = WelcomePanel(import_available=False)
        qtbot.addWidget(panel)
        panel.resize(1146, 700)
        panel.show()
        qtbot.waitExposed(panel)
        panel.set_import_available(True)  # as after the workspace opened
        qtbot.wait(20)
        detail = panel.import_button.detail
        assert detail.text().startswith("Open een ontvangen PDF")
        assert detail.width() >= detail.fontMetrics().horizontalAdvance(detail.text())
    finally:
        app.setStyleSheet(sheet)
        app.setFont(font)
        i18n.set_language("en")
