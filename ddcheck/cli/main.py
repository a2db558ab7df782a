"""Entry point: `ddcheck` opens the app; `ddcheck COMMAND ...` runs a command."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from ddcheck import __version__
from ddcheck.cli.errors import UserError
from ddcheck.cli.language import message_language
from ddcheck.cli.secrets import PASSPHRASE_HELP
from ddcheck.cli.terminal import line, safe_terminal
from ddcheck.domain.language import Language
from ddcheck.domain.vocabulary import Wording, catalog_entry

EXIT_OK = 0
EXIT_USER_ERROR = 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a writer whose reader left

COMMAND_MODULES: tuple[str, ...] = (
    "ddcheck.cli.templates",
    "ddcheck.cli.export",
    "ddcheck.cli.dossiers",
    "ddcheck.cli.answers",
    "ddcheck.cli.backup",
    "ddcheck.cli.exchange",
    "ddcheck.cli.review",
    "ddcheck.cli.encryption",
    "ddcheck.cli.travel",
    "ddcheck.cli.handouts",
    "ddcheck.cli.missions",
    "ddcheck.cli.sync",
    "ddcheck.cli.keys",
)

# The commands' names, known without importing their modules (the app starts without them);
# tests/cli check this against the parser.
COMMANDS: frozenset[str] = frozenset(
    {
        "actions",
        "answer",
        "trust-key",
        "attach",
        "backup",
        "check",
        "demo",
        "export",
        "history",
        "import",
        "list",
        "mission",
        "new",
        "overview",
        "received",
        "restore",
        "review",
        "show",
        "sync",
        "templates",
        "travel",
        "handout",
        "verify",
        "workspace",
    }
)
DATA_DIR_HELP = "workspace folder (default: $DDCHECK_DATA_DIR or the user data folder)"


def app_options(*, files: bool = False) -> argparse.ArgumentParser:
    """Return the options of ddcheck itself, for the app and every command alike.

    With `files`, the app's own parser: `ddcheck [FILE ...]` opens the app and imports them.
    """
    parser = argparse.ArgumentParser(prog="ddcheck", add_help=files)
    parser.add_argument("--data-dir", help=DATA_DIR_HELP)
    parser.add_argument("--passphrase-file", metavar="FILE", help=PASSPHRASE_HELP)
    parser.add_argument(
        "--lang",
        dest="ui_lang",  # a command's own --lang (a dossier's or a report's) is another option
        choices=("nl", "en"),
        help="language of the app, or of a command's messages, for this run (nl or en)",
    )
    parser.add_argument(
        "--quit-after-ready", action="store_true", help="show the app's window, then exit 0"
    )
    if files:
        parser.add_argument(
            "files",
            nargs="*",
            metavar="FILE",
            type=Path,
            help="PDFs, .ddcheck bundles, reviews, .ddmission packs or checklists to import",
        )
    return parser


def build_parser() -> argparse.ArgumentParser:
    """Return the parser with every registered subcommand."""
    parser = argparse.ArgumentParser(
        prog="ddcheck",
        description="Offline IMVO due-diligence checklists for trade-mission participants. "
        "Run ddcheck without a command and it opens the app; 'ddcheck FILE ...' opens the app "
        "and imports the files.",
        epilog="'ddcheck COMMAND --help' explains one command.",
        parents=[app_options()],
    )
    parser.add_argument("--version", action="version", version=f"ddcheck {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    _data_dir_everywhere(subparsers)
    return parser


def _data_dir_everywhere(subparsers: argparse._SubParsersAction) -> None:
    """Accept --data-dir after the command too (it overrides the one before, if both are given)."""
    for sub in set(subparsers.choices.values()):
        if not any("--data-dir" in action.option_strings for action in sub._actions):
            sub.add_argument("--data-dir", default=argparse.SUPPRESS, help=DATA_DIR_HELP)
        if not any("--passphrase-file" in action.option_strings for action in sub._actions):
            sub.add_argument(
                "--passphrase-file", metavar="FILE", default=argparse.SUPPRESS, help=PASSPHRASE_HELP
            )
        for action in sub._actions:
            if isinstance(action, argparse._SubParsersAction):
                _data_dir_everywhere(action)


def _wants_gui(argv: Sequence[str]) -> bool:
    """Return whether the arguments open the app: no command among them, no --help/--version."""
    takes_value = {"--data-dir", "--lang", "--passphrase-file"}
    skip_next = False
    for arg in argv:
        if skip_next:
            skip_next = False
        elif arg in takes_value:
            skip_next = True
        elif arg in ("-h", "--help", "--version"):
            return False
        elif arg == "--" or not arg.startswith("-"):
            return arg not in COMMANDS
    return True


# pydantic loads every plugin any installed package declares, by scanning all their metadata;
# ddcheck uses none, and a plugin (a tracer, say) must never see a confidential answer.
NO_PYDANTIC_PLUGINS = ("PYDANTIC_DISABLE_PLUGINS", "__all__")


def main(argv: Sequence[str] | None = None) -> int:
    """Run ddcheck with `argv` (default: the process arguments) and return the exit code."""
    os.environ.setdefault(*NO_PYDANTIC_PLUGINS)
    args_list = list(sys.argv[1:] if argv is None else argv)
    if _wants_gui(args_list):
        app_args = app_options(files=True).parse_args(args_list)  # exits 2 on a bad option
        from ddcheck.ui.system_libs import qt_import_problem

        try:
            from ddcheck.ui.app import run  # Qt is imported only when the GUI starts
        except ImportError as error:  # a system library of Qt's is missing (Linux from pip)
            message = qt_import_problem(error)
            if message is None:
                raise
            print(message, file=sys.stderr)
            return EXIT_USER_ERROR
        return run(app_args)
    parser = build_parser()
    args = parser.parse_args(args_list)
    _log_to_file(args.data_dir)
    lang = args.message_lang = _message_language(args)
    with safe_terminal():  # no control or escape character from any text reaches the terminal
        try:
            return int(args.func(args) or EXIT_OK)
        except UserError as error:
            print(f"ddcheck: {line(error.text(lang))}", file=sys.stderr)
            return EXIT_USER_ERROR
        except KeyboardInterrupt:
            interrupted = Wording(catalog_entry("cli", "interrupted"))
            print(f"ddcheck: {interrupted.text(lang)}", file=sys.stderr)
            return 130
        except BrokenPipeError:
            return _stdout_closed()


def _message_language(args: argparse.Namespace) -> Language:
    """Return the language of this run's messages (--lang, the app's setting, the system's)."""
    from ddcheck.paths import data_paths

    return message_language(args.ui_lang, data_paths(args.data_dir).preferences, os.environ)


def _log_to_file(data_dir: str | None) -> None:
    """Send library warnings (pypdf on damaged PDFs) to logs/ddcheck.log, not the terminal."""
    from ddcheck.logfile import setup_logging
    from ddcheck.paths import data_paths

    setup_logging(data_paths(data_dir).logs)


def _stdout_closed() -> int:
    """The reader went away (`ddcheck show | head`): stop quietly, as other tools do."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # Python's final flush must not fail again
    except (OSError, ValueError):
        pass
    return EXIT_BROKEN_PIPE
