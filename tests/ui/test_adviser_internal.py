"""A company's internal export: the app asks before receiving it; one's own bundle is restored."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.ui.adviser_helpers import adviser, company, import_files, rows_of, start_app

__all__ = ["adviser", "company"]  # fixtures used by the tests below

QUESTION = (
    "{name} is the company's internal version, including answers it marked confidential. "
    "Receive it anyway?"
)


def _internal_files(company: Any, folder: Path) -> tuple[Any, Path, Path]:
    from ddcheck.services.demo import build_demo

    dossier = build_demo(company, lang="en")
    pdf = folder / "internal.pdf"
    company.export_pdf(dossier.id, pdf, lang="en", audience="internal")
    bundle = folder / "internal.ddcheck"
    company.export_bundle(dossier.id, bundle, audience="internal")
    return dossier, pdf, bundle


def test_an_internal_pdf_is_received_only_when_the_adviser_says_yes(
    qtbot: Any, company: Any, adviser: Any, tmp_path: Path, prompts: Any
) -> None:
    dossier, pdf, _bundle = _internal_files(company, tmp_path)
    app = start_app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    before = rows_of(adviser)
    prompts.confirms.append(False)
    message = import_files(qtbot, app, prompts, [pdf])
    assert prompts.asked[-2] == ("confirm", QUESTION.format(name="internal.pdf"))
    assert prompts.asked[-1][0] == "error" and "internal version" in message
    assert rows_of(adviser) == before
    prompts.confirms.append(True)
    asked = len(prompts.asked)
    prompts.files.append([pdf])
    app.window.import_action.trigger()
    qtbot.waitUntil(lambda: len(prompts.asked) >= asked + 3, timeout=20000)
    assert prompts.asked[asked + 1] == ("confirm", QUESTION.format(name="internal.pdf"))
    assert prompts.asked[-1][0] == "inform" and "was received" in prompts.asked[-1][1]
    rows = adviser.mission_overview().rows
    assert [r.company for r in rows] == [dossier.company.name]
    assert app.window.pages.currentWidget() is app.adviser.page
    assert adviser.list_dossiers() == []  # received, not one's own


def test_an_internal_bundle_in_the_dutch_ui_asks_in_dutch(
    qtbot: Any, company: Any, adviser: Any, tmp_path: Path, prompts: Any
) -> None:
    from ddcheck.ui import i18n

    _dossier, _pdf, bundle = _internal_files(company, tmp_path)
    adviser.import_file(bundle, as_own=True)  # already here as one's own: received only if asked
    i18n.set_language("nl")
    app = start_app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    prompts.confirms.append(False)
    message = import_files(qtbot, app, prompts, [bundle])
    assert prompts.asked[-2] == (
        "confirm",
        "internal.ddcheck is de interne versie van het bedrijf, met de antwoorden die het "
        "vertrouwelijk heeft gemaakt. Toch ontvangen?",
    )
    assert message.startswith("internal.ddcheck is niet geïmporteerd: het is de interne versie")
    assert not adviser.mission_overview().rows


def test_ones_own_internal_bundle_is_restored_without_a_question(
    qtbot: Any, company: Any, tmp_path: Path, prompts: Any, catalog: Any
) -> None:
    from ddcheck.services import Workspace

    dossier, _pdf, bundle = _internal_files(company, tmp_path)
    laptop = Workspace.open(tmp_path / "laptop", user="company", catalog=catalog)
    try:
        app = start_app(qtbot, tmp_path / "laptop-ui", laptop, prompts)
        import_files(qtbot, app, prompts, [bundle])
        assert not any(kind == "confirm" for kind, _ in prompts.asked)
        assert [d.id for d in laptop.list_dossiers()] == [dossier.id]
        assert not laptop.mission_overview().rows
        assert app.session is not None and app.session.dossier_id == dossier.id
    finally:
        laptop.close()
