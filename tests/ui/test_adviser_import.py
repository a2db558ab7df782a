"""Importing in the app: drag and drop, hostile files, checklists, the mission overview."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from tests.ui.adviser_helpers import adviser, company, company_pdf, import_files, rows_of, start_app

__all__ = ["adviser", "company", "company_pdf"]  # fixtures used by the tests below


def test_mission_overview_sorts_filters_and_exports(
    qtbot: Any,
    qtmodeltester: Any,
    company: Any,
    adviser: Any,
    company_pdf: tuple[Any, Path],
    tmp_path: Path,
    prompts: Any,
) -> None:
    from ddcheck.domain.dossier import Company

    dossier, pdf = company_pdf
    other = company.duplicate_dossier(dossier.id, dossier.mission.name)
    company.update_profile(other.id, company=Company(name="Aardappel Export B.V."))
    second = tmp_path / "files" / "second.pdf"
    company.export_pdf(other.id, second, lang="en", audience="adviser")
    app = start_app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    import_files(qtbot, app, prompts, [pdf, second])
    page = app.window.pages.currentWidget()
    assert page is app.adviser.overview
    qtmodeltester.check(page.model)
    assert page.model.rowCount() == 2
    page.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    completions = [page.model.row_at(r).completion for r in range(2)]
    assert completions == sorted(completions, reverse=True)
    page.search.setText("zzz-nobody")
    assert page.model.rowCount() == 0
    page.search.setText("")
    page.verdict.setCurrentIndex(page.verdict.findData("none"))
    assert page.model.rowCount() == 2
    csv_path = tmp_path / "files" / "overview.csv"
    prompts.save_paths.append(csv_path)
    qtbot.mouseClick(page.csv_button, Qt.MouseButton.LeftButton)
    text = csv_path.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("company,mission,completion_percent")
    assert len(text.splitlines()) == 3
    pdf_path = tmp_path / "files" / "overview.pdf"
    prompts.save_paths.append(pdf_path)
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pdf_path.is_file(), timeout=20000)
    assert pdf_path.read_bytes().startswith(b"%PDF-")


def test_hostile_files_are_refused_and_change_nothing(
    qtbot: Any,
    adviser: Any,
    company_pdf: tuple[Any, Path],
    tmp_path: Path,
    prompts: Any,
    company: Any,
) -> None:
    from tests.exchange.hostile_files import hostile_files

    dossier, pdf = company_pdf
    bundle = tmp_path / "files" / "dossier.ddcheck"
    company.export_bundle(dossier.id, bundle, audience="adviser")
    files = hostile_files(pdf.read_bytes(), bundle.read_bytes(), tmp_path / "hostile")
    app = start_app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    before = rows_of(adviser)
    for name, path in sorted(files.items()):
        message = import_files(qtbot, app, prompts, [path])
        assert prompts.asked[-1][0] == "error", name
        assert "was not imported" in message, (name, message)
        assert "Traceback" not in message
    assert rows_of(adviser) == before
    assert not app.adviser.section.isVisibleTo(app.window)
    # the company's side: the same files and broken review files change nothing either
    (tmp_path / "hostile" / "garbage.ddreview").write_bytes(b'{"format": "ddcheck-review", "x": [')
    (tmp_path / "hostile" / "empty.ddreview").write_bytes(b"")
    (tmp_path / "hostile" / "binary.ddreview").write_bytes(bytes(range(256)) * 50)
    company_prompts = type(prompts)()
    company_app = start_app(qtbot, tmp_path / "company-ui", company, company_prompts)
    company_before = rows_of(company)
    for path in sorted((tmp_path / "hostile").iterdir()):
        message = import_files(qtbot, company_app, company_prompts, [path])
        assert company_prompts.asked[-1][0] == "error", path.name
        assert "was not imported" in message, (path.name, message)
    assert rows_of(company) == company_before


def test_a_dropped_pdf_is_imported_and_a_bad_template_shows_its_lines(
    qtbot: Any, adviser: Any, company_pdf: tuple[Any, Path], tmp_path: Path, prompts: Any
) -> None:
    _dossier, pdf = company_pdf
    app = start_app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(pdf))])
    window = app.window
    drop = QDropEvent(
        QPointF(QPoint(400, 300)),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(
        QPointF(QPoint(400, 300)),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    receiver = app.adviser.receiver
    assert window.acceptDrops()
    # offscreen Qt delivers no synthetic drag events; hand them to the window's filter directly
    assert receiver.eventFilter(window, enter) and enter.isAccepted()
    asked = len(prompts.asked)
    assert receiver.eventFilter(window, drop)
    qtbot.waitUntil(lambda: len(prompts.asked) > asked, timeout=20000)
    assert "was received" in prompts.asked[-1][1]
    assert len(adviser.mission_overview().rows) == 1
    bad = tmp_path / "files" / "bad.yaml"
    bad.write_text("id: my-list\nversion: one\nkind: checklist\n", encoding="utf-8")
    asked = len(prompts.asked)
    prompts.files.append([bad])
    window.import_action.trigger()
    message = prompts.asked[-1][1]
    assert len(prompts.asked) == asked + 2 and prompts.asked[-1][0] == "error"
    assert "bad.yaml was not imported" in message
    assert "  • line 1: sections: is required but missing" in message.splitlines()
    assert str(tmp_path) not in message


def test_new_models_pass_the_model_tester(qtmodeltester: Any) -> None:
    from ddcheck.domain.dossier import Action
    from ddcheck.domain.overview import OverviewRow
    from ddcheck.ui.models.agreed_actions import AgreedActionsModel
    from ddcheck.ui.models.mission_overview import COL_OVERDUE, COL_RECEIVED, MissionOverviewModel

    model = MissionOverviewModel()
    when = dt.datetime(2026, 11, 20, 9, 0)
    model.set_rows(
        [
            OverviewRow(
                "r1", "d1", "B.V. Twee", "Riyadh", 1, when, 5, 10, 2, 1, 0, None, overdue_actions=2
            ),
            OverviewRow("r2", "d2", "Alfa B.V.", "Riyadh", 2, when, 10, 10, 0, 0, 3, "sufficient"),
        ]
    )
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "Alfa B.V."
    model.sort(2, Qt.SortOrder.AscendingOrder)
    assert model.index(0, 2).data() == "50%"
    assert model.index(1, COL_RECEIVED).data() == "2026-11-20 (v2)"
    assert model.index(0, COL_OVERDUE).data() == "2"  # B.V. Twee, sorted last by completion
    actions = AgreedActionsModel(lambda key: key.upper())
    actions.set_rows([Action(id="a", action="Do it", item_keys=["t/i"], due=dt.date(2027, 1, 1))])
    qtmodeltester.check(actions)
    assert actions.index(0, 3).data() == "T/I"


def test_files_dropped_during_an_import_follow_it(
    qtbot: Any,
    adviser: Any,
    company: Any,
    company_pdf: tuple[Any, Path],
    tmp_path: Path,
    prompts: Any,
) -> None:
    dossier, pdf = company_pdf
    second = tmp_path / "files" / "second.pdf"
    company.answer(
        dossier.id, dossier.answers[0].template_id, dossier.answers[0].item_id, note="v2"
    )
    company.export_pdf(dossier.id, second, lang="en", audience="adviser")
    app = start_app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    receiver = app.adviser.receiver
    receiver.import_paths([pdf])
    assert receiver.running
    receiver.import_paths([second])
    qtbot.waitUntil(lambda: len(prompts.asked) == 2 and not receiver.running, timeout=20000)
    assert "was received" in prompts.asked[0][1]
    assert "version 2 was received" in prompts.asked[1][1]


def test_a_newer_checklist_file_is_imported_and_replaces_the_older_one(
    qtbot: Any, adviser: Any, tmp_path: Path, prompts: Any
) -> None:
    import yaml

    template = next(iter(adviser.templates.values()))
    exported = adviser.export_template(template.id, tmp_path / "files" / "list.yaml")
    data = yaml.safe_load(exported.read_text(encoding="utf-8"))
    data["version"] = template.version + 1
    newer = tmp_path / "files" / "list-newer.yaml"
    newer.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    app = start_app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    prompts.files.append([newer])
    app.window.import_action.trigger()  # a built-in checklist: refused unless confirmed
    assert prompts.asked[-2][0] == "confirm" and "built into ddcheck" in prompts.asked[-2][1]
    assert prompts.asked[-1][0] == "error"
    assert adviser.templates[template.id].version == template.version
    prompts.files.append([newer])
    prompts.confirms.append(True)
    app.window.import_action.trigger()
    assert prompts.asked[-1][0] == "inform"
    assert prompts.asked[-1][1] == (
        f"Checklist “{template.title.en}” version {template.version + 1} replaces version "
        f"{template.version}; answers were kept."
    )
    assert adviser.templates[template.id].version == template.version + 1


def test_import_remarks_are_in_the_ui_language(
    qtbot: Any, company: Any, company_pdf: tuple[Any, Path], tmp_path: Path, prompts: Any
) -> None:
    from ddcheck.ui import i18n

    _dossier, pdf = company_pdf
    i18n.set_language("nl")
    app = start_app(qtbot, tmp_path / "company-ui", company, prompts)
    message = import_files(qtbot, app, prompts, [pdf])
    assert "Het is een van uw eigen dossiers" in message
    assert "one of your own" not in message
    assert "ontvangen" in message.splitlines()[0], "the sentence about the file is Dutch too"
