"""The entry point: broken pipes, --data-dir anywhere, help that says what `ddcheck` alone does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ddcheck.cli.main import build_parser, main
from ddcheck.paths import DATA_DIR_ENV


def test_piping_into_head_ends_quietly(tmp_path: Path, capsys):
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "demo", "--items", "1500"]) == 0
    dossier_id = capsys.readouterr().out.split()[0]
    env = {**os.environ, DATA_DIR_ENV: str(data)}
    for args in (["show", dossier_id], ["show", dossier_id, "--json"], ["templates", "schema"]):
        reader = subprocess.Popen(
            [sys.executable, "-m", "ddcheck", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        assert reader.stdout is not None and reader.stdout.readline()
        reader.stdout.close()  # like `| head -1`
        _, err = reader.communicate(timeout=120)
        assert b"Traceback" not in err and b"BrokenPipe" not in err, err.decode()


def test_data_dir_is_accepted_after_the_command(tmp_path: Path, capsys):
    data = tmp_path / "late"
    assert main(["new", "--company", "X", "--mission", "M", "--data-dir", str(data)]) == 0
    capsys.readouterr()
    assert (data / "workspace.sqlite").is_file()
    assert main(["--data-dir", str(data), "list"]) == 0
    assert "X — M" in capsys.readouterr().out


def test_help_says_that_ddcheck_alone_opens_the_app():
    text = " ".join(build_parser().format_help().split())
    assert "without a command" in text and "opens the app" in text


def _positionals(parser, path=()):
    for action in parser._actions:
        if action.option_strings:
            continue
        choices = getattr(action, "choices", None)
        if isinstance(choices, dict):
            for name, sub in choices.items():
                yield from _positionals(sub, (*path, name))
        else:
            yield " ".join(path), action


def test_every_positional_has_help():
    found = _positionals(build_parser())
    missing = [f"{where}: {a.metavar or a.dest}" for where, a in found if not a.help]
    assert missing == []


@pytest.fixture(autouse=True)
def _no_env(monkeypatch):
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)


def test_verify_and_import_of_a_damaged_pdf_print_only_our_sentence(tmp_path: Path, capsys):
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "demo"]) == 0
    dossier_id = capsys.readouterr().out.split()[0]
    good = tmp_path / "good.pdf"
    assert main(["--data-dir", str(data), "export", dossier_id, "-o", str(good), "--force"]) == 0
    capsys.readouterr()
    raw = good.read_bytes()
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(raw[: len(raw) // 2])
    for command in ("verify", "import"):
        done = subprocess.run(
            [sys.executable, "-m", "ddcheck", "--data-dir", str(data), command, str(broken)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 2
        assert done.stderr.count("\n") == 1 and done.stderr.startswith("ddcheck: "), done.stderr
    assert "EOF marker" in (data / "logs" / "ddcheck.log").read_text()


def test_verify_of_a_folder_says_it_is_a_folder(tmp_path: Path, capsys):
    assert main(["verify", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
