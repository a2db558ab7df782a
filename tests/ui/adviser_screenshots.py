"""Render the adviser's pages at 1366×768 into screenshots/ (run by hand).

QT_QPA_PLATFORM=offscreen python -m tests.ui.adviser_screenshots [--lang nl]
    [--scheme light|dark|high-contrast]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from tests.ui.screenshots import OUT, grab, style_options

SIZE = (1366, 768)
COMPANIES = (
    ("Van Dijk Pompen B.V.", 0.9),
    ("Aardappel Export Noord B.V.", 0.5),
    ("Bouwbedrijf Hoogland B.V.", 0.75),
)


def _wait(app: QApplication, done: Any, seconds: float = 30) -> None:
    import time

    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en", choices=("en", "nl"))
    parser.add_argument("--scheme", default="light", choices=("light", "dark", "high-contrast"))
    args = parser.parse_args()
    app = QApplication([])
    from ddcheck.catalog import load_shipped_catalog
    from ddcheck.domain.dossier import Company
    from ddcheck.services import Workspace
    from ddcheck.services.demo import build_demo
    from ddcheck.ui import i18n
    from ddcheck.ui.context import AppContext
    from ddcheck.ui.controller import Controller
    from ddcheck.ui.main_window import PAGE_ACTIONS, PAGE_CHECKLIST
    from ddcheck.ui.settings import UiSettings
    from ddcheck.ui.style import apply_style
    from ddcheck.ui.tasks import TaskRunner
    from ddcheck.ui.translators import Translators
    from tests.ui.fakes import FakePrompts

    apply_style(app, **style_options(args.scheme))
    Translators(app).apply(args.lang)
    i18n.set_language(args.lang)
    OUT.mkdir(exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    catalog = load_shipped_catalog()
    company = Workspace.open(tmp / "company", user="company", catalog=catalog)
    adviser = Workspace.open(tmp / "adviser", user="adviser", catalog=catalog)
    demo = build_demo(company, lang=args.lang)
    pdfs = []
    for n, (name, share) in enumerate(COMPANIES):
        dossier_id = demo.id
        if n:
            copy = company.duplicate_dossier(demo.id, demo.mission.name)
            company.update_profile(copy.id, company=Company(name=name))
            dossier_id = copy.id
            answers = company.get_dossier(dossier_id).answers
            for answer in answers[int(len(answers) * share) :]:
                company.answer(dossier_id, answer.template_id, answer.item_id, value=None)
        pdf = tmp / f"dossier-{n}.pdf"
        company.export_pdf(dossier_id, pdf, lang=args.lang, audience="adviser")
        pdfs.append(pdf)
    first = demo.answers[3]
    company.answer(demo.id, first.template_id, first.item_id, note="Updated after our site visit.")
    newer = tmp / "dossier-0-v2.pdf"
    company.export_pdf(demo.id, newer, lang=args.lang, audience="adviser")

    prompts = FakePrompts()

    def ctx_for(workspace: Any, folder: str) -> AppContext:
        return AppContext(
            workspace=workspace,
            prompts=prompts,
            settings=UiSettings(tmp / folder / "ui.ini"),
            tasks=TaskRunner(),
            data_dir=tmp / folder,
            today=lambda: dt.date(2026, 11, 23),
        )

    controller = Controller(ctx_for(adviser, "adviser-ui"), lambda lang: None)
    window = controller.start()
    window.resize(*SIZE)
    controller.adviser.receiver.import_paths([*pdfs, newer])
    _wait(app, lambda: len(prompts.asked) >= 1)
    suffix = f"-{args.lang}" + ("" if args.scheme == "light" else f"-{args.scheme}")
    overview = controller.adviser.show_overview()
    grab(window, f"23-mission-overview{suffix}", SIZE)
    received = {r.company: r.received_id for r in overview.model.rows()}
    page = controller.adviser.open_received(received[demo.company.name])
    grab(window, f"19-received-summary{suffix}", SIZE)  # what a received dossier opens on
    summary = page.summary
    key = next((f.key for f in summary.red_flags), page.tree_model.item_keys()[0])
    page.select(key)
    page.panel.buttons["insufficient"].click()
    page.panel.comment.setPlainText(
        "Please describe how you check recruitment fees paid by workers of your subcontractor."
    )
    page.panel.flush()
    page.select(key)
    grab(window, f"20-received-item{suffix}", SIZE)
    withheld = next(iter(page.received.withheld_items), None)
    if withheld:
        page.select(withheld)
        grab(window, f"20b-received-withheld{suffix}", SIZE)
    page.tabs.setCurrentIndex(1)
    grab(window, f"21-received-changes{suffix}", SIZE)
    from ddcheck.domain.dossier import Action

    adviser.set_verdict(
        page.received_id,
        "sufficient_with_actions",
        "Good preparation; agree two actions before the mission.",
        reviewer="Fatima el Amrani",
        organisation="RVO",
    )
    adviser.add_agreed_action(
        page.received_id,
        Action(
            id="a1",
            action="Ask the subcontractor for its recruitment-fee policy",
            item_keys=[key],
            due=dt.date(2027, 2, 1),
            priority="high",
        ),
    )
    page.load()
    page.tabs.setCurrentIndex(2)
    grab(window, f"22-received-verdict{suffix}", SIZE)
    page.tabs.setCurrentIndex(3)
    grab(window, f"22b-received-history{suffix}", SIZE)
    overview = controller.adviser.show_overview()
    grab(window, f"23-mission-overview{suffix}", SIZE)
    review = tmp / "review.ddreview"
    adviser.export_review_file(page.received_id, review)

    company_prompts = FakePrompts()
    ctx = ctx_for(company, "company-ui")
    ctx.prompts = company_prompts
    other = Controller(ctx, lambda lang: None)
    company_window = other.start()
    company_window.resize(*SIZE)
    other.adviser.receiver.import_paths([review])
    _wait(app, lambda: len(company_prompts.asked) >= 1)
    other.go_to_item(key)
    grab(company_window, f"24-company-adviser-comment{suffix}", SIZE)
    company_window.show_page(PAGE_ACTIONS)
    grab(company_window, f"25-company-agreed-action{suffix}", SIZE)
    _ = PAGE_CHECKLIST
    from PySide6.QtWidgets import QMessageBox

    from ddcheck.ui.receiving import import_one, report_text

    bad_yaml = tmp / "my-checklist.yaml"
    bad_yaml.write_text("id: my-list\nversion: one\nkind: checklist\n", encoding="utf-8")
    broken = tmp / "broken.pdf"
    broken.write_bytes(pdfs[0].read_bytes()[:5000])
    outcomes = [import_one(adviser, broken)]
    try:
        adviser.import_template(bad_yaml)
    except Exception as error:
        from ddcheck.ui.receiving import _refusal

        outcomes.append(_refusal(bad_yaml, error))
    box = QMessageBox(
        QMessageBox.Icon.Warning, i18n.tr("Import"), report_text(outcomes), parent=window
    )
    box.show()
    grab(box, f"26-import-refused{suffix}", (box.sizeHint().width(), box.sizeHint().height()))
    box.hide()
    from ddcheck.ui.dialogs.choice import choice_dialog
    from ddcheck.ui.template_export import template_choices

    adviser.import_template(_own_checklist(adviser, tmp))
    chooser = choice_dialog(
        window,
        i18n.tr("Export checklist"),
        i18n.tr("Choose the checklist to save as a file that others can import:"),
        [label for _, label in template_choices(adviser)],
    )
    chooser.show()
    grab(chooser, f"27-export-checklist{suffix}", (chooser.width(), chooser.height()))
    chooser.hide()
    internal = QMessageBox(
        QMessageBox.Icon.Question,
        i18n.tr("Import"),
        i18n.tr(
            "{name} is the company's internal version, including answers it marked "
            "confidential. Receive it anyway?",
            name="van-dijk-pompen-intern.pdf",
        ),
        parent=window,
    )
    internal.addButton(i18n.tr("Receive anyway"), QMessageBox.ButtonRole.AcceptRole)
    internal.addButton(QMessageBox.StandardButton.Cancel)
    internal.show()
    size = (internal.sizeHint().width(), internal.sizeHint().height())
    grab(internal, f"28-import-internal{suffix}", size)
    print(prompts.asked, company_prompts.asked)
    print(f"screenshots in {OUT}")
    adviser.close()
    company.close()


def _own_checklist(workspace: Any, folder: Path) -> Path:
    """Write an adviser's own checklist (a shipped one under a new id) and return its file."""
    import yaml

    shipped = next(iter(workspace.templates.values()))
    source = workspace.export_template(shipped.id, folder / "shipped.yaml")
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data["id"], data["version"] = "rvo-mission-extra", 3
    data["title"] = {"en": "Mission extra questions", "nl": "Extra vragen voor de missie"}
    own = folder / "own.yaml"
    own.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return own


if __name__ == "__main__":
    main()
