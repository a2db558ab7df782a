"""Ask where to save, then write a file: at once, or in the background with the saved state."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QPushButton, QWidget

from ddcheck.ui import i18n
from ddcheck.ui.background import run_on_workspace
from ddcheck.ui.context import AppContext
from ddcheck.ui.errors import error_text
from ddcheck.ui.i18n import tr
from ddcheck.ui.tasks import TaskHandle

StateReport = Callable[[str, str], None]


def safe_name(text: str, fallback: str) -> str:
    """Return `text` as a file-name part: letters and digits, dashes between."""
    return "-".join("".join(c if c.isalnum() else " " for c in text).split()) or fallback


def ask_save_path(
    ctx: AppContext, parent: QWidget, title: str, suggested: Path, name_filter: str
) -> Path | None:
    """Ask where to save; the suggested file's extension is added when the user left it off."""
    path = ctx.prompts.save_file(parent, title, suggested, name_filter)
    if path is not None and path.suffix.lower() != suggested.suffix.lower():
        path = path.with_suffix(suggested.suffix)
    return path


def write_pdf_in_background(
    ctx: AppContext,
    parent: QWidget,
    button: QPushButton,
    path: Path,
    job: Callable[[Any, Path], Any],
    report: StateReport,
) -> TaskHandle | None:
    """Run `job(workspace, path)` in the background; then offer to open the PDF."""
    button.setEnabled(False)
    report("saving", tr("Writing the PDF…"))

    def done(_result: Any) -> None:
        button.setEnabled(True)
        report("saved", tr("Saved as {path}", path=str(path)))
        if ctx.prompts.ask_open_result(parent, path):
            ctx.open_path(path)

    def failed(error: BaseException) -> None:
        button.setEnabled(True)
        reason = error_text(error, i18n.language())
        report("error", tr("The export failed: {error}", error=reason))
        ctx.prompts.error(parent, tr("Export failed"), reason)

    return run_on_workspace(
        ctx, lambda ws, _progress, _cancelled: job(ws, path), on_done=done, on_failed=failed
    )
