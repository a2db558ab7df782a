"""One argument parser for ddcheck: the app's options (--lang too) and `ddcheck FILE`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ddcheck.cli.main import COMMANDS, _wants_gui, app_options, build_parser

ROOT = Path(__file__).resolve().parents[2]


def test_the_command_names_known_without_importing_them_are_the_parsers() -> None:
    parser = build_parser()
    choices = next(a for a in parser._actions if a.dest == "command").choices
    assert set(choices) == COMMANDS


@pytest.mark.parametrize(
    ("argv", "gui"),
    [
        ([], True),
        (["--lang", "nl"], True),
        (["--data-dir", "x", "--quit-after-ready"], True),
        (["dossier.pdf"], True),
        (["--lang", "en", "a.ddcheck", "b.pdf"], True),
        (["list"], False),
        (["--data-dir", "list", "show"], False),
        (["--lang", "nl", "export", "abc"], False),
        (["--help"], False),
        (["--version"], False),
    ],
)
def test_a_command_name_runs_the_command_anything_else_opens_the_app(argv, gui) -> None:
    assert _wants_gui(argv) is gui


def test_the_app_and_the_commands_share_their_options() -> None:
    args = app_options(files=True).parse_args(["--lang", "nl", "--data-dir", "ws", "a.pdf"])
    assert (args.ui_lang, args.data_dir, args.files) == ("nl", "ws", [Path("a.pdf")])
    command = build_parser().parse_args(["--lang", "en", "list"])
    assert command.ui_lang == "en" and command.command == "list"
    with pytest.raises(SystemExit):
        app_options(files=True).parse_args(["--lang", "de"])


def test_ddcheck_file_opens_the_app_in_the_chosen_language_with_the_file_imported(
    tmp_path: Path,
) -> None:
    from ddcheck.services import Workspace
    from ddcheck.services.demo import build_demo

    bundle = tmp_path / "company.ddcheck"
    with Workspace.open(tmp_path / "company") as company:
        dossier = build_demo(company, lang="nl")
        company.export_bundle(dossier.id, bundle)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [
            *(sys.executable, "-m", "ddcheck", "--lang", "nl"),
            *("--data-dir", str(tmp_path / "adviser"), "--quit-after-ready", str(bundle)),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert "is ontvangen (alleen-lezen" in result.stderr  # the import's message, in Dutch
    with Workspace.open(tmp_path / "adviser") as adviser:
        assert len(adviser.mission_overview().rows) == 1
