"""The composition root: parse arguments, open the workspace, build the context, run Qt."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from PySide6.QtCore import QEvent, QLocale, QObject, QTimer, QTranslator, Signal
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QWidget

from ddcheck import APP_NAME, __version__, paths
from ddcheck.ui import i18n
from ddcheck.ui.errors import error_text, make_excepthook
from ddcheck.ui.feature_scan import quicken_feature_scan
from ddcheck.ui.i18n import Language
from ddcheck.ui.prompts import Prompts, UnattendedPrompts
from ddcheck.ui.recovery import RESTORE, START_EMPTY
from ddcheck.ui.settings import UiSettings
from ddcheck.ui.startup_collection import StartupCollection

log = logging.getLogger(__name__)

DESKTOP_FILE_NAME = "io.github.ddcheck.ddcheck"  # packaging/linux/<this>.desktop: the dock icon

NO_DISPLAY = (
    "ddcheck needs a desktop session; no display found. To check that it starts, use "
    "QT_QPA_PLATFORM=offscreen ddcheck --quit-after-ready; all ddcheck COMMANDs work without "
    "a display."
)


def has_display(env: Mapping[str, str], platform: str) -> bool:
    """Return whether Qt can show a window: on Linux a display, Wayland or a chosen platform."""
    if not platform.startswith("linux"):
        return True
    return any(env.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


class Translators:
    """Install our catalog language and Qt's own translations (dialog buttons) together."""

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._qt: QTranslator | None = None

    def apply(self, lang: Language) -> None:
        """Switch the UI language."""
        i18n.set_language(lang)
        if self._qt is not None:
            self._app.removeTranslator(self._qt)
            self._qt = None
        if lang == "nl":
            from PySide6.QtCore import QLibraryInfo

            translator = QTranslator(self._app)
            folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if translator.load(QLocale(QLocale.Language.Dutch), "qtbase", "_", folder):
                self._app.installTranslator(translator)
                self._qt = translator
            else:
                log.warning("Qt's Dutch translations were not found in %s", folder)
        QLocale.setDefault(
            QLocale(QLocale.Language.Dutch if lang == "nl" else QLocale.Language.English)
        )


class DdcheckApplication(QApplication):
    """The application object; it passes on files the system asks ddcheck to open (macOS)."""

    file_opened = Signal(str)

    def event(self, event: QEvent) -> bool:
        """Turn a QFileOpenEvent (a double-clicked document on macOS) into `file_opened`."""
        if event.type() == QEvent.Type.FileOpen:
            name = event.file() if isinstance(event, QFileOpenEvent) else ""
            if name:
                self.file_opened.emit(name)
                return True
        return super().event(event)


def make_application(argv: Sequence[str]) -> QApplication:
    """Return the QApplication (the existing one in tests)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = DdcheckApplication([sys.argv[0] if sys.argv else APP_NAME, *argv])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    return app


def app_icon() -> Any:
    """Return the app icon made by packaging (every PNG size), when present."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    folder = paths.resources_dir() / "icons" / "app"
    for png in sorted(folder.glob("ddcheck-*.png")) if folder.is_dir() else []:
        icon.addFile(str(png))
    return icon


def open_workspace(data_dir: Path, prompts: Prompts, catalog: Any = None) -> Any | None:
    """Open the workspace; while a damage is pending, offer its backup or starting empty.

    None means: quit. A damage stays pending (and is mentioned on every start) until the user
    restores the backup or chooses to start empty.
    """
    from ddcheck.paths import data_paths
    from ddcheck.services import Workspace, WorkspaceDamaged, WorkspaceError
    from ddcheck.services.encryption import KeyringKeychain, unlock

    if catalog is None:
        from ddcheck.catalog.cache import shipped_catalog

        catalog = shipped_catalog(paths.cache_dir())
    lang = i18n.language()
    keychain = KeyringKeychain()
    try:
        secret = _ask_until_it_fits(data_dir, prompts, keychain)
        if secret is False:
            return None
        opening = {"catalog": catalog, "passphrase": secret, "keychain": keychain}
        try:
            workspace = Workspace.open(data_dir, **opening)
            found = ""
        except WorkspaceDamaged as damage:  # set aside; from now on it is a pending damage
            workspace, found = None, damage.text(lang)
        key = unlock(data_paths(data_dir), secret, keychain)
        pending = Workspace.pending_damage(data_dir, key)
        if pending is None and workspace is not None:
            return workspace
        if workspace is not None:
            workspace.close()
        text, backup = (pending.text(lang), pending.backup) if pending else (found, None)
        choice = prompts.damaged_workspace(None, text, backup)
        if choice == RESTORE and backup is not None:
            Workspace.restore(data_dir, backup, key=key)
        elif choice == START_EMPTY:
            Workspace.dismiss_damage(data_dir)
        else:
            return None
        return Workspace.open(data_dir, **opening)
    except WorkspaceError as error:
        prompts.error(None, i18n.tr("ddcheck cannot open your workspace"), error.text(lang))
        return None
    except OSError as error:
        prompts.error(None, i18n.tr("ddcheck cannot open your workspace"), error_text(error, lang))
        return None


def _ask_until_it_fits(
    data_dir: Path, prompts: Prompts, keychain: Any
) -> str | Literal[False] | None:
    """Return the passphrase of an encrypted workspace (None: plain or remembered; False: quit)."""
    from ddcheck.paths import data_paths
    from ddcheck.services import WorkspaceLocked, WrongPassphrase
    from ddcheck.services.encryption import unlock

    paths = data_paths(data_dir)
    secret: str | None = None
    problem = ""
    while True:
        try:
            unlock(paths, secret, keychain)
            return secret
        except WorkspaceLocked:
            pass
        except WrongPassphrase as wrong:
            problem = wrong.text(i18n.language())
        secret = prompts.passphrase(
            None,
            i18n.tr("This workspace is encrypted. Type its passphrase (or the recovery key)."),
            problem,
        )
        if secret is None:
            return False


def _print_error(text: str) -> None:
    print(text, file=sys.stderr)


class AfterFirstPaint(QObject):
    """Call `then` once, right after `window` was first painted (or after `wait_ms` at most)."""

    def __init__(self, window: QWidget, then: Callable[[], None], wait_ms: int = 250) -> None:
        super().__init__(window)
        self._then: Callable[[], None] | None = then
        self._paint = QEvent.Type.Paint
        window.installEventFilter(self)
        QTimer.singleShot(wait_ms, self, self._call)  # a minimized window is never painted

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Queue the call when the first paint arrives (it runs after the paint is done)."""
        if self._then is not None and event.type() == self._paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._call)
        return False

    def _call(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()


def run(args: argparse.Namespace, prompts: Prompts | None = None) -> int:
    """Start the desktop app with the options ddcheck.cli.main parsed; return its exit code.

    First an empty window (title, remembered geometry, background colour) is shown; its menus,
    sidebar and pages are built right after its first paint, and the catalog and the workspace
    are opened after that, so the user sees ddcheck at once.
    """
    quicken_feature_scan()  # before the modules start-up imports, each of which PySide6 checks
    collection = StartupCollection()
    collection.pause()
    try:
        return _run(args, prompts, collection)
    finally:
        collection.resume()


def _run(args: argparse.Namespace, prompts: Prompts | None, collection: StartupCollection) -> int:
    """Start the app with the cycle collector paused until `collection` is resumed."""
    if not has_display(os.environ, sys.platform):
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    if sys.platform.startswith("linux"):
        from ddcheck.ui.system_libs import xcb_problem

        problem = xcb_problem(os.environ)  # instead of Qt's abort for a missing X11 library
        if problem:
            print(problem, file=sys.stderr)
            return 2
    app = make_application([])
    from ddcheck.ui.style import apply_shell_palette

    apply_shell_palette(app)
    data = paths.data_paths(args.data_dir)
    try:
        data.root.mkdir(parents=True, exist_ok=True)
    except OSError as error:  # a read-only or impossible data folder: one line, no traceback
        reason = error.strerror or str(error)
        print(f"ddcheck: cannot use the data folder {data.root}: {reason}", file=sys.stderr)
        return 2
    files = [Path(f) for f in getattr(args, "files", None) or ()]
    from ddcheck.ui.single_instance import SingleInstance

    instance = SingleInstance(data.app_lock, data.root)
    if not instance.claim():  # ddcheck is open on this workspace: it takes the files and comes up
        return _hand_over(instance, files, data.root)
    try:
        return _run_claimed(args, app, data, files, instance, prompts, collection.resume)
    finally:
        instance.release()


def _hand_over(instance: Any, files: list[Path], root: Path) -> int:
    """Pass `files` to the app already open on the workspace at `root`; return the exit code."""
    if instance.hand_over(files):
        taken = f"; it imports {len(files)} file(s)" if files else ""
        print(f"ddcheck is already open on {root}; its window was brought forward{taken}.")
        return 0
    holder = instance.holder()
    process = f" (process {holder})" if holder else ""
    print(
        f"ddcheck: another ddcheck{process} has the workspace {root} open but does not answer; "
        "close it and try again",
        file=sys.stderr,
    )
    return 2


class OpenRequests(QObject):
    """Files the desktop or a later start asked to open: queued until the workspace is open."""

    def __init__(self, app: QApplication, window: QWidget) -> None:
        super().__init__(app)
        self._window = window
        self._pending: list[Path] = []
        self._deliver: Callable[[list[Path]], None] | None = None
        if isinstance(app, DdcheckApplication):  # macOS sends opened documents as events
            app.file_opened.connect(lambda name: self.request([Path(name)]))

    def request(self, files: list[Path]) -> None:
        """Bring the window forward and import `files` (now, or once the workspace is open)."""
        window = self._window
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()
        if not files:
            return
        if self._deliver is None:
            self._pending.extend(files)
        else:
            self._deliver(files)

    def deliver_to(self, deliver: Callable[[list[Path]], None]) -> None:
        """Import through `deliver` from now on, starting with what was queued."""
        self._deliver = deliver
        pending, self._pending = self._pending, []
        if pending:
            deliver(pending)


def _run_claimed(
    args: argparse.Namespace,
    app: QApplication,
    data: Any,
    files: list[Path],
    instance: Any,
    prompts: Prompts | None,
    started: Callable[[], None],
) -> int:
    """Run the app on a workspace this process holds the app lock of; `started` once usable."""
    from ddcheck.ui.style import apply_font_and_sheet, apply_palette, follow_system_scheme

    if prompts is None:
        prompts = UnattendedPrompts(_print_error) if args.quit_after_ready else Prompts()
    settings = UiSettings(data.preferences)
    outcome = {"code": 0}

    def unexpected(text: str) -> None:
        prompts.error(None, i18n.tr("Unexpected error"), text)
        if args.quit_after_ready:  # a smoke test must fail, not wait for a person
            outcome["code"] = 1
            app.exit(1)

    sys.excepthook = make_excepthook(unexpected)
    from ddcheck.ui.context import AppContext
    from ddcheck.ui.main_window import MainWindow
    from ddcheck.ui.tasks import TaskRunner

    ctx = AppContext(
        workspace=None, prompts=prompts, settings=settings, tasks=TaskRunner(), data_dir=data.root
    )
    window = MainWindow(ctx, shell=True)
    window.restore_state()
    window.show()
    requests = OpenRequests(app, window)
    instance.opened.connect(requests.request)

    def build() -> None:
        instance.listen()  # a later start waits for this (QtNetwork: not before the first paint)
        apply_palette(app)  # what the system asks for: scheme and contrast
        apply_font_and_sheet(app)
        follow_system_scheme(app)
        app.setWindowIcon(app_icon())
        system_language = i18n.pick_language(QLocale.system().uiLanguages())
        translators = Translators(app)
        translators.apply(args.lang or settings.language() or system_language)
        ctx.system_language = system_language
        from ddcheck.ui.controller import Controller

        controller = Controller(ctx, translators.apply, shell=window)
        controller.show_shell()
        app.processEvents()  # paint the full window before the slower catalog and workspace
        QTimer.singleShot(0, lambda: finish_start(controller))

    def finish_start(controller: Any) -> None:
        from ddcheck.logfile import setup_logging

        setup_logging(data.logs)  # the same log file and handler as the command line
        workspace = open_workspace(data.root, prompts)
        if workspace is None:
            started()
            outcome["code"] = 1
            window.close()
            app.exit(1)
            return
        controller.attach(workspace)
        started()  # usable: from here on, the app makes garbage like any other
        if not args.quit_after_ready:
            QTimer.singleShot(0, controller.window.security.offer_on_first_start)

        def quit_now(*_: object) -> None:
            QTimer.singleShot(0, lambda: (controller.window.close(), app.exit(0)))

        if args.quit_after_ready:  # ready: the window is usable and the files are imported
            if files:
                controller.adviser.receiver.finished.connect(quit_now)
            else:
                quit_now()
        if files:
            controller.import_files(files)
        requests.deliver_to(controller.import_files)

    AfterFirstPaint(window, build)
    code = app.exec()
    ctx.cleanup_evidence()  # opened copies of evidence go when the app closes
    ctx.tasks.wait(10000)
    if ctx.workspace is not None:
        ctx.workspace.close()
    return int(code or outcome["code"])
