"""Render every page and dialog at 1366×768 and 1920×1080 into screenshots/ (run by hand).

QT_QPA_PLATFORM=offscreen python -m tests.ui.screenshots [--lang nl] [--real]
    [--scheme light|dark|high-contrast] [--scale 1.25]
QT_QPA_PLATFORM=offscreen python -m tests.ui.screenshots --all   # every language, scheme, scale

With --scale the app is scaled as by Windows' 125 % (QT_SCALE_FACTOR); the window is laid out at
the screen's size divided by the scale, so the PNGs are still 1366×768 and 1920×1080 pixels.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

OUT = Path(__file__).resolve().parents[2] / "screenshots"
SIZES = ((1366, 768), (1920, 1080))


def fill_demo(session: Any) -> None:
    """Answer a realistic share of the dossier: yes, partly, no, red flags, notes, risks."""
    from ddcheck.domain.dossier import Action, Risk

    entries = list(session.summary.entries)
    for n, entry in enumerate(entries[: int(len(entries) * 0.6)]):
        scale = entry.template.scale_for(entry.item)
        if scale.is_choice:
            options = [o for o in scale.options if not o.not_applicable]
            option = options[0] if n % 5 else options[min(len(options) - 1, 2)]
            value: Any = option.id if scale.kind == "single" else [option.id]
            note = (
                "Discussed with our project partner; see the attached policy." if n % 4 == 0 else ""
            )
            session.workspace.answer(
                session.dossier_id, entry.template.id, entry.item.id, value=value, note=note
            )
        elif scale.kind == "text":
            session.workspace.answer(
                session.dossier_id,
                entry.template.id,
                entry.item.id,
                value="Riyadh Water Company (state-owned); we supply pumps under a subcontract.",
            )
        if n % 7 == 0:
            session.workspace.answer(
                session.dossier_id,
                entry.template.id,
                entry.item.id,
                risk=Risk(severity=1 + n % 4, likelihood=1 + (n // 3) % 4, involvement="linked"),
            )
    session.reload()
    for flag in list(session.summary.flags)[:3]:
        action = session.new_action_from_gap(flag.key)
        session.workspace.add_action(
            session.dossier_id,
            action.model_copy(update={"owner": "Anna de Vries", "due": dt.date(2027, 1, 15)}),
        )
    session.workspace.add_action(
        session.dossier_id,
        Action(
            id="x1",
            action="Ask the main contractor for its worker welfare plan",
            owner="Bram Jansen",
            due=dt.date(2026, 10, 1),
        ),
    )
    session.reload()


def style_options(scheme: str) -> dict[str, Any]:
    """Return apply_style's arguments for a scheme named on the command line."""
    if scheme == "high-contrast":
        from PySide6.QtGui import QColor, QPalette

        palette = QPalette(QColor("#000000"))
        for role, colour in (
            (QPalette.ColorRole.Window, "#000000"),
            (QPalette.ColorRole.Base, "#000000"),
            (QPalette.ColorRole.Text, "#ffffff"),
            (QPalette.ColorRole.WindowText, "#ffffff"),
            (QPalette.ColorRole.ButtonText, "#ffffff"),
            (QPalette.ColorRole.Button, "#000000"),
            (QPalette.ColorRole.Highlight, "#1aebff"),
            (QPalette.ColorRole.HighlightedText, "#000000"),
        ):
            palette.setColor(role, QColor(colour))
        QApplication.setPalette(palette)  # as Windows' "Night sky" contrast theme sets it
        return {"scheme": "dark", "high_contrast": True}
    return {"scheme": scheme, "high_contrast": False}


SCALE = {"factor": 1.0}


def grab(widget: QWidget, name: str, size: tuple[int, int]) -> Path:
    factor = SCALE["factor"] if size in SIZES else 1.0  # a dialog keeps its size, and grows
    widget.resize(round(size[0] / factor), round(size[1] / factor))
    QApplication.processEvents()
    path = OUT / f"{name}-{size[0]}x{size[1]}.png"
    widget.grab().save(str(path))
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en", choices=("en", "nl"))
    parser.add_argument("--scheme", default="light", choices=("light", "dark", "high-contrast"))
    parser.add_argument("--real", action="store_true", help="use the real services Workspace")
    parser.add_argument("--scale", type=float, default=1.0, help="as QT_SCALE_FACTOR")
    parser.add_argument("--all", action="store_true", help="every language, scheme and scale")
    args = parser.parse_args()
    if args.all:
        run_all()
        return
    if args.scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)
        SCALE["factor"] = args.scale
    app = QApplication([])
    from ddcheck.catalog import load_shipped_catalog
    from ddcheck.domain.dossier import Company, Mission
    from ddcheck.ui.context import AppContext
    from ddcheck.ui.controller import Controller
    from ddcheck.ui.dialogs.export_dialog import ExportDialog
    from ddcheck.ui.dialogs.wizard import NewDossierWizard
    from ddcheck.ui.main_window import PAGE_CHECKLIST
    from ddcheck.ui.settings import UiSettings
    from ddcheck.ui.style import apply_style
    from ddcheck.ui.tasks import TaskRunner
    from ddcheck.ui.translators import Translators
    from tests.ui.fakes import FakePrompts

    apply_style(app, **style_options(args.scheme))
    Translators(app).apply(args.lang)
    from ddcheck.ui import i18n

    i18n.set_language(args.lang)
    OUT.mkdir(exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    catalog = load_shipped_catalog()
    if args.real:
        from ddcheck.services import Workspace

        workspace: Any = Workspace.open(tmp, user="screenshots", catalog=catalog)
    else:
        from tests.ui.fake_workspace import FakeWorkspace

        workspace = FakeWorkspace(catalog)
    ctx = AppContext(
        workspace=workspace,
        prompts=FakePrompts(),
        settings=UiSettings(tmp / "ui.ini"),
        tasks=TaskRunner(),
        data_dir=tmp,
    )
    controller = Controller(ctx, lambda lang: None)
    window = controller.start()
    suffix = f"-{args.lang}" + ("" if args.scheme == "light" else f"-{args.scheme}")
    suffix += "" if args.scale == 1.0 else f"-{round(args.scale * 100)}pct"
    for size in SIZES:
        grab(window, f"01-welcome{suffix}", size)
    if args.real:
        from ddcheck.services.demo import build_demo

        demo = build_demo(workspace, lang=args.lang)
        controller.refresh_list()
        controller.open_dossier(demo.id)
    created = workspace.create_dossier(
        Company(
            name="Van Dijk Pompen B.V.",
            kvk_number="12345678",
            sector="Water technology",
            size="small",
        ),
        Mission(
            name="Trade mission Saudi Arabia 2027",
            destinations=["SA", "AE"],
            activities=["export", "project"],
            export_credit_insurance=True,
        ),
        args.lang,
    )
    controller.refresh_list()
    if not args.real:
        controller.open_dossier(getattr(created, "id", created))
        fill_demo(controller.session)
        controller.refresh_list()
    page = window.page(PAGE_CHECKLIST)
    flagged = next(iter(controller.session.summary.flags), None)
    if flagged:
        page.select(flagged.key)
    for size in SIZES:
        grab(window, f"03-checklist{suffix}", size)
    for row, name in ((2, "04-overview"), (3, "05-actions"), (4, "06-history"), (0, "02-dossiers")):
        window.show_page(row)
        for size in SIZES:
            grab(window, f"{name}{suffix}", size)
    wizard = NewDossierWizard(catalog.templates, args.lang)
    wizard.company_page.name.setText("Van Dijk Pompen B.V.")
    wizard.company_page.kvk.setText("1234567")
    wizard.show()
    grab(wizard, f"07-wizard-company{suffix}", (760, 620))
    wizard.company_page.kvk.setText("12345678")
    wizard.next()
    wizard.mission_page.name.setText("Trade mission Saudi Arabia 2027")
    wizard.mission_page.countries.add("SA")
    wizard.mission_page.countries.add("AE")
    wizard.mission_page.activities["project"].setChecked(True)
    wizard.mission_page.ekv_yes.setChecked(True)
    grab(wizard, f"08-wizard-mission{suffix}", (760, 660))
    wizard.next()
    grab(wizard, f"09-wizard-checklists{suffix}", (760, 620))
    dialog = ExportDialog(ctx, controller.session, parent=window)
    dialog.show()
    grab(dialog, f"10-export{suffix}", (720, 560))
    from ddcheck.ui.dialogs.action_editor import ActionEditor

    action = controller.session.dossier.actions[0]
    editor = ActionEditor(action, "Edit action", [], window)
    editor.show()
    grab(editor, f"11-action-editor{suffix}", (640, 560))
    from ddcheck.services.damage import PendingDamage
    from ddcheck.ui.dialogs.damaged import DamagedDialog

    pending = PendingDamage(
        tmp / "damaged" / "workspace-20261123-100000.sqlite",
        dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.UTC),
        Path("daily-20261122-090000.sqlite"),
    )
    damaged = DamagedDialog(pending.text(args.lang), pending.backup)
    damaged.show()
    grab(damaged, f"12-damaged{suffix}", (560, 300))
    from ddcheck.ui.dialogs.glossary_dialog import GlossaryDialog
    from ddcheck.ui.dialogs.settings_dialog import SettingsDialog

    window.show_page(PAGE_CHECKLIST)
    glossary = GlossaryDialog(args.lang, page.panel.term_keys() if page.panel else (), window)
    glossary.show()
    grab(glossary, f"13-glossary{suffix}", (560, 520))
    settings = SettingsDialog(args.lang, "Anna de Vries", window)
    settings.show()
    grab(settings, f"14-settings{suffix}", (560, 420))
    passport = next(
        (e.key for e in controller.session.entries if e.key.endswith("doc-passports-held")), None
    )
    if passport:
        page.select(passport)
        for size in SIZES:
            grab(window, f"15-checklist-passport{suffix}", size)
    print(f"screenshots in {OUT}")


def run_all() -> None:
    """Take every set: Dutch and English, light and dark (and high contrast), 100 % and 125 %."""
    runs = [
        [lang, scheme, scale]
        for lang in ("nl", "en")
        for scheme in ("light", "dark")
        for scale in ("1.0", "1.25")
    ] + [["nl", "high-contrast", "1.0"]]
    for lang, scheme, scale in runs:
        command = [sys.executable, "-m", "tests.ui.screenshots", "--lang", lang]
        command += ["--scheme", scheme, "--scale", scale]
        subprocess.run(command, check=True)


if __name__ == "__main__":
    main()
