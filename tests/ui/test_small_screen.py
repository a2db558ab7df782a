"""On a 1366×768 laptop the question and its answer options show without scrolling."""

from __future__ import annotations

from typing import Any

import pytest

from ddcheck.ui import i18n
from ddcheck.ui.main_window import PAGE_CHECKLIST
from tests.ui.test_with_workspace import create_saudi

# 1366×768 at 100 %, and at 125 % (QT_SCALE_FACTOR=1.25 scales everything, fonts included,
# so the window lays out exactly as a 1093×614 one does at 100 %).
SCREENS = {"100%": (1366, 768), "125%": (round(1366 / 1.25), round(768 / 1.25))}


@pytest.mark.parametrize("scale", sorted(SCREENS))
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_passport_questions_options_are_above_the_fold(
    qtbot: Any, real_controller: Any, real_ws: Any, lang: str, scale: str
) -> None:
    i18n.set_language(lang)  # type: ignore[arg-type]
    dossier = create_saudi(real_ws)
    real_controller.refresh_list()
    real_controller.open_dossier(dossier.id)
    window = real_controller.window
    window.resize(*SCREENS[scale])
    assert (window.width(), window.height()) == SCREENS[scale]  # no minimum size in the way
    page = window.page(PAGE_CHECKLIST)
    key = next(
        e.key for e in real_controller.session.entries if e.key.endswith("doc-passports-held")
    )
    page.select(key)
    qtbot.wait(50)
    panel = page.panel
    last = panel.editor._buttons[-1]
    bottom = last.mapTo(panel.viewport(), last.rect().bottomLeft()).y()
    assert panel.verticalScrollBar().value() == 0
    assert bottom <= panel.viewport().height(), (bottom, panel.viewport().height())
    width = panel.widget().minimumSizeHint().width()  # nothing cut off on the right either
    assert width <= panel.viewport().width(), (width, panel.viewport().width())
