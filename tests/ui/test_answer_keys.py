"""Number keys on the 0–5 maturity scale and exclusive options in a multiple choice."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt

from ddcheck.ui import i18n
from ddcheck.ui.widgets.answer_editor import key_numbers, key_separator
from tests.ui.test_item_panel import open_item
from tests.ui.test_with_workspace import create_saudi


def _tick(qtbot: Any, page: Any, option_id: str) -> None:
    """Click the box of an option (on its indicator: a stretched box ignores clicks elsewhere)."""
    box = page.panel.editor.option_button(option_id)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))


def _saved(real_ws: Any, dossier_id: str, key: str) -> Any:
    template_id, item_id = key.split("/")
    answer = real_ws.get_dossier(dossier_id).answer(template_id, item_id)
    return answer.value if answer else None


def test_pressing_3_on_the_maturity_scale_chooses_3_in_dutch(
    qtbot: Any, real_controller: Any, real_ws: Any
) -> None:
    i18n.set_language("nl")
    dossier = create_saudi(real_ws)
    real_controller.open_dossier(dossier.id)
    real_controller.session.lang = "nl"
    page = open_item(real_controller, dossier.id, scale="maturity")
    page.select(page.panel.key)
    panel = page.panel
    texts = [b.text() for b in panel.editor._buttons]
    assert texts[0].startswith("0 – ") and texts[3].startswith("3 – "), texts
    assert not texts[3].startswith("4"), "the key shown is the label's own digit"
    assert texts[-1].startswith("6 – "), "the option without a digit gets the next key, dashed"
    assert panel.editor._buttons[3].toolTip() == i18n.tr("Press {n} to choose", n=3)
    panel.setFocus()
    qtbot.keyClick(panel, Qt.Key.Key_3)
    assert _saved(real_ws, dossier.id, panel.key) == "m3"
    qtbot.keyClick(page.panel, Qt.Key.Key_0)
    assert _saved(real_ws, dossier.id, panel.key) == "m0"
    qtbot.keyClick(page.panel, Qt.Key.Key_6)
    assert _saved(real_ws, dossier.id, panel.key) == "na"


def test_other_scales_keep_keys_1_to_n() -> None:
    assert key_numbers(["Ja", "Deels", "Nee"]) == [1, 2, 3]
    assert key_numbers(["2025 plan", "2026 plan"]) == [1, 2]
    assert key_numbers([f"Option {n}" for n in range(11)])[-2:] == [None, None]
    assert key_numbers(["0 – a", "1 – b", "Not applicable"]) == [0, 1, 2]
    assert key_separator(["0 – a", "1 – b", "Not applicable"]) == " – "
    assert key_separator(["Ja", "Nee"]) == "   "


def test_an_exclusive_option_unticks_the_others_and_back(
    qtbot: Any, real_controller: Any, real_ws: Any
) -> None:
    dossier = create_saudi(real_ws)
    real_controller.open_dossier(dossier.id)
    page = real_controller.window.page(1)
    entry = next(
        e
        for e in page.session.summary.entries
        if e.template.scale_for(e.item).kind == "multiple"
        and any(o.exclusive for o in e.template.scale_for(e.item).options)
        and e.applies
    )
    scale = entry.template.scale_for(entry.item)
    plain = [o.id for o in scale.options if not o.exclusive][:2]
    exclusive = [o.id for o in scale.options if o.exclusive]
    page.select(entry.key)
    for option_id in plain:
        _tick(qtbot, page, option_id)
    assert _saved(real_ws, dossier.id, entry.key) == plain
    _tick(qtbot, page, exclusive[0])
    assert _saved(real_ws, dossier.id, entry.key) == [exclusive[0]]
    assert [b.isChecked() for b in page.panel.editor._buttons].count(True) == 1
    assert real_controller.ctx.prompts.asked == [], "no refused save"
    if len(exclusive) > 1:
        _tick(qtbot, page, exclusive[1])
        assert _saved(real_ws, dossier.id, entry.key) == [exclusive[1]]
    _tick(qtbot, page, plain[0])
    assert _saved(real_ws, dossier.id, entry.key) == [plain[0]]
    assert not page.panel.editor.option_button(exclusive[-1]).isChecked()


def test_item_position_counts_the_items_that_apply_after_an_answer_adds_some(
    qtbot: Any, real_controller: Any, real_ws: Any
) -> None:
    i18n.set_language("en")
    dossier = create_saudi(real_ws)
    real_controller.open_dossier(dossier.id)
    page = open_item(real_controller, dossier.id, scale="yes_no")
    key = "oecd-selfscan/s0-high-risk"
    page.select(key)
    for option in ("no", "yes", "no"):
        qtbot.mouseClick(page.panel.editor.option_button(option), Qt.MouseButton.LeftButton)
        total = page.session.summary.overall.total
        assert page.panel.position.text().endswith(f" of {total}"), option
        assert page.progress_label.text().endswith(f"of {total} answered"), option
