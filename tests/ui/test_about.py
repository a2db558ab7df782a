"""About: version, licence, the bundle's notices and SBOM, About Qt; explicit macOS menu roles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox

import ddcheck
from ddcheck import paths
from ddcheck.ui.dialogs.about_dialog import NOTICES, SBOM, AboutDialog


def _click_link(qtbot: Any, dialog: AboutDialog, href: str) -> None:
    """Activate the link `href` in the dialog's text, as a click on it would."""
    assert f'href="{href}"' in dialog.links.text()
    dialog.links.linkActivated.emit(href)


def test_about_from_the_help_menu_shows_version_and_licence(controller: Any, qtbot: Any) -> None:
    controller.window.about_action.trigger()
    dialog = controller.about_dialog
    qtbot.waitExposed(dialog)
    texts = " ".join(w.text() for w in dialog.findChildren(type(dialog.links)))
    assert f"ddcheck {ddcheck.__version__}" in texts and "EUPL-1.2" in texts
    assert "LGPL-3.0" in texts
    assert not dialog.shipped()  # a source checkout carries no bundle notices: no dead links
    assert "href" not in dialog.links.text()


def test_bundle_notices_and_sbom_are_linked_and_open(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "licences").mkdir()
    (tmp_path / "licences" / NOTICES).write_text("PySide6_Essentials\n", encoding="utf-8")
    (tmp_path / "licences" / SBOM).write_text("{}", encoding="utf-8")
    monkeypatch.setattr(paths, "resource_root", lambda: tmp_path)
    opened: list[Path] = []
    dialog = AboutDialog(ddcheck.__version__, paths.licences_dir(), opened.append)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.shipped()
    _click_link(qtbot, dialog, NOTICES)
    _click_link(qtbot, dialog, SBOM)
    assert opened == [tmp_path / "licences" / NOTICES, tmp_path / "licences" / SBOM]
    image = dialog.grab()
    assert not image.isNull() and image.width() >= 420


def test_about_qt_button_opens_qts_own_box(qtbot: Any, tmp_path: Path) -> None:
    dialog = AboutDialog("1.0", tmp_path, lambda _p: None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    seen: list[str] = []

    def close_qt_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.windowTitle())
            box.close()

    QTimer.singleShot(200, close_qt_box)
    qtbot.mouseClick(dialog.about_qt, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert seen and "Qt" in seen[0]


def test_menu_roles_are_explicit_for_macos(controller: Any) -> None:
    window = controller.window
    assert window.settings_action.menuRole() == QAction.MenuRole.PreferencesRole
    assert window.quit_action.menuRole() == QAction.MenuRole.QuitRole
    assert window.about_action.menuRole() == QAction.MenuRole.AboutRole
    assert window.about_qt_action.menuRole() == QAction.MenuRole.AboutQtRole
    explicit = {
        window.settings_action,
        window.quit_action,
        window.about_action,
        window.about_qt_action,
    }
    others = [a for a in window.actions() if a not in explicit]  # every menu item of _action
    assert len(others) >= 8
    assert {a.menuRole() for a in others} == {QAction.MenuRole.NoRole}
