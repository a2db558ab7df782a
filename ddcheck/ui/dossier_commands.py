"""The commands on the dossier list: new (from a mission too), demo, rename, duplicate, trash."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from ddcheck.ui import i18n
from ddcheck.ui.context import AppContext
from ddcheck.ui.i18n import tr

if TYPE_CHECKING:
    from ddcheck.services.dossiers import DossierInfo
    from ddcheck.ui.main_window import MainWindow

DEMO_KEY = "session/demo_dossier"  # the demo dossier this workspace already has


class CommandHost(Protocol):
    """What the commands need of the controller: its window, and opening and listing dossiers."""

    @property
    def window(self) -> MainWindow:
        """Return the main window (a new one after a language switch)."""
        ...

    def open_dossier_id(self) -> str | None:
        """Return the id of the dossier open in the window, if any."""
        ...

    def refresh_list(self) -> None:
        """List the workspace's dossiers again."""
        ...

    def open_dossier(self, dossier_id: str) -> None:
        """Open a dossier on the checklist page."""
        ...

    def close_dossier(self) -> None:
        """Close the open dossier."""
        ...

    def after_dossier_edit(self, dossier_id: str) -> None:
        """Show a dossier's changed header in the list and, when it is open, in its pages."""
        ...

    def guard(self, call: Callable[[], Any]) -> Any:
        """Run a workspace call; tell the user when it fails and return None."""
        ...


class DossierCommands:
    """Ask what is needed, run the workspace call, and show the result in the window."""

    def __init__(self, ctx: AppContext, host: CommandHost) -> None:
        self.ctx = ctx
        self.host = host

    def new_dossier(self) -> None:
        """Run the wizard and open the new dossier."""
        self.new_dossier_for(None)

    def new_dossier_for(self, mission: Any) -> None:
        """Run the wizard (with a mission from a pack filled in) and open the new dossier."""
        workspace = self.ctx.attached_workspace()
        result = self.ctx.prompts.new_dossier(
            self.host.window, workspace.templates, i18n.language(), mission=mission
        )
        if result is None:
            return
        created = self.host.guard(
            lambda: workspace.create_dossier(
                result.company, result.mission, result.language, require=result.require
            )
        )
        if created is not None:
            self.host.refresh_list()
            self.host.open_dossier(created.id)

    def start_from_mission(self, mission_id: str) -> None:
        """Start the new-dossier wizard with the mission of an opened pack filled in."""
        mission = self.host.guard(lambda: self.ctx.attached_workspace().get_mission(mission_id))
        if mission is not None:
            self.new_dossier_for(mission)

    def open_demo(self) -> None:
        """Open the demo dossier (built once per workspace, then reopened)."""
        workspace = self.ctx.attached_workspace()
        known = self.ctx.settings.text(DEMO_KEY)
        if known and known in {i.id for i in workspace.list_dossiers()}:
            self.host.open_dossier(known)
            return
        from ddcheck.services import demo

        created = self.host.guard(lambda: demo.build_demo(workspace, lang=i18n.language()))
        if created is not None:
            self.ctx.settings.set_text(DEMO_KEY, created.id)
            self.host.refresh_list()
            self.host.open_dossier(created.id)

    def rename(self, dossier_id: str) -> None:
        """Rename a dossier's mission (the title is company — mission)."""
        info = self._info(dossier_id)
        current = info.mission.name if info else ""
        text = self.ctx.prompts.ask_text(
            self.host.window, tr("Rename dossier"), tr("Name of the mission"), current
        )
        if text and text.strip() and text.strip() != current:
            workspace = self.ctx.attached_workspace()
            self.host.guard(lambda: workspace.rename_dossier(dossier_id, text.strip()))
            self.host.after_dossier_edit(dossier_id)

    def duplicate(self, dossier_id: str) -> None:
        """Copy a dossier as the baseline for a next mission."""
        info = self._info(dossier_id)
        current = info.mission.name if info else ""
        name = self.ctx.prompts.ask_text(
            self.host.window,
            tr("Duplicate dossier"),
            tr("Name of the next mission (answers, evidence and actions are copied)"),
            current,
        )
        if not name or not name.strip():
            return
        workspace = self.ctx.attached_workspace()
        copy = self.host.guard(lambda: workspace.duplicate_dossier(dossier_id, name.strip()))
        self.host.refresh_list()
        if copy is not None:
            self.host.window.dossiers.list.select(copy.id)

    def delete(self, dossier_id: str) -> None:
        """Move a dossier to the trash after confirmation."""
        info = self._info(dossier_id)
        title = info.title if info else dossier_id
        if not self.ctx.prompts.confirm(
            self.host.window,
            tr("Delete dossier"),
            tr(
                "Move “{title}” to the trash? You can restore it from the trash later.", title=title
            ),
            tr("Move to trash"),
        ):
            return
        if self.host.open_dossier_id() == dossier_id:
            self.host.close_dossier()
        self.host.guard(lambda: self.ctx.attached_workspace().delete_dossier(dossier_id))
        self.host.refresh_list()

    def trash(self) -> None:
        """Offer to restore dossiers from the trash."""
        workspace = self.ctx.attached_workspace()
        every = self.host.guard(lambda: workspace.list_dossiers(include_trashed=True)) or []
        trashed = [i for i in every if i.trashed_at is not None]
        window = self.host.window
        if not trashed:
            self.ctx.prompts.inform(window, tr("Trash"), tr("The trash is empty."))
            return
        for info in trashed:
            if self.ctx.prompts.confirm(
                window, tr("Trash"), tr("Restore “{title}”?", title=info.title), tr("Restore")
            ):
                self.host.guard(functools.partial(workspace.restore_dossier, info.id))
        self.host.refresh_list()

    def _info(self, dossier_id: str) -> DossierInfo | None:
        """Return the list entry of a dossier (None when it is gone)."""
        listed = self.ctx.attached_workspace().list_dossiers()
        return next((i for i in listed if i.id == dossier_id), None)
