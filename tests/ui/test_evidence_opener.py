"""Received evidence opens only under a sanitised name, after a warning for programs, and the
copies are removed when the app closes."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest

from ddcheck.ui.evidence_opener import EvidenceOpener, is_risky, sanitised_name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("..", "evidence"),
        (".", "evidence"),
        ("../../.bashrc", "bashrc"),
        ("C:\\Windows\\evil.pdf", "evil.pdf"),
        ("invoice\u202efdp.exe", "invoicefdp.exe"),
        ("a\x1b[2Jb\u200b.pdf", "a[2Jb.pdf"),
        ("CON.txt", "_CON.txt"),
        ("rapport.pdf", "rapport.pdf"),
    ],
)
def test_names_are_sanitised(name: str, expected: str) -> None:
    assert sanitised_name(name) == expected


@pytest.mark.parametrize(
    "name", ["invoice.pdf.exe", "run-me.desktop", "x.sh", "x.BAT", "x.js", "x.lnk", "y.app", "z"]
)
def test_programs_and_launchers_are_risky(name: str) -> None:
    assert is_risky(sanitised_name(name))


def test_documents_are_not_risky() -> None:
    assert not any(is_risky(n) for n in ("a.pdf", "b.docx", "c.xlsx", "d.png", "e.txt"))


def test_a_program_opens_only_after_a_warning_and_copies_are_removed(tmp_path: Path) -> None:
    opened: list[Path] = []
    asked: list[str] = []
    opener = EvidenceOpener(opened.append, base=tmp_path)

    def decline(text: str) -> bool:
        asked.append(text)
        return False

    assert opener.open("invoice.pdf.exe", b"MZ", decline) is None
    assert opened == [] and "“.exe”" in asked[0]
    assert opener.open("run-me.desktop", b"[Desktop Entry]", lambda _t: True) is not None
    assert opener.open("..", b"%PDF", decline) is None  # no extension: asked first
    first = opener.open("..", b"%PDF", lambda _t: True)
    second = opener.open("..", b"%PDF-2", lambda _t: True)
    assert first is not None and second is not None and first != second
    assert first.name == second.name == "evidence" and first.parent.parent == opener.folder
    assert all(p.is_file() and opener.folder in p.parents for p in opened)
    assert stat.S_IMODE(opener.folder.stat().st_mode) == 0o700
    folder = opener.folder
    opener.cleanup()
    assert not folder.exists()


def test_the_app_context_asks_through_its_prompts(qtbot: Any, tmp_path: Path) -> None:
    from ddcheck.ui.context import AppContext
    from ddcheck.ui.tasks import TaskRunner

    class Prompts:
        def __init__(self) -> None:
            self.asked: list[str] = []

        def confirm(self, parent: Any, title: str, text: str, ok_label: str) -> bool:
            self.asked.append(text)
            return False

    opened: list[Path] = []
    prompts = Prompts()
    ctx = AppContext(
        workspace=None,
        prompts=prompts,  # type: ignore[arg-type]
        settings=None,  # type: ignore[arg-type]
        tasks=TaskRunner(),
        data_dir=tmp_path,
        open_path=opened.append,
    )
    assert ctx.open_evidence(None, "setup.exe", b"MZ") is None and prompts.asked
    assert ctx.open_evidence(None, "ok.pdf", b"%PDF") is not None and len(opened) == 1
    ctx.cleanup_evidence()
    assert not opened[0].exists()
