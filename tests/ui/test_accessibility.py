"""Every page and dialog, in both languages: no interactive widget without a spoken name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from ddcheck.ui import i18n
from ddcheck.ui.accessibility import describe, unnamed_widgets
from ddcheck.ui.main_window import (
    PAGE_ACTIONS,
    PAGE_CHECKLIST,
    PAGE_DOSSIERS,
    PAGE_HISTORY,
    PAGE_OVERVIEW,
)
from tests.ui.adviser_helpers import adviser, company, import_files, start_app

__all__ = ["adviser", "company"]  # fixtures used below


class Walk:
    """Collects, per view, the interactive widgets a screen reader could not name."""

    def __init__(self) -> None:
        self.missing: list[str] = []
        self.views = 0

    def check(self, view: str, root: QWidget) -> None:
        """Record every unnamed interactive widget shown in `root`."""
        self.views += 1
        self.missing += [f"{view}: {describe(w)}" for w in unnamed_widgets(root)]


def _kinds(session: Any) -> dict[str, str]:
    """Return one item key per answer-scale kind of the open dossier."""
    keys: dict[str, str] = {}
    for entry in session.summary.entries:
        kind = entry.template.scale_for(entry.item).kind
        keys.setdefault(kind, entry.key)
    return keys


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_page_and_dialog_names_its_interactive_widgets(
    qtbot: Any,
    company: Any,
    adviser: Any,
    tmp_path: Path,
    prompts: Any,
    lang: str,
) -> None:
    from ddcheck.services.demo import build_demo
    from ddcheck.ui.dialogs.action_editor import ActionEditor
    from ddcheck.ui.dialogs.damaged import DamagedDialog
    from ddcheck.ui.dialogs.export_dialog import ExportDialog
    from ddcheck.ui.dialogs.settings_dialog import SettingsDialog
    from ddcheck.ui.dialogs.wizard import NewDossierWizard

    i18n.set_language(lang)  # type: ignore[arg-type]
    walk = Walk()
    app = start_app(qtbot, tmp_path / "company-ui", company, prompts)
    window = app.window
    window.show()
    walk.check("welcome", window)

    demo = build_demo(company, lang=lang)
    app.refresh_list()
    window.show_page(PAGE_DOSSIERS)
    walk.check("dossier list", window)
    app.open_dossier(demo.id)
    page = window.page(PAGE_CHECKLIST)
    for kind, key in _kinds(app.session).items():
        page.select(key)
        walk.check(f"checklist ({kind} item)", window)
    for row, view in (
        (PAGE_OVERVIEW, "overview"),
        (PAGE_ACTIONS, "action plan"),
        (PAGE_HISTORY, "history"),
    ):
        window.show_page(row)
        walk.check(view, window)

    wizard = NewDossierWizard(app.ctx.workspace.catalog.templates, lang)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.company_page.name.setText("Van Dijk Pompen B.V.")
    wizard.company_page.kvk.setText("12345678")
    walk.check("wizard: company", wizard)
    wizard.next()
    wizard.mission_page.name.setText("Trade mission 2027")
    wizard.mission_page.countries.add("SA")
    walk.check("wizard: mission", wizard)
    wizard.next()
    walk.check("wizard: checklists", wizard)

    export = ExportDialog(app.ctx, app.session, parent=window)
    qtbot.addWidget(export)
    export.show()
    walk.check("export dialog", export)
    action = app.session.dossier.actions[0]
    editor = ActionEditor(action, "Edit action", [], window)
    qtbot.addWidget(editor)
    editor.show()
    walk.check("action editor", editor)
    settings = SettingsDialog(lang, window)  # type: ignore[arg-type]
    qtbot.addWidget(settings)
    settings.show()
    walk.check("settings", settings)
    damaged = DamagedDialog("The workspace file was damaged.", Path("daily.sqlite"), window)
    qtbot.addWidget(damaged)
    damaged.show()
    walk.check("damaged workspace", damaged)
    from ddcheck.ui.dialogs.glossary_dialog import GlossaryDialog

    glossary = GlossaryDialog(lang, ("ekv",), window)  # type: ignore[arg-type]
    qtbot.addWidget(glossary)
    glossary.show()
    walk.check("glossary", glossary)
    from ddcheck.services.handouts import FieldChange, PreviewRow
    from ddcheck.ui.dialogs.handout_preview import HandoutPreview

    preview_rows = [
        PreviewRow(FieldChange("t/a", "value", None, None, "yes", False), "1.1.1", "Q?", "", "Yes"),
        PreviewRow(FieldChange("t/b", "note", "", "ours", "theirs", True), "1.1.2", "Q2", "o", "t"),
    ]
    preview = HandoutPreview("Fatima", preview_rows, window)
    qtbot.addWidget(preview)
    preview.show()
    walk.check("hand-out preview", preview)
    from ddcheck.ui.dialogs.handout_dialog import HandoutDialog

    handing = HandoutDialog(app.session.dossier, app.session.templates, lang, window)
    qtbot.addWidget(handing)
    handing.show()
    walk.check("hand out sections", handing)

    pdf = tmp_path / "files" / "dossier.pdf"
    company.export_pdf(demo.id, pdf, lang=lang, audience="adviser")
    advising = start_app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    advising.window.show()
    import_files(qtbot, advising, prompts, [pdf])
    overview = advising.adviser.show_overview()
    walk.check("mission overview", advising.window)
    received_id = overview.model.rows()[0].received_id
    received = advising.adviser.open_received(received_id)
    walk.check("received dossier", advising.window)
    received.select(received.tree_model.item_keys()[0])
    for tab in range(received.tabs.count()):
        received.tabs.setCurrentIndex(tab)
        walk.check(f"received dossier, tab {tab}", advising.window)

    assert walk.views >= 15
    assert walk.missing == [], "\n".join(walk.missing)
    _ = dt


def test_charts_have_a_text_alternative_and_work_by_keyboard(qtbot: Any) -> None:
    from PySide6.QtCore import Qt

    from ddcheck.ui.accessibility import spoken_name
    from ddcheck.ui.widgets.charts import HeatMap, ScoreBars

    bars = ScoreBars("Scores per OECD step")
    qtbot.addWidget(bars)
    bars.set_rows([("1 Embed", 80, ""), ("2 Identify", None, "")])
    assert bars.accessibleDescription() == "1 Embed: 80%\n2 Identify: not scored"
    bars.show()
    bars.setFocus()
    qtbot.keyClick(bars, Qt.Key.Key_Down)
    qtbot.keyClick(bars, Qt.Key.Key_Down)
    assert spoken_name(bars) == "Scores per OECD step. 2 Identify: not scored"

    heat = HeatMap()
    qtbot.addWidget(heat)
    heat.set_counts({(4, 2): 3, (1, 1): 1})
    assert heat.accessibleDescription().splitlines() == [
        "Severity 4, likelihood 2: 3 items",
        "Severity 1, likelihood 1: 1 item",
    ]
    heat.show()
    heat.setFocus()
    picked: list[tuple[int, int]] = []
    heat.cellClicked.connect(lambda s, li: picked.append((s, li)))
    qtbot.keyClick(heat, Qt.Key.Key_Right)
    assert "Severity 4, likelihood 2: 3 items" in spoken_name(heat)
    qtbot.keyClick(heat, Qt.Key.Key_Return)
    assert picked == [(4, 2)]


def test_tab_leaves_a_text_answer_and_blank_text_is_no_answer(qtbot: Any, catalog: Any) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QVBoxLayout

    from ddcheck.domain.dossier import Answer
    from ddcheck.services.values import normalize_value
    from ddcheck.ui.widgets.answer_editor import AnswerEditor

    assert not Answer(template_id="t", item_id="i", value="  \t\n ").is_answered
    assert Answer(template_id="t", item_id="i", value=" x ").is_answered
    scale = next(
        t.scale_for(i)
        for t in catalog.templates.values()
        for s in t.sections
        for i in s.items
        if t.scale_for(i).kind == "text"
    )
    assert normalize_value(scale, " \t ") is None
    box = QWidget()
    qtbot.addWidget(box)
    editor = AnswerEditor(scale, "en")
    after = QLineEdit()
    layout = QVBoxLayout(box)
    layout.addWidget(editor)
    layout.addWidget(after)
    box.show()
    qtbot.waitExposed(box)
    box.activateWindow()
    text = editor.findChild(QPlainTextEdit)
    text.setFocus()
    qtbot.waitUntil(text.hasFocus)
    qtbot.keyClicks(text, "Our policy")
    qtbot.keyClick(text, Qt.Key.Key_Tab)
    qtbot.waitUntil(after.hasFocus)
    assert text.toPlainText() == "Our policy"
