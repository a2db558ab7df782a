"""The adviser's side in the app: receive, review, export the review; the company loads it back."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from ddcheck.ui.main_window import PAGE_ACTIONS, PAGE_CHECKLIST


def _ctx(folder: Path, workspace: Any, prompts: Any) -> Any:
    from ddcheck.ui.context import AppContext
    from ddcheck.ui.settings import UiSettings
    from ddcheck.ui.tasks import TaskRunner

    opened: list[Path] = []
    ctx = AppContext(
        workspace=workspace,
        prompts=prompts,
        settings=UiSettings(folder / "ui-settings.ini"),
        tasks=TaskRunner(),
        data_dir=folder,
        open_path=opened.append,
        today=lambda: dt.date(2026, 11, 23),
        now=lambda: dt.datetime(2026, 11, 23, 14, 30),
    )
    ctx.extras["opened"] = opened
    return ctx


def _app(qtbot: Any, folder: Path, workspace: Any, prompts: Any) -> Any:
    from ddcheck.ui import i18n
    from ddcheck.ui.controller import Controller

    controller = Controller(_ctx(folder, workspace, prompts), i18n.set_language)
    window = controller.start()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    return controller


@pytest.fixture
def company(tmp_path: Path, catalog: Any) -> Iterator[Any]:
    from ddcheck.services import Workspace

    workspace = Workspace.open(tmp_path / "company", user="company", catalog=catalog)
    yield workspace
    workspace.close()


@pytest.fixture
def adviser(tmp_path: Path, catalog: Any) -> Iterator[Any]:
    from ddcheck.services import Workspace

    workspace = Workspace.open(tmp_path / "adviser", user="adviser", catalog=catalog)
    yield workspace
    workspace.close()


@pytest.fixture
def company_pdf(company: Any, tmp_path: Path) -> tuple[Any, Path]:
    """Return the company's demo dossier and the adviser PDF it exported."""
    from ddcheck.services.demo import build_demo

    dossier = build_demo(company, lang="en")
    pdf = tmp_path / "files" / "dossier.pdf"
    company.export_pdf(dossier.id, pdf, lang="en", audience="adviser")
    return dossier, pdf


def _import(qtbot: Any, controller: Any, prompts: Any, files: list[Path]) -> str:
    """Import through File → Import and wait for the background task; return the message."""
    asked = len(prompts.asked)
    prompts.files.append(files)
    controller.window.import_action.trigger()
    qtbot.waitUntil(lambda: len(prompts.asked) > asked + 1, timeout=20000)
    return prompts.asked[-1][1]


def _state(workspace: Any) -> list:
    """Return every row of the workspace file (read-only): a refused import must change none."""
    from tests.services.exchange_helpers import dump

    return dump(workspace.paths.database)


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
    app = _app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    side = app.adviser
    assert not side.section.isVisibleTo(app.window)

    message = _import(qtbot, app, prompts, [pdf])
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
    company_app = _app(qtbot, tmp_path / "company-ui", company, company_prompts)
    message = _import(qtbot, company_app, company_prompts, [review_path])
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
    app = _app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    _import(qtbot, app, prompts, [pdf])
    first = app.adviser.page
    assert not first.tabs.isTabEnabled(1)
    answer = next(a for a in dossier.answers if a.note and not a.confidential)
    company.answer(dossier.id, answer.template_id, answer.item_id, note="Updated after the call")
    newer = tmp_path / "files" / "dossier-v2.pdf"
    company.export_pdf(dossier.id, newer, lang="en", audience="adviser")
    message = _import(qtbot, app, prompts, [newer])
    assert "version 2 was received" in message
    page = app.adviser.page
    assert page.revision.count() == 2 and page.tabs.isTabEnabled(1)
    rows = {
        (
            page.changes.item(r, 0).text(),
            page.changes.item(r, 2).text(),
            page.changes.item(r, 4).text(),
        )
        for r in range(page.changes.rowCount())
    }
    assert ("Answer", "note", "Updated after the call") in rows
    assert _import(qtbot, app, prompts, [newer]).endswith("was already imported; nothing changed.")


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
    app = _app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    _import(qtbot, app, prompts, [pdf, second])
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
    app = _app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    before = _state(adviser)
    for name, path in sorted(files.items()):
        message = _import(qtbot, app, prompts, [path])
        assert prompts.asked[-1][0] == "error", name
        assert "was not imported" in message, (name, message)
        assert "Traceback" not in message
    assert _state(adviser) == before
    assert not app.adviser.section.isVisibleTo(app.window)
    # the company's side: the same files and broken review files change nothing either
    (tmp_path / "hostile" / "garbage.ddreview").write_bytes(b'{"format": "ddcheck-review", "x": [')
    (tmp_path / "hostile" / "empty.ddreview").write_bytes(b"")
    (tmp_path / "hostile" / "binary.ddreview").write_bytes(bytes(range(256)) * 50)
    company_prompts = type(prompts)()
    company_app = _app(qtbot, tmp_path / "company-ui", company, company_prompts)
    company_before = _state(company)
    for path in sorted((tmp_path / "hostile").iterdir()):
        message = _import(qtbot, company_app, company_prompts, [path])
        assert company_prompts.asked[-1][0] == "error", path.name
        assert "was not imported" in message, (path.name, message)
    assert _state(company) == company_before


def test_a_dropped_pdf_is_imported_and_a_bad_template_shows_its_lines(
    qtbot: Any, adviser: Any, company_pdf: tuple[Any, Path], tmp_path: Path, prompts: Any
) -> None:
    _dossier, pdf = company_pdf
    app = _app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
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
    from ddcheck.services.overview import OverviewRow
    from ddcheck.ui.models.agreed_actions import AgreedActionsModel
    from ddcheck.ui.models.mission_overview import MissionOverviewModel

    model = MissionOverviewModel()
    when = dt.datetime(2026, 11, 20, 9, 0)
    model.set_rows(
        [
            OverviewRow("r1", "d1", "B.V. Twee", "Riyadh", 1, when, 5, 10, 2, 1, 0, None),
            OverviewRow("r2", "d2", "Alfa B.V.", "Riyadh", 2, when, 10, 10, 0, 0, 3, "sufficient"),
        ]
    )
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "Alfa B.V."
    model.sort(2, Qt.SortOrder.AscendingOrder)
    assert model.index(0, 2).data() == "50%"
    assert model.index(1, 7).data() == "2026-11-20 (v2)"
    actions = AgreedActionsModel(lambda key: key.upper())
    actions.set_actions(
        [Action(id="a", action="Do it", item_keys=["t/i"], due=dt.date(2027, 1, 1))]
    )
    qtmodeltester.check(actions)
    assert actions.index(0, 3).data() == "T/I"


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
    app = _app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    message = _import(qtbot, app, prompts, [pdf, bundle])
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
    opened = app.ctx.extras["opened"]
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
    app = _app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    _import(qtbot, app, prompts, [pdf])
    received_id = app.adviser.page.received_id
    try:
        app.switch_language("nl")
        qtbot.addWidget(app.window)
        assert app.adviser.current_id() == received_id
        assert app.adviser.page.tabs.tabText(0) == "Vragen"
        assert app.adviser.list.item(0).text() == "Missieoverzicht"
    finally:
        i18n.set_language("en")


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
    app = _app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
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
    app = _app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    prompts.files.append([newer])
    app.window.import_action.trigger()
    assert prompts.asked[-1][0] == "inform"
    assert prompts.asked[-1][1] == (
        f"Checklist “{template.title.en}” version {template.version + 1} replaces version "
        f"{template.version}; answers were kept."
    )
    assert adviser.templates[template.id].version == template.version + 1


def test_a_comment_typed_just_before_closing_is_saved(
    qtbot: Any, adviser: Any, company_pdf: tuple[Any, Path], tmp_path: Path, prompts: Any
) -> None:
    _dossier, pdf = company_pdf
    app = _app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    _import(qtbot, app, prompts, [pdf])
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
    app = _app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    _import(qtbot, app, prompts, [pdf])
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
