"""Import files into the workspace from the File menu or by drag and drop, in the background."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from ddcheck.ui import i18n
from ddcheck.ui.background import run_on_workspace
from ddcheck.ui.context import AppContext
from ddcheck.ui.errors import error_text
from ddcheck.ui.i18n import tr, tr_n

log = logging.getLogger(__name__)

EXCHANGE_SUFFIXES = (".pdf", ".ddcheck", ".ddreview")
TEMPLATE_SUFFIXES = (".yaml", ".yml")
MISSION_SUFFIXES = (".ddmission",)
HANDOUT_SUFFIXES = (".xlsx",)
IMPORTABLE = EXCHANGE_SUFFIXES + TEMPLATE_SUFFIXES + MISSION_SUFFIXES + HANDOUT_SUFFIXES
MAX_PROBLEMS_SHOWN = 8


@dataclass(frozen=True)
class HandoutMerged:
    """A returned hand-out that was merged (or cancelled): into which dossier, how much."""

    dossier_id: str
    colleague: str
    applied: int
    skipped: int
    status: str = "handout_merged"  # or "handout_cancelled"


@dataclass(frozen=True)
class Outcome:
    """What importing one file did: a result, or the refusal with its details."""

    path: Path
    result: Any = None
    refusal: str = ""
    problems: tuple[str, ...] = ()
    internal: bool = False  # refused as the company's internal version: may be received anyway

    @property
    def ok(self) -> bool:
        """Return whether the file was imported (or was already there)."""
        return not self.refusal


def name_filter() -> str:
    """Return the file-dialog filter for everything Import accepts."""
    return tr("ddcheck files (*.pdf *.ddcheck *.ddreview *.ddmission *.xlsx *.yaml *.yml)")


def importable(paths: Sequence[Path]) -> list[Path]:
    """Return the paths Import can take (by their extension)."""
    return [p for p in paths if p.suffix.lower() in IMPORTABLE]


def _short(problem: str, path: Path) -> str:
    """Return a problem as 'line N: ...' instead of '/full/path/name.yaml:N: ...'."""
    match = re.match(rf"^{re.escape(str(path))}:(\d+):\s*(.*)$", problem, re.DOTALL)
    if match:
        return tr("line {n}: {problem}", n=match.group(1), problem=match.group(2))
    return problem.replace(str(path), path.name)


def _refusal(path: Path, error: BaseException) -> Outcome:
    sentence = error_text(error, i18n.language())
    if not sentence:
        sentence = tr("{name} was not imported.", name=path.name)
    problems = tuple(_short(str(p), path) for p in getattr(error, "problems", ()) or ())
    return Outcome(path, refusal=_short(sentence, path), problems=problems)


def import_one(workspace: Any, path: Path, *, accept_internal: bool = False) -> Outcome:
    """Import one PDF, bundle or review file; a bundle is restored as own when it is internal.

    A company's internal version that is not one's own is refused (Outcome.internal) unless
    `accept_internal`; then it is received as it is.
    """
    from ddcheck.services.received_model import InternalVersionRefused

    try:
        if path.suffix.lower() == ".ddcheck" and not accept_internal:
            try:
                return Outcome(path, workspace.import_file(path, as_own=True))
            except Exception:  # the adviser's version (or already here): receive it instead
                pass
        return Outcome(path, workspace.import_file(path, accept_internal=accept_internal))
    except InternalVersionRefused as error:
        log.info("import of %s refused as internal: %s", path, error)
        return replace(_refusal(path, error), internal=True)
    except Exception as error:
        log.info("import of %s refused: %s", path, error)
        return _refusal(path, error)


def describe(outcome: Outcome) -> str:
    """Return one sentence about one file's import."""
    from ddcheck.services.authoring import TemplateImport
    from ddcheck.services.mission_packs import PackImport

    if not outcome.ok:
        return outcome.refusal
    result, name = outcome.result, outcome.path.name
    if isinstance(result, PackImport):
        title = result.mission.title(i18n.language())
        if result.upgraded:
            return tr(
                "Mission “{title}” was stored; {n} checklist(s) were updated, answers kept.",
                title=title,
                n=len(result.upgraded),
            )
        return tr("Mission “{title}” was stored.", title=title)
    if isinstance(result, TemplateImport):
        template = result.template
        title = template.title.get(i18n.language())
        if result.status == "unchanged":
            return tr("{name} was already imported; nothing changed.", name=name)
        if result.replaced_version is not None:
            return tr(
                "Checklist “{title}” version {version} replaces version {old}; answers were kept.",
                title=title,
                version=template.version,
                old=result.replaced_version,
            )
        return tr("Checklist “{title}” was added.", title=title)
    status = result.status
    if status == "handout_cancelled":
        return tr("{name}: nothing was saved.", name=name)
    if status == "handout_merged":
        text = tr_n(
            "{n} change from {who}'s hand-out was saved.",
            "{n} changes from {who}'s hand-out were saved.",
            result.applied,
            who=result.colleague or tr("a colleague"),
        )
        if result.skipped:
            text += " " + tr_n(
                "{n} conflict kept ddcheck's value.",
                "{n} conflicts kept ddcheck's value.",
                result.skipped,
            )
        return text
    if status == "review_loaded":
        return tr("The adviser's review of “{title}” was loaded.", title=result.mission)
    if status == "unchanged":
        return tr("{name} was already imported; nothing changed.", name=name)
    if status == "new":
        return tr(
            "{company} — {mission} was received (read-only, under Received).",
            company=result.company,
            mission=result.mission,
        )
    if status == "revision":
        return tr(
            "{company} — {mission}: version {n} was received.",
            company=result.company,
            mission=result.mission,
            n=result.revision,
        )
    return tr("{name} was imported.", name=name)


def report_text(outcomes: Sequence[Outcome]) -> str:
    """Return the message shown after an import: a block per file, problems with their lines."""
    from ddcheck.services.mission_packs import PackImport
    from ddcheck.services.received_model import ImportResult

    blocks: list[list[str]] = []
    for outcome in outcomes:
        lines = [describe(outcome)]
        if isinstance(outcome.result, ImportResult | PackImport):  # the others carry none
            lines += [w.get(i18n.language()) for w in outcome.result.warnings]
        shown = outcome.problems[:MAX_PROBLEMS_SHOWN]
        lines += [f"  • {p}" for p in shown]
        if len(outcome.problems) > len(shown):
            lines.append(tr("  … and {n} more problems.", n=len(outcome.problems) - len(shown)))
        blocks.append(lines)
    if len(blocks) == 1 and not any(line.startswith("  ") for line in blocks[0]):
        return " ".join(blocks[0])
    separator = "\n\n" if any(len(b) > 1 for b in blocks) else "\n"
    return separator.join("\n".join(b) for b in blocks)


class Receiver(QObject):
    """Import files one by one (each all or nothing) and tell the user what happened."""

    finished = Signal(list)
    missionImported = Signal(str)  # a mission pack was opened: start a dossier from it

    def __init__(self, ctx: AppContext, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.window = window
        self.running = False
        self._queued: list[Path] = []
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def choose_and_import(self) -> None:
        """Ask for files and import them."""
        files = self.ctx.prompts.open_files(self.window, tr("Import"), name_filter())
        if files:
            self.import_paths(files)

    def import_paths(self, paths: Sequence[Path]) -> None:
        """Import files: templates at once, the others in the background."""
        if self.ctx.workspace is None:
            return
        if self.running:  # one import at a time; files dropped meanwhile follow it
            self._queued += [Path(p) for p in paths]
            return
        paths = [Path(p) for p in paths]
        templates = [p for p in paths if p.suffix.lower() in TEMPLATE_SUFFIXES]
        packs = [p for p in paths if p.suffix.lower() in MISSION_SUFFIXES]
        handouts = [p for p in paths if p.suffix.lower() in HANDOUT_SUFFIXES]
        others = [p for p in paths if p not in templates and p not in packs and p not in handouts]
        done = [self._import_template(p) for p in templates]
        done += [self._import_pack(p) for p in packs]
        done += [self._import_handout(p) for p in handouts]
        if not others:
            self._finish(done)
            return
        self._run(others, done)

    def _run(self, others: list[Path], done: list[Outcome], accept_internal: bool = False) -> None:
        """Import `others` in the background, then finish with `done` and their outcomes."""
        self.running = True
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)

        def job(workspace: Any, progress: Callable[[float], None], cancelled: Any) -> list:
            outcomes = []
            for n, path in enumerate(others):
                outcomes.append(import_one(workspace, path, accept_internal=accept_internal))
                progress((n + 1) / len(others))
            return outcomes

        run_on_workspace(
            self.ctx,
            job,
            on_done=lambda outcomes: self._finish(done + list(outcomes)),
            on_failed=lambda error: self._finish(done + [_refusal(p, error) for p in others]),
        )

    def _import_pack(self, path: Path) -> Outcome:
        try:
            return Outcome(path, self.ctx.attached_workspace().import_mission_pack(path))
        except Exception as error:
            log.info("mission pack %s refused: %s", path, error)
            return _refusal(path, error)

    def _import_template(self, path: Path) -> Outcome:
        from ddcheck.services.authoring import BuiltInReplacement

        try:
            return Outcome(path, self.ctx.attached_workspace().import_template(path))
        except BuiltInReplacement as error:
            if not self.ctx.prompts.confirm(
                self.window,
                tr("Import"),
                tr(
                    "{reason} Replace the built-in checklist anyway? "
                    "(ddcheck templates revert puts it back.)",
                    reason=error.text(i18n.language()),
                ),
                tr("Replace"),
            ):
                return _refusal(path, error)
            try:
                return Outcome(
                    path, self.ctx.attached_workspace().import_template(path, replace_built_in=True)
                )
            except Exception as again:
                return _refusal(path, again)
        except Exception as error:
            return _refusal(path, error)

    def _import_handout(self, path: Path) -> Outcome:
        """Show what a returned hand-out changes, ask about conflicts, then save it (or not)."""
        from ddcheck.exchange.handout import HandoutRefused
        from ddcheck.ui.dialogs.handout_preview import HandoutPreview

        workspace = self.ctx.attached_workspace()
        try:
            plan = workspace.plan_handout_import(path)
            rows = workspace.preview_handout(plan, i18n.language())
        except HandoutRefused as error:
            return _refusal(path, error)
        except Exception as error:
            log.info("hand-out %s refused: %s", path, error)
            return _refusal(path, error)
        if not plan.changes:
            return Outcome(path, HandoutMerged(plan.dossier_id, plan.colleague, 0, 0))
        dialog = HandoutPreview(plan.colleague, rows, self.window)
        if not self.ctx.prompts.run_dialog(dialog):
            cancelled = HandoutMerged(plan.dossier_id, plan.colleague, 0, 0, "handout_cancelled")
            return Outcome(path, cancelled)
        try:
            applied = workspace.apply_handout(plan, taken=dialog.taken())
        except Exception as error:
            return _refusal(path, error)
        skipped = len(plan.changes) - len(applied)
        return Outcome(path, HandoutMerged(plan.dossier_id, plan.colleague, len(applied), skipped))

    def _accept_internal(self, outcome: Outcome) -> bool:
        """Ask whether to receive a company's internal version anyway."""
        return self.ctx.prompts.confirm(
            self.window,
            tr("Import"),
            tr(
                "{name} is the company's internal version, including answers it marked "
                "confidential. Receive it anyway?",
                name=outcome.path.name,
            ),
            tr("Receive anyway"),
        )

    def _finish(self, outcomes: list[Outcome]) -> None:
        if self.running:
            self.running = False
            QApplication.restoreOverrideCursor()
        accepted = [o.path for o in outcomes if o.internal and self._accept_internal(o)]
        if accepted:  # receive those again, accepted; the others keep their outcome
            self._run(accepted, [o for o in outcomes if o.path not in accepted], True)
            return
        self.finished.emit(outcomes)
        if outcomes:
            text = report_text(outcomes)
            if all(o.ok for o in outcomes):
                self.ctx.prompts.inform(self.window, tr("Import"), text)
            else:
                self.ctx.prompts.error(self.window, tr("Import"), text)
        for outcome in outcomes:
            self._offer_new_key(outcome)
        for outcome in outcomes:
            if outcome.ok and outcome.path.suffix.lower() in MISSION_SUFFIXES:
                self.missionImported.emit(outcome.result.mission.id)
        queued, self._queued = self._queued, []
        if queued:
            self.import_paths(queued)

    def _offer_new_key(self, outcome: Outcome) -> None:
        """Offer to accept the adviser's new key when a review or pack came signed with one."""
        from ddcheck.exchange.signing import short_id
        from ddcheck.services.mission_packs import PackImport
        from ddcheck.services.received_model import ImportResult

        result = outcome.result
        if isinstance(result, ImportResult) and result.new_key:
            kind, subject, key = "adviser", result.dossier_id, result.new_key
            text = tr(
                "The adviser's review of “{title}” is signed with a new key, {key}.",
                title=result.mission,
                key=short_id(key),
            )
        elif isinstance(result, PackImport) and result.signature == "other_key" and result.signer:
            kind, subject, key = "mission", result.mission.id, result.signer
            text = tr(
                "The mission pack “{title}” is signed with a new key, {key}.",
                title=result.mission.title(i18n.language()),
                key=short_id(key),
            )
        else:
            return
        check = tr(
            "Accept it only after you checked it with the adviser, by phone or in person (not by "
            "replying to the e-mail that brought the file). Until then its files keep their "
            "warning."
        )
        title = tr("Accept this key")
        if not self.ctx.prompts.confirm(self.window, title, f"{text}\n\n{check}", tr("Accept key")):
            return
        try:
            done = self.ctx.attached_workspace().trust_sender_key(kind, subject, key)
        except Exception as error:
            log.info("accepting the key failed: %s", error)
            self.ctx.prompts.error(self.window, title, error_text(error, i18n.language()))
            return
        self.ctx.prompts.inform(
            self.window,
            title,
            tr("Key {key} is now trusted for these files.", key=short_id(done.key_id)),
        )

    # ------------------------------------------------------------ drag and drop
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Accept importable files dropped anywhere on the window (outside evidence areas)."""
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(
            event, QDragMoveEvent
        ):
            if importable(_dropped(event)):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            files = importable(_dropped(event))
            if files:
                event.acceptProposedAction()
                self.import_paths(files)
                return True
        return super().eventFilter(watched, event)


def _dropped(event: QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
