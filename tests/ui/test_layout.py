"""Layout: option buttons never clipped and aligned alike, full questions in the tree's tooltips,
the guidance's open or closed state remembered."""

from __future__ import annotations

from collections.abc import Iterator
from html import unescape
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QImage
from PySide6.QtWidgets import QApplication, QPushButton

from ddcheck.ui import i18n
from ddcheck.ui.main_window import PAGE_CHECKLIST
from ddcheck.ui.models.section_tree import KEY_ROLE, KIND_ROLE
from ddcheck.ui.style import apply_font_and_sheet, repolish
from ddcheck.ui.widgets.answer_editor import AnswerEditor

PADDING = 2 * 14 + 2 * 2  # the option's padding and its checked border (resources/style/app.qss)


@pytest.fixture
def styled() -> Iterator[None]:
    """Apply the app's style sheet and font for one test."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    sheet, font = app.styleSheet(), app.font()
    apply_font_and_sheet(app)
    yield
    app.setStyleSheet(sheet)
    app.setFont(font)


def _single_scales(catalog: Any) -> list[Any]:
    scales: dict[str, Any] = {}
    for template in catalog.templates.values():
        for section in template.sections:
            for item in section.items:
                scale = template.scale_for(item)
                if scale.kind == "single":
                    scales.setdefault(scale.id, scale)
    return list(scales.values())


def _text_left(button: QPushButton) -> int:
    """Return the first column of the button's image where its text starts."""
    image = button.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    y = image.height() // 2
    ground = image.pixelColor(image.width() // 2, 4).lightness()
    for x in range(6, image.width() - 6):
        for dy in range(-4, 5):
            if abs(image.pixelColor(x, y + dy).lightness() - ground) > 90:
                return x
    return -1


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_option_buttons_fit_their_text_chosen_or_not_and_start_at_one_edge(
    qtbot: Any, catalog: Any, styled: None, lang: str
) -> None:
    i18n.set_language(lang)  # type: ignore[arg-type]
    scales = _single_scales(catalog)
    assert scales
    for scale in scales:
        red = (scale.options[len(scale.options) // 2].id,)  # one red option: role option-red
        editor = AnswerEditor(scale, lang, red)  # type: ignore[arg-type]
        qtbot.addWidget(editor)
        editor.resize(560, 600)  # the answer column of the item panel at 1366×768
        editor.show()
        for button in editor._buttons:
            for chosen in (False, True):
                button.setChecked(chosen)
                repolish(button)
                QApplication.processEvents()
                bold = QFont(button.font())
                bold.setWeight(QFont.Weight.DemiBold)
                needed = QFontMetrics(bold).horizontalAdvance(button.text()) + PADDING
                assert button.sizeHint().width() >= needed, (lang, button.text(), chosen)
                assert button.width() >= needed, (lang, button.text(), chosen, button.width())
            button.setChecked(False)
            repolish(button)
        QApplication.processEvents()
        lefts = {b.text(): _text_left(b) for b in editor._buttons}  # type: ignore[union-attr]
        assert max(lefts.values()) - min(lefts.values()) <= 3, (scale.id, lefts)
        editor.close()


def test_the_tree_shows_every_full_question_in_a_wrapping_tooltip(
    qtbot: Any, controller: Any, saudi: Any
) -> None:
    controller.open_dossier(saudi.id)
    page = controller.window.page(PAGE_CHECKLIST)
    model = page.model
    questions = {e.key: e.item.question.get("en") for e in page.session.entries}
    seen = 0
    stack = [model.index(r, 0) for r in range(model.rowCount())]
    while stack:
        index = stack.pop()
        stack.extend(model.index(r, 0, index) for r in range(model.rowCount(index)))
        if index.data(KIND_ROLE) != "item":
            continue
        tip = index.data(Qt.ItemDataRole.ToolTipRole)
        assert tip.startswith("<p>")  # rich text: Qt wraps it instead of one endless line
        assert questions[index.data(KEY_ROLE)] in unescape(tip)
        seen += 1
    assert seen == len(questions)


def test_the_guidance_stays_as_the_user_left_it_across_items_and_starts(
    qtbot: Any, controller: Any, saudi: Any, make_ctx: Any, fake_ws: Any
) -> None:
    controller.open_dossier(saudi.id)
    page = controller.window.page(PAGE_CHECKLIST)
    keys = [e.key for e in page.session.summary.entries if e.applies]
    page.select(keys[0])
    assert page.panel.guidance.isVisibleTo(page.panel)
    page.panel.guidance_toggle.click()
    page.select(keys[1])
    assert not page.panel.guidance_toggle.isChecked()
    assert not page.panel.guidance.isVisibleTo(page.panel)
    from ddcheck.ui.pages.checklist import ChecklistPage

    again = ChecklistPage(controller.ctx, page.session)  # as after the next start
    qtbot.addWidget(again)
    again.select(keys[2])
    assert not again.panel.guidance_toggle.isChecked()


def test_the_action_column_stays_readable_at_125_percent(
    qtbot: Any, controller: Any, saudi: Any
) -> None:
    from ddcheck.ui.main_window import PAGE_ACTIONS
    from ddcheck.ui.models.action_table import COL_ACTION

    controller.open_dossier(saudi.id)
    window = controller.window
    window.resize(1093, 614)  # 1366×768 at 125 %
    window.show_page(PAGE_ACTIONS)
    window.show()
    qtbot.waitExposed(window)
    table = window.page(PAGE_ACTIONS).table
    assert table.columnWidth(COL_ACTION) >= 120, table.columnWidth(COL_ACTION)  # was ~50


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_overviews_lists_use_the_height_there_is(
    qtbot: Any, controller: Any, saudi: Any, styled: None, size: tuple[int, int]
) -> None:
    from ddcheck.ui.main_window import PAGE_OVERVIEW

    window = controller.window
    window.resize(*size)
    controller.open_dossier(saudi.id)
    window.show_page(PAGE_OVERVIEW)
    page = window.page(PAGE_OVERVIEW)
    QApplication.processEvents()
    viewport = page.viewport()
    body = page.widget()
    for box in (page.flags, page.gate):  # on the first screen, right under the figures
        top = box.mapTo(body, box.rect().topLeft()).y()
        assert top < viewport.height() - 200, (top, viewport.height())
        assert box.height() >= 200
    if body.height() <= viewport.height():  # the page fits: no empty band under its content
        layout = body.layout()
        items = [layout.itemAt(i) for i in range(layout.count())]
        last = [i for i in items if i.spacerItem() is None][-1].geometry()
        assert body.height() - last.bottom() <= layout.contentsMargins().bottom() + 2
