"""Checklists in the app: export one from the catalog, import it elsewhere; refusals in Dutch."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMenu

from tests.ui.adviser_helpers import adviser, company, import_files, start_app

__all__ = ["adviser", "company"]  # fixtures used by the tests below


def _own_checklist(workspace: Any, folder: Path) -> Any:
    """Import a checklist of the adviser's own (a shipped one under a new id) and return it."""
    import yaml

    shipped = next(iter(workspace.templates.values()))
    source = workspace.export_template(shipped.id, folder / "shipped.yaml")
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data["id"], data["version"] = "rvo-mission-extra", 3
    data["title"] = {"en": "Mission extra questions", "nl": "Extra vragen voor de missie"}
    own = folder / "own.yaml"
    own.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return workspace.import_template(own).template


def test_a_checklist_exported_from_the_menu_is_imported_in_a_second_workspace(
    qtbot: Any, adviser: Any, company: Any, tmp_path: Path, prompts: Any
) -> None:
    files = tmp_path / "files"
    files.mkdir()
    template = _own_checklist(adviser, files)
    app = start_app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    file_menu = next(
        m
        for m in app.window.menuBar().findChildren(QMenu)
        if app.window.import_action in m.actions()
    )
    texts = [a.text() for a in file_menu.actions()]
    assert texts.index("Export &checklist…") == texts.index("&Import…") + 1
    action = app.adviser.export_template_action
    assert action.isEnabled()
    prompts.choices.append(None)  # cancelled: nothing is asked further, nothing written
    action.trigger()
    assert prompts.asked[-1][0] == "choose"
    options = prompts.asked[-1][1].splitlines()
    assert len(options) == len(adviser.templates)
    assert "rvo-mission-extra v3 (imported) — Mission extra questions" in options
    shipped = next(t for t in adviser.templates.values() if t.id != template.id)
    assert f"{shipped.id} v{shipped.version} — {shipped.title.en}" in options
    target = files / "for-companies"  # no extension typed: .yaml is added
    prompts.choices.append(
        options.index("rvo-mission-extra v3 (imported) — Mission extra questions")
    )
    prompts.save_paths.append(target)
    action.trigger()
    written = files / "for-companies.yaml"
    assert prompts.asked[-1] == (
        "inform",
        "“Mission extra questions” version 3 was saved as for-companies.yaml. "
        "Others can add it to their ddcheck with File → Import.",
    )
    assert written.is_file()
    assert "rvo-mission-extra" not in company.templates
    company_prompts = type(prompts)()
    other = start_app(qtbot, tmp_path / "company-ui", company, company_prompts)
    company_prompts.files.append([written])
    other.window.import_action.trigger()
    assert company_prompts.asked[-1] == ("inform", "Checklist “Mission extra questions” was added.")
    assert company.templates["rvo-mission-extra"] == template


def test_a_failed_checklist_export_says_why(
    qtbot: Any, adviser: Any, tmp_path: Path, prompts: Any
) -> None:
    app = start_app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    prompts.choices.append(0)
    taken = tmp_path / "list.yaml"
    taken.mkdir()  # a folder stands where the file should go
    prompts.save_paths.append(taken)
    app.adviser.export_template_action.trigger()
    assert prompts.asked[-1][0] == "error"
    assert "Traceback" not in prompts.asked[-1][1]
    assert taken.is_dir() and not any(taken.iterdir())


def test_import_refusals_are_in_the_ui_language(
    qtbot: Any, adviser: Any, tmp_path: Path, prompts: Any
) -> None:
    from ddcheck.ui import i18n

    files = tmp_path / "files"
    files.mkdir()
    junk = files / "junk.pdf"
    junk.write_bytes(b"not a pdf at all")
    bad = files / "bad.yaml"
    bad.write_text("id: my-list\nversion: one\nkind: checklist\n", encoding="utf-8")
    i18n.set_language("nl")
    app = start_app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
    message = import_files(qtbot, app, prompts, [junk])
    assert prompts.asked[-1][0] == "error"
    assert message == (
        "junk.pdf is niet geïmporteerd: het is geen ddcheck-PDF, .ddcheck-bundel of "
        ".ddreview-bestand."
    )
    prompts.files.append([bad])
    app.window.import_action.trigger()
    lines = prompts.asked[-1][1].splitlines()
    assert lines[0].startswith("bad.yaml is niet geïmporteerd: ")
    assert lines[0].endswith(" in de checklist (zie hieronder).")
    assert any(line.startswith("  • regel 1: ") for line in lines[1:])
    assert "was not imported" not in prompts.asked[-1][1]
