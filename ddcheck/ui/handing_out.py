"""File → Hand out sections…: the dialog, where to save, and the workbook written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from ddcheck.ui import i18n
from ddcheck.ui.context import AppContext
from ddcheck.ui.i18n import tr, tr_n
from ddcheck.ui.session import DossierSession


def hand_out(
    ctx: AppContext, window: QWidget, session: DossierSession, guard: Callable[..., Any]
) -> Path | None:
    """Ask for sections and a colleague's name, then where to save; write the hand-out."""
    from ddcheck.ui.dialogs.handout_dialog import HandoutDialog

    dialog = HandoutDialog(session.dossier, session.templates, i18n.language(), window)
    if not ctx.prompts.run_dialog(dialog):
        return None
    who = dialog.colleague.text().strip()
    safe = "".join(c for c in who if c.isalnum() or c in " -_").strip() or "hand-out"
    target = ctx.prompts.save_file(
        window,
        tr("Save the hand-out as"),
        Path.home() / f"{safe}.xlsx",
        tr("Excel workbook (.xlsx)") + " (*.xlsx)",
    )
    if target is None:
        return None
    if target.suffix.lower() != ".xlsx":
        target = target.with_name(target.name + ".xlsx")
    count = guard(
        lambda: ctx.attached_workspace().write_handout(
            session.dossier_id, target, to=who, sections=dialog.chosen(), lang=dialog.lang()
        )
    )
    if count is None:
        return None
    ctx.prompts.inform(
        window,
        tr("Hand out sections"),
        tr_n(
            "{path} holds {n} question for {name}.",
            "{path} holds {n} questions for {name}.",
            count,
            path=str(target),
            name=who,
        ),
    )
    return target
